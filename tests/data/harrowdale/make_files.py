"""Build the Word and PDF documents of the Harrowdale set (run from this folder; python-docx,
and `soffice` for the PDF, which LibreOffice makes from a Word file)."""

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from office import word_to_pdf


def economic_growth_strategy() -> None:
    doc = Document()
    doc.add_heading("Harrowdale Economic Growth Strategy 2026-2030", 1)
    doc.add_paragraph(
        "Harrowdale's economy has grown more slowly than the region's for a decade. This "
        "strategy sets out how the council and its partners will change that."
    )
    doc.add_heading("Our priorities", 2)
    for text in (
        "Good jobs and skills for local people",
        "Thriving town centres",
        "Digital connectivity for every business",
        "A low-carbon economy",
    ):
        doc.add_paragraph(text, style="List Bullet")
    sections = (
        (
            "Good jobs and skills for local people",
            "We will create 2,000 jobs at the Harrowdale Enterprise Park and fund 500 "
            "apprenticeships a year with Harrowdale College.",
        ),
        (
            "Thriving town centres",
            "We will bring empty shops back into use and support markets and events that "
            "bring people into our towns.",
        ),
        (
            "Digital connectivity for every business",
            "Full-fibre broadband will reach 95% of premises by 2029, and we will help small "
            "businesses to get connected and trade online.",
        ),
        (
            "A low-carbon economy",
            "We will help 300 firms cut their energy costs and carbon emissions through free "
            "energy audits, and grow jobs in green industries.",
        ),
    )
    for heading, text in sections:
        doc.add_heading(heading, 2)
        doc.add_paragraph(text)
    doc.save("docs/harrowdale-economic-growth-strategy.docx")


def council_plan() -> None:
    doc = Document()
    doc.add_heading("Harrowdale County Council Plan 2026-2030", 1)
    doc.add_paragraph(
        "This plan sets out what the council will do over the next four years with the "
        "money it has."
    )
    doc.add_heading("Our four priorities", 2)
    for text in (
        "Healthy, independent lives",
        "Children and families",
        "A greener county",
        "A strong economy",
    ):
        doc.add_paragraph(text, style="List Number")
    sections = (
        (
            "Healthy, independent lives",
            "We will expand reablement so that more people return home from hospital within a "
            "day of being ready, and our social workers will join the new neighbourhood health "
            "teams with GPs and community nurses.",
        ),
        (
            "Children and families",
            "We will open family hubs in every district by 2028, offering health visiting, "
            "parenting support and help with early language. Our children's social care teams "
            "will work with the police to protect young people from exploitation.",
        ),
        (
            "A greener county",
            "We will plant 100,000 trees, insulate 2,000 homes and reach net zero for the "
            "council's own operations by 2030.",
        ),
        ("A strong economy", "We will support businesses to grow and create good jobs."),
    )
    for heading, text in sections:
        doc.add_heading(heading, 2)
        doc.add_paragraph(text)
    doc.save("docs/harrowdale-council-plan.docx")
    word_to_pdf("docs/harrowdale-council-plan.docx")


if __name__ == "__main__":
    economic_growth_strategy()
    council_plan()
