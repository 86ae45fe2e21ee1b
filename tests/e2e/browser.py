"""A headless Chromium driven over the DevTools protocol (websockets only; no extra driver).

Debian's chromium is started with a fresh profile and the flags that keep it off the network.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
import websockets

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-quic",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, width: int = 1000, height: int = 800) -> None:
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        self.port = 9300 + os.getpid() % 500
        self.process = subprocess.Popen(
            [
                chromium_path(),
                *FLAGS,
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                f"--remote-debugging-port={self.port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.ids = itertools.count(1)
        self.ws = None

    async def connect(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=2) as r:
                    pages = [p for p in json.loads(r.read()) if p.get("type") == "page"]
                if pages:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not start")
            await asyncio.sleep(0.2)
        self.ws = await websockets.connect(pages[0]["webSocketDebuggerUrl"], max_size=50_000_000)

    async def call(self, method: str, **params):
        message_id = next(self.ids)
        await self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            reply = json.loads(await self.ws.recv())
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply.get("result", {})

    async def evaluate(self, expression: str):
        result = await self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    async def goto(self, url: str) -> None:
        await self.call("Page.enable")
        await self.call("Page.navigate", url=url)
        await self.wait_for("document.readyState === 'complete'")

    async def wait_for(self, expression: str, timeout: float = 30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        raise TimeoutError(expression)

    async def key(self, key: str, code: str | None = None, text: str | None = None) -> None:
        """Press a key like a keyboard user does (the page gets real key events)."""
        for kind in ("keyDown", "keyUp"):
            params = {
                "type": kind,
                "key": key,
                "code": code or key,
                "windowsVirtualKeyCode": KEYCODES.get(key, 0),
            }
            if text and kind == "keyDown":
                params["text"] = text
            await self.call("Input.dispatchKeyEvent", **params)

    async def type_text(self, text: str) -> None:
        await self.call("Input.insertText", text=text)

    async def screenshot(self, path: Path) -> None:
        data = await self.call("Page.captureScreenshot", format="png")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


KEYCODES = {"Enter": 13, "Tab": 9}


SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
needs_chromium = pytest.mark.skipif(
    chromium_path() is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed (make browser-deps installs it)",
)


def run(coro):
    return asyncio.run(coro)


async def open_page(url: str, width: int = 1000, height: int = 800, bypass_csp: bool = False) -> Browser:
    """A fresh browser on `url`; bypass_csp lets a test inject axe-core into the page."""
    browser = Browser(width, height)
    await browser.connect()
    if bypass_csp:
        await browser.call("Page.setBypassCSP", enabled=True)
    await browser.goto(url)
    return browser
