"""English terms typed inside a Chinese message, read as the Chinese terms they stand for."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from knowledge.english_input import EnglishInput
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

GLOSSARY = {
    "project": "项目",
    "deadline": "截止日期",
    "city": "市级",
    "match": "配套",
    "provincial funding": "省级专项资金",
}
LATER = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def english() -> EnglishInput:
    return EnglishInput(GLOSSARY)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("我们的project完成了吗 deadline是哪天", "我们的项目完成了吗 截止日期是哪天"),
        ("3个projects都能报吗", "3个项目都能报吗"),  # a plural is the same word
        ("provincial funding拿了600万，city能match多少", "省级专项资金拿了600万，市级能配套多少"),
        ("Deadline是几号", "截止日期是几号"),
    ],
)
def test_english_terms_in_chinese_are_read_as_chinese(english: EnglishInput, typed: str, read: str):
    assert english.to_chinese(typed) == read


@pytest.mark.parametrize(
    "typed",
    [
        "What is the deadline for the project?",  # a message in English keeps its words
        "capacity和platform",  # city inside capacity, no word of its own
        "项目截止日期",  # nothing in English
    ],
)
def test_other_text_stays_as_typed(english: EnglishInput, typed: str):
    assert english.to_chinese(typed) == typed


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("我们公司今年其实有3个project都挺符合的，能全报吗？", "max-two-projects"),
        ("入库之后专家review出来的结论是用来干嘛的？", "entry-expert-review"),
        ("我们的construction window从哪天算起？", "construction-window"),
    ],
)
def test_a_mixed_message_is_answered_from_its_chinese_phrasings(
    composer: Composer, question: str, entry_id: str
):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_the_entry_submission_completed_by_a_day_is_the_entry_deadline(composer: Composer):
    composed = composer.answer("When must the pool entry submission be completed?", None, LATER)
    assert composed.entry_id == "entry-deadline", composed.text[:200]
