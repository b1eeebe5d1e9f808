"""Handoff, relay, staff tools and privacy, end to end: a user, the staff group, an admin, a stranger."""

from __future__ import annotations

import csv
import io
import sqlite3

from openpyxl import load_workbook

from bot.storage import USER_TABLES
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID, RunningBot
from tests.fake_bot_api import FakeBotApi
from tests.players import play


async def test_handoff_round_trip_with_relay_close_and_rating(server: FakeBotApi, running_bot: RunningBot):
    staff = server.chat(STAFF_CHAT_ID)
    ann = server.user(301, first_name="Ann", username="ann_sg", language_code="zh")
    await ann.send("入库申报需要哪些附件")
    await ann.next_reply()
    await play(ann)

    await ann.send("/human")
    opened = await ann.next_reply()
    assert "工单 #" in opened.text and "严鹏" in opened.text and "8884332" in opened.text
    header = await staff.next_reply()
    assert "Ann" in header.text and "@ann_sg" in header.text and "入库申报需要哪些附件" in header.text
    assert "符合申报条件" in header.text and "50万元" in header.text and "浈江区" in header.text
    assert header.buttons == [["认领 Claim", "关闭 Close"]]

    # while the case is open the bot does not answer: the message goes to the staff thread
    await ann.send("我们的项目还差验收报告，怎么写？")
    relayed = await staff.next_reply()
    assert (
        "验收报告" in relayed.text
        and relayed.params.get("reply_parameters", {}).get("message_id") == header.message_id
    )
    await ann.expect_no_reply(wait=0.5)

    # a staff member claims it and answers by replying to the relayed message
    officer = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await officer.tap("Claim", chat_id=STAFF_CHAT_ID)
    assert "严鹏" in (await staff.next_reply()).text
    assert "已接手" in (await ann.next_reply()).text
    await officer.send_in(STAFF_CHAT_ID, "请参考附件4的模板填写。", reply_to_message_id=relayed.message_id)
    answer = await ann.next_reply()
    assert "工作人员回复" in answer.text and "附件4的模板" in answer.text

    # a document from the staff is copied to the user, and one from the user to the staff
    await officer.send_document("内部.docx", b"PK internal", chat_id=STAFF_CHAT_ID)  # not a reply: stays
    await ann.expect_no_reply(wait=0.5)
    await ann.send_document("报告.pdf", b"%PDF-1.4 report")
    notice = await staff.next_reply()
    copied = await staff.next_reply()
    assert "发来文件" in notice.text
    assert copied.method == "copyMessage" and copied.message["document"]["file_name"] == "报告.pdf"
    await officer.send_message(
        {"document": {"file_id": "reply-doc", "file_unique_id": "u-reply-doc", "file_name": "回复.pdf"}},
        chat_id=STAFF_CHAT_ID,
        reply_to_message_id=relayed.message_id,
    )
    to_user = await ann.next_reply()
    assert to_user.method == "copyMessage" and to_user.message["document"]["file_name"] == "回复.pdf"

    # /close as a reply: the user is told and asked for a rating
    await officer.send_in(STAFF_CHAT_ID, "/close", reply_to_message_id=header.message_id)
    assert "已关闭" in (await staff.next_reply()).text
    closing = await ann.next_reply()
    assert "打分" in closing.text and ["⭐", "⭐⭐", "⭐⭐⭐"] in closing.buttons
    await ann.tap("⭐⭐⭐⭐⭐")
    assert "谢谢" in (await ann.next_reply()).text
    storage = running_bot.application.bot_data["assistant"].storage
    case = storage.latest_case_of("tg:301")
    assert case["status"] == "closed" and case["rating"] == 5 and case["claimed_by"] == ADMIN_ID

    # after the case the bot answers again
    await ann.send("验收申请截止日期")
    assert "8月26日" in (await ann.next_reply()).text


async def test_user_can_leave_a_case_and_cases_lists_open_ones(server: FakeBotApi, running_bot: RunningBot):
    staff = server.chat(STAFF_CHAT_ID)
    bob = server.user(302, first_name="Bob", language_code="en")
    await bob.send("/human")
    assert "case #" in (await bob.next_reply()).text
    await staff.next_reply()
    admin = server.user(ADMIN_ID, first_name="Admin")
    await admin.send("/cases")
    listing = await admin.next_reply()
    assert "#" in listing.text and "未认领" in listing.text
    await bob.send("/cancel")
    assert "left the conversation" in (await bob.next_reply()).text
    assert "用户已结束" in (await staff.next_reply()).text
    await admin.send("/cases")
    assert "没有未关闭" in (await admin.next_reply()).text


async def test_staff_commands_refuse_strangers(server: FakeBotApi, running_bot: RunningBot):
    stranger = server.user(303, language_code="en")
    for command in ("/export", "/stats", "/cases", "/close"):
        await stranger.send(command)
        reply = await stranger.next_reply()
        assert "staff only" in reply.text
        assert "bureau's staff" in reply.text and "&#" not in reply.text  # no entity shown
        assert reply.method == "sendMessage" and reply.file is None
    assert not server.calls_to("sendDocument")


async def test_export_xlsx_and_csv_and_stats_for_the_admin(server: FakeBotApi, running_bot: RunningBot):
    ann = server.user(304, first_name="Ann", language_code="zh")
    await play(ann)
    await ann.send("明天会下雨吗")
    await ann.next_reply()

    admin = server.user(ADMIN_ID, first_name="Admin", language_code="zh")
    await admin.send("/export")
    sent = await admin.next_reply()
    assert sent.method == "sendDocument" and sent.file_name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(sent.file_bytes)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("线索编号", "企业名称", "联系人", "电话")
    assert rows[1][1] == "韶关某某机械有限公司" and rows[1][3] == "13812345678" and rows[1][5] == "符合条件"
    assert rows[1][6] == 500000

    await admin.send("/export csv")
    sent = await admin.next_reply()
    assert sent.file_name.endswith(".csv") and sent.file_bytes.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(sent.file_bytes.decode("utf-8-sig"))))
    assert table[0][0] == "线索编号" and len(table) == 2 and table[1][2] == "李四"

    await admin.send("/export csv 2030-01-01")
    empty = await admin.next_reply()
    assert len(list(csv.reader(io.StringIO(empty.file_bytes.decode("utf-8-sig"))))) == 1

    await admin.send("/stats")
    figures = await admin.next_reply()
    assert "资格自测：开始 1，完成 1" in figures.text and "符合 1" in figures.text
    assert "明天会下雨吗" in figures.text and "50万元" in figures.text


async def test_forget_leaves_nothing_of_the_user(server: FakeBotApi, running_bot: RunningBot, tmp_path):
    ann = server.user(305, first_name="Ann", language_code="zh")
    await play(ann)
    await ann.send("/remind")
    await ann.replies_until_idle(idle=0.5, min_count=2)  # the confirmation, and the reminder due today
    await ann.send("/human")
    await ann.next_reply()
    await ann.send("/forget")
    confirm = await ann.next_reply()
    assert "不可撤销" in confirm.text
    await ann.tap("确认删除")
    assert "已删除" in (await ann.next_reply()).text

    storage = running_bot.application.bot_data["assistant"].storage
    db = sqlite3.connect(running_bot.settings.db_path)
    for table in USER_TABLES:
        assert db.execute(f"select count(*) from {table} where user_id = 'tg:305'").fetchone()[0] == 0, table
    # the staff thread's message ids stay (nothing about the user), linked to no case any more
    assert db.execute("select count(*) from cases").fetchone()[0] == 0
    log = db.execute("select * from forget_log").fetchall()
    assert len(log) == 1 and "305" not in repr(log)
    assert storage.leads() == []
