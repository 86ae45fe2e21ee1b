"""POST /api/chat: sessions, language choice, and clear errors for bad input."""

from __future__ import annotations

import pytest


def chat(client, message, session=None, language=None):
    return client.post("/api/chat", json={"session": session, "message": message, "language": language})


def test_new_conversation_gets_an_unguessable_session(client):
    first = chat(client, "wat is een GPMI?").json()
    second = chat(client, "wat is een GPMI?").json()
    assert first["session"] != second["session"]
    assert len(first["session"]) >= 22


def test_the_session_is_kept_across_turns(client, fake_rasa):
    session = chat(client, "hallo").json()["session"]
    reply = chat(client, "wat is bedenktijd", session=session).json()
    assert reply["session"] == session
    assert [b["sender"] for b in fake_rasa.received] == [session, session]


def test_an_unknown_session_starts_a_new_conversation(client, fake_rasa):
    reply = chat(client, "hallo", session="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").json()
    assert reply["session"] != "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    assert fake_rasa.received[-1]["sender"] == reply["session"]


def test_the_reply_is_in_the_shape_of_the_contract(client):
    reply = chat(client, "wat is een GPMI?").json()
    assert set(reply) == {"session", "language", "messages"}
    assert reply["messages"] == [{"text": "echo:nl:wat is een GPMI?", "buttons": []}]


def test_a_french_message_is_answered_in_french_and_the_language_reaches_rasa(client, fake_rasa):
    reply = chat(client, "Qu'est-ce qu'un PIIS ?").json()
    assert reply["language"] == "fr"
    assert fake_rasa.received[-1]["metadata"] == {"language": "fr"}


def test_a_french_message_in_a_dutch_session_switches_to_french(client):
    session = chat(client, "wat gebeurt er als ik mijn afspraken niet nakom").json()["session"]
    reply = chat(client, "combien de temps pour réfléchir avant de signer ?", session=session).json()
    assert reply["language"] == "fr"


def test_the_users_choice_wins_over_detection(client):
    reply = chat(client, "wat is een GPMI?", language="fr").json()
    assert reply["language"] == "fr"


def test_an_unclear_short_message_keeps_the_session_language(client):
    session = chat(client, "je dois signer mon contrat demain").json()["session"]
    reply = chat(client, "ok", session=session).json()
    assert reply["language"] == "fr"


def test_a_button_payload_is_passed_on_as_is(client, fake_rasa):
    session = chat(client, "bonjour").json()["session"]
    chat(client, '/ask_definition{"term":"aanmaning"}', session=session)
    assert fake_rasa.received[-1]["message"] == '/ask_definition{"term":"aanmaning"}'
    assert fake_rasa.received[-1]["metadata"] == {"language": "fr"}


def test_buttons_from_rasa_reach_the_user(client, fake_rasa):
    fake_rasa.reply = lambda body: [
        {"text": "Kies", "buttons": [{"title": "Sancties", "payload": "/ask_sanction"}]}
    ]
    reply = chat(client, "hallo").json()
    assert reply["messages"][0]["buttons"] == [{"title": "Sancties", "payload": "/ask_sanction"}]


@pytest.mark.parametrize(
    "body",
    [
        {"session": None, "language": None},
        {"session": None, "message": "", "language": None},
        {"session": None, "message": "   \n ", "language": None},
        {"session": None, "message": "x" * 2001, "language": None},
        {"session": None, "message": 42, "language": None},
        {"session": None, "message": "hallo", "language": "de"},
        {"session": 12, "message": "hallo", "language": None},
    ],
)
def test_bad_input_gets_a_clear_json_error(client, fake_rasa, body):
    response = client.post("/api/chat", json=body)
    assert response.status_code == 422
    assert response.json()["error"]
    assert fake_rasa.received == []
    assert chat(client, "hallo").status_code == 200


def test_malformed_json_is_a_client_error(client):
    response = client.post("/api/chat", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code in (400, 422)
    assert response.json()["error"]


def test_a_message_of_exactly_the_limit_is_accepted(client):
    assert chat(client, "a" * 2000).status_code == 200


def test_rasa_down_gives_503_with_a_human_message_in_the_users_language(client, fake_rasa):
    fake_rasa.down = True
    response = chat(client, "Bonjour, j'ai reçu une lettre du CPAS")
    assert response.status_code == 503
    body = response.json()
    assert body["language"] == "fr"
    assert "CPAS" in body["error"]
    assert "Traceback" not in response.text


def test_chat_page_is_served_with_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "widget.js" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_chat_page_in_french(client):
    response = client.get("/?lang=fr")
    assert '<html lang="fr">' in response.text
    assert "Recommencer" in response.text


def test_welcome_message_says_it_is_not_the_ocmw_and_offers_topics(client):
    body = client.get("/api/welcome", params={"language": "nl"}).json()
    message = body["messages"][0]
    assert "OCMW" in message["text"]
    assert len(message["buttons"]) >= 4
    assert all(b["payload"].startswith("/ask_") for b in message["buttons"])


def test_an_empty_answer_from_rasa_becomes_a_try_again_later_message(client, fake_rasa):
    fake_rasa.reply = lambda body: []
    reply = client.post("/api/chat", json={"message": "wat is een aanmaning?", "language": "fr"}).json()
    assert reply["messages"][0]["text"].startswith("Cette partie de l'assistant")


def test_words_of_self_harm_inside_a_question_get_the_crisis_answer_first(client, fake_rasa):
    reply = chat(client, "mijn maatschappelijk werker zegt dat ik moet tekenen, ik wil dood").json()
    first, second = reply["messages"]
    assert first["key"] == "utter_urgent_crisis" and "112" in first["text"] and "1813" in first["text"]
    assert second["text"].startswith("echo:nl:")  # the question is still answered


def test_no_second_crisis_answer_when_rasa_gave_it_and_none_for_other_questions(client, fake_rasa):
    fake_rasa.reply = lambda body: [{"text": "crisis", "custom": {"key": "utter_urgent_crisis"}}]
    reply = chat(client, "ik wil niet meer leven").json()
    assert [m["text"] for m in reply["messages"]] == ["crisis"]
    fake_rasa.reply = lambda body: [{"text": "antwoord"}]
    reply = chat(client, "wat is een GPMI?").json()
    assert [m["text"] for m in reply["messages"]] == ["antwoord"]
