"""Preparation sheets: the answers of a finished walk-through, kept per session for the sheet page.

Stored in bot/'s SQLite file next to the sessions. Only the session holder can read a sheet (the
unguessable session id is the key); "delete my data" and the retention job remove it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any


class SheetStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS sheets (session TEXT PRIMARY KEY, language TEXT NOT NULL, "
            "data TEXT NOT NULL, updated REAL NOT NULL)"
        )
        self._lock = threading.Lock()

    def save(self, session: str, language: str, data: dict[str, Any]) -> None:
        row = (session, language, json.dumps(data, ensure_ascii=False), time.time())
        with self._lock:
            self._db.execute(
                "INSERT INTO sheets (session, language, data, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(session) DO UPDATE SET language = excluded.language, "
                "data = excluded.data, updated = excluded.updated",
                row,
            )

    def load(self, session: str) -> tuple[str, dict[str, Any]] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT language, data FROM sheets WHERE session = ?", (session,)
            ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def delete(self, session: str) -> bool:
        with self._lock:
            return self._db.execute("DELETE FROM sheets WHERE session = ?", (session,)).rowcount > 0

    def delete_older_than(self, cutoff: float) -> int:
        with self._lock:
            return self._db.execute("DELETE FROM sheets WHERE updated < ?", (cutoff,)).rowcount

    def close(self) -> None:
        """Waits for a running query (e.g. the retention job's, in its thread), then closes."""
        with self._lock:
            self._db.close()
