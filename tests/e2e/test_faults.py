"""Faults, with processes really stopped and started again (a stack of its own)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Api, make_stack, running
from tools.stack import Stack


@pytest.fixture(scope="module")
def own(tmp_path_factory) -> Iterator[Stack]:
    yield from running(make_stack(tmp_path_factory.mktemp("faults")))


# Answered by a custom action (the date helper computes the last day to appeal).
DEADLINE_QUESTION = "j'ai reçu la décision du CPAS le 3 mars, jusqu'à quand puis-je faire un recours ?"


def health(api: Api):
    try:
        return api.request("GET", "/healthz")
    except OSError:  # bot/ itself is restarting
        return 0, None


def wait_healthy(api: Api, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if health(api)[0] == 200:
            return
        time.sleep(0.5)
    raise TimeoutError("not healthy again")


def test_without_the_action_server_plain_answers_still_come_and_the_rest_says_try_later(own):
    api = Api(own.url)
    own.stop("actions")
    try:
        status, body = health(api)
        assert status == 503 and body["missing"] == ["actions"]
        status, reply = api.chat("wat is een GPMI?")
        assert status == 200 and "afsprakenplan" in reply["messages"][0]["text"].lower()
        status, reply = api.chat(DEADLINE_QUESTION, language="fr")
        assert status == 200 and reply["messages"][0]["text"].startswith("Cette partie de l'assistant")
    finally:
        own.start("actions")
        wait_healthy(api)
    status, reply = api.chat(DEADLINE_QUESTION, language="fr")
    assert "juin" in reply["messages"][0]["text"].lower()  # 3 months after 3 March, computed again


def test_rasa_restarted_mid_walk_through_continues_where_it_was(own):
    api = Api(own.url)
    _, reply = api.chat("/prep_start", language="nl")
    session = reply["session"]
    api.chat('/prep_answer{"prep_choice":"first"}', session, "nl")
    own.stop("rasa")
    status, down = api.chat('/prep_answer{"prep_choice":"ok"}', session, "nl")
    assert status == 503 and "OCMW" in down["error"] and down["messages"] == []
    own.start("rasa")
    wait_healthy(api)
    status, reply = api.chat('/prep_answer{"prep_choice":"ok"}', session, "nl")
    assert status == 200 and reply["session"] == session
    assert "/prep_skip" in [b["payload"] for m in reply["messages"] for b in m["buttons"]]  # strengths


def test_bot_restarted_keeps_the_session(own):
    api = Api(own.url)
    _, reply = api.chat("/prep_start", language="fr")
    session = reply["session"]
    own.stop("bot")
    own.start("bot")
    wait_healthy(api)
    status, reply = api.chat('/prep_answer{"prep_choice":"sign"}', session, "fr")
    assert status == 200 and reply["session"] == session
    assert "réflexion" in " ".join(m["text"] for m in reply["messages"]).lower()
