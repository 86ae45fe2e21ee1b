"""action_deadline: a date in the question gets a computed answer; no date gets the usual one."""

from __future__ import annotations

from datetime import date

from actions.deadline import plan

TODAY = date(2026, 11, 22)


def test_appeal_question_with_a_date_gets_the_computed_date():
    response, arguments, slots = plan(
        "ask_date_helper",
        "ik heb mijn beslissing gekregen op 3 maart, tot wanneer kan ik in beroep gaan?",
        None,
        {},
        TODAY,
    )
    assert response == "utter_deadline_appeal"
    assert arguments == {"given_date": "2026-03-03", "result_date": "2026-06-03"}


def test_a_faq_question_without_a_date_gets_the_usual_answer_and_a_date_given_next_is_used():
    response, _, slots = plan("ask_appeal_deadline", "tot wanneer kan ik in beroep gaan", None, {}, TODAY)
    assert response == "utter_ask_appeal_deadline"
    response, arguments, _ = plan("inform_date", "op 31 januari", None, slots, TODAY)
    assert response == "utter_deadline_appeal"
    assert arguments["result_date"] == "2026-04-30"


def test_a_faq_question_with_a_date_is_computed():
    response, arguments, _ = plan("ask_reflection_period", "ik kreeg de tekst op 29/12", None, {}, TODAY)
    assert response == "utter_deadline_reflection"
    assert arguments["result_date"] == "2026-01-03"


def test_missing_date_is_asked_and_the_kind_remembered():
    response, _, slots = plan("ask_date_helper", "reken uit tot wanneer ik in beroep kan", None, {}, TODAY)
    assert response == "utter_ask_deadline_date"
    assert slots == {"deadline_kind": "appeal"}
    response, arguments, slots = plan("inform_date", "3 maart", None, slots, TODAY)
    assert response == "utter_deadline_appeal"
    assert slots == {"deadline_kind": None, "deadline_date": None}


def test_missing_kind_is_asked_with_buttons_and_the_date_remembered():
    response, _, slots = plan("inform_date", "op 2 april", None, {}, TODAY)
    assert response == "utter_ask_deadline_kind"
    assert slots == {"deadline_date": "2026-04-02"}
    response, arguments, _ = plan("ask_date_helper", "/ask_date_helper", "meeting", slots, TODAY)
    assert response == "utter_deadline_meeting"
    assert arguments["result_date"] == "2026-04-10"
