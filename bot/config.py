"""Settings of bot/, read from the environment once and cached."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseSettings, Field

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    rasa_url: str = Field("http://127.0.0.1:5005", env="RASA_URL")
    # Several Rasa processes (scale-out): comma-separated; bot/ spreads messages over them.
    rasa_urls: str = Field("", env="RASA_URLS")
    actions_url: str = Field("http://127.0.0.1:5055", env="ACTIONS_URL")
    locales_dir: Path = Field(ROOT / "locales", env="LOCALES_DIR")
    domain_path: Path = Field(ROOT / "domain.yml", env="DOMAIN_PATH")
    db_path: Path = Field(ROOT / "var" / "bot.db", env="BOT_DB_PATH")
    # Rasa's tracker store, for "delete my data" and the retention job (same URL as tools/stack.py).
    tracker_store_url: str = Field(f"sqlite:///{ROOT / 'var' / 'rasa.db'}", env="TRACKER_STORE_URL")
    retention_days: float = Field(30, env="RETENTION_DAYS")
    # Per conversation, and new conversations per client address; 0 turns a limit off.
    messages_per_minute: int = Field(30, env="RATE_LIMIT_MESSAGES_PER_MINUTE")
    new_sessions_per_minute: int = Field(1200, env="RATE_LIMIT_NEW_SESSIONS_PER_MINUTE")
    # Sites allowed to embed the widget in an <iframe> (CSP frame-ancestors).
    frame_ancestors: str = Field("'self'", env="FRAME_ANCESTORS")
    # The wording lab (/lab) is off unless a group access code is set.
    lab_code: str = Field("", env="LAB_CODE")
    lab_session_hours: float = Field(8, env="LAB_SESSION_HOURS")
    lab_database_url: str = Field("", env="LAB_DATABASE_URL")  # default: bot/'s SQLite file
    supported_languages: tuple[str, ...] = ("nl", "fr")
    default_language: str = "nl"
    max_message_chars: int = 2000
    rasa_timeout_s: float = 30.0
    # Messages handled by one Rasa process at once; the rest wait in bot/, first come first served.
    # Rasa works on one message at a time anyway; a short queue inside it makes a message that calls
    # the action server wait behind every queued message a second time. 0 turns the limit off.
    rasa_concurrency: int = Field(3, env="RASA_CONCURRENCY")

    @property
    def rasa_url_list(self) -> list[str]:
        urls = [u.strip() for u in self.rasa_urls.split(",") if u.strip()]
        return urls or [self.rasa_url]

    class Config:
        env_file = None


@lru_cache
def get_settings() -> Settings:
    return Settings()
