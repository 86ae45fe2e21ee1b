"""Sessions: unguessable ids, kept across restarts of bot/, never attached to a forged id."""

from __future__ import annotations

from bot.sessions import SessionStore


def test_a_known_session_is_resumed_with_its_language(tmp_path):
    store = SessionStore(tmp_path / "bot.db")
    session, language = store.resume(None)
    assert language is None
    store.touch(session, "fr")
    assert store.resume(session) == (session, "fr")


def test_unknown_or_malformed_ids_get_a_new_session(tmp_path):
    store = SessionStore(tmp_path / "bot.db")
    for forged in ("A" * 22, "../../etc/passwd", "", "x" * 200):
        session, language = store.resume(forged)
        assert session != forged and language is None


def test_sessions_survive_a_restart(tmp_path):
    first = SessionStore(tmp_path / "bot.db")
    session, _ = first.resume(None)
    first.touch(session, "nl")
    first.close()
    assert SessionStore(tmp_path / "bot.db").resume(session) == (session, "nl")
