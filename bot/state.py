"""What bot/ loads once at start-up and shares between requests."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from bot.config import Settings
from bot.i18n.catalogs import load_catalogs
from bot.nlg.render import Wording
from bot.nlg.responses import load_responses
from bot.rasa_client import RasaClient
from bot.sessions import SessionStore
from lexicon import terms


@dataclass
class AppState:
    settings: Settings
    wording: Wording
    sessions: SessionStore
    rasa: RasaClient
    http: httpx.AsyncClient


def build_state(settings: Settings) -> AppState:
    http = httpx.AsyncClient(
        timeout=settings.rasa_timeout_s,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
    )
    glossary_path = settings.locales_dir / "terms.yml"
    wording = Wording(
        catalogs=load_catalogs(settings.locales_dir, settings.supported_languages),
        responses=load_responses(settings.domain_path),
        glossary=terms.load(glossary_path) if glossary_path.exists() else None,
        default_language=settings.default_language,
    )
    return AppState(
        settings=settings,
        wording=wording,
        sessions=SessionStore(settings.db_path),
        rasa=RasaClient(settings.rasa_url, http),
        http=http,
    )
