"""Build the PDF and Word documents of the Westhaven set (run from this folder; fpdf2 and
python-docx, both in the dev extra)."""

from docx import Document
from fpdf import FPDF


def _pdf(path: str, parts: list[tuple[str, str]]) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    sizes = {"h1": 18, "h2": 14, "p": 11, "li": 11}
    for kind, text in parts:
        pdf.set_font("Helvetica", "B" if kind in ("h1", "h2") else "", sizes[kind])
        if kind == "li":
            pdf.set_x(pdf.l_margin + 6)
            pdf.multi_cell(0, 6, "- " + text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 8 if kind != "p" else 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(path)


def council_plan() -> None:
    _pdf(
        "docs/westhaven-city-council-plan.pdf",
        [
            ("h1", "Westhaven City Council Plan 2026-2030"),
            (
                "p",
                "Westhaven is a young, diverse and growing city. This plan sets out what the "
                "council will do over the next four years and how we will measure it.",
            ),
            ("h2", "Our priorities for Westhaven"),
            ("h2", "Priority 1 - A greener city"),
            (
                "p",
                "We will introduce a clean air zone in the city centre by 2027 and plant "
                "10,000 street trees.",
            ),
            ("h2", "Priority 2 - Homes for everyone"),
            (
                "p",
                "We will retrofit 2,000 council homes with insulation and heat pumps, and "
                "build 800 new social homes.",
            ),
            ("h2", "Priority 3 - Children and young people"),
            (
                "p",
                "We will open four new family hubs offering health visiting and breastfeeding "
                "support. We will ban adverts for foods high in fat, sugar and salt on every "
                "council-owned site.",
            ),
            ("h2", "Priority 4 - A fair economy"),
            (
                "p",
                "We will pay the Real Living Wage and buy from local firms wherever we can.",
            ),
        ],
    )


def trust_plan() -> None:
    _pdf(
        "docs/westhaven-hospitals-annual-plan.pdf",
        [
            ("h1", "Westhaven Hospitals NHS Trust: Annual Plan 2026/27"),
            ("p", "This plan sets out our objectives for the year and how we will meet them."),
            ("h2", "Our objectives this year"),
            ("li", "Reduce waiting times"),
            ("li", "Improve patient safety"),
            ("li", "Balance our budget"),
            ("h2", "How we will meet them"),
            (
                "p",
                "Every smoker admitted to hospital will be offered nicotine replacement and "
                "referred to the stop smoking service.",
            ),
            (
                "p",
                "Our falls prevention team will review every patient over 75 who is admitted "
                "after a fall.",
            ),
            (
                "p",
                "Our maternity service will offer carbon monoxide screening and support to stop "
                "smoking to every pregnant woman.",
            ),
            ("p", "We will open a second endoscopy unit to cut waiting times for diagnosis."),
        ],
    )


def annual_report() -> None:
    doc = Document()
    doc.add_heading("Director of Public Health Annual Report 2025", 1)
    doc.add_paragraph(
        "This report describes the health of Westhaven's residents and what has changed "
        "over the last year."
    )
    doc.add_heading("The health of Westhaven", 2)
    for text in (
        "One adult in six smokes, and one in four is living with obesity.",
        "One child in five starts school without the skills they need.",
        "Hospital admissions after a fall in people aged over 65 rose by 8% last year.",
        "Air pollution contributes to around 90 deaths in the city each year.",
    ):
        doc.add_paragraph(text)
    doc.add_heading("What we did in 2025", 2)
    doc.add_paragraph(
        "Last year we opened a new stop smoking clinic in the city centre and trained 300 "
        "staff in brief advice on alcohol."
    )
    doc.add_heading("Recommendations", 2)
    for text in (
        "Make every contact count across the council and the NHS",
        "Use the council's planning powers to support health",
        "Listen to communities when designing services",
    ):
        doc.add_paragraph(text, style="List Bullet")
    doc.save("docs/westhaven-public-health-annual-report.docx")


if __name__ == "__main__":
    council_plan()
    trust_plan()
    annual_report()
