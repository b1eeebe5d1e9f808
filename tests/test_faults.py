"""Telegram's bad minutes: 429, 5xx, timeouts and refused connections. The bot backs off, retries,
owes no reply at the end, never sends one twice and never exits."""

from __future__ import annotations

import asyncio

import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.resilience import ResilientLimiter
from tests.conftest import RunningBot
from tests.fake_bot_api import FakeBotApi


async def test_a_429_on_a_reply_is_waited_out(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(401, language_code="zh")
    server.fail_next("sendMessage", status=429, retry_after=1)
    await ann.send("入库申报截止日期")
    reply = await ann.next_reply(timeout=8)
    assert "7月8日" in reply.text
    assert any(e.error_code == 429 for e in server.errors)


@pytest.mark.parametrize("status", [500, 502])
async def test_server_errors_are_retried(server: FakeBotApi, running_bot: RunningBot, status: int):
    ann = server.user(402, language_code="zh")
    server.fail_next("sendMessage", status=status, count=2)
    await ann.send("联系方式")
    assert "8884332" in (await ann.next_reply(timeout=10)).text


async def test_an_outage_then_recovery_loses_no_reply(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(403, language_code="zh")
    await ann.send("/start")
    await ann.next_reply()
    await server.pause()
    await ann.send("验收申请截止日期")  # queued while Telegram is unreachable
    await asyncio.sleep(2.0)
    await server.resume()
    reply = await ann.next_reply(timeout=40)
    assert "8月26日" in reply.text
    await ann.send("联系方式")  # and the bot is still polling
    assert "8884332" in (await ann.next_reply(timeout=10)).text


async def test_a_timed_out_send_is_not_sent_twice(server: FakeBotApi, tmp_path, caplog):
    from tests.conftest import make_settings

    bot = RunningBot(make_settings(server, tmp_path / "t.db"))
    await bot.start()
    try:
        bot.application.bot._request[1]._client.timeout.read = 1.0  # a short read timeout for the test
        ann = server.user(404, language_code="zh")
        server.fail_next("sendMessage", status=None, delay=2.5)  # delivered, but answered late
        await ann.send("联系方式")
        replies = await ann.replies_until_idle(idle=3.0, timeout=8)
        assert sum("8884332" in r.text for r in replies) == 1
        assert not any("出了点问题" in r.text for r in replies)  # no apology for a reply that arrived
        assert any(isinstance(r.exc_info and r.exc_info[1], TimedOut) for r in caplog.records)
        await ann.send("入库申报截止日期")  # the bot lives on
        assert "7月8日" in (await ann.next_reply(timeout=8)).text
    finally:
        await bot.stop()


async def test_polling_survives_server_errors_on_get_updates(server: FakeBotApi, running_bot: RunningBot):
    server.fail_next("getUpdates", status=502, count=3)
    ann = server.user(405, language_code="zh")
    await ann.send("联系方式")
    assert "8884332" in (await ann.next_reply(timeout=40)).text


async def test_startup_waits_for_telegram(server: FakeBotApi, tmp_path):
    """Bootstrap (getMe, deleteWebhook) retries instead of exiting; here through the limiter."""
    from tests.conftest import make_settings

    server.fail_next("getMe", status=500, count=2)
    bot = RunningBot(make_settings(server, tmp_path / "s.db"))
    await bot.start()
    try:
        ann = server.user(406, language_code="zh")
        await ann.send("联系方式")
        assert "8884332" in (await ann.next_reply(timeout=10)).text
    finally:
        await bot.stop()


# the limiter on its own --------------------------------------------------------------------------


async def _call(limiter: ResilientLimiter, endpoint: str, outcomes: list[object]) -> tuple[object, int]:
    calls = 0

    async def callback() -> object:
        nonlocal calls
        calls += 1
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    result = await limiter.process_request(callback, (), {}, endpoint, {"chat_id": 1}, None)
    return result, calls


async def test_limiter_retries_network_errors_and_rate_limits():
    limiter = ResilientLimiter()
    result, calls = await _call(limiter, "sendMessage", [NetworkError("refused"), RetryAfter(0), {"ok": 1}])
    assert result == {"ok": 1} and calls == 3


async def test_limiter_never_repeats_a_timed_out_send_but_repeats_an_edit():
    limiter = ResilientLimiter()
    with pytest.raises(TimedOut):
        await _call(limiter, "sendMessage", [TimedOut(), {"ok": 1}])
    result, calls = await _call(limiter, "editMessageText", [TimedOut(), {"ok": 1}])
    assert result == {"ok": 1} and calls == 2


async def test_limiter_does_not_retry_what_telegram_refused():
    limiter = ResilientLimiter()
    with pytest.raises(BadRequest):
        await _call(limiter, "sendMessage", [BadRequest("chat not found"), {"ok": 1}])


async def test_limiter_gives_up_after_its_budget():
    limiter = ResilientLimiter(max_wait=1.0)
    with pytest.raises(TimedOut, match="gave up"):
        await _call(limiter, "sendMessage", [NetworkError("down")] * 10)
