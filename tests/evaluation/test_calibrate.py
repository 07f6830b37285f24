from alignck.evaluation.calibrate import calibrate
from alignck.evaluation.run import Pair


def _pair(score: float, commitment: float, label: str) -> Pair:
    return Pair("d", "p", "gap", score, commitment, label, None, ())


def test_calibration_separates_the_classes() -> None:
    pairs = [
        _pair(0.9, 0.9, "yes"),
        _pair(0.6, 0.0, "partial"),
        _pair(0.55, 0.55, "yes"),
        _pair(0.2, 0.2, "no"),
        _pair(0.1, 0.0, "no"),
    ]
    found = calibrate(pairs)
    assert 0.2 < found.thresholds.partial <= 0.55
    assert found.addressed.f1 == 1.0
    assert found.thresholds.aligned >= found.thresholds.partial
    assert found.strong.f1 == 1.0
    assert found.partial_curve and found.aligned_curve
