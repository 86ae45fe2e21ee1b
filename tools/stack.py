"""Start the action server, Rasa and bot/ together; stop all three together.

    python -m tools.stack MODEL            serve until Ctrl-C (used by `make run`)

Ports come from BOT_PORT (8000), RASA_PORT (5005) and ACTIONS_PORT (5055). Rasa and the action
server listen on 127.0.0.1 only, and Rasa runs without its HTTP API. Process output goes to
var/logs/. The end-to-end tests use the same Stack class.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


@dataclass
class Stack:
    model: Path
    bot_port: int = 8000
    rasa_port: int = 5005
    actions_port: int = 5055
    bot_host: str = "127.0.0.1"
    log_dir: Path = ROOT / "var" / "logs"
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.bot_port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "BOT_PORT": str(self.bot_port),
                "RASA_PORT": str(self.rasa_port),
                "ACTIONS_PORT": str(self.actions_port),
                "RASA_URL": f"http://127.0.0.1:{self.rasa_port}",
                "ACTIONS_URL": f"http://127.0.0.1:{self.actions_port}",
                "SANIC_HOST": "127.0.0.1",
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "2",
                "PYTHONPATH": str(ROOT),
                **self.extra_env,
            }
        )
        return env

    def endpoints(self) -> Path:
        """endpoints.yml with this stack's ports for the action server and the NLG endpoint."""
        text = (ROOT / "endpoints.yml").read_text()
        text = text.replace("127.0.0.1:5055/", f"127.0.0.1:{self.actions_port}/")
        text = text.replace("127.0.0.1:8000/", f"127.0.0.1:{self.bot_port}/")
        path = self.log_dir / f"endpoints-{self.bot_port}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def commands(self) -> dict[str, list[str]]:
        python = str(VENV_BIN / "python")
        return {
            "actions": [python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.actions_port)],
            "rasa": [
                str(VENV_BIN / "rasa"),
                "run",
                "--model",
                str(self.model),
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.rasa_port),
                "--endpoints",
                str(self.endpoints()),
                "--credentials",
                "credentials.yml",
            ],
            "bot": [
                python,
                "-m",
                "uvicorn",
                "bot.main:app",
                "--host",
                self.bot_host,
                "--port",
                str(self.bot_port),
                "--no-access-log",
            ],
        }

    def start(self, name: str) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            self.commands()[name],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_all(self) -> None:
        for name in ("actions", "rasa", "bot"):
            self.start(name)

    def stop(self, name: str, timeout: float = 15.0) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self) -> None:
        for name in ("bot", "rasa", "actions"):
            self.stop(name)

    def dead(self) -> list[str]:
        return [name for name, p in self.processes.items() if p.poll() is not None]

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=3) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.healthy():
                return
            if self.dead():
                raise RuntimeError(f"stopped during start: {self.dead()} (see {self.log_dir})")
            time.sleep(0.5)
        raise TimeoutError(f"not ready after {timeout:.0f} s (see {self.log_dir})")


def interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    stack = Stack(
        model=Path(argv[0]),
        bot_port=int(os.environ.get("BOT_PORT", 8000)),
        rasa_port=int(os.environ.get("RASA_PORT", 5005)),
        actions_port=int(os.environ.get("ACTIONS_PORT", 5055)),
        bot_host=os.environ.get("BOT_HOST", "127.0.0.1"),
    )
    # Ctrl-C and SIGTERM both stop all three (also when started from a shell that ignores SIGINT).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, interrupt)
    started = time.monotonic()
    print(f"Starting action server, Rasa and bot/ (logs in {stack.log_dir}) …", flush=True)
    try:
        stack.start_all()
        stack.wait_ready()
        print(
            f"Ready after {time.monotonic() - started:.0f} s: {stack.url}  (Ctrl-C stops everything)",
            flush=True,
        )
        while not stack.dead():
            time.sleep(1)
        print(f"Stopped unexpectedly: {stack.dead()} (see {stack.log_dir})", flush=True)
        return 1
    except KeyboardInterrupt:
        print("\nStopping …", flush=True)
        return 0
    except (RuntimeError, TimeoutError) as exc:
        print(f"error: {exc}", flush=True)
        return 1
    finally:
        stack.stop_all()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
