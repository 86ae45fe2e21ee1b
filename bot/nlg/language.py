"""Which language a reply is rendered in, from what Rasa sends with an NLG request."""

from __future__ import annotations

from typing import Any


def resolve_language(tracker: dict[str, Any] | None, supported: tuple[str, ...], default: str) -> str:
    """The language bot/ attached to the latest message wins, then the `language` slot."""
    tracker = tracker or {}
    metadata = (tracker.get("latest_message") or {}).get("metadata") or {}
    for candidate in (metadata.get("language"), (tracker.get("slots") or {}).get("language")):
        if candidate in supported:
            return candidate
    return default
