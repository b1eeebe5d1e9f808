"""A passage pointed at by its quoted words, to ask what else it says."""

from __future__ import annotations

import pytest

from conversations.passages import without_the_place


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
