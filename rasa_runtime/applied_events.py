"""The applied events of a conversation, worked out once per event instead of once per call.

`DialogueStateTracker.applied_events()` (the events that still count: without rewound turns, before
the last restart or new session, with a form's own steps folded) goes through every event of the
conversation. Rasa asks for it several times per message (is the session over? what was said
last? the dialogue states for each policy), so a long conversation costs more at every message.

This keeps the answer on the tracker. When the tracker asks again and events were only appended,
none of which can change what counts before it (a rewind, a restart, a new session, a form
starting or running), the new events are added to the kept list; otherwise Rasa's own method
works it out again. Every call gets a list of its own, as from Rasa.
tests/rasa_runtime/test_applied_events.py compares the result with Rasa's after every event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker

ATTRIBUTE = "_rasa_runtime_applied"
RASA_APPLIED_EVENTS = DialogueStateTracker.applied_events
REWINDING = (Restarted, SessionStarted, ActionReverted, UserUtteranceReverted, ActiveLoop)


@dataclass
class Applied:
    events: Any  # the tracker's event deque these were worked out from
    first: Any  # its first event and its last one seen, to notice events dropped or replaced
    last: Any
    seen: int
    loop_names: frozenset
    applied: list


def loop_names(events: Any) -> frozenset:
    return frozenset(e.name for e in events if isinstance(e, ActiveLoop) and e.name)


def still_valid(kept: Applied | None, events: Any) -> bool:
    return (
        kept is not None
        and kept.events is events
        and len(events) >= kept.seen
        and (kept.seen == 0 or (events[0] is kept.first and events[kept.seen - 1] is kept.last))
    )


def changes_the_past(event: Any, loops: frozenset) -> bool:
    return isinstance(event, REWINDING) or (isinstance(event, ActionExecuted) and event.action_name in loops)


def applied_events(tracker: DialogueStateTracker) -> list:
    """Same as Rasa's `tracker.applied_events()`."""
    events = tracker.events
    kept = tracker.__dict__.get(ATTRIBUTE)
    if still_valid(kept, events):
        new = [events[i] for i in range(kept.seen, len(events))]
        if not any(changes_the_past(e, kept.loop_names) for e in new):
            kept.applied.extend(new)
            kept.seen = len(events)
            kept.last = events[-1] if events else None
            return list(kept.applied)
    applied = RASA_APPLIED_EVENTS(tracker)
    tracker.__dict__[ATTRIBUTE] = Applied(
        events,
        events[0] if events else None,
        events[-1] if events else None,
        len(events),
        loop_names(events),
        list(applied),
    )
    return applied


def install() -> None:
    DialogueStateTracker.applied_events = applied_events
