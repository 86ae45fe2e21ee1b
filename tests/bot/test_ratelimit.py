"""Rate limits: a flood gets 429 with Retry-After; normal use is never stopped; memory is bounded."""

from __future__ import annotations

import pytest

from bot.ratelimit import RateLimiter


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_past_the_limit_the_caller_is_told_how_long_to_wait():
    clock = Clock()
    limiter = RateLimiter(3, clock=clock)
    assert [limiter.retry_after("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.retry_after("a") == 60
    clock.now += 30
    assert limiter.retry_after("a") == 30
    assert limiter.retry_after("b") == 0  # another conversation is not affected
    clock.now += 31
    assert limiter.retry_after("a") == 0


def test_zero_turns_the_limit_off():
    limiter = RateLimiter(0)
    assert all(limiter.retry_after("a") == 0 for _ in range(1000))


def test_the_number_of_tracked_keys_stays_bounded():
    limiter = RateLimiter(5, max_keys=100)
    for i in range(10_000):
        limiter.retry_after(f"key-{i}")
    assert len(limiter) == 100


@pytest.fixture
def strict(settings):
    settings.messages_per_minute = 3
    settings.new_sessions_per_minute = 2
    return settings


def test_api_chat_answers_429_with_retry_after_in_the_users_language(strict, client):
    session = client.post("/api/chat", json={"message": "hallo"}).json()["session"]
    for _ in range(2):
        assert client.post("/api/chat", json={"message": "hallo", "session": session}).status_code == 200
    limited = client.post("/api/chat", json={"message": "hallo", "session": session, "language": "fr"})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    assert "message" in limited.json()["error"]  # "Vous envoyez beaucoup de messages…"


def test_new_conversations_are_limited_per_client(strict, client):
    codes = [client.post("/api/chat", json={"message": "hallo"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
