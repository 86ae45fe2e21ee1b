"""Rasa's SQL tracker store with the conversations in progress kept in memory.

Rasa's SQLTrackerStore rebuilds every conversation from its stored events at each message (one
query, a JSON decode per event, a replay of all events) and counts the stored events again
before each save. Under load that was a third of the Rasa process's time (py-spy). This store
keeps the tracker object of each recent conversation and the id of its last stored event:

- retrieve: one indexed query (`max(id)` for the conversation). When it matches the id kept in
  memory and the tracker holds no unsaved events, the kept tracker is returned; otherwise the
  conversation is read from the database as before. So a conversation written by another Rasa
  process, deleted by bot/ ("delete my data", retention) or left half-handled by an error is
  never served from memory.
- save: writes only the events appended since the last save (all of them for a conversation that
  was just looked up and not found), in one statement, without counting again (the id of the
  newest row is read back in the same transaction).

Every event is still written to the database at each message, so nothing is lost on a restart.
At most `cache_size` conversations are kept (least recently used first out).
endpoints.yml: `tracker_store: type: rasa_runtime.tracker_store.CachedSQLTrackerStore` with the
same keys as Rasa's SQL store, plus an optional `cache_size`.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker

DEFAULT_CACHE_SIZE = 1000


@dataclass
class Kept:
    tracker: DialogueStateTracker
    stored: int  # how many of tracker.events are in the database
    last_id: int | None  # id of the conversation's newest row in the database


def new_events(kept: Kept | None, tracker: DialogueStateTracker) -> list | None:
    """The events to write for `tracker`, or None when only the database can tell."""
    if kept is None or kept.tracker is not tracker or len(tracker.events) < kept.stored:
        return None
    return list(tracker.events)[kept.stored :]


def can_serve(kept: Kept | None, last_id: int | None) -> bool:
    """Whether the tracker in memory is exactly what the database holds."""
    return (
        kept is not None
        and last_id is not None
        and kept.last_id == last_id
        and len(kept.tracker.events) == kept.stored
    )


def starts_a_session(events: list, tracker_length: int) -> bool:
    """A session started within a tracker: Rasa reads only the new session from the database."""
    return any(isinstance(event, SessionStarted) for event in events) and len(events) < tracker_length


class CachedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, cache_size: int = DEFAULT_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        self._kept: OrderedDict[str, Kept] = OrderedDict()
        self._absent: OrderedDict[str, None] = OrderedDict()  # looked up and not found
        # Built once: SQLAlchemy would otherwise build and look up each statement per message.
        table = self.SQLEvent.__table__
        self._insert = table.insert()
        self._last_id_query = sa.select(sa.func.max(table.c.id)).where(
            table.c.sender_id == sa.bindparam("sender")
        )
        if self.engine.dialect.name == "sqlite":
            # SQLAlchemy 1.4 opens and closes a SQLite connection per query; closing the last one
            # checkpoints the write-ahead log. A small pool keeps the connections open.
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(
                url,
                poolclass=sa.pool.QueuePool,
                pool_size=2,
                connect_args={"check_same_thread": False},
            )
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            self.sessionmaker = sessionmaker(bind=self.engine)

    def _last_id(self, sender_id: str) -> int | None:
        with self.engine.connect() as connection:
            return connection.execute(self._last_id_query, {"sender": sender_id}).scalar()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        kept = self._kept.get(sender_id)
        if kept is not None:
            last_id = self._last_id(sender_id)
            if can_serve(kept, last_id):
                self._kept.move_to_end(sender_id)
                return kept.tracker
            del self._kept[sender_id]
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            self._keep(sender_id, Kept(tracker, len(tracker.events), self._last_id(sender_id)))
        else:  # a new conversation: its first save has nothing to count in the database
            self._absent[sender_id] = None
            while len(self._absent) > self.cache_size:
                self._absent.popitem(last=False)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        kept = self._kept.get(sender_id)
        events = new_events(kept, tracker)
        if sender_id in self._absent:
            del self._absent[sender_id]
            if kept is None:
                events = list(tracker.events)
        if events is None or self.event_broker is not None:
            self._kept.pop(sender_id, None)
            await super().save(tracker)
            self._keep(sender_id, Kept(tracker, len(tracker.events), self._last_id(sender_id)))
            return
        last_id = kept.last_id if kept is not None else None
        if events:
            with self.engine.begin() as connection:
                connection.execute(self._insert, [self._row(sender_id, event) for event in events])
                last_id = connection.execute(self._last_id_query, {"sender": sender_id}).scalar()
        if starts_a_session(events, len(tracker.events)):
            self._kept.pop(sender_id, None)
        else:
            self._keep(sender_id, Kept(tracker, len(tracker.events), last_id))

    def forget(self, sender_id: str) -> None:
        self._kept.pop(sender_id, None)
        self._absent.pop(sender_id, None)

    def _keep(self, sender_id: str, kept: Kept) -> None:
        self._kept[sender_id] = kept
        self._kept.move_to_end(sender_id)
        while len(self._kept) > self.cache_size:
            self._kept.popitem(last=False)

    @staticmethod
    def _row(sender_id: str, event: Any) -> dict[str, Any]:
        """The columns of Rasa's events table for one event, as Rasa's SQL store fills them."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """Write-ahead log: readers don't wait for the writer and a commit needs one sync, not three."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
