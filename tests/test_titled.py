"""The notice named by its full title reads as 本通知; another year's title does not."""

from __future__ import annotations

import pytest

from conversations.titled import NoticeTitle
from knowledge.loader import KnowledgeBase

TITLE = "关于组织开展2022年韶关市制造业高质量发展促进工业互联网应用项目申报工作的通知"


@pytest.fixture(scope="module")
def title(kb: KnowledgeBase) -> NoticeTitle:
    return NoticeTitle(kb)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (f"《{TITLE}》有几个附件", "本通知有几个附件"),
        (f"{TITLE}是哪天发的", "本通知是哪天发的"),
        # typed from memory: a few words dropped
        (
            "关于开展2022韶关制造业高质量发展工业互联网应用项目申报的通知里说的联系人是谁",
            "本通知里说的联系人是谁",
        ),
    ],
)
def test_the_title_reads_as_the_notice(title: NoticeTitle, question: str, named: str) -> None:
    assert title.as_named(question) == named


@pytest.mark.parametrize(
    "question",
    [
        f"《{TITLE.replace('2022', '2023')}》有几个附件",  # another year's notice
        "我们想报工业互联网应用项目，申报工作的通知在哪",  # a few of its words
    ],
)
def test_other_words_stay(title: NoticeTitle, question: str) -> None:
    assert title.as_named(question) == question


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "根据韶工信函〔2022〕91号，入库申报要在什么时候前完成？",
            "根据本通知，入库申报要在什么时候前完成？",
        ),
        (
            "What's the heading of part 5 of Shaoguan's No. 91 notice?",
            "What's the heading of part 5 of this notice?",
        ),
        # the number itself asked about, or asked for
        ("91号文是什么？", "91号文是什么？"),
        ("文号是韶工信函〔2022〕91号吗", "文号是韶工信函〔2022〕91号吗"),
        ("这个通知到底是91号文还是19号文？", "这个通知到底是91号文还是19号文？"),
        ("91号文里说7月8号截止对吗", "本通知里说7月8号截止对吗"),
    ],
)
def test_the_number_names_the_notice_unless_it_is_asked(
    title: NoticeTitle, question: str, named: str
) -> None:
    assert title.as_named(question) == named
