"""The walk-through moves on as a user would expect: loops per topic, skips, edits."""

from __future__ import annotations

from datetime import date

from actions.when import parse_when
from prep import flow

TODAY = date(2026, 11, 23)
STAGE_TITLES = {"first": "Ik heb binnenkort mijn eerste gesprek", "sign": "Ik moet mijn GPMI tekenen"}
TOPIC_TITLES = {"housing": "Wonen", "work": "Werk", "money": "Geld en schulden"}


def apply(slots, step):
    return {**slots, **step.slots}


def test_a_button_a_title_or_a_typed_word_give_the_same_stage():
    assert flow.on_stage({}, '/prep_answer{"prep_choice":"sign"}', STAGE_TITLES).slots["prep_stage"] == "sign"
    assert flow.on_stage({}, "ik moet mijn gpmi tekenen", STAGE_TITLES).slots["prep_stage"] == "sign"
    assert flow.on_stage({}, "bientôt mon premier rendez-vous", {}).slots["prep_stage"] == "first"


def test_having_to_sign_soon_brings_the_reflection_time_reminder():
    assert ("utter_prep_stage_sign", {}) in flow.on_stage({}, "tekenen", STAGE_TITLES).say


def test_when_in_doubt_urgent_help_comes_first():
    step = flow.on_urgent({}, "ik heb geen eten meer", {"ok": "Het gaat", "urgent": "Er is iets dringend"})
    assert step.slots["prep_urgent"] == "urgent" and step.say == [("utter_prep_urgent", {})]


def test_nothing_as_strength_gets_a_hint_once_then_is_kept():
    first = flow.on_strengths({}, "niets")
    assert first.slots["prep_strengths"] is None and first.say == [("utter_prep_strengths_hint", {})]
    second = flow.on_strengths(apply({}, first), "niets")
    assert second.slots["prep_strengths"] == "niets"


def test_several_topics_are_recognised_and_asked_one_by_one():
    slots = apply({}, flow.on_domains({}, "Wonen, Werk", TOPIC_TITLES))
    assert slots["prep_domains"] == ["housing", "work"] and slots["prep_topic"] == "housing"
    slots = apply(slots, flow.on_now(slots, "te klein"))
    slots = apply(slots, flow.on_change(slots, "een groter huis"))
    assert slots["prep_topic"] == "work" and slots["prep_now"] is None
    slots = apply(slots, flow.on_now(slots, "geen werk"))
    slots = apply(slots, flow.on_change(slots, "een job"))
    assert [n["topic"] for n in slots["prep_notes"]] == ["housing", "work"]
    assert slots["prep_notes"][0] == {"topic": "housing", "now": "te klein", "change": "een groter huis"}
    assert slots["prep_now"] == "geen werk"  # filled: the form moves on


def test_a_topic_in_own_words_is_kept_as_typed():
    slots = flow.on_domains({}, "mijn hond", TOPIC_TITLES).slots
    assert slots["prep_domains"] == ["mijn hond"] and slots["prep_priorities"] == ["mijn hond"]


def test_at_most_three_priorities_with_a_message_when_more_were_chosen():
    slots = {"prep_domains": ["housing", "work", "money", "health"]}
    step = flow.on_priorities(slots, "Wonen, Werk, Geld en schulden, gezondheid", TOPIC_TITLES)
    assert step.slots["prep_priorities"] == ["housing", "work", "money"]
    assert step.say == [("utter_prep_priorities_too_many", {})]


def test_each_priority_becomes_a_goal_with_a_date_shown_back():
    slots = {
        "prep_domains": ["housing", "work"],
        "prep_priorities": ["housing", "work"],
        "prep_topic": "housing",
    }
    slots = apply(slots, flow.on_goal(slots, "een huurwoning vinden"))
    step = flow.on_goal_when(slots, "tegen juni", TODAY, parse_when)
    assert ("utter_prep_when_shown", {"when_date": "2027-06-30"}) in step.say
    slots = apply(slots, step)
    assert slots["prep_topic"] == "work" and slots["prep_goal"] is None
    slots = apply(slots, flow.on_goal(slots, "werk zoeken"))
    step = flow.on_goal_when(slots, "als het kan", TODAY, parse_when)
    assert ("utter_prep_when_kept", {}) in step.say
    goals = apply(slots, step)["prep_goals"]
    assert goals[0] == {
        "topic": "housing",
        "goal": "een huurwoning vinden",
        "when_text": "tegen juni",
        "when_date": "2027-06-30",
    }
    assert goals[1]["when_date"] is None and goals[1]["when_text"] == "als het kan"


def test_skipping_leaves_out_the_question_and_the_ones_that_depend_on_it():
    assert flow.on_skip({}, "prep_dream").slots == {"prep_dream": flow.SKIP}
    slots = {"prep_domains": flow.SKIP, "prep_priorities": flow.SKIP}
    needed = flow.required(slots)
    assert "prep_now" not in needed and "prep_goal" not in needed and "prep_dream" in needed


def test_the_suggested_questions_and_own_questions_are_both_kept():
    titles = {
        "what_if": "Wat gebeurt er als iets niet lukt?",
        "read_home": "Mag ik de tekst eerst thuis lezen?",
    }
    step = flow.on_questions({}, "Wat gebeurt er als iets niet lukt?, Krijg ik een kopie?", titles)
    assert step.slots["prep_questions"] == {"chosen": ["what_if"], "own": "Krijg ik een kopie?"}


def test_editing_a_part_empties_it_and_asks_the_summary_again():
    slots = {"prep_confirm": "edit", "prep_step": "bellen", "prep_domains": ["housing"]}
    assert "prep_edit" in flow.required(slots)
    step = flow.on_edit(slots, '/prep_answer{"prep_choice":"step"}', {})
    assert step.slots["prep_step"] is None and step.slots["prep_confirm"] is None
    edited = apply(slots, step)
    assert "prep_edit" not in flow.required(edited)
    assert next(s for s in flow.required(edited) if edited.get(s) is None) == "prep_stage"


def test_an_unclear_confirmation_is_asked_again():
    assert flow.on_confirm({}, "hmm", {"ok": "Klopt", "edit": "Aanpassen"}).slots == {"prep_confirm": None}
    assert flow.on_confirm({}, "Klopt", {"ok": "Klopt", "edit": "Aanpassen"}).slots == {"prep_confirm": "ok"}
