"""Build the Word and PDF documents of the Kestrelford set (run from this folder; python-docx,
and `soffice` for the PDF, which LibreOffice makes from a Word file)."""

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from office import add_table, word_to_pdf


def leisure_strategy() -> None:
    doc = Document()
    doc.add_heading("Kestrelford Leisure and Culture Strategy 2026-2031", 1)
    doc.add_paragraph(
        "The strategy covers the district's two leisure centres, its libraries, the museum and "
        "the parks events programme, run by the council and Kestrel Leisure Trust."
    )
    doc.add_heading("Our three themes", 2)
    rows = [
        ("Theme", "What we will do"),
        (
            "Active for life",
            "We will run a free junior parkrun at Kestrel Water and offer low-cost exercise "
            "classes for people with long-term conditions.",
        ),
        (
            "Libraries at the heart of the community",
            "Every library will host a weekly 'knit and natter' group and a baby rhyme time.",
        ),
        (
            "A thriving cultural offer",
            "We will reopen the museum after its refurbishment and hold a summer arts festival.",
        ),
    ]
    add_table(doc, rows)
    doc.save("docs/kestrelford-leisure-and-culture-strategy.docx")


def police_plan() -> None:
    doc = Document()
    doc.add_heading("Police and Crime Plan for the County 2026-2029", 1)
    doc.add_paragraph(
        "As your Police and Crime Commissioner I have set four priorities for the police and "
        "our partners."
    )
    doc.add_heading("My priorities", 2)
    for text in (
        "Tackle violence against women and girls",
        "Disrupt county lines and drug supply",
        "Safer roads",
        "Respond to anti-social behaviour",
    ):
        doc.add_paragraph(text, style="List Bullet")
    doc.add_heading("Disrupt county lines and drug supply", 2)
    doc.add_paragraph(
        "The force will double the number of county lines closed each year. Everyone "
        "arrested for possession will be offered a referral to drug treatment instead of a "
        "charge, through the Checkpoint scheme."
    )
    doc.add_heading("Safer roads", 2)
    doc.add_paragraph(
        "We will run speed enforcement on the ten routes with most collisions and fund "
        "road safety education in secondary schools."
    )
    doc.save("docs/kestrelford-police-and-crime-plan.docx")
    word_to_pdf("docs/kestrelford-police-and-crime-plan.docx")


if __name__ == "__main__":
    leisure_strategy()
    police_plan()
