"""Equal values share one object, without changing what any of them prints."""

import math

from alignck.interning import shared_float


def test_equal_rounded_values_share_one_float_but_keep_their_sign_and_nan() -> None:
    first = shared_float(round(0.123456789, 4))
    second = shared_float(float("0.1235"))
    assert first == second == 0.1235 and first is second
    negative_zero = shared_float(round(-0.00001, 4))
    assert math.copysign(1.0, negative_zero) == -1.0
    assert math.copysign(1.0, shared_float(0.0)) == 1.0
    assert math.isnan(shared_float(float("nan")))
