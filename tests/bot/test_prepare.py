"""The preparation sheet: only its session can open it, as a page and as a PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader

SHEET = {
    "stage": "sign",
    "strengths": "koken voor mijn buren",
    "topics": ["housing"],
    "notes": [{"topic": "housing", "now": "te klein", "change": "een groter huis"}],
    "goals": [
        {
            "topic": "housing",
            "goal": "Een huurwoning vinden",
            "when_text": "tegen juni",
            "when_date": "2027-06-30",
        }
    ],
    "questions": {"chosen": ["what_if"], "own": "Krijg ik een kopie?"},
}


def finished(fake_rasa, data=SHEET):
    fake_rasa.reply = lambda body: [
        {"recipient_id": body["sender"], "text": "Goed gedaan."},
        {"recipient_id": body["sender"], "custom": {"prep_sheet": data}},
    ]


def test_the_finished_walk_through_links_to_its_sheet(client, fake_rasa):
    finished(fake_rasa)
    reply = client.post("/api/chat", json={"message": "Klopt", "language": "nl"}).json()
    session = reply["session"]
    message = reply["messages"][0]
    assert "custom" not in message
    assert [link["url"] for link in message["links"]] == [
        f"/prepare/{session}/sheet",
        f"/prepare/{session}/sheet.pdf",
    ]


def test_the_sheet_shows_the_goal_and_the_date_written_out(client, fake_rasa):
    finished(fake_rasa)
    session = client.post("/api/chat", json={"message": "Klopt", "language": "nl"}).json()["session"]
    page = client.get(f"/prepare/{session}/sheet")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert "Een huurwoning vinden" in page.text and "30 juni 2027" in page.text
    assert "identiteitskaart" in page.text.lower()  # the checklist of what to bring


def test_the_pdf_opens_and_holds_the_goal(client, fake_rasa):
    finished(fake_rasa)
    session = client.post("/api/chat", json={"message": "C'est bon", "language": "fr"}).json()["session"]
    pdf = client.get(f"/prepare/{session}/sheet.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    assert "Een huurwoning vinden" in text and "30 juin 2027" in text


def test_another_or_a_malformed_session_gets_404_not_500(client, fake_rasa):
    finished(fake_rasa)
    client.post("/api/chat", json={"message": "Klopt", "language": "nl"})
    fake_rasa.reply = lambda body: [{"recipient_id": body["sender"], "text": "Hallo."}]
    other = client.post("/api/chat", json={"message": "hallo"}).json()["session"]
    for path in (
        f"/prepare/{other}/sheet",
        "/prepare/../sheet",
        "/prepare/%00%ff/sheet.pdf",
        "/prepare/x'--/sheet",
    ):
        assert client.get(path).status_code == 404, path


def test_delete_my_data_removes_the_sheet_and_starts_a_new_session(client, fake_rasa):
    finished(fake_rasa)
    session = client.post("/api/chat", json={"message": "Klopt", "language": "nl"}).json()["session"]
    reply = client.post("/api/chat", json={"message": "/delete_data_confirm", "session": session}).json()
    assert reply["session"] != session and reply["messages"][0]["text"]
    assert client.get(f"/prepare/{session}/sheet").status_code == 404
    assert fake_rasa.received[-1]["message"] != "/delete_data_confirm"  # handled by bot/ itself


def test_the_support_checklist_is_printable_in_both_languages(client):
    nl = client.get("/support/checklist?lang=nl")
    fr = client.get("/support/checklist?lang=fr")
    assert nl.status_code == fr.status_code == 200
    assert 'lang="nl"' in nl.text and 'lang="fr"' in fr.text
    assert "bedenktijd" in nl.text.lower() and "réflexion" in fr.text.lower()
    pdf = client.get("/support/checklist.pdf?lang=fr")
    assert PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
