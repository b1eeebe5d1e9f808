"""The notice's eligibility rules (data in rules/eligibility.yaml) and subsidy formula, applied
to a finished check: a verdict per criterion, the estimate with its arithmetic, the verdict.

The formula's numbers (rate, cap, base) come from the knowledge base's directions, so a new
notice changes data, not code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from conversations.flow import Flow
from knowledge.loader import load_model
from knowledge.schema import Clause, Direction, Notice, Strict, Text, Tier

UNSURE = "unsure"


class Condition(Strict):
    """Exactly one test on one answer."""

    equals: str | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    # one of the notice's own lists, written once in notice.yaml: its ids
    in_notice: Literal["jurisdictions", "directions"] | None = None
    between: tuple[dt.date, dt.date] | None = None
    # the window of one of the notice's eligibility criteria (notice.yaml), by its id
    within: str | None = None
    at_most: float | None = None
    above: float | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        tests = (self.equals, self.in_, self.in_notice, self.between, self.within, self.at_most, self.above)
        if len([v for v in tests if v is not None]) != 1:
            raise ValueError("give exactly one of equals, in, in_notice, between, within, at_most, above")
        return self

    def problems(self, notice: Notice) -> list[str]:
        """A `within` must name a criterion of the notice that has a window."""
        if self.within is not None and window(notice, self.within) is None:
            return [f"within: {self.within!r} is no eligibility criterion of notice.yaml with a window"]
        return []

    def holds(self, value: Any, notice: Notice) -> bool:
        if self.equals is not None:
            return bool(value == self.equals)
        if self.in_ is not None:
            return value in self.in_
        if self.in_notice is not None:
            return value in {item.id for item in getattr(notice, self.in_notice)}
        dates = self.between if self.within is None else window(notice, self.within)
        if self.between is not None or self.within is not None:
            if dates is None:
                return False
            day = dt.date.fromisoformat(str(value))
            return dates[0] <= day <= dates[1]
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


class Figure(Strict):
    """One figure the formula reads: the flow's answer holding it and how a result names it."""

    answer: str
    label: Text
    # an option of that answer meaning "applied for, not granted yet", and the answer then asked
    # for the expected figure (the estimate uses it and says so)
    pending: str | None = None
    expected: str | None = None
    expected_label: Text | None = None

    @model_validator(mode="after")
    def _pending_with_expected(self) -> Figure:
        if (self.pending is None) != (self.expected is None) or (self.expected is None) != (
            self.expected_label is None
        ):
            raise ValueError("give pending, expected and expected_label together")
        return self


class Ceiling(Strict):
    """All support together stays within one figure (e.g. the project investment)."""

    figure: str  # the figure that bounds it
    support: list[str] = []  # the other support counted with the subsidy against it
    requirement: str  # the notice's requirement that says so: its clause is cited


class Formula(Strict):
    """Which answers of the flow the subsidy formula reads, and in which role. A direction's
    funding (notice.yaml) names one of `figures` as its base."""

    direction: str  # the answer naming the direction: its values are the notice's direction ids
    company: str | None = None  # the answer naming the applicant (the result's heading, leads)
    figures: dict[str, Figure] = Field(min_length=1)
    ceiling: Ceiling | None = None
    # the figure that the lexicon's `no_base_funds` words say a user did not get: a direction
    # based on it is then 0 (an amount, not a condition)
    said_none: str | None = None

    def problems(self, steps: set[str], notice: Notice | None) -> list[str]:
        """Every answer named must be a step of the flow, every figure named one of `figures`."""
        found = []
        answers = {"direction": self.direction, "company": self.company}
        for role, figure in self.figures.items():
            answers[f"figures.{role}.answer"] = figure.answer
            answers[f"figures.{role}.expected"] = figure.expected
        for key, name in answers.items():
            if name is not None and name not in steps:
                found.append(f"formula.{key}: {name!r} is not a step of the flow")
        named: dict[str, str | None] = {"said_none": self.said_none}
        if self.ceiling is not None:
            named["ceiling.figure"] = self.ceiling.figure
            named |= {f"ceiling.support[{i}]": r for i, r in enumerate(self.ceiling.support)}
        for key, figure_name in named.items():
            if figure_name is not None and figure_name not in self.figures:
                found.append(f"formula.{key}: {figure_name!r} is not one of formula.figures")
        if notice is not None:
            requirements = {r.id for r in notice.requirements}
            if self.ceiling is not None and self.ceiling.requirement not in requirements:
                found.append(
                    f"formula.ceiling.requirement: {self.ceiling.requirement!r} is not a requirement "
                    "of notice.yaml"
                )
            for d in notice.directions:
                if d.funding.base not in self.figures:
                    found.append(
                        f"formula.figures: no figure {d.funding.base!r}, the base of direction {d.id} "
                        "in notice.yaml"
                    )
        return found


class Rules(Strict):
    flow: str
    criteria: list[Criterion] = Field(min_length=1)
    formula: Formula
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
        if notice is not None:
            for i, c in enumerate(self.criteria):
                if c.section not in notice.sections:
                    problems.append(
                        f"criteria[{i}](id={c.id}).clause: {c.clause!r} names no section of notice.yaml"
                    )
                problems += [f"criteria[{i}](id={c.id}).met_if.{p}" for p in c.met_if.problems(notice)]
        problems += self.formula.problems(steps, notice)
        if notice is not None and self.formula.direction in steps:
            # the directions are the notice's: the direction question offers each of them
            answer = self.formula.direction
            offered = {o.value for o in flow.step(answer).options} | {
                o.set[answer] for step in flow.steps for o in step.options if answer in o.set
            }
            missing = [d.id for d in notice.directions if d.id not in offered]
            if missing:
                problems.append(
                    f"formula.direction: the step {answer!r} offers no option for the notice's "
                    f"directions {missing}"
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
    share: Decimal | None  # the rate's share of the base, or the fixed amount of its tier
    capped: Decimal | None
    room: Decimal | None
    amount: Decimal | None
    # the ceiling's figure (the investment): Infinity when a question did not give it
    ceiling: Decimal
    # the formula's figures by role (None: not known or not given)
    figures: dict[str, Decimal | None]
    # the figures that are expected amounts (applied for, not yet granted), by role
    expected: tuple[str, ...] = ()
    # the support figures exceed the ceiling: no room, a person checks
    exceeds: bool = False
    # answers not known that change the amount (step ids), e.g. other support "not sure"
    unknown: tuple[str, ...] = ()
    # the tier the base reached, for a fixed-amount schedule
    tier: Tier | None = None


@dataclass(frozen=True)
class Assessment:
    outcome: Outcome
    results: list[CriterionResult]
    estimate: Estimate | None
    notes: list[str] = field(default_factory=list)  # message ids of caveats that apply


def _amount(value: Any) -> Decimal | None:
    return None if value in (None, UNSURE) else Decimal(str(value))


def window(notice: Notice, criterion_id: str) -> tuple[dt.date, dt.date] | None:
    """The dates of one of the notice's eligibility criteria (its construction window)."""
    return next((c.window for c in notice.eligibility if c.id == criterion_id), None)


def judge(criterion: Criterion, value: Any, notice: Notice) -> CriterionResult:
    """One criterion against its answer: met, not met, or unknown (not sure, or not settled)."""
    if value is None or value == UNSURE:
        return CriterionResult(criterion, Verdict.UNKNOWN, value)
    if criterion.unclear_if is not None and criterion.unclear_if.holds(value, notice):
        return CriterionResult(criterion, Verdict.UNKNOWN, value, criterion.unclear_note)
    if criterion.met_if.holds(value, notice):
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
        results.append(judge(criterion, answers.get(criterion.answer), notice))

    formula = rules.formula
    direction = next((d for d in notice.directions if d.id == answers.get(formula.direction)), None)
    estimate = _estimate(direction, answers, formula) if direction else None

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
    if estimate is not None and estimate.expected:
        notes.append("result.note_expected")
    if outcome is Outcome.NOT_ELIGIBLE and estimate is not None:
        estimate = Estimate(**{**estimate.__dict__, "amount": Decimal(0)})
    return Assessment(outcome, results, estimate, notes)


def _estimate(direction: Direction, answers: dict[str, Any], formula: Formula) -> Estimate | None:
    """The formula on the check's answers; None without the ceiling's figure."""
    ceiling = formula.ceiling
    figures: dict[str, Decimal | None] = {}
    unknown: list[str] = []
    expected: list[str] = []
    for role, figure in formula.figures.items():
        given = answers.get(figure.answer)
        pending = figure.pending is not None and given == figure.pending
        if pending:
            given = answers.get(figure.expected) if figure.expected else None
            expected.append(role)
        # "not sure" is unknown; a question not asked counts as none
        figures[role] = _amount(given)
        if given == UNSURE or (pending and given is None):
            unknown.append((figure.expected if pending else figure.answer) or figure.answer)
    bound = figures.get(ceiling.figure) if ceiling else Decimal("Infinity")
    if bound is None:
        return None
    return _arithmetic(direction, figures, bound, formula, expected=tuple(expected), unknown=tuple(unknown))


def _arithmetic(
    direction: Direction,
    figures: dict[str, Decimal | None],
    bound: Decimal,
    formula: Formula,
    *,
    expected: tuple[str, ...] = (),
    unknown: tuple[str, ...] = (),
) -> Estimate:
    funding = direction.funding
    support_roles = formula.ceiling.support if formula.ceiling else []
    # all support together stays within the ceiling; support not known is taken as none,
    # so the figure stays an upper bound
    support = sum((figures.get(r) or Decimal(0) for r in support_roles), Decimal(0))
    exceeds = support > bound
    base = figures.get(funding.base)
    share = capped = room = amount = None
    tier = None
    if base is not None:
        share = funding.share(base)
        tier = funding.tier(base)[0] if funding.tiers else None
        capped = min(share, Decimal(funding.cap_yuan))
        # without a ceiling there is no room to compute: the capped amount is the estimate
        room = max(Decimal(0), bound - support) if formula.ceiling is not None else None
        amount = capped if room is None else min(capped, room)
    return Estimate(
        direction,
        base,
        share,
        capped,
        room,
        amount,
        bound,
        figures,
        expected=expected,
        exceeds=exceeds,
        unknown=unknown,
        tier=tier,
    )


def estimate_subsidy(direction: Direction, formula: Formula, figures: dict[str, Decimal]) -> Estimate | None:
    """The same formula for figures a user typed in a question (by role). Without the ceiling's
    figure, the ceiling cannot be checked: the estimate then has ceiling Infinity and room None."""
    ceiling = formula.ceiling.figure if formula.ceiling else None
    given: dict[str, Decimal | None] = {role: figures.get(role) for role in formula.figures}
    bound = given.get(ceiling) if ceiling else None
    estimate = _arithmetic(direction, given, Decimal("Infinity") if bound is None else bound, formula)
    if bound is None:
        estimate = Estimate(**{**estimate.__dict__, "room": None})
    return estimate
