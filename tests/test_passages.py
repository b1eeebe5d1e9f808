"""A passage pointed at by its quoted words, to ask what else it says."""

from __future__ import annotations

import pytest

from conversations.passages import meaning_asked, without_the_place


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("关于“单个企业最多申请2个项目”那段，还规定了什么建设时间？", "那段，还规定了什么建设时间？"),
        ("“承诺书”那一条还要交什么", "那一条还要交什么"),
        # the quoted words are what is asked about
        ("“单个企业最多申请2个项目”是哪一条", "“单个企业最多申请2个项目”是哪一条"),
        ("“事后奖补”那段说的是什么意思", "“事后奖补”那段说的是什么意思"),
    ],
)
def test_the_quoted_place_is_left_out_only_where_else_is_asked(question: str, asked: str) -> None:
    assert without_the_place(question) == asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("“事后奖补”是说出了事之后才补吗？", "“事后奖补”是什么意思？"),
        ("“上平台”是指火车站那种站台吗？我真不懂", "“上平台”是什么意思？我真不懂"),
        ("“事后奖补”是什么意思", "“事后奖补”是什么意思"),  # asked already
    ],
)
def test_a_meaning_guessed_for_a_quoted_term_asks_what_it_means(question: str, asked: str) -> None:
    assert meaning_asked(question) == asked
