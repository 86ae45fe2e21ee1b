"""What bot/ loads once at start-up and shares between requests."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from bot.config import Settings
from bot.conversations import ConversationStore
from bot.lab_store import LabStore
from bot.nlg.render import Wording
from bot.nlg.wording import load_wording
from bot.rasa_client import RasaClient
from bot.ratelimit import RateLimiter
from bot.sessions import SessionStore
from bot.sheets import SheetStore


@dataclass
class AppState:
    settings: Settings
    wording: Wording
    sessions: SessionStore
    sheets: SheetStore
    conversations: ConversationStore
    rasa: RasaClient
    http: httpx.AsyncClient
    message_limit: RateLimiter
    session_limit: RateLimiter
    lab: LabStore
    lab_sessions: dict = field(default_factory=dict)


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
        conversations=ConversationStore(settings.tracker_store_url),
        rasa=RasaClient(settings.rasa_url_list, http, settings.rasa_concurrency),
        http=http,
        message_limit=RateLimiter(settings.messages_per_minute),
        session_limit=RateLimiter(settings.new_sessions_per_minute),
        lab=LabStore(settings.lab_database_url or f"sqlite:///{settings.db_path}"),
    )
