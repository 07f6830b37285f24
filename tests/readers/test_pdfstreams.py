"""The inflated size of a PDF's streams, measured from its bytes before any engine opens it."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

import pytest
from hostile_files import (
    TEXT,
    encrypted_pdf,
    hand_written_pdf,
    lzw_bomb,
    lzw_encoded,
    spaces_after_text,
    stream,
)

from alignck.errors import LimitExceeded
from alignck.limits import Limits
from alignck.readers._pdfstreams import _lzw_size, _run_length_size, check_streams


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_page_that_inflates_past_the_stream_limit_is_refused(tmp_path: Path) -> None:
    bomb = write(tmp_path / "bomb.pdf", hand_written_pdf(stream(spaces_after_text(40))))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(LimitExceeded) as refused:
        check_streams(bomb, Limits())
    assert str(refused.value) == (
        f"{bomb}: a compressed stream that inflates to more than 4 MB, over the limit of "
        "4 MB; raise it with ALIGNCK_MAX_STREAM_MB"
    )
    check_streams(bomb, Limits(stream_mb=41))


def test_streams_that_together_pass_the_inflated_limit_are_refused(tmp_path: Path) -> None:
    fonts = [stream(spaces_after_text(3)) for _ in range(3)]
    path = write(tmp_path / "many.pdf", hand_written_pdf(stream(zlib.compress(TEXT)), *fonts))
    with pytest.raises(LimitExceeded) as refused:
        check_streams(path, Limits(inflated_mb=8))
    assert str(refused.value) == (
        f"{path}: compressed streams that inflate to more than 8 MB, over the limit of 8 MB; "
        "raise it with ALIGNCK_MAX_INFLATED_MB"
    )
    check_streams(path, Limits(inflated_mb=10))


@pytest.mark.parametrize(
    ("filters", "encode"),
    [
        (b"[/AHx /Fl]", lambda data: data.hex().encode() + b">"),
        (b"[/ASCII85Decode /FlateDecode]", lambda data: base64.a85encode(data) + b"~>"),
    ],
)
def test_flate_behind_an_ascii_filter_is_measured_too(
    tmp_path: Path, filters: bytes, encode
) -> None:  # type: ignore[no-untyped-def]
    data = encode(spaces_after_text(3))
    path = write(tmp_path / "ascii.pdf", hand_written_pdf(stream(data, filters)))
    with pytest.raises(LimitExceeded):
        check_streams(path, Limits(stream_mb=2))
    check_streams(path, Limits(stream_mb=4))


@pytest.mark.parametrize("filters", [b"[/FlateDecode /FlateDecode]", b"[/Fl /AHx /Fl]"])
def test_a_stream_compressed_twice_is_measured_where_it_grows(
    tmp_path: Path, filters: bytes
) -> None:
    # Its outer layer inflates to under the limit; its inner one to 40 MB (gigabytes at will:
    # a 4 kB file took 3 GB of memory and was read).
    inner = spaces_after_text(40)
    outer = inner.hex().encode() + b">" if b"AHx" in filters else inner
    data = zlib.compress(outer, 9)
    path = write(tmp_path / "twice.pdf", hand_written_pdf(stream(data, filters)))
    assert len(zlib.decompress(data)) < 4 * 1024 * 1024
    with pytest.raises(LimitExceeded):
        check_streams(path, Limits())
    check_streams(path, Limits(stream_mb=41, inflated_mb=256))


def test_an_encrypted_stream_compressed_twice_is_measured_where_it_grows(
    tmp_path: Path,
) -> None:
    content = zlib.compress(spaces_after_text(40), 9)
    path = write(tmp_path / "locked.pdf", encrypted_pdf(content, flate_layers=2))
    with pytest.raises(LimitExceeded):
        check_streams(path, Limits())


def test_images_are_not_counted(tmp_path: Path) -> None:
    image = stream(spaces_after_text(3), extra=b"/Subtype /Image /Width 1024 /Height 3072 ")
    path = write(tmp_path / "image.pdf", hand_written_pdf(stream(zlib.compress(TEXT)), image))
    check_streams(path, Limits(stream_mb=1, inflated_mb=1))


def test_a_broken_stream_counts_what_inflates_before_the_damage(tmp_path: Path) -> None:
    broken = spaces_after_text(3)[:-40] + b"\xff" * 40
    path = write(tmp_path / "broken.pdf", hand_written_pdf(stream(broken)))
    with pytest.raises(LimitExceeded):
        check_streams(path, Limits(stream_mb=2))


def test_an_empty_file_has_nothing_to_inflate(tmp_path: Path) -> None:
    check_streams(write(tmp_path / "empty.pdf", b""), Limits(stream_mb=1))


def test_a_large_font_passes_the_stream_limit_yet_counts_towards_the_total(
    tmp_path: Path,
) -> None:
    font = stream(spaces_after_text(3), extra=b"/Length1 3145728 ")
    path = write(tmp_path / "font.pdf", hand_written_pdf(stream(zlib.compress(TEXT)), font))
    check_streams(path, Limits(stream_mb=1))
    with pytest.raises(LimitExceeded):
        check_streams(path, Limits(stream_mb=1, inflated_mb=2))


@pytest.mark.parametrize(
    "label", [b"/Subtype /Image /Width 8 /Height 8 ", b"/Length1 3145728 "], ids=["image", "font"]
)
def test_a_page_content_labelled_an_image_or_a_font_is_still_held_to_the_stream_limit(
    tmp_path: Path, label: bytes
) -> None:
    path = write(
        tmp_path / "label.pdf", hand_written_pdf(stream(spaces_after_text(3), extra=label))
    )
    with pytest.raises(LimitExceeded) as refused:
        check_streams(path, Limits(stream_mb=1))
    assert "ALIGNCK_MAX_STREAM_MB" in str(refused.value)


def test_a_dictionary_too_long_to_see_does_not_hide_its_stream(tmp_path: Path) -> None:
    data = spaces_after_text(3)
    padded = b"<< /Filter /FlateDecode /Junk (%s) /Length %d >>\nstream\n%s\nendstream" % (
        b"x" * 40_000,
        len(data),
        data,
    )
    path = write(tmp_path / "padded.pdf", hand_written_pdf(padded))
    with pytest.raises(LimitExceeded):
        check_streams(path, Limits(stream_mb=1))


def test_an_encrypted_page_is_measured_once_decrypted(tmp_path: Path) -> None:
    bomb = write(tmp_path / "locked.pdf", encrypted_pdf(spaces_after_text(40)))
    assert b"/Encrypt" in bomb.read_bytes() and bomb.stat().st_size < 100_000
    with pytest.raises(LimitExceeded, match="inflates to more than 4 MB"):
        check_streams(bomb, Limits())
    check_streams(write(tmp_path / "fine.pdf", encrypted_pdf(zlib.compress(TEXT))), Limits())


def test_an_encrypted_page_is_decrypted_with_the_passwords_the_engines_get(
    tmp_path: Path,
) -> None:
    bomb = write(tmp_path / "locked.pdf", encrypted_pdf(spaces_after_text(40), "s3cret"))
    # Without its password no engine can read it either: that is their error to report.
    check_streams(bomb, Limits())
    with pytest.raises(LimitExceeded, match="inflates to more than 4 MB"):
        check_streams(bomb, Limits(), ("wrong", "s3cret"))


def test_an_lzw_page_is_measured_by_what_it_decodes_to(tmp_path: Path) -> None:
    bomb = write(tmp_path / "lzw.pdf", hand_written_pdf(stream(lzw_bomb(200), b"/LZWDecode")))
    assert bomb.stat().st_size < 20_000  # about 8 MB decoded
    with pytest.raises(LimitExceeded, match="inflates to more than 4 MB"):
        check_streams(bomb, Limits())
    check_streams(bomb, Limits(stream_mb=9))
    page = write(tmp_path / "page.pdf", hand_written_pdf(stream(lzw_encoded(TEXT), b"/LZW")))
    check_streams(page, Limits(stream_mb=1, inflated_mb=1))


@pytest.mark.parametrize("text", [TEXT, TEXT * 300 + bytes(range(256)) * 40, b" " * 100_000])
def test_lzw_is_counted_as_a_decoder_decodes_it(text: bytes) -> None:
    from pypdf.filters import LZWDecode

    encoded = lzw_encoded(text)
    assert _lzw_size(encoded, 1 << 40) == len(LZWDecode.decode(encoded)) == len(text)


def test_a_run_length_page_is_measured_by_what_it_decodes_to(tmp_path: Path) -> None:
    runs = bytes([129, ord(" ")]) * 40_000 + bytes([3]) + b"(a)T" + bytes([128])  # 5 MB
    bomb = write(tmp_path / "rl.pdf", hand_written_pdf(stream(runs, b"/RunLengthDecode")))
    with pytest.raises(LimitExceeded, match="inflates to more than 4 MB"):
        check_streams(bomb, Limits())
    check_streams(bomb, Limits(stream_mb=6))
    assert _run_length_size(runs, 1 << 40) == 40_000 * 128 + 4
