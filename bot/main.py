"""Create the FastAPI application of bot/ (the only public process)."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.config import Settings, get_settings
from bot.retention import run_daily
from bot.routers import chat, health, lab, nlg, prepare
from bot.state import build_state

STATIC = Path(__file__).resolve().parent / "static"


def security_headers_for(settings: Settings) -> dict[str, str]:
    """No inline script, nothing from other sites; FRAME_ANCESTORS lists the sites that may embed
    the widget in an <iframe> (e.g. "'self' https://www.ocmw-voorbeeld.be")."""
    return {
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            f"frame-ancestors {settings.frame_ancestors}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def describe(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return "; ".join(parts) or "invalid request"


def create_app(settings: Settings | None = None) -> FastAPI:
    headers = security_headers_for(settings or get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state = build_state(settings or get_settings())
        app.state.bot = state
        retention = asyncio.create_task(run_daily(state))
        yield
        retention.cancel()  # a purge already running in its thread finishes before the stores close
        await state.http.aclose()
        state.conversations.close()
        state.lab.close()
        state.sessions.close()
        state.sheets.close()

    app = FastAPI(title="GPMI/PIIS assistant", lifespan=lifespan, docs_url=None, redoc_url=None)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": describe(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return JSONResponse({"error": "internal error"}, status_code=500)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for header, value in headers.items():
            response.headers.setdefault(header, value)
        return response

    app.include_router(chat.router)
    app.include_router(nlg.router)
    app.include_router(health.router)
    app.include_router(prepare.router)
    app.include_router(lab.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


app = create_app()
