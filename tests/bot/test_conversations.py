"""Deleting stored conversations in Rasa's SQL tracker store (a real SQLite file)."""

from __future__ import annotations

import sqlite3
import time

from bot.conversations import ConversationStore
from bot.retention import purge

SCHEMA = (
    "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
    "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
    "action_name VARCHAR(255), data TEXT)"
)


def tracker_db(path, rows):
    with sqlite3.connect(path) as db:
        db.execute(SCHEMA)
        db.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)", rows
        )


def senders(path):
    with sqlite3.connect(path) as db:
        return sorted({row[0] for row in db.execute("SELECT sender_id FROM events")})


def test_one_conversation_is_deleted_and_the_others_stay(tmp_path):
    path = tmp_path / "rasa.db"
    tracker_db(path, [("me", 1.0, "ik heb schulden"), ("me", 2.0, "x"), ("you", 1.0, "y")])
    store = ConversationStore(f"sqlite:///{path}")
    assert store.delete("me") == 2
    assert senders(path) == ["you"]


def test_nothing_to_delete_before_rasa_created_its_store(tmp_path):
    store = ConversationStore(f"sqlite:///{tmp_path / 'missing.db'}")
    assert store.delete("me") == 0 and not (tmp_path / "missing.db").exists()


def test_retention_removes_what_was_not_used_for_too_long(client, settings, tmp_path):
    now = time.time()
    old, recent = now - 31 * 86400, now - 29 * 86400
    tracker_db(
        tmp_path / "rasa.db",
        [("old", old, "a"), ("old", old + 1, "b"), ("new", old, "c"), ("new", recent, "d")],
    )
    state = client.app.state.bot
    state.sheets.save("old-session-aaaaaaaaaaaaa", "nl", {"strengths": "x"})
    removed = purge(state, now=now)
    assert removed["conversations"] == 2 and removed["sheets"] == 0
    assert senders(tmp_path / "rasa.db") == ["new"]
    removed = purge(state, now=now + 31 * 86400)
    assert removed["conversations"] == 2 and removed["sheets"] == 1
    assert state.sheets.load("old-session-aaaaaaaaaaaaa") is None
