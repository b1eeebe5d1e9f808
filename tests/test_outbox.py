"""Nothing twice, nothing unlinked: a case header goes through a durable outbox, a send whose
connection broke after delivery is never repeated (issue 11, items 6 and 7)."""

from __future__ import annotations

import asyncio

from bot.handlers import flush_outbox
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID, RunningBot
from tests.fake_bot_api import FakeBotApi


def headers_in(server: FakeBotApi) -> list[str]:
    return [
        m.get("text", "")
        for m in server.messages(STAFF_CHAT_ID)
        if m.get("from", {}).get("id") == server.bot_id and "🆕" in m.get("text", "")
    ]


async def test_an_answer_whose_connection_dropped_after_delivery_is_not_sent_again(
    server: FakeBotApi, running_bot: RunningBot
):
    ann = server.user(901, language_code="zh")
    server.fail_next("sendMessage", status=None, drop=True)
    await ann.send("验收申请截止日期")
    assert "8月26日" in (await ann.next_reply()).text
    await ann.expect_no_reply(wait=1.5)  # neither the answer again nor an apology
    assert len(server.calls_to("sendMessage")) == 1


async def test_a_header_whose_connection_dropped_is_posted_once_and_its_thread_still_works(
    server: FakeBotApi, running_bot: RunningBot
):
    staff = server.chat(STAFF_CHAT_ID)
    ann = server.user(902, first_name="Ann", language_code="zh")
    server.fail_next("sendMessage", status=None, drop=True)  # the header's send
    await ann.send("/human")
    header = await staff.next_reply()
    assert "🆕" in header.text
    assert "工单 #" in (await ann.next_reply()).text  # the user is told all the same

    assistant = running_bot.application.bot_data["assistant"]
    await flush_outbox(running_bot.application.bot, assistant)
    note = await staff.next_reply()
    assert "无法确认" in note.text
    await flush_outbox(running_bot.application.bot, assistant)  # nothing more: noted once
    await staff.expect_no_reply(wait=0.3)
    assert len(headers_in(server)) == 1

    admin = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await admin.send_in(STAFF_CHAT_ID, "您好", reply_to_message_id=header.message_id)
    assert "没有关联到任何工单" in (await staff.next_reply()).text  # the unlinked header says why
    await admin.send_in(STAFF_CHAT_ID, "您好，请讲。", reply_to_message_id=note.message_id)
    assert "请讲" in (await ann.next_reply()).text


async def test_a_header_kept_back_by_an_outage_is_posted_when_telegram_is_back(
    server: FakeBotApi, running_bot: RunningBot
):
    staff = server.chat(STAFF_CHAT_ID)
    ann = server.user(903, first_name="Ann", language_code="zh")
    server.fail_next("sendMessage", status=500, count=6)  # the header gives up: not delivered
    await ann.send("/human")
    assert "工单 #" in (await ann.next_reply(timeout=30)).text
    await staff.expect_no_reply(wait=0.3)
    assistant = running_bot.application.bot_data["assistant"]
    assert [row["state"] for row in assistant.storage.outbox_in_state("pending")] == ["pending"]

    await flush_outbox(running_bot.application.bot, assistant)
    header = await staff.next_reply()
    assert "🆕" in header.text and "Ann" in header.text
    admin = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await admin.send_in(STAFF_CHAT_ID, "收到", reply_to_message_id=header.message_id)
    assert "收到" in (await ann.next_reply()).text
    await flush_outbox(running_bot.application.bot, assistant)
    await asyncio.sleep(0.1)
    assert len(headers_in(server)) == 1
