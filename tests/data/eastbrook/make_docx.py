"""Build the two Word documents of the Eastbrook set (run from this folder; python-docx)."""

from docx import Document


def trust_strategy() -> None:
    doc = Document()
    doc.add_heading("Eastbrook Hospitals NHS Foundation Trust: Our Strategy 2026–2031", 1)
    doc.add_paragraph(
        "Our vision is to provide outstanding care for the people of Eastbrook and the "
        "surrounding villages."
    )
    doc.add_heading("Our strategic objectives", 2)
    rows = [
        ("Strategic objective", "What we will do"),
        (
            "Safe, high-quality care",
            "We will cut the number of patients who fall on our wards by a quarter and "
            "introduce a seven-day alcohol care team in the emergency department.",
        ),
        (
            "Our people",
            "We will recruit 200 people from Eastbrook's most deprived neighbourhoods into "
            "paid apprenticeships and entry-level jobs, all paid at least the Real Living Wage.",
        ),
        (
            "Preventing ill health with our partners",
            "We will check the blood pressure of every outpatient aged over 40 and start "
            "treatment, or refer them to their GP, when it is high.",
        ),
        ("Sustainable services", "We will reduce our carbon footprint by 40% by 2030."),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text = left
        table.cell(r, 1).text = right
    doc.add_heading("Where we are now", 2)
    doc.add_paragraph(
        "Last year more than 1,400 people were admitted to our hospital because of alcohol."
    )
    doc.save("docs/eastbrook-hospitals-strategy.docx")


def local_plan() -> None:
    doc = Document()
    doc.add_heading("Eastbrook Local Plan 2026–2041: the spatial strategy in brief", 1)
    doc.add_paragraph(
        "The Local Plan decides where new homes, jobs and services will go in Eastbrook over "
        "the next fifteen years."
    )
    doc.add_heading("Strategic objectives", 2)
    for text in (
        "Objective 1: Deliver 9,000 new homes in well-connected places",
        "Objective 2: Protect the green belt and the Brook valley",
        "Objective 3: Bring the town centre back to life",
    ):
        doc.add_paragraph(text)
    doc.add_heading("Policies", 2)
    doc.add_paragraph(
        "Developments of more than 100 homes must include safe cycle routes linking them to "
        "schools and the town centre."
    )
    doc.add_paragraph(
        "At least 10% of the homes on large sites will be built to accessible and adaptable "
        "standards for older and disabled people."
    )
    doc.add_paragraph("Flood risk will be assessed for every site in the Brook valley.")
    doc.save("docs/eastbrook-local-plan-summary.docx")


if __name__ == "__main__":
    trust_strategy()
    local_plan()
