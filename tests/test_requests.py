"""A request to write for someone is set apart from the facts it asks about; letters a scan's
text recognition misread for digits are read as digits."""

from __future__ import annotations

import pytest

from conversations.requests import WritingRequests, without_shape
from knowledge.figures import with_misread_digits

WRITING = WritingRequests(["帮我写", "一句话跟", "浓缩成", "summarise"])


def test_a_clause_asking_for_the_writing_is_set_apart():
    assert (
        WRITING.without_them("项目验收申请要几号前交？帮我写一句提醒贴在OA公告上") == "项目验收申请要几号前交"
    )
    assert WRITING.requests_in("支持对象那部分，帮我写两句") == ["帮我写两句"]


def test_a_message_that_is_only_the_request_is_left_as_it_is():
    assert WRITING.without_them("帮我写一份入库项目申报书") == "帮我写一份入库项目申报书"
    assert WRITING.without_them("Summarise the 等保2.0 rules.") == "Summarise the 等保2.0 rules."


def test_a_message_asking_for_no_writing_is_left_as_it_is():
    assert WRITING.without_them("入库几号截止？") == "入库几号截止？"
    assert WRITING.is_part_of_one("浓缩") and not WRITING.is_part_of_one("贷款政策")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("省专项15O万", "省专项150万"),
        ("按照 1O%进行配套，最高不超过 l00 万元", "按照 10%进行配套，最高不超过 100 万元"),
        ("2O21年9月30日", "2021年9月30日"),
        ("ISO9001认证、IoT和O2O", "ISO9001认证、IoT和O2O"),
    ],
)
def test_letters_misread_for_digits_are_digits_only_in_a_figure(text: str, read: str):
    assert with_misread_digits(text) == read


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("项目建设窗口的起止日期做成一行表格", "项目建设窗口的起止日期"),
        ("上云和标杆的上限做个对比表，谢谢", "上云和标杆的上限，谢谢"),
        ("做个表格", "做个表格"),  # nothing but the shape
        ("这个表怎么填", "这个表怎么填"),  # no shape asked
        ("帮我把几家企业的联系人整理成表格", "帮我把几家企业的联系人整理成表格"),  # one's own things
    ],
)
def test_the_shape_asked_is_left_out(text: str, asked: str) -> None:
    assert without_shape(text) == asked
