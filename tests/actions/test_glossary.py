"""action_explain_term: which word gets explained."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.glossary import ActionExplainTerm, pick_term, response_for
from lexicon import terms


def tracker(text: str, language: str = "nl", entities: list | None = None) -> Tracker:
    return Tracker(
        sender_id="test",
        slots={},
        latest_message={
            "text": text,
            "intent": {"name": "ask_definition"},
            "entities": entities or [],
            "metadata": {"language": language},
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("wat is een aanmaning?", "nl", "aanmaning"),
        ("wat betekent billijkheidsredenen", "nl", "billijkheidsredenen"),
        ("ça veut dire quoi une mise en demeure ?", "fr", "aanmaning"),
        ("c'est quoi un motif légitime ?", "fr", "wettige_reden"),
        ("wat is een aanmaning van het ocmw", "nl", "aanmaning"),
    ],
)
def test_picks_the_jargon_word_of_the_question(text, language, expected):
    assert pick_term(terms.load(), None, text, language) == expected


def test_a_button_entity_wins_over_the_text():
    assert pick_term(terms.load(), "uitstel", "wat is een aanmaning", "nl") == "uitstel"


def test_unknown_word_gets_the_unknown_answer():
    assert pick_term(terms.load(), None, "wat betekent flapdrol", "nl") is None
    assert response_for(None) == "utter_term_unknown"


async def test_the_action_dispatches_the_explanation_by_key():
    dispatcher = CollectingDispatcher()
    await ActionExplainTerm().run(dispatcher, tracker("wat is hoorrecht?"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_term_hoorrecht"]


async def test_the_action_uses_the_term_entity_of_a_button():
    dispatcher = CollectingDispatcher()
    entities = [{"entity": "term", "value": "uitstel"}]
    await ActionExplainTerm().run(dispatcher, tracker("/ask_definition", "fr", entities), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_term_uitstel"]
