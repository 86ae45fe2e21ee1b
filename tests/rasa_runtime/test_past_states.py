"""The kept replay gives the policies the same dialogue states as Rasa's full replay."""

from __future__ import annotations

import pytest
from rasa.core.featurizers.tracker_featurizers import MaxHistoryTrackerFeaturizer, TrackerFeaturizer
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime import past_states as kept
from tests.rasa_runtime.dialogues import answer, turns

RASA_CREATE_STATES = TrackerFeaturizer.__dict__["_create_states"]
RULE_ONLY = {"slots": ["requested_slot"], "loops": ["prep_form"]}
OPTIONS = [
    dict(),
    dict(ignore_rule_only_turns=True, rule_only_data=RULE_ONLY),
    dict(omit_unset_slots=True),
]


def new_tracker(domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("anna", domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    return tracker


@pytest.mark.parametrize("seed", range(6))
def test_same_states_as_rasa_at_every_event(domain, seed):
    tracker = new_tracker(domain)
    for turn in turns(seed, 40):
        for event in turn:
            tracker.update(event)
            for options in OPTIONS:
                assert kept.past_states(tracker, domain, **options) == domain.states_for_tracker_history(
                    tracker, **options
                ), (seed, event, options)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("max_history", [3, None])
def test_policies_see_the_same_states_when_they_change_them_in_place(domain, seed, max_history, monkeypatch):
    """The featurizers change the states they get; the next message must not see a difference."""
    featurizer = MaxHistoryTrackerFeaturizer(None, max_history=max_history)
    tracker = new_tracker(domain)
    for turn in turns(seed, 40):
        for event in turn:
            tracker.update(event)
        for text_first in (True, False):
            for options in ({}, {"ignore_rule_only_turns": True, "rule_only_data": RULE_ONLY}):
                monkeypatch.setattr(TrackerFeaturizer, "_create_states", RASA_CREATE_STATES)
                expected = featurizer.prediction_states([tracker], domain, text_first, **options)
                monkeypatch.setattr(TrackerFeaturizer, "_create_states", staticmethod(kept.past_states))
                assert featurizer.prediction_states([tracker], domain, text_first, **options) == expected


def test_the_next_message_replays_only_its_own_events(domain, monkeypatch):
    tracker = new_tracker(domain)
    for turn in turns(1, 30):
        for event in turn:
            tracker.update(event)
    kept.past_states(tracker, domain)

    replayed = []
    update = DialogueStateTracker.update
    monkeypatch.setattr(
        DialogueStateTracker, "update", lambda self, e, *a: replayed.append(e) or update(self, e, *a)
    )
    new = answer("thank")
    for event in new:
        tracker.update(event)
    replayed.clear()
    states = kept.past_states(tracker, domain)
    assert replayed == new
    assert states == domain.states_for_tracker_history(tracker)


def test_another_domain_gets_its_own_replay(domain, root):
    tracker = new_tracker(domain)
    for event in answer("greet"):
        tracker.update(event)
    kept.past_states(tracker, domain)
    other = Domain.load(str(root / "domain.yml"))
    assert kept.past_states(tracker, other) == other.states_for_tracker_history(tracker)
    assert tracker.__dict__[kept.ATTRIBUTE][(False, False, "null")].domain is other
