"""FastAPI dependencies: the shared state built at start-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bot.state import AppState


def get_state(request: Request) -> AppState:
    return request.app.state.bot


StateDep = Annotated[AppState, Depends(get_state)]
