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
