"""Guided conversations written as YAML: the schema of a flow and its loader.

A flow is a list of steps. Each step asks one thing (a prompt in zh and en) and stores one answer
under its id; `when` limits a step to some earlier answers (e.g. only builders are asked for the
user enterprise's consent); a choice option may `set` other answers (the "not sure which
direction" helper sets the direction).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from knowledge.loader import KnowledgeError, load_model
from knowledge.schema import Notice, Strict, Text

StepType = Literal["choice", "yes_no", "amount", "date", "integer", "text", "phone"]


class Option(Strict):
    value: str = Field(pattern=r"^[a-z0-9_-]+$", max_length=24)
    label: Text
    # answers this option also gives, e.g. the direction helper's options set `direction`
    set: dict[str, str] = {}
    # other words a user may type for it: 是 / yes for "I agree"
    aliases: list[str] = []
    # answers this option clears, so their questions are asked again ("enter these amounts again")
    redo: list[str] = []


class During(Strict):
    """Asked only on some days: after one stage's deadline has passed, until another's."""

    after: str | None = None  # a stage id: asked once its deadline has passed
    until: str | None = None  # a stage id: asked up to and including its deadline


class SumOver(Strict):
    """Asked only when the numeric answers `parts` add up to more than the answer `limit`."""

    parts: list[str] = Field(min_length=1)
    limit: str


class Step(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$", max_length=24)
    type: StepType
    label: Text  # short name in the summary: "Investment", "投资额"
    prompt: Text
    hint: Text | None = None
    options: list[Option] = []
    # the options are the notice's own list first (notice.yaml, written once), then `options`
    options_from: Literal["jurisdictions"] | None = None
    # asked only when every named earlier answer is one of the listed values
    when: dict[str, list[str]] = {}
    # asked only on some days (relative to the notice's deadlines)
    during: During | None = None
    # asked only when some amounts add up to more than another (figures to confirm)
    when_sum_over: SumOver | None = None
    # offers "not sure" (an unknown answer, which sends the result to a person)
    allow_unsure: bool = False
    # bounds for amount / integer / date answers
    min: float | None = None
    max: float | None = None
    min_date: dt.date | None = None
    max_date: dt.date | None = None
    # a date typed without a year takes the year that puts it in this window, and is echoed back;
    # a name is the window of that eligibility criterion of the notice (its construction window)
    year_window: tuple[dt.date, dt.date] | str | None = None
    allow_zero: bool = True
    max_length: int = Field(default=100, ge=1, le=1000)

    @model_validator(mode="after")
    def _options_match_type(self) -> Step:
        if self.type == "choice" and len(self.options) < 2 and self.options_from is None:
            raise ValueError("a choice step needs at least two options")
        # an amount step may offer answers that are not amounts ("applied for, not yet granted")
        if self.type not in ("choice", "amount") and (self.options or self.options_from):
            raise ValueError(f"a {self.type} step takes no options")
        return self

    @property
    def window(self) -> tuple[dt.date, dt.date] | None:
        """The year window once the notice's reference is resolved (see `with_notice`)."""
        return self.year_window if isinstance(self.year_window, tuple) else None


class Flow(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Text
    intro: Text
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_are_known(self) -> Flow:
        seen: dict[str, Step] = {}
        for step in self.steps:
            if step.id in seen:
                raise ValueError(f"duplicate step id {step.id!r}")
            for answer, values in step.when.items():
                earlier = seen.get(answer)
                if earlier is None:
                    raise ValueError(
                        f"step {step.id!r}: 'when' names {answer!r}, which is not an earlier step"
                    )
                if earlier.type == "choice":
                    known = {o.value for o in earlier.options}
                    unknown = set(values) - known - _values_set_by_options(self.steps, answer)
                    if unknown:
                        raise ValueError(
                            f"step {step.id!r}: 'when' {answer} has unknown values {sorted(unknown)}"
                        )
            if step.when_sum_over is not None:
                for answer in [*step.when_sum_over.parts, step.when_sum_over.limit]:
                    if answer not in seen:
                        raise ValueError(
                            f"step {step.id!r}: 'when_sum_over' names {answer!r}, not an earlier step"
                        )
            for option in step.options:
                for answer in [*option.set, *option.redo]:
                    if answer not in {s.id for s in self.steps}:
                        raise ValueError(
                            f"step {step.id!r}: option {option.value!r} sets unknown step {answer!r}"
                        )
            seen[step.id] = step
        return self

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)


def _values_set_by_options(steps: list[Step], answer: str) -> set[str]:
    return {o.set[answer] for s in steps for o in s.options if answer in o.set}


def load_flow(name: str, flows_dir: Path, notice: Notice | None = None) -> Flow:
    """One flow by name (flows/<name>.yaml), with the notice's facts it refers to filled in when
    the notice is given; KnowledgeError names file and field on a problem."""
    path = flows_dir / f"{name}.yaml"
    flow = load_model(path, Flow)
    if notice is None:
        return flow
    problems = references(flow, notice)
    if problems:
        raise KnowledgeError([f"{path}: {p}" for p in problems])
    return with_notice(flow, notice)


def references(flow: Flow, notice: Notice) -> list[str]:
    """What the flow names in the notice and the notice does not have."""
    windows = {c.id for c in notice.eligibility if c.window is not None}
    return [
        f"steps[{i}](id={step.id}).year_window: no eligibility criterion {step.year_window!r} with a "
        f"window in notice.yaml (criteria with one: {', '.join(sorted(windows)) or 'none'})"
        for i, step in enumerate(flow.steps)
        if isinstance(step.year_window, str) and step.year_window not in windows
    ]


def with_notice(flow: Flow, notice: Notice) -> Flow:
    """The flow with the notice's own lists and dates in place of the names that refer to them."""
    steps = []
    for step in flow.steps:
        update: dict[str, object] = {}
        if step.options_from == "jurisdictions":
            own = [Option(value=j.id, label=j.name) for j in notice.jurisdictions]
            update |= {"options": [*own, *step.options], "options_from": None}
        if isinstance(step.year_window, str):
            window = next(c.window for c in notice.eligibility if c.id == step.year_window)
            update["year_window"] = window
        steps.append(step.model_copy(update=update) if update else step)
    return flow.model_copy(update={"steps": steps})
