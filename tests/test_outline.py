"""The notice as a document: its parts and what each lists, and where a quoted term is said."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


def says(composer: Composer, question: str) -> str:
    composed = composer.answer(question, None, TODAY)
    assert composed.entry_id is not None, question
    return composed.text


@pytest.mark.parametrize(
    "question",
    [
        "这份通知正文一共分几大部分啊？我想先看个框架再细读",
        "正文那几个大标题能帮我列一下吗？我做内部培训PPT要用",
        "通知的结构是怎样的",
    ],
)
def test_the_parts_of_the_body_are_listed_with_their_items(composer: Composer, question: str) -> None:
    text = says(composer, question)
    assert "五部分" in text
    for line in (
        "一、支持方向（4条）",
        "二、支持对象（2条）",
        "三、支持方式（4条）",
        "四、申报流程（3条）",
        "五、总体要求（5条）",
    ):
        assert line in text, text


def test_the_parts_in_english(composer: Composer) -> None:
    text = says(composer, "How many main numbered sections does the body of the notice have?")
    assert "5 parts" in text and "Section 2 (Eligible applicants): 2 items" in text, text


def test_a_named_part_lists_its_items_in_order(composer: Composer) -> None:
    text = says(composer, "支持方式這部分總共列咗幾條？")
    assert "三、支持方式列了4条" in text
    assert text.index("（二）") < text.index("（三）") < text.index("（四）") and "50万" in text, text
    # 二(二)'s three conditions are one item
    eligible = says(composer, "How many conditions are listed under 支持对象 (eligibility)?")
    assert "lists 2 items" in eligible and "dishonest judgment debtor" in eligible, eligible


@pytest.mark.parametrize(
    ("question", "places", "not_said"),
    [
        (
            "“上云上平台”这个词在通知正文哪几部分出现过？",
            ["一、支持方向（一）", "三、支持方式（一）"],
            "四、",
        ),
        ("“事后奖补”在总体要求里好像又说了一遍，是第几条？", ["五、总体要求（五）"], "三、"),
        ("四、申报流程里“入库申报”是第几项？", ["四、申报流程（一）"], "五、"),
        (
            "Which section mentions 'industrial brain'?",
            ["Section 1 (Support directions), item 3"],
            "Section 3",
        ),
    ],
)
def test_a_quoted_term_is_found_where_the_notice_says_it(
    composer: Composer, question: str, places: list[str], not_said: str
) -> None:
    text = says(composer, question)
    assert all(p in text for p in places) and not_said not in text, text


def test_what_the_notice_lists_is_counted(composer: Composer) -> None:
    assert "联系人共2人：严鹏、马凯鹏" in says(composer, "通知后面的联系人写了几个人？")
    links = says(composer, "支持方向第一条里围绕的环节一共列了多少个？")
    assert "列了9个环节" in links and "设备租赁" in links, links


@pytest.mark.parametrize(
    "question",
    [
        "申报书分几部分，要写哪些内容",  # the form's own outline: not the notice's
        "“专账”要在哪里开",  # where to open it, not where it is said
        "上云项目最多补几块钱",
    ],
)
def test_other_asks_are_not_read_as_the_outline(composer: Composer, question: str) -> None:
    text = composer.answer(question, None, TODAY).text
    assert "通知正文共" not in text and "在通知里见于" not in text, text


def test_an_amount_is_found_in_the_part_named(composer: Composer) -> None:
    text = says(composer, "支持方式里是哪一条封顶50万，其他都是100万？")
    assert "三、支持方式（二）" in text and "（一）" not in text, text


def test_the_links_of_a_direction_named_by_its_words_are_counted(composer: Composer) -> None:
    links = says(composer, "上云上平台那一条里面列了多少个环节？我数着好像七八个")
    assert "列了9个环节" in links, links


def test_where_a_named_direction_stands_is_said(composer: Composer) -> None:
    assert "第四个（一、支持方向（四））" in says(composer, "四个方向里面，5G那个排第几？")
    assert "direction 2 of the notice's 4" in says(composer, "Which number is the benchmark direction?")
    assert "第几" not in says(composer, "上云项目是第几批")  # a batch, not where the direction stands
    # the passage pointed at by what it is about, and its number asked
    assert "第四个（一、支持方向（四））" in says(composer, "讲5G那段属于第一部分的第几条？")
