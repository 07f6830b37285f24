"""Find the priorities a document states, and the explicit commitments it makes.

Stated priorities come from structure and wording, never from the framework: list items under a
priority heading or lead-in ("Our priorities are:"), numbered forms ("Priority 1:", "Ambition 3 –",
"Strategic Objective 2" followed by its title; an item "Healthy weight – what it means" is named by
the words before the dash), sub-headings (under a priority heading, or a run of headings after a
lead-in such as "The plan has four key themes:") or bold run-in headings ("**Warm homes.** We will
...") under a priority heading, paragraphs straight under a priority heading that each name one
("Start well: every child ...", no list markers) or a table's first column or header row there,
inline lists ("four themes: Place, Growth and Wellbeing"; "our three priorities are A, B and
C"), infinitive lists ("the plan looks to improve ...; to reduce ...; and to protect ..."),
"X is a priority", and sentences naming them in order after a count ("The strategy has three
aims. The first is to ..."). A document with none of these has its lists, then its sentences
that enumerate, weighed by fitted scorers, and failing those its likeliest list or sentence,
if likely enough; failing all, it states them in prose: purpose sentences ("Our mission is to
A; to B").
Commitments are "we will" / "we are committed to" sentences.
Ordinary bullet points elsewhere are not priorities.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from alignck.extract._common import COMMITMENT_SENTENCE, location, make_statement
from alignck.extract._filters import without_labels_and_names
from alignck.extract._scorer import (
    AimModel,
    ListModel,
    best_list,
    best_sentence,
    likeliest_aims,
    scored_lists,
    scored_sentences,
    shipped_aim_model,
    shipped_model,
    shipped_sentence_model,
)
from alignck.extract._sections import numbered_repeats, numbered_sections
from alignck.extract._structure import (
    child_headings,
    entries_under_heading,
    heading_key,
    headings_after_lead_in,
    listed,
    numbered,
    objective_headings,
    run_in_headings,
    subheadings,
    template_keys,
)
from alignck.extract._tables import MEASURED_COLUMN, table_columns, tables_under_heading
from alignck.extract._wording import inline, ordinal_items, purposes
from alignck.language import is_apparatus, role_of, sentences, terms
from alignck.model import Block, Document, Statement


def extract(
    document: Document,
    lists: ListModel | None = None,
    lists_everywhere: bool = False,
    sentence_model: ListModel | None = None,
    aim_model: AimModel | None = None,
) -> list[Statement]:
    """Stated priorities and commitments, in document order, without duplicates.

    The structure and wording rules come first: where they fire they are precise. A document
    in which they find no stated priority, or find them only in headings, has its lists
    weighed by the fitted list scorer (``lists``, default the shipped model): measured
    leave-one-set-out, adding its lists to documents where the rules found some in text cost
    more precision than it gained recall (``lists_everywhere`` does so, for measuring it). A
    document with neither has its sentences that enumerate ('... to improve care, cut waits
    and support carers') weighed by the fitted sentence scorer (``sentence_model``, default
    the shipped one). Where none reaches its cut-off, the likeliest list, then the likeliest
    sentence, is taken if it reaches the lower cut-off fitted for a document's best; then
    purpose sentences ('Our mission is to ...'), then commitments, stand in; and where there
    are none of those either, the sentences the fitted aim model (``aim_model``, default the
    shipped one) finds likeliest to state the document's aims."""
    model = lists or shipped_model()
    text = _text_blocks(document.blocks)
    found = rule_statements(document)
    # A heading names a section of a page as often as a priority ('Our plans' over 'Annual
    # report', 'How to contact us'): where the rules found priorities only in headings, the
    # lists under them are weighed too.
    headings = {block.number for block in document.blocks if block.kind == "heading"}
    rules_found = any(
        s.kind == "priority" and (s.location.paragraph not in headings or s.rule == "numbered")
        for s in found
    )
    if model is not None and (lists_everywhere or not rules_found):
        # The lists the rules read (as promises, say) stay theirs.
        taken = {s.location.paragraph for s in found}
        found += _as_priorities(scored_lists(text, model, taken))
    said = sentence_model or shipped_sentence_model()
    if said is not None and not any(s.kind == "priority" for s in found):
        # Neither the rules nor a list: the document states its priorities in sentences, if
        # anywhere ('We will improve care, cut waiting times and ...'); a sentence the rules
        # read as a promise may still name them.
        found += _as_priorities(scored_sentences(text, said))
    if not any(s.kind == "priority" for s in found) and model is not None:
        # None reached its cut-off: a document that states priorities in no heading states
        # them in its likeliest list, or failing that its likeliest sentence, where that
        # reaches the lower cut-off fitted for a document's best.
        taken = {s.location.paragraph for s in found}
        found += _as_priorities(best_list(text, model, taken))
    if said is not None and not any(s.kind == "priority" for s in found):
        found += _as_priorities(best_sentence(text, said))
    if not any(s.kind == "priority" for s in found):
        found += purposes(text)
    aims = aim_model or shipped_aim_model()
    if aims is not None and not any(s.kind in ("priority", "commitment") for s in found):
        # Nothing named and nothing promised: a news release or a minute states what is
        # meant in a sentence or two of prose, if anywhere; the fitted aim model picks them.
        found += likeliest_aims(text, aims)
    found += _heading_parts(found, document.blocks)
    found.sort(key=lambda s: s.location.paragraph or 0)
    return _deduplicate(without_labels_and_names(found, document.blocks), document.blocks)


def _heading_parts(found: list[Statement], blocks: tuple[Block, ...]) -> list[Statement]:
    """The headings straight under a stated priority's own heading (or its numbered
    section's), as its sub-priorities, as ``init --from`` takes them ('Priority 3: Age well' /
    'Staying independent at home'); a sub-heading every priority's section repeats ('What
    we know') is their template, not a part. Sub-priorities are shown and reported under
    their priority; they give no passage a role."""
    priorities = [s for s in found if s.kind == "priority"]
    if not priorities:
        return []
    by_number = {block.number: block for block in blocks}
    sections = numbered_sections(priorities, blocks)
    named = {s.location.paragraph or 0 for s in found} | {b.number for b in sections.values()}
    headed = []
    for statement in priorities:
        own = by_number.get(statement.location.paragraph or 0)
        parent = own if own is not None and own.kind == "heading" else sections.get(statement)
        if parent is not None:
            headed.append((statement, parent, child_headings(parent, blocks, named)))
    template = template_keys([b.text for b in children] for _, _, children in headed)
    parts = []
    for statement, parent, children in headed:
        for child in children:
            if heading_key(child.text) in template:
                continue
            # 'Intervening early:' heads its section as 'Intervening early' would.
            name = child.text.rstrip().removesuffix(":").rstrip()
            part = make_statement(name, child, f"heading under '{parent.text}'")
            if part:
                parts.append(
                    Statement(part.text, "sub_priority", part.location, part.rule, statement.text)
                )
    return parts


def rule_statements(document: Document) -> list[Statement]:
    """What the structure and wording rules find, before any fitted scorer."""
    return _measures_named_elsewhere(
        [*_structured(document.blocks), *_commitments(document.blocks)]
    )


_NAMED_ELSEWHERE = 2


def _measures_named_elsewhere(found: list[Statement]) -> list[Statement]:
    """Without the objectives of a table of measures ('Objective | Measure | Target') where
    the document states its priorities elsewhere: its rows name them again, often shortened
    ('Waiting times' for 'Reduce waiting times for planned care'), to measure them."""
    elsewhere = [s for s in found if s.kind == "priority" and s.rule != MEASURED_COLUMN]
    # Two at least: 'Our first priority is ...' in an introduction does not make a table of
    # four priorities and their measures a second naming of them.
    if len(elsewhere) < _NAMED_ELSEWHERE:
        return found
    return [s for s in found if s.rule != MEASURED_COLUMN]


def _as_priorities(statements: Iterator[Statement]) -> list[Statement]:
    """A list taken as priorities names them, even where an item reads as a promise."""
    return [Statement(s.text, "priority", s.location, s.rule) for s in statements]


def _structured(all_blocks: tuple[Block, ...]) -> Iterator[Statement]:
    # A table of contents is navigation: its entries name a priority only by number
    # ('Priority 2: Empower communities .... 14'), never as a list or a sentence.
    yield from numbered(all_blocks)
    blocks = _text_blocks(all_blocks)
    yield from listed(blocks)
    yield from subheadings(blocks)
    yield from headings_after_lead_in(blocks)
    yield from run_in_headings(blocks)
    yield from entries_under_heading(blocks)
    yield from objective_headings(blocks)
    yield from table_columns(blocks)
    yield from tables_under_heading(blocks)
    yield from inline(blocks)
    yield from ordinal_items(blocks)


def _text_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks that are the document's text, not its navigation (a table of contents)."""
    if not any(block.navigation for block in blocks):
        return blocks
    return tuple(block for block in blocks if not block.navigation)


# 'We will not ...', 'we won't ...', 'we will no longer ...', with no promise after a 'but' or
# 'instead' ('We will not run it ourselves, but will commission a provider').
WILL_NOT = re.compile(
    r"\bwe\s*(?:(?:will|shall|'ll|’ll)\s*(?:not\b|n't|n’t|no\s+longer\b)|won['’]t\b)"
    r"(?![^.]*\b(?:but|instead)\b[^.]*\bwill\b)",
    re.IGNORECASE,
)


def _commitments(blocks: tuple[Block, ...]) -> Iterator[Statement]:
    for block in blocks:
        # A table's header row labels its columns ('What we will do'): not a promise.
        # References, a glossary, notes: cited or defined, not promised (check reads none of
        # their text, and extract listed 'We will not be bound by any reference' as a promise).
        if (
            block.kind == "heading"
            or block.navigation
            or _labels_a_column(block)
            or is_apparatus(block.section[-1] if block.section else "")
        ):
            continue
        for sentence in sentences(block.text):
            # A lead-in ("we will:") introduces commitments; it is not one itself.
            if (
                COMMITMENT_SENTENCE.search(sentence)
                and len(sentence.split()) >= 4
                and not sentence.rstrip().endswith(":")
                # What it says it will not do is no promise ('We will not reopen the minor
                # injuries unit' was listed among a plan's commitments), where check reads it
                # so too ('we will not tolerate ...' is a promise). Only said so in as many
                # words: a cue that withdraws more broadly in check ('decommission') would
                # take 'We will decommission paper referrals and move them online'.
                and not (WILL_NOT.search(sentence) and role_of(sentence) == "negated")
            ):
                yield Statement(sentence, "commitment", location(block, sentence), "we will")


# A header row's cell is a column's label: a question's words ('What we will do', 'How we
# will measure it'), or a few words without a full stop that promise nothing ('Lead',
# 'Timescale'); a first row that says a promise is the table's first entry (a table written
# without a header row: 'We will set up 12 teams near where you live. Nurses ...', 'We will
# open 2 crisis cafes').
_LABEL_WORDS = 8
_PROMISE_AFTER = re.compile(r",\s*(?:we|we['’]ll)\b", re.IGNORECASE)
_ASKS = re.compile(r"^\W*(?:what|how|who|when|where|why|which)\b", re.IGNORECASE)
_WE = re.compile(r"^\W*(?:we|we['’]ll)\b", re.IGNORECASE)


def _labels_a_column(block: Block) -> bool:
    if block.cell is None or block.cell[0] != 0:
        return False
    text = block.text.rstrip()
    if _ASKS.match(text):
        # A question's words label a column ('What we will do, and when'), unless a promise
        # follows them: 'Where families need help, we will open two cafes.'
        return not _PROMISE_AFTER.search(text)
    short = len(text.split()) <= _LABEL_WORDS and not text.endswith((".", "!", "?"))
    return short and not _WE.match(text)


def _deduplicate(statements: list[Statement], blocks: tuple[Block, ...]) -> list[Statement]:
    navigation = {block.number for block in blocks if block.navigation}
    distinct = _distinct_wording(statements, navigation)
    once = numbered_repeats(_one_name_per_block(distinct), blocks)
    headings = {block.number for block in blocks if block.kind == "heading"}
    return _without_short_names(once, headings)


def _without_short_names(statements: list[Statement], headings: set[int]) -> list[Statement]:
    """Without a run of stated priorities (the items one rule took, two or more) that names,
    one by one, every priority of another run stated more fully: a delivery table's 'Money
    and work' beside the list's 'Money advice, fair work and the cost of living' is the same
    priority, not a second one, and counted twice it was listed outside the framework too.
    A shorter run ('Children and young people', 'Older people' as groups to focus on beside
    three priorities naming them) names priorities of its own. Headings are kept: the text
    under them is their priority's (numbered_repeats pairs them)."""
    runs: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.kind == "priority":
            runs.setdefault(statement.rule, []).append(statement)
    words = {id(s): frozenset(terms(s.text, topical=False)) for run in runs.values() for s in run}
    dropped: set[str] = set()
    for rule, run in runs.items():
        if len(run) < _SHORT_NAMES or any(s.location.paragraph in headings for s in run):
            continue
        if any(
            other != rule
            and other not in dropped
            and len(fuller) == len(run)
            and _each_names_one(run, fuller, words)
            for other, fuller in runs.items()
        ):
            dropped.add(rule)
    return [s for s in statements if not (s.kind == "priority" and s.rule in dropped)]


# A run of this many names at least: one short name beside a long one may be a new priority.
_SHORT_NAMES = 2


def _each_names_one(
    run: list[Statement], fuller: list[Statement], words: dict[int, frozenset[str]]
) -> bool:
    """Whether each of ``run`` has all its words in a different one of ``fuller``, which
    says more."""
    candidates = [
        [id(f) for f in fuller if words[id(s)] and words[id(s)] < words[id(f)]] for s in run
    ]
    taken: set[int] = set()
    for choices in sorted(candidates, key=len):
        free = [c for c in choices if c not in taken]
        if not free:
            return False
        taken.add(free[0])
    return True


def _one_name_per_block(statements: list[Statement]) -> list[Statement]:
    """Two rules reading one paragraph ('Theme A: Connected communities – bringing people
    together' as a numbered item and as a bold run-in) keep the shorter name."""
    by_paragraph: dict[int | None, list[tuple[Statement, set[str]]]] = {}
    for statement in statements:
        if statement.kind == "priority":
            words = set(terms(statement.text, topical=False))
            by_paragraph.setdefault(statement.location.paragraph, []).append((statement, words))
    longer: set[int] = set()
    for named in by_paragraph.values():
        for statement, words in named:
            if any(o.rule != statement.rule and w < words for o, w in named):
                longer.add(id(statement))
    return [s for s in statements if id(s) not in longer]


def _distinct_wording(
    statements: list[Statement], navigation: Collection[int] = ()
) -> list[Statement]:
    """One statement per wording: the first, unless a later one names it as a priority, or
    the first is a table of contents' entry and the later one the document's own text (a
    contents list naming 'Priority 1: Tackling loneliness' above the list that states it)."""
    seen: dict[str, Statement] = {}
    ordered: list[Statement] = []
    for statement in statements:
        keys = _wording_keys(statement.text)
        earlier = next((seen[k] for k in keys if k in seen), None)
        if (
            earlier is not None
            and earlier.location.paragraph in navigation
            and statement.location.paragraph not in navigation
            and statement.kind == earlier.kind
        ):
            _replace(earlier, statement, keys, seen, ordered)
            continue
        if earlier is not None and "sub_priority" in (earlier.kind, statement.kind):
            # A sub-priority worded as a promise is a commitment as well; one worded like
            # a priority is that priority's, not a second one.
            if statement.kind != "sub_priority" or earlier.kind == "commitment":
                ordered.append(statement)
            continue
        if earlier is not None and (earlier.kind == "priority" or statement.kind == "commitment"):
            continue
        if earlier is not None:
            _replace(earlier, statement, keys, seen, ordered)
            continue
        seen.update(dict.fromkeys(keys, statement))
        ordered.append(statement)
    return ordered


def _replace(
    earlier: Statement,
    statement: Statement,
    keys: Collection[str],
    seen: dict[str, Statement],
    ordered: list[Statement],
) -> None:
    """``statement`` in place of ``earlier``, under its own wordings and all of the earlier
    one's: a third statement worded as only the earlier one was ('Healthcare' for 'Health
    care') must find the one kept, not the one removed (it was removed again, and the
    whole run stopped with an internal error)."""
    ordered.remove(earlier)
    for key, held in list(seen.items()):
        if held is earlier:
            seen[key] = statement
    seen.update(dict.fromkeys(keys, statement))
    ordered.append(statement)


# Words that frame a priority without naming it: 'A plan for growth' names 'Growth'.
_FRAMING = re.compile(
    r"\b(?:plan|strategy|programme|priority|theme|ambition|objective|aim|goal)s?\s+for\b",
    re.IGNORECASE,
)


# From this many words a statement is a sentence whose figures say what it commits to.
_FIGURES_FROM_WORDS = 5


def _wording_keys(text: str) -> tuple[str, str]:
    """Two wordings of one priority share a key: the same words once framing is dropped
    ('Growth', 'A plan for growth'), or the same letters ('evidence-led' and 'evidenceled',
    a PDF's hyphen lost at a line end). A sentence's figures are part of both: 'build 200 homes
    by 2026' and 'build 500 homes by 2030' are two commitments, not one worded twice; a short
    name's number is a label ('Theme 2'), as before."""
    words = sorted(set(terms(_FRAMING.sub(" ", text), topical=False)))
    sentence = len(text.split()) >= _FIGURES_FROM_WORDS
    figures = " ".join(re.findall(r"\d+(?:[.,]\d+)*", text)) if sentence else ""
    return f"{' '.join(words)}|{figures}", f"{re.sub(r'[^a-z]', '', text.lower())}|{figures}"


def sub_priorities(statements: list[Statement], parent: Statement) -> list[Statement]:
    """The sub-priorities stated under one stated priority."""
    return [s for s in statements if s.kind == "sub_priority" and s.parent == parent.text]


def stated_priorities(statements: list[Statement]) -> list[Statement]:
    """The document's stated priorities; commitments stand in when it lists none."""
    listed = [s for s in statements if s.kind == "priority"]
    return listed or [s for s in statements if s.kind == "commitment"]
