"""A speaker's label opening a message (县局副局长：…) is set aside before the message is read; a
label that names what is asked, or says what kind of firm asks, is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from conversations.speaker import without_speaker
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

LATER = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("县局副局长：企业入库以后，市里怎么审？", "企业入库以后，市里怎么审？"),
        ("仁化县工信局：入库专家评审结论是用来做什么的？", "入库专家评审结论是用来做什么的？"),
        ("曲江区: 入库申报是谁负责组织", "入库申报是谁负责组织"),
        ("研究者：通知说软件服务要向哪几个化演进", "通知说软件服务要向哪几个化演进"),
        ("Auditor: when must the project be completed?", "when must the project be completed?"),
        ("Bank officer: our loan client asks when", "our loan client asks when"),
    ],
)
def test_a_speakers_label_is_set_aside(message: str, kept: str):
    assert without_speaker(message) == kept


@pytest.mark.parametrize(
    "message",
    [
        "方向一：能补多少",  # what is asked
        "附件3：申报书要几份",
        "入库申报：几号截止",
        "软件公司：我们能报哪个方向",  # the kind of firm asking says which directions are its own
        "药厂：专家在哪个阶段评审",
        "工信局：",  # nothing after the label
        "我们是曲江区的企业，入库找谁",  # no label before a colon
    ],
)
def test_a_label_that_says_what_is_asked_or_who_applies_is_kept(message: str):
    assert without_speaker(message) == message


def test_a_county_officers_question_is_the_notices(composer: Composer):
    composed = composer.answer("县局副局长：企业入库以后，市里怎么审？", None, LATER)
    assert composed.entry_id == "entry-expert-review" and "书面结论" in composed.text, composed.text[:200]
    composed = composer.answer("曲江区：入库申报是谁负责组织辖区企业？", None, LATER)
    assert composed.entry_id is not None and "各地工信局" in composed.text, composed.text[:200]
