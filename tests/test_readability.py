"""Every answer in both catalogs reads at B1: reading ease >= 60 and <= 15 words per sentence."""

from __future__ import annotations

import pytest

from bot.i18n.catalogs import load_catalogs
from bot.readability import measure

LANGUAGES = ("nl", "fr")
MIN_EASE = 60
MAX_WORDS_PER_SENTENCE = 15
# Keys that may miss the bar, with the reason (a legal term forces it). Keep this list short.
EXCEPTIONS: dict[str, str] = {}


def answers(root, lang):
    catalog = load_catalogs(root / "locales", LANGUAGES)[lang]
    return {
        key: text
        for key, text in catalog.items()
        if key.startswith("utter_") and ".source" not in key and "." not in key
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_is_plain_language(root, lang):
    failing = {}
    for key, text in answers(root, lang).items():
        if key in EXCEPTIONS:
            continue
        score = measure(text, lang)
        if score.reading_ease < MIN_EASE or score.words_per_sentence > MAX_WORDS_PER_SENTENCE:
            failing[key] = (round(score.reading_ease), round(score.words_per_sentence, 1))
    assert failing == {}


def test_the_measure_tells_plain_from_legal_language():
    plain = measure("Je hebt 5 dagen om na te denken. Neem de tekst mee naar huis.", "nl")
    legal = measure(
        "Overeenkomstig de bepalingen van de organieke wetgeving betreffende het recht op "
        "maatschappelijke integratie dient de betrokkene zijn werkbereidheid aan te tonen.",
        "nl",
    )
    assert plain.reading_ease >= MIN_EASE > legal.reading_ease
    assert legal.words_per_sentence > MAX_WORDS_PER_SENTENCE
