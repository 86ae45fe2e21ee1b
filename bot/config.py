"""Settings of bot/, read from the environment once and cached."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseSettings, Field

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    rasa_url: str = Field("http://127.0.0.1:5005", env="RASA_URL")
    actions_url: str = Field("http://127.0.0.1:5055", env="ACTIONS_URL")
    locales_dir: Path = Field(ROOT / "locales", env="LOCALES_DIR")
    domain_path: Path = Field(ROOT / "domain.yml", env="DOMAIN_PATH")
    db_path: Path = Field(ROOT / "var" / "bot.db", env="BOT_DB_PATH")
    supported_languages: tuple[str, ...] = ("nl", "fr")
    default_language: str = "nl"
    max_message_chars: int = 2000
    rasa_timeout_s: float = 30.0

    class Config:
        env_file = None


@lru_cache
def get_settings() -> Settings:
    return Settings()
