"""Clauses cited by number, read as the notice numbers them."""

from __future__ import annotations

import pytest

from conversations.citations import Citations
from knowledge.loader import KnowledgeBase


@pytest.fixture(scope="module")
def citations(kb: KnowledgeBase) -> Citations:
    return Citations(kb.notice)


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("三(二)是什么", ["三(二)"]),
        ("三（二）和三（三）哪个高", ["三(二)", "三(三)"]),
        ("通知第三部分第二条", ["三(二)"]),
        ("第五部分讲什么", ["五"]),
        ("支持方式第三条补多少", ["三(三)"]),
        ("依据：三、支持方式（一）", ["三(一)"]),
        ("支持方向(四)", ["一(四)"]),
        ("What does section 3.2 say?", ["三(二)"]),
        ("item 2 of section 4", ["四(二)"]),
        ("Clause 5(3) limits us?", ["五(三)"]),
        ("Part 5(1) says the funds should be managed how?", ["五(一)"]),
        ("第三条第（二）款是给什么类型企业的？", ["三(二)"]),
        ("一、的标题是什么？", ["一"]),
        # no such section in the notice, or no clause at all; a list's own numbering
        ("一、入库截止是哪天", []),
        ("第九部分第二条", []),
        ("省级专项资金150万，市级配套多少", []),
        ("附件3(2份)", []),
        ("section 9", []),
    ],
)
def test_cited_clauses(citations: Citations, text: str, clauses: list[str]):
    assert citations.clauses(text) == clauses
