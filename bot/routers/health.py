"""Readiness: Rasa has its model, the action server answers, the catalogs are loaded."""

from __future__ import annotations

import httpx
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bot.deps import StateDep

router = APIRouter(tags=["health"])


async def actions_ready(client: httpx.AsyncClient, base_url: str) -> bool:
    try:
        response = await client.get(f"{base_url.rstrip('/')}/health", timeout=3.0)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


@router.get("/healthz")
async def healthz(state: StateDep) -> JSONResponse:
    missing = []
    if not all(state.wording.catalogs.get(lang) for lang in state.settings.supported_languages):
        missing.append("catalogs")
    down = await state.rasa.ready()
    if len(down) == len(state.rasa.base_urls):
        missing.append("rasa")
    if not await actions_ready(state.http, state.settings.actions_url):
        missing.append("actions")
    if missing:
        return JSONResponse({"status": "unavailable", "missing": missing}, status_code=503)
    if down:  # some Rasa replicas are down; the others answer
        return JSONResponse({"status": "degraded", "rasa_down": len(down)})
    return JSONResponse({"status": "ok"})
