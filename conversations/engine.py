"""One small engine that runs any flow: ask, validate, store, go back, edit, cancel, finish.

The engine is pure: `step(session, event)` changes the session and returns what to say. The
caller stores the session after every step, so an answer is never lost to a restart.
Answers are kept JSON-ready: amounts as decimal strings, dates as ISO strings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from conversations import actions as act
from conversations import parsers
from conversations.flow import Flow, Step
from conversations.markup import bold, escape
from conversations.reply import Button, Keyboard, Reply, rows
from conversations.texts import Texts
from knowledge.normalize import simplify

UNSURE = "unsure"
# typed words that mean "not sure" on an amount or date step that allows it
UNSURE_WORDS = frozenset(
    {"不确定", "不知道", "不清楚", "说不准", "不好说", "not sure", "unsure", "don't know", "dunno"}
)


@dataclass
class Session:
    flow_id: str
    owner: str = ""  # the key of the user whose answers these are
    answers: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # what the user typed, as typed
    current: str | None = None
    finished: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        return cls(
            flow_id=str(data["flow_id"]),
            owner=str(data.get("owner", "")),
            answers=dict(data.get("answers", {})),
            raw=dict(data.get("raw", {})),
            current=data.get("current"),
            finished=bool(data.get("finished", False)),
        )


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Tap:
    """A tapped button of the flow: its action, or its data as a channel received it."""

    data: str | act.Action

    @property
    def action(self) -> act.Action:
        return act.decode(self.data) if isinstance(self.data, str) else self.data


Event = Text | Tap
# renders the finished flow's result (the eligibility report for the check)
Finisher = Callable[[Session, Texts], Reply]


class FlowEngine:
    def __init__(
        self,
        flow: Flow,
        finish: Finisher,
        today: Callable[[], dt.date],
        deadlines: Mapping[str, dt.date] | None = None,
    ) -> None:
        self.flow = flow
        self.finish = finish
        self.today = today
        # stage id -> deadline, for steps asked only on some days
        self.deadlines = dict(deadlines or {})

    # which steps apply ------------------------------------------------------------------------
    def applies(self, step: Step, answers: dict[str, Any]) -> bool:
        if not all(answers.get(name) in values for name, values in step.when.items()):
            return False
        if step.during is not None and not self._in_period(step.during.after, step.during.until):
            return False
        if step.when_sum_over is not None:
            total = sum((_number(answers.get(p)) or Decimal(0) for p in step.when_sum_over.parts), Decimal(0))
            limit = _number(answers.get(step.when_sum_over.limit))
            return limit is not None and total > limit
        return True

    def _in_period(self, after: str | None, until: str | None) -> bool:
        """Today is past `after`'s deadline and not past `until`'s (a deadline day still counts)."""
        today = self.today()
        if after is not None and (after not in self.deadlines or today <= self.deadlines[after]):
            return False
        return until is None or (until in self.deadlines and today <= self.deadlines[until])

    def applicable_steps(self, session: Session) -> list[Step]:
        return [s for s in self.flow.steps if self.applies(s, session.answers)]

    def relevant_answers(self, session: Session) -> dict[str, Any]:
        """Answers of the steps that apply now (an answer left from another path is ignored)."""
        return {
            s.id: session.answers[s.id] for s in self.applicable_steps(session) if s.id in session.answers
        }

    def next_step(self, session: Session) -> Step | None:
        return next((s for s in self.applicable_steps(session) if s.id not in session.answers), None)

    # starting ---------------------------------------------------------------------------------
    def start(self, tx: Texts, owner: str = "") -> tuple[Session, Reply]:
        session = Session(self.flow.id, owner)
        first = self.next_step(session)
        assert first is not None
        session.current = first.id
        intro = escape(self.flow.intro.get(tx.lang))
        return session, self._ask(session, first, tx, lead=intro)

    def resume(self, session: Session, tx: Texts) -> Reply:
        """Where the user left off: the current question again, or the result."""
        if session.finished or session.current is None:
            return self.finish(session, tx)
        return self._ask(session, self.flow.step(session.current), tx, lead=escape(tx.t("flow.resumed")))

    # one event --------------------------------------------------------------------------------
    def step(self, session: Session, event: Event, tx: Texts) -> Reply:
        if isinstance(event, Tap):
            return self._tap(session, event.action, tx)
        if session.finished or session.current is None:
            return self.finish(session, tx)
        step = self.flow.step(session.current)
        try:
            value = self.parse(step, event.text, session)
        except parsers.ParseError as err:
            message = tx.t(f"parse.{err.code}", **err.params)
            return self._ask(session, step, tx, lead=f"⚠️ {escape(message)}")
        return self._record(session, step, value, tx, raw=event.text)

    def _tap(self, session: Session, action: act.Action, tx: Texts) -> Reply:
        match action:
            case act.Do.FLOW_BACK:
                return self._back(session, tx)
            case act.Do.FLOW_SUMMARY:
                return self._summary(session, tx)
            case act.FlowEdit(step) if any(s.id == step for s in self.applicable_steps(session)):
                session.current, session.finished = step, False
                return self._ask(session, self.flow.step(step), tx)
            case act.Do.FLOW_RESULT:
                return self._continue(session, tx)
            case act.FlowAnswer():
                return self._answer_button(session, action, tx)
        # a button from an old message: show where we are now
        return self.resume(session, tx)

    def _answer_button(self, session: Session, answer: act.FlowAnswer, tx: Texts) -> Reply:
        """An answer button names its question, so a tap on an earlier question's button (a
        double tap, an update delivered again) is never taken as the answer to the current one:
        it changes that earlier answer, or repeats it and changes nothing."""
        value = answer.value
        step_id = answer.step or session.current or ""  # buttons sent before they named their step
        applicable = {s.id for s in self.applicable_steps(session)}
        if step_id not in applicable or value not in self._button_values(self.flow.step(step_id)):
            return self.resume(session, tx)
        if step_id != session.current and session.answers.get(step_id) == value:
            return self.resume(session, tx)
        return self._record(session, self.flow.step(step_id), value, tx, raw=value)

    def _record(self, session: Session, step: Step, value: Any, tx: Texts, raw: str) -> Reply:
        self._set(session, step.id, value)
        session.raw[step.id] = raw
        option = next((o for o in step.options if o.value == value), None)
        for name, given in (option.set if option else {}).items():
            self._set(session, name, given, keep=step.id)
        if option is not None and option.redo:  # ask these again, and this question after them
            for name in [*option.redo, step.id]:
                session.answers.pop(name, None)
        return self._continue(session, tx, lead=self._echo(step, value, raw, tx))

    def _echo(self, step: Step, value: Any, raw: str, tx: Texts) -> str:
        """A date typed without a year is read back with the year taken, so the user can check it."""
        if step.type != "date" or step.window is None or value == UNSURE:
            return ""
        if not _without_year(raw):
            return ""
        shown = tx.date(dt.date.fromisoformat(value))
        return escape(tx.t("flow.date_year_taken", typed=raw.strip(), date=shown))

    def _set(self, session: Session, name: str, value: Any, keep: str = "") -> None:
        """Store an answer; a changed answer drops the answers of steps that depended on it (their
        question may now read differently, or not apply), except `keep`."""
        changed = session.answers.get(name) != value
        session.answers[name] = value
        if changed:
            for dependent in self.flow.steps:
                if dependent.id == keep or dependent.id not in session.answers:
                    continue
                sums = dependent.when_sum_over
                if name in dependent.when or (sums is not None and name in [*sums.parts, sums.limit]):
                    del session.answers[dependent.id]

    def _continue(self, session: Session, tx: Texts, lead: str = "") -> Reply:
        """The first question still unanswered, or the result when there is none."""
        following = self.next_step(session)
        if following is None:
            session.current, session.finished = None, True
            result = self.finish(session, tx)
            return Reply(f"{lead}\n\n{result.text}", result.buttons, result.edit) if lead else result
        session.current, session.finished = following.id, False
        return self._ask(session, following, tx, lead=lead)

    def _previous(self, session: Session, step_id: str | None) -> Step | None:
        applicable = self.applicable_steps(session)
        ids = [s.id for s in applicable]
        if step_id not in ids:
            return None
        index = ids.index(step_id)
        return applicable[index - 1] if index > 0 else None

    def _back(self, session: Session, tx: Texts) -> Reply:
        """The question before the current one, its answer shown and kept until a new one is given."""
        if session.current is None:  # from the result: the last question
            previous: Step | None = self.applicable_steps(session)[-1]
        else:
            previous = self._previous(session, session.current)
        if previous is None:
            return self.resume(session, tx)
        session.current, session.finished = previous.id, False
        return self._ask(session, previous, tx)

    # parsing ----------------------------------------------------------------------------------
    def parse(self, step: Step, text: str, session: Session) -> Any:
        """A typed answer as the value the step stores; ParseError when it cannot be understood."""
        if step.type == "text":
            return parsers.parse_text(text, max_len=step.max_length)
        cleaned = parsers.parse_text(text, max_len=200)  # no other answer is longer: refuse early
        if step.allow_unsure and simplify(cleaned).strip(" .!?。！？") in UNSURE_WORDS:
            return UNSURE
        if step.type == "choice":
            return self._match_option(step, cleaned)
        if step.type == "yes_no":
            return parsers.parse_yes_no(cleaned)
        if step.type == "amount":
            special = self._match_special(step, cleaned)
            if special is not None:
                return special
            amount = parsers.parse_amount(
                cleaned, allow_zero=step.allow_zero, max_yuan=int(step.max or 10**11)
            )
            return str(amount)
        if step.type == "date":
            year = self.today().year
            if step.window is not None and _without_year(cleaned):
                year = _year_in_window(cleaned, step.window)
            day = parsers.parse_date(
                cleaned, default_year=year, min_date=step.min_date, max_date=step.max_date
            )
            return day.isoformat()
        if step.type == "integer":
            return parsers.parse_int(cleaned, min_value=int(step.min or 0), max_value=int(step.max or 1000))
        return parsers.parse_phone(cleaned)

    def _match_special(self, step: Step, text: str) -> str | None:
        """A typed non-amount answer of an amount step: an option's label or alias, exactly."""
        wanted = simplify(text).strip(" .。")
        for option in step.options:
            names = (option.label.zh, option.label.en, *option.aliases)
            if wanted in {simplify(n) for n in names}:
                return option.value
        return None

    def _match_option(self, step: Step, text: str) -> str:
        """A typed choice: its number, or a label (either language) it names or contains."""
        wanted = simplify(text).strip(" .。")
        if wanted.isdigit() and 1 <= int(wanted) <= len(step.options):
            return step.options[int(wanted) - 1].value
        exact = [
            o
            for o in step.options
            if wanted in (simplify(o.label.zh), simplify(o.label.en), *(simplify(a) for a in o.aliases))
        ]
        if exact:
            return exact[0].value
        partial = [
            o
            for o in step.options
            if len(wanted) >= 2
            and (
                wanted in simplify(o.label.zh)
                or wanted in simplify(o.label.en)
                or simplify(o.label.zh) in wanted
            )
        ]
        if len(partial) == 1:
            return partial[0].value
        raise parsers.ParseError("choice.invalid")

    # saying it --------------------------------------------------------------------------------
    def _button_values(self, step: Step) -> list[str]:
        if step.type == "choice":
            return [o.value for o in step.options]
        if step.type == "yes_no":
            return ["yes", "no", UNSURE]
        return [o.value for o in step.options] + ([UNSURE] if step.allow_unsure else [])

    def _ask(self, session: Session, step: Step, tx: Texts, lead: str = "") -> Reply:
        applicable = self.applicable_steps(session)
        number = next((i for i, s in enumerate(applicable, 1) if s.id == step.id), len(applicable))
        progress = escape(tx.t("flow.progress", number=number, total=len(applicable)))
        parts = [lead] if lead else []
        prompt = self._fill(step.prompt.get(tx.lang), session, tx)
        parts.append(f"<i>{progress}</i>\n<b>{escape(prompt)}</b>")
        if step.hint:
            parts.append(escape(step.hint.get(tx.lang)))
        if step.id in session.answers:
            shown = self.display(step, session.answers[step.id], tx)
            parts.append(escape(tx.t("flow.current_answer", answer=shown)))
        typed = step.type not in ("choice", "yes_no")
        return Reply("\n\n".join(parts), self._keyboard(step, session, tx), expects_text=typed)

    def _keyboard(self, step: Step, session: Session, tx: Texts) -> Keyboard:
        buttons: list[Button] = []
        if step.type == "choice":
            buttons = [Button(o.label.get(tx.lang), act.FlowAnswer(step.id, o.value)) for o in step.options]
        elif step.type == "yes_no":
            buttons = [
                Button(tx.t("answer.yes"), act.FlowAnswer(step.id, "yes")),
                Button(tx.t("answer.no"), act.FlowAnswer(step.id, "no")),
                Button(tx.t("answer.unsure"), act.FlowAnswer(step.id, UNSURE)),
            ]
        else:
            buttons = [Button(o.label.get(tx.lang), act.FlowAnswer(step.id, o.value)) for o in step.options]
            if step.allow_unsure:
                buttons.append(Button(tx.t("answer.unsure"), act.FlowAnswer(step.id, UNSURE)))
        per_row = 3 if step.type == "yes_no" else (1 if any(len(b.label) > 12 for b in buttons) else 2)
        has_previous = self._previous(session, step.id) is not None
        navigation = [Button(tx.t("flow.back"), act.Do.FLOW_BACK)] if has_previous else []
        navigation.append(Button(tx.t("flow.cancel"), act.Do.FLOW_CANCEL))
        return (*rows(*buttons, per_row=per_row), tuple(navigation))

    def _fill(self, prompt: str, session: Session, tx: Texts) -> str:
        """A prompt naming earlier answers ("{investment}") reads them back."""

        def answer(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in session.answers or not any(s.id == name for s in self.flow.steps):
                return match.group(0)
            return self.display(self.flow.step(name), session.answers[name], tx)

        return re.sub(r"\{([a-z0-9_]+)\}", answer, prompt)

    def display(self, step: Step, value: Any, tx: Texts) -> str:
        """An answer as the user reads it back."""
        if value == UNSURE:
            return tx.t("answer.unsure")
        if step.type == "choice" or any(o.value == value for o in step.options):
            option = next((o for o in step.options if o.value == value), None)
            return option.label.get(tx.lang) if option else str(value)
        if step.type == "yes_no":
            return tx.t(f"answer.{value}")
        if step.type == "amount":
            return tx.money(Decimal(value))
        if step.type == "date":
            return tx.date(dt.date.fromisoformat(value))
        return str(value)

    def _summary(self, session: Session, tx: Texts) -> Reply:
        """Every answer with a button to change it."""
        lines = [bold(tx.t("flow.summary"))]
        buttons = []
        for step in self.applicable_steps(session):
            if step.id not in session.answers:
                continue
            shown = self.display(step, session.answers[step.id], tx)
            lines.append(f"• {escape(step.label.get(tx.lang))}: {escape(shown)}")
            buttons.append(
                Button(tx.t("flow.edit_one", label=step.label.get(tx.lang)), act.FlowEdit(step.id))
            )
        keyboard = (*rows(*buttons), (Button(tx.t("flow.see_result"), act.Do.FLOW_RESULT),))
        return Reply("\n".join(lines), keyboard)


def _number(value: Any) -> Decimal | None:
    """An amount answer as a number; None for "not sure", an option or no answer."""
    try:
        return Decimal(str(value)) if value is not None else None
    except ArithmeticError:
        return None


def _without_year(text: str) -> bool:
    """A typed date that names no year ("5月20日", "May 20"): it reads differently in two years."""
    try:
        first = parsers.parse_date(text, default_year=2000)
        return first != parsers.parse_date(text, default_year=2001)
    except parsers.ParseError:
        return False


def _year_in_window(text: str, window: tuple[dt.date, dt.date]) -> int:
    """The year that puts a year-less date inside the window, else the window's nearest year."""
    start, end = window
    for year in range(start.year, end.year + 1):
        try:
            day = parsers.parse_date(text, default_year=year)
        except parsers.ParseError:
            continue
        if start <= day <= end:
            return year
    try:
        after_end = parsers.parse_date(text, default_year=end.year) > end
    except parsers.ParseError:
        return end.year
    return end.year if after_end else start.year
