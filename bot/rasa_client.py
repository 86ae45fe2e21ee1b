"""Talk to Rasa's REST channel on the loopback interface (no Rasa import)."""

from __future__ import annotations

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
    def __init__(self, base_url: str, client: httpx.AsyncClient) -> None:
        self.base_url = base_url.rstrip("/")
        self.client = client

    async def send(self, sender: str, message: str, language: str) -> list[dict[str, Any]]:
        body = {"sender": sender, "message": message, "metadata": {"language": language}}
        try:
            response = await self.client.post(f"{self.base_url}/webhooks/rest/webhook", json=body)
        except httpx.HTTPError as exc:
            raise RasaUnavailable(str(exc)) from exc
        if response.status_code != 200:
            raise RasaUnavailable(f"HTTP {response.status_code}")
        return to_messages(response.json())

    async def ready(self) -> bool:
        try:
            response = await self.client.get(f"{self.base_url}/webhooks/rest/", timeout=3.0)
        except httpx.HTTPError:
            return False
        return response.status_code == 200
