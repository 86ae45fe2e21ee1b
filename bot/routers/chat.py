"""The chat page and the chat API used by the widget and by other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, StrictStr, validator

from bot.config import get_settings
from bot.deps import StateDep
from bot.language import choose_language, detect
from bot.nlg.render import lookup, render
from bot.privacy import scrub
from bot.rasa_client import RasaUnavailable
from lexicon.crisis import mentions_self_harm

router = APIRouter(tags=["chat"])
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent / "templates"))


class ChatRequest(BaseModel):
    session: StrictStr | None = None
    message: StrictStr
    language: Literal["nl", "fr"] | None = None

    @validator("message")
    def message_has_text(cls, value: str) -> str:  # noqa: N805 - pydantic validator
        value = value.strip()
        if not value:
            raise ValueError("message is empty")
        limit = get_settings().max_message_chars
        if len(value) > limit:
            raise ValueError(f"message is longer than {limit} characters")
        return value


def ui_strings(state: StateDep, language: str) -> dict[str, str]:
    catalog = state.wording.catalogs.get(language, {})
    return {key[3:]: text for key, text in catalog.items() if key.startswith("ui.")}


@router.get("/", response_class=HTMLResponse)
async def chat_page(request: Request, state: StateDep, lang: str | None = Query(None)) -> HTMLResponse:
    settings = state.settings
    language = lang if lang in settings.supported_languages else settings.default_language
    strings = {code: ui_strings(state, code) for code in settings.supported_languages}
    return templates.TemplateResponse(
        request,
        "chat.html",
        {"language": language, "ui": strings[language], "ui_json": json.dumps(strings)},
    )


@router.get("/api/welcome")
async def welcome(state: StateDep, language: str | None = Query(None)) -> dict:
    settings = state.settings
    language = language if language in settings.supported_languages else settings.default_language
    greeting = render(state.wording, "utter_greet", language)
    message = {"text": greeting["text"], "buttons": greeting["buttons"], "key": greeting["custom"]["key"]}
    return {"language": language, "messages": [message]}


DELETE_CONFIRM = "/delete_data_confirm"


def finish(
    state: StateDep, messages: list[dict[str, Any]], session: str, language: str
) -> list[dict[str, Any]]:
    """Act on the hints Rasa's answers carry, and pass the widget only what it shows.

    - prep_sheet: the finished walk-through; kept for the sheet page, which the message links to;
    - link=support: a link to the printable support-figure checklist;
    - select=many: several buttons may be chosen before sending;
    - key: the catalog key of the text (the widget shows a wording-lab proposal in its place when
      this browser asked for one).
    """
    shown = []
    for message in messages:
        custom = message.pop("custom", None) or {}
        links = []
        if isinstance(custom.get("prep_sheet"), dict):
            state.sheets.save(session, language, custom["prep_sheet"])
            links += [
                {"title": ui_text(state, "ui.sheet_link", language), "url": f"/prepare/{session}/sheet"},
                {"title": ui_text(state, "ui.sheet_pdf", language), "url": f"/prepare/{session}/sheet.pdf"},
            ]
        if custom.get("link") == "support":
            links.append(
                {
                    "title": ui_text(state, "ui.support_link", language),
                    "url": f"/support/checklist?lang={language}",
                }
            )
        if links:
            message["links"] = links
        if isinstance(custom.get("key"), str):
            message["key"] = custom["key"]
        if custom.get("select") == "many" and len(message.get("buttons") or []) > 1:
            message["select"] = "many"
            if isinstance(custom.get("max"), int):
                message["max"] = custom["max"]
        if message.get("text") or message.get("buttons") or links:
            shown.append(message)
    return shown


CRISIS = "utter_urgent_crisis"


def with_crisis_help(
    state: StateDep, text: str, answered: list[dict[str, Any]], language: str
) -> list[dict[str, Any]]:
    """A message with words of self-harm gets the crisis answer first, whatever else it asks."""
    if not mentions_self_harm(text) or any(m.get("key") == CRISIS for m in answered):
        return answered
    crisis = render(state.wording, CRISIS, language)
    return [{"text": crisis["text"], "buttons": crisis["buttons"], "key": CRISIS}] + answered


def ui_text(state: StateDep, key: str, language: str) -> str:
    return lookup(state.wording, key, language) or key


def too_many(state: StateDep, language: str, wait: int) -> JSONResponse:
    error = ui_text(state, "ui.error_rate_limited", language)
    return JSONResponse(
        {"error": error, "retry_after": wait}, status_code=429, headers={"Retry-After": str(wait)}
    )


def forget(state: StateDep, session: str, language: str) -> dict[str, Any]:
    """'Delete my data': the sheet and the session go at once; the chat goes on in a new session."""
    state.sheets.delete(session)
    state.conversations.delete(session)
    state.sessions.delete(session)
    fresh = state.sessions.create(language)
    return {
        "session": fresh,
        "language": language,
        "messages": [{"text": ui_text(state, "ui.deleted", language), "buttons": []}],
    }


@router.post("/api/chat")
async def chat(body: ChatRequest, request: Request, state: StateDep) -> JSONResponse:
    settings = state.settings
    sessions = state.sessions
    found = sessions.find(body.session)
    if found is None:  # a new conversation (or an unknown id): limited per client address
        wait = state.session_limit.retry_after(request.client.host if request.client else "-")
        if wait:
            return too_many(state, body.language or settings.default_language, wait)
        found = (sessions.create(), None)
    session, session_language = found
    wait = state.message_limit.retry_after(session)
    if wait:
        return too_many(state, body.language or session_language or settings.default_language, wait)
    scrubbed = scrub(body.message)
    is_payload = scrubbed.text.startswith("/")
    detected = None if (body.language or is_payload) else detect(scrubbed.text)
    language = choose_language(body.language, detected, session_language, settings.default_language)
    notice = []
    if scrubbed.found:
        text = lookup(state.wording, "ui.privacy_notice", language) or ""
        notice = [{"text": text, "buttons": []}]
    if scrubbed.text == DELETE_CONFIRM:
        return JSONResponse(forget(state, session, language))
    try:
        answered = finish(state, await state.rasa.send(session, scrubbed.text, language), session, language)
    except RasaUnavailable:
        error = lookup(state.wording, "ui.error_unavailable", language) or "unavailable"
        return JSONResponse(
            {"error": error, "session": session, "language": language, "messages": []}, status_code=503
        )
    if not answered:  # a part behind Rasa failed (e.g. the action server): say so, kindly
        answered = [{"text": ui_text(state, "ui.error_try_later", language), "buttons": []}]
    messages = notice + with_crisis_help(state, scrubbed.text, answered, language)
    sessions.touch(session, language)
    return JSONResponse({"session": session, "language": language, "messages": messages})
