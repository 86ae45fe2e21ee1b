"""Every text the assistant can show, for the wording lab: both languages side by side, grouped by
topic, with readability, the jargon it uses and where in a conversation it appears."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.nlg.render import Wording, lookup

LANGUAGES = ("nl", "fr")


@dataclass(frozen=True)
class Entry:
    key: str
    topic: str
    where: tuple[str, ...]
    texts: dict[str, str]
    scores: dict[str, Any]  # bot.readability.Readability per language
    jargon: dict[str, tuple[str, ...]]


def rule_uses(rules_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """response -> [(topic, "intent → rule name")] from data/rules/<topic>.yml."""
    uses: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(rules_dir.glob("*.yml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules") or []:
            intent = next((s["intent"] for s in rule.get("steps", []) if "intent" in s), None)
            for step in rule.get("steps", []):
                action = step.get("action", "")
                if action.startswith("utter_"):
                    uses.setdefault(action, []).append((path.stem, f"{intent or '…'} → {rule.get('rule')}"))
    return uses


def topic_of(key: str, uses: dict[str, list[tuple[str, str]]]) -> tuple[str, tuple[str, ...]]:
    if key in uses:
        return uses[key][0][0], tuple(where for _topic, where in uses[key])
    if key.startswith(("utter_ask_prep_", "utter_prep_")):
        return "prepare", ("walk-through (prep_form, actions/prepare.py)",)
    if key.startswith("utter_term_"):
        return "glossary", ("ask_definition → action_explain_term",)
    if (
        key.startswith(("utter_deadline_", "utter_ask_deadline_"))
        or key.startswith("utter_ask_")
        and key
        in (
            "utter_ask_appeal_deadline",
            "utter_ask_reflection_period",
            "utter_ask_meeting_request",
            "utter_ask_sanction_start",
        )
    ):
        return "dates", ("date helper (action_deadline)",)
    return "other", ("sent by an action or a fallback",)


def jargon_words(wording: Wording, text: str, language: str) -> tuple[str, ...]:
    if wording.glossary is None:
        return ()
    return tuple(term.name(language) for term in wording.glossary.find(text, language))


def marked(text: str, words: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_jargon) so that a template can highlight without raw HTML."""
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def build_inventory(wording: Wording, rules_dir: Path) -> tuple[Entry, ...]:
    from bot.readability import measure  # spaCy and textstat load only when the lab is used

    uses = rule_uses(rules_dir)
    keys = sorted({spec.text_key for name, spec in wording.responses.items() if name.startswith("utter_")})
    entries = []
    for key in keys:
        texts = {lang: lookup(wording, key, lang) or "" for lang in LANGUAGES}
        topic, where = topic_of(key, uses)
        entries.append(
            Entry(
                key=key,
                topic=topic,
                where=where,
                texts=texts,
                scores={lang: measure(texts[lang], lang) for lang in LANGUAGES},
                jargon={lang: jargon_words(wording, texts[lang], lang) for lang in LANGUAGES},
            )
        )
    return tuple(entries)


_CACHE: dict[int, tuple[Entry, ...]] = {}


def inventory(wording: Wording, rules_dir: Path) -> tuple[Entry, ...]:
    """Built once per loaded wording (the catalogs do not change while bot/ runs)."""
    if id(wording) not in _CACHE:
        _CACHE.clear()
        _CACHE[id(wording)] = build_inventory(wording, rules_dir)
    return _CACHE[id(wording)]
