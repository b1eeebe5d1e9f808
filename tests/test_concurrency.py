"""One user's trouble stays theirs: updates run concurrently, each user's in order, and the bot
stops within seconds on SIGTERM (issue 11, item 8)."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from tests.conftest import RunningBot
from tests.fake_bot_api import FakeBotApi
from tests.test_crash_safety import BotProcess


async def test_a_stalled_send_to_one_user_does_not_hold_up_another(
    server: FakeBotApi, running_bot: RunningBot
):
    ann = server.user(951, language_code="zh")
    bob = server.user(952, language_code="zh")
    server.fail_next("sendMessage", status=None, delay=8.0)  # Ann's answer: delivered, confirmed late
    await ann.send("入库申报截止日期")
    await server.wait_for_call("sendMessage", lambda p: p.get("chat_id") == 951)
    await bob.send("验收申请截止日期")
    answer = await bob.next_reply(timeout=4.0)  # long before Ann's send returns
    assert "8月26日" in answer.text
    assert "7月8日" in (await ann.next_reply(timeout=10)).text


async def test_each_users_messages_are_answered_in_order(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(953, language_code="zh")
    server.fail_next("sendMessage", status=None, delay=1.0)  # the first answer is slow
    questions = ["入库申报截止日期", "验收申请截止日期", "联系方式"]
    for question in questions:
        await ann.send(question)
    replies = [await ann.next_reply(timeout=10) for _ in questions]
    assert "7月8日" in replies[0].text and "8月26日" in replies[1].text and "8884332" in replies[2].text


async def test_sigterm_stops_the_bot_within_seconds(server: FakeBotApi, tmp_path: Path):
    bot = BotProcess(server, tmp_path / "bot.db", tmp_path / "bot.log")
    await bot.start()
    try:
        ann = server.user(954, language_code="zh")
        server.fail_next("sendMessage", status=None, delay=60.0)  # a reply hangs
        await ann.send("入库申报截止日期")
        await server.wait_for_call("sendMessage", lambda p: p.get("chat_id") == 954)
        assert bot.proc is not None
        started = time.monotonic()
        bot.proc.send_signal(signal.SIGTERM)
        while bot.proc.poll() is None and time.monotonic() - started < 15:
            await asyncio.sleep(0.1)
        assert bot.proc.poll() == 0, bot.log_text()
        assert time.monotonic() - started < 10
    finally:
        bot.kill()
