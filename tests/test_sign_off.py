"""A letter's closing signature is set aside before the message is read; a question after the
closing words, or a dash within the question, is kept."""

from __future__ import annotations

import pytest

from conversations.sign_off import without_sign_off


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("项目投资额包括哪些费用？谢谢——某机械 成本会计 龚", "项目投资额包括哪些费用？谢谢"),
        ("现在还适用吗？——某电器 市场部 小孟", "现在还适用吗？"),
        ("政府信息公开申请怎么提交？谢谢。某律所 律师助理 龙", "政府信息公开申请怎么提交？谢谢"),
        (
            "Could you provide the telephone number? Best, Sophie Wang, Administration",
            "Could you provide the telephone number?",
        ),
        ("Deadline? Kind regards, Tom", "Deadline?"),
    ],
)
def test_a_signature_is_set_aside(message: str, kept: str):
    assert without_sign_off(message) == kept


@pytest.mark.parametrize(
    "message",
    [
        "入库截止——7月8日对吧",  # a dash within the question
        "谢谢。那验收呢",  # a question after the thanks
        "入库几号截止？谢谢。曲江的",  # one word after the thanks: no signature of words apart
        "What is the deadline? Best, what about acceptance?",
        "——某咨询 文案 邵",  # nothing but a signature
    ],
)
def test_what_asks_or_is_the_message_is_kept(message: str):
    assert without_sign_off(message) == message
