"""Generate the benchmark corpus: realistic (invented) strategies and a large framework.

    python benchmarks/corpus.py [--out benchmarks/corpus]

writes
- ``strategies/``: 20 strategies of about 60 pages each, as PDF made by LibreOffice from Word
  files (as real strategies are exported, with embedded fonts), or by fpdf2 when LibreOffice is
  not installed;
- ``many/``: 1,000 short partner documents (Markdown, Word and PDF in turn);
- ``many-500/``: the first 500 of them, to check that time grows linearly;
- ``framework-300.yaml``: 300 priorities with descriptions and keywords.

The text is assembled from phrases written for this benchmark, with a fixed random seed, so the
corpus is the same on every machine. Needs the dev extra (fpdf2).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

from docgen import write  # noqa: E402

TOPICS = [
    "mental health",
    "loneliness",
    "suicide prevention",
    "childhood obesity",
    "physical activity",
    "healthy eating",
    "smoking",
    "alcohol harm",
    "drug misuse",
    "air quality",
    "damp and mould",
    "fuel poverty",
    "affordable housing",
    "homelessness",
    "rough sleeping",
    "domestic abuse",
    "early years",
    "school readiness",
    "family hubs",
    "health visiting",
    "breastfeeding",
    "childhood immunisations",
    "dementia",
    "falls prevention",
    "frailty",
    "carers",
    "hospital discharge",
    "primary care access",
    "virtual wards",
    "social care workforce",
    "learning disabilities",
    "autism",
    "sexual health",
    "oral health",
    "cancer screening",
    "cardiovascular disease",
    "diabetes prevention",
    "hypertension",
    "health checks",
    "life expectancy gap",
    "deprivation",
    "employment support",
    "skills",
    "digital inclusion",
    "community safety",
    "road safety",
    "active travel",
    "green spaces",
    "climate adaptation",
    "net zero",
    "food insecurity",
    "cost of living",
    "refugees",
    "veterans",
    "Gypsy, Roma and Traveller communities",
    "care leavers",
    "youth violence",
    "gambling harm",
]
VERBS = [
    "reduce",
    "improve",
    "expand",
    "tackle",
    "prevent",
    "strengthen",
    "invest in",
    "join up",
    "support",
    "review",
    "commission",
    "co-design",
]
GROUPS = [
    "older people",
    "children and young people",
    "families",
    "carers",
    "residents",
    "people with long-term conditions",
    "people in our most deprived neighbourhoods",
    "working-age adults",
    "new parents",
    "people experiencing homelessness",
]
PLACES = [
    "across the county",
    "in every neighbourhood",
    "in our market towns",
    "in the most deprived wards",
    "in rural areas",
    "in partnership with the NHS",
    "with the voluntary sector",
    "through our family hubs",
]
CONTEXT = [
    "{n}% of {group} report concerns about {topic}.",
    "Rates of {topic} are higher than the England average {place}.",
    "In 2023 we saw {n} more referrals for {topic} than the year before.",
    "Residents told us that {topic} matters to them, especially {place}.",
    "The evidence shows that {topic} affects {group} most.",
]
COMMITMENTS = [
    "We will {verb} {topic} for {group} {place}.",
    "Over the next five years we will {verb} services for {topic} {place}.",
    "By 2030 we will {verb} {topic} and publish our progress every year.",
    "We are committed to {verb} {topic} with {group}.",
]
PAST = [
    "We have delivered a new service for {topic} {place}.",
    "Last year we supported {n} {group} with {topic}.",
]


def sentence(rng: random.Random, kind: list[str]) -> str:
    return rng.choice(kind).format(
        n=rng.randint(2, 60),
        group=rng.choice(GROUPS),
        topic=rng.choice(TOPICS),
        place=rng.choice(PLACES),
        verb=rng.choice(VERBS),
    )


def paragraph(rng: random.Random) -> str:
    kinds = [CONTEXT, CONTEXT, COMMITMENTS, PAST]
    return " ".join(sentence(rng, rng.choice(kinds)) for _ in range(rng.randint(3, 6)))


def strategy(rng: random.Random, name: str, sections: int) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = [("h1", f"{name} strategy 2025-2030")]
    priorities = rng.sample(TOPICS, 6)
    blocks += [
        ("h2", "Our priorities"),
        ("p", "We will focus on:"),
        ("ul", [f"{rng.choice(VERBS).capitalize()} {t}" for t in priorities]),
    ]
    for index in range(sections):
        topic = priorities[index % len(priorities)]
        blocks.append(("h2", f"Priority {index % 6 + 1}: {topic.capitalize()}"))
        for _ in range(rng.randint(3, 5)):
            blocks.append(("p", paragraph(rng)))
        blocks.append(("p", "Over the next year we will:"))
        blocks.append(("ul", [sentence(rng, COMMITMENTS)[8:] for _ in range(rng.randint(3, 6))]))
        if index % 3 == 0:
            blocks.append(("h3", "What the data tells us"))
            blocks.append(
                (
                    "table",
                    [["Measure", "Riverside", "England"]]
                    + [
                        [
                            f"{rng.choice(TOPICS)}",
                            f"{rng.randint(5, 60)}%",
                            f"{rng.randint(5, 60)}%",
                        ]
                        for _ in range(4)
                    ],
                )
            )
    return blocks


def framework(rng: random.Random, count: int) -> str:
    lines = ["framework:", f"  name: Benchmark framework with {count} priorities", "priorities:"]
    for index in range(count):
        topic = TOPICS[index % len(TOPICS)]
        group = GROUPS[index % len(GROUPS)]
        verb = VERBS[index % len(VERBS)]
        lines += [
            f"  - id: p{index + 1:03d}",
            f"    title: {verb.capitalize()} {topic} for {group} (theme {index + 1})",
            f"    description: Partners will {verb} {topic} {rng.choice(PLACES)}, focusing on "
            f"{rng.choice(GROUPS)} and {rng.choice(TOPICS)}.",
            f'    keywords: ["{topic}", "{rng.choice(TOPICS)}"]',
        ]
    return "\n".join(lines) + "\n"


def write_strategies(rng: random.Random, folder: Path, count: int, sections: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    office = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(count):
            blocks = strategy(rng, f"Partner {index + 1}", sections)
            name = f"strategy-{index + 1:02d}"
            if office:
                write(blocks, Path(scratch) / f"{name}.docx")
            else:
                write(blocks, folder / f"{name}.pdf")
        if office:
            subprocess.run(
                [
                    office,
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    *sorted(str(p) for p in Path(scratch).glob("*.docx")),
                ],
                check=True,
                capture_output=True,
            )
    print(f"strategies: PDF by {'LibreOffice' if office else 'fpdf2 (LibreOffice not found)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    parser.add_argument("--strategies", type=int, default=20)
    parser.add_argument("--sections", type=int, default=70, help="about 60 pages at 70")
    parser.add_argument("--many", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(20251127)
    write_strategies(rng, args.out / "strategies", args.strategies, args.sections)
    formats = [".md", ".docx", ".pdf"]
    for folder in ("many", "many-500"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    for index in range(args.many):
        blocks = strategy(rng, f"Organisation {index + 1}", 2)
        path = write(blocks, args.out / "many" / f"doc-{index + 1:04d}{formats[index % 3]}")
        if index < args.many // 2:
            (args.out / "many-500" / path.name).write_bytes(path.read_bytes())
    (args.out / "framework-300.yaml").write_text(framework(rng, 300), encoding="utf-8")
    print(f"corpus written to {args.out}")


if __name__ == "__main__":
    main()
