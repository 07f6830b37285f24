"""Build the Word and PDF documents of the Lowmere set (run from this folder; python-docx,
and `soffice` for the PDF, which LibreOffice makes from a Word file)."""

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from office import word_to_pdf


def borough_plan() -> None:
    doc = Document()
    doc.add_heading("Lowmere Borough Council Corporate Plan 2026-2030", 1)
    doc.add_paragraph(
        "Our corporate plan sets out the council's priorities for the next four years."
    )
    doc.add_heading("Our priorities", 2)
    for name, text in (
        (
            "Homes for everyone.",
            " We will build 600 council homes and bring 200 empty homes back into use.",
        ),
        (
            "Active and healthy borough.",
            " We will open a new leisure centre in Eastgate, with free swimming for residents "
            "over 65, and create ten miles of cycle routes.",
        ),
        (
            "A cleaner, greener Lowmere.",
            " We will double the number of street trees and move to weekly food waste collections.",
        ),
    ):
        paragraph = doc.add_paragraph()
        paragraph.add_run(name).bold = True
        paragraph.add_run(text)
    doc.add_heading("Our finances", 2)
    doc.add_paragraph("We will balance the budget every year without using reserves.")
    doc.save("docs/lowmere-borough-council-plan.docx")


def mental_health_trust() -> None:
    doc = Document()
    doc.add_heading("Lowmere Mental Health NHS Trust: Strategy 2026-2031", 1)
    doc.add_paragraph(
        "We provide mental health and learning disability services for 600,000 people."
    )
    doc.add_heading("Our strategic aims", 2)
    for text in (
        "Deliver timely, high-quality care",
        "Support our staff",
        "Work with partners to prevent mental ill health",
    ):
        doc.add_paragraph(text, style="List Number")
    doc.add_heading("What we will do in the first two years", 2)
    for text in (
        "We will see every urgent referral within four hours.",
        "We will train all our staff in suicide prevention, and work with schools to teach "
        "pupils how to look after their mental wellbeing.",
        "We will offer every member of staff a flexible working pattern.",
    ):
        doc.add_paragraph(text)
    doc.save("docs/lowmere-mental-health-trust-strategy.docx")
    word_to_pdf("docs/lowmere-mental-health-trust-strategy.docx")


if __name__ == "__main__":
    borough_plan()
    mental_health_trust()
