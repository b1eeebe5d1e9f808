"""Sums with the days a message names: which weekday a date fell on (8月26日是星期几), and the day
a number of days or weeks before or after it (入库截止前10天是哪天, 6月1日开工，工期80天), set
against the notice's deadline or window end it is measured by."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from conversations.spans import NamedDate, Spans, months_on
from conversations.today import format_day
from conversations.understanding import Understanding
from knowledge.answers import clause_label, reply_text
from knowledge.figures import to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.schema import Lang

# 星期几, 周几, 礼拜几, 是不是周末, what day of the week, on a weekend (not 周六交行不行: a day
# chosen to hand in, which the timing of the stages answers)
WEEKDAY_ASKED = re.compile(
    r"星期几|周几|礼拜几|拜几|週几|禮拜幾|星期幾|週幾|(?:是不是|是|碰上|赶上|遇上|撞上|落在)周末|周末吗"
    r"|\bweekday\b|\bday of the week\b|\bon a weekend\b",
    re.IGNORECASE,
)
# 是几号, 哪天, what date: the day itself asked (a count offered to check asks the span instead)
DAY_ASKED = re.compile(
    r"几号|几月几|哪天|哪一天|什么日子|是什么时候|几时"
    r"|\b(?:what|which) (?:date|day)\b|\bwhen is\b|\bfinish date\b",
    re.IGNORECASE,
)
COUNT = r"(?<![月/\d.])(\d+|两|二|三|四|五|六|七|八|九|十)"
UNIT = r"(天|日|周|个星期|个礼拜|星期|个月|days?\b|weeks?\b|months?\b)"
# 截止前10天, 往前推两周, 提前5天, 10 days before: before the date named just before
BEFORE = re.compile(
    rf"(?:之前|以前|前|往前推|往前|提前|早|还剩|剩下|剩)\s*{COUNT}\s*{UNIT}"
    rf"|{COUNT}\s*{UNIT}\s*(?:之前|以前|前|before)"
)
# 再过30天, 往后推45天, 30天后, 工期80天, 45 days after, a 45-day build, needs 50 days
AFTER = re.compile(
    rf"(?:之后|以后|(?<![最然])后|往后推|往后|再过|工期)\s*{COUNT}\s*{UNIT}"
    rf"|{COUNT}\s*{UNIT}\s*(?:之后|以后|后|after|later|from)"
    r"|(?<![\d.])(\d+)-(day)\b"
    # start building on July 10 and need 50 days: the time a build takes, from the day it starts
    r"|\b(?:need|needs|takes?|will take|lasts?)\s+(?:about\s+)?(\d+)\s+(days?|weeks?|months?)\b"
)
WORDS_TO_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
DAYS_PER_UNIT = {"天": 1, "日": 1, "周": 7, "个星期": 7, "个礼拜": 7, "星期": 7, "day": 1, "week": 7}


class DaySums:
    """Built once from the pack; reads the dates a message names as `Spans` does."""

    def __init__(self, kb: KnowledgeBase, spans: Spans) -> None:
        self.kb = kb
        self.spans = spans
        # the day a plan is measured by: the window's last day (no project may finish after it)
        self.window_end = next(iter(spans.window_ends.values()), None)

    def weekdays(self, understood: Understanding, lang: Lang, today_said: dt.date | None = None) -> str:
        """2022年8月26日（验收申请截止）是星期五: each date the message names, when it asks a
        weekday (not the day it says is today); a stage or the window named: its own day."""
        if not WEEKDAY_ASKED.search(understood.simplified):
            return ""
        named = [self.spans.as_the_notice_names_it(d) for d in self.spans.named(understood)]
        named = [d for d in named if d.day != today_said]  # Today's Aug 23: no weekday asked of it
        if not named:
            return ""
        lines = [
            reply_text(
                self.kb,
                "weekday_of",
                lang,
                date=format_day(d.day, lang),
                label=self.spans.label(d, lang),
                weekday=weekday(d.day, lang),
            )
            for d in named
        ]
        return "\n".join([*lines, *self._sources(named, lang)])

    @staticmethod
    def asks_a_day(understood: Understanding) -> bool:
        """完工是几号, what date do we finish: the day counted to is what is asked."""
        return DAY_ASKED.search(understood.simplified) is not None

    def shifted(self, understood: Understanding, lang: Lang) -> str:
        """入库截止前10天是2022年6月28日; 6月1日开工，工期80天: 2022年8月20日, before the window's
        last day. The date counted from is the last one named before the number."""
        arabic = to_arabic(understood.simplified)
        found = [(m, -1) for m in BEFORE.finditer(arabic)] + [(m, 1) for m in AFTER.finditer(arabic)]
        if not found:
            return ""
        match, sign = min(found, key=lambda f: f[0].start())
        count, unit = _count_and_unit(match)
        if count is None:
            return ""
        named = self.spans.named(understood)
        before = [d for d in named if 0 <= d.at <= match.start()]
        base = before[-1] if before else (named[0] if named else None)
        if base is None:
            return ""
        day = _moved(base.day, count, unit, sign)
        lines = [
            reply_text(
                self.kb,
                "day_after" if sign > 0 else "day_before",
                lang,
                base=format_day(base.day, lang),
                base_name=self.spans.label(base, lang),
                count=str(count),
                unit=reply_text(self.kb, f"unit_{unit}", lang),
                date=format_day(day, lang),
            )
        ]
        if WEEKDAY_ASKED.search(understood.simplified):  # 入库截止前10天是哪天？那天星期几
            lines.append(
                reply_text(
                    self.kb, "weekday_plain", lang, date=format_day(day, lang), weekday=weekday(day, lang)
                )
            )
        against = self._measured_by(named, base, day)
        if against is not None:
            key = "day_in_time" if day <= against.day else "day_too_late"
            lines.append(
                reply_text(
                    self.kb,
                    key,
                    lang,
                    date=format_day(day, lang),
                    limit=format_day(against.day, lang),
                    limit_name=self.spans.label(against, lang),
                )
            )
        return "\n".join([*lines, *self._sources([base, *([against] if against else [])], lang)])

    def _measured_by(self, named: list[NamedDate], base: NamedDate, day: dt.date) -> NamedDate | None:
        """The deadline the day counted is set against: another of the notice's dates the message
        names, else, for a day counted from the user's own date (a build starting then), the
        window's end."""
        others = [d for d in named if d is not base and d.name != "date_span_yours"]
        if others:
            return others[0]
        if base.name == "date_span_yours" and self.window_end is not None:
            end, clause = self.window_end
            return NamedDate(end, 0, "date_window_end", clause=clause)
        return None

    def _sources(self, named: list[NamedDate], lang: Lang) -> list[str]:
        clauses = dict.fromkeys(d.clause for d in named if d.clause)
        return [reply_text(self.kb, "source", lang, clause=clause_label(self.kb, c, lang)) for c in clauses]


def weekday(day: dt.date, lang: Lang) -> str:
    """星期五, Friday: the day's name in the answer's language."""
    return format_date(day, "EEEE", locale="zh_CN" if lang == "zh" else "en")


def _count_and_unit(match: re.Match[str]) -> tuple[int | None, str]:
    """(10, "day") from 前10天, (2, "week") from 前两周, (3, "month") from 3个月后."""
    said = [g for g in match.groups() if g]
    if len(said) < 2:
        return None, ""
    number, unit = said[0], said[1].lower()
    count = int(number) if number.isdigit() else WORDS_TO_COUNT.get(number)
    if unit.startswith("month") or unit == "个月":
        return count, "month"
    days = DAYS_PER_UNIT.get(unit.rstrip("s"), DAYS_PER_UNIT.get(unit))
    return count, "week" if days == 7 else "day"


def _moved(day: dt.date, count: int, unit: str, sign: int) -> dt.date:
    """The day `count` days, weeks or months after (sign 1) or before (sign -1) `day`."""
    if unit == "month":
        return months_on(day, sign * count)
    return day + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))
