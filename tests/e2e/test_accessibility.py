"""Accessibility in a real browser: axe-core on the chat and the lab, the keyboard path, 360 px,
and the wording lab's round trip ("try it" shows a proposal in this browser only)."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

from tests.e2e.browser import SHOTS, Browser, needs_chromium, open_page, run
from tests.e2e.conftest import LAB_CODE

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(
    os.environ.get("AXE_JS")
    or next(iter(sorted((ROOT / "var" / "axe").glob("axe-*.min.js"))), ROOT / "missing")
)

pytestmark = needs_chromium
open_page = partial(open_page, bypass_csp=True)  # lets the tests inject axe-core


async def axe_violations(browser: Browser) -> list[dict]:
    assert AXE.exists(), "axe-core is missing: make browser-deps fetches it from npm"
    await browser.evaluate(AXE.read_text(encoding="utf-8"))
    result = await browser.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


async def sign_in_lab(browser: Browser, base: str) -> None:
    await browser.goto(base + "/lab")
    await browser.evaluate(
        "document.getElementById('group').value = 'Testgroep';"
        f"document.getElementById('code').value = {LAB_CODE!r};"
        "document.querySelector('form').submit()"
    )
    await browser.wait_for(
        "document.readyState === 'complete' && !!document.querySelector('.entry')", timeout=60
    )


def test_the_chat_has_no_serious_accessibility_violation_and_fits_360px(stack):
    async def scenario():
        browser = await open_page(stack.url)
        try:
            await browser.wait_for("document.querySelectorAll('#log .msg.bot').length >= 1")
            desktop = await axe_violations(browser)
            await browser.screenshot(SHOTS / "chat-desktop.png")
            await browser.call(
                "Emulation.setDeviceMetricsOverride", width=360, height=640, deviceScaleFactor=1, mobile=True
            )
            overflow = await browser.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            await browser.screenshot(SHOTS / "chat-360.png")
            await browser.call("Emulation.clearDeviceMetricsOverride")
            await browser.evaluate("document.documentElement.style.fontSize = '200%'")  # text zoom
            zoomed = await browser.evaluate(
                "({overflow: document.documentElement.scrollWidth > window.innerWidth,"
                " input: document.getElementById('message').getBoundingClientRect().width > 100})"
            )
            await browser.screenshot(SHOTS / "chat-text-200.png")
            return desktop, overflow, zoomed
        finally:
            await browser.close()

    violations, overflow, zoomed = run(scenario())
    assert violations == []
    assert overflow is False
    assert zoomed == {"overflow": False, "input": True}


def test_the_keyboard_reaches_every_control_of_the_chat(stack):
    async def scenario():
        browser = await open_page(stack.url)
        try:
            await browser.wait_for("document.querySelectorAll('#log .msg.bot .buttons button').length >= 1")
            reached = []
            for _ in range(30):
                await browser.key("Tab")
                reached.append(
                    await browser.evaluate(
                        "(e => e.id || e.dataset.lang || (e.closest('.buttons') ? 'quick-reply' : e.tagName))"
                        "(document.activeElement)"
                    )
                )
            return reached
        finally:
            await browser.close()

    reached = run(scenario())
    for control in ("nl", "fr", "restart", "delete", "log", "quick-reply", "message", "send"):
        assert control in reached, (control, reached)


def test_the_lab_round_trip_and_try_it_in_this_browser_only(stack):
    proposal = "Welkom! Ik leg je het GPMI uit, in gewone woorden. Wat wil je weten?"

    async def scenario():
        browser = await open_page(stack.url)
        try:
            await sign_in_lab(browser, stack.url)
            violations = await axe_violations(browser)
            await browser.screenshot(SHOTS / "lab-desktop.png")
            form = "document.querySelector('#utter_greet .side[lang=nl] form.feedback')"
            await browser.evaluate(
                f"{form}.querySelector('input[value=unclear]').checked = true;"
                f"{form}.querySelector('input[name=word]').value = 'assistent';"
                f"{form}.querySelector('textarea[name=comment]').value = 'Te lang';"
                f"{form}.querySelector('textarea[name=proposal]').value = {json.dumps(proposal)};"
                f"{form}.querySelector('textarea[name=proposal]').dispatchEvent(new Event('input'))"
            )
            await browser.wait_for(f"{form}.querySelector('.live-score').textContent.length > 0")
            score = await browser.evaluate(f"{form}.querySelector('.live-score').textContent")
            await browser.evaluate(f"window.open = () => null; {form}.querySelector('button.try').click()")
            await browser.evaluate(f"window.beforeSubmit = true; {form}.submit()")
            await browser.wait_for(
                "!window.beforeSubmit && document.readyState === 'complete'"
                " && !!document.querySelector('#utter_greet')"
            )
            page = await browser.evaluate("document.getElementById('utter_greet').textContent")
            csv_text = await browser.evaluate("fetch('/lab/export.csv').then(r => r.text())")
            await browser.call(
                "Emulation.setDeviceMetricsOverride", width=360, height=640, deviceScaleFactor=1, mobile=True
            )
            lab_overflow = await browser.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            await browser.screenshot(SHOTS / "lab-360.png")
            await browser.call("Emulation.clearDeviceMetricsOverride")
            await browser.goto(stack.url + "/?lang=nl")
            await browser.wait_for("document.querySelectorAll('#log .msg.bot').length >= 1")
            mine = await browser.evaluate("document.getElementById('log').textContent")
        finally:
            await browser.close()
        other = await open_page(stack.url + "/?lang=nl")
        try:
            await other.wait_for("document.querySelectorAll('#log .msg.bot').length >= 1")
            theirs = await other.evaluate("document.getElementById('log').textContent")
        finally:
            await other.close()
        return violations, score, page, csv_text, lab_overflow, mine, theirs

    violations, score, page, csv_text, lab_overflow, mine, theirs = run(scenario())
    assert violations == []
    assert "Leesgemak" in score
    assert "Te lang" in page and "Testgroep" in csv_text and "assistent" in csv_text
    assert lab_overflow is False
    assert proposal in mine and "tekstlab" in mine  # the proposal, marked as such, in this browser
    assert proposal not in theirs and "GPMI" in theirs  # another browser sees the catalog text
