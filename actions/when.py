"""'By when' of a goal or a step: a date in the future from what people type.

"tegen juni", "eind maart", "fin mars", "binnen 2 weken", "dans 3 mois", "volgende week",
"15/03", "3 april": a month alone means its last day; "begin/début" its first day, "half/mi" its
15th. A day without a year is the next one to come. Returns None when no date is recognised; the
walk-through then keeps the text as typed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from dateutil.relativedelta import relativedelta

from actions.deadlines import fold, month_number, parse_date

NUMBER_WORDS = {
    "een": 1,
    "1": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
}
UNITS = {
    "dag": "days",
    "dagen": "days",
    "jour": "days",
    "jours": "days",
    "week": "weeks",
    "weken": "weeks",
    "semaine": "weeks",
    "semaines": "weeks",
    "maand": "months",
    "maanden": "months",
    "mois": "months",
    "jaar": "years",
    "jaren": "years",
    "an": "years",
    "ans": "years",
    "annee": "years",
    "annees": "years",
}
RELATIVE = re.compile(
    r"\b(?:binnen|over|in|na|dans|d ici|en|sous)\s+(?:de\s+|les\s+)?(\d{1,3}|[a-z]+)\s+([a-z]+)\b"
)
NEXT = {
    r"\bmorgen\b|\bdemain\b": relativedelta(days=1),
    r"\bvolgende week\b|\bsemaine prochaine\b": relativedelta(weeks=1),
    r"\bvolgende maand\b|\bmois prochain\b": relativedelta(months=1),
    r"\bvolgend jaar\b|\bannee prochaine\b|\ban prochain\b": relativedelta(years=1),
}
START = r"begin|start|debut|vanaf"
MIDDLE = r"half|midden|mi"
END_OF_YEAR = re.compile(r"\b(?:eind|einde) (?:dit|van het) jaar\b|\bfin (?:de )?l? ?annee\b")


def month_ahead(month: int, today: date) -> int:
    """The year of the next end of `month` (this year unless that month is already over)."""
    return today.year if month >= today.month else today.year + 1


def relative(amount_word: str, unit_word: str, today: date) -> date | None:
    amount = int(amount_word) if amount_word.isdigit() else NUMBER_WORDS.get(amount_word)
    unit = UNITS.get(unit_word)
    if amount is None or unit is None:
        return None
    return today + relativedelta(**{unit: amount})


def parse_when(text: str, today: date) -> date | None:
    folded = fold(text).replace("-", " ")
    if END_OF_YEAR.search(folded):
        return date(today.year, 12, 31)
    for pattern, delta in NEXT.items():
        if re.search(pattern, folded):
            return today + delta
    rel = RELATIVE.search(folded)
    if rel:
        found = relative(rel[1], rel[2], today)
        if found:
            return found
    given = parse_date(text, today)
    if given is not None:
        if given < today and not re.search(r"\b\d{4}\b", folded):
            given = given.replace(year=given.year + 1) if not (given.month == 2 and given.day == 29) else None
        return given
    for match in re.finditer(rf"\b(?:({START}|{MIDDLE})\s+)?([a-z]+)\b", folded):
        month = month_number(match[2]) if len(match[2]) >= 3 else None
        if month is None:
            continue
        year = month_ahead(month, today)
        if match[1] and re.fullmatch(START, match[1]):
            day = 1
        elif match[1]:
            day = 15
        else:
            day = calendar.monthrange(year, month)[1]
        return date(year, month, day)
    return None
