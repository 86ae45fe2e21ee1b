"""Bad input gets a clear status and the service keeps answering (the shared stack)."""

from __future__ import annotations

import concurrent.futures
import json
from pathlib import Path

import pytest

JSON = {"Content-Type": "application/json"}


def still_answers(api):
    status, reply = api.chat("wat is een GPMI?")
    assert status == 200 and reply["messages"], reply


@pytest.mark.parametrize(
    ("name", "body", "status"),
    [
        ("empty", {"message": ""}, 422),
        ("whitespace", {"message": "   \n\t "}, 422),
        ("2001 characters", {"message": "a" * 2001}, 422),
        ("100000 characters", {"message": "wat " * 25000}, 422),
        ("number as message", {"message": 5}, 422),
        ("list as session", {"message": "hallo", "session": ["x"]}, 422),
        ("unknown language", {"message": "hallo", "language": "de"}, 422),
        ("no message", {"session": None}, 422),
        ("extra fields are ignored", {"message": "hallo", "admin": True, "sender": "other"}, 200),
        ("html and script", {"message": "<script>alert(1)</script><img src=x onerror=alert(2)>"}, 200),
        ("sql-like", {"message": "'; DROP TABLE sessions; --"}, 200),
        ("emoji", {"message": "🙂🙏 help 😢"}, 200),
        ("right-to-left", {"message": "مرحبا، ما هو العقد؟"}, 200),
        ("control characters", {"message": "hal\x00lo\x07\x1b[31m"}, 200),
        ("forged session", {"message": "hallo", "session": "' OR 1=1 --"}, 200),
        ("2000 characters", {"message": "ik heb een vraag over mijn contract. " * 54}, 200),
    ],
)
def test_each_bad_input_gets_a_clear_status_and_nothing_breaks(api, name, body, status):
    got, reply = api.request("POST", "/api/chat", json.dumps(body).encode(), JSON)
    assert got == status, reply
    if status == 422:
        assert isinstance(reply["error"], str) and "Traceback" not in reply["error"]
    else:
        assert reply["messages"] and reply["session"] != body.get("session")
    still_answers(api)


@pytest.mark.parametrize(
    ("name", "raw", "status"),
    [
        ("malformed json", b'{"message": "hallo"', 422),
        ("invalid utf-8", b'{"message": "\xff\xfe caf\xe9"}', 400),
        ("not an object", b'["hallo"]', 422),
        ("empty body", b"", 422),
    ],
)
def test_broken_bodies_get_a_json_error(api, name, raw, status):
    got, reply = api.request("POST", "/api/chat", raw, JSON)
    assert got == status and "error" in reply
    still_answers(api)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def test_a_thousand_new_sessions_keep_memory_bounded(api, stack):
    bot = stack.processes["bot"].pid
    before = rss_kb(bot)

    def one(i):
        return api.chat(f"hallo {i}")[0]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(one, range(1000)))
    assert codes.count(200) == 1000
    growth_mb = (rss_kb(bot) - before) / 1024
    assert growth_mb < 60, f"bot/ grew by {growth_mb:.0f} MB for 1000 sessions"
    still_answers(api)
