"""British and American spellings folded to one form before stemming.

Rules cover the regular families (-ise/-ize, -our/-or, -yse/-yze, -tre/-ter); a short list covers
words the rules cannot reach (the lists live in ``data/lexicon/spelling.json``).
Only matching needs this, so the fold may produce forms that are not words; what matters is
that both spellings land on the same token and unrelated words do not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from alignck import lexicon

_OUR = re.compile(r"^([a-z]{2,})our(s|ed|ing|ite|ites|able|ably|ful|hood|hoods|less)?$")
_ISE = re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"^([a-z]{3,})ys(e|es|ed|ing|er|ers)$")


@lru_cache(maxsize=1)
def _tre() -> re.Pattern[str]:
    stems = "|".join(lexicon.entry("spelling", "spelling.tre-stems").words)
    return re.compile(rf"^({stems})re(s|d)?$")


def _exceptions(kind: str) -> frozenset[str]:
    return lexicon.words("spelling", f"spelling.{kind}-exceptions")


@lru_cache(maxsize=65536)
def americanise(word: str) -> str:
    """Fold one lower-case word to its American spelling (the common target form)."""
    folded = lexicon.mapping("spelling", "spelling.words").get(word)
    if folded is not None:
        return folded
    match = _OUR.match(word)
    our_exceptions = _exceptions("our")
    if match and _stem_word(word, "our") not in our_exceptions and word not in our_exceptions:
        return f"{match.group(1)}or{match.group(2) or ''}"
    match = _ISE.match(word)
    if match and not _is_ise_exception(word):
        return f"{match.group(1)}iz{match.group(2)}"
    match = _YSE.match(word)
    if match and word.startswith(lexicon.entry("spelling", "spelling.yse-stems").words):
        return f"{match.group(1)}yz{match.group(2)}"
    match = _tre().match(word)
    if match:
        return f"{match.group(1)}er{match.group(2) or ''}"
    return word


def _stem_word(word: str, ending: str) -> str:
    return word[: word.index(ending) + len(ending)] if ending in word else word


def _is_ise_exception(word: str) -> bool:
    base = re.sub(r"(es|ed|ing|ation|ations|er|ers)$", "e", word)
    if base.endswith("ee"):
        base = base[:-1]
    ise_exceptions = _exceptions("ise")
    return base in ise_exceptions or word in ise_exceptions
