"""A copy made from the tracker's state equals Rasa's replayed copy, after every event."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime.tracker_copy import RASA_COPY, copy_tracker
from tests.rasa_runtime.dialogues import turns


def state(tracker: DialogueStateTracker) -> dict:
    """Everything a tracker holds (events by identity), without rasa_runtime's kept results."""
    fields = {k: v for k, v in vars(tracker).items() if not k.startswith("_rasa_runtime")}
    fields["events"] = [id(e) for e in tracker.events]
    fields["slots"] = {name: (slot.value, vars(slot)) for name, slot in tracker.slots.items()}
    return fields


@pytest.mark.parametrize("seed", range(6))
def test_same_as_rasas_copy_after_every_event(domain, seed):
    tracker = DialogueStateTracker("anna", domain.slots)
    tracker.model_id = "model"  # set by Rasa's processor; a copy starts without it, as in Rasa
    for turn in turns(seed, 40):
        for event in turn:
            tracker.update(event)
            assert state(copy_tracker(tracker)) == state(RASA_COPY(tracker)), (seed, event)


def test_the_copy_is_independent(domain):
    tracker = DialogueStateTracker("anna", domain.slots)
    for turn in turns(2, 10):
        for event in turn:
            tracker.update(event)
    before = state(tracker)
    duplicate = copy_tracker(tracker)
    duplicate.update(SlotSet("deadline_kind", "appeal"))
    duplicate.update(ActionExecuted("utter_greet"))
    duplicate.change_loop_to("prep_form")
    duplicate.active_loop.rejected = True
    assert state(tracker) == before
