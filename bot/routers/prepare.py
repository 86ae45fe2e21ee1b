"""The preparation sheet of a session (HTML and PDF) and the support-figure checklist.

The session id is the secret: there is no listing, and an unknown or malformed id gives the
same 404 as a deleted sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from bot.deps import StateDep
from bot.nlg.render import lookup
from bot.pdf import to_pdf
from bot.printable import Page, sheet_page, support_page
from bot.sessions import SESSION_ID

router = APIRouter(tags=["prepare"])
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent / "templates"))
PRIVATE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}


def language_or_default(state: StateDep, lang: str | None) -> str:
    settings = state.settings
    return lang if lang in settings.supported_languages else settings.default_language


def page_html(request: Request, page: Page, pdf_url: str, state: StateDep, status: int = 200) -> HTMLResponse:
    ui = {key: lookup(state.wording, f"sheet.{key}", page.language) for key in ("print", "pdf", "back")}
    return templates.TemplateResponse(
        request,
        "sheet.html",
        {"page": page, "language": page.language, "pdf_url": pdf_url, "ui": ui},
        status_code=status,
        headers=PRIVATE,
    )


def not_found(request: Request, state: StateDep, lang: str | None) -> HTMLResponse:
    language = language_or_default(state, lang)
    message = lookup(state.wording, "sheet.not_found", language) or "Not found"
    return templates.TemplateResponse(
        request,
        "not_found.html",
        {"language": language, "message": message},
        status_code=404,
        headers=PRIVATE,
    )


def find_sheet(state: StateDep, session: str) -> tuple[str, dict] | None:
    return state.sheets.load(session) if SESSION_ID.match(session) else None


@router.get("/prepare/{session}/sheet", response_class=HTMLResponse)
async def sheet(request: Request, session: str, state: StateDep, lang: str | None = Query(None)) -> Response:
    found = find_sheet(state, session)
    if found is None:
        return not_found(request, state, lang)
    language, data = found
    page = sheet_page(state.wording, language, data, date.today())
    return page_html(request, page, f"/prepare/{session}/sheet.pdf", state)


@router.get("/prepare/{session}/sheet.pdf")
async def sheet_pdf(
    request: Request, session: str, state: StateDep, lang: str | None = Query(None)
) -> Response:
    found = find_sheet(state, session)
    if found is None:
        return not_found(request, state, lang)
    language, data = found
    pdf = to_pdf(sheet_page(state.wording, language, data, date.today()))
    headers = {**PRIVATE, "Content-Disposition": 'inline; filename="voorbereiding-preparation.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


@router.get("/support/checklist", response_class=HTMLResponse)
async def support_checklist(request: Request, state: StateDep, lang: str | None = Query(None)) -> Response:
    language = language_or_default(state, lang)
    page = support_page(state.wording, language, date.today())
    return page_html(request, page, f"/support/checklist.pdf?lang={language}", state)


@router.get("/support/checklist.pdf")
async def support_checklist_pdf(state: StateDep, lang: str | None = Query(None)) -> Response:
    language = language_or_default(state, lang)
    pdf = to_pdf(support_page(state.wording, language, date.today()))
    headers = {"Content-Disposition": 'inline; filename="checklist.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)
