"""The chat widget in a real headless Chromium: a conversation, the keyboard, a screenshot."""

from __future__ import annotations

from tests.e2e.browser import SHOTS, Browser, needs_chromium, open_page, run

pytestmark = needs_chromium


async def open_chat(url: str, width: int = 1000, height: int = 800) -> Browser:
    browser = await open_page(url, width, height)
    await browser.wait_for("document.querySelectorAll('#log .msg.bot').length >= 1")
    return browser


LAST_BOT = "[...document.querySelectorAll('#log .msg.bot')].pop()"
IDLE = "document.getElementById('typing').hidden"  # the reply is complete and the widget ready


def bot_count() -> str:
    return "document.querySelectorAll('#log .msg.bot').length"


def test_a_dutch_question_typed_and_sent_with_enter_gets_an_answer(stack):
    async def scenario():
        browser = await open_chat(stack.url)
        try:
            before = await browser.evaluate(bot_count())
            await browser.evaluate("document.getElementById('message').focus()")
            await browser.type_text("Hoeveel dagen mag ik nadenken voor ik teken?")
            await browser.key("Enter", text="\r")
            await browser.wait_for(f"{bot_count()} > {before}")
            last = await browser.evaluate(LAST_BOT + ".textContent")
            lang = await browser.evaluate("document.documentElement.lang")
            await browser.screenshot(SHOTS / "chat-nl-desktop.png")
            return last, lang
        finally:
            await browser.close()

    last, lang = run(scenario())
    assert "5 dagen" in last
    assert lang == "nl"


def test_french_via_the_language_toggle_and_a_quick_reply_button_at_360px(stack):
    async def scenario():
        browser = await open_chat(stack.url, 360, 640)
        try:
            await browser.evaluate("document.querySelector('.lang[data-lang=fr]').click()")
            await browser.wait_for("document.documentElement.lang === 'fr'")
            await browser.wait_for(LAST_BOT + ".textContent.includes('CPAS')")
            before = await browser.evaluate(bot_count())
            await browser.evaluate(LAST_BOT + ".querySelector('.buttons button').click()")
            await browser.wait_for(f"{bot_count()} > {before}")
            last = await browser.evaluate(LAST_BOT + ".textContent")
            overflow = await browser.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            await browser.screenshot(SHOTS / "chat-fr-360.png")
            return last, overflow
        finally:
            await browser.close()

    last, overflow = run(scenario())
    assert "CPAS" in last or "PIIS" in last
    assert overflow is False


def test_bot_text_is_shown_as_text_not_html(stack):
    async def scenario():
        browser = await open_chat(stack.url)
        try:
            before = await browser.evaluate(bot_count())
            await browser.evaluate(
                "document.getElementById('message').value = '<img src=x onerror=window.pwned=1>'"
            )
            await browser.evaluate("document.getElementById('composer').requestSubmit()")
            await browser.wait_for(f"{bot_count()} > {before}")
            user = await browser.evaluate(
                "[...document.querySelectorAll('#log .msg.user')].pop().textContent"
            )
            images = await browser.evaluate("document.querySelectorAll('#log img').length")
            pwned = await browser.evaluate("window.pwned === 1")
            return user, images, pwned
        finally:
            await browser.close()

    user, images, pwned = run(scenario())
    assert user == "<img src=x onerror=window.pwned=1>"
    assert images == 0 and pwned is False


def test_several_topics_can_be_ticked_and_sent_together(stack):
    async def scenario():
        browser = await open_chat(stack.url)
        try:
            for step in (
                "/prep_start",
                '/prep_answer{"prep_choice":"first"}',
                '/prep_answer{"prep_choice":"ok"}',
            ):
                before = await browser.evaluate(bot_count())
                await browser.evaluate(f"document.getElementById('message').value = {step!r}")
                await browser.evaluate("document.getElementById('composer').requestSubmit()")
                await browser.wait_for(f"{bot_count()} > {before} && {IDLE}")
            before = await browser.evaluate(bot_count())
            await browser.evaluate("document.getElementById('message').value = 'Ik help graag mensen'")
            await browser.evaluate("document.getElementById('composer').requestSubmit()")
            try:
                await browser.wait_for(
                    f"{bot_count()} > {before} && !!document.querySelector('#log button.done')"
                )
            except TimeoutError:
                raise AssertionError(
                    await browser.evaluate("document.getElementById('log').innerText")
                ) from None
            buttons = (
                "[...document.querySelectorAll('#log .msg.bot')].pop().querySelectorAll('.buttons button')"
            )
            await browser.evaluate(f"{buttons}[0].click(); {buttons}[2].click()")
            pressed = await browser.evaluate(
                f"[...{buttons}].filter(b => b.getAttribute('aria-pressed') === 'true').length"
            )
            await browser.screenshot(SHOTS / "walk-through-topics-nl.png")
            before = await browser.evaluate(bot_count())
            await browser.evaluate("document.querySelector('#log button.done').click()")
            await browser.wait_for(f"{bot_count()} > {before} && {IDLE}")
            sent = await browser.evaluate(
                "[...document.querySelectorAll('#log .msg.user')].pop().textContent"
            )
            last = await browser.evaluate(LAST_BOT + ".textContent")
            return pressed, sent, last
        finally:
            await browser.close()

    pressed, sent, last = run(scenario())
    assert pressed == 2
    assert sent == "Wonen, Werk"
    assert "wonen" in last.lower()  # the first chosen topic is asked about first


def test_delete_my_data_from_the_widget_clears_the_conversation(stack):
    async def scenario():
        browser = await open_chat(stack.url)
        try:
            before = await browser.evaluate(bot_count())
            await browser.evaluate("document.getElementById('message').value = 'ik heb schulden bij de bank'")
            await browser.evaluate("document.getElementById('composer').requestSubmit()")
            await browser.wait_for(f"{bot_count()} > {before} && {IDLE}")
            old_session = await browser.evaluate("sessionStorage.getItem('gpmi-session')")
            before = await browser.evaluate(bot_count())
            await browser.evaluate("document.getElementById('delete').click()")
            await browser.wait_for(f"{bot_count()} > {before} && {IDLE}")
            await browser.evaluate(LAST_BOT + ".querySelector('.buttons button').click()")
            await browser.wait_for(
                "!document.getElementById('log').textContent.includes('schulden bij de bank')"
            )
            await browser.wait_for("document.querySelectorAll('#log .msg.bot').length === 1")
            text = await browser.evaluate("document.getElementById('log').textContent")
            new_session = await browser.evaluate("sessionStorage.getItem('gpmi-session')")
            return old_session, new_session, text
        finally:
            await browser.close()

    old_session, new_session, text = run(scenario())
    assert old_session and new_session and old_session != new_session
    assert "gewist" in text
