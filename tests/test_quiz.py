"""A quiz question: the option the notice says (or does not say) picked, the question before the
options answered as any other."""

from __future__ import annotations

import datetime as dt

import pytest

from conversations.compose import Composer
from conversations.quiz import Quiz
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


@pytest.fixture(scope="module")
def quiz(kb: KnowledgeBase) -> Quiz:
    return Quiz(kb)


@pytest.mark.parametrize(
    ("question", "letter"),
    [
        (
            "下列哪个【不是】本通知的支持方向？A 工业企业“上云上平台” B 行业性工业互联网平台标杆项目 "
            "C 专精特新“小巨人”培育 D “5G+制造业”融合创新运用",
            "C",
        ),
        ("以下金额哪个在通知“支持方式”里没有作为最高限额出现过？A 50万元 B 100万元 C 200万元", "C"),
        (
            "单选：最终支持金额怎么定？A 省工信厅按评分定 B 市工信局根据资金池和项目个数具体确定 "
            "C 财政局按企业纳税额定 D 企业自报多少给多少",
            "B",
        ),
        (
            "Which is NOT one of the four support directions? "
            "A) industrial firms going onto cloud & platforms "
            "B) industry IIoT platform benchmark projects C) new-energy vehicle charging stations "
            "D) 5G + manufacturing integration",
            "C",
        ),
    ],
)
def test_the_option_the_notice_says_or_not_is_picked(quiz: Quiz, question: str, letter: str) -> None:
    asked = quiz.read(quiz.without_label(question))
    assert asked is not None and asked.picked is not None and asked.picked.letter == letter, asked


def test_an_option_standing_apart_from_the_next_is_picked(quiz: Quiz) -> None:
    asked = quiz.read(
        "下列哪个是本通知的主送单位之一？A 韶关高新区管委会 B 广州开发区管委会 C 广东省财政厅 D 各商业银行"
    )
    assert asked is not None and asked.picked is not None and asked.picked.letter == "A", asked


def test_a_statement_judged_after_it_is_asked_of(quiz: Quiz) -> None:
    assert (
        quiz.without_label("判断：入库申报要在7月8日前完成。对还是错？") == "入库申报要在7月8日前完成，对吗？"
    )


def test_no_option_is_picked_where_several_could_be(quiz: Quiz) -> None:
    asked = quiz.read("下面哪个是通知的附件？A 入库项目申报书 B 承诺书 C 项目验收申请报告")
    assert asked is not None and asked.picked is None


@pytest.mark.parametrize(
    "text",
    [
        "我们上云项目省级拿了300万，市级能配多少",
        "MCQ practice is fun",
        "方向A和方向B",
        # firms listed A, B, C and then asked of: no options to pick from
        "三家客户：A上云省级50万，B的5G项目省级2000万，C系统性平台投资200万，各能拿多少",
        "Hi: a) deadline for the acceptance application? b) who receives it? c) how many paper copies?",
    ],
)
def test_a_message_without_options_is_no_quiz(quiz: Quiz, text: str) -> None:
    assert quiz.read(text) is None


def test_the_pick_comes_first_and_the_stem_is_answered(composer: Composer) -> None:
    composed = composer.answer(
        "下列哪个【不是】本通知的支持方向？A 工业企业“上云上平台” B 行业性工业互联网平台标杆项目 "
        "C 专精特新“小巨人”培育 D “5G+制造业”融合创新运用",
        None,
        TODAY,
    )
    assert (
        composed.text.startswith("按通知，应选C（专精特新“小巨人”培育）")
        and "通知支持四个方向" in composed.text
    )


def test_the_stems_own_figures_are_worked_out_and_no_option_picked(composer: Composer) -> None:
    text = composer.answer(
        "练习题：某企业“上云上平台”项目获得省级专项资金260万元，市级配套应为？A 13万 B 26万 C 52万 D 100万",
        None,
        TODAY,
    ).text
    assert "= 26万元" in text and "应选" not in text, text


def test_a_quiz_about_another_programme_is_outside(composer: Composer) -> None:
    composed = composer.answer(
        "单选：国家级专精特新“小巨人”企业中央财政奖补每家多少？A 100万 B 300万 C 600万 D 1000万", None, TODAY
    )
    assert composed.entry_id is None


def test_a_quiz_label_asks_nothing(composer: Composer) -> None:
    assert (
        composer.answer("判断题：本通知由广东省工业和信息化厅印发。", None, TODAY).entry_id
        == "issuer-and-date"
    )


def test_a_statement_to_judge_is_offered_as_a_premise(composer: Composer) -> None:
    text = composer.answer("判断题：承诺书是入库申报阶段（7月8日前）要交的材料。", None, TODAY).text
    assert text.startswith("承诺书（附件5）不是入库申报时交的，是验收申请时交的"), text[:120]
    english = composer.answer(
        "True or false: the city subsidy for the benchmark direction is capped at 1 million.", None, TODAY
    ).text
    assert english.startswith("Not RMB 1,000,000"), english[:120]


def test_a_blank_to_fill_is_asked_of(composer: Composer) -> None:
    composed = composer.answer(
        "Fill in the blank (training quiz): Enterprises must complete the project-pool filing before ______.",
        None,
        TODAY,
    )
    assert composed.entry_id == "entry-deadline", composed.text[:120]


@pytest.mark.parametrize(
    ("question", "picked", "entry"),
    [
        # every option is the notice's; only the stage asked of leaves one out
        (
            "哪一项不是入库申报阶段要填报的材料？A 项目入库储备汇总表 B 入库项目申报书 C 项目验收申请报告",
            "C（项目验收申请报告）：下面的答复里没有这一项",
            "entry-materials",
        ),
        (
            "以下哪个不是验收申请阶段要报送的材料？A 项目验收申请报告 B 承诺书 C 入库项目申报书",
            "C（入库项目申报书）：下面的答复里没有这一项",
            "acceptance-materials",
        ),
    ],
)
def test_an_option_is_looked_up_in_the_stems_answer(
    composer: Composer, question: str, picked: str, entry: str
) -> None:
    composed = composer.answer(question, None, TODAY)
    assert composed.entry_id == entry and composed.text.startswith(f"按通知，应选{picked}"), composed.text[
        :120
    ]


def test_the_notice_named_by_its_title_is_the_notice(composer: Composer) -> None:
    composed = composer.answer(
        "新人培训小测 第1题：《关于组织开展2022年韶关市制造业高质量发展促进工业互联网应用项目申报工作的通知》"
        "的发文单位是？A 广东省工业和信息化厅 B 韶关市工业和信息化局 C 韶关市财政局 D 韶关市科学技术局",
        None,
        TODAY,
    )
    assert composed.entry_id == "issuer-and-date" and "应选B" in composed.text, composed.text[:120]


def test_an_answers_figures_pick_no_option(composer: Composer) -> None:
    composed = composer.answer(
        "单选：工业互联网企业网络安全分类分级管理中，联网工业企业分为几级？A 2级 B 3级 C 4级 D 5级",
        None,
        TODAY,
    )
    assert composed.entry_id is None and "应选" not in composed.text, composed.text[:120]
