"""Find glossary terms ("aanmaning", "mise en demeure", …) in free text.

The term list lives in locales/terms.yml: per term a stable key, whether the assistant should
offer to explain it, and the forms people write in Dutch and French (the first form is the name
shown to the user).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

TERMS_PATH = Path(__file__).resolve().parent.parent / "locales" / "terms.yml"
LANGUAGES = ("nl", "fr")


@dataclass(frozen=True)
class Term:
    key: str
    offer: bool
    forms: dict[str, tuple[str, ...]]

    def name(self, language: str) -> str:
        forms = self.forms.get(language) or next(iter(self.forms.values()))
        return forms[0]


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, Term]
    patterns: dict[str | None, re.Pattern[str]]
    by_form: dict[str | None, dict[str, Term]]

    def find(self, text: str, language: str | None = None) -> list[Term]:
        """Terms in order of appearance; the longest form wins where forms overlap."""
        folded = fold(text)
        lookup = self.by_form[language if language in self.by_form else None]
        seen: dict[str, Term] = {}
        for match in self.patterns[language if language in self.patterns else None].finditer(folded):
            term = lookup[match.group(1)]
            seen.setdefault(term.key, term)
        return list(seen.values())


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text)
    return f" {text.strip()} "


def build(raw: dict) -> Glossary:
    terms = {
        key: Term(
            key=key,
            offer=bool(entry.get("offer", True)),
            forms={lang: tuple(entry.get(lang) or ()) for lang in LANGUAGES if entry.get(lang)},
        )
        for key, entry in raw.items()
    }
    by_form: dict[str | None, dict[str, Term]] = {None: {}}
    for lang in LANGUAGES:
        by_form[lang] = {}
        for term in terms.values():
            for form in term.forms.get(lang, ()):
                folded = fold(form).strip()
                if folded:
                    by_form[lang].setdefault(folded, term)
                    by_form[None].setdefault(folded, term)
    patterns = {
        lang: re.compile(
            r"(?<= )(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?= )"
        )
        for lang, forms in by_form.items()
    }
    return Glossary(terms=terms, patterns=patterns, by_form=by_form)


@lru_cache
def load(path: Path = TERMS_PATH) -> Glossary:
    with path.open(encoding="utf-8") as fh:
        return build(yaml.safe_load(fh) or {})
