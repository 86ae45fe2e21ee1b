"""What Rasa sends the action server: the current turn, not the whole conversation.

For every custom action Rasa sends the whole conversation (every event, as JSON) and, unless
`enable_selective_domain` is set, the whole domain; the action server decodes all of it again.
In long conversations encoding it was a fifth of the Rasa process's time (py-spy), and grows
with every message.

With `send_events: turn` under `action_endpoint` in endpoints.yml, an action gets the tracker's
state as before (slots, latest message, active loop, latest action) with the events from the
latest user message on. This project's actions read only those: the latest message and its
entities, the slots, and the slot candidates a form appends at the end of the turn
(`Tracker.slots_to_validate`); tests/actions run them on such trackers. Without the setting
Rasa's own request is sent.
"""

from __future__ import annotations

from typing import Any

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

SETTING = "send_events"
RASA_ACTION_CALL_FORMAT = RemoteAction._action_call_format


def turn_events(tracker: DialogueStateTracker) -> list:
    """The events from the latest user message on (all of them when there is none)."""
    events = tracker.events
    for back in range(1, len(events) + 1):
        if isinstance(events[-back], UserUttered):
            return [events[i] for i in range(len(events) - back, len(events))]
    return list(events)


def _action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Any) -> dict[str, Any]:
    if self.action_endpoint is None or self.action_endpoint.kwargs.get(SETTING) != "turn":
        return RASA_ACTION_CALL_FORMAT(self, tracker, domain)
    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in turn_events(tracker)]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(
        self.name()
    ):
        result["domain"] = domain.as_dict()
    return result


def install() -> None:
    RemoteAction._action_call_format = _action_call_format
