"""A day the firm says it will hand a stage in, judged against that stage's deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

JUNE_20 = dt.date(2022, 6, 20)


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


def test_a_day_after_the_deadline_is_late_by_so_many_days(composer: Composer):
    answer = composer.answer("客户打算9月2日交验收申请，行不行", None, JUNE_20)
    assert answer.entry_id is not None and answer.text.startswith("2022年9月2日交验收申请")
    assert "晚了7天" in answer.text and "2022年8月26日" in answer.text


def test_each_stage_and_its_day_are_judged(composer: Composer):
    text = composer.answer("7月4号交入库材料，8月29号交验收申请，这样安排有问题吗", None, JUNE_20).text
    assert "早4天" in text and "晚了3天" in text


def test_the_deadline_day_itself_is_in_time(composer: Composer):
    assert "正好是截止日当天" in composer.answer("我们7月8号交入库材料可以吗", None, JUNE_20).text


def test_a_day_in_english_is_judged(composer: Composer):
    text = composer.answer("Can we hand in the database registration on July 11?", None, JUNE_20).text
    assert "3 days after the deadline" in text
    one_day = composer.answer("Can we hand in the database registration on July 9?", None, JUNE_20).text
    assert "1 day after the deadline" in one_day


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("入库申报7月5号来得及吗", "早3天"),
        ("7月15号入库还赶得上吗", "晚了7天"),
        ("Is July 5 too late for the pool entry application?", "3 days before the deadline"),
        ("Would 20 August be too late for the acceptance application?", "6 days before the deadline"),
    ],
)
def test_a_day_asked_to_be_in_time_is_judged_not_taken_for_the_deadline(
    composer: Composer, question: str, said: str
):
    text = composer.answer(question, None, JUNE_20).text
    assert said in text
    assert not text.startswith(("不是", "Not "))  # no deadline was offered to be corrected


def test_a_part_of_a_month_is_judged_as_a_whole(composer: Composer):
    late = composer.answer("我们打算7月中旬交入库申报，来得及吗", None, JUNE_20).text
    assert late.startswith("2022年7月11日至2022年7月20日之间交入库申报：都晚于截止日2022年7月8日")
    early = composer.answer("验收申请8月上旬交行不行", None, JUNE_20).text
    assert "都在截止日2022年8月26日之前" in early
    straddles = composer.answer("入库申报七月初交得唔得？", None, JUNE_20).text
    assert "只有在2022年7月8日当天或之前交才按期" in straddles
    english = composer.answer("Is mid-July too late to submit the pool entry application?", None, JUNE_20)
    assert "all after the deadline of July 8, 2022" in english.text


def test_a_part_of_a_month_said_as_the_deadline_is_no_day_chosen(composer: Composer):
    text = composer.answer("入库申报七月中旬截止吧", None, JUNE_20).text
    assert "之间交" not in text and "2022年7月8日" in text


@pytest.mark.parametrize(
    "question",
    [
        "验收材料8月26日前交当地工信部门，对吗？",  # the deadline restated, not a day chosen
        "入库申报7月8日截止，验收申请8月26日截止，对吧？",  # deadlines stated for confirmation
        "入库申报截止是7月8号吗",
        "8月1日开会，入库要交什么",  # a day of something else, in a clause naming no stage
        "2022年8月20日建成，验收申请什么时候交",  # the project's own date
        "入库几号截止",  # no day said
    ],
)
def test_no_day_of_handing_in_is_judged_where_none_is_said(composer: Composer, question: str):
    lines = composer.answer(question, None, JUNE_20).text.splitlines()
    assert not any(line.startswith("2022年") and "交" in line.split("：")[0] for line in lines)
