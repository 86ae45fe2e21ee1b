"""Rasa's stored conversations (its SQL tracker store), for deletion only.

"Delete my data" removes one conversation at once; the retention job removes conversations whose
last event is older than RETENTION_DAYS. bot/ never reads the events. Works on the default SQLite
file and on the PostgreSQL of the scale-out setting (SQLAlchemy, installed with Rasa).
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

DELETE_ONE = sa.text("DELETE FROM events WHERE sender_id = :sender")
DELETE_OLD = sa.text(
    "DELETE FROM events WHERE sender_id IN "
    "(SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff)"
)


class ConversationStore:
    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: sa.engine.Engine | None = None

    @property
    def engine(self) -> sa.engine.Engine:
        if self._engine is None:
            self._engine = sa.create_engine(self.url, pool_pre_ping=True)
        return self._engine

    def _exists(self) -> bool:
        """A SQLite file that Rasa has not created yet holds nothing (and is not created here)."""
        if self.url.startswith("sqlite:///"):
            return Path(self.url[len("sqlite:///") :]).exists()
        return True

    def _run(self, statement: sa.sql.elements.TextClause, **params: object) -> int:
        """Rows deleted; 0 when Rasa has not created its table yet."""
        if not self._exists():
            return 0
        try:
            with self.engine.begin() as connection:
                return connection.execute(statement, params).rowcount or 0
        except SQLAlchemyError as exc:
            if "events" in str(exc) and ("no such table" in str(exc) or "does not exist" in str(exc)):
                return 0
            raise

    def delete(self, sender: str) -> int:
        return self._run(DELETE_ONE, sender=sender)

    def delete_older_than(self, cutoff: float) -> int:
        return self._run(DELETE_OLD, cutoff=cutoff)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
