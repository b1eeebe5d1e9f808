"""The knowledge base answers its own questions, and says so honestly when it cannot."""

from __future__ import annotations

import pytest

from knowledge.answers import as_json, clause_label, render
from knowledge.loader import load_knowledge
from knowledge.search import Kind, SearchIndex
from tests.pack import PACK

KB = load_knowledge(PACK)
OWN_QUESTIONS = [
    pytest.param(entry.id, lang, question, id=f"{entry.id}-{lang}-{n}")
    for entry in KB.faq.entries
    for lang in ("zh", "en")
    for n, question in enumerate(entry.questions.get(lang))
]


@pytest.mark.parametrize(("entry_id", "lang", "question"), OWN_QUESTIONS)
def test_every_entry_is_found_by_its_own_phrasings(
    index: SearchIndex, entry_id: str, lang: str, question: str
):
    result = index.search(question)
    assert result.kind is Kind.ANSWER, (question, result.suggestions)
    assert result.entry is not None and result.entry.id == entry_id
    assert result.lang == lang


@pytest.mark.parametrize(
    "question",
    ["明天会下雨吗", "Tell me a joke", "深圳市的工业互联网补贴怎么申请", "帮我推荐一只股票", "asdfghjkl"],
)
def test_questions_outside_the_notice_are_rejected(index: SearchIndex, question: str):
    result = index.search(question)
    assert result.entry is None
    assert result.kind in (Kind.OUTSIDE, Kind.UNSURE)


@pytest.mark.parametrize(
    "question", ["What is the R&D super-deduction rate in 2022?", "What is the R&D super deduction rate?"]
)
def test_an_outside_word_is_found_however_its_words_are_joined(index: SearchIndex, question: str):
    assert index.outside_words(question)


def test_outside_reply_gives_the_contacts(kb, index: SearchIndex):
    text = render(kb, index.search("明天会下雨吗"))
    assert kb.notice.contacts.phone in text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("你好", Kind.GREETING),
        ("您好，在吗？我想咨询一下", Kind.GREETING),
        ("谢谢！", Kind.THANKS),
        ("哈哈好的，收到", Kind.THANKS),
        ("ok 收到 thanks", Kind.THANKS),
        ("  ", Kind.EMPTY),
    ],
)
def test_small_talk_gets_a_friendly_reply_and_no_entry(kb, index: SearchIndex, question: str, kind: Kind):
    result = index.search(question)
    assert result.kind is kind
    assert as_json(kb, result)["entry_id"] is None
    assert render(kb, result).strip()


def test_traditional_and_full_width_forms_find_the_same_entry(index: SearchIndex):
    simplified = index.search("验收申请需要哪些附件")
    traditional = index.search("驗收申請需要哪些附件？")
    assert simplified.entry is not None and traditional.entry is not None
    assert simplified.entry.id == traditional.entry.id


def test_english_questions_are_answered_in_english(kb, index: SearchIndex):
    result = index.search("What is the deadline for the acceptance application?")
    assert result.lang == "en" and result.entry is not None
    assert result.entry.answer.en in render(kb, result)


def test_forced_language_overrides_detection(kb, index: SearchIndex):
    result = index.search("验收申请截止日期", "en")
    assert result.entry is not None and result.entry.answer.en in render(kb, result)


def test_answers_cite_their_clause(kb, index: SearchIndex):
    result = index.search("上云上平台最多补多少")
    assert result.entry is not None
    assert clause_label(kb, result.entry.clause, "zh") in render(kb, result)
    assert clause_label(kb, "三(二)", "zh") == "三、支持方式（二）"
    assert clause_label(kb, "三(二)", "en").startswith("Section 3")


def test_json_contract(kb, index: SearchIndex):
    for question in ("入库申报截止日期", "明天会下雨吗", "截止"):
        payload = as_json(kb, index.search(question))
        assert set(payload) == {"answer", "entry_id", "score", "suggestions"}
        assert isinstance(payload["answer"], str) and payload["answer"]
        assert payload["entry_id"] is None or payload["entry_id"] in kb.entries_by_id
        assert isinstance(payload["score"], float)
        assert len(payload["suggestions"]) <= 3
        for suggestion in payload["suggestions"]:
            assert set(suggestion) == {"entry_id", "title"}
            assert suggestion["entry_id"] in kb.entries_by_id


def test_huge_and_odd_input_does_not_crash(index: SearchIndex):
    for question in ("申报" * 5000, "\u200b\u202e截止\x00", "🙂🙂🙂", "'; DROP TABLE leads; --", "\n\t"):
        index.search(question)
