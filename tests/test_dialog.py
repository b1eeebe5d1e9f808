"""The transport-free core of the bot, as the console and Telegram both use it, read like a transcript."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from bot.console import ConsoleChat
from bot.dialog import Assistant
from bot.people import Sender, StaffGroup, telegram
from bot.storage import Storage
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

TODAY = dt.date(2022, 7, 1)


@pytest.fixture
def assistant(kb: KnowledgeBase, index: SearchIndex) -> Assistant:
    return Assistant(kb, index, Storage(":memory:"), lambda: TODAY)


def labels(reply) -> list[str]:  # type: ignore[no-untyped-def]
    return reply.button_labels()


def data_of(reply, label: str) -> str:  # type: ignore[no-untyped-def]
    return next(b.data for row in reply.buttons for b in row if b.label == label)


def test_menu_screens_and_back(assistant: Assistant):
    ann = Sender(telegram(1), "Ann", language_code="zh-CN")
    home = assistant.start(ann)[0]
    assert "Ann您好" in home.text and "支持方向" in labels(home)
    for label in ("支持方向", "申报对象", "奖补金额", "关键日期", "申报材料", "联系人"):
        screen = assistant.button(ann, data_of(home, label))[0]
        assert screen.edit and "« 返回" in labels(screen)
        assert len(screen.text) < 3000  # one phone screen or two, never Telegram's limit
        back = assistant.button(ann, data_of(screen, "« 返回"))[0]
        assert back.edit and "支持方向" in labels(back)


def test_language_follows_telegram_then_the_users_choice(assistant: Assistant):
    bob = Sender(telegram(2), "Bob", language_code="en-GB")
    assert "Support directions" in labels(assistant.start(bob)[0])
    switched = assistant.language(bob, "zh")[0]
    assert "已切换为中文" in switched.text
    assert "支持方向" in labels(assistant.start(Sender(telegram(2), "Bob", language_code="en-GB"))[0])


def test_key_dates_count_down_from_bot_today(assistant: Assistant):
    ann = Sender(telegram(3), language_code="zh")
    dates = assistant.button(ann, "menu:dates")[0]
    assert "2022年7月8日" in dates.text and "还剩7天" in dates.text and "还剩56天" in dates.text


def test_questions_are_logged_for_the_statistics(assistant: Assistant):
    ann = Sender(telegram(4), language_code="zh")
    assistant.text(ann, "入库申报截止日期")
    assistant.text(ann, "明天会下雨吗")
    kinds = [row["kind"] for row in assistant.storage.db.table("questions").rows]
    assert kinds == ["answer", "outside"]


def test_a_detail_the_notice_never_gives_offers_the_related_clause(assistant: Assistant):
    ann = Sender(telegram(5), language_code="zh")
    reply = assistant.text(ann, "验收通过以后多久才能到账？")[-1]
    assert "通知没有写明" in reply.text
    assert labels(reply)[0] == "奖补何时拨付" and "转人工" in labels(reply)
    outside = assistant.text(ann, "明天会下雨吗")[-1]
    assert labels(outside) == ["转人工", "主菜单"]


def test_console_chat_taps_numbered_buttons_and_types_numbers(assistant: Assistant):
    stdin = io.StringIO("1\n/check\nACME\n2\n/cancel\n/quit\n")
    stdout = io.StringIO()
    ConsoleChat(assistant).run(stdin, stdout)
    out = stdout.getvalue()
    assert "BOT_TOKEN" in out  # says how to connect Telegram
    assert "上云上平台" in out  # "1" tapped the first menu button
    assert "第3步" in out  # the company name was typed, then "2" tapped a county
    assert "已取消" in out


def test_handoff_without_a_staff_group_gives_the_contacts(assistant: Assistant):
    ann = Sender(telegram(5), "Ann", language_code="zh")
    outgoing = assistant.human(ann)
    assert [o.to for o in outgoing] == [telegram(5)]  # nothing is posted anywhere else
    assert "严鹏" in outgoing[0].reply.text and "8884332" in outgoing[0].reply.text
    assert "没有配置" in outgoing[0].reply.text
    assert assistant.storage.open_case_of("tg:5") is None


def test_console_person_button_gives_the_contacts_without_a_staff_group(assistant: Assistant):
    stdin = io.StringIO("8\n/quit\n")  # 转人工, the 8th button of the main menu
    stdout = io.StringIO()
    ConsoleChat(assistant).run(stdin, stdout)
    out = stdout.getvalue()
    assert "8884332" in out and "已失效" not in out


def test_console_person_button_opens_a_case_with_a_staff_group(kb: KnowledgeBase, index: SearchIndex):
    assistant = Assistant(kb, index, Storage(":memory:"), lambda: TODAY, staff_group=StaffGroup(-100777))
    stdin = io.StringIO("8\n你好\n/quit\n")  # 转人工, then a message for the staff
    stdout = io.StringIO()
    ConsoleChat(assistant).run(stdin, stdout)
    out = stdout.getvalue()
    assert "工单 #1" in out and "已失效" not in out
    case = assistant.storage.open_case_of("console:local")
    assert case is not None and assistant.storage.outbox_of_case(case["id"]) is not None  # for the staff
