"""Build the Word documents of the Southvale set, and the PDF of one of them with LibreOffice
(run from this folder; python-docx, and `soffice` for the PDF)."""

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from office import add_table, word_to_pdf


def housing_strategy() -> None:
    doc = Document()
    doc.add_heading("Southvale Housing Strategy 2026-2031", 1)
    doc.add_paragraph(
        "Housing costs in Southvale have risen faster than incomes for ten years. This "
        "strategy sets out how the council and housing associations will respond."
    )
    doc.add_heading("Our strategic objectives", 2)
    for text in (
        "Objective A: More affordable homes",
        "Objective B: Warm, safe homes in every tenure",
        "Objective C: Ending rough sleeping",
    ):
        doc.add_paragraph(text)
    doc.add_heading("Objective B: Warm, safe homes in every tenure", 2)
    doc.add_paragraph(
        "We will insulate 1,500 private rented homes by 2029 through the Warm Southvale "
        "scheme, and inspect every home reported for damp within ten working days."
    )
    doc.add_heading("Objective C: Ending rough sleeping", 2)
    doc.add_paragraph(
        "We will open a 20-bed assessment hub and give every rough sleeper a named "
        "caseworker, including support from the community mental health team."
    )
    doc.save("docs/southvale-housing-strategy.docx")


def icb_plan() -> None:
    doc = Document()
    doc.add_heading("Southvale Integrated Care Board: Joint Forward Plan 2026/27", 1)
    doc.add_paragraph(
        "The Joint Forward Plan describes how the NHS in Southvale will meet the needs of "
        "its population over the next five years."
    )
    doc.add_heading("Our four ambitions", 2)
    rows = [
        ("Ambition", "What we will do in 2026/27"),
        (
            "Prevention first",
            "Every hospital will run a tobacco dependence service, and alcohol care teams "
            "will see every patient admitted with an alcohol-related condition.",
        ),
        (
            "Mental health support when it is needed",
            "We will cut the wait for NHS Talking Therapies to six weeks.",
        ),
        (
            "Care closer to home",
            "We will expand virtual wards to 200 beds so that more people are cared for at home.",
        ),
        ("A sustainable NHS", "We will balance our budget and cut agency staff costs."),
    ]
    add_table(doc, rows)
    doc.save("docs/southvale-icb-joint-forward-plan.docx")
    word_to_pdf("docs/southvale-icb-joint-forward-plan.docx")


if __name__ == "__main__":
    housing_strategy()
    icb_plan()
