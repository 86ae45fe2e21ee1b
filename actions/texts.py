"""The catalogs, for the few actions that compose text from several entries (the summary).

Loaded on first use, not at import, and kept for the life of the action server.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from bot.config import Settings
from bot.nlg.render import Wording, label
from bot.nlg.wording import load_wording


@lru_cache(maxsize=1)
def wording() -> Wording:
    return load_wording(Settings())


def language_of(message: dict[str, Any] | None) -> str:
    words = wording()
    language = ((message or {}).get("metadata") or {}).get("language")
    return language if language in words.catalogs else words.default_language


def labeller(language: str):
    words = wording()
    return lambda key, **values: label(words, key, language, **values)


def titles(language: str, prefix: str, codes: tuple[str, ...]) -> dict[str, str]:
    text = labeller(language)
    return {code: text(f"{prefix}.{code}") for code in codes}
