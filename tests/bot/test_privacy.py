"""Identifiers are removed before anything reaches Rasa, and the user is told."""

from __future__ import annotations

import pytest

from bot.privacy import MARK, scrub, valid_national_number


def national_number(body: str, born_2000_or_later: bool = False) -> str:
    base = int(("2" if born_2000_or_later else "") + body)
    return body + f"{97 - base % 97:02d}"


def test_national_number_checksum_for_both_centuries():
    assert valid_national_number(national_number("850730033"))
    assert valid_national_number(national_number("010203045", born_2000_or_later=True))
    assert not valid_national_number("85073003300")


@pytest.mark.parametrize(
    "text,kind",
    [
        ("mijn rijksregisternummer is 85.07.30-033.28", "national_number"),
        (f"numéro national {national_number('010203045', True)}", "national_number"),
        ("mijn rekening is BE68 5390 0754 7034", "iban"),
        ("BE68539007547034", "iban"),
        ("bel me op 0470 12 34 56", "phone"),
        ("appelez le +32 2 123 45 67", "phone"),
        ("mail naar jan.peeters@example.be aub", "email"),
    ],
)
def test_identifiers_are_replaced(text, kind):
    result = scrub(text)
    assert kind in result.found
    assert MARK in result.text
    assert not any(ch.isdigit() for ch in result.text)


@pytest.mark.parametrize(
    "text",
    [
        "ik kreeg de beslissing op 03/02/2026",
        "binnen 5 werkdagen of 3 maanden",
        "artikel 60 §7",
        "rrn 85073003300",
        "BE68 5390 0754 7035",
    ],
)
def test_ordinary_numbers_and_invalid_identifiers_stay(text):
    assert scrub(text).text == text


def test_the_chat_api_never_forwards_the_number_and_says_why(client, fake_rasa):
    response = client.post(
        "/api/chat",
        json={"session": None, "message": "mijn nummer is 85.07.30-033.28, wat nu?", "language": None},
    )
    body = response.json()
    assert "85.07.30" not in fake_rasa.received[-1]["message"]
    assert "rijksregisternummer" in body["messages"][0]["text"]
    assert len(body["messages"]) == 2
