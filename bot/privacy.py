"""Remove identifiers from what users type before it reaches Rasa (and so its tracker store).

People sometimes paste their national register number, bank account, phone number or e-mail.
The assistant never needs them. They are replaced by a neutral mark and the user is told why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK = "***"

NATIONAL_NUMBER = re.compile(r"(?<![\d])(\d{2})[ .]?(\d{2})[ .]?(\d{2})[ .-]?(\d{3})[ .-]?(\d{2})(?![\d])")
IBAN_BE = re.compile(r"\bBE\s?(\d{2})(?:\s?\d{4}){3}\b", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE = re.compile(r"(?<![\w+])(?:\+32|0032|0)(?:[\s./-]?\d){8,9}(?!\d)")


@dataclass(frozen=True)
class Scrubbed:
    text: str
    found: tuple[str, ...]


def valid_national_number(digits: str) -> bool:
    """Belgian rijksregisternummer / numéro national: 97 - (first 9 digits mod 97) == last 2
    (with a leading 2 for people born from 2000 on)."""
    if len(digits) != 11:
        return False
    body, check = int(digits[:9]), int(digits[9:])
    return check in (97 - body % 97, 97 - int("2" + digits[:9]) % 97)


def valid_iban(iban: str) -> bool:
    compact = re.sub(r"\s", "", iban).upper()
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return len(compact) == 16 and int(number) % 97 == 1


def scrub(text: str) -> Scrubbed:
    found: list[str] = []

    def national(match: re.Match[str]) -> str:
        if valid_national_number("".join(match.groups())):
            found.append("national_number")
            return MARK
        return match.group(0)

    def iban(match: re.Match[str]) -> str:
        if valid_iban(match.group(0)):
            found.append("iban")
            return MARK
        return match.group(0)

    def other(kind: str):
        def replace(_match: re.Match[str]) -> str:
            found.append(kind)
            return MARK

        return replace

    text = IBAN_BE.sub(iban, text)
    text = NATIONAL_NUMBER.sub(national, text)
    text = EMAIL.sub(other("email"), text)
    text = PHONE.sub(other("phone"), text)
    return Scrubbed(text=text, found=tuple(dict.fromkeys(found)))
