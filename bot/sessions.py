"""Chat sessions issued by bot/: an unguessable id and the conversation's language.

Kept in a small SQLite file so that a restart of bot/ does not cut conversations. Nothing of what
the user writes is stored here.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
import threading
import time
from pathlib import Path

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{22,64}$")


class SessionStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # One "last seen" write per message: in WAL mode, NORMAL syncs at checkpoints instead of
        # at every commit; a power cut can lose at most the last seconds of "last seen" times.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, language TEXT, "
            "created REAL NOT NULL, seen REAL NOT NULL)"
        )
        self._lock = threading.Lock()

    def create(self, language: str | None = None) -> str:
        session = secrets.token_urlsafe(16)
        now = time.time()
        with self._lock:
            self._db.execute(
                "INSERT INTO sessions (id, language, created, seen) VALUES (?, ?, ?, ?)",
                (session, language, now, now),
            )
        return session

    def find(self, session: str | None) -> tuple[str, str | None] | None:
        """(session id, its language) when the session exists; None for unknown or malformed ids."""
        if not session or not SESSION_ID.match(session):
            return None
        with self._lock:
            row = self._db.execute("SELECT language FROM sessions WHERE id = ?", (session,)).fetchone()
        return (session, row[0]) if row is not None else None

    def resume(self, session: str | None) -> tuple[str, str | None]:
        """(session id, its language): the given session when it exists, else a new one.

        One query on the per-message path; an unknown or malformed id never attaches to
        another conversation.
        """
        return self.find(session) or (self.create(), None)

    def touch(self, session: str, language: str) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE sessions SET language = ?, seen = ? WHERE id = ?", (language, time.time(), session)
            )

    def delete(self, session: str) -> bool:
        with self._lock:
            return self._db.execute("DELETE FROM sessions WHERE id = ?", (session,)).rowcount > 0

    def delete_older_than(self, cutoff: float) -> int:
        with self._lock:
            return self._db.execute("DELETE FROM sessions WHERE seen < ?", (cutoff,)).rowcount

    def close(self) -> None:
        """Waits for a running query (e.g. the retention job's, in its thread), then closes."""
        with self._lock:
            self._db.close()
