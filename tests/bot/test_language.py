"""Language of a message and of the reply."""

from __future__ import annotations

import pytest

from bot.language import choose_language, detect


@pytest.mark.parametrize(
    "text,expected",
    [
        ("hallo", "nl"),
        ("goeiedag", "nl"),
        ("bedenktijd?", "nl"),
        ("wa moet ik doen", "nl"),
        ("mag ik iemand meebrengen naar het gesprek", "nl"),
        ("bonjour", "fr"),
        ("c quoi piis", "fr"),
        ("jsuis perdu", "fr"),
        ("que se passe-t-il si je ne respecte pas mon PIIS ?", "fr"),
        ("le cpas ma sanctionné", "fr"),
    ],
)
def test_detects_dutch_and_french_short_messages(text, expected):
    assert detect(text) == expected


@pytest.mark.parametrize("text", ["ok", "???", "12", "the weather is nice today"])
def test_unclear_or_other_languages_give_no_answer(text):
    assert detect(text) is None


def test_choice_order():
    assert choose_language("fr", "nl", "nl", "nl") == "fr"
    assert choose_language(None, "fr", "nl", "nl") == "fr"
    assert choose_language(None, None, "fr", "nl") == "fr"
    assert choose_language(None, None, None, "nl") == "nl"
