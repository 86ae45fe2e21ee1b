"""bot/ spreads messages over several Rasa processes and tries the next one on a connection error."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from bot.rasa_client import RasaClient, RasaUnavailable


def client_with(down: set[str], seen: list[str]) -> RasaClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host in down:
            raise httpx.ConnectError("refused", request=request)
        seen.append(request.url.host)
        return httpx.Response(200, json=[{"text": request.url.host}])

    transport = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return RasaClient(["http://a", "http://b"], transport)


def test_messages_alternate_between_replicas():
    seen: list[str] = []
    rasa = client_with(set(), seen)
    for _ in range(4):
        asyncio.run(rasa.send("s", "hallo", "nl"))
    assert seen == ["a", "b", "a", "b"]


def test_a_replica_that_is_down_is_skipped_once():
    seen: list[str] = []
    rasa = client_with({"a"}, seen)
    replies = [asyncio.run(rasa.send("s", "hallo", "nl"))[0]["text"] for _ in range(3)]
    assert replies == ["b", "b", "b"]


def test_all_down_is_unavailable():
    rasa = client_with({"a", "b"}, [])
    with pytest.raises(RasaUnavailable):
        asyncio.run(rasa.send("s", "hallo", "nl"))
    assert asyncio.run(rasa.ready()) == ["http://a", "http://b"]


def test_at_most_the_set_number_of_messages_are_in_rasa_at_once_and_all_are_answered():
    in_rasa, most, started = [0], [0], []

    async def handler(request: httpx.Request) -> httpx.Response:
        in_rasa[0] += 1
        most[0] = max(most[0], in_rasa[0])
        started.append(request.read().decode())
        await asyncio.sleep(0.01)
        in_rasa[0] -= 1
        return httpx.Response(200, json=[{"text": "ok"}])

    async def burst() -> list:
        rasa = RasaClient(
            "http://a", httpx.AsyncClient(transport=httpx.MockTransport(handler)), concurrency=2
        )
        return await asyncio.gather(*(rasa.send(f"user{n}", "hallo", "nl") for n in range(8)))

    replies = asyncio.run(burst())
    assert [r[0]["text"] for r in replies] == ["ok"] * 8
    assert most[0] == 2
    assert [f'"user{n}"' in body for n, body in enumerate(started)] == [True] * 8  # first come, first in


def test_without_a_limit_all_messages_go_in_at_once():
    in_rasa, most = [0], [0]

    async def handler(request: httpx.Request) -> httpx.Response:
        in_rasa[0] += 1
        most[0] = max(most[0], in_rasa[0])
        await asyncio.sleep(0.01)
        in_rasa[0] -= 1
        return httpx.Response(200, json=[])

    async def burst() -> None:
        rasa = RasaClient("http://a", httpx.AsyncClient(transport=httpx.MockTransport(handler)))
        await asyncio.gather(*(rasa.send("s", "hallo", "nl") for _ in range(8)))

    asyncio.run(burst())
    assert most[0] == 8
