"""What every extraction rule shares: the wording of priorities, and turning a piece of text
into a stated priority or commitment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from alignck import lexicon
from alignck.language import is_declarative, sentences, terms
from alignck.model import Block, Location, Statement, StatementKind

_PRIORITY_NOUN = (
    r"priorit(?:y|ies)|objectives?|ambitions?|aims?|goals?|outcomes?|"
    r"commitments?|pledges?|promises?|themes?|pillars?|missions?|focus\s+areas?|"
    r"areas\s+of\s+focus|areas\s+for\s+action|key\s+areas|strategic\s+areas|workstreams?"
)
# Headings that introduce priorities without naming them so.
_PRIORITY_HEADING = (
    r"what\s+we\s+(?:(?:want|aim|plan|intend|hope)\s+to|will)\s+achieve|"
    r"where\s+we\s+will\s+focus|our\s+focus|what\s+matters\s+most"
)
PRIORITY_WORDS = re.compile(rf"\b(?:{_PRIORITY_NOUN}|{_PRIORITY_HEADING})\b", re.IGNORECASE)
# Words that put a heading's priority noun in the object's place: 'Progress on our previous
# priorities', 'Questions about our priorities', 'How we chose our priorities' are about
# priorities, not a list of them. The word governs the noun's own phrase (at most three words
# before it), after any colon or dash ('Looking ahead to 2030: our priorities' lists them).
_ABOUT_PRIORITIES = re.compile(
    r"(?:\b(?:about|on|behind|beyond|since|after|before|against)"
    r"|\b(?:how|why|when|where|which|who|whose)\s+(?:[\w'’-]+\s+)?[\w'’-]+)"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_OPENS_RELATION = re.compile(
    r"^(?:about|on|in|to|from|with|against|towards?|behind|beyond|into|through|since|during|"
    r"after|before|how|why|when|where|which|who|whose)\b",
    re.IGNORECASE,
)


def opens_with_relation(text: str) -> bool:
    """Whether a phrase opens with a preposition or question word ('with the happiest
    residents'), not as the verb of an infinitive would."""
    return bool(_OPENS_RELATION.match(text.strip()))


def heads_priorities(heading: str) -> bool:
    """Whether a heading's subject is priorities ('Our priorities', 'Strategic aims for
    2030', 'What we want to achieve'), not a heading that speaks of them ('Progress on our
    priorities')."""
    match = PRIORITY_WORDS.search(heading)
    if match is None:
        return False
    if re.fullmatch(_PRIORITY_HEADING, match.group(0), re.IGNORECASE):
        return True
    before = re.split(r"[:–—]|\s-\s", heading[: match.start()])[-1]
    return not _ABOUT_PRIORITIES.search(before)


LEAD_IN = re.compile(
    rf"(\b(?:{_PRIORITY_NOUN})\b|\bfocus(?:es|ing)?\s+on\b|"
    r"\bprioriti[sz]e\b|\bwe['’ʼ‘]ll\s+focus\b)",
    re.IGNORECASE,
)
# "Our priorities are set out below." introduces what follows as surely as a colon does.
POINTS_BELOW = re.compile(
    r"\b(?:(?:set\s+out|listed|shown|described|summari[sz]ed)\s+below|as\s+follows|"
    r"(?:are|is)\s+below)\W*$",
    re.IGNORECASE,
)
# "Over the next year we will:" introduces actions: commitments, not stated priorities.
PROMISE_LEAD = re.compile(
    r"\b(?:we\s*(?:will|['’ʼ‘]ll|shall)|we\s+commit\s+to)\b[^.]*:\s*$", re.IGNORECASE
)
NUMBERED = re.compile(
    rf"^\s*(?:(?:our|strategic|key|corporate|system)\s+|(?-i:[A-Z][a-z]+\s+)){{0,2}}(?:{_PRIORITY_NOUN})\s*"
    r"(?:no\.?\s*)?(\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    # A range that ends the label names several ('Priorities 1–3' over three slides): no
    # priority named '3'. Not a name that opens with a figure ('Priority 1 – 24/7 support').
    r"(?!\s*(?:[-–—]|to)\s*\d{1,2}\s*(?:[:.)|–—-]|$))"
    r"\s*[:.)\-–—|]?\s*(.*)$",
    re.IGNORECASE,
)
# "Our first priority: healthy places", "Second ambition – ageing well": the same groups.
_ORDINAL_NUMBERED = re.compile(
    r"^\s*(?:(?:our|the)\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    rf"\s+(?:(?:strategic|key|corporate|system)\s+)?(?:{_PRIORITY_NOUN})\s*[:.)\-–—|]\s*(.*)$",
    re.IGNORECASE,
)


def numbered_label(text: str) -> re.Match[str] | None:
    """'Priority 2: Title', 'Aim B – Title', 'Our first priority: Title': group 1 is the
    number, group 2 the title (empty when the label stands alone)."""
    return NUMBERED.match(text) or _ORDINAL_NUMBERED.match(text)


PRONOUN_START = re.compile(r"^(we|our|i|you|they|it|this|these|there|here)\b", re.IGNORECASE)
COMMITMENT_SENTENCE = re.compile(
    r"\b(we\s*(?:will|['’ʼ‘]ll|shall)|we\s+(?:are|remain)\s+committed\s+to|we\s+commit\s+to|"
    r"we\s+pledge\s+to|we\s+are\s+determined\s+to)\b",
    re.IGNORECASE,
)
_FUTURE_CLAUSE = re.compile(r"\b\w+\s+will\s+\w+", re.IGNORECASE)
INFINITIVE_LEAD = re.compile(
    r"\b(?:plan|strategy|priorities|aims?|objectives?|ambitions?|we)\s+"
    # "Our ambitions for 2024 to 2027 are to ...": a short time or place qualifier may intervene.
    r"(?:(?:for|over|in|across)\s+[\w/ -]{2,30}?\s+)?"
    r"(?:looks?|aims?|seeks?|sets?\s+out|intends?|wants?|will\s+work|is|are)\s+to\s+",
    re.IGNORECASE,
)
IS_PRIORITY = re.compile(
    r"^(?P<subject>.{8,160}?)\s+(?:is|are|remains?)\s+(?:a|an|our|one\s+of\s+our|the)\s+"
    r"(?:\w+\s+){0,2}(?:priority|priorities|ambition|goal|objective)\b",
    re.IGNORECASE,
)
# "Our first priority is reducing child poverty", "Our top ambition is to ..."
RANKED_PRIORITY = re.compile(
    # At the sentence's start, or after a comma with 'and' or 'so' ('..., and so our third
    # priority is to ...'; 'For young people, the top priority is ...' reports what others
    # said); the noun may carry a short clause of who chose it, in the words a partner uses
    # for its own choice ('The fourth priority we have set ourselves is ...'); never what is
    # no longer or not an aim.
    r"(?:^|,\s+(?:and\s+so|and|so)\s+)"
    r"(?:our|the)\s+(?:first|second|third|fourth|fifth|sixth|main|top|overriding|biggest|"
    r"number\s+one|single\s+most\s+important)\s+(?:priority|ambition|aim|goal|objective)\s+"
    r"(?:(?:that\s+)?we\s+(?:have\s+)?(?:set|chosen|chose|agreed|identified)"
    r"(?:\s+ourselves)?\s+)?"
    r"(?:is|will\s+be)\s+(?!no\s+longer\b|not\b)(?:to\s+)?(?P<subject>.{4,160}?)\.?$",
    re.IGNORECASE,
)
# "Our mission is to improve ...; to be a great place to work.", "The ambition for the city is
# to be ...": a sentence whose subject is the priority noun states what the priorities are.
PURPOSE = re.compile(
    rf"^(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_PRIORITY_NOUN})"
    r"(?:\s+(?:for|of|in)\s+[^,;:]{1,50}?)?\s+(?:is|are|will\s+be)\s+to\s+(?P<rest>.{4,})$",
    re.IGNORECASE,
)
# After "The strategy has three aims.": "The first is to give every child the best start."
ORDINAL_ITEM = re.compile(
    r"^(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|final|last)"
    r"(?:\s+(?:one|aim|priority|ambition|objective|goal|theme|outcome|pillar))?\s+"
    r"(?:is|will\s+be)\s+(?:to\s+)?(?P<subject>.{4,160}?)\.?$",
    re.IGNORECASE,
)
OBJECTIVE_HEADING = re.compile(
    r"^\(?\d{1,2}[.)]?\s+(?:provide|improve|reduce|increase|create|support|deliver|tackle|"
    r"ensure|protect|promote|prevent|build|develop|enable|help|give|keep|make|grow|strengthen|"
    r"enhance|invest|raise|close|narrow|end|achieve|maintain|transform|empower|champion|"
    r"encourage|attract|secure|boost|halve|eliminate)\b[^.]{3,160}$",
    re.IGNORECASE,
)
# A table column of priorities is headed by the noun alone: 'Priority', 'Our ambitions'.
COLUMN_HEADER = re.compile(
    r"^\W*(?:our\s+)?(?:strategic\s+|key\s+)?(?:priorit(?:y|ies)|ambitions?|objectives?|aims?|"
    r"goals?|outcomes?|themes?|pillars?|commitments?|missions?|workstreams?|"
    r"(?:priority|focus|key|strategic)\s+areas?|areas?\s+of\s+focus)\W*$",
    re.IGNORECASE,
)
# The lead of an inline list announces it as a list block's lead-in does ('our priorities',
# 'focusing on what matters most:'), by the one definition in ``LEAD_IN``.
INLINE_LIST = re.compile(rf"(?:{LEAD_IN.pattern})[^:.]{{0,60}}:\s*(?P<items>[^:]+)$", re.IGNORECASE)
# "Our three priorities are a thriving economy, safe streets and healthy residents."; "Our
# aims are to tackle homelessness, improve care and balance the budget."
COPULA_LIST = re.compile(
    # A short clause may come first ('Looking ahead, our priorities ...'), the subject may be
    # another's ('The council's priorities'), and a time or scope may follow the noun ('for
    # 2025/26', 'for the coming year', 'this year', 'of the strategy').
    r"^(?:[^,;:]{1,60},\s{1,3})?(?:(?:our|the|its|their)\s{1,3}|(?:the\s{1,3})?[\w-]+['’]s\s{1,3})"
    r"(?P<lead>(?:[\w-]+\s{1,3}){0,2})"
    r"(?:priorities|objectives|ambitions|aims|goals|outcomes|themes|pillars|missions)"
    r"(?:\s{1,3}(?:for|in|over|during|across|of)\s{1,3}[^,:;]{1,40}?|\s{1,3}this\s{1,3}year)?"
    r"\s{1,3}(?:are|will\s{1,3}be)\s{1,3}(?!to\s{1,3}be\b)(?P<to>to\s{1,3})?(?P<items>[^:]+)$",
    re.IGNORECASE,
)
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# A count of things: '4', 'four'.
COUNT = rf"\d{{1,2}}|{'|'.join(_NUMBER_WORDS)}"
# "The Plan is built around three pillars – People, Place and Prosperity": a counted lead and
# a spaced dash stand for the colon.
DASH_LIST = re.compile(
    rf"\b(?:{COUNT})\s+(?:[\w-]+\s+){{0,2}}(?:{_PRIORITY_NOUN})\s*(?:\s[–—-]\s|[–—])\s*"
    r"(?P<items>[^:–—]+)$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    rf"\b(?P<count>{COUNT})\s+(?:[\w-]+\s+){{0,2}}(?:{_PRIORITY_NOUN})\b", re.IGNORECASE
)
_MAX_TITLE_WORDS = 30
# "Healthy weight – we will make the healthy choice the easy choice": a short name, then what
# it means. The name is the priority; the explanation may read as a commitment.
_NAME_THEN_EXPLANATION = re.compile(
    r"^(?P<name>[^–—:]{2,80}?)\s*(?:\s[–—-]\s|[–—]|:\s)\s*(?P<rest>\S.*)$"
)
_MAX_NAME_WORDS = 8
_MIN_EXPLANATION_WORDS = 3
# "1 Start well: ..." on a line of its own: a number with no full stop still numbers it.
BARE_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?\s+(?=[A-Z])")
# "SO1: Improve outcomes", "P2 – Healthy places": a short reference code before the title.
_CODE = re.compile(r"^[A-Z]{1,3}\s?\d{1,2}[a-z]?$")
# "Target 3 – Achieve ...", "Outcome B: ...": one word and a number label the item; the words
# after them name it.
_WORD_AND_NUMBER = re.compile(r"^[A-Z][a-z]+\s+(?:\d{1,2}|[A-H])$")
_LEADING_CODE = re.compile(r"^[A-Z]{1,3}\s?\d{1,2}[a-z]?\s*(?::|\s[–—-])\s+(?=\S)")
_LEADING_NUMBER = re.compile(r"^\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-hA-H]|[ivxIVX]{1,4})[.)]\s+(?=\S)")
# A heading's section number without a closing full stop ('2.1 Deliver safe care'); a list
# item or a cell opening on one is a figure ('2.5 Million Trees Planted by 2030').
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\s+(?=[A-Z])")


def opens_list(sentence: str) -> bool:
    """'Our priorities are:' and, as often written, 'a clear set of priorities;'."""
    return sentence.rstrip().endswith((":", ";"))


# Parts every document has, which name no priority whatever heading they sit under.
_DOCUMENT_PART = re.compile(
    r"^(?:about\s+(?:us|this\s+\w+)|background|introduction|foreword|preface|contents|"
    r"context|(?:executive\s+)?summary|overview|glossary|appendix|appendices|annex|references|"
    r"(?:our\s+)?(?:values|principles|behaviours|history|story)|next\s+steps|governance|"
    r"contact\s+us|further\s+information|acknowledgements)$",
    re.IGNORECASE,
)


# Of those, the parts whose lists are never a plan's priorities: a contents list, values,
# references. A summary, an overview or an introduction may well list them.
_NEVER_LISTS_PRIORITIES = re.compile(
    r"^(?:contents|table\s+of\s+contents|glossary|appendix|appendices|annex|references|"
    r"(?:our\s+)?(?:values|principles|behaviours)|contact\s+us|further\s+information|"
    r"acknowledgements)$",
    re.IGNORECASE,
)


def never_lists_priorities(text: str) -> bool:
    """Whether a lead-in names a part whose list is never priorities ('Contents')."""
    return bool(_NEVER_LISTS_PRIORITIES.match(text.strip().rstrip(":").strip()))


def is_document_part(text: str) -> bool:
    """Whether a heading or lead-in names a part every document has ('Our values',
    'Background'), under which no priority is named."""
    return bool(_DOCUMENT_PART.match(text.strip().rstrip(":").strip()))


def location(block: Block, part: str | None = None) -> Location:
    """Where a block is, or the ``part`` of it (a sentence) taken alone: its own page where
    the block runs on over a page break."""
    page = block.page if part is None else block.page_of(part)
    return Location(page, block.number, block.section_path, block.line)


_QUESTION = re.compile(
    r"^[\"“‘']?(?:what|which|how|why|who|when|where|is|are|do|does|did|should|can|could|would|"
    r"will|have|has|to\s+what\s+extent|in\s+what\s+ways?)\b.*\?[\"”’']?$",
    re.IGNORECASE | re.DOTALL,
)


def make_statement(text: str, block: Block, rule: str) -> Statement | None:
    # A question asks what the priorities should be ('Which priority matters most to you?');
    # it states none. An action may end on one ('Researching what works - how can it be
    # delivered better?').
    if _QUESTION.match(text.strip()):
        return None
    if block.kind == "heading":
        text = _SECTION_NUMBER.sub("", text.strip())
    text = _tidy(text)
    if not text or len(text.split()) > _MAX_TITLE_WORDS or not terms(text, topical=False):
        return None
    if _DOCUMENT_PART.match(text):
        return None
    kind: StatementKind = "commitment" if _reads_as_commitment(text) else "priority"
    return Statement(text, kind, location(block), rule)


def announced_count(lead_in: str) -> int | None:
    """How many priorities a lead-in announces: 'The plan has four key themes:' -> 4."""
    match = _COUNTED.search(lead_in)
    if not match:
        return None
    return count_value(match.group("count"))


def count_value(count: str) -> int:
    """'4' -> 4, 'four' -> 4."""
    count = count.lower()
    return int(count) if count.isdigit() else _NUMBER_WORDS.index(count) + 2


def named_part(text: str) -> str:
    """The name of a "Name – explanation" item, or the whole text when it has no such name."""
    match = _NAME_THEN_EXPLANATION.match(text.strip())
    if not match:
        return _name_before_full_stop(text)
    name, rest = match.group("name").strip(), match.group("rest")
    if _is_label(name):
        # 'Aim one – improve outcomes', 'Priority: healthy places', 'SO1: Improve outcomes':
        # the label is not the name; what follows it may be a name and its explanation
        # ('Aim 2: Our people: be a great place to work'), as the item would be without it.
        after = _NAME_THEN_EXPLANATION.match(rest.strip())
        if after is None or _is_label(after.group("name").strip()):
            return rest
        return _name_of(after.group("name").strip(), after.group("rest"), rest)
    return _name_of(name, rest, text)


def _is_label(name: str) -> bool:
    label = numbered_label(name)
    return bool(
        (label and not label.group(2).strip())
        or COLUMN_HEADER.match(name)
        or _CODE.match(name)
        or _WORD_AND_NUMBER.match(name)
    )


def _name_of(name: str, rest: str, text: str) -> str:
    """The name where it is short and its explanation long enough to be one, else ``text``."""
    if len(name.split()) <= _MAX_NAME_WORDS and len(rest.split()) >= _MIN_EXPLANATION_WORDS:
        return name
    return text


# "Workforce. We will reduce vacancies ...": a name of a few words closed by a full stop, then
# the sentences that explain it (the same layout as a bold run-in name, without the bold).
_NAME_SENTENCE = re.compile(r"^[A-Z][^.!?:;–—]{1,60}\.$")
_MAX_FULL_STOP_NAME_WORDS = 4


def item_names(items: Sequence[Block]) -> list[str]:
    """The names of one list's items, each as :func:`named_part` finds it, but named one way
    across the list: where most items are a short name closed by a full stop before their
    explanation ('Fairer outcomes. We will close the gap ...'), or every item is of that
    shape and one is named so, an item of the same shape is named so too though its name
    opens as a sentence might ('A sustainable system. We will ...') or runs to five words or
    more ('Supporting people into good work. We will ...'), which alone would leave it whole."""
    names = [item.lead or named_part(item.text) for item in items]
    cut = sum(
        item.lead is None and name != item.text and _name_before_full_stop(item.text) == name
        for item, name in zip(items, names, strict=True)
    )
    alike = [
        _name_before_full_stop(item.text, alike=True)
        if item.lead is None and name == item.text
        else name
        for item, name in zip(items, names, strict=True)
    ]
    shaped = all(name != item.text for item, name in zip(items, alike, strict=True))
    if (cut >= 2 and cut * 2 > len(items)) or (cut >= 1 and shaped):
        return alike
    return names


def _name_before_full_stop(text: str, *, alike: bool = False) -> str:
    """The name of a 'Name. Sentence.' item; the whole text when its first sentence is not a
    name (it says something itself: 'We will grow.', 'Smoking is falling.'), unless its
    list's other items are ``alike`` named so."""
    # The first sentence as sentences are told apart everywhere: 'St. Mary's Hospital ...'
    # and 'Dr. Foster's model ...' do not end at their abbreviation.
    found = sentences(text.strip())
    if len(found) < 2 or not _NAME_SENTENCE.match(found[0]):
        return text
    name, rest = found[0][:-1].strip(), " ".join(found[1:])
    # Alike its list, a name may open as a noun phrase does ('A sustainable system') and, so
    # opened or opening on a verb's -ing form ('Supporting people into good work'), run to
    # eight words; a sentence with a verb of being ('Smoking is falling') or of a subject
    # and its verb ('Demand for social care keeps rising') stays whole all the same.
    phrased = alike and bool(_NAME_OPENING.match(name))
    if (
        len(name.split()) > (_MAX_NAME_WORDS if phrased else _MAX_FULL_STOP_NAME_WORDS)
        or len(rest.split()) < _MIN_EXPLANATION_WORDS
        or PRONOUN_START.match(name)
        or _reads_as_commitment(name)
        or (is_declarative(name) and not (phrased and not _like_a_clause(name)))
        or any(ch.isdigit() for ch in name)
    ):
        return text
    return name


# How a name of several words opens: an article, or a verb's -ing form.
_NAME_OPENING = re.compile(r"^(?:a|an|the)\s|^[A-Za-z]+ing\b", re.IGNORECASE)
# A word ending as a verb's present or past form does, with a word after it ('The demand for
# care keeps rising'). It also keeps some names whole ('The homes we need'): whole is the
# cautious reading.
_VERB_THEN_WORD = re.compile(r"\b\w+(?:s|ed)\s+\w", re.IGNORECASE)


def _like_a_clause(name: str) -> bool:
    """Whether a name reads as a clause: a verb of being (the lexicon's one list of them)
    or a verb's form with a word after it."""
    be_or_have = lexicon.entry("roles", "declarative.be-or-have").compiled
    return bool(be_or_have.search(name) or _VERB_THEN_WORD.search(name))


def _tidy(text: str) -> str:
    text = _LEADING_NUMBER.sub("", text.strip().strip("\"“”'‘’").strip()).rstrip(".")
    text = _LEADING_CODE.sub("", text)
    text = re.sub(r"[,;]?\s+(?:and|or)$", "", text)
    text = re.sub(r"^(?:and|or)\s+(?=\S)", "", text)
    return text.rstrip(" ,;–—-").strip()


def _reads_as_commitment(text: str) -> bool:
    return bool(COMMITMENT_SENTENCE.search(text) or _FUTURE_CLAUSE.search(text))
