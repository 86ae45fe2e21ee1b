"""Concurrent chat load: N users, each waiting for its reply before sending the next message.

    python -m tools.load [--base URL] [--users 20] [--seconds 60] [--rasa] [--fail-on-error]

--rasa talks to a bare Rasa REST channel ({"sender", "message"}), to measure a stock Rasa bot the
same way. Prints messages/s, latency percentiles and errors; the last line is machine-readable.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

SCRIPT = [
    "hallo",
    "wat is een GPMI?",
    "moet ik dat contract tekenen?",
    "wat als ik een afspraak mis?",
    "hoe kan ik in beroep gaan?",
    "bonjour",
    "c'est quoi un PIIS ?",
    "combien de jours pour réfléchir avant de signer ?",
    "que risque-t-on si on ne respecte pas le contrat ?",
    "merci",
]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def user(
    base: str, path: str, rasa: bool, deadline: float, latencies: list, by_message: dict, errors: list, lock
) -> None:
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
    session, sender, i = None, uuid.uuid4().hex, 0
    while time.monotonic() < deadline:
        if i and i % len(SCRIPT) == 0:  # each simulated user has conversations of one script each
            session, sender = None, uuid.uuid4().hex
        message = SCRIPT[i % len(SCRIPT)]
        i += 1
        body = {"sender": sender, "message": message} if rasa else {"session": session, "message": message}
        start = time.perf_counter()
        try:
            conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}: {data[:120]!r}")
            if not rasa:
                session = json.loads(data).get("session", session)
            with lock:
                latencies.append(elapsed)
                by_message.setdefault(message, []).append(elapsed)
        except Exception as exc:  # noqa: BLE001 - every failure counts as an error
            with lock:
                errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=60)
            time.sleep(0.05)
    conn.close()


def run_load(base: str, users: int = 20, seconds: float = 60.0, rasa: bool = False) -> dict:
    path = "/webhooks/rest/webhook" if rasa else "/api/chat"
    latencies: list[float] = []
    by_message: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(
            target=user, args=(base, path, rasa, deadline, latencies, by_message, errors, lock), daemon=True
        )
        for _ in range(users)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "users": users,
        "messages": len(latencies),
        "msgs_per_s": round(len(latencies) / wall, 2) if wall else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000),
        "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "p99_ms": round(percentile(latencies, 0.99) * 1000),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        # the median per message of the script: which kind of message makes the slow tail
        "p50_ms_by_message": {
            message: round(percentile(sorted(times), 0.50) * 1000) for message, times in by_message.items()
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rasa", action="store_true", help="bare Rasa REST channel")
    parser.add_argument("--fail-on-error", action="store_true")
    args = parser.parse_args()
    result = run_load(args.base, args.users, args.seconds, args.rasa)
    print(
        f"{result['users']} users: {result['msgs_per_s']} msg/s; p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms; errors {result['errors']}"
    )
    if result["first_error"]:
        print("first error:", result["first_error"])
    print("RESULT " + " ".join(f"{k}={v}" for k, v in result.items() if k != "first_error"))
    return 1 if args.fail_on_error and result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
