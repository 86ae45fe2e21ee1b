"""The rule policy looks at the end of the conversation that its rules can reach, not all of it.

To find the matching rules, Rasa's RulePolicy walks back over every state of the conversation and,
at each one, filters every remaining rule (`_get_possible_keys`), and formats and copies all states
for a debug log line: work that grows with the length of the conversation. Past the length of the
longest rule the filter keeps every rule, so only that many states can change the outcome.

`install()` makes the RulePolicy give its rule matching only the last states, as many as its
longest rule (rules and loop unhappy paths) has. It also files the rules by the action and the
intent their last step names, so only the rules filed under the conversation's last action and
intent (or under none) are tried against it: a rule that names another one cannot match. The
prediction is the same (tests/rasa_runtime/test_rules.py compares it with Rasa's on long
conversations, and on rules that look back further).
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

from rasa_runtime.state_tail import TAIL

ATTRIBUTE = "_rasa_runtime_rule_reach"
FILED = "_rasa_runtime_rules_by_action"
ANY = None  # a rule's last step that names no action before it, or no intent


def rule_reach(policy: RulePolicy) -> int:
    """The number of states of the policy's longest rule (0 when it has none)."""
    reach = policy.__dict__.get(ATTRIBUTE)
    if reach is None:
        keys = [
            key for table in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH) for key in (policy.lookup.get(table) or {})
        ]
        reach = max((len(policy._rule_key_to_state(key)) for key in keys), default=0)
        policy.__dict__[ATTRIBUTE] = reach
    return reach


def last_states(states: list, reach: int) -> list:
    return states[-reach:] if reach else states


def named(value: Any) -> Any:
    return value if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET else ANY


def label(state: dict) -> tuple:
    """The action before a (rule or conversation) state and the intent in it; ANY where unnamed."""
    action = (state.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
    intent = (state.get(USER) or {}).get(INTENT)
    return named(action), named(intent)


def filed_by_action(policy: RulePolicy, lookup: dict) -> dict:
    """The keys of `lookup` by the `label` of the last state of their rule (kept per lookup)."""
    filed = policy.__dict__.setdefault(FILED, {})
    kept = filed.get(id(lookup))
    if kept is None or kept[0] is not lookup or kept[1] != len(lookup):
        files: dict = {}
        for key in lookup:
            last = policy._rule_key_to_state(key)[-1]
            files.setdefault(label(last), set()).add(key)
        kept = filed[id(lookup)] = (lookup, len(lookup), files)
    return kept[2]


def candidates(policy: RulePolicy, lookup: dict, states: list) -> set:
    """The keys that can match the last state: filed under its action and intent, or under ANY."""
    if not states:
        return set(lookup)
    files = filed_by_action(policy, lookup)
    action, intent = label(states[-1])
    found: set = set()
    for a in {action, ANY}:
        for i in {intent, ANY}:
            found |= files.get((a, i), set())
    return found


def install_possible_keys():
    """RulePolicy._get_possible_keys that tries only the candidates (same filter after that)."""

    def _get_possible_keys(self: RulePolicy, lookup: dict, states: list) -> set:
        possible_keys = candidates(self, lookup, states)
        for i, state in enumerate(reversed(states)):
            possible_keys = {key for key in possible_keys if self._is_rule_applicable(key, i, state)}
        return possible_keys

    return _get_possible_keys


def install_prediction_states():
    """RulePolicy._prediction_states that keeps only the states the rules can reach."""

    def _prediction_states(
        self: RulePolicy,
        tracker: Any,
        domain: Any,
        use_text_for_last_user_input: bool = False,
        rule_only_data: dict | None = None,
    ) -> list:
        if self.featurizer is not None:  # its featurizer then prepares only those states
            self.featurizer.__dict__.setdefault(TAIL, rule_reach(self))
        states = Policy._prediction_states(
            self, tracker, domain, use_text_for_last_user_input, rule_only_data
        )
        return last_states(states, rule_reach(self))

    return _prediction_states


def install() -> None:
    RulePolicy._prediction_states = install_prediction_states()
    RulePolicy._get_possible_keys = install_possible_keys()
