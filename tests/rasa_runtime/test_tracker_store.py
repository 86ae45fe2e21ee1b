"""The tracker store answers from memory only when the database holds exactly the same."""

from __future__ import annotations

import sqlite3

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered

from rasa_runtime.tracker_store import CachedSQLTrackerStore, Kept, can_serve, new_events


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "rasa.db")


def store(domain, db, **kwargs) -> CachedSQLTrackerStore:
    return CachedSQLTrackerStore(domain=domain, dialect="sqlite", db=db, **kwargs)


def plain(domain, db) -> SQLTrackerStore:
    return SQLTrackerStore(domain=domain, dialect="sqlite", db=db)


def turn(tracker, text: str, intent: str) -> None:
    tracker.update(UserUttered(text, intent={"name": intent, "confidence": 1.0}))
    tracker.update(ActionExecuted(f"utter_{intent}"))
    tracker.update(BotUttered(f"answer to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def texts(tracker) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]


async def conversation(cached, sender="anna", turns=("hallo", "wat is een gpmi")):
    tracker = await cached.get_or_create_tracker(sender)
    for text in turns:
        turn(tracker, text, "greet")
        await cached.save(tracker)
    return tracker


async def test_every_event_is_in_the_database_after_each_save(domain, db):
    cached = store(domain, db)
    tracker = await conversation(cached)
    from_disk = await plain(domain, db).retrieve("anna")
    assert texts(from_disk) == ["hallo", "wat is een gpmi"]
    assert len(from_disk.events) == len(tracker.events)


async def test_a_new_conversation_is_written_without_counting_its_rows(domain, db, monkeypatch):
    cached = store(domain, db)
    counted = []
    monkeypatch.setattr(SQLTrackerStore, "save", lambda *args: counted.append(args))
    tracker = await conversation(cached, "new")
    assert counted == []
    from_disk = await plain(domain, db).retrieve("new")
    assert [type(e) for e in from_disk.events] == [type(e) for e in tracker.events]
    assert cached._absent == {}


async def test_a_conversation_in_progress_is_served_from_memory(domain, db):
    cached = store(domain, db)
    tracker = await conversation(cached)
    assert await cached.retrieve("anna") is tracker


async def test_deleted_in_the_database_means_gone(domain, db):
    cached = store(domain, db)
    await conversation(cached)
    with sqlite3.connect(db) as connection:  # what bot/ does for "delete my data" and retention
        connection.execute("DELETE FROM events WHERE sender_id = ?", ("anna",))
    assert await cached.retrieve("anna") is None


async def test_events_written_by_another_process_are_seen(domain, db):
    one, other = store(domain, db), store(domain, db)
    await conversation(one)
    tracker = await other.retrieve("anna")
    turn(tracker, "moet ik tekenen", "ask_must_sign")
    await other.save(tracker)
    assert texts(await one.retrieve("anna")) == ["hallo", "wat is een gpmi", "moet ik tekenen"]


async def test_a_message_that_failed_before_saving_leaves_no_trace(domain, db):
    cached = store(domain, db)
    tracker = await conversation(cached)
    turn(tracker, "half handled", "greet")  # no save: the message failed
    again = await cached.retrieve("anna")
    assert texts(again) == ["hallo", "wat is een gpmi"]


async def test_at_most_cache_size_conversations_are_kept(domain, db):
    cached = store(domain, db, cache_size=2)
    for sender in ("a", "b", "c"):
        await conversation(cached, sender)
    for sender in ("x", "y", "z"):  # looked up, never saved
        await cached.retrieve(sender)
    assert list(cached._kept) == ["b", "c"]
    assert list(cached._absent) == ["y", "z"]
    assert texts(await cached.retrieve("a")) == ["hallo", "wat is een gpmi"]


async def test_a_new_session_is_read_back_from_the_database(domain, db):
    cached = store(domain, db)
    tracker = await conversation(cached)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    turn(tracker, "ik ben terug", "greet")
    await cached.save(tracker)
    again = await cached.retrieve("anna")
    assert again is not tracker
    assert texts(again) == ["ik ben terug"]


def test_new_events_are_those_after_the_stored_ones():
    class FakeTracker:
        events = [1, 2, 3, 4]

    tracker = FakeTracker()
    assert new_events(Kept(tracker, 3, 7), tracker) == [4]
    assert new_events(Kept(FakeTracker(), 3, 7), tracker) is None  # another object
    assert new_events(None, tracker) is None


def test_memory_is_served_only_when_the_last_ids_match_and_nothing_is_unsaved():
    class FakeTracker:
        events = [1, 2]

    assert can_serve(Kept(FakeTracker(), 2, 9), 9)
    assert not can_serve(Kept(FakeTracker(), 2, 9), 10)
    assert not can_serve(Kept(FakeTracker(), 1, 9), 9)
    assert not can_serve(Kept(FakeTracker(), 2, 9), None)
