"""A short concurrent load through the whole stack: every reply arrives, none fails."""

from __future__ import annotations

from tools.load import run_load


def test_concurrent_users_all_get_answers(stack):
    result = run_load(stack.url, users=5, seconds=5)
    assert result["errors"] == 0, result["first_error"]
    assert result["messages"] >= 5
