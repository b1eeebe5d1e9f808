"""The directions' caps taken together: counted by amount, and added up."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


def says(composer: Composer, question: str) -> str:
    return composer.answer(question, None, TODAY).text


@pytest.mark.parametrize(
    "question",
    [
        "4个方向里面上限是100万的有几个",
        "数一下：四个方向里有几个方向的上限是100万？",
        "哪几个方向是100万封顶",
    ],
)
def test_the_directions_at_a_cap_are_counted(composer: Composer, question: str) -> None:
    text = says(composer, question)
    assert text.startswith("4个方向里，上限是100万元的有3个") and "方向二" not in text, text


def test_the_directions_at_a_cap_are_counted_in_english(composer: Composer) -> None:
    assert says(composer, "How many directions are capped at 1 million?").startswith("3 of the 4 directions")


def test_the_caps_of_every_direction_are_added_up_and_said_to_be_no_firms_amount(composer: Composer) -> None:
    text = says(composer, "研究者统计：这份通知里四个方向的市级单项上限加起来是多少？")
    assert "100万元 + 50万元 + 100万元 + 100万元 = 350万元" in text and "单个企业最多申请2个项目" in text


@pytest.mark.parametrize(
    "question",
    [
        "省级拿了100万，市级上限是多少，几个方向能报",  # the province's amount, not a cap
        "上云项目上限是多少",
        "四个方向加起来投资800万，市级上限多少",
    ],
)
def test_other_questions_of_caps_are_not_counted(composer: Composer, question: str) -> None:
    text = says(composer, question)
    assert "上限是100万元的有" not in text and "上限加起来" not in text, text
