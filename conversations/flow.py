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

from knowledge.loader import load_model
from knowledge.schema import Strict, Text

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
    # a date typed without a year takes the year that puts it in this window, and is echoed back
    year_window: tuple[dt.date, dt.date] | None = None
    allow_zero: bool = True
    max_length: int = Field(default=100, ge=1, le=1000)

    @model_validator(mode="after")
    def _options_match_type(self) -> Step:
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError("a choice step needs at least two options")
        # an amount step may offer answers that are not amounts ("applied for, not yet granted")
        if self.type not in ("choice", "amount") and self.options:
            raise ValueError(f"a {self.type} step takes no options")
        return self


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


def load_flow(name: str, flows_dir: Path) -> Flow:
    """One flow by name (flows/<name>.yaml); KnowledgeError names file and field on a problem."""
    return load_model(flows_dir / f"{name}.yaml", Flow)
