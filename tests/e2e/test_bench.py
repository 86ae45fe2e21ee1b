"""`make bench` runs and reports every figure (a smoke run: a few seconds, no stock bot)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.e2e.conftest import model_path
from tools.stack import ROOT


def test_bench_reports_throughput_latency_readiness_and_memory():
    run = subprocess.run(
        [sys.executable, "-m", "tools.bench", str(model_path()), "--no-stock"]
        + ["--users", "3", "--seconds", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "msg/s at 3 users" in run.stdout and "serial p50" in run.stdout
    report = json.loads((ROOT / "results" / "bench.json").read_text())
    ours = report["ours"]
    assert ours["errors"] == 0 and ours["messages"] > 0
    assert ours["p50_ms"] <= ours["p95_ms"] <= ours["p99_ms"]
    assert ours["ready_s"] > 0
    assert set(ours["rss_mb"]) >= {"rasa", "bot", "actions"} and all(ours["rss_mb"].values())
