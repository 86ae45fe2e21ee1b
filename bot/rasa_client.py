"""Talk to Rasa's REST channel on the loopback interface (no Rasa import)."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from typing import Any

import httpx


class RasaUnavailable(Exception):
    """Rasa did not answer (down, restarting or overloaded)."""


def to_messages(rasa_reply: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa's bot messages in the shape of the /api/chat contract.

    Rasa's REST channel sends a response's `custom` part as an item of its own right after the
    text; it is attached to that message (bot/ reads it and removes it, see routers/chat.py).
    """
    messages: list[dict[str, Any]] = []
    for item in rasa_reply:
        text = item.get("text")
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in item.get("buttons") or []
        ]
        if text or buttons:
            messages.append({"text": text or "", "buttons": buttons})
        custom = item.get("custom")
        if isinstance(custom, dict) and custom:
            if messages:
                messages[-1].setdefault("custom", {}).update(custom)
            else:
                messages.append({"text": "", "buttons": [], "custom": dict(custom)})
    return messages


class RasaClient:
    """Sends each message to one of the Rasa processes, in turn; on a connection error it tries
    the next one once (the message never reached Rasa, so it is not handled twice).

    At most `concurrency` messages are in one Rasa process at a time (0: no limit); the others wait
    here in the order they came.
    """

    def __init__(self, base_urls: str | list[str], client: httpx.AsyncClient, concurrency: int = 0) -> None:
        urls = [base_urls] if isinstance(base_urls, str) else list(base_urls)
        self.base_urls = [u.rstrip("/") for u in urls]
        self.client = client
        self._next = itertools.cycle(range(len(self.base_urls)))
        self._slots = [asyncio.Semaphore(concurrency) if concurrency > 0 else None for _ in self.base_urls]

    def slot(self, index: int) -> Any:
        """A place in the Rasa process at `index` (waits while it is full)."""
        return self._slots[index] or contextlib.nullcontext()

    @property
    def base_url(self) -> str:
        return self.base_urls[0]

    async def send(self, sender: str, message: str, language: str) -> list[dict[str, Any]]:
        body = {"sender": sender, "message": message, "metadata": {"language": language}}
        first = next(self._next)
        attempts = [first, (first + 1) % len(self.base_urls)] if len(self.base_urls) > 1 else [first, first]
        for attempt, index in enumerate(attempts):
            try:
                async with self.slot(index):
                    response = await self.client.post(
                        f"{self.base_urls[index]}/webhooks/rest/webhook", json=body
                    )
            except (httpx.ConnectError, httpx.RemoteProtocolError) as exc:
                if attempt == len(attempts) - 1:
                    raise RasaUnavailable(str(exc)) from exc
                continue
            except httpx.HTTPError as exc:
                raise RasaUnavailable(str(exc)) from exc
            if response.status_code != 200:
                raise RasaUnavailable(f"HTTP {response.status_code}")
            return to_messages(response.json())
        raise RasaUnavailable("no Rasa process answered")

    async def ready(self) -> list[str]:
        """The Rasa processes that do not answer (empty when all are ready)."""
        down = []
        for url in self.base_urls:
            try:
                response = await self.client.get(f"{url}/webhooks/rest/", timeout=3.0)
                if response.status_code != 200:
                    down.append(url)
            except httpx.HTTPError:
                down.append(url)
        return down
