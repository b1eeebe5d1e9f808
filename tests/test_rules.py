"""The notice's eligibility rules and subsidy formula, table-driven: answers in, verdicts and estimate out."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest

from bot.texts import texts_for
from conversations.eligibility import Outcome, Rules, Verdict, evaluate, load_rules
from conversations.flow import load_flow
from conversations.report import arithmetic
from knowledge.answers import clause_label
from knowledge.loader import KnowledgeBase
from tests.pack import FLOWS, NOTICE, RULES

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
ELIGIBLE, NOT_ELIGIBLE, NEEDS_PERSON = Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE, Outcome.NEEDS_PERSON
DROP = object()  # an override that removes the answer (a step that was not asked)

WAN = Decimal(10_000)  # 万


def wan(n: float | str) -> str:
    """An amount in 万元 as the flow stores it: a decimal string in yuan."""
    return str(Decimal(str(n)) * WAN)


# every criterion that applies to a self-applying d1 / d2 / d4 project
GENERAL = (
    "registered",
    "direction-identified",
    "no-fiscal-violation",
    "no-major-accident",
    "not-dishonest-debtor",
    "completion-window",
    "max-two-projects",
)
# who each direction is for (三): the enterprise's kind and where the project is
FITS = {
    "d1": ("d1-industrial-enterprise",),
    "d2": ("d2-software-enterprise", "d2-deployed-in-city"),
    "d3": ("d3-applied-in-city",),
    "d4": ("d4-enterprise", "d4-carried-out-in-city"),
}
MATCHING = (*GENERAL, *FITS["d1"])  # a d1 project; provincial funds are an amount, not a criterion
D2, D3, D4 = ((*GENERAL, *FITS[d]) for d in ("d2", "d3", "d4"))
BUILDER = ("builder-contract", "builder-consent")


def answers(**overrides: Any) -> dict[str, Any]:
    """A finished check of an eligible d1 project (provincial 500万, investment 2000万), with overrides."""
    base: dict[str, Any] = {
        "company": "韶关某某科技有限公司",
        "county": "zhenjiang",
        "direction": "d1",
        "applicant": "self",
        "fiscal_violation": "no",
        "major_accident": "no",
        "dishonest_debtor": "no",
        "completion_date": "2022-05-20",
        "project_count": 1,
        "investment": wan(2000),
        "provincial_funds": wan(500),
        "other_support": "0",
        "platform_deployed": "yes",
        "applied_locally": "yes",
        "demo_locally": "yes",
    }
    base.update(overrides)
    # the kind of enterprise each direction names: software for d2, industrial otherwise
    base.setdefault("enterprise_kind", "software" if base.get("direction") == "d2" else "industrial")
    return {k: v for k, v in base.items() if v is not DROP}


def d3(**overrides: Any) -> dict[str, Any]:
    """A direction 3 project: provincial funds are not asked."""
    return answers(**{"direction": "d3", "provincial_funds": DROP, **overrides})


def builder(**overrides: Any) -> dict[str, Any]:
    return answers(**{"applicant": "builder", "has_contract": "yes", "user_consent": "yes", **overrides})


@dataclass(frozen=True)
class Case:
    answers: dict[str, Any]
    outcome: Outcome
    # expected verdicts of some criteria (the others are not checked) …
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    # … or, when given, exactly the criteria that apply, every one of them met unless in `verdicts`
    applies: tuple[str, ...] | None = None
    amount: Any = ...  # a Decimal, None (no figure) or ... (not checked)
    estimate: dict[str, Decimal | None] = field(default_factory=dict)  # other Estimate fields


def D(value: float | str) -> Decimal:
    return Decimal(str(value))


CASES: dict[str, Case] = {
    # --- the formula: 10% of the base, the direction's cap, the room under the investment ----------
    "example-d1-500w-of-2000w": Case(
        answers(),
        ELIGIBLE,
        applies=MATCHING,
        amount=D(500_000),
        estimate={"base": D(5_000_000), "share": D(500_000), "capped": D(500_000), "room": D(15_000_000)},
    ),
    "d1-cap-100w": Case(
        answers(provincial_funds=wan(2000), investment=wan(10000)),
        ELIGIBLE,
        amount=D(1_000_000),
        estimate={"share": D(2_000_000), "capped": D(1_000_000), "room": D(80_000_000)},
    ),
    "d1-exactly-at-cap": Case(
        answers(provincial_funds=wan(1000), investment=wan(5000)),
        ELIGIBLE,
        amount=D(1_000_000),
        estimate={"share": D(1_000_000), "capped": D(1_000_000)},
    ),
    "example-d2-800w-capped-50w": Case(
        answers(direction="d2", provincial_funds=wan(800)),
        ELIGIBLE,
        applies=D2,
        amount=D(500_000),
        estimate={"share": D(800_000), "capped": D(500_000)},
    ),
    "d2-below-cap": Case(
        answers(direction="d2", provincial_funds=wan(300)),
        ELIGIBLE,
        amount=D(300_000),
        estimate={"share": D(300_000), "capped": D(300_000)},
    ),
    "d2-share-rounded-to-fen": Case(
        answers(direction="d2", provincial_funds="1234567"),
        ELIGIBLE,
        amount=D("123456.70"),
        estimate={"share": D("123456.70")},
    ),
    "example-d3-300w-investment": Case(
        d3(investment=wan(300)),
        ELIGIBLE,
        applies=D3,
        amount=D(300_000),
        estimate={"base": D(3_000_000), "share": D(300_000), "provincial": None, "room": D(3_000_000)},
    ),
    "d3-cap-100w": Case(
        d3(investment=wan(2500)),
        ELIGIBLE,
        amount=D(1_000_000),
        estimate={"share": D(2_500_000), "capped": D(1_000_000)},
    ),
    "d3-other-support-reduces-room": Case(
        d3(investment=wan(300), other_support=wan(280)),
        ELIGIBLE,
        amount=D(200_000),
        estimate={"capped": D(300_000), "room": D(200_000)},
    ),
    "d3-stale-provincial-answer-ignored": Case(
        d3(investment=wan(300), provincial_funds="0"),
        ELIGIBLE,
        applies=D3,
        amount=D(300_000),
        estimate={"base": D(3_000_000)},
    ),
    "d4-500w": Case(
        answers(direction="d4"),
        ELIGIBLE,
        applies=D4,
        amount=D(500_000),
    ),
    "d4-cap-100w": Case(
        answers(direction="d4", provincial_funds=wan(1500), investment=wan(5000)),
        ELIGIBLE,
        amount=D(1_000_000),
        estimate={"share": D(1_500_000), "capped": D(1_000_000)},
    ),
    "example-d1-900w-of-950w-room-50w": Case(
        answers(provincial_funds=wan(900), investment=wan(950)),
        ELIGIBLE,
        amount=D(500_000),
        estimate={"share": D(900_000), "capped": D(900_000), "room": D(500_000)},
    ),
    "other-support-reduces-room": Case(
        answers(provincial_funds=wan(500), investment=wan(600), other_support=wan(70)),
        ELIGIBLE,
        amount=D(300_000),
        estimate={"capped": D(500_000), "room": D(300_000), "other": D(700_000)},
    ),
    # provincial + other beyond the investment: a person checks the figures (五(二))
    "negative-room-is-zero": Case(
        answers(provincial_funds=wan(900), investment=wan(950), other_support=wan(100)),
        NEEDS_PERSON,
        amount=D(0),
        estimate={"room": D(0), "capped": D(900_000)},
    ),
    # an unknown that changes the amount: a person confirms; the figure is an upper bound
    "other-support-unsure-taken-as-none": Case(
        answers(other_support="unsure"),
        NEEDS_PERSON,
        amount=D(500_000),
        estimate={"room": D(15_000_000), "other": None},
    ),
    # --- matching support: no provincial funds, no city subsidy: an amount, not a condition -------
    "d1-no-provincial-funds": Case(
        answers(provincial_funds="0"),
        ELIGIBLE,
        applies=MATCHING,
        amount=D(0),
    ),
    "d2-no-provincial-funds": Case(
        answers(direction="d2", provincial_funds="0"),
        ELIGIBLE,
        applies=D2,
        amount=D(0),
    ),
    "d4-no-provincial-funds": Case(
        answers(direction="d4", provincial_funds="0.00"),
        ELIGIBLE,
        applies=D4,
        amount=D(0),
    ),
    # --- each failed criterion -----------------------------------------------------------------------
    "registered-elsewhere": Case(
        answers(county="elsewhere"),
        NOT_ELIGIBLE,
        verdicts={"registered": NOT_MET},
        applies=MATCHING,
        amount=D(0),
        estimate={"capped": D(500_000)},
    ),
    "fiscal-violation": Case(
        answers(fiscal_violation="yes"),
        NOT_ELIGIBLE,
        verdicts={"no-fiscal-violation": NOT_MET},
        applies=MATCHING,
        amount=D(0),
    ),
    # the accident clause's period is unclear: a person decides (the estimate stays an upper bound)
    "major-accident": Case(
        answers(major_accident="yes"),
        NEEDS_PERSON,
        verdicts={"no-major-accident": UNKNOWN},
        applies=MATCHING,
        amount=D(500_000),
    ),
    "dishonest-debtor": Case(
        answers(dishonest_debtor="yes"),
        NOT_ELIGIBLE,
        verdicts={"not-dishonest-debtor": NOT_MET},
        applies=MATCHING,
        amount=D(0),
    ),
    "completed-day-before-window": Case(
        answers(completion_date="2021-09-29"),
        NOT_ELIGIBLE,
        verdicts={"completion-window": NOT_MET},
        applies=MATCHING,
        amount=D(0),
    ),
    "completed-day-after-window": Case(
        answers(completion_date="2022-08-27"),
        NOT_ELIGIBLE,
        verdicts={"completion-window": NOT_MET},
        applies=MATCHING,
        amount=D(0),
    ),
    "completed-long-after-window": Case(
        answers(completion_date="2023-01-15"),
        NOT_ELIGIBLE,
        verdicts={"completion-window": NOT_MET},
        amount=D(0),
    ),
    "three-projects": Case(
        answers(project_count=3),
        NOT_ELIGIBLE,
        verdicts={"max-two-projects": NOT_MET},
        applies=MATCHING,
        amount=D(0),
    ),
    # --- boundaries that are met -----------------------------------------------------------------------
    "completed-first-day-of-window": Case(
        answers(completion_date="2021-09-30"), ELIGIBLE, applies=MATCHING, amount=D(500_000)
    ),
    "completed-last-day-of-window": Case(
        answers(completion_date="2022-08-26"), ELIGIBLE, applies=MATCHING, amount=D(500_000)
    ),
    "two-projects": Case(answers(project_count=2), ELIGIBLE, applies=MATCHING, amount=D(500_000)),
    # --- builder / developer applying for the user enterprise ----------------------------------------
    "builder-contract-and-consent": Case(
        builder(), ELIGIBLE, applies=(*MATCHING, *BUILDER), amount=D(500_000)
    ),
    "builder-without-consent": Case(
        builder(user_consent="no"),
        NOT_ELIGIBLE,
        verdicts={"builder-contract": MET, "builder-consent": NOT_MET},
        applies=(*MATCHING, *BUILDER),
        amount=D(0),
    ),
    "builder-without-contract": Case(
        builder(has_contract="no"),
        NOT_ELIGIBLE,
        verdicts={"builder-contract": NOT_MET, "builder-consent": MET},
        applies=(*MATCHING, *BUILDER),
    ),
    "builder-consent-unsure": Case(
        builder(user_consent="unsure"),
        NEEDS_PERSON,
        verdicts={"builder-consent": UNKNOWN},
        applies=(*MATCHING, *BUILDER),
        amount=D(500_000),
    ),
    "self-applicant-ignores-stale-builder-answers": Case(
        answers(has_contract="no", user_consent="no"), ELIGIBLE, applies=MATCHING, amount=D(500_000)
    ),
    # --- "not sure" anywhere sends the result to a person --------------------------------------------
    "county-unsure": Case(
        answers(county="unsure"),
        NEEDS_PERSON,
        verdicts={"registered": UNKNOWN},
        applies=MATCHING,
        amount=D(500_000),
    ),
    "fiscal-violation-unsure": Case(
        answers(fiscal_violation="unsure"),
        NEEDS_PERSON,
        verdicts={"no-fiscal-violation": UNKNOWN},
        applies=MATCHING,
    ),
    "major-accident-unsure": Case(
        answers(major_accident="unsure"),
        NEEDS_PERSON,
        verdicts={"no-major-accident": UNKNOWN},
        applies=MATCHING,
    ),
    "dishonest-debtor-unsure": Case(
        answers(dishonest_debtor="unsure"),
        NEEDS_PERSON,
        verdicts={"not-dishonest-debtor": UNKNOWN},
        applies=MATCHING,
    ),
    "completion-date-unsure": Case(
        answers(completion_date="unsure"),
        NEEDS_PERSON,
        verdicts={"completion-window": UNKNOWN},
        applies=MATCHING,
        amount=D(500_000),
    ),
    "provincial-funds-unsure": Case(
        answers(provincial_funds="unsure"),
        NEEDS_PERSON,
        applies=MATCHING,
        amount=None,
        estimate={"base": None, "share": None, "capped": None, "room": None, "provincial": None},
    ),
    "missing-answer-is-unknown": Case(
        answers(county=DROP), NEEDS_PERSON, verdicts={"registered": UNKNOWN}, applies=MATCHING
    ),
    "not-met-beats-unknown": Case(
        answers(county="elsewhere", fiscal_violation="unsure", completion_date="unsure"),
        NOT_ELIGIBLE,
        verdicts={"registered": NOT_MET, "no-fiscal-violation": UNKNOWN, "completion-window": UNKNOWN},
        applies=MATCHING,
        amount=D(0),
    ),
    "builder-not-met-beats-unknown": Case(
        builder(has_contract="no", user_consent="unsure"),
        NOT_ELIGIBLE,
        verdicts={"builder-contract": NOT_MET, "builder-consent": UNKNOWN},
    ),
    "direction-unsure-no-estimate": Case(
        answers(direction="unsure", provincial_funds=DROP),
        NEEDS_PERSON,
        verdicts={"direction-identified": UNKNOWN},
        applies=GENERAL,
        amount=None,
    ),
}


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules("eligibility", RULES)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_evaluate(rules: Rules, kb: KnowledgeBase, case: Case) -> None:
    assessment = evaluate(rules, kb.notice, case.answers)

    assert assessment.outcome is case.outcome
    verdicts = {r.criterion.id: r.verdict for r in assessment.results}
    assert len(verdicts) == len(assessment.results), "a criterion was judged twice"
    if case.applies is not None:
        expected = {cid: case.verdicts.get(cid, MET) for cid in case.applies}
        assert verdicts == expected
    else:
        assert {cid: verdicts.get(cid) for cid in case.verdicts} == case.verdicts
    for result in assessment.results:
        assert result.answer == case.answers.get(result.criterion.answer)

    if case.amount is not ...:
        if case.amount is None and case.answers.get("direction") not in ("d1", "d2", "d3", "d4"):
            assert assessment.estimate is None
        else:
            assert assessment.estimate is not None
            assert assessment.estimate.amount == case.amount
            if case.amount is not None:
                assert isinstance(assessment.estimate.amount, Decimal)
    for name, value in case.estimate.items():
        assert assessment.estimate is not None
        figures = assessment.estimate.figures  # the formula's figures by role (provincial, other …)
        assert (figures[name] if name in figures else getattr(assessment.estimate, name)) == value, name


def test_at_least_35_cases() -> None:
    assert len(CASES) >= 35


@pytest.mark.parametrize(
    ("direction", "base", "cap"),
    [
        ("d1", "provincial", 1_000_000),
        ("d2", "provincial", 500_000),
        ("d3", "investment", 1_000_000),
        ("d4", "provincial", 1_000_000),
    ],
)
def test_directions_funding_matches_the_notice(
    kb: KnowledgeBase, direction: str, base: str, cap: int
) -> None:
    funding = next(d for d in kb.notice.directions if d.id == direction).funding
    assert (funding.base, funding.rate, funding.cap_yuan) == (base, 0.1, cap)


def test_estimate_never_exceeds_cap_or_room(rules: Rules, kb: KnowledgeBase) -> None:
    caps = {d.id: Decimal(d.funding.cap_yuan) for d in kb.notice.directions}
    for direction in ("d1", "d2", "d3", "d4"):
        for provincial in (1, 100, 800, 5000):
            for investment in (50, 900, 20000):
                for other in (0, 40, 1000):
                    a = evaluate(
                        rules,
                        kb.notice,
                        answers(
                            direction=direction,
                            provincial_funds=wan(provincial),
                            investment=wan(investment),
                            other_support=wan(other),
                        ),
                    )
                    est = a.estimate
                    assert est is not None and est.amount is not None
                    assert Decimal(0) <= est.amount <= caps[direction]
                    assert est.room is not None and est.amount <= est.room


def test_notes(rules: Rules, kb: KnowledgeBase) -> None:
    plain = evaluate(rules, kb.notice, answers()).notes
    assert plain == ["result.note_upper_bound", "result.note_final_amount"]
    assert "result.note_quality" in evaluate(rules, kb.notice, answers(direction="d4")).notes
    unsure = evaluate(rules, kb.notice, answers(other_support="unsure")).estimate
    assert unsure is not None and unsure.unknown == ("other_support",)


# --- the rules against the flow and the notice ------------------------------------------------------


def test_every_criterion_reads_a_step_of_the_flow(rules: Rules) -> None:
    flow = load_flow(rules.flow, FLOWS, NOTICE)
    assert rules.check_against(flow) == []
    steps = {s.id for s in flow.steps}
    for criterion in rules.criteria:
        assert criterion.answer in steps
        assert set(criterion.applies_when) <= steps


def test_check_against_names_an_unknown_answer(rules: Rules) -> None:
    broken = rules.model_copy(
        update={"criteria": [rules.criteria[0].model_copy(update={"answer": "no_such_step"})]}
    )
    (problem,) = broken.check_against(load_flow(rules.flow, FLOWS, NOTICE))
    assert "no_such_step" in problem and "registered" in problem


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_criterion_clause_has_a_label(rules: Rules, kb: KnowledgeBase, lang: str) -> None:
    for criterion in rules.criteria:
        section = criterion.clause[0]
        assert section in kb.notice.sections, criterion.id
        label = clause_label(kb, criterion.clause, lang)  # type: ignore[arg-type]
        title = kb.notice.sections[section].get(lang)  # type: ignore[arg-type]
        assert title and title in label, (criterion.id, label)
        if lang == "zh":
            assert label.startswith(f"{section}、")
        else:
            assert label.startswith("Section ")


# --- the arithmetic as the user reads it --------------------------------------------------------------


def test_arithmetic_zh(rules: Rules, kb: KnowledgeBase) -> None:
    estimate = evaluate(rules, kb.notice, answers()).estimate
    assert estimate is not None
    lines = arithmetic(estimate, rules.formula, texts_for("zh"))
    assert len(lines) == 4
    share, cap, room, minimum = lines
    assert "省级专项资金" in share and "500万元" in share and "10%" in share and "50万元" in share
    assert "100万元" in cap and "50万元" in cap
    assert "2000万元" in room and "500万元" in room and "0元" in room and "1500万元" in room
    assert "50万元" in minimum and "1500万元" in minimum
    assert all("RMB" not in line for line in lines)


def test_arithmetic_en(rules: Rules, kb: KnowledgeBase) -> None:
    estimate = evaluate(rules, kb.notice, answers(provincial_funds=wan(900), investment=wan(950))).estimate
    assert estimate is not None
    share, cap, room, minimum = arithmetic(estimate, rules.formula, texts_for("en"))
    assert "provincial special funds" in share and "RMB 9,000,000" in share and "10%" in share
    assert "RMB 900,000" in share
    assert "RMB 1,000,000" in cap and "RMB 900,000" in cap
    assert "RMB 9,500,000" in room and "RMB 9,000,000" in room and "room RMB 500,000" in room
    assert "RMB 900,000" in minimum and minimum.endswith("= RMB 500,000")
    assert not any("万" in line for line in (share, cap, room, minimum))


def test_arithmetic_d3_names_the_investment(rules: Rules, kb: KnowledgeBase) -> None:
    estimate = evaluate(rules, kb.notice, d3(investment=wan(300))).estimate
    assert estimate is not None
    zh = arithmetic(estimate, rules.formula, texts_for("zh"))
    en = arithmetic(estimate, rules.formula, texts_for("en"))
    assert "项目投资额" in zh[0] and "300万元" in zh[0] and "30万元" in zh[0]
    assert "project investment" in en[0] and "RMB 3,000,000" in en[0] and "RMB 300,000" in en[0]
    assert zh[-1].endswith("30万元") and en[-1].endswith("RMB 300,000")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_arithmetic_with_unknown_provincial_funds(rules: Rules, kb: KnowledgeBase, lang: str) -> None:
    estimate = evaluate(rules, kb.notice, answers(provincial_funds="unsure")).estimate
    assert estimate is not None
    lines = arithmetic(estimate, rules.formula, texts_for(lang))  # type: ignore[arg-type]
    # only the way it would be computed: no figure, no room, no minimum
    assert len(lines) == 1
    assert "10%" in lines[0]
