"""bot/ with the real catalogs and domain, and Rasa replaced by a fake REST channel."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.config import Settings
from bot.main import create_app
from bot.rasa_client import RasaClient


class FakeRasa:
    """Records what bot/ sends to Rasa's REST webhook and answers like Rasa would."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.reply: Callable[[dict], list[dict]] = lambda body: [
            {"recipient_id": body["sender"], "text": f"echo:{body['metadata']['language']}:{body['message']}"}
        ]
        self.down = False

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.url.path == "/webhooks/rest/":
            return httpx.Response(200, json={"status": "ok"})
        body = json.loads(request.content)
        self.received.append(body)
        return httpx.Response(200, json=self.reply(body))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        db_path=tmp_path / "bot.db",
        tracker_store_url=f"sqlite:///{tmp_path / 'rasa.db'}",
        actions_url="http://127.0.0.1:9",
    )


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(settings: Settings, fake_rasa: FakeRasa) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        transport = httpx.MockTransport(fake_rasa.handler)
        app.state.bot.rasa = RasaClient("http://rasa.test", httpx.AsyncClient(transport=transport))
        yield test_client


@pytest.fixture
def wording(client: TestClient):
    return client.app.state.bot.wording
