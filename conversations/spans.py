"""How long between two dates a message names: the notice's own (its date, a stage's deadline) or
the user's (我们6月20日才看到通知，离入库截止还有几天), worked out and each date's clause cited."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from babel.units import format_unit

from conversations.today import format_day
from conversations.understanding import Topic, Understanding
from knowledge.answers import clause_label, reply_text
from knowledge.figures import read_dates, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.schema import Lang

NOTICE_DATE_CLAUSE = "落款"  # the notice's own date is cited from its signature block
DEADLINE_AFTER = 5  # characters after a stage's word that hold 截止 when it is the deadline named
CHECK_AFTER = 10  # characters after a counted number of days that hold the ask to check it
MOST_SPANS = 3  # 今天6月26日，到入库截止还有几天？到8月26日呢: a span to each date, up to three
NOTICE_LIMITS = ("date_span_deadline", "date_window_end", "date_window_start")
WEEKS_ASKED = re.compile(
    r"几周|多少周|几个星期|多少个星期|几个礼拜|\d+\s*(?:个星期|周)|\bweeks\b", re.IGNORECASE
)
MONTHS_ASKED = re.compile(r"几个月|多少个月|\d+\s*个月|\bmonths\b", re.IGNORECASE)
BOTH_ENDS = re.compile(r"头尾|首尾|两头|两端|含当天|\binclusive\b|\bboth (?:end|day)s?\b", re.IGNORECASE)
WINDOW_END = re.compile(
    r"\s*(?:的)?(?:最后一天|最后1天|最后期限|结束|终点|最后|\s*ends?\b|\s*last day|\s*closes)", re.IGNORECASE
)
WINDOW_START = re.compile(
    r"[^，,。？?]{0,6}?(?:开始|起始|起点|第一天|第1天|头一天|头1天|首日|\s*start|\s*begin|\s*opens)",
    re.IGNORECASE,
)
DAYS_COUNTED = re.compile(r"(?<![\d月/.])\d+\s*(?:天|周|个星期|个月|days?\b|weeks?\b|months?\b)")


@dataclass(frozen=True)
class NamedDate:
    day: dt.date
    at: int  # where the message names it: the span runs from the first named to the next
    name: str  # reply name of its label: the notice's date, a stage's deadline, the user's date
    stage: str = ""  # the stage whose deadline it is
    clause: str = ""  # the notice's clause that states it; none for the user's own date


class Spans:
    """Built once from the pack: the words asking a span, and those naming the notice's date."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        lexicon = kb.lexicon
        # numerals as the message is read (够不够两个月 is met as 够不够2个月)
        self.span_words = [to_arabic(w) for w in lexicon.span_words if w]
        self.span_checks = [simplify(w) for w in lexicon.span_checks if w]
        self.issue_words = [simplify(w) for w in lexicon.issue_words if w]
        self.meaning_words = [simplify(w) for w in lexicon.date_meaning_words if w]
        self.deadline_words = [simplify(w) for w in lexicon.deadline_intents if w]
        # 建设期截止: a window's topic (an entry citing the criterion that sets it) names its end
        windows = {c.clause: c.window for c in kb.notice.eligibility if c.window is not None}
        self.window_ends = {
            e.id: (windows[e.clause][1], e.clause) for e in kb.faq.entries if e.clause in windows
        }
        self.window_starts = {
            e.id: (windows[e.clause][0], e.clause) for e in kb.faq.entries if e.clause in windows
        }
        self.events = self._notice_events()

    def asks(self, understood: Understanding) -> bool:
        return any(w in understood.simplified for w in self.span_words) or self._checks_a_count(
            understood.simplified
        )

    def _checks_a_count(self, text: str) -> bool:
        """算下来一共就87天？ 还剩6天buffer对吧: a number of days the user counted, to be checked."""
        arabic = to_arabic(text)
        for counted in DAYS_COUNTED.finditer(arabic):
            after = arabic[counted.end() : counted.end() + CHECK_AFTER]
            if "?" in after or any(w in after for w in self.span_checks):  # ？ is ? once simplified
                return True
        return False

    def worked(self, understood: Understanding, lang: Lang, today_said: dt.date | None = None) -> str:
        """ "From … to … is N days", when the message asks a span between two dates it names; from
        the day it says is today (Today is 1 July: how many days left for 入库) to each other date
        it names; the construction window's own length when only the window is named. In weeks
        or months too when asked, and counting both end days when asked."""
        if not self.asks(understood):
            return ""
        named = self.named(understood)
        if today_said is not None:  # the span runs from the user's today to each other date
            yours = NamedDate(today_said, -1, "date_span_yours")
            pairs = [(yours, d) for d in named if d.day != today_said][:MOST_SPANS]
        else:
            pairs = self._pair(named, understood)
        if not pairs:
            return ""  # one date: the deadline notes count from today
        lines: list[str] = []
        clauses: list[str] = []
        for pair in pairs:
            first, second = sorted(pair, key=lambda d: d.day)
            days = abs((second.day - first.day).days)
            lines.append(
                reply_text(
                    self.kb,
                    "date_span",
                    lang,
                    first=format_day(first.day, lang),
                    first_name=self.label(first, lang),
                    second=format_day(second.day, lang),
                    second_name=self.label(second, lang),
                    days=str(days),
                )
            )
            lines += self._in_other_units(understood.simplified, first.day, second.day, lang)
            clauses += [d.clause for d in (first, second) if d.clause]
        sources = dict.fromkeys(clauses)
        lines += [reply_text(self.kb, "source", lang, clause=clause_label(self.kb, c, lang)) for c in sources]
        return "\n".join(lines)

    def _pair(self, named: list[NamedDate], understood: Understanding) -> list[tuple[NamedDate, NamedDate]]:
        """The two dates a span runs between: the first two named; of three or more, the last of
        the user's (or the notice's own) dates and the first deadline not passed on it (6月10日
        发文，县里6月17日才转来，到入库截止还剩几天); the construction window alone: its two ends."""
        if len(named) < 2:
            window = [t for t in understood.topics if t.id in self.window_starts]
            if not window or named:
                return []
            start, clause = self.window_starts[window[0].id]
            end, _ = self.window_ends[window[0].id]
            at = window[0].at
            return [
                (
                    NamedDate(start, at, "date_window_start", clause=clause),
                    NamedDate(end, at, "date_window_end", clause=clause),
                )
            ]
        deadlines = [d for d in named if d.name in NOTICE_LIMITS]
        sources = [d for d in named if d not in deadlines]
        if len(named) > 2 and deadlines and sources:
            # 7月9号才想起来，入库刚过，验收申请还剩几天: from the last date said of the user's own to
            # the first deadline not yet passed on it
            source = sources[-1]
            target = next((d for d in deadlines if d.day >= source.day), deadlines[0])
            return [(source, target)]
        return [(named[0], named[1])]

    def _in_other_units(self, text: str, first: dt.date, second: dt.date, lang: Lang) -> list[str]:
        """几周, 几个月, 头尾都算: the span again in weeks, in months and days, or counting both ends."""
        days = (second - first).days
        lines: list[str] = []
        if WEEKS_ASKED.search(text):
            weeks, days_over = _counted(days // 7, "week", lang), _counted(days % 7, "day", lang)
            lines.append(reply_text(self.kb, "span_weeks", lang, weeks=weeks, rest=days_over))
        if MONTHS_ASKED.search(text):
            months, rest = _months_and_days(first, second)
            in_months, days_over = _counted(months, "month", lang), _counted(rest, "day", lang)
            lines.append(reply_text(self.kb, "span_months", lang, months=in_months, rest=days_over))
        if BOTH_ENDS.search(text):
            lines.append(reply_text(self.kb, "span_both_ends", lang, days=str(days + 1)))
        return lines

    def meaning(self, understood: Understanding, lang: Lang) -> str:
        """ "6月10日是通知落款日期", when the message asks what a date it names is: every event the
        notice puts on that day, each with its clause."""
        if not any(w in understood.simplified for w in self.meaning_words):
            return ""
        lines: list[str] = []
        clauses: list[str] = []
        for year, month, day in dict.fromkeys(read_dates(understood.text)):
            events = self._events_on(year, month, day)
            if events:
                label = ("、" if lang == "zh" else "; ").join(self.label(e, lang) for e in events)
                when = format_day(events[0].day, lang)
                lines.append(reply_text(self.kb, "date_meaning", lang, date=when, what=label))
                clauses += [e.clause for e in events if e.clause]
            else:
                try:
                    when = format_day(dt.date(year or self.kb.notice.notice.date.year, month, day), lang)
                except ValueError:
                    continue  # 2月30日: no such day
                lines.append(reply_text(self.kb, "date_meaning_none", lang, date=when))
        if not lines:
            return ""
        sources = [
            reply_text(self.kb, "source", lang, clause=clause_label(self.kb, c, lang))
            for c in dict.fromkeys(clauses)
        ]
        return "\n".join([*lines, *sources])

    def _notice_events(self) -> list[NamedDate]:
        """Every day the notice names: its own date, each stage's deadline, a window's ends."""
        notice = self.kb.notice
        events = [NamedDate(notice.notice.date, 0, "date_span_notice", clause=NOTICE_DATE_CLAUSE)]
        events += [
            NamedDate(s.deadline, 0, "date_span_deadline", s.id, s.clause)
            for s in notice.stages
            if s.deadline is not None
        ]
        for criterion in notice.eligibility:
            if criterion.window is not None:
                start, end = criterion.window
                events.append(NamedDate(start, 0, "date_window_start", clause=criterion.clause))
                events.append(NamedDate(end, 0, "date_window_end", clause=criterion.clause))
        return events

    def as_the_notice_names_it(self, named: NamedDate) -> NamedDate:
        """8月26日 said by the user: the notice's own event on that day (验收申请截止), if any."""
        if named.name != "date_span_yours":
            return named
        events = self._events_on(named.day.year, named.day.month, named.day.day)
        return replace(events[0], at=named.at) if events else named

    def _events_on(self, year: int | None, month: int, day: int) -> list[NamedDate]:
        """What the notice puts on a day (any year when none is said)."""
        return [
            e
            for e in self.events
            if (e.day.month, e.day.day) == (month, day) and (year is None or e.day.year == year)
        ]

    def label(self, named: NamedDate, lang: Lang) -> str:
        stage = next((s.name.get(lang) for s in self.kb.notice.stages if s.id == named.stage), "")
        return reply_text(self.kb, named.name, lang, stage=stage)

    @staticmethod
    def _start_after(text: str, topic: Topic) -> bool:
        """建设期起始日, 建设期开始那天, the window's start: the topic's word followed by its start."""
        end = topic.at + len(topic.word)
        return WINDOW_START.match(text, end) is not None

    def _deadline_after(self, text: str, topic: Topic) -> bool:
        """验收申请截止, 建设期截止: the topic's word followed by a word of its deadline."""
        end = topic.at + len(topic.word)
        after = text[end : end + DEADLINE_AFTER]
        return any(w in after for w in self.deadline_words)

    def named(self, understood: Understanding) -> list[NamedDate]:
        """The distinct dates the message names, in the order it names them."""
        notice = self.kb.notice
        text = understood.simplified
        found: list[NamedDate] = []
        issued = min((text.find(w) for w in self.issue_words if w in text), default=-1)
        if issued >= 0:
            found.append(NamedDate(notice.notice.date, issued, "date_span_notice", clause=NOTICE_DATE_CLAUSE))
        stages = {s.id: s for s in notice.stages if s.deadline is not None}
        deadlines = [t for t in understood.topics if self._deadline_after(text, t)]
        said_days = read_dates(understood.text)
        if len(deadlines) == 1 and not said_days:  # 从入库截止算起准备验收申请: the other stage too
            deadlines += [t for t in understood.topics if t not in deadlines]
        starts = [t for t in understood.topics if t.id in self.window_starts and self._start_after(text, t)]
        topics = deadlines or understood.topics  # 入库是7月5号报的，离验收申请截止: that one
        for topic in [*topics, *(t for t in starts if t not in topics)]:
            stage = stages.pop(topic.id, None)
            if stage is not None and stage.deadline is not None:
                found.append(
                    NamedDate(stage.deadline, topic.at, "date_span_deadline", stage.id, stage.clause)
                )
            elif topic.id in self.window_starts and self._start_after(text, topic):  # 建设期起始日
                start, clause = self.window_starts[topic.id]
                found.append(NamedDate(start, topic.at, "date_window_start", clause=clause))
            elif topic.id in self.window_ends and (
                topic in deadlines
                or topic.word.endswith("期限")  # 建设完成期限: the word is the end itself
                or WINDOW_END.match(text, topic.at + len(topic.word))
            ):
                # 离建设期截止还有几天, 建设期的最后一天
                end, clause = self.window_ends[topic.id]
                found.append(NamedDate(end, topic.at, "date_window_end", clause=clause))
        for year, month, day in said_days:
            try:
                when = dt.date(year or notice.notice.date.year, month, day)
            except ValueError:
                continue  # 2月30日: no such day, no span
            at = text.find(f"{month}月{day}")
            found.append(NamedDate(when, at if at >= 0 else len(text), "date_span_yours"))
        distinct: dict[dt.date, NamedDate] = {}
        for named in sorted(found, key=lambda d: d.at):
            distinct.setdefault(named.day, named)  # 入库截止（7月8日）: one date named twice
        return self._with_the_next_deadline(text, list(distinct.values()))

    def _with_the_next_deadline(self, text: str, named: list[NamedDate]) -> list[NamedDate]:
        """8月20日完成，离截止还剩几天: one date of the user's and a deadline no stage names is the
        notice's first deadline on or after that date."""
        if len(named) != 1 or named[0].name != "date_span_yours":
            return named
        if not any(w in text for w in self.deadline_words):
            return named
        due = [e for e in self.events if e.name != "date_span_notice" and e.day > named[0].day]
        if not due:
            return named
        first = min(due, key=lambda e: e.day)
        return [*named, NamedDate(first.day, len(text), first.name, first.stage, first.clause)]


def _counted(number: int, unit: str, lang: Lang) -> str:
    """1 month, 18 days, 47周: a count with its unit, in the reply's language's own grammar."""
    return format_unit(number, f"duration-{unit}", length="long", locale=lang)


def _months_and_days(first: dt.date, second: dt.date) -> tuple[int, int]:
    """2021年9月30日 to 2022年8月26日: 10 months (to 7月30日) and 27 days."""
    months = (second.year - first.year) * 12 + second.month - first.month
    while months > 0 and months_on(first, months) > second:
        months -= 1
    return months, (second - months_on(first, months)).days


def months_on(day: dt.date, months: int) -> dt.date:
    """The same day of the month, `months` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))
