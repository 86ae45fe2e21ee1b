"""Where Rasa keeps conversations and its locks, from two URLs (pure, for tools/stack.py).

- TRACKER_STORE_URL unset: Rasa's SQL tracker store on a SQLite file in var/ (survives restarts,
  needs no server). `postgresql://user:password@host:5432/db`: the same store on PostgreSQL,
  shared by several Rasa processes.
- LOCK_STORE_URL unset: Rasa's in-memory lock store (one Rasa process). `redis://host:6379/1`:
  the Redis lock store, so that replicas never handle two messages of one conversation at once.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

# Rasa's SQL tracker store, with the conversations in progress also kept in memory
# (rasa_runtime/tracker_store.py); the tables are the same.
STORE_CLASS = "rasa_runtime.tracker_store.CachedSQLTrackerStore"


def sqlite_url(path: str) -> str:
    return f"sqlite:///{path}"


def tracker_store(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {
            "type": STORE_CLASS,
            "dialect": "sqlite",
            "db": parts.path[1:] if parts.path.startswith("//") else parts.path,
        }
    if parts.scheme in ("postgresql", "postgres", "postgresql+psycopg2"):
        return {
            "type": STORE_CLASS,
            "dialect": "postgresql",
            "url": parts.hostname or "127.0.0.1",
            "port": parts.port or 5432,
            "db": parts.path.lstrip("/") or "rasa",
            "username": parts.username or "postgres",
            "password": parts.password or "",
        }
    raise ValueError(f"TRACKER_STORE_URL: use sqlite:///path or postgresql://…, not {parts.scheme or url!r}")


def lock_store(url: str | None) -> dict[str, Any] | None:
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme != "redis":
        raise ValueError(f"LOCK_STORE_URL: use redis://host:6379/1, not {parts.scheme or url!r}")
    config: dict[str, Any] = {
        "type": "redis",
        "url": parts.hostname or "127.0.0.1",
        "port": parts.port or 6379,
        "db": int(parts.path.lstrip("/") or 1),
    }
    if parts.password:
        config["password"] = parts.password
    return config
