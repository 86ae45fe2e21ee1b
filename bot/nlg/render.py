"""Turn a response name into the text and buttons a user sees, in one language."""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date

from bot.nlg.responses import ResponseSpec
from lexicon.terms import Glossary

MAX_TERM_BUTTONS = 2
NO_SOURCE = "-"
TERM_PREFIX = "utter_term_"


@dataclass(frozen=True)
class Wording:
    """Everything rendering needs, loaded once at start-up."""

    catalogs: dict[str, dict[str, str]]
    responses: dict[str, ResponseSpec]
    glossary: Glossary | None
    default_language: str


def fill(template: str, values: dict[str, Any]) -> str:
    """Fill {name} placeholders that have a value; leave the others as they are."""
    out = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            value = values.get(name)
            out.append("{" + name + "}" if value is None else str(value))
    return "".join(out)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOCALES = {"nl": "nl_BE", "fr": "fr_BE"}


def localise(values: dict[str, Any], language: str) -> dict[str, Any]:
    """Dates (arguments named *_date, ISO format) written out for Belgium: 'dinsdag 3 maart 2026'."""
    shown = dict(values)
    for name, value in values.items():
        if name.endswith("_date") and isinstance(value, str) and ISO_DATE.match(value):
            locale = LOCALES.get(language, language)
            shown[name] = format_date(date.fromisoformat(value), "full", locale=locale)
    return shown


def lookup(wording: Wording, key: str, language: str) -> str | None:
    return wording.catalogs.get(language, {}).get(key) or wording.catalogs.get(
        wording.default_language, {}
    ).get(key)


def term_buttons(wording: Wording, name: str, body: str, language: str) -> list[dict[str, str]]:
    """Offer to explain the jargon words an answer uses (not the word it explains itself)."""
    if wording.glossary is None:
        return []
    explained = name[len(TERM_PREFIX) :] if name.startswith(TERM_PREFIX) else None
    title = lookup(wording, "ui.explain_term", language) or "{term}?"
    buttons = []
    for term in wording.glossary.find(body, language):
        if not term.offer or term.key == explained:
            continue
        payload = "/ask_definition" + json.dumps({"term": term.key}, separators=(",", ":"))
        buttons.append({"title": fill(title, {"term": term.name(language)}), "payload": payload})
        if len(buttons) == MAX_TERM_BUTTONS:
            break
    return buttons


def decode(wording: Wording, values: dict[str, Any], language: str) -> dict[str, Any]:
    """A coded argument is shown by its catalog entry `<argument>.<code>` when there is one:
    prep_topic="housing" reads "wonen" / "le logement"; free text stays as it is."""
    shown = dict(values)
    for name, value in values.items():
        if isinstance(value, str) and value and "{" not in value:
            text = lookup(wording, f"{name}.{value}", language)
            if text is not None:
                shown[name] = text
    return shown


def label(wording: Wording, key: str, language: str, **values: Any) -> str:
    """One catalog text with its placeholders filled (dates formatted): for summaries and pages."""
    return fill(lookup(wording, key, language) or key, localise(values, language))


def render(
    wording: Wording, name: str, language: str, values: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The reply for response `name`: text (with its source line) and buttons."""
    values = decode(wording, localise(values or {}, language), language)
    spec = wording.responses.get(name, ResponseSpec(text_key=name))
    body = lookup(wording, spec.text_key, language)
    if body is None:
        name, spec = "utter_default", wording.responses.get("utter_default", ResponseSpec("utter_default"))
        body = lookup(wording, spec.text_key, language) or ""
    text = fill(body, values)
    source = lookup(wording, f"{spec.text_key}.source", language)
    if source and source.strip() != NO_SOURCE:
        line = lookup(wording, "ui.source_line", language) or "{source}"
        # One newline: Rasa's REST channel would split a blank line into two messages.
        text = f"{text}\n{fill(line, {'source': source})}"
    buttons = [
        {"title": fill(lookup(wording, b.title_key, language) or b.title_key, values), "payload": b.payload}
        for b in spec.buttons
    ]
    if not buttons:  # answers that offer a choice already are not crowded with more
        buttons = term_buttons(wording, name, body, language)
    custom = {**spec.custom, "key": spec.text_key}  # which text this is (the wording lab's "try it")
    return {
        "text": text,
        "buttons": buttons,
        "image": None,
        "elements": [],
        "attachments": [],
        "custom": custom,
    }
