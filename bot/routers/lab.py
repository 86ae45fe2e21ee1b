"""The wording lab for client-participation groups: read, score and rewrite every answer.

Off unless LAB_CODE is set. A group signs in with the code (compared in constant time) and its
name; the sign-in lasts LAB_SESSION_HOURS. Proposals are stored, exported as CSV and as a .po file
of accepted proposals for a maintainer to merge; nothing here edits locales/.
"""

from __future__ import annotations

import csv
import hmac
import io
import secrets
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, StrictStr

from bot.deps import StateDep
from bot.lab_inventory import LANGUAGES, inventory, marked

router = APIRouter(prefix="/lab", tags=["lab"])
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent / "templates"))
RULES_DIR = Path(__file__).resolve().parents[2] / "data" / "rules"
COOKIE = "lab"
PRIVATE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}


def enabled(state: StateDep) -> None:
    if not state.settings.lab_code:
        raise HTTPException(404, "Not Found")


def group_of(request: Request, state: StateDep) -> str | None:
    token = request.cookies.get(COOKIE, "")
    found = state.lab_sessions.get(token)
    if not found:
        return None
    group, expires = found
    if expires < time.time():
        state.lab_sessions.pop(token, None)
        return None
    return group


def signed_in(request: Request, state: StateDep) -> str:
    enabled(state)
    group = group_of(request, state)
    if group is None:
        raise HTTPException(403, "sign in to the lab first")
    return group


async def form_fields(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return {key: values[-1] for key, values in parse_qs(body, keep_blank_values=True).items()}


def ui(state: StateDep, language: str) -> dict[str, str]:
    catalog = state.wording.catalogs.get(language, {})
    return {key[4:]: text for key, text in catalog.items() if key.startswith("lab.")}


def page_language(request: Request, state: StateDep) -> str:
    lang = request.query_params.get("lang")
    return lang if lang in state.settings.supported_languages else state.settings.default_language


@router.get("", response_class=HTMLResponse)
async def lab(request: Request, state: StateDep) -> Response:
    enabled(state)
    language = page_language(request, state)
    group = group_of(request, state)
    if group is None:
        return templates.TemplateResponse(
            request,
            "lab_login.html",
            {"language": language, "ui": ui(state, language), "error": False},
            headers=PRIVATE,
        )
    entries = inventory(state.wording, RULES_DIR)
    tallies = state.lab.tallies()
    topic = request.query_params.get("topic", "")
    shown = [e for e in entries if not topic or e.topic == topic]
    if request.query_params.get("sort", "unclear") == "unclear":
        shown.sort(
            key=lambda e: -max(
                tallies[(e.key, lang)].unclear_pct if (e.key, lang) in tallies else 0 for lang in LANGUAGES
            )
        )
    proposals: dict[tuple[str, str], list[dict]] = {}
    for row in state.lab.rows():
        if row["proposal"]:
            proposals.setdefault((row["response_key"], row["language"]), []).append(row)
    context = {
        "language": language,
        "ui": ui(state, language),
        "group": group,
        "entries": shown,
        "topics": sorted({e.topic for e in entries}),
        "topic": topic,
        "sort": request.query_params.get("sort", "unclear"),
        "tallies": tallies,
        "proposals": proposals,
        "languages": LANGUAGES,
        "marked": marked,
    }
    return templates.TemplateResponse(request, "lab.html", context, headers=PRIVATE)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, state: StateDep) -> Response:
    enabled(state)
    fields = await form_fields(request)
    language = page_language(request, state)
    code_ok = hmac.compare_digest(fields.get("code", "").encode(), state.settings.lab_code.encode())
    group = fields.get("group", "").strip()[:80]
    if not code_ok or not group:
        context = {"language": language, "ui": ui(state, language), "error": True}
        return templates.TemplateResponse(
            request, "lab_login.html", context, status_code=403, headers=PRIVATE
        )
    token = secrets.token_urlsafe(24)
    state.lab_sessions[token] = (group, time.time() + state.settings.lab_session_hours * 3600)
    response = RedirectResponse(f"/lab?lang={language}", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/lab")
    return response


@router.post("/logout")
async def logout(request: Request, state: StateDep) -> Response:
    enabled(state)
    state.lab_sessions.pop(request.cookies.get(COOKIE, ""), None)
    response = RedirectResponse("/lab", status_code=303)
    response.delete_cookie(COOKIE, path="/lab")
    return response


@router.post("/feedback")
async def add_feedback(request: Request, state: StateDep) -> Response:
    group = signed_in(request, state)
    fields = await form_fields(request)
    key, language = fields.get("key", ""), fields.get("language", "")
    known = {e.key for e in inventory(state.wording, RULES_DIR)}
    if key not in known or language not in LANGUAGES:
        raise HTTPException(422, "unknown text or language")
    state.lab.add(
        group,
        language,
        key,
        fields.get("vote") or None,
        fields.get("word", ""),
        fields.get("comment", ""),
        fields.get("proposal", ""),
    )
    back = f"/lab?lang={page_language(request, state)}&topic={fields.get('topic', '')}#{key}"
    return RedirectResponse(back, status_code=303)


@router.post("/accept")
async def accept(request: Request, state: StateDep) -> Response:
    signed_in(request, state)
    fields = await form_fields(request)
    try:
        row_id = int(fields.get("id", ""))
    except ValueError as exc:
        raise HTTPException(422, "no proposal given") from exc
    if not state.lab.accept(row_id, fields.get("accepted", "1") == "1"):
        raise HTTPException(404, "no such proposal")
    return RedirectResponse(
        f"/lab?lang={page_language(request, state)}#{fields.get('key', '')}", status_code=303
    )


class ScoreRequest(BaseModel):
    text: StrictStr
    language: StrictStr


@router.post("/score")
async def score(body: ScoreRequest, request: Request, state: StateDep) -> JSONResponse:
    """The readability of a proposal, with the same code as the CI check (tests/test_readability.py)."""
    from bot.readability import measure  # spaCy and textstat load only when the lab is used

    signed_in(request, state)
    if body.language not in LANGUAGES or len(body.text) > 5000:
        raise HTTPException(422, "language must be nl or fr, text at most 5000 characters")
    figures = measure(body.text, body.language)
    return JSONResponse(
        {
            "reading_ease": round(figures.reading_ease),
            "words_per_sentence": round(figures.words_per_sentence, 1),
            "long_words": list(figures.long_words),
            "b1": figures.reading_ease >= 60 and figures.words_per_sentence <= 15,
        }
    )


@router.get("/export.csv")
async def export_csv(request: Request, state: StateDep) -> Response:
    signed_in(request, state)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["id", "date", "group", "language", "key", "vote", "word", "comment", "proposal", "accepted"]
    )
    for row in state.lab.rows():
        when = datetime.fromtimestamp(row["created"], timezone.utc).strftime("%Y-%m-%d %H:%M")
        writer.writerow(
            [row["id"], when, row["group_name"], row["language"], row["response_key"], row["vote"] or "",
             row["word"] or "", row["comment"] or "", row["proposal"] or "", int(bool(row["accepted"]))]
        )  # fmt: skip
    headers = {**PRIVATE, "Content-Disposition": 'attachment; filename="lab-feedback.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/export/{language}.po")
async def export_po(language: str, request: Request, state: StateDep) -> Response:
    signed_in(request, state)
    if language not in LANGUAGES:
        raise HTTPException(404, "Not Found")
    catalog = Catalog(locale=language, project="gpmi-assistant (wording lab proposals)")
    for key, text in sorted(state.lab.accepted(language).items()):
        catalog.add(key, text)
    out = io.BytesIO()
    write_po(out, catalog, width=76)
    headers = {**PRIVATE, "Content-Disposition": f'attachment; filename="lab-{language}.po"'}
    return Response(out.getvalue(), media_type="text/x-gettext-translation; charset=utf-8", headers=headers)
