"""Say what a YAML syntax error means, in the terms of the file that has it.

PyYAML names the token it could not take and where it noticed, which is often a line or more
past the slip (a missing ':', an unclosed bracket, a quote that ends a value early): each hint
here recognises one such slip from the text around the error and says what to write instead.
This module reads no file and validates nothing; :mod:`alignck.yamlnodes` does.
"""

from __future__ import annotations

import re

import yaml


def _unquoted_star(path: str, text: str, line: int, column: int) -> str:
    """'document: *.md': a glob left unquoted, which YAML reads as an alias."""
    lines = text.splitlines()
    shown = lines[line] if line < len(lines) else ""
    star = shown.rfind("*", 0, column + 1)
    value = shown[star:].split(" #")[0].strip() if star >= 0 else "*"
    return f"{path}:{line + 1}:{max(star, 0) + 1}: not valid YAML: {unquoted_star_said(value)}"


def unquoted_star_said(value: str) -> str:
    """What to say of a value opening with '*' left unquoted ('*-plan', '*.md')."""
    return (
        f"a value starting with '*' needs quotes: write \"{value}\" (unquoted, YAML reads "
        "it as an alias)"
    )


def yaml_error(path: str, error: yaml.MarkedYAMLError, text: str = "") -> str:
    """One ``FILE:LINE:COL: not valid YAML: ...`` line for a syntax error, placed at the slip
    where it can be told, with what to write instead."""
    if (bare := _key_without_colon(text, error)) is not None:
        line, column, key = bare
        said = f"'{key}' has no ':' after it; write '{key}:'"
        return f"{path}:{line + 1}:{column + 1}: not valid YAML: {said}"
    if (written := _key_and_value_without_colon(text, error)) is not None:
        line, column, key, value = written
        said = f"'{key}' has no ':' after it; write '{key}: {value}'"
        return f"{path}:{line + 1}:{column + 1}: not valid YAML: {said}"
    if (unclosed := _unclosed_bracket(text, error)) is not None:
        line, column, said = unclosed
        return f"{path}:{line + 1}:{column + 1}: not valid YAML: {said}"
    if (odd := _odd_indent(text, error)) is not None:
        line, column, said = odd
        return f"{path}:{line + 1}:{column + 1}: not valid YAML: {said}"
    for hint in (_no_space_after_colon, _value_needs_quotes, _backslash_in_double_quotes):
        if (found := hint(text, error)) is not None:
            line, column, said = found
            return f"{path}:{line + 1}:{column + 1}: not valid YAML: {said}"
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "invalid YAML"
    context = error.context
    started = error.context_mark
    if context and started and mark and _at_end(text, mark.line, mark.column):
        # Found only at the end of the file: the place to show is where the unclosed quote or
        # bracket opened, not a line past the last one.
        mark, context = started, f"{context} that starts here"
    elif context and _unfinished_key(error):
        # The key without its ':' ('title Stop smoking'), not the line after it.
        mark, context = started, f"{context} that starts here"
    elif context in _BRACKETS and started and mark and mark.line > started.line:
        context = f"{context} that starts on line {started.line + 1}"
    if context == "while scanning an alias" and mark is not None:
        return _unquoted_star(path, text, mark.line, mark.column)
    if context and context not in problem:
        problem = f"{problem} ({context})"
    if mark is None:
        return f"{path}: not valid YAML: {problem}"
    pasted = _pasted_list_item(text, mark.line)
    if pasted:
        problem += f"; {pasted}"
    elif _character_at(text, mark.line, mark.column) == "\t":
        # PyYAML's words for it ('found character that cannot start any token') never say tab.
        problem = "a tab character; YAML indents with spaces only"
    elif (misaligned := _misaligned(text, mark.line)) is not None:
        problem += f"; {misaligned}"
    elif problem.startswith("did not find expected '-'") and (
        dedented := _dedented_key(text, mark.line)
    ):
        problem += f"; {dedented}"
    elif problem.startswith("mapping values are not allowed"):
        # 'title: Priority 1: Best start' - the second ': ' reads as the start of a mapping.
        problem += "; a value holding ': ' needs quotes (title: \"Priority 1: Best start\")"
    elif problem.startswith("but found another document"):
        problem += "; alignck reads one YAML document a file: remove the '---' line"
    elif (quoted := _quoted_then_more(text, mark.line, mark.column)) is not None:
        # 'reason: "Right care" is about ...': the quote closed the value, and PyYAML speaks
        # of a missing key at the word after it.
        problem += f"; {quoted}"
    return f"{path}:{mark.line + 1}:{mark.column + 1}: not valid YAML: {problem}"


# What opens a value, as written by hand: a list item's '- ', a key and its ': ', or both.
_VALUE_START = re.compile(r"(\s*(?:-[ \t]+)*(?:[A-Za-z_][\w-]*:[ \t]+)?)")
# A key run into its value with no space after the ':' ('title:Give children ...').
_KEY_RUN_IN = re.compile(r"([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*):([^\s:/\\].*)")
# What YAML makes of a plain value's first character, which the value's writer meant as text;
# each with the problems PyYAML names when text follows it on the line, in libyaml's words and
# in those of PyYAML's own parser, which reads a file where libyaml is not installed.
_RESERVED = r"found character (?:'.' )?that cannot start any token"
_BLOCK = r"did not find expected comment or line break|expected a comment or a line break"
_SEQUENCE = r"(?:block )?sequence entries are not allowed"
_FLOW = r"did not find expected key|did not find expected '-' indicator|expected <block end>"
_OPENERS: dict[str, tuple[str, str]] = {
    "@": (_RESERVED, "YAML reserves '@'"),
    "`": (_RESERVED, "YAML reserves '`'"),
    "%": (_RESERVED, "YAML reads '%' as a directive"),
    ">": (_BLOCK, "YAML reads '>' as a block of text"),
    "|": (_BLOCK, "YAML reads '|' as a block of text"),
    "-": (_SEQUENCE, "YAML reads '- ' as a list item"),
    "[": (_FLOW, "YAML reads '[' as a list"),
    "{": (_FLOW, "YAML reads '{' as a mapping"),
}
# What a value may not start with unquoted, nor hold: the hints' suggestions quote it then.
_NEEDS_QUOTES_AT_START = "@`%>|-[{#*&!'\",?:"


def _line_at(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """The number and text of the line PyYAML stopped on, if it is a line a person wrote."""
    mark = error.problem_mark or error.context_mark
    lines = text.split("\n")
    if mark is None or not 0 <= mark.line < len(lines) or len(lines[mark.line]) > _HINT_LINE_CHARS:
        return None
    return mark.line, lines[mark.line]


def _no_space_after_colon(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """'title:Give children the best start': without a space after it the ':' is part of the
    text, and PyYAML says only that it found no ':' after a key. Told where a key beside it is
    written with its ': ', so prose with a colon in it is not taken for a key."""
    placed = _key_line_beside_a_key(text, error, _KEY_RUN_IN)
    if placed is None:
        return None
    line, found = placed
    key, value = found.group(2), _as_a_value(found.group(3).strip())
    said = f"'{key}:' needs a space after its ':'; write '{key}: {value}'"
    return line, found.end(2), said


# A value quoted whole, in either kind of quotes.
_QUOTED_WHOLE = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")


def _as_a_value(written: str) -> str:
    """What follows a key's ':' as YAML reads it as meant: a comment ('  # ours', a '#' with a
    space after it) kept apart, a value quoted whole left as it is, and one opening with what
    YAML reads as syntax ('#1 priority', '[Draft] ...') quoted, which unquoted after the
    space would lose its text to a comment or a list."""
    body, comment = written, ""
    quoted = _QUOTED_WHOLE.match(written)
    # A comment starts at ' #', as YAML reads it, but not inside a quoted value.
    after = quoted.end() if quoted else 0
    if (mark := re.search(r"\s#", written[after:])) is not None:
        cut = after + mark.start()
        body, comment = written[:cut].rstrip(), " " + written[cut:].strip()
    syntax = body[:1] in tuple(_NEEDS_QUOTES_AT_START) or ": " in body or " #" in body
    if body and syntax and not _QUOTED_WHOLE.fullmatch(body):
        body = _double_quoted(body)
    return body + comment


def _value_needs_quotes(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """A value whose first character YAML reads as syntax ('@home care', '[Draft] Housing',
    '> 5 a day', '- Housing' after a key): PyYAML names a token it could not take, in words
    that never say the value wants quotes. The value's line and column, and what to write."""
    at = _line_at(text, error)
    if at is None:
        return None
    number, line = at
    opened = _VALUE_START.match(line)
    assert opened is not None  # the pattern matches an empty start
    value = re.split(r"[ \t]#", line[opened.end() :], maxsplit=1)[0].rstrip()
    if not value or value[0] not in _OPENERS:
        return None
    problem, meaning = _OPENERS[value[0]]
    if not re.match(problem, error.problem or "") or len(value) < 2:
        return None
    if value[0] == "-" and not value[1:2].isspace():
        return None
    if value[0] in "[{" and not _closed_before_more(value):
        return None
    written = f"{opened.group(1).strip()} {_double_quoted(value)}".strip()
    said = f"a value starting with '{value[0]}' needs quotes: write {written} (unquoted, {meaning})"
    return number, opened.end(), said


def _closed_before_more(value: str) -> bool:
    """Whether a value's opening bracket closes on its line with more text after it
    ('[Draft] Housing'), rather than being a list or mapping left open."""
    closing = "]" if value[0] == "[" else "}"
    end = value.find(closing)
    return end > 0 and bool(value[end + 1 :].strip())


def _backslash_in_double_quotes(
    text: str, error: yaml.MarkedYAMLError
) -> tuple[int, int, str] | None:
    """A Windows path or other backslash in double quotes ("C:\\Users\\plan"): YAML reads each
    backslash as an escape, and PyYAML names the escape it does not know, never the quotes."""
    if error.context not in (
        "while parsing a quoted scalar",
        "while scanning a double-quoted scalar",
    ):
        return None
    problem = error.problem or ""
    escapes = ("found unknown escape character", "did not find expected hex", "expected escape")
    if not problem.startswith(escapes):
        return None
    at = _line_at(text, error)
    mark = error.problem_mark
    if at is None or mark is None:
        return None
    number, line = at
    said = (
        "in double quotes a backslash starts an escape (as in \\n): put the value in single "
        "quotes, where a backslash is itself, or write each backslash twice"
    )
    opened = _VALUE_START.match(line)
    assert opened is not None
    quoted = re.fullmatch(r'"([^"]*)"[ \t]*(?:#.*)?', line[opened.end() :])
    # A backslash already doubled (C:\\Users\me) would stay doubled in single quotes.
    if quoted is not None and "\\\\" not in quoted.group(1):
        written = f"{opened.group(1).strip()} {single_quoted(quoted.group(1))}".strip()
        said += f" ({written})"
    # At the backslash, where PyYAML may point at the letters after it ('\\Users').
    return number, max(line.rfind("\\", 0, mark.column + 1), 0), said


# Spaces that are not spaces to YAML, which Word and web pages put in pasted text.
ODD_SPACES = {
    "\u00a0": "a non-breaking space (U+00A0)",
    "\u2007": "a figure space (U+2007)",
    "\u202f": "a narrow non-breaking space (U+202F)",
    "\u3000": "an ideographic space (U+3000)",
}


def _odd_indent(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """Where, up to the line of the error, a line is indented with a space YAML does not
    take as one (PyYAML blames a later line, in words that never name it); None otherwise."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    lines = text.splitlines()
    for number, line in enumerate(lines[: mark.line + 1]):
        indent = line[: len(line) - len(line.lstrip())]
        for column, char in enumerate(indent):
            if char in ODD_SPACES and _fixed_by_spaces(lines, number, len(indent), mark.line):
                said = (
                    f"{ODD_SPACES[char]} in the indentation (pasted from Word or a web "
                    "page?); indent with ordinary spaces"
                )
                return number, column, said
    return None


def _fixed_by_spaces(lines: list[str], number: int, width: int, failed_at: int) -> bool:
    """Whether ordinary spaces in that line's indentation would make the error go or move:
    a non-breaking space in a block scalar's text is its text, not the slip (review)."""
    fixed = list(lines)
    line = lines[number]
    fixed[number] = "".join(" " if c in ODD_SPACES else c for c in line[:width]) + line[width:]
    try:
        yaml.compose("\n".join(fixed))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark is None or mark.line != failed_at
    except yaml.YAMLError:
        return False
    return True


# A line of one word, as a key is (after a list item's '- '), and perhaps a comment.
_BARE_WORD = re.compile(r"(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*(?:#.*)?")


def _key_without_colon(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """A key written without its ':' ('priorities' above its list): PyYAML reads the lines
    under it as more of its text, and speaks of the ': ' it meets there ('mapping values
    are not allowed', a line later) or of a key it could not finish. The key's line, the
    column its ':' belongs at, and the key; or None."""
    lines = text.split("\n")
    mark, problem, started = error.problem_mark, error.problem or "", error.context_mark
    if _unfinished_key(error) and started is not None:
        line = started.line
    elif problem.startswith("mapping values are not allowed") and mark is not None:
        above = _content_line(lines, mark.line)
        # The ': ' is on a line under the word, as a key's list or mapping is, and the word
        # does not continue a value above it ('description: Support' then 'parents').
        if above is None or _indent(lines[above]) >= _indent(lines[mark.line]):
            return None
        if _continues_a_value(lines, above):
            return None
        line = above
    else:
        return None
    found = _BARE_WORD.fullmatch(lines[line]) if line < len(lines) else None
    return None if found is None else (line, found.end(2), found.group(2))


# A key, a space and its value, with no ':' between them ('title Warm homes').
_KEY_THEN_VALUE = re.compile(
    r"([ \t]*(?:-[ \t]+)?)([a-z_][\w-]*)[ \t]+([^:#\s](?:[^:#]*[^:#\s])?)[ \t]*(?:#.*)?"
)
# Longer than any key and value written by hand: such a line is not read for a hint.
_HINT_LINE_CHARS = 1000
# A line that is a key and its value, or a key alone: a sibling's shape.
_SIBLING_KEY = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w-]*):(?:\s|$)")


def _key_and_value_without_colon(
    text: str, error: yaml.MarkedYAMLError
) -> tuple[int, int, str, str] | None:
    """A key written with its value but without the ':' between them ('title Warm homes'),
    where a line beside it at the same indent is a key with its ':' ('id: warm'): the line,
    the column the ':' belongs at, the key and its value; or None."""
    placed = _key_line_beside_a_key(text, error, _KEY_THEN_VALUE)
    if placed is None:
        return None
    line, found = placed
    return line, found.end(2), found.group(2), found.group(3)


def _key_line_beside_a_key(
    text: str, error: yaml.MarkedYAMLError, shape: re.Pattern[str]
) -> tuple[int, re.Match[str]] | None:
    """The line of a key PyYAML could not finish, matched whole by ``shape`` (its key as
    group 2), where a line beside it at the key's indent is a key with its ':': so prose with
    a colon or two words in it is not taken for a key. Its number and the match; or None."""
    started = error.context_mark
    if not _unfinished_key(error) or started is None:
        return None
    lines = text.split("\n")
    line = lines[started.line] if started.line < len(lines) else ""
    found = shape.fullmatch(line) if len(line) <= _HINT_LINE_CHARS else None
    if found is None:
        return None
    for step in (-1, 1):
        beside = _content_line(lines, started.line, step)
        sibling = _SIBLING_KEY.match(lines[beside]) if beside is not None else None
        if sibling is not None and sibling.start(1) == found.start(2):
            return started.line, found
    return None


# PyYAML's context for a '[...]' or '{...}' -> its brackets and what it is.
_BRACKETS = {
    "while parsing a flow sequence": ("[", "]", "list"),
    "while parsing a flow mapping": ("{", "}", "mapping"),
}


def _unclosed_bracket(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """A '[' or '{' left open on its line ('keywords: [damp, mould'): PyYAML reads the lines
    after it as more of the list and gives up at the first it cannot take, a line or more
    later. The bracket's line and column, and what to say; or None."""
    brackets = _BRACKETS.get(error.context or "")
    start, mark = error.context_mark, error.problem_mark
    if brackets is None or start is None or mark is None or mark.line <= start.line:
        return None
    lines = text.split("\n")
    if start.line >= len(lines) or not _left_open(lines[start.line][start.column :]):
        return None
    opening, closing, what = brackets
    said = (
        f"{error.problem} ({error.context} that starts here); the '{opening}' is not closed on "
        f"its line: end the {what} with '{closing}'"
    )
    return start.line, start.column, said


def _left_open(rest: str) -> bool:
    """Whether the brackets of a line, from its first, are still open at its end, with no
    ',' or bracket at the end to say the list goes on over the next lines on purpose."""
    depth, quote, seen = 0, "", ""
    for index, character in enumerate(rest):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character == "#" and rest[index - 1 : index] in (" ", "\t"):
            break
        elif character in "[{":
            depth += 1
        elif character in "]}":
            depth -= 1
        seen += character
    return depth > 0 and not seen.rstrip().endswith((",", "[", "{"))


def _unfinished_key(error: yaml.MarkedYAMLError) -> bool:
    """Whether PyYAML began a key on a line and found no ':' after it: the context mark is
    where the key starts, and the problem mark somewhere after it."""
    return error.problem == "could not find expected ':'" and error.context_mark is not None


def _continues_a_value(lines: list[str], line: int) -> bool:
    """Whether a line is more of a value begun on a line above it, less indented and not
    ending with its key's ':'."""
    above = _content_line(lines, line)
    if above is None or _indent(lines[above]) >= _indent(lines[line]):
        return False
    return not lines[above].split("#")[0].rstrip().endswith(":")


def _content_line(lines: list[str], line: int, step: int = -1) -> int | None:
    """The nearest line above ``line`` (``step`` -1) or below it (1) that holds more than white
    space or a comment."""
    number = min(line, len(lines)) + step
    while 0 <= number < len(lines):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
        number += step
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted_then_more(text: str, line: int, column: int) -> str | None:
    """Where a value opened with a quote goes on after its closing quote on the same line:
    what to write, with the line's value quoted whole, or None."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    found = re.match(r"""^(\s*(?:-\s+)?[\w-]+:\s+)(["'])(.*?)\2(\s*\S.*)$""", lines[line])
    if found is None or column < len(found.group(1)):
        return None
    key, quote, rest = found.group(1).strip(), found.group(2), found.group(4).rstrip()
    if rest.endswith(quote) and not found.group(4)[:1].isspace():
        # 'Children's health' in single quotes: the quote inside ended it. Quoted whole with
        # the one inside kept, the title would be ''Children's health'', quotes and all. A
        # quote followed by a space closed a phrase ('"Right care" for "everyone"'): quoted
        # whole below, its quotes kept.
        inner = f"{found.group(3)}{quote}{rest[:-1]}"
        return _quote_inside(key, quote, inner)
    whole = f"{quote}{found.group(3)}{quote}{rest}"
    quoted = single_quoted(whole) if quote == '"' else _double_quoted(whole)
    return (
        f"the value's quotes end before the rest of it: quote all of it ({key} {quoted}), "
        "doubling a quote inside ('') or using the other kind"
    )


def _quote_inside(key: str, quote: str, inner: str) -> str:
    """What to write for a value quoted whole whose own quote mark is inside it too."""
    single, double = f"{key} {single_quoted(inner)}", f"{key} {_double_quoted(inner)}"
    if quote == "'":
        return (
            f"the ' inside ends the value: double it ({single}) or put the value in double "
            f"quotes ({double})"
        )
    return (
        f'the " inside ends the value: write it \\" ({double}) or put the value in single '
        f"quotes ({single})"
    )


def single_quoted(value: str) -> str:
    """``value`` in YAML's single quotes, where a quote inside is doubled."""
    doubled = value.replace("'", "''")
    return f"'{doubled}'"


def _double_quoted(value: str) -> str:
    """``value`` in YAML's double quotes, where a quote or a backslash inside is escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _pasted_list_item(text: str, line: int) -> str:
    """What is wrong with a list item, on the line at fault or the one before, written the
    way a word processor leaves it: a dash that is not a hyphen, or no space after the
    hyphen. PyYAML's own words for either point elsewhere."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if not 0 <= number < len(lines):
            continue
        stripped = lines[number].lstrip()
        if stripped[:1] in ("\u2013", "\u2014", "\u2212"):
            return (
                f"line {number + 1} starts with '{stripped[0]}' "
                f"(U+{ord(stripped[0]):04X}), not a hyphen: a list item starts with '- '"
            )
        # '-id: b', and '-health visiting' in a list of keywords (where a list item goes:
        # not '-free by 2030' continuing a plain value, nor '-.5').
        if re.match(r"-[A-Za-z_][\w-]*\s*:", stripped) or (
            re.match(r"-(?![\s\-:\d]|\.\d)", stripped) and _where_an_item_goes(lines, number)
        ):
            return f"line {number + 1}: a list item needs a space after '-' ('- {stripped[1:]}')"
    return ""


def _where_an_item_goes(lines: list[str], number: int) -> bool:
    """Whether a line stands where a list item would: after a key that opens a list ('keywords:'
    on its own) or beside another item at its indentation."""
    before = _content_line(lines, number)
    if before is None:
        return False
    previous = lines[before]
    if previous.rstrip().endswith(":"):
        return True
    return previous.lstrip().startswith("- ") and _indent(previous) == _indent(lines[number])


_KEY_LINE = re.compile(r"(\s*)([\w-]+):(?:\s|$)")
_ITEM_LINE = re.compile(r"(\s*)- ")


def _misaligned(text: str, line: int) -> str | None:
    """What an indentation slip looks like, where PyYAML names something else: a key indented
    under the key above it ('title: Housing' then '  keywords: [...]', read as part of the
    title), or a list item whose '-' is not lined up with the items above it."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    above = [n for n in range(line) if lines[n].strip() and not lines[n].lstrip().startswith("#")]
    if not above:
        return None
    here, before = lines[line], lines[above[-1]]
    key, key_above = _KEY_LINE.match(here), _KEY_LINE.match(before.replace("- ", "  ", 1))
    if key and key_above and len(key.group(1)) > len(key_above.group(1)):
        value_above = before.split(":", 1)[1].strip()
        if value_above:
            return (
                f"'{key.group(2)}:' is indented more than '{key_above.group(2)}:' on line "
                f"{above[-1] + 1}, so it reads as part of that value; give it the same indentation"
            )
    item = _ITEM_LINE.match(here)
    if item:
        for n in reversed(above):
            other = _ITEM_LINE.match(lines[n])
            if other and other.group(1) != item.group(1):
                return (
                    f"this list item's '-' is {len(item.group(1))} spaces in and line "
                    f"{n + 1}'s {len(other.group(1))}; line up the '-' of every item of one list"
                )
            if other:
                break
    return None


def _dedented_key(text: str, line: int) -> str | None:
    """A list item's key indented less than its other keys, as far in as the item's '-'
    ('  description:' under '  - id: housing' / '    title: Housing'): PyYAML then looks for
    the next item's '-' there, and says only that it did not find one."""
    lines = text.split("\n")
    key = _KEY_LINE.match(lines[line]) if 0 <= line < len(lines) else None
    if key is None:
        return None
    for number in range(line - 1, -1, -1):
        above = lines[number]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        item = re.match(r"(\s*)-\s+", above)
        if item:
            # Only an item of keys has keys to line up with: under a list of plain values
            # ('- warm', '- safe') the key belongs beside the key that opened the list.
            if len(item.group(1)) != len(key.group(1)) or not _KEY_LINE.match(above[item.end() :]):
                return None
            return (
                f"'{key.group(2)}:' is {len(key.group(1))} spaces in, as far as the '-' of the "
                f"list item on line {number + 1}, whose keys are {item.end()} in; indent it as "
                "they are"
            )
        if _indent(above) <= len(key.group(1)):
            return None
    return None


def _at_end(text: str, line: int, column: int) -> bool:
    """Whether nothing but white space follows a place in the text."""
    lines = text.split("\n")
    if line >= len(lines):
        return True
    return not "\n".join([lines[line][column:], *lines[line + 1 :]]).strip()


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if not 0 <= line < len(lines) or not 0 <= column < len(lines[line]):
        return ""
    return lines[line][column]
