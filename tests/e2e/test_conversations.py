"""Questions in the style of real users, asked through /api/chat of the running stack."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))
NL = set(
    """de het een en van je is niet dat die met op voor zijn
    kan kunt moet mag wat als bij naar om te er dan wordt heb ik""".split()
)
FR = set(
    """le la les un une et de des du vous votre vos est pas que qui avec sur pour
    sont peut dois quand si au aux ce cette ne en je""".split()
)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def reads_as(text: str) -> str | None:
    words = [w.split("'")[-1] for w in re.findall(r"[a-zà-ÿ']+", text.lower())]
    nl, fr = sum(w in NL for w in words), sum(w in FR for w in words)
    return None if nl == fr else ("nl" if nl > fr else "fr")


def test_there_are_enough_cases_in_both_languages():
    langs = [case["lang"] for case in CASES]
    assert langs.count("nl") >= 10 and langs.count("fr") >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_answer_holds_the_facts_in_the_users_language(api, case):
    session = None
    for turn in case["turns"]:
        status, reply = api.chat(turn["say"], session)
        assert status == 200, reply
        session = reply["session"]
        text = " ".join(m["text"] for m in reply["messages"])
        for pattern in turn.get("expect", []):
            assert re.search(fold(pattern), fold(text)), f"{pattern!r} not in {text!r}"
        for pattern in turn.get("forbid", []):
            assert not re.search(fold(pattern), fold(text)), f"{pattern!r} in {text!r}"
        if turn.get("check_language", True):
            assert reply["language"] == case["lang"]
            assert reads_as(text) in (case["lang"], None), text


def test_health_is_ok_when_everything_runs(api):
    assert api.request("GET", "/healthz") == (200, {"status": "ok"})


def test_a_french_question_in_a_dutch_conversation_gets_a_french_answer(api):
    status, first = api.chat("goeiedag")
    assert status == 200 and first["language"] == "nl"
    status, second = api.chat("Je peux venir avec quelqu'un au rendez-vous ?", first["session"])
    assert second["language"] == "fr"
    assert re.search("personne|accompagn", fold(second["messages"][0]["text"]))


def test_the_chosen_language_wins(api):
    status, reply = api.chat("wat is een GPMI?", language="fr")
    assert status == 200 and reply["language"] == "fr"
    assert "CPAS" in reply["messages"][0]["text"]


def test_a_button_payload_works_as_a_message(api):
    status, reply = api.chat('/ask_definition{"term":"uitstel"}', language="nl")
    assert status == 200
    assert "uitstel" in reply["messages"][0]["text"].lower()


def test_jargon_in_an_answer_comes_with_an_explain_button(api):
    status, reply = api.chat("wat gebeurt er als ik mijn afspraken niet nakom")
    buttons = [b for m in reply["messages"] for b in m["buttons"]]
    assert any(b["payload"].startswith("/ask_definition") for b in buttons)
    follow = buttons[0]["payload"]
    status, explained = api.chat(follow, reply["session"])
    assert status == 200 and explained["messages"][0]["text"]


def test_something_it_cannot_answer_gets_an_honest_fallback(api):
    status, reply = api.chat("blablabla qsdfqsdf zzz")
    assert status == 200
    # Gibberish has no language: the reply may come in either, but it must say it did not understand.
    assert re.search(r"begreep|begrijp|pas bien compris", fold(reply["messages"][0]["text"]))


def test_no_amounts_are_quoted(api):
    for question in ("hoeveel is het leefloon?", "combien est le revenu d'intégration ?"):
        status, reply = api.chat(question)
        text = " ".join(m["text"] for m in reply["messages"])
        assert not re.search(r"\d+[.,]?\d* ?(euro|€)|€ ?\d", text), text


@pytest.mark.parametrize(
    "body,statuses",
    [
        (b'{"session": null, "message": "", "language": null}', {422}),
        (b'{"session": null, "message": "   ", "language": null}', {422}),
        (json.dumps({"session": None, "message": "a" * 2001}).encode(), {413, 422}),
        (b'{"session": null, "language": null}', {422}),
        (b"{not json", {400, 422}),
        (b'{"session": null, "message": ["x"], "language": null}', {422}),
    ],
)
def test_bad_input_gets_a_json_error_and_the_service_keeps_answering(api, body, statuses):
    status, reply = api.request("POST", "/api/chat", body, {"Content-Type": "application/json"})
    assert status in statuses and reply["error"]
    assert api.chat("hallo")[0] == 200


def test_the_appeal_deadline_is_computed_from_the_date_the_user_gives(api):
    status, reply = api.chat("ik heb mijn beslissing gekregen op 3 maart, tot wanneer kan ik in beroep gaan?")
    text = reply["messages"][0]["text"]
    assert status == 200 and reply["language"] == "nl"
    assert "3 juni" in text and "3 maanden" in text


def test_the_date_helper_asks_for_a_missing_date_and_then_answers_in_french(api):
    status, first = api.chat("je voudrais calculer la date limite de mon recours", language="fr")
    assert "?" in first["messages"][0]["text"]
    status, second = api.chat("le 31 janvier", first["session"])
    assert "30 avril" in second["messages"][0]["text"]


@pytest.mark.parametrize(
    "message",
    [
        "je veux me supprimer",
        "j'ai envie d'en finir",
        "ik zie het niet meer zitten",
        "ik wil er een einde aan maken",
        "mijn maatschappelijk werker zegt dat ik moet tekenen, ik wil dood",  # inside a question
        "si on me suspend le RIS je me tue",
    ],
)
def test_words_of_despair_get_the_crisis_answer_not_data_deletion(api, message):
    status, reply = api.chat(message)
    text = " ".join(m["text"] for m in reply["messages"])
    assert status == 200 and "112" in text
    assert not any("delete_data" in b["payload"] for m in reply["messages"] for b in m.get("buttons", []))
