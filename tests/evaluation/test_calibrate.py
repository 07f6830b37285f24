from alignck.evaluation.calibrate import calibrate
from alignck.evaluation.run import Pair


def _pair(
    score: float, commitment: float, label: str, grounded: bool = True, committed: bool = True
) -> Pair:
    return Pair("d", "p", "gap", score, commitment, label, None, (), None, "", grounded, committed)


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


def test_a_sweep_judges_as_check_does_a_pair_with_nothing_to_ground_it_stays_a_gap() -> None:
    from alignck.evaluation.run import relabel
    from alignck.model import Thresholds

    # A high score with no passage to ground it is a gap in check at any threshold; and an
    # aligned verdict needs a commitment among its grounds.
    ungrounded = _pair(0.8, 0.8, "no", grounded=False, committed=False)
    uncommitted = _pair(0.8, 0.9, "partial", grounded=True, committed=False)
    assert relabel([ungrounded, uncommitted], Thresholds(0.5, 0.1)) == [
        ("gap", "no"),
        ("partial", "partial"),
    ]


def test_every_point_of_the_sweep_is_what_eval_gives_at_that_threshold() -> None:
    # The sweep left out the rule that a verdict needs a passage to ground it, so its table
    # and the thresholds it suggested were figures alignck never gives.
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from alignck.cli import app

    dataset = str(Path(__file__).parent.parent / "data" / "examples")
    runner = CliRunner()
    calibration = json.loads(
        runner.invoke(app, ["eval", dataset, "--calibrate", "--format", "json"]).stdout
    )["calibration"]
    swept = calibration["partial_curve"]
    points = [swept[0], swept[len(swept) // 2], swept[-1]]
    for point in points:
        args = ["eval", dataset, "--format", "json", "--partial-threshold", str(point["threshold"])]
        actual = json.loads(runner.invoke(app, args).stdout)["addressed"]
        assert (actual["correct"], actual["predicted"]) == (
            point["correct"],
            point["predicted"],
        ), point["threshold"]
    held = str(calibration["suggested"]["partial"])
    for point in calibration["aligned_curve"][:: max(1, len(calibration["aligned_curve"]) // 3)]:
        args = ["eval", dataset, "--format", "json", "--partial-threshold", held]
        args += ["--aligned-threshold", str(point["threshold"])]
        actual = json.loads(runner.invoke(app, args).stdout)["strong"]
        assert (actual["correct"], actual["predicted"]) == (
            point["correct"],
            point["predicted"],
        ), point["threshold"]
