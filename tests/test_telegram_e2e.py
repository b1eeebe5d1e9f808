"""The real Application against the fake Bot API server, played by users as on their phones."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from knowledge.search import Kind
from tests.conftest import RunningBot, make_settings
from tests.fake_bot_api import FakeBotApi


async def test_start_shows_the_menu_in_the_users_language(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(101, first_name="Ann", language_code="zh-hans")
    await ann.send("/start")
    reply = await ann.next_reply()
    assert "韶工信函〔2022〕91号" in reply.text
    labels = [label for row in reply.buttons for label in row]
    assert {"支持方向", "申报对象", "奖补金额", "关键日期", "申报材料", "资格自测", "联系人"} <= set(labels)

    bob = server.user(102, first_name="Bob", language_code="en")
    await bob.send("/start")
    reply = await bob.next_reply()
    assert "Hello Bob" in reply.text
    assert "Support directions" in [label for row in reply.buttons for label in row]


async def test_commands_are_registered_in_both_languages(server: FakeBotApi, running_bot: RunningBot):
    zh = {c["command"]: c["description"] for c in server.commands(language_code="zh")}
    en = {c["command"]: c["description"] for c in server.commands(language_code="en")}
    default = {c["command"] for c in server.commands()}
    expected = {"start", "help", "check", "human", "remind", "lang", "cancel", "forget"}
    assert expected <= set(zh) and expected <= set(en) and expected <= default
    assert zh["remind"] != en["remind"]


async def test_menu_drills_down_and_back_editing_in_place(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(103, language_code="zh")
    await ann.send("/start")
    menu = await ann.next_reply()
    await ann.tap("支持方向")
    directions = await ann.next_reply()
    assert directions.method == "editMessageText" and directions.message_id == menu.message_id
    assert "上云上平台" in directions.text
    await ann.tap("上云上平台")
    one = await ann.next_reply()
    assert one.method == "editMessageText" and "工业企业" in one.text
    await ann.tap("奖补标准")
    amount = await ann.next_reply()
    assert "10%" in amount.text and "100万元" in amount.text and "三、支持方式（一）" in amount.text
    await ann.tap("« 返回")
    back = await ann.next_reply()
    assert back.method == "editMessageText" and "奖补标准" in [b for row in back.buttons for b in row]
    await ann.tap("所需材料")
    materials = await ann.next_reply()
    assert (
        "附件2" in materials.text and "附件3" in materials.text and "七" in materials.text
    ) or "7" in materials.text
    for _ in range(2):
        await ann.tap("« 返回")
        await ann.next_reply()
    await ann.tap("« 返回")
    home = await ann.next_reply()
    assert "支持方向" in [b for row in home.buttons for b in row]
    assert all(
        action.method == "editMessageText" for action in [directions, one, amount, back, materials, home]
    )


async def test_questions_in_each_language_and_suggestions(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(104, language_code="zh")
    await ann.send("验收申请什么时候截止？")
    reply = await ann.next_reply()
    assert "8月26日" in reply.text and "四、申报流程（二）" in reply.text

    await ann.send("What attachments are needed for the entry application?")
    reply = await ann.next_reply()
    assert "Attachment 2" in reply.text or "attachment 2" in reply.text.lower()

    # which vague question the search is unsure of depends on the data: take the first one
    index = running_bot.application.bot_data["assistant"].index
    vague = ["那个东西", "那个表格", "有没有那个", "申请那个", "那个项目", "能不能", "怎么弄", "多少"]
    question = next(q for q in vague if index.search(q).kind is Kind.UNSURE)
    await ann.send(question)
    unsure = await ann.next_reply()
    labels = [b for row in unsure.buttons for b in row]
    assert "转人工" in labels and len(labels) >= 3
    suggestion = labels[0]
    await ann.tap(suggestion)
    answer = await ann.next_reply()
    assert answer.method == "sendMessage" and "依据" in answer.text

    await ann.send("明天会下雨吗")
    outside = await ann.next_reply()
    assert "8884332" in outside.text


async def test_lang_switch_is_remembered(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(105, language_code="zh")
    await ann.send("/lang")
    choose = await ann.next_reply()
    assert choose.buttons == [["中文", "English"], ["« 返回"]]
    await ann.tap("English")
    switched = await ann.next_reply()
    assert "Switched to English" in switched.text
    await ann.send("/start")
    assert "Support directions" in [b for row in (await ann.next_reply()).buttons for b in row]
    await ann.send("/lang zh")
    assert "已切换为中文" in (await ann.next_reply()).text


async def test_key_dates_and_reminders_before_a_deadline(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(106, language_code="en")
    await ann.send("/start")
    await ann.next_reply()
    await ann.tap("Key dates")
    dates = await ann.next_reply()
    assert "July 8, 2022" in dates.text and "7 days left" in dates.text
    assert "August 26, 2022" in dates.text and "56 days left" in dates.text

    await ann.send("/remind")
    confirm = await ann.next_reply()
    assert "Reminders are on" in confirm.text and "July 7, 2022" in confirm.text
    # BOT_TODAY is 7 days before the entry deadline: that reminder is due now and goes out once
    reminder = await ann.next_reply(timeout=5)
    assert "Reminder" in reminder.text and "July 8, 2022" in reminder.text
    jobs = [j.name for j in running_bot.application.job_queue.jobs()]
    assert any(name.startswith("remind:106:acceptance") for name in jobs)

    await ann.send("/remind off")
    assert "off" in (await ann.next_reply()).text
    await asyncio.sleep(0.1)
    assert not [
        j
        for j in running_bot.application.job_queue.jobs()
        if j.name.startswith("remind:106:") and not j.removed
    ]


async def test_reminders_are_rescheduled_after_a_restart(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(107, language_code="zh")
    await ann.send("/remind")
    await ann.replies_until_idle(idle=1.5)
    await running_bot.stop()
    await running_bot.start()
    jobs = [j.name for j in running_bot.application.job_queue.jobs()]
    assert any(name.startswith("remind:107:") for name in jobs)
    await ann.expect_no_reply(wait=1.5)  # the reminder due today was already sent: not again


async def test_reminders_when_every_deadline_has_passed(server: FakeBotApi, tmp_path):
    import datetime as dt

    from tests.conftest import make_settings

    bot = RunningBot(make_settings(server, tmp_path / "late.db", today=dt.date(2023, 1, 10)))
    await bot.start()
    try:
        ann = server.user(108, language_code="zh")
        await ann.send("/remind")
        reply = await ann.next_reply()
        assert "都已过" in reply.text
        await ann.send("/start")
        await ann.next_reply()
        await ann.tap("关键日期")
        assert "已于" in (await ann.next_reply()).text
    finally:
        await bot.stop()


async def test_non_text_input_gets_a_polite_reply(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(109, language_code="en")
    await ann.send_sticker()
    assert "only read text" in (await ann.next_reply()).text
    await ann.send_photo()
    assert "only read text" in (await ann.next_reply()).text
    await ann.send_location(24.8, 113.6)
    assert "only read text" in (await ann.next_reply()).text
    await ann.send_voice()
    assert "only read text" in (await ann.next_reply()).text
    await ann.send_document("a.pdf", b"%PDF")
    assert "only read text" in (await ann.next_reply()).text
    await ann.send("/nosuchcommand")
    assert "/help" in (await ann.next_reply()).text
    await ann.send("申报" * 2100)
    replies = await ann.replies_until_idle(min_count=2)
    assert any("first 1000 characters" in r.text for r in replies)
    sent = await ann.send("入库申报截止日期")
    await ann.next_reply()
    await ann.edit(sent["message_id"], "验收申请截止日期")
    assert "8月26日" in (await ann.next_reply()).text


async def test_group_messages_only_when_addressed(server: FakeBotApi, running_bot: RunningBot):
    group_id = -200300
    group = server.chat(group_id, chat_type="group", title="Some firms")
    ann = server.user(110, language_code="zh")
    await ann.send_in(group_id, "大家好，今天开会吗")
    await ann.send_sticker(chat_id=group_id)
    await group.expect_no_reply(wait=0.8)
    await ann.send_in(group_id, "@test_bot 入库申报截止日期")
    reply = await group.next_reply()
    assert "7月8日" in reply.text


async def test_stale_or_forged_buttons_are_handled(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(111, language_code="zh")
    await ann.send("/start")
    menu = await ann.next_reply()
    await ann.tap_data(menu.message_id, "dir:nonexistent")
    await ann.tap_data(menu.message_id, "faq:'; drop table users;--")
    await ann.tap_data(99999, "menu:dirs")
    replies = await ann.replies_until_idle(min_count=3)
    assert len(replies) >= 3
    assert all("出了点问题" not in r.text for r in replies)


async def test_a_follow_up_is_answered_in_the_context_of_the_last_question(
    server: FakeBotApi, running_bot: RunningBot
):
    ann = server.user(131, first_name="Ann", language_code="zh")
    await ann.send("上云项目省级给了100万，市级补多少")
    first = await ann.next_reply()
    assert "10万元" in first.text and "三、支持方式（一）" in first.text
    await ann.send("那第二个方向呢")
    follow_up = await ann.next_reply()
    assert "方向二" in follow_up.text and "10万元" in follow_up.text
    assert "三、支持方式（二）" in follow_up.text
    bob = server.user(132, first_name="Bob", language_code="zh")
    await bob.send("那第二个方向呢")  # Bob asked nothing before: Ann's context is hers
    assert "10万元" not in (await bob.next_reply()).text


@pytest.mark.parametrize(
    ("today", "says"),
    [
        (dt.date(2022, 6, 20), ["2022年7月8日", "还有18天", "以当地工信局通知为准"]),
        (dt.date(2026, 11, 24), ["已于2022年7月8日截止", "已过去1600天", "这一轮申报已截止"]),
    ],
)
async def test_deadline_answers_are_measured_against_bot_today(
    server: FakeBotApi, tmp_path: Path, today: dt.date, says: list[str]
):
    bot = RunningBot(make_settings(server, tmp_path / "bot.db", today=today))
    await bot.start()
    try:
        ann = server.user(133, first_name="Ann", language_code="zh")
        await ann.send("入库申报什么时候截止")
        answer = (await ann.next_reply()).text
        for needle in says:
            assert needle in answer, (needle, answer)
        await ann.send("现在还能申报吗")
        still = (await ann.next_reply()).text
        assert ("已截止" in still) == (today.year == 2026), still
    finally:
        await bot.stop()
