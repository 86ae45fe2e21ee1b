"""`make bench`: this assistant and a stock Rasa bot (`rasa init`), the same load, one run.

For both: 20 concurrent users for 60 s (each waits for its reply), messages/s, p50/p95/p99 latency
and errors, and the ratio ours/stock. For ours also: serial latency (1 user), time from start to
/healthz 200 with a trained model, peak RSS per process, and (with --train) the time to train the
model from scratch. The stock bot is built once in var/bench/stock (git-ignored) with the same
Rasa version and served on its own port.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tools.load import run_load
from tools.stack import ROOT, Stack

RASA = str(Path(sys.executable).parent / "rasa")
STOCK = ROOT / "var" / "bench" / "stock"
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process and its children, in MB."""
    total = 0
    pids = [pid] + [
        int(p)
        for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    ]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return round(total / 1024)


def build_stock() -> Path:
    models = sorted((STOCK / "models").glob("*.tar.gz")) if STOCK.exists() else []
    if models:
        return models[-1]
    print("building the stock bot (rasa init --no-prompt) once …", flush=True)
    shutil.rmtree(STOCK, ignore_errors=True)
    STOCK.mkdir(parents=True)
    subprocess.run(
        [RASA, "init", "--no-prompt", "--init-dir", str(STOCK)],
        cwd=STOCK,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return sorted((STOCK / "models").glob("*.tar.gz"))[-1]


def wait_http(url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(url)


def bench_stock(users: int, seconds: float) -> dict:
    model = build_stock()
    port = free_port()
    process = subprocess.Popen(
        [RASA, "run", "--model", str(model), "--interface", "127.0.0.1", "--port", str(port)],
        cwd=STOCK,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/webhooks/rest/")
        result = run_load(f"http://127.0.0.1:{port}", users, seconds, rasa=True)
        result["rss_mb"] = {"rasa": peak_rss_mb(process.pid)}
        return result
    finally:
        process.terminate()
        process.wait(30)


def bench_stack(state: Path, model: Path, replicas: int = 1) -> Stack:
    """The stack as measured: its own state folder and free ports, rate limits off."""
    return Stack(
        model=model,
        bot_port=free_port(),
        rasa_port=free_port(),
        rasa_ports=tuple(free_port() for _ in range(replicas)) if replicas > 1 else (),
        actions_port=free_port(),
        log_dir=state / "logs",
        extra_env={
            "BOT_DB_PATH": str(state / "bot.db"),
            "TRACKER_STORE_URL": os.environ.get("TRACKER_STORE_URL") or f"sqlite:///{state / 'rasa.db'}",
            # Simulated users send without thinking time; the limits are tested on their own.
            "RATE_LIMIT_MESSAGES_PER_MINUTE": "0",
            "RATE_LIMIT_NEW_SESSIONS_PER_MINUTE": "0",
        },
    )


def bench_ours(model: Path, users: int, seconds: float, serial: bool = True, replicas: int = 1) -> dict:
    state = Path(tempfile.mkdtemp(prefix="bench-"))
    stack = bench_stack(state, model, replicas)
    started = time.monotonic()
    stack.start_all()
    try:
        stack.wait_ready(300)
        ready_s = round(time.monotonic() - started, 1)
        alone = run_load(stack.url, 1, min(20.0, seconds), rasa=False) if serial else None
        result = run_load(stack.url, users, seconds, rasa=False)
        result["serial"] = alone
        result["ready_s"] = ready_s
        result["rss_mb"] = {name: peak_rss_mb(p.pid) for name, p in stack.processes.items()}
        return result
    finally:
        stack.stop_all()
        shutil.rmtree(state, ignore_errors=True)


def time_training() -> float:
    out = Path(tempfile.mkdtemp(prefix="bench-train-"))
    started = time.monotonic()
    subprocess.run(
        [
            RASA,
            "train",
            "--skip-validation",  # `make test` validates the data in a step of its own
            "--data",
            "data",
            "--domain",
            "domain.yml",
            "--config",
            "config.yml",
            "--out",
            str(out),
            "--force",
        ],
        cwd=ROOT,
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    shutil.rmtree(out, ignore_errors=True)
    return round(time.monotonic() - started)


def slowest(result: dict, top: int = 3) -> str:
    """The messages of the script with the highest median latency: where the slow tail comes from."""
    by_message = sorted(result.get("p50_ms_by_message", {}).items(), key=lambda item: -item[1])
    return "; ".join(f"{message!r} {ms} ms" for message, ms in by_message[:top])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("model", type=Path)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--no-stock", action="store_true", help="measure only this assistant")
    parser.add_argument("--train", action="store_true", help="also time training from scratch")
    parser.add_argument(
        "--load-only", action="store_true", help="only the load on this assistant; fail on any error"
    )
    parser.add_argument(
        "--replicas", type=int, default=1, help="Rasa processes (needs TRACKER_STORE_URL and LOCK_STORE_URL)"
    )
    args = parser.parse_args()
    if args.load_only:
        result = bench_ours(args.model, args.users, args.seconds, serial=False, replicas=args.replicas)
        print(
            f"load: {result['messages']} messages from {args.users} users in {args.seconds:.0f} s: "
            f"{result['msgs_per_s']} msg/s; p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
            f"p99 {result['p99_ms']} ms; errors {result['errors']}; peak RSS {result['rss_mb']} MB"
        )
        print(f"slowest messages (median): {slowest(result)}")
        if result["errors"]:
            print(f"first error: {result['first_error']}")
        return 1 if result["errors"] else 0

    report: dict = {"date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count()}
    report["ours"] = bench_ours(args.model, args.users, args.seconds)
    if not args.no_stock:
        report["stock"] = bench_stock(args.users, args.seconds)
        report["ratio_msgs_per_s"] = round(
            report["ours"]["msgs_per_s"] / max(report["stock"]["msgs_per_s"], 1e-9), 1
        )
    if args.train:
        report["train_from_scratch_s"] = time_training()

    ours = report["ours"]
    print(
        f"ours : {ours['msgs_per_s']} msg/s at {args.users} users; p50 {ours['p50_ms']} ms, "
        f"p95 {ours['p95_ms']} ms, p99 {ours['p99_ms']} ms; errors {ours['errors']}"
    )
    print(f"ours : slowest messages (median): {slowest(ours)}")
    print(
        f"ours : serial p50 {ours['serial']['p50_ms']} ms, p95 {ours['serial']['p95_ms']} ms; "
        f"ready {ours['ready_s']} s after start; peak RSS {ours['rss_mb']} MB"
    )
    if "stock" in report:
        stock = report["stock"]
        print(
            f"stock: {stock['msgs_per_s']} msg/s at {args.users} users; p50 {stock['p50_ms']} ms, "
            f"p95 {stock['p95_ms']} ms, p99 {stock['p99_ms']} ms; errors {stock['errors']}; "
            f"peak RSS {stock['rss_mb']} MB"
        )
        print(f"ratio ours/stock: {report['ratio_msgs_per_s']}x")
    if "train_from_scratch_s" in report:
        print(f"training from scratch: {report['train_from_scratch_s']} s")
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "bench.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
