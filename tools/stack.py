"""Start the action server, Rasa and bot/ together; stop all three together.

    python -m tools.stack MODEL            serve until Ctrl-C (used by `make run`)

Ports come from BOT_PORT (8000), RASA_PORT (5005) and ACTIONS_PORT (5055). Rasa and the action
server listen on 127.0.0.1 only, and Rasa runs without its HTTP API. Process output goes to
var/logs/. The end-to-end tests use the same Stack class.

Conversations are kept in Rasa's SQL tracker store: a SQLite file in var/ by default, PostgreSQL
when TRACKER_STORE_URL is set. With LOCK_STORE_URL (Redis), RASA_REPLICAS=N starts N Rasa
processes on consecutive ports and bot/ spreads the messages over them (see tools/stores.py).
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

import yaml

from tools.stores import lock_store, sqlite_url, tracker_store

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
    rasa_ports: tuple[int, ...] = ()
    tracker_store_url: str | None = None
    lock_store_url: str | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.bot_port}"

    @property
    def replicas(self) -> dict[str, int]:
        """Rasa processes by name: "rasa", then "rasa-2", "rasa-3", … when there are several."""
        ports = self.rasa_ports or (self.rasa_port,)
        return {("rasa" if i == 0 else f"rasa-{i + 1}"): port for i, port in enumerate(ports)}

    @property
    def tracker_url(self) -> str:
        configured = self.tracker_store_url or self.extra_env.get("TRACKER_STORE_URL")
        return configured or os.environ.get("TRACKER_STORE_URL") or sqlite_url(str(ROOT / "var" / "rasa.db"))

    @property
    def lock_url(self) -> str | None:
        return self.lock_store_url or self.extra_env.get("LOCK_STORE_URL") or os.environ.get("LOCK_STORE_URL")

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "BOT_PORT": str(self.bot_port),
                "RASA_PORT": str(self.rasa_port),
                "ACTIONS_PORT": str(self.actions_port),
                "RASA_URL": f"http://127.0.0.1:{self.rasa_port}",
                "RASA_URLS": ",".join(f"http://127.0.0.1:{port}" for port in self.replicas.values()),
                "ACTIONS_URL": f"http://127.0.0.1:{self.actions_port}",
                "SANIC_HOST": "127.0.0.1",
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "2",
                "PYTHONPATH": str(ROOT),
                **self.extra_env,
                "TRACKER_STORE_URL": self.tracker_url,
            }
        )
        return env

    def endpoints(self) -> Path:
        """endpoints.yml with this stack's action server port, tracker store and lock store."""
        config = yaml.safe_load((ROOT / "endpoints.yml").read_text())
        config["action_endpoint"]["url"] = f"http://127.0.0.1:{self.actions_port}/webhook"
        config["tracker_store"] = tracker_store(self.tracker_url)
        if tracker_store(self.tracker_url)["dialect"] == "sqlite":
            Path(config["tracker_store"]["db"]).parent.mkdir(parents=True, exist_ok=True)
        locks = lock_store(self.lock_url)
        if locks:
            config["lock_store"] = locks
        path = self.log_dir / f"endpoints-{self.bot_port}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(config, sort_keys=False))
        path.chmod(0o600)  # may hold a database password
        return path

    def rasa_command(self, port: int, endpoints: Path) -> list[str]:
        return [
            str(VENV_BIN / "python"),
            "-m",
            "rasa_runtime",
            "run",
            "--model",
            str(self.model),
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
            "--endpoints",
            str(endpoints),
            "--credentials",
            "credentials.yml",
        ]

    def commands(self) -> dict[str, list[str]]:
        python = str(VENV_BIN / "python")
        endpoints = self.endpoints()
        return {
            "actions": [python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.actions_port)],
            **{name: self.rasa_command(port, endpoints) for name, port in self.replicas.items()},
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
        for name in ("actions", *self.replicas, "bot"):
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
        for name in ("bot", *self.replicas, "actions"):
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
    rasa_port = int(os.environ.get("RASA_PORT", 5005))
    replicas = int(os.environ.get("RASA_REPLICAS", 1))
    if replicas > 1 and not os.environ.get("LOCK_STORE_URL"):
        print("error: RASA_REPLICAS > 1 needs LOCK_STORE_URL (Redis) and TRACKER_STORE_URL (PostgreSQL)")
        return 2
    stack = Stack(
        model=Path(argv[0]),
        bot_port=int(os.environ.get("BOT_PORT", 8000)),
        rasa_port=rasa_port,
        rasa_ports=tuple(range(rasa_port, rasa_port + replicas)),
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
