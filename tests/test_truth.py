"""The check tells the truth on any day: one table per defect the audit found (issue 12)."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

import pytest

from bot.checks import CHECK, Checks
from bot.dialog import Assistant
from bot.people import Sender, telegram
from bot.storage import Storage
from bot.texts import texts_for
from conversations.deadlines import deadlines
from conversations.eligibility import Outcome
from conversations.flow import load_flow
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex
from tests.pack import FLOWS, NOTICE


def assistant_on(kb: KnowledgeBase, index: SearchIndex, day: dt.date) -> Assistant:
    return Assistant(kb, index, Storage(":memory:"), lambda: day)


# --- 5. "X月X日前" includes the day itself, everywhere --------------------------------------------

DEADLINE_DAYS = [
    # (today, lang, /remind says, key dates say)
    (dt.date(2022, 8, 26), "zh", "今天是截止日", "就是今天"),
    (dt.date(2022, 8, 26), "en", "Today is the deadline day", "today"),
    (dt.date(2022, 7, 8), "zh", "已开启截止提醒", "就是今天"),
    (dt.date(2022, 8, 27), "zh", "都已过", "已于1天前截止"),
    (dt.date(2022, 8, 27), "en", "has passed", "passed 1 day ago"),
    (dt.date(2022, 8, 25), "en", "Reminders are on", "1 day left"),
]


@pytest.mark.parametrize(("today", "lang", "remind", "dates"), DEADLINE_DAYS)
def test_the_deadline_day_is_not_passed(
    kb: KnowledgeBase, index: SearchIndex, today: dt.date, lang: str, remind: str, dates: str
) -> None:
    assistant = assistant_on(kb, index, today)
    user = Sender(telegram(1), language_code=lang)
    remind_text = assistant.remind(user)[0].text
    assert remind in remind_text
    dates_text = assistant.button(user, "menu:dates")[0].text
    assert dates in dates_text
    note = texts_for(lang).t("dates.local_note")  # type: ignore[arg-type]
    assert note in dates_text.replace("&quot;", '"')
    if "passed" not in remind and "都已过" not in remind:
        assert note in remind_text.replace("&quot;", '"')
    assert "1 days" not in dates_text


def test_one_reading_of_the_deadline_day(kb: KnowledgeBase) -> None:
    on_the_day = deadlines(kb.notice, dt.date(2022, 8, 26))
    assert [d.passed for d in on_the_day] == [True, False]
    assert on_the_day[1].is_today


# --- claims the notice does not make ---------------------------------------------------------------

UNSAID = [
    ("contacts", "外地拨打请加区号0751"),
    ("contacts", "area code 0751"),
    ("get-attachments", "随通知一起发布"),
    ("get-attachments", "published together with it"),
    ("max-two-projects", "不论申报的是哪个方向"),
    ("max-two-projects", "whichever directions"),
    ("registration-jurisdiction", "企业、事业单位都可以"),
]


def _entry_text(kb: KnowledgeBase, entry_id: str) -> str:
    entry = next(e for e in kb.faq.entries if e.id == entry_id)
    return entry.answer.zh + entry.answer.en


@pytest.mark.parametrize(("entry_id", "claim"), UNSAID)
def test_the_faq_does_not_state_what_the_notice_does_not(
    kb: KnowledgeBase, entry_id: str, claim: str
) -> None:
    assert claim not in _entry_text(kb, entry_id)


def test_no_answer_claims_the_area_code_or_many_firms(kb: KnowledgeBase) -> None:
    for entry in kb.faq.entries:
        assert "0751" not in entry.answer.zh + entry.answer.en, entry.id
    assert all("on top of" not in d.funding.rule.en for d in kb.notice.directions)


SILENT = [
    ("max-two-projects", "通知未明确，以市工信局解释为准"),
    ("registration-jurisdiction", "通知未明确，以市工信局解释为准"),
    ("compliance-conditions", "通知未明确，以市工信局解释为准"),
    ("total-support-cap", "优质项目推荐国家、省政策支持"),
]


@pytest.mark.parametrize(("entry_id", "says"), SILENT)
def test_where_the_notice_is_silent_the_answer_says_so(kb: KnowledgeBase, entry_id: str, says: str) -> None:
    assert says in _entry_text(kb, entry_id)


# --- the check, driven through the core on a given day ----------------------------------------------

CHECK_DEFAULTS: dict[str, str] = {
    # an eligible d1 project: 500万 provincial funds of a 2000万 investment → 50万
    "company": "韶关某某机械有限公司",
    "county": "tap:zhenjiang",
    "direction": "tap:d1",
    "direction_helper": "tap:own_cloud",
    "enterprise_kind": "tap:industrial",
    "platform_deployed": "tap:yes",
    "applied_locally": "tap:yes",
    "demo_locally": "tap:yes",
    "applicant": "tap:self",
    "entered_pool": "tap:yes",
    "fiscal_violation": "tap:no",
    "major_accident": "tap:no",
    "dishonest_debtor": "tap:no",
    "completion_date": "2022-05-20",
    "project_count": "1",
    "investment": "2000万",
    "provincial_funds": "500万",
    "provincial_expected": "300万",
    "other_support": "0",
    "figures_confirmed": "tap:confirmed",
    "has_contract": "tap:yes",
    "user_consent": "tap:yes",
}


@dataclass
class Run:
    text: str  # the result as the user reads it (entities unescaped)
    asked: list[str]  # the steps asked, in order
    answers: dict[str, Any]
    outcome: Outcome
    prompts: dict[str, str]  # each step's question as asked


def run_check(kb: KnowledgeBase, day: dt.date, lang: str = "zh", **given: str) -> Run:
    checks = Checks(kb, Storage(":memory:"), lambda: day)
    tx = texts_for(lang)  # type: ignore[arg-type]
    reply = checks.start(1, tx)
    asked: list[str] = []
    prompts: dict[str, str] = {}
    for _ in range(40):
        session = checks.load(1, CHECK)
        assert session is not None
        if session.finished or session.current is None:
            break
        step = session.current
        asked.append(step)
        prompts[step] = html.unescape(reply.text)
        value = given.get(step, CHECK_DEFAULTS[step])
        if value.startswith("tap:"):
            reply = checks.tap(1, tx, f"f:a:{step}:{value[4:]}")
        else:
            reply = checks.text(1, tx, value)
    session = checks.load(1, CHECK)
    assert session is not None and session.finished
    outcome = checks.assess(session).outcome
    answers = checks.engines[CHECK].relevant_answers(session)
    return Run(html.unescape(reply.text), asked, answers, outcome, prompts)


JULY_1, AUG_1, AUG_26, LATE = (
    dt.date(2022, 7, 1),
    dt.date(2022, 8, 1),
    dt.date(2022, 8, 26),
    dt.date(2026, 11, 24),
)
ZH_STEPS = re.compile(r"^[①②③④] ", re.M)

# --- 1. no false arithmetic: a not-eligible result says why there is no estimate ----------------------

NOT_ELIGIBLE_CASES = [
    ({"county": "tap:elsewhere"}, "在韶关市辖区内依法注册登记"),
    ({"fiscal_violation": "tap:yes"}, "近5年无财政资金严重违法违规"),
    ({"completion_date": "2023-01-15"}, "项目在2021年9月30日至2022年8月26日内建成"),
    ({"project_count": "3"}, "单个企业最多申请2个项目"),
]


@pytest.mark.parametrize(("given", "unmet"), NOT_ELIGIBLE_CASES)
def test_a_not_eligible_result_shows_no_arithmetic(
    kb: KnowledgeBase, given: dict[str, str], unmet: str
) -> None:
    run = run_check(kb, JULY_1, **given)
    assert run.outcome is Outcome.NOT_ELIGIBLE
    assert not ZH_STEPS.search(run.text), run.text
    assert "= 0元" not in run.text and "取 " not in run.text
    assert f"因此不作奖补估算：{unmet}" in run.text


# --- 2. figures beyond the investment are confirmed, then need a person (五(二)) ---------------------

EXCEEDING = [
    ({"investment": "300万", "provincial_funds": "400万"}, "400万元"),
    ({"investment": "300万", "provincial_funds": "200万", "other_support": "150万"}, "150万元"),
    ({"investment": "300万", "provincial_funds": "tap:pending", "provincial_expected": "350万"}, "300万元"),
]


@pytest.mark.parametrize(("given", "shown"), EXCEEDING)
def test_support_beyond_the_investment_is_confirmed_then_needs_a_person(
    kb: KnowledgeBase, given: dict[str, str], shown: str
) -> None:
    run = run_check(kb, JULY_1, **given)
    assert "figures_confirmed" in run.asked
    assert "300万元" in run.prompts["figures_confirmed"] and shown in run.prompts["figures_confirmed"]
    assert run.outcome is Outcome.NEEDS_PERSON
    assert "需要工作人员确认" in run.text and "已超过项目投资额" in run.text and "五(二)" in run.text
    assert "300万元 − " not in run.text and "✅ <b>" not in run.text


def test_fixing_the_figures_asks_them_again(kb: KnowledgeBase) -> None:
    checks = Checks(kb, Storage(":memory:"), lambda: JULY_1)
    run = run_check(kb, JULY_1, investment="300万", provincial_funds="400万")
    assert run.outcome is Outcome.NEEDS_PERSON
    # the same check, answering "enter them again": the investment is asked again
    tx = texts_for("zh")
    checks.start(1, tx)
    for step in run.asked[: run.asked.index("figures_confirmed")]:
        value = {"investment": "300万", "provincial_funds": "400万"}.get(step, CHECK_DEFAULTS[step])
        checks.tap(1, tx, f"f:a:{step}:{value[4:]}") if value.startswith("tap:") else checks.text(
            1, tx, value
        )
    reply = checks.tap(1, tx, "f:a:figures_confirmed:fix")
    assert "项目总投资" in reply.text
    checks.text(1, tx, "3000万")
    checks.text(1, tx, "400万")
    result = checks.text(1, tx, "0")
    assert "符合申报条件" in result.text and "估算奖补上限：40万元" in result.text


def test_figures_within_the_investment_are_not_questioned(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, investment="300万", provincial_funds="300万")
    assert "figures_confirmed" not in run.asked and run.outcome is Outcome.ELIGIBLE


# --- 3. after the last deadline the round has closed -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "closed", "would"),
    [
        ("zh", "2022年度申报已截止", "本可符合申报条件"),
        ("en", "The 2022 round has closed", "would have been eligible"),
    ],
)
def test_after_the_acceptance_deadline_the_round_has_closed(
    kb: KnowledgeBase, lang: str, closed: str, would: str
) -> None:
    run = run_check(kb, LATE, lang)
    assert run.outcome is Outcome.ELIGIBLE
    headline = run.text.split("\n")[0]
    assert closed in headline and "✅" not in headline
    assert would in run.text
    next_steps = run.text.split("\n\n")[-1]
    assert "8884332" in next_steps and "附件" not in next_steps and "Attachment" not in next_steps
    assert "entered_pool" not in run.asked


@pytest.mark.parametrize("day", [JULY_1, AUG_1, AUG_26])
def test_before_the_last_deadline_the_round_is_open(kb: KnowledgeBase, day: dt.date) -> None:
    run = run_check(kb, day)
    assert "申报已截止" not in run.text.split("\n")[0]
    assert "初步判断：符合申报条件" in run.text


# --- 4. between the deadlines: was the project entered in the pool? -----------------------------------

ENTERED = [
    (AUG_1, "tap:yes", Outcome.ELIGIBLE, "还剩25天"),
    (AUG_1, "tap:no", Outcome.NOT_ELIGIBLE, "未入库的项目本轮无法申请验收"),
    (AUG_1, "tap:unsure", Outcome.NEEDS_PERSON, "需要工作人员确认"),
    (AUG_26, "tap:yes", Outcome.ELIGIBLE, "就是今天"),
    (dt.date(2022, 7, 9), "tap:no", Outcome.NOT_ELIGIBLE, "四、申报流程（二）"),
]


@pytest.mark.parametrize(("day", "entered", "outcome", "says"), ENTERED)
def test_after_the_entry_deadline_the_check_asks_about_the_pool(
    kb: KnowledgeBase, day: dt.date, entered: str, outcome: Outcome, says: str
) -> None:
    run = run_check(kb, day, entered_pool=entered)
    assert "entered_pool" in run.asked and run.outcome is outcome
    assert says in run.text
    next_steps = run.text.split("\n\n")[-1]
    assert "附件2" not in next_steps  # the entry stage has closed: nothing to submit there
    if outcome is Outcome.NOT_ELIGIBLE:
        assert "附件4" not in next_steps and "8884332" in next_steps
    else:
        assert "附件4" in next_steps


@pytest.mark.parametrize("day", [JULY_1, dt.date(2022, 7, 8), dt.date(2022, 8, 27), LATE])
def test_the_pool_question_is_asked_only_between_the_deadlines(kb: KnowledgeBase, day: dt.date) -> None:
    assert "entered_pool" not in run_check(kb, day).asked


# --- 6. no provincial funds: 0 under 三(x), not "not eligible"; an expected grant is marked ----------

NO_PROVINCIAL = [
    ("d1", "industrial", "三、支持方式（一）"),
    ("d2", "software", "三、支持方式（二）"),
    ("d4", "industrial", "三、支持方式（四）"),
]


@pytest.mark.parametrize(("direction", "kind", "clause"), NO_PROVINCIAL)
def test_no_base_funds_is_an_amount_not_a_condition(
    kb: KnowledgeBase, direction: str, kind: str, clause: str
) -> None:
    run = run_check(
        kb, JULY_1, direction=f"tap:{direction}", enterprise_kind=f"tap:{kind}", provincial_funds="0"
    )
    assert run.outcome is Outcome.ELIGIBLE
    assert "不符合" not in run.text
    assert f"{clause}：市级配套以项目获得的省级专项资金为基数" in run.text and "不是申报资格条件" in run.text
    assert "估算奖补上限：0元" in run.text


def test_provincial_funds_applied_for_use_the_expected_amount(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, provincial_funds="tap:pending", provincial_expected="300万")
    assert "provincial_expected" in run.asked and run.outcome is Outcome.ELIGIBLE
    assert "预计省级专项资金（尚未拨付） 300万元 × 10% = 30万元" in run.text
    assert "估算按您填写的预计金额计算" in run.text and "估算奖补上限：30万元" in run.text


def test_pending_can_be_typed(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, provincial_funds="已申请", provincial_expected="100万")
    assert run.answers["provincial_funds"] == "pending" and "10万元" in run.text


# --- 7. who each direction is for -------------------------------------------------------------------

WHO = [
    # (answers, outcome, what the result says)
    ({"enterprise_kind": "tap:software"}, Outcome.NOT_ELIGIBLE, "适用方向二（三(二)）"),
    ({"enterprise_kind": "tap:other_enterprise"}, Outcome.NOT_ELIGIBLE, "方向一（三(一)）只写工业企业"),
    ({"enterprise_kind": "tap:institution"}, Outcome.NEEDS_PERSON, "通知未明确，以市工信局解释为准"),
    ({"enterprise_kind": "tap:unsure"}, Outcome.NEEDS_PERSON, "需要工作人员确认"),
    (
        {"direction": "tap:d2", "enterprise_kind": "tap:industrial"},
        Outcome.NOT_ELIGIBLE,
        "适用方向一（三(一)）",
    ),
    (
        {"direction": "tap:d2", "enterprise_kind": "tap:software", "platform_deployed": "tap:no"},
        Outcome.NOT_ELIGIBLE,
        "三(二)支持的是在我市部署的平台项目",
    ),
    (
        {"direction": "tap:d3", "applied_locally": "tap:no"},
        Outcome.NOT_ELIGIBLE,
        "三(三)支持的是在我市制造业企业",
    ),
    (
        {"direction": "tap:d4", "demo_locally": "tap:no"},
        Outcome.NOT_ELIGIBLE,
        "三(四)支持的是在我市开展的示范项目",
    ),
    ({"direction": "tap:d4", "enterprise_kind": "tap:software"}, Outcome.ELIGIBLE, "估算奖补上限：50万元"),
    ({"direction": "tap:d3", "enterprise_kind": "tap:software"}, Outcome.ELIGIBLE, "估算奖补上限：100万元"),
    ({"direction": "tap:d2", "enterprise_kind": "tap:software"}, Outcome.ELIGIBLE, "估算奖补上限：50万元"),
]


@pytest.mark.parametrize(("given", "outcome", "says"), WHO)
def test_who_each_direction_is_for(
    kb: KnowledgeBase, given: dict[str, str], outcome: Outcome, says: str
) -> None:
    run = run_check(kb, JULY_1, **given)
    assert run.outcome is outcome
    assert says in run.text


def test_a_software_firm_on_direction_1_is_told_which_direction_fits(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, "en", enterprise_kind="tap:software")
    assert run.outcome is Outcome.NOT_ELIGIBLE
    assert "fits direction 2 (Section 3 item 2)" in run.text and "RMB 300,000" not in run.text


def test_the_direction_helper_answers_the_kind_too(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, direction="tap:unsure", direction_helper="tap:industry_platform")
    assert run.answers["enterprise_kind"] == "software" and run.answers["platform_deployed"] == "yes"
    assert "enterprise_kind" not in run.asked and run.outcome is Outcome.ELIGIBLE


# --- 8. an unknown that changes the amount needs a person, named ---------------------------------------

UNKNOWN_AMOUNTS = [
    (
        {"direction": "tap:d3", "provincial_funds": "tap:unsure"},
        "省级专项资金",
        "估算奖补上限（待工作人员确认）：100万元",
    ),
    ({"other_support": "tap:unsure"}, "其他政府支持", "估算奖补上限（待工作人员确认）：50万元"),
    ({"provincial_funds": "tap:unsure"}, "省级专项资金", "本方向最高 100万元"),
    (
        {"provincial_funds": "tap:pending", "provincial_expected": "tap:unsure"},
        "预计省级专项资金",
        "本方向最高 100万元",
    ),
]


@pytest.mark.parametrize(("given", "unknown", "bound"), UNKNOWN_AMOUNTS)
def test_an_unknown_amount_needs_a_person(
    kb: KnowledgeBase, given: dict[str, str], unknown: str, bound: str
) -> None:
    run = run_check(kb, JULY_1, **given)
    assert run.outcome is Outcome.NEEDS_PERSON
    assert f"需工作人员确认：{unknown}" in run.text
    assert bound in run.text and "✅ <b>" not in run.text


# --- 9. a date without a year is read in the notice's window and echoed ------------------------------

YEARLESS = [
    ("5月20日", "2022-05-20", "2022年5月20日"),
    ("10月15日", "2021-10-15", "2021年10月15日"),
    ("8月26日", "2022-08-26", "2022年8月26日"),
    ("9月30日", "2021-09-30", "2021年9月30日"),
]


@pytest.mark.parametrize(("typed", "stored", "echoed"), YEARLESS)
def test_a_date_without_a_year_is_read_in_the_window(
    kb: KnowledgeBase, typed: str, stored: str, echoed: str
) -> None:
    run = run_check(kb, dt.date(2026, 11, 29), completion_date=typed)
    assert run.answers["completion_date"] == stored
    following = run.asked[run.asked.index("completion_date") + 1]
    assert f"“{typed}”没有年份，已按通知的建设期记为{echoed}" in run.prompts[following]


def test_a_date_with_a_year_is_not_echoed(kb: KnowledgeBase) -> None:
    run = run_check(kb, dt.date(2026, 11, 29), completion_date="2023年5月20日")
    assert run.answers["completion_date"] == "2023-05-20" and run.outcome is Outcome.NOT_ELIGIBLE
    assert not any("没有年份" in p for p in run.prompts.values())


# --- the accident clause's period is unclear: "yes" needs a person, with the caveat -----------------


def test_a_major_accident_needs_a_person_with_the_caveat(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, major_accident="tap:yes")
    assert run.outcome is Outcome.NEEDS_PERSON
    assert "“近5年内”是否也适用于重大事故，通知未明确" in run.text


# --- wording ---------------------------------------------------------------------------------------------


def test_english_citations_use_no_chinese_comma(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1, "en")
    source = next(line for line in run.text.split("\n") if line.startswith("Source:"))
    assert "、" not in source and "item 1; Section 5" in source


def test_the_entry_copies_are_of_attachment_3(kb: KnowledgeBase) -> None:
    run = run_check(kb, JULY_1)
    assert "其中附件3纸质材料一式7份" in run.text


def test_the_amounts_screen_states_each_cap_once(kb: KnowledgeBase, index: SearchIndex) -> None:
    screen = (
        assistant_on(kb, index, JULY_1)
        .button(Sender(telegram(1), language_code="zh"), "menu:amounts")[0]
        .text
    )
    assert "最高100万元。" not in screen and "最高50万元。" not in screen
    assert screen.count("最高不超过50万元") == 1


def test_english_wording(kb: KnowledgeBase) -> None:
    flow = load_flow("eligibility", FLOWS, NOTICE)
    assert flow.step("completion_date").prompt.en.startswith(
        "When was the project completed, or when will it be?"
    )
    assert all(
        "10% of the provincial special funds" in d.funding.rule.en
        for d in kb.notice.directions
        if d.id != "d3"
    )


@pytest.mark.parametrize(
    ("today", "question", "says"),
    [
        (dt.date(2022, 8, 26), "验收申请什么时候截止", "今天就是验收申请的截止日"),
        (dt.date(2022, 8, 27), "验收申请什么时候截止", "已于2022年8月26日截止，已过去1天"),
        (dt.date(2022, 7, 1), "入库申报什么时候截止", "还有7天"),
    ],
)
def test_a_deadline_answer_says_where_it_stands_today(
    kb: KnowledgeBase, index: SearchIndex, today: dt.date, question: str, says: str
) -> None:
    reply = assistant_on(kb, index, today).text(Sender(telegram(1), language_code="zh"), question)[-1]
    assert says in reply.text and "以当地工信局通知为准" in reply.text
