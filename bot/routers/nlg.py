"""Rasa's NLG endpoint: Rasa names a response, bot/ renders it in the conversation's language."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body

from bot.deps import StateDep
from bot.nlg.language import resolve_language
from bot.nlg.render import render

router = APIRouter(tags=["nlg"])


@router.post("/nlg")
async def nlg(state: StateDep, request: dict[str, Any] = Body(...)) -> dict[str, Any]:
    settings = state.settings
    tracker = request.get("tracker") or {}
    language = resolve_language(tracker, settings.supported_languages, settings.default_language)
    values = {**(tracker.get("slots") or {}), **(request.get("arguments") or {})}
    return render(state.wording, str(request.get("response") or "utter_default"), language, values)
