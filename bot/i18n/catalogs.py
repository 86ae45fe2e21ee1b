"""Gettext catalogs: every sentence the assistant shows, keyed by response name, per language."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")

Catalogs = dict[str, dict[str, str]]


def load_catalog(path: Path, language: str) -> dict[str, str]:
    """Read one messages.po into {key: text}; fuzzy and empty entries count as missing."""
    with path.open("rb") as fh:
        catalog: Catalog = read_po(fh, locale=language)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def load_catalogs(locales_dir: Path, languages: tuple[str, ...]) -> Catalogs:
    return {
        lang: load_catalog(locales_dir / lang / "LC_MESSAGES" / "messages.po", lang) for lang in languages
    }


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(catalogs: Catalogs, keys: set[str]) -> list[str]:
    """Keys missing in a language, or whose placeholders differ between languages."""
    found: list[str] = []
    languages = sorted(catalogs)
    for key in sorted(keys):
        texts = {lang: catalogs[lang].get(key) for lang in languages}
        for lang, text in texts.items():
            if not text:
                found.append(f"{lang}: missing {key}")
        present = [placeholders(t) for t in texts.values() if t]
        if present and any(p != present[0] for p in present):
            found.append(f"placeholders differ for {key}: {present}")
    return found
