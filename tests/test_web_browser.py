"""The web chat in a real browser: Debian's chromium driven by Playwright on a phone-sized page,
against the real `python -m bot serve` process (and the fake Bot API server for the staff side).

Skipped only where chromium is missing and CI is not "true"; in CI a missing browser fails.
Set WEB_CHAT_SCREENSHOT=docs/web-chat.png to save the phone-sized page (README shows it).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_ID, STAFF_CHAT_ID
from tests.fake_bot_api import FakeBotApi
from tests.players import ELIGIBLE_CHECK_WITH_LEAD
from tests.test_crash_safety import BotProcess
from tests.test_web import free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "zh-CN",
}
WAIT_MS = 10_000
# CSP violations reach the console as errors too; this makes sure of it
REPORT_CSP = (
    "document.addEventListener('securitypolicyviolation', function (e) {"
    " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });"
)


def _browser_or_skip() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests need {CHROMIUM} in CI (.ci/run installs it)")
        pytest.skip(f"{CHROMIUM} is not installed")


@pytest.fixture
async def serving(server: FakeBotApi, tmp_path: Path) -> AsyncIterator[str]:
    """`python -m bot serve` on a free port with Telegram against the fake server; yields its URL."""
    _browser_or_skip()
    port = free_port()
    bot = BotProcess(server, tmp_path / "bot.db", tmp_path / "serve.log", ("serve", "--port", str(port)))
    await bot.start()  # returns once it polls Telegram
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=url) as probe:
            for _ in range(100):  # until uvicorn listens (bounded)
                try:
                    if (await probe.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"the web chat did not listen:\n{bot.log_text()}")
        yield url
    finally:
        bot.kill()


@pytest.fixture
async def phone(serving: str) -> AsyncIterator[Any]:
    """A phone-sized page of chromium; fails the test on console errors or CSP violations."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = await browser.new_context(**PHONE)
        await context.add_init_script(REPORT_CSP)
        page = await context.new_page()
        page.set_default_timeout(WAIT_MS)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        await page.goto(serving)
        yield page
        await browser.close()
    assert errors == [], errors


async def last_id(page: Any) -> int:
    ids = await page.locator("#log article.msg").evaluate_all("els => els.map(e => Number(e.dataset.id))")
    return max(ids, default=0)


async def wait_reply(page: Any, after: int, kind: str = "bot") -> None:
    """Until the page shows a message from `kind` with an id above `after`."""
    await page.wait_for_function(
        "([after, kind]) => [...document.querySelectorAll('#log article.msg.' + kind)]"
        ".some(e => Number(e.dataset.id) > after)",
        arg=[after, kind],
        timeout=WAIT_MS,
    )


async def type_text(page: Any, text: str) -> str:
    """Type and send (Enter) like a user; returns the text of the bot's replies to it."""
    before = await last_id(page)
    await page.locator("#text").fill(text)
    await page.locator("#text").press("Enter")
    await wait_reply(page, before)
    return await replies_after(page, before)


async def replies_after(page: Any, after: int) -> str:
    texts: list[str] = await page.locator("#log article.msg.bot").evaluate_all(
        "(els, after) => els.filter(e => Number(e.dataset.id) > after).map(e => e.innerText)", after
    )
    return "\n".join(texts)


async def tap(page: Any, label: str) -> str:
    """Tap `label` on the latest message showing it (an exact label wins, else a unique one
    containing it), as tests/players.py does in Telegram; returns the text of the replies."""
    groups = page.locator("#log article.msg:has(.buttons)")
    for index in reversed(range(await groups.count())):
        buttons = groups.nth(index).locator(".buttons button")
        labels = [label_.strip() for label_ in await buttons.all_inner_texts()]
        exact = [i for i, text in enumerate(labels) if text == label]
        partial = [i for i, text in enumerate(labels) if label in text]
        if not exact and len(partial) > 1:
            raise AssertionError(f"label {label!r} is ambiguous: {labels}")
        if exact or partial:
            before = await last_id(page)
            await buttons.nth((exact or partial)[0]).tap()
            await wait_reply(page, before)
            return await replies_after(page, before)
    raise AssertionError(f"no message shows a button {label!r}")


async def bot_messages(page: Any) -> list[str]:
    texts: list[str] = await page.locator("#log article.msg").all_inner_texts()
    return texts


async def test_a_phone_chats_taps_checks_talks_to_staff_and_reloads(
    phone: Any, server: FakeBotApi, tmp_path: Path
):
    page = phone
    # the greeting and the menu, once
    greeting = page.locator("#log article.msg.bot").first
    await greeting.locator(".buttons button").first.wait_for()
    assert "韶工信函〔2022〕91号" in await greeting.inner_text()
    assert await page.locator("#log article.msg").count() == 1

    # a menu tap replaces the menu in place: still one message, a new id, the directions in it
    menu_id = await last_id(page)
    shown = await tap(page, "支持方向")
    assert "上云上平台" in shown
    assert await page.locator("#log article.msg").count() == 1 and await last_id(page) > menu_id
    await tap(page, "返回")
    assert await page.locator("#log article.msg").count() == 1
    assert await page.locator("#log article.msg .buttons button", has_text="支持方向").count() == 1

    # a question typed on the phone's keyboard; the user's own message shows too
    answer = await type_text(page, "入库申报什么时候截止？")
    assert "7月8日" in answer
    await page.locator("#log article.msg.user", has_text="入库申报什么时候截止？").wait_for()

    # a whole eligibility check, typed and tapped (up to the result; contact details are Telegram's test)
    steps = ELIGIBLE_CHECK_WITH_LEAD[: ELIGIBLE_CHECK_WITH_LEAD.index(("press", "留下联系方式"))]
    result = ""
    for kind, value in steps:
        result = await (type_text(page, value) if kind == "say" else tap(page, value))
    assert "符合" in result and "50万元" in result, result
    screenshot = os.environ.get("WEB_CHAT_SCREENSHOT")
    if screenshot:  # the result from its verdict on
        await page.locator("#log article.msg.bot").last.evaluate("e => e.scrollIntoView({block: 'start'})")
        await page.screenshot(path=screenshot)

    # a case for a person: the staff group sees it marked 网页, an admin's reply reaches the page
    opened = await type_text(page, "/human")
    assert "工单 #" in opened
    staff = server.chat(STAFF_CHAT_ID)
    header = await staff.next_reply(timeout=10)
    assert "网页" in header.text
    before = await last_id(page)
    await page.locator("#text").fill("我们的项目还差验收报告")
    await page.locator("#text").press("Enter")
    relayed = await staff.next_reply(timeout=10)
    assert "验收报告" in relayed.text
    officer = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await officer.send_in(STAFF_CHAT_ID, "请参考附件4的<模板>填写。", reply_to_message_id=relayed.message_id)
    await wait_reply(page, before, kind="staff")
    staff_reply = page.locator("#log article.msg.staff").last
    assert "请参考附件4的<模板>填写。" in await staff_reply.inner_text()
    assert "&lt;模板&gt;" in await staff_reply.inner_html()  # shown as text, never as markup

    # a reload shows the same conversation, each message once
    seen = await bot_messages(page)
    await page.reload()
    await page.locator("#log article.msg.staff").wait_for()
    assert await bot_messages(page) == seen
    assert await page.locator("#log article.msg .buttons button", has_text="支持方向").count() == 1


async def test_the_pages_own_labels_follow_the_language_the_user_picks(phone: Any):
    page = phone  # a phone whose browser speaks Chinese
    await page.locator("#log article.msg.bot .buttons button").first.wait_for()
    assert await page.locator("#send").inner_text() == "发送"
    await page.locator("#lang").tap()  # the page's switch: the language screen
    await page.locator("#log article.msg .buttons button", has_text="English").last.wait_for()
    await tap(page, "English")
    await page.locator("#send", has_text="Send").wait_for()  # a locator: the CSP forbids eval
    assert await page.locator("html").get_attribute("lang") == "en"
    assert await page.locator("#forget").inner_text() == "Delete my data"
    assert "Type a question" in (await page.locator("#text").get_attribute("placeholder") or "")
    assert await page.locator("#log article.msg.user .who").last.inner_text() == "You"

    # a reload keeps the session's language, whatever the browser's is
    await page.reload()
    await page.locator("#send", has_text="Send").wait_for()  # a locator: the CSP forbids eval
    assert await page.locator("#title").inner_text() == "Notice assistant"

    # /lang typed as text switches back, and the labels with it
    await type_text(page, "/lang 中文")
    await page.locator("#send", has_text="发送").wait_for()
    assert await page.locator("html").get_attribute("lang") == "zh-CN"
