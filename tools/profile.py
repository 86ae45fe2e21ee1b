"""`make profile`: where the Rasa process spends its time under the bench load.

    python -m tools.profile MODEL [--users 20] [--seconds 40]

Starts the stack as `make bench` does, runs the same load and samples the Rasa process with
py-spy meanwhile. Prints the share of samples per stage of a message (a stage includes what it
calls), the busiest functions, and writes the raw stacks to results/profile-rasa.txt.
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tools.bench import bench_stack
from tools.load import run_load
from tools.stack import ROOT

PY_SPY = Path(sys.executable).parent / "py-spy"
# Frames on (nearly) every stack: py-spy's process line, the interpreter, the HTTP server, Rasa's
# message handler and its graph runner (dask).
PASSED_THROUGH = re.compile(
    r"^process \d+|\((runpy|threading|asyncio/|sanic/|dask/|rasa/core/channels/|rasa/core/agent|"
    r"rasa/engine/|rasa/core/run|rasa/cli/|rasa/api|rasa/__main__|rasa_runtime/__main__)|^(handle_message|_run_prediction_loop|_run_action|log_message|"
    r"connection_task|http1|handle_request) "
)

# (label, a frame that marks the stage); the first stage found in a stack counts.
STAGES = [
    ("tracker store: read the conversation", "fetch_tracker_and_update_session (rasa/core/processor.py"),
    ("tracker store: write the new events", "save_tracker (rasa/core/processor.py"),
    ("NLU: tokens, n-gram counts, classifier, fallback", "parse_message (rasa/core/processor.py"),
    ("action server: call and check the reply", "run (rasa/core/actions/action.py"),
    ("dialogue policies (rules, memoization)", "_predict_next_with_tracker (rasa/core/processor.py"),
    ("responses rendered in-process", "(rasa_nlg/"),
    ("rest of the message handling", "handle_message (rasa/core/processor.py"),
    ("HTTP server and event loop", ""),
]


def parse_raw(text: str) -> list[tuple[list[str], int]]:
    """py-spy's raw format: one line per distinct stack, frames joined by ';', then a count."""
    stacks = []
    for line in text.splitlines():
        if not line.strip():
            continue
        stack, _, count = line.rpartition(" ")
        stacks.append((stack.split(";"), int(count)))
    return stacks


def by_stage(stacks: list[tuple[list[str], int]]) -> dict[str, float]:
    totals: collections.Counter[str] = collections.Counter()
    for frames, count in stacks:
        joined = ";".join(frames)
        label = next(name for name, marker in STAGES if marker in joined)
        totals[label] += count
    grand = sum(totals.values()) or 1
    return {name: round(100 * totals[name] / grand, 1) for name, _ in STAGES}


def busiest_functions(stacks: list[tuple[list[str], int]], top: int = 15) -> list[tuple[str, float]]:
    """Functions by the share of samples that have them on the stack (once per stack), leaving out
    the frames every message passes through (the server, the message handler, the graph runner)."""
    inclusive: collections.Counter[str] = collections.Counter()
    grand = sum(count for _, count in stacks) or 1
    for frames, count in stacks:
        for name in {frame.rsplit(":", 1)[0] for frame in frames}:
            inclusive[name] += count
    ranked = [(n, c) for n, c in inclusive.most_common() if not PASSED_THROUGH.search(n)]
    return [(name, round(100 * count / grand, 1)) for name, count in ranked[:top]]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("model", type=Path)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=40.0)
    args = parser.parse_args()
    if not PY_SPY.exists():
        print("py-spy is missing: make install (requirements-dev.txt)", file=sys.stderr)
        return 2
    state = Path(tempfile.mkdtemp(prefix="profile-"))
    raw = ROOT / "results" / "profile-rasa.txt"
    raw.parent.mkdir(exist_ok=True)
    stack = bench_stack(state, args.model)
    stack.start_all()
    try:
        stack.wait_ready(300)
        spy = subprocess.Popen(
            [str(PY_SPY), "record", "--pid", str(stack.processes["rasa"].pid), "--rate", "100"]
            + ["--duration", str(int(args.seconds)), "--format", "raw", "--output", str(raw)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        result: dict = {}
        load = threading.Thread(target=lambda: result.update(run_load(stack.url, args.users, args.seconds)))
        load.start()
        load.join()
        _, errors = spy.communicate(timeout=60)
        if spy.returncode != 0 or not raw.exists():
            print(f"py-spy failed: {errors.strip()[-500:]}", file=sys.stderr)
            return 1
    finally:
        stack.stop_all()
        shutil.rmtree(state, ignore_errors=True)

    stacks = parse_raw(raw.read_text())
    print(
        f"load: {result['msgs_per_s']} msg/s at {args.users} users, p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms (slower than `make bench`: py-spy samples the process)"
    )
    print(f"Rasa process, {sum(c for _, c in stacks)} samples while busy; share per stage of a message:")
    for name, share in by_stage(stacks).items():
        print(f"  {share:5.1f} %  {name}")
    print("busiest functions (share of samples with the function on the stack):")
    for name, share in busiest_functions(stacks):
        print(f"  {share:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
