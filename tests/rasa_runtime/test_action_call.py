"""The actions answer the same when they get only the current turn of a long conversation."""

from __future__ import annotations

import copy

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk.executor import ActionExecutor

from rasa_runtime import action_call
from tests.rasa_runtime.dialogues import INTENTS, answer

TURN_ONLY = {"send_events": "turn", "enable_selective_domain": True}


@pytest.fixture(scope="module")
def executor():
    executor = ActionExecutor()
    executor.register_package("actions")
    return executor


def long_conversation(domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("anna", domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    for intent in INTENTS * 20:
        for event in answer(intent):
            tracker.update(event)
    return tracker


def message(text: str, intent: str, language: str = "nl", entities: list | None = None) -> UserUttered:
    parse = {"intent": {"name": intent, "confidence": 0.95}, "entities": entities or [], "text": text}
    return UserUttered(
        text, parse["intent"], entities or [], parse_data=parse, metadata={"language": language}
    )


def deadline_turn(tracker) -> None:
    tracker.update(message("ik kreeg de beslissing op 3 maart, tot wanneer beroep?", "ask_appeal_deadline"))


def glossary_turn(tracker) -> None:
    tracker.update(
        message(
            "wat betekent aanmaning", "ask_definition", entities=[{"entity": "term", "value": "aanmaning"}]
        )
    )


def form_turn(tracker) -> None:
    tracker.update(message("/prep_start", "prep_start"))
    tracker.update(ActionExecuted("prep_form"))
    tracker.update(ActiveLoop("prep_form"))
    tracker.update(SlotSet("requested_slot", "prep_stage"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(message("ik zoek werk", "prep_answer"))
    tracker.update(SlotSet("prep_stage", "ik zoek werk"))  # the form's slot candidate, at the end


async def answers(executor, payload) -> dict:
    reply = await executor.run(copy.deepcopy(payload))
    return {"events": reply["events"], "responses": reply["responses"]}


@pytest.mark.parametrize(
    "action, turn, shows",
    [
        ("action_deadline", deadline_turn, "utter_deadline_appeal"),
        ("action_explain_term", glossary_turn, "utter_term_aanmaning"),
        ("validate_prep_form", form_turn, "prep_stage"),
    ],
)
async def test_same_answer_from_the_current_turn(domain, executor, action, turn, shows):
    tracker = long_conversation(domain)
    turn(tracker)
    whole = RemoteAction(action, EndpointConfig("http://actions.test"))
    turn_only = RemoteAction(action, EndpointConfig("http://actions.test", **TURN_ONLY))
    full = action_call.RASA_ACTION_CALL_FORMAT(whole, tracker, domain)
    short = action_call._action_call_format(turn_only, tracker, domain)
    assert len(short["tracker"]["events"]) < 10 < len(full["tracker"]["events"])
    assert {k: v for k, v in short["tracker"].items() if k != "events"} == {
        k: v for k, v in full["tracker"].items() if k != "events"
    }
    # (the domain is the same either way; what the action is sent of it is tested below)
    expected = await answers(executor, full)
    assert shows in str(expected)  # the action did its work: a date, an explanation, a slot
    assert await answers(executor, {**short, "domain": full["domain"]}) == expected


def test_the_domain_goes_only_to_actions_that_ask_for_it(domain):
    tracker = long_conversation(domain)
    form_turn(tracker)
    sent = {
        name: "domain"
        in action_call._action_call_format(
            RemoteAction(name, EndpointConfig("http://actions.test", **TURN_ONLY)), tracker, domain
        )
        for name in ("validate_prep_form", "action_deadline")
    }
    assert sent == {"validate_prep_form": True, "action_deadline": False}


def test_without_the_setting_rasas_request_is_sent(domain):
    tracker = long_conversation(domain)
    plain = RemoteAction("action_deadline", EndpointConfig("http://actions.test"))
    assert action_call._action_call_format(plain, tracker, domain) == action_call.RASA_ACTION_CALL_FORMAT(
        plain, tracker, domain
    )


def test_the_turn_starts_at_the_latest_user_message(domain):
    tracker = long_conversation(domain)
    deadline_turn(tracker)
    events = action_call.turn_events(tracker)
    assert isinstance(events[0], UserUttered) and events[0].text.startswith("ik kreeg")
    assert events[-1] is tracker.events[-1]
    assert action_call.turn_events(DialogueStateTracker("new", domain.slots)) == []
