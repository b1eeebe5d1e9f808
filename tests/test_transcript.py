"""Conversations through the transcript channel: each test reads like the chat it plays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.dialog import Assistant
from bot.inbound import Command, Inbound, Tap
from bot.people import WEB, Address, StaffGroup, telegram
from bot.storage import Storage
from conversations.actions import SCREENS, decode
from conversations.reply import Button
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex
from tests.transcript import Person, Transcript

STAFF_CHAT = telegram(-100777)
ADMIN = 9001


@pytest.fixture
def chat(kb: KnowledgeBase, index: SearchIndex, tmp_path: Path) -> Transcript:
    storage = Storage(tmp_path / "bot.db")
    today = lambda: dt.date(2022, 7, 1)  # noqa: E731
    return Transcript(
        Assistant(kb, index, storage, today, staff_group=StaffGroup(-100777, frozenset({ADMIN})))
    )


@pytest.fixture
def ann(chat: Transcript) -> Person:
    return chat.person("Ann", telegram(501))


@pytest.fixture
def officer(chat: Transcript) -> Person:
    return chat.person("严鹏", telegram(ADMIN))


def test_browsing_the_menu(ann: Person) -> None:
    ann.push("/start")
    assert "Ann" in ann.pop()
    ann.tap("支持方向")
    assert "上云上平台" in ann.pop()
    ann.tap("« 返回")
    assert ann.pop()  # the menu again
    ann.push("入库申报什么时候截止？")
    assert "7月8日" in ann.pop()


def test_a_case_from_the_person_button_to_the_rating(chat: Transcript, ann: Person, officer: Person) -> None:
    ann.push("/start")
    ann.pop()
    ann.tap("转人工")
    assert "工单 #1" in ann.pop()
    header = chat.pop_id(STAFF_CHAT)
    assert "Ann" in chat.pop(STAFF_CHAT)
    ann.push("我们是仁化县的企业")
    assert "我们是仁化县的企业" in chat.pop(STAFF_CHAT)  # relayed, not answered
    assert ann.pop_all() == []
    officer.push("您好，请问项目是哪一年完成的？", chat=STAFF_CHAT, reply_to=header)
    assert ann.pop() == "工作人员回复：\n您好，请问项目是哪一年完成的？"
    officer.tap("认领", chat=STAFF_CHAT)
    assert "严鹏" in chat.pop(STAFF_CHAT)
    assert "已接手" in ann.pop()
    officer.tap("关闭", chat=STAFF_CHAT)
    chat.pop(STAFF_CHAT)
    ann.pop()
    ann.tap("⭐⭐⭐⭐⭐")
    assert "谢谢您的评价" in ann.pop()
    assert chat.assistant.storage.case(1)["rating"] == 5


def test_a_web_user_s_case_reaches_the_staff_and_the_answer_comes_back(
    chat: Transcript, officer: Person
) -> None:
    wen = chat.person("", Address(WEB, "1"))
    wen.push("/human")
    wen.pop()
    header = chat.pop_id(STAFF_CHAT)
    assert "来源：网页聊天" in chat.pop(STAFF_CHAT)
    officer.push("收到 <b>", chat=STAFF_CHAT, reply_to=header)
    assert wen.pop().endswith("收到 <b>")  # the staff's words as written, no markup of theirs


def test_forget_asks_first_then_deletes(chat: Transcript, ann: Person) -> None:
    ann.push("申报截止日期")
    ann.pop()
    ann.push("/forget")
    assert "确认删除" not in ann.pop()  # the question; the buttons carry the answers
    ann.tap("确认删除")
    assert "已删除您的全部数据" in ann.pop()
    assert chat.assistant.storage.last_questions(ann.sender.user_id) == []


def test_old_button_data_is_answered_not_crashed(chat: Transcript, ann: Person) -> None:
    ann.push("/start")
    ann.pop()
    # a button sent by an older version, whose data the codec no longer knows
    chat.buttons[ann.address] = [(1, Button("旧按钮", decode("menu:some-old-screen")))]
    ann.tap("旧按钮")
    assert "失效" in ann.pop()


def test_staff_commands_live_in_the_core(chat: Transcript, ann: Person, officer: Person) -> None:
    stranger = chat.person("Bob", telegram(502), lang="en")
    stranger.push("/stats")
    assert stranger.pop() == "Sorry, this command is for the bureau's staff only."
    ann.push("/human")
    ann.pop()
    header = chat.pop_id(STAFF_CHAT)
    chat.pop(STAFF_CHAT)
    officer.push("/cases", chat=STAFF_CHAT)
    assert "#1" in chat.pop(STAFF_CHAT)
    officer.push("/close", chat=STAFF_CHAT)  # not a reply to a case message: how to use it
    assert "/close" in chat.pop(STAFF_CHAT)
    # replying /close to the case's header closes it
    chat.send(Inbound(officer.sender, Command("close", "", header), STAFF_CHAT))
    assert "#1" in chat.pop(STAFF_CHAT)
    assert chat.assistant.storage.case(1)["status"] == "closed"
    # staff data asked for in another group goes to the admin privately; the group hears only that
    group = telegram(-100999)
    officer.push("/stats", chat=group)
    (item,) = chat.assistant.handle(Inbound(officer.sender, Command("stats"), group))
    assert item.to == officer.address and item.if_delivered is not None and item.if_delivered.to == group


def test_unknown_commands_are_answered_in_private_only(chat: Transcript, ann: Person) -> None:
    ann.push("/frobnicate")
    assert ann.pop()
    assert chat.assistant.handle(Inbound(ann.sender, Command("frobnicate"), telegram(-100999))) == []


def test_in_a_group_a_menu_belongs_to_whoever_asked(chat: Transcript, ann: Person) -> None:
    group, bob = telegram(-100602), chat.person("Bob", telegram(503))
    ann.push("/start", chat=group)
    menu = chat.pop_id(group)
    (notice,) = chat.assistant.handle(Inbound(bob.sender, Tap("menu:dates", menu, asker=ann.address), group))
    assert notice.notice and notice.to == bob.address and "别人" in notice.reply.text
    (screen,) = chat.assistant.handle(Inbound(ann.sender, Tap("menu:dates", menu, asker=ann.address), group))
    assert screen.to == group and not screen.notice and screen.reply.edit


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_core_s_markup_escapes_only_what_html_needs(chat: Transcript, lang: str) -> None:
    """Quotes and apostrophes stay as they are (bureau's, "…"): no channel can show them as entities."""
    bob = chat.person("Bob's", telegram(504), lang=lang)
    markups = []
    for data in [*(f"menu:{screen}" for screen in SCREENS), "dir:d1"]:
        markups += [o.reply.text for o in chat.assistant.handle(Inbound(bob.sender, Tap(data)))]
    markups += [o.reply.text for o in chat.assistant.handle(Inbound(bob.sender, Command("stats")))]
    assert all("&#" not in m and "&quot;" not in m for m in markups)
    assert any("'" in m or '"' in m or "“" in m for m in markups)


@pytest.mark.parametrize("words", ["转人工", "我要找真人客服", "Can I talk to a human?"])
def test_asking_for_a_person_in_words_opens_a_case_as_the_button_does(
    chat: Transcript, ann: Person, words: str
) -> None:
    ann.push(words)
    assert "#1" in ann.pop()
    chat.pop_id(STAFF_CHAT)
    assert "Ann" in chat.pop(STAFF_CHAT)


def test_a_question_about_artificial_intelligence_is_no_request_for_a_person(ann: Person) -> None:
    ann.push("人工智能质检平台属于哪个方向")
    assert "工单" not in ann.pop()
