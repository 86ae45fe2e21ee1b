"""Printable pages: the preparation sheet and the support-figure checklist.

One page model feeds both the HTML page (print CSS) and the PDF, so they always say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.nlg.render import Wording, label
from prep.summary import sections

NOTE_LINES = 6
SUPPORT_PARTS = ("rights", "questions", "check", "warning")
# Every catalog key the printable pages use (a test checks both languages have them).
PAGE_KEYS = (
    tuple(
        f"sheet.{k}"
        for k in (
            "title intro made_on rights_title checklist_title checklist during_title during notes_title "
            "print pdf back not_found source"
        ).split()
    )
    + ("support.title", "support.intro", "support.source")
    + tuple(f"support.{p}{suffix}" for p in SUPPORT_PARTS for suffix in ("", "_title"))
)


@dataclass(frozen=True)
class Block:
    title: str
    lines: tuple[str, ...]
    kind: str = "list"  # "list", "answers" (the user's own words) or "notes" (empty lines)


@dataclass(frozen=True)
class Page:
    language: str
    title: str
    intro: str
    made_on: str
    blocks: tuple[Block, ...]
    source: str


def list_lines(text: str) -> tuple[str, ...]:
    """A catalog text written as a '- ' list, as separate lines without the dashes."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            lines.append(line[2:].strip() if line.startswith("- ") else line)
    return tuple(lines)


def sheet_page(wording: Wording, language: str, data: dict[str, Any], today: date) -> Page:
    def text(key: str, **values: Any) -> str:
        return label(wording, key, language, **values)

    answers = tuple(Block(part.title, part.lines, "answers") for part in sections(data, text))
    return Page(
        language=language,
        title=text("sheet.title"),
        intro=text("sheet.intro"),
        made_on=text("sheet.made_on", made_date=today.isoformat()),
        blocks=answers
        + (
            Block(text("sheet.rights_title"), list_lines(text("utter_prep_rights"))),
            Block(text("sheet.checklist_title"), list_lines(text("sheet.checklist"))),
            Block(text("sheet.during_title"), list_lines(text("sheet.during"))),
            Block(text("sheet.notes_title"), ("",) * NOTE_LINES, "notes"),
        ),
        source=text("sheet.source"),
    )


def support_page(wording: Wording, language: str, today: date) -> Page:
    def text(key: str, **values: Any) -> str:
        return label(wording, key, language, **values)

    parts = SUPPORT_PARTS
    return Page(
        language=language,
        title=text("support.title"),
        intro=text("support.intro"),
        made_on=text("sheet.made_on", made_date=today.isoformat()),
        blocks=tuple(Block(text(f"support.{p}_title"), list_lines(text(f"support.{p}"))) for p in parts)
        + (Block(text("sheet.notes_title"), ("",) * NOTE_LINES, "notes"),),
        source=text("support.source"),
    )
