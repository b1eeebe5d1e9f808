"""Through Telegram, on the days the audit checked: after the round (2026), between the deadlines
and on the last deadline day, the check and the reminders tell the truth (issue 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import RunningBot, make_settings
from tests.fake_bot_api import FakeBotApi, FakeUser
from tests.players import press, say


@pytest.fixture
async def bot_on(server: FakeBotApi, tmp_path: Path) -> AsyncIterator[dict[dt.date, RunningBot]]:
    """Start the bot with BOT_TODAY set to a given day: `await start(day)`."""
    started: dict[dt.date, RunningBot] = {}
    yield started
    for bot in started.values():
        await bot.stop()


async def start(server: FakeBotApi, tmp_path: Path, bots: dict[dt.date, RunningBot], day: dt.date) -> None:
    bot = RunningBot(make_settings(server, tmp_path / f"{day}.db", today=day))
    await bot.start()
    bots[day] = bot


async def answer_up_to_the_completion_date(user: FakeUser, *, entered: str | None = None) -> None:
    await user.send("/check")
    await user.next_reply()
    await say(user, "韶关某某机械有限公司")
    await press(user, "浈江区")
    await press(user, "1 上云上平台")
    await press(user, "工业企业（含制造业企业）")
    asked = await press(user, "项目单位自己申报")
    if entered is not None:
        assert "入库" in asked.text and "四(二)" in asked.text
        await press(user, entered)
    else:
        assert "入库" not in asked.text
    await press(user, "否")
    await press(user, "否")
    await press(user, "否")


async def test_in_2026_the_round_has_closed(server: FakeBotApi, tmp_path: Path, bot_on: dict) -> None:
    await start(server, tmp_path, bot_on, dt.date(2026, 11, 24))
    ann = server.user(301, language_code="zh")
    await answer_up_to_the_completion_date(ann)
    echoed = await say(ann, "5月20日")  # no year: read in the construction window, and said back
    assert "已按通知的建设期记为2022年5月20日" in echoed.text
    await say(ann, "1")
    await say(ann, "2000万")
    await say(ann, "500万")
    result = await say(ann, "0")
    headline = result.text.split("\n")[0]
    assert "2022年度申报已截止" in headline and "✅" not in headline
    assert "本可符合申报条件" in result.text
    assert "严鹏、马凯鹏 8884332" in result.text and "还剩" not in result.text

    await ann.send("/remind")
    assert "都已过" in (await ann.next_reply()).text


async def test_between_the_deadlines_the_pool_decides(
    server: FakeBotApi, tmp_path: Path, bot_on: dict
) -> None:
    await start(server, tmp_path, bot_on, dt.date(2022, 8, 1))
    ann = server.user(302, language_code="zh")
    await answer_up_to_the_completion_date(ann, entered="否")
    await say(ann, "2022-05-20")
    await say(ann, "1")
    await say(ann, "2000万")
    await say(ann, "500万")
    result = await say(ann, "0")
    assert "不符合申报条件" in result.text and "四、申报流程（二）" in result.text
    assert "因此不作奖补估算" in result.text and "④" not in result.text and "= 0元" not in result.text
    assert "附件4" not in result.text.split("下一步")[-1] and "8884332" in result.text

    bob = server.user(303, language_code="en")
    await bob.send("/check")
    await bob.next_reply()
    await say(bob, "Acme Shaoguan Ltd")
    await press(bob, "Zhenjiang District")
    await press(bob, "1 Cloud & platforms")
    await press(bob, "Industrial enterprise (incl. manufacturing)")
    await press(bob, "The enterprise itself")
    await press(bob, "Yes")  # entered in the pool
    for _ in range(3):
        await press(bob, "No")
    await say(bob, "2022-05-20")
    await say(bob, "1")
    await say(bob, "3,000,000")
    figures = await say(bob, "4,000,000")
    assert "other government support" in figures.text
    check = await say(bob, "0")
    assert "exceed the project investment" in check.text and "RMB 3,000,000" in check.text
    result = await press(bob, "The figures are right")
    assert "needs a person" in result.text and "Section 5 item 2" in result.text
    assert "RMB 3,000,000 − " not in result.text
    assert "25 days left" in result.text


async def test_on_the_last_deadline_day(server: FakeBotApi, tmp_path: Path, bot_on: dict) -> None:
    await start(server, tmp_path, bot_on, dt.date(2022, 8, 26))
    ann = server.user(304, language_code="zh")
    await ann.send("/remind")
    remind = await ann.next_reply()
    assert (
        "今天是截止日" in remind.text and "验收申请" in remind.text and "以当地工信局通知为准" in remind.text
    )
    assert "都已过" not in remind.text

    await answer_up_to_the_completion_date(ann, entered="是")
    await say(ann, "2022-05-20")
    await say(ann, "1")
    await say(ann, "2000万")
    await say(ann, "500万")
    result = await say(ann, "0")
    assert "初步判断：符合申报条件" in result.text and "估算奖补上限：50万元" in result.text
    assert "验收申请：2022年8月26日前（就是今天" in result.text and "附件4" in result.text
    assert "以当地工信局通知为准" in result.text
