"""The kept applied events are Rasa's, after every event of a conversation."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime import applied_events as kept
from tests.rasa_runtime.dialogues import answer, turns


def same(one: list, other: list) -> bool:
    return len(one) == len(other) and all(a is b for a, b in zip(one, other, strict=True))


@pytest.mark.parametrize("seed", range(8))
def test_same_events_as_rasa_after_every_event(domain, seed):
    tracker = DialogueStateTracker("anna", domain.slots)
    for turn in turns(seed, 50):
        for event in turn:
            tracker.update(event)
            assert same(kept.applied_events(tracker), kept.RASA_APPLIED_EVENTS(tracker)), (seed, event)


def test_only_new_events_are_looked_at_and_each_caller_gets_its_own_list(domain, monkeypatch):
    tracker = DialogueStateTracker("anna", domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    for turn in turns(3, 20):
        for event in turn:
            tracker.update(event)
    first = kept.applied_events(tracker)
    first.clear()  # a caller changing its list

    asked = []
    monkeypatch.setattr(kept, "RASA_APPLIED_EVENTS", lambda t: asked.append(t) or [])
    for event in answer("thank"):
        tracker.update(event)
    again = kept.applied_events(tracker)
    assert asked == []  # worked out from the kept list
    monkeypatch.undo()
    assert same(again, kept.RASA_APPLIED_EVENTS(tracker))


def test_a_bounded_history_that_dropped_events_is_worked_out_again(domain):
    tracker = DialogueStateTracker("anna", domain.slots, max_event_history=10)
    for turn in turns(5, 20):
        for event in turn:
            tracker.update(event)
            assert same(kept.applied_events(tracker), kept.RASA_APPLIED_EVENTS(tracker))
