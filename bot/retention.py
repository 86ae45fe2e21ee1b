"""Nothing is kept longer than RETENTION_DAYS: at start-up and then once a day, bot/ deletes the
conversations, preparation sheets and sessions that were not used for that long."""

from __future__ import annotations

import asyncio
import logging
import time

from bot.state import AppState

log = logging.getLogger(__name__)
DAY_S = 24 * 3600


def purge(state: AppState, now: float | None = None) -> dict[str, int]:
    cutoff = (now or time.time()) - state.settings.retention_days * DAY_S
    removed = {
        "conversations": state.conversations.delete_older_than(cutoff),
        "sheets": state.sheets.delete_older_than(cutoff),
        "sessions": state.sessions.delete_older_than(cutoff),
    }
    log.info("retention: removed %s", removed)
    return removed


async def run_daily(state: AppState, interval_s: float = DAY_S) -> None:
    while True:
        try:
            await asyncio.to_thread(purge, state)
        except Exception:  # a failed run must not stop the next one
            log.exception("retention run failed")
        await asyncio.sleep(interval_s)
