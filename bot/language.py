"""Which language a user writes in, from one (often very short) message.

lingua is good on sentences but unsure on one or two words ("hallo" looks English to it). The
domain's own words (ocmw, leefloon, gpmi vs cpas, ris, piis, rdv) and frequent short words of
Flemish and SMS French settle most short messages. English is a candidate only so that English
input does not get forced into Dutch or French: it then keeps the session's language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

MARKERS = {
    "nl": set(
        """ocmw gpmi leefloon leefloner maatschappelijk werker beroep arbeidsrechtbank sanctie
        sancties schorsing aanmaning bedenktijd hoorrecht uitstel tekenen teken getekend ik ge gij
        da wa k kzou kheb hoe wat wie waar wanneer waarom moet mag kan kunt niet nie geen een het
        van is zijn mijn mij jij jouw u uw hallo hoi hey goeiedag goedemorgen goedenavond dank
        bedankt dankjewel dankuwel ja nee neen oke alstublieft aub graag doei tot ziens help hulp
        vraag brief geld eten werk hoor he vr voor weet snap nu op dag januari februari maart
        april mei juni juli augustus oktober""".split()
    ),
    "fr": set(
        """cpas piis ris revenu integration assistant assistante sociale recours tribunal
        suspension demeure delai reflexion signer sursis j jai jsuis suis tu vous est c ce cest
        quoi koi qui que quand comment pourquoi dois peux puis pas ne le la les un une des du mon
        ma mes votre vos bonjour bonsoir salut coucou merci oui non daccord svp stp aide rdv
        aidez argent manger lettre travail article plainte porter bon avec sans mais janvier
        fevrier mars avril mai juin juillet aout octobre""".split()
    ),
}
# Words written the same in both languages carry no signal.
SHARED = {"ok", "sanction"}
LINGUA = {Language.DUTCH: "nl", Language.FRENCH: "fr", Language.ENGLISH: "en"}
MARKER_WEIGHT = 1.0
# English is only a guard against forcing an English message into Dutch or French.
ENGLISH_WEIGHT = 0.6
MIN_SCORE = 0.5
MIN_MARGIN = 0.15


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LINGUA).build()


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(.)\1{2,}", r"\1", text)  # "merciii" -> "merci"
    return re.findall(r"[a-z]+", text.replace("'", "").replace("’", ""))


def scores(text: str, lingua: LanguageDetector | None = None) -> dict[str, float]:
    """Evidence per language: lingua's confidence plus the share of marker words."""
    tokens = words(text)
    result = {"nl": 0.0, "fr": 0.0, "en": 0.0}
    for value in (lingua or detector()).compute_language_confidence_values(text):
        result[LINGUA[value.language]] = value.value
    result["en"] *= ENGLISH_WEIGHT
    if tokens:
        for lang in ("nl", "fr"):
            hits = sum(1 for t in tokens if t in MARKERS[lang] and t not in SHARED)
            result[lang] += MARKER_WEIGHT * hits / len(tokens) * min(1.0, 3 / len(tokens) + 0.5)
    return result


def detect(text: str, lingua: LanguageDetector | None = None) -> str | None:
    """'nl' or 'fr' when the message clearly is one of them; None when unsure."""
    tokens = words(text)
    if not tokens or all(t in SHARED for t in tokens):
        return None
    ranked = sorted(scores(text, lingua).items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if best == "en" or top < MIN_SCORE or top - second < MIN_MARGIN:
        return None
    return best


def choose_language(
    requested: str | None, detected: str | None, session_language: str | None, default: str
) -> str:
    """The user's explicit choice wins; then the message's language; then the session's."""
    if requested:
        return requested
    if detected:
        return detected
    return session_language or default
