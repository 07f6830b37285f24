from __future__ import annotations

from pathlib import Path

import pytest

from alignck.likeness import MIN_PASSAGES, SKETCH, alike, earlier_alike, sketch


def _sentences(count: int, start: int = 0) -> list[str]:
    return [f"We will open {n} new family hubs in the county by 2030." for n in range(start, count)]


def test_the_same_passages_are_the_same_text_whatever_their_order_case_and_full_stops() -> None:
    one = _sentences(40)
    other = [s.upper().rstrip(".") for s in reversed(one)]
    assert alike(sketch(one), sketch(other)) == 1.0


def test_documents_sharing_no_passage_are_not_alike() -> None:
    assert alike(sketch(_sentences(300)), sketch(_sentences(600, 300))) == 0.0


def test_the_share_estimated_is_near_the_share_of_passages_in_common() -> None:
    # 600 and 600 passages, 400 in common: Jaccard 400 / 800 = 0.5.
    estimate = alike(sketch(_sentences(600)), sketch(_sentences(800, 200)))
    assert len(sketch(_sentences(600))) == SKETCH
    assert estimate == pytest.approx(0.5, abs=0.15)


def test_partners_quoting_the_same_vision_with_priorities_of_their_own_are_not_alike() -> None:
    # Six sentences of a shared vision, and each partner's six short priorities: with only
    # the long passages sketched, the two were called the same text (review).
    vision = [
        f"Our shared vision for the county, part {n}, is that everyone lives well."
        for n in range(6)
    ]
    council = [
        *vision,
        "Cleaner air",
        "Safer cycling",
        "Warm homes",
        "Empty homes",
        "Green spaces",
        "Fly-tipping",
    ]
    trust = [
        *vision,
        "Shorter waits",
        "Cancer diagnosis",
        "Mental health beds",
        "Stop smoking",
        "Fewer falls",
        "Discharge",
    ]
    assert alike(sketch(council), sketch(trust)) < 0.7
    assert earlier_alike([sketch(council), sketch(trust)]) == {}


def test_each_copy_names_the_first_document_it_copies_found_through_shared_hashes() -> None:
    one, other = _sentences(200), _sentences(400, 200)
    found = earlier_alike([sketch(one), sketch(other), sketch(other), sketch(one)])
    assert found == {2: (1, 1.0), 3: (0, 1.0)}


def test_a_document_of_few_passages_is_alike_only_to_the_very_same_passages() -> None:
    assert sketch(["Start well", "Live well"] * 20) == ()  # two distinct: no sketch at all
    assert alike((), sketch(_sentences(40))) == 0.0
    short = _sentences(MIN_PASSAGES - 1)
    # A one-page note and its PDF export: the same passages, however few.
    assert alike(sketch(short), sketch([s.upper() for s in reversed(short)])) == 1.0
    assert earlier_alike([sketch(short), sketch(short)]) == {1: (0, 1.0)}
    # Two notes restating the same three priorities, each with a line of its own, are two.
    three = ["Start well", "Live well", "Age well"]
    assert alike(sketch([*three, "The council's note"]), sketch([*three, "The trust's note"])) == 0
    # A short document is not 'the same text' as a long one that holds it.
    assert alike(sketch(short), sketch(_sentences(40))) == 0.0
    assert earlier_alike([sketch(short), sketch(_sentences(40))]) == {}


def test_a_word_file_and_the_same_text_in_markdown_count_as_one_partner_twice(
    make_document, small_framework: Path, isolated_cache: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from alignck.pipeline import check

    for folder in ("archive", "current", "other"):
        (tmp_path / "shared" / folder).mkdir(parents=True)
    blocks: list[tuple[str, object]] = [("h1", "Council plan"), ("h2", "Our priorities")]
    blocks += [("p", text) for text in _sentences(12)]
    first = make_document("shared/archive/plan (old copy).md", blocks)
    second = make_document("shared/current/plan.docx", blocks)
    other = make_document(
        "shared/other/vcs.md", [("h1", "Alliance")] + [("p", t) for t in _sentences(30, 12)]
    )
    for _ in range(2):  # cold, then from the cache
        report = check([tmp_path / "shared"], small_framework, matcher="lexical", use_cache=True)
        warned = {r.path: [w for w in r.warnings if "same text" in w] for r in report.documents}
        assert warned[str(first)] == [] and warned[str(other)] == [], warned
        (said,) = warned[str(second)]
        assert said.startswith(f"the same text as {first} (every passage alike")


def test_a_one_page_word_file_and_its_pdf_export_count_as_one_partner_twice(
    make_document, small_framework: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from alignck.pipeline import check

    (tmp_path / "docs").mkdir()
    blocks: list[tuple[str, object]] = [("h1", "Carers note"), *[("p", t) for t in _sentences(3)]]
    word = make_document("docs/carers.docx", blocks)
    pdf = make_document("docs/carers export.pdf", blocks)
    report = check([tmp_path / "docs"], small_framework, matcher="lexical")
    warned = {r.path: [w for w in r.warnings if "same text" in w] for r in report.documents}
    assert warned[str(word)] == []
    (said,) = warned[str(pdf)]
    assert said.startswith(f"the same text as {word} (every passage alike")


def test_copies_found_through_the_index_are_those_every_pair_compared_finds() -> None:
    # Headings every document has put most documents in the index; pruning by the hashes
    # shared must leave the answers as comparing every pair gives them.
    common = ["Introduction", "Contents", "Next steps", "Our vision", "Foreword", "Summary"]
    documents = [common + _sentences(40 * d + 30 + d % 7, 40 * d) for d in range(40)]
    documents += [documents[3], documents[3][:30], documents[11]]
    sketches = [sketch(d) for d in documents]
    expected: dict[int, tuple[int, float]] = {}
    for later in range(len(sketches)):
        for earlier in range(later):
            if earlier in expected:
                continue
            if (share := alike(sketches[earlier], sketches[later])) >= 0.7:
                expected[later] = (earlier, share)
                break
    assert earlier_alike(sketches) == expected
    assert set(expected) == {40, 41, 42}


def test_how_alike_two_texts_are_is_said_in_words_that_agree_with_the_number() -> None:
    from alignck.pipeline import _how_alike

    assert _how_alike(1.0, whole=True) == " (every passage alike, in another file or format)"
    # A sample of a long document's passages all alike is not every passage alike.
    assert _how_alike(1.0, whole=False) == ", nearly (every passage compared alike)"
    # 99.6% is 'nearly', and is not shown as 100%.
    assert _how_alike(0.996, whole=True) == ", nearly (99% of their passages alike)"
    assert _how_alike(0.9, whole=False) == ", nearly (90% of their passages alike)"


def test_a_draft_with_one_passage_added_is_never_every_passage_alike() -> None:
    # Two short documents are compared whole: when the added passage's hash is the largest,
    # the sample of the union's smallest hashes holds only the first's, the estimate is 1.0,
    # and a revised draft was called the same text, every passage alike.
    from alignck.likeness import alike
    from alignck.model import DocumentResult
    from alignck.pipeline import _same_texts

    first = tuple(range(100, 120))
    revised = (*first, 10_000)
    assert alike(first, revised) == 1.0
    results = [
        DocumentResult("a-plan.md", "ok", sketch=first),
        DocumentResult("b-plan-revised.md", "ok", sketch=revised),
    ]
    assert _same_texts(results) == {
        "b-plan-revised.md": (
            "the same text as a-plan.md, nearly (95% of their passages alike)",
            "a-plan.md",
        )
    }
