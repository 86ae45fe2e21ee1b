"""Load everything rendering needs (catalogs, response structure, glossary) once, at start-up."""

from __future__ import annotations

from bot.config import Settings
from bot.i18n.catalogs import load_catalogs
from bot.nlg.render import Wording
from bot.nlg.responses import load_responses
from lexicon import terms


def load_wording(settings: Settings) -> Wording:
    glossary_path = settings.locales_dir / "terms.yml"
    return Wording(
        catalogs=load_catalogs(settings.locales_dir, settings.supported_languages),
        responses=load_responses(settings.domain_path),
        glossary=terms.load(glossary_path) if glossary_path.exists() else None,
        default_language=settings.default_language,
    )
