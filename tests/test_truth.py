"""The check tells the truth on any day: one table per defect the audit found (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialog import Assistant
from bot.people import Sender
from bot.storage import Storage
from bot.texts import texts_for
from conversations.deadlines import deadlines
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex


def assistant_on(kb: KnowledgeBase, index: SearchIndex, day: dt.date) -> Assistant:
    return Assistant(kb, index, Storage(":memory:"), lambda: day)


# --- 5. "X月X日前" includes the day itself, everywhere --------------------------------------------

DEADLINE_DAYS = [
    # (today, lang, /remind says, key dates say)
    (dt.date(2022, 8, 26), "zh", "今天是截止日", "就是今天"),
    (dt.date(2022, 8, 26), "en", "Today is the deadline day", "today"),
    (dt.date(2022, 7, 8), "zh", "已开启截止提醒", "就是今天"),
    (dt.date(2022, 8, 27), "zh", "都已过", "已于1天前截止"),
    (dt.date(2022, 8, 27), "en", "has passed", "passed 1 day ago"),
    (dt.date(2022, 8, 25), "en", "Reminders are on", "1 day left"),
]


@pytest.mark.parametrize(("today", "lang", "remind", "dates"), DEADLINE_DAYS)
def test_the_deadline_day_is_not_passed(
    kb: KnowledgeBase, index: SearchIndex, today: dt.date, lang: str, remind: str, dates: str
) -> None:
    assistant = assistant_on(kb, index, today)
    user = Sender(1, language_code=lang)
    remind_text = assistant.remind(user)[0].text
    assert remind in remind_text
    dates_text = assistant.button(user, "menu:dates")[0].text
    assert dates in dates_text
    note = texts_for(lang).t("dates.local_note")  # type: ignore[arg-type]
    assert note in dates_text.replace("&quot;", '"')
    if "passed" not in remind and "都已过" not in remind:
        assert note in remind_text.replace("&quot;", '"')
    assert "1 days" not in dates_text


def test_one_reading_of_the_deadline_day(kb: KnowledgeBase) -> None:
    on_the_day = deadlines(kb.notice, dt.date(2022, 8, 26))
    assert [d.passed for d in on_the_day] == [True, False]
    assert on_the_day[1].is_today


# --- claims the notice does not make ---------------------------------------------------------------

UNSAID = [
    ("contacts", "外地拨打请加区号0751"),
    ("contacts", "area code 0751"),
    ("get-attachments", "随通知一起发布"),
    ("get-attachments", "published together with it"),
    ("max-two-projects", "不论申报的是哪个方向"),
    ("max-two-projects", "whichever directions"),
    ("registration-jurisdiction", "企业、事业单位都可以"),
]


def _entry_text(kb: KnowledgeBase, entry_id: str) -> str:
    entry = next(e for e in kb.faq.entries if e.id == entry_id)
    return entry.answer.zh + entry.answer.en


@pytest.mark.parametrize(("entry_id", "claim"), UNSAID)
def test_the_faq_does_not_state_what_the_notice_does_not(
    kb: KnowledgeBase, entry_id: str, claim: str
) -> None:
    assert claim not in _entry_text(kb, entry_id)


def test_no_answer_claims_the_area_code_or_many_firms(kb: KnowledgeBase) -> None:
    for entry in kb.faq.entries:
        assert "0751" not in entry.answer.zh + entry.answer.en, entry.id
    assert all("on top of" not in d.funding.rule.en for d in kb.notice.directions)


SILENT = [
    ("max-two-projects", "通知未明确，以市工信局解释为准"),
    ("registration-jurisdiction", "通知未明确，以市工信局解释为准"),
    ("compliance-conditions", "通知未明确，以市工信局解释为准"),
    ("total-support-cap", "优质项目推荐国家、省政策支持"),
]


@pytest.mark.parametrize(("entry_id", "says"), SILENT)
def test_where_the_notice_is_silent_the_answer_says_so(kb: KnowledgeBase, entry_id: str, says: str) -> None:
    assert says in _entry_text(kb, entry_id)
