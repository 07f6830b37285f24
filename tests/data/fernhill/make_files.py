"""Build the Word and PDF documents of the Fernhill set (run from this folder; python-docx,
and `soffice` for the PDF)."""

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from office import add_table, word_to_pdf


def icb_plan() -> None:
    doc = Document()
    doc.add_heading("Fernhill Integrated Care Board: Five-Year Plan", 1)
    doc.add_paragraph("This plan sets out what the NHS in Fernhill will do from 2026 to 2031.")
    doc.add_heading("1. Prevent cardiovascular disease", 2)
    doc.add_paragraph(
        "Community pharmacies will check the blood pressure of every adult over 40 who visits, "
        "and refer anyone with high readings to their GP."
    )
    doc.add_heading("2. Faster urgent and emergency care", 2)
    doc.add_paragraph("We will cut ambulance handover delays to no more than 30 minutes.")
    doc.add_heading("3. Financial balance", 2)
    doc.add_paragraph("We will reduce spending on agency staff by half.")
    doc.save("docs/fernhill-icb-five-year-plan.docx")


def public_health_report() -> None:
    doc = Document()
    doc.add_heading("Director of Public Health Annual Report 2026: Warm Homes, Healthy Lives", 1)
    doc.add_paragraph(
        "This year's report looks at cold homes. One household in six in Fernhill is in fuel "
        "poverty, and excess winter deaths are higher here than in neighbouring districts."
    )
    doc.add_heading("Recommendations", 2)
    rows = [
        ("Recommendation", "For whom"),
        (
            "The council should target home insulation grants at households on low incomes.",
            "Fernhill District Council",
        ),
        (
            "GP practices should ask patients with lung disease whether their home is warm.",
            "Fernhill ICB",
        ),
    ]
    add_table(doc, rows)
    doc.save("docs/fernhill-public-health-annual-report.docx")
    word_to_pdf("docs/fernhill-public-health-annual-report.docx")


if __name__ == "__main__":
    icb_plan()
    public_health_report()
