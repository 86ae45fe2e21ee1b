"""Answer deadline questions with a computed date when the user gives one.

"ik kreeg mijn beslissing op 3 maart, tot wanneer kan ik in beroep gaan?" gets the date. The
same questions without a date get the usual answer (utter_<intent>).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.deadlines import KINDS, compute, deadline_kind, parse_date

KIND_OF_INTENT = {
    "ask_appeal_deadline": "appeal",
    "ask_reflection_period": "reflection",
    "ask_meeting_request": "meeting",
    "ask_sanction_start": "suspension",
}


def plan(
    intent: str, text: str, entity_kind: str | None, slots: dict[str, Any], today: date
) -> tuple[str, dict[str, str], dict[str, Any]]:
    """(response, arguments, slots to set) for one message. Pure, for tests."""
    given = parse_date(text, today)
    if given is None and intent != "inform_date" and slots.get("deadline_date") and entity_kind:
        given = date.fromisoformat(slots["deadline_date"])
    if intent in KIND_OF_INTENT and given is None:
        # The usual answer invites the user to give a date; remember what to compute with it.
        return f"utter_{intent}", {}, {"deadline_kind": KIND_OF_INTENT[intent]}
    kind = entity_kind if entity_kind in KINDS else None
    kind = kind or KIND_OF_INTENT.get(intent) or deadline_kind(text) or slots.get("deadline_kind")
    if given is None:
        return "utter_ask_deadline_date", {}, {"deadline_kind": kind}
    if kind is None:
        return "utter_ask_deadline_kind", {}, {"deadline_date": given.isoformat()}
    return f"utter_deadline_{kind}", compute(kind, given), {"deadline_kind": None, "deadline_date": None}


class ActionDeadline(Action):
    def name(self) -> str:
        return "action_deadline"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        response, arguments, slots = plan(
            intent=(message.get("intent") or {}).get("name", ""),
            text=message.get("text") or "",
            entity_kind=next(tracker.get_latest_entity_values("deadline_kind"), None),
            slots={name: tracker.get_slot(name) for name in ("deadline_kind", "deadline_date")},
            today=date.today(),
        )
        dispatcher.utter_message(response=response, **arguments)
        return [SlotSet(name, value) for name, value in slots.items()]
