"""The wording lab: off without a code, a group signs in, votes, comments, proposes, exports."""

from __future__ import annotations

import csv
import io

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from bot.main import create_app

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def lab(settings):
    settings.lab_code = "klantengroep-2026"
    with TestClient(create_app(settings)) as client:
        yield client


def sign_in(client, group="Groep Gent"):
    return client.post("/lab/login", content=f"code=klantengroep-2026&group={group}", headers=FORM)


def test_the_lab_is_off_without_a_code(client):
    assert client.get("/lab").status_code == 404
    assert client.post("/lab/login", content="code=&group=x", headers=FORM).status_code == 404


def test_a_wrong_code_is_refused_and_nothing_is_reachable_before_signing_in(lab):
    assert lab.post("/lab/login", content="code=wrong&group=x", headers=FORM).status_code == 403
    assert lab.get("/lab/export.csv").status_code == 403
    assert "<form" in lab.get("/lab").text  # the sign-in form


def test_every_answer_is_shown_in_both_languages_with_its_figures(lab):
    sign_in(lab)
    page = lab.get("/lab?topic=appeal&sort=key").text
    assert 'id="utter_ask_appeal"' in page
    assert "arbeidsrechtbank" in page.lower() and "tribunal du travail" in page.lower()
    assert "<mark>" in page  # jargon highlighted
    assert "Leesgemak" in page and "ask_appeal → answer ask_appeal" in page


def test_a_vote_comment_and_proposal_round_trip_to_the_exports(lab):
    sign_in(lab)
    body = (
        "key=utter_ask_appeal&language=nl&vote=unclear&word=verzoekschrift"
        "&comment=Te+moeilijk&proposal=Ben+je+het+niet+eens%3F+Ga+naar+de+rechter."
    )
    assert lab.post("/lab/feedback", content=body, headers=FORM).status_code == 200  # after the redirect
    lab.post("/lab/feedback", content="key=utter_ask_appeal&language=nl&vote=clear", headers=FORM)
    page = lab.get("/lab?topic=appeal").text
    assert "Te moeilijk" in page and "50 %" in page
    rows = list(csv.DictReader(io.StringIO(lab.get("/lab/export.csv").text)))
    assert (
        rows[0]["group"] == "Groep Gent"
        and rows[0]["word"] == "verzoekschrift"
        and rows[0]["vote"] == "unclear"
    )
    assert (
        read_po(io.BytesIO(lab.get("/lab/export/nl.po").content)).get("utter_ask_appeal") is None
    )  # not accepted
    lab.post("/lab/accept", content=f"id={rows[0]['id']}&key=utter_ask_appeal", headers=FORM)
    exported = read_po(io.BytesIO(lab.get("/lab/export/nl.po").content))
    assert exported.get("utter_ask_appeal").string == "Ben je het niet eens? Ga naar de rechter."
    assert read_po(io.BytesIO(lab.get("/lab/export/fr.po").content)).get("utter_ask_appeal") is None


def test_the_worst_texts_come_first(lab):
    sign_in(lab)
    lab.post("/lab/feedback", content="key=utter_ask_sanction&language=fr&vote=unclear", headers=FORM)
    page = lab.get("/lab").text
    assert page.index('id="utter_ask_sanction"') < page.index('id="utter_ask_appeal"')


def test_a_proposal_is_scored_with_the_ci_readability_check(lab):
    sign_in(lab)
    easy = lab.post("/lab/score", json={"text": "Je hebt 5 dagen om na te denken.", "language": "nl"}).json()
    hard = lab.post(
        "/lab/score",
        json={
            "text": "Overeenkomstig de bepalingen van de organieke wetgeving dient de betrokkene "
            "zijn werkbereidheid onverwijld aan te tonen bij het bevoegde bestuursorgaan.",
            "language": "nl",
        },
    ).json()
    assert easy["b1"] is True and hard["b1"] is False


def test_unknown_texts_are_refused(lab):
    sign_in(lab)
    assert lab.post("/lab/feedback", content="key=nope&language=nl", headers=FORM).status_code == 422


def test_feedback_can_live_in_the_postgresql_of_the_scale_out_setting():
    import os
    import socket

    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=2).close()
    except OSError:
        if os.environ.get("CI"):
            raise
        pytest.skip("PostgreSQL on 127.0.0.1:5432 is not reachable")
    from bot.lab_store import LabStore

    store = LabStore(os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"))
    try:
        row = store.add("Groep PG", "fr", "utter_ask_appeal", "unclear", proposal="Texte plus simple.")
        assert store.accept(row)
        assert store.accepted("fr")["utter_ask_appeal"] == "Texte plus simple."
    finally:
        with store.engine.begin() as db:
            db.exec_driver_sql("DELETE FROM lab_feedback WHERE group_name = 'Groep PG'")
        store.close()
