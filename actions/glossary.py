"""Explain a jargon word ("wat is een aanmaning?", "c'est quoi un motif légitime ?")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from lexicon import terms
from lexicon.terms import Glossary

UNKNOWN = "utter_term_unknown"


def pick_term(glossary: Glossary, entity_value: str | None, text: str, language: str | None) -> str | None:
    """The term to explain: a button's entity first, else the first jargon word in the message.

    Everyday words (OCMW, leefloon) count only when the message names no jargon word.
    """
    if entity_value and entity_value in glossary.terms:
        return entity_value
    found = glossary.find(text or "", language) or glossary.find(text or "")
    jargon = [term for term in found if term.offer]
    chosen = (jargon or found)[:1]
    return chosen[0].key if chosen else None


def response_for(term_key: str | None) -> str:
    return f"utter_term_{term_key}" if term_key else UNKNOWN


class ActionExplainTerm(Action):
    def name(self) -> str:
        return "action_explain_term"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        language = (message.get("metadata") or {}).get("language")
        key = pick_term(
            terms.load(),
            next(tracker.get_latest_entity_values("term"), None),
            message.get("text", ""),
            language,
        )
        dispatcher.utter_message(response=response_for(key))
        return []
