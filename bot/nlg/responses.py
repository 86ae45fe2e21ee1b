"""The structure of each response (catalog key of the text, buttons), read from domain.yml.

domain.yml holds structure only; the words live in the catalogs. bot/ reads the file as plain YAML
and never imports Rasa.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Button:
    title_key: str
    payload: str


@dataclass(frozen=True)
class ResponseSpec:
    text_key: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    # Hints for the widget, e.g. {"select": "many"} (several buttons may be chosen) or
    # {"link": "support"} (bot/ adds a link to a printable page).
    custom: dict = field(default_factory=dict, hash=False, compare=False)


def parse_responses(domain: dict) -> dict[str, ResponseSpec]:
    specs: dict[str, ResponseSpec] = {}
    for name, variants in (domain.get("responses") or {}).items():
        first = (variants or [{}])[0]
        specs[name] = ResponseSpec(
            text_key=first.get("text") or name,
            buttons=tuple(Button(b["title"], b["payload"]) for b in first.get("buttons") or []),
            custom=dict(first.get("custom") or {}),
        )
    return specs


def load_responses(domain_path: Path) -> dict[str, ResponseSpec]:
    with domain_path.open(encoding="utf-8") as fh:
        return parse_responses(yaml.safe_load(fh) or {})
