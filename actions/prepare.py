"""The goal-preparation walk-through (Rasa form `prep_form`) and what it hands to bot/.

The form asks one question per turn; prep/flow.py decides what an answer means. Here: reading
the message (skip, side question, button), answering a side question before asking again, the
dynamic questions (priorities, summary) and the hand-over of the finished sheet to bot/.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import deadline, glossary
from actions.texts import labeller, language_of, titles
from actions.when import parse_when
from lexicon import terms
from prep import flow
from prep.summary import as_text, collect, sections, topic_name
from prep.topics import ORDER

REQUESTED = "requested_slot"
SIDE_CONFIDENCE = 0.4  # intent confidences of the linear classifier are spread; the question form counts too
URGENT_CONFIDENCE = 0.8
QUESTION_START = re.compile(
    r"^(wat|wa|hoe|wanneer|waarom|wie|waar|welke|mag|moet|kan|kun|heb|is|zijn|krijg|hoeveel|"
    r"que|quoi|qu|comment|quand|pourquoi|qui|ou|où|quel|quelle|est-ce|est ce|puis|dois|peut|"
    r"c'est quoi|c quoi)\b",
    re.IGNORECASE,
)
BUTTON_PREFIXES = {
    "prep_stage": ("utter_ask_prep_stage", flow.STAGES),
    "prep_urgent": ("utter_ask_prep_urgent", ("ok", "urgent")),
    "prep_confirm": ("utter_ask_prep_confirm", ("ok", "edit")),
    "prep_edit": ("utter_ask_prep_edit", flow.EDIT_PARTS),
    "prep_domains": ("utter_ask_prep_domains", ORDER),
    "prep_questions": ("prep_question", flow.QUESTIONS),
}


def is_skip(intent: str, confidence: float, text: str) -> bool:
    """'Liever niet', 'je préfère passer', the skip button; a short 'nee' / 'non' too."""
    if text.strip() == "/prep_skip":
        return True
    short_no = intent == "deny" and len(text.split()) <= 3
    return (intent == "prep_skip" or short_no) and confidence >= 0.5


def is_side_question(intent: str, confidence: float, text: str, slot: str | None) -> bool:
    """A question about rights in the middle of the walk-through, rather than an answer to it."""
    if text.startswith("/"):
        return intent.startswith("ask_")
    if intent.startswith("urgent_") or intent == "report_suspension":
        return confidence >= URGENT_CONFIDENCE
    if slot == "prep_questions" or not intent.startswith("ask_"):
        return False  # questions for the social worker are answers here
    looks_like_question = "?" in text or QUESTION_START.match(text.strip()) is not None
    return confidence >= SIDE_CONFIDENCE and looks_like_question


def side_answer(intent: str, message: dict[str, Any], tracker: Tracker, domain: dict) -> tuple[str, dict]:
    """The answer the assistant gives to that question outside the walk-through."""
    text = message.get("text") or ""
    if intent == "ask_definition":
        key = glossary.pick_term(
            terms.load(), next(tracker.get_latest_entity_values("term"), None), text, language_of(message)
        )
        return glossary.response_for(key), {}
    if intent in deadline.KIND_OF_INTENT or intent == "ask_date_helper":
        response, arguments, _slots = deadline.plan(intent, text, None, {}, date.today())
        return response, arguments
    response = f"utter_{intent}"
    return (response if response in (domain.get("responses") or {}) else "utter_default"), {}


def interpret(slot: str, text: str, slots: dict[str, Any], language: str) -> flow.Step:
    """What the answer to `slot` means for the walk-through."""
    today = date.today()
    options: dict[str, str] = {}
    if slot in BUTTON_PREFIXES:
        prefix, codes = BUTTON_PREFIXES[slot]
        options = titles(language, prefix, codes)
    handlers = {
        "prep_stage": lambda: flow.on_stage(slots, text, options),
        "prep_urgent": lambda: flow.on_urgent(slots, text, options),
        "prep_strengths": lambda: flow.on_strengths(slots, text),
        "prep_domains": lambda: flow.on_domains(slots, text, options),
        "prep_now": lambda: flow.on_now(slots, text),
        "prep_change": lambda: flow.on_change(slots, text),
        "prep_priorities": lambda: flow.on_priorities(slots, text, priority_titles(slots, language)),
        "prep_goal": lambda: flow.on_goal(slots, text),
        "prep_goal_when": lambda: flow.on_goal_when(slots, text, today, parse_when),
        "prep_step": lambda: flow.on_step(slots, text, today, parse_when),
        "prep_need": lambda: flow.on_need(slots, text),
        "prep_expect": lambda: flow.on_expect(slots, text),
        "prep_obstacles": lambda: flow.on_obstacles(slots, text),
        "prep_questions": lambda: flow.on_questions(slots, text, options),
        "prep_confirm": lambda: flow.on_confirm(slots, text, options),
        "prep_edit": lambda: flow.on_edit(slots, text, options),
    }
    handler = handlers.get(slot)
    return handler() if handler else flow.Step({slot: text})


def priority_titles(slots: dict[str, Any], language: str) -> dict[str, str]:
    label = labeller(language)
    return {topic: topic_name(topic, label, capital=True) for topic in flow.topics_of(slots, "prep_domains")}


def current_slots(tracker: Tracker) -> dict[str, Any]:
    return {name: tracker.get_slot(name) for name in flow.ALL_SLOTS}


class ValidatePrepForm(Action):
    """Reads each answer of the walk-through and chooses the next question."""

    def name(self) -> str:
        return "validate_prep_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        slots = current_slots(tracker)
        slot = tracker.get_slot(REQUESTED)
        message = tracker.latest_message or {}
        text = tracker.slots_to_validate().get(slot) if slot else None
        updates: dict[str, Any] = {}
        if slot in flow.FORM_SLOTS and isinstance(text, str):
            intent = (message.get("intent") or {}).get("name") or ""
            confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
            if is_skip(intent, confidence, text):
                step = flow.on_skip(slots, slot)
            elif is_side_question(intent, confidence, text, slot):
                response, arguments = side_answer(intent, message, tracker, domain)
                dispatcher.utter_message(response=response, **arguments)
                step = flow.Step({slot: None}, [("utter_prep_back", {})])
            else:
                step = interpret(slot, text, slots, language_of(message))
            for response, arguments in step.say:
                dispatcher.utter_message(response=response, **arguments)
            updates = step.slots
        merged = {**slots, **updates}
        following = next((s for s in flow.required(merged) if merged.get(s) is None), None)
        return [SlotSet(name, value) for name, value in updates.items()] + [SlotSet(REQUESTED, following)]


class AskPrepPriorities(Action):
    """The priorities question offers the topics the user chose (several may be ticked)."""

    def name(self) -> str:
        return "action_ask_prep_priorities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        language = language_of(tracker.latest_message)
        options = priority_titles(current_slots(tracker), language)
        buttons = [
            {"title": title, "payload": choice_payload(topic) if topic in ORDER else title}
            for topic, title in options.items()
        ]
        custom = {"select": "many", "max": flow.MAX_PRIORITIES} if len(buttons) > 1 else {}
        dispatcher.utter_message(
            response="utter_ask_prep_priorities", buttons=buttons, json_message=custom or None
        )
        return []


def choice_payload(code: str) -> str:
    return '/prep_answer{"prep_choice":"' + code + '"}'


class AskPrepConfirm(Action):
    """Before the last question: the rights reminder (once) and the summary in the user's words."""

    def name(self) -> str:
        return "action_ask_prep_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        slots = current_slots(tracker)
        if not slots.get("prep_rights_shown"):
            dispatcher.utter_message(response="utter_prep_rights")
        summary = as_text(sections(collect(slots), labeller(language_of(tracker.latest_message))))
        dispatcher.utter_message(response="utter_prep_summary", summary=summary)
        dispatcher.utter_message(response="utter_ask_prep_confirm")
        return [SlotSet("prep_rights_shown", True)]


class PrepDone(Action):
    """The walk-through is finished: hand the answers to bot/, which keeps the sheet."""

    def name(self) -> str:
        return "action_prep_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            response="utter_prep_done", json_message={"prep_sheet": collect(current_slots(tracker))}
        )
        return []


class PrepReset(Action):
    """Start the walk-through again from nothing."""

    def name(self) -> str:
        return "action_prep_reset"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        return [SlotSet(name, value) for name, value in flow.reset().items()]
