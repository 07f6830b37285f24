"""English text handling for matching: sentences, content terms, and what a sentence commits to.

Terms are lower-cased, spelling-folded (British/American), stop-word filtered and stemmed
(Snowball English), so 'prioritising', 'prioritize' and 'priorities' meet. The role of a sentence
(a commitment, a past achievement, a negated or de-prioritised statement, or context) is read
from its wording with small cue lists; scoring decides what the role is worth.
"""

from __future__ import annotations

import re
from functools import lru_cache

from alignck.model import EvidenceKind
from alignck.spelling import americanise

STOP_WORDS = frozenset(
    """
a about above across after again against all almost along already also although always am among
an and another any anyone anything are around as at be became because become becomes been
before being below between both but by can cannot could did do does doing done down during each
either else etc even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less let like
likely made many may me might more most much must my myself near need neither no nor not now of
off often on once one only onto or other others otherwise our ours ourselves out over own per
perhaps put rather really said same several shall she should since so some something such than
that the their theirs them themselves then there therefore these they this those though through
throughout thus to together too toward towards under until up upon us very via was we well were
what whatever when where whereas whether which while who whom whose why will with within
without would yet you your yours yourself yourselves also including include includes included
ensure ensuring make makes making take taking use using used way ways want wants wanted able
new key main particular particularly ll ve re s d t e g ie eg www http https com org uk gov
get gets getting got sure back
""".split()  # noqa: SIM905 - a word list reads better as prose
)
# Words every strategy uses whatever its subject: intent, praise and planning vocabulary.
STRATEGY_WORDS = frozenset(
    """
give giving provide providing deliver delivering improve improving improvement support
supporting work working help helping enable enabling promote promoting develop developing create
creating build building achieve achieving continue continuing focus focusing strengthen
strengthening enhance enhancing plan plans strategy strategies strategic priority priorities
ambition ambitions aim aims objective objectives goal goals outcome outcomes commitment
commitments approach best good better great everyone everybody together local ensure
reach reaching reached
""".split()  # noqa: SIM905
)

# Irregular plurals the stemmer leaves apart.
_LEMMAS = {
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "peoples": "person",
    "lives": "life",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "data": "datum",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "analyses": "analysis",
    "crises": "crisis",
    # adjective and noun forms Snowball keeps apart but strategies use interchangeably
    "healthy": "health",
    "healthier": "health",
    "healthiest": "health",
    "unhealthy": "unhealth",
    "safer": "safe",
    "safest": "safe",
    "safety": "safe",
    "safely": "safe",
    "happier": "happy",
    "happiest": "happy",
    "happiness": "happy",
    "lonely": "loneliness",
    "poorer": "poor",
    "poorest": "poor",
    "wealthy": "wealth",
    "wealthier": "wealth",
    # the person or state named after the topic: 'every smoker', 'pregnant women'
    "pregnant": "pregnancy",
    "smoker": "smoke",
    "smokers": "smoke",
    "drinker": "drink",
    "drinkers": "drink",
    "cyclist": "cycle",
    "cyclists": "cycle",
}

WORD_PATTERN = r"[a-z0-9]+(?:['’][a-z]+)?|[a-z0-9]+"
_WORD = re.compile(WORD_PATTERN)
_HYPHENATED = re.compile(r"\b([a-z]+)-([a-z]+)(?:-([a-z]+))?\b")
_QUALIFYING_PARTS = frozenset(
    """free based led related friendly wide focused centred centered specific level term time
    cost""".split()  # noqa: SIM905
)
_WHOLE_COMPOUNDS = frozenset(["anti-social"])
_ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|etc|vs|cf|approx|no|nos|dr|mr|mrs|ms|prof|cllr|st|inc|ltd|co|fig|figs|"
    r"vol|para|sec|ch|pp|p|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.k|u\.s)\.$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    word = _LEMMAS.get(word, word)
    return _stemmer().stemWord(americanise(word))  # type: ignore[attr-defined]


def normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    """Lower-case words with possessive endings removed; hyphenated compounds kept whole."""
    text = normalise(text)
    if "-" in text:
        text = _HYPHENATED.sub(_compound, text)
    if "'" not in text:  # most sentences: no possessive to strip
        return [word for word in _WORD.findall(text) if not word.isdigit()]
    found: list[str] = []
    for word in _WORD.findall(text):
        if word.endswith("'s"):
            word = word[:-2]
        elif "'" in word:
            word = word.split("'")[0]
        if word and not word.isdigit():
            found.append(word)
    return found


def _compound(match: re.Match[str]) -> str:
    """'smoke-free' as 'smoke smokefree': its parts and the joined word, but not a last part
    that only qualifies the first ('-free', '-led', '-related'): 'free to use' has nothing to
    do with 'tobacco-free'. A compound that is a word of its own ('anti-social') is only
    that word: anti-social behaviour is not social isolation."""
    parts = [g for g in match.groups() if g]
    if match.group(0) in _WHOLE_COMPOUNDS:
        return "".join(parts)
    shown = parts[:-1] if parts[-1] in _QUALIFYING_PARTS else parts
    return " ".join(shown) + " " + "".join(parts)


def phrase_key(text: str) -> str:
    """Every word stemmed, stop words kept: for matching multi-word phrases in order."""
    plain = normalise(text).replace("-", " ")
    return " ".join(stem(word) for word in _WORD.findall(plain) if not word.isdigit())


def terms(text: str, *, topical: bool = True) -> list[str]:
    """Content terms, stemmed, in order. ``topical`` also drops the intent and planning words
    every strategy uses (``STRATEGY_WORDS``): right for matching, wrong for naming a statement."""
    return list(_terms(text, topical))


@lru_cache(maxsize=16384)
def _terms(text: str, topical: bool) -> tuple[str, ...]:
    # Cached, and small: a sentence is cut into clauses and then scored, asking twice in a row.
    return tuple(
        stem(word)
        for word in words(text)
        if word not in STOP_WORDS and len(word) > 1 and not (topical and word in STRATEGY_WORDS)
    )


@lru_cache(maxsize=65536)
def sentences(text: str) -> tuple[str, ...]:
    """Split a block's text into sentences, keeping abbreviations and decimals together."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].strip()
        last_word = candidate.rsplit(" ", 1)[-1] if candidate else ""
        if _ABBREVIATIONS.search(last_word) or len(candidate) < 3:
            continue
        pieces.append(candidate)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return tuple(pieces)


_COMMITMENT = re.compile(
    r"\b(we\s*(?:will|'ll|shall|are\s+going\s+to|intend\s+to|plan\s+to|aim\s+to|aspire\s+to|"
    r"pledge|promise|commit|are\s+committed|remain\s+committed|are\s+determined|have\s+set|"
    r"are\s+prioriti[sz]ing|prioriti[sz]e|are\s+focus(?:s)?ing)|"
    r"our\s+(?:\w+\s+){0,2}(?:ambition|aim|priority|priorities|objective|goal|commitment|"
    r"focus|target|mission|plan|strategy|approach)s?\s+(?:is|are|will)|"
    r"our\s+(?:\w+\s+){0,2}(?:ambition|aim|priority|priorities|objective|goal|focus|mission)s?"
    r"\s+(?:for|during|over|in|across|throughout|until|by)\s+(?:[\w'’/-]+,?\s+){1,8}?"
    r"(?:is|are)\s+to\b|"
    r"(?:is|are)\s+(?:a|our|one\s+of\s+our)\s+(?:\w+\s+){0,2}priorit(?:y|ies)|"
    r"by\s+20\d\d|target\s+of|"
    # 'target' the noun ('our targets'), not the verb after a modal ('should target grants').
    r"(?<!should\s)(?<!must\s)(?<!could\s)(?<!would\s)(?<!\bto\s)\btargets?\b|"
    r"committed\s+to|commitment\s+to|"
    # 'Our welfare rights team will run ...': the organisation's own people promise it.
    r"our\s+(?:[\w'’-]+\s+){0,3}(?:teams?|services?|staff|advis[eo]rs|officers|workers|"
    r"volunteers|nurses|clinicians|practitioners|partners|partnership|council|board|trust)"
    r"\s+will\s+(?!not\b|no\b)|"
    r"will\s+(?:be\s+)?(?:(?:deliver|provide|work|improve|reduce|increase|develop|ensure|support|"
    r"focus|invest|tackle|create|build|promote|protect|enable|expand|strengthen|help|continue|"
    r"introduce|establish|achieve|make|give|keep|offer|extend|implement|embed|transform|"
    r"prioriti[sz]e|lead|champion|raise|grow|enhance|address|prevent|minimi[sz]e|maximi[sz]e|"
    r"fund|commission|open|train|recruit|require|treat)(?:ed|d|n|ing)?|"
    # 'Every smoker will be offered treatment': the passive promises as much as 'we will'.
    r"made|kept|led|built|given|grown|referred|embedded))\b",
    re.IGNORECASE,
)
# Withdrawing the organisation's own activity or priority. Not every "not" or "stop": "we will
# not tolerate discrimination", "stop smoking services" and "phase out coal" commit to something.
_WITHDRAWN_ACTIVITY = (
    r"(?:fund|provid|deliver|commission|offer|run|support|invest|continu|prioriti|pursu|focus)\w*"
)
_NEGATED = re.compile(
    r"\b(we\s*(?:will|shall|'ll|are|have)?\s*(?:no\s+longer|not|won't|stop(?:ped|ping)?|"
    rf"ceas(?:e|ed|ing)(?:\s+to)?)\s+(?:be\s+)?{_WITHDRAWN_ACTIVITY}|"
    r"we\s*(?:will|shall|'ll|are|have)?\s*(?:discontinu|decommission|withdraw)\w*|"
    r"(?:will|shall)\s+no\s+longer\s+be\s+(?:funded|provided|delivered|commissioned|offered|"
    r"available|a\s+priority)|"
    r"(?:stop|ceas(?:e|ing))\s+(?:funding|providing|delivering|commissioning)|"
    r"withdraw(?:ing|n|al)?\s+(?:from|of\s+funding|funding)|decommission\w*|de-?prioriti[sz]\w*|"
    r"(?:no\s+longer|not)\s+(?:be\s+)?(?:a|an|our)\s+(?:\w+\s+)?priorit(?:y|ies)|"
    r"(?:outside|out\s+of)\s+(?:the\s+)?scope)",
    re.IGNORECASE,
)
_ACHIEVEMENT = re.compile(
    r"\b(we\s+(?:have|'ve)\s+(?:\w+\s+)?(?:delivered|achieved|completed|opened|built|"
    r"invested|secured|reduced|increased|introduced|launched|made|provided|supported|worked|"
    r"won|created|developed|improved|been)|"
    r"(?:last|previous|past)\s+(?:\w+\s+)?(?:years?|plan|strategy)|look(?:ing)?\s+back|"
    r"proud\s+of|(?:we|it)\s+(?:delivered|achieved|completed|opened|secured|launched)|"
    r"has\s+been\s+(?:delivered|achieved|completed)|(?:our|key|recent)\s+achievements?|"
    r"achievements\s+(?:include|so\s+far)|highlights\s+(?:of|from)|during\s+the\s+pandemic)\b",
    re.IGNORECASE,
)
_NEED = re.compile(
    r"(\d+(?:\.\d+)?\s*%|\b\d+\s+(?:in|out\s+of)\s+\d+\b|\bper\s+cent\b|\bhigher\s+than\b|"
    r"\blower\s+than\b|\bcompared\s+(?:to|with)\b|\bsurvey\b|\bresidents\s+told\s+us\b|"
    r"\bon\s+average\b)",
    re.IGNORECASE,
)
# Every match of the patterns above contains one of these substrings (lower-cased).
_NEGATED_CUES = (
    "longer",
    "not",
    "n't",
    "ceas",
    "stop",
    "withdraw",
    "decommission",
    "priorit",
    "scope",
    "discontinu",
)
_ACHIEVEMENT_CUES = (
    "have",
    "'ve",
    "last",
    "previous",
    "past",
    "look",
    "proud",
    "delivered",
    "achieved",
    "completed",
    "opened",
    "secured",
    "launched",
    "achievement",
    "highlights",
    "pandemic",
    "has been",
)
_COMMITMENT_CUES = ("we", "our", "priorit", "by 20", "target", "commit", "will")
_WE_WILL = re.compile(r"\bwe\s*(?:will|'ll)\b")


def sentence_role(text: str) -> EvidenceKind:
    """Whether a sentence commits to something, reports the past, is negated, or is context."""
    lower = normalise(text)
    # Cheap substring checks first: most sentences contain none of the cue words.
    if any(cue in lower for cue in _NEGATED_CUES) and _NEGATED.search(text):
        return "negated"
    if (
        any(cue in lower for cue in _ACHIEVEMENT_CUES)
        and _ACHIEVEMENT.search(text)
        and not _WE_WILL.search(lower)
    ):
        return "achievement"
    if any(cue in lower for cue in _COMMITMENT_CUES) and _COMMITMENT.search(text):
        return "commitment"
    return "context"


# "Cut smoking to 5%", "reduce obesity by 10%": a target, not a figure about the area.
_TARGET = re.compile(
    r"^(?:to\s+)?(?:cut|reduce|increase|raise|halve|double|lower|bring|get|grow|improve|"
    r"achieve|reach|keep)\b|\b(?:to|by)\s+\d+(?:\.\d+)?\s*(?:%|per\s+cent)",
    re.IGNORECASE,
)


def is_statistic(text: str) -> bool:
    """A figure about the area ('31% of children ...'), not a target set for it."""
    return bool(_NEED.search(text)) and not _TARGET.search(text)
