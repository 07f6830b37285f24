"""Every real labelled set under eval/ is one of the fitting script's real local systems, so
its left-out figures are in the means docs/accuracy.md quotes, not silently left out of them."""

import json
from pathlib import Path

from conftest import from_script

ROOT = Path(__file__).resolve().parents[2]


def test_every_labelled_set_in_eval_is_reported_as_a_real_local_system() -> None:
    labelled = {p.name for p in (ROOT / "eval").iterdir() if (p / "truth.yaml").is_file()}
    assert labelled, "no labelled sets found under eval/"
    (real,) = from_script("fit_decision", "REAL_LOCAL")
    assert sorted(labelled - set(real)) == []


def test_the_real_local_systems_are_listed_once() -> None:
    (real,) = from_script("fit_decision", "REAL_LOCAL")
    names = list(real)
    assert len(names) == len(set(names))


def test_the_sets_held_out_of_fitting_are_labelled_sets_and_held_out_of_both() -> None:
    # A misspelt name would silently put a set into the fit and the shipped file would no
    # longer be what the script makes; a set in neither list would be in neither fit.
    real, first_run, unseen = from_script(
        "fit_decision", "REAL_LOCAL", "FIRST_RUN_ONLY", "UNSEEN_BY_EXTRACTION"
    )
    labelled = {p.name for p in (ROOT / "eval").iterdir() if (p / "truth.yaml").is_file()}
    assert set(first_run) <= set(real) & labelled
    data = ROOT / "src" / "alignck" / "data"
    decision = json.loads((data / "decision.json").read_text())
    extraction = json.loads((data / "extraction.json").read_text())
    fitted = {entry.split(" (")[0] for entry in decision["fitted_on"]}
    extracted = {entry.split(" (")[0] for entry in extraction["fitted_on"]}
    assert fitted & set(first_run) == set()
    assert extracted & set(unseen) == set()
    # Every other labelled set is fitted on.
    assert labelled - set(first_run) <= fitted
    assert labelled - set(unseen) <= extracted


def test_the_sets_kept_from_teaching_far_domain_pairs_are_labelled_sets() -> None:
    # A misspelt name would let a cultural strategy teach the adapter the framework the
    # negative control tests it on.
    (culture,) = from_script("fit_decision", "CULTURE_STRATEGY_SETS")
    labelled = {p.name for p in (ROOT / "eval").iterdir() if (p / "truth.yaml").is_file()}
    assert culture and set(culture) <= labelled
