"""The notice read through a file, a screenshot or a forward: what it says is what is asked."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from conversations.media import read_through
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("系统性平台项目投资350万，按pdf算市级多少？", "系统性平台项目投资350万，按通知算市级多少？"),
        ("同事转的pdf里说入库申报要填哪两个附件？", "通知里入库申报要填哪两个附件？"),
        ("附件3-入库项目申报书.docx 要盖章吗", "附件3 入库项目申报书 要盖章吗"),
        (
            "Who are the contacts at the bottom of notice.pdf?",
            "Who are the contacts at the bottom of the notice?",
        ),
        (
            "Which bureau issued the notice in this forwarded PDF?",
            "Which bureau issued the notice in the notice?",
        ),
        # the file as what is sent, not what is read: as typed
        ("只发个电子版PDF过去行不行？", "只发个电子版PDF过去行不行？"),
    ],
)
def test_the_file_a_notice_is_read_through_is_the_notice(typed: str, read: str) -> None:
    assert read_through(typed) == read


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("我哋系統性平台項目投資咗2000萬，睇份pdf市級可以攞幾多？", "direction-3-amount"),
        ("下载的pdf里项目建设期是从哪天开始算的？", "construction-window"),
        (
            "Acceptance application deadline? The file I got is named 验收申请报告.docx",
            "acceptance-application-deadline",
        ),
        ("微信转来的通知是发给哪些单位的？我们企业也在收文范围里吗", "addressees"),
        ("通知抬头是发给哪些单位的？转发给我的版本抬头被裁了", "addressees"),
    ],
)
def test_what_the_file_says_is_answered(composer: Composer, question: str, entry: str) -> None:
    assert composer.answer(question, None, TODAY).entry_id == entry


@pytest.mark.parametrize(
    "question",
    [
        "附件3-入库项目申报书.docx 在手机上打不开，要装什么软件才能看？",
        "WPS打开docx格式全乱了，表格错位怎么办？",
        "My .xlsx from WeChat says 'file is corrupted and cannot be opened'. How do I repair it?",
    ],
)
def test_a_question_about_the_file_itself_is_outside(composer: Composer, question: str) -> None:
    assert composer.answer(question, None, TODAY).entry_id is None
