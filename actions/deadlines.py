"""Date helper: the deadlines of the GPMI procedure, from a date the user gives.

Pure functions; the rules and their hedges come from the fact sheet:
- reflection period: at least 5 calendar days after receiving the draft (some sources count
  working days, I-5), so the answer also shows the later, working-day date;
- meeting: the social worker should see you within 5 working days after you ask (brochure);
  working days skip weekends and Belgian public holidays (the `holidays` package, country BE;
  15 November, King's Day, is not a public holiday and counts as a working day);
- appeal: 3 months after the decision was notified (G-1); the same day number 3 months later,
  or the last day of that month when it is shorter;
- suspension: often from the 1st day of the 2nd month after the decision (I-6, CONFLICT: the
  decision letter says the date).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

KINDS = ("reflection", "meeting", "appeal", "suspension")

MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "fr": [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ],
}
SHORT_MONTHS = {
    "jan": 1,
    "feb": 2,
    "fev": 2,
    "mrt": 3,
    "apr": 4,
    "avr": 4,
    "jun": 6,
    "jul": 7,
    "juil": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
TODAY_WORDS = {
    "vandaag": 0,
    "aujourd hui": 0,
    "aujourdhui": 0,
    "gisteren": -1,
    "hier": -1,
    "eergisteren": -2,
    "avant hier": -2,
}
KIND_WORDS = {
    "appeal": r"beroep|rechtbank|arbeidsrechtbank|recours|tribunal|contester|betwisten|aanvechten",
    "reflection": r"bedenktijd|nadenken|tekenen|teken|ondertekenen|reflexion|reflechir|signer|signe",
    "meeting": r"gesprek|afspraak|spreken|zien|ontvangen|rendez vous|rdv|recevoir|entretien|voir",
    "suspension": r"schorsing|geschorst|sanctie|ingaat|begint|suspension|suspendu|sanction|commence",
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9/.\-]+", " ", text).strip()


def month_number(word: str) -> int | None:
    for names in MONTHS.values():
        if word in names:
            return names.index(word) + 1
    return SHORT_MONTHS.get(word.rstrip("."))


def plausible_year(day: int, month: int, today: date) -> int:
    """A date without a year is the most recent one that is not in the future (letters are past)."""
    candidate = date(today.year, month, day)
    return today.year if candidate <= today else today.year - 1


def parse_date(text: str, today: date) -> date | None:
    """'3 maart', 'le 3 mars 2026', '03/03', '3-3-2026', '2026-03-03', 'vandaag', 'hier'."""
    folded = fold(text)
    for word, shift in TODAY_WORDS.items():
        if re.search(rf"\b{word}\b", folded):
            return today + timedelta(days=shift)
    try:
        iso = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", folded)
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        numeric = re.search(r"\b(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?\b", folded)
        if numeric:
            day, month = int(numeric[1]), int(numeric[2])
            year = int(numeric[3]) if numeric[3] else plausible_year(day, month, today)
            return date(year + 2000 if year < 100 else year, month, day)
        spelled = re.search(r"\b(\d{1,2})(?:er|e|ste|de)?\s+([a-z]+\.?)(?:\s+(\d{4}))?", folded)
        if spelled and month_number(spelled[2]):
            day, month = int(spelled[1]), month_number(spelled[2])
            year = int(spelled[3]) if spelled[3] else plausible_year(day, month, today)
            return date(year, month, day)
    except ValueError:
        return None
    return None


def deadline_kind(text: str) -> str | None:
    folded = fold(text)
    for kind in ("appeal", "suspension", "reflection", "meeting"):
        if re.search(rf"\b({KIND_WORDS[kind]})", folded):
            return kind
    return None


@lru_cache(maxsize=16)
def public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("BE", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def reflection_end(received: date) -> date:
    return received + timedelta(days=5)


def reflection_end_working_days(received: date) -> date:
    return add_working_days(received, 5)


def meeting_deadline(asked: date) -> date:
    return add_working_days(asked, 5)


def appeal_deadline(notified: date) -> date:
    return notified + relativedelta(months=3)


def suspension_start(decided: date) -> date:
    return decided.replace(day=1) + relativedelta(months=2)


def compute(kind: str, given: date) -> dict[str, str]:
    """Arguments for the answer of one kind: ISO dates, formatted per language by bot/."""
    if kind == "reflection":
        return {
            "given_date": given.isoformat(),
            "result_date": reflection_end(given).isoformat(),
            "other_date": reflection_end_working_days(given).isoformat(),
        }
    results = {"meeting": meeting_deadline, "appeal": appeal_deadline, "suspension": suspension_start}
    return {"given_date": given.isoformat(), "result_date": results[kind](given).isoformat()}
