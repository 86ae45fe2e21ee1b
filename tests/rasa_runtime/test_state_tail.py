"""The featurizer gives the same states from the tail of a conversation as from all of it."""

from __future__ import annotations

import pytest
from rasa.core.featurizers.tracker_featurizers import MaxHistoryTrackerFeaturizer
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_runtime import state_tail
from tests.rasa_runtime.dialogues import INTENTS, answer, turns

RULE_ONLY = {"slots": ["requested_slot"], "loops": ["prep_form"]}


def featurizers() -> list:
    """As the memoization policy (max_history 3) and the rule policy (none; reach 2 or 5) have them."""
    memo = MaxHistoryTrackerFeaturizer(None, max_history=3)
    rules_short, rules_long = (MaxHistoryTrackerFeaturizer(None, max_history=None) for _ in range(2))
    rules_short.__dict__[state_tail.TAIL] = 2
    rules_long.__dict__[state_tail.TAIL] = 5
    return [memo, rules_short, rules_long]


@pytest.mark.parametrize("seed", range(5))
def test_same_states_as_rasa(domain, seed):
    tracker = DialogueStateTracker("anna", domain.slots)
    for turn in turns(seed, 50):
        for event in turn:
            tracker.update(event)
        for featurizer in featurizers():
            tail = featurizer.__dict__.get(state_tail.TAIL)
            for text in (True, False):
                for options in (
                    {},
                    {"ignore_rule_only_turns": True, "rule_only_data": RULE_ONLY},
                    {"ignore_action_unlikely_intent": True},
                ):
                    ours = state_tail.prediction_states(featurizer, [tracker], domain, text, **options)
                    rasa = state_tail.RASA_PREDICTION_STATES(featurizer, [tracker], domain, text, **options)
                    if tail:  # the rule policy then keeps as many as its reach (rasa_runtime/rules.py)
                        rasa = [states[-tail:] for states in rasa]
                    assert ours == rasa, (seed, tail, text, options)


def test_a_featurizer_without_a_limit_gives_all_states(domain):
    tracker = DialogueStateTracker("anna", domain.slots)
    for intent in INTENTS * 3:
        for event in answer(intent):
            tracker.update(event)
    featurizer = MaxHistoryTrackerFeaturizer(None, max_history=None)
    states = state_tail.prediction_states(featurizer, [tracker], domain)[0]
    assert len(states) == len(tracker.past_states(domain)) > 10
