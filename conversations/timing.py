"""The dates a firm says it will hand a stage in (7月5号交入库材料, submit the registration on
July 12), judged against that stage's deadline: ahead of it, on the day, or late, and by how many
days. A deadline restated (8月26日前交，对吗) or another stage's deadline offered for this one
(入库是8月26号截止吧) is a claim about the deadline, not a day chosen: Premises checks those.
"""

from __future__ import annotations

import datetime as dt
import re

from conversations.shape import NoticeShape
from conversations.today import format_day
from conversations.understanding import DEADLINE_SAID, IN_TIME, Reader, Understanding
from knowledge.answers import clause_label, reply_text
from knowledge.figures import read_dates, read_periods, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.schema import Entry, Lang, Stage

# handing a stage in: 交, 报, submit, send (the date of that act is what is judged)
HAND_IN = re.compile(
    r"交(?!流|通|易|互|叉|付|税)|(?<!申)报|递交|报送|送到|送去|送过去"
    r"|还(?:会|能|可以)?收|收不收|收唔收|准备好"  # 7月10日才准备好入库材料，县里还收吗: handed in then
    r"|填(?=[^，,。？?！!]{0,3}?(?:什么|啥|哪))"  # 七月八号之前要填哪两个东西: the forms filled in to hand in
    r"|submit|hand(?:ed)? in|\bfile\b|lodge|\bsen(?:d|t|ding)\b|\bdeliver"
    r"|\bon (?=\d{1,2}(?:st|nd|rd|th)? [a-z]{3}|[a-z]{3,9}\.? \d{1,2}\b)",  # entry on 5 July: the stage's day
    re.IGNORECASE,
)
# 我们的时间表, our internal timeline: the days listed are the firm's own plan, each judged (入库
# 7月31日前 in a plan is the day it means to be done by, not the notice's deadline restated)
PLAN_SAID = re.compile(r"时间表|时间安排|排期|计划表|进度表|\btimeline\b|\bschedule\b", re.IGNORECASE)
# 8月26号交的是什么: what is handed in then, asked (the day names its stage; no hand-in to judge)
ASKS_WHAT = re.compile(r"什么|啥|哪些|哪几|\bwhat\b", re.IGNORECASE)
# 8月26日前交: a date said as the deadline itself (a claim about it), not the day of the hand-in
BY_THE_DAY = re.compile(
    r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(?:之前|以前|前)|\bby (?:[a-z]+ \d{1,2}|\d{1,2} [a-z]+)"
)
# 7月8号之后还能补交吗, 过了八月廿六号: the days after a date, asked of (no day chosen to judge; the
# stage's deadline answers it)
AFTER_THE_DAY = re.compile(
    r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(?:之后|以后|过后|后(?![天日]))"
    r"|过了\s*(\d{1,2})\s*月\s*(\d{1,2})"
    r"|\bafter (?:[a-z]+ (\d{1,2})|(\d{1,2}) [a-z]+)\b",
    re.IGNORECASE,
)
JUST_A_DAY = re.compile(
    r"(?:比如|例如|大概|大约|估计|就|是|on)?\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?(?:左右|前后)?"
)
# a date of the project itself, not of a hand-in: 8月20日建成, went live on, passed acceptance
OF_THE_PROJECT = re.compile(
    r"建成|完成|完工|上线|投产|投用|开工|通过|批|complet|went live|go-live|finish|passed|approved",
    re.IGNORECASE,
)


class Timing:
    def __init__(self, kb: KnowledgeBase, shape: NoticeShape, reader: Reader) -> None:
        self.kb = kb
        self.shape = shape
        self.reader = reader

    def judged(self, understood: Understanding, lang: Lang) -> tuple[str, list[Entry]]:
        """Each date said beside a stage, in a message that asks, against that stage's deadline;
        and the entries of the stages judged (their deadlines' own answers)."""
        planned_list = PLAN_SAID.search(understood.text) is not None
        said = HAND_IN.search(understood.text) or IN_TIME.search(understood.text) or planned_list
        if not said or not any(self.reader.is_question(c) for c in understood.clauses):
            return "", []  # no hand-in said (most messages: the cheap test first), or nothing asked
        stage_ids = set(self.shape.stages)
        named = understood.topic_ids(stage_ids)
        only = named[0] if len(set(named)) == 1 else None
        lines: list[str] = []
        judged: list[str] = []
        claimed = understood.claimed_dates()
        for clause in understood.clauses:
            dates = read_dates(clause)
            periods = read_periods(clause)  # 七月中旬交: a part of a month, judged as a whole
            own = self.reader.topic_ids(clause, stage_ids)
            # a day in a clause naming no stage is the named stage's only when it is handed in
            # then (7月6号交), asked of (7月6号来得及吗) or is all the clause says (比如七月六号),
            # not 8月1日开会
            said_alone = (
                HAND_IN.search(clause)
                or IN_TIME.search(clause)
                or JUST_A_DAY.fullmatch(to_arabic(clause).strip())
                or planned_list
            )
            ids = own or ([only] if only and said_alone else [])
            if not ids and not named and said_alone:
                ids = self._due_on(dates)  # 7月8号下午才交到区工信局: the stage due that very day
            stage = self.shape.stages[ids[0]] if ids else None
            if stage is None or stage.deadline is None or OF_THE_PROJECT.search(clause):
                continue
            if not (dates or periods):
                continue
            if self.shape.deadline_intents & set(self.reader.intents_of(clause)):
                # 入库申报7月8日截止，对吧: a deadline stated, not a day chosen; is mid-July (or
                # July 5) too late to submit asks of a time chosen, 七月中旬截止吧 states one
                said_as_deadline = DEADLINE_SAID.search(clause) is not None
                dates = [] if said_as_deadline or not IN_TIME.search(clause) else dates
                periods = [] if said_as_deadline else periods
            by = {
                (int(m.group(1)), int(m.group(2)))
                for m in BY_THE_DAY.finditer(to_arabic(clause))
                if m.group(1)
            }
            after = _days_after(to_arabic(clause), dates)
            asks_what = not own and ASKS_WHAT.search(clause) is not None
            for year, month, day in dates:
                if (month, day) in by and not (planned_list and not self._due_that_day(month, day)):
                    continue  # 8月26日前交，对吗: the deadline restated, not a day chosen
                if (month, day) in after:
                    continue  # 7月8号之后还能交吗: the days after it, no day chosen
                if asks_what and self._anothers_deadline(stage, month, day):
                    continue  # 7月8号交申报书，那8月26号交的是什么: that other stage's day, asked of
                if self._anothers_deadline(stage, month, day) and (year, month, day) in claimed:
                    continue  # 入库是8月26号截止吧: a claim about a deadline, Premises answers it
                try:
                    planned = dt.date(year or stage.deadline.year, month, day)
                except ValueError:
                    continue  # 2月30号: no such day
                lines.append(self._line(planned, stage, lang))
                judged.append(stage.id)
            for year, month, first, last in periods:
                said_year = year or stage.deadline.year
                span = (dt.date(said_year, month, first), dt.date(said_year, month, last))
                lines.append(self._period_line(span, stage, lang))
                judged.append(stage.id)
        stages = [self.shape.stages[i] for i in dict.fromkeys(judged)]
        entries = [e for s in stages if (e := self.shape.entry_for_clause.get(s.clause))]
        return "\n".join(dict.fromkeys(lines)), entries

    def _due_on(self, dates: list[tuple[int | None, int, int]]) -> list[str]:
        """The one stage whose deadline falls on a day said (in any year when none is said)."""
        due = {
            s.id
            for s in self.shape.stages.values()
            for year, month, day in dates
            if s.deadline is not None
            and (s.deadline.month, s.deadline.day) == (month, day)
            and year in (None, s.deadline.year)
        }
        return list(due) if len(due) == 1 else []

    def _due_that_day(self, month: int, day: int) -> set[str]:
        """The stages whose deadline falls on a month and day, in any year."""
        return {
            s.id
            for s in self.shape.stages.values()
            if s.deadline and (s.deadline.month, s.deadline.day) == (month, day)
        }

    def _anothers_deadline(self, stage: Stage, month: int, day: int) -> bool:
        return bool(self._due_that_day(month, day) - {stage.id})

    def _period_line(self, span: tuple[dt.date, dt.date], stage: Stage, lang: Lang) -> str:
        """七月中旬交入库: in time if the whole part of the month is before the deadline, late if
        it is all after, and in time only up to the deadline if the deadline falls within it."""
        assert stage.deadline is not None
        first, last = span
        key = (
            "timing_period_early"
            if last <= stage.deadline
            else "timing_period_late"
            if first > stage.deadline
            else "timing_period_straddles"
        )
        return reply_text(
            self.kb,
            key,
            lang,
            first=format_day(first, lang),
            last=format_day(last, lang),
            stage=stage.name.get(lang),
            deadline=format_day(stage.deadline, lang),
            clause=clause_label(self.kb, stage.clause, lang),
        )

    def _line(self, planned: dt.date, stage: Stage, lang: Lang) -> str:
        assert stage.deadline is not None
        days = (stage.deadline - planned).days
        key = "timing_early" if days > 0 else "timing_on_the_day" if days == 0 else "timing_late"
        return reply_text(
            self.kb,
            key,
            lang,
            date=format_day(planned, lang),
            stage=stage.name.get(lang),
            deadline=format_day(stage.deadline, lang),
            days=str(abs(days)) if lang == "zh" else f"{abs(days)} day{'' if abs(days) == 1 else 's'}",
            clause=clause_label(self.kb, stage.clause, lang),
        )


def _days_after(clause: str, dates: list[tuple[int | None, int, int]]) -> set[tuple[int, int]]:
    """The (month, day) of each date the clause says the days after (7月8号之后, 过了8月26号; in
    English, after July 8: the day's month read from the dates said)."""
    after: set[tuple[int, int]] = set()
    for m in AFTER_THE_DAY.finditer(clause):
        if m.group(1) or m.group(3):
            month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            after.add((int(month), int(day)))
        else:
            day = int(m.group(5) or m.group(6))
            after |= {(mo, d) for _, mo, d in dates if d == day}
    return after
