"""The walk-through's actions with a real rasa_sdk tracker: answers, skips, side questions, summary."""

from __future__ import annotations

import asyncio

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.prepare import AskPrepConfirm, AskPrepPriorities, PrepDone, ValidatePrepForm, is_side_question
from prep import flow


def tracker(slot, text, intent, confidence=0.95, slots=None, language="nl"):
    values = dict.fromkeys(flow.ALL_SLOTS)
    values.update(slots or {})
    values[slot] = text
    values["requested_slot"] = slot
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": [],
        "metadata": {"language": language},
    }
    events = [{"event": "user", "text": text}, {"event": "slot", "name": slot, "value": text}]
    return Tracker("s1", values, message, events, False, None, {"name": "prep_form"}, "prep_form")


def run(action, track, domain=None):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, track, domain or DOMAIN))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


DOMAIN = yaml.safe_load(open("domain.yml"))
BEFORE_DREAM = {
    "prep_stage": "first",
    "prep_urgent": "ok",
    "prep_strengths": "koken",
    "prep_domains": ["housing", "work"],
    "prep_now": "x",
    "prep_change": "y",
}


def test_a_side_question_is_answered_and_the_same_question_comes_back():
    messages, slots = run(
        ValidatePrepForm(),
        tracker(
            "prep_strengths",
            "wat is bedenktijd?",
            "ask_reflection_period",
            slots={"prep_stage": "first", "prep_urgent": "ok"},
        ),
    )
    assert [m["response"] for m in messages] == ["utter_ask_reflection_period", "utter_prep_back"]
    assert slots["prep_strengths"] is None and slots["requested_slot"] == "prep_strengths"


def test_a_jargon_button_in_the_middle_is_explained():
    track = tracker("prep_need", '/ask_definition{"term":"aanmaning"}', "ask_definition", 1.0)
    track.latest_message["entities"] = [{"entity": "term", "value": "aanmaning"}]
    messages, _ = run(ValidatePrepForm(), track)
    assert messages[0]["response"] == "utter_term_aanmaning"


def test_a_skipped_question_moves_on():
    _, slots = run(ValidatePrepForm(), tracker("prep_dream", "liever niet", "prep_skip", slots=BEFORE_DREAM))
    assert slots["prep_dream"] == flow.SKIP and slots["requested_slot"] == "prep_priorities"


def test_questions_for_the_social_worker_are_answers_not_side_questions():
    assert not is_side_question("ask_copy", 0.99, "Krijg ik een kopie?", "prep_questions")
    assert is_side_question("ask_copy", 0.99, "Krijg ik een kopie?", "prep_need")
    assert not is_side_question("ask_copy", 0.99, "een kopie van mijn contract", "prep_need")


def test_the_chosen_topics_are_recognised_from_the_button_titles_in_french():
    messages, slots = run(
        ValidatePrepForm(),
        tracker(
            "prep_domains",
            "Logement, Travail",
            "inform",
            0.4,
            slots={"prep_stage": "first", "prep_urgent": "ok", "prep_strengths": "cuisiner"},
            language="fr",
        ),
    )
    assert slots["prep_domains"] == ["housing", "work"] and slots["requested_slot"] == "prep_now"
    assert slots["prep_topic"] == "housing"


def test_the_priorities_question_offers_only_the_chosen_topics():
    track = tracker("prep_priorities", None, "inform", slots={**BEFORE_DREAM, "prep_dream": "rust"})
    messages, _ = run(AskPrepPriorities(), track)
    assert [b["title"] for b in messages[0]["buttons"]] == ["Wonen", "Werk"]
    assert messages[0]["custom"] == {"select": "many", "max": 3}


def test_the_summary_comes_with_the_rights_once_and_holds_the_users_words():
    done = {
        **BEFORE_DREAM,
        "prep_goals": [
            {"topic": "housing", "goal": "huis vinden", "when_text": "x", "when_date": "2027-06-30"}
        ],
    }
    messages, slots = run(AskPrepConfirm(), tracker("prep_confirm", None, "inform", slots=done))
    assert [m["response"] for m in messages] == [
        "utter_prep_rights",
        "utter_prep_summary",
        "utter_ask_prep_confirm",
    ]
    assert "huis vinden" in messages[1]["summary"] and "30 juni 2027" in messages[1]["summary"]
    assert slots == {"prep_rights_shown": True}
    again, _ = run(
        AskPrepConfirm(), tracker("prep_confirm", None, "inform", slots={**done, "prep_rights_shown": True})
    )
    assert [m["response"] for m in again] == ["utter_prep_summary", "utter_ask_prep_confirm"]


def test_the_finished_walk_through_hands_its_answers_to_bot():
    messages, _ = run(PrepDone(), tracker("prep_confirm", "ok", "affirm", slots=BEFORE_DREAM))
    assert messages[0]["response"] == "utter_prep_done"
    assert messages[0]["custom"]["prep_sheet"]["strengths"] == "koken"


def test_liever_niet_and_a_short_no_skip_but_a_long_answer_does_not():
    from actions.prepare import is_skip

    assert is_skip("deny", 0.9, "liever niet") and is_skip("prep_skip", 0.7, "je préfère passer")
    assert is_skip("intent_unknown", 0.1, "/prep_skip")
    assert not is_skip("deny", 0.9, "nee, ik wil eigenlijk vooral rust en een vaste job")
