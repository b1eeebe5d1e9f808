"""The notice's eligibility rules (data in rules/eligibility.yaml) and subsidy formula, applied
to a finished check: a verdict per criterion, the estimate with its arithmetic, the verdict.

The formula's numbers (rate, cap, base) come from the knowledge base's directions, so a new
notice changes data, not code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator

from conversations.flow import Flow
from knowledge.loader import load_model
from knowledge.schema import Clause, Direction, Notice, Strict, Text

UNSURE = "unsure"
FEN = Decimal("0.01")


class Condition(Strict):
    """Exactly one test on one answer."""

    equals: str | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    between: tuple[dt.date, dt.date] | None = None
    at_most: float | None = None
    above: float | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        given = [v for v in (self.equals, self.in_, self.between, self.at_most, self.above) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of equals, in, between, at_most, above")
        return self

    def holds(self, value: Any) -> bool:
        if self.equals is not None:
            return bool(value == self.equals)
        if self.in_ is not None:
            return value in self.in_
        if self.between is not None:
            day = dt.date.fromisoformat(str(value))
            return self.between[0] <= day <= self.between[1]
        number = Decimal(str(value))
        if self.at_most is not None:
            return number <= Decimal(str(self.at_most))
        return number > Decimal(str(self.above))


class Criterion(Clause):
    id: str
    label: Text
    answer: str
    met_if: Condition
    applies_when: dict[str, list[str]] = {}
    # an answer the notice does not settle: the criterion is unknown (a person decides), and the
    # note says why (e.g. the period of the accident clause is unclear)
    unclear_if: Condition | None = None
    unclear_note: Text | None = None
    # said when the criterion is not met: e.g. which direction fits instead
    if_not_met: Text | None = None
    # judged only when the question was asked (some are asked only on some days)
    only_if_asked: bool = False

    @model_validator(mode="after")
    def _note_with_unclear(self) -> Criterion:
        if (self.unclear_if is None) != (self.unclear_note is None):
            raise ValueError("give unclear_if and unclear_note together")
        return self


class FormulaAnswers(Strict):
    """Which answers of the flow the subsidy formula reads."""

    direction: str = "direction"
    investment: str = "investment"
    provincial: str = "provincial_funds"
    # the amount expected when provincial funds are applied for but not yet granted
    provincial_expected: str = "provincial_expected"
    provincial_pending: str = "pending"  # the provincial answer that means "applied, not granted"
    other: str = "other_support"


class Rules(Strict):
    flow: str
    criteria: list[Criterion] = Field(min_length=1)
    formula: FormulaAnswers = FormulaAnswers()
    # the check's answers a lead's export shows staff, in order (the flow's labels name the columns)
    export: list[str] = []

    def check_against(self, flow: Flow, notice: Notice | None = None) -> list[str]:
        """Problems with the answers the criteria, the formula and the export read: each must be a
        step of the flow."""
        steps = {s.id for s in flow.steps}
        problems = []
        for i, criterion in enumerate(self.criteria):
            for name in [criterion.answer, *criterion.applies_when]:
                if name not in steps:
                    problems.append(
                        f"criteria[{i}](id={criterion.id}).answer: {name!r} is not a step of {flow.id}"
                    )
        for i, name in enumerate(self.export):
            if name not in steps:
                problems.append(f"export[{i}]: {name!r} is not a step of {flow.id}")
        return problems


def load_rules(name: str, rules_dir: Path) -> Rules:
    return load_model(rules_dir / f"{name}.yaml", Rules)


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_PERSON = "needs_person"


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    verdict: Verdict
    answer: Any
    note: Text | None = None  # why an answer leaves it unknown, or what fits instead


@dataclass(frozen=True)
class Estimate:
    """The arithmetic of the upper bound, every figure in yuan; None when it cannot be computed."""

    direction: Direction
    base: Decimal | None
    share: Decimal | None
    capped: Decimal | None
    room: Decimal | None
    amount: Decimal | None
    investment: Decimal
    provincial: Decimal | None
    other: Decimal | None
    # the provincial figure is an expected amount (applied for, not yet granted)
    provincial_expected: bool = False
    # provincial plus other support exceed the investment (五(二)): no room, a person checks
    exceeds: bool = False
    # answers not known that change the amount (step ids), e.g. other support "not sure"
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    outcome: Outcome
    results: list[CriterionResult]
    estimate: Estimate | None
    notes: list[str] = field(default_factory=list)  # message ids of caveats that apply


def _amount(value: Any) -> Decimal | None:
    return None if value in (None, UNSURE) else Decimal(str(value))


def judge(criterion: Criterion, value: Any) -> CriterionResult:
    """One criterion against its answer: met, not met, or unknown (not sure, or not settled)."""
    if value is None or value == UNSURE:
        return CriterionResult(criterion, Verdict.UNKNOWN, value)
    if criterion.unclear_if is not None and criterion.unclear_if.holds(value):
        return CriterionResult(criterion, Verdict.UNKNOWN, value, criterion.unclear_note)
    if criterion.met_if.holds(value):
        return CriterionResult(criterion, Verdict.MET, value)
    return CriterionResult(criterion, Verdict.NOT_MET, value, criterion.if_not_met)


def evaluate(rules: Rules, notice: Notice, answers: dict[str, Any]) -> Assessment:
    """Apply every criterion that applies to the answers, then the formula."""
    results = []
    for criterion in rules.criteria:
        if any(answers.get(name) not in values for name, values in criterion.applies_when.items()):
            continue
        if criterion.only_if_asked and criterion.answer not in answers:
            continue
        results.append(judge(criterion, answers.get(criterion.answer)))

    names = rules.formula
    direction = next((d for d in notice.directions if d.id == answers.get(names.direction)), None)
    estimate = _estimate(direction, answers, names) if direction else None

    if any(r.verdict is Verdict.NOT_MET for r in results):
        outcome = Outcome.NOT_ELIGIBLE
    elif any(r.verdict is Verdict.UNKNOWN for r in results):
        outcome = Outcome.NEEDS_PERSON
    elif estimate is not None and (estimate.unknown or estimate.exceeds):
        # an unknown that changes the amount, or figures beyond the investment: a person confirms
        outcome = Outcome.NEEDS_PERSON
    else:
        outcome = Outcome.ELIGIBLE

    notes = ["result.note_upper_bound", "result.note_final_amount"]
    if direction is not None and direction.funding.weighs_quality:
        notes.append("result.note_quality")
    if estimate is not None and estimate.provincial_expected:
        notes.append("result.note_expected")
    if outcome is Outcome.NOT_ELIGIBLE and estimate is not None:
        estimate = Estimate(**{**estimate.__dict__, "amount": Decimal(0)})
    return Assessment(outcome, results, estimate, notes)


def _estimate(direction: Direction, answers: dict[str, Any], names: FormulaAnswers) -> Estimate | None:
    investment = _amount(answers.get(names.investment))
    if investment is None:
        return None
    funding = direction.funding
    unknown: list[str] = []
    given = answers.get(names.provincial)
    expected = given == names.provincial_pending
    if expected:
        given = answers.get(names.provincial_expected)
    # "not sure" is unknown; a question not asked counts as none
    provincial = _amount(given)
    if given == UNSURE or (expected and given is None):
        unknown.append(names.provincial_expected if expected else names.provincial)
    other = _amount(answers.get(names.other))
    if answers.get(names.other) == UNSURE:
        unknown.append(names.other)
    base = investment if funding.base == "investment" else provincial
    share = capped = room = amount = None
    # all support together stays within the investment (五(二)); support not known is taken as
    # none, so the figure stays an upper bound
    support = (provincial or Decimal(0)) + (other or Decimal(0))
    exceeds = support > investment
    if base is not None:
        share = (base * Decimal(str(funding.rate))).quantize(FEN, ROUND_HALF_UP)
        capped = min(share, Decimal(funding.cap_yuan))
        room = max(Decimal(0), investment - support)
        amount = min(capped, room)
    return Estimate(
        direction,
        base,
        share,
        capped,
        room,
        amount,
        investment,
        provincial,
        other,
        provincial_expected=expected,
        exceeds=exceeds,
        unknown=tuple(unknown),
    )


def estimate_subsidy(
    direction: Direction,
    *,
    investment: Decimal | None = None,
    provincial: Decimal | None = None,
    other: Decimal | None = None,
) -> Estimate | None:
    """The same formula for figures a user typed in a question. Without the investment, 五(二)'s
    ceiling cannot be checked: the estimate then has investment Infinity and room None."""
    names = FormulaAnswers()
    answers = {
        names.investment: Decimal("Infinity") if investment is None else investment,
        names.provincial: provincial,
        names.other: other,
    }
    estimate = _estimate(direction, answers, names)
    if estimate is not None and investment is None:
        estimate = Estimate(**{**estimate.__dict__, "room": None})
    return estimate
