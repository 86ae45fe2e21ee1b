"""Start the real stack (action server, Rasa with the trained model, bot/) once for these tests."""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.stack import Stack

ROOT = Path(__file__).resolve().parents[2]
LAB_CODE = "e2e-lab-code"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def model_path() -> Path:
    if os.environ.get("MODEL"):
        return Path(os.environ["MODEL"])
    models = sorted((ROOT / "models").glob("gpmi-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        pytest.fail("no trained model: run `make train` (make test does it)")
    return models[-1]


def make_stack(state: Path, **options) -> Stack:
    """A stack on free ports whose files live in `state` (a pytest temporary folder)."""
    settings = {
        "model": model_path(),
        "bot_port": free_port(),
        "rasa_port": free_port(),
        "actions_port": free_port(),
        "log_dir": state / "logs",
        "extra_env": {
            "BOT_DB_PATH": str(state / "bot.db"),
            "TRACKER_STORE_URL": options.pop("tracker_store_url", f"sqlite:///{state / 'rasa.db'}"),
            # Simulated users send without thinking time; the limits are tested on their own.
            "RATE_LIMIT_MESSAGES_PER_MINUTE": "0",
            "RATE_LIMIT_NEW_SESSIONS_PER_MINUTE": "0",
            "LAB_CODE": LAB_CODE,
        },
    }
    return Stack(**{**settings, **options})


def running(stack: Stack) -> Iterator[Stack]:
    stack.start_all()
    try:
        stack.wait_ready(timeout=300)
        yield stack
    finally:
        stack.stop_all()


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    yield from running(make_stack(tmp_path_factory.mktemp("stack")))


class Api:
    def __init__(self, base: str) -> None:
        self.base = base

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def chat(self, message, session=None, language=None):
        body = json.dumps({"session": session, "message": message, "language": language}).encode()
        return self.request("POST", "/api/chat", body, {"Content-Type": "application/json"})


@pytest.fixture(scope="session")
def api(stack: Stack) -> Api:
    return Api(stack.url)
