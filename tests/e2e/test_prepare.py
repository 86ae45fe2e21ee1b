"""The goal-preparation walk-through, end to end through /api/chat, then its sheet (HTML + PDF).

Each conversation takes a side question, a skip and an edit on the way, as real users do.
"""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from datetime import date

from babel.dates import format_date
from pypdf import PdfReader

from actions.when import parse_when


def fetch(base: str, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Conversation:
    def __init__(self, api, language):
        self.api, self.language, self.session = api, language, None

    def say(self, message):
        status, reply = self.api.chat(message, self.session, self.language)
        assert status == 200, reply
        self.session = reply["session"]
        return reply["messages"]


def text_of(messages):
    return "\n".join(m["text"] for m in messages)


def payloads(messages):
    return [b["payload"] for m in messages for b in m.get("buttons", [])]


def walk(api, language, turns):
    chat = Conversation(api, language)
    for message, check in turns:
        reply = chat.say(message)
        assert check(reply), f"after {message!r}: {reply}"
    return chat


def asks_stage(reply):
    return '/prep_answer{"prep_choice":"sign"}' in payloads(reply)


def multi(reply):
    return any(m.get("select") == "many" for m in reply)


def has(*words):
    return lambda reply: all(word.lower() in text_of(reply).lower() for word in words)


def both(*checks):
    return lambda reply: all(check(reply) for check in checks)


def test_the_whole_walk_through_in_dutch_then_the_sheet(api, stack):
    goal_date = format_date(parse_when("tegen juni", date.today()), "d MMMM y", locale="nl_BE")
    chat = walk(
        api,
        "nl",
        [
            ("ik wil mijn gesprek met het OCMW voorbereiden", lambda r: "/prep_start" in payloads(r)),
            ("/prep_start", asks_stage),
            ('/prep_answer{"prep_choice":"sign"}', has("bedenktijd")),
            ('/prep_answer{"prep_choice":"ok"}', lambda r: "/prep_skip" in payloads(r)),
            ("wat is bedenktijd?", both(has("5 dagen"), lambda r: "/prep_skip" in payloads(r))),
            ("Ik kan goed koken en ik help mijn buren", multi),
            ("Wonen, Werk", has("wonen")),
            ("Mijn appartement is te klein", lambda r: "/prep_skip" in payloads(r)),
            ("Een groter appartement", has("werk")),
            ("Ik heb nu geen werk", lambda r: "/prep_skip" in payloads(r)),
            ("Een deeltijdse job", lambda r: "/prep_skip" in payloads(r)),
            ("liever niet", multi),
            ("Wonen", has("wonen")),
            ("Een sociale woning vinden", lambda r: "/prep_skip" in payloads(r)),
            ("tegen juni", has(goal_date)),
            ("Morgen bel ik het sociaal verhuurkantoor", lambda r: "/prep_skip" in payloads(r)),
            ("Hulp bij de papieren", has("OCMW")),
            ("Solliciteren, maar niet tien keer per maand", has("haalbaar")),
            ("/prep_skip", lambda r: "/prep_skip" in payloads(r)),
            ("Mijn rug doet vaak pijn", has("attest")),
            (
                "Krijg ik een kopie van mijn GPMI?",
                both(
                    has("Een sociale woning vinden", goal_date, "Krijg ik een kopie"), lambda r: len(r) >= 3
                ),
            ),
            (
                '/prep_answer{"prep_choice":"edit"}',
                lambda r: '/prep_answer{"prep_choice":"step"}' in payloads(r),
            ),
            ('/prep_answer{"prep_choice":"step"}', lambda r: "/prep_skip" in payloads(r)),
            ("Volgende week bel ik het OCMW", has("Volgende week bel ik het OCMW")),
        ],
    )
    done = chat.say('/prep_answer{"prep_choice":"ok"}')
    links = [link["url"] for m in done for link in m.get("links", [])]
    assert links == [f"/prepare/{chat.session}/sheet", f"/prepare/{chat.session}/sheet.pdf"]

    status, page = fetch(stack.url, links[0])
    html = page.decode()
    assert status == 200
    assert "Een sociale woning vinden" in html and goal_date in html
    assert "Volgende week bel ik het OCMW" in html and "Morgen bel ik" not in html  # the edit is kept
    status, pdf = fetch(stack.url, links[1])
    assert status == 200 and pdf.startswith(b"%PDF")
    first_page = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Een sociale woning vinden" in first_page

    other = Conversation(api, "nl")
    other.say("hallo")
    assert fetch(stack.url, f"/prepare/{other.session}/sheet")[0] == 404
    assert fetch(stack.url, "/prepare/not-a-session/sheet.pdf")[0] == 404


def test_the_whole_walk_through_in_french_then_the_sheet(api, stack):
    goal_date = format_date(parse_when("fin mars", date.today()), "d MMMM y", locale="fr_BE")
    chat = walk(
        api,
        "fr",
        [
            ("je veux préparer mon rendez-vous au CPAS", lambda r: "/prep_start" in payloads(r)),
            ("/prep_start", asks_stage),
            (
                '/prep_answer{"prep_choice":"first"}',
                lambda r: '/prep_answer{"prep_choice":"urgent"}' in payloads(r),
            ),
            ("ça va", lambda r: "/prep_skip" in payloads(r)),
            ("Je sais bien cuisiner et je parle trois langues", multi),
            ("c'est quoi un motif légitime ?", both(has("motif"), multi)),
            ("Formation / langue", has("formation")),
            ("Je suis des cours de néerlandais le soir", lambda r: "/prep_skip" in payloads(r)),
            ("Je préfère passer", lambda r: "/prep_skip" in payloads(r)),
            ("Avoir mon certificat de langue", lambda r: "/prep_skip" in payloads(r)),
            ("Réussir l'examen de néerlandais niveau 2", lambda r: "/prep_skip" in payloads(r)),
            ("fin mars", has(goal_date)),
            ("Je m'inscris à l'examen dans deux semaines", lambda r: "/prep_skip" in payloads(r)),
            ("Le paiement du cours", has("CPAS")),
            ("Aller aux cours, c'est possible", lambda r: "/prep_skip" in payloads(r)),
            ("L'école de langues m'aide déjà", lambda r: "/prep_skip" in payloads(r)),
            ("La garde de mon fils le soir", lambda r: True),
            ("Qui paie la garderie ?", has("Réussir l'examen de néerlandais niveau 2", goal_date)),
            (
                '/prep_answer{"prep_choice":"edit"}',
                lambda r: '/prep_answer{"prep_choice":"goals"}' in payloads(r),
            ),
            ('/prep_answer{"prep_choice":"goals"}', lambda r: "/prep_skip" in payloads(r)),
            ("Réussir l'examen de néerlandais niveau 3", lambda r: "/prep_skip" in payloads(r)),
            ("fin mars", has("Réussir l'examen de néerlandais niveau 3")),
        ],
    )
    done = chat.say("C'est bon")
    links = [link["url"] for m in done for link in m.get("links", [])]
    assert links and links[0] == f"/prepare/{chat.session}/sheet"
    status, page = fetch(stack.url, links[0])
    html = page.decode()
    assert status == 200 and 'lang="fr"' in html
    assert "niveau 3" in html and "niveau 2" not in html and goal_date in html
    status, pdf = fetch(stack.url, links[1])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "niveau 3" in text and goal_date in text


def test_a_paused_walk_through_continues_where_it_stopped(api):
    chat = Conversation(api, "nl")
    chat.say("/prep_start")
    chat.say('/prep_answer{"prep_choice":"first"}')
    assert "/prep_continue" in payloads(chat.say("stop"))
    resumed = payloads(chat.say("/prep_continue"))
    assert '/prep_answer{"prep_choice":"urgent"}' in resumed  # the question after the stage, not the first
