"""Two Rasa processes on PostgreSQL + Redis behind bot/: conversations survive hopping replicas.

Needs the PostgreSQL (127.0.0.1:5432, database `test`) and Redis (127.0.0.1:6379) services. In CI
they must be there; elsewhere the test is skipped, with the reason shown, when they are not.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import Api, free_port, make_stack, running
from tests.e2e.test_faults import wait_healthy
from tools.stack import Stack

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(
    not (reachable(5432) and reachable(6379)) and not os.environ.get("CI"),
    reason="PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 are needed for the scale-out test",
)


@pytest.fixture(scope="module")
def replicas(tmp_path_factory) -> Iterator[Stack]:
    stack = make_stack(
        tmp_path_factory.mktemp("scale"),
        rasa_ports=(free_port(), free_port()),
        tracker_store_url=POSTGRES,
        lock_store_url=REDIS,
    )
    yield from running(stack)


def payloads(reply):
    return [b["payload"] for m in reply["messages"] for b in m["buttons"]]


def test_the_walk_through_continues_while_turns_alternate_between_replicas(replicas):
    assert set(replicas.replicas) == {"rasa", "rasa-2"}
    api = Api(replicas.url)
    own_words = f"Ik kan goed koken {uuid.uuid4().hex[:6]}"
    turns = [
        ("/prep_start", lambda r: '/prep_answer{"prep_choice":"sign"}' in payloads(r)),
        (
            '/prep_answer{"prep_choice":"first"}',
            lambda r: '/prep_answer{"prep_choice":"urgent"}' in payloads(r),
        ),
        ('/prep_answer{"prep_choice":"ok"}', lambda r: "/prep_skip" in payloads(r)),
        (own_words, lambda r: any(m.get("select") == "many" for m in r["messages"])),
        ("Werk", lambda r: "/prep_skip" in payloads(r)),
        ("Ik heb geen werk", lambda r: "/prep_skip" in payloads(r)),
        ("Een job vinden", lambda r: "/prep_skip" in payloads(r)),  # the dream: slots kept across replicas
    ]
    session = None
    for message, check in turns:
        status, reply = api.chat(message, session, "nl")
        assert status == 200, reply
        assert check(reply), (message, reply)
        session = reply["session"]


def test_one_replica_down_the_other_answers_and_nothing_is_lost(replicas):
    api = Api(replicas.url)
    _, reply = api.chat("/prep_start", None, "fr")
    session = reply["session"]
    replicas.stop("rasa-2")
    try:
        for message in ('/prep_answer{"prep_choice":"first"}', "ça va"):
            status, reply = api.chat(message, session, "fr")
            assert status == 200, reply
        assert "/prep_skip" in payloads(reply)  # the strengths question: both answers were kept
        status, health = api.request("GET", "/healthz")
        assert status == 200 and health["status"] == "degraded"
    finally:
        replicas.start("rasa-2")
        wait_healthy(api)
