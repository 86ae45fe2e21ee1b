"""Security headers on every page: no inline script, no other sites, embedding only where allowed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.main import create_app


def test_pages_forbid_inline_script_and_foreign_embedding_by_default(client):
    headers = client.get("/").headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'self'" in policy
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_an_ocmw_site_can_be_allowed_to_embed_the_widget(settings):
    settings.frame_ancestors = "'self' https://www.ocmw.example"
    with TestClient(create_app(settings)) as client:
        policy = client.get("/support/checklist").headers["content-security-policy"]
    assert "frame-ancestors 'self' https://www.ocmw.example" in policy
