"""The flow engine without Telegram: reachable steps, typed answers, warnings, back, edit, restart, lead."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checks import Checks
from bot.storage import Storage
from bot.texts import texts_for
from conversations.eligibility import Assessment, Outcome, Verdict, evaluate, load_rules
from conversations.engine import Event, FlowEngine, Session, Tap, Text
from conversations.flow import Flow, Step, load_flow
from conversations.markup import escape
from conversations.reply import Reply
from conversations.texts import Texts
from knowledge.loader import KnowledgeBase
from tests.pack import FLOWS, NOTICE, RULES

TODAY = dt.date(2022, 7, 1)
ZH, EN = texts_for("zh"), texts_for("en")
CHECK_FLOW = load_flow("eligibility", FLOWS, NOTICE)
LEAD_FLOW = load_flow("lead", FLOWS, NOTICE)
RULES = load_rules("eligibility", RULES)

# the answer each step gets unless a test says otherwise: an eligible d1 project
DEFAULT: dict[str, Event] = {
    "company": Text("韶关某某科技有限公司"),
    "county": Tap("f:a:zhenjiang"),
    "direction": Tap("f:a:d1"),
    "direction_helper": Tap("f:a:own_cloud"),
    "enterprise_kind": Tap("f:a:industrial"),
    "platform_deployed": Tap("f:a:yes"),
    "applied_locally": Tap("f:a:yes"),
    "demo_locally": Tap("f:a:yes"),
    "applicant": Tap("f:a:self"),
    "entered_pool": Tap("f:a:yes"),
    "fiscal_violation": Tap("f:a:no"),
    "major_accident": Tap("f:a:no"),
    "dishonest_debtor": Tap("f:a:no"),
    "completion_date": Text("2022-05-20"),
    "project_count": Text("1"),
    "investment": Text("2000万"),
    "provincial_funds": Text("500万"),
    "provincial_expected": Text("300万"),
    "other_support": Text("0"),
    "figures_confirmed": Tap("f:a:confirmed"),
    "has_contract": Tap("f:a:yes"),
    "user_consent": Tap("f:a:yes"),
    # the lead form
    "consent": Tap("f:a:agree"),
    "name": Text("张三"),
    "phone": Text("13812345678"),
}


@dataclass
class Recorder:
    """A finisher that assesses the check as the bot does and remembers every call."""

    kb: KnowledgeBase
    engine: FlowEngine | None = None
    calls: list[Assessment] = field(default_factory=list)

    def __call__(self, session: Session, tx: Texts) -> Reply:
        assert self.engine is not None
        assessment = evaluate(RULES, self.kb.notice, self.engine.relevant_answers(session))
        self.calls.append(assessment)
        return Reply(f"RESULT:{assessment.outcome.value}")


@pytest.fixture
def recorder(kb: KnowledgeBase) -> Recorder:
    return Recorder(kb)


@pytest.fixture
def engine(recorder: Recorder) -> FlowEngine:
    recorder.engine = FlowEngine(CHECK_FLOW, recorder, lambda: TODAY)
    return recorder.engine


@pytest.fixture
def lead_engine() -> FlowEngine:
    return FlowEngine(LEAD_FLOW, lambda session, tx: Reply("SAVED"), lambda: TODAY)


def choices_reaching(flow: Flow, target: str) -> dict[str, Event]:
    """Taps that make the target step's `when` true (through an option's `set` when need be)."""
    choices: dict[str, Event] = {}
    for name, values in flow.step(target).when.items():
        wanted = values[0]
        step = flow.step(name)
        if any(o.value == wanted for o in step.options):
            choices[name] = Tap(f"f:a:{wanted}")
            continue
        setter, option = next((s, o) for s in flow.steps for o in s.options if o.set.get(name) == wanted)
        choices[setter.id] = Tap(f"f:a:{option.value}")
    return choices


@dataclass
class Walk:
    session: Session
    reply: Reply  # the last reply: the question now asked, or the result
    visited: list[str]  # the steps asked, in order


def walk(
    engine: FlowEngine,
    tx: Texts = ZH,
    *,
    until: str | None = None,
    choices: dict[str, Event] | None = None,
    session: Session | None = None,
) -> Walk:
    """Start (or continue) a flow and answer each step by `choices`, else DEFAULT, up to `until`."""
    if session is None:
        session, reply = engine.start(tx)
    else:
        reply = engine.resume(session, tx)
    visited: list[str] = []
    for _ in range(50):
        if session.current is None or session.current == until:
            break
        visited.append(session.current)
        event = (choices or {}).get(session.current) or DEFAULT[session.current]
        reply = engine.step(session, event, tx)
    else:  # pragma: no cover
        raise AssertionError("the flow never ended")
    if until is not None:
        assert session.current == until, f"{until} was not reached: {visited}"
    return Walk(session, reply, visited)


def at(engine: FlowEngine, step_id: str, tx: Texts = ZH) -> Walk:
    return walk(engine, tx, until=step_id, choices=choices_reaching(engine.flow, step_id))


def question_of(engine: FlowEngine, reply: Reply, tx: Texts) -> str:
    """The question part of a reply (without the flow's intro on the first step)."""
    return reply.text.removeprefix(escape(engine.flow.intro.get(tx.lang)) + "\n\n")


def prompt(step_id: str, tx: Texts = ZH, flow: Flow = CHECK_FLOW) -> str:
    return escape(flow.step(step_id).prompt.get(tx.lang))


def is_warning(reply: Reply) -> bool:
    return reply.text.startswith("⚠️")


def state(session: Session) -> dict[str, Any]:
    return copy.deepcopy(session.to_dict())


# steps most checks skip: asked only for expected funds, figures beyond the investment, or between
# the deadlines; and the steps that ask where a project of another direction is
RARE = {"provincial_expected", "figures_confirmed", "entered_pool"}
NOT_D1 = {"platform_deployed", "applied_locally", "demo_locally"}
NOT_D3 = {"platform_deployed", "demo_locally"}

# --- every step can be reached ------------------------------------------------------------------------


# steps asked only on some days or for some figures have their own tests (tests/test_truth.py)
@pytest.mark.parametrize(
    "step_id", [s.id for s in CHECK_FLOW.steps if s.during is None and s.when_sum_over is None]
)
def test_every_check_step_is_reachable(engine: FlowEngine, step_id: str) -> None:
    w = at(engine, step_id)
    assert w.session.current == step_id
    assert f"<b>{prompt(step_id)}</b>" in w.reply.text
    assert not w.session.finished


@pytest.mark.parametrize("step_id", [s.id for s in LEAD_FLOW.steps])
def test_every_lead_step_is_reachable(lead_engine: FlowEngine, step_id: str) -> None:
    w = at(lead_engine, step_id)
    assert prompt(step_id, flow=LEAD_FLOW) in w.reply.text


@pytest.mark.parametrize(
    ("choices", "expected"),
    [
        ({}, {"has_contract", "user_consent", "direction_helper", *NOT_D1, *RARE}),
        (
            {"direction": Tap("f:a:d3")},
            {"has_contract", "user_consent", "direction_helper", "enterprise_kind", *NOT_D3, *RARE},
        ),
        ({"applicant": Tap("f:a:builder")}, {"direction_helper", *NOT_D1, *RARE}),
        (
            {"direction": Tap("f:a:unsure")},
            {"has_contract", "user_consent", "enterprise_kind", *NOT_D1, *RARE},
        ),
    ],
    ids=["self-d1", "self-d3", "builder-d1", "direction-helper"],
)
def test_paths_skip_exactly_the_steps_that_do_not_apply(
    engine: FlowEngine, choices: dict[str, Event], expected: set[str]
) -> None:
    w = walk(engine, choices=choices)
    assert w.session.finished
    assert {s.id for s in CHECK_FLOW.steps} - set(w.visited) == expected


# --- progress -----------------------------------------------------------------------------------------


def test_progress_zh(engine: FlowEngine) -> None:
    session, reply = engine.start(ZH)
    assert "第1步，共12步" in reply.text
    assert engine.flow.intro.zh in reply.text
    reply = engine.step(session, Text("某公司"), ZH)
    assert "第2步，共12步" in reply.text


def test_progress_en(engine: FlowEngine) -> None:
    _, reply = engine.start(EN)
    assert "Step 1 of 12" in reply.text
    assert escape(engine.flow.intro.en) in reply.text
    assert escape(CHECK_FLOW.step("company").prompt.en) in reply.text


def test_progress_total_grows_with_the_steps_that_apply(engine: FlowEngine) -> None:
    assert "第4步，共13步" in at(engine, "direction_helper").reply.text
    w = walk(engine, until="has_contract", choices={"applicant": Tap("f:a:builder")})
    assert "第14步，共15步" in w.reply.text


# --- typed answers -----------------------------------------------------------------------------------

TYPED = [
    # choice: a label in either language, a part of one, or its number
    ("county", "zh", "浈江区", "zhenjiang"),
    ("county", "en", "Zhenjiang District", "zhenjiang"),
    ("county", "en", "zhenjiang", "zhenjiang"),
    ("county", "zh", "2", "zhenjiang"),
    ("county", "zh", "12", "elsewhere"),
    ("county", "zh", "韶关市以外", "elsewhere"),
    ("county", "zh", "不确定", "unsure"),
    ("county", "en", "Not sure", "unsure"),
    ("direction", "zh", "3", "d3"),
    ("direction", "zh", "上云上平台", "d1"),
    ("direction", "en", "Systemic platform", "d3"),
    ("direction", "en", "5G + manufacturing", "d4"),
    ("direction", "zh", "不确定", "unsure"),
    ("direction_helper", "zh", "在生产现场应用5G", "five_g"),
    ("applicant", "zh", "承建（研发）单位代用户企业申报", "builder"),
    ("applicant", "en", "The enterprise itself", "self"),
    ("applicant", "zh", "1", "self"),
    # yes / no / not sure
    ("fiscal_violation", "zh", "是", "yes"),
    ("fiscal_violation", "zh", "否", "no"),
    ("fiscal_violation", "zh", "没有", "no"),
    ("major_accident", "zh", "不确定", "unsure"),
    ("major_accident", "en", "yes", "yes"),
    ("dishonest_debtor", "en", "no", "no"),
    ("dishonest_debtor", "en", "not sure", "unsure"),
    ("user_consent", "zh", "是", "yes"),
    # dates
    ("completion_date", "zh", "2022年5月20日", "2022-05-20"),
    ("completion_date", "zh", "2022/5/20", "2022-05-20"),
    ("completion_date", "en", "2022-05-20", "2022-05-20"),
    ("completion_date", "zh", "不确定", "unsure"),
    # a count
    ("project_count", "zh", "两个", 2),
    ("project_count", "en", "2", 2),
    ("project_count", "en", "two", 2),
    # amounts (kept as decimal strings in yuan)
    ("investment", "zh", "500万", Decimal(5_000_000)),
    ("investment", "en", "¥5,000,000", Decimal(5_000_000)),
    ("investment", "zh", "1.2亿", Decimal(120_000_000)),
    ("provincial_funds", "zh", "80万元", Decimal(800_000)),
    ("provincial_funds", "zh", "0", Decimal(0)),
    ("provincial_funds", "zh", "不确定", "unsure"),
    ("other_support", "en", "not sure", "unsure"),
    # free text
    ("company", "zh", "  韶关  某某科技\t有限公司 ", "韶关 某某科技 有限公司"),
    ("company", "en", "Shaoguan Widgets Ltd.", "Shaoguan Widgets Ltd."),
]


@pytest.mark.parametrize(("step_id", "lang", "text", "expected"), TYPED)
def test_typed_answer(engine: FlowEngine, step_id: str, lang: str, text: str, expected: Any) -> None:
    tx = texts_for(lang)  # type: ignore[arg-type]
    w = at(engine, step_id, tx)
    before = dict(w.session.answers)
    reply = engine.step(w.session, Text(text), tx)
    assert not is_warning(reply), reply.text
    value = w.session.answers[step_id]
    if isinstance(expected, Decimal):
        assert isinstance(value, str) and Decimal(value) == expected
    else:
        assert value == expected
    assert w.session.raw[step_id] == text
    assert w.session.current != step_id
    set_by_option = {k for o in CHECK_FLOW.step(step_id).options for k in o.set}
    assert {k: v for k, v in w.session.answers.items() if k in before and k not in set_by_option} == {
        k: v for k, v in before.items() if k not in set_by_option
    }


def test_typed_helper_choice_sets_the_direction(engine: FlowEngine) -> None:
    w = at(engine, "direction_helper")
    engine.step(w.session, Text("工业大脑"), ZH)
    assert w.session.answers["direction"] == "d3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("138 1234 5678", "13812345678"),
        ("0751-8884332", "0751-8884332"),
        ("+86 138 1234 5678", "13812345678"),
    ],
)
def test_typed_phone(lead_engine: FlowEngine, text: str, expected: str) -> None:
    w = at(lead_engine, "phone")
    reply = lead_engine.step(w.session, Text(text), ZH)
    assert reply.text == "SAVED"
    assert w.session.answers["phone"] == expected
    assert w.session.finished


# --- nonsense: a warning, the same question, nothing lost ---------------------------------------------

NONSENSE = {"text": "   \u200b ", "phone": "香蕉", "amount": "香蕉🍌", "date": "香蕉🍌"}
ALL_STEPS = [(CHECK_FLOW, s.id) for s in CHECK_FLOW.steps if s.id not in RARE - {"provincial_expected"}] + [
    (LEAD_FLOW, s.id) for s in LEAD_FLOW.steps
]


def _step_engine(flow: Flow, recorder: Recorder) -> FlowEngine:
    engine = FlowEngine(flow, recorder, lambda: TODAY)
    recorder.engine = engine
    return engine


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("flow", "step_id"), ALL_STEPS, ids=[s for _, s in ALL_STEPS])
def test_nonsense_is_asked_again(recorder: Recorder, flow: Flow, step_id: str, lang: str) -> None:
    tx = texts_for(lang)  # type: ignore[arg-type]
    engine = _step_engine(flow, recorder)
    w = at(engine, step_id, tx)
    step = flow.step(step_id)
    before = state(w.session)

    reply = engine.step(w.session, Text(NONSENSE.get(step.type, "🍌香蕉🍌")), tx)

    assert is_warning(reply), reply.text
    assert "parse." not in reply.text  # the warning is translated, not a message id
    _, question = reply.text.split("\n\n", 1)
    assert question == question_of(engine, w.reply, tx)  # the SAME question
    assert reply.buttons == w.reply.buttons
    assert state(w.session) == before  # nothing lost, nothing added
    assert recorder.calls == []


@pytest.mark.parametrize("step_id", ["county", "fiscal_violation", "completion_date", "investment"])
def test_nonsense_while_editing_keeps_the_current_answer(engine: FlowEngine, step_id: str) -> None:
    w = walk(engine)
    engine.step(w.session, Tap("f:edit"), ZH)
    engine.step(w.session, Tap(f"f:e:{step_id}"), ZH)
    before = state(w.session)
    reply = engine.step(w.session, Text("🍌香蕉🍌"), ZH)
    assert is_warning(reply) and "当前答案" in reply.text
    assert state(w.session) == before


def test_amount_warning_says_why(engine: FlowEngine) -> None:
    w = at(engine, "investment")
    reply = engine.step(w.session, Text("0"), ZH)  # the investment may not be zero
    assert reply.text.startswith("⚠️ 金额应大于0")
    reply = engine.step(w.session, Text("不确定"), ZH)  # nor unsure
    assert is_warning(reply)
    assert "investment" not in w.session.answers
    reply = engine.step(w.session, Text("-5万"), EN)
    assert reply.text.startswith("⚠️ The amount cannot be negative")


def test_count_warning_names_the_bounds(engine: FlowEngine) -> None:
    w = at(engine, "project_count")
    assert "1" in engine.step(w.session, Text("0"), EN).text.split("\n")[0]
    assert "50" in engine.step(w.session, Text("51"), EN).text.split("\n")[0]
    assert w.session.current == "project_count"


# --- back ---------------------------------------------------------------------------------------------


def test_back_returns_to_the_previous_step_showing_its_answer(engine: FlowEngine) -> None:
    w = at(engine, "investment")
    before = dict(w.session.answers)
    reply = engine.step(w.session, Tap("f:back"), ZH)
    assert w.session.current == "project_count"
    assert prompt("project_count") in reply.text and "当前答案：1" in reply.text
    assert w.session.answers == before  # kept until a new answer is given: nothing is lost

    reply = engine.step(w.session, Tap("f:back"), ZH)
    assert w.session.current == "completion_date"
    assert w.session.answers == before
    # answering again goes on from the first question still unanswered
    engine.step(w.session, Text("2022-06-01"), ZH)
    assert w.session.current == "investment"
    assert w.session.answers["completion_date"] == "2022-06-01"


def test_back_at_the_first_step_stays(engine: FlowEngine) -> None:
    session, first = engine.start(ZH)
    assert [b.data for row in first.buttons for b in row] == ["f:cancel"]  # no back button yet
    reply = engine.step(session, Tap("f:back"), ZH)
    assert session.current == "company"
    assert session.answers == {}
    assert prompt("company") in reply.text
    second = engine.step(session, Text("某公司"), ZH)
    assert "f:back" in [b.data for row in second.buttons for b in row]


def test_back_from_a_builder_question(engine: FlowEngine) -> None:
    w = walk(engine, until="user_consent", choices={"applicant": Tap("f:a:builder")})
    engine.step(w.session, Tap("f:back"), ZH)
    assert w.session.current == "has_contract"
    assert w.session.answers["has_contract"] == "yes"  # shown as the current answer, kept
    assert w.session.answers["other_support"] == "0.00"


# --- stale buttons ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data", ["f:a:nonexistent", "f:a:yes", "f:a:d1", "f:e:nonexistent", "f:e:has_contract", "f:zzz"]
)
def test_stale_button_shows_the_current_question(engine: FlowEngine, data: str) -> None:
    w = at(engine, "county")
    before = state(w.session)
    reply = engine.step(w.session, Tap(data), ZH)
    assert prompt("county") in reply.text
    assert state(w.session) == before


def test_button_of_a_finished_check_shows_the_result(engine: FlowEngine, recorder: Recorder) -> None:
    w = walk(engine)
    assert w.reply.text == "RESULT:eligible"
    assert engine.step(w.session, Tap("f:a:no"), ZH).text == "RESULT:eligible"
    assert engine.step(w.session, Text("hello"), ZH).text == "RESULT:eligible"
    assert w.session.finished


# --- edit from the summary ----------------------------------------------------------------------------


def test_summary_lists_the_answers_that_apply(engine: FlowEngine) -> None:
    w = walk(engine, choices={"direction": Tap("f:a:unsure"), "direction_helper": Tap("f:a:own_cloud")})
    reply = engine.step(w.session, Tap("f:edit"), ZH)
    data = [b.data for row in reply.buttons for b in row]
    assert data[-1] == "f:result"
    edits = [d.removeprefix("f:e:") for d in data[:-1]]
    # the helper no longer applies once it set the direction, nor do the builder's questions
    assert edits == [
        s.id
        for s in CHECK_FLOW.steps
        if s.id not in {"direction_helper", "has_contract", "user_consent", *NOT_D1, *RARE}
    ]
    assert "• 支持方向: 1 上云上平台" in reply.text
    assert "• 项目投资额: 2000万元" in reply.text


@pytest.mark.parametrize("answer", [Tap("f:a:yes"), Text("是")])
def test_edit_changes_the_verdict(engine: FlowEngine, recorder: Recorder, answer: Event) -> None:
    w = walk(engine)
    assert recorder.calls[-1].outcome is Outcome.ELIGIBLE

    engine.step(w.session, Tap("f:edit"), ZH)
    reply = engine.step(w.session, Tap("f:e:fiscal_violation"), ZH)
    assert prompt("fiscal_violation") in reply.text
    assert "当前答案：否" in reply.text
    assert not w.session.finished

    reply = engine.step(w.session, answer, ZH)
    assert reply.text == "RESULT:not_eligible"
    assert w.session.finished and w.session.current is None
    verdicts = {r.criterion.id: r.verdict for r in recorder.calls[-1].results}
    assert verdicts["no-fiscal-violation"] is Verdict.NOT_MET
    assert len(recorder.calls) == 2


def test_edit_applicant_to_builder_asks_the_builder_questions(engine: FlowEngine, recorder: Recorder) -> None:
    w = walk(engine)
    engine.step(w.session, Tap("f:edit"), ZH)
    engine.step(w.session, Tap("f:e:applicant"), ZH)
    reply = engine.step(w.session, Tap("f:a:builder"), ZH)
    assert w.session.current == "has_contract" and prompt("has_contract") in reply.text
    reply = engine.step(w.session, Tap("f:a:yes"), ZH)
    assert w.session.current == "user_consent" and prompt("user_consent") in reply.text
    assert len(recorder.calls) == 1  # no result before both are answered
    reply = engine.step(w.session, Tap("f:a:no"), ZH)
    assert reply.text == "RESULT:not_eligible"
    verdicts = {r.criterion.id: r.verdict for r in recorder.calls[-1].results}
    assert verdicts["builder-contract"] is Verdict.MET
    assert verdicts["builder-consent"] is Verdict.NOT_MET


def test_edit_direction_to_d3_drops_the_provincial_funds(engine: FlowEngine, recorder: Recorder) -> None:
    w = walk(engine)
    engine.step(w.session, Tap("f:edit"), ZH)
    engine.step(w.session, Tap("f:e:direction"), ZH)
    asked = engine.step(w.session, Tap("f:a:d3"), ZH)  # where the platform is applied (三(三))
    assert w.session.current == "applied_locally" and prompt("applied_locally") in asked.text
    assert engine.step(w.session, Tap("f:a:yes"), ZH).text == "RESULT:eligible"
    estimate = recorder.calls[-1].estimate
    assert estimate is not None and estimate.amount == Decimal(1_000_000)  # 10% of 2000万, capped
    assert "provincial-funds" not in {r.criterion.id for r in recorder.calls[-1].results}


# --- the direction helper -----------------------------------------------------------------------------


def test_direction_helper_sets_the_direction_then_asks_provincial_funds(
    engine: FlowEngine, recorder: Recorder
) -> None:
    w = at(engine, "direction_helper")
    assert w.session.answers["direction"] == "unsure"
    reply = engine.step(w.session, Tap("f:a:own_cloud"), ZH)
    assert w.session.answers["direction"] == "d1"
    assert w.session.current == "applicant" and prompt("applicant") in reply.text
    rest = walk(engine, session=w.session)
    assert "provincial_funds" in rest.visited
    assert rest.reply.text == "RESULT:eligible"
    estimate = recorder.calls[-1].estimate
    assert estimate is not None and estimate.direction.id == "d1" and estimate.amount == Decimal(500_000)


def test_direction_helper_for_d3_bases_the_estimate_on_investment(
    engine: FlowEngine, recorder: Recorder
) -> None:
    helper = {"direction": Tap("f:a:unsure"), "direction_helper": Tap("f:a:systemic_platform")}
    w = walk(engine, choices=helper)
    assert w.session.answers["direction"] == "d3"
    assert "provincial_funds" in w.visited  # it still counts against the investment ceiling
    estimate = recorder.calls[-1].estimate
    assert estimate is not None and estimate.amount == Decimal(1_000_000)


def test_direction_helper_still_unsure_needs_a_person(engine: FlowEngine, recorder: Recorder) -> None:
    w = walk(engine, choices={"direction": Tap("f:a:unsure"), "direction_helper": Tap("f:a:none")})
    assert w.session.answers["direction"] == "unsure"
    assert w.reply.text == "RESULT:needs_person"
    assert recorder.calls[-1].estimate is None


# --- a restart in the middle of the check --------------------------------------------------------------


def test_session_round_trip_continues_at_the_same_step(kb: KnowledgeBase) -> None:
    first = Recorder(kb)
    first.engine = FlowEngine(CHECK_FLOW, first, lambda: TODAY)
    w = walk(first.engine, until="completion_date", choices={"applicant": Tap("f:a:builder")})
    stored = json.dumps(w.session.to_dict(), ensure_ascii=False)

    # a new process: a new engine, the session read back from storage
    second = Recorder(kb)
    second.engine = FlowEngine(load_flow("eligibility", FLOWS, NOTICE), second, lambda: TODAY)
    restored = Session.from_dict(json.loads(stored))
    assert restored == w.session
    reply = second.engine.resume(restored, ZH)
    assert "欢迎回来" in reply.text and prompt("completion_date") in reply.text
    assert "f:back" in [b.data for row in reply.buttons for b in row]

    second.engine.step(restored, Text("2022年5月20日"), ZH)
    assert restored.current == "project_count"
    rest = walk(second.engine, session=restored)
    assert rest.visited[-2:] == ["has_contract", "user_consent"]
    assert rest.reply.text == "RESULT:eligible"
    assert restored.answers["company"] == "韶关某某科技有限公司"


def test_round_trip_of_a_finished_session_shows_the_result(engine: FlowEngine) -> None:
    w = walk(engine)
    restored = Session.from_dict(json.loads(json.dumps(w.session.to_dict())))
    assert engine.resume(restored, ZH).text == "RESULT:eligible"


# --- the lead form, with the real finisher and an in-memory database ------------------------------------

USER = "tg:4242"


@pytest.fixture
def checks(kb: KnowledgeBase) -> Iterator[Checks]:
    storage = Storage(":memory:")
    storage.touch_user(USER, "Zhang", "zhang", "zh")
    yield Checks(kb, storage, lambda: TODAY)
    storage.close()


def finish_check(checks: Checks, tx: Texts = ZH) -> Reply:
    reply = checks.start(USER, tx)
    for _ in range(30):
        stored = checks.storage.load_session(USER, "eligibility")
        assert stored is not None
        session = Session.from_dict(stored)
        if session.finished:
            return reply
        event = DEFAULT[session.current or ""]
        if isinstance(event, Tap):
            reply = checks.tap(USER, tx, event.data)
        else:
            reply = checks.text(USER, tx, event.text)
    raise AssertionError("the check never ended")


def test_the_real_result_after_a_check(checks: Checks) -> None:
    reply = finish_check(checks)
    assert "50万元" in reply.text and "10%" in reply.text
    assert checks.storage.active_flow(USER) is None  # typing goes to the questions again


def test_lead_needs_a_finished_check(checks: Checks) -> None:
    checks.start(USER, ZH)
    reply = checks.tap(USER, ZH, "lead:start")
    assert "请先完成资格自测" in reply.text
    assert checks.storage.leads() == []


def test_lead_declined_saves_nothing(checks: Checks) -> None:
    finish_check(checks)
    reply = checks.tap(USER, ZH, "lead:start")
    assert escape(LEAD_FLOW.step("consent").prompt.zh) in reply.text
    reply = checks.tap(USER, ZH, "f:a:decline")
    assert "不保存" in reply.text
    assert checks.storage.leads() == []
    assert checks.storage.active_flow(USER) is None


def test_lead_agreed_is_saved_with_the_checks_verdict(checks: Checks) -> None:
    finish_check(checks)
    checks.tap(USER, ZH, "lead:start")
    checks.tap(USER, ZH, "f:a:agree")
    reply = checks.text(USER, ZH, "张三")
    assert escape(LEAD_FLOW.step("phone").prompt.zh) in reply.text

    reply = checks.text(USER, ZH, "12345")  # not a phone number: asked again
    assert is_warning(reply) and escape(LEAD_FLOW.step("phone").prompt.zh) in reply.text
    assert checks.storage.leads() == []

    reply = checks.text(USER, ZH, "138 1234 5678")
    assert "张三" in reply.text and "13812345678" in reply.text
    (lead,) = checks.storage.leads()
    assert lead["user_id"] == USER
    assert lead["contact_name"] == "张三"
    assert lead["phone"] == "13812345678"
    assert lead["consent_at"] and dt.datetime.fromisoformat(lead["consent_at"])
    assert lead["company"] == "韶关某某科技有限公司"
    assert lead["direction"] == "d1"
    assert lead["verdict"] == "eligible"
    assert Decimal(lead["estimate_yuan"]) == Decimal(500_000)
    facts = json.loads(lead["facts"])
    assert facts["county"] == "zhenjiang" and "has_contract" not in facts


# --- a property: no text breaks the engine, and a warning loses nothing ---------------------------------

WORDS = ["是", "否", "没有", "不确定", "yes", "no", "0", "-1", "500万", "2022-05-20", "两个", "1", "99", ""]


def _sessions_at_every_step(kb: KnowledgeBase) -> list[tuple[Flow, dict[str, Any]]]:
    out = []
    for flow in (CHECK_FLOW, LEAD_FLOW):
        for step in flow.steps:
            if step.during is not None or step.when_sum_over is not None:
                continue  # reached only on some days or with some figures
            recorder = Recorder(kb)
            engine = _step_engine(flow, recorder)
            out.append((flow, at(engine, step.id).session.to_dict()))
    # and every answer of a finished check opened again from the summary
    recorder = Recorder(kb)
    engine = _step_engine(CHECK_FLOW, recorder)
    finished = walk(engine, choices={"applicant": Tap("f:a:builder")}).session
    for step in engine.applicable_steps(finished):
        session = Session.from_dict(copy.deepcopy(finished.to_dict()))
        engine.step(session, Tap(f"f:e:{step.id}"), ZH)
        out.append((CHECK_FLOW, session.to_dict()))
    return out


@pytest.fixture(scope="module")
def sessions_at_every_step(kb: KnowledgeBase) -> list[tuple[Flow, dict[str, Any]]]:
    return _sessions_at_every_step(kb)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    where=st.integers(min_value=0),
    text=st.one_of(st.text(max_size=300), st.sampled_from(WORDS)),
    lang=st.sampled_from(["zh", "en"]),
)
def test_any_text_never_raises_and_a_warning_loses_nothing(
    kb: KnowledgeBase,
    sessions_at_every_step: list[tuple[Flow, dict[str, Any]]],
    where: int,
    text: str,
    lang: str,
) -> None:
    flow, stored = sessions_at_every_step[where % len(sessions_at_every_step)]
    recorder = Recorder(kb)
    engine = _step_engine(flow, recorder)
    session = Session.from_dict(copy.deepcopy(stored))
    step: Step = flow.step(session.current or "")
    before = state(session)

    reply = engine.step(session, Text(text), texts_for(lang))  # type: ignore[arg-type]

    assert isinstance(reply, Reply) and reply.text
    if is_warning(reply):
        assert state(session) == before
        assert f"<b>{prompt(step.id, texts_for(lang), flow)}</b>" in reply.text  # type: ignore[arg-type]
    else:
        # accepted: only this step's answer (and what its option sets) is new
        changed = {k for k in session.answers if session.answers[k] != before["answers"].get(k)}
        assert changed <= {step.id} | {name for o in step.options for name in o.set}
        # only answers that depended on a changed one are dropped (to be asked again)
        dropped = set(before["answers"]) - set(session.answers)
        assert all(set(_depends_on(flow.step(d))) & (changed | {step.id}) for d in dropped)


def _depends_on(step: Step) -> list[str]:
    sums = step.when_sum_over
    return [*step.when, *(sums.parts if sums else []), *([sums.limit] if sums else [])]


# --- bugs found while writing these tests, now fixed ----------------------------------------------------


@pytest.mark.parametrize("how", ["back", "edit"])
def test_choosing_unsure_again_asks_the_helper_again(engine: FlowEngine, how: str) -> None:
    w = walk(engine, choices={"direction": Tap("f:a:unsure"), "direction_helper": Tap("f:a:own_cloud")})
    assert w.session.answers["direction"] == "d1"
    if how == "back":
        # rewind to the direction question
        while w.session.current != "direction":
            engine.step(w.session, Tap("f:back"), ZH)
    else:
        engine.step(w.session, Tap("f:edit"), ZH)
        engine.step(w.session, Tap("f:e:direction"), ZH)
    engine.step(w.session, Tap("f:a:unsure"), ZH)
    assert w.session.current == "direction_helper"


def test_back_while_editing_keeps_the_other_answers(engine: FlowEngine) -> None:
    w = walk(engine)
    answered = set(w.session.answers)
    engine.step(w.session, Tap("f:edit"), ZH)
    engine.step(w.session, Tap("f:e:county"), ZH)
    engine.step(w.session, Tap("f:back"), ZH)
    assert w.session.current != "other_support"
    assert {"other_support", "investment", "provincial_funds"} <= set(w.session.answers)
    assert answered - set(w.session.answers) <= {"company", "county"}


def test_too_long_text_names_the_steps_own_limit(engine: FlowEngine) -> None:
    session, _ = engine.start(ZH)
    assert "最多100个字" in engine.step(session, Text("公" * 150), ZH).text
    assert "最多100个字" in engine.step(session, Text("公" * 250), ZH).text


def test_result_button_of_an_unfinished_check_shows_the_question(
    engine: FlowEngine, recorder: Recorder
) -> None:
    session, _ = engine.start(ZH)
    engine.step(session, Text("某公司"), ZH)
    reply = engine.step(session, Tap("f:result"), ZH)
    assert recorder.calls == []
    assert prompt("county") in reply.text


@pytest.mark.parametrize(
    ("flow_name", "step_id", "typed", "value"),
    [
        ("lead", "consent", "是", "agree"),
        ("lead", "consent", "yes", "agree"),
        ("lead", "consent", "no", "decline"),
        ("eligibility", "applicant", "我们自己", "self"),
        ("eligibility", "applicant", "builder", "builder"),
        ("eligibility", "direction", "上云上平台", "d1"),
        ("eligibility", "county", "Zhenjiang", "zhenjiang"),
    ],
)
def test_typed_choices_by_label_or_alias(flow_name: str, step_id: str, typed: str, value: str) -> None:
    flow = load_flow(flow_name, FLOWS, NOTICE)
    engine = FlowEngine(flow, lambda session, tx: Reply("done"), lambda: dt.date(2022, 7, 1))
    assert engine.parse(flow.step(step_id), typed, Session(flow.id)) == value
