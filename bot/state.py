"""What bot/ loads once at start-up and shares between requests."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from bot.config import Settings
from bot.nlg.render import Wording
from bot.nlg.wording import load_wording
from bot.rasa_client import RasaClient
from bot.sessions import SessionStore
from bot.sheets import SheetStore


@dataclass
class AppState:
    settings: Settings
    wording: Wording
    sessions: SessionStore
    sheets: SheetStore
    rasa: RasaClient
    http: httpx.AsyncClient


def build_state(settings: Settings) -> AppState:
    http = httpx.AsyncClient(
        timeout=settings.rasa_timeout_s,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=50),
    )
    return AppState(
        settings=settings,
        wording=load_wording(settings),
        sessions=SessionStore(settings.db_path),
        sheets=SheetStore(settings.db_path),
        rasa=RasaClient(settings.rasa_url, http),
        http=http,
    )
