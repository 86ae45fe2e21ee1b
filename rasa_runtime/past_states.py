"""The dialogue states of a conversation, made once per event instead of once per prediction.

Before every prediction each policy asks for the conversation as a list of states
(`DialogueStateTracker.past_states`). Rasa replays every event of the conversation into a fresh
tracker to make them: several times per message, and the longer the conversation, the longer it
takes (the main cost of the dialogue policies under load, py-spy).

This keeps the replay on the tracker object: the events applied so far, the replay tracker and
the states made from it. When the same tracker asks again with events appended (the next step of
the same message, or the next message, as the tracker store keeps trackers in memory), only the new
events are replayed. Whatever could change earlier states (another domain, a rewind, a restart, a
new session, a form's own steps, which Rasa may fold away) makes a full replay, which becomes the
new starting point. The states are the same as Rasa's, list for list
(tests/rasa_runtime/test_past_states.py compares them on conversations with forms and rewinds).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

ATTRIBUTE = "_rasa_runtime_replays"


@dataclass
class Replay:
    domain: Any
    applied: list = field(default_factory=list)  # applied events, in the order replayed
    replayed: int = 0  # how many of `applied` the replay tracker holds
    tracker: DialogueStateTracker | None = None
    states: list = field(default_factory=list)
    last_ml_action: Any = None
    turn_was_hidden: bool = False


def rule_only_key(rule_only_data: dict | None) -> str:
    return json.dumps(rule_only_data, sort_keys=True, default=str)


def step(domain: Any, tr: DialogueStateTracker, hide: bool, replay: Replay, options: tuple) -> tuple:
    """One pass of the loop body of `Domain.states_for_tracker_history`, without changing `replay`.

    Returns the state (None when the turn is hidden) and the carried values after this turn.
    """
    omit_unset_slots, ignore_rule_only_turns, rule_only_data = options
    last_ml_action, turn_was_hidden = replay.last_ml_action, replay.turn_was_hidden
    if ignore_rule_only_turns:
        if not turn_was_hidden:
            last_ml_action = domain._get_prev_action_sub_state(tr)
        if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
            turn_was_hidden = hide
        if turn_was_hidden:
            return None, last_ml_action, turn_was_hidden
    state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
    if ignore_rule_only_turns:
        domain._remove_rule_only_features(state, rule_only_data)
        if replay.states:
            domain._substitute_rule_only_user_input(state, replay.states[-1])
        if last_ml_action:
            state[PREVIOUS_ACTION] = last_ml_action
    return domain._clean_state(state), last_ml_action, turn_was_hidden


def past_states(
    tracker: DialogueStateTracker,
    domain: Any,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict | None = None,
) -> list:
    """Same result as `domain.states_for_tracker_history(tracker, …)`."""
    options = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    replays = tracker.__dict__.setdefault(ATTRIBUTE, {})
    key = (omit_unset_slots, ignore_rule_only_turns, rule_only_key(rule_only_data))
    replay = replays.get(key)
    if replay is not None and replay.domain is not domain:
        replay = None
    applied = tracker.applied_events()  # (rasa_runtime/applied_events.py makes this cheap)
    if replay is None or applied[: replay.replayed] != replay.applied[: replay.replayed]:
        replay = Replay(domain, tracker=tracker.init_copy())
    replay.applied = applied
    replays[key] = replay

    for event in applied[replay.replayed :]:
        if isinstance(event, ActionExecuted):
            state, replay.last_ml_action, replay.turn_was_hidden = step(
                domain, replay.tracker, event.hide_rule_turn, replay, options
            )
            if state is not None:
                replay.states.append(state)
        replay.tracker.update(event)
    replay.replayed = len(applied)

    # The state after the last event is made anew each time: callers change it in place.
    last, _, _ = step(domain, replay.tracker, False, replay, options)
    return replay.states + ([last] if last is not None else [])


def install() -> None:
    """Make the policies' featurizers in this process use the kept replay.

    Only the featurizers are changed, not `DialogueStateTracker.past_states` itself: they change
    the states they get in place in one way only (the text of a message goes where its intent is
    known), which they would do to fresh states all the same.
    """
    from rasa.core.featurizers.tracker_featurizers import TrackerFeaturizer

    TrackerFeaturizer._create_states = staticmethod(past_states)
