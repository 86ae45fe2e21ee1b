"""Life domains a client can choose to talk about, and how to recognise them in typed text.

The words below are recognition patterns (folded: lower case, no accents), not wording shown to
users; the labels people see live in the catalogs (prep_topic.<code>, utter_ask_prep_domains.<code>).
"""

from __future__ import annotations

import re
import unicodedata

TOPICS: dict[str, str] = {
    "housing": r"won\w*|huis|huur\w*|appartement|dak boven|logement|loyer|maison|habitat|loger",
    "money": r"geld|schuld\w*|budget\w*|facturen|rekeningen|argent|dettes?|factures",
    "work": r"werk\w*|job\w*|sollicit\w*|travail|emploi|boulot|travailler",
    "training": (
        r"opleiding\w*|cursus\w*|school|taal|taalles|nederlands|studie\w*|diploma"
        r"|formation|cours|langue|francais|etudes|ecole"
    ),
    "health": r"gezond\w*|ziek\w*|dokter|psychisch\w*|sante|malade|maladie|medecin",
    "family": r"kind\w*|gezin|familie|opvang|enfants?|famille|creche",
    "people": r"mensen rond mij|mensen|vrienden|eenzaam\w*|entourage|amis|isole\w*|solitude",
    "papers": r"papieren|papier|administratie\w*|documenten|papiers|administrati\w*|documents",
    "transport": r"vervoer|auto|rijbewijs|fiets|transport|voiture|permis|mobilit\w*",
    "leisure": r"vrije tijd|hobby\w*|sport|ontspanning|loisirs?",
    "other": r"iets anders|andere?|autre chose|autres?",
}
ORDER = tuple(TOPICS)
_PATTERNS = {code: re.compile(rf"\b(?:{words})\b") for code, words in TOPICS.items()}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def recognise(text: str) -> list[str]:
    """The topic codes named in a message, in the order of the list shown to the user."""
    folded = fold(text)
    found = [code for code in ORDER if code != "other" and _PATTERNS[code].search(folded)]
    if not found and _PATTERNS["other"].search(folded):
        found = ["other"]
    return found
