"""Broad policy themes named by their specific terms: 'greenhouse gas emissions' is about the
climate even when the sentence never says 'climate'.

Word matching cannot know that; this built-in lexicon gives it the most common of these links.
Each theme word is listed with terms that name a part of it, and the link runs one way only: a
sentence saying 'net zero' also counts as saying 'climate', but 'climate' does not imply 'net
zero'. A theme word is added to a sentence only when the framework uses that word (see
:mod:`alignck.match`), and it adds one word, never a phrase, so on its own it can make a
verdict partial, not aligned.

The terms are general vocabulary of public policy (international development goals and
English local health and care), written for alignck; a term is listed only when it names a
part of its theme in any strategy, not in one document's sense.
"""

from __future__ import annotations

import re
from functools import lru_cache

from alignck.language import STOP_WORDS, WORD_PATTERN, phrase_key, terms

_CASED_WORD = re.compile(WORD_PATTERN, re.IGNORECASE)
_INNER_CAPITAL = re.compile(r"[\s-][A-Z][a-z]")
# 'people over 65', 'aged 75 and over', 'over-60s': older people by age, which the words
# alone cannot say (numbers are not terms).
_OLDER_AGE = re.compile(
    r"\baged\s+(?:over\s+)?[5-9][05]\b|\bover[\s-]?[5-9][05]s\b|"
    r"\b(?:people|persons?|residents?|adults?|patients?|m[ae]n|wom[ae]n|carers?|those|anyone|"
    r"everyone)\s+"
    r"(?:aged\s+)?(?:over|above)\s+[5-9][05]\b",
    re.IGNORECASE,
)

THEMES: dict[str, tuple[str, ...]] = {
    "climate": (
        "greenhouse gas", "greenhouse gases", "greenhouse effect", "ghg", "ghgs", "carbon emission",
        "co2", "carbon dioxide", "global warming", "net zero", "carbon neutral",
        "carbon neutrality", "decarbonisation", "decarbonise", "decarbonising", "low carbon",
        "paris agreement", "emissions reduction", "carbon footprint", "unfccc", "kyoto protocol",
        "carbon price", "carbon pricing", "carbon tax", "carbon budget", "sea level rise",
        "extreme weather", "heatwave",
    ),
    "poverty": (
        "low income", "deprivation", "deprived", "financial inclusion", "social protection",
        "cost of living", "food bank", "destitution", "destitute", "microfinance", "microcredit",
        "cash transfer", "the poor", "the poorest", "hardship", "unbanked", "income support",
        "free school meals", "universal credit",
    ),
    "hunger": (
        "malnutrition", "undernutrition", "undernourished", "malnourished", "food insecurity",
        "food security", "food insecure", "stunting", "stunted", "famine", "starvation",
        "food shortage",
    ),
    "agriculture": (
        "farmer", "farming", "farm", "crop", "smallholder", "livestock", "harvest", "irrigation",
    ),
    "education": (
        "school", "schooling", "pupil", "student", "teacher", "teaching", "literacy", "numeracy",
        "curriculum", "university", "enrolment", "enrollment", "classroom", "tuition",
    ),
    "gender": ("women", "woman", "girls", "female", "maternity"),
    "water": ("sanitation", "wastewater", "sewage", "sewerage"),
    "energy": (
        "renewable power", "renewable sources", "renewable electricity", "solar", "wind power",
        "wind turbine", "electricity", "fossil fuel", "photovoltaic", "power plant",
        "power station", "coal", "hydropower", "biofuel",
    ),
    "employment": (
        "job", "jobs", "unemployment", "unemployed", "labour market", "labor market",
        "working conditions", "wages", "minimum wage", "living wage", "job creation",
        "child labour", "forced labour", "modern slavery", "trade union", "youth unemployment",
        "neet", "labour productivity",
    ),
    "economic": ("gdp", "economy", "economies", "per capita income"),
    "industry": (
        "manufacturing", "factory", "factories", "value chain", "value chains", "industrial policy",
    ),
    "infrastructure": (
        "roads", "railway", "broadband", "transport network", "airports", "ports",
        "internet access", "mobile network", "transport infrastructure",
    ),
    "innovation": (
        "research and development", "r d", "ict", "patent", "start ups", "startups",
        "entrepreneurship", "artificial intelligence", "automation", "digitalisation",
        "digitalization", "digital transformation", "high tech", "scientific research",
    ),
    "inequality": (
        "income distribution", "redistribution", "disparity", "disparities", "discrimination",
        "disadvantaged", "social inclusion", "ethnic minorities", "ethnic minority", "migrant",
        "migration", "remittances", "gini", "social exclusion", "social mobility", "wealth gap",
        "income gap", "progressive taxation",
    ),
    "city": ("urban", "urbanisation", "urbanization", "slum", "public transport", "municipal"),
    "consumption": (
        "consumer", "consumers", "sustainable production", "food loss",
        "corporate social responsibility", "csr", "sustainability reporting", "green procurement",
        "eco label", "ecolabel",
    ),
    "waste": ("recycling", "recycle", "circular economy", "landfill", "plastic"),
    "ocean": (
        "marine", "seas", "coastal", "coral", "maritime", "fisheries", "fishing", "fish stocks",
        "overfishing",
    ),
    "biodiversity": (
        "species", "ecosystem", "habitat", "wildlife", "forest", "deforestation", "afforestation",
        "reforestation", "wetlands", "soil", "land use", "land degradation", "desertification",
        "poaching", "invasive species",
    ),
    "green": (
        "community garden", "community gardens", "allotment", "allotments", "woodland", "woodlands",
        "open space", "open spaces", "playing field", "playing fields", "nature reserve",
        "country park", "public park", "local park", "local parks", "pocket park", "street trees",
        "tree planting",
    ),
    "justice": (
        "rule of law", "human rights", "courts", "crime", "violence", "corruption", "bribery",
        "terrorism", "trafficking", "democracy", "legal identity", "birth registration",
    ),
    "partnership": (
        "development assistance", "foreign aid", "debt relief", "oda", "capacity building",
        "technology transfer", "foreign direct investment", "fdi", "multilateral",
        "international cooperation",
    ),
    "health": (
        "disease", "illness", "mortality", "hiv", "malaria", "tuberculosis", "vaccine",
        "vaccination", "immunisation", "epidemic", "pandemic",
    ),
    "active": (
        "exercise", "exercising", "parkrun", "gym", "fitness", "leisure centre", "sport", "sports",
        "swimming", "strength and balance",
    ),
    "sport": (
        "football", "cricket", "rugby", "tennis", "netball", "athletics", "swimming", "hockey",
        "basketball", "golf",
    ),
    "smoking": ("tobacco", "cigarette", "vaping", "vapes", "smokefree", "smoke free"),
    "weight": (
        "obesity", "obese", "overweight", "hfss", "high in fat sugar and salt", "junk food",
        "sugary drinks", "healthy eating", "fast food",
    ),
    "mental": ("depression", "anxiety", "suicide", "self harm", "psychological", "psychiatric"),
    "loneliness": ("social isolation", "socially isolated", "befriending"),
    "child": (
        "baby", "babies", "infant", "infants", "toddler", "toddlers", "newborn", "family hub",
        "family hubs", "health visiting", "health visitor", "health visitors", "children's centre",
        "children's centres", "nursery", "nurseries", "childcare",
    ),
    "pregnancy": (
        "perinatal", "antenatal", "ante natal", "postnatal", "post natal", "maternity",
        "midwife", "midwives", "midwifery", "expectant mother", "expectant mothers",
    ),
    "older": ("elderly", "pensioner", "pensioners", "later life", "old age"),
    "alcohol": ("binge drinking", "drink driving"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """First stemmed word of each term -> (the term's other words, the stemmed theme words it
    names), so a passage costs one look-up per word."""
    index: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for theme, members in THEMES.items():
        for member in members:
            first, *rest = phrase_key(member).split()
            names = index.setdefault(first, {}).setdefault(tuple(rest), [])
            names.extend(t for t in terms(theme) if t not in names)
    return {
        first: tuple((rest, tuple(names)) for rest, names in tails.items())
        for first, tails in index.items()
    }


def theme_terms(phrase: str, text: str = "") -> tuple[str, ...]:
    """The stemmed theme words a passage names through their terms, given its phrase key
    (:func:`alignck.language.phrase_key`) and, to tell names and ages, its text."""
    found = _named_themes(phrase, text)
    if text and _may_name_an_age(text) and _OLDER_AGE.search(text):
        return tuple(dict.fromkeys((*found, *_older())))
    return found


def _named_themes(phrase: str, text: str) -> tuple[str, ...]:
    index = _index()
    words = phrase.split()
    if index.keys().isdisjoint(words):
        return ()
    names: list[bool] | None = None
    found: dict[str, None] = {}
    for start, word in enumerate(words):
        for rest, themes in index.get(word, ()):
            if rest:
                if tuple(words[start + 1 : start + 1 + len(rest)]) != rest:
                    continue
            else:
                # Worked out only when needed: most passages name no theme.
                names = _name_words(text, len(words)) if names is None else names
                if names[start]:
                    continue
            found.update(dict.fromkeys(themes))
    return tuple(found)


@lru_cache(maxsize=1)
def _older() -> tuple[str, ...]:
    return tuple(terms("older"))


def _may_name_an_age(text: str) -> bool:
    """A cheap test before the pattern: most passages name no age at all."""
    lowered = text.lower()
    return ("over" in lowered or "aged" in lowered) and any(d in text for d in "56789")


def _name_words(text: str, count: int) -> list[bool]:
    """Which words are capitalised inside a sentence that is not a title-case heading: part
    of a name, so 'Sherwood Forest Hospitals' says nothing about forests. Only one-word terms
    are checked; 'Net Zero' in a programme's name still means net zero."""
    if not _INNER_CAPITAL.search(text):
        return [False] * count  # no capital after the first word: no name
    plain = text.replace("’", "'").replace("‘", "'").replace("-", " ")
    tokens = [t for t in _CASED_WORD.findall(plain) if not t.isdigit()]
    if len(tokens) != count:
        return [False] * count
    # 'Forest' in a name, not 'GHG' or 'HIV': acronyms are terms.
    capital = [t[:1].isupper() and not t.isupper() for t in tokens]
    if not any(t.islower() and t not in STOP_WORDS for t in tokens):
        return [False] * count  # a heading in title case
    return [index > 0 and capitalised for index, capitalised in enumerate(capital)]
