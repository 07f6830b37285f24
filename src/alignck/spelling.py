"""British and American spellings folded to one form before stemming.

Rules cover the regular families (-ise/-ize, -our/-or, -yse/-yze, -tre/-ter); a short list covers
words the rules cannot reach. Only matching needs this, so the fold may produce forms that are not
words; what matters is that both spellings land on the same token and unrelated words do not.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORDS = {
    "programme": "program",
    "programmes": "programs",
    "defence": "defense",
    "licence": "license",
    "licences": "licenses",
    "offence": "offense",
    "offences": "offenses",
    "practise": "practice",
    "practised": "practiced",
    "ageing": "aging",
    "grey": "gray",
    "cheque": "check",
    "tyre": "tire",
    "kerb": "curb",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "skilful": "skillful",
    "aluminium": "aluminum",
    "sceptical": "skeptical",
    "mould": "mold",
    "plough": "plow",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "paediatric": "pediatric",
    "paediatrics": "pediatrics",
    "anaemia": "anemia",
    "haemoglobin": "hemoglobin",
    "oesophageal": "esophageal",
    "foetal": "fetal",
    "foetus": "fetus",
    "orthopaedic": "orthopedic",
    "orthopaedics": "orthopedics",
    "gynaecology": "gynecology",
    "oestrogen": "estrogen",
    "diarrhoea": "diarrhea",
    "manoeuvre": "maneuver",
    "encyclopaedia": "encyclopedia",
    "anaesthetic": "anesthetic",
    "anaesthesia": "anesthesia",
    "leukaemia": "leukemia",
    "haemorrhage": "hemorrhage",
    "haematology": "hematology",
    "storey": "story",
    "draught": "draft",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
    "learnt": "learned",
    "travelled": "traveled",
    "travelling": "traveling",
    "modelling": "modeling",
    "modelled": "modeled",
    "counselling": "counseling",
    "labelled": "labeled",
    "labelling": "labeling",
    "cancelled": "canceled",
    "fuelled": "fueled",
    "signalled": "signaled",
    "levelling": "leveling",
    "channelled": "channeled",
    "equalled": "equaled",
    "totalled": "totaled",
}
_OUR_EXCEPTIONS = {
    "four",
    "your",
    "hour",
    "tour",
    "pour",
    "flour",
    "our",
    "contour",
    "detour",
    "devour",
    "amour",
    "velour",
    "troubadour",
    "dour",
    "sour",
    "scour",
    "course",
    "source",
    "resource",
    "court",
    "fourth",
    "journey",
    "journal",
    "tournament",
}
_ISE_EXCEPTIONS = {
    "advise",
    "arise",
    "chastise",
    "circumcise",
    "comprise",
    "compromise",
    "concise",
    "demise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "expertise",
    "franchise",
    "improvise",
    "incise",
    "merchandise",
    "noise",
    "otherwise",
    "paradise",
    "poise",
    "praise",
    "precise",
    "premise",
    "promise",
    "raise",
    "reprise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "treatise",
    "wise",
    "cruise",
    "bruise",
    "guise",
    "likewise",
    "clockwise",
    "valise",
    "advertise",
    "porpoise",
    "tortoise",
    "mortise",
    "turquoise",
    "apprise",
    "chemise",
    "prise",
    "sunrise",
    "upraise",
    "arisen",
    "risen",
}
_OUR = re.compile(r"^([a-z]{2,})our(s|ed|ing|ite|ites|able|ably|ful|hood|hoods|less)?$")
_ISE = re.compile(r"^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"^([a-z]{3,})ys(e|es|ed|ing|er|ers)$")
_TRE = re.compile(r"^(cent|met|lit|theat|fib|calib|spect|somb|meag|lust|sab)re(s|d)?$")


@lru_cache(maxsize=65536)
def americanise(word: str) -> str:
    """Fold one lower-case word to its American spelling (the common target form)."""
    if word in _WORDS:
        return _WORDS[word]
    match = _OUR.match(word)
    if match and _stem_word(word, "our") not in _OUR_EXCEPTIONS and word not in _OUR_EXCEPTIONS:
        return f"{match.group(1)}or{match.group(2) or ''}"
    match = _ISE.match(word)
    if match and not _is_ise_exception(word):
        return f"{match.group(1)}iz{match.group(2)}"
    match = _YSE.match(word)
    if match and word.startswith(("analy", "paraly", "cataly", "dialy", "hydroly", "electroly")):
        return f"{match.group(1)}yz{match.group(2)}"
    match = _TRE.match(word)
    if match:
        return f"{match.group(1)}er{match.group(2) or ''}"
    return word


def _stem_word(word: str, ending: str) -> str:
    return word[: word.index(ending) + len(ending)] if ending in word else word


def _is_ise_exception(word: str) -> bool:
    base = re.sub(r"(es|ed|ing|ation|ations|er|ers)$", "e", word)
    if base.endswith("ee"):
        base = base[:-1]
    return base in _ISE_EXCEPTIONS or word in _ISE_EXCEPTIONS
