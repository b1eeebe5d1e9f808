"""A check lives in the private chat it started in: edits, groups and other people's taps never
reach it (issue 11, item 9), and a redelivered answer is never stored twice (item 5)."""

from __future__ import annotations

import datetime as dt

from bot.dialog import Assistant
from bot.people import Sender, telegram
from bot.storage import Storage
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex
from tests.conftest import RunningBot
from tests.fake_bot_api import FakeBotApi
from tests.players import press, say


def test_the_same_event_is_never_stored_as_two_answers(kb: KnowledgeBase, index: SearchIndex):
    storage = Storage(":memory:")
    assistant = Assistant(kb, index, storage, lambda: dt.date(2022, 7, 1))
    ann = Sender(telegram(1), "Ann", language_code="zh")
    assistant.check(ann)
    assistant.text(ann, "韶关某某公司", event_id="100")
    first = storage.load_session("tg:1", "eligibility")
    replay = assistant.text(ann, "韶关某某公司", event_id="100")[0]
    assert storage.load_session("tg:1", "eligibility") == first  # nothing stored the second time
    assert "区" in replay.text  # the question that follows is asked again
    assistant.text(ann, "韶关另一家公司", event_id="101")  # a new event is an answer again
    assert storage.load_session("tg:1", "eligibility")["answers"]["company"] == "韶关某某公司"


async def _into_the_check(user) -> None:  # type: ignore[no-untyped-def]
    await say(user, "/check")
    assert "区" in (await say(user, "韶关某某机械有限公司")).text  # now asked for the county


async def test_an_edited_message_during_a_check_is_not_an_answer(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(701, language_code="zh")
    sent = await ann.send("你好")
    await ann.next_reply()
    await _into_the_check(ann)
    await ann.edit(sent["message_id"], "浈江区")
    assert "修改过的旧消息" in (await ann.next_reply()).text
    session = running_bot.application.bot_data["assistant"].storage.load_session("tg:701", "eligibility")
    assert "county" not in session["answers"]


async def test_a_question_in_a_group_during_a_private_check_stays_a_question(
    server: FakeBotApi, running_bot: RunningBot
):
    group = server.chat(-100600, chat_type="supergroup", title="Firms")
    ann = server.user(702, language_code="zh")
    await _into_the_check(ann)
    await ann.send_in(-100600, f"@{server.bot_user['username']} 验收申请截止日期")
    answer = await group.next_reply()
    assert "8月26日" in answer.text and "第" not in answer.text.split("\n")[0]
    session = running_bot.application.bot_data["assistant"].storage.load_session("tg:702", "eligibility")
    assert session["answers"] == {"company": "韶关某某机械有限公司"}
    assert "1" in (await press(ann, "浈江区")).text  # the private check goes on


async def test_personal_commands_in_a_group_point_to_the_private_chat(
    server: FakeBotApi, running_bot: RunningBot
):
    group = server.chat(-100601, chat_type="supergroup", title="Firms")
    ann = server.user(703, language_code="zh")
    for command in ("/check", "/human", "/forget", "/remind", "/cancel"):
        await ann.send_in(-100601, command)
        assert "私聊" in (await group.next_reply()).text
    assert running_bot.application.bot_data["assistant"].storage.load_session("tg:703", "eligibility") is None


async def test_a_tap_on_someone_elses_menu_in_a_group_is_refused(server: FakeBotApi, running_bot: RunningBot):
    group = server.chat(-100602, chat_type="supergroup", title="Firms")
    ann = server.user(704, first_name="Ann", language_code="zh")
    bob = server.user(705, first_name="Bob", language_code="zh")
    await ann.send_in(-100602, "/start")
    menu = await group.next_reply()
    query_id = await bob.tap("关键日期", chat_id=-100602)
    await group.expect_no_reply(wait=0.5)
    answer = server.callback_answer(query_id)
    assert answer is not None and "别人打开" in answer.get("text", "")
    await ann.tap("关键日期", chat_id=-100602)
    edited = await group.next_reply()
    assert edited.method == "editMessageText" and edited.message_id == menu.message_id


def test_an_english_follow_up_naming_another_direction_keeps_the_figures(
    kb: KnowledgeBase, index: SearchIndex
):
    assistant = Assistant(kb, index, Storage(":memory:"), lambda: dt.date(2022, 6, 20))
    ann = Sender(telegram(1), "Ann", language_code="en")
    first = assistant.text(
        ann, "What is the maximum subsidy for cloud projects if the province gave us 3 million?"
    )
    assert "300,000" in first[-1].text and "item 1" in first[-1].text
    follow_up = assistant.text(ann, "and for direction 2?")[-1].text
    assert "Direction 2" in follow_up and "500,000" in follow_up and "300,000" in follow_up
    assert "item 2" in follow_up
