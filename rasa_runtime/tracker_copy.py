"""A copy of a conversation made from its current state instead of by replaying every event.

Before each action Rasa copies the tracker (`tracker.copy()`), so that events a policy added can
be dropped if the action is rejected. The copy replays every event of the conversation into a new
tracker: the longer the conversation, the longer every message takes (18 % of the Rasa process in
long conversations, py-spy).

A tracker's state must be re-creatable by processing all its events (Rasa's own rule, in
`DialogueStateTracker.__init__`), and every event and tracker method changes only these
attributes: the slots, the active loop, the latest action, message and bot utterance, the
follow-up action and whether the tracker is paused. So the copy here starts as Rasa's does
(`init_copy`), takes the events, and copies those attributes from the tracker itself.
tests/rasa_runtime/test_tracker_copy.py compares it with Rasa's copy after every event.
"""

from __future__ import annotations

import copy
import dataclasses

from rasa.shared.core.trackers import DialogueStateTracker

RASA_COPY = DialogueStateTracker.copy


def copy_tracker(tracker: DialogueStateTracker) -> DialogueStateTracker:
    """Same as Rasa's `tracker.copy()`."""
    if type(tracker.slots) is not dict:  # a tracker without a domain (any slot goes): Rasa's way
        return RASA_COPY(tracker)
    new = tracker.init_copy()
    new.events = new._create_events(list(tracker.events))
    new.slots = {name: copy.copy(slot) for name, slot in tracker.slots.items()}
    new._paused = tracker._paused
    new.followup_action = tracker.followup_action
    new.latest_action = dict(tracker.latest_action) if tracker.latest_action is not None else None
    new.latest_message = tracker.latest_message
    new.latest_bot_utterance = tracker.latest_bot_utterance
    new.active_loop = dataclasses.replace(tracker.active_loop) if tracker.active_loop else tracker.active_loop
    return new


def install() -> None:
    DialogueStateTracker.copy = copy_tracker
