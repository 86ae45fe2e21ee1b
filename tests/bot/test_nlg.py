"""POST /nlg: Rasa names a response, bot/ renders it from the catalog of the conversation."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"


def nlg_request(response: str, language: str | None = None, **extra) -> dict:
    body = json.loads((DATA / "nlg_request.json").read_text())
    body["response"] = response
    body["tracker"]["latest_message"]["metadata"] = {"language": language} if language else {}
    body.update(extra)
    return body


def test_renders_the_dutch_text_with_its_source_line(client, wording):
    reply = client.post("/nlg", json=nlg_request("utter_ask_reflection_period", "nl")).json()
    assert reply["text"].startswith(wording.catalogs["nl"]["utter_ask_reflection_period"])
    assert "\nBron: " in reply["text"]


def test_renders_french_when_the_message_was_french(client, wording):
    reply = client.post("/nlg", json=nlg_request("utter_ask_reflection_period", "fr")).json()
    assert reply["text"].startswith(wording.catalogs["fr"]["utter_ask_reflection_period"])
    assert "\nSource : " in reply["text"]


def test_the_language_slot_is_used_when_the_message_has_no_language(client, wording):
    body = nlg_request("utter_ask_appeal")
    body["tracker"]["slots"] = {"language": "fr"}
    reply = client.post("/nlg", json=body).json()
    assert reply["text"].startswith(wording.catalogs["fr"]["utter_ask_appeal"])


def test_button_titles_come_from_the_catalog(client, wording):
    reply = client.post("/nlg", json=nlg_request("utter_greet", "fr")).json()
    titles = [b["title"] for b in reply["buttons"]]
    assert wording.catalogs["fr"]["utter_greet.sanction"] in titles
    assert all(not t.startswith("utter_") for t in titles)


def test_an_answer_with_jargon_offers_to_explain_it(client):
    reply = client.post("/nlg", json=nlg_request("utter_ask_sanction", "nl")).json()
    payloads = [b["payload"] for b in reply["buttons"]]
    assert any(p.startswith("/ask_definition{") for p in payloads)
    assert len(payloads) <= 3


def test_a_glossary_answer_does_not_offer_its_own_word(client):
    reply = client.post("/nlg", json=nlg_request("utter_term_aanmaning", "nl")).json()
    assert '"term":"aanmaning"' not in json.dumps(reply["buttons"]).replace(" ", "")


def test_an_unknown_response_name_falls_back_to_the_default_answer(client, wording):
    reply = client.post("/nlg", json=nlg_request("utter_does_not_exist", "nl")).json()
    assert reply["text"].startswith(wording.catalogs["nl"]["utter_default"])
