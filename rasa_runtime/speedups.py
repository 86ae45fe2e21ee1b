"""Per-message overhead in Rasa that has the same result when computed once or left out.

`install()` puts all of them in place (rasa_runtime/__main__.py does, before Rasa starts):
- the applied events of a conversation are worked out once per event (rasa_runtime/applied_events.py);
- the dialogue states of a conversation are replayed once per event (rasa_runtime/past_states.py);
- a tracker is copied from its state, not by replaying its events (rasa_runtime/tracker_copy.py);
- the rule policy matches its rules on the states its rules can reach (rasa_runtime/rules.py);
- the featurizer prepares only the states a policy looks at (rasa_runtime/state_tail.py);
- an action gets the current turn, not the whole conversation, when endpoints.yml says
  `send_events: turn` (rasa_runtime/action_call.py);
- the model graph runs node by node without dask's scheduler (rasa_runtime/graph_runner.py);
- action-server replies are checked by one validator, built once (below);
- "is the domain empty?", asked at every message, compares with an empty domain made once (below).

Rasa validates every action-server reply with `jsonschema.validate(reply, schema)`, which checks
the (constant) schema against its meta-schema and builds a new validator on every call: 13 % of
the Rasa process's time under load (py-spy), for the answers that come from the action server.
`install()` makes Rasa validate each reply against one validator built once: the same schema and
the same error (a `jsonschema.ValidationError` with Rasa's message) for an invalid reply.
"""

from __future__ import annotations

from typing import Any

HINT = (
    ". Failed to validate Action server response from API, make sure your response from the "
    "Action endpoint is valid. For more information about the format visit "
    "https://rasa.com/docs/rasa/custom-actions"
)


def reply_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def install() -> None:
    from rasa_runtime import (
        action_call,
        applied_events,
        graph_runner,
        past_states,
        rules,
        state_tail,
        tracker_copy,
    )

    action_call.install()
    applied_events.install()
    graph_runner.install()
    past_states.install()
    tracker_copy.install()
    rules.install()
    state_tail.install()
    install_reply_validator()
    install_empty_domain_check()


def install_empty_domain_check() -> None:
    """Rasa builds a whole empty Domain to compare with, per message (`Domain.is_empty`)."""
    from rasa.shared.core.domain import Domain

    empty: list = []

    def is_empty(self: Domain) -> bool:
        if not empty:
            empty.append(Domain.empty().as_dict())
        return self.as_dict() == empty[0]

    Domain.is_empty = is_empty


def install_reply_validator() -> None:
    from jsonschema.exceptions import best_match
    from rasa.core.actions.action import RemoteAction

    validator = reply_validator()

    def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
        error = best_match(validator.iter_errors(result))
        if error is not None:
            error.message += HINT
            raise error
        return True

    RemoteAction._validate_action_result = _validate_action_result
