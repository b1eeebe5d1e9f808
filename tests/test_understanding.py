"""Messages as enterprises write them: backstory, several questions, their own figures, wrong
premises, near misses, follow-ups, and deadlines told against today."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.dialog import Assistant
from bot.people import Sender, telegram
from bot.storage import Storage
from conversations.compose import Composer, Context
from conversations.stated_today import stated_today
from conversations.understanding import Reader
from knowledge.figures import days_said, read_amounts, read_dates, read_periods, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.search import Kind, SearchIndex

ROOT = Path(__file__).resolve().parent.parent

JUNE_20 = dt.date(2022, 6, 20)
LATER = dt.date(2026, 11, 24)


def assert_answered_by(composer: Composer, cases: dict[str, str], today: dt.date = JUNE_20) -> None:
    """Each question answered from the entry it names."""
    for question, entry in cases.items():
        assert composer.answer(question, None, today).entry_id == entry, question


def assert_answered_saying(composer: Composer, question: str, entry_id: str, said: str) -> None:
    """The question answered today from the entry it names, the answer saying `said`."""
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry_id and said in composed.text, (composed.entry_id, composed.text[:200])


def assert_each_says(composer: Composer, cases: dict[str, str], today: dt.date = LATER) -> None:
    """Each question's answer says what it is paired with."""
    for question, said in cases.items():
        composed = composer.answer(question, None, today)
        assert said in composed.text, (question, composed.text[:300])


def assert_outside(composer: Composer, questions: tuple[str, ...], today: dt.date = JUNE_20) -> None:
    """Each question refused: no entry answers it."""
    for question in questions:
        assert composer.answer(question, None, today).entry_id is None, question


def assert_unstated(
    composer: Composer, questions: tuple[str, ...], today: dt.date = LATER, said: str = "没有写明"
) -> None:
    """Each question told the notice does not say it (没有写明; in English, "does not say"), no
    entry answering it."""
    for question in questions:
        composed = composer.answer(question, None, today)
        assert composed.entry_id is None and said in composed.text, (question, composed.text[:120])


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


def flat(text: str) -> str:
    return text.replace(" ", "").replace(",", "")


# numbers and dates ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("省里批了一千二百万", Decimal(12_000_000)),
        ("省级给了八十万", Decimal(800_000)),
        ("省级资金1,100,000元", Decimal(1_100_000)),
        ("投资1.2亿", Decimal(120_000_000)),
        ("received RMB 1.5 million in provincial funds", Decimal(1_500_000)),
        ("我哋上雲項目省級撥咗三百萬", Decimal(3_000_000)),
        ("省级资金壹佰伍拾万元", Decimal(1_500_000)),
        ("项目投资5百万", Decimal(5_000_000)),
        ("省级资金1500000，市级多少", Decimal(1_500_000)),
    ],
)
def test_amounts_are_read_in_every_form(kb: KnowledgeBase, text: str, yuan: Decimal):
    figures = read_amounts(text, kb.lexicon.figure_roles)
    assert [f.yuan for f in figures] == [yuan]


def test_figures_know_what_money_they_are(kb: KnowledgeBase):
    figures = read_amounts("总共投了380万，省里批了专项资金七十万", kb.lexicon.figure_roles)
    assert [(f.yuan, f.role) for f in figures] == [
        (Decimal(3_800_000), "investment"),
        (Decimal(700_000), "provincial"),
    ]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("系统性平台项目，设备花了250万，软件120万，材料30万", [(4_000_000, "investment")]),
        ("设备250万+软件120万+材料30万，省里给了50万", [(4_000_000, "investment"), (500_000, "provincial")]),
        ("equipment RMB 2.5 million, software 1.2 million", [(3_700_000, "investment")]),
        # one part alone is the whole
        ("设备投资250万，省级给了50万", [(2_500_000, "investment"), (500_000, "provincial")]),
        # parts beside the whole only break it down
        ("系统性平台总投资400万，其中设备250万", [(4_000_000, "investment")]),
        ("项目投资400万，设备250万，软件150万", [(4_000_000, "investment")]),
    ],
)
def test_the_parts_of_an_investment_add_up_to_it(
    kb: KnowledgeBase, text: str, figures: list[tuple[int, str]]
):
    read = read_amounts(text, kb.lexicon.figure_roles, kb.lexicon.figure_parts, kb.lexicon.total_words)
    assert [(f.yuan, f.role) for f in read] == [(Decimal(y), role) for y, role in figures]


def test_bare_numbers_are_money_only_as_funds_or_investment(kb: KnowledgeBase):
    assert read_amounts("咨询电话8884332，员工20000人", kb.lexicon.figure_roles) == []


def test_chinese_dates_become_dates():
    assert read_dates("七月八号前") == [(None, 7, 8)]
    assert read_dates("二〇二一年九月三十日") == [(2021, 9, 30)]
    assert to_arabic("一式七份") == "一式7份"
    # a year said digit by digit, without a date after it
    assert to_arabic("二零二一年那批") == "2021年那批"


def test_the_end_of_a_month_is_its_last_day():
    assert read_dates("九月底前") == [(None, 9, 30)]
    assert read_dates("2022年2月底") == [(2022, 2, 28)]
    assert read_dates("by the end of September") == [(None, 9, 30)]


def test_a_part_of_a_month_is_its_days():
    assert read_periods("七月中旬交") == [(None, 7, 11, 20)]
    assert read_periods("2022年8月下旬") == [(2022, 8, 21, 31)]
    assert read_periods("九月初") == [(None, 9, 1, 10)]
    assert read_periods("early August 2022") == [(2022, 8, 1, 10)]
    assert read_periods("7月中心") == [] and read_periods("7月8日") == []


def test_a_chinese_decimal_keeps_its_unit():
    assert to_arabic("批了二十三点六万") == "批了23.6万"
    assert to_arabic("投了一点二亿") == "投了12000万"
    assert to_arabic("二点五") == "二点五"  # no unit after it: too short to be sure it is a number


def test_words_with_numerals_stay_words():
    assert to_arabic("统一部署，一家企业") == "统一部署,一家企业"


def test_typo_correction_leaves_real_words_alone(index: SearchIndex):
    assert "加工" in index.normaliser.canonical("我们是做五金加工的")
    assert "不得" not in index.normaliser.canonical("规模越大补得越多吗")  # a shared particle: no kinship
    assert index.normaliser.canonical("怎么管理") == "怎么管理"  # not 怎么管 → 怎么管理 + a stray 理
    assert index.normaliser.canonical("放向") == "方向"  # real typos are still corrected
    assert "验收" in index.normaliser.canonical("验搜截止几号")  # sh said as s, as in the south


def test_an_english_synonym_is_no_synonym_inside_another_word(index: SearchIndex):
    # firm → company applies to the word, not to confirming
    assert "confirming" in index.normaliser.canonical("before confirming the result")
    assert "company" in index.normaliser.canonical("our firm in Qujiang")


# the user's own figures -------------------------------------------------------------------------
def test_provincial_funds_are_matched_at_ten_percent(composer: Composer):
    answer = composer.answer("上云项目省里批了150万，市里能配多少？", None, JUNE_20)
    assert answer.entry_id is not None and answer.computed
    assert "150万元 × 10% = 15万元" in answer.text and "三、支持方式（一）" in answer.text
    assert "/check" in answer.text


def test_a_rate_said_in_tenths_is_checked_even_beside_the_provinces_name(composer: Composer):
    # 省级的三成: 省级 names the base, not a body offered for who pays; 三成 is 30%
    text = composer.answer("老板说上云项目补贴是省级的三成，对不对？", None, JUNE_20).text
    assert text.startswith("不是30%") and "10%" in text


def test_a_budget_is_the_investment_it_plans(composer: Composer):
    assert "80万" in composer.answer("系统性平台项目预算800万，市里能补多少", None, JUNE_20).text


def test_a_large_investment_is_capped_and_says_why(composer: Composer):
    answer = composer.answer("系统性平台投资两千万能补多少", None, JUNE_20)
    assert "200万元" in answer.text and "按最高计100万元" in answer.text
    assert "三、支持方式（三）" in answer.text


def test_no_base_funds_is_an_amount_of_zero(composer: Composer):
    answer = composer.answer("上了一套云MES花了60万，省里没有给资金，还能拿到市里的补贴吗？", None, JUNE_20)
    assert answer.entry_id is not None and "市级配套为0元" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("系统性平台省级给了300万，市级补多少", "的基数是项目投资，不是省级专项资金"),
        ("上云项目投资300万能补多少", "的基数是省级专项资金，不是项目投资"),
    ],
)
def test_a_figure_that_is_not_the_directions_base_is_said_so(composer: Composer, question: str, said: str):
    answer = composer.answer(question, None, JUNE_20)
    assert said in answer.text and "告诉我" in answer.text


@pytest.mark.parametrize(
    ("question", "each", "total"),
    [
        (
            "一个上云项目省级给了200万，一个5G+制造业项目省级给了400万，加起来市级能拿多少？",
            ["20万元", "40万元"],
            "合计约60万元",
        ),
        # the figures in the order of the directions they follow
        (
            "我们有上云和5G两个项目，省级分别批了三百万和一百万，合计多少",
            ["30万元", "10万元"],
            "合计约40万元",
        ),
        # each from a base of its own kind, the total asked
        (
            "上云项目省级两百万，另一个系统性平台投资五百万，市级一共多少",
            ["20万元", "50万元"],
            "合计约70万元",
        ),
    ],
)
def test_two_projects_are_added_up(composer: Composer, question: str, each: list[str], total: str):
    answer = composer.answer(question, None, JUNE_20)
    assert all(amount in answer.text for amount in each) and total in answer.text


def test_one_project_worked_in_two_directions_is_not_added_up(composer: Composer):
    answer = composer.answer("方向一和方向三分别能拿多少？投资1000万，省级300万", None, JUNE_20)
    assert "30万元" in answer.text and "100万元" in answer.text and "合计" not in answer.text


def test_figures_in_english_are_answered_in_english(composer: Composer):
    question = "Our cloud project got 800,000 yuan from the province. City top-up?"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.lang == "en" and "RMB 80,000" in answer.text


# several questions, premises ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("入库和验收分别几号截止", ["2022年7月8日", "2022年8月26日"]),
        ("标杆和上云的封顶一样吗", ["50万元", "100万元"]),
        ("附件有哪些，各交几份", ["附件2", "附件3", "附件4", "附件5", "一式七份"]),
        ("5G项目和标杆项目最高分别能补多少", ["三、支持方式（四）", "三、支持方式（二）"]),
        # a comparison between named directions: each one's rule
        ("上云和5G哪个补得多", ["三、支持方式（一）", "三、支持方式（四）"]),
        # every direction at once, or compared with none named: the caps of all of them
        ("四个方向最高补贴分别是多少？", ["最高50万元", "最高100万元"]),
        ("哪个方向封顶最低", ["最高50万元", "最高100万元"]),
        ("Which direction has the highest cap?", ["500,000", "1,000,000"]),
        ("入库要交哪两个附件？验收又是哪两个？", ["附件2", "附件3", "附件4", "附件5"]),
        ("钱啥时候到 先给还是做完才给", ["事后奖补"]),
        # "each of them", asking nothing of its own, is about what the clause before named
        ("一共有几个支持方向？分别叫什么，我怕搞混", ["一、支持方向」"]),
        # 同 joins two stages in Cantonese
        ("入庫申報截止日期同驗收截止日期係唔係同一日？", ["2022年7月8日", "2022年8月26日"]),
        ("韶工信函91号是什么时候印发的", ["2022年6月10日"]),
        ("8月26号这个日期是验收申请截止还是建设完成截止？", ["五、总体要求（三）", "四、申报流程（二）"]),
        # the scopes say the whole of their clauses
        ("系统性平台要把行业应用软件汇聚到平台上吗，软件服务要往什么方向演进", ["平台化、服务化"]),
        ("标杆项目 网络部署架构和运营模式有要求不", ["多种网络部署架构"]),
        ("我们想报三个，上云一个5G一个系统平台一个，行不行", ["最多申请2个项目"]),
        ("入库和验收分别最迟哪天要交到工信局？", ["2022年7月8日", "2022年8月26日"]),
        # by which day, asked of two stages without a joiner between them
        ("需要在哪天前入库，又是哪天前交验收？", ["2022年7月8日", "2022年8月26日"]),
        # the worked figures, and the section's other rule asked beside them
        ("上云项目省里批了150万，市里配多少？钱是先给还是做完才给？", ["15万元", "事后奖补"]),
        # a platform used only at clients elsewhere: the direction's rule, and that it is not met
        ("我们系统性平台投资200万，目前只在省外客户那边用，能补吗", ["得到应用", "不符合"]),
        # 补贴算法 is how the subsidy is worked out, not an algorithm: each direction's amount
        ("上云跟标杆比 补贴算法一样吗", ["50万", "100万"]),
        # numbered questions with a space after the number
        ("两件事：1. 入库截止哪天 2. 纸质材料要几份", ["7月8日", "一式七份"]),
        # how many directions, beside one direction's cap
        ("一共有几个支持方向？5G项目最高补多少？", ["四个方向", "100万"]),
    ],
)
def test_every_part_of_a_question_is_answered(composer: Composer, question: str, expected: list[str]):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None
    for text in expected:
        assert text in answer.text, text


def test_a_wrong_premise_is_corrected(composer: Composer):
    answer = composer.answer("上云上平台是不是也是五十万封顶？", None, JUNE_20)
    assert answer.text.startswith("不是50万元")
    assert "方向二" in answer.text and "100万元" in answer.text


def test_a_deadline_of_the_other_stage_is_corrected(composer: Composer):
    answer = composer.answer("验收申请是不是7月8号前交就行？", None, JUNE_20)
    assert "不是7月8日" in answer.text and "8月26日" in answer.text
    # a date asked about, or a choice of two, is checked too
    answer = composer.answer("入库是7月8号还是8月26号截止？我搞混了", None, JUNE_20)
    assert "不是8月26日" in answer.text and "7月8日" in answer.text
    answer = composer.answer("Is the entry deadline August 26?", None, JUNE_20)
    assert "Not August 26" in answer.text and "July 8" in answer.text


def test_another_years_notice_not_pointed_at_as_this_one_is_outside(composer: Composer):
    assert composer.answer("2023年的通知是不是还没出", None, JUNE_20).entry_id is None


def test_a_word_of_stopwords_before_subsidy_names_no_other_support(composer: Composer):
    assert composer.answer("请问补贴资金最终怎么确定？有没有总额上限？", None, JUNE_20).entry_id is not None


@pytest.mark.parametrize(
    ("question", "correction", "fact"),
    [
        ("市里是按省级资金的20%配套吗", "不是20%", "10%"),
        ("咨询电话是8884322对吧", "不是8884322", "8884332"),
        ("纸质材料一式五份就够了吧", "不是一式5份", "一式七份"),
        # a deadline no stage has: the named stage's own
        ("验收申请9月底前交就行吧？", "不是9月30日", "2022年8月26日"),
        # a year or a body offered for the notice itself, or a choice of years: its date and issuer
        ("91号文是2023年的吧？", "不是2023年", "2022年6月10日"),
        ("通知係邊年發嘅？我以為係2023年", "不是2023年", "2022年6月10日"),
        ("老板问这次是2022年的还是2023年的申报？", "", "2022年6月10日"),
        ("这个通知是韶关市发改委发的吧？", "", "韶关市工业和信息化局"),
    ],
)
def test_rates_numbers_copies_dates_and_years_offered_for_confirmation_are_checked(
    composer: Composer, question: str, correction: str, fact: str
):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None
    assert answer.text.startswith(correction) and fact in answer.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("验收材料复印两份寄过去就行了吧", "一式七份"),
        ("近两年没出过财政违规就可以了吧", "近5年"),
        ("项目入库以后就不用再交验收申请了吧", "验收"),
    ],
)
def test_a_premise_in_the_users_own_words_is_answered_with_the_fact(
    composer: Composer, question: str, fact: str
):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and fact in answer.text


@pytest.mark.parametrize("question", ["验收是省工信厅组织的吧", "入库评审是省里做的吧"])
def test_a_body_offered_for_confirmation_is_answered_with_who_does_it(composer: Composer, question: str):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and "市工信局" in answer.text


def test_a_later_year_said_as_today_asks_whether_the_round_is_open(composer: Composer):
    answer = composer.answer("都2025年了，5G项目还可以报吗", None, LATER)
    assert answer.entry_id is not None and "已截止" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "标杆项目最高是50万吧",
        # a percentage measuring the project itself is no rate offered for the subsidy
        "我们上了MES，良品率从92%提升到99%，这种能报吗",
        "Our yield rose to 99% after the 5G project, is it eligible?",
    ],
)
def test_a_right_premise_or_the_projects_own_figure_is_not_contradicted(composer: Composer, question: str):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and "不是" not in answer.text.splitlines()[0]
    assert "Not " not in answer.text.splitlines()[0]


def test_backstory_does_not_make_the_bot_refuse(composer: Composer):
    question = "我们是仁化一家做铝型材的厂，三十来号人，去年纳税一百多万，今年上了ERP，这种能报哪个方向？"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.kind is Kind.ANSWER and answer.entry_id is not None
    assert "上云上平台" in answer.text


# near misses ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "韶关市2022年专精特新申报的联系人是谁",
        "南雄的企业搞技术改造，广东省技术改造专项资金奖补比例是多少",
        "首台套保险补偿怎么申请",
        "智能制造示范工厂评选标准是什么",
        "工业互联网标识解析二级节点建设有补贴吗",
        "2023年的上云上平台补贴比例变了吗",
        "东莞企业上云上平台补贴标准",
        "去年为了数字化改造向银行贷了2000万，贴息比例是多少",
        "设备购置能不能享受企业所得税一次性税前扣除",
        "工信局局长是谁",
        "2020年韶关工业互联网项目入选名单有哪些企业",
        "市工信局在哪条街，上班时间是几点",
        "工业互联网平台哪家好，推荐一下",
        "始兴县有没有自己的企业上云奖励政策",
    ],
)
def test_near_misses_are_outside_with_the_contacts(kb: KnowledgeBase, composer: Composer, question: str):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE
    assert kb.notice.contacts.phone in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "人社局的稳岗返还怎么领",
        "市场监管局的质量奖奖金多少",
        "我们去年做了网络安全等级保护测评，能报销吗",
        "数字化车间认定需要什么条件",
        "想做个ERP，推荐一家供应商",
        "翁源县另外的数字化奖励多少",
        "消防验收要准备哪些材料",
        "员工考了证书，公司有没有奖励",
        "我们是河源的企业，在河源注册，想问河源市今年数字化项目什么时候报",
        # applying to the province itself, the contacts' posts, the bot itself
        "省里的专项资金是直接报省工信厅吗",
        "马凯鹏在哪个科室",
        "你是机器人吗",
        # requests to draft, other places' rounds with their year, a county's own policy
        "帮我写一份项目验收申请报告，我们是做陶瓷的，上云项目投资两百万",
        "Could you write our project entry application form for us? We invested 3 million.",
        "佛山2023年工业互联网项目补贴标准",
        "2021年那一批工业互联网应用项目的验收通过名单在哪里可以查到？",
        "韶关市国资委下属企业数字化转型考核指标",
        "5G工业专网可以申请专用频率吗？要向哪个部门申请",
        # the other programme said again on its own after the direction's word: 5G基站 … 基站建设补贴
        "运营商在工业园区建5G基站，市里有没有基站建设补贴？",
        "韶关高新区对新入园的制造企业有没有固定资产投资奖励？",
        # a short clause naming only an outside thing, then an everyday question about it
        "ISO9001认证 韶关有补贴不",
        "设备数据要传回德国总部，数据出境安全评估怎么做",
        # technology know-how, a company's own results, the province's own funds
        "企业上云选公有云还是私有云比较好",
        "MES和ERP有什么区别",
        "边缘计算和云计算到底有什么区别？",
        "我们去年申报的上云项目专家打了多少分，能查吗",
        "我们公司6月底交的入库材料，现在审核到哪一步了",
        "MES系统一般要多少钱？小厂大概预算多少合适",
        "我们公司的入库申报书写好了，你能帮我看看写得怎么样吗",
        "省工信厅工业互联网处的联系电话是多少",
        "申请省级工业互联网专项资金需要什么条件",
        "买软件能打折吗",
        "Which company won the 2021 Shaoguan industrial internet benchmark award?",
        "工业互联网平台的PaaS层和SaaS层是什么意思",
        "2022年韶关工业互联网应用项目拟奖补名单公示了没有？我们公司在不在里面",
        "省工信厅的5G+工业互联网应用示范项目，省级资金最高能给多少？",
        "省级专项资金什么时候拨到企业账上？我们去年批的到现在还没收到",
        "How do we apply for the provincial 'specialized, refined, distinctive and innovative' SME title?",
        "我们在乐昌，乐昌有没有自己出台的上云补贴",
        # how to build it, carriers, lawyers, another sector's title, a local bureau's people,
        # past years' figures, other subsidies
        "PLC和网关之间怎么配置MQTT",
        "5G专网选联通还是移动好",
        "能推荐律师帮我们审合同吗",
        "农业龙头企业认定找哪个部门",
        "县工信局负责工业互联网的是谁",
        "去年有多少家企业拿到这个补贴",
        "韶关还有其他数字化转型补贴吗",
        "Can the bureau help us get a bank loan for the gateways?",
        "5G专网每个月资费大概多少",
        "补贴到账的会计分录怎么做",
        "平台上线要做等保几级",
        "阿里云还是华为云好",
        "你能记住我们公司的资料吗",
        "合同对方违约了怎么起诉",
        "帮我做一个项目甘特图",
        # a place's own round said with 那边, another year's round in Cantonese, small talk
        "我们集团在湖南郴州也有厂，郴州那边有没有类似的上云补贴",
        "2020年嗰批几时截止",
        "你会不会讲笑话",
        "怎么从失信名单移出来，去哪个法院办",
        # what the story applies for or does is outside: the everyday question after it asks it
        "我们的5G边缘计算网关想申请发明专利，流程怎么走？",
        "上云以后要做等保二级测评，费用大概多少、怎么做？",
        "我们想在韶关注册一家新公司，流程怎么办？",
        # configuring network gear, software vendors, courses, banks, feasibility studies
        "5G+边缘计算网关怎么配置VLAN和端口转发",
        "企业上云用哪家的ERP比较好，金蝶还是用友？",
        "邊度可以學工業互聯網嘅課程？老細想送我去讀",
        "How do I open a dedicated bank account at ICBC for government subsidy funds?",
        "工业互联网项目的可行性研究报告怎么写，有没有模板？",
        "數字化轉型咨詢公司邊間好？",
        # the province's own funds: their payment, their basis, paying them back
        "省级专项资金拨付到企业账户一般要多久？",
        "韶关市2022年工业互联网上云上平台的省级资金是哪个文件定的？",
        "省级专项资金验收不通过要退钱吗？",
        "韶關2022年促進民營經濟發展專項資金申報條件係咩？",
        # bank loans, choosing cloud software and how to deploy it, the newly-above-scale award
        "How can we get a bank loan for new machines?",
        "怎样选择云端MES系统",
        "我们MES上云，用SaaS还是私有化部署好",
        "首次升规企业有什么奖励",
        "What is the 5G coverage like in Qujiang?",
        # a place's own policy for projects there, not a project of this notice put there
        "在深圳实施的工业互联网项目有什么补贴政策",
        "What subsidy policy does Dongguan have for platforms deployed there?",
        # a request made with 请把 asks it; a category of firms (小微企业) is not the one asking
        "请把这句翻译成英文：本公司专注数字化转型",
        "疫情期间小微企业纾困资金韶关怎么申请",
        # advice on a technical choice, and other agencies' schemes
        "设备联网用有线好还是用5G好",
        "残保金怎么申请减免",
        "双软认证要多久",
        # a template for the story's own document (可研报告), not an attachment of the notice
        "帮客户写可研报告，有没有模板参考",
        # a public institution's own pay and staffing are not the notice's
        "事业单位的绩效工资怎么定",
        # a trade fair's own subsidy asked
        "参加展会有没有补贴，这次能报吗",
        # loans themselves, taxes, renting premises, replacing a licence, R&D post-subsidies
        "韶关有没有创业担保贷款，额度多少",
        "印花税按季申报的截止日是哪天",
        "高新区标准厂房租赁有什么优惠政策",
        "公司营业执照副本丢了，去哪里补办？",
        "请问韶关市2022年度企业研发费用后补助的申报截止日期为何时？",
        # picking a vendor or a technology, a plant's or a finance measure, repairing credit, a
        # business licence, the list of firms that got money
        "能推荐几家韶关本地靠谱的MES服务商吗",
        "车间WiFi用华为还是H3C的比较好",
        "工厂的OEE公式怎么算",
        "How should we calculate the ROI of a predictive maintenance system?",
        "怎么申请把企业从失信黑名单里移除",
        "How can I get a business licence for a new subsidiary?",
        "去年哪些企业拿到了省级工业互联网专项资金",
        # picking a product, an agent's fee, the subsidy's tax treatment, another year's round
        # asked with 了没有, a computer's trouble
        "有没有好用的财务软件推荐",
        "用友和金蝶的系统哪个更好用",
        "我们帮企业代理申报，收多少合理",
        "补贴收入算不算不征税收入",
        "2024年的工业互联网应用项目出了没有",
        "电脑中病毒了怎么办",
        "政府补助在年报里怎么披露",
        "5G网速慢怎么优化",
        # turning a sole trader into a company, dormitories, energy audits, statistics, other
        # subsidies, a product, the debtors' list, the province's own rules, patents
        "个体户想转成有限公司，手续怎么办",
        "宿舍楼建设有补贴吗",
        "做能源审计有没有补贴",
        "规上企业入统要什么条件",
        "除了这个补贴还有什么政策",
        "推荐一款好用的ERP软件",
        "How can a company get removed from the list of dishonest debtors?",
        "How is Guangdong's provincial subsidy calculated?",
        "省级专项资金的申报通知在哪里看",
        "企业申请专利，韶关市有没有资助",
        # registering a branch asked across a comma, vendors, a rollout's length, the size
        # threshold itself
        "想在韶关注册一家分公司，要准备哪些材料",
        "韶关有哪些做MES的服务商",
        "ERP系统实施一般要多久",
        "营收多少才算规上企业",
        # a translation asked in traditional characters, loans and rent, another province, an
        # architecture, land use
        "幫我翻譯成英文：我們已完成驗收",
        "Any subsidised bank loans for small manufacturers?",
        "Is there a rent subsidy for our office?",
        "贵州有什么工业互联网政策",
        "工业互联网平台的技术架构怎么选",
        "新厂房用地审批找哪个部门",
        # office work for the user, another place's vouchers, applying for a tax status told in the
        # story, a new company's registration, central budget funds, a corporate bank account
        "帮我把几家企业的联系人整理成表格",
        "杭州的数字化转型券，外地企业能用吗",
        "我们想申请一般纳税人，需要满足什么条件",
        "客户想申请中央预算内投资项目，怎么走流程",
        "How do we open a corporate bank account for the new plant?",
        # English: another year's round, foreign firms' other matters
        "What was the cap under the 2020 Shaoguan industrial internet programme?",
        "Is there a Korean chamber of commerce in Shaoguan? Contact details?",
        "How does the R&D super deduction work for foreign-invested companies?",
        "How do we open a foreign currency capital account for our JV?",
        "做数字化改造可以申请哪些贷款",
        "仁化县水稻种植有补贴吗",
        "武江区生态环境分局电话是多少",
        "在Excel里怎么用公式算配套金额",
        # personal matters, hiring, other agencies' returns, grading accidents, loan rates, invoices
        "我想辞职出来自己开家公司，手续怎么办",
        "市工信局今年招不招公务员",
        "统计局的月报几号截止",
        "安全事故等级是怎么划分的",
        "Could you tell me the interest rate for an equipment loan?",
        "给客户开电子专票怎么操作",
        "个人社保断缴了，在韶关怎么补缴",
        "听说有个中小企业数字化转型城市试点，补贴怎么申请",
        # a higher body's own funds, last year's round (counted from today), explaining a field
        "How can we get the national SME special fund?",
        "怎么拿到省工信厅的省级专项资金",
        "去年那批上云补贴什么时候发",
        "什么是工业互联网？给我科普一下",
        "公司注册地迁到韶关一般要多久",
        # foreign workers, insurance, refunds, renting premises, Hong Kong's funds, noise complaints
        "我们在翁源，想招几个外籍工人，要办什么手续",
        "老板想买份商业保险，有什么推荐",
        "之前的补助要退回，退款流程怎么走",
        "仁化哪里有厂房出租",
        "想申请香港的创新及科技基金，有什么条件",
        "车间噪音被投诉了怎么整改",
        "韶关市中小企业服务中心电话多少",
        "我们是仁化的，县里自己有没有配套资金",
        # moving a registered address, foreign exchange, a city plan, another body's phone
        "公司注册地怎么从深圳迁到韶关来",
        "补贴到账以后怎么结汇",
        "市里的数字经济发展规划在哪看",
        "韶关市中小企业数字化转型促进中心在哪",
        # another section's phone, answers as legal ground, certification, hiring, graduates, another scheme
        "韶关市工信局安全监察科电话多少",
        "你给的答复能作为法律依据吗",
        "产品要做3C认证找谁",
        "韶关招技工有补贴吗一个人多少",
        "大学毕业生来厂里上班有补贴吗",
        "促进工业投资奖励什么时候申报",
        "Who do I call about the smart manufacturing demonstration workshop programme?",
        # a task on words or sums; another section; who answers for the bot; interest, listing, payback,
        # building permits, a new company, currency; the province's own forms; a system's go-live time;
        # what else the basis document rules
        "帮我翻译一下：系统性制造业互联网平台",
        "“事后奖补”英文怎么说",
        "Translate into English: 入库申报",
        "500万除以24个月是多少",
        "市工信局节能科的电话多少",
        "你的答复出了错谁负责",
        "贷款500万搞数字化能贴多少利息",
        "想上创业板有什么条件",
        "投了1000万，几年能回本",
        "厂房报建要什么手续",
        "注册新公司要多久",
        "How much is RMB 1 million in USD?",
        "省级工业互联网专项资金的申报材料怎么写",
        "ERP系统一般要多久才能上线",
        "《关于推动制造业高质量发展的实施意见》里对技改项目奖励多少",
        # another named section, offices for Taiwan firms, schools, repairs, who answers for the bot,
        # customs codes, deregistering, another programme, geography, the bot's maker, the province's
        # contact and dates
        "市工信局规划科电话多少",
        "韶关有没有台办的联系方式",
        "外籍员工的孩子在韶关读国际学校怎么报名",
        "车间叉车坏了去哪里修",
        "你要是答错了谁负责",
        "What is the HS code for an industrial router?",
        "How do we deregister a company in Guangdong?",
        "Who do I contact about the clean production programme?",
        "What's the capital of Guangdong?",
        "Who made you?",
        "Who is the provincial contact for Guangdong's cloud programme?",
        "When is the provincial application deadline for Guangdong's special fund?",
        "贷款1000万能贴多少利息",
        "Translate to English: 我们是做陶瓷的",
        # a joke asked after a story of the notice's materials, chit-chat about the assistant,
        # depreciation, other languages, a park's plan, website filing, polishing, group accounts
        "填申报材料填得好累，讲个笑话吧",
        "你一天回答这么多问题，累不累",
        "服务器原值50万，按三年折旧，每年折旧多少",
        "“边缘计算”用日语怎么说",
        "Please translate 'project library' into German",
        "公司网站的ICP备案要多久",
        "帮我把申报书的开头润色一下",
        "合并报表时政府补助要不要抵销",
        "县工信局年度绩效怎么考核",
        "电脑显示打印脱机怎么办",
        "钢材每吨四千块，运费另算，总价多少",
        "广东省级工业互联网专项资金申报截至是几号",
        # a county's own fund named in quotes, or by a word the notice never uses before 专项资金
        "新丰县“兴工业”奖励资金什么时候发放",
        "“强工业”奖补资金怎么申请",
        "韶关市节能专项资金项目验收要交什么",
        # an English place's name said of a policy, whoever asks; the province's own form
        "How do I apply for the Zhuhai digital transformation subsidy? Our headquarters is in Zhuhai.",
        "省里上云上平台专项资金的申报书怎么填",
        # another place said to have a support of its own, however long what it supports is
        "有朋友说佛山顺德对工业互联网标杆平台有三成补助，封顶三百万，我们集团在顺德也有公司，这个靠谱吗",
        # chat, life advice and the bot's opinion of the field; product advice in English
        "填附件填到崩溃，你陪我聊会儿天吧",
        "天天加班搞上云上平台，要不要换工作",
        "你觉得数字化转型是不是噱头",
        "Recommend an ERP for our plant",
        "Any hotel near the bureau? budget 200 yuan",
        "推荐一款带5G模组的工业网关",
        # staff appraisal forms, and data security products
        "帮员工做绩效考核表有没有模板",
        "数据上云后用什么安全产品好",
        "MES经常卡顿怎么优化",
        "省级专项资金的评审结果什么时候出来",
        # another programme's name typed as a homophone
        "研发费用架计扣除比例是多少",
        # the story's project done, the other programme it wants to apply for asked of
        "车间的改造都做完了，打算申报智能制造示范工厂，要什么条件",
        # registering a new company
        "想在韶关开家新公司，注册需要准备哪些资料",
    ],
)
def test_other_agencies_programmes_and_places_are_outside(composer: Composer, question: str):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE, question


@pytest.mark.parametrize(
    ("question", "outside"),
    [
        ("我们想申请茶叶种植补贴，要什么材料", True),
        ("听说有渔船燃油补助，韶关怎么申请", True),
        ("仁化的民宿装修奖励多少", True),
        ("这个补贴要交什么材料", False),
        ("上云上平台的补贴多少", False),
        ("入库申报书要交几份", False),
    ],
)
def test_a_support_named_by_words_the_notice_never_uses_is_outside(
    composer: Composer, question: str, outside: bool
):
    answer = composer.answer(question, None, JUNE_20)
    assert (answer.entry_id is None and answer.kind is Kind.OUTSIDE) == outside, question


def test_asking_for_product_advice_is_outside_even_on_a_notice_topic(composer: Composer):
    answer = composer.answer("我们想上工业互联网平台，哪家好？有没有推荐一下", None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE


def test_product_words_in_the_story_do_not_make_the_question_outside(composer: Composer):
    answer = composer.answer("平台是找供应商报价做的，花了300万，上云上平台的补贴最高多少", None, JUNE_20)
    assert answer.entry_id is not None and "100" in answer.text


def test_a_colloquial_yes_no_question_after_another_agencys_story_is_answered(composer: Composer):
    answer = composer.answer("前年车间出过一次重大安全事故，被应急局罚过款，影响报这个不", None, JUNE_20)
    assert answer.entry_id == "compliance-conditions"


def test_copies_offered_for_confirmation_after_a_story_are_corrected(composer: Composer):
    question = "之前别的申报我们都交五份，这次工业互联网的入库申报书也是一式五份对吧？"
    answer = composer.answer(question, None, JUNE_20)
    assert "不是一式5份" in flat(answer.text) and "一式七份" in answer.text


def test_a_stage_said_done_is_the_story_and_the_other_is_asked(composer: Composer):
    answer = composer.answer("已经入库了，马上要验收，交什么？几份？截止？", None, JUNE_20)
    assert "8月26日" in answer.text and "附件4" in answer.text
    assert "7月8日" not in answer.text  # the entry's deadline is behind the firm


def test_both_stages_handed_in_together_or_apart_tells_each_deadline(composer: Composer):
    # 同时/一起 before a verb says "at once": no new clause, and each stage's date answers it
    answer = composer.answer("入库材料和验收材料是一起交还是分开交", None, JUNE_20)
    assert "7月8日" in answer.text and "8月26日" in answer.text


def test_who_sets_the_final_amount_names_the_bureau_in_english_too(composer: Composer):
    assert "市工信局" in composer.answer("Who sets the final amount we receive?", None, JUNE_20).text


def test_the_stage_the_question_names_wins_over_the_storys(composer: Composer):
    answer = composer.answer("入库的表都交了，到了验收环节要准备哪些东西", None, JUNE_20)
    assert answer.entry_id == "acceptance-materials"


def test_cantonese_function_words_are_read(composer: Composer):
    answer = composer.answer("我哋喺乳源做陶瓷嘅，上咗云平台，市里配套按咩计", None, JUNE_20)
    assert answer.entry_id is not None and "10%" in answer.text


def test_applying_to_the_province_itself_is_its_programme(composer: Composer):
    answer = composer.answer("拿省级专项资金的话，要怎么向省工信厅申报？", None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE
    answer = composer.answer("我们已经向省里申报了省级专项资金，市里配套多少", None, JUNE_20)
    assert answer.entry_id is not None


def test_the_section_rule_is_not_replaced_by_a_named_directions_amount(composer: Composer):
    answer = composer.answer("5G项目的市级钱是立项后先给一部分，还是做完验收才给？", None, JUNE_20)
    assert answer.entry_id == "support-method"


def test_a_numeral_word_after_a_direction_word_names_no_direction(composer: Composer):
    answer = composer.answer("支持方向一共几个", None, JUNE_20)
    assert answer.entry_id == "directions-overview"


def test_another_programme_in_the_story_of_an_audit_is_the_notices_condition(composer: Composer):
    answer = composer.answer("前几年我们的首台套奖励被审计通报过，这回还能报工业互联网吗", None, JUNE_20)
    assert answer.entry_id == "compliance-conditions"


def test_more_projects_than_allowed_answers_the_limit_first(composer: Composer):
    answer = composer.answer("打算一口气报三个项目：一个上云，一个标杆，一个5G，行不行", None, JUNE_20)
    assert answer.entry_id == "max-two-projects"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("通知按照哪份文件定的", "policy-basis"),
        ("这个通知几月几号发的", "issuer-and-date"),
        ("补贴钱可以拿去买原材料吗", "fund-management"),
        ("奖补资金能用到哪些地方", "fund-management"),
        ("Who reviews the projects before they go into the reserve database?", "entry-expert-review"),
        ("The deadline for finishing project construction is?", "construction-window"),
        ("项目预计2022年9月5日才完工，赶得上吗", "construction-window"),
        (
            "Our project went live on 15 Aug 2022. Is that within the eligible construction period?",
            "construction-window",
        ),
        ("建设期外买的服务器能算进投资额吗", "investment-scope"),
        ("申报单位要在哪里注册才行", "registration-jurisdiction"),
        ("市里这个扶持是什么方式", "support-method"),
        ("入库项目是按什么来排先后顺序的", "entry-expert-review"),
        ("呢筆錢可唔可以用嚟發員工獎金？", "fund-management"),
        ("钱能乱用吗", "fund-management"),
        ("Can we spend the subsidy on employee bonuses?", "fund-management"),
        ("是不是报上去就一定能拿到10%？还是会打折", "final-amount"),
        ("入库申報書要印幾多份？", "paper-copies"),
        ("今日係8月20號，驗收申請仲嚟唔嚟得切？", "acceptance-application-deadline"),
        ("县工信局收到我们的验收材料后干什么", "where-to-submit"),
        ("县工信局收齐验收材料后报给谁", "where-to-submit"),
        ("項目建設期幾時開始計？", "construction-window"),
        ("补贴是事候奖补吗", "support-method"),
        ("我们要7月10号才能把申报书弄好，晚两天行不行？", "entry-deadline"),
        ("上雲升級講嘅「三化」即係邊三化？", "direction-1-scope"),
        (
            "我们是一家国企下属的二级公司，承建了兄弟单位的5G项目，由我们申报需要什么条件？",
            "builder-applying",
        ),
        # the notice recommends good projects to the province and the state: its own clause
        ("项目做得好会被推荐去申报国家或者省里的政策吗", "quality-project-recommendation"),
        ("做得好的项目有没有推荐到省里国家的", "quality-project-recommendation"),
        ("验收是不是要请专家来看", "project-acceptance"),
        ("补贴款到了放公司基本户里跟其他钱混着用就行吧", "fund-management"),
        # a topic's words are its entry's words: they do not make the message unknown
        ("总部在广州 始兴有个分厂 分厂没单独办执照 能报吗", "registration-jurisdiction"),
        # an outside word inside another word or in a clause that asks of the notice
        ("员工培训费、人工工资算不算项目投资", "investment-scope"),
        (
            "We set up a 5G private network for unmanned on-site control. Which direction is it?",
            "direction-4-scope",
        ),
        ("我们是软件公司，帮一家厂做了系统，想用我们公司名义申报，需要什么条件", "builder-applying"),
        # English words for the dedicated account, a round still taking entries, the window's start
        ("Should the award sit in a separate ledger?", "fund-management"),
        ("Can we put the award into our operating account?", "fund-management"),
        ("刚看到通知，入库还在收吗", "still-open"),
        ("要什么时候开始建的项目才能报", "construction-window"),
        ("補貼係先俾定後俾？", "support-method"),
        # a firm saying where it is from, asking about the notice's own requirement
        ("系统性平台要在本地的厂用起来才行吗？我们是深圳的软件公司", "direction-3-amount"),
        # a county's bureau in the story, the account after the money arrives, repaying a loan,
        # what the city bureau does after entry and what entered projects are for
        ("接到县工信局电话说要报这个，入库哪天截止？", "entry-deadline"),
        ("补贴入账后要不要建专账", "fund-management"),
        ("奖补能不能用于偿还银行流动资金贷款", "fund-management"),
        ("集团要求补贴统一归集到总部账户，可以吗", "fund-management"),
        ("钱到了能挪去发工资周转一下吗", "fund-management"),
        ("入库以后市工信局会做什么", "entry-expert-review"),
        ("入库项目有什么用", "entry-expert-review"),
        ("这个通知讲什么", "purpose"),
        ("通知是哪年发的", "issuer-and-date"),
        # the policy basis, whom to ask, who may apply, a forwarded message's label, year-end
        # bonuses, Cantonese for "does it count towards"
        ("依据哪个文件开展的这次申报", "policy-basis"),
        ("有问题找哪位", "contacts"),
        ("【园区企业服务群】转：哪些单位可以申报", "who-can-apply"),
        ("奖补能拿来发年终奖吗", "fund-management"),
        ("設備係2021年8月買嘅，計唔計得入項目投資？", "investment-scope"),
        ("员工工资和差旅费能算进项目投资吗", "investment-scope"),
        ("验受由谁来组织？", "project-acceptance"),
        ("承洛书是在哪个阶段交？", "acceptance-materials"),
        ("财务想把奖补资金并进公司流动资金统一调度，可以吗", "fund-management"),
        ("奖补资金到账后要怎么入账管理", "fund-management"),
        ("補貼錢可唔可以攞嚟買原材料", "fund-management"),
        # the city's matching asked after a story of another programme's funds
        ("只拿过市里的技改资金，没拿过省级资金，上云还能按10%配套吗", "direction-1-amount"),
        ("四个支持方向里哪个封顶最低", "amounts-overview"),
        ("公司在江西注册，始兴的基地没有单独注册，能报吗", "registration-jurisdiction"),
        # a scenario of one direction offered as another's: the scenario's direction answers
        ("设备租赁环节的数字化升级属于系统性平台方向吧？", "direction-1-scope"),
        ("工业视频监控的平台产品应该报上云上平台吧？", "direction-2-scope"),
        ("我们5G项目和上云项目，如何选择申报方向", "direction-1-scope"),
        # the asking firm's trade and county tell who asks, not what (武江陶瓷厂)
        ("浈江印刷厂：市级工业互联网配套资金入账时是否需设专账？", "fund-management"),
        # Cantonese wages (发人工), 啥方向, and a head office elsewhere (HQ) asking for its plant
        ("我哋韶關廠嘅上雲項目，市級補貼啲錢可唔可以攞嚟發人工？", "fund-management"),
        ("仁化铸造厂，做5G远程运维，报啥方向", "direction-4-scope"),
        ("When is the entry deadline? Our Hong Kong HQ asks.", "entry-deadline"),
        # a tag question (对吗) asks whether the whole statement before it holds
        ("听说入库申报是交给市工信局，不是县里，对吗？", "where-to-submit"),
        # qualitative targets: the notice asks for quantifiable ones
        ("Can our performance goals be purely qualitative?", "performance-targets"),
        ("绩效目标只写定性描述可以吗", "performance-targets"),
        # the notice's scenarios named in English point to their direction
        ("Our plant wants energy consumption optimisation. Which direction fits?", "direction-1-scope"),
        ("We want supply chain collaboration with suppliers. Which direction is it?", "direction-1-scope"),
        ("Which direction covers remote maintenance of our machines?", "direction-4-scope"),
        # who organises the acceptance (the city bureau), not where its application is handed in
        ("项目验收由哪个单位组织", "project-acceptance"),
        ("Which department organises the project acceptance?", "project-acceptance"),
        # applying for more projects than the notice allows asks the limit
        ("我们集团想同时申报五个项目，行吗", "max-two-projects"),
        # 对应通知里的哪一条: which direction the story's project fits
        ("印刷厂上了云MES，排产和订单都在里面管，这对应通知里的哪一条", "direction-1-scope"),
        # whether the round is still open, asked without 还能报 (the dates passed, still valid)
        ("通知里的那些日期都过了吧", "still-open"),
        ("现在这个通知还有效吗", "still-open"),
        ("这个政策其他城市适用吗", "notice-coverage"),
        # paid before or after the acceptance
        ("钱是验收前发还是验收后发", "support-method"),
        # what the subsidy may be spent on, whatever the thing (a loan, advertising), in the formal
        # register too (兹有一事请示)
        ("兹请示：奖补资金可否用于偿还银行贷款？", "fund-management"),
        ("补贴到账后能拿去投广告吗", "fund-management"),
        ("敬请明示：奖补资金到位后是否须单独设立账目？", "fund-management"),
        # a project's most from the city is no market price (一个项目最高能拿多少钱)
        ("市级补贴一个项目最多能拿多少钱", "amounts-overview"),
        ("Do we have to keep the subsidy in its own books?", "fund-management"),
        # 能报哪一块 asks the direction (read as 哪1块); a stage's 的时候 is no "when"
        ("我们把ERP和CRM都迁到云上了，还接了供应商协同，能报哪一块", "direction-1-scope"),
        ("第一步入库的时候要交哪两个附件", "entry-materials"),
        # the subsidy's use and the entry step asked in mixed or plain English
        ("The money 能不能用来 repay our bank loan？", "fund-management"),
        # 一式几份 typed by its sounds
        ("验收报告要一试几分", "paper-copies"),
        # finishing a stage is no project finished; mixed-language filler says nothing
        ("By which date did companies have to finish the database registration step?", "entry-deadline"),
        ("我们 plan 申报两个 projects，一个上云一个 5G，allowed 吗？", "max-two-projects"),
        ("想 confirm 一下，cloud adoption 这个 track 的 matching ratio 是多少？", "direction-1-amount"),
        # the order of the steps is the process, not the ranking of entered projects
        ("申报流程是怎样的 先后顺序说一下", "process-overview"),
        ("入库项目的先后顺序怎么定", "entry-expert-review"),
        # each category's cap, whether the 10% is paid in full
        ("请问这次分几类支持，每类最高多少？", "amounts-overview"),
        ("市里最后的补贴额是不是一定按10%给足？", "final-amount"),
        # typed in pinyin, whole or in part
        ("lianxiren dianhua duoshao", "contacts"),
        ("ruku shenbao jiezhi shi ji hao", "entry-deadline"),
        ("我们是做软件的 标杆项目 peitao bili duoshao", "direction-2-amount"),
        # still open, asked of that round in Cantonese, with a trade fair in the story, or as passed
        ("仲可以報2022年嗰批工業互聯網項目嗎？", "still-open"),
        ("老板刚从展会回来说想报这个工业互联网补贴，2022年这一轮还能报吗？还来得及吗", "still-open"),
        ("我们刚知道这个通知，2022年的工业互联网应用项目是不是已经过了申报时间？", "still-open"),
        # a person from Hong Kong is no Hong Kong policy
        ("我係香港過嚟韶關廠做IT嘅，想問下上雲上平台最高補幾多錢呀", "direction-1-amount"),
        # booking the subsidy apart from other funds; each factory applying for two; 属于啥类
        ("我们财务问这笔工业互联网奖补入账有没有特别要求，要不要跟其他补贴分开", "fund-management"),
        ("分厂做上云、总厂做5G融合，同一个法人，是算两个项目，还是每个厂都能各报两个？", "max-two-projects"),
        ("浈江区的制药企业，生产管控系统刚接入了某大厂的工业互联网平台，属于啥类？", "direction-1-scope"),
        # another kind of support offered as a choice; a level after the recommendation; a story
        # before a question of no topic; audits of the subsidy's use; entry guarantees no money
        ("市里的配套资金是贷款贴息还是直接补助？", "support-method"),
        ("优质项目会推荐到上级吗？我们想争取国家级的支持", "quality-project-recommendation"),
        ("听说一家企业最多可以报四个项目，我不太确定，通知里是几个？", "max-two-projects"),
        ("质量、安全和环保方面，出了什么问题会影响申报？", "compliance-conditions"),
        ("奖补资金在审计上有什么规定", "fund-management"),
        ("入库以后就肯定能拿到补贴吗", "support-method"),
        ("系統性平台按咩計補貼", "direction-3-amount"),
        # the applicant of direction 2 as the firm's trade; which budget pays; a wrong count of
        # attachments (一 of 一共 is no attachment 1); Cantonese hand-in; the notice named as a
        # project before its conditions; paid in advance; the steps after the acceptance; a
        # thing of one direction offered as another's
        ("我们是做软件和信息服务的，给纺织行业搭了个平台，能报哪个方向", "direction-2-scope"),
        ("区里财政出这笔钱吗", "support-method"),
        ("附件一共四个对吧", "attachments-list"),
        ("验收材料交俾边个", "where-to-submit"),
        ("这个工业互联网项目对申报企业有什么门槛", "who-can-apply"),
        ("老板讲是事前补助，做之前就给钱", "support-method"),
        ("验收以后还要经过哪些环节才能拿钱", "project-acceptance"),
        ("做的是工业大脑，应该算上云上平台吧", "direction-3-scope"),
        # provincial funds not applied for; 对应 asks which one; several levels' support added up;
        # a similar subsidy in the story; rent paid with the money is its use
        ("我们单位没有申请省级专项资金，系统性平台项目还能拿市里的钱吗", "direction-3-amount"),
        ("数字孪生那套东西我们叫工业大脑，对应哪一类", "direction-3-scope"),
        ("省级、市级几级奖补加起来能超过投资额吗", "total-support-cap"),
        ("同事在外地报过类似补贴，说材料直接寄市工信局，验收报告到底交给谁", "acceptance-materials"),
        ("补贴到账后可以用来付厂房租金吗", "fund-management"),
        # a bad record, a separate account, an accident asked in Cantonese, each firm's limit, what the
        # investment counts, electronic copies only, the ranking, the province's funds first, who
        # organises the acceptance, national funds beside the city's, a double subsidy, the five
        # years, the notice's basis, wages, the size of firm, no licence, a scope's item, quoted words
        ("以前有过不良记录的企业能报吗", "compliance-conditions"),
        ("补贴款要不要单独做账", "fund-management"),
        ("厂里有个工人受了轻伤，算唔算事故", "compliance-conditions"),
        ("集团底下三家子公司，每家可以报几个", "max-two-projects"),
        ("系统性平台的投资额按合同金额还是按实际付款算", "investment-scope"),
        ("服务器去年年初就买了，能算投资吗", "investment-scope"),
        ("可以只交电子版吗", "paper-copies"),
        ("入库评审排得比较靠后，还有机会拿到钱吗", "entry-expert-review"),
        ("系统性平台是不是要省里先批钱，市里才给", "direction-3-amount"),
        ("听说验收是县里自己组织的", "project-acceptance"),
        ("国家级的补助也拿了，市里还给吗", "total-support-cap"),
        ("5G项目拿了省级资金，再拿市级算不算重复补贴", "total-support-cap"),
        ("近五年是从哪一年算起", "compliance-conditions"),
        ("通知开头引用的是哪个文件", "policy-basis"),
        ("Can we use the subsidy to pay wages?", "fund-management"),
        ("省里冇批钱，市里仲会唔会补", "matching-provincial-funds"),
        ("没有营业执照的小作坊能报吗", "registration-jurisdiction"),
        ("上云上平台里面有没有设备租赁这一项", "direction-1-scope"),
        ("标杆方向说的“多种网络部署架构”具体指什么", "direction-2-scope"),
        ("出过环保处罚，这个影响申报吗", "compliance-conditions"),
        # the firm's ownership or trade offered as the condition, attachments' names, the basis of the
        # investment, a floor under the rate
        ("我们是台资企业，能不能申报", "who-can-apply"),
        ("是不是只要是制造企业就能报", "who-can-apply"),
        ("附件分别叫什么名字", "attachments-list"),
        ("投资额应该按发票金额还是按合同金额", "investment-scope"),
        ("10%是保底吗", "final-amount"),
        # a thing outside the notice asked of as investment or as a use of the subsidy, how the
        # subsidy is booked, an outsourced builder, a plain question put with 是不是 and 直接
        ("云服务器的租金能计入项目投资吗", "investment-scope"),
        ("Does renting a cloud server count towards the project investment?", "investment-scope"),
        ("補貼可唔可以用嚟買辦公室傢俬", "fund-management"),
        ("补贴到账后怎么入账", "fund-management"),
        ("系统是外包公司建的，申报单位写谁", "builder-applying"),
        ("我们是民营企业，能报吗", "who-can-apply"),
        ("验收材料是不是直接寄到广东省工信厅", "where-to-submit"),
        ("5G那个方向，要达到现场无人化吗", "direction-4-scope"),
        ("发文单位是哪个？是不是市发改局", "issuer-and-date"),
        ("系统性平台要在什么企业得到应用才能补", "direction-3-amount"),
        # English: the notice's terms in pinyin, fillers, other words for its things
        ("when is the ruku deadline", "entry-deadline"),
        ("Does the subsidy need special bookkeeping?", "fund-management"),
        ("出纳问：这笔补贴要不要专门开个账？", "fund-management"),
        # kinds of applicant the notice never names, the local bureau's step, Cantonese 定係 (or)
        ("曲江区工信局出具的初步意见最后报给谁", "where-to-submit"),
        ("验收材料是不是经县工信局转上市工信局", "where-to-submit"),
        ("啲補貼係先俾定係做完先俾", "support-method"),
        ("Must we sign some sort of pledge letter for acceptance?", "acceptance-materials"),
        (
            "By when must the project be fully built? Our HQ thinks end of September 2022.",
            "construction-window",
        ),
        # kinds of support offered as a choice for this notice's own; who pays it
        ("Is it a grant or a loan?", "support-method"),
        ("这笔钱是补助还是贷款", "support-method"),
        ("这是无偿补助还是贴息", "support-method"),
        ("支持方式是什么？是贴息还是奖补还是直接拨款", "support-method"),
        ("市级资金对上云项目是怎么支持的？是直接给钱还是贴息", "support-method"),
        # 分几类 asks how many directions (几 belongs to 类: no 分级)
        ("老板让我问下，今年韶关这个工业互联网应用项目分几类支持？", "directions-overview"),
        ("Which government level provides the subsidy?", "support-method"),
        ("Our platform will be commissioned in October 2022, can we still apply?", "construction-window"),
        ("paper copies needed for ruku shenbao?", "paper-copies"),  # not nba in shenbao
        ("县局在这次申报中负责什么", "where-to-submit"),
        ("我哋間廠用5G網關連機器，應該報邊個方向", "direction-4-scope"),
        ("标杆平台项目最后要拿出什么成果", "direction-2-scope"),
        ("没入库的项目能不能直接申请验收", "process-overview"),
        ("还在申报期内吗", "still-open"),
        ("这个通知长期有效吗", "still-open"),
        # a parent company elsewhere is no other place's policy
        (
            "When is the acceptance deadline? Our parent company in Hong Kong must sign off first.",
            "acceptance-application-deadline",
        ),
        ("呢份通知係邊個部門發嘅？要報告俾香港總公司", "issuer-and-date"),
        ("We were audited in 2020 for misreported subsidy figures. Can we apply?", "compliance-conditions"),
        ("Can we transfer the subsidy to our parent company abroad?", "fund-management"),
        ("Which departments review the acceptance results?", "project-acceptance"),
        ("Someone said the bureau contact is a Mr Li, right?", "contacts"),
        # doing a step next year, a year counted from today, the total cap, one's own county told
        ("项目今年11月才完工，能不能先入库明年再验收", "construction-window"),
        ("这个通知是今年的还是前年的", "issuer-and-date"),
        ("总共上限是多少", "total-support-cap"),
        ("我们在浈江区，验收材料交给谁", "where-to-submit"),
        ("郴州嘅廠，喺乐昌有個倉，可唔可以申請呢個項目", "registration-jurisdiction"),
        ("上云上平台项目要实现什么目标", "direction-1-scope"),
        # a county told before the question is no county policy asked (自己的 in another clause)
        ("公司在浈江做工业软件，也有自己的工厂客户。标杆项目最高补多少", "direction-2-amount"),
        ("公司在乐昌，想找市工信局负责这个项目的人，是严鹏吗？还有谁？", "contacts"),
        ("验收申轻要在8月多少号之前交", "acceptance-application-deadline"),
        ("请问这份通知的印发时间", "issuer-and-date"),
        ("补贴能不能转给母公司统筹使用", "fund-management"),
        # a date said roughly (七月初, 六月底) tells when, like a figure: no unknown word
        ("通知印象中是七月初发的", "issuer-and-date"),
        ("这份文件好像是六月底印发的", "issuer-and-date"),
        # the notice's date offered for confirmation (是不是8月初才印发的, 是5月份发的吧)
        ("文件是不是8月初才印发的", "issuer-and-date"),
        ("91号文是5月份发的吧", "issuer-and-date"),
        # a higher body offered as the notice's issuer: the notice's own issuer is asked
        ("这个通知是广东省工信厅发的吗", "issuer-and-date"),
        # a model for others (示范作用): the benchmark's typical case others learn from
        ("标杆项目要起到什么示范作用", "direction-2-scope"),
        # who relays the question (our German parent) says nothing of what is asked
        ("Our German parent asks how many projects a single firm can submit", "max-two-projects"),
        # an applicant not registered as a firm: a body of another kind, or none yet
        ("行业协会想报标杆项目可以吗", "registration-jurisdiction"),
        ("我还没开公司，个人能报吗", "registration-jurisdiction"),
        # the subsidy's use in mixed languages: an English verb of spending, 拿来
        ("奖补资金 can we spend on 员工宿舍?", "fund-management"),
        ("Subsidy 拿来 buy 机器人 OK吗", "fund-management"),
        # a go-live or a delay told, an attachment's stage, the notice's date or issuer offered, the
        # money's use in mixed languages, 支持对象, a complaint or an incident, off the debtors' list,
        # paid after acceptance
        ("我们系统要到年底才能上线，还赶得上吗", "construction-window"),
        ("承诺书几号之前要交", "acceptance-application-deadline"),
        ("工期延误，可能要拖到年底，能延期验收吗", "construction-window"),
        ("这个是2024年新出的通知吗", "issuer-and-date"),
        ("这文件是市发改委发的吧", "issuer-and-date"),
        ("通知大概是七月中才发出来，对吗", "issuer-and-date"),
        ("用 grant 买 PLC 控制器可以吗", "fund-management"),
        ("补贴 funds 用在展会摊位和广告上行不行", "fund-management"),
        ("Can the 补贴 be used for 办公家具?", "fund-management"),
        ("转发：工业互联网奖补资金可以用来发工资。请帮忙确认", "fund-management"),
        ("我哋喺乳源登記嘅有限公司，做陶瓷，可唔可以申請呢個工業互聯網項目", "registration-jurisdiction"),
        ("《关于推动制造业高质量发展的实施意见》的文号是多少", "policy-basis"),
        ("这次工业互联网申报是按哪个文件开展的", "policy-basis"),
        ("是不是申请多少就全额给多少", "final-amount"),
        ("厂里2020年出过一次环保事件 不算大 影响申报吗", "compliance-conditions"),
        ("去年收到过客户投诉，还能申报吗", "compliance-conditions"),
        ("公司以前是失信被执行人，已经移出名单了，还能报吗", "compliance-conditions"),
        ("验收通过后还要走什么手续才能拿到钱", "payment-after-acceptance"),
        ("这笔市级资金以什么方式发放", "support-method"),
        ("工业互联网项目的支持对象有哪些", "who-can-apply"),
        # a share paid in advance is no rate; the money's use, transfer and audit; the document the round
        # follows and its number; key dates in English; a month's year is no round; copies offered;
        # the notice's date in Cantonese; how to answer is no question
        ("听说补贴会预拨30%让企业先开工，是真的吗", "support-method"),
        ("奖补是怎么个方式？立项时就给钱吗", "support-method"),
        ("我们想用subsidy帮车间做装修，可以吗", "fund-management"),
        ("subsidy 能不能 pay 设备商的尾款", "fund-management"),
        ("拿到补助以后转给关联公司用行不行", "fund-management"),
        ("这笔奖补资金以后会不会被审计", "fund-management"),
        ("这次申报是依据哪个文件开展的？文件号是多少", "policy-basis"),
        ("What document is this notice based on? Our board wants the reference number.", "policy-basis"),
        ("通知是依据哪个文件出的？总部写报告要引用", "policy-basis"),
        ("What dates matter for the entry and the acceptance?", "deadlines-overview"),
        (
            "Work began in August 2021, ended in March 2022. The construction window, from when?",
            "construction-window",
        ),
        ("验收材料印5份可以吗", "paper-copies"),
        ("呢份文件係唔係七月尾先出㗎？", "issuer-and-date"),
        ("Could you answer in English? How many copies for the entry form?", "paper-copies"),
        # after entry the acceptance materials; a year offered first; 借鉴; 个人名义; 搞掂咗; the money's
        # use in English; the basis document; a direction by its ordinal; four projects; improper use
        ("入库通过了，接下来要准备什么", "acceptance-materials"),
        ("是2024年的通知吧", "issuer-and-date"),
        ("标杆平台项目，通知说要给谁提供经验借鉴", "direction-2-scope"),
        ("能不能以个人名义申报", "registration-jurisdiction"),
        ("我哋嘅系统舊年九月已經搞掂咗，仲算唔算", "construction-window"),
        ("奖补资金 can we use it to pay for new PLCs?", "fund-management"),
        ("Can the subsidy cover cloud hosting fees?", "fund-management"),
        ("OK to transfer the subsidy to our parent company?", "fund-management"),
        ("How should the grant be managed once it arrives?", "fund-management"),
        ("What is the basis document of this notice?", "policy-basis"),
        ("What does the second support direction cover?", "direction-2-scope"),
        ("Our client has 4 projects, can all of them apply?", "max-two-projects"),
        (
            "We were flagged for improper use of public funds in 2020. Are we disqualified?",
            "compliance-conditions",
        ),
        ("补贴到账后可以冲抵贷款利息吗", "fund-management"),
        # who relays or reads the answer (our auditors want to know, send them to our legal department)
        ("What are the eligibility conditions? Please send them to our legal department.", "who-can-apply"),
        ("Our auditors want to know whether the grant must be ring-fenced.", "fund-management"),
        ("这笔 subsidy 以后会被 audit 吗", "fund-management"),
        ("What does the third support direction cover?", "direction-3-scope"),
        # a syllable typed beside a character without picking it (ru库, ri期)
        ("ru库申报截止ri期是几号", "entry-deadline"),
        # a body the knowledge base calls outside, offered as the notice's issuer
        ("这个通知是科技局发的吗", "issuer-and-date"),
        ("这个文件是哪个单位发的？是工信局还是发改局", "issuer-and-date"),
        # spending the subsidy said with its own verb; a project dated by the year it was done
        ("补贴钱能买服务器吗", "fund-management"),
        ("2019年做的ERP项目能拿来申报吗", "construction-window"),
        ("项目分两期，一期去年3月做完，二期今年做完，能报二期吗", "construction-window"),
        # the policy of the notice's own city, said after where the head office is
        ("总部在深圳，我们想知道韶关这个政策的发文单位", "issuer-and-date"),
        # a firm of the kind only one direction names as its applicant, asking which fits it
        ("我们是软件公司能报哪个方向", "direction-2-scope"),
        ("我们不做生产，是做软件的，有没有适合我们的", "direction-2-scope"),
        # who asks and whom they will tell are no part of what is asked
        ("我们集成商想问一下，入库有什么用", "entry-expert-review"),
        ("入库到底有啥用？我们园区要跟企业讲清楚", "entry-expert-review"),
        # the notice's issue date asked beside what it is for; a choice of years after a forward
        ("通知啥时候印发的？要写进可研报告", "issuer-and-date"),
        ("朋友圈转的这个通知是2022年的还是2023年的？别弄错了", "issuer-and-date"),
        # recommended to the higher bodies (五(二)), a higher body's award only the story
        ("项目做得好会不会推荐到国家去？我们想争取省级示范", "quality-project-recommendation"),
        # the strings attached once the money comes: how it is kept and used (五(一))
        ("领到补贴以后企业要注意哪些？", "fund-management"),
        ("帮忙整理一下拿这笔钱的主要义务", "fund-management"),
        ("What must we do once we receive the grant?", "general-requirements"),
        # a measure offered for what the subsidy follows: what it is worked out from is asked
        ("奖补是按员工人数算的吧", "amount-calculation"),
        # a word typed in the canonical form its own synonym extends (怎么管 → 怎么管理)
        ("代账公司问：客户收到奖补要怎么管理？", "fund-management"),
        # a relayed claim about who takes the materials is checked, not refused
        ("同事说验收申请要交给省工信厅？", "where-to-submit"),
        # whom to phone; what is needed before one may apply, in Cantonese (先 for 才)
        ("申请书填不明白，能打给谁", "contacts"),
        ("想問下要咩條件先可以申請呢個工業互聯網項目", "who-can-apply"),
        # an English sentence after one ending in Chinese is a clause of its own
        (
            "Hi, I run a Japanese-invested factory in 韶关高新区. When is the 入库 deadline?",
            "entry-deadline",
        ),
        # the list named, then said to be left: the condition is asked, not how to get off it
        ("我们公司之前上过失信名单 前阵子刚移出 现在能报吗", "compliance-conditions"),
        # registered with the market regulator: the notice's registration, not that agency's business
        ("We are a subsidiary registered in 韶关市场监管局. Can we apply?", "registration-jurisdiction"),
        # the money received, said half in Chinese: how it may be used
        ("Grant received 之后 can we use it to pay 设备款?", "fund-management"),
        # what papers go with a stage, in English; a third party offered for who does the acceptance
        ("What papers should we submit with the acceptance application?", "acceptance-materials"),
        ("验收是请第三方检测机构来做的吧", "project-acceptance"),
        # a question only of applying (这次能报吗) after a story: the story says what about
        ("我们的MES是2021年7月上线的，当时自己验收过，这次能报吗", "construction-window"),
        # ERP和MES named together as one project, not compared as products
        ("ERP和MES集成项目可以报哪个方向", "directions-overview"),
        # where the asker's boss sits is no other place's policy
        ("My boss in Macau asks: when is the entry deadline?", "entry-deadline"),
        # whether the cap is what is finally paid; a relayed claim that an accident does not matter
        ("奖补最后会按上限给吗", "final-amount"),
        ("群里说安全出过大事也没关系，真的吗？", "compliance-conditions"),
        # another programme's word in a relayed claim, the question pointing back at the direction
        ("老板说标杆平台这个方向只要装个5G基站就算，这个方向到底要做什么？", "direction-2-scope"),
        # 出过啥事: what happened, not 啥时 (when) mistyped
        ("以前厂里出过啥事也能报对吧", "compliance-conditions"),
        # what goes into the investment, what the notice is about, the builder applying compared
        ("what goes into the investment amount", "investment-scope"),
        ("what is the notice about", "purpose"),
        ("厂里自己报和让软件公司承建的报 有什么不同", "builder-applying"),
        ("Which attachments go with the acceptance application?", "acceptance-materials"),
        # the notice's own things said in other English words
        ("The job wrapped up in October 2022. Is that inside the eligible window?", "construction-window"),
        ("Our CEO was named a discredited enforcement target. Can we apply?", "compliance-conditions"),
        # after a blot on the record, 还能不能申报 asks the conditions, not whether the round is open
        ("我们厂被列入失信名单了，还能不能申报？", "compliance-conditions"),
    ],
)
def test_everyday_words_for_the_notices_own_facts(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, JUNE_20).entry_id == entry_id


def test_a_question_asked_with_sha_is_the_question(composer: Composer):
    question = "入库材料交到县里了，听县工信局讲市里要组织专家论证，这个论证出来的书面结论有啥用"
    assert composer.answer(question, None, JUNE_20).entry_id == "entry-expert-review"


def test_a_firm_from_elsewhere_working_in_the_city_is_inside(composer: Composer):
    question = "我们是广州的集成商，在韶关帮一家水泥厂做了上云上平台项目，省里给了100万，市里配多少"
    assert "10万" in composer.answer(question, None, JUNE_20).text


def test_funds_clawed_back_are_the_notices_condition(composer: Composer):
    question = "我们以前有笔技改资金被追回了，这次还能报吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions"


def test_an_unknown_word_asked_of_a_stage_is_not_answered_by_the_stages_facts(composer: Composer):
    # 劳务费 is what is asked: the acceptance's own facts do not answer it
    assert composer.answer("验收专家的劳务费标准是多少一天？", None, JUNE_20).entry_id is None


def test_a_person_from_another_place_is_no_other_places_policy(composer: Composer):
    answer = composer.answer("我们财务总监是广州人，他想知道验收申请报告交几份", None, JUNE_20)
    assert answer.entry_id is not None and "一式七份" in answer.text


def test_a_support_named_in_the_story_of_an_audit_is_the_notices_condition(composer: Composer):
    question = "前年我们的渔船燃油补贴被审计查出问题，这次还能报工业互联网项目吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions"


def test_a_request_beside_a_statement_naming_materials_is_what_is_asked(composer: Composer):
    answer = composer.answer("帮我写一份验收申请报告，我们是做钢铁材料的，项目投资五百万", None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE


def test_another_citys_round_said_with_its_year_after_the_city(composer: Composer):
    answer = composer.answer("我们分厂在佛山，佛山市2022年的工业互联网项目补多少", None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE


def test_generic_questions_about_an_outside_story_are_outside(composer: Composer):
    question = "我们厂去年新招了十几个人，听说有就业补贴，怎么申请，能给多少"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is None and answer.kind is Kind.OUTSIDE


def test_asking_to_apply_after_an_outside_story_is_about_the_notice(composer: Composer):
    answer = composer.answer("我们在阿里云上部署了MES，申报条件是什么", None, JUNE_20)
    assert answer.entry_id is not None and "注册登记" in answer.text


def test_a_notice_question_after_an_outside_story_is_answered(composer: Composer):
    question = "我们去年换了云服务器，上云上平台项目省级给了80万，市里配多少"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and "8万元" in answer.text


def test_a_question_without_a_topic_asks_about_the_storys_topic(composer: Composer):
    question = "我们在厂里建了工业大脑，打通了各车间的数据，也用了一年多了。最多能给多少？怎么申请？"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and "系统性" in answer.text and "100万元" in answer.text


def test_a_fire_in_the_story_is_the_notices_condition(composer: Composer):
    answer = composer.answer("我们厂去年发生过一次小火灾，会不会影响申报", None, JUNE_20)
    assert answer.entry_id is not None and "重大事故" in answer.text


def test_a_fine_in_the_story_is_the_notices_condition(composer: Composer):
    question = "我们去年因为排污超标被罚过款，不算重大事故，会影响申报吗？"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and "重大事故" in answer.text


def test_the_provinces_programme_of_a_direction_with_its_city_matching_is_inside(composer: Composer):
    answer = composer.answer("省里的5G试点示范项目我们已经入选了，市里的配套怎么申请？", None, JUNE_20)
    assert answer.entry_id is not None and "入库" in answer.text
    other = composer.answer("专精特新企业市里配套多少", None, JUNE_20)
    assert other.entry_id is None and other.kind is Kind.OUTSIDE


def test_a_numbered_either_or_question_is_answered(composer: Composer):
    answer = composer.answer("我们有三个问题：1）是先建后补还是先拨款？2）纸质材料要几份？", None, JUNE_20)
    assert "事后奖补" in answer.text and "一式七份" in answer.text


def test_a_year_in_the_story_is_no_other_round(composer: Composer):
    answer = composer.answer("我们2019年拿过一笔财政补助，被审计说使用不规范，这次还能申报吗", None, JUNE_20)
    assert answer.entry_id is not None and "5年" in answer.text


def test_a_county_named_in_the_story_is_no_county_policy(composer: Composer):
    answer = composer.answer("我们是始兴县的企业，上云项目省级给了50万，市里配多少", None, JUNE_20)
    assert answer.entry_id is not None and "5万元" in answer.text


def test_a_shaoguan_subsidiary_of_a_firm_elsewhere_is_inside(composer: Composer):
    answer = composer.answer("我们总部在广州，在韶关注册的子公司可以申报吗", None, JUNE_20)
    assert answer.entry_id is not None and "二、支持对象（一）" in answer.text


# deadlines against today -----------------------------------------------------------------------------
def test_days_left_before_the_entry_deadline(composer: Composer):
    answer = composer.answer("入库申报什么时候截止", None, JUNE_20)
    assert "还有18天" in answer.text and "以当地工信局通知为准" in answer.text


def test_the_deadline_day_itself_is_included(composer: Composer):
    answer = composer.answer("入库申报什么时候截止", None, dt.date(2022, 7, 8))
    assert "今天就是入库申报的截止日" in answer.text


def test_after_the_entry_deadline_only_entered_projects_go_on(composer: Composer):
    answer = composer.answer("现在还能申报吗", None, dt.date(2022, 7, 20))
    assert "入库申报已于2022年7月8日截止，已过去12天" in answer.text
    assert "只有已完成入库申报的项目，才能在2022年8月26日前办理验收申请" in answer.text


def test_passed_deadlines_say_so_and_whom_to_ask(kb: KnowledgeBase, composer: Composer):
    answer = composer.answer("入库申报什么时候截止", None, LATER)
    assert "已于2022年7月8日截止" in answer.text and "已过去" in answer.text
    assert "这一轮申报已截止" in answer.text and kb.notice.contacts.phone in answer.text


@pytest.mark.parametrize("question", ["现在还能申报吗", "2026年还能报吗"])
def test_still_open_is_answered_against_today(composer: Composer, question: str):
    answer = composer.answer(question, None, LATER)
    assert answer.entry_id is not None and "这一轮申报已截止" in answer.text
    before = composer.answer(question, None, JUNE_20)
    assert "还有18天" in before.text


def test_ask_honours_bot_today(monkeypatch: pytest.MonkeyPatch):
    out = io.StringIO()
    monkeypatch.setenv("BOT_TODAY", "2022-06-20")
    assert main(["ask", "--json", "入库申报截止日期"], stdout=out) == 0
    reply = json.loads(out.getvalue())
    assert reply["entry_id"] is not None and "还有18天" in reply["answer"]


def test_ask_reads_every_line_on_its_own(monkeypatch: pytest.MonkeyPatch):
    out = io.StringIO()
    monkeypatch.setenv("BOT_TODAY", "2022-06-20")
    main(["ask", "--json"], stdin=io.StringIO("上云上平台最高补多少\n那第二个方向呢\n"), stdout=out)
    second = json.loads(out.getvalue().splitlines()[1])
    assert "50万" not in second["answer"]  # no context in batch mode


@pytest.mark.parametrize(
    "question",
    [
        "入库申报和验收申请分别截止到哪天？纸质材料要交几份？",
        # near the suggestions' floor, words summed in a set's order once changed the suggestions
        "这个文是哪个单位发的",
    ],
)
def test_the_answer_does_not_depend_on_the_process_string_hashing(question: str):
    """Word lists built from sets are ordered by more than length, and a question's words are
    summed in the order said: every process answers alike, suggestions and all."""
    answers = set()
    for seed in ("1", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "BOT_TODAY": "2022-06-20"}
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json", question],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=ROOT,
        )
        answers.add(done.stdout)
    assert len(answers) == 1


# follow-ups -------------------------------------------------------------------------------------------
@pytest.fixture
def assistant(kb: KnowledgeBase, index: SearchIndex) -> Assistant:
    return Assistant(kb, index, Storage(":memory:"), lambda: JUNE_20)


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("上云上平台最高补多少", "那第二个方向呢", "50万元"),
        ("入库要交什么材料", "要几份", "一式七份"),
        ("上云项目省级给了100万，市级补多少", "省级给了200万呢", "20万元"),
        ("入库申报什么时候截止", "那验收呢", "8月26日"),
        ("上云上平台省级资金给了150万能补多少", "那标杆项目同样金额呢", "15万元"),
    ],
)
def test_a_follow_up_is_read_in_the_context_of_the_last_question(
    assistant: Assistant, first: str, then: str, expected: str
):
    ann = Sender(telegram(7), "Ann", language_code="zh")
    assistant.text(ann, first)
    reply = assistant.text(ann, then)[-1]
    assert expected in reply.text


def test_a_year_offered_for_the_notice_after_another_question_is_about_the_notice(assistant: Assistant):
    ann = Sender(telegram(11), "Ann", language_code="zh")
    assistant.text(ann, "验收申请什么时候截止")
    reply = assistant.text(ann, "91号文是2023年的吧？")[-1]
    assert reply.text.startswith("不是2023年") and "2022年6月10日" in reply.text


def test_a_message_with_an_outside_word_is_no_follow_up(assistant: Assistant):
    ann = Sender(telegram(12), "Ann", language_code="zh")
    assistant.text(ann, "这是2023年的通知吧")
    reply = assistant.text(ann, "ISO9001认证 韶关有补贴不")[-1]
    assert "不在本通知范围内" in reply.text and "2022年6月10日" not in reply.text


def test_context_is_per_user_and_expires(assistant: Assistant):
    ann, bob = Sender(telegram(8), language_code="zh"), Sender(telegram(9), language_code="zh")
    assistant.text(ann, "上云上平台最高补多少")
    assert "50万元" not in assistant.text(bob, "那第二个方向呢")[-1].text
    assistant.storage.conn.execute("update question_context set updated_at = '2000-01-01T00:00:00+00:00'")
    assert "50万元" not in assistant.text(ann, "那第二个方向呢")[-1].text


def test_forget_deletes_the_context(assistant: Assistant):
    ann = Sender(telegram(10), language_code="zh")
    assistant.text(ann, "上云上平台最高补多少")
    assistant.storage.forget_user("tg:10")
    assert assistant.storage.question_context(10, dt.timedelta(hours=1)) is None


def test_worked_figures_offer_the_full_check(assistant: Assistant):
    reply = assistant.text(Sender(telegram(11), language_code="zh"), "上云项目省级给了100万，市级补多少")[-1]
    assert "check:start" in [b.data for row in reply.buttons for b in row]


def test_a_tapped_suggestion_tells_its_deadline_against_today(assistant: Assistant):
    reply = assistant.button(Sender(telegram(12), language_code="zh"), "faq:entry-deadline")[-1]
    assert "2022年7月8日" in reply.text and "还有18天" in reply.text


def test_kb_check_names_an_unknown_topic(kb: KnowledgeBase, tmp_path):
    from knowledge.check import cross_check

    broken = kb.lexicon.model_copy(update={"topics": {**kb.lexicon.topics, "d9": ["第九方向"]}})
    problems = cross_check(KnowledgeBase(kb.notice, kb.faq, broken, kb.root), tmp_path)
    assert any("topics.d9" in p for p in problems)
    assert cross_check(kb, tmp_path) == []


# robustness ---------------------------------------------------------------------------------------
MESSAGE_PIECES = st.sampled_from(
    [
        *"上云标杆系统性入库验收申请省级资金投资万元亿千百十一二三四五六七八九零两壹佰，。？、：吗呢吧和各",
        *["5G", "分别", "是不是", "对吧", "那", "最高", "封顶", "几号", "截止", "7月8日", "一式五份", "20%"],
        *["0", "1", "2", "5", "9", ".", ",", " ", "RMB", "million", "yuan", "cloud", "and", "深圳", "2023年"],
    ]
)


@given(pieces=st.lists(MESSAGE_PIECES, max_size=25))
@settings(max_examples=300, deadline=None)
def test_any_message_gets_a_reply_and_never_an_error(composer: Composer, pieces: list[str]):
    text = "".join(pieces)
    context = Context("上云项目省级给了100万，市级补多少", ["上云"], ["金额"], [("1000000", "provincial")])
    for answer in (composer.answer(text, None, JUNE_20), composer.answer(text, None, LATER, context)):
        assert answer.text.strip()
        assert (answer.entry_id is None) == (answer.kind is not Kind.ANSWER)


def test_several_figures_of_each_kind_without_a_named_direction(composer: Composer):
    question = "做了能耗优化系统，花了150万，省级补了30万，后来又投了100万，市里能补多少？"
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and "3万元" in answer.text


def test_a_topic_word_is_not_found_in_a_synonym_of_another_word(composer: Composer):
    understood = composer.reader.read("我们给韶关好几家企业做了平台")
    assert [t.id for t in understood.topics] == []


def test_a_failing_line_does_not_cost_the_batch_its_other_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    real = Composer.answer

    def flaky(self, question, lang, today, context=None):  # type: ignore[no-untyped-def]
        if question == "坏":
            raise RuntimeError("boom")
        return real(self, question, lang, today, context)

    monkeypatch.setattr(Composer, "answer", flaky)
    out = io.StringIO()
    assert main(["ask", "--json"], stdin=io.StringIO("文号是多少\n坏\n联系电话\n"), stdout=out) == 0
    replies = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["entry_id"] is not None for r in replies] == [True, False, True]
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_two_projects_of_one_direction_are_worked_out_each(composer: Composer):
    answer = composer.answer("我们两个上云项目省级分别拿了80万和120万，市里一共能配多少？", None, JUNE_20)
    assert "8万元" in answer.text and "12万元" in answer.text and "合计约20万元" in answer.text


def test_attachments_named_by_number_are_told_from_the_notice(composer: Composer):
    answer = composer.answer("附件二是什么，附件5呢", None, JUNE_20)
    assert "附件2：" in answer.text and "附件5：承诺书" in answer.text and "「附件」" in answer.text


def test_a_follow_up_the_context_does_not_settle_offers_choices(assistant: Assistant):
    ann = Sender(telegram(13), language_code="zh")
    assistant.text(ann, "联系电话多少")
    reply = assistant.text(ann, "那其他的呢")[-1]
    assert "请选一项" in reply.text
    data = [b.data for row in reply.buttons for b in row]
    assert any(d.startswith("faq:") for d in data) and "human" in data


def test_a_scenario_of_the_notice_decides_the_direction_and_its_cap(composer: Composer):
    question = "我们是软件公司，给几家工厂做了设备智能运维平台，能报哪个方向，上限多少？"
    answer = composer.answer(question, None, JUNE_20)
    assert "一、支持方向（二）" in answer.text and "三、支持方式（二）" in answer.text
    assert "三、支持方式（一）" not in answer.text


def test_every_faq_phrasing_is_answered_by_the_composer(kb: KnowledgeBase, composer: Composer):
    """The lexicon's rejection rules (other programmes, places, years) never refuse the knowledge
    base's own phrasings."""
    refused = [
        (entry.id, question)
        for entry in kb.faq.entries
        for lang in ("zh", "en")
        for question in entry.questions.get(lang)
        if composer.answer(question, None, JUNE_20).kind is not Kind.ANSWER
    ]
    assert refused == []


@pytest.mark.parametrize("question", ["入库材料最晚哪天交", "入库那一步最晚哪天交", "入库申报哪天交"])
def test_a_named_stage_is_not_answered_by_another_that_only_mentions_it(composer: Composer, question: str):
    # the acceptance entry's text says 入库项目单位; a question about 入库 still gets the entry stage
    answer = composer.answer(question, None, JUNE_20)
    assert "7月8日" in answer.text.split("\n")[0] and "8月26日" not in answer.text.split("\n")[0]


# read in the eighth set's misses --------------------------------------------------------------------
def test_a_second_question_asked_with_who_is_answered_too(composer: Composer):
    answer = composer.answer("验收要交几份？交给谁？", None, JUNE_20)
    assert "一式七份" in answer.text and "工业和信息化主管部门" in answer.text


def test_a_question_asked_with_ganma_is_a_question(composer: Composer):
    answer = composer.answer("入库算不算立项？入库到底干嘛用", None, JUNE_20)
    assert "储备" in answer.text
    assert "5G" not in answer.text  # the whole message's weak match is not a part of its own


@pytest.mark.parametrize(
    "question",
    [
        "我们公司在东莞，在韶关部署了行业平台，属于哪个方向",
        "We are a supplier from Shenzhen and deployed our platform in Shaoguan. Which direction fits?",
    ],
)
def test_where_the_applicant_is_based_is_its_story_not_that_place_s_policy(composer: Composer, question: str):
    assert composer.answer(question, None, JUNE_20).entry_id is not None


def test_the_applicants_of_named_directions_whenever_who_may_apply_is_a_part(composer: Composer):
    answer = composer.answer("5G项目和上云项目的申报主体分别是谁", None, JUNE_20)
    assert "方向四（“5G+制造业”融合创新运用）的申报主体" in answer.text
    assert "方向一（工业企业“上云上平台”）的申报主体" in answer.text


def test_spending_the_subsidy_on_bonuses_is_the_rule_on_using_it(composer: Composer):
    assert "不得挪用" in composer.answer("补贴能不能拿去发年终奖", None, JUNE_20).text


def test_a_list_of_directions_asked_their_caps_gets_each_cap_not_their_scope(composer: Composer):
    answer = composer.answer("上云上平台封顶100万，那标杆、系统性、5G的封顶各是多少", None, JUNE_20)
    assert "最高不超过50万元" in answer.text and "工业大脑" not in answer.text


def test_how_to_do_something_the_story_names_outside_is_outside(composer: Composer):
    assert composer.answer("工业APP想上架到平台的应用商店，具体怎么操作", None, JUNE_20).entry_id is None


def test_what_comes_after_the_acceptance_application_is_the_local_bureau_s_opinion(composer: Composer):
    answer = composer.answer("验收申请交到区工信局了，接下来是什么流程", None, JUNE_20)
    assert "初步意见" in answer.text and "市工信局" in answer.text


def test_an_outside_word_across_two_words_is_not_there(composer: Composer, index: SearchIndex):
    question = "验收申请是企业直接报上市里，还是交给县里？"
    assert index.outside_words(question) == []
    assert composer.answer(question, None, JUNE_20).entry_id is not None
    assert "上市" in index.outside_words("公司明年准备上市")


def test_a_story_with_an_outside_word_is_answered_from_the_rest_of_it(composer: Composer):
    answer = composer.answer("我们在阿里云上部署了MES系统，这种能申报吗", None, JUNE_20)
    assert answer.entry_id is not None and "上云上平台" in answer.text


def test_a_space_between_two_chinese_questions_separates_them(composer: Composer):
    answer = composer.answer("入库截止几号 要交几份", None, JUNE_20)
    assert "7月8日" in answer.text and "一式七份" in answer.text


@pytest.mark.parametrize(
    "question",
    ["市里是按省级资金的百分之三十配套吗", "项目21年10月份开始建的 在范围内吗", "工业大脑是第几个方向里面的"],
)
def test_numbers_and_pointers_do_not_make_a_question_unknown(composer: Composer, question: str):
    assert composer.answer(question, None, JUNE_20).entry_id is not None


def test_a_local_industry_department_is_not_the_ministry(composer: Composer):
    assert composer.answer("县里工信部门收到入库材料后干嘛", None, JUNE_20).entry_id is not None


def test_how_to_apply_for_the_provincial_funds_themselves_is_outside(composer: Composer):
    assert composer.answer("省级专项资金怎么申请", None, JUNE_20).entry_id is None
    assert composer.answer("没有省级专项资金能申请吗", None, JUNE_20).entry_id is not None


def test_when_the_provincial_funds_themselves_are_paid_is_outside(composer: Composer):
    assert composer.answer("省级专项资金一般什么时候拨付到企业账户？", None, JUNE_20).entry_id is None
    assert composer.answer("广东省2022年上云上平台省级专项资金申报截止是哪天", None, JUNE_20).entry_id is None
    assert (
        composer.answer(
            "How do I apply for the Guangdong provincial industrial internet special fund?", None, JUNE_20
        ).entry_id
        is None
    )
    # the city's matching, paid or applied for after the provincial funds, is the notice's
    for question in (
        "省级专项资金到账后，市级配套什么时候拨付",
        "省级专项资金批下来后市级配套怎么申请",
        "省级专项资金批了以后，市级配套申报截止是哪天",
        "上云项目省里给了150万，市里最高能给多少",
        "获得省级专项资金以后，申请市级配套需要什么条件",
        "We're a SaaS company deploying an industry-specific IIoT platform in Shaoguan. How much at most?",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id is not None, question


def test_drafting_an_email_is_outside(composer: Composer):
    assert (
        composer.answer(
            "Can you help me draft an English email to our Hong Kong headquarters about our IT budget?",
            None,
            JUNE_20,
        ).entry_id
        is None
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("承诺书应该是入库申报的时候一起交吧", "承诺书（附件5）不是入库申报时交的，是验收申请时交的"),
        ("附件4是入库那一步交的对吧", "验收申请报告（附件4）不是入库申报时交的"),
    ],
)
def test_an_attachment_offered_as_another_stage_s_is_corrected(
    composer: Composer, question: str, expected: str
):
    assert expected in composer.answer(question, None, JUNE_20).text


def test_an_attachment_offered_as_its_own_stage_s_is_not_corrected(composer: Composer):
    assert "不是" not in composer.answer("承诺书是验收申请时交的吧", None, JUNE_20).text


def test_asking_whether_an_attachment_goes_with_another_stage_is_answered_with_its_stage(
    composer: Composer,
):
    answer = composer.answer("入库那一步需不需要交承诺书", None, JUNE_20)
    assert "承诺书（附件5）不是入库申报时交的，是验收申请时交的" in answer.text


def test_a_county_bureau_receiving_the_materials_is_inside(composer: Composer):
    assert composer.answer("仁化县工信局收材料吗", None, JUNE_20).entry_id is not None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("呢份通知發俾邊啲單位", "addressees"),  # Cantonese 边啲 (which ones), 发俾 (sent to)
        (  # which direction, asked of a direction the message names
            "We deployed a 5G private network at our Shixing plant for unmanned control on site. "
            "Which support direction does this fall under?",
            "direction-4-scope",
        ),
        ("安全事故也算吗 我们去年有批货被召回了", "compliance-conditions"),  # names the rule's own thing
        ("我们做了全流程能耗监控和设备远程维修，对应哪个方向", "direction-4-scope"),  # a scenario's parts
        ("国家省市所有补助加起来能超过项目投资吗", "total-support-cap"),  # 所有 points, names no programme
        # the twenty-first session: where a firm's investors are from, Cantonese, typos, pinyin
        ("我哋係澳門投資嘅藥廠，想問申報對象有咩要求？", "who-can-apply"),
        ("我們係香港投資嘅汽車零部件廠，項目2021年6月已經完工，今次仲報得唔報得？", "construction-window"),
        ("支援方向入面有冇講5G？", "direction-4-scope"),
        ("验收时要交承偌书吗", "acceptance-materials"),
        # a firm's own record, in Chinese and English words for the rule
        ("我们药厂前年产品质量出过大问题，召回了一批药，这个算不算不能报的情况", "compliance-conditions"),
        ("近几年内不能有哪些问题？我们财务说要查多少年的账", "compliance-conditions"),
        ("申报单位在诚信方面有什么硬性要求？我们想先自查一下", "compliance-conditions"),
        ("A court listed us as a defaulting party last year. Can we still apply?", "compliance-conditions"),
        # a higher body's funds in the story of an audit are the notice's condition
        (
            "我们公司3年前有个省级补贴被审计认定违规使用，被要求整改退回了，这次还能报吗？",
            "compliance-conditions",
        ),
        # what counts as the investment, and how the amount is settled
        ("项目投资是按什么时间段内的投入算？", "investment-scope"),
        ("What does the investment include? Can we count equipment bought in Oct 2021?", "investment-scope"),
        ("市级奖补的具体金额固定吗？我们要做明年预算", "final-amount"),
        ("最终补多少是不是就按10%算死了？", "final-amount"),
        ("5G项目是固定给百分之十吗 还是看情况", "direction-4-amount"),  # 5G's own 10%
        ("项目做得好 能不能往上报国家或者省里的支持", "quality-project-recommendation"),
        # 属于哪个 after a scenario asks its direction; 有问题吗 asks about the story before it
        ("市场营销那块上了个数字化营销系统，跟工业互联网平台打通了，能报不？属于哪个", "direction-1-scope"),
        (
            "我们给客户做设备租赁，现在把租赁管理搬到工业互联网平台上了，这个能报吗？算哪个",
            "direction-1-scope",
        ),
        ("项目2022年8月30日完工，就晚了几天，有问题吗？", "construction-window"),
    ],
)
def test_the_entry_that_answers(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, JUNE_20).entry_id == entry_id


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Can we still apply now in 2026?", "2022"),  # the year said as today, in English
        ("听说是按省级资金的百分之十五配套？", "10%"),  # 听说 tells, it names no other support
        ("補貼係先畀錢定係做完先畀？", "事后奖补"),  # Cantonese: before or after
        ("验手申请几号前要报上去", "8月26日"),  # a typo and 报上去
        ("What number do we call about the notice?", "8884332"),
    ],
)
def test_the_fifteenth_and_sixteenth_sets_kinds_of_miss(composer: Composer, question: str, expected: str):
    answer = composer.answer(question, None, JUNE_20)
    assert answer.entry_id is not None and expected in answer.text


@pytest.mark.parametrize("message", ["好的，谢谢你哈", "嗯嗯 谢谢啦", "好的", "ok"])
def test_thanks_and_acknowledgements_said_loosely_are_small_talk(composer: Composer, message: str):
    answer = composer.answer(message, None, JUNE_20)
    assert answer.kind is Kind.THANKS and answer.entry_id is None


def test_an_acknowledgement_before_a_question_leaves_the_question(composer: Composer):
    assert "7月8日" in composer.answer("好的，那入库什么时候截止", None, JUNE_20).text


@pytest.mark.parametrize("message", ["谢谢你，没有别的问题了", "好的谢谢，先这样"])
def test_thanks_with_nothing_asked_after_it_is_small_talk(composer: Composer, message: str):
    assert composer.answer(message, None, JUNE_20).kind is Kind.THANKS


def test_a_greeting_before_a_question_leaves_the_question(composer: Composer):
    assert "100万" in composer.answer("你好，上云项目最高补多少", None, JUNE_20).text


def test_today_s_year_told_before_a_question_only_tells_the_date(composer: Composer):
    assert "7月8日" in composer.answer("现在都2026年了，入库截止是哪天", None, JUNE_20).text


def test_staff_wages_as_investment_is_the_investment_rule(composer: Composer):
    assert composer.answer("员工工资可以算进项目投资吗", None, JUNE_20).entry_id == "investment-scope"


@pytest.mark.parametrize(
    "question",
    [
        # what the notice does not say of its review and its contacts
        "入库评审的评分标准能发我看看吗",
        "验收的专家是谁",
        "严鹏是男的还是女的",
        "Which cloud vendor would you recommend?",
        # applying for a thing the knowledge base never names
        "我们的专利申请被驳回了，怎么申请复审？",
        "公司的网站被黑了，谁能帮忙修一下",
        # loans themselves, a higher body's contacts, funds, templates and standards
        "设备升级贷款要什么抵押",
        "专项贷款找哪家银行比较好",
        "Which banks offer loans for factories?",
        "省工信厅管工业互联网的联系人是谁",
        "省级专项资金的申报书模板在哪里下载",
        "省里的上云上平台专项资金补助标准是多少",
        # a county bureau's own phone, contacts, matching and past results
        "乐昌市工信局电话是多少",
        "仁化县工信局负责这个的联系人是谁",
        "翁源县对工业互联网项目有县级配套吗",
        "乐昌市去年拿了多少工业互联网奖补",
        # company affairs, prices, progress, lists, how things work, arithmetic
        "公司要注销，大概多久能办完",
        "5G专线一个月多少钱",
        "上周交的材料，审核进度在哪里能查",
        "去年补了哪些企业，名单有吗",
        "边缘计算的原理是什么",
        "帮我算下 37乘以89",
        "外资准入负面清单在哪看",
        # a higher body's own rate, however its funds are named
        "省里的专项资金一般按设备投资的几成给？",
        "广东省工业互联网省级补贴比例是多少",
        # looking up a company's own record
        "帮我查一下我们厂有没有上失信名单",
        "帮忙查下韶关某某陶瓷有限公司是不是被执行人",
        "我们的省级资金批了没有？帮我查一下",
        # this round's results, the review's scoring sheet
        "这批项目一共发了多少钱，补了几家",
        "专家评审的评分细则有吗",
        # vendors, market prices, how well a technology works, penalties and publicity periods
        # the notice does not state, another firm's project, the bureau's other work
        "5G专网一般要花多少钱",
        "工业大脑的准确率有多高",
        "材料写错了会罚多少",
        "入库名单公示期多长",
        "隔壁有家企业拿了五十万，他们做的什么",
        "工信局还有什么其他申报项目",
        "营业执照年检怎么弄",
        "厂里用电要增容，供电局怎么对接",
        # how two things differ, none of them the notice's
        "云边协同和边缘计算有啥区别",
        "工业互联网平台和工业软件有什么区别",
        # a county bureau's own phone (a county named without 瑶族自治县), the province's results
        "南雄市工信局的联系电话是多少",
        "乳源工信局的电话多少",
        "省里的专项资金什么时候公布结果",
        # details the notice never gives
        "绩效目标写多少个指标合适",
        "挪用了资金会怎么处罚",
        "材料电子版发到哪个邮箱",
        "No provincial money came through yet; how do we set up a wholly foreign-owned subsidiary?",
        # base stations, loans against the subsidy, its accounting, how hard it is to get, a
        # neighbouring city, a general technology compared or explained beside a remark
        "厂里想自建一个5G基站，有补贴吗",
        "这笔补贴能拿去银行做抵押吗",
        "奖补资金会计上怎么入账",
        "这次竞争激烈吗，好不好批",
        "英德那边有没有工业互联网补贴",
        "边缘计算跟云计算有啥不同",
        "What is the difference between edge computing and cloud computing?",
        "什么是数字孪生，简单说说，方案里要用",
        # appeals, bridging loans, what passes review more easily, the bot itself, a county's own
        "对评审结果有异议可以申诉吗",
        "等省里的钱下来之前能做过桥贷款吗",
        "选哪家的网关更容易通过评审",
        "Are you a human or a bot?",
        "曲江区对上云项目有没有区级配套资金",
        "物联网跟工业互联网是不是一回事",
        # databases and networks, prices and value, one firm's own progress, the approved list
        "平台后台用哪个数据库好",
        "车间用5G还是WiFi性价比高",
        "一套仓储管理系统一般多少钱",
        "帮我查下我们项目进度",
        "我们的补贴为什么还没到账",
        "Where can I see the list of approved projects?",
        # the twenty-first session: other paperwork, trade fairs, certifiers, a misspelt tax rule
        "药厂新车间要做GMP符合性检查，流程是怎样的",
        "食品厂员工健康证在哪里办，要多少钱",
        "电子发票怎么开 税控盘坏了",
        "我们想申请商标 要多长时间",
        "食品生产许可证到期了，续期要准备什么材料",
        "公司要变更法定代表人，要准备什么材料",
        "公司想减少注册资本，流程是什么",
        "外商投资准入负面清单2022年版，制造业还有哪些限制",
        "Our auditor asks about the transfer pricing documentation thresholds in China. What are they?",
        "我们是乐昌的一家机械厂，想参加今年的广交会，展位费政府有没有补贴？去哪里申请？",
        "We want ISO 9001 certification. Which certification bodies are recognised?",
        "2021年研发投入了800多万。想问一下研发费用加记扣除现在是按100%还是75%？",
        # everyday asking about an unknown thing
        "My Excel VLOOKUP returns #N/A, how do I fix it?",
        "Recommend a good ERP system for a small ceramics factory.",
        "How much is the minimum wage in Shaoguan in 2022?",
    ],
)
def test_near_misses_outside_the_notice(composer: Composer, question: str):
    assert composer.answer(question, None, JUNE_20).entry_id is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the user's words for the notice's rules
        ("Can we pay staff bonuses out of the subsidy?", "divert"),
        ("我们是做系统集成的，替客户报可以吗", "书面同意"),
        ("验收材料交到县里，之后会做什么", "初步意见"),
        ("县工信局收到验收申请后要干嘛", "初步意见"),
        ("2021年8月买的服务器能算投资吗", "2021年9月30日"),
        ("奖补下来以后能不能拿去还银行贷款", "不得挪用"),
        ("钱到咗之后可唔可以当奖金发畀员工", "不得挪用"),
        ("五年多前有笔技改资金使用不规范被处理过，还能申报吗", "5年"),  # the story of a past misuse
        ("个人可以报吗？我自己写了个工业软件", "企事业单位"),
        # Cantonese and colloquial deadlines and dates
        ("入库申报书同汇总表要赶喺边日之前交", "7月8日"),
        ("入库几号前要搞掂", "7月8日"),
        ("呢份通知几时发嘅", "2022年6月10日"),
        # today's year, said every way
        ("现在（2026年）还能报这批吗", "本轮就不能再报"),
        ("今年是2027年，这个通知还能报吗", "本轮就不能再报"),
        ("It's 2027 now. Can we still apply?", "this round cannot be applied for"),
        # still open, said every way: a word of now, then can still … apply, enter, submit
        ("老板问现在还能不能报入库", "本轮就不能再报"),
        ("2025年了，这批还可以申请吗", "本轮就不能再报"),
        ("而家仲申请唔申请得", "本轮就不能再报"),
        # … but a project's own year asks the window
        ("我哋個項目2021年5月已經做完咗，仲報唔報得？", "2021年9月30日"),
        # the city's rate on the provincial funds is the notice's
        ("按省级专项资金的几成配套？", "10%"),
        # comparing the notice's own things
        ("附件4和附件5有什么区别", "附件5"),
        # an outside word in the story, a direction asked by name
        ("我们厂电费很贵，想做能耗优化上云，上云上平台支持哪些环节", "能耗优化"),
        # the user's words for the notice's rules
        ("奖补资金能不能用在别的项目上", "不得挪用"),
        ("补助款能不能用到别的地方", "不得挪用"),
        ("依家仲可以报入库吗", "本轮就不能再报"),  # Cantonese now, not corrected into 一家
        ("我们上云项目2021年7月就弄完了 算不算", "2021年9月30日"),
        ("5G项目，省级资金：80万。市里能给多少？", "8万元"),
        # the first and the fourth direction, named together
        ("做培训用的，四个方向里第一和第四个方向叫什么？", "上云上平台"),
        ("做培训用的，四个方向里第一和第四个方向叫什么？", "5G+制造业"),
        ("现在是2024年5月，这个还能报吗", "本轮就不能再报"),
        # what the county bureau does with the acceptance materials, in the user's words
        ("县局收了验收材料会做什么", "初步意见"),
        ("验收阶段当地工信局负责什么", "初步意见"),
        # a carrier's name is no sign of something else: the project it built is the notice's
        ("电信给我们做的5G专网项目能报吗", "方向四"),
        ("用联通5G做的设备远程运维属于哪个方向", "方向四"),
        # numbered questions, each answered
        ("两个问题 1.入库哪天截止 2.验收申请哪天截止", "7月8日"),
        ("两个问题 1.入库哪天截止 2.验收申请哪天截止", "8月26日"),
        # this round, or only just heard of it: whether it is still open
        ("这批工业互联网项目还可以申请吗 刚看到通知", "本轮就不能再报"),
        ("Can we still apply for this? A colleague only just told me.", "this round cannot be applied for"),
        # an outside word in the story of which direction a project fits
        ("我们用云平台做设备管理，主要是想省点电费，属于哪个支持方向", "上云上平台"),
        # who asks on whose behalf is no part of the question
        ("老板开会问我：通知里说的事后奖补到底啥意思，我说不清楚", "事后奖补"),
        ("财务问一下，补贴要不要单独设账", "专账"),
        # a sentence that names what was said asks nothing: its outside word is the story's
        ("Is the entry deadline July 10? That's what a consultant told us.", "July 8"),
        # a direction's own figures in a story of something bigger, their amount asked
        ("去年投了一千万建智能工厂，其中上云部分省里批了一百万，市里能给多少", "10万元"),
        # the base of the amount is what is asked
        ("系统性制造业互联网平台的补贴基数是什么", "按项目投资的10%"),
        # typos of the notice's words before 补助 name no other programme
        ("我们的上运项目省极补助批了60万，市里配多少", "6万元"),
        # which direction is worked from the investment: the amount rule names it
        ("补贴基数什么时候用项目投资额", "方向三（系统性制造业互联网平台）为项目投资额"),
        # the notice number's answer names the notice
        ("韶工信函91号讲乜嘢", "工业互联网应用项目申报工作的通知"),
        # a figure said on its own after the funds it is; thousands written with k
        ("上云项目省级专项下来了，45万，市里配多少", "4.5万元"),
        ("上云项目省级资金到了，共计六十八万，市里配多少", "6.8万元"),
        ("省级资金还没到账，但已经批了二百万（上云项目），市里配多少", "20万元"),
        # a project's phases are parts of its investment (一期, 二期), added up (合起来)
        ("系统性平台分两期：一期一百二十万，二期八十万，合起来能补多少", "20万元"),
        ("cloud project, provincial funding 500k, how much will the city add", "RMB 50,000"),
        # 看项目情况: the 5G direction's demonstration value and completion quality
        ("5G项目是统一按10%给还是看项目情况", "示范意义和完成质量"),
        # a figure on its own with a word of about; Cantonese for "invested"
        ("系统性平台投资不多，120万左右，能补多少", "12万元"),
        ("我哋系統性平台投咗三百萬，補幾多？", "30万元"),
        # how many projects one firm may put in
        ("我们有四个项目，能不能四个都报", "最多申请2个项目"),
        ("想做上云和5G远程维修，能分成两个项目报吗？第二个算哪个方向？", "最多申请2个项目"),
        # other support named beside the provincial funds counts against the investment (五(二))
        ("上云项目投资100万，省级给了60万，国家又给了50万，市里还能配多少", "其他支持50万元，剩余0元"),
        # when a project went live or was built, with its date: the construction window
        ("我们的MES系统2021年6月就上线了，能算吗", "2021年9月30日"),
        ("项目2021年7月就建好投产了，还能报吗", "2021年9月30日"),
        # what the clause naming both stages asks is asked of each (the copies are the next question's)
        ("入库申报和验收申请分别截止到哪天？纸质材料要交几份？", "7月8日"),
        # a question of its own after a story of one direction (最多能报几个)
        (
            "今年报两个项目：一个上云（省级资金200万），一个系统性平台（投资1500万）。最多能报几个？",
            "最多申请2个项目",
        ),
        # an investment said in its parts is their sum (五(三)), and the answer shows the sum
        ("系统性平台项目，设备花了250万，软件120万，材料30万，市里能补多少", "= 400万元"),
        ("系统性平台投资：设备两百五十万、软件一百二十万，能拿多少", "37万元"),
        # what base reaches a direction's cap, worked back from its rate
        ("老板想拿满上云项目的封顶额，省级资金至少得拿到多少？", "= 1000万元"),
        ("How much provincial funding do we need to hit the cap for a 5G project?", "RMB 10,000,000"),
        # each project's figures are its own: the province's funds of one are not the other's
        ("一个系统性平台项目投资500万，另一个标杆项目省级资金600万，两个加起来市级最多多少", "合计约100万元"),
        # other support named beside the provincial funds: the ceiling of all support is shown
        ("上云项目投资200万，省级给了50万，国家也补了100万，市级配套多少", "剩余50万元，市级配套在此之内"),
        # a comparison of every direction's cap, one direction named as a guess
        ("哪个方向的封顶最低？是不是上云那个", "最高50万元"),
        ("Which direction has the lowest ceiling?", "capped at RMB 500,000"),
        # the one who said it is not what is asked about
        ("Our consultant says the 5G direction's rate is 20%. Right?", "Not 20%"),
        # a project put elsewhere: each direction's own place, and the applicant's registration
        ("我们的标杆平台打算部署在东莞，能申报吗", "在东莞的项目不符合这一条"),
        ("Can a 5G project carried out in Shenzhen apply?", "one in Shenzhen does not meet this"),
        ("上云项目放在外省实施可以报吗", "项目在外省能否申报，通知未明确"),
        ("系统性平台只在外地工厂用，能拿市里10%吗", "须在韶关市辖区内依法注册登记"),
        # an attachment offered at the wrong stage: the stage's own attachments; a stage's word
        # inside the attachment's title (入库项目申报书) is not the stage it is offered for
        (
            "入库的时候要交验收申请报告吧",
            "入库申报要交的是附件2（入库项目储备汇总表）、附件3（入库项目申报书）",
        ),
        ("验收时交入库项目申报书（附件3）对吧", "验收申请要交的是附件4（项目验收申请报告）、附件5（承诺书）"),
        # who said it, told after the question, asks nothing
        ("这份通知是2021年发的吧？我们经理这么讲", "2022年6月10日"),
        # a date offered as the stage's deadline by "before it", without the word deadline
        ("入库材料要在七月二十号之前交齐，对吧", "不是7月20日"),
        # the situation touches a condition: another programme's funds falsely claimed
        # the situation touches a condition: another programme's funds falsely claimed
        ("前年有个技改项目被查出虚报，这次还能报吗", "近5年内"),
        ("我们是事业单位性质的研究所，做了上云，能报吗", "事业单位能否申报"),
        # the cap's own figure asked to be reached is no investment (拿满100万)
        ("系统性平台投资额要达到多少才能拿满100万", "= 1000万元"),
        ("5G项目省级资金要多少才能触到封顶", "= 1000万元"),
        # parts said as bare yuan or in English millions are added up
        ("系统性平台：设备1,000,000 + 软件500,000，能补多少", "= 150万元"),
        ("Systemic platform: equipment 2m, software 1m. Subsidy?", "RMB 3,000,000"),
        ("系统性平台前前后后砸了5百万，市里补多少", "= 50万元"),
        # in English a role said right after a figure is its own (300k provincial funds)
        (
            "A systemic platform investing 2 million and a cloud project with 300k provincial funds: total?",
            "RMB 230,000",
        ),
        # an attachment named by its title, its number asked
        ("承诺书是第几个附件", "附件5：承诺书"),
        ("附件里有没有承诺书", "附件5：承诺书"),
        # an attachment named by its title where the answer is about the attachments; a list of them
        # by number; two stages' dates offered swapped; an English story sentence ending in a quote;
        # a platform applied elsewhere; two directions set side by side
        ("入库是8月26日截止，验收是7月8日截止，对吧", "不是8月26日"),
        ("入库是8月26日截止，验收是7月8日截止，对吧", "不是7月8日"),
        ("附件2、3、4、5是不是一起交", "附件4："),
        ("附件二到五一次性交齐可以吗", "附件3："),
        ("Our staff keep mentioning an 'industrial brain'. Which direction is it?", "Direction 3"),
        ("系统性平台应用在清远的工厂，能补吗", "在清远的项目不符合"),
        ("承诺书在哪下载", "附件5：承诺书"),
        # only firms above the size threshold: the notice asks registration of 企事业单位, no size
        ("只有规模以上企业才能申报吗", "企事业单位"),
        # the kind of firm the user is, beside a direction: that direction's applicant
        ("我们是做五金的制造企业，不是软件公司，能报标杆平台吗", "的申报主体：软件和信息服务企业"),
        ("We are a manufacturer. Can we apply for the benchmark platform direction?", "is applied for by"),
        # a choice of answers after a question; numbered questions, one asking an amount of no direction;
        # a project the firm itself accepted before the window
        ("验收由谁负责？县里还是市里", "市工信局组织专家"),
        ("请问：1）最多报几个项目 2）单个项目最多拿多少", "市级奖补按10%计算"),
        ("我们的MES去年7月就上线并验收了，还能报吗", "2021年9月30日"),
        ("“上云上平台”和“5G+制造业”是一回事吗", "方向四支持"),
        ("When is the last day for the initial project registration?", "July 8, 2022"),
        # someone taking over asks which day (哪一天) a deadline is
        ("新来的，前任说验收是八月底，到底是哪一天", "2022年8月26日"),
        # a tag question after a statement of two things is asked of each of them
        ("入库7月8号交，验收8月26号交，对吧？", "入库申报须在2022年7月8日前完成"),
        ("入库7月8号交，验收8月26号交，对吧？", "须在2022年8月26日前"),
        # how long the notice had been out, and the span between two of its dates or the user's
        ("这份通知发出来多久了 现在还有效吗", "2022年6月10日"),
        ("通知发出来到入库截止中间隔了多久", "相隔28天"),
        ("入库截止和验收截止之间隔了多少天", "相隔49天"),
        (
            "我们6月20日才看到通知，离入库截止还有几天",
            "2022年6月20日（您说的日期）到2022年7月8日（入库申报截止）相隔18天",
        ),
        ("How many days between the entry deadline and the acceptance deadline?", "is 49 days"),
        ("5G融合应用示范项目，市里的配套是依据什么来定的？", "示范意义"),
        (
            "我们8月30号才能交验收申请 晚了几天会不会不收",
            "2022年8月26日（验收申请截止）到2022年8月30日（您说的日期）相隔4天",
        ),
        ("5G xiangmu shengji zijin 300wan shili peitao duoshao", "30万元"),
        # a figure said on its own after its funds were named (是一百二十万)
        ("省里的上云资金批下来了，是一百二十万。市里能配多少", "= 12万元"),
        # the directions whose text names a technology, each of them
        ("边缘计算出现在哪几个方向里", "方向二支持"),
        ("边缘计算出现在哪几个方向里", "方向四支持"),
        ("做能耗优化和能耗监控的项目，分别属于哪个方向", "方向一支持"),
        ("做能耗优化和能耗监控的项目，分别属于哪个方向", "方向四支持"),
        # what a date the message names is, in the notice
        ("7月8号是什么日子", "2022年7月8日是入库申报截止"),
        ("九月三十号是什么节点", "2021年9月30日是项目建设期限的第一天"),
        ("六月十号是什么日子", "2022年6月10日是通知落款日期"),
        # a rate offered in English; the source of an English figure; the 5G direction's quality
        ("The city pays 20% of the provincial funds, right?", "Not 20%"),
        ("Our consultant reckons the city pays 15% of the provincial grant. Is that correct?", "Not 15%"),
        ("how much would the city add if we got 2 million from the province for a cloud project", "20万元"),
        ("5G项目是不是都给10%，还是要看项目质量", "示范意义"),
        ("When is the subsidy paid, before or after the build?", "事后奖补"),
        # where a plant's investors are from is no other place's policy; Cantonese 定係 asks
        ("We run a Hong Kong-invested factory in Shaoguan; when is the entry deadline?", "July 8, 2022"),
        ("補貼係事前定係事後？一間公司最多報幾個項目？", "事后奖补"),
        # each figure with the direction named in its own clause, after it in English
        (
            "One client got 600,000 of provincial funds for a cloud project; another invested 3 million"
            " in a systematic platform. What does each get?",
            "Together about RMB 360,000",
        ),
        # a wrong rate is corrected with the notice's rate; things told by their scenario each
        # get their direction
        ("是不是按20%补", "不是20%：市级奖补的比例是10%"),
        ("Is it 30% for the cloud direction?", "Not 30%: the city subsidy rate is 10%"),
        ("两家企业：一家上云，一家做工业视频监控平台，分别属于哪个方向", "方向二支持"),
        ("5G方向的项目一定要在韶关实施吗", "要求项目在我市开展（我市即韶关市）"),
        # figures in wan, and English with a Chinese term or two answered in English
        (
            "The province gave 60 wan to our 上云上平台 project. How much from the city?",
            "= RMB 60,000 (6万元)",
        ),
        ("how much for 标杆 max", "For industry-level platform benchmark projects"),
        ("Someone told me the 入库 step closes on 31 July, correct?", "Not July 31."),
        ("5G项目省级资金到多少，市级配套就到顶了？", "1000万元"),
        ("我们是农民专业合作社，也用了云平台，能报吗", "企事业单位"),
        # figures said roughly (八十来万, 一百五十个w); where a direction's project is applied
        ("省里批了八十来万，上云项目市里配多少", "= 8万元"),
        ("系统性平台投资一百五十个w，能补多少", "= 15万元"),
        ("系统性平台投了300万，能补多少，要在哪里应用", "制造业企业得到应用"),
        ("老板以为每个项目都固定补100万，该怎么跟他解释规则", "10%"),
        ("A公司把能耗优化放上工业云，B公司开发视频监控平台给同行业用，分别走哪个方向", "方向二支持"),
        # 这样 points back to the story's clause; the general requirements name the audit
        ("老板想拿补贴给员工发年终奖，我是会计，这样做合规吗", "不得挪用"),
        ("补贴以后审计会查吗，财务要注意什么", "符合政府审计要求"),
        ("公司成立才两年，不够五年能报吗", "近5年内"),
        ("去年花了两百多万做5G巡检，省里这次没给钱，市里能单独给吗", "市级配套为0元"),
        ("上云项目市级配套比例多少？省里没给钱的话还有没有", "最高不超过100万元"),
        ("5G项目的补贴是事前给定係事后给？最高多少", "事后奖补"),
        # capex is the investment; a figure with its unit (4.5m) and who relays it are no unknown words
        ("HQ finance (Hangzhou) asks: system platform capex RMB 4.5m, what subsidy?", "RMB 450,000"),
        # how much time there is between two dates the message names (多少时间, 多长时间)
        ("通知发出到验收截止中间有多少时间", "相隔77天"),
        # a rate offered of the provincial funds; a platform used only by customers elsewhere
        ("上云项目补贴比例是省级资金的15%吧，最高100万？", "不是15%"),
        ("系统性平台我们只给佛山的客户用，能报吗", "在佛山的项目不符合"),
        # a figure 'translated' into the city's money is worked out; four projects get the limit
        ("Our 5G project got RMB 600,000 from the province. Translate that into city money.", "60,000"),
        ("公司想报4个，上云两个、5G两个", "最多申请2个"),
        # the entry stage named by its own forms (汇总表, 申报书): its deadline, not the acceptance's
        ("汇总表什么时候交，是附件几", "2022年7月8日"),
        # the notice's own word for the integration of direction 3 (纵向)
        ("系统性平台的数据集成是横向还是纵向", "纵向"),
        # a detail the notice never gives (the seal) beside questions it answers
        ("承诺书是第几个附件？要不要盖公章", "附件5"),
        # users of a systemic platform elsewhere: applied by the city's manufacturers (三(三))
        ("系统性平台投了一千万，用户都在外省，能补吗", "得到应用"),
        # the funds' use asked by handing them out (发给项目组做奖金)
        ("补贴下来能不能发给员工当奖金", "信息化建设"),
        # the seal beside the copies: the copies answered, the seal a detail the notice never gives
        ("申报书纸质的交几份？要不要盖骑缝章", "一式七份"),
        # this round or wait for next year: this round's construction window
        ("项目十月才完工，这次还能报吗？还是等明年", "2022年8月26日"),
        # each stage told with the date it was handed in, and whether that was in time
        ("我们7月6号交了入库申报书，8月20号交了验收申请，时间有没有问题", "2022年7月8日"),
        ("我们7月6号交了入库申报书，8月20号交了验收申请，时间有没有问题", "2022年8月26日"),
        # a deadline asked of attachments handed in at different stages: each stage's deadline
        ("附件2汇总表和附件5承诺书分别什么时候截止", "2022年7月8日"),
        ("附件2汇总表和附件5承诺书分别什么时候截止", "2022年8月26日"),
        # Cantonese for "arrived in the account" is no bookkeeping
        ("奖补资金到咗账，系咪要设专账？", "专账"),
        # what the notice requires of the thing just told (文件 is the notice, no attachment)
        ("绩效目标我们写的是提升管理水平，验收会不会说不可量化？文件怎么要求的", "可量化"),
        # the twenty-first session: the deadline beside the issue date, the round's year, a higher
        # level's support, each direction's kind of firm, the money's use and books, Cantonese
        ("6月初刚看到通知，通知是6月几号发的？入库留给我们多少时间", "2022年6月10日"),
        ("6月初刚看到通知，通知是6月几号发的？入库留给我们多少时间", "2022年7月8日"),
        ("这是哪个年度的申报？", "2022年"),
        ("如果项目特别优质，除了市级还有没有更高层级的 support?", "推荐国家、省政策支持"),
        ("申报主体是不是只能是工业企业？软件公司能不能作为主体报？", "软件和信息服务企业"),
        ("Our auditors want to know what the grant can be spent on. Any restrictions?", "信息化建设"),
        ("Does the grant need any special bookkeeping treatment when it arrives?", "专账管理"),
        ("审计那边问：奖补资金能不能跟其他补贴混在同一个账里核算？", "专账管理"),
        ("補貼錢可唔可以攞嚟做市場推廣？", "专账管理"),
        ("钱下来以后可以买服务器和软件许可吗", "专账管理"),
        ("Can we spend the subsidy on our marketing campaign next year?", "专账管理"),
        ("通知系几时出嘅？我哋老细话系五月", "2022年6月10日"),
        ("呢份通知係邊日出嘅？", "2022年6月10日"),
        ("我们公司之前被法院列进老赖名单了，钱后来还上了，现在还能报这个工业互联网补贴吗", "失信被执行人"),
    ],
)
def test_the_answer_says(composer: Composer, question: str, expected: str):
    assert expected in composer.answer(question, None, JUNE_20).text


def test_a_part_of_the_investment_named_with_its_figure_asks_nothing(composer: Composer):
    question = "系统性平台项目，设备花了250万，软件120万，材料30万，市里能补多少"
    answer = composer.answer(question, None, JUNE_20).text
    assert "= 400万元" in answer and "材料交当地" not in answer  # 材料30万 is no question about materials


def test_filling_the_rate_is_not_asking_what_reaches_the_cap(composer: Composer):
    answer = composer.answer("5G项目是不是都能按10%拿满？有什么影响", None, JUNE_20).text
    assert "示范意义和完成质量" in answer and "1000万" not in answer


@pytest.mark.parametrize(
    "question",
    [
        "验收完了钱多久能到账",
        "入库评审一般请几位专家",
        "验收申请报告有没有范本可以参考",
        "承诺书具体要承诺哪些内容",
        "验收没通过，整改之后再验收可以吗",
        "How many experts sit on the review panel?",
        # formats, addresses, lists and how long a step takes, in many wordings
        "纸质材料要胶装还是骑马钉，用不用A4纸",
        "市级配套资金是一次性拨付还是分期拨付？",
        "请问县工信局收到我们的验收材料后，出具初步意见一般要几天？",
        "验收通过后多少天资金到账",
        "How many days after acceptance will the money reach our bank account?",
        "申报书打印要不要双面，加不加页码",
        "汇总表用excel还是word填",
        "专家验收一般来多少位，会到现场看吗",
        "验收后多久钱能到账上",
        "奖补大概几个月能拨下来",
        "Which month will the money be paid?",
        "入库以后还能变更项目内容吗",
        "How long does the expert review take?",
        # what a technology the notice only names is
        "什么是边缘计算？",
        "5G+边缘计算网关是什么意思啊",
        "What is edge computing?",
        "填空：MES系统的中文全称是__________。",
        "What does MES stand for?",
        # a total the notice never gives: the funds' size, the city's count of firms on the cloud
        "填空：2022年广东省级工业互联网专项资金总规模为____亿元。",
        "截至2022年底，韶关全市累计有多少家工业企业上云？",
        # whom a contact reports to; the articles of the policy the notice only attaches
        "Who does Yan Peng report to at the bureau, and what's his email?",
        "韶委字〔2020〕2号那个实施意见第十条讲的是什么内容？",
        # the experts, their fees and visits, officials' mobiles, the review's date
        "验收请的是哪些单位的专家",
        "专家评审费谁出",
        "马凯鹏手机号码是多少",
        "验收的时候专家会下厂吗",
        "When is the review meeting for entered projects?",
        "入库评审会具体哪天开",
        "联系人的邮箱是什么",
        "市工信局哪天组织专家评审",
        "入库评审要不要现场答辩，PPT做几页",
        # what counts as a major accident
        "安全生产重大事故的认定标准是什么",
    ],
)
def test_a_detail_the_notice_never_gives_is_said_to_be_unstated(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None and composed.suggestions
    assert "通知没有写明" in composed.text or "does not say" in composed.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("工业大脑是什么意思", "工业大脑"),
        ("5G+制造业是什么意思", "方向四"),
        ("What's 5G + manufacturing?", "Direction 4"),
    ],
)
def test_what_a_thing_the_notice_explains_is_gets_its_clause(
    composer: Composer, question: str, expected: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is not None and expected in composed.text


def test_a_detail_asked_beside_a_question_the_notice_answers_gets_that_answer(composer: Composer):
    composed = composer.answer("验收后走什么流程拨款？大概多久到账", None, LATER)
    assert composed.entry_id is not None and "拨付" in composed.text


def test_a_figure_after_a_colon_keeps_its_label(kb: KnowledgeBase):
    figures = read_amounts("Provincial funds approved: RMB 3 million", kb.lexicon.figure_roles)
    assert [(f.yuan, f.role) for f in figures] == [(Decimal(3_000_000), "provincial")]


def test_an_english_message_s_sentences_are_its_clauses(index: SearchIndex):
    understood = Reader(index).read("Hi, I'm an engineer in Qujiang. We got RMB 2.5 million. Who issued it?")
    said = ["Hi", "I'm an engineer in Qujiang", "We got RMB 2.5 million", "Who issued it"]
    assert understood.clauses == said


def test_a_few_questions_said_first_is_no_question_of_its_own(composer: Composer):
    text = composer.answer("几个问题：1.入库几号截止 2.验收几号截止", None, LATER).text
    assert "7月8日" in text and "8月26日" in text and "联系人" not in text


def test_an_unstated_detail_offers_the_clauses_of_its_own_words(composer: Composer):
    first = composer.answer("现在还能不能入库", None, LATER)
    detail = composer.answer("验收专家一般有几个人？", None, LATER, first.context)
    offered = [m.entry.id for m in detail.suggestions]
    assert detail.entry_id is None and "project-acceptance" in offered and "still-open" not in offered


@pytest.mark.parametrize(
    "question",
    ["边缘计算和云计算有什么区别", "What is the difference between edge computing and cloud computing?"],
)
def test_the_unstated_reply_points_only_at_clauses_it_offers(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    points = "下面的问题" in composed.text or "suggestions below" in composed.text
    assert composed.entry_id is None and (composed.suggestions or not points)


@pytest.mark.parametrize(
    ("before", "question"),
    [("入库什么时候截止", "什么是边缘计算"), ("When is the entry deadline?", "What is edge computing?")],
)
def test_what_a_named_technology_is_stands_on_its_own_after_another_question(
    composer: Composer, before: str, question: str
):
    first = composer.answer(before, None, JUNE_20)
    composed = composer.answer(question, None, JUNE_20, first.context)
    assert composed.entry_id is None and not composed.followup


def test_every_outside_word_a_phrase_writes_is_read_across_clauses(
    composer: Composer, kb: KnowledgeBase, index: SearchIndex
):
    # read from the patterns joined, the later ones fell past the length a question is read to
    outputs = {
        index.normaliser.canonical(o, correct=False).replace(" ", "")
        for o in kb.lexicon.phrase_patterns.values()
    }
    written = {w for o in kb.lexicon.phrase_patterns.values() for w in index.outside_words(o) if w in outputs}
    assert "专网资费" in written and written <= composer.phrase_outside


def test_a_follow_up_asks_about_the_direction_the_answer_was_about(composer: Composer):
    # the first message names no direction; its answer is direction 2's (a software firm)
    first = composer.answer("我们是软件公司能报哪个方向", None, JUNE_20)
    assert first.entry_id == "direction-2-scope"
    composed = composer.answer("那最高补多少", None, JUNE_20, first.context)
    assert composed.followup and composed.entry_id == "direction-2-amount"
    assert "最高不超过50万元" in composed.text and "支持方向（二）" not in composed.text


def test_a_firms_own_figure_is_worked_for_the_direction_whose_applicant_it_is(composer: Composer):
    question = "我们是软件公司，给几家厂部署了平台，省里给了二百万，市里能配多少"
    text = composer.answer(question, None, JUNE_20).text
    assert "方向二（行业性工业互联网平台标杆项目）：省级专项资金200万元 × 10% = 20万元" in text
    assert "方向一" not in text and "方向四" not in text  # no applicant of theirs is a software firm


@pytest.mark.parametrize(
    "question",
    [
        "我们不是软件公司，是做陶瓷的制造企业，能报哪个方向",
        "We are not a software company, which direction fits us?",
    ],
)
def test_a_kind_of_firm_said_not_to_be_names_no_direction(composer: Composer, question: str):
    assert composer.answer(question, None, JUNE_20).entry_id != "direction-2-scope"


def test_blanking_an_outside_word_leaves_no_new_one_across_punctuation(composer: Composer):
    # 培训 is outside; blanked, 员工工资、 费 reads as 资费, outside too: whether it counts is asked
    composed = composer.answer("员工工资、培训费可以算项目投资吗？", None, JUNE_20)
    assert composed.entry_id == "investment-scope" and "设备、材料、软件等各类采购费用" in composed.text


def test_the_lowest_cap_is_answered_with_every_directions_cap(composer: Composer):
    composed = composer.answer("四种项目里哪个封顶最低？", None, JUNE_20)
    assert composed.entry_id == "amounts-overview" and "最高50万元" in composed.text
    assert composer.answer("韶关最低工资标准现在是多少", None, JUNE_20).entry_id is None


def test_a_misheard_base_is_still_worked_and_a_second_question_answered(composer: Composer):
    text = composer.answer("我们上云项目 生级专项资金45万 市里能配套多少", None, JUNE_20).text
    assert "省级专项资金45万元 × 10% = 4.5万元" in text
    text = composer.answer("5G项目省级资金680万 市里能给多少 另外要等验收完才给吗", None, JUNE_20).text
    assert "68万元" in text and "事后奖补" in text


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [("rk申报是企业直接报市局吗", "入库申报是企业直接报市局吗"), ("ys要交什么", "验收要交什么")],
)
def test_pinyin_initials_typed_as_words_stand_for_the_notices_terms(
    composer: Composer, typed: str, spelled: str
):
    answer = composer.answer(typed, None, JUNE_20)
    assert answer.entry_id is not None and answer.text == composer.answer(spelled, None, JUNE_20).text


def test_pinyin_initials_inside_an_english_word_are_left_alone(composer: Composer):
    canonical = composer.index.normaliser.canonical("Does the work need to be done by August? yes, days")
    assert "入库" not in canonical and "验收" not in canonical


def test_the_paperwork_of_a_project_told_is_the_notices(composer: Composer):
    composed = composer.answer("在阿里云上部署了MES，要准备什么材料", None, JUNE_20)
    assert composed.entry_id == "materials-overview"


def test_the_year_a_firm_was_set_up_somewhere_is_no_round_of_its_own(composer: Composer):
    question = (
        "我们是广州的一家软件公司，2020年在韶关武江注册了子公司，给本地几家陶瓷厂部署了一套AI视觉质检平台，"
        "省里给了200万专项。想问这个算不算行业性标杆项目？市里能配套多少？"
    )
    assert "省级专项资金200万元 × 10% = 20万元" in composer.answer(question, None, JUNE_20).text
    assert composer.answer("2021年在韶关的项目验收结果公布了吗", None, JUNE_20).entry_id is None


def test_an_industrial_cloud_is_direction_one(composer: Composer):
    question = "2022年初上了工业云，省级专项资金拿到了1500万，那市级按10%是不是就有150万？"
    text = composer.answer(question, None, JUNE_20).text
    assert "方向一（工业企业“上云上平台”）：省级专项资金1500万元" in text and "方向二" not in text


def test_a_message_with_its_own_thing_and_date_is_no_follow_up(composer: Composer):
    first = composer.answer("我们是软件公司，部署了AI质检平台，省里给了200万，市里能配多少？", None, JUNE_20)
    composed = composer.answer("项目2022年8月30日完工，就晚了几天，有问题吗？", None, JUNE_20, first.context)
    assert not composed.followup and composed.entry_id == "construction-window"
    assert "200万元" not in composed.text


def test_the_county_a_firm_is_in_does_not_make_a_question_about_registration(composer: Composer):
    assert composer.answer("我们曲江的，入库去哪里报", None, JUNE_20).entry_id == "where-to-submit"
    composed = composer.answer("我们在韶关高新区，验收材料交给谁？", None, JUNE_20)
    assert composed.entry_id == "where-to-submit" and "高新区管委会" in composed.text
    # which of two places counts is the question itself
    two_places = composer.answer("郴州宜章的厂，在乐昌有个仓，可不可以申请这个项目", None, JUNE_20)
    assert "注册登记" in two_places.text


def test_waiting_for_the_project_to_be_done_asks_how_the_city_pays(composer: Composer):
    question = "上云项目，在浈江区，省级专项给了260万。市里配套是多少？是直接打款还是要等项目做完？"
    text = composer.answer(question, None, JUNE_20).text
    assert "26万元" in text and "事后奖补" in text


def test_two_asks_joined_in_one_clause_are_each_answered(composer: Composer):
    text = composer.answer("通知發佈日期同聯絡人？", None, JUNE_20).text
    assert "2022年6月10日" in text and "8884332" in text


def test_who_leads_the_round_is_who_issued_the_notice(composer: Composer):
    assert composer.answer("这次申报工作是哪个部门牵头？", None, JUNE_20).entry_id == "issuer-and-date"


def test_the_attachments_of_the_notice_are_its_list(composer: Composer):
    composed = composer.answer("What are the attachments of this notice?", None, JUNE_20)
    assert composed.entry_id == "attachments-list"


def test_money_before_building_asks_how_the_city_pays(composer: Composer):
    question = "Hi, do we get the money before we build the project, or afterwards?"
    assert composer.answer(question, None, JUNE_20).entry_id == "support-method"


def test_a_clause_cited_by_its_number_answers_first(composer: Composer):
    composed = composer.answer("通知第三部分第二条是讲系统性平台的吧？补多少？", None, JUNE_20)
    assert composed.entry_id == "direction-2-amount" and "50万元" in composed.text
    assert composer.answer("支持方向第四条是行业性平台吗？", None, JUNE_20).entry_id == "direction-4-scope"
    assert composer.answer("支持方式第三条", None, JUNE_20).entry_id == "direction-3-amount"
    assert composer.answer("What does section 3.2 say?", None, JUNE_20).entry_id == "direction-2-amount"
    # another law's clause is still another law's
    assert composer.answer("个税法第三部分第二条", None, JUNE_20).entry_id is None


def test_the_period_whose_investment_counts_is_the_construction_window(composer: Composer):
    composed = composer.answer("系统性平台项目投资的时间范围我记得是2022年全年？", None, JUNE_20)
    assert composed.entry_id == "construction-window"


def test_a_platform_outsourced_to_a_builder_asks_who_applies(composer: Composer):
    question = "個平台係外判畀軟件公司整嘅，由佢哋報定我哋報好？"
    assert composer.answer(question, None, JUNE_20).entry_id == "builder-applying"


def test_funding_used_for_a_thing_asks_how_the_money_may_be_used(composer: Composer):
    question = "funding 能用于 IT upgrade 吗？like new servers"
    assert composer.answer(question, None, JUNE_20).entry_id == "fund-management"


def test_other_matters_told_with_everyday_words_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "韶关市财政局电话多少",
            "员工离职不交接，公司能扣他工资吗",
            "电脑中了勒索病毒，文件都打不开了怎么办",
            "上市公司再融资有什么新规定",
            "How do I make a pivot table in Excel?",
        ),
    )
    # the city's finance bureau paying the subsidy is the notice's own step
    assert composer.answer("验收通过后市财政局什么时候拨款", None, JUNE_20).entry_id is not None


def test_the_notices_overall_goal_is_its_purpose(composer: Composer):
    question = "What's the overall goal of this notice? Our parent company in HK keeps asking why."
    assert composer.answer(question, None, JUNE_20).entry_id == "purpose"


def test_money_spent_buying_things_asks_what_investment_covers(composer: Composer):
    question = "系统性平台项目的投资里面，买服务器和软件的钱算不算？"
    assert composer.answer(question, None, JUNE_20).entry_id == "investment-scope"


def test_the_form_of_the_firms_commitment_is_attachment_five(composer: Composer):
    assert "附件5：承诺书" in composer.answer("附件里有没有要企业做承诺的模板", None, JUNE_20).text


def test_a_research_institutes_branch_asks_who_may_apply(composer: Composer):
    composed = composer.answer("高校研究院在韶关设的分院呢", None, JUNE_20)
    assert composed.entry_id == "registration-jurisdiction"


def test_completion_dates_told_are_judged_against_the_construction_window(composer: Composer):
    question = (
        "我们乐昌这个5G项目分两期，一期2021年5月完成投了120万，二期2022年7月完成投了340万，想问下哪期能报？"
    )
    text = composer.answer(question, None, JUNE_20).text
    assert "2021年5月完成：早于建设期起点2021年9月30日，不在建设期内" in text
    assert "2022年7月完成：整个月都在建设期2021年9月30日至2022年8月26日之内" in text


def test_a_part_of_a_month_of_completion_is_judged(composer: Composer):
    inside = composer.answer("项目2022年8月上旬完工，符合建设期吗", None, JUNE_20).text
    assert "2022年8月1日至10日完成：这段时间都在建设期" in inside
    edge = composer.answer("项目2022年8月下旬完工，行不行", None, JUNE_20).text
    assert "2022年8月21日至31日完成：要看具体哪一天" in edge
    late = composer.answer("项目2022年9月5日完工，能报吗", None, JUNE_20).text
    assert "晚于建设期终点2022年8月26日，晚了10天" in late
    edge = composer.answer("项目2021年9月完工的能报吗", None, JUNE_20).text
    assert "2021年9月完成：要看具体哪一天" in edge
    english = composer.answer("Our MES went live on July 15, 2022. Can we apply?", None, JUNE_20).text
    assert "Completed on July 15, 2022: within the construction window" in english
    # the window restated, and a stage handed in, are no completion of the project
    assert "完成：" not in composer.answer("项目须在8月26日前完成吗", None, JUNE_20).text
    assert "完成：" not in composer.answer("入库申报2022年7月1日完成了，验收什么时候交", None, JUNE_20).text


def test_month_and_day_typed_with_a_slash_are_dates():
    assert read_dates("入库7/5交，验收8/20交") == [(None, 7, 5), (None, 8, 20)]
    assert read_dates("2022/8/26") == [(2022, 8, 26)]
    assert read_dates("比例1/3") == [] and read_dates("1/3的钱") == []


def test_hand_in_days_typed_with_a_slash_are_judged_and_answered_first(composer: Composer):
    composed = composer.answer("入库7/5交，验收8/20交，两个都没问题吧", None, JUNE_20)
    assert composed.entry_id == "entry-deadline"
    assert "2022年7月5日交入库申报：在截止日2022年7月8日之前，早3天" in composed.text
    assert "联系人" not in composed.text  # 没问题吧 asks whether it is all right, not whom to ask


def test_the_construction_period_asked_by_its_name(composer: Composer):
    assert composer.answer("建设期截至哪天？", None, JUNE_20).entry_id == "construction-window"
    assert composer.answer("项目建设要在几号之钱完成", None, JUNE_20).entry_id == "construction-window"


def test_english_ask_words_are_whole_words(composer: Composer):
    reader = composer.reader
    assert reader.intents_of("we make capacitor foil, what kinds of scenarios") == []
    assert reader.intents_of("is it capped like the other one") == ["cap"]
    assert reader.intents_of("the whole process") == ["process"]


def test_which_office_issued_the_notice_is_its_issuer(composer: Composer):
    composed = composer.answer("Which city office issued this notice, and when?", None, JUNE_20)
    assert composed.entry_id == "issuer-and-date"
    relayed = composer.answer("老板以为这个申报是省工信厅搞的，是吗？到底哪级单位发的？", None, JUNE_20)
    assert relayed.entry_id == "issuer-and-date"


def test_who_relays_an_english_question_is_no_part_of_it(composer: Composer):
    question = (
        "Consultant here for a software client. They run an industry platform in Shaoguan and got "
        "RMB 3 million of provincial special funds. How much is the city top-up, and is there a cap?"
    )
    assert "RMB 300,000" in composer.answer(question, None, JUNE_20).text
    pa = "PA to our CEO: which companies qualify for the benchmark platform matching?"
    assert composer.answer(pa, None, JUNE_20).entry_id is not None


def test_a_firm_of_another_place_is_told_where_it_must_be_registered(composer: Composer):
    question = "我们是深圳的软件公司，平台部署在韶关两家工厂，能申请标杆项目吗"
    assert "不在韶关注册登记的单位不符合条件" in composer.answer(question, None, JUNE_20).text


def test_who_pays_is_the_citys_funds(composer: Composer):
    composed = composer.answer("老板问这笔钱是中央财政出的还是哪里出的？", None, JUNE_20)
    assert composed.entry_id == "support-method"
    assert composer.answer("能不能先拿到补贴再开始建设", None, JUNE_20).entry_id == "support-method"


def test_a_greeting_before_a_question_mark_is_no_small_talk(composer: Composer):
    question = "Hi, I'm the office manager at a bamboo factory. The boss asks: city money or province money?"
    assert composer.answer(question, None, JUNE_20).kind.value != "greeting"


def test_bookkeeping_the_subsidy_asks_for_the_dedicated_account(composer: Composer):
    composed = composer.answer("会计问：奖补资金记在哪个账上？能和别的钱混在一起吗", None, JUNE_20)
    assert composed.entry_id == "fund-management"
    english = composer.answer(
        "Our accountant asks whether the subsidy can be used to pay off a loan.", None, JUNE_20
    )
    assert english.entry_id == "fund-management"


def test_the_number_of_directions_asked_before_a_story_naming_one(composer: Composer):
    question = "助理问：这个通知支持方向一共几个？分别是啥？老板只记得上云"
    assert composer.answer(question, None, JUNE_20).entry_id == "directions-overview"


def test_a_scenario_said_by_its_head_nouns_names_its_direction(composer: Composer):
    question = "We want AI video surveillance on our line. Which support direction is that?"
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-2-scope"


def test_an_attachment_named_by_its_english_title(composer: Composer):
    text = composer.answer("Which attachment is the summary table?", None, JUNE_20).text
    assert "Attachment 2:" in text


def test_cantonese_is_and_particles_are_read(composer: Composer):
    assert composer.answer("驗收係邊個嚟驗㗎？", None, JUNE_20).entry_id == "project-acceptance"
    assert (
        composer.answer("翁源企业：老板说验收是县工信局来验，对吗？", None, JUNE_20).entry_id
        == "project-acceptance"
    )


def test_other_registrar_and_county_matters_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "营业执照变更在韶关哪里办",
            "工商变更登记要带什么材料去办？",
            "我们县有没有自己的配套政策？",
            "怎么用Grafana搭看板",
        ),
    )
    moved = composer.answer("我们刚从广州迁到浈江，工商注册变更已经办好了，现在能报吗", None, JUNE_20)
    assert moved.entry_id == "registration-jurisdiction"


def test_the_subsidy_used_for_other_things_asks_how_it_may_be_used(composer: Composer):
    for question in ("我们想用补贴款给仓库翻新一下，可以吗", "补贴到账以后发给销售团队当奖金，会不会有问题"):
        assert composer.answer(question, None, JUNE_20).entry_id == "fund-management", question


def test_who_reviews_at_the_acceptance_stage_is_the_acceptance(composer: Composer):
    question = "Who evaluates our project at acceptance, and is it published?"
    assert composer.answer(question, None, JUNE_20).entry_id == "project-acceptance"


def test_a_story_clause_naming_an_ask_is_not_what_is_asked(composer: Composer):
    question = "我们2020年有个技改补贴因为资料不实被追回过，今年还有资格报这个项目吗？"
    assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions"


def test_a_direction_said_not_to_be_the_projects_is_not_named(composer: Composer):
    question = "我们用AI视觉做产品质检的平台，给同行业企业用，报哪个方向？没用5G"
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-2-scope"


def test_size_asks_who_may_apply(composer: Composer):
    question = "我們是翁源的小微企業，只有二十個人，規模有要求嗎？"
    assert composer.answer(question, None, JUNE_20).entry_id == "who-can-apply"


def test_a_year_counted_from_today_offered_for_the_notice(composer: Composer):
    composed = composer.answer("同事说这个通知是去年年底出的，对吗？", None, JUNE_20)
    assert composed.entry_id == "issuer-and-date" and "2022年6月10日" in composed.text


def test_more_near_misses_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "外地员工子女入学要准备什么材料",
            "招两个电工，有推荐的劳务公司吗",
            "How do I renew our business license online?",
        ),
    )


def test_whether_the_platform_must_be_used_locally_names_the_directions_rule(composer: Composer):
    question = (
        "Our systemic platform investment is CNY 3 million. City subsidy? Must the platform be used locally?"
    )
    text = composer.answer(question, None, JUNE_20).text
    assert "RMB 300,000" in text and "manufacturing enterprises" in text


def test_a_clause_cited_by_number_is_no_follow_up(composer: Composer):
    first = composer.answer("5G项目省级给了300万，市级配多少？", None, JUNE_20)
    composed = composer.answer("通知第三部分第二条补多少？", None, JUNE_20, first.context)
    assert not composed.followup and composed.entry_id == "direction-2-amount"
    assert "5G" not in composed.text


def test_money_before_acceptance_asks_how_the_city_pays(composer: Composer):
    question = "通知说验收通过的项目才奖补，那验收通过前有没有钱？"
    assert composer.answer(question, None, JUNE_20).entry_id == "support-method"


def test_the_last_pairs_kinds_of_asking(composer: Composer):
    cases = {
        "补贴用剩下的钱能转去广告预算吗？": "fund-management",
        "KPI 写“降低成本”可以吗，还是要具体数字？": "performance-targets",
        "我們有3個數字化項目，能全報嗎": "max-two-projects",
    }
    for question, entry_id in cases.items():
        assert composer.answer(question, None, JUNE_20).entry_id == entry_id, question
    assert "Attachment 5:" in composer.answer("Which annex is the commitment letter?", None, JUNE_20).text
    excluded = composer.answer("申报企业有什么负面清单吗？比如被法院强制执行的", None, JUNE_20)
    assert excluded.entry_id is not None and "失信被执行人" in excluded.text
    for outside in ("What does OEE mean in manufacturing?", "钢厂超低排放改造有没有专项资金"):
        assert composer.answer(outside, None, JUNE_20).entry_id is None, outside


def test_todays_date_asked_alone_is_told(composer: Composer):
    composed = composer.answer("今天几号了？", None, JUNE_20)
    assert composed.entry_id is None and "今天是2022年6月20日" in composed.text
    english = composer.answer("What's the date today?", None, dt.date(2026, 12, 2))
    assert english.entry_id is None and "Today is December 2, 2026" in english.text
    # today's date beside a question of the notice is that question's
    assert composer.answer("今天几号了，还能报吗", None, JUNE_20).entry_id is not None


def test_the_projects_own_day_is_no_deadline_offered(composer: Composer):
    question = "Our MES went live on July 15, 2022. Is it inside the window, and when is the entry deadline?"
    text = composer.answer(question, None, JUNE_20).text
    assert "Not July 15" not in text and "Completed on July 15, 2022: within the construction window" in text
    assert "不是7月15日" in composer.answer("入库是7月15号截止吧", None, JUNE_20).text


def test_entry_done_then_what_to_hand_in_is_the_acceptance_materials(composer: Composer):
    for question in ("我们项目已经入了库，还要准备交什么？", "入库以后还得再交啥材料才有钱"):
        assert composer.answer(question, None, JUNE_20).entry_id == "acceptance-materials", question
    assert composer.answer("入库的时候要交什么", None, JUNE_20).entry_id == "entry-materials"


def test_whether_the_firm_hands_entry_to_the_city_itself_is_where_to_submit(composer: Composer):
    for question in ("入库是我们自己报到市局的吗", "入库是企业直接报去市局吗"):
        assert composer.answer(question, None, JUNE_20).entry_id == "where-to-submit", question


def test_a_thing_the_notice_never_lists_asked_whether_it_fits_gets_the_directions(composer: Composer):
    for question in (
        "我们厂是做光伏发电的，可以报这个工业互联网项目吗",
        "想搞一次安全生产培训，培训费能用这个通知申请吗",
    ):
        composed = composer.answer(question, None, JUNE_20)
        assert composed.entry_id == "directions-overview" and "没有单列" in composed.text, question
    # the notice's own rule of a thing it names is answered, not the directions
    dishonest = composer.answer("我们被列为失信被执行人了，还能报这个项目吗", None, JUNE_20)
    assert dishonest.entry_id == "compliance-conditions"
    # telling that the notice is used, then asking of another programme: that one is outside
    other = "我们想借这个通知申请点奖补，另外标识解析二级节点有补贴吗？"
    assert composer.answer(other, None, JUNE_20).entry_id is None


def test_another_bureau_offered_as_who_does_a_step(composer: Composer):
    assert composer.answer("申请是不是交到市财政局？", None, JUNE_20).entry_id == "where-to-submit"
    assert composer.answer("项目验收是发改局组织的吧", None, JUNE_20).entry_id == "project-acceptance"
    assert composer.answer("发改局的电话多少", None, JUNE_20).entry_id is None


def test_besides_the_city_any_other_support_is_one_question(composer: Composer):
    question = "项目做得很出色的话，除了市里还有其他支持吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "quality-project-recommendation"


def test_no_review_believed_asks_the_review(composer: Composer):
    assert composer.answer("入库不就是备个案吗，没人审吧", None, JUNE_20).entry_id == "entry-expert-review"
    question = "验收过了直接拨钱，不用对外公开吧"
    assert composer.answer(question, None, JUNE_20).entry_id == "project-acceptance"


def test_a_told_scenario_picks_the_direction_worked(composer: Composer):
    composed = composer.answer("我们做设备租赁环节上云，省里批了1200万，市里补多少", None, JUNE_20)
    assert composed.entry_id == "direction-1-amount" and "按最高计100万元" in composed.text
    composed = composer.answer("给钢厂做的设备智能维修运维平台，省里给了300万，市级多少", None, JUNE_20)
    assert composed.entry_id == "direction-2-amount" and "30万元" in composed.text


def test_an_unknown_error_name_with_only_how_to_fix_is_outside(composer: Composer):
    assert composer.answer("ImportError 怎么办", None, JUNE_20).entry_id is None
    assert composer.answer("错过了入库怎么办", None, JUNE_20).entry_id is not None


def test_where_and_why_ask_in_english(composer: Composer):
    question = "Which forms go in at the entry stage? and where to hand them in?"
    composed = composer.answer(question, None, JUNE_20)
    assert composed.entry_id == "entry-materials" and "Attachment 3" in composed.text


def test_which_level_of_government_pays(composer: Composer):
    composed = composer.answer("奖补资金是哪级财政给的？市里还是省里", None, JUNE_20)
    assert composed.entry_id == "support-method" and "市级" in composed.text


def test_entered_is_not_yet_paid(composer: Composer):
    composed = composer.answer("我们已经入了库，肯定能拿到补贴吧", None, JUNE_20)
    assert "验收" in composed.text.split("\n")[0]


def test_doing_only_one_thing_asked_whether_it_counts_for_a_direction(composer: Composer):
    composed = composer.answer("上云方向光是买个云服务器就算吧", None, JUNE_20)
    assert composed.entry_id == "direction-1-scope"


def test_how_the_province_reviews_its_own_funds_is_outside(composer: Composer):
    assert composer.answer("省级专项资金是怎么评审的", None, JUNE_20).entry_id is None
    assert composer.answer("入库项目怎么评审", None, JUNE_20).entry_id == "entry-expert-review"


def test_an_outside_word_is_never_corrected_into_a_known_one(composer: Composer):
    # 招人 (hiring) is no homophone slip of 找人, and 哪里招 beside it is no 哪里找
    assert composer.answer("厂里缺电工，韶关哪里招人容易", None, JUNE_20).entry_id is None


def test_several_firms_figures_listed_are_each_worked(composer: Composer):
    question = "园区两家企业都报上云：一家省级资金批了60万，另一家批了1500万，市级各配多少"
    text = composer.answer(question, None, JUNE_20).text
    assert "6万元" in text and "按最高计100万元" in text
    text = composer.answer("A厂上云拿了省级专项资金90万，B厂拿了200万，市里分别配多少", None, JUNE_20).text
    assert "9万元" in text and "20万元" in text


def test_how_two_directions_differ_gives_both_scopes(composer: Composer):
    composed = composer.answer("行业性标杆和系统性平台到底啥区别？", None, JUNE_20)
    assert "方向二支持" in composed.text and "方向三支持" in composed.text


def test_the_base_of_a_rate_asked(composer: Composer):
    question = "标杆项目是按省级资金的10%，那系统性平台是按什么的10%？"
    assert "按项目投资的10%" in composer.answer(question, None, JUNE_20).text


def test_more_ways_of_naming_the_entry_steps(composer: Composer):
    text = composer.answer("入库申请的截止日是哪天？验收时还要交申报书吗", None, JUNE_20).text
    assert text.startswith("关键时间：入库申报2022年7月8日前") and "附件4" in text
    text = composer.answer("入库那一步专家评完了在哪公布", None, JUNE_20).text
    assert "网站公示" in text


def test_a_fine_said_with_its_count_asks_the_conditions(composer: Composer):
    question = "有家厂被环保罚过一次款，不算大事，能申报吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions"


def test_where_the_answer_will_be_written_is_no_question(composer: Composer):
    composed = composer.answer("呢份通知係邊日發嘅 我要填喺報告度", None, JUNE_20)
    assert composed.entry_id == "issuer-and-date"


def test_the_database_application_sent_straight_or_via_someone(composer: Composer):
    question = "should we send the database application straight to the city bureau or via someone else?"
    assert composer.answer(question, None, JUNE_20).entry_id == "where-to-submit"


def test_more_english_and_office_near_misses_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "We need to learn the VAT export rebate procedure. How long does it usually take in Guangdong?",
            "Our foreign engineers need work permits. What papers does the foreign experts bureau want?",
            "打印机一直卡纸怎么弄，材料都打不出来",
        ),
    )
    assert composer.answer("纸质材料要打印几份？", None, JUNE_20).entry_id == "paper-copies"


def test_a_choice_of_directions_answered_by_the_scenario_told(composer: Composer):
    question = "我们用传感器加AI做全生产流程的能耗监控，到底报上云还是报5G？"
    assert composer.answer(question, None, JUNE_20).text.startswith("方向四支持")


def test_what_the_notice_is_for_asked_plainly(composer: Composer):
    assert composer.answer("这个通知是做什么的", None, JUNE_20).entry_id == "purpose"


def test_english_provincial_figures_said_of_guangdong_and_in_mn(composer: Composer):
    text = composer.answer(
        "Cloud migration project, Guangdong gave us RMB 3.2 million. City top-up?", None, JUNE_20
    ).text
    assert "RMB 320,000" in text
    text = composer.answer(
        "Province approved RMB 1.8 mn for our cloud project. City matching?", None, JUNE_20
    ).text
    assert "RMB 180,000" in text


def test_office_and_labour_near_misses_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "Excel公式老是报错，怎么解决",
            "想做ISO45001认证，有补贴吗",
            "电子签章去哪里办",
            "招普工去哪里招比较快",
            "试用期最长可以约定多久",
        ),
    )


def test_where_a_firms_people_or_suppliers_are_from_is_no_other_place(composer: Composer):
    question = "When exactly is the entry deadline? Our Taiwan GM wants the date"
    assert composer.answer(question, None, JUNE_20).entry_id == "entry-deadline"
    assert composer.answer("Does Suzhou have a similar subsidy?", None, JUNE_20).entry_id is None


def test_a_stage_sent_on_a_day_is_judged(composer: Composer):
    question = "Could we send the acceptance papers on 2 Sep 2022? Our supplier in Suzhou is late"
    text = composer.answer(question, None, JUNE_20).text
    assert "after the deadline of August 26, 2022" in text


def test_an_english_incident_that_may_bar_the_firm_asks_the_conditions(composer: Composer):
    for question in (
        "We had a small fire incident at the plant last year, nobody hurt. Does this block us?",
        "A client had a minor safety incident in 2021. Does that disqualify them?",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions", question


def test_the_grant_used_as_working_capital_asks_how_it_may_be_used(composer: Composer):
    question = "Once the subsidy lands, could we use it as working capital?"
    assert composer.answer(question, None, JUNE_20).entry_id == "fund-management"
    loan = "Which bank gives working capital loans in Shaoguan?"
    assert composer.answer(loan, None, JUNE_20).entry_id is None


def test_a_decimal_point_ends_no_clause_of_a_figure(composer: Composer):
    question = (
        "Province granted RMB 1.5 million for our cloud project and RMB 4 million for a 5G line. City money?"
    )
    text = composer.answer(question, None, JUNE_20).text
    assert "RMB 150,000" in text and "RMB 400,000" in text


def test_each_firms_amount_asked_is_not_summed(composer: Composer):
    text = composer.answer("甲厂上云省级资金批了60万，乙厂批了200万，市里各配多少", None, JUNE_20).text
    assert "6万元" in text and "20万元" in text and "合计" not in text
    text = composer.answer("两个上云项目省级分别给了60万和200万，市里一共配多少", None, JUNE_20).text
    assert "合计约26万元" in text


def test_a_question_of_its_own_after_figures_is_no_follow_up(composer: Composer):
    first = composer.answer("甲厂上云省级资金批了60万，乙厂批了200万，市里各配多少", None, JUNE_20)
    composed = composer.answer("入库申报是我们自己报到市局吗", None, JUNE_20, first.context)
    assert not composed.followup and composed.entry_id == "where-to-submit"
    assert "60万元" not in composed.text


def test_a_question_naming_a_place_of_its_own_is_no_follow_up(composer: Composer):
    first = composer.answer("奖补资金属于哪一级财政", None, JUNE_20)
    composed = composer.answer("曲江属于哪个区", None, JUNE_20, first.context)
    assert not composed.followup and composed.entry_id == "registration-jurisdiction"
    assert "事后奖补" not in composed.text


def test_a_year_no_later_than_the_notices_tells_when(composer: Composer):
    question = "can we count the servers we bought in aug 2021 into project investment?"
    assert composer.answer(question, None, JUNE_20).entry_id == "investment-scope"
    assert composer.answer("韶关明年还有没有新的工业互联网补贴？2026年的", None, JUNE_20).entry_id is None


def test_a_relayer_or_the_firms_own_office_abroad_is_no_other_place(composer: Composer):
    question = "What are the basic eligibility criteria? brief pls, it's for our Hong Kong board meeting"
    assert composer.answer(question, None, JUNE_20).entry_id == "who-can-apply"
    question = "Is the entry result published anywhere? HQ wants to see it"
    assert composer.answer(question, None, JUNE_20).entry_id is not None


def test_systems_moved_onto_a_vendors_cloud_go_to_the_cloud(composer: Composer):
    assert composer.answer("我们想把ERP搬到华为云，报哪一类", None, JUNE_20).entry_id == "direction-1-scope"
    question = "we run our CRM on aliyun now, is this in support scope?"
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-1-scope"
    assert composer.answer("阿里云和华为云哪个好", None, JUNE_20).entry_id is None


def test_a_fire_or_an_injury_before_applying_asks_the_conditions(composer: Composer):
    for question in (
        "车间去年着火了，还能申报吗",
        "Someone got hurt on the line last year, does that stop us?",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions", question
    for question in ("仓库着火了怎么办", "how to claim work injury insurance"):
        assert composer.answer(question, None, JUNE_20).entry_id is None, question


def test_english_answers_name_the_notices_own_terms(composer: Composer):
    text = composer.answer("What technologies is the benchmark platform based on?", "en", JUNE_20).text
    assert "artificial intelligence" in text
    text = composer.answer("What does the 5G direction support?", "en", JUNE_20).text
    assert "新一代信息通信技术" in text
    text = composer.answer("What materials do we hand in?", "en", JUNE_20).text
    assert "7 copies (一式七份)" in text


def test_all_of_three_projects_at_once_asks_the_limit(composer: Composer):
    for question in ("can we submit all three projects?", "老板想一口气报四个项目"):
        assert composer.answer(question, None, JUNE_20).entry_id == "max-two-projects", question


def test_which_bureaus_organise_a_step_asks_who(composer: Composer):
    question = "Which bureaus organise the database registration?"
    assert composer.answer(question, None, JUNE_20).entry_id == "where-to-submit"
    assert composer.answer("县里收了验收材料以后干嘛", None, JUNE_20).entry_id == "where-to-submit"
    question = "市工信局收到县里报上来的验收申请后干嘛"
    assert composer.answer(question, None, JUNE_20).entry_id == "project-acceptance"


def test_a_batch_of_equipment_bought_last_year_is_no_round(composer: Composer):
    question = "建设期从什么时候算？想把去年的一批设备采购也算进去"
    assert composer.answer(question, None, LATER).entry_id == "investment-scope"


def test_other_bodies_green_and_vehicle_subsidies_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "锅炉煤改气有什么补贴",
            "买新能源车有没有购车补贴",
            "Any subsidy for a new energy truck?",
        ),
    )


def test_more_english_ways_of_asking_the_notices_rules(composer: Composer):
    cases = {
        "the support is a loan or a grant?": "support-method",
        "we have ISO 9001, where do we apply for the subsidy?": "materials-overview",
        "What decides the size of the 5G subsidy?": "direction-4-amount",
        "do they consult other departments on the acceptance result?": "project-acceptance",
        "Can we email the acceptance report straight to the city bureau?": "where-to-submit",
    }
    assert_answered_by(composer, cases)


def test_dim_sum_and_a_platforms_customers_elsewhere(composer: Composer):
    assert composer.answer("有冇推薦韶關嘅飲早茶地方", None, JUNE_20).entry_id is None
    question = "系统性平台要满足什么条件？我们平台主要客户在清远"
    assert composer.answer(question, None, JUNE_20).entry_id == "who-can-apply"


def test_no_money_from_the_province_said_in_english(composer: Composer):
    question = "nothing from the province for our cloud project, can we still get city money?"
    assert "without provincial special funds" in composer.answer(question, None, JUNE_20).text


def test_how_to_book_the_subsidy_asks_its_dedicated_account(composer: Composer):
    for question in (
        "奖补资金到账之后要点样做账",
        "这笔 money 在 accounting 上怎么处理",
        "想把补贴计入营业外收入统一用",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id == "fund-management", question
    question = "补贴收入计入营业外收入还是递延收益"
    assert composer.answer(question, None, JUNE_20).entry_id is None


def test_what_the_local_bureau_does_asked_bare(composer: Composer):
    assert composer.answer("验收申请要先交当地吗？当地要做咩？", None, JUNE_20).entry_id == "where-to-submit"


def test_the_subsidy_may_buy_or_has_restrictions_in_mixed_languages(composer: Composer):
    for question in ("补贴 money 可以买 servers 吗", "Money 拿到后 有没有 restrictions"):
        text = composer.answer(question, None, JUNE_20).text
        assert "不得挪用" in text, question


def test_twenty_and_thirty_as_one_character_in_dates():
    assert to_arabic("八月廿六前") == "8月26前"
    assert to_arabic("九月卅日") == "9月30日"
    assert to_arabic("廿一世纪") == "廿一世纪"  # not after a month: no date
    assert read_dates("八月廿六前交得唔得") == [(None, 8, 26)]


def test_a_later_year_told_beside_the_notices_own_round(composer: Composer):
    cases = {
        "2026年新来的会计，看到账上有笔2022年的工业互联网补贴，当时规定这钱怎么管": "fund-management",
        "2022年那个工业互联网项目的验收是谁组织的？2026年审计来问": "project-acceptance",
        "现在都2026年11月了，2022年那个工业互联网项目还能补报吗": "still-open",
    }
    assert_answered_by(composer, cases, LATER)
    assert composer.answer("呢份係2022年定2023年嘅申報？", None, LATER).entry_id == "issuer-and-date"


def test_more_cantonese_and_colloquial_asks(composer: Composer):
    question = "項目投資都計邊啲？我哋買咗伺服器同MES軟件"
    assert composer.answer(question, None, JUNE_20).entry_id == "investment-scope"
    question = "區工信局收咗我哋驗收材料之後要做啲咩？"
    assert composer.answer(question, None, JUNE_20).entry_id == "where-to-submit"
    question = "上云和5G都想报，会不会只能选一个"
    assert "最多申请2个项目" in composer.answer(question, None, JUNE_20).text
    for question in ("客户有三个子项目，能否拆开分别申报", "上云、标杆、系统性平台一共三个，行不"):
        assert composer.answer(question, None, JUNE_20).entry_id == "max-two-projects", question


def test_no_provincial_funds_approved_and_a_contractor_who_built(composer: Composer):
    question = "上云项目省级专项资金没批下来，市里还能单独给钱吗"
    assert "没有省级专项资金时" in composer.answer(question, None, JUNE_20).text
    question = "We are the integrator who built the MES for a Wujiang plant. Can we apply?"
    assert composer.answer(question, None, JUNE_20).entry_id == "builder-applying"


def test_part_of_the_money_given_or_spent_asks_how_it_may_be_used(composer: Composer):
    for question in (
        "补贴到账后能不能拿一部分给软件公司做尾款",
        "那笔钱我们拿了一部分去买原材料，可以吗",
        "money received, can we use it to pay next year's software licence?",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id == "fund-management", question


def test_who_pays_asked_as_paid_by(composer: Composer):
    question = "Is the subsidy paid by the city or by the province?"
    assert "city-level funds" in composer.answer(question, None, JUNE_20).text


def test_a_fire_that_may_kill_the_application(composer: Composer):
    question = "A small fire in our workshop last year, nobody hurt. Does that kill our application?"
    assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions"


def test_another_programmes_funds_faulted_years_ago_said_in_one_breath(composer: Composer):
    question = "我们五年多前有个技改资金被查出问题整改过了这次还受影响吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions"
    assert composer.answer("我们这次想报技改资金，怎么申请", None, JUNE_20).entry_id is None


def test_kpis_needed_ask_the_performance_targets(composer: Composer):
    assert composer.answer("Are KPIs required?", None, JUNE_20).entry_id == "performance-targets"
    assert (
        composer.answer("How should I write KPIs for a CRM rollout in general?", None, JUNE_20).entry_id
        is None
    )


def test_layoffs_mail_and_depreciation_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "We need to lay off 8 workers, what's the severance?",
            "企业邮箱收不到外部邮件怎么办",
            "Excel formula for depreciation over 5 years?",
        ),
    )


def test_consultants_ways_of_asking_the_notices_rules(composer: Composer):
    cases = {
        "Is there an overall ceiling when national support comes too?": "total-support-cap",
        "投资额按什么口径算？已经付出去的钱才算吗": "investment-scope",
        "How should our client book the subsidy once it arrives?": "fund-management",
        "单个企业有没有数量上限？客户想报三个": "max-two-projects",
    }
    assert_answered_by(composer, cases)
    question = "Should we book the subsidy as deferred income or other income?"
    assert composer.answer(question, None, JUNE_20).entry_id is None


def test_consultants_near_misses_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "帮客户做个网站多少钱",
            "软件企业认定和两免三减半怎么弄",
            "代理服务费按补贴的几个点收比较合理",
            "客户想去北交所上市，有什么要求",
            "How do I fix 'certificate expired' on the login page?",
        ),
    )
    assert composer.answer("设计咨询服务费能不能算项目投资", None, JUNE_20).entry_id == "investment-scope"


def test_a_later_year_told_in_english_beside_the_notices_round(composer: Composer):
    question = "Our consultant says 2026 we can still apply for the 2022 round. True?"
    assert composer.answer(question, None, LATER).entry_id == "still-open"
    assert composer.answer("Is this the 2022 or the 2023 round?", None, LATER).entry_id is None


def test_product_prices_picks_and_computer_trouble_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "How much does an edge gateway cost? Siemens or Advantech?",
            "What does a SCADA licence cost?",
            "What's the best MES for a tile plant with 3 kilns?",
            "电脑中毒了，文件被加密了怎么办",
            "西门子的5G模组多少钱一块",
            "我们想招个会数控的师傅，去哪里招比较好",
            "个体户变成有限公司要办什么手续",
            "What's the process to set up a subsidiary in Shaoguan? how long does it take?",
        ),
    )
    assert composer.answer("How much does the city give for a 5G project?", None, JUNE_20).entry_id == (
        "direction-4-amount"
    )


def test_english_words_said_apart_are_not_one_outside_word(composer: Composer):
    question = "Who can I phone about this notice? a name and number please"
    assert composer.answer(question, None, JUNE_20).entry_id == "contacts"


def test_a_firm_described_in_english_with_its_county(composer: Composer):
    question = "We're a small furniture workshop in Lechang. What kind of companies can apply?"
    assert composer.answer(question, None, JUNE_20).entry_id == "who-can-apply"
    question = "We're a Macau company with a plant in Nanxiong. Can we apply?"
    assert composer.answer(question, None, JUNE_20).entry_id == "registration-jurisdiction"


def test_cantonese_industry_platform_and_how_the_city_subsidises(composer: Composer):
    question = "我哋係軟件公司，幫陶瓷廠部署咗個行業平台，省級資金300萬，市級配套幾多？"
    composed = composer.answer(question, None, JUNE_20)
    assert composed.entry_id == "direction-2-amount" and "30万元" in composed.text
    question = "我哋想用AI做布料瑕疵檢測，畀成個行業用，算邊類？"
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-2-scope"
    assert composer.answer("上云项目市级怎么补", None, JUNE_20).entry_id == "direction-1-amount"
    assert composer.answer("韶關嘅工業互聯網項目最後補幾多點樣定？", None, JUNE_20).entry_id == "final-amount"
    assert composer.answer("材料漏了一份怎么补", None, JUNE_20).entry_id != "amount-calculation"


def test_a_higher_bodys_own_funds_asked_of_it(composer: Composer):
    assert_outside(
        composer,
        (
            "How do we apply for the provincial 专项资金 itself?",
            "省级专项资金去哪里申报",
            "Does the Guangdong provincial 专项资金 have its own cap?",
            "How many 5G projects does Guangdong province plan to fund?",
            "What was required in the (2021) Shaoguan industrial internet notice?",
        ),
    )


def test_an_or_that_begins_another_question_offers_no_choice_of_support(composer: Composer):
    question = "Is the city subsidy taxable, or can we treat it as non-taxable income?"
    assert composer.answer(question, None, JUNE_20).entry_id is None
    assert composer.answer("Is this a grant or a loan?", None, JUNE_20).entry_id == "support-method"


def test_more_english_ways_of_asking_conditions_and_money(composer: Composer):
    cases = {
        "We were fined for late VAT filings last year — is that a serious violation here?": (
            "compliance-conditions"
        ),
        "How far back do they look at financial irregularities?": "compliance-conditions",
        "Our product recall in 2021 for a quality defect: a problem for applying?": "compliance-conditions",
        "Does the city ask other departments for views before acceptance is confirmed?": "project-acceptance",
        "Can the city money be used as working capital?": "fund-management",
        "when do we need to have the entry docs in?": "entry-deadline",
    }
    assert_answered_by(composer, cases)
    assert composer.answer("Does a 5G project count too?", None, JUNE_20).entry_id != "addressees"
    question = "Short English summary of the 4 support directions, my boss doesn't read Chinese"
    assert composer.answer(question, None, JUNE_20).entry_id == "directions-overview"


def test_provincial_funds_said_as_from_guangdong(composer: Composer):
    question = (
        "Our 上云 project got 1.5 million from Guangdong, and we also have a 5G project with 2m provincial "
        "funding. total from the city?"
    )
    assert "35万元" in composer.answer(question, None, JUNE_20).text


def test_after_the_money_comes_and_before_the_province_pays(composer: Composer):
    question = "上云省级专项资金120万，市级配套多少，钱下来以后有什么管理要求"
    assert "专账" in composer.answer(question, None, JUNE_20).text
    question = "省级资金还没批下来，市级可以先给吗"
    assert "事后奖补" in composer.answer(question, None, JUNE_20).text
    question = "入库材料和验收材料是一起交吗"
    text = composer.answer(question, None, JUNE_20).text
    assert "7月8日" in text and "8月26日" in text


def test_paid_before_the_project_and_how_the_money_is_kept_once_it_comes(composer: Composer):
    assert composer.answer("是项目建之前就拨钱吗", None, JUNE_20).entry_id == "support-method"
    question = "上云項目省級專項資金拿咗150萬，市級配套幾多？錢到咗要點管？"
    assert "专账" in composer.answer(question, None, JUNE_20).text


def test_spreadsheet_errors_and_troubleshooting_are_outside(composer: Composer):
    for question in (
        "Can you help me fix a #VALUE! error in my Excel budget?",
        "how do we troubleshoot the 5G gateway drop-outs?",
    ):
        assert composer.answer(question, None, JUNE_20).kind is Kind.OUTSIDE, question


def test_what_a_direction_solves_asked_beside_unknown_technical_words(composer: Composer):
    question = "What problem does the 5G direction say it should solve? Our robots need deterministic comms."
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-4-scope"
    text = composer.answer("What does the cloud direction want us to upgrade toward?", None, JUNE_20).text
    assert "networked" in text and "intelligent" in text


def test_is_inside_this_asks_nothing_and_a_tag_true_asks(composer: Composer):
    reader = composer.reader
    assert not reader.is_question("Boss wants the weather this weekend")
    assert reader.is_question("the notice came from the finance bureau, true")
    assert not reader.is_question("a client who received this city grant")
    question = "I heard this notice was issued by the Shaoguan Development and Reform Commission. True?"
    assert composer.answer(question, None, JUNE_20).entry_id == "issuer-and-date"


def test_a_condition_the_notice_never_sets_offered_for_confirmation(composer: Composer):
    assert_unstated(
        composer,
        (
            "通知规定营收1000万以上才可以申报对吧",
            "验收后20个工作日内拨款对吗",
            "奖补是不是分两次拨付",
            "补贴是不是年底前一定到账",
            "民营企业是不是有额外5%的补贴",
            "入库名单几号公示的",
            "资金池有多大",
        ),
        JUNE_20,
    )


def test_the_set_of_directions_asked_with_some_guessed(composer: Composer):
    assert composer.answer("支持方向一共两个吧：上云和5G", None, JUNE_20).entry_id == "directions-overview"
    assert composer.answer("封顶50万的是哪几类？是5G吗", None, JUNE_20).entry_id == "amounts-overview"
    question = "系统性平台的软件服务要往哪几个方向演进？我记得是几个什么化"
    assert composer.answer(question, None, JUNE_20).entry_id != "directions-overview"


def test_a_local_bureau_asks_its_own_part(composer: Composer):
    question = "企业把验收材料交到我们局以后，我们局要干啥"
    assert "初步意见" in composer.answer(question, None, JUNE_20).text
    assert "专家" in composer.answer("入库阶段市局负责啥", None, JUNE_20).text
    assert composer.answer("县里收入库材料截止是几号", None, JUNE_20).entry_id == "entry-deadline"
    question = "有家企业问入库时要交承诺书吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "acceptance-materials"
    for question in ("我们局的办公经费怎么报销", "党组会议材料怎么准备", "局里想招个编外人员，工资标准多少"):
        assert composer.answer(question, None, JUNE_20).entry_id is None, question


def test_items_numbered_with_a_space_are_each_asked(composer: Composer):
    text = composer.answer("两个问题：1 入库截止几号 2 验收截止几号", None, JUNE_20).text
    assert "7月8日" in text and "8月26日" in text


def test_what_is_in_the_notice_and_who_issued_it_said_in_cantonese(composer: Composer):
    assert composer.answer("专精特新补贴是不是也在这个通知里", None, JUNE_20).entry_id is None
    assert composer.answer("呢份通知係市政府辦公室發嘅嗎", None, JUNE_20).entry_id == "issuer-and-date"
    question = "What's the disclosure mode of the notice?"
    assert composer.answer(question, None, JUNE_20).entry_id == "publication"


def test_more_readings_of_a_county_bureaus_callers(composer: Composer):
    question = "Our systemic platform project is worth RMB 6 million. How much from the city?"
    assert "600,000" in composer.answer(question, None, JUNE_20).text
    assert "资金池" in composer.answer("是不是入库了就一定有钱拿", None, JUNE_20).text
    question = "软件公司帮水泥厂做了平台，软件公司能自己出面申报吗"
    assert composer.answer(question, None, JUNE_20).entry_id == "builder-applying"
    question = "系统性平台投资500万，只卖给了外省客户，能补吗"
    assert "我市制造业企业" in composer.answer(question, None, JUNE_20).text


def test_go_betweens_and_factory_typing(composer: Composer):
    cases = {
        "上云上平台要降本增效，还有没有第三个目标": "direction-1-scope",
        "奖补系先畀定后畀": "support-method",
        "入库储备是做什么用的": "entry-expert-review",
        "补贴可以做什么用": "fund-management",
        "验收唔过会点": "project-acceptance",
    }
    assert_answered_by(composer, cases)
    question = "What's the 5G project supposed to achieve? Need it for a report."
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-4-scope"
    question = "截图上写着“验收申请9月26日前提交”，是不是打错了"
    assert "8月26日" in composer.answer(question, None, JUNE_20).text


def test_errands_renewals_and_other_rounds_asked_by_go_betweens(composer: Composer):
    assert_outside(
        composer,
        (
            "帮我给客户写一段新年祝福语",
            "车间的灯坏了找谁报修",
            "邮箱到期了怎么续费",
            "网关显示离线，要不要重启",
            "MES实施一般要多久",
            "这个平台几钱一套",
            "韶关2024年还有没有这个工业互联网项目？",
            "有没有市里认定的服务商名单？推荐哪家",
            "How long after acceptance does the subsidy usually arrive?",
        ),
    )
    question = "韶关今年的数字化补贴什么时候开始申报？"
    assert composer.answer(question, None, LATER).entry_id is None


def test_plant_managers_near_misses_in_chinese(composer: Composer):
    assert_outside(
        composer,
        (
            "工业相机现在一只大概多少钱",
            "系统要做三级等保，测评费大概要多少",
            "PLC买西门子的还是三菱的耐用点",
            "你帮我们把验收报告写一下吧",
            "What is the e-mail address of the city bureau?",
        ),
    )
    question = "验收专家的劳务费是企业出吗"
    assert composer.answer(question, None, JUNE_20).entry_id is None
    question = "人工费能不能算进项目投资"
    assert composer.answer(question, None, JUNE_20).entry_id == "investment-scope"


def test_a_year_said_of_the_projects_completion_is_judged_against_the_window(composer: Composer):
    reply = composer.answer("2025年完成的上云项目能报吗", None, LATER)
    assert reply.entry_id is not None
    assert "2025年完成：晚于建设期终点2022年8月26日" in reply.text
    reply = composer.answer("去年（2025年）完成的上云项目能套这个2022年通知吗", None, LATER)
    assert "2022年8月26日" in reply.text
    reply = composer.answer("Our cloud project was completed in 2024, can we still apply?", None, LATER)
    assert "Completed in 2024: after the window closes on August 26, 2022" in reply.text
    assert composer.answer("2024年的项目能报吗", None, LATER).entry_id is None  # that year's round


def test_a_later_year_said_as_today_and_the_notice_still_applied_for(composer: Composer):
    for question in ("2026年了还能用2022年这个文件申请上云补贴吗", "2026年了，2022年那个通知还能报吗"):
        assert composer.answer(question, None, LATER).entry_id == "still-open", question
    assert composer.answer("七月中才把入库申报书交上去，还算数吗", None, LATER).entry_id == "entry-deadline"
    reply = composer.answer("是不是2021年的通知啊 网上好几个版本我看晕了", None, LATER)
    assert reply.entry_id == "issuer-and-date"
    assert composer.answer("2024年还有这个补贴吗 今年的通知出了没", None, LATER).entry_id is None


def test_finance_staff_readings(composer: Composer):
    cases = {
        "What are the rules for using the subsidy once received?": "fund-management",
        "補貼到咗之後可唔可以攞去做市場推廣？": "fund-management",
        "補貼係唔係要項目做完先發錢？": "support-method",
        "Is this money from the provincial budget or from Shaoguan's own budget?": "support-method",
        "总投资里如果有一部分是2021年9月以前花的，能不能算": "investment-scope",
        "项目投资的统计期间从哪天算到哪天？我们2021年7月就开始买设备了": "construction-window",
        "我们做设备出租的 上云能算进去吗": "direction-1-scope",
        "行业标杆平台 是通用的还是针对某个行业的啊": "direction-2-scope",
    }
    assert_answered_by(composer, cases)
    assert_outside(
        composer,
        (
            "政府补助到账后要不要给财政局开收据？开什么票",
            "Our auditors charge 30k for the special audit report - is that reasonable?",
            "电脑开不了机怎么办 急",
        ),
    )


def test_a_question_turned_to_after_what_the_message_says_first(composer: Composer):
    reply = composer.answer("单个企业最多2个 那项目时间段呢", None, JUNE_20)
    assert reply.entry_id == "construction-window"


def test_figures_listed_for_several_projects_in_english(composer: Composer):
    question = (
        "Two projects: cloud one got 0.9M from the province, 5G one got 4M. What does the city give for each?"
    )
    text = composer.answer(question, None, JUNE_20).text
    assert "RMB 90,000" in text and "RMB 400,000" in text


def test_where_a_firm_is_registered_said_in_its_own_story(composer: Composer):
    for question in (
        "韶关市外的企业可以参加这次申报吗？",
        "刚从佛山搬来新丰，新公司今年4月才在新丰市场监管局登记好，够资格申报吗",
        "仁化一家厂，法人户籍是外省的，企业是本地注的，有影响吗",
        "Where does the applicant need to be incorporated?",
        "Can a newly set-up company (we got our licence in Shixing last month) apply?",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id == "registration-jurisdiction", question
    question = (
        "我们上云的是研发设计软件，就是CAD上云，这种能不能算上云上平台"  # moving onto the cloud: no move
    )
    assert composer.answer(question, None, JUNE_20).entry_id == "direction-1-scope"


def test_a_firms_record_asked_in_its_own_words(composer: Composer):
    for question in (
        "环保这方面有没有要求？我们是新丰的陶瓷厂",
        "申报要求里对安全生产有什么规定",
        "財政錢方面有無年限要求？我哋幾年前有啲問題",
        "How many years of clean record on government funding do we need to have?",
        "What counts against us regarding public money? We're a small firm in Nanxiong.",
        "Are companies with court-enforced debts excluded from applying?",
        "翁源的一家企业被人起诉了，还没判，影响申报不",
    ):
        assert composer.answer(question, None, JUNE_20).entry_id == "compliance-conditions", question
    question = "If we split one big MES rollout into 5 small projects, is that allowed?"
    assert composer.answer(question, None, JUNE_20).entry_id == "max-two-projects"


def test_legal_affairs_opinions_and_product_picks_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "我们公司被供应商起诉了，应诉要准备啥材料，请律师大概多少钱",
            "公司想申请破产重整，需要满足什么条件",
            "失信被执行人的法人还能不能再开新公司",
            "怎么在网上查询一家公司有没有被列为失信被执行人",
            "How to check whether a company is on the 失信 list? which website?",
            "What's the difference between a branch and a subsidiary under Chinese company law?",
            "推荐一个适合中小工厂的MES系统，预算20万以内",
            "Which is better for an IIoT platform, Alibaba Cloud or Huawei Cloud?",
            "这个政策跟别的城市比是不是太抠了？",
            "你觉得这个工业互联网补贴政策对小企业到底有没有用？",
            "In your opinion, is it worth applying for such a small subsidy given the paperwork?",
            "Where can I renew my company's business license in Shaoguan?",
            "申报书打印要用A4还是A3？要不要双面打印、胶装还是骑马钉？",
        ),
    )
    question = "Which is better for us, direction 1 or direction 4?"  # no product named: the notice's choice
    assert composer.answer(question, None, JUNE_20).entry_id is not None


def test_whose_money_how_many_projects_and_the_issuer_asked_in_cantonese(composer: Composer):
    assert (
        composer.answer("客户搞不清，这次通知的资金是市级的还是省级的？", None, JUNE_20).entry_id
        == "support-method"
    )
    question = "My manager claims each firm may apply for up to 5 projects. Is he right?"
    assert composer.answer(question, None, JUNE_20).entry_id == "max-two-projects"
    assert composer.answer("這份通知係韶關市科技局發嘅？", None, JUNE_20).entry_id == "issuer-and-date"


def test_dates_typed_with_a_dot_and_stage_days_said_in_english(composer: Composer):
    text = composer.answer("7.9号交入库申报书行不行，就差一天吧", None, JUNE_20).text
    assert "2022年7月9日交入库申报：晚于截止日2022年7月8日，晚了1天" in text
    question = "Entry on 5 July, acceptance application on 25 Aug. Any of these dates a problem?"
    text = composer.answer(question, None, JUNE_20).text
    assert "on July 5, 2022: 3 days before the deadline of July 8, 2022" in text
    assert "on August 25, 2022: 1 day before the deadline of August 26, 2022" in text
    text = composer.answer("我们的5G+边缘计算网关2022年8月31号才调试完，还来得及吗", None, JUNE_20).text
    assert "2022年8月31日完成：晚于建设期终点2022年8月26日" in text
    text = composer.answer(
        "Construction started Aug 2021 and was done March 2022. Eligible timing-wise?", None, JUNE_20
    ).text
    assert "Completed in March 2022" in text


def test_details_and_hours_the_notice_never_gives(composer: Composer):
    assert_outside(
        composer,
        (
            "验收通过以后大概多久钱能到企业账上？财务要提前做资金计划",
            "项目建设期最短要多少个月",
            "Is the Shaoguan industry bureau open on Saturdays?",
            "When is Chinese New Year in 2027?",
            "省级专项资金一般每年几月份下达？",
            "工业互联网平台“双跨”是什么意思？怎么评上",
            "市工信局今年还有什么别的补贴政策？除了工业互联网的",
        ),
    )
    cases = {
        "Is the money paid before we build the project or only when it's done?": "support-method",
        "I need to call someone about this subsidy. Name and number please.": "contacts",
        "入库申报要多少号之前弄好？": "entry-deadline",
        "我们始兴的厂到2022年8月30日才把验收申请报告弄好，还能补交吗？": "acceptance-application-deadline",
    }
    assert_answered_by(composer, cases)


def test_english_speakers_words_for_the_notices_own_things(composer: Composer):
    cases = {
        "Tel for enquiries?": "contacts",
        "Is this funded by the province or by Shaoguan itself?": "support-method",
        "What percentage does Shaoguan match for each of the four categories?": "amounts-overview",
        "We have three separate digitalisation projects. Can we put all 3 in?": "max-two-projects",
        "Our group has 3 subsidiaries in Shaoguan — the project limit for each?": "max-two-projects",
        "Is 'lights out' control of the shop floor mentioned anywhere?": "direction-4-scope",
    }
    assert_answered_by(composer, cases)
    assert_outside(
        composer,
        (
            "Which is better for a factory floor: private 5G or Wi-Fi 6?",
            "Shaoguan 2022 energy-saving retrofit subsidy — application deadline?",
            "How do we open a corporate RMB bank account as a foreign company?",
        ),
    )


def test_consultants_and_bilingual_writers_words(composer: Composer):
    cases = {
        # the other level's funds are part of the sum asked of, with the city's
        "客戶拎咗省級、國家級資金，再加市級，加埋會唔會超過項目投資？有冇上限": "total-support-cap",
        # a batch bought in another year is no other round
        "项目投资能不能把项目开工前买的东西算进去？客户2020年买了一批设备": "investment-scope",
        # manage and spend: one clause, one object
        "How must we manage and spend the grant money once it arrives? Any rules?": "fund-management",
        "要不要等验收完才拿？": "support-method",
        "验收专家是谁请的": "project-acceptance",  # who brings them in, not who they are
        "What does the notice say software services should evolve toward?": "direction-3-scope",
        "The payout was smaller than 10% of our provincial grant. Why would that be?": "final-amount",
        "What's the bureau's name in English?": "issuer-and-date",
        "Who is the benchmark category meant for?": "who-can-apply",
    }
    assert_answered_by(composer, cases, LATER)
    assert (
        "July 8, 2022 is the"
        in composer.answer("What does July 8 refer to in this notice?", None, LATER).text
    )
    assert_outside(
        composer,
        (
            "我们是代理公司，帮客户申报这个项目一般收多少服务费合适？按补贴金额抽几个点？",
            "个体户怎么升级成有限公司？流程复杂吗",
            "我们想在韶关高新区注册一家新公司，工商registration流程怎么走？",
            "高新区的industrial land多少钱一亩？",
            "Is there a Guangdong provincial subsidy for building 5G base stations? How much per station?",
            "How do we apply for MIIT's national Industrial Internet Innovation and Development project?",
            "深圳的数字化转型voucher能在韶关用吗？",
            "How big is the fund pool?",
        ),
        LATER,
    )


def test_whether_the_support_goes_past_the_investment_is_worked(composer: Composer):
    text = composer.answer("上云项目我们投资了60万，省里补了50万，再加市里5万，超了没？", None, JUNE_20).text
    assert "省级50万元加市级5万元共55万元，未超过投资60万元" in text
    # not asked: the arithmetic alone
    plain = composer.answer("上云项目我们投资了60万，省里补了50万，市里给多少", None, JUNE_20).text
    assert "未超过投资" not in plain and "5万元" in plain


def test_who_writes_in_english_is_no_part_of_the_question(composer: Composer):
    understood = composer.reader.read(
        "Hi, I'm the controller of a Czech-owned glass fibre plant in Shaoguan. Do consumables we bought "
        "for the project count in the investment?"
    )
    kept = composer.reader.without_where_it_is(understood)
    assert "Czech-owned" not in kept and "consumables" in kept
    question = (
        "Plant manager, Canadian-owned forestry products mill near Ruyuan. Do the experts at entry stage "
        "issue some kind of formal conclusion we could get a copy of for HQ?"
    )
    assert composer.answer(question, None, LATER).entry_id == "entry-expert-review"


def test_an_abbreviations_dot_ends_no_sentence(composer: Composer):
    question = (
        "We invested approx. RMB 7.2m in a systemic platform, now used by 3 manufacturers in Shaoguan incl. "
        "our own plant. What's the city support we can expect?"
    )
    assert "RMB 720,000" in composer.answer(question, None, LATER).text


def test_foreign_invested_firms_words(composer: Composer):
    cases = {
        (
            "What tech is the 5G stream expecting? We're planning 5G AGVs + remote maintenance."
        ): "direction-4-scope",
        (
            "Our KPI for the 5G project is to remove operators from the control room. "
            "Does the notice say anything like that?"
        ): "direction-4-scope",
        "Does the cloud stream cover engineering tools? We run CAD/PLM in the cloud.": "direction-1-scope",
        "Our HK parent asks what date the bureau signed off this notice. Is it 2022?": "issuer-and-date",
        (
            "We plan two cloud projects + one 5G project this round under the same legal entity. "
            "Is that allowed?"
        ): "max-two-projects",
        "直接交市局行吗": "where-to-submit",
        "補助款點用": "fund-management",
        "funding ratio?": "amounts-overview",
    }
    assert_answered_by(composer, cases, LATER)
    first_stage = (
        "Our county bureau in Renhua said the first-stage application is due 'early July'. Exact date pls?"
    )
    assert "entry application (入库申报) by July 8, 2022" in composer.answer(first_stage, None, LATER).text
    assert_outside(
        composer,
        (
            "How much does China Mobile charge per year for a 5G private network covering our factory?",
            "Which PLC brand is best for a ceramics kiln line - Siemens or Mitsubishi?",
            "Can foreign-invested companies take part in government procurement tenders in Guangdong?",
            "How do we get our Chinese business licence translated and notarised for our parent's bank KYC?",
            "What's the Guangdong provincial 上云上平台 service voucher amount per company in 2022?",
            "MES系统推荐",
            "best ERP?",
        ),
        LATER,
    )


def test_a_broad_mix_of_writers_words(composer: Composer):
    cases = {
        "今天都2026年12月2号了，这个还能报吗": "still-open",  # today's date said in full
        (
            "I'm a consultant. My client has 3 candidate projects; can they submit all of them?"
        ): "max-two-projects",
        "我们集团搭了个平台，把管理层和车间的数据打通，做智能决策，归哪类": "direction-3-scope",
        "项目投资有时间要求吗？计划明年才买的设备能不能算进去": "investment-scope",  # when bought, no round
    }
    assert_answered_by(composer, cases, LATER)
    assert_outside(composer, ("申报材料要不要盖骑缝章？公章盖在哪一页", "云ERP每年的订阅费一般是多少"), LATER)


def test_non_native_english_and_plain_chinese_words(composer: Composer):
    cases = {
        "What is the name of first attachment? Our lawyer want to read it.": "attachments-list",
        "Benchmark project - who can get the money, manufacturer or the software vendor?": "who-can-apply",
        "要不要单独开一个账本来管理这个钱？": "fund-management",
        "入库专家的结论有什么用途？": "entry-expert-review",
        "如果我们的项目很优秀，会不会推荐给更高的政府？": "quality-project-recommendation",
    }
    assert_answered_by(composer, cases, LATER)
    invested = (
        "For systemic manufacturing internet platform our own money put in is 450万 RMB. Subsidy how much?"
    )
    assert "45万元" in composer.answer(invested, None, LATER).text
    assert_outside(
        composer,
        (
            "Is there similar industrial internet subsidy in Malaysia, like MDEC digital grant?",
            "How much Alibaba Cloud ECS cost per month for small ERP system with 20 users?",
            "Siemens MindSphere or PTC ThingWorx, which industrial internet platform is better for us?",
        ),
        LATER,
    )


# amounts in yuan said after the figure, and in other currencies -------------------------------
def test_renminbi_said_after_the_figure_is_yuan(kb: KnowledgeBase):
    figures = read_amounts("上云项目省里批了80万人民币", kb.lexicon.figure_roles)
    assert [(f.yuan, f.role, f.currency) for f in figures] == [(Decimal(800_000), "provincial", "")]
    assert read_amounts("展会来了80万人参观", kb.lexicon.figure_roles) == []  # people, not yuan


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("系统性平台投资港币800万", "HKD"),
        ("總共使咗大約港幣600萬", "HKD"),
        ("專案總經費約新台幣2000萬", "TWD"),
        ("we invested HK$ 8 million", "HKD"),
        ("the project cost USD 2 million", "USD"),
    ],
)
def test_amounts_in_another_currency_are_not_yuan(kb: KnowledgeBase, text: str, currency: str):
    assert [f.currency for f in read_amounts(text, kb.lexicon.figure_roles)] == [currency]


def test_yuan_said_to_equal_a_foreign_amount_take_its_role(kb: KnowledgeBase):
    text = "系統性平台總投資2500萬港幣，大約等於2300萬人民幣"
    figures = read_amounts(text, kb.lexicon.figure_roles)
    assert [(f.yuan, f.role, f.currency) for f in figures] == [
        (Decimal(25_000_000), None, "HKD"),
        (Decimal(23_000_000), "investment", ""),
    ]


def test_a_foreign_amount_is_not_worked_out_as_yuan(composer: Composer):
    text = composer.answer("系统性平台投资港币800万，市里补多少", None, LATER).text
    assert "800万港币" in text and "折算成人民币" in text
    assert "80万元" not in text  # no 10% of 8 million taken as yuan
    assert "10%" in text and "100万元" in text  # the rule itself, to apply once converted
    english = composer.answer(
        "Our systemic platform cost HK$ 8 million, how much can the city give?", None, LATER
    )
    assert "HKD 8,000,000" in english.text and "RMB 800,000" not in english.text
    converted = composer.answer(
        "系統性平台總投資2500萬港幣，大約等於2300萬人民幣，市級最多可以攞幾多？", None, LATER
    )
    assert "2300万元 × 10%" in converted.text and "折算" not in converted.text


def test_a_foreign_amount_in_the_story_is_no_claim_and_keeps_the_story(composer: Composer):
    question = (
        "我哋係港資注塑廠，喺南雄。今年搞咗個數字化車間，MES上雲，總共使咗大約港幣600萬。"
        "想問：市級補貼係咪按我哋投資嘅10%計？幾時截止入庫？"
    )
    answer = composer.answer(question, None, LATER)
    assert answer.entry_id is not None
    assert "不是600万" not in answer.text
    assert "省级专项资金的10%" in answer.text and "2022年7月8日" in answer.text


# places said of people, not of their policies -------------------------------------------------
def test_a_place_travelled_from_or_the_owners_place_is_no_other_citys_policy(composer: Composer):
    cases = {
        "我们老板7月初才从台湾回来签字，入库7月10号交还来得及吗": "entry-deadline",
        "香港總部法務要我搵埋上位文件，呢份通知係根據邊份文件出嘅？": "policy-basis",
    }
    assert_answered_by(composer, cases, LATER)
    assert (
        "晚了2天"
        in composer.answer("我们老板7月初才从台湾回来签字，入库7月10号交还来得及吗", None, LATER).text
    )
    assert_outside(composer, ("香港的工业互联网补贴怎么申请",), LATER)


def test_funds_of_other_levels_added_to_the_citys_ask_the_total_cap(composer: Composer):
    question = "我哋項目投咗人民幣500萬，市級扶持加埋省級同國家級，有冇可能超過項目投資額？"
    assert composer.answer(question, None, LATER).entry_id == "total-support-cap"
    assert_outside(composer, ("国家级工业互联网项目怎么申报",), LATER)


def test_waiting_to_be_off_the_debtors_list_asks_the_condition(composer: Composer):
    question = "我们是台资企业，去年因为合同纠纷被法院列为失信被执行人，现在还能报吗？要等移出名单吗"
    assert composer.answer(question, None, LATER).entry_id == "compliance-conditions"
    assert_outside(composer, ("失信被执行人怎么申请移出名单",), LATER)


def test_misusing_the_money_and_audits_ask_how_the_funds_are_kept(composer: Composer):
    question = "財務話萬一攞到筆錢想暫時周轉下，啲錢係咪絕對唔可以挪用？審計方面有咩要求？"
    assert composer.answer(question, None, LATER).entry_id == "fund-management"
    assert composer.answer("去年被审计查出问题，还能报吗", None, LATER).entry_id == "compliance-conditions"


def test_a_deadline_said_as_must_be_handed_in_by_is_corrected(composer: Composer):
    text = composer.answer("同事说入库6月30号前就要报完了，是这样吗", None, LATER).text
    assert text.startswith("不是6月30日") and "2022年7月8日" in text


def test_lists_of_winners_portals_and_the_ministrys_lists_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "How do we get listed in MIIT's national 5G factory directory?",
            "Is there an online application portal? What's the URL and how do we register an account?",
            "Can you share the list of companies that got approved in last year's round?",
            "老細想參考下同行，去年邊幾間公司拎到呢個補貼？有冇名單可以睇？",
            "How much is the Guangdong 'specialised and sophisticated' SME award, and when is it due?",
        ),
        LATER,
    )
    cases = {
        "Is this notice issued by MIIT?": "issuer-and-date",
        "請問這個專案的補助是事前還是事後？我們台灣那邊習慣先核定再撥款": "support-method",
        "Our supply-chain portal links suppliers to our cloud ERP. Which direction?": "direction-1-scope",
    }
    assert_answered_by(composer, cases, LATER)


def test_support_stacked_beyond_the_investment_and_working_capital_in_english(composer: Composer):
    cases = {
        "Our HQ asks whether stacking city + provincial + national support can end up larger than what we "
        "actually put into the project. Any rule on that?": "total-support-cap",
        "Can we use the subsidy as working capital?": "fund-management",
    }
    assert_answered_by(composer, cases, LATER)


def test_a_question_naming_one_stage_keeps_to_it_among_other_questions(composer: Composer):
    answer = composer.answer("标杆省级资金120万，市配套多少？另外验收材料几号前交", None, LATER)
    assert "12万元" in answer.text and "2022年8月26日" in answer.text
    assert "2022年7月8日前完成" not in answer.text  # not the entry stage's deadline


def test_bureau_staffs_questions_relayed_and_the_basis_document(composer: Composer):
    cases = {
        "局长让我在汇报材料里注明依据，韶工信函那个文号是2022年多少号": "notice-number",
    }
    assert_answered_by(composer, cases, LATER)
    assert_outside(
        composer,
        (
            "工信局局长是谁",
            "工业企业亩均效益评价今年什么时候开始？",
            "我们局的公务车能不能用来给市局送材料，要走什么审批",
            "What is the office address of the bureau and its opening hours?",
            "2022年省级工业互联网专项资金拨到企业账上了没有",
        ),
        LATER,
    )
    assert composer.answer("省级专项资金到账了，市里能配多少", None, LATER).entry_id is not None


def test_national_funds_already_received_count_against_the_total_cap(composer: Composer):
    question = "一个项目已经拿了国家级资金200万、省级100万，项目投资才280万，还能申请市级吗"
    answer = composer.answer(question, None, LATER)
    assert answer.entry_id is not None and "剩余0元" in answer.text


def test_a_year_said_as_when_one_looks_back_is_no_other_round(composer: Composer):
    question = "2026年回头看，这批工业互联网项目要求项目在什么时间段内建成"
    assert composer.answer(question, None, LATER).entry_id == "construction-window"


def test_a_county_clerk_asks_what_the_bureau_does_with_the_papers(composer: Composer):
    question = "我是县工信局经办，企业交上来验收申请报告和承诺书以后，我们这边要做什么再报市局"
    text = composer.answer(question, None, LATER).text
    assert "收集汇总" in text and "初步意见" in text


def test_the_maximum_subsidy_per_project_asks_the_cap_not_the_count(composer: Composer):
    cases = {
        "What's the maximum city subsidy per project under this notice?": "amounts-overview",
        "What's the maximum number of projects per company?": "max-two-projects",
        "我哋係澳門資本嘅食品廠，喺始興。做咗上雲，省級批咗120萬，市級配套幾多？": "direction-1-amount",
    }
    assert_answered_by(composer, cases, LATER)
    total = composer.answer(
        "系统性平台投资300万，市里补30万，再加上省里国家的支持，总的能不能超过300万", None, LATER
    )
    assert "总体支持不超过项目投资额" in total.text


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("上云项目省里批了300万，不对不对，是350万，我看错表了", [(3_500_000, "provincial")]),
        (
            "the province gave our 5G project 1.2 million RMB, sorry I mean 1.5 million",
            [(1_500_000, "provincial")],
        ),
        ("系统性平台投资2000万，不对不对是200万，我打多了个零", [(2_000_000, "investment")]),
        # the money named between the figures is what the correction is about
        (
            "5G项目投了800万，省级资金还没批下来，不对，批了，上周批了50万",
            [(8_000_000, "investment"), (500_000, "provincial")],
        ),
        # different money said one after the other is no correction
        (
            "5G项目投了800万，不对，批了，上周省里批了50万",
            [(8_000_000, "investment"), (500_000, "provincial")],
        ),
    ],
)
def test_a_figure_corrected_in_mid_message_is_replaced(
    kb: KnowledgeBase, text: str, figures: list[tuple[int, str]]
):
    read = read_amounts(text, kb.lexicon.figure_roles, kb.lexicon.figure_parts, kb.lexicon.total_words)
    assert [(f.yuan, f.role) for f in read] == [(Decimal(y), role) for y, role in figures]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # the total replaces the pieces and the earlier versions of the same money
        (
            "系统性平台项目投资320万，嗯其实是360万，后来又加了40万软件，总共400万吧",
            [(4_000_000, "investment")],
        ),
        ("投资的是服务器、软件这些，总共90万", [(900_000, "investment")]),
        # 就是 right after the investment's word says what the investment is, not the city's amount
        ("投资额就是我们买的服务器、工业软件这些，总共90万", [(900_000, "investment")]),
        # a corrected part is added up as corrected
        ("系统性平台，设备200万，不对，是250万，软件50万", [(3_000_000, "investment")]),
        # a sum of money of other kinds stays a sum
        (
            "省里批了50万，市里配5万，加起来55万",
            [(500_000, "provincial"), (50_000, "claim"), (550_000, None)],
        ),
    ],
)
def test_a_figure_said_as_the_total_is_that_money(
    kb: KnowledgeBase, text: str, figures: list[tuple[int, str]]
):
    read = read_amounts(text, kb.lexicon.figure_roles, kb.lexicon.figure_parts, kb.lexicon.total_words)
    assert [(f.yuan, f.role) for f in read] == [(Decimal(y), role) for y, role in figures]


def test_an_amount_offered_to_be_confirmed_is_worked_out(composer: Composer):
    text = composer.answer("上云项目省里批了150万，市里能补15万吗", None, LATER).text
    assert "150万元 × 10% = 15万元" in text


def test_an_amount_said_without_its_kind_is_taken_as_the_base_asked_of(composer: Composer):
    matching = composer.answer("150万 能配多少", None, LATER).text
    assert matching.startswith("按您说的150万元是省级专项资金来算")
    assert "方向二（行业性工业互联网平台标杆项目）：省级专项资金150万元 × 10% = 15万元" in matching
    assert "方向三" not in matching  # its base is the investment
    platform = composer.answer("系统性平台300万能补多少", None, LATER).text
    assert "按您说的300万元是项目投资来算" in platform and "项目投资300万元 × 10% = 30万元" in platform
    english = composer.answer("5G project 2 million, how much from the city?", None, LATER).text
    assert english.startswith("Taking RMB 2,000,000 (200万元) as the provincial special funds")
    # whose base is not said and not only the matching asked: the rules, no guess
    assert "按您说的" not in composer.answer("150万能补多少", None, LATER).text
    # nor an amount said beside another kind of money (a loan)
    loan = composer.answer("我们为上云项目借了300万技改贷款，有没有贴息？贴息比例多少？", None, LATER).text
    assert "按您说的" not in loan and "300万元 × 10%" not in loan


def test_a_follow_up_works_on_the_amount_as_it_was_taken(composer: Composer):
    first = composer.answer("150万 能配多少", None, LATER)
    then = composer.answer("那5G的呢", None, LATER, first.context)
    assert then.text.startswith("方向四（“5G+制造业”融合创新运用）：省级专项资金150万元 × 10% = 15万元")


def test_a_builder_from_another_city_asking_of_its_client_here_is_answered(composer: Composer):
    text = composer.answer(
        "我们是广州一家做工业互联网解决方案的集成商，韶关浈江区有个客户。省里那边上云项目批了120万，"
        "5G融合项目批了300万。想问市里这次配套，两个项目分别能补多少？",
        None,
        LATER,
    ).text
    assert "12万元" in text and "30万元" in text
    assert_outside(composer, ("深圳对集成商有什么补贴",), LATER)


def test_terse_words_for_deadlines_and_the_matching_ratio(composer: Composer):
    assert_answered_by(
        composer,
        {
            "入库ddl": "entry-deadline",
            "验收ddl是哪天": "acceptance-application-deadline",
            "标杆 配比": "direction-2-amount",
            "we resell a SaaS MES to a plant - what's the cutoff date for project registration (入库)?": (
                "entry-deadline"
            ),
        },
        JUNE_20,
    )
    # 分配比较 is no ratio of the matching
    assert "10%" not in composer.answer("县财政给我们局的工业发展专项经费怎么分配比较合理", None, LATER).text


def test_a_listing_reward_and_revenue_recognition_are_outside(composer: Composer):
    assert_outside(
        composer,
        ("公司想去港股上市，政府有奖励吗", "跨年度的信息化实施项目，收入按完工百分比法确认吗？"),
        LATER,
    )
    assert composer.answer("我们去年被罚款5000，还能报吗", None, LATER).entry_id == "compliance-conditions"


def test_what_the_answer_is_for_and_what_comes_after_handing_in(composer: Composer):
    assert_answered_by(
        composer,
        {
            "For our board memo: exact title of the issuing authority?": "issuer-and-date",
            "入库申报表交上去以后，市里会怎么处理": "entry-expert-review",
        },
    )


def test_cantonese_words_of_amounts_contacts_and_the_account(composer: Composer):
    assert (
        "省级专项资金20万元 × 10% = 2万元" in composer.answer("上云省级廿万，市级补几多？", None, LATER).text
    )
    assert_answered_by(
        composer,
        {
            "想搵人问下，通知上面写咗搵边两个人": "contacts",
            "我哋翁源厂个项目国家、省、市都想申，国家省市加埋补贴有冇上限？": "total-support-cap",
            "收到錢之後要點做賬？老闆話放返公司戶口就得": "fund-management",
            "会计问：补贴嘅钱收到之后点管？可唔可以同公司其他钱混埋一齐用": "fund-management",
        },
    )


def test_a_country_said_of_the_owners_is_no_other_countrys_grant(composer: Composer):
    answer = composer.answer(
        "我们 are a Malaysian-owned plant in 乐昌. 入库 材料 纸质 一式几份?", None, LATER
    )
    assert "一式七份" in answer.text
    assert_outside(composer, ("Malaysia MDEC digital grant — how to apply?",), LATER)


def test_a_choice_among_products_and_other_policies_in_english_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "Which is better for our 上云 project, Huawei Cloud or Alibaba Cloud?",
            "SAP S/4HANA or Kingdee for a 300-person plant? which is easier for the 上云 project",
            "Is there a talent subsidy for foreign experts who work in Shaoguan?",
            "startup grant有没有",
            "Does the Shaoguan bureau also fund worker training for digital skills? amount per person?",
            "Can we store our plant's production data on our EU cloud? what are the cross-border data rules?",
        ),
        LATER,
    )


def test_a_software_vendor_is_a_software_firm(composer: Composer):
    text = composer.answer("We're a software vendor, which direction can we apply for?", None, LATER).text
    assert text.startswith("Direction 2")


def test_the_dedicated_account_asked_beside_the_amount_is_answered_too(composer: Composer):
    text = composer.answer("上云上平台省级专项36万，市配套3.6万，这点钱还要单独建账？", None, LATER).text
    assert "3.6万元" in text and "专账管理" in text


def test_a_districts_own_extra_matching_is_its_own_policy(composer: Composer):
    assert_outside(
        composer,
        ("我们在曲江区，想问区里自己还会不会再额外配套一笔？就是市里配10%之外，区里的配套比例是多少",),
        LATER,
    )
    assert (
        composer.answer("我们是仁化的，入库材料交县里自己还是交市里", None, LATER).entry_id
        == "where-to-submit"
    )


def test_a_second_acceptance_is_a_detail_the_notice_does_not_give(composer: Composer):
    for question in (
        "验收不通过能复审吗",
        "入库评审结果有复审吗",
        "上云项目如果以后被抽查不合格，会罚款吗？罚多少",
    ):
        answer = composer.answer(question, None, LATER)
        assert answer.entry_id is None and answer.text.startswith("通知没有写明"), question


def test_a_firms_kind_decides_the_direction_before_a_loose_match(composer: Composer):
    text = composer.answer(
        "我们是做软件的，在韶关给一家钢厂部署了质量检测平台，省里给了400万，市里按什么比例配，最多多少",
        None,
        LATER,
    ).text
    assert text.startswith("方向二（行业性工业互联网平台标杆项目）：省级专项资金400万元 × 10% = 40万元")


def test_another_programme_the_firm_did_before_is_its_story(composer: Composer):
    text = composer.answer(
        "项目验收是谁组织的，县里验还是市里验？我们上次做技改是县里来人看的。验收结果会不会公示", None, LATER
    ).text
    assert "市工信局组织专家开展项目验收" in text
    assert_outside(composer, ("我们上次做技改拿了补贴，这次技改补贴几号截止",), LATER)


def test_english_abbreviations_and_names_of_the_directions_and_the_entry(composer: Composer):
    assert "5.6万元" in composer.answer("cloud, prov 560k rmb, city??", None, LATER).text
    budget = (
        "Our system-level platform project budget is RMB 7.2m (equipment, software). What can the city give?"
    )
    assert "72万元" in composer.answer(budget, None, LATER).text
    assert composer.answer("when do we register the project?", None, LATER).entry_id == "entry-deadline"
    assert_outside(
        composer,
        (
            "Which 5G module brand is more reliable for AGVs, Quectel or Fibocom?",
            "Minimum registered capital for setting up a WFOE in Guangdong in 2022?",
            "Talent housing allowance in Shaoguan for our engineers — how much?",
            "Do we need to issue a fapiao to the government when we receive a subsidy of RMB 300k?",
        ),
        LATER,
    )


def test_vouchers_pilots_and_diagnoses_are_other_programmes(composer: Composer):
    assert_outside(
        composer,
        (
            "我们申请了广东省中小企业数字化转型的服务券，就是那个券，怎么用啊？能抵多少钱",
            "那个中小企业数字化转型城市试点，听说国家在选城市，韶关入选了没有？",
            "Does the Shaoguan bureau offer free digital transformation diagnosis services for SMEs?",
            "Guangdong 'cloud vouchers' for small companies — how do we apply for them?",
        ),
        LATER,
    )
    builder = "We built a cloud MES for a client in Qujiang. Can we apply?"
    assert composer.answer(builder, None, LATER).entry_id == "builder-applying"


def test_cantonese_asks_of_people_streets_dates_and_kinds(composer: Composer):
    assert_outside(
        composer,
        (
            "我哋系翁源做陶瓷个，韶关市长系边个",
            "南雄做五金嘅，市工信局喺边条街？",
            "乳源縣會唔會另外再配套多一份補貼？",
            "陶瓷廠想搞5G專網，用移動定電信平啲？",
        ),
        LATER,
    )
    issued = composer.answer("份文系唔系五月尾出嘅？具体几号", None, LATER)
    assert issued.entry_id == "issuer-and-date" and "6月10日" in issued.text
    kinds = composer.answer("老细问：最多一百万嘅补贴系针对边几类项目", None, LATER)
    assert kinds.entry_id == "directions-overview"


def test_people_there_are_not_that_places_policy(composer: Composer):
    paper = composer.answer("入庫係網上報定係交紙質？我哋喺澳門嘅同事可唔可以寄過去？", None, LATER)
    assert "一式七份" in paper.text
    said = composer.answer("通知係幾時發出嘅？我哋台灣嗰邊話係七月", None, LATER)
    assert said.entry_id == "issuer-and-date"
    kept = "我们是台资厂，会计是台湾派来的，奖补资金管理上有什么要求"
    assert composer.answer(kept, None, LATER).entry_id == "fund-management"


def test_a_size_or_revenue_threshold_asks_who_may_apply(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Is there a minimum revenue or headcount requirement?": "who-can-apply",
            "营业收入要达到多少才可以申报": "who-can-apply",
        },
        LATER,
    )
    assert_outside(
        composer,
        ("公司准备上科创板，营收要求是多少", "曲江区工业企业上规模奖励有多少", "What font size?"),
        LATER,
    )


def test_wages_a_loan_or_profit_paid_from_the_money_is_its_use(composer: Composer):
    assert_answered_by(
        composer,
        {
            "钱紧，奖补资金到了以后可以用来发工资或者还贷款吗": "fund-management",
            "Can we use the city's money to pay wages?": "fund-management",
            "市級獎補收到之後點樣入賬？可唔可以當利潤？": "fund-management",
            "拿到钱之后要不要单独开账": "fund-management",
        },
        LATER,
    )
    both = composer.answer("老板问：市级补贴是先给还是后给？拿到的钱要怎么管？", None, LATER).text
    assert "事后奖补" in both and "专账" in both


def test_english_asks_of_the_cap_the_method_and_the_records(composer: Composer):
    per = composer.answer("Is the RMB 1 million cap counted per project or per company?", None, LATER)
    assert "at most 2 projects" in per.text
    method = composer.answer(
        "Does ex-post mean we front the money ourselves? And could it be lower than 10%?", None, LATER
    ).text
    assert "post-completion" in method and "fund pool" in method
    records = composer.answer("Anything in the notice about our environmental record?", None, LATER)
    assert records.entry_id == "compliance-conditions"
    assert "资金池" in composer.answer("5G嘅配套係咪一定按10%足額畀？", None, LATER).text
    assert_outside(
        composer,
        (
            "Which ERP vendor has the best track record for textile mills?",
            "We need a bank loan for new lathes. Is there a government guarantee scheme?",
            "市财政局管这笔钱的科长是谁",
        ),
        LATER,
    )


def test_what_the_questions_ask_comes_before_what_the_story_names(composer: Composer):
    text = composer.answer(
        "我们是佛山搬过来的港资五金厂，前年在韶关注册了新公司。上云项目今年5月完工，省级资金还没下来，"
        "想先入库。我们对流程不熟，请问入库截止日期、要填哪两个附件、纸质几份？",
        None,
        JUNE_20,
    ).text
    assert "7月8日" in text and "附件2" in text and "一式七份" in text


def test_whether_the_citys_money_comes_by_itself_is_the_process(composer: Composer):
    text = composer.answer("省里批了5G项目，市里的钱是另外申报还是自动配套？", None, LATER).text
    assert "入库" in text and "验收" in text
    told = composer.answer(
        "Our board asks if ex-post means we front the money ourselves. Also can it be lower?", None, LATER
    ).text
    assert "post-completion" in told and "fund pool" in told


def test_online_or_paper_and_the_kind_of_firm_in_english(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Do we hand it in online or on paper?": "paper-copies",
            "Must we be a manufacturer to apply?": "who-can-apply",
        },
        LATER,
    )
    assert_outside(composer, ("外资企业在韶关设立研发中心有没有奖励",), LATER)


def test_handing_in_next_week_asks_the_deadline(composer: Composer):
    late = composer.answer("申報書印幾份？交俾邊個？下個禮拜先交仲得唔得？", None, JUNE_20).text
    assert "7月8日" in late


def test_spoken_asks_of_the_final_sum_the_forms_and_a_court_case(composer: Composer):
    assert_answered_by(
        composer,
        {
            "最终到手的金额是固定的吗 还是看申报的企业多不多": "final-amount",
            "申报书同汇总表最晚哪天交": "entry-deadline",
            "我们有个官司判了还没履行 会不会影响申报": "compliance-conditions",
        },
        LATER,
    )


def test_other_bodies_contacts_funds_and_a_countys_top_up_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "我们在翁源县，除了市里的，有没有区县一级的配套？",
            "請問省工信廳的聯絡人是邊個？",
            "What's the phone number of the Guangdong provincial industry department?",
            "Is Guangdong province's own industrial internet fund open now? What's its deadline?",
            "The bank offers a loan at 4%. Is that a good rate, and will the city subsidise the interest?",
            "省里那个5G专项资金 我们要怎么申请 找省里哪个处",
            "老板问，省工信厅上云上平台的申报截止是几号？",
        ),
        LATER,
    )
    asked = composer.answer("验收快了，验收专家都有谁？能提前知道名单吗？", None, LATER)
    assert asked.entry_id is None and "通知没有写明" in asked.text
    received = composer.answer("省级专项资金到了，我们要怎么申请？", None, LATER)
    assert received.entry_id is not None


def test_a_request_and_the_asker_named_are_read_as_asked(composer: Composer):
    assert_answered_by(
        composer,
        {
            "麻烦发一下这个通知的文号，要写进给公司的请示里，领导很较真": "notice-number",
            "这个文是市工信局发的还是发改局发的？我们总部问发文单位": "issuer-and-date",
            "5G融合：在省级资金的基础上按多少比例配套？": "direction-4-amount",
            "What does shihou jiangbu mean here?": "support-method",
            "验收结果要公示吗？公示多久有没有说": "project-acceptance",
            "设备到货晚了，到8月26号项目还建不完，会不会影响": "construction-window",
        },
        LATER,
    )
    assert_outside(composer, ("Contact for the Guangdong provincial industry department, please?",), LATER)


def test_another_citys_own_scheme_and_a_national_demonstration_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "Does Foshan's industrial internet scheme accept foreign-invested firms?",
            "When is the national intelligent manufacturing demonstration factory deadline?",
        ),
        LATER,
    )


def test_an_amount_past_any_project_is_no_money(composer: Composer):
    context = Context("上云项目省级给了100万，市级补多少", ["上云"], ["金额"], [("1000000", "provincial")])
    assert composer.answer("万亿亿万万一", None, LATER, context).text.strip()
    assert read_amounts("省级资金一万亿亿万万元") == []


def test_briefings_moves_and_payment_asked_by_bureaus_and_first_timers(composer: Composer):
    assert_answered_by(
        composer,
        {
            "我们局要给企业开个政策宣讲会，申报流程分几步？": "process-overview",
            "这个通知哪天发出来的？": "issuer-and-date",
            "两年前一个补贴项目被审计说资金用途不规范，会影响这次申报吗": "compliance-conditions",
        },
        LATER,
    )
    reach = composer.answer("系统性平台投资要达到多少才能拿到最高额度？", None, LATER).text
    assert "1000万元" in reach
    paid = composer.answer("验收通过后，钱是按什么流程发的？", None, LATER).text
    assert "拨付" in paid
    assert_outside(
        composer,
        (
            "我们是惠州的企业，惠州工信局有没有类似的配套政策？",
            "我们是清远的企业，清远工信局有没有类似的配套政策？",  # 清远工 is no typo of 清员工
            "Contact of the Investment Promotion Bureau, please?",
        ),
        LATER,
    )


def test_a_cap_offered_of_no_direction_is_answered_with_each_ones_cap(composer: Composer):
    for question in ("补贴是不是一律封顶50万？", "是不是都是最高一百万"):
        answer = composer.answer(question, None, LATER)
        assert answer.entry_id == "amounts-overview", question
        assert "50万元" in answer.text and "100万元" in answer.text
    named = composer.answer("标杆项目是不是最高50万", None, LATER)
    assert named.entry_id == "direction-2-amount"


def test_the_issuers_own_word_offers_a_body_as_the_issuer(composer: Composer):
    for question in ("图片糊了，发文单位是市财政局吗？", "落款是科技局吗"):
        answer = composer.answer(question, None, LATER)
        assert answer.entry_id == "issuer-and-date", question
        assert "韶关市工业和信息化局" in answer.text


def test_a_firms_people_elsewhere_who_ask_are_not_that_places_policy(composer: Composer):
    assert_answered_by(
        composer,
        {
            "验收申请几号截止？新加坡总部问的": "acceptance-application-deadline",
            "澳门总部问：入库申报几号前交": "entry-deadline",
        },
        LATER,
    )
    assert_outside(composer, ("深圳总部问深圳有没有上云补贴",), LATER)


def test_other_bodies_own_funds_permits_and_offices_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "公司要做股东变更，需要准备什么材料",
            "安全生产专项资金一般几月份申报？",
            "窑炉节能专项的补贴比例是多少",
            "市工信局什么时候搬新办公楼",
            "Where is the provincial portal for this fund and what's the provincial hotline?",
            "验收结果出来没有？名单里都有哪些企业",
            "Will there still be a city top-up for 5G projects in 2025?",
        ),
        LATER,
    )
    paper = composer.answer("县里想申报省里的试点县，申报材料怎么写", None, LATER)
    assert paper.kind is Kind.OUTSIDE


def test_a_project_finished_in_plain_words_is_judged_against_the_window(composer: Composer):
    answer = composer.answer("厂里2021年7月份就搞好的云平台，这批能报不", None, LATER)
    assert "2021年9月30日" in answer.text


def test_a_stages_deadline_said_alone_names_that_stage(composer: Composer):
    due = composer.answer("8月26号前要交哪些东西", None, LATER).text
    assert "附件4" in due and "附件5" in due and "附件2" not in due
    step = composer.answer("7月8号截止的是哪一步", None, LATER)
    assert step.entry_id == "entry-deadline"


def test_a_figure_then_a_space_ends_a_clause(composer: Composer):
    answer = composer.answer("入库是7.8 那验收是几号", None, LATER)
    assert answer.entry_id == "acceptance-application-deadline"
    worked = composer.answer("上云项目省里批了150 万 市里给多少", None, LATER)
    assert "15万元" in worked.text


def test_one_plain_question_outweighs_a_message_matching_weakly(composer: Composer):
    answer = composer.answer(
        "What directions are supported? Need a short summary for a client talk.", None, LATER
    )
    assert "上云上平台" in answer.text and "5G" in answer.text


def test_the_technology_upgrade_programme_a_tender_and_a_typical_grant_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "When does the technology-upgrade subsidy close this year?",
            "Must our client hold a public tender before hiring us?",
            "How much does a typical project get from the province?",
        ),
        LATER,
    )
    failed = composer.answer("项目验收没过的话还能拿到奖补吗", None, LATER)
    assert failed.entry_id == "project-acceptance"


def test_a_contest_a_platforms_filing_and_proposing_reviewers_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "今年的工业互联网创新大赛什么时候截止报名",
            "我们的平台要去哪里备案",
            "评审专家我们可以自己推荐专家吗",
            "新上规企业奖励多少钱",
        ),
        LATER,
    )


def test_auditors_a_districts_own_reward_and_a_funds_own_contacts_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "市审计局什么时候审计去年的专项资金",
            "Is the provincial audit office coming this year?",
            "浈江区会不会对5G项目再单独奖励",
            "省级专项资金那边的联系人是谁",
        ),
        LATER,
    )
    audited = composer.answer("审计局年底会来查，奖补资金使用要符合审计要求吗", None, LATER)
    assert audited.entry_id == "fund-management"
    sent = composer.answer("通知主送给哪些单位", None, LATER)
    assert sent.entry_id == "addressees"


def test_installed_by_a_date_vs_and_other_bodies_funds_closing(composer: Composer):
    late = composer.answer(
        "The sensors will be installed by Sept 5 2022, so it finishes then. Still eligible?", None, LATER
    )
    assert "September 5, 2022" in late.text and "August 26, 2022" in late.text
    both = composer.answer("Deadlines for database entry vs acceptance application?", None, LATER)
    assert "July 8, 2022" in both.text and "August 26, 2022" in both.text
    assert_outside(
        composer,
        (
            "工信局今年招实习生吗",
            "农业农村局对农业物联网有补贴吗",
            "检查出问题的话罚款多少",
            "When does the provincial special fund application close?",
        ),
        LATER,
    )


def test_one_amount_for_each_of_several_projects_is_worked_once_for_each(composer: Composer):
    both = composer.answer("我们两个5G项目，省里各批了300万，市里合计给多少", None, LATER).text
    assert both.count("300万元 × 10% = 30万元") == 2 and "合计约60万元" in both
    one = composer.answer("两个项目，省里给了300万，上云的市里给多少", None, LATER).text
    assert "合计" not in one and "最多申请2个项目" not in one
    three = composer.answer("3个5G项目，省里各批了200万，市里一共补多少", None, LATER).text
    assert "合计约60万元" in three and "单个企业最多申请2个项目" in three


def test_registration_as_a_stage_is_the_entry_application(composer: Composer):
    docs = composer.answer("Which documents are due at the registration stage?", None, LATER)
    assert docs.entry_id == "entry-materials"
    both = composer.answer("Which attachments at registration, and which at acceptance?", None, LATER).text
    assert "Attachment 2" in both and "Attachment 4" in both
    firm = composer.answer("what is the registration requirement for applicants?", None, LATER)
    assert firm.entry_id == "registration-jurisdiction"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("附件5是入库的时候交，还是后面再交？", "承诺书（附件5）不是入库申报时交的"),
        ("Is the letter of commitment handed in at the entry stage?", "Attachment 5 is not submitted at the"),
        ("Attachment 4 is ready. Do we send it with the entry application or later?", "Attachment 4 is not"),
    ],
)
def test_an_attachment_asked_of_the_wrong_stage_is_answered_with_its_own(
    composer: Composer, question: str, expected: str
):
    assert expected in composer.answer(question, None, LATER).text


def test_the_province_s_own_system_list_and_filing_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "省里的申报系统几号关闭？我们还没填完",
            "省级系统登不进去，提示账号已存在，怎么处理",
            "做省级专项资金之前要先办投资项目备案吗",
            "省级专项资金前年的获批名单去哪里看",
            "营业执照上要加一项经营范围，工商变更要多久",
            "Does Jieyang pay a top-up on provincial industrial internet grants?",
        ),
        LATER,
    )


def test_repaying_a_loan_in_english_asks_the_money_s_use(composer: Composer):
    for question in (
        "Can the city subsidy be used to pay down our bank loan or for marketing?",
        "Can the city subsidy pay back a loan or go to marketing?",
    ):
        assert composer.answer(question, None, LATER).entry_id == "fund-management", question


def test_the_database_projects_list_is_the_entry_list(composer: Composer):
    answer = composer.answer("Is the list of database projects posted somewhere?", None, LATER)
    assert answer.entry_id == "entry-expert-review"


def test_who_to_contact_keeps_its_word_whole(composer: Composer):
    # 联系谁: the 系 of 联系 is no Cantonese 係
    assert composer.answer("想直接找市里问，应该联系谁", None, LATER).entry_id == "contacts"


def test_a_figure_found_otherwise_on_reading_again_replaces_the_first(composer: Composer):
    text = composer.answer("同事说省里批了200万，我查了批文原来是180万，5G项目市里配多少", None, LATER).text
    assert "180万元 × 10% = 18万元" in text and "200万元 ×" not in text


def test_another_programme_told_after_a_stage_s_question_is_the_story(composer: Composer):
    answer = composer.answer("验收那两个附件几号前要交？月底老板要去参展", None, LATER)
    assert answer.entry_id is not None and "2022年8月26日" in answer.text
    assert_outside(composer, ("技改项目 验收几号截止",), LATER)


def test_a_contest_in_english_is_outside(composer: Composer):
    assert_outside(
        composer,
        ("How much prize money does the industrial internet innovation competition give?",),
        LATER,
    )


def test_a_higher_body_s_fund_said_first_owns_what_follows(composer: Composer):
    assert_outside(
        composer,
        (
            "Does the Guangdong provincial fund need a third-party audit of its own projects, and who pays?",
            "服务器买戴尔还是浪潮？预算50万",
        ),
        LATER,
    )
    counted = composer.answer("我们买了浪潮的服务器80万，算不算项目投资", None, LATER)
    assert counted.entry_id == "investment-scope"


def test_another_body_offered_beside_the_notice_s_own_is_a_choice(composer: Composer):
    for question in ("入库材料交区工信局还是区发改局？", "县里收齐验收材料后，报省工信厅还是报市工信局"):
        assert composer.answer(question, None, LATER).entry_id == "where-to-submit", question
    assert_outside(
        composer,
        ("工信局今年招不招公务员或者雇员", "想办ISO14001认证，有补贴吗，找市场监管局还是工信局"),
        LATER,
    )


def test_a_stage_completed_in_the_passive_is_the_stage_s_deadline(composer: Composer):
    answer = composer.answer("By when does the database entry have to be completed?", None, LATER)
    assert answer.entry_id == "entry-deadline"


def test_bodies_own_sections_auditors_budgets_and_pilot_lists_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "浈江区工信局下面有哪些股室",
            "Which audit firm does the city hire to check projects?",
            "县财政自己会不会再配套一笔",
            "Has MIIT published its industrial internet pilot list for this year?",
        ),
        LATER,
    )


def test_a_higher_body_s_own_timing_and_contacts_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "市里电话我已经有了，省工信厅管工业互联网那个处室的电话是多少？想咨询省级资金",
            "工业互联网那个省级资金，今年几时截止申请？",
            "2022年那个工业互联网通知有没有延期的补充通知？哪天发的",
            "五一那几天工信局有没有人值班？我们想5月3号交材料",
        ),
        LATER,
    )
    assert composer.answer("财政资金违规要往前查几年", None, LATER).entry_id == "compliance-conditions"
    assert composer.answer("省里批了300万，市里一般多久能配套下来", None, LATER).entry_id is not None


def test_what_is_handed_in_on_another_stage_s_day_is_that_stage(composer: Composer):
    text = composer.answer("7月8号交的是入库的表和申报书，那8月26号要交什么？", None, LATER).text
    assert "附件4" in text and "晚了" not in text
    late = composer.answer("入库的申报书8月26号交可以吗", None, LATER).text
    assert "8月26日是验收申请的截止日期" in late


def test_how_long_after_the_notice_is_a_span_and_the_stages_in_english_are_the_process(composer: Composer):
    span = composer.answer("县里转得慢，通知发出来之后多久要完成入库？", None, LATER).text
    assert "相隔28天" in span
    assert composer.answer("What are the stages, with dates?", None, LATER).entry_id == "process-overview"


def test_everyday_names_for_the_window_the_pot_an_advance_and_the_sign_off(composer: Composer):
    assert composer.answer("项目的时间窗口是哪段", None, LATER).entry_id == "construction-window"
    assert composer.answer(
        "Can we mail our sign-off request straight to the city bureau?", None, LATER
    ).entry_id == ("where-to-submit")
    nothing = composer.answer("If the province gave nothing, does the city chip in anyway?", None, LATER).text
    assert (
        "without provincial special funds" in nothing.lower()
        or "no provincial special funds" in nothing.lower()
    )


def test_a_verb_with_its_aspect_names_no_other_support_and_a_table_sent_is_handed_in(composer: Composer):
    use = composer.answer("老板想着补贴下来了就发奖金，这样可以吗", None, LATER)
    assert use.entry_id == "fund-management"
    late = composer.answer("储备汇总表7月10号才送到县里，迟了吗", None, LATER).text
    assert "晚了2天" in late


def test_two_question_words_ask_of_one_clause_each(composer: Composer):
    both = composer.answer("When and where do we hand in the acceptance application?", None, LATER)
    assert both.entry_id == "acceptance-application-deadline"
    assert "August 26, 2022" in both.text and "local industry and IT authority" in both.text
    assert "payment date" not in both.text


def test_a_chinese_decimal_before_its_unit_is_read_and_an_amount_names_no_fund(composer: Composer):
    decimal = composer.answer("标杆项目省里给了十二点五万，市里配多少", None, LATER).text
    assert "1.25万元" in decimal
    fund = composer.answer(
        "上云项目省里批了三百万专项资金，同事说封顶五十万，是不是只能拿五十万", None, LATER
    )
    assert fund.entry_id is not None and "30万元" in fund.text


def test_a_place_inside_another_word_is_no_place_and_used_only_by_puts_a_project_there(composer: Composer):
    built = composer.answer("项目估计11月底完工，是不是年底前建成都算数", None, LATER)
    assert built.entry_id == "construction-window"
    assert composer.answer("成都的工业互联网补贴标准是多少", None, LATER).entry_id is None
    there = composer.answer(
        "Our systemic platform is only used by factories in Jiangxi. Can it get the city subsidy?",
        None,
        LATER,
    )
    assert there.entry_id is not None


def test_details_the_notice_never_gives_about_moves_minimums_changes_and_phone_hours(composer: Composer):
    assert_outside(
        composer,
        (
            "拿了补贴以后公司迁离韶关要不要退钱",
            "项目投资有没有最低门槛",
            "平台至少要几家企业用才算数",
            "入库以后还能变更项目内容吗",
            "工信局那个电话几点有人接",
            "How many weeks until the grant lands in our account?",
            "验收不通过，整改后能再申请验收吗",
            "重大事故具体怎么界定",
            "评审有没有打分细则",
        ),
        LATER,
    )


def test_someone_checking_the_money_later_is_the_audit_rule(composer: Composer):
    assert composer.answer("这笔补贴以后会不会被财政查？", None, LATER).entry_id == "fund-management"


def test_which_clause_or_class_asks_the_direction_and_too_few_directions_are_corrected(composer: Composer):
    energy = composer.answer("想做个能耗优化的云平台，主要降电费，算哪一条", None, LATER)
    assert energy.entry_id == "direction-1-scope"
    vision = composer.answer("用AI视觉做产品质量检测，做好了想推广给同行业的厂用，对应第几类", None, LATER)
    assert vision.entry_id == "direction-2-scope"
    assert composer.answer("听说只支持两个方向？", None, LATER).entry_id == "directions-overview"


def test_the_first_round_is_the_entry_and_a_week_late_is_measured_against_the_deadline(composer: Composer):
    forms = composer.answer("第一轮要交哪几张表？", None, LATER)
    assert forms.entry_id == "entry-materials"
    late = composer.answer("What if we are a few days late with the acceptance application?", None, LATER)
    assert late.entry_id == "acceptance-application-deadline"


def test_several_projects_of_a_kind_at_once_ask_the_limit(composer: Composer):
    several = composer.answer("我们有四个数字化改造项目，能同时申报吗", None, LATER)
    assert several.entry_id == "max-two-projects"


def test_a_bare_question_after_an_unstated_detail_and_money_by_a_holiday_are_unstated(composer: Composer):
    assert_outside(
        composer,
        (
            "评审的专家费谁来出？大概多少钱",
            "春节前能不能拿到这笔配套资金",
            "省级资金的下达文件什么时候出",
        ),
        LATER,
    )


def test_who_helps_from_another_city_and_the_firm_s_past_other_programme_are_the_story(composer: Composer):
    lawyer = composer.answer(
        "Our lawyer in Shenzhen wants to read the commitment letter first. Which attachment is it?",
        None,
        LATER,
    )
    assert lawyer.entry_id is not None
    past = composer.answer("申报条件对财政资金的使用有什么要求？我们去年拿过一笔技改资金", None, LATER)
    assert past.entry_id == "compliance-conditions"


def test_what_a_software_firm_does_before_its_kind_still_says_its_kind(composer: Composer):
    text = composer.answer("我们做工业视觉检测的软件公司，省里批了两百万，市里能配多少", None, LATER).text
    assert "方向二" in text and "20万元" in text and "方向一" not in text


def test_a_known_longer_word_after_a_piece_keeps_it_from_being_a_typo(composer: Composer):
    assert "招工" not in composer.index.normaliser.canonical("不知道该找管委会还是找工信局")


def test_same_time_both_stages_the_base_asked_as_a_choice_and_a_mistyped_video(composer: Composer):
    both = composer.answer("入库和验收是不是同一时间交", None, LATER).text
    assert "7月8日" in both and "8月26日" in both
    base = composer.answer("上云项目的补贴按省级资金还是按投资额算", None, LATER)
    assert base.entry_id == "direction-1-amount"
    video = composer.answer("做了个工业视屏监控平台给同行用，算哪个方向", None, LATER)
    assert video.entry_id == "direction-2-scope"


def test_layout_scoring_weights_and_how_much_to_repay_are_unstated_and_an_audit_later_is_the_rule(
    composer: Composer,
):
    assert_outside(
        composer,
        ("申报书行距有什么要求", "评审按什么打分，各项权重多少", "挪用了要退回多少"),
        LATER,
    )
    assert composer.answer("钱用完以后会不会有人来审计", None, LATER).entry_id == "fund-management"


def test_looking_the_firm_up_on_a_list_and_which_consultancy_to_hire_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "帮我查一下我们公司有没有上失信名单",
            "Which consultancy in Shenzhen can write our application for us?",
        ),
        LATER,
    )


def test_experts_at_one_stage_or_the_other_are_answered_for_both(composer: Composer):
    text = composer.answer("公示是在入库时还是验收时？", None, LATER).text
    assert "入库" in text and "验收" in text and "公示" in text
    both = composer.answer("专家评审是在入库的时候还是验收的时候？", None, LATER)
    assert "组织专家评审" in both.text and "组织专家开展项目验收" in both.text


def test_a_debtor_taken_off_the_list_asks_the_condition_and_bare_money_spent_is_the_subsidy(
    composer: Composer,
):
    off = composer.answer("前年被列失信被执行人 今年初移出了 现在能申报吗", None, LATER)
    assert off.entry_id == "compliance-conditions"
    both = composer.answer("5G专网项目省级300w 能配多少 钱能买服务器吗", None, LATER).text
    assert "30万元" in both and "信息化建设" in both


def test_what_a_date_stands_for_asked_as_what_it_refers_to(composer: Composer):
    text = composer.answer("通知里的8月26日分别指什么", None, LATER).text
    assert "验收申请截止" in text and "项目须建设完成的最后期限" in text


def test_a_question_after_the_firms_figures_is_answered_beside_their_amount(composer: Composer):
    text = composer.answer("上云项目省级资金三十万。市里给钱之前要经过哪些程序？", None, LATER).text
    assert "3万元" in text and "专家" in text and "8月26日" in text


def test_when_the_money_comes_says_it_is_paid_after_the_fact(composer: Composer):
    text = composer.answer("上云项目 补贴啥时候给 按啥比例", None, LATER).text
    assert "10%" in text and "事后奖补" in text


def test_an_english_construction_window_and_a_wrap_up_month_are_judged(composer: Composer):
    text = composer.answer(
        "Our retrofit kicked off in October 2021 and should wrap up in July 2022. "
        "Does that fall inside the eligible construction window?",
        None,
        LATER,
    ).text
    assert "Completed in July 2022: the whole month lies within the construction window" in text


def test_paperwork_due_at_the_end_of_a_month_is_a_deadline_corrected(composer: Composer):
    wrong = composer.answer(
        "Our plant manager thinks the acceptance paperwork is due at the end of September. Is that right?",
        None,
        LATER,
    )
    assert wrong.entry_id == "acceptance-application-deadline" and "August 26, 2022" in wrong.text
    docs = composer.answer("Which documents are due at the registration stage?", None, LATER)
    assert docs.entry_id == "entry-materials"


def test_conditions_to_check_before_applying_are_who_may_apply(composer: Composer):
    text = composer.answer("What eligibility conditions should we check before applying?", None, LATER)
    assert text.entry_id == "who-can-apply"


def test_money_for_non_it_expenses_asks_how_the_subsidy_is_used(composer: Composer):
    text = composer.answer(
        "Is the subsidy paid before or after the project? And can it go to non-IT expenses?", None, LATER
    ).text
    assert "事后奖补" in text and "IT construction" in text


UNSTATED_DETAILS = (
    "验收材料交上去以后一般多久出结果",
    "When exactly will the city bureau publish the list of projects accepted into the pool?",
    "入库项目储备汇总表里“所属行业代码”那一栏怎么填",
    "验收通过以后大概多久能到账？一般要几个月",
    "2022年韶关工业互联网项目最后一共批了多少钱，多少个项目",
    "去年韶关有多少个工业互联网项目拿到了补贴",
    "入库截止之后还能补交材料吗？",
    "for acceptance do we need to attach all invoices? which ones exactly",
    "what's the penalty if we misuse the subsidy, fine amount?",
    "When exactly will the expert acceptance review for 5G projects be held? Is there a date yet?",
    "去年报过没通过 今年再报会扣分吗",
    "绩效目标有没有模板？绩效评价什么时候做？",
    "我们2021年已经入库过一个项目，今年还要重新入库吗？",
    "如果验收拿了钱以后被查出补贴挪用了，要退回多少？会不会按几倍罚款、几年内不能再申报财政项目？",
    "市级资金会唔会分两期拨付？第一期几时到？",
    "入庫評審會唔會要我哋做 presentation 或者答辯？",
    "項目入庫之後可唔可以改項目名稱同內容？",
    "What scoring criteria and weights do the experts use when ranking projects?",
    "What's the minimum project investment required to qualify?",
    "Is the list of projects approved last year under this programme available somewhere?",
    "验收通过后大概多久能拿到补贴款？",
    "补贴款是打到公司基本户还是一般户",
    "Can the commitment letter (承诺书) be signed electronically instead of with a wet-ink signature?",
    "入库后公司改了名字，需要去哪里办变更手续？",
    "入库申报交上去以后还能撤回或者换成别的项目吗？",
    "Is there an online application system for the 入库 stage, or do you have a portal link?",
    "验收申请报告要盖哪些单位的章？",
    "入库专家评审的打分标准是怎样的，多少分以上才能入库？",
    "入库申报有没有网上申报系统？网址是什么？",
    "Will the experts do an on-site inspection during the acceptance review?",
    "拨款分几期",
    # how many projects the city supports in all, how long a step takes, on-site checks, reports
    # made against a project, which financial statements: none of it is given
    "全市计划支持几个项目",
    "县里出初步意见需要多长时间",
    "专家验收时会来实地核查吗",
    "公示期间被人举报了怎么办",
    "申报书的财务数据用哪一年的",
    "入库评审专家怎么打分",
    "拿了补贴以后几年内不能迁出韶关",
    "Is there a web portal where we can track the status of our application?",
    "全市今年一共安排了多少资金",
    "验收名单什么时候公布",
    "验收通过以后还要给财政局提交什么",
    "同一个系统升级以后还能再申报吗",
    # a firm looked up on a list: the assistant cannot, and the notice gives no list
    "帮我查下乳源的某某厂在不在验收名单里",
    # quotas per county, the year of the evaluation, a vendor's qualifications, examples to copy,
    # a site visit in Cantonese, how the money travels, follow-up visits, a district's top-up
    "每个区可以推荐几个项目",
    "绩效评价是什么时候做",
    "集成商要有什么资质",
    "申报书有没有填写范例",
    "验收时专家会唔会落厂",
    "奖补是直接打给企业还是先拨到县里",
    "验收完了工信局会来回访吗",
    "浈江区有没有区里再配套的钱",
    "入库评审要多久，几月份公示",
)


@pytest.mark.parametrize("question", UNSTATED_DETAILS)
def test_details_the_notice_never_gives_are_said_to_be_unstated(composer: Composer, question: str):
    # when results come out, a form's column, a bare count or duration after such a detail, penalties,
    # re-entry, instalments, presentations, renaming, scoring, account kinds, signatures, seals …
    assert composer.answer(question, None, LATER).entry_id is None, question


def test_which_carrier_to_build_a_5g_network_with_is_outside(composer: Composer):
    assert composer.answer("5G专网找移动做还是找电信做比较划算", None, LATER).kind is Kind.OUTSIDE


def test_each_attachments_hand_in_date_is_asked_by_what_time_before(composer: Composer):
    text = composer.answer("附件4验收申请报告和附件3申报书，分别什么时候之前交？", None, LATER).text
    assert "7月8日" in text and "8月26日" in text
    assert composer.answer("项目建设要在几号之钱完成", None, JUNE_20).entry_id == "construction-window"


def test_being_held_up_past_a_date_asks_the_stages_deadline(composer: Composer):
    composed = composer.answer("我们老总出差到七月中旬才回来签字，头一关的报名会不会被耽误？", None, LATER)
    assert composed.entry_id == "entry-deadline"


def test_money_moved_to_another_department_asks_its_use_with_no_other_part(composer: Composer):
    composed = composer.answer("錢落嚟之後點樣管？可唔可以撥去其他部門用？", None, LATER)
    assert composed.entry_id == "fund-management" and "注册登记" not in composed.text


def test_copies_told_beside_a_choice_of_places_ask_the_place(composer: Composer):
    assert composer.answer("纸质材料7份是交到县里还是直接交市里？", None, LATER).entry_id == "where-to-submit"
    assert "不是一式3份" in composer.answer("打印三份就够了吧", None, LATER).text


def test_the_bureaus_address_is_unstated_and_how_to_get_there_is_outside(composer: Composer):
    assert "通知没有写明" in composer.answer("市工信局在哪里", None, LATER).text
    assert composer.answer("材料交到哪里", None, LATER).entry_id == "where-to-submit"
    trip = composer.answer("韶關市工信局喺邊度？我想親自拎材料過去，點樣搭車", None, LATER)
    assert trip.entry_id is None
    robots = composer.answer("Does Shaoguan subsidise industrial robot purchases this year?", None, LATER)
    assert robots.kind is Kind.OUTSIDE


def test_first_come_first_served_asks_how_entries_are_ranked(composer: Composer):
    composed = composer.answer("入库项目是先到先得吗，早交是不是更有优势", None, LATER)
    assert composed.entry_id == "entry-expert-review" and "优先排序" in composed.text


def test_when_the_city_gives_its_match_is_paid_after_acceptance(composer: Composer):
    text = composer.answer("5G融合示范项目省级专项280万，市里配套多少，啥时候给", None, LATER).text
    assert "28万元" in text and "验收通过后" in text


def test_the_first_rounds_printouts_are_its_paper_copies(composer: Composer):
    text = composer.answer(
        "For the first round, is it one form or several? And are printouts needed?", None, LATER
    ).text
    assert "Attachment 3" in text and "7 copies" in text


def test_a_fixed_ten_percent_asks_who_decides_the_final_amount(composer: Composer):
    composed = composer.answer("老板问：补贴最终能到多少是不是固定按10%给？", None, LATER)
    assert composed.entry_id == "final-amount" and "资金池" in composed.text


def test_a_bare_follow_up_of_an_answered_ask_is_answered(composer: Composer):
    assert composer.answer("What attachments are needed? Which ones exactly?", None, LATER).entry_id


def test_proof_to_attach_at_the_same_time_is_one_question(composer: Composer):
    composed = composer.answer(
        "入库申报书里填的项目总投资是三百八十万，要不要同时附上银行流水、付款凭证或者设备照片作为证明？",
        None,
        LATER,
    )
    assert composed.entry_id is None


def test_when_before_a_gerund_joins_a_story_and_asks_no_date(composer: Composer):
    composed = composer.answer(
        "Is the 10% matching guaranteed? Our bank (ICBC Qujiang branch) wants to book it as a receivable "
        "when assessing our working-capital loan.",
        None,
        LATER,
    )
    assert composed.entry_id == "final-amount"
    assert composer.answer("when is the deadline", None, LATER).entry_id == "deadlines-overview"


def test_a_spaced_dash_parts_a_request_from_its_story(composer: Composer):
    composed = composer.answer(
        "Please list all the key dates in this notice — our project office in Guangzhou needs them for a "
        "Gantt chart. We're doing a cloud MES for a Shaoguan plant.",
        None,
        LATER,
    )
    assert composed.entry_id == "deadlines-overview"


def test_a_platform_built_for_an_amount_is_its_investment(composer: Composer):
    text = composer.answer(
        "Our group built a big 'industrial brain' platform for RMB 120 million total, used by eight Shaoguan "
        "factories. Our CFO assumes 10% = 12 million from the city. Is that right?",
        None,
        LATER,
    ).text
    assert "capped at RMB 1,000,000" in text


def test_cantonese_thanks_is_thanks(composer: Composer):
    assert composer.answer("唔該晒，你哋好幫到手", None, LATER).kind is Kind.THANKS


def test_who_may_claim_and_a_firm_with_no_entity_here(composer: Composer):
    claim = composer.answer(
        "Who can claim the benchmark platform subsidy - the factory using it or the software company?",
        None,
        LATER,
    )
    assert "software and information service" in claim.text
    hk = composer.answer(
        "We're a trading company set up in Hong Kong with no entity in Shaoguan. Can we apply?", None, LATER
    )
    assert hk.entry_id == "registration-jurisdiction"
    listed = composer.answer(
        "We're a Hong Kong-listed group. Our Shaoguan subsidiary wants one cloud project and one 5G project. "
        "Is that allowed, and what's the max for each?",
        None,
        LATER,
    )
    assert listed.kind is Kind.ANSWER and "1,000,000" in listed.text


def test_millions_abbreviated_mil_are_read(composer: Composer):
    text = composer.answer(
        "provinical fund gave our cloud project 2.8 mil, whats the city subsidey?", None, LATER
    ).text
    assert "RMB 280,000" in text


def test_two_points_in_time_are_the_stages_deadlines_and_four_categories_each_cap(composer: Composer):
    text = composer.answer("项目入库和验收申请这两个时间点我老是搞混，能分别说一下吗", None, LATER).text
    assert "2022年7月8日" in text and "2022年8月26日" in text
    lowest = "Which of the four categories has the lowest maximum, and what is it?"
    caps = composer.answer(lowest, None, LATER)
    assert caps.entry_id == "amounts-overview" and "500,000" in caps.text


def test_a_platform_no_local_firm_uses_gets_its_rule_of_where(composer: Composer):
    text = composer.answer(
        "系统性平台投资四百五十万，但目前还没有本地制造企业在用，能申请市级扶持吗", None, LATER
    ).text
    assert "45万元" in text and "在我市制造业企业得到应用" in text


def test_who_signs_is_unstated_and_wages_are_outside(composer: Composer):
    assert composer.answer("承诺书要唔要公证？HK director 签字得唔得？", None, LATER).entry_id is None
    assert composer.answer("公司想喺韶關請 IT 工程師，平均人工大概幾多？", None, LATER).kind is Kind.OUTSIDE


@pytest.mark.parametrize(
    "question",
    [
        "我们是中外合资企业，在韶关注册，除了注册还有什么条件？",
        "我哋係中外合資企業，喺韶關註冊，除咗註冊仲有咩條件？",
        "Apart from being registered in Shaoguan, what other conditions are there?",
    ],
)
def test_conditions_besides_the_one_named_are_all_the_conditions(composer: Composer, question: str):
    text = composer.answer(question, None, LATER).text
    assert "失信" in text or "dishonest" in text.lower(), question


def test_a_figures_name_typed_as_a_homophone_is_read(composer: Composer):
    text = composer.answer("系统性平胎项目头资七百万，市里能不能补七十万", None, LATER).text
    assert "700万元 × 10% = 70万元" in text
    # a numeral and its unit are never taken for a typo (35万上云 is no 35晚上云)
    assert "3.5万元" in composer.answer("省级给了35万上云的钱，市里补多少？", None, LATER).text


def test_a_date_told_as_today_asks_nothing_and_the_time_left_is_counted(composer: Composer):
    composed = composer.answer(
        "Today is June 28. How long do we have left for the database (入库) registration?", None, LATER
    )
    assert "is 10 days" in composed.text and "June 10, 2022" not in composed.text


def test_a_stage_to_be_done_by_a_date_is_its_deadline_not_the_projects_completion(index: SearchIndex):
    reader = Reader(index)
    topics = reader.read("入库是不是六月三十号前就要弄完？").topic_ids({"entry", "construction-window"})
    assert topics == ["entry"]
    built = reader.read("项目是不是8月底前就要弄完").topic_ids({"construction-window"})
    assert built == ["construction-window"]


def test_two_things_joined_are_each_answered(composer: Composer):
    text = composer.answer("麻烦问下，绩效目标和资金管理这块，通知里有什么硬性要求", None, LATER).text
    assert "可考核" in text and "专账" in text


def test_a_belief_told_after_a_question_on_a_direction_is_no_other_programme(composer: Composer):
    composed = composer.answer("5G+制造业方向主要是解决什么问题？老板以为就是装几个5G基站", None, LATER)
    assert composed.entry_id == "direction-4-scope"
    assert composer.answer("我们想建几个5G基站，有没有补贴？", None, LATER).kind is Kind.OUTSIDE


@pytest.mark.parametrize(
    ("question", "entry", "said"),
    [
        # 係咪咁 after a story means the story, nothing on its own
        (
            "我哋係翁源一間細廠，老闆話呢個補貼年年都有，今年錯過咗入庫都唔緊要，驗收嗰陣再報就得。係咪咁？",
            "still-open",
            "7月8日",
        ),
        # a Chinese asker in an English message is who asks, no unknown word
        (
            "老板 asks if the 5G demo project subsidy depends on anything besides the provincial grant.",
            "direction-4-amount",
            "demonstration",
        ),
    ],
)
def test_who_asks_and_is_that_so_say_nothing_of_what_is_asked(
    composer: Composer, question: str, entry: str, said: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry and said in composed.text


def test_above_scale_status_and_the_5g_factory_list_are_outside(composer: Composer):
    for question in ("怎么查我们企业是不是规上企业？", "national 5G factory list (5G全连接工厂) documents?"):
        assert composer.answer(question, None, LATER).kind is Kind.OUTSIDE, question


def test_figures_named_by_their_project_after_the_money_named_once(composer: Composer):
    text = composer.answer(
        "我们厂有两个车间分别做了上云和5G，都拿了省级资金，上云八十万，5G一百六十万。老板想知道市里一共能配套多少？",
        None,
        LATER,
    ).text
    assert "省级专项资金80万元 × 10% = 8万元" in text and "省级专项资金160万元 × 10% = 16万元" in text


def test_last_years_programme_in_english_is_another_round(composer: Composer):
    asked = (
        "How many projects did Shaoguan fund under last year's IIoT programme, and what was the total amount?"
    )
    assert composer.answer(asked, None, LATER).kind is Kind.OUTSIDE
    # and in Chinese, the city's programme named by its year
    assert composer.answer("去年韶关工业互联网项目入库的截止日期是哪天", None, LATER).kind is Kind.OUTSIDE


def test_a_stages_deadline_offered_in_chinese_numerals_is_answered(composer: Composer):
    composed = composer.answer("入库是不是六月三十号前就要弄完？我记得通知说的是月底", None, LATER)
    assert "7月8日" in composed.text


@pytest.mark.parametrize(
    "question",
    [
        "8月26号前要交给县工信局什么材料",
        "What exactly has to go to the county bureau by 26 August?",
        "What do we submit to the county bureau by 26 August?",
    ],
)
def test_what_goes_to_the_bureau_by_a_stages_date_is_that_stages_materials(composer: Composer, question: str):
    text = composer.answer(question, None, LATER).text
    assert ("附件4" in text or "Attachment 4" in text) and "承诺书" in text, question
    assert composer.answer("材料交给县工信局还是市工信局", None, LATER).entry_id == "where-to-submit"


def test_the_provinces_own_guide_for_a_directions_funds_is_outside(composer: Composer):
    asked = "省里今年上云上平台专项资金的申报指南出了没有？"
    assert composer.answer(asked, None, LATER).kind is Kind.OUTSIDE
    told = composer.answer("省里给了上云项目200万专项资金，市里配多少", None, LATER)
    assert "20万元" in told.text


def test_terse_asks_of_registration_and_of_the_subsidys_use(composer: Composer):
    due = composer.answer("registration due? what forms?", None, LATER)
    assert due.entry_id == "entry-deadline" and "Attachment 3" in due.text
    assert composer.answer("补贴使用 合规要求?", None, LATER).entry_id == "fund-management"
    booked = composer.answer("标杆项目省级给了八十五万，市里配套多少？钱要专门记账吗？", None, LATER).text
    assert "8.5万元" in booked and "专账" in booked


def test_applying_as_the_contractor_is_asked_of_beside_the_limit(composer: Composer):
    text = composer.answer(
        "We're applying as the contractor for a factory's cloud project. What do we need from the factory,"
        " and how many projects can we apply for at most?",
        None,
        LATER,
    ).text
    assert "written consent" in text and "2 projects" in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # paid or unpaid equipment, things in words the knowledge base does not know: what counts
        ("建设期内已经付了的设备款才算？还是签了合同没付的也算", "investment-scope"),
        ("买的工业相机和边缘服务器能算到项目投资里吗", "investment-scope"),
        # a third project after two: the limit of two
        ("我们第一轮报了俩项目，后来又想加第三个，还能加吗", "max-two-projects"),
        # booking the subsidy with other income: its own account
        ("补贴款入账有咩要求？可唔可以同其他收入混埋一齐做账？", "fund-management"),
        # requirements besides one of the targets: the targets' own (not all the conditions)
        ("绩效目标除了可考核可量化，还需要符合什么要求", "performance-targets"),
        # whether a direction requires a technology: its scope
        ("标杆项目是不是必须用5G才行？", "direction-2-scope"),
        ("Does the benchmark platform have to use 5G?", "direction-2-scope"),
        # a rate's base asked: the amount; the commitment letter named in English: its stage
        ("the 10% for the platform category — 10% of what exactly?", "amount-calculation"),
        ("What does the commitment letter go with, and where is it sent?", "acceptance-materials"),
        # where a good project is put forward; the limit of two asked as a doubt
        ("做得特别好的话，除了市里的钱还会往哪推荐", "quality-project-recommendation"),
        ("我们给很多企业部署了平台，是不是也只能报2个", "max-two-projects"),
        # equipment bought in an earlier year, a batch of it: no round of that year
        ("2019年买好的一批服务器能不能算进项目投资", "investment-scope"),
        # one project in each of two directions: the limit of two
        ("上云跟5G各申报一个行不行", "max-two-projects"),
        # how many steps; the money paid before or after; the section's contact; the pool stage in
        # English
        ("申报总共分几步", "process-overview"),
        ("补贴是先拿还是后拿", "support-method"),
        ("负责这事的科室联系人是谁", "contacts"),
        ("What comes out of the expert review at the pool stage?", "entry-expert-review"),
        # what comes after the county's preliminary opinion, and after the acceptance results are published
        ("区工信局出了初步意见以后，市工信局接下来做什么", "project-acceptance"),
        (
            "The district bureau has sent its preliminary opinion. What will the city bureau do next?",
            "project-acceptance",
        ),
        ("验收结果公示结束之后，下一步呢", "payment-after-acceptance"),
        # the city's sum asked as what finally arrives, or whether the bureau adjusts it
        ("最后拿到手是不是就是百分之十", "final-amount"),
        # a count offered as what a direction pays by: the direction's rule
        ("5G项目补贴是按基站个数算的吗", "direction-4-amount"),
        ("上云项目是不是按上云用户数补的？一个账号补多少", "direction-1-amount"),
        # a stage's package is its papers; paying for equipment out of the city's money first
        ("What goes into the application package for the database stage?", "entry-materials"),
        ("设备款能不能先用市里的补贴垫付", "support-method"),
        # who organises the experts is the notice's; who they are is not said
        ("专家是谁组织的", "project-acceptance"),
        # the year the notice was come upon is no other round
        ("我哋2025年先睇到呢份文，入庫幾時截止㗎？", "entry-deadline"),
        # an item of a section asked as 一(几)
        ("我们做给家具行业用的AI质检平台，部署在客户厂里，对应文件一(几)？", "direction-2-scope"),
        # who asks (a bookkeeper for several firms) is no outside matter
        ("帮几家厂做账，其中一家5G项目省里给了三百万，市级配套多少？", "direction-4-amount"),
        # an account of its own for the money is the dedicated account
        ("补贴到了之后要不要开独立账户", "fund-management"),
        # put on a court's list is a dishonest judgment debtor; 按什么来补 asks how the sum is worked out
        ("老板欠了钱被法院列入名单了，公司还能报吗", "compliance-conditions"),
        (
            "系统性制造业互联网平台这个方向，市里按什么来补的？我们跟集成商一起做的，已经在厂里用起来了",
            "direction-3-amount",
        ),
        # entry asked as needed before the acceptance application: the order of the steps
        ("Do we need to enter the project pool before we apply for acceptance?", "process-overview"),
    ],
)
def test_answered_by_its_entry(composer: Composer, question: str, entry: str):
    assert composer.answer(question, None, LATER).entry_id == entry, question


def test_an_attachment_named_by_its_short_name_has_its_full_title_told(composer: Composer):
    text = composer.answer("验收申请报告的全称怎么写", None, LATER).text
    assert "附件4：2022年韶关市制造业高质量发展促进工业互联网应用项目验收申请报告" in text


@pytest.mark.parametrize(
    ("question", "entry", "said", "outside"),
    [
        (
            "入库几号截止？另外5G网关什么品牌好？",
            "entry-deadline",
            "7月8日",
            "“5G网关什么品牌好”不在本通知范围内",
        ),
        (
            "When is the acceptance deadline? Also, which bank gives the lowest interest rate on loans?",
            "acceptance-application-deadline",
            "August 26",
            'As for "which bank gives the lowest interest rate on loans": that is outside this notice',
        ),
    ],
)
def test_of_several_asks_the_notices_are_answered_and_the_other_said_outside(
    composer: Composer, question: str, entry: str, said: str, outside: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry
    assert said in composed.text and outside in composed.text


def test_the_commitment_letter_in_english_is_no_stage_of_its_own(composer: Composer):
    text = composer.answer("Is the commitment letter handed in at the registration stage?", None, LATER).text
    assert "Attachment 5 is not submitted at the Project-pool entry application" in text


@pytest.mark.parametrize("question", ["验收申请几份交给谁几号前", "验收申请几份，交给谁，几号前"])
def test_asks_run_on_are_each_answered_of_the_stage_named_first(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == "acceptance-application-deadline"
    assert (
        "一式七份" in composed.text
        and "8月26日" in composed.text
        and "当地工业和信息化主管部门" in composed.text
    )
    assert "入库申报须在2022年7月8日前完成" not in composed.text  # no other stage's deadline


def test_how_the_subsidy_is_booked_is_no_choice_of_support(composer: Composer):
    assert composer.answer("奖补资金入账计入其他收益还是营业外收入", None, LATER).entry_id is None
    assert composer.answer("市级资金是贷款贴息还是补助", None, LATER).entry_id == "support-method"


@pytest.mark.parametrize(
    "question",
    [
        # a choice of spans, a month, a count of chances, after a detail the notice never gives
        "验收通过后奖补资金大概多久能到账？一个月还是半年",
        "入库评审完多久能出结果？大概几月份",
        "验收不通过可以整改后重新申请验收吗，有几次机会",
        "验收要不要专家到现场检查？检查啲咩",
        # the same in English: what they check, the procedure, within 30 days
        "During the 验收, will the experts come on site to the factory, and what exactly do they check?",
        "If our project fails acceptance, can we appeal, and what's the procedure?",
        "When exactly will the city IIoT subsidy hit our bank account after acceptance? Within 30 days?",
        "How big is the city's fund pool for the 2022 IIoT programme in RMB?",
        "How many days does the public notice (公示) of acceptance results last?",
        "What's the mailing address and room number of the Shaoguan industry and IT bureau?",
        "Can you explain what edge computing is in simple terms?",
    ],
)
def test_a_detail_never_given_and_its_bare_follow_up_are_unstated(composer: Composer, question: str):
    assert composer.answer(question, None, LATER).entry_id is None, question


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # how short the answer should be is no word of what is asked; the two stages are the process
        ("Can you summarise the support directions of this notice in a few lines?", "directions-overview"),
        ("Could you explain the two stages of this application in simple terms?", "process-overview"),
        ("申报分哪两个阶段", "process-overview"),
        # 係邊段時間: which stretch of time, in Cantonese
        ("項目建設期間係邊段時間？", "construction-window"),
        # 先 after a deed in Cantonese: only then; bonuses paid out of it: how it may be used
        ("呢個補貼係咪要做完項目先有得攞？", "support-method"),
        ("補貼可唔可以攞嚟派花紅俾員工？", "fund-management"),
        ("Can we use part of the subsidy for staff year-end bonuses?", "fund-management"),
        # moving onto a vendor's cloud is going onto the cloud
        ("Moving our ERP onto Alibaba Cloud — which category is that?", "direction-1-scope"),
        (
            "What factors does the city consider when deciding the subsidy for 5G demo projects?",
            "direction-4-amount",
        ),
        ("The 5G category mentions what technical goals?", "direction-4-scope"),
    ],
)
def test_answered_by_its_entry_in_everyday_wording(composer: Composer, question: str, entry: str):
    assert composer.answer(question, None, LATER).entry_id == entry, question


def test_a_similar_scheme_in_another_city_is_outside_not_a_firm_from_there(composer: Composer):
    composed = composer.answer("清远市有没有类似的企业上云上平台补贴？", None, LATER)
    assert composed.entry_id is None and "不在本通知范围内" in composed.text


def test_a_completion_month_of_a_year_counted_from_today_is_judged_with_the_whole_window(composer: Composer):
    text = composer.answer("去年六月就做完的上云项目，今年还能报吗", None, dt.date(2026, 12, 4)).text
    assert "2025年6月完成：晚于建设期终点2022年8月26日" in text
    assert "建设期2021年9月30日至2022年8月26日" in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the statistics bureau's 入库 of large firms; a provincial rate asked in Cantonese;
        # a zone's own scheme
        ("规上工业企业入库统计要准备什么材料？", None),
        ("省级上云上平台专项资金一般按咩比例补贴企业？", None),
        ("高新區管委會有冇自己嘅工業互聯網補貼？", None),
        # what the bureau's website publishes: both stages do
        ("市工信局网站会公示哪些东西？", "process-overview"),
    ],
)
def test_neighbouring_programmes_are_outside_and_the_website_publishes_both_stages(
    composer: Composer, question: str, entry: str | None
):
    assert composer.answer(question, None, LATER).entry_id == entry, question


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Today is 1 July 2022. How many days do we have left for the 入库 filing, and how many until"
            " the acceptance application deadline?",
            ["7 days left", "56 days left"],
        ),
        ("Quick one: it's June 15. How long until the 入库 deadline?", ["23 days left"]),
        (
            "Project completion: 15 May 2022. Today: 24 June 2022. Days left until the database deadline?",
            ["14 days left"],
        ),
        ("今天是6月20号，离入库截止还有几天", ["还有18天"]),
    ],
)
def test_the_day_a_message_says_it_is_counts_the_deadlines(
    composer: Composer, question: str, said: list[str]
):
    text = composer.answer(question, None, LATER).text
    assert all(s in text for s in said), text
    assert "49 days" not in text  # no span between the two deadlines instead


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Today is 1 July 2022. We are", dt.date(2022, 7, 1)),
        ("Quick one: it's June 15. How long", dt.date(2022, 6, 15)),
        ("Today is 25 July. How many", dt.date(2022, 7, 25)),
        ("现在是2023年7月1日", dt.date(2023, 7, 1)),
        ("今天六月二十日", dt.date(2022, 6, 20)),
        # a date not said to be today
        ("it's due July 8, right?", None),
        ("Is it July 8?", None),
        ("it is July 8 that it closes, right?", None),
        ("今天入库截止吗", None),
    ],
)
def test_the_day_said_to_be_today(text: str, day: dt.date | None):
    assert stated_today(text, 2022) == day


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a vendor from another city built it; an industry IIoT platform; the county's own comments
        (
            "A Guangzhou software vendor built our 5G edge-computing gateway, and the provincial grant of"
            " RMB 1.25 million was paid to us. What's the city top-up?",
            "direction-4-amount",
        ),
        (
            "We deployed an industry IIoT platform for four foundries in Shaoguan; provincial funding was"
            " RMB 4.2 million. What's the city match?",
            "direction-2-amount",
        ),
    ],
)
def test_answered_by_its_entry_in_long_messages(composer: Composer, question: str, entry: str):
    assert composer.answer(question, None, LATER).entry_id == entry, question


def test_a_stage_named_after_the_question_is_asked_too(composer: Composer):
    # "… and for the acceptance application": a clause that only names the second stage continues
    # the question before it, so both deadlines are answered (not the first stage's alone)
    text = composer.answer(
        "What are the deadlines for the database-entry application and for the acceptance application?",
        None,
        LATER,
    ).text
    assert "July 8, 2022" in text and "August 26, 2022" in text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # 400k, 5M said of a grant or a subsidy: money, not a length or a count
        ("5G grant 400k, city match?", "RMB 40,000"),
        ("System platform 5M: subsidy?", "RMB 500,000"),
        # 系统平台 is the systemic platform (direction 3): its base is the investment
        ("系统平台项目500万能补多少", "项目投资500万元 × 10% = 50万元"),
    ],
)
def test_short_figures_are_worked_out(composer: Composer, question: str, said: str):
    assert said in composer.answer(question, None, LATER).text, question


@pytest.mark.parametrize(
    "question",
    [
        "Is the award paid out in one go or in two instalments?",
        "项目入库以后，可以更改建设内容或者换一个项目吗？",
        "入库了但最后没拿到钱，这个入库资格明年还有效吗",
        "纸质材料可以寄快递吗",
        "上云服务商有冇推荐",
        "Who are the expert reviewers?",
        "验收不通过能整改再验吗",
        "How long does the public notice period last for the acceptance results, and can we object?",
        # a bare "which week" after a date the notice never gives asks that date too
        "When will the expert review meeting for the 入库 projects be held? Roughly which week?",
    ],
)
def test_more_details_the_notice_never_gives(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None, (question, composed.entry_id)


def test_the_dates_asked_still_valid_are_the_round_closed(composer: Composer):
    # whether the dates still hold is answered (the round closed), not taken for an unstated detail
    question = "现在已经2026年11月了，我在网上翻到这个91号文，入库和验收的时间还有效吗"
    assert composer.answer(question, None, LATER).entry_id is not None


@pytest.mark.parametrize(
    ("question", "said"),
    [("你哋有冇人工客服㗎？我想同真人傾下", "/human"), ("Can I talk to a human?", "/human")],
)
def test_a_person_asked_for_is_not_answered_from_the_notice(composer: Composer, question: str, said: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None and said in composed.text


def test_the_english_process_says_what_is_publicised(composer: Composer):
    text = composer.answer(
        "After we send in the acceptance papers, what are the steps until we actually get paid?", None, LATER
    ).text
    assert "expert" in text and "公示" in text


@pytest.mark.parametrize(
    ("question", "applicant"),
    [
        ("上云项目是哪类企业报", "的申报主体：工业企业"),
        ("What kind of company can apply for the 5G direction?", "is applied for by"),
    ],
)
def test_the_kind_of_firm_asked_of_a_direction_is_its_applicant(
    composer: Composer, question: str, applicant: str
):
    assert applicant in composer.answer(question, None, LATER).text, question


def test_a_bare_whether_asks_about_what_was_just_told(composer: Composer):
    # 可以吗 asks whether the three projects told before it may all be filed, beside the copies
    text = composer.answer("我们公司有三个数字化项目，都想报，可以吗？另外纸质材料要几份？", None, LATER).text
    assert "最多申请2个项目" in text and "一式七份" in text


def test_a_later_question_about_a_stage_said_by_another_name_keeps_to_it(composer: Composer):
    # "what is it used for" after the database stage's experts: the entry review's conclusion, not
    # the use of the subsidy
    composed = composer.answer(
        "Does the city's expert panel at the database stage produce anything in writing, and what is it"
        " used for?",
        None,
        LATER,
    )
    assert composed.entry_id == "entry-expert-review"


def test_handed_up_to_the_city_is_no_stock_listing(composer: Composer):
    # 交上市嗎: handed up to the city (the county's preliminary opinion), not a listing on the market
    text = composer.answer("我哋啲材料交咗畀區工信局，佢哋會幫我哋交上市嗎？", None, LATER).text
    assert "初步意见" in text


def test_who_applies_for_a_direction_is_its_applicant(composer: Composer):
    text = composer.answer("标杆项目是谁来申报的？我们省级给了二百八十万，市里能补多少？", None, LATER).text
    assert "软件和信息服务企业" in text and "28万元" in text


def test_an_amount_in_digits_is_no_phone_number_offered(composer: Composer):
    # RMB 1,000,000 is money, not a phone number to be told wrong ("Not 1000000.")
    text = composer.answer(
        "We got RMB 1,000,000 provincial for our cloud project, so the city gives 100k, right?", None, LATER
    ).text
    assert "Not 1000000" not in text and "RMB 100,000" in text
    # a phone number offered is still checked
    assert "不是8884322" in composer.answer("电话是8884322对吧", None, LATER).text


def test_a_later_question_is_not_answered_with_the_earlier_ones_entry(composer: Composer):
    # 要點管理 (how to manage, in Cantonese) asks a question of its own: the dedicated account, not
    # the amount again because the story named 上雲
    text = composer.answer(
        "我哋係韶關註冊嘅五金廠，上雲項目省級批咗一百五十萬，市級配套幾多？啲錢落嚟之後要點管理？",
        None,
        LATER,
    ).text
    assert "15万元" in text and "专账" in text


def test_a_grant_paid_short_is_no_vendors_discount(composer: Composer):
    # 打折扣 of the city's match asks whether it is paid short, not a price discount (out of scope)
    text = composer.answer("5G项目省里批了三百万，市里配套会不会按完成质量打折扣？", None, LATER).text
    assert "30万元" in text and "示范意义" in text
    assert composer.answer("能不能帮我们跟移动谈个折扣", None, LATER).entry_id is None


def test_provincial_instalments_are_added_up(composer: Composer):
    # a grant paid in instalments is one base: their sum, with no word of purchases (五(三))
    question = "上云项目省里的钱第一笔拨了三十万，第二笔拨了二十万，市里能配多少"
    text = composer.answer(question, None, LATER).text
    assert "30万元 + 20万元 = 50万元" in text and "5万元" in text and "采购" not in text
    # a firm's kind beside its grant is no part of it (软件公司 is no software bought)
    software_firm = "我们是软件公司，标杆项目省级专项资金三百万，市级配套多少"
    assert "= 30万元" in composer.answer(software_firm, None, LATER).text


def test_a_grant_beside_base_stations_is_worked_out(composer: Composer):
    # base stations told in the story, the provincial grant said as 省级专项: the city's match
    text = composer.answer("5G项目十二个基站，省级专项下来三百万，市级是三十万还是六十万", None, LATER).text
    assert "= 30万元" in text
    # a base-station programme asked of is still another programme
    assert composer.answer("5G基站建设有补贴吗，每个站补多少", None, LATER).entry_id is None


def test_a_scenario_guessed_into_another_direction_gets_its_own(composer: Composer):
    # 还是哪个方向: the direction guessed is offered, the scenario's own direction answers
    composed = composer.answer("工业视频监控平台是属于5G方向还是别的方向", None, LATER)
    assert composed.entry_id == "direction-2-scope"


def test_items_numbered_with_circled_numerals_are_each_asked(composer: Composer):
    text = composer.answer("①验收申请几号截止 ②一家企业最多报几个项目", None, LATER).text
    assert "2022年8月26日" in text and "最多申请2个项目" in text


def test_caps_compared_across_directions_keep_the_summary(composer: Composer):
    # an investment told and the four caps compared: the summary of the caps beside the arithmetic
    text = composer.answer("项目投资八百万左右，四个方向哪个封顶最高哪个最低", None, LATER).text
    assert "最高50万元" in text and "80万元" in text


@pytest.mark.parametrize(
    "question",
    [
        # hiring subsidies and the criteria of other designations are other policies
        "我哋廠想請幾個大學生，有冇請人補貼？",
        "规上企业的认定标准是什么？年产值多少算？",
        # applying jointly, a deadline extended
        "集团下面两家公司能不能联合申报一个项目",
        "Can we ask for an extension if our forms are a week late?",
        # details of the process: sending by courier, years of operation, a guarantee, site visits
        "纸质材料可以快递过去吗，还是一定要本人现场送？",
        "项目验收以后要保持运营几年？会不会有回访抽查？",
        "Do we need a bank guarantee or deposit to receive this subsidy?",
        "验收是专家到现场看，还是只看书面材料？",
        "Which experts will review our project, and can we ask for a different reviewer?",
        # the province's own rate (the city matches 10% of what the province gives)
        "省里对5G项目一般补多少比例？想先估一下省级能拿多少",
        "What is the provincial subsidy ratio for 5G projects?",
    ],
)
def test_other_policies_and_unstated_details_are_no_entry(composer: Composer, question: str):
    assert composer.answer(question, None, LATER).entry_id is None, question


def test_a_body_offered_as_doing_a_step_is_answered_with_the_notices(composer: Composer):
    # 是会计师事务所做吧: who does the acceptance is asked (the city bureau's experts)
    text = composer.answer("项目验收是交给会计师事务所来做吧？", None, LATER).text
    assert "市工信局组织专家" in text


def test_the_basis_documents_year_offered_is_no_other_round(composer: Composer):
    composed = composer.answer(
        "Is the legal basis the 2019 Shaoguan opinions on high-quality manufacturing?", None, LATER
    )
    assert composed.entry_id == "policy-basis"


def test_a_platform_installed_elsewhere_does_not_meet_its_directions_place(composer: Composer):
    text = composer.answer(
        "Our systemic platform is installed only at plants in Zhuhai. Can we apply?", None, LATER
    ).text
    assert "one in Zhuhai does not meet this" in text


@pytest.mark.parametrize(
    "question",
    [
        "评审专家都有谁",
        "验收专家组几个人？专家从哪个库里抽",
        "How many experts review our project, and can we see their scoring sheet?",
        "评审会在线上开还是线下开",
        "入库评审会哪天开",
        "验收专家能不能提前沟通一下",
    ],
)
def test_review_details_the_notice_never_gives(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    said = "通知没有写明" in composed.text or "The notice does not say" in composed.text
    assert composed.entry_id is None and said, question


def test_another_citys_similar_subsidy_is_its_own(composer: Composer):
    # a subsidiary there told, then whether that city has a similar subsidy: that city's policy
    question = "我们在江门的子公司，江门市有没有类似的工业互联网项目补贴？"
    assert composer.answer(question, None, LATER).entry_id is None


def test_ranked_low_asks_the_final_amount(composer: Composer):
    assert composer.answer("排名靠后的项目是不是就分不到钱了", None, LATER).entry_id == "final-amount"


def test_two_things_set_against_each_other_are_each_answered(composer: Composer):
    composed = composer.answer("Attachment 2 vs Attachment 3: what's the difference?", None, LATER)
    assert composed.entry_id is not None and "Attachment 3" in composed.text


def test_a_completion_day_without_its_year_outside_in_both_years_is_judged(composer: Composer):
    # 8月27日 to 9月29日 lie outside the window in 2021 and in 2022 alike: judged, with the late days
    text = composer.answer("系统预计九月五号上线，还来得及吗？", None, LATER).text
    assert "不论哪一年都不在建设期内" in text and "晚了10天" in text
    english = composer.answer(
        "The gateway goes live on August 30. Does that fit the window?", None, LATER
    ).text
    assert "whichever year is meant" in english and "4 days after the window closes" in english
    # a day inside the window in one of its years is not judged without the year
    assert "不论哪一年" not in composer.answer("系统预计十月五号上线，还来得及吗？", None, LATER).text


def test_a_completion_day_in_traditional_characters_is_judged(composer: Composer):
    text = composer.answer("平台預計2022年9月2日上線，仲趕得切嗎？", None, LATER).text
    assert "晚了7天" in text


def test_a_project_not_yet_used_in_the_city_is_told_its_directions_place(composer: Composer):
    text = composer.answer(
        "系统性平台投了五百万，还没在本市的制造业企业用起来，能补五十万吗", None, LATER
    ).text
    assert "要求项目在我市制造业企业得到应用" in text and "50万元" in text


def test_the_basis_documents_number_is_asked_by_its_name(composer: Composer):
    assert (
        "韶委字〔2020〕2号" in composer.answer("财务问91号文依据的那份实施意见文号是多少", None, LATER).text
    )


def test_hiring_separately_is_no_new_question(composer: Composer):
    # 另外请会计师事务所: hiring one separately, not "besides"; the special audit is never mentioned
    composed = composer.answer("验收要不要另外请会计师事务所出专项审计报告？费用谁出", None, LATER)
    assert composed.entry_id is None


def test_a_part_of_a_month_without_its_year_outside_in_both_years_is_judged(composer: Composer):
    text = composer.answer("网关要九月中才能装好，还赶得上吗？", None, LATER).text
    assert "9月11日至20日完成：不论哪一年都不在建设期内" in text


def test_a_firm_not_registered_in_the_city_is_no_project_elsewhere(composer: Composer):
    # 不是在韶关注册的: where the firm is registered, not a project outside the city
    text = composer.answer(
        "我们公司不是在韶关注册的但平台部署在韶关，标杆项目省里给了200万，市里配多少", None, LATER
    ).text
    assert "在外地的项目不符合这一条" not in text and "20万元" in text


# voice input runs its asks on without a comma; a thing or a story told beside a question of the notice
@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("上云省级拿了一百二十万市里补几多验收交几份", "direction-1-amount", "一式七份"),
        (
            "那个就是我们是翁源的一个小厂做陶瓷的上了云MES省里给了六十万市里配套多少几号前要交验收申请",
            "direction-1-amount",
            "8月26日",
        ),
        (
            "我是厂里做会计的老板叫我问下验收那个申请几月几号前要交交给谁市里还是县里",
            "acceptance-application-deadline",
            "当地工信部门",
        ),
        ("我们厂就是做电机的想申请要满足啥条件要交啥几号截止", "deadlines-overview", "近5年"),
        ("投资额算合同总额，还是只算实际花出去的？", "investment-scope", "已投入"),
        ("客户想把全公司新买的办公电脑也算进投资额，行吗", "investment-scope", "与项目相关"),
        ("七月八号之前要填哪两个东西", "entry-materials", "附件3"),
        ("一共几个支持方向 分别补多少", "amounts-overview", "四个方向"),
        ("系统性平台补贴的前提是什么 我们的平台只在深圳用", "direction-3-amount", "在深圳的项目不符合这一条"),
        ("工艺改进用的数字孪生软件，客户部署在公有云上，算哪条", "direction-1-scope", "工艺改进"),
        (
            "客户就买了我们云CRM几十个账号做客户管理和营销，这种也能报吗？算哪个方向",
            "direction-1-scope",
            "客户管理",
        ),
        ("帮我概括下这个通知的目的，PPT第一页要用，简短点", "purpose", "数字化转型"),
        ("补贴是发给我们乙方还是发给客户？我们是承建的", "builder-applying", "书面同意"),
        # (only registered there: where the firm is, not a project put there)
        ("我们只在深圳注册了公司，能报吗", "registration-jurisdiction", "注册登记"),
        # formal letters: a greeting, then the question; a signature; the year the notice was read
        (
            "您好，我在写项目背景，想引用通知开头说的发文目的，麻烦概括一下。谢谢——某咨询 文案 邵",
            "purpose",
            "数字化转型",
        ),
        (
            "尊敬的领导：项目投资额包括哪些费用？我们的人工费和培训费能算进去吗？谢谢——某机械 成本会计 龚",
            "investment-scope",
            "已投入",
        ),
        (
            "您好，我在2026年看到这份通知，请问它是哪一年发的？现在还适用吗？——某电器 市场部 小孟",
            "notice-coverage",
            "2022",
        ),
        (
            "Dear Sir or Madam, could you kindly provide the contact persons and the telephone number "
            "listed in the notice? Our consultant would like to call for clarification. "
            "Best, Sophie Wang, Administration",
            "contacts",
            "8884332",
        ),
        ("misappropriation allowed?", "fund-management", "misappropriated"),
    ],
)
def test_asks_run_on_or_told_beside_a_story_are_answered(
    composer: Composer, question: str, entry_id: str, said: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry_id and said in composed.text, composed.text[:200]


def test_farming_bid_bonds_and_applying_to_the_province_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "农业物联网大棚有补贴吗 在仁化",
            "给政府做信息化项目，投标保证金一般交多少",
            "省里那个工业互联网专项资金要怎么去省工信厅申报 要哪些材料",
            # a story of the notice's words beside a question of something else
            "怎样用Python读取西门子PLC的数据？我们做设备联网要用",
            "我哋翁源做塑料件，想买台二手注塑机，几多钱合理？海天定震雄好",
        ),
        LATER,
    )


def test_a_greeting_then_a_story_or_thanks_stays_small_talk(composer: Composer):
    closings = ("你好，谢谢你的帮忙", "你好，我们是曲江的铸造厂", "你好，帮忙看看")
    for question in (*closings, "谢谢你啊，工业互联网的事我问完了，辛苦了"):
        assert composer.answer(question, None, LATER).entry_id is None, question


def test_customs_registering_a_company_and_relocating_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "尊敬的领导：我司想申请海关AEO高级认证，请问需要满足什么条件？谢谢。某电器 关务 郭",
            "Dear Sir/Madam, does Shaoguan offer any incentives for foreign companies relocating their "
            "regional headquarters to the city? Kind regards, Thomas Müller, Expansion Manager",
        ),
        LATER,
    )


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # the notice itself still in force, asked with the year between (not a qualification kept)
        ("嗰份2022年嘅通知依家2026年仲有效吗", "still-open", "7月8日"),
        ("Is this 2022 notice still valid today?", "still-open", "July 8"),
        # another round in the story, this round asked
        ("前年那批听说是事前补助，2022这批也是事前吗", "support-method", "事后奖补"),
        # Cantonese 边年 (which year), 边类企业…先报得 (which firms may apply)
        ("呢份政策系边年嘅", "notice-coverage", "2022年"),
        ("上云项目系边类企业先报得", "who-can-apply", "工业企业"),
        # an audit said to be needless: the rule that the funds meet the government's audit
        ("朋友讲呢笔钱唔使审计喎", "fund-management", "审计"),
        # the county bureau's part before the city's: collect, summarise, give its opinion
        (
            "Does the local bureau sign off on the files before they go to the city?",
            "where-to-submit",
            "preliminary",
        ),
        ("Need a name and a number at the city bureau please", "contacts", "8884332"),
        # a story first, then a rumour told and a tag asking it
        (
            "My uncle owns a plant in Lechang. His supplier says the city gives 20% of the provincial "
            "funds for 5G projects. Is that true?",
            "direction-4-amount",
            "10%",
        ),
        ("上云和标杆两个项目都拿得到市级配套吗", "max-two-projects", "2个项目"),
        # which attachments, no stage named: all of them, each stage's
        ("我们公司要准备哪些附件", "attachments-list", "附件5"),
    ],
)
def test_the_two_hundred_thirtieth_and_first_sets_kinds_of_miss(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_firms_own_entry_kept_is_unstated_and_a_broadband_line_is_outside(composer: Composer):
    kept = composer.answer("去年入库的项目今年仲有效吗", None, LATER)
    assert kept.entry_id is None and "通知没有写明" in kept.text
    broadband = ("How long does it take to install broadband for 5G at the plant?", "装5G宽带多少钱")
    assert_outside(composer, broadband, LATER)


def test_overtime_pay_late_fees_and_looking_up_a_record_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "工人周六加班，加班费按几倍算",
            "What is the overtime pay rate for public holidays?",
            "补贴晚退了要交滞纳金吗，交多少",
            "失信被执行人名单在哪里查",
        ),
        LATER,
    )


@pytest.mark.parametrize("question", ["如果要现场答辩，流程是怎样的", "万一被人举报了，怎么办"])
def test_everyday_asks_of_a_detail_the_story_names_are_unstated(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None and "通知没有写明" in composed.text, composed.text[:120]


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # one date offered as every stage's deadline: each stage's date
        ("Is August 26 the due date for all the documents?", "deadlines-overview"),
        ("8月26号是所有环节的截止吗", "deadlines-overview"),
        # registered at home: who may apply as a whole, not the registration clause alone
        ("Company registered in Shaoguan. Eligible?", "who-can-apply"),
    ],
)
def test_every_stage_s_date_and_a_home_registration(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # put into, counted in, entered as the investment; which figure it is
        ("仓库新买的叉车能不能一起放进项目投资里", "investment-scope"),
        ("培训场地租金算在投资额里面吗", "investment-scope"),
        ("已签合同500万只付了300万，投资额按哪个数报", "investment-scope"),
        ("软件年费算不算采购费用", "investment-scope"),
        # the subsidy paid out to shareholders is the rule on using it
        ("补贴可以分红给股东吗", "fund-management"),
        # Cantonese: a dedicated account as a bank account of its own
        ("专账系咪要开个新嘅银行户口", "fund-management"),
        # English: ranking, the rate asked in percent, the clean record's years, a sum guaranteed
        ("Is it first come, first served?", "entry-expert-review"),
        ("How many percent does the city add?", "amounts-overview"),
        ("How far back does the clean-record lookback go?", "compliance-conditions"),
        ("Is the full amount guaranteed after acceptance?", "final-amount"),
        # Cantonese: which one of the four, this scheme's issuer, any problem applying
        ("四個方向入面，邊個係專門講平台標杆嘅？", "direction-2-scope"),
        ("呢个计划系咪市工信局发嘅", "issuer-and-date"),
        ("我哋系外地老板，公司喺曲江注册，申请这个有冇问题", "registration-jurisdiction"),
    ],
)
def test_the_two_hundred_thirty_second_and_third_sets_kinds_of_miss(
    composer: Composer, question: str, entry_id: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry_id, (composed.entry_id, composed.text[:160])


def test_taiwan_s_sbir_and_setting_up_a_foreign_owned_company_are_outside(composer: Composer):
    outside = ("台湾的SBIR计划我们能申请吗", "How can we set up a new WFOE here?")
    assert_outside(composer, outside, LATER)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("系统性平台投资800万，市里补多少，占投资的几成", "约占项目投资800万元的10%"),
        ("上云项目投资600万，省里给了150万，市级配套占我们总投资的百分之几", "约占项目投资600万元的2.5%"),
        (
            "We invested RMB 3m in a cloud project and got 1m provincial. What will the city pay, "
            "and what share of our investment is that?",
            "about 3.3% of the investment",
        ),
    ],
)
def test_the_city_s_amount_as_a_share_of_the_investment_given(composer: Composer, question: str, said: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is not None and composed.entry_id.startswith("direction-")
    assert said in composed.text, composed.text[:300]


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # the construction period's start and end
        ("项目建设起止日期是哪两天", "construction-window", "2021年9月30日"),
        # a further application for the money after acceptance; paid straight into the account
        ("验收过了还得再走一遍资金申报手续吗", "payment-after-acceptance", "拨付流程"),
        ("市里的钱直接打到我们账上吗", "payment-after-acceptance", "拨付流程"),
        # two projects for twice the cap: the limit and the cap per project
        ("每个项目封顶100万，我们报两个项目就能拿200万了吧", "amounts-overview", "最多申请2个项目"),
    ],
)
def test_the_construction_period_the_payment_and_two_projects_caps(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_setting_up_a_branch_and_taxing_a_bonus_are_outside(composer: Composer):
    assert_outside(composer, ("外资企业在韶关成立分公司需要准备哪些材料", "年终奖单独计税怎么算"), LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # the notice's own term asked in an English frame
        ("What is 入库?", "entry-materials", "储备"),
        # two claims and "who is right": the rule they are about
        (
            "你说8月26日前交验收申请，县里让我们8月15日前交，谁对？",
            "acceptance-application-deadline",
            "8月26日",
        ),
        # the county bureau's view before the city, doubted
        ("县局非要先出个意见再往市里报，是不是故意刁难我们", "where-to-submit", "初步意见"),
        ("这钱到底怎么个给法", "support-method", "事后奖补"),
        # a direction named beside an outside word, with the firm's figure
        ("数字孪生这类系统性平台，投资额500万，韶关本地两家厂在用，补多少", "direction-3-amount", "50万元"),
        # getting less than worked out: the final amount depends on the fund pool
        ("市里的配套验收后会不会拿不到那么多", "final-amount", "资金池"),
        # a penalty elsewhere asked whether it counts against the conditions
        ("五年内财政违规怎么算，前年税务罚过款算吗", "compliance-conditions", "财政资金"),
        ("上个月仓库着过一回火没人受伤，影响申报吗", "compliance-conditions", "重大事故"),
        ("我们在浈江区，入库找谁申报", "where-to-submit", "当地"),
        # a person asked for, and the contacts with it
        ("我要找人工客服，联系电话是多少", "contacts", "8884332"),
    ],
)
def test_the_two_hundred_thirty_sixth_and_seventh_sets_kinds_of_miss(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_certainty_is_no_rate_offered(composer: Composer):
    composed = composer.answer("市级配套是不是100%能拿到", None, LATER)
    assert "不是100%" not in composed.text


def test_more_projects_said_than_allowed_get_the_limit(composer: Composer):
    question = (
        "想报上云上平台和5G各一个，再加个系统性平台，一共三个项目，不同方向能分开算吧？三个行不行？"
        "不行的话砍哪个，老板想都报，我看悬"
    )
    assert "最多申请2个项目" in composer.answer(question, None, LATER).text


def test_a_smart_factory_built_is_a_project_not_the_programme(composer: Composer):
    composed = composer.answer("去年投了800多万建智能工厂，政府最多能补多少", None, LATER)
    assert composed.entry_id is not None and "100万" in composed.text
    assert_outside(composer, ("智能工厂认定有什么奖励", "想申报省级智能工厂，要什么条件"), LATER)


def test_an_investment_broken_down_in_brackets_is_not_added_to_its_parts():
    figures = read_amounts(
        "项目投资500万（含设备300万、软件200万）",
        {"investment": ["投资"]},
        {"investment": ["设备", "软件"]},
    )
    assert [f.yuan for f in figures] == [Decimal(5_000_000)]


def test_petitions_pulled_loans_land_licences_and_night_school_are_outside(composer: Composer):
    outside = (
        "想去信访局上访，要带什么材料",
        "银行突然抽贷，有没有办法",
        "在韶关拿地有什么优惠",
        "消防罚款可以申请减免吗",
        "营业执照换照去哪办",
        "韶关有没有夜大可以读",
        "Can we claim compensation for the late payment?",
    )
    assert_outside(composer, outside, LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # the first direction's own stages named as the project
        (
            "弄了个设备租赁平台，把闲置注塑机按机时租给附近小厂，线上结算，能报吗，归哪块",
            "direction-1-scope",
            "设备租赁",
        ),
        ("能耗优化和能耗监控各属于哪个方向", "direction-1-scope", "5G"),
        ("钱多钱少是怎么定的", "final-amount", "资金池"),
        ("老板讲补贴拿了以后还要审计，真的假的", "fund-management", "审计"),
        ("标杆项目是谁报的？我们做制造的能拿那个50万吗", "direction-2-amount", "软件和信息服务企业"),
        (
            "AGV over 5G plus machine vision, can we file them as two separate projects?",
            "max-two-projects",
            "2",
        ),
    ],
)
def test_directions_stages_the_final_amount_audits_and_who_files(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_supply_chain_platform_is_named_the_first_direction(composer: Composer):
    composed = composer.answer("厂里上了个供应链协同平台，跟三十家供应商共享订单，能不能申报", None, LATER)
    assert composed.entry_id is not None and "上云上平台" in composed.text


def test_a_platform_used_only_elsewhere_gets_the_local_use_rule(composer: Composer):
    question = "系统性平台投资500万，只在外市工厂应用，韶关本地没有用户，能按10%拿50万吗"
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == "direction-3-amount" and "在我市制造业企业得到应用" in composed.text


def test_disabled_staff_subsidies_the_wechat_account_and_bridging_loans_are_outside(composer: Composer):
    outside = ("招残疾人有补贴吗，按人头给吗", "工信局公众号叫什么", "企业应急转贷怎么申请")
    assert_outside(composer, outside, LATER)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # the stage whose deadline is named (离验收申请截止), not another stage told in the story
        ("7月20日入库名单还没出，离验收申请截止还有几天", "相隔37天"),
        ("入库是7月1号交的，距验收申请截止还有多少天", "相隔56天"),
        # a window's end named by its topic and 截止
        ("项目7月1日上线，离建设期截止还有几天", "相隔56天"),
        # new span words, and the notice's date as 发通知
        ("7月11号才想起入库，错过几天了", "相隔3天"),
        ("从发通知到入库截止，一共有多少天", "相隔28天"),
        ("2022年6月20日才看到，入库还有多久", "相隔18天"),
        # today said in full before a year is taken out as "now"
        ("今天2026年12月3号，离验收截止过去多少天了", "相隔1560天"),
        # English dates with their years
        ("How many days from 30 Sep 2021 to 26 Aug 2022?", "is 330 days"),
    ],
)
def test_spans_from_the_named_deadline_and_dates_with_their_years(
    composer: Composer, question: str, said: str
):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text, composed.text[:300]


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("现在都2026年12月了，这个申报还开着吗", "still-open"),
        ("入库和验收申请都交了，然后呢", "project-acceptance"),
        ("Is it a pre-funding or a reimbursement scheme?", "support-method"),
    ],
)
def test_the_round_still_open_what_comes_after_acceptance_and_pre_funding(
    composer: Composer, question: str, entry_id: str
):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_sim_cards_are_outside(composer: Composer):
    outside = ("How do we get 5G SIM cards for the company's phones?", "员工手机办流量卡去哪里")
    assert_outside(composer, outside, LATER)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a number of days the user counted, to check: the span between the dates told
        ("6.1开工的，要在8.26前建完，算下来一共就87天？", "相隔86天"),
        # a deadline no stage names is the notice's first on or after the user's date
        ("项目2022年1月开始，预计8月20日完成，离截止还剩6天buffer对吧", "相隔6天"),
        ("我们6月20日才看到通知，离截止还有几天", "相隔18天"),
        ("We finish on Aug 20, so 6 days before the deadline, right?", "is 6 days"),
    ],
)
def test_spans_checking_the_users_count_and_to_the_next_deadline(
    composer: Composer, question: str, said: str
):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text, composed.text[:300]


@pytest.mark.parametrize(
    "question",
    [
        "Today is Dec 2026. Can I still apply for the 2022 IIoT subsidy from Shaoguan?",
        "Can I still apply?",
    ],
)
def test_can_i_still_apply_for_the_2022_round_asks_whether_it_is_open(composer: Composer, question: str):
    assert composer.answer(question, None, LATER).entry_id == "still-open"


def test_no_provincial_funds_then_can_we_still_apply_stays_the_matching_rule(composer: Composer):
    question = "We have no provincial funds. Can we still apply?"
    assert composer.answer(question, None, LATER).entry_id == "matching-provincial-funds"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a question taken back: what follows 算了 is what is asked
        ("我在乳源，电话前面要加区号吗？算了，先告诉我通知上写的联系电话", "contacts"),
        ("Never mind, what's the entry deadline?", "entry-deadline"),
        # a direction the user had believed, told after the question, is not the one asked about
        ("边缘计算网关那个属于哪个方向？我前面以为是系统性", "direction-4-scope"),
        # 一定係: must be (not 定係, or)
        ("最終補貼金額係咪一定係10%?", "final-amount"),
        # 今年仲報得嗎: can it still be applied for this year
        ("今年仲報得嗎？而家已經2026年12月", "still-open"),
        # which firms may apply, not a funding condition
        ("係咪一定要製造業先報得？", "who-can-apply"),
        ("台資企業申請有咩限制條件?近幾年嘅紀錄要點?", "who-can-apply"),
    ],
)
def test_retractions_beliefs_and_cantonese_musts(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_calculated_is_not_a_retraction(composer: Composer):
    # 算了一下: worked out, nothing taken back; the figure is still used
    assert_answered_saying(composer, "我们算了一下，上云省级50万，市里配多少", "direction-1-amount", "5万元")


def test_different_directions_compared_give_each_cap(composer: Composer):
    composed = composer.answer("補貼上限係幾多？唔同方向一唔一樣？", None, LATER)
    assert "100万" in composed.text and "50万" in composed.text, composed.text[:300]


def test_a_belief_that_is_itself_the_question_keeps_its_direction(composer: Composer):
    assert composer.answer("我以为系统性平台也是配套，是不是？", None, LATER).entry_id == "direction-3-amount"


def test_a_retraction_needs_a_new_ask_after_it():
    from conversations.retraction import Retraction

    retraction = Retraction(["算了", "never mind"])
    assert retraction.after("区号要加吗？算了，联系电话多少") == "联系电话多少"
    assert retraction.after("区号要加吗？算了，好吧") == "区号要加吗？算了，好吧"  # nothing new asked
    assert retraction.after("我们算了一下，市里配多少") == "我们算了一下，市里配多少"
    assert retraction.after("Never mind, who do we call?") == "who do we call?"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # 高新区 is the High-tech Zone said short: where the firm is, not a registration question
        ("我们在高新区，找谁报？", "where-to-submit"),
        # what the user had mixed up is not what is asked
        ("入库要交哪些材料？我和验收的弄混了", "entry-materials"),
    ],
)
def test_the_high_tech_zone_said_short_and_a_mix_up_told(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_a_date_said_to_appear_twice_gets_every_event_on_it(composer: Composer):
    question = "8月26日这个日期在通知里出现了两次吗？一个是验收申请截止，另一个是啥"
    composed = composer.answer(question, None, LATER)
    assert "建设完成" in composed.text, composed.text[:300]


def test_insurance_a_fixed_tax_and_a_loans_letter_are_outside(composer: Composer):
    outside = (
        "我们上云后想买网络安全保险，有推荐的吗",
        "补充一下：我们是个体户，想问个体户的定额税怎么核定",
        "我刚才说的承诺书是指贷款用的承诺书，银行要的那种，怎么写",
    )
    assert_outside(composer, outside, LATER)


def test_the_month_a_firm_was_registered_is_not_its_projects_completion(composer: Composer):
    assert (
        composer.answer("我们是去年11月才注册的新公司，能报吗", None, LATER).entry_id
        == "registration-jurisdiction"
    )


def test_per_project_or_per_firm_worked_out_gives_the_two_project_limit(composer: Composer):
    composed = composer.answer("补贴按项目算还是按企业算？两个项目能各拿100万吗", None, LATER)
    assert "最多申请2个项目" in composed.text, composed.text[:400]


def test_how_the_money_is_managed_once_it_arrives_is_the_separate_account(composer: Composer):
    composed = composer.answer("能耗优化项目省里给了75万，市里配套的钱到账后怎么管理", None, LATER)
    assert composed.entry_id == "fund-management" and "专账" in composed.text, composed.text[:300]


def test_whether_the_city_treasury_pays_is_the_way_of_support(composer: Composer):
    assert_answered_saying(composer, "这次的项目是市财政出钱吗", "support-method", "市级财政资金")


def test_enough_time_from_one_stages_deadline_to_the_next(composer: Composer):
    composed = composer.answer("从入库截止算起准备验收申请，够不够两个月？", None, LATER)
    assert "相隔49天" in composed.text, composed.text[:300]


def test_the_days_to_make_beside_an_amount_are_every_deadline(composer: Composer):
    question = "我们上云项目2022年3月上线，省级资金到了70万，要赶哪些日子，能拿多少？"
    composed = composer.answer(question, None, LATER)
    assert "7月8日" in composed.text and "8月26日" in composed.text and "7万元" in composed.text


def test_a_budget_made_is_not_a_retraction():
    from conversations.retraction import Retraction

    retraction = Retraction(["算了", "这个不问了"])
    told = "省里给了900万，我们算下来市里配90万，财务已经做预算了。另外这个是事后奖补吧？"
    assert retraction.after(told) == told
    assert retraction.after("含税吗……算了这个不问了，系统性平台最高补多少") == "系统性平台最高补多少"
    assert retraction.after("区号要加吗？那算了，联系电话多少") == "联系电话多少"


def test_each_item_of_a_numbered_list_is_asked(composer: Composer):
    composed = composer.answer("1. 建设期 2. 投资范围 3. 项目数量", None, LATER)
    for said in ("2021年9月30日", "设备", "最多申请2个项目"):
        assert said in composed.text, (said, composed.text[:500])


def test_each_item_of_a_dashed_list_is_asked(composer: Composer):
    composed = composer.answer("-验收通过后怎么拿钱 -比例多少", None, LATER)
    assert "拨付" in composed.text and "10%" in composed.text, composed.text[:400]


def test_may_i_ask_asks_what_follows(composer: Composer):
    composed = composer.answer("麻烦问下这个项目的建设时间窗口，还有最多几个项目", None, LATER)
    assert "2021年9月30日" in composed.text and "最多申请2个项目" in composed.text, composed.text[:400]


def test_then_filed_with_whom_is_not_tax_filing(composer: Composer):
    question = "我们验收申请是先交县里吗？县里会出啥？然后报谁？"
    assert composer.answer(question, None, LATER).entry_id == "where-to-submit"


def test_an_amount_in_e_notation_is_worked_out(composer: Composer):
    question = "系统性平台 投资6.5e6 市级多少？要不要先有省级资金？"
    assert_answered_saying(composer, question, "direction-3-amount", "65万元")


def test_a_date_typed_with_a_dash_is_checked_against_the_window(composer: Composer):
    composed = composer.answer("设备8-27才调试完，比规定晚了一天，有没有通融的余地啊", None, LATER)
    assert "晚了1天" in composed.text, composed.text[:300]


def test_a_day_that_is_a_stages_deadline_judges_that_stage(composer: Composer):
    composed = composer.answer("7月8号下午才交到区工信局，还算数吗", None, LATER)
    assert composed.entry_id == "entry-deadline" and "截止日当天" in composed.text, composed.text[:300]


def test_which_university_to_study_at_is_outside(composer: Composer):
    assert_outside(composer, ("想读工业互联网专业，哪个大学好",), LATER)


def test_a_misquoted_number_is_corrected_not_refused(composer: Composer):
    # 19号 for 91号: a misquote of this notice's number, answered with the right one
    assert_answered_saying(composer, "文号是韶工信函〔2022〕19号吗？", "notice-number", "91号")


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a forwarded message's envelope asks nothing
        ("群消息 @所有人：这次工业互联网项目是市级资金还是省级？怎么个支持法？", "support-method"),
        # whether anyone may apply
        ("是不是所有企业都能报", "who-can-apply"),
        ("所有人都能报吗", "who-can-apply"),
    ],
)
def test_forwarded_envelopes_and_whether_anyone_may_apply(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_items_with_one_ask_said_of_them_all_get_the_overview(composer: Composer):
    composed = composer.answer("1.入库 2.验收申请 3.建设完成 这三个时间节点", None, LATER)
    assert composed.entry_id == "deadlines-overview", composed.text[:300]


def test_dashes_inside_english_are_no_list(composer: Composer):
    question = (
        "Our cloud project is mainly about tracking machine status and running the shop-floor schedule. "
        "In scope?"
    )
    assert composer.answer(question, None, LATER).entry_id == "direction-1-scope"
    assert_outside(composer, ("顺便问下，今天韶关天气怎么样",), LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # paid only once the project is over, or asked to be paid first
        ("钱是项目结束后才发吧", "support-method", "事后奖补"),
        ("项目还没开始做 可以先申报拿钱再建吗", "support-method", "事后奖补"),
        # what a direction's project must achieve is its scope, not its amount
        ("5G+制造业的项目要做到哪些？①现场控制 ②能耗", "direction-4-scope", "无人化"),
        # both of two directions applied for together: the limit of two projects
        ("上云和5G+制造业都做了，能不能两个一起报？", "max-two-projects", "最多申请2个项目"),
        # which level of government's money it is
        ("企业问这个项目奖补资金属于哪一级财政", "support-method", "市级"),
        # the amounts' summary says what sets the final amount
        ("两个项目的话每个都能拿到100万吗", "amounts-overview", "资金池和项目个数"),
    ],
)
def test_payment_scope_limit_and_level_asked_in_other_words(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("入库和验收分别是什么时间", ("7月8日", "8月26日")),
        ("先入库还是先验收 时间分别是", ("7月8日", "8月26日")),
        # the application stage set against acceptance is the entry stage
        ("前台要给企业打印，申报阶段和验收阶段各要用到哪些附件", ("附件3", "附件4")),
        (
            "FW: 1) Is 7 Jul or 8 Jul the pool deadline? 2) and acceptance 26 Aug right?",
            ("July 8", "August 26"),
        ),
        # what the city bureau organises after the entry: the expert review
        ("1.入库申报 各县区工信局啥时候前组织完 2.市局会组织什么", ("7月8日", "专家")),
    ],
)
def test_both_stages_asked_get_both(composer: Composer, question: str, said: tuple[str, ...]):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is not None and all(s in composed.text for s in said), composed.text[:400]


def test_complaints_power_cuts_and_provincial_systems_are_outside(composer: Composer):
    questions = (
        "有人投诉隔壁工厂晚上噪音大，打到我们这了，转哪里",
        "客户投诉供电局随便拉闸限电，这个该转哪个部门",
        "限电通知 能耗双控 今年还有吗",
        "广东省工业互联网省级专项资金在省厅哪个系统申报？网址多少",
    )
    assert_outside(composer, questions, LATER)
    assert composer.answer("材料交哪个部门", None, LATER).entry_id == "where-to-submit"


@pytest.mark.parametrize("question", ["这个补贴属于哪个部门管", "曲江属于哪个区", "这个项目属于哪个政策"])
def test_which_of_another_thing_is_no_question_of_directions(composer: Composer, question: str):
    # 属于哪个 followed by a department, district or policy asks which of those
    assert composer.answer(question, None, LATER).entry_id != "directions-overview"


def test_which_policy_it_comes_under_is_its_basis(composer: Composer):
    assert_answered_saying(composer, "这个项目属于哪个政策", "policy-basis", "韶委字〔2020〕2号")
    assert composer.answer("我们做MES的属于哪个方向", None, LATER).entry_id == "direction-1-scope"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a part of the investment unrelated to the project, or spent outside the construction
        # period (五(三)), is taken out before the rate is applied
        (
            "系统性平台投资380万，其中60万是跟项目无关的办公设备，补贴是多少",
            ("380万元 − 60万元 = 320万元", "32万元"),
        ),
        (
            "系统性平台项目2021年6月到2022年8月一共花了900万，其中2021年9月30日之前花掉300万，能补多少",
            ("900万元 − 300万元 = 600万元", "60万元"),
        ),
        ("系统性平台项目投资700万，但里面有150万是8月26日以后才付的，最多能补多少", ("550万元", "55万元")),
        (
            "Systemic platform: invested 5 million, of which 1 million was spent before September 30, 2021.",
            ("400,000",),
        ),
    ],
)
def test_parts_the_rules_do_not_count_are_taken_out_of_the_investment(
    composer: Composer, question: str, said: tuple[str, ...]
):
    composed = composer.answer(question, None, LATER)
    assert all(s in composed.text for s in said), composed.text[:400]


def test_a_part_of_the_investment_alone_is_not_taken_out(composer: Composer):
    # 其中 with no word of its not counting only breaks the investment down
    composed = composer.answer("系统性平台投资380万，其中设备200万，能补多少", None, LATER)
    assert "38万元" in composed.text and "−" not in composed.text, composed.text[:300]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # purchases dated wholly outside the construction window (五(三)) are set apart, not added
        (
            "系统性平台，2021年8月买服务器50万，2021年11月到2022年7月陆续采购设备软件共380万，"
            "2022年9月又追加了70万，能补多少钱？",
            ("50万元、70万元不计入", "380万元 × 10% = 38万元"),
        ),
        (
            "In Aug 2021 we bought servers for RMB 500k; from Nov 2021 to Jul 2022 we spent 3.8 million "
            "on the systemic platform. How much?",
            ("RMB 500,000 (50万元) spent outside it is not counted", "RMB 380,000"),
        ),
        # said as a part of the whole (其中): taken out of it
        (
            "系统性平台总共投了三百五十万，其中五十万是2021年8月买的设备，能补多少",
            ("350万元 − 50万元 = 300万元", "30万元"),
        ),
    ],
)
def test_purchases_dated_outside_the_window_are_set_apart(
    composer: Composer, question: str, said: tuple[str, ...]
):
    composed = composer.answer(question, None, LATER)
    assert all(s in composed.text for s in said), composed.text[:500]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a month overlapping the window's first day counts, and so does a single figure dated
        # outside it: with nothing left inside, the figure is worked as said
        ("系统性平台，2021年9月买服务器50万，2021年11月采购软件380万，能补多少", "430万元 × 10%"),
        ("系统性平台2022年10月才做完，投资了500万，能补多少", "500万元 × 10%"),
    ],
)
def test_purchases_inside_or_alone_are_worked_as_said(composer: Composer, question: str, said: str):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text and "不计入" not in composed.text, composed.text[:500]


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # a High-tech Zone firm asking where to submit: the submission entry, its committee named
        ("高新区企业的验收申请交给谁？", "where-to-submit", "高新区管委会"),
        # a builder called 承建商, or a university as the developer
        ("上云项目是由承建商报还是由企业自己报？两种都行的话承建商报要啥", "builder-applying", "书面同意"),
        ("跟高校一起研发的运维平台，高校是研发单位，高校能不能作为申报单位", "builder-applying", "书面同意"),
    ],
)
def test_where_a_zone_firm_submits_and_who_builds(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_lawsuit_with_the_builder_is_outside(composer: Composer):
    assert_outside(composer, ("我们和承建商有合同纠纷，一审判决不服，怎么上诉？",), LATER)


@pytest.mark.parametrize(
    "question", ["補貼今年用不完，可以留著以後慢慢用嗎？", "补助款到账以后做账有什么硬性要求？我们是会计"]
)
def test_unspent_or_booked_subsidy_is_its_dedicated_account(composer: Composer, question: str):
    assert_answered_saying(composer, question, "fund-management", "专账")


def test_capacity_left_unused_is_no_subsidy_question(composer: Composer):
    assert composer.answer("我们厂产能用不完", None, LATER).entry_id != "fund-management"


def test_a_cost_asked_bare_whether_it_counts_is_the_investment_rule(composer: Composer):
    assert_answered_saying(composer, "员工培训费算吗", "investment-scope", "采购费用")


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("已经公示完了，接下来拨款走什么流程", "process-overview", "拨付"),
        ("钱打到哪个账户？要不要专门开个户", "fund-management", "专账"),
        ("市工信局会不会来厂里抽查这个项目的钱怎么花的", "fund-management", "审计"),
        ("要保留哪些单据？合同、发票这些要准备给谁查", "fund-management", "审计"),
        ("入库时我们只交了申报书，是不是还少了个表", "entry-materials", "附件2"),
        ("验收要不要去答辩？还是只看材料", "project-acceptance", "专家"),
        ("我们5G项目效果一般般，验收后补贴会不会打折", "direction-4-amount", "完成质量"),
        ("按10%算我们应该有80万，但同事说实际可能给不到这么多，为什么", "final-amount", "资金池"),
    ],
)
def test_later_stage_asks_get_the_clause_that_answers_them(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_how_the_city_arranges_acceptance_is_its_clause(composer: Composer):
    composed = composer.answer("市局收到县里汇总的验收材料后，会怎么安排验收", None, LATER)
    assert "市工信局组织专家开展项目验收" in composed.text


def test_handing_in_the_acceptance_papers_in_person_is_no_acceptance_procedure(composer: Composer):
    assert composer.answer("验收材料要不要现场交", None, LATER).entry_id != "project-acceptance"


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("补贴点使有冇audit要求? 我哋想用嚟升级server", "fund-management", "审计"),
        ("support对象有咩要求? 我哋啱啱喺仁化注册咗分公司", "registration-jurisdiction", "近5年"),
        ("呢笔钱系city level定provincial level?", "support-method", "市级"),
        (
            "朋友fw咗份2022嘅通知俾我，验收申请截止係幾時？依家2026仲得唔得",
            "acceptance-application-deadline",
            "8月26日",
        ),
        (
            "Our company 已经报咗上云同5G两个, can we add a third systemic platform one?",
            "max-two-projects",
            "2",
        ),
    ],
)
def test_code_switched_and_cantonese_asks_are_read(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_system_is_no_cantonese_either_or(composer: Composer):
    composed = composer.answer("系统性平台定了吗", None, LATER)
    assert composed.entry_id is not None and composed.entry_id.startswith("direction-3")


def test_something_like_a_phrase_is_no_question(composer: Composer):
    assert not composer.reader.is_question("什么提升效率之类的")
    assert composer.reader.is_question("提升效率算什么")


def test_a_cantonese_either_or_with_a_verb_of_deciding(composer: Composer):
    composed = composer.answer("驗收係市裡定定縣裡定？會唔會問其他部門意見？", None, LATER)
    assert composed.entry_id == "project-acceptance" and "市工信局" in composed.text


def test_english_courtesies_in_a_chinese_thanks_stay_thanks(composer: Composer):
    assert composer.answer("ok 收到 thx", None, LATER).entry_id is None


def test_tech_stack_advice_solar_panels_and_titles_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "工业互联网平台开发用什么技术框架比较好",
            "厂房屋顶装solar PV, 韶关有冇补贴?",
            "我们工程师想评中级职称，要什么条件",
        ),
        LATER,
    )


def test_two_applied_for_then_another_asks_the_limit(composer: Composer):
    question = "母子公司都在韶关，母公司报了2个，子公司还能报吗，会不会算一起"
    assert_answered_saying(composer, question, "max-two-projects", "最多申请2个项目")


def test_other_programmes_named_in_english_are_outside(composer: Composer):
    assert composer.answer("what is max subsidy for 5G factory project from 韶关 city?", None, LATER).entry_id
    assert_outside(
        composer,
        (
            "Shaoguan 2022 smart manufacturing demo workshop award - how much do they give?",
            "how to apply for the national 'manufacturing single champion' title, any requirements?",
        ),
        LATER,
    )


def test_a_plain_first_question_is_answered_before_the_whole_messages_entry(composer: Composer):
    composed = composer.answer("list of attachments pls, need to download the templates", None, LATER)
    assert composed.entry_id == "attachments-list" and "does not say where" in composed.text


def test_unsure_which_step_one_is_at_asks_the_process(composer: Composer):
    question = "搞不清我们到哪一步了。7月份交过申报书之后就没动静，8月份还要交什么东西吗？"
    assert_answered_saying(composer, question, "process-overview", "附件4")
    assert composer.answer("我们的申请到哪一步了", None, LATER).entry_id is None


def test_by_the_contract_is_the_builders_rule(composer: Composer):
    question = "集团化管理，合同是集团总部（广州）签的，设备装在韶关子公司，以合同为准的话那申报主体是谁"
    composed = composer.answer(question, None, LATER)
    assert "以项目合同为准" in composed.text and "书面同意" in composed.text


def test_the_stage_asked_of_leads_before_the_state_told(composer: Composer):
    composed = composer.answer("项目基本做完了，验收申请要交什么材料", None, LATER)
    assert composed.entry_id == "acceptance-materials" and "建设完成" in composed.text
    assert composer.answer("项目做完了，还能申请验收吗", None, LATER).entry_id == "construction-window"


def test_a_project_done_in_a_later_year_is_judged_against_the_window(composer: Composer):
    composed = composer.answer("我们的上云项目是2025年搞的，这个文件还能用吗", None, LATER)
    assert "2025年完成：晚于建设期终点2022年8月26日" in composed.text, composed.text[:300]


def test_two_of_the_notices_own_places_compared_is_no_general_comparison(composer: Composer):
    composed = composer.answer("在武江区报和在高新区报有什么不同", None, LATER)
    assert composed.entry_id is not None and "高新区" in composed.text, composed.text[:200]


def test_a_figure_supposed_instead_is_worked_on_its_own_without_a_total(composer: Composer):
    composed = composer.answer("系统性平台投了1500万，市里给多少？要是只投600万又是多少", None, LATER)
    text = composed.text
    assert "1500万元 × 10%" in text and "600万元 × 10% = 60万元" in text and "合计" not in text, text[:400]


def test_a_project_outside_the_city_unnamed_gets_the_directions_place_rule(composer: Composer):
    composed = composer.answer("5G项目要是在韶关以外的厂开展，还算不算", None, LATER)
    assert "要求项目在我市开展（我市即韶关市）" in composed.text, composed.text[:300]


def test_an_attachment_and_a_stage_in_different_clauses_claim_nothing(composer: Composer):
    composed = composer.answer("申报书里绩效目标写得比较笼统，验收会不会卡", None, LATER)
    assert "不是验收申请时交的" not in composed.text, composed.text[:200]
    composed = composer.answer("承诺书是入库的时候交的吧", None, LATER)
    assert "承诺书（附件5）不是入库申报时交的" in composed.text, composed.text[:200]


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # shared out by the number of projects: the fund pool of 五(五)
        ("钱只到了一半，工信局说是按项目数量分的，有这说法吗", "final-amount", "资金池和项目个数"),
        # a platform for a whole trade is direction 2's industry-level platform
        ("开始报的上云，后来做成了给整个陶瓷行业用的质检平台，算哪一类", None, "行业性工业互联网平台"),
        # whether a fine counts as a major accident: the condition, and that the notice does not define it
        ("安全生产被罚过款，算不算重大事故", "compliance-conditions", "通知没有界定"),
        # the seven copies asked where to: where each stage's papers go
        ("纸质材料一式七份交到哪", "paper-copies", "交当地工信局"),
    ],
)
def test_more_ways_of_asking_the_notices_own_facts(
    composer: Composer, question: str, entry_id: str | None, said: str
):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text and (entry_id is None or composed.entry_id == entry_id), (
        composed.entry_id,
        composed.text[:300],
    )


def test_more_things_outside_the_notice(composer: Composer):
    assert_outside(
        composer,
        (
            "公司是失信被执行人，要怎么申请从名单里移出来",
            "数据资产入表要怎么处理",
            "车间用什么MES比较好，求推荐",
        ),
        LATER,
    )


def test_the_english_acceptance_deadline_names_the_project_pool(composer: Composer):
    composed = composer.answer("When is the acceptance application deadline?", None, LATER)
    assert "project pool (入库" in composed.text, composed.text[:300]


def test_the_step_after_entry_and_who_does_what_at_acceptance(composer: Composer):
    assert composer.answer("我们项目入库之后什么时候申请验收", None, LATER).entry_id == (
        "acceptance-application-deadline"
    )
    assert composer.answer("市工信局收到县里的汇总以后怎么验收", None, LATER).entry_id == "project-acceptance"
    text = composer.answer("验收这块有几步，区里和市里各自负责什么", None, LATER).text
    assert "初步意见" in text and "组织专家验收" in text, text[:300]
    # each form of a list asked after it (分别几号): the entry's form gets the entry's deadline
    text = composer.answer("汇总表和验收申请报告，分别几号前交", None, LATER).text
    assert "2022年7月8日" in text and "2022年8月26日" in text, text[:300]


def test_what_the_experts_asked_is_what_is_asked(composer: Composer):
    composed = composer.answer("验收时评审专家问我们奖补资金怎么管理，我们怎么答才合规", None, LATER)
    assert composed.entry_id == "fund-management" and "专账" in composed.text, composed.text[:200]
    assert composer.answer("验收时专家问我们什么", None, LATER).entry_id == "project-acceptance"


def test_the_days_a_text_names_with_their_year():
    assert days_said("2021年8月买服务器") == [(dt.date(2021, 8, 1), dt.date(2021, 8, 31))]
    assert days_said("Aug 2021 and 2022年9月3日") == [
        (dt.date(2022, 9, 3), dt.date(2022, 9, 3)),
        (dt.date(2021, 8, 1), dt.date(2021, 8, 31)),
    ]
    assert days_said("2021年13月买了服务器，2月30日付款") == []  # no such month, and no year


def test_a_month_that_does_not_exist_is_no_date_of_a_purchase(composer: Composer):
    composed = composer.answer(
        "系统性平台2021年13月买服务器50万，2021年11月采购软件380万，能补多少", None, LATER
    )
    assert "430万元 × 10%" in composed.text, composed.text[:300]


@pytest.mark.parametrize(
    "question",
    [
        "有几张发票是2022年8月27号开的，就差一天，能不能通融下",
        "云平台订阅费是2021年9月1日一次性付的三年费用，能算吗",
        "合同2021年3月签的，但是设备款是2022年1月付的，这种咋算",
        "服务器是2021年10月买的 算不算进项目投资",
    ],
)
def test_whether_a_dated_purchase_counts_is_the_investment_in_the_window(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == "investment-scope", (composed.entry_id, composed.text[:200])
    assert "2021年9月30日" in composed.text and "2022年8月26日" in composed.text


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("我在写论文，这个通知采用的是哪种资助方式？", "support-method", "事后奖补"),
        ("企业拿这个市级补贴做还款来源，钱是什么条件下才会拨？", "payment-after-acceptance", "验收通过后"),
        ("满足什么条件才拨钱", "payment-after-acceptance", "验收通过后"),
        ("生物制药公司已经报了2个项目，第三个5G项目还能再报吗", "max-two-projects", "2个项目"),
        ("钢厂做的设备运维+视频监控平台，入库后专家的评审结论去哪看", "entry-expert-review", "公示"),
    ],
)
def test_the_two_hundred_fifty_second_and_third_sets_kinds_of_miss(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_no_cent_from_the_province_gives_no_city_match(composer: Composer):
    question = "稀土企业，DCS数据都上了云平台做工艺改进，省里一分钱没拿到，市级还有没有得补？"
    composed = composer.answer(question, None, LATER)
    assert "市级配套为0元" in composed.text, composed.text[:300]


def test_support_for_another_field_is_outside(composer: Composer):
    questions = ("钢厂超低排放改造做完了，市里有没有环保方面的奖补？", "节能这块的补贴找谁")
    assert_outside(composer, questions, LATER)
    assert composer.answer("环保方面有没有要求", None, LATER).entry_id == "compliance-conditions"


def test_a_province_said_to_give_nothing_is_worked_once_with_the_cap(composer: Composer):
    composed = composer.answer("标杆项目投了800万，省级一分没拿，市级能按投资10%拿80万吗", None, LATER)
    assert composed.text.count("市级配套为0元") == 1, composed.text[:400]
    assert "最高50万元" in composed.text and "合计" not in composed.text, composed.text[:400]


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        (
            "our ERP licence was paid in Mar 2022, does that count toward the cloud project investment?",
            "investment-scope",
            "2022-08-26",
        ),
        ("补贴到账以后要不要单独开个银行账户", "fund-management", "专账"),
        ("这个通知是依申请公开的吗", None, "主动公开"),
    ],
)
def test_more_of_the_two_hundred_fifty_third_sets_kinds_of_miss(
    composer: Composer, question: str, entry_id: str | None, said: str
):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text and (entry_id is None or composed.entry_id == entry_id), (
        composed.entry_id,
        composed.text[:300],
    )


def test_the_provinces_own_deadline_asked_in_english_is_outside(composer: Composer):
    questions = ("Does the Guangdong provincial 5G fund have its own deadline this year?",)
    assert_outside(composer, questions, LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        (
            "总部在深圳，工厂在韶关，不能报的话，要是在韶关新注册个子公司呢",
            "registration-jurisdiction",
            "注册登记",
        ),
        ("我哋套MES系统预计下年先做完，仲报唔报得", "construction-window", "2022年8月26日"),
        ("县局、市局在验收这块各自干啥", "project-acceptance", "初步意见"),
        ("专家评审是在哪个环节", "process-overview", "专家验收"),
    ],
)
def test_a_new_firm_supposed_a_project_done_next_year_and_who_reviews_when(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_registering_a_company_itself_stays_outside(composer: Composer):
    assert_outside(composer, ("如果注册一家新公司需要什么材料", "怎么注册个公司"), LATER)


def test_a_clause_saying_only_when_is_no_question(composer: Composer):
    question = "奖补资金到账以后，能不能拿来还之前买设备欠的钱？"
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == "fund-management", (composed.entry_id, composed.text[:200])


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("注塑厂5G+边缘计算网关的项目要在哪天前完成建设", "construction-window", "2022年8月26日"),
        ("入库阶段市局负责啥", "entry-expert-review", "专家"),
    ],
)
def test_completing_construction_and_the_city_bureaus_part_at_entry(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # a wrong count offered
        ("The notice comes with 3 attachments, correct?", "attachments-list", "five attachments"),
        # the call named as this one's, a wrong year offered
        ("本次申报是2021年度的吧", "issuer-and-date", "2022年6月10日"),
        # a wrong basis offered
        ("通知的依据是省里的数字化转型行动方案吧", "policy-basis", "韶委字"),
        # an advance of part of the money: the notice pays after acceptance
        ("入库以后能先领一部分补贴吗", "support-method", "事后奖补"),
        # who pays, and how the city supports a named direction
        ("补贴由哪级财政出", "support-method", "市级"),
        ("5G和制造业融合的示范项目，市里怎样支持？", "direction-4-amount", "10%"),
        # once the money is paid: when, not what is asked
        ("Once the subsidy is received, can we spend it on whatever we like?", "fund-management", "IT"),
    ],
)
def test_wrong_counts_years_and_bases_offered_and_how_the_money_comes(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_story_then_whether_the_notice_forbids_it(composer: Composer):
    composed = composer.answer("老板想拿奖补资金去还贷款，我劝不住，通知有没有规定不能？", None, LATER)
    assert composed.entry_id == "fund-management", (composed.entry_id, composed.text[:200])
    assert "不得挪用" in composed.text and "五(二)" not in composed.text


def test_the_addressees_asked_with_whether_our_firm_is_among_them(composer: Composer):
    assert_answered_saying(composer, "通知主送哪些单位？我们公司在不在里面", "addressees", "各县（市、区）")


def test_a_provincial_cap_a_carriers_discount_and_criminal_liability_stay_outside(composer: Composer):
    questions = (
        "省级资金上限是多少？是不是800万",
        "运营商的优惠有多少，5G专网能便宜吗",
        "被查出问题会不会追究刑事责任",
        "拟奖补名单公示了吗？我们厂在不在里面",
        "What was the success rate for applicants last year?",
    )
    assert_outside(composer, questions, LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # a wrong count of the directions, its items named after a colon
        ("方向一共就两个：上云、5G，是吧", "directions-overview", "四个方向"),
        # a name offered for a direction, and a direction's name asked
        ("标杆那个方向叫“智能工厂示范”对吧", "direction-2-scope", "标杆"),
        ("第三个方向叫什么名字", "direction-3-scope", "系统性"),
    ],
)
def test_a_miscount_of_the_directions_and_a_directions_name(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("5G项目最多能补多少？另外深圳那边5G项目补多少", "direction-4-amount", "100万元"),
        (
            "我们还想问高企认定怎么报。另外标杆项目省级资金300万，市级配套多少？",
            "direction-2-amount",
            "30万元",
        ),
        ("驗收申請幾時截止？仲有，啲補貼要唔要交稅？", "acceptance-application-deadline", "8月26日"),
    ],
)
def test_the_notices_ask_is_answered_beside_one_about_something_else(
    composer: Composer, question: str, entry_id: str, said: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry_id and said in composed.text, (composed.entry_id, composed.text[:200])
    assert "不在本通知范围内" in composed.text  # the other ask is said to be outside, not dropped


def test_asks_that_follow_another_programmes_stay_with_it(composer: Composer):
    questions = (
        "专精特新怎么报？截止几号",
        "技改补贴比例多少？还有申报截止是哪天",
        "2024年的申报什么时候开始？入库截止几号",
    )
    assert_outside(composer, questions, LATER)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("标杆项目省级资金 ¥ 3 600 000，市级配套多少", "36万元"),  # thousands apart by spaces
        ("方向2 300w 能拿多少", "300万元 × 10% = 30万元"),  # a direction's number, then a figure
        ("上云项目省级两百万左右，准确说是2,160,000，市里配套多少", "21.6万元"),  # the exact figure
        ("5G项目省级资金要到多少，市级配套才会碰到100万的封顶？", "1000万元"),  # the cap's figure named
    ],
)
def test_figures_written_with_spaces_made_exact_or_named_with_the_cap(
    composer: Composer, question: str, said: str
):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text, composed.text[:300]


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        ("入库交完我们就坐等补贴，验收申请几号截止？", "acceptance-application-deadline", "8月26日"),
        ("Will we receive the grant before construction begins?", "payment-after-acceptance", "事后奖补"),
        (
            "Are outstanding projects recommended for more support?",
            "quality-project-recommendation",
            "national",
        ),
        ("Where does the applicant have to be registered?", "registration-jurisdiction", "registered"),
        ("Major accidents in which fields would block us?", "compliance-conditions", "safety"),
        ("5G項目嘅補貼點樣計？", "direction-4-amount", "10%"),
    ],
)
def test_waiting_for_the_money_and_english_and_cantonese_ways_of_asking(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_lawsuits_odds_damages_and_a_craftsman_award_stay_outside(composer: Composer):
    questions = (
        "跟供应商打官司胜算大吗",
        "Can we claim damages from the late vendor?",
        "韶关工匠评选有什么条件",
    )
    assert_outside(composer, questions, LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # an emoji is a pause between two clauses, not part of the story's word
        ("消防验收刚做完🙏 工业互联网项目的验收申请几号前交", "acceptance-application-deadline", "8月26日"),
        # another procedure told first, then the notice named by its own name and asked of
        ("环评批复刚拿到，工业互联网应用项目入库几号截止", "entry-deadline", "7月8日"),
        # Cantonese: which level of government pays, what the money may be spent on
        ("今次嘅補貼係邊一級財政出錢？", "support-method", "市级"),
        ("補貼可以用喺邊度？", "fund-management", "信息化建设"),
    ],
)
def test_other_procedures_told_first_emoji_and_cantonese_asks(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_brands_fees_taxes_and_a_plan_for_another_procedure_stay_outside(composer: Composer):
    questions = (
        "网关边个牌子好用？",
        "5G专网月费几多？",
        "环保税几时申报？",
        "打算做等保测评，整个流程大概多久？",
    )
    assert_outside(composer, questions, LATER)


def test_a_statement_with_its_tag_is_an_ask_beside_an_outside_one(composer: Composer):
    composed = composer.answer("The notice has 4 attachments, right? Also who heads the bureau?", None, LATER)
    assert composed.entry_id == "attachments-list" and "five attachments" in composed.text, composed.text[
        :200
    ]
    assert "outside this notice" in composed.text


def test_the_outside_part_is_quoted_without_who_asks(composer: Composer):
    composed = composer.answer("我们还想问高企怎么认定。另外标杆项目最多补多少？", None, LATER)
    assert composed.entry_id == "direction-2-amount" and "“高企怎么认定”不在本通知范围内" in composed.text, (
        composed.text
    )


def test_a_range_of_one_amount_is_no_two_projects(composer: Composer):
    composed = composer.answer("上云项目省级大概50万到60万，市里大概能配多少", None, LATER)
    assert "6万元" in composed.text and "合计" not in composed.text, composed.text[:300]
    two = composer.answer("两个上云项目，省级分别50万、60万，市里各配多少", None, LATER)
    assert "5万元" in two.text and "6万元" in two.text  # two figures listed apart stay two projects


def test_a_rough_chinese_range_is_worked_at_both_ends(composer: Composer):
    composed = composer.answer("上云项目省级大概五六十万的样子，市里大概能配多少", None, LATER)
    assert "60万元 × 10% = 6万元" in composed.text and "约5万元至6万元" in composed.text, composed.text[:300]
    capped = composer.answer("系统性平台项目投资八百到一千二百万，市级多少", None, LATER)
    assert "按最高计100万元" in capped.text and "约80万元至100万元" in capped.text, capped.text[:300]


def test_a_range_with_its_unit_said_once_is_one_amount(composer: Composer):
    composed = composer.answer(
        "cloud project, provincial funds 0.5 to 0.6 million, how much from the city?", "en", LATER
    )
    assert "between RMB 50,000" in composed.text and "RMB 60,000" in composed.text, composed.text[:400]


def test_a_clause_ending_in_a_copula_and_a_question_mark_asks(composer: Composer):
    understood = composer.reader.read("想申报上云项目，入库申报截止时间是？要填哪几个附件？")
    assert "入库申报截止时间是？" in composer.reader.asked(understood)
    assert "入库申报截止时间" in composer.reader.read("入库申报截止时间？").clauses  # no copula: as typed


def test_a_story_of_another_procedure_turned_from_leaves_the_notice_asks(composer: Composer):
    composed = composer.answer(
        "排污许可证延续还在弄，同时想申报上云上平台项目，入库申报截止时间是？要填哪几个附件？", None, LATER
    )
    assert composed.entry_id == "entry-deadline" and "7月8日" in composed.text, composed.text[:200]
    assert_outside(composer, ("我们在办排污许可证，同时想报上云项目，排污许可证要多久能办下来？",), LATER)


def test_an_aside_telling_of_another_place_is_asked_of_by_the_tag_after_it(composer: Composer):
    composed = composer.answer(
        "標桿項目省級資金500萬，市級配套最多幾多？另外聽講佛山都有類似嘅政策，係咪真㗎", None, LATER
    )
    assert composed.entry_id == "direction-2-amount" and "佛山" in composed.text.split("\n\n")[-1], (
        composed.text
    )


def test_an_ask_before_an_aside_about_another_programme_is_the_notices(composer: Composer):
    composed = composer.answer("质量安全环保方面有什么硬性要求？另外环评批复过期了怎么办", None, LATER)
    assert (
        composed.entry_id == "compliance-conditions"
        and "“环评批复过期了怎么办”不在本通知范围内" in composed.text
    )
    assert_outside(composer, ("技改怎么报？截止几号",), LATER)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("got three million from the province", "got 3 million from the province"),
        ("uh four point five million", "uh 4.5 million"),
        ("nine hundred thousand", "900 thousand"),
        ("one hundred and eighty thousand yuan", "180 thousand yuan"),
        ("two and a half million", "2.5 million"),
        ("half a million", "0.5 million"),
        ("a million", "1 million"),
        ("ten percent", "10 percent"),
        ("a few million", "a few million"),
    ],
)
def test_english_amounts_said_in_words_are_read_as_digits(said: str, read: str):
    assert to_arabic(said) == read


def test_a_voice_typed_english_amount_is_worked(composer: Composer):
    composed = composer.answer(
        "systemic platform investment uh four point five million sorry no five point four million what now",
        "en",
        LATER,
    )
    assert "RMB 540,000" in composed.text, composed.text[:300]


def test_another_kind_offered_after_the_support_method_is_no_question(composer: Composer):
    composed = composer.answer("这次市级资金是什么支持方式？是不是贴息？", None, LATER)
    assert composed.entry_id == "support-method" and "事后奖补" in composed.text, composed.text[:200]
    assert "主动公开" not in composed.text  # the clause offering the other kind asks nothing of its own


def test_where_a_client_is_tells_where_it_stands(composer: Composer):
    composed = composer.answer("曲江区的客户，入库申报是由谁组织？", None, LATER)
    assert "各地工信局" in composed.text, composed.text[:200]


def test_one_project_said_of_each_of_three_directions_is_over_the_limit(composer: Composer):
    composed = composer.answer("嗯我们公司就一个法人 上云一个5G一个标杆一个 能全报吗", None, LATER)
    assert "最多申请2个项目" in composed.text, composed.text[:200]
    assert "最多申请2个项目" not in composer.answer("上云一个5G一个，能报吗", None, LATER).text


def test_a_word_spelt_out_with_and_is_one_clause(composer: Composer):
    assert len(composer.reader.read("what is the R and D super deduction rate for 2022").clauses) == 1
    assert_outside(composer, ("what is the R and D super deduction rate for 2022",), LATER)
    assert len(composer.reader.read("What is the deadline and what is the cap?").clauses) == 2


def test_a_users_own_wrong_sum_of_parts_is_said_and_the_sum_worked(composer: Composer):
    composed = composer.answer(
        "系统性平台：设备 2,000,000 + 软件 1,500,000 + 材料 500,000，我加起来是 350万，市级35万对吗",
        None,
        LATER,
    )
    assert "= 400万元" in composed.text and "您说的合计350万元与各部分之和不符" in composed.text, (
        composed.text[:400]
    )
    assert "市级配套约40万元" in composed.text
    right = composer.answer("系统性平台：设备200万 + 软件150万，加起来是350万，市级多少", None, LATER)
    assert "市级配套约35万元" in right.text and "不符" not in right.text, right.text[:300]


def test_a_special_account_is_the_dedicated_account(composer: Composer):
    composed = composer.answer(
        "We got RMB 1,000,000 provincial for our cloud project, so the city gives 100k, right? "
        "Also, does the money have to go into a special account?",
        None,
        LATER,
    )
    assert "RMB 100,000" in composed.text and "dedicated account" in composed.text, composed.text[:300]


def test_what_the_city_does_after_the_entry_deadline_is_its_expert_review(composer: Composer):
    composed = composer.answer("入库申报截止以后，市里会怎么处理我们报上去的项目？", None, LATER)
    assert composed.entry_id == "entry-expert-review", composed.text[:200]


def test_a_gloss_in_brackets_after_the_word_is_set_aside(composer: Composer):
    composed = composer.answer("那个承诺书（就是保证不乱来的那张纸）要几号之前交？", None, LATER)
    assert "8月26日" in composed.text, composed.text[:200]


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("那份像‘保证书’一样的东西是什么时候交的？跟什么一起交", "acceptance-application-deadline"),
        ("补贴会不会要求我们单独弄个账本管？", "fund-management"),
        ("Do we need to be registered locally?", "registration-jurisdiction"),
    ],
)
def test_plain_words_for_the_notices_things(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_which_taxes_are_outside(composer: Composer):
    assert_outside(composer, ("家族企业老爸想把股份转给我，要交什么税？", "这笔补贴要交哪些税"), LATER)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("第二步要交哪两样东西", "第二步要交哪两样东西"),  # 步要 is no typo of 不要 after a numeral
        ("验收那步要交什么", "验收那步要交什么"),  # nor after a demonstrative
        ("这个项目分几类", "这个项目分几类"),  # and a numeral before its measure word ends none (分级)
        ("头资七百万", "投资七百万"),
        ("七百万头资", "七百万投资"),
    ],
)
def test_a_measure_word_after_a_numeral_or_demonstrative_starts_no_typo(
    index: SearchIndex, typed: str, read: str
):
    assert index.normaliser.corrected(typed) == read
    assert "不要" not in index.normaliser.canonical(typed)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What's the deadline for the very first sign-up step?", "July 8, 2022"),
        ("What forms do I need for the final check stage after the project is done?", "Attachment 4"),
        ("申报的第二步要交什么材料", "附件4"),
    ],
)
def test_the_steps_of_the_process_in_plain_words(composer: Composer, question: str, said: str):
    composed = composer.answer(question, None, LATER)
    assert said in composed.text.split("\n")[0], composed.text[:200]


def test_a_named_directions_goal_is_its_own_clause(composer: Composer):
    composed = composer.answer("我们车间想做智能制造、智慧管理，5G方向的最终目标是啥", None, LATER)
    assert composed.entry_id == "direction-4-scope", composed.text[:200]
    assert composer.answer("这个通知的最终目标是什么", None, LATER).entry_id == "purpose"


def test_a_day_said_as_an_ordinal_and_tomorrow_tell_when(composer: Composer):
    composed = composer.answer("It's the 7th of July today — is tomorrow the last day for 入库?", None, LATER)
    assert composed.entry_id == "entry-deadline", composed.text[:200]
    assert "1 day left until" in composed.text and "1 days" not in composed.text, composed.text


def test_a_festivals_date_is_outside(composer: Composer):
    assert_outside(composer, ("今天8月2号，今年七夕是几号", "中秋节是哪天"), LATER)


def test_a_holiday_named_tells_when(composer: Composer):
    composed = composer.answer("国庆节前能交验收申请吗", None, LATER)
    assert "8月26日" in composed.text, composed.text[:200]


def test_when_another_bodys_report_is_due_is_outside(composer: Composer):
    assert_outside(composer, ("統計局嗰邊嘅工業產值報表，今個月幾時截止交？",), LATER)
    assert composer.answer("我们在统计局登记过，入库几号截止？", None, LATER).entry_id == "entry-deadline"


def test_comparing_ways_of_applying_is_the_notices(composer: Composer):
    composed = composer.answer("报一个跟报两个有啥区别，一个企业最多能报几个", None, LATER)
    assert composed.entry_id == "max-two-projects", composed.text[:200]
    builder = composer.answer("我们是给工厂做系统的承建方，能不能我们来报？跟工厂自己报有啥不同", None, LATER)
    assert builder.entry_id == "builder-applying", builder.text[:200]
    assert_outside(composer, ("工业互联网和物联网有什么区别",), LATER)


def test_a_count_after_direction_is_no_numbered_direction(composer: Composer):
    assert not composer.reader.topics_named("上限是每个企业2个项目，还是每个方向2个？")
    assert [t.id for t in composer.reader.topics_named("方向2的封顶是多少")] == ["d2"]


def test_a_numbered_direction_before_its_projects_stays_named(composer: Composer):
    assert [t.id for t in composer.reader.topics_named("第三类项目里说软件服务要往哪几个方向演进来着？")] == [
        "d3"
    ]


def test_a_bracketed_name_is_no_gloss():
    from conversations.glosses import without_glosses

    assert without_glosses("我们用的（iEMS系统）能报吗") == "我们用的（iEMS系统）能报吗"
    assert without_glosses("（即时通讯）算上云吗") == "（即时通讯）算上云吗"
    assert without_glosses("the letter (i.e. attachment 5) due when?") == "the letter due when?"


def test_a_detail_told_beside_an_amount_asked_is_worked_out(composer: Composer):
    composed = composer.answer(
        "省里补了50万，老板娘说这是我们厂收到的第一笔政府的钱。能补多少？", None, LATER
    )
    assert "5万元" in composed.text, composed.text[:200]
    assert composer.answer("第一笔钱什么时候到？", None, LATER).entry_id is None


def test_coming_back_to_help_asks_nothing(composer: Composer):
    composed = composer.answer(
        "老板的女儿刚大学毕业回来帮忙，她说交电子版就行。我想问入库申报书是不是只交电子版就可以？",
        None,
        LATER,
    )
    assert composed.entry_id == "paper-copies", composed.text[:200]


def test_a_rate_offered_alone_is_corrected(composer: Composer):
    composed = composer.answer("是按20%配套吗", None, LATER)
    assert "不是20%" in composed.text and "10%" in composed.text, composed.text[:200]
    assert_outside(composer, ("增值税税率13%还是9%",), LATER)


def test_a_few_things_told_of_ask_nothing(composer: Composer):
    composed = composer.answer(
        "客户主要是深圳几家无人机大厂 省级资金批了1000万 市里配套能不能拿100万？还是说有上限", None, LATER
    )
    assert "100万元" in composed.text, composed.text[:200]
    assert composer.reader.asked(composer.reader.read("深圳有几家无人机大厂")) == ["深圳有几家无人机大厂"]


def test_the_progress_of_the_work_offers_no_rate(composer: Composer):
    composed = composer.answer("目前进度70%，预计8月20日完成，这个时间符合要求吗", None, LATER)
    assert "70%" not in composed.text and "8月26日" in composed.text, composed.text[:200]


def test_the_money_that_came_instead_of_the_expected_is_worked_with(composer: Composer):
    composed = composer.answer(
        "本来预计省里给500万的，结果只批了300万 上云这块市级配套按新数字是多少", None, LATER
    )
    assert "30万元" in composed.text and "50万元" not in composed.text, composed.text[:200]
    composed = composer.answer(
        "我们预算按省里1200万做的，现在说可能只有700万，那市级上云配套会变成多少？", None, LATER
    )
    assert "70万元" in composed.text, composed.text[:200]
    figures = composer.reader.read("省里批了300万，市里只有30万吗").figures
    assert [f.role for f in figures] == ["provincial", "claim"]


def test_a_trip_there_is_no_policy_of_there(composer: Composer):
    composed = composer.answer("老板8月中旬要去香港一段时间，承诺书得他签，验收材料截止几号？", None, LATER)
    assert "8月26日" in composed.text, composed.text[:200]
    assert_outside(composer, ("去深圳参展有补贴吗",), LATER)


def test_a_thing_bought_with_the_subsidy_told_before_another_question(composer: Composer):
    assert_outside(composer, ("假如用补贴买的工控设备坏了，厂家保修期一般多久？",), LATER)
    assert composer.answer("补贴钱能买服务器、交换机吗", None, LATER).entry_id == "fund-management"


def test_the_home_citys_other_programme_applied_for_is_outside(composer: Composer):
    assert_outside(composer, ("如果要申请韶关市科技计划项目，今年截止日期是哪天？",), LATER)


def test_everyday_words_for_the_notices_things(composer: Composer):
    assert_answered_by(
        composer,
        {
            "我们只是把仓库管理、客户管理放到云上，这算哪一类？": "direction-1-scope",
            "来检查我们项目的那些人是哪里派的？": "project-acceptance",
            "資金到咗之後如果會計想同其他補貼一齊入賬，可唔可以？通知點講": "fund-management",
            "财务要帮忙写绩效目标，文件对绩效目标有啥原则要求": "performance-targets",
        },
        LATER,
    )


def test_the_subsidy_paid_out_is_asked_whatever_the_story_tells(composer: Composer):
    question = (
        "项目组几个工程师加了好几个月班，周末都没休息，老板说补贴下来以后拿一部分给他们发奖金，这样用可以吗？"
    )
    assert composer.answer(question, None, LATER).entry_id == "fund-management"


def test_a_bureaus_own_work_is_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "规上工业企业统计月报什么时候报？统计局那边在催",
            "工业互联网安全分类分级管理有什么要求",
            "我们县想搞个数字经济产业园，用地指标怎么申请",
            "What's the 2022 amount of the provincial cloud-adoption voucher per company?",
            "劳动合同到期不续签，是不是一定要给 N+1？",
            "员工不签劳动合同，公司要赔双倍工资吗？",
        ),
        LATER,
    )


def test_a_rhetorical_question_asks_the_thing_after_it(composer: Composer):
    composed = composer.answer("难道不用交纸质的？我们以为online submit就够了", None, LATER)
    assert composed.entry_id == "paper-copies", composed.text[:200]


def test_what_the_amount_is_decided_by_is_its_rule(composer: Composer):
    composed = composer.answer("5G+制造业融合创新应用示范项目，市级配套是根据什么来确定的？", None, LATER)
    assert "示范意义" in composed.text, composed.text[:200]


def test_a_contacts_email_is_not_given(composer: Composer):
    composed = composer.answer("严鹏的 email 是多少？我想直接发 attachment 给他", None, LATER)
    assert composed.entry_id is None and "8884332" in composed.text, composed.text[:200]
    assert composer.answer("材料可以email过去吗", None, LATER).entry_id is not None


def test_what_the_notice_says_of_the_subsidy_spent_is_its_rule(composer: Composer):
    question = "我们老板想把这笔补贴拿去买原材料，会计觉得不太对，通知怎么说的"
    assert composer.answer(question, None, LATER).entry_id == "fund-management"


def test_an_amount_unsaid_is_worked_beside_the_users_own_result(composer: Composer):
    question = "去年报过一次省里的工业互联网专项（上云上平台），拿到了220万。能拿多少？会计说按照20%算是44万"
    composed = composer.answer(question, None, LATER)
    assert "22万元" in composed.text, composed.text[:300]


def test_a_turn_of_the_sentence_names_no_support(composer: Composer):
    assert composer.reader.read("但是奖补资金拿到以后，除了专账管理还有啥要求").other_programme is None
    assert composer.reader.read("出口信用保险保费补贴怎么申请").other_programme


def test_the_subsidys_standard_asks_the_amount(composer: Composer):
    composed = composer.answer("5G+边缘计算网关项目，补贴标准？", None, LATER)
    assert "100万元" in composed.text, composed.text[:300]


def test_annexes_and_the_project_library_are_the_notices_words(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Which annexes do companies fill in at the project library (入库) stage?": "entry-materials",
            "By what date must firms get through the project library application?": "entry-deadline",
        },
        LATER,
    )


def test_a_fragment_naming_an_outside_thing_first_is_outside(composer: Composer):
    assert_outside(composer, ("社保 基数", "公积金 比例", "技改 截止"), LATER)
    assert composer.answer("5G 封顶", None, LATER).entry_id == "direction-4-amount"


def test_short_asks_of_the_notices_rules(composer: Composer):
    assert_answered_by(
        composer,
        {
            "奖补钱 咋管": "fund-management",
            "系统性 10%是啥的10%": "direction-3-amount",
            "5G 配套还是按投资": "direction-4-amount",
            "七月八号之前要填哪两个东西": "entry-materials",
        },
        LATER,
    )


def test_each_listed_item_is_asked_beside_the_questions(composer: Composer):
    composed = composer.answer("- 联系人是谁 - 联系电话多少 - 入库申报截止时间", None, LATER)
    assert "8884332" in composed.text and "7月8日" in composed.text, composed.text[:300]


def test_short_fragments_of_other_matters_are_outside(composer: Composer):
    assert_outside(composer, ("马凯鹏 哪个科", "数字化咨询 推荐"), LATER)
    assert composer.answer("营业执照要在韶关吗", None, LATER).entry_id == "registration-jurisdiction"


def test_points_for_the_work_and_paying_the_subsidy_back_are_not_given(composer: Composer):
    for question in (
        "我们局今年的年度绩效考核，工业互联网这块工作能加多少分？",
        "If our company goes into liquidation next year, do we have to repay the city subsidy?",
    ):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id is None and "8884332" in composed.text, question
    assert (
        composer.answer("Can we use the subsidy to repay a loan?", None, LATER).entry_id == "fund-management"
    )


def test_then_turns_from_an_ask_of_another_matter_to_the_notice(composer: Composer):
    composed = composer.answer(
        "我们老板说公示期间会不会有人举报我们？那验收结果还要征求谁的意见？", None, LATER
    )
    assert composed.entry_id == "project-acceptance", composed.text[:200]
    assert "举报" in composed.text  # the other ask is said to be outside, not dropped


def test_a_claim_told_after_the_question_is_what_the_answer_checks(composer: Composer):
    assert_answered_by(
        composer,
        {
            "支持方式是什么？代理说是贷款贴息": "support-method",
            "承诺书交给谁？同行说寄到广州省厅": "acceptance-materials",
            "刚才同事说是绍兴的工业互联网通知，我看是韶关的？这份通知是哪个单位发的": "issuer-and-date",
        },
        LATER,
    )
    # the claim told first names what the question after it asks of
    assert_outside(composer, ("群里说今年小微企业贷款财政贴息2%，怎么申请",), LATER)


def test_a_formal_letters_salutation_and_closing_ask_nothing(composer: Composer):
    assert_answered_by(
        composer,
        {
            "尊敬的领导您好！我司（韶关市曲江区华坤机电有限公司）财务部想了解：如果项目获得奖补资金，"
            "财务上需要如何管理？特此咨询，盼复！": "fund-management",
            "尊敬的领导您好！我在起草申报书时不太确定绩效目标怎么写，请问通知要求的绩效目标需要满足什么条件？"
            "特此咨询，谢谢！": "performance-targets",
            "Dear Sir/Madam, Could you please clarify what form the support takes? Best regards, Nancy He": (
                "support-method"
            ),
            "Dear Sir/Madam, must the subsidy funds be managed in our books? Best regards, Vivian Chen": (
                "fund-management"
            ),
        },
        LATER,
    )


def test_formal_letters_about_other_matters_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "尊敬的市科技局领导：您好！我司拟申报韶关市2022年科技计划项目，请问申报截止时间及资助额度是多少？",
            "尊敬的市应急管理局领导：您好！我司安全生产许可证将于今年10月到期，请问延期换证需要提前多久申请？"
            "需要提交哪些材料？",
            "尊敬的领导您好！我司拟在曲江区新建一个化工车间，请问环境影响评价报告书的审批流程及办理时限是多少？",
            "尊敬的领导您好！我司员工劳动合同到期后公司不再续签，请问需要支付经济补偿金吗？计算标准是什么？",
        ),
        LATER,
    )


def test_paid_on_approval_and_no_one_checking_ask_the_notices_rules(composer: Composer):
    assert_answered_by(
        composer,
        {
            "聽講係事前資助，批咗就畀錢？": "support-method",
            "听说这个补贴钱下来以后没人查，要符合什么要求吗？": ("fund-management"),
        },
        LATER,
    )


def test_english_letters_of_other_matters_and_of_the_notice(composer: Composer):
    assert_outside(
        composer,
        ("Does the Shaoguan municipal government provide any premium subsidy for export credit insurance?",),
        LATER,
    )
    assert_answered_by(
        composer,
        {
            "When calculating our project investment, which kinds of expenditure may be included?": (
                "investment-scope"
            ),
            "Subject: Eligibility of a project completed in early 2021  Our cloud system was completed in "
            "March 2021. Does it fall within the construction period?": "construction-window",
        },
        LATER,
    )


def test_the_year_end_said_as_now_and_today_in_brackets_are_today(composer: Composer):
    composed = composer.answer("我们当年入库了但是验收申请没交，现在都2026年底了还能补吗？", None, LATER)
    assert composed.entry_id == "still-open", composed.text[:200]
    composed = composer.answer("入库截止离今天（2026年12月1日）有多久了", None, LATER)
    assert "2026年12月1日" in composed.text and "1607天" in composed.text, composed.text


def test_how_long_since_the_notice_was_issued_is_counted(composer: Composer):
    composed = composer.answer("通知落款日期离今天有多久了", None, dt.date(2026, 12, 1))
    assert composed.entry_id == "issuer-and-date"
    assert "1635天" in composed.text, composed.text
    plain = composer.answer("通知是哪天发的", None, dt.date(2026, 12, 1))
    assert "1635" not in plain.text  # only when how long is asked


def test_lists_of_firms_totals_for_the_city_and_own_records_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "去年入选的工业互联网标杆项目都有哪些企业",
            "2022年广东省给韶关下达了多少省级工业互联网专项资金？",
            "我们公司2022年最后批了多少钱？能帮我查一下吗",
        ),
        LATER,
    )
    composed = composer.answer("省级专项资金下达了1000万，市级最多补多少", None, LATER)
    assert "100万" in composed.text, composed.text[:200]


def test_company_law_tax_and_personal_matters_in_chat_style_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "母子公司之间的关联交易要怎么披露",
            "集团做现金池归集子公司资金合法吗，要签什么协议",
            "在韶关设分公司还是子公司税负更低",
            "被裁了N+1怎么算？朋友问的不是我🙈",
            "vpn connects but can't reach the intranet, idk why 😩 any ideas?",
            "Which edge computing gateway brands are best for a steel plant?",
        ),
        LATER,
    )


def test_what_the_citys_support_is_decided_by(composer: Composer):
    assert_answered_by(composer, {"5G那条的市级支持是看啥来定的？😶": "direction-4-amount"}, LATER)


def test_schooling_land_prices_and_lease_renewals_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "我们想在高新区买地建厂，地价大概多少",
            "厂房租赁合同到期了，续签要注意什么",
            "我哋食品廠想搞HACCP認證，要幾耐同幾多錢？",
        ),
        LATER,
    )
    assert composer.answer("申报要注意什么", None, LATER).entry_id == "general-requirements"


def test_outsiders_studying_the_notice_get_its_facts(composer: Composer):
    assert_answered_by(
        composer,
        {
            "论文里研究政策对象，通知对申报主体有什么属地方面的要求？": "who-can-apply",
            "我统计政策里的比例：四个方向市级支持比例都一样吗？是多少": "amounts-overview",
        },
        LATER,
    )
    composed = composer.answer("上云上平台方向，省级资金要达到多少，市级配套才会封顶？", None, LATER)
    assert "1000万" in composed.text, composed.text[:200]


def test_places_named_like_the_citys_own_and_the_citys_statistics_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "绍兴那边的企业数字化改造补贴政策是怎样的？我们在柯桥也有厂",
            "Shaoxing Keqiao textile firms: what digital transformation subsidies does Shaoxing offer?",
            "韶关2021年规上工业增加值是多少？增长了多少",
        ),
        LATER,
    )


def test_the_provincial_funds_are_worked_back_from_the_citys_amount(composer: Composer):
    below = composer.answer(
        "市级拿了40万（上云上平台方向，没封顶），反推它省级专项资金应该是多少？", None, LATER
    )
    assert below.entry_id == "direction-1-amount" and "400万元" in below.text, below.text[:200]
    at_cap = composer.answer("5G项目市级拿了封顶100万，省级专项资金至少是多少？", None, LATER)
    assert "1000万元" in at_cap.text and "至少" in at_cap.text, at_cap.text[:200]
    english = composer.answer(
        "A 5G project got RMB 300,000 from the city. What were the provincial funds?", None, LATER
    )
    assert "3,000,000" in english.text, english.text[:300]


def test_a_question_naming_the_notice_does_not_lean_on_the_last(composer: Composer):
    first = composer.answer("支持方式是什么", None, LATER)
    composed = composer.answer("通知落款日期离今天有多久了", None, dt.date(2026, 12, 1), first.context)
    assert composed.entry_id == "issuer-and-date" and "事后奖补" not in composed.text, composed.text[:300]


def test_hong_kong_and_taiwan_usage_is_read(composer: Composer):
    assert_answered_by(
        composer,
        {
            "請問這個計畫的承辦窗口有哪兩位？": "contacts",
            "我們是台灣的系統整合廠商（SI），專案是幫客戶建的，可以用我們公司名義申報嗎？需要什麼條件？": (
                "builder-applying"
            ),
        },
        LATER,
    )
    composed = composer.answer(
        "上雲專案省級專項資金要拿到多少，市級配套才會剛好到頂（最高額）？", None, LATER
    )
    assert "1000万元" in composed.text, composed.text[:200]
    assert_outside(
        composer,
        ("香港母公司同韶關子公司之間嘅轉讓定價要準備咩文檔？", "韶关市2022年工业投资目标是多少亿？"),
        LATER,
    )


def test_a_guess_after_a_detail_the_notice_never_gives_is_of_that_detail(composer: Composer):
    assert_outside(
        composer,
        (
            "前年全市一共批了几个项目？怕是有五十个吧",
            "省里一般给一个上云项目批多少？估计几百万吧",
            "两个联系人谁管入库谁管验收？估计分工不同吧",
        ),
        LATER,
    )


def test_leading_questions_are_read_for_what_they_presume(composer: Composer):
    assert_answered_by(
        composer,
        {
            "The city matches 10% for 5G projects, surely?": "direction-4-amount",
            "入库材料是直接报市里吧？": "where-to-submit",
            "验收估计是区里自己组织吧": "project-acceptance",
            "这笔钱的支持方式是什么？事前拨款还是贴息？": "support-method",
            "附件3交一份电子版就够了吧": "paper-copies",
        },
        LATER,
    )
    assert_outside(
        composer,
        (
            "There is a housing allowance for engineers here too, surely?",
            "我们县制造业的上云普及率大概多少？",
            "想做设备联网，想找银行低息的钱，有吗",
            "MES选型有什么建议",
            "When does the MIIT 5G factory list open?",
        ),
        LATER,
    )


def test_a_breakdown_in_brackets_is_not_added_to_its_whole(composer: Composer):
    composed = composer.answer(
        "系统性平台项目投资800万（软件300万、设备400万、材料100万），市里补多少", None, LATER
    )
    assert "800万元 × 10% = 80万元" in composed.text, composed.text[:200]


def test_whether_purchases_count_asks_the_investment_rule(composer: Composer):
    composed = composer.answer("交换机、工控机、PLC这些采购能算吗？", None, LATER)
    assert composed.entry_id == "investment-scope", composed.text[:200]


def test_a_place_where_the_asker_prepares_the_papers_is_no_other_citys_policy(composer: Composer):
    assert_answered_by(
        composer,
        {
            "附件4要交几份纸质的？我们在澳门盖章后快递过去": "paper-copies",
            "验收报告要几份？我哋喺深圳打印好再送过去": "paper-copies",
        },
        LATER,
    )


def test_three_projects_said_with_figures_of_two_roles_are_over_the_limit(composer: Composer):
    composed = composer.answer(
        "我們有三個專案：上雲省級200萬、5G省級300萬、系統性投資500萬，市級各補多少？", None, LATER
    )
    assert "最多申请2个项目" in composed.text and "20万元" in composed.text, composed.text[:400]


def test_the_cap_named_is_not_taken_for_the_base(composer: Composer):
    composed = composer.answer("5G项目省级资金批了多少才会触到100万的上限？", None, LATER)
    assert "1000万元" in composed.text, composed.text[:200]


def test_the_weekday_of_a_date_the_notice_names_is_worked_out(composer: Composer):
    cases = {
        "验收申请截止那天星期几？": "2022年8月26日（验收申请截止）是星期五",
        "通知落款那天是礼拜几": "2022年6月10日（通知落款日期）是星期五",
        "建设期第一天是周几": "2021年9月30日（项目建设期限的第一天）是星期四",
        "Which day of the week was July 8, 2022?": "falls on a Friday",
    }
    assert_each_says(composer, cases)


def test_a_day_counted_from_a_date_is_worked_out_and_set_against_its_limit(composer: Composer):
    cases = {
        "验收申请截止前三周是几号": "往前数3周是2022年8月5日",
        "验收申请截止前1个月是几号": "往前数1个月是2022年7月26日",
        "入库截止前10天是哪天？那天星期几？": "2022年6月28日是星期二",
        "入库截止后20天是哪天？赶得上验收申请吗": "2022年7月28日没有晚于2022年8月26日（验收申请截止）",
        "我们7月10日开工，工期50天，完工是几号": "2022年8月29日晚于2022年8月26日（项目须建设完成的最后期限）",
        "We start on June 20 and the build takes 60 days. Which date do we finish?": (
            "60 days after June 20, 2022 (the date you gave) is August 19, 2022."
        ),
    }
    assert_each_says(composer, cases)


def test_spans_in_weeks_months_both_ends_and_the_windows_own_length(composer: Composer):
    cases = {
        "建设期总共有多少天？": "相隔330天",
        "建设期一共几周": "即47周又1天",
        "建设期头尾都算一共多少天": "头尾两天都算，是331天",
        "2021年9月30日到2022年8月26日差几个月": "即10个月又27天",
        "今天7月1日，离入库截止、验收申请截止各还有多少天？": "相隔56天",
        "6月10日发文，区里6月20日才转过来，离入库截止还剩多少天": (
            "2022年6月20日（您说的日期）到2022年7月8日（入库申报截止）相隔18天"
        ),
    }
    assert_each_says(composer, cases)


def test_a_message_opening_with_the_day_it_has_come_to_counts_from_it(composer: Composer):
    composed = composer.answer("8月12号了，验收申请截止是不是就剩两周了？", None, LATER)
    assert "今天是2022年8月12日" in composed.text and "还有14天" in composed.text, composed.text[:300]
    assert "不是8月12日" not in composed.text, composed.text[:300]


def test_more_ways_of_naming_the_windows_end_and_a_day_left(composer: Composer):
    cases = {
        "7月1日，离项目建设完成期限还有几天？": "相隔56天",
        "离建设期结束还剩30天的那天是几号": "往前数30天是2022年7月27日",
        "我们7月12号才看到通知，入库已经过了，验收申请那边还剩几天？": (
            "2022年7月12日（您说的日期）到2022年8月26日（验收申请截止）相隔45天"
        ),
        "建设期有10个月吗？": "即10个月又27天",
    }
    assert_each_says(composer, cases)
    assert_outside(composer, ("审计局一般什么时候来审计？", "入库后几天内要开工？"), LATER)


def test_other_bodies_credit_ratings_are_outside(composer: Composer):
    assert_outside(composer, ("申报对企业信用评分有没有要求，要几分",), LATER)


def test_a_plan_checked_against_the_notice_gets_the_fact_that_corrects_it(composer: Composer) -> None:
    assert_each_says(
        composer,
        {
            "入库评审是第三方机构打分么？我们准备了答辩PPT": "专家",
            "公司出纳问：奖补资金可以跟项目其他资金混在一起用吗": "专账",
            "我们规化报3个：上云一个、5G一个、系统性平台一个，可以吗": "最多申请2个项目",
            "验收申清我们准备了：验收申请报告、发票复印件、合同复印件。还缺不缺通知里要求的东西？": "承诺书",
            "上云、5G、标杆都按省级，系统性按什么来着？": "项目投资",
            "项目入库以后就等于拿到钱了吗？我们计划入库后就做账": "验收通过",
            "老板问：省里的钱已经到了，市里的配套是跟着省里一起打过来吗？": "验收通过",
            "我们打算把去年买的服务器也算进这个项目投资里，有没有时间口径的要求": "建设期内",
        },
    )


def test_what_the_notice_never_says_about_the_money_is_not_answered_from_it(composer: Composer) -> None:
    assert_outside(
        composer,
        (
            "按照企业会计准则第16号，这笔补助算与资产相关还是与收益相关？",
            "用补贴买的服务器折旧年限按几年？",
            "工业互联网平台项目的商业计划书怎么写比较好？",
            "If the city claws back the subsidy, do they charge interest or a penalty? What rate?",
            "How much does Guangdong province typically award for 5G + manufacturing projects?",
            "How many companies received this subsidy in Shaoguan last year?",
            "我们缺不缺钱",
        ),
        LATER,
    )


def test_a_timeline_of_the_firms_own_is_judged_day_by_day(composer: Composer) -> None:
    assert_each_says(
        composer,
        {
            "Our internal timeline: pool-entry application by July 31, acceptance application by Sept 15. "
            "Could you check it against the notice?": "23 days after the deadline",
            "我们的时间表：入库7月31日前交，验收9月15日前交，帮我看看对不对": "晚了20天",
            "市级奖补资金我们计划拿一部分发研发人员年终奖，行不行": "信息化建设",
        },
    )


def test_another_bodys_check_is_said_to_be_no_condition_of_the_notice(composer: Composer) -> None:
    for question in (
        "我们公司在韶关注册，2021年度纳税信用等级评了C级，会影响这个工业互联网项目申报吗？",
        "我们企业环保信用评价是黄牌，会不会影响申报？",
        "残疾人就业保障金去年没交，会不会影响",
    ):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id is None and "不在其中" in composed.text, (question, composed.text)
        assert "失信被执行人" in composed.text  # the notice's own conditions, said beside it
    # one of the notice's own conditions is answered from it
    assert_answered_by(
        composer,
        {
            "我们被列为失信被执行人了，影响申报吗": "compliance-conditions",
            "去年厂里出过一次环保事故，被生态环境局罚了，影响申报不？": "compliance-conditions",
        },
        LATER,
    )


def test_second_language_wording_is_read_as_the_ordinary_ask(composer: Composer) -> None:
    assert_each_says(
        composer,
        {
            "补助的钱来到了以后，要放进去什么样的账户？会计问我，是不是要一个特别的账户？": "专账",
            "5G和制造业的示范项目，市里面的支持根据什么来决定？": "示范意义",
            "这个通知是哪一年哪一月哪一日发的？": "2022年6月10日",
            "Enterprises in our county must finish 入库 before what date?": "July 8",
        },
    )
    assert_outside(composer, ("韶关2022年的最低的工资是多少？我们需要雇佣工人",), LATER)


def test_another_programmes_subsidy_asked_in_second_language_words_is_outside(composer: Composer) -> None:
    assert_outside(
        composer,
        (
            "在韶关做 ISO 9001 的认证，有没有补贴被给？多少钱？",
            "Shaoguan have subsidy for 机器换人 (robot replace worker)? how much for each robot?",
        ),
        LATER,
    )


def test_why_a_rule_is_so_gets_the_rule_and_the_rule_makers_reasons_are_not_given(composer: Composer) -> None:
    assert_each_says(
        composer,
        {
            "入库之后还要专家评审？评审结论拿来干嘛": "合规性审核",
            "我们是平台研发方，使用方是韶关本地一家陶瓷厂，能不能由我们申报？": "书面同意",
        },
    )
    assert_outside(
        composer,
        (
            "Who are the expert reviewers and what are their backgrounds?",
            "Why did the bureau pick 500k as the benchmark cap — "
            "what was the internal reasoning behind that number?",
            "入库评审的专家都是谁？能不能提前跟专家沟通一下",
            "您好，请问5G的SA和NSA组网有什么区别？我们厂搞5G专网应该选哪个？谢谢您。",
            "您好，冒昧问下，工业软件国产化替代有没有专门的补贴政策？比例多少？谢谢您。",
        ),
        LATER,
    )


def test_where_the_bureau_publishes_is_its_website_not_its_address(composer: Composer):
    published = composer.answer("入库的结果，市工信局在哪里公示给大家看？", None, LATER)
    assert published.entry_id == "entry-expert-review" and "网站公示" in published.text
    assert "通知没有写明" in composer.answer("市工信局在哪里", None, LATER).text


@pytest.mark.parametrize(
    "question",
    [
        "单个企业申请的项目个数有没有上限？上限是几个？",
        "申报数量有没有上限，我们厂想把MES、ERP上云、能耗监控分开报",
    ],
)
def test_a_limit_on_how_many_projects_is_the_two_project_limit(composer: Composer, question: str):
    assert composer.answer(question, None, LATER).entry_id == "max-two-projects"


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("为什么只能报两个？局里开会定这个限制的时候有没有企业提反对意见？", "max-two-projects"),
        (
            "为什么市里把比例定在10%而不是20%？当时局里是怎么测算的，有没有参考别的城市？",
            "direction-1-amount",
        ),
        (
            "Why did the bureau pick 500k as the benchmark cap — what was the internal reasoning?",
            "direction-2-amount",
        ),
    ],
)
def test_how_the_rule_makers_decided_is_unstated_and_offers_the_rule(
    composer: Composer, question: str, offered: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None and offered in [m.entry.id for m in composed.suggestions]


def test_a_why_beside_a_fact_asked_is_still_answered_with_the_rule(composer: Composer):
    assert composer.answer("为什么只能报两个", None, LATER).entry_id == "max-two-projects"
    capped = composer.answer("为什么标杆项目封顶这么低？你们怎么看，封顶到底多少", None, LATER)
    assert capped.entry_id is not None and "50万" in capped.text


def test_a_figure_whose_digits_were_swapped_is_worked_out_as_corrected(composer: Composer):
    swapped = composer.answer("标杆项目省级资金420万，哦打反了，是240万，市级配套多少", None, LATER)
    assert "24万元" in swapped.text and "42万元" not in swapped.text
    waited = (
        "Platform project (系统性平台), investment RMB 6 million — no wait, RMB 6.5 million. City support?"
    )
    assert "650,000" in composer.answer(waited, None, LATER).text


def test_what_the_province_must_give_to_reach_the_citys_cap_is_worked_back(composer: Composer):
    composed = composer.answer("标杆项目要拿到市级封顶，省级资金得多少？", None, LATER)
    assert "500万元" in composed.text


def test_steps_after_a_stage_handed_in_are_the_next_ones(composer: Composer):
    assert_answered_by(
        composer,
        {
            "入库申报书和汇总表交了，下一步做什么？": "acceptance-materials",
            "入库申报书交了，接下来市局会做什么": "entry-expert-review",
            "我们的验收申请报告已经交给县里了，接下来市里会怎么做？": "project-acceptance",
            "验收由谁来评审？我们需要准备给谁讲": "project-acceptance",
            "市里验收完以后还要征求哪些方面的意见？": "project-acceptance",
        },
        LATER,
    )


def test_a_good_project_put_forward_for_national_support_is_the_recommendation_clause(composer: Composer):
    question = "我们这个项目省里已经支持了，还有机会被推荐去争取国家的政策吗？"
    assert composer.answer(question, None, LATER).entry_id == "quality-project-recommendation"


def test_the_document_the_notice_follows_is_its_policy_basis(composer: Composer):
    composed = composer.answer("通知说按照一个市委市政府的文件来做的，那个文件叫什么名字？", None, LATER)
    assert "关于推动制造业高质量发展的实施意见" in composed.text
    assert composer.answer("我记得这个是市委市政府发的通知？", None, LATER).entry_id == "issuer-and-date"


@pytest.mark.parametrize(
    "question",
    [
        "我们7月5号交的入库材料，到现在快两周了没人联系我们，能不能帮我查一下县里有没有把我们的材料报到市里？",
        "验收通过拿到钱以后，如果项目第二年停用了，奖补要退回吗？",
        "项目负责人离职了换了个人，要不要向工信局报备？",
        "审计需要我们保存多少年的会计凭证？",
        "验收申请报告交上去以后还能补充材料吗？比如再补一份用户使用报告",
        "省级专项资金今年韶关一共分到多少？",
        "Can we amend our application after it's been submitted to the county bureau?",
    ],
)
def test_what_happens_to_a_file_midway_is_unstated(composer: Composer, question: str):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None and composed.suggestions


@pytest.mark.parametrize(
    "question",
    [
        "Our tax credit grade is C, does it affect our application?",
        "Our environmental credit rating is yellow — will it hurt our application?",
        "纳税信用等级C级会影响申报吗",
    ],
)
def test_another_bodys_rating_in_english_or_one_clause_is_said_to_be_no_condition(
    composer: Composer, question: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id is None and (
        "失信被执行人" in composed.text or "judgment debtor" in composed.text
    )


def test_how_to_raise_another_bodys_rating_stays_outside(composer: Composer):
    composed = composer.answer("纳税信用等级怎么提升到A级？会影响申报吗", None, LATER)
    assert composed.entry_id is None and "失信被执行人" not in composed.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("5G融合应用示范项日，省专项15O万（O是0），市级最多配多少", "15万元"),
        ("上云上平台省级专项66O万（最后是零），按文件市里配套是多少钱？", "66万元"),
        ("“按照 1O%进行配套扶持，最高不超过 l00 万元”，上云项目省里批了300万，市里能配多少？", "30万元"),
    ],
)
def test_letters_a_scan_misread_for_digits_are_read_as_digits(composer: Composer, question: str, said: str):
    assert said in composer.answer(question, None, LATER).text


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("项目验收申请要几号前交？帮我写一句提醒贴在OA公告上", "acceptance-application-deadline"),
        (
            "帮我写一条发公司微信群的提醒，口语一点：工业互联网项目入库申报啥时候截止、找谁交",
            "entry-deadline",
        ),
        ("这个申报工作依据的是哪个文件？帮我一句话写进可研报告", "policy-basis"),
        ("支持方式那一节，帮我用一句话概括", "support-method"),
        ("帮我起草一份使用单位同意书，顺便说下文件对承建单位申报的要求", "builder-applying"),
    ],
)
def test_a_text_asked_to_be_written_answers_the_facts_it_would_carry(
    composer: Composer, question: str, entry_id: str
):
    assert composer.answer(question, None, LATER).entry_id == entry_id


@pytest.mark.parametrize(
    "question",
    [
        "老板问能不能申请省里中小企业纾困贷款，帮我总结一下那个贷款政策",
        "帮我写一封英文邮件催客户付款，欠款八万六，已经逾期两个月",
        "帮我写个请假条，明天要去市里交材料",
        "能帮我写一份申报书的项目简介吗？我们是做稀土材料的",
        "能不能帮我写一份入库项目申报书？",
        "Summarise the classified protection (等保2.0) requirements for our new cloud system in 3 bullets.",
    ],
)
def test_a_text_asked_to_be_written_of_something_else_stays_outside(composer: Composer, question: str):
    assert composer.answer(question, None, LATER).entry_id is None


def test_the_money_first_and_the_buying_after_asks_for_an_advance(composer: Composer):
    composed = composer.answer("我们想先拿到市里的钱再去买设备，能行吗？", None, LATER)
    assert composed.entry_id == "support-method" and "事后奖补" in composed.text


def test_a_pasted_table_is_worked_out_row_by_row(composer: Composer):
    rows = [
        "| 项目 | 方向 | 省级资金 |",
        "|---|---|---|",
        "| A | 上云上平台 | 240万 |",
        "| B | 行业性平台标杆 | 900万 |",
    ]
    table = "\n".join([*rows, "各多少？"])
    text = composer.answer(table, None, LATER).text
    assert "24万元" in text and "按最高计50万元" in text


def test_numbered_projects_keep_their_own_figures(composer: Composer):
    question = (
        "项目1：上云上平台，省级资金500万\n项目2：5G+制造业，省级资金960万\n两个加起来市级一共能拿多少？"
    )
    assert "合计约146万元" in composer.answer(question, None, LATER).text


def test_a_request_to_explain_answers_the_question_it_carries(composer: Composer):
    text = composer.answer(
        "我们项目预计2022年10月才能上线，帮我写两句跟老板说明为啥这轮可能赶不上", None, LATER
    ).text
    assert "晚于建设期终点2022年8月26日" in text, text[:200]


def test_a_days_start_asked_with_that_for_which_is_the_window(composer: Composer):
    assert_answered_by(
        composer,
        {"项目建设时间窗口的起点是那天": "construction-window", "建设期的起点是几号": "construction-window"},
        LATER,
    )


def test_listed_parts_with_labels_add_up_to_the_investment(composer: Composer):
    text = composer.answer(
        # as the line breaks reach the batch command: spaces
        "系统性制造业互联网平台 • 设备：180万 • 软件：95万 • 材料：25万 （均为建设期内采购） 市级能给多少？",
        None,
        LATER,
    ).text
    assert "180万元 + 95万元 + 25万元 = 300万元" in text and "30万元" in text, text[:300]


def test_a_firms_own_building_period_is_judged_by_its_end(composer: Composer):
    text = composer.answer(
        "建设周期：2021.03 - 2021.08\n方向：上云上平台\n想问今年能申请市配套吗", None, LATER
    ).text
    assert "2021年8月完成：早于建设期起点2021年9月30日" in text, text[:200]
    text = composer.answer("工期2021年10月至2022年5月15日，能申请市配套吗", None, LATER).text
    assert "2022年5月15日完成：在建设期" in text, text[:200]


def test_the_caps_of_two_projects_at_their_caps_are_added_up(composer: Composer):
    assert_each_says(
        composer,
        {
            "如果一个企业报两个项目都顶格拿满，理论上市级最多能拿多少？": "100万元 + 100万元 = 200万元",
            "软件公司报两个标杆项目，都顶格的话市级一共最多多少": "50万元 + 50万元 = 100万元",
            "If both our projects hit the cap, what is the most we get in total?": "= RMB 2,000,000",
        },
    )
    # the base that reaches the cap asked: worked back, not added up
    assert "200万元" not in composer.answer("两个项目都顶格的话，省级资金各要多少", None, LATER).text


def test_other_wordings_of_the_notice(composer: Composer):
    assert_answered_by(
        composer,
        {
            "after the city bureau's acceptance check, whose views are sought?": "project-acceptance",
        },
        LATER,
    )
    assert "韶委字〔2020〕2号" in composer.answer("第一个附件是什么文件", None, LATER).text
    assert "Attachment 2" in composer.answer("What is the second attachment?", None, LATER).text
    assert_outside(composer, ("公司准备上市，能申报吗",))


def test_pinyin_messages_and_pinyin_terms_in_english(composer: Composer):
    assert_answered_by(
        composer,
        {
            "ruku sb jz是几号啊 急急急 领导在催": "entry-deadline",
            "zhichi duixiang you shenme yaoqiu? waidi zhuce de gongsi keyi shenbao?": "who-can-apply",
            "ruku shi yao jiao naxie biaoge? fujian ji he fujian ji?": "entry-materials",
            "What accounting is required for the city butie after we receive it?": "fund-management",
        },
        LATER,
    )
    text = composer.answer(
        "System-level manufacturing internet platform (xitongxing), project investment RMB 7.6 million. "
        "City support amount?",
        None,
        LATER,
    ).text
    assert "RMB 760,000" in text, text[:200]
    assert_outside(composer, ("jigai butie bili shi duoshao?", "gongsi wangzhan de SEO zenme zuo?"))


def test_what_another_body_gives_or_counts_is_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "省级工业互联网专项资金，上云上平台一个项目省里最多给多少？",
            "失信被执行人名单最快多久能移出？",
            "我们县里配不配套？县级最多给多少？",
        ),
    )
    for question in ("上一批有多少个项目通过了验收？", "韶关市现在有几家工业互联网平台企业？"):
        assert "通知没有写明" in composer.answer(question, None, LATER).text, question
    # the province's amount beside the city's matching, or as what the city's follows: the city's rule
    for question in (
        "省里批多少，市里就按10%配吗",
        "系统性平台那一类补贴的计算基数是什么？也是看省里给多少吗",
    ):
        assert composer.answer(question, None, LATER).entry_id is not None, question


def test_the_biggest_subsidy_per_project_is_the_cap(composer: Composer):
    text = composer.answer(
        "What's the max number of applications per enterprise, and what's the biggest subsidy per project?",
        None,
        LATER,
    ).text
    assert "at most 2 projects" in text and "capped at RMB 1,000,000" in text, text


def test_a_project_done_before_the_window_is_judged_whatever_stage_follows(composer: Composer):
    assert_each_says(
        composer,
        {
            "2020年做好的工业互联网平台，可以拿来报这次吗？": "2020年完成：早于建设期起点",
            "我们乐昌的MES是2021年9月20号上线验收的，还有机会吗？": "2021年9月20日完成：早于建设期起点",
        },
    )
    # a stage handed in is no project built
    assert "完成：" not in composer.answer("入库申报2022年7月1号完成了，下一步呢", None, LATER).text


def test_a_span_in_months_is_counted_in_english_grammar(composer: Composer):
    text = composer.answer(
        "Is there a full two months between the library deadline and the acceptance deadline?", None, LATER
    ).text
    assert "is 49 days" in text and "That is 1 month and 18 days." in text, text[:300]
    weekday = composer.answer("What weekday is the project-library deadline?", None, LATER).text
    assert "falls on a Friday" in weekday, weekday[:200]


def test_projects_filled_each_at_the_cap_are_the_caps_added_up(composer: Composer):
    text = composer.answer(
        "按通知规定的上限，一家企业报满项目数、每个都按100万封顶，理论上最多能拿到市级多少？", None, LATER
    ).text
    assert "100万元 + 100万元 = 200万元" in text, text[:200]


@pytest.mark.parametrize(
    "question",
    [
        "Our HQ is in Foshan and we only have a factory in Shaoguan. can we still apply for this one?",
        "总部在佛山，韶关只有个工厂，能报吗",
    ],
)
def test_a_head_office_elsewhere_brings_the_registration_rule(composer: Composer, question: str):
    text = composer.answer(question, None, LATER).text
    assert "辖区" in text or "jurisdiction" in text, text[:200]


@pytest.mark.parametrize(
    ("question", "entry_id", "outside"),
    [
        ("奖补资金到账后要单独建账吗？财务问怎么做账", "fund-management", "“怎么做账”不在本通知范围内"),
        (
            "入库截止几号？老板还想知道研发费用加计扣除怎么算",
            "entry-deadline",
            "“研发费用加计扣除怎么算”不在本通知范围内",
        ),
    ],
)
def test_a_colleagues_question_after_one_may_be_outside_alone(
    composer: Composer, question: str, entry_id: str, outside: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == entry_id and outside in composed.text, composed.text[:200]


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("这笔补帖钱规定只能花在什么上面？", "fund-management"),  # 只能花 is no 智能化
        ("建设时间最早可以从哪天算起？", "construction-window"),
        ("發呢份通知嘅係邊個部門？", "issuer-and-date"),  # 边个 before a noun: which
        ("第二类那种行业平台，主要用在工厂里哪些地方？", "direction-2-scope"),  # its uses, no place
        ("“事后奖补”是说出了事之后才补吗？", "support-method"),
        ("项目建设窗口的起止日期做成一行表格", "construction-window"),
        # the question a question mark follows, beside a wish told; whether it counts, asked half in English
        ("Any requirements for performance targets? Our board wants OEE +10%.", "performance-targets"),
        ("Can 员工培训费 count as 项目投资？", "investment-scope"),
        (
            "If we move our production management onto the cloud (the 上云上平台 thing), "
            "what's the most the city will give us?",
            "direction-1-amount",
        ),
    ],
)
def test_plain_words_of_small_factories(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_winners_totals_vendors_and_other_programmes_by_name_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "Which Shaoguan companies won the 2022 industrial internet subsidy? Give me a list.",
            "How much did Shaoguan firms receive under the provincial cloud subsidy last year in total?",
            "树根互联和卡奥斯哪个工业互联网平台更好？做个对比表",
            "工业软件正版化采购有没有补贴？多少比例",
            "What's the 2020 implementation opinions' subsidy for specialised SMEs?",
        ),
        LATER,
    )


def test_complaints_redress_bribes_and_pledges_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "项目被卡了半年，我们能不能起诉你们？",
            "验收不通过的话，设备钱谁来赔偿？",
            "有人收了企业的红包帮忙写材料，去哪里举报？",
            "代理公司说交三万包过，靠不靠谱？",
            "发改局的批复拖着不给，你们能帮忙催一下吗？",
            "If our application is turned down, can we sue the bureau?",
            "除了这个补贴，韶关数字经济方面还有哪些奖励政策？",
        ),
        LATER,
    )


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # the province's amount ignored, not asked: 不管省里给多少
        ("方向四最高100万，是不是不管省里给多少都封顶？", "direction-4-amount"),
        # what is set aside with 除了 is not what is asked
        ("除了上云上平台，有没有给5G项目的方向？", "direction-4"),
        ("除了附件2，入库还要交什么材料？", "entry-materials"),
    ],
)
def test_what_is_set_aside_or_ignored_is_not_asked(composer: Composer, question: str, entry_id: str):
    assert (composer.answer(question, None, LATER).entry_id or "").startswith(entry_id)


def test_a_place_denied_is_named_plainly_and_one_project_of_each_direction_counts(composer: Composer):
    composed = composer.answer("我们的5G融合示范项目如果不是在韶关开展的，能报吗", None, LATER)
    assert "在韶关外面的项目不符合" in composed.text and "在不是" not in composed.text
    composed = composer.answer("上云、标杆、5G各报一个行不行", None, LATER)
    assert "最多申请2个项目" in composed.text


def test_conditions_vendors_quotas_and_higher_bodies_delays_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            # a condition naming another year sets the subject of the question after it
            "如果2024年还想申报，会不会还有类似的文件？",
            "用腾讯云还是华为云，哪家更容易批下来？",
            "环评批复一般要多久才能拿到？",
            "省里的专项资金怎么到现在还没批？",
            "专家都是谁？名单能否公开？",
        ),
        LATER,
    )


def test_money_once_entered_in_the_pool_is_paid_after_acceptance(composer: Composer):
    composed = composer.answer("项目入了库，补贴就稳了吧？", None, LATER)
    assert composed.entry_id is not None and "验收" in composed.text


def test_money_split_evenly_asks_how_the_final_amount_is_set(composer: Composer):
    assert composer.answer("奖补是不是各个项目平均分配？", None, LATER).entry_id == "final-amount"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("What's the notice about, in short?", "purpose"),
        ("三级补贴加起来有上限吗", "total-support-cap"),
        ("通知有公开发布吗", "publication"),
        ("我们是做工业软件的，这个政策跟我们有关系吗", "who-can-apply"),
    ],
)
def test_slang_and_shorthand_ways_of_asking(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_a_span_asked_in_cantonese_is_counted(composer: Composer):
    composed = composer.answer("7月8号到8月26号中间有几耐", None, LATER)
    assert "49天" in composed.text


def test_plaques_licences_posts_and_counts_of_entries_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "评上了会不会授牌？",
            "新公司办营业执照要几天？",
            "工信局今年有几个岗位招人？事业编的",
            "入库的项目里面上云方向的有多少个？",
            "评审专家一般几个人？3个还是5个？",
            "以前交税晚过几次，不是财政资金的事，这个卡不卡",
        ),
        LATER,
    )


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("5G项目投了800万，省里给了300万，算下来补助多少？", "direction-4-amount"),
        ("验收申請の締切はいつ？", "acceptance-application-deadline"),
        ("上网上平台项目有什么好处", "direction-1-scope"),
        ("上网上平台最高补多少", "direction-1-amount"),
    ],
)
def test_words_of_older_and_non_native_writers(composer: Composer, question: str, entry_id: str):
    assert composer.answer(question, None, LATER).entry_id == entry_id


def test_permits_pensions_and_closing_a_firm_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "What is the pension for retired owners?",
            "我们想把公司注销掉，流程是怎样的？",
            "评审专家是哪几位？能不能先去拜访？",
            "乐昌县工信局管这个的同志电话是多少？",
        ),
        LATER,
    )


def test_compensation_and_visits_outside_only_when_asked_of_a_loss_or_the_experts(composer: Composer):
    assert composer.answer("Is the city subsidy compensation for our investment?", None, LATER).entry_id
    assert composer.answer("能不能去工信局拜访咨询一下申报的事", None, LATER).entry_id
    assert_outside(composer, ("Who will compensate us if acceptance fails?", "想先去拜访一下评审专家"), LATER)


@pytest.mark.parametrize(
    ("question", "entry_id", "said"),
    [
        # an ask that only likens the notice's thing to another programme's is set aside
        (
            "这个跟技改补贴是同一回事吗？5G融合示范项目市里最多给多少",
            "direction-4-amount",
            "不在本通知范围内",
        ),
        ("验收申请几号截止？跟科技局那边是同一天吗", "acceptance-application-deadline", "8月26日"),
        ("入库之后谁来评审？也像科技局那样请专家吗", "entry-expert-review", "专家"),
        ("奖补是先给钱还是做完再给？跟贴息贷款不一样吧", "support-method", "事后奖补"),
        ("Is the pool entry deadline the same as the province's? When is it?", "entry-deadline", "July 8"),
        # told only to tell the notice apart from another programme's
        ("发文字号是多少？我要跟技改那份通知分清", "notice-number", "91号"),
        # the story names another programme, then the notice by name
        ("科技局的研发补助我们也在申请，这个工信项目一家企业能报几个？", "max-two-projects", "2个项目"),
        # then (那) turns from the other programme to a direction of the notice
        ("技改是按设备投资补的，那系统性平台项目也按投资额？最高多少", "direction-3-amount", "100万"),
        # another place's figure, then the same asked of Shaoguan
        ("清远的上云补贴听说封顶150万，韶关的呢", "direction-1-amount", "100万"),
    ],
)
def test_another_programme_likened_or_told_beside_the_notices_ask(
    composer: Composer, question: str, entry_id: str, said: str
):
    assert_answered_saying(composer, question, entry_id, said)


def test_a_bare_outside_thing_or_its_rules_asked_after_it_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            # the paperwork or rules of a thing the clause before only names
            "员工企业年金，有什么规定？",
            "出口退税的备案资料，什么时候要交？",
            "政府采购项目，小企业怎么才能参加？",
            # an English question with a tag after it: the question mark says which is asked
            "Any tax incentives for this kind of project? my boss asked",
            # what the notice never gives: payment months, experts' visits and scoring, quotas
            "验收通过以后钱大概几月份到账？具体哪天？",
            "验收专家哪天来现场？可以提前约时间吗",
            "入库评审几位专家打分？去掉最高分吗",
            "设备是国产小牌子，专家会不会嫌不够先进",
            "验收没通过会不会被列入黑名单？",
            "How many companies in the county can be funded?",
        ),
        LATER,
    )


@pytest.mark.parametrize(
    ("question", "standing"),
    [
        ("必须是高新技术企业才可以申报吗？", "高新技术企业"),
        ("我们还没评上专精特新，能不能申请？", "专精特新"),
        ("Do we have to be an above-scale firm to apply?", "above-scale"),
    ],
)
def test_a_standing_asked_as_needed_is_not_among_the_conditions(
    composer: Composer, question: str, standing: str
):
    composed = composer.answer(question, None, LATER)
    assert composed.entry_id == "who-can-apply", composed.text[:200]
    assert f"“{standing}”" in composed.text or f'"{standing}"' in composed.text
    assert "失信被执行人" in composed.text  # the notice's own conditions, said beside it


def test_a_standings_own_application_is_not_the_notices(composer: Composer):
    assert_outside(composer, ("高新技术企业认定需要什么条件？", "专精特新申报要准备什么材料"), LATER)


def test_a_project_with_another_programmes_money_may_apply_within_the_cap(composer: Composer):
    for question in (
        "项目前年拿过区里的技改补贴50万，还可以申报这个吗？",
        "这套系统已经享受过其他部门的扶持资金，还能不能申请？",
    ):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id == "total-support-cap", (question, composed.text[:200])
    # no other money had is no other programme's money
    assert composer.answer("我们从来没拿过别的补贴，这个能报吗", None, LATER).entry_id != "total-support-cap"
    # the province's special funds are the city's own base, not another programme's money
    assert composer.answer("省级专项资金已经拿到了200万，还能申请市里的吗", None, LATER).entry_id != (
        "total-support-cap"
    )


def test_a_standing_told_of_the_firm_leaves_the_notices_ask(composer: Composer):
    assert_answered_by(
        composer,
        {
            "我们去年评上了高新技术企业，入库申报截止是几号？": "entry-deadline",
            "公司是规上企业，验收申请要交哪些材料": "acceptance-materials",
        },
        LATER,
    )


def test_how_the_experts_judge_one_project_is_not_in_the_notice(composer: Composer):
    for question in (
        "我们的质检相机是国产小品牌，评审专家会不会嫌不够好？",
        "5G网关用的是二手设备，够不够先进？",
        "入库评审的打分权重怎么分配？",
        "Our MES is ten years old. Will the experts think it is too old?",
        "Our 5G gateway is a local brand; is it advanced enough for the 5G direction?",
    ):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id is None, (question, composed.text[:120])
        if not question.isascii():  # (in English, the plain outside reply may say it as well)
            assert "没有写明" in composed.text, (question, composed.text[:120])
    # whether a project counts as one of the notice's kinds is the notice's
    assert composer.answer("我们的产线改造算不算智能制造？", None, LATER).entry_id is not None
    assert composer.answer("项目的建设期从哪一天开始算？", None, LATER).entry_id == "construction-window"


def test_legal_details_the_conditions_never_define_are_not_in_the_notice(composer: Composer):
    for question in (
        # how serious is serious, how major is major
        "安全事故怎么界定算不算重大？看伤亡人数吗",
        "罚款要罚到多少才算严重违规？",
        # how money is recovered
        "奖补被追回的话能不能分期还？",
        # whether an old record still counts after it was cleared
        "被执行记录已经撤销了，还算不算失信？",
        # correcting a paper handed in
        "承诺书盖错章了，能不能重新交一份？",
        "评审专家有回避制度吗",
    ):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id is None, (question, composed.text[:120])
    # a list kept by another body is not among the conditions
    composed = composer.answer("公司上过经营异常名录，算不算失信？", None, LATER)
    assert composed.entry_id is None and "不在其中" in composed.text
    # the conditions themselves are the notice's
    assert composer.answer("被列为失信被执行人还能申报吗", None, LATER).entry_id is not None


def test_a_vendors_cut_and_the_markets_business_are_not_in_the_notice(composer: Composer):
    assert_outside(
        composer,
        (
            # a commission offered beside the notice's award is no kind of support it gives
            "我们帮客户申报成功的话，市里会给服务商佣金或者奖励吗",
            "我们作为服务商，能从客户的补贴里分成吗？一般分几成",
            "上云服务有没有政府指导价？",
            "我们作为集成商，做这个项目需要走公开招投标吗",
            "Is there an approved vendor list our clients must pick from?",
            "Will the bureau issue a press release naming the winners?",
            "5G物联网卡月费几钱？",
            "工信局有没有小程序可以查申报进度",
            "Can the subsidy be remitted to our parent company in Hong Kong?",
            "补贴可以用美元发放吗？我们的账户是美元户",
            "澳门政府对澳资企业有什么扶持政策？",
            "What support does the Macau government give its firms in the mainland?",
            "大湾区有没有针对数字化转型的补贴？",
        ),
        LATER,
    )
    # a project's own system named by a word an outside abbreviation would begin names nothing outside
    assert (
        composer.index.outside_words("Our slag processing line and slab tracking went onto the cloud") == []
    )
    # a subscription fee is still the project's spending, not a data card's monthly fee
    assert_answered_by(
        composer, {"云平台订阅费是2021年9月1日一次性付的三年费用，能算吗": "investment-scope"}, LATER
    )


def test_a_county_bureaus_own_phone_is_not_in_the_notice(composer: Composer):
    assert_outside(
        composer, ("仁化县工信局办公室电话几多，我想直接打去问", "曲江区工信局的联系方式有吗"), LATER
    )
    # the notice's own contacts, asked by a firm of a county
    assert_answered_by(composer, {"我们是仁化的，入库材料交去哪里，电话多少": "contacts"}, LATER)


def test_everyday_and_cantonese_wordings_of_the_notices_own_things(composer: Composer):
    assert_answered_by(
        composer,
        {
            # 配不配 asks whether the city matches it (no typo of 赔不赔)
            "上云项目如果冇拿到省级专项资金，市级还配不配？": "direction-1-amount",
            # the aim of the call itself
            "搞这个申报到底是想达到什么目的？我们镇上好多人都看不懂": "purpose",
            # the money received, how it is kept
            "補貼嘅錢入咗賬之後點管理？": "fund-management",
            "MES項目嘅獎補錢，客戶收到之後要點樣管？": "fund-management",
            # which situations bar an application
            "有冇啲情況係一定唔畀報嘅？": "compliance-conditions",
            "What would disqualify a company from applying?": "compliance-conditions",
            # a firm's owners' country is no condition
            "Can a Japanese-invested plant apply?": "who-can-apply",
            "Does the notice limit applicants to Chinese-owned companies?": "who-can-apply",
            "市工信局边个同事跟这个工业互联网项目？": "contacts",
            # 咁 turns to what is asked, as 那 does
            "系统性平台按投资10%补，咁投资额具体包括啲咩支出？": "investment-scope",
            # the asker's manager abroad relays it
            "Acceptance deadline pls, our GM in Macau is asking": "acceptance-application-deadline",
            # not any support at all is had: the conditions are asked
            "翁源小厂，冇拿过任何补贴，也冇出过事，可以报啦？": "compliance-conditions",
        },
        LATER,
    )


def test_the_notice_asked_of_after_a_story_of_costs(composer: Composer):
    # 电费 is only the story's; what the notice says of energy use is asked
    assert_answered_saying(
        composer,
        "我们厂电费贵到飞起，想搞个能耗监测放上云，能耗这块通知有冇讲到嘛",
        "direction-1-scope",
        "能耗优化",
    )


def test_applying_for_a_further_project_asks_the_limit(composer: Composer):
    for question in (
        "我们报了上云，还想报5G，可以吗",
        "我哋想報三個：上雲、5G、仲有一個系統性平台，係咪都得？",
    ):
        assert "最多申请2个项目" in composer.answer(question, None, LATER).text, question
    # a stage applied for next is no further project
    for question in ("申报了上云，还要申请验收吗", "入库报了，还要报什么"):
        assert "最多申请2个项目" not in composer.answer(question, None, LATER).text, question


def test_an_english_figure_keeps_the_role_named_just_before_it(composer: Composer):
    composed = composer.answer("5G project provincial fund 7 million city top-up how much", None, LATER)
    assert "700,000" in composed.text, composed.text[:200]


def test_who_signs_and_totals_approved_are_not_in_the_notice(composer: Composer):
    assert_unstated(
        composer,
        (
            "如果是承建方申报，承诺书由承建方签还是使用单位签？",
            "韶关市2022年工业互联网项目总共批了多少钱？",
        ),
    )


def test_a_firm_that_only_says_what_it_makes_asks_who_may_apply(composer: Composer):
    assert_answered_by(
        composer,
        {
            "我们做陶瓷的，能报吗": "who-can-apply",
            "We make ceramics. Can we apply?": "who-can-apply",
        },
        LATER,
    )
    # one who works at a foreign-owned plant and asks of something else is still outside
    assert_outside(
        composer,
        ("What's the minimum monthly wage in Shaoguan? HR at our Korean-owned plant is asking.",),
        LATER,
    )


def test_other_bodies_and_places_money_matters_are_not_in_the_notice(composer: Composer):
    assert_outside(
        composer,
        (
            "财政补贴到账以后发票怎么开",
            "2022年入库名单的公示链接发我一下",
            "韶關有冇港資企業商會可以幫手對接政府？",
        ),
        LATER,
    )


def test_where_a_named_directions_project_must_be_is_its_own_rule(composer: Composer):
    assert_answered_saying(
        composer, "5G融合创新项目要在哪里开展才能拿市级资金", "direction-4-amount", "在我市开展"
    )


def test_merging_the_money_into_the_firms_main_account_asks_the_dedicated_account(composer: Composer):
    assert_answered_by(composer, {"这笔钱可以直接并到公司基本户里统一用吗": "fund-management"}, LATER)


def test_the_present_year_counted_from_a_past_one_is_no_other_round(composer: Composer):
    question = "我们2020年有个财政资金的违规问题，到现在2026年过5年了吧，还影响吗"
    assert_answered_by(composer, {question: "compliance-conditions"}, LATER)
    # the present year's own round is still another round
    assert_outside(composer, ("现在2026年的申报通知出了吗",), LATER)


def test_results_of_the_round_and_a_parks_own_business_are_not_in_the_notice(composer: Composer):
    for question in (
        "How many companies in our industrial park received the award, and how much in total?",
        "麻烦统计一下：全市这一轮通过验收的项目有多少个，总共奖补了多少钱？",
        "我们园区这批项目一共有几家企业获批？名单能发一下吗？",
        "O公司去年报过一次项目没通过，能不能查一下没通过的原因？",
        "我们公司这次入库评审通过了没有？",
    ):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id is None and composed.suggestions, (question, composed.text[:120])
    assert_outside(
        composer,
        (
            "园区年度优秀企业评选什么时候开始？奖金多少？",
            "企业问：园区天然气管道接入的开口费谁出？多少钱？",
            "我们打算自建机房放MES，机柜要配多少个？",
            "云服务商的服务等级协议一般签多少？",
            "我们用的是根云平台，这个平台是不是市里认可的平台？",
            "Where can I see the 2021 provincial cloud-and-platform fund allocation results?",
            "听说今年市里又出了一个数字化转型补贴通知，新通知叫什么名字？",
        ),
        LATER,
    )


def test_a_record_on_government_funds_is_the_conditions(composer: Composer):
    assert_answered_by(
        composer,
        {"Do they check our record on government funds? How many years back?": "compliance-conditions"},
        LATER,
    )
    # a hyphenated name is one word, no two clauses
    assert_answered_by(composer, {"What is the cloud-and-platform cap?": "direction-1-amount"}, LATER)


def test_a_firm_from_another_place_does_not_put_the_project_there(composer: Composer):
    question = "园区有家做智能仓储的企业，系统是外包给深圳一家软件公司做的，两家都想申报，应该谁报？"
    assert "在深圳的项目" not in composer.answer(question, None, LATER).text
    # a project deployed there is still put there
    assert "在广州的项目" in composer.answer("我们的标杆项目部署在广州，能报吗", None, LATER).text


def test_which_year_the_notice_is_of_asks_its_date(composer: Composer):
    for question in (
        "这个是哪年的通知？",
        "这份文件是哪年的",
        "Just received this from a friend in Shaoguan. When was it issued?",
    ):
        assert composer.answer(question, None, LATER).entry_id == "issuer-and-date", question
    # the year of a deadline is the deadline's
    assert composer.answer("通知哪年截止", None, LATER).entry_id != "issuer-and-date"
    # the year of the basis document is its own
    assert composer.answer("实施意见是哪一年的文件", None, LATER).entry_id == "policy-basis"


def test_a_bureaus_and_a_groups_own_business_is_not_in_the_notice(composer: Composer):
    assert_outside(
        composer,
        (
            "县局年终考核评优秀的比例是多少？",
            "市局今年有冇搞工業互聯網嘅現場觀摩會？",
            "Is there a training session for county officers? Where and when?",
            "市局请示件一般多长时间能批复下来？",
            "我们局转发市局文件，文号编号规则是怎样的？",
            "How do I log into the provincial funds management system?",
            "我们县局自己的OA系统升级改造，能不能申请市里的信息化经费？",
            "高新区管委会内部是哪个部门负责对接这项工作？",
            "Are interest payments on intra-group loans deductible?",
            "集团内部审计多久做一次比较合适",
        ),
        LATER,
    )
    assert_unstated(
        composer,
        (
            "验收专家的评审劳务费标准是多少？谁来出？",
            "省工信厅要求市局哪天之前把推荐名单报到省里？",
        ),
    )


def test_a_county_officers_wordings_of_the_notices_own_things(composer: Composer):
    assert_answered_by(
        composer,
        {
            "验收前一定要先入库吗": "acceptance-application-deadline",
            "係咪一定要入咗庫先可以申請驗收？": "acceptance-application-deadline",
            "转发通知时想写一段背景，这次工作的目的市局是怎么表述的？": "purpose",
            "除了严鹏，通知里还留了谁的名字？": "contacts",
            "Is there a cap on how many projects a single enterprise can apply for?": "max-two-projects",
            "验收阶段是不是还要再交一遍入库申报书？": "acceptance-materials",
        },
        LATER,
    )
    said = composer.answer("系统性平台项目要在什么企业里用起来才能拿市级扶持", None, LATER).text
    assert "在我市制造业企业得到应用" in said


def test_another_bodys_inspection_of_the_firm_is_its_business(composer: Composer):
    # the subsidiary is only what the tax bureau inspects; what to prepare is for that inspection
    assert_outside(composer, ("税务局来稽查我们子公司，要准备什么",), LATER)
    assert_answered_by(composer, {"子公司要报统计局的报表，入库要准备什么": "entry-materials"}, LATER)


def test_words_of_the_bureaus_business_leave_the_notices_own_asks(composer: Composer):
    assert_answered_by(
        composer,
        {
            "营业执照在哪个区注册才能申报": "registration-jurisdiction",
            "入库名单报到省里吗": "entry-expert-review",
            "Does the city bureau publish the shortlisted projects somewhere?": "entry-expert-review",
            "Can we transfer the subsidy to the parent to repay an intra-group loan?": "fund-management",
            "市工信局会不会把好的项目推荐去申报省里、国家的政策": "quality-project-recommendation",
        },
        LATER,
    )
    # who hands in the acceptance application is no builder's question
    said = composer.answer("验收申请是谁提交？入库项目单位自己交吗？", None, LATER).text
    assert "书面同意" not in said and "当地工业和信息化主管部门" in said


def test_a_short_english_outside_word_is_a_whole_word(composer: Composer, index: SearchIndex):
    # sla is no start of slag, 4g none of "2024 guideline"; taxable and taxed named of their own
    assert "sla" in index.outside_words("云服务商SLA一般签多少？99.9%够不够用")
    assert not index.outside_words("We recycle slag from the smelter")
    assert "4g" not in index.outside_words("Is the 2024 guideline out yet for the fund?")
    assert_outside(composer, ("Is the subsidy taxable?", "数据中心PUE要求是多少？"), LATER)


def test_a_summary_asked_for_the_boss_answers_what_is_summed_up(composer: Composer):
    assert_answered_by(
        composer,
        {
            "帮我用一句话概括下这个通知讲啥，老板开会前只看一眼": "purpose",
            "老板问这个政策的出发点是什么，我背景那段要写两句": "purpose",
            "帮我给老板总结一下支持方式，一两句就够": "support-method",
            "给董事会的简报要一句话讲清楚支持对象": "who-can-apply",
        },
        LATER,
    )


def test_odds_shareholders_and_speeches_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "What are the odds our application gets approved? Board wants a number",
            "你估计我们这个5G项目批下来的概率有多大？老板要个百分比",
            "Do shareholders need to approve the application under our articles of association?",
            "评审专家都是谁？能不能提前跟他们沟通一下",
        ),
        LATER,
    )
    # a shareholder pulling out is no condition of the notice: the conditions said, and that it is silent
    said = composer.answer("我们公司股东想撤资，会不会影响项目申报？", None, LATER).text
    assert "不在其中" in said and "通知没有写" in said


def test_the_users_today_picks_the_stage_due_next(composer: Composer):
    assert_each_says(
        composer,
        {
            "今天8月20号了，还有什么要交？": "附件4",
            "今天7月20号，还有什么要交？": "还有37天",
            "今天7月4号，这周我们必须做什么？": "还有4天",
        },
    )


def test_machining_is_no_desk_phone(index: SearchIndex):
    assert "电话" not in index.normaliser.canonical("哪个工业互联网平台更适合做机加工")


def test_what_the_rate_is_multiplied_by_is_its_base(composer: Composer):
    said = composer.answer("系统性平台项目按10%补，这个10%是乘以什么？", None, LATER).text
    assert "项目投资" in said
    # 趕唔切: Cantonese for not in time, read as the deadline
    said = composer.answer("我哋個能耗系統預計八月尾先搞掂，會唔會趕唔切", None, LATER).text
    assert "8月26日" in said


def test_whether_a_thing_told_affects_applying_asks_the_conditions(composer: Composer):
    # 对申报有影响吗 is 影响申报吗 said the other way round
    assert_answered_by(
        composer,
        {
            "前年被环保局罚了，这个对申报有影响吗": "compliance-conditions",
            "出过安全事故，对申报有没有影响": "compliance-conditions",
        },
        LATER,
    )


def test_the_span_between_the_two_deadlines(composer: Composer):
    said = composer.answer("入库截止到验收申请截止之间有多久？", None, LATER).text
    assert "相隔49天" in said


def test_the_shape_wanted_for_the_boss_is_no_part_of_the_ask(composer: Composer):
    assert_answered_by(
        composer, {"Eligibility in 3 bullets please — boss wants it on one slide": "who-can-apply"}, LATER
    )


def test_english_words_for_the_notices_things(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Is there a number I can ring? Our Chinese admin has just left.": "contacts",
            "The notice mentions 工业大脑: the idea behind it, in plain English?": "direction-3-scope",
        },
        LATER,
    )
    said = composer.answer(
        "Today is 20 August and our acceptance documents aren't ready. What's the final date?", None, LATER
    ).text
    assert "August 26" in said


def test_procurement_and_the_firms_own_paperwork_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "供应商交付的软件不能用，我们能不能单方面解除合同",
            "我们跟供应商签总价合同还是单价合同好",
            "合同签了之后供应商涨价，我们能不能拒绝",
            "Is the warranty on the edge gateways our vendor's business or ours?",
            "How do we remit the subsidy to our parent company in Chennai? Any SAFE approval needed?",
            "How do we change our legal representative at the market regulation bureau?",
            "Does the Shaoguan Commerce Bureau offer incentives for new foreign direct investment?",
        ),
        LATER,
    )


def test_a_vendors_quote_is_the_investment_and_where_to_register_asks_the_condition(composer: Composer):
    said = composer.answer(
        "我们供应商报价330万，做系统性制造业互联网平台，在本市工厂用了，如果全部在建设期内付清，能补多少？",
        None,
        LATER,
    ).text
    assert "33万元" in said
    assert_answered_by(
        composer,
        {
            "申報嘅企業要喺邊度註冊？": "registration-jurisdiction",
            "申报企业要在哪里注册才行": "registration-jurisdiction",
            "有哪些情况会被排除在外，不能申报？": "who-can-apply",
        },
        LATER,
    )


def test_sets_of_papers_and_paper_based_ask_the_copies(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Is the ruku application paper-based or online?": "paper-copies",
            "Sorry to bother — what format should pool-entry materials be in, "
            "and how many sets?": "paper-copies",
        },
        LATER,
    )


def test_english_particles_and_the_chains_words(composer: Composer):
    # lah and cheers say nothing of what is asked; a supplier collaboration portal is supply chain
    # collaboration, which direction 1 names
    assert_answered_by(
        composer,
        {
            "Would a supplier collaboration portal be something the cloud direction explicitly mentions? "
            "Cheers.": "direction-1-scope",
        },
        LATER,
    )
    assert composer.answer("Cheers!", None, LATER).entry_id is None


def test_terse_words_apart_by_a_space_are_read_together(composer: Composer):
    # a terse message puts a space where a sentence goes on: 县工信局电话 and 结果出了没 are said
    # across it, and 还有补贴吗 after another year asks of that year
    assert_outside(composer, ("翁源县工信局 电话号码多少", "2025年上云还有补贴吗 比例多少"), LATER)
    assert_unstated(composer, ("入库结果 出了没",), LATER)
    # the clause offered is the one the whole sentence names, not one its last word alone does
    offered = composer.answer("验收结果 出了没", None, LATER).suggestions
    assert offered[0].entry.id == "project-acceptance"


def test_shorthand_for_amounts_chances_and_brevity(composer: Composer):
    assert_each_says(
        composer,
        {
            "标杆那个 最多给几个w": "50万",  # 几个w: how many ten-thousands, not how many projects
            "系统性平台投资1500w，补150w有戏吗": "100万",  # 有戏: a chance, not a game (游戏)
        },
    )
    assert_answered_by(
        composer,
        {
            "这个通知一句话说说是干嘛的": "purpose",  # 通知一句 is no typo of 通知依据
            "方向2 全称是啥": "direction-2-scope",  # the direction's name, not the notice's title
            "direction 4? short pls": "direction-4-scope",
            "验收那一步要干嘛": "acceptance-materials",
            "Is the city money given after the project is done?": "support-method",
            "公示期间公众能不能提意见": "project-acceptance",  # the notice seeks the public's view
        },
        LATER,
    )


def test_results_vendors_colleges_and_farms_are_outside_the_notice(composer: Composer):
    assert_outside(
        composer,
        (
            "Any cloud vendor you would recommend?",
            "韶关学院有没有工业互联网专业？想招几个应届生",
            "Is there a similar scheme for farmers?",
            "is there a startup grant in Shaoguan",
        ),
        LATER,
    )
    assert_unstated(composer, ("这批最后一共发了多少钱",), LATER)
    composed = composer.answer("Who got funded in the acceptance round?", None, LATER)
    assert composed.entry_id is None and "does not say" in composed.text


def test_finance_and_plain_words_for_the_notices_own_facts(composer: Composer):
    assert_answered_by(
        composer,
        {
            "支持方式是补助还是贷款贴息？": "support-method",  # the notice's way named first, then a choice
            "副件4叫啥名字": "attachments-list",  # 副件 typed for 附件
            "入库以后到拿钱中间还要过哪一关": "process-overview",
            "How should we keep the books for the subsidy?": "fund-management",
            "补贴的使用范围有什么规定": "fund-management",  # what it may be spent on, not the notice's scope
            "入库的项目是用来做什么用的": "entry-expert-review",  # the reserve
        },
        LATER,
    )
    composed = composer.answer(
        "A cloud project got RMB 1.8 million in provincial funds: the city top-up?", None, LATER
    )
    assert "RMB 180,000" in composed.text, composed.text[:200]


def test_a_bank_account_land_papers_and_a_review_result_are_not_the_notices(composer: Composer):
    assert_outside(composer, ("想去银行开对公账户 要带啥", "不动产权证怎么办理"), LATER)
    assert_unstated(composer, ("我们的项目有没有通过验收？",), LATER)


def test_a_laugh_before_a_dash_ends_the_sentence_and_a_bare_ask_follows_its_thing(composer: Composer):
    assert_answered_by(
        composer,
        {
            "My whole team is confused haha — is the city money a reward after the project is done?": (
                "support-method"
            )
        },
        LATER,
    )
    assert_outside(composer, ("营业执照到期了 去哪换",), LATER)  # the licence's own ask, after a space


def test_the_notices_main_content_is_what_it_is_about(composer: Composer):
    # 主要内容 of the notice, 概括这个通知: its purpose, not the content of one direction
    assert_answered_by(
        composer, {"这个通知的主要内容是啥": "purpose", "帮我概括下这份文件": "purpose"}, LATER
    )


def test_a_higher_bodys_phone_after_a_space_and_a_penalty_to_come_are_not_the_notices(composer: Composer):
    # 省工信厅 电话: the province's own phone, the space where 的 would go
    assert_outside(composer, ("省工信厅 电话", "省厅 联系人是谁"), LATER)
    assert_answered_by(composer, {"市工信局 电话": "contacts"}, LATER)
    # whether a penalty is coming: the notice names none (a past one is its compliance condition)
    assert_unstated(composer, ("工商年报还没报 会不会被罚", "项目延期了会被罚吗"), LATER)
    assert_answered_by(composer, {"去年环保被罚过一次款，影响申报吗": "compliance-conditions"}, LATER)


def test_who_may_apply_for_acceptance_is_the_pool_entered_project(composer: Composer):
    # 四(二): the units whose projects entered the pool apply for acceptance (谁有资格 of the stage)
    assert_each_says(
        composer, {"验收申请 谁有资格提": "入库项目单位", "哪些项目可以申请验收": "入库项目单位"}, LATER
    )
    assert_answered_by(composer, {"谁可以申请": "who-can-apply"}, LATER)


def test_paper_copies_are_worked_out_for_the_projects_counted(composer: Composer):
    # 一式七份 for each project's set: the user's count multiplies it, stage by stage
    assert_each_says(
        composer,
        {
            "客户A、B、C三家的入库申报书都要交纸质，总共要准备多少份": "3 × 7 = 21 份",
            "我们有两个项目，验收材料纸质总共要几份": "2 × 7 = 14 份",
            "我们有三十个项目，入库申报书总共要几份": "30 × 7 = 210 份",  # 三十, not 十
            "We have three projects. How many paper copies in total?": "3 × 7 = 21 copies",
        },
        LATER,
    )
    composed = composer.answer("纸质材料要几份", None, LATER)  # no count said: nothing multiplied
    assert "×" not in composed.text, composed.text[:200]


def test_a_timetable_a_bonus_and_two_stages_find_their_clauses(composer: Composer):
    assert_answered_by(
        composer,
        {
            "這個通知嘅申報時間表係點？": "deadlines-overview",  # 时间表: the stages' dates
            "奖补资金能发员工年终奖吗": "fund-management",  # what the money may be spent on
            "Do we need to file in two stages? What are they?": "process-overview",
        },
        LATER,
    )
    assert_each_says(composer, {"验收申请报告由谁来提交，是项目单位还是工信局？": "入库项目单位"}, LATER)


def test_an_agent_signing_for_its_client_and_its_fees_are_not_the_notices(composer: Composer):
    assert_unstated(
        composer,
        (
            "我哋代理公司可唔可以幫客戶簽承諾書？",
            "代理公司收了客户定金，项目没批要不要退，有没有规定",  # 有没有规定: of the detail just asked
        ),
        LATER,
    )
    assert_unstated(
        composer,
        ("Can our consultancy sign the commitment letter as the client's authorised representative?",),
        said="does not say",
    )
    assert_outside(
        composer,
        (
            "跟客户签拿到补贴才收费的成功收费合同，这样合规吗",  # the arrangement told, its lawfulness asked
            "Can you guarantee our client gets approved if we pay for a premium review?",
        ),
        LATER,
    )
    assert_answered_by(composer, {"我们是给工厂做系统的供应商，能以我们名义报吗": "builder-applying"}, LATER)


def test_another_places_or_bodys_own_support_is_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "我们集团在深圳和韶关都有工厂。深圳那边的工业互联网上云补贴标准是多少？",
            "我们这个5G项目总投资两个亿，听说发改局有市重点项目库，怎么申请进发改的重点项目库？",
            "Besides this notice, does the Guangdong provincial government have a separate 5G subsidy?",
            "要做5G专网，想问移动、电信、联通哪家的5G专网方案更好、更便宜？",
        ),
        LATER,
    )
    assert_unstated(
        composer,
        ("Could you tell me which companies have been approved for funding and how much each one received?",),
        said="does not say",
    )
    assert_answered_by(
        composer, {"我们总部在深圳，那边的人问韶关的补贴怎么申请": "registration-jurisdiction"}, LATER
    )


def test_claims_heard_are_checked_against_the_notice(composer: Composer):
    assert_answered_by(
        composer,
        {
            "群里有人说不用交纸质的": "paper-copies",  # 不用: whether it is needed
            "同事说软件公司不能报，只有工业企业才行，真的吗": "who-can-apply",
            "供应商说项目一立项市里就先打钱，可信吗": "support-method",  # money first: after the fact
        },
        LATER,
    )
    # two claims told, then only 都对吗: each claim is answered
    assert_each_says(
        composer, {"听说：①一家最多报2个项目 ②补贴按省级资金10%配套。都对吗？": "2个项目"}, LATER
    )
    assert_each_says(composer, {"听说：①一家最多报2个项目 ②补贴按省级资金10%配套。都对吗？": "10%"}, LATER)


def test_formal_letters_and_an_attachments_stage_deadline(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Our project was completed on 15 October 2021. We hereby request confirmation that it falls "
            "within the construction window specified in the notice.": "construction-window",
            "We hereby request the contact details of the officers responsible for this round.": "contacts",
            "附件4要在几号前交？": "acceptance-application-deadline",  # the stage attachment 4 is of
            "附件3什么时候截止": "entry-deadline",
        },
        LATER,
    )
    assert_outside(
        composer,
        ("Is SASAC approval needed before our subsidiary applies?", "按三重一大要求要上党委会吗"),
        LATER,
    )


def test_claims_of_other_programmes_results_and_lobbying_are_not_the_notices(composer: Composer):
    assert_outside(
        composer,
        (
            "同行说市科技局也有类似的5G应用补贴，最高200万",  # another body's support told, nothing asked
            "有人说他认识评审专家，打个招呼就能入库，靠谱吗",
            "我院是事业单位，收到的奖补资金应纳入部门预算收入，还是按非同级财政拨款收入核算？",
        ),
        LATER,
    )
    assert_unstated(
        composer,
        (
            "供应商说他们去年做的项目100%通过验收，可信吗",  # a pass rate claimed, only its truth asked
            "本批次入库专家评审结果是否已出？我司项目是否已列入入库储备名单？",
            "聽講今年仲會有第二輪申報，係咪真㗎？",
            "听说今年有企业被查出骗补，罚了多少钱？",
        ),
        LATER,
    )
    assert_answered_by(
        composer,
        {"我哋公司喺韶關註冊，朋友話做工業互聯網項目可以申請最多兩個，真唔真？": "max-two-projects"},
        LATER,
    )


def test_a_directions_requirement_asked_and_another_citys_own_rate(composer: Composer):
    # 是否要求…: what the direction's own text says
    assert_answered_by(
        composer, {"标杆项目是否要求在网络部署和运营模式上有所探索？": "direction-2-scope"}, LATER
    )
    assert_outside(
        composer, ("My colleague says Guangzhou pays 30% for cloud adoption projects, is that true?",), LATER
    )
    assert_answered_by(composer, {"We are from Guangzhou, can we apply?": "registration-jurisdiction"}, LATER)
    # telling the county first is no lobbying: the county gives the preliminary opinion
    assert_answered_by(
        composer,
        {"交验收材料前要不要先给县里打个招呼？反正最后是谁出具初步意见": "acceptance-application-deadline"},
        LATER,
    )


def test_cantonese_wages_rounds_and_hong_kong_schemes(composer: Composer):
    assert_answered_by(
        composer, {"如果最后真係批落嚟，笔奖补资金可唔可以拎嚟出糧或者发年尾双粮？": "fund-management"}, LATER
    )
    assert_outside(
        composer,
        (
            "我记得2021年嗰轮工业互联网项目我哋都有报过，想查返嗰次嘅评审结果，喺边度查？",
            "TVP同BUD可唔可以同时申请？",
            "广东省中小企业数字化转型券点领？",
        ),
        LATER,
    )
    assert_unstated(composer, ("我哋公司有冇入到2022年嘅验收通过名单？",), LATER)


def test_lists_answer_the_notices_items_and_set_an_outside_item_apart(composer: Composer):
    # a list whose first item is the notice's own: the outside item is said to be outside, the
    # rest answered (an item with no question word, a list of English bullets)
    assert_each_says(
        composer,
        {
            "1. 入库评审结果在哪里公示 2. 在什么网站 3. 公示期一般多长": "公示期一般多长",
            "- who are the contacts? - their phone number? - their office address?": "8884332",
            "一、财政资金违规看几年 二、安全事故有没有要求 三、纳税信用要A级吗": "重大事故",
            "- support method: before or after? - who decides the final amount?": "post-completion",
        },
    )
    # a list whose every item is another matter stays refused
    assert_outside(
        composer, ("1. 上云后的数据归谁所有 2. 云服务合同要注意什么条款 3. 数据泄露谁负责",), LATER
    )


def test_several_cap_questions_get_every_cap(composer: Composer):
    # one item asks the other caps' amount: every cap is given, not the count of one
    assert_each_says(
        composer, {"几个问题：1. 支持方向一共几个 2. 封顶50万的是哪个方向 3. 其余方向封顶多少": "100万"}
    )
    assert_each_says(composer, {"上限是100万的有几个方向": "有3个"})


def test_the_base_worked_back_from_the_city_amount_asked_after_it(composer: Composer):
    assert_each_says(
        composer,
        {"5G项目省级要拿多少，市级才能拿满100万？": "1000万", "标杆项目省级要多少，市级才能到30万": "300万"},
    )


def test_quoted_and_reworded_facts_of_the_notice(composer: Composer):
    assert_answered_by(
        composer,
        {
            "只发电子版到邮箱就可以吗": "paper-copies",
            "法人被列为不履行判决的人，还能报吗": "compliance-conditions",
            "文件说根据市委市政府的实施意见，那份文件的文号是什么": "policy-basis",
            "验收是我们自己写个报告，还是市里派人来验？": "project-acceptance",
        },
        LATER,
    )
    assert_unstated(composer, ("邮箱是多少", "绩效目标没完成，钱会被追回吗"))
    assert_unstated(composer, ("Did any textile firm win this subsidy in 2022?",), said="does not say")
    assert_outside(
        composer,
        (
            "What's the IPO listing reward here? Which department handles it?",
            "专账要不要在指定银行开户",
            "有没有官方认可的服务商名单",
        ),
        LATER,
    )


def test_the_days_after_a_deadline_are_no_day_chosen(composer: Composer):
    # 7月8号之后还能交吗 asks of the days after the deadline, not of handing in on the 8th itself
    for question in ("7月8号之后还能补交入库材料吗", "过了8月26号还能交验收申请吗"):
        composed = composer.answer(question, None, JUNE_20)
        assert "正好是截止日当天" not in composed.text and "截止" in composed.text, composed.text[:200]


def test_the_text_read_as_a_document(composer: Composer):
    # a link of direction 1 by its place, the links counted in other words, a part in Roman numerals
    assert_each_says(
        composer,
        {
            "方向一第三个环节是什么": "生产管控",
            "上云上平台一共列了多少个业务环节": "9个",
            "落款单位全称是什么？不要写简称": "韶关市工业和信息化局",
        },
    )
    assert_answered_by(
        composer,
        {
            "What is Part II of the notice about?": "who-can-apply",
            "奖补的钱是省财政出还是市财政出": "support-method",
        },
        LATER,
    )


def test_two_directions_amounts_set_against_each_other(composer: Composer):
    assert_each_says(
        composer,
        {
            "同样省级资金600万，标杆项目和上云项目的市级配套差多少？": "10万",
            "5G项目省级批多少以上，市级就只能拿100万封顶了": "1000万",
        },
    )


def test_the_provincial_programmes_own_rules_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "省级对5G项目一般按多少比例支持？",
            "省级专项资金可以用于发工资吗",
            "What percentage of Shaoguan firms had moved to the cloud by 2021?",
            "Does MIIT have a national subsidy for smart factories?",
        ),
        LATER,
    )
    assert_unstated(composer, ("入库之后多久能出评审结果", "验收没通过，明年还能再报吗", "评审会在哪里开？"))
    # where the project is carried out is the notice's (在哪里开展, not where a meeting is held)
    assert_answered_by(composer, {"5G示范项目要在哪里开展": "direction-4-amount"}, LATER)


def test_one_amount_for_each_of_several_projects(composer: Composer):
    assert_each_says(
        composer,
        {
            "我们两个项目各拿了200万上云资金，市里一共能配多少？": "40万",
            "Two projects each got 2 million provincial cloud funds, how much in total?": "400,000",
        },
    )
    # 投的钱 is the money invested, and 哪个时间段 asks no direction
    assert_answered_by(composer, {"项目投资是算哪个时间段内投的钱": "investment-scope"}, LATER)


def test_a_last_question_naming_its_topic_is_what_is_asked(composer: Composer):
    # the story pulls toward the provincial funds; the question names the acceptance and asks it;
    # a question pointing back at the story (does that count) asks about the story
    story_then_acceptance = (
        "We already passed the provincial acceptance. What must we submit to the city for acceptance?"
    )
    story_then_that = (
        "our yearly cloud fee was paid in Jan 2022, does that count toward the 上云 project investment?"
    )
    assert_answered_by(
        composer,
        {story_then_acceptance: "acceptance-materials", story_then_that: "investment-scope"},
        LATER,
    )


def test_details_of_review_spending_and_payment_the_notice_never_gives(composer: Composer):
    assert_unstated(
        composer,
        (
            "评审一般要等多久？交上去几天能出结果",
            "審核要等幾耐先有結果",
            "补贴到账以后多久之内要用完",
            "奖补可以直接打给承建单位吗",
            "市级配套要不要企业1:1自筹",
            "验收时专家会看哪些内容",
            "往年入库的名单去哪看",
            "不通过的项目比例大不大",
        ),
    )
    assert_unstated(
        composer,
        (
            "How big is the total size of the city's fund pool?",
            "Can we check the status of our application online?",
            "Is there a fast-track review for small firms?",
        ),
        said="does not say",
    )


def test_a_ratio_colon_joins_its_numbers(composer: Composer):
    # 1:1 is a ratio, not a pause between two clauses
    assert composer.reader.read("省里和市里按1:1配套吗").clauses == ["省里和市里按1:1配套吗"]


def test_two_kinds_of_one_thing_are_one_clause(composer: Composer):
    assert_answered_by(
        composer,
        {
            "ok thanks. one more: do safety and environmental accidents count against us?": (
                "compliance-conditions"
            ),
            "Who really pays the subsidy, the city or the province?": "support-method",
            "申报单位近两年不能出现哪些问题": "compliance-conditions",
        },
        LATER,
    )


def test_a_required_level_of_another_rating_is_no_condition(composer: Composer):
    for question in ("纳税信用评级要达到哪个级别才能报", "公司法人代表换了，影响申报吗"):
        composed = composer.answer(question, None, LATER)
        assert composed.entry_id is None and "不在其中" in composed.text, (question, composed.text)


def test_the_provinces_own_rates_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "What percentage does the provincial funding standard set for cloud projects?",
            "How much will the province itself give for a 5G project?",
        ),
    )
    # the city's own part asked beside it is answered
    assert composer.answer(
        "How much does the province give, and how much does the city add?", None, LATER
    ).entry_id


def test_estimating_the_subsidy_names_no_other_programme(composer: Composer):
    # 测算补贴 is estimating the subsidy, and 可能打折 a grant paid short (not a vendor's discount)
    composed = composer.answer("银行按10%测算补贴，有没有可能打折", None, LATER)
    assert composed.entry_id is not None and "资金池" in composed.text, composed.text[:200]


def test_a_programme_quoted_by_name_and_the_firms_own_finances_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "Is Singapore's 'SMEs Go Digital' programme open to our Shaoguan plant?",
            'Can our plant also join the "Industry 4.0 Pioneers" scheme?',
            "帮我们预测一下明年的利润，看值不值得做这个项目",
        ),
    )
    # the notice's own direction quoted, and another grant told of, are still this notice's
    assert_answered_by(
        composer,
        {
            "What is the cap of the 'cloud and platform' programme?": "direction-1-amount",
            "We got the 'Guangdong Digital' grant last year, can we still apply here?": "total-support-cap",
        },
        LATER,
    )


def test_a_filing_and_a_firms_own_result_are_never_given(composer: Composer):
    assert_unstated(composer, ("项目合同需不需要去工信局备案",))
    assert_unstated(composer, ("Did our project pass the expert review yet?",), said="does not say")
    # acceptance is the city bureau's, done by experts it organises: the notice says so
    assert_answered_by(composer, {"验收是市工信局自己看还是请专家？": "project-acceptance"}, LATER)


def test_an_unstated_detail_with_no_clause_near_it_is_still_unstated(composer: Composer):
    # no clause of the notice comes near 被人举报; the notice still does not say it, and no
    # suggestions below are promised
    composed = composer.answer("万一被人举报了，怎么办", None, LATER)
    assert composed.entry_id is None and not composed.suggestions
    assert "没有写明" in composed.text and "下面" not in composed.text


def test_provincial_funds_paid_in_phases_are_added_up(composer: Composer):
    assert_each_says(
        composer,
        {
            # the phases of the provincial funds named before them are that money's parts
            "上云项目省级资金分两期到账，第一期50万，第二期30万，市级能配多少": "8万",
            # phases of building, with no money named before them, are the investment's
            "系统性平台分两期建设，第一期400万，第二期200万，市里补多少": "60万",
            "Our 5G project's provincial funds came in two phases: first phase 700,000, "
            "second phase 300,000. City amount?": "RMB 100,000",
            "Our systemic platform was built in two phases, first phase 3 million, "
            "second phase 2 million. City amount?": "RMB 500,000",
        },
    )


def test_money_first_or_after_in_cantonese_asks_the_support_method(composer: Composer):
    assert_answered_by(
        composer, {"车间仲未起好，可唔可以先申请啲钱返嚟起？定系做完先补？": "support-method"}, LATER
    )


def test_more_details_of_the_bureaus_business_are_never_given(composer: Composer):
    assert_unstated(
        composer,
        (
            "入库评审会不会派人上门看现场",
            "纸质材料能快递吗",
            "这次平均每家能拿多少",
            "申报书的可行性分析怎么写",
            "全市最后有多少个项目通过验收",
        ),
    )
    assert_unstated(
        composer,
        (
            "What is the phone number of the Wengyuan county industry bureau?",
            "Can we pledge the subsidy to the bank?",
        ),
        said="does not say",
    )


def test_a_relocation_grant_a_slogan_and_a_zones_own_reward_are_outside(composer: Composer):
    assert_outside(
        composer,
        ("工厂搬迁有没有补贴", "帮我给项目宣传稿起个标题", "高新区自己还有没有额外的奖励"),
    )


def test_what_they_do_with_it_points_back_at_the_clause_before(composer: Composer):
    question = (
        "Our county office changed address. "
        "Once we hand them the acceptance application, what do they do with it?"
    )
    assert_answered_by(composer, {question: "where-to-submit"}, LATER)


def test_an_amount_asked_without_a_direction_is_worked_for_each_that_fits(composer: Composer):
    # the story's platform could be direction 2 (capped at 50万): no one direction is guessed for the
    # clause that asks the amount without naming one
    question = (
        "We're a Shenzhen-based software vendor building a quality-inspection platform for a client "
        "factory in Shaoguan. Provincial funding was RMB 6 million. How much city matching can we get, "
        "and do we need anything from the client?"
    )
    text = composer.answer(question, None, LATER).text
    assert "capped at RMB 500,000" in text and "written consent" in text, text[:300]


def test_the_most_one_company_could_get_is_two_projects_each_at_its_cap(composer: Composer):
    assert_each_says(
        composer,
        {
            "一家公司最多可以拿到多少补贴": "200万元",
            "What is the maximum a single firm can receive from the city?": "RMB 2,000,000",
        },
    )
    # no direction named: every direction's cap is listed, not the one a search guessed
    text = composer.answer("一家企业最多能拿多少补贴", None, LATER).text
    assert "方向二（行业性工业互联网平台标杆项目）最高50万元" in text, text[:400]


def test_three_projects_worked_say_the_two_largest_an_enterprise_may_file(composer: Composer):
    text = composer.answer(
        "三个项目：上云省级200万，5G省级400万，系统性平台投资900万，各能拿多少", None, LATER
    ).text
    assert "合计约150万元" in text and "90万元 + 40万元 = 130万元" in text, text[:600]


def test_provincial_funds_paid_first_and_then_again_are_added_up(composer: Composer):
    text = composer.answer("5G项目省里先拨了150万，后来又拨了50万，市里配多少", None, LATER).text
    assert "150万元 + 50万元 = 200万元" in text and "20万元" in text, text[:300]


def test_details_the_notice_never_gives_about_deadlines_and_funds_received(composer: Composer):
    assert_unstated(
        composer,
        (
            "入库截止时间能不能延长",
            "市级配套按省里批复的数算还是按已经到账的数算",
            "外地打这个电话要加什么",
            "验收通过以后多久到账，能不能给个大概时间",
        ),
    )
    assert_unstated(
        composer,
        ("Will the deadline be extended for late deliveries?", "What time does the office close on Fridays?"),
        said="does not say",
    )


def test_a_time_past_the_hour_is_no_question_word(composer: Composer):
    understood = composer.reader.read("市工信局几点放工？我们下昼四点几先到")
    assert composer.reader.asked(understood) == ["市工信局几点放工"]


def test_hand_it_to_whom_is_not_paying_tax(composer: Composer):
    assert_answered_by(composer, {"入库申报书 纸质几份 交谁": "paper-copies"}, LATER)


def test_the_applying_entity_and_a_firm_settled_in_shaoguan_ask_who_may_apply(composer: Composer):
    assert_answered_by(
        composer,
        {"对主体有啥要求": "who-can-apply", "刚落户的企业能申报吗": "registration-jurisdiction"},
        LATER,
    )


def test_other_programmes_own_timing_records_and_settling_rewards_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "省级专项资金什么时候开始申报",
            "公司的失信记录在哪里查询",
            "企业落户韶关有什么奖励",
            "Can we be reimbursed for taxis to the bureau?",
        ),
        LATER,
    )


def test_must_the_pool_come_before_acceptance(composer: Composer):
    assert_answered_by(composer, {"是不是要先入库才能报验收": "acceptance-application-deadline"}, LATER)


def test_higher_level_support_is_the_recommendation_of_good_projects(composer: Composer):
    assert_answered_by(
        composer,
        {"Do strong projects get pushed up to higher-level support?": "quality-project-recommendation"},
    )


def test_where_the_notice_mentions_a_term_not_quoted(composer: Composer):
    text = composer.answer("文件里哪些地方说到了供应链", None, LATER).text
    assert "供应链协同" in text and "一、支持方向（一）" in text, text[:300]
    pieces = composer.answer("和质量检测相关的内容在哪个方向", None, LATER).text
    assert "产品质量检测" in pieces and "一、支持方向（二）" in pieces, pieces[:300]
    english = composer.answer("Which sections of the notice mention maintenance?", None, LATER).text
    assert "item 2" in english and "item 4" in english, english[:300]


def test_an_english_outside_word_joined_to_another_word_is_not_it(composer: Composer):
    assert composer.index.outside_words("5G remote control of the stockyard cranes") == []
    assert composer.index.outside_words("which stocks should we buy") == ["stock"]


def test_a_section_of_the_bureau_is_not_given(composer: Composer):
    assert_outside(composer, ("Which department of the bureau is in charge of this?",), LATER)


def test_the_stages_experts_take_part_in_are_the_whole_process(composer: Composer):
    assert_answered_by(
        composer,
        {
            "专家会在哪几个阶段参与": "process-overview",
            "In which steps are experts involved?": "process-overview",
        },
        LATER,
    )


def test_an_askers_own_body_relaying_its_members_is_no_outside_word(composer: Composer):
    assert_answered_by(
        composer, {"我们陶瓷商会有几个会员想问，5G项目最高补多少": "direction-4-amount"}, LATER
    )


def test_reposting_the_notice_asks_its_publication_type(composer: Composer):
    assert_answered_by(composer, {"这份通知能不能转发到我们的微信群": "publication"}, LATER)


def test_what_the_work_means_to_advance_is_its_purpose(composer: Composer):
    assert_answered_by(composer, {"这次申报主要想推动啥": "purpose"}, LATER)


def test_which_organisations_and_general_eligibility_ask_who_may_apply(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Which kinds of organisations can apply for it?": "who-can-apply",
            "basic eligibility please": "who-can-apply",
        },
        LATER,
    )


def test_where_a_firm_fits_asks_which_direction(composer: Composer):
    assert_answered_by(
        composer,
        {"list the directions pls, we're an automation vendor seeing where we fit": "directions-overview"},
    )


def test_the_subsidy_paying_performance_pay_is_its_use(composer: Composer):
    assert_answered_by(composer, {"钱到了以后，研究院能不能用来发绩效工资": "fund-management"}, LATER)


def test_another_departments_own_subsidy_and_an_operating_grant_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "教育局那边有没有智慧校园的补贴",
            "Is there an operating subsidy for industry associations?",
            "你是不是真人",
        ),
        LATER,
    )


def test_filling_in_the_forms_for_the_firm_is_not_said_but_a_blank_is_filled(composer: Composer):
    assert_unstated(composer, ("能帮我填好申报书吗",))
    assert composer.answer("发文单位：____\n帮我填一下", None, LATER).entry_id == "issuer-and-date"


def test_a_network_done_by_the_end_of_a_month_is_judged_against_the_window(composer: Composer):
    assert_each_says(
        composer,
        {"Our 5G network for the client will be done by end of July 2022 - still OK?": "lies within"},
    )


def test_an_account_manager_asks_for_the_client_as_the_applicant(composer: Composer):
    assert_answered_by(
        composer,
        {
            "What does the client need to submit for acceptance?": "acceptance-materials",
            "As the contractor (we built the 5G private network), "
            "can China Telecom apply instead of the factory?": "builder-applying",
            "这个通知能不能直接转给客户看": "publication",
        },
        LATER,
    )


def test_conditions_said_to_be_met_then_what_else_asks_the_rest(composer: Composer):
    assert_answered_by(
        composer, {"客户没在失信名单上，5年内也没财政违规，还要满足啥": "who-can-apply"}, LATER
    )


def test_a_faint_printout_is_why_the_number_is_asked(composer: Composer):
    assert_answered_by(
        composer, {"你刚才说文号是韶工信〔2022〕19号？我打印出来看不清，到底是多少号": "notice-number"}, LATER
    )


def test_the_provinces_own_rate_and_phone_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "I meant the provincial funding ratio - what % does the province give for cloud projects?",
            "I meant the provincial department's phone number, not the city one.",
        ),
        LATER,
    )


def test_the_pool_size_changes_after_entry_and_city_totals_are_not_said(composer: Composer):
    assert_unstated(
        composer,
        (
            "入库后项目内容能变更吗，比如换设备供应商",
            "韶关2022年工业互联网这块申报总额有多少个亿",
            "验收的时候专家会不会来厂里现场看？要准备汇报PPT吗",
        ),
    )
    assert_unstated(
        composer,
        (
            "You mentioned the fund pool; how big is the pool this year?",
            "How many factories in Shaoguan have moved to the cloud so far?",
        ),
        said="does not say",
    )


def test_the_notices_own_our_bureau_and_the_day_it_went_out_ask_its_issuer(composer: Composer):
    assert_answered_by(
        composer,
        {
            "通知里面说的“我局”具体是哪个单位？": "issuer-and-date",
            "呢份通知係邊日發出㗎？我要填文件控制表": "issuer-and-date",
        },
        LATER,
    )


def test_who_a_firm_is_or_where_its_office_is_is_told_not_asked(composer: Composer):
    certified = (
        "We are an ISO 9001 plant. Does the 5G direction need provincial funds first to get the city match?"
    )
    assert_each_says(composer, {certified: "provincial special funds"})
    assert_outside(composer, ("Is there a similar program in Shenzhen? our sales office is there",), LATER)


def test_whether_there_is_a_public_notice_period_is_answered_its_length_is_not(composer: Composer):
    assert_answered_by(
        composer,
        {
            "What happens after the expert acceptance — is there a public notice period on the website?": (
                "project-acceptance"
            )
        },
        LATER,
    )
    assert_unstated(
        composer, ("How long is the public notice period for the project pool list?",), said="does not say"
    )


def test_once_on_the_dishonest_list_is_the_condition_not_an_old_project_list(composer: Composer):
    assert_answered_by(
        composer,
        {
            "阿爸轉發：「公司以前欠過銀行錢上過失信名單，而家仲申唔申到？」通知點講": "compliance-conditions",
            "our company got listed as a judgment defaulter last year over a supplier dispute (settled now). "
            "what does the notice say about that?": "compliance-conditions",
        },
        LATER,
    )


def test_joining_the_project_reserve_and_the_lowest_capped_item(composer: Composer):
    assert_answered_by(
        composer,
        {
            "入库了是不是就算进了2022年的项目储备？": "entry-expert-review",
            "Which support item has the lowest cap?": "amounts-overview",
        },
        LATER,
    )


def test_a_high_tech_enterprise_application_the_area_code_and_city_totals_are_not_the_notices(
    composer: Composer,
):
    assert_outside(composer, ("攞咗呢筆補貼會唔會影響我哋申請高新企業？",), LATER)
    assert_unstated(composer, ("韶关今年一共有多少个工业互联网项目入库了",))
    assert_unstated(composer, ("What's the area code for the contact phone number?",), said="does not say")


def test_a_formal_letters_long_self_introduction_is_who_asks(composer: Composer):
    letter = (
        "我司系曲江区国有控股装备制造企业，拟申报2022年韶关市工业互联网应用项目，"
        "请问本次通知的发文字号及依据文件为何？"
    )
    assert_answered_by(composer, {letter: "notice-number"}, LATER)


def test_what_a_direction_aims_to_build_is_its_scope(composer: Composer):
    assert_answered_by(
        composer, {"What does the 5G direction aim to build in the end?": "direction-4-scope"}, LATER
    )


def test_a_terse_question_marked_window_check_judges_the_completion(composer: Composer):
    terse = (
        "Cloud-ERP project: started Nov 2021, done June 2022, RMB 1.6 million provincial funds. "
        "Within the construction window? City top-up?"
    )
    assert_each_says(composer, {terse: "the whole month lies within the construction window"})


def test_a_directions_expected_effects_are_its_scope(composer: Composer):
    assert_answered_saying(
        composer, "上云上平台项目预期效果有哪几条？写PPT用", "direction-1-scope", "经营成本"
    )


def test_another_year_offered_beside_the_notices_own_is_no_other_round(composer: Composer):
    composed = composer.answer("这个通知是哪一年的申报？2022还是2023", None, LATER)
    assert composed.entry_id is not None and "2022" in composed.text, composed.text[:120]


def test_a_national_pilot_and_the_provinces_rates_are_other_programmes(composer: Composer):
    assert_outside(
        composer,
        (
            "Is there a national 5G application pilot programme we could apply for, and what's its deadline?",
            "What are the Guangdong provincial industrial internet special fund subsidy rates this year?",
            "韶关有没有给中小企业做数字化转型免费诊断的服务",
        ),
        LATER,
    )


def test_the_final_acceptance_and_each_bureaus_part_are_the_process(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Who does the final project acceptance?": "project-acceptance",
            "市工信局和县区工信局在这次申报里分别负责什么": "process-overview",
        },
        LATER,
    )


def test_review_length_reasons_for_failing_a_list_and_a_wechat_are_not_said(composer: Composer):
    assert_unstated(
        composer,
        (
            "我们2021年报的那个项目为什么没通过，能查到原因吗",
            "今年入库公示名单出来没有？我们翁源那个饲料厂上云项目有没有进",
            "严鹏现在还在市工信局上班吗？想加个微信",
        ),
    )
    assert_unstated(composer, ("How long does the expert panel review usually take?",), said="does not say")


def test_the_effects_a_direction_should_bring_and_a_dyeing_vat_are_the_notices(composer: Composer):
    assert_answered_by(composer, {"通知里面期待上云上平台带来哪几个效果？": "direction-1-scope"}, LATER)
    vat = (
        "Our dyeing-vat automation project will finish in October 2022. "
        "Is that within the construction window in the notice?"
    )
    assert_each_says(composer, {vat: "August 26, 2022"})


def test_taiwan_office_words_ask_the_title_and_the_funds_audit(composer: Composer):
    assert_answered_by(
        composer,
        {
            "這個專案計畫的全名叫什麼？我要寫在內部簽呈上": "notice-title",
            "補助款核銷的時候要符合什麼稽核要求？": "fund-management",
        },
        LATER,
    )


def test_the_notices_own_choice_its_past_years_and_what_a_direction_solves(composer: Composer):
    assert_answered_by(
        composer,
        {
            "5G这个方向主要想解决现场哪类问题": "direction-4-scope",
            "How many years back do they check for serious violations involving government funds?": (
                "compliance-conditions"
            ),
            "违法违规这条是指哪方面的，税务还是财政资金？": "compliance-conditions",
            "验收申请最后由谁报到市工信局": "where-to-submit",
            "what outcomes does the cloud direction list?": "direction-1-scope",
        },
        LATER,
    )
    composed = composer.answer("Is this notice for 2022 projects or 2023?", None, LATER)
    assert composed.entry_id is not None, composed.text[:120]


def test_an_aside_to_the_assistant_before_a_question_is_dropped(composer: Composer):
    assert_answered_by(
        composer,
        {
            "are you an AI? cool. for the 5G + manufacturing track, what kind of devices are we expected "
            "to develop": "direction-4-scope"
        },
        LATER,
    )
    assert_outside(
        composer,
        (
            "are you an AI?",
            "哈哈今天第三次来问你了，你会不会嫌我烦啊",
            "今日好攰呀，填表填到眼花，你有冇咩減壓方法？",
            "台資企業在韶關有沒有另外的台商投資獎勵？",
        ),
        LATER,
    )
    assert_unstated(composer, ("验收时专家会到现场吗，要准备什么PPT",))


def test_two_named_projects_both_at_their_cap_are_added_up(composer: Composer):
    assert_each_says(composer, {"一个系统性平台一个标杆项目，两个都顶格的话市级一共最多多少": "150万元"})


def test_union_outings_and_staff_training_ask_the_funds_use(composer: Composer):
    assert_answered_by(
        composer,
        {
            "这笔钱可以给工会搞活动发福利吗": "fund-management",
            "工会想问，这笔奖补资金能不能拿一部分搞职工培训": "fund-management",
            "入库申报是不是只要电子版？": "paper-copies",
        },
        LATER,
    )


def test_past_rounds_averages_panel_members_and_amending_amounts_are_not_said(composer: Composer):
    assert_unstated(composer, ("上一批入库项目有哪些企业", "入库以后还能不能修改申报金额？"))
    assert_unstated(
        composer,
        (
            "What was the average subsidy per project last year?",
            "Who exactly sits on the expert panel for the acceptance review?",
            "Can the subsidy be paid into our parent company's account in Hong Kong?",
        ),
        said="does not say",
    )
    assert_outside(
        composer, ("省工信厅上云上平台服务商名录在哪查？", "省级5G专项资金的申报入口在哪里？"), LATER
    )


def test_days_in_chinese_numerals_read_as_the_digits_the_notice_writes(composer: Composer):
    in_words = composer.answer("七月八号前要完成的是什么？八月二十六号前要完成什么？", None, LATER)
    in_digits = composer.answer("7月8号前要完成的是什么？8月26号前要完成什么？", None, LATER)
    assert in_words.entry_id is not None and in_words.text == in_digits.text, in_words.text[:120]


def test_rounds_of_later_years_are_outside_unless_the_notices_own_is_asked(composer: Composer):
    assert_outside(
        composer, ("2027年的入库截止日期出来了吗", "When does the 2028 application round open?"), LATER
    )
    assert_answered_by(
        composer,
        {
            "打算2027年上项目，先看看2022年那份通知是哪个单位发的": "issuer-and-date",
            "Our line will finish in late 2027. Does it fit the construction window?": "construction-window",
            "2027如果有类似的，上云也是按省级资金的10%配套吗": "direction-1-amount",
        },
        LATER,
    )


def test_a_factory_of_another_programmes_trade_is_who_asks(composer: Composer):
    assert_answered_by(composer, {"我们是光伏组件厂，入库申报截止是几号": "entry-deadline"}, LATER)
    assert_outside(composer, ("光伏企业有没有补贴",), LATER)


def test_carbon_esg_and_environmental_approvals_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "碳核算平台的数据要报给谁",
            "ESG报告一般多少页",
            "How long does an EIA approval take for a new kiln?",
            "固废处置有没有补贴",
            "When is the deadline for the tech renovation fund?",
        ),
        LATER,
    )


def test_fees_spot_checks_reviewers_and_translations_are_not_said(composer: Composer):
    assert_unstated(composer, ("申报要交费吗", "拨款后多久抽查一次", "我想报名当市里的评审专家，怎么弄"))
    assert_unstated(
        composer,
        ("Is there a WeChat official account for updates?", "Should we attach an English translation?"),
        said="does not say",
    )


def test_who_wants_to_know_is_no_question_of_its_own(composer: Composer):
    assert_outside(composer, ("Any tax implications for this grant? My accountant is asking.",), LATER)


def test_who_applies_for_acceptance_and_the_notices_attachments(composer: Composer):
    assert_answered_saying(
        composer, "验收申请报告和承诺书谁来交", "acceptance-materials", "由已入库的项目单位提交"
    )
    assert_answered_by(
        composer,
        {"What attachments were sent with the notice?": "attachments-list", "在吗，想咨询点事": None},
        LATER,
    )


def test_cantonese_who_organises_the_acceptance_and_the_contacts_names(composer: Composer):
    assert_answered_by(
        composer,
        {
            "驗收係邊個單位組織㗎": "project-acceptance",
            "申报项目的联系人叫什么名字": "contacts",
            "Will the grant be audited? Our finance team is asking": "fund-management",
        },
        LATER,
    )


def test_the_second_stage_and_a_programme_set_side_by_side_by_the_user(composer: Composer):
    assert_each_says(
        composer, {"第一关几号截止？第二关呢": "8月26日", "有几个方向？我要跟技改的对照一下": "四个方向"}
    )
    assert_unstated(composer, ("高新区经发局的电话是多少",))


def test_who_gives_the_opinion_the_base_and_the_local_bureaus_part(composer: Composer):
    assert_answered_saying(composer, "初步意见是市里出还是县里出", "where-to-submit", "初步意见")
    assert_answered_by(
        composer,
        {
            "市级配套按什么基础来算": "amount-calculation",
            "Does the systematic platform money depend on our investment?": "direction-3-amount",
            "南雄工信局在这次申报负责啥": "where-to-submit",
            "标杆项目是事后补还是先给钱": "support-method",
            "We are moving our CRM to a SaaS platform, which direction is that?": "direction-1-scope",
        },
        LATER,
    )


def test_whether_a_firm_got_in_and_applying_to_the_ministry_are_not_this_notices(composer: Composer):
    assert_unstated(composer, ("我们翁源那个厂入了没",))
    assert_outside(composer, ("How do we apply to MIIT for an industrial internet project?",), LATER)


def test_a_reporters_asks_of_the_notices_own_wording(composer: Composer):
    assert_answered_by(
        composer,
        {
            "实施意见的文号是啥": "policy-basis",
            "通知开头列的主送单位有哪些": "addressees",
            "这个通知落实的是哪份文件": "policy-basis",
            "市工信局在入库这一步负责什么": "entry-expert-review",
            "各县（市、区）工信局在入库环节承担什么职责": "where-to-submit",
            "上云那条要实现的几个效果是什么": "direction-1-scope",
            "“工业大脑”这个词在文件里怎么表述的": "direction-3-scope",
            "For our newsletter: which bureau issued the notice?": "issuer-and-date",
            "平台产品适用于哪些场景，标杆那条怎么写的": "direction-2-scope",
        },
        LATER,
    )


def test_a_reporters_asks_the_notice_cannot_answer(composer: Composer):
    assert_outside(
        composer,
        ("局长对数字化转型有什么讲话", "Can I get a quote from the bureau chief?", "企业对这个政策反响大吗"),
        LATER,
    )
    assert_unstated(
        composer,
        ("都有哪些专家来评？能透露名字吗", "有线上申报系统吗", "外资企业有没有额外的补贴", "有没有营收门槛"),
    )
    assert_unstated(
        composer,
        ("Has the entry list been published yet?", "Can the forms be filled in in English?"),
        said="does not say",
    )


def test_the_notices_year_offered_before_another_round_asks_which_it_is(composer: Composer):
    # which of the two years the notice is of, answered by its date, then the deadline asked
    assert_answered_by(composer, {"2022还是2023年的通知？入库几号截止？": "issuer-and-date"}, LATER)
    assert "2022年7月8日" in composer.answer("2022还是2023年的通知？入库几号截止？", None, LATER).text


def test_an_online_brands_project_and_the_basis_documents_issuers(composer: Composer):
    assert_answered_by(
        composer,
        {
            # the project told in words the index does not know, which direction still asked
            "我们做淘宝童装，衣服外包给翁源的工厂做，店铺订单直接推到工厂排产，这算哪一块": (
                "directions-overview"
            ),
            "We make toasters for brand clients; is supply chain collaboration with them in the cloud "
            "direction?": "direction-1-scope",
            "Who issued the implementation opinions the notice is based on?": "policy-basis",
            "What results should a cloud migration project deliver?": "direction-1-scope",
        },
        LATER,
    )


def test_a_higher_bodys_rate_and_deadline_and_land_use_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "省级专项资金一般按投资的百分之几给？",
            "What's the deadline for the Guangdong provincial 5G application?",
            "我们打算在曲江新建仓库，用地手续找谁办",
        ),
        LATER,
    )


def test_binding_the_experts_and_a_county_officer_are_unstated(composer: Composer):
    assert_unstated(composer, ("申报书装订有什么要求", "驗收專家係邊啲人"))
    assert_unstated(
        composer,
        (
            "Who is the person in charge at the Lechang county bureau?",
            "Another firm got a grant last year, which company it was?",
        ),
        said="does not say",
    )


def test_asks_of_the_stages_year_title_and_every_directions_rate(composer: Composer):
    assert_answered_by(
        composer,
        {
            # 另外 after 还要: one more thing done separately, no new clause
            "入库之后还要另外交验收申请吗": "process-overview",
            "这个通知是哪一年的项目申报": "issuer-and-date",
            "What is the name of the scheme?": "notice-title",
            "四种支持方式哪个封顶最高": "amounts-overview",
            "四个方向都是按10%吗": "amounts-overview",
        },
        LATER,
    )


def test_gas_prices_skills_subsidies_and_smart_factory_subsidies_are_outside(composer: Composer):
    assert_outside(
        composer,
        (
            "韶关工业燃气几时加价",
            "职业技能提升补贴找哪个部门",
            "Is there a smart factory subsidy in Shaoguan this year?",
        ),
        LATER,
    )


def test_results_clawbacks_operators_hours_lists_and_form_sections_are_unstated(composer: Composer):
    assert_unstated(
        composer,
        (
            "验收结果公示出来了吗",
            "奖补资金会不会被收回？收回是什么程序",
            "运营商能不能出一部分钱",
            "入库截止当天几点前要交",
            "去年的入库名单在哪能查到？想看看别人报了啥",
            "实施方案那部分怎么写",
        ),
    )


def test_two_years_offered_the_citys_support_conditions_and_the_first_stages_forms(composer: Composer):
    assert_answered_by(
        composer,
        {
            "这份是2022年的还是2023年的文件？验收几号截止": "issuer-and-date",
            "系统性平台项目拿市级补贴有什么条件": "direction-3-amount",
        },
        LATER,
    )
    reply = composer.answer("what is step one called, and what do we hand in", None, LATER)
    assert "Attachment 2 and Attachment 3" in reply.text


def test_spending_the_grant_an_owner_a_registry_and_pinyin_slips(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Can we spend part of our grant on marketing materials?": "fund-management",
            "市国资委下属的企业能报吗": "who-can-apply",  # the firm's owner, not a question of the commission
            "注册登记要在哪个部门才算，市场监管局可以吗": "registration-jurisdiction",
            "通之是那天发的": "issuer-and-date",
            "验收申情报告交几分": "paper-copies",
            # what the answer is for, said after the question, is no ask of next year's round
            "2022年那次支持几个方向？我看看明年项目往哪靠": "directions-overview",
            "Exact title of the programme? I need it for our funding list in Berlin.": "notice-title",
        },
        LATER,
    )
    assert_outside(composer, ("韶关市国资委下属企业的考核指标",), LATER)


def test_a_carmakers_supplier_asks_and_who_may_apply_near_misses(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Can we still apply for acceptance if the project never got into the database?": (
                "process-overview"
            )
        },
        LATER,
    )
    assert_outside(
        composer,
        (
            "PPAP文件怎么准备",
            "客户要求年降3%，怎么谈价",
            "广东中小企业数字化转型券点申请",
            "香港公司在韶关设厂，税点计",
        ),
        LATER,
    )
    assert_unstated(composer, ("今年最后有几个项目验收通过",))
    assert_unstated(
        composer,
        (
            "How do I change our company name on our licence?",
            "Can an individual engineer apply for a personal innovation award?",
        ),
        said="does not say",
    )


def test_hurried_english_the_basis_documents_year_and_the_bureaus_address(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Any requirment on performnce targets? Our GM wrote 'raise efficiency a lot' lol": (
                "performance-targets"
            ),
            # the basis document's year offered first is no other year's round
            "Which 2020 document does the notice give as its basis?": "policy-basis",
        },
        LATER,
    )
    assert_unstated(composer, ("韶关市工信局有冇地址",))


def test_a_front_desk_clerks_relayed_questions(composer: Composer):
    assert_answered_by(
        composer,
        {
            # a relayed question in English: who asks is no word of it
            "A company asks what the support directions are this year.": "directions-overview",
            "Caller asks which body issued the 2020 implementation opinions the notice cites.": (
                "policy-basis"
            ),
            "企业问这次申报主要是为了推动什么": "purpose",
            "申报截止前能交几个项目 我们厂准备了三个": "max-two-projects",
            "How many projects can we put on the reserve list?": "max-two-projects",
            "工程机械远程监控平台是请软件公司承建的，软件公司来申报要我们出什么": "builder-applying",
            "系统性平台项目要满足什么才给补": "direction-3-amount",
            "先验收还是先入库？日期呢": "process-overview",
            "IT vendor: which comes first, acceptance or database registration? and the dates?": (
                "process-overview"
            ),
            # only its cost told of the other thing; the direction's own link is asked
            "做水泥的，电费一个月几十万，上云上平台里面有没有节能这块的": "direction-1-scope",
            # a statement after a marked question tells, whatever its copula
            "can the subsidy pay worker wages? hiring is expensive here": "fund-management",
        },
        LATER,
    )
    assert_each_says(composer, {"验收申请报告和承若书是谁来交": "已入库的项目单位"})
    assert_unstated(
        composer,
        (
            "南雄工信局喺邊度？電話幾多？",
            "疫情封控，材料能不能申请延期交",
            "你哋可唔可以幫我填埋份申報書？",
            "申报书里项目概况那栏具体怎么写，要写多少字",
            "企业问申报书里的可行性分析具体要写几页、怎么写才容易过",
            "这次市里总共准备了多少钱",
        ),
    )
    assert_unstated(
        composer,
        (
            "What's the phone number of the Nanxiong industry bureau?",
            "Can the commitment letter be signed by the deputy GM instead of the legal rep?",
            "How many projects made it onto the 2022 reserve list?",
            # the industry and IT department is one body's name, no second ask
            "A company asks for the email address of the provincial industry and IT department.",
        ),
        said="does not say",
    )
    assert_outside(
        composer,
        (
            "去年申报的奖补到现在还没发，找谁催",
            "我们小水电站想申请增效扩容改造资金，找哪个部门",
            "客人問有冇得搵人幫手做數字化診斷，大概收幾多錢",
        ),
        LATER,
    )


def test_earlier_pairs_near_misses_experts_timing_and_what_counts(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Do we get the money upfront to buy the cold storage sensors, or only after?": "support-method",
            "Our final invoice was paid on 15 Sept 2022, after go-live. Does that payment count toward "
            "investment?": "investment-scope",
        },
        LATER,
    )
    # 四(一): the local bureaus organise the industrial enterprises of their jurisdictions
    assert_each_says(composer, {"入库申报是各地工信局组织辖区内什么企业来报": "工业企业"})
    assert_unstated(
        composer,
        (
            "验收专家是哪几个人，能提前联系吗",
            "专家评审组都有哪些专家？能提前联系吗",
            "省级专项资金一般要等多久才下达",
            "项目延期要不要走变更备案？备案表在哪下载",
        ),
    )
    assert_unstated(
        composer,
        (
            "Our county bureau hasn't replied in two weeks, what's the normal processing time at "
            "county level?",
            "Is the 2022 Guangdong provincial 5G application notice out yet?",
            "How much did Shaoguan pay out under this scheme in 2021?",
        ),
        said="does not say",
    )


def test_english_statements_told_beside_marked_questions(composer: Composer):
    assert_answered_by(
        composer,
        {
            # a date told, then the days left asked
            "Our go-live date is 10 August 2022. How many days after go-live do we have to get the "
            "acceptance application in?": "construction-window",
            "我们用了人家的工业互联网平台产品，不是自己开发的，能报哪个": "direction-1-scope",
            "我们把ERP上了阿里云，属于哪个类别": "direction-1-scope",
        },
        LATER,
    )
    assert_outside(
        composer,
        (
            "The provincial cloud voucher is worth 10k per company, isn't it?",  # a claim asked back
            "Our steel plant is ISO 45001 certified. does Shaoguan subsidise the certification cost?",
        ),
        LATER,
    )
    assert_unstated(
        composer,
        (
            "Caller wants to know the total city budget for manufacturing subsidies in 2022.",
            "We are a Hong Kong investor looking at Shaoguan for a new plant in 2027, and our board wants "
            "to know the total budget the city will put into industrial internet subsidies that year. Do "
            "you have that figure?",
        ),
        said="does not say",
    )


def test_another_city_only_in_the_firms_story(composer: Composer):
    assert_answered_by(
        composer,
        {
            # where the firm is or was is told; what is asked is the notice's own
            "我在东莞开厂十几年，老家韶关的朋友转了个工业互联网申报通知给我，这是哪个部门发的？": (
                "issuer-and-date"
            ),
            "5G+制造业融合创新具体支持干什么？我们在东莞已经弄了5G专网": "direction-4-scope",
            "Our Dongguan plant runs a cloud MES for production control. Is production control one of the "
            "listed areas under 'cloud & platform'?": "direction-1-scope",
            "Is there anything about dishonest judgment debtors? our Shenzhen entity had a court case": (
                "compliance-conditions"
            ),
            "What's the policy basis of this Shaoguan IIoT notice? My Shenzhen consultant wants to know "
            "which document it implements.": "policy-basis",
            # that place's way told beside, this notice's asked by name
            "这个钱是先给还是做完再给？深圳有些是立项就先拨一部分的": "support-method",
            "事后奖补是啥意思？跟深圳的事前资助区别在哪": "support-method",
            # 先在 is 先 + 在, no typo of 现在
            "是不是一定要先在韶关注册公司才能报？要在哪个部门登记": "registration-jurisdiction",
            "What's the very first step? we haven't filed anything with Shaoguan yet": "deadlines-overview",
            "標杆項目做出嚟係為咗俾邊個參考？": "direction-2-scope",
            "啲補貼錢用嘅時候要符合乜嘢要求？": "fund-management",
            "上云上平台这块，设备租赁环节也能算进去吗？客户是做工程设备出租的": "direction-1-scope",
            "竞品销售说只要买他们的MES就保证拿到100万补贴，靠谱吗": "final-amount",
        },
        LATER,
    )
    # that place's own support, asked of it or pointed back at
    assert_outside(
        composer,
        (
            "我们在深圳，那边有什么补贴？",
            "深圳的上云补贴是多少",
            "我在东莞，有什么补贴政策",
            "清远和河源有没有类似的工业互联网补贴？哪个力度大",
            "Can one project get both this city subsidy and Shenzhen's subsidy?",
            "我们协会想组织会员去东莞参观工业互联网标杆工厂，有没有经费支持？",
            # a county's own top-up is its own policy
            "县区会不会在市级之外再给一份配套？乐昌有没有",
        ),
        LATER,
    )
    assert_outside(composer, ("这个季度销售指标还差200万，有啥好的推单话术",), LATER)
    assert_unstated(
        composer,
        (
            "市工信局喺邊度？可唔可以親身交材料？",
            "補貼錢大概幾耐先到賬？",
            "什么样的事故算重大安全事故，有没有认定标准",
            "华为的方案和我们的比，评审专家会更偏向谁",
            "韶關今年總共批咗幾多個工業互聯網項目？",
        ),
    )
    assert_unstated(composer, ("Can you give me Yan Peng's mobile or email?",), said="does not say")


def test_screenshot_readers_and_logistics_firms_near_misses(composer: Composer):
    assert_unstated(
        composer,
        (
            "绩效目标一般要写几个指标？产值提升百分之多少才算合格",
            "驗收會唔會有人嚟廠度現場睇？大概幾時嚟？",  # when they come, after whether they come
            "可唔可以寄快遞交紙質材料？定係一定要親身送？",
        ),
    )
    assert_unstated(
        composer, ("What was the total fund budget for this programme in 2022?",), said="does not say"
    )
    assert_outside(
        composer, ("韶关有没有冷链物流的专项补贴？就是建冷库那种", "2021年入库的项目什么时候拨款"), LATER
    )
    assert_answered_by(composer, {"入库和验收各自啥时候截止": "deadlines-overview"}, LATER)


def test_an_audit_years_later_and_new_staff_near_misses(composer: Composer):
    assert_answered_by(
        composer,
        {
            "Did the notice say the subsidy had to be kept in its own account and used only for certain "
            "costs?": "fund-management",
            "can the subsidy be moved to another purpose later once the project is done? what did the "
            "notice say": "fund-management",
            "市财政对5G融合示范项目是在什么基础上配套": "direction-4-amount",
            "Is this notice proactively disclosed or on request only?": "publication",
        },
        LATER,
    )
    assert_unstated(
        composer,
        (
            "审计一般会抽查哪些凭证？发票、合同还是银行流水？",
            "驗收專家嘅評分標準係點？有冇打分表？",
            "8884332现在还打得通吗？是不是换号了",
            "我们当时验收申请报告里写的绩效指标没完成，现在审计会怎么处理？",
            "我们当年项目的专家评审分数是多少？",
        ),
    )
    assert_unstated(
        composer,
        (
            # a question opened by "Has", and where to find what the notice never gives
            "Has Shaoguan published a list of 2022 IIoT award recipients? where can I find it",
            "How long does the city usually take to review an acceptance application?",
        ),
        said="does not say",
    )
    assert_outside(
        composer,
        (
            "今天韶关下大雨，明天审计组还会不会过来",
            "As a new staff member, how do I apply for annual leave in the bureau's system?",
        ),
        LATER,
    )


def test_rice_mills_listed_firms_and_power_plants_near_misses(composer: Composer):
    assert_answered_by(
        composer,
        {
            # the step that must pass before the money is paid: acceptance
            "物流公司说市里是事后奖补，那要等哪一步走完才拨钱？": "payment-after-acceptance",
            # the award, not only the subsidy, may be asked of what it pays for
            "Can the award be used for dividends to shareholders?": "fund-management",
            # the links of a firm's work a direction lists, not which businesses apply
            "the cloud direction, which business areas does it cover?": "direction-1-scope",
            "rice mill here, do we pay for everything first and get the money back afterwards?": (
                "support-method"
            ),
            "do projects need to be finished by some date?": "construction-window",
            # the cost of electricity told as dear or rising, then the plan that names a direction
            "做锂电池的，电费好贵，想做能耗优化上云，算不算支持方向": "direction-1-scope",
            "变压器厂，电价涨了想做设备管理上云降本，最高能补多少": "direction-1-amount",
            # 问 relays who asks, it is no word of the question
            "老板开会听人讲了个“工业大脑”，问是哪一类项目里面的": "direction-3-scope",
            "呢份文件係邊日發㗎": "issuer-and-date",
            # whether the direction's text allows a way of building it
            "标杆能不能采用不同的网络部署架构？": "direction-2-scope",
        },
        LATER,
    )
    assert_outside(
        composer,
        (
            "我们米厂想申请粮食收储资质，有什么条件",
            "我们碾米厂想申请农业产业化龙头企业，在哪报名",
            "买稻谷烘干机今年补贴标准是多少",
            "Under HKEX rules do we have to announce the grant?",
            "Is there an energy audit subsidy in Shaoguan?",
            "我们区工信局的负责人是谁",
            # the electricity bill asked of stays another thing, when only a question follows it
            "电费太贵了，有什么补贴",
            "车间空调电费太高，有没有节能改造的建议",
        ),
        LATER,
    )
    assert_unstated(composer, ("市里一共安排了多少钱的资金池",))


def test_school_enterprise_cooperation_near_misses(composer: Composer):
    assert_answered_by(
        composer,
        {
            # the subsidy received, then what it may be put to asked in the next clause
            "补贴到账以后，能拿来赞助员工参加技能大赛吗": "fund-management",
            # the spending of which period counts: the construction period's
            "项目投资按什么时间段的支出算": "investment-scope",
            # by when the project itself must be built: the construction window, typos and all
            "项木几号之前要建设完城": "construction-window",
        },
        LATER,
    )
    assert composer.answer("cheers mate, that's all", None, LATER).kind is Kind.THANKS
    assert_outside(
        composer,
        (
            "我们学校申报省高水平专业群，材料几号截止",
            "横向科研经费管理费提多少",
            "学生做毕业设计能用合作企业的数据吗",
        ),
        LATER,
    )
    assert_unstated(
        composer,
        (
            "申报书盖学院公章还是企业公章",
            "韶关有哪些工厂上云做得好",
            # how to word a part, asked beside a sample the notice never gives
            "申报书里项目绩效目标怎么填？能发个范文吗",
        ),
    )


def test_small_firms_and_steel_suppliers_near_misses(composer: Composer):
    # Cantonese "how to book it": 點樣記賬 is no sum (点样计) of the amount
    assert_answered_by(composer, {"呢筆獎補資金點樣記賬": "fund-management"}, LATER)
    assert_outside(
        composer,
        ("南雄妇联的电话多少", "贷款50万分五年还，月供多少", "Is IEC 62443 needed for our platform?"),
        LATER,
    )
    assert_unstated(composer, ("我走不开，能不能委托亲戚帮我去交材料", "韶关今年评上了几个标杆项目"))


def test_bookkeepers_and_returned_managers_near_misses(composer: Composer):
    assert_answered_by(
        composer,
        {
            # the programme's name before 补贴 only says whose money; what it may buy is asked
            "工业互联网项目的补贴可以拿来买钢材吗": "fund-management",
            # the entry stage's expert review, not the entry application form
            "入库项目的评审由谁来组织": "entry-expert-review",
        },
        LATER,
    )
    assert_unstated(composer, ("马科长是不是调岗了，换谁负责", "申报书格式有啥要求"))
    assert_unstated(composer, ("Will the bureau reject foreign cloud platforms?",), said="does not say")


def test_a_family_worry_told_after_the_ask_is_no_question(composer: Composer):
    # 呢 after an ongoing 着 tells (正等着交呢); the worked figures are still the answer
    message = "我爸厂里上云项目省级批了200万，市里能配多少？孩子的学费正等着交呢"
    assert_each_says(composer, {message: "20万元"})


def test_plant_managers_and_integrators_stories(composer: Composer):
    assert_answered_by(
        composer,
        {
            # the money said after 稳拿: entered is not yet paid
            "入了库是不是就稳拿奖补了": "support-method",
            # another programme applied for before is the firm's history, the stage is asked
            "之前只申请过技改，入库阶段要交哪些材料": "entry-materials",
            "入库该找哪个单位组织？": "where-to-submit",
            # the year a thing was bought is no other year's round
            "那台服务器是2021年买的，项目投资包括建设期之前的采购吗": "investment-scope",
            # 奖补 typed by its homophone still asks what the subsidy may buy
            "将补资金能用在买消防器材上吗？跟信息化无关那种": "fund-management",
            "奖补资金落咗之后点样管": "fund-management",
            # the county's own date for the notice's stage, not the county's own programme
            "我们南雄的，县里有没有单独的验收截止时间": "deadlines-overview",
            # a builder applying in its own name for its customer (五(四))
            "我们是软件公司，可以用我们的名义替客户申报吗": "builder-applying",
            "入库和验收是不是一回事": "process-overview",
            "能不能先验收再补入库": "process-overview",
            "入库是区里审完就行还是市里还要评审": "entry-expert-review",
            "水泥厂质量部的，设备管理上平台省级批了800万，按10%市里是不是给80万": "direction-1-amount",
        },
        LATER,
    )


def test_finance_directors_and_voice_dictated_questions(composer: Composer):
    assert_answered_by(
        composer,
        {
            # separate books for the subsidy: the dedicated account, not an accounting question
            "财务问：奖补到账后会计上要不要单独建账核算": "fund-management",
            # half a contact's name remembered
            "找严什么鹏，全名叫什么": "contacts",
        },
        LATER,
    )
    # the day the papers are ready, asked whether the county still takes them, is judged
    assert_each_says(composer, {"我们8月28号才准备好验收材料，县里还收吗": "晚了2天"})
    # a figure's thousands comma is no clause of its own (We mill 30 …: no question of process)
    assert_outside(
        composer,
        (
            "Is there a subsidy for food safety systems? We process 30,000 t a year.",
            "我们的茶叶申请了地理标志，有补贴吗",
            "冻库扩建有没有补贴",
            "上云订阅费能不能税前一次性扣除",
        ),
        LATER,
    )


def test_consultants_for_several_firms_ask_where_and_whom(composer: Composer):
    assert_answered_by(
        composer,
        {
            # carried out in Shaoguan, said as 本地实施: the direction's place (在我市开展)
            "5G项目是不是一定要在韶关本地实施": "direction-4-amount",
            # straight to the city or through the county: where the papers go
            "入库是直接报市里，还是要经过下面的县区？": "where-to-submit",
            "两家厂的入库材料是不是各自交给所在县区统一收？": "where-to-submit",
            # who at the city bureau handles it: the contacts the notice lists
            "市工信局管这个的是哪两位": "contacts",
        },
        LATER,
    )
