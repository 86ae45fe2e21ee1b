"""The policies' featurizer prepares only the states a policy looks at, not the whole conversation.

After making the states, Rasa's MaxHistoryTrackerFeaturizer goes over all of them in Python (to drop
`action_unlikely_intent` turns and to choose text or intent for each message) before keeping the
last `max_history`; for the rule policy, which has no `max_history`, all of them are kept, and the
rule policy looks only at as many as its longest rule (rasa_runtime/rules.py). In long
conversations these passes cost more than the policies themselves (py-spy).

`prediction_states` below does the same on the last states only: the last `max_history`, or the
last `TAIL` when a policy sets that on its featurizer (the rule policy sets its reach). When
dropping `action_unlikely_intent` turns would shorten that tail, it goes over all states, as Rasa.
tests/rasa_runtime/test_state_tail.py compares it with Rasa's.
"""

from __future__ import annotations

from typing import Any

from rasa.core.featurizers.tracker_featurizers import MaxHistoryTrackerFeaturizer

TAIL = "_rasa_runtime_tail"
RASA_PREDICTION_STATES = MaxHistoryTrackerFeaturizer.prediction_states


def prediction_states(
    self: MaxHistoryTrackerFeaturizer,
    trackers: list,
    domain: Any,
    use_text_for_last_user_input: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict | None = None,
    ignore_action_unlikely_intent: bool = False,
) -> list:
    keep = self.max_history or self.__dict__.get(TAIL)
    if not keep:
        return RASA_PREDICTION_STATES(
            self,
            trackers,
            domain,
            use_text_for_last_user_input,
            ignore_rule_only_turns,
            rule_only_data,
            ignore_action_unlikely_intent,
        )
    trackers_as_states = []
    for tracker in trackers:
        states = self._create_states(
            tracker, domain, ignore_rule_only_turns=ignore_rule_only_turns, rule_only_data=rule_only_data
        )
        tail = states[-keep:]
        if ignore_action_unlikely_intent:
            left = self._remove_action_unlikely_intent_from_states(tail)
            tail = left if len(left) == len(tail) else self._remove_action_unlikely_intent_from_states(states)
        trackers_as_states.append(self.slice_state_history(tail, keep))
    self._choose_last_user_input(trackers_as_states, use_text_for_last_user_input)
    return trackers_as_states


def install() -> None:
    MaxHistoryTrackerFeaturizer.prediction_states = prediction_states
