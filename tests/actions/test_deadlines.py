"""Date helper rules, table-driven (weekends and Belgian public holidays, month ends, leap years)."""

from __future__ import annotations

from datetime import date

import pytest

from actions.deadlines import (
    appeal_deadline,
    deadline_kind,
    is_working_day,
    meeting_deadline,
    parse_date,
    reflection_end,
    reflection_end_working_days,
    suspension_start,
)

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    "asked,expected,why",
    [
        (date(2026, 3, 2), date(2026, 3, 9), "Monday + 5 working days = next Monday"),
        (date(2026, 3, 6), date(2026, 3, 13), "Friday: the weekend is skipped"),
        (date(2025, 12, 29), date(2026, 1, 6), "New Year's Day is skipped"),
        (date(2026, 4, 2), date(2026, 4, 10), "Easter Monday (6 April 2026) is skipped"),
        (date(2026, 7, 17), date(2026, 7, 27), "21 July, National Day, is skipped"),
        (date(2026, 11, 9), date(2026, 11, 17), "11 November, Armistice, is skipped"),
        (date(2026, 11, 12), date(2026, 11, 19), "15 November (King's Day) is a Sunday in 2026"),
        (date(2027, 11, 12), date(2027, 11, 19), "15 November 2027 is a Monday and counts as a working day"),
        (date(2026, 12, 24), date(2027, 1, 4), "Christmas and New Year's Day are skipped"),
    ],
)
def test_meeting_within_5_working_days(asked, expected, why):
    assert meeting_deadline(asked) == expected, why


@pytest.mark.parametrize(
    "notified,expected",
    [
        (date(2026, 3, 3), date(2026, 6, 3)),
        (date(2026, 1, 31), date(2026, 4, 30)),
        (date(2025, 11, 30), date(2026, 2, 28)),
        (date(2023, 11, 30), date(2024, 2, 29)),
        (date(2026, 10, 15), date(2027, 1, 15)),
    ],
)
def test_appeal_3_months_after_notification_month_end_and_leap_years(notified, expected):
    assert appeal_deadline(notified) == expected


@pytest.mark.parametrize(
    "decided,expected",
    [
        (date(2026, 11, 15), date(2027, 1, 1)),
        (date(2026, 6, 30), date(2026, 8, 1)),
        (date(2026, 1, 31), date(2026, 3, 1)),
    ],
)
def test_suspension_usually_starts_on_the_first_day_of_the_second_month(decided, expected):
    assert suspension_start(decided) == expected


def test_reflection_5_calendar_days_and_the_working_day_reading():
    assert reflection_end(date(2026, 12, 29)) == date(2027, 1, 3)
    assert reflection_end_working_days(date(2026, 12, 29)) == date(2027, 1, 6)


def test_public_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 4, 6))
    assert not is_working_day(date(2026, 7, 21))
    assert is_working_day(date(2026, 7, 22))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ik kreeg mijn beslissing op 3 maart", date(2026, 3, 3)),
        ("le 3 mars 2025", date(2025, 3, 3)),
        ("15/03", date(2026, 3, 15)),
        ("brief van 24 december", date(2025, 12, 24)),
        ("op 31-01-2026", date(2026, 1, 31)),
        ("1er avril", date(2026, 4, 1)),
        ("2026-02-28", date(2026, 2, 28)),
        ("vandaag", TODAY),
        ("hier", date(2026, 11, 21)),
        ("31/02", None),
        ("geen datum", None),
    ],
)
def test_dates_as_people_write_them(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text,kind",
    [
        ("tot wanneer kan ik in beroep gaan", "appeal"),
        ("jusqu'à quand faire un recours", "appeal"),
        ("wanneer mag ik tekenen", "reflection"),
        ("quand commence la suspension", "suspension"),
        ("tegen wanneer moet ze me zien voor een gesprek", "meeting"),
        ("3 maart", None),
    ],
)
def test_what_to_compute_from_the_words(text, kind):
    assert deadline_kind(text) == kind
