"""A small sliding-window rate limiter kept in memory (one bot/ process).

Limits (README, "HTTP contract of bot/"): RATE_LIMIT_MESSAGES_PER_MINUTE per conversation (30)
and RATE_LIMIT_NEW_SESSIONS_PER_MINUTE per client address (1 200: a shared address, such as a
public computer room or a proxy, must not lock people out). Past a limit /api/chat answers 429
with Retry-After. Memory stays bounded: at most `max_keys` keys are tracked, the oldest go first.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

WINDOW_S = 60.0


class RateLimiter:
    def __init__(self, per_minute: int, max_keys: int = 50_000, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self.max_keys = max_keys
        self.clock = clock
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> int:
        """0 when this request may go ahead (and counts it), else the seconds to wait."""
        if self.per_minute <= 0:
            return 0
        now = self.clock()
        with self._lock:
            hits = self._hits.pop(key, None) or deque()
            while hits and hits[0] <= now - WINDOW_S:
                hits.popleft()
            self._hits[key] = hits
            while len(self._hits) > self.max_keys:
                self._hits.popitem(last=False)
            if len(hits) >= self.per_minute:
                return max(1, math.ceil(hits[0] + WINDOW_S - now))
            hits.append(now)
            return 0

    def __len__(self) -> int:
        return len(self._hits)
