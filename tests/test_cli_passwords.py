"""Passwords from the environment: ALIGNCK_PDF_PASSWORD is one password, spaces and all, and
ALIGNCK_PDF_PASSWORDS gives several, one per line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from alignck.cli import app

runner = CliRunner()
BLOCKS = [("h1", "Northby Plan"), ("p", "We will tackle loneliness and fuel poverty.")]


def _locked(make_document, password: str) -> Path:  # type: ignore[no-untyped-def]
    from pypdf import PdfWriter

    plain = make_document("plain.pdf", BLOCKS)
    writer = PdfWriter(clone_from=plain)
    # RC4 needs no optional crypto library, so the test runs wherever pypdf does.
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    locked = plain.with_name("locked.pdf")
    with locked.open("wb") as handle:
        writer.write(handle)
    return locked


def _check(locked: Path, framework: Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["check", str(locked), "-f", str(framework), "--format", "csv"])


def test_a_password_with_spaces_is_one_password(
    make_document, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    locked = _locked(make_document, "correct horse battery")
    monkeypatch.setenv("ALIGNCK_PDF_PASSWORD", "correct horse battery")
    result = _check(locked, small_framework)
    assert result.exit_code == 0, result.stderr
    assert "loneliness" in result.stdout


def test_its_words_alone_do_not_open_the_file(
    make_document, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    locked = _locked(make_document, "correct")
    monkeypatch.setenv("ALIGNCK_PDF_PASSWORD", "correct horse")
    result = _check(locked, small_framework)
    assert result.exit_code == 2
    # Not 'none of the 1 password given opens it'.
    assert "password-protected PDF; the password given does not open it" in result.stderr


def test_several_passwords_one_per_line(
    make_document, small_framework: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    locked = _locked(make_document, "second one")
    monkeypatch.setenv("ALIGNCK_PDF_PASSWORDS", "first one\nsecond one\n")
    result = _check(locked, small_framework)
    assert result.exit_code == 0, result.stderr
    assert "loneliness" in result.stdout
