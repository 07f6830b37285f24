"""The cycle collector paused around bulk work, and the caller's setting kept."""

import gc

import pytest

from alignck import collector


def test_paused_stops_the_collector_and_restores_it() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_restores_it_after_an_error() -> None:
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_a_caller_who_disabled_it_keeps_it_disabled() -> None:
    gc.disable()
    try:
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
