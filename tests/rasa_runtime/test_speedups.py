"""Action-server replies are validated as strictly as by Rasa itself, with one validator."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_runtime.speedups import install_reply_validator

REPLIES = [
    {"events": [], "responses": []},
    {
        "events": [{"event": "slot", "name": "term", "value": "aanmaning"}],
        "responses": [{"response": "utter_x"}],
    },
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": [{"text": "hallo"}], "events": [{"event": "slot", "timestamp": "yesterday"}]},
]


def rasa_verdict(reply) -> bool:
    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError:
        return False


@pytest.fixture
def action():
    original = RemoteAction._validate_action_result
    install_reply_validator()
    yield RemoteAction("action_deadline", None)
    RemoteAction._validate_action_result = original


@pytest.mark.parametrize("reply", REPLIES)
def test_same_verdict_as_rasa(action, reply):
    if rasa_verdict(reply):
        assert action._validate_action_result(reply) is True
    else:
        with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
            action._validate_action_result(reply)


def test_invalid_replies_are_among_the_cases():
    assert not all(rasa_verdict(reply) for reply in REPLIES)


def test_the_empty_domain_check_gives_rasas_answer(root):
    from rasa.shared.core.domain import Domain

    from rasa_runtime.speedups import install_empty_domain_check

    ours = Domain.load(str(root / "domain.yml"))
    expected = [Domain.empty().is_empty(), ours.is_empty()]
    original = Domain.is_empty
    install_empty_domain_check()
    try:
        assert [Domain.empty().is_empty(), ours.is_empty(), ours.is_empty()] == expected + [False]
        assert expected == [True, False]
    finally:
        Domain.is_empty = original
