"""Conversations as Rasa's processor would record them, built from random turns of this domain."""

from __future__ import annotations

import random

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)

LISTEN = "action_listen"
INTENTS = ["greet", "ask_what_is_gpmi", "ask_sanction", "ask_appeal", "thank", "ask_must_sign"]


def said(intent: str, text: str | None = None) -> UserUttered:
    text = text or f"something about {intent}"
    return UserUttered(text, intent={"name": intent, "confidence": 0.9})


def answer(intent: str, hidden: bool = False) -> list:
    return [
        said(intent),
        ActionExecuted(f"utter_{intent}", hide_rule_turn=hidden),
        BotUttered("…"),
        ActionExecuted(LISTEN),
    ]


def unlikely(intent: str) -> list:
    """A turn in which a policy flagged the message as unexpected before answering it."""
    return [
        said(intent),
        ActionExecuted("action_unlikely_intent"),
        ActionExecuted(f"utter_{intent}"),
        BotUttered("…"),
        ActionExecuted(LISTEN),
    ]


def form_start() -> list:
    return [
        said("prep_start"),
        ActionExecuted("utter_prep_intro"),
        BotUttered("…"),
        ActionExecuted("prep_form"),
        ActiveLoop("prep_form"),
        SlotSet("requested_slot", "prep_stage"),
        BotUttered("…"),
        ActionExecuted(LISTEN),
    ]


def form_answer(slot: str, following: str) -> list:
    return [
        said("prep_answer", "/prep_answer"),
        ActionExecuted("prep_form"),
        SlotSet(slot, "2"),
        SlotSet("requested_slot", following),
        BotUttered("…"),
        ActionExecuted(LISTEN),
    ]


def form_stop() -> list:
    return [
        said("prep_stop"),
        ActionExecuted("action_deactivate_loop"),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        ActionExecuted("utter_prep_paused"),
        BotUttered("…"),
        ActionExecuted(LISTEN),
    ]


def fallback() -> list:
    return [
        said("nlu_fallback"),
        ActionExecuted("action_default_fallback"),
        BotUttered("…"),
        UserUtteranceReverted(),
        ActionExecuted(LISTEN),
    ]


def reverted_action() -> list:
    return [said("greet"), ActionExecuted("utter_greet"), ActionReverted(), ActionExecuted(LISTEN)]


def followup() -> list:
    return [
        said("greet"),
        FollowupAction("utter_greet"),
        ActionExecuted("utter_greet"),
        BotUttered("…"),
        ActionExecuted(LISTEN),
    ]


def new_session() -> list:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted(LISTEN)]


def restart() -> list:
    return [said("restart"), ActionExecuted("action_restart"), Restarted(), ActionExecuted(LISTEN)]


def turns(seed: int, count: int) -> list[list]:
    """`count` turns: mostly questions, with walk-throughs, fallbacks, rewinds and restarts."""
    pick = random.Random(seed)
    slots = ["prep_stage", "prep_urgent", "prep_strengths", "prep_domains"]
    result, in_form = [], False
    for _ in range(count):
        roll = pick.random()
        if in_form and roll < 0.5:
            result.append(form_answer(pick.choice(slots), pick.choice(slots)))
        elif in_form and roll < 0.6:
            result.append(form_stop())
            in_form = False
        elif not in_form and roll < 0.08:
            result.append(form_start())
            in_form = True
        elif roll < 0.68:
            result.append(fallback())
        elif roll < 0.71:
            result.append(reverted_action())
        elif roll < 0.74:
            result.append(followup())
        elif roll < 0.76:
            result.append(new_session())
            in_form = False
        elif roll < 0.77:
            result.append(restart())
            in_form = False
        elif roll < 0.79:
            result.append(unlikely(pick.choice(INTENTS)))
        else:
            result.append(answer(pick.choice(INTENTS), hidden=pick.random() < 0.1))
    return result
