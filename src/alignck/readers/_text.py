"""Text clean-up shared by the readers: Unicode normalisation, stray glyphs, decoding.

Readers keep the document's wording; this only removes what extraction engines add (ligatures,
private-use bullet glyphs, soft hyphens, line-end hyphenation) so that quotes stay verbatim.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from alignck.errors import ReadError
from alignck.files import read_regular
from alignck.limits import check_characters
from alignck.model import ReadOptions
from alignck.readers._contents import LEADERS_THEN_PAGE
from alignck.wording import counted

# C0 controls that text files do not hold (tab, newline, vertical tab, form feed, carriage
# return and escape are left out: text can carry them).
_BINARY_CONTROLS = [c for c in range(32) if c not in (9, 10, 11, 12, 13, 27)]

# A character class, not str.translate: translate looks every character up one at a time.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\x02\x00]")
_BULLETS = "•●▪■◦‣∙·○◆►➢✓✔\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8"
BULLET_RE = re.compile(rf"^\s*(?:[{re.escape(_BULLETS)}]|[-–—*+](?=\s)|o(?=\s{{1,3}}[A-Z]))\s*")
# A bullet glyph typed after a list marker ('- • Warm homes', as text pasted from Word often
# is): the marker already makes the item, the glyph is not part of its text.
_GLYPH_AFTER_MARKER = re.compile(rf"^[{re.escape(_BULLETS)}]\s+(?=\S)")
NUMBER_RE = re.compile(r"^\s*(\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?:\d{1,2}[.)]?)*)\s+(?=\S)")
_ASCII_NOISE = re.compile(r"[\x00\x02\t]|  ")
# Runs of spaces, squeezed to one space: only the runs that change (any but a lone ' '), since
# matching every space between words, to put the same space back, cost twice as much.
_SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(rf" {_SPACE}+|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]{_SPACE}*")
# What PDF engines put for letters the font draws joined ('ﬁ', 'ﬄ') or wide, folded back to
# the letters. Not the rest of NFKC: it turns '2½' into '21⁄2', 'm²' into 'm2' and 'CO₂' into
# 'CO2', and a quote must be what the document says.
_FOLDED = re.compile("[\ufb00-\ufb06\uff01-\uff5e]")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if _FOLDED.search(text):
        text = _FOLDED.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
    return text


# What stands before a footnote's mark: a word of three letters or more ('homes', 'NHS'), a
# year, a figure grouped in thousands ('250,000'), a percentage or punctuation. After a
# letter or two, or a short number, a raised figure is a unit, a formula or a power ('m²',
# '10⁶') and stays.
_NOTE_MARK_AFTER = re.compile(r"(?:[A-Za-z]{3}|(?<!\d)\d{4}|\d,\d{3}|[%.,;:)\]\"'’”])$")
# A note's mark written in superscript figures ('clean air¹ around schools').
_RAISED_FIGURES = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def marks_a_note(before: str) -> bool:
    """Whether a raised figure after this text is a footnote's mark, not a unit's or a
    power's: one rule for Unicode figures, Markdown's <sup> and Word's superscript runs."""
    return bool(_NOTE_MARK_AFTER.search(before[-5:]))


def _without_raised_marks(text: str) -> str:
    if not _RAISED_FIGURES.search(text):
        return text

    def mark(found: re.Match[str]) -> str:
        before = found.string[max(0, found.start() - 5) : found.start()]
        return "" if marks_a_note(before) else found.group()

    return _RAISED_FIGURES.sub(mark, text)


def clean(text: str) -> str:
    """NFC-normalise, fold ligatures such as 'ﬁ', drop invisible marks and notes' raised
    marks ('air¹', not 'm²'), squeeze spaces."""
    if text.isascii() and not _ASCII_NOISE.search(text):
        return text.strip()
    text = _INVISIBLE.sub("", _fold(_without_raised_marks(text)))
    return _SPACES.sub(" ", text).strip()


def clean_lines(lines: list[str]) -> list[str]:
    """``clean`` applied to many lines at once (one normalisation pass for a whole page); as
    many lines come back as went in (a line holding a line feed of its own, as a damaged
    PDF's can, has it as a space)."""
    text = "\n".join(line.replace("\n", " ") if "\n" in line else line for line in lines)
    if not (text.isascii() and not _ASCII_NOISE.search(text)):
        text = _SPACES.sub(" ", _INVISIBLE.sub("", _fold(text)))
    return [line.strip() for line in text.split("\n")]


# A word broken at a line end where PDFium marks the hyphen (0x02 or U+FFFE).
# From a word's first letter only: tried at each letter, a word's letters were read again
# from every one of them (a match can start only where one from the word's start would).
_BROKEN_WORD = re.compile("(?<![A-Za-z])([A-Za-z]+)[\x02\ufffe]([A-Za-z]+)")
_HYPHEN_MARKS = re.compile("[\x02\ufffe]")
# Opening on the mark, not on a look-behind tried at every character.
_FIGURE_HYPHEN = re.compile("[\x02\ufffe](?:(?<=\\d.)|(?=\\d))")
_LAST_WORD = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD = re.compile(r"^([A-Za-z]+)")


def rejoin_hyphenated(text: str) -> str:
    """Words broken at a line end, joined again: 'organ' + 'isation' as 'organisation', but
    'step' + 'down' as 'step-down' (see :func:`keeps_hyphen`). PDFium marks every hyphen at a
    line end the same way, a compound's own included; one next to a figure ('under-11s',
    '24-hour', '2025-2030') breaks no word, and stays."""
    if "\x02" not in text and "\ufffe" not in text:  # most text: quicker than a search
        return text
    joined = _BROKEN_WORD.sub(
        lambda m: m[1] + ("-" if keeps_hyphen(m[1], m[2]) else "") + m[2], text
    )
    return _HYPHEN_MARKS.sub("", _FIGURE_HYPHEN.sub("-", joined))


def keeps_hyphen(left: str, right: str) -> bool:
    """Whether a word broken at a hyphen is a compound ('step-down', 'person-centred',
    'non-emergency'), not one word hyphenated to fit ('organ-isation', 'import-ant'): the
    two halves are words of the language and their join is not, by the vocabulary of the
    sentence model alignck ships (30,000 words and pieces of English)."""
    words = _vocabulary()
    joined = (left + right).lower()
    if joined in words or joined.rstrip("s") in words or left.lower() in _CLOSED_PREFIXES:
        return False
    return left.lower() in words and right.lower() in words


# Prefixes English writes closed up with the word they qualify ('unhealthy', 'disengaged',
# 'misdiagnosed'), which the model's vocabulary holds only in pieces: a line-end hyphen after
# one breaks a word ('un-healthy' read as 'healthy'). Not 'inter', 'under' or 'over', which
# make hyphenated compounds as often ('inter-agency', 'under-occupation', 'over-reliance').
_CLOSED_PREFIXES = frozenset({"un", "dis", "mis"})


@functools.lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    import json
    from importlib import resources

    data = json.loads(
        resources.files("alignck.data").joinpath("minilm-tokenizer.json").read_text("utf-8")
    )
    return frozenset(word for word in data["model"]["vocab"] if word.isalpha())


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines, undoing end-of-line hyphenation ('organ-' + 'isation') but not a
    compound's own hyphen ('step-' + 'down')."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            left, right = _LAST_WORD.search(out), _FIRST_WORD.match(line)
            compound = left is not None and right is not None and keeps_hyphen(left[1], right[1])
            out = (out if compound else out[:-1]) + line
        elif out.endswith(("-", "–")) and len(out) > 1 and out[-2].isdigit() and line[:1].isdigit():
            out += line  # a range wrapped at its dash: '2025-' + '2030'
        elif out.endswith("-") and len(out) > 1 and out[-2].isdigit() and line[:1].islower():
            out += line  # a compound wrapped at its hyphen: '24-' + 'hour repairs'
        elif out and line in _CLOSING_ALONE:
            out += line  # a full stop set on a line of its own after a raised mark
        elif out:
            out += " " + line
        else:
            out = line
    return out


_CLOSING_ALONE = frozenset([".", ",", ";", ":", ")", ".)", ")."])


# "Start well: every child ready for school" or "Live well – ..." at the start of a line.
LABELLED_LINE = re.compile(
    r"^(?:\*\*|__)?(?P<label>[A-Z0-9][^:–—]{1,60}?)(?::\s|\s[–—-]\s|[–—])\s*\S"
)
_SHORT_NAME = re.compile(r"^(?:\*\*|__)?[A-Z0-9]")
_MAX_NAME_LINE_WORDS = 10


def separate_lines(lines: list[str], labelled_entries: bool = True) -> list[list[str]]:
    """Lines with no blank line between them are one wrapped paragraph, unless they read as
    entries of their own: 'Start well: every child ...' then 'Live well: ...' (a lower-case
    line continues the entry above it), or a column of three or more short names (or of two
    or more under a line ending with a colon, which leads in to them). Without
    ``labelled_entries`` only the column: a PDF's lines are wraps the author did not choose,
    and one opening '2024–2029, we will' is no label."""
    stripped = [line.strip() for line in lines]
    # Not matched at all where labels part nothing: a PDF's paragraphs, most of its text.
    labelled = [labelled_entries and bool(LABELLED_LINE.match(line)) for line in stripped]
    if labelled[0] and sum(labelled) >= 2:
        entries: list[list[str]] = []
        for line, starts_entry in zip(lines, labelled, strict=True):
            if starts_entry:
                entries.append([])
            entries[-1].append(line)
        return [part for entry in entries for part in _name_apart(entry)]
    if labelled[0] and len(parted := _name_apart(lines)) > 1:
        return parted  # one label: its name's line apart from the sentences under it
    if len(lines) >= 3 and all(_is_short_name(line) for line in stripped):
        return [[line] for line in lines]
    # Only a line ending on a digit can end on a page number: the others are not searched.
    if sum(bool(LEADERS_THEN_PAGE.search(s)) for s in stripped if s[-1:].isdigit()) >= 2:
        # A contents page's lines ('Introduction ....... 2'), each an entry of its own.
        return [[line] for line in lines]
    if len(lines) >= 3 and stripped[0].endswith(":") and all(map(_is_short_name, stripped[1:])):
        # 'Our priorities are:' over two or more names: the lead-in and its list.
        return [[line] for line in lines]
    return [lines]


def _name_apart(lines: list[str]) -> list[list[str]]:
    """'Priority 1: Maximise people's income' over 'We will run a money advice clinic': the
    labelled name's line apart from the sentence under it, not the first line of one wrapped
    paragraph; ``lines`` as they are otherwise."""
    stripped = [line.strip() for line in lines]
    if len(lines) > 1 and _heads_what_follows(stripped):
        # What is under the name is read as any lines are: a lead-in over a column of names.
        return [[lines[0]], *separate_lines(lines[1:])]
    return [lines]


def _heads_what_follows(stripped: list[str]) -> bool:
    """A labelled first line that is a name, not a sentence (no closing stop or figure, no
    bracket or semicolon, no word that goes on), over a line opening a sentence of its own
    with a capitalised function word ('We will ...', 'Our ...', 'The ...'); a wrapped
    sentence goes on with a name ('... Stoke-on-Trent' / 'Integrated Care System'), or a
    lower-case word."""
    from alignck.language import stop_words

    first, following = stripped[0], stripped[1]
    opening = following.split()[0]
    return (
        len(first.split()) <= _MAX_NAME_LINE_WORDS + 2
        and not first[-1:].isdigit()
        and not first.endswith((".", ",", ";", ":", "-", "–", "—", "!", "?", ")"))
        and not any(mark in first for mark in "();")
        and not ends_on_word_that_goes_on(first)
        and opening[:1].isupper()
        and opening.lower() in stop_words()
        and not LABELLED_LINE.match(following)
    )


def _is_short_name(line: str) -> bool:
    # '1) Build more homes' is a list item, read as one by the reader, not a bare name.
    return (
        split_marker(line)[0] is None
        and bool(_SHORT_NAME.match(line))
        and len(line.split()) <= _MAX_NAME_LINE_WORDS
        and not line.endswith((".", ",", ";", ":", "-"))
        # '... 300 homes with' / 'Denby Homes and' goes on: a wrapped sentence, no name.
        and not ends_on_word_that_goes_on(line)
    )


def bold_goes_on(lead: str, following: str) -> bool:
    """Whether bold words opening a paragraph are the start of its phrase, not a name run
    in before it: '**Active**, healthy lives' and '**Active** lives' go on ('Active' was taken
    as the stated priority), '**Warm homes.** We will', '**Warm homes** - we will' and
    '**Warm homes** We will' do not."""
    after = following.lstrip()
    if not after or lead.rstrip().endswith((".", ":", "!", "?", "–", "—", "-")):
        return False
    return after[0] in ",;)" or after[0].islower()


def without_glyph(text: str) -> str:
    """An item's text without a bullet glyph typed after its list marker."""
    return _GLYPH_AFTER_MARKER.sub("", text, count=1)


def is_bullet_glyph(char: str) -> bool:
    """Whether a character is one a list item opens with ('•', or a symbol font's bullet in
    the Private Use Area, as Word's Symbol and Wingdings bullets are)."""
    return len(char) == 1 and char in _BULLETS


def ends_on_word_that_goes_on(text: str) -> bool:
    """Whether a line ends on a word no sentence ends on ('... for people over'): the next
    line goes on with the sentence, even where it opens with a number ('65. We will ...')."""
    # The last word as written, nothing after it: 'by 10%' ends on a figure, and 'we will
    # focus on:' leads into a list, whose first item follows.
    words = text.split()
    return bool(words) and words[-1].isalpha() and words[-1].lower() in _goes_on_words()


# A month after a word that makes it a date to come ('by March', 'from April'): a month
# alone ('... every March' / '2025 saw record demand') may end an item without a full stop.
_ENDS_ON_MONTH = re.compile(
    r"\b(?:by|in|from|until|till|before|after|since|during|of|to|end|early|late|mid)\s+"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$",
    re.IGNORECASE,
)
_YEAR_OPENS = re.compile(r"(?:19|20)\d\d\b")


def figure_goes_on(above: str, text: str) -> bool:
    """Whether a line opening with a figure goes on with the line above: after a word no
    sentence ends on ('... from 180 to' / '110, working with ...'), or a year after its
    month ('... at 80% by March' / '2026.')."""
    if not text[:1].isdigit():
        return False
    if ends_on_word_that_goes_on(above):
        return True
    return bool(_ENDS_ON_MONTH.search(above.rstrip())) and bool(_YEAR_OPENS.match(text))


def number_goes_on(marker: str | None, above: str) -> bool:
    """Whether a line opening with ``marker`` goes on with the sentence of the line ``above``:
    a number that starts no list ('65.', not '1.', '(a)' or 'i)') under a line ending on a
    word no sentence ends on. The reader still checks that the line above is a paragraph's."""
    return (
        marker is not None
        and marker != "•"
        and marker.strip("().").lower() not in {"1", "a", "i"}
        and ends_on_word_that_goes_on(above)
    )


@functools.cache
def _goes_on_words() -> frozenset[str]:
    from alignck import lexicon

    return frozenset(lexicon.entry("words", "goes-on-after").words)


def split_marker(text: str) -> tuple[str | None, str]:
    """Separate a leading bullet or number ('•', '-', '1.', 'a)') from the item text."""
    bullet = BULLET_RE.match(text)
    if bullet and bullet.end() < len(text):
        return "•", without_glyph(text[bullet.end() :])
    number = NUMBER_RE.match(text)
    if number:
        return number.group(1), text[number.end() :]
    return None, text


def read_text(path: Path, options: ReadOptions | None) -> tuple[str, str | None]:
    """A text or Markdown file's text and a decoding warning, or a :class:`ReadError`: for a
    file over the byte or character limits, or one that is not text at all (a binary file
    given a text name would otherwise be read as Windows-1252 and 'checked')."""
    limits = (options or ReadOptions()).limits
    # No encoding alignck reads takes more than four bytes a character: a file four times
    # over the limit is refused before it is read (250 MB of text with one emoji took a
    # gigabyte decoded, four bytes a character, before the count refused it).
    check_characters(str(path), path.stat().st_size // 4, limits)
    data = read_regular(path, limits)
    from alignck.readers._sniff import signature_of

    # A PDF or Word file named .txt holds few NUL bytes in its first kilobytes: read as
    # Windows-1252, it was 'checked' as a document of garbage with every priority a gap.
    if signature_of(data) is not None or _is_binary(data):
        from alignck.readers._sniff import looks_like

        hint = looks_like(data, path.suffix.lower())
        raise ReadError(
            f"not a text file{hint}"
            if hint
            else "not a text file (it holds binary data); alignck reads text as UTF-8, "
            "UTF-16 or Windows-1252",
            str(path),
        )
    check_characters(str(path), len(data) // 4, limits)  # should it have grown meanwhile
    text, warning = decode(data)
    check_characters(str(path), len(text), limits)
    return text, warning


def _decoded_or_mended(data: bytes, encoding: str, name: str) -> tuple[str, str | None]:
    """Text in an encoding its byte-order mark names; a file cut short or damaged (one byte
    missing at the end of a copy) is read with each broken character marked, and said so,
    rather than lost whole to a codec's message."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        # Its last character's bytes end early ('truncated data'; half a surrogate pair
        # is 'unexpected end of data').
        if error.end >= len(data) and error.reason in ("truncated data", "unexpected end of data"):
            # The last character's bytes end early: it is left out, not shown broken.
            text = data[: error.start].decode(encoding, errors="replace")
            return text, f"{name} text cut short (byte {error.start}); its last character left out"
        text = data.decode(encoding, errors="replace")
        return text, (
            f"not valid {name} (byte {error.start}); read with each broken character shown "
            "as \ufffd"
        )


_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _is_binary(data: bytes) -> bool:
    """NUL bytes (no text encoding alignck reads has them, bar UTF-16), or many control
    characters in the first few kilobytes, as executables and images have."""
    if data.startswith(_BOMS) or utf16_without_bom(data):
        return False
    if b"\x00" in data:
        return True
    head = data[:8192]
    controls = sum(head.count(bytes([c])) for c in _BINARY_CONTROLS)
    return controls > len(head) // 10


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for text saved as UTF-16 with no byte-order mark (some
    Windows tools write it): mostly Latin text, it has a NUL in every other byte, on one side
    only. None for anything else."""
    # A file cut short by a byte is still UTF-16 (read without its broken last character).
    head = data[: min(4096, len(data) // 2 * 2)]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= pairs * 0.4 and other <= pairs * 0.02:
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError as error:
                if error.end < len(data) // 2 * 2:
                    return None
                text = data[: error.start].decode(encoding)
            # Small 16-bit numbers have the same shape: text has few control characters.
            controls = sum(text[:2048].count(chr(c)) for c in _BINARY_CONTROLS)
            return encoding if controls <= min(len(text), 2048) // 10 else None
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode UTF-8 (BOM or not) or UTF-16 (BOM or not); fall back to cp1252 with a warning:
    for the whole file where none of it is UTF-8 beyond ASCII, else only for the bytes that
    are not (a UTF-8 file with a line pasted in from a Windows-1252 one)."""
    # UTF-32's byte-order mark first: its little-endian form opens with UTF-16's.
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decoded_or_mended(data, "utf-32", "UTF-32")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded_or_mended(data, "utf-16", "UTF-16")
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return _decoded_or_mended(data, utf16, "UTF-16")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        first = error.start
    body = data.removeprefix(b"\xef\xbb\xbf")
    # Each byte that is not UTF-8 comes back as a lone surrogate, U+DC80 to U+DCFF.
    escaped = body.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    # A Windows-1252 file holds the odd pair of bytes that is UTF-8 by chance ('É' then '’'
    # make 'ɒ'): it is UTF-8 with a pasted line where UTF-8 outnumbers the stray bytes, or
    # where its UTF-8 is what text is written in ('é', '£', '–', '’'), which Windows-1252 makes
    # only of two or three letters and symbols together ('Ã©', 'â€“'), as a garbled file has.
    typographic = _TYPOGRAPHIC.search(escaped) is not None
    if not typographic and len(_NOT_ASCII.findall(escaped)) - stray <= stray:
        text = body.decode("cp1252", errors="replace")
        return text, f"not valid UTF-8 (byte {first}); read as Windows-1252 (cp1252)"
    text = _ESCAPED_BYTE.sub(_as_cp1252, escaped)
    warning = (
        f"not valid UTF-8 (byte {first}): {counted(stray, 'byte')} of a UTF-8 file read as "
        "Windows-1252 (cp1252)"
    )
    return text, warning


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# Latin-1's letters and signs, the dashes, quotes and ellipsis, and the euro sign.
_TYPOGRAPHIC = re.compile("[\u00a0-\u00ff\u2010-\u2044\u20ac]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _as_cp1252(escaped: re.Match[str]) -> str:
    return bytes([ord(escaped.group()) - 0xDC00]).decode("cp1252", errors="replace")
