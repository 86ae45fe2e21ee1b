"""'By when' of a goal: dates people type, read as the next date to come."""

from __future__ import annotations

from datetime import date

import pytest

from actions.when import parse_when

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tegen juni", date(2027, 6, 30)),
        ("d'ici juin", date(2027, 6, 30)),
        ("binnen 2 weken", date(2026, 12, 7)),
        ("dans trois mois", date(2027, 2, 23)),
        ("binnen een maand", date(2026, 12, 23)),
        ("fin mars", date(2027, 3, 31)),
        ("eind februari", date(2027, 2, 28)),
        ("begin april", date(2027, 4, 1)),
        ("mi-avril", date(2027, 4, 15)),
        ("15/03", date(2027, 3, 15)),
        ("tegen 1 december", date(2026, 12, 1)),
        ("3 april 2027", date(2027, 4, 3)),
        ("volgende week", date(2026, 11, 30)),
        ("fin de l'année", date(2026, 12, 31)),
        ("tegen november", date(2026, 11, 30)),
    ],
)
def test_dates_people_type_are_understood(text, expected):
    assert parse_when(text, TODAY) == expected


@pytest.mark.parametrize("text", ["geen idee", "als het kan", "je ne sais pas", "ik zoek een huis"])
def test_text_without_a_date_gives_none(text):
    assert parse_when(text, TODAY) is None
