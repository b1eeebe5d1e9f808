"""The dates a firm says its project was or will be completed (2022年7月完工, went live on July 15,
2022), judged against the notice's construction window: inside it, before it or after it, and by
how many days. A month said without its day (一期2021年5月完成) is judged when the whole month lies
on one side of the window or inside it; a month the window starts or ends in depends on the day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from conversations.today import format_day
from conversations.understanding import COMPLETED, RELATIVE_YEARS, Reader, Understanding
from knowledge.answers import clause_label, reply_text
from knowledge.figures import MONTHS, YEAR_COMPLETED, months_said, read_dates, read_periods, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.schema import Lang

# 8月26日前完成, 9月30日之后建成: a bound said of the window, not a day of the project
BOUND_AFTER = re.compile(r"\s*(?:之前|以前|前|之后|以后|后|起|开始|至|到|-|~)")
EN_MONTHS = tuple(m[:3] for m in MONTHS)  # jan … dec, as the dates' own readers spell them
YEAR_ALONE = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月|度)")
EN_YEAR_COMPLETED = re.compile(
    r"\b(?:complet|finish|went live|built)[a-z]*\s+in\s+((?:19|20)\d{2})\b(?![/.-]\d)"
)
# 去年六月做完: a month of a year counted from today (not 明年: no project is done yet then)
PAST_YEARS = "|".join(word for word, offset in RELATIVE_YEARS.items() if offset <= 0)
RELATIVE_YEAR_MONTH = re.compile(
    rf"({PAST_YEARS})(?=\s*(?:的)?\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月)"
)


# 建设周期：2021.03 - 2021.08: a firm's own building period, which ends the day its project was
# completed (not 建设期, the notice's own window, which a user quotes)
OWN_PERIOD = re.compile(
    r"(?:建设周期|项目周期|实施周期|建设时间|工期)\s*[：:为是]?\s*[^，,。；;\n]{4,14}?\s*(?:-|~|—|–|至|到)\s*"
    r"(?P<year>(?:19|20)\d{2})\s*(?:年|[./-])\s*(?P<month>\d{1,2})(?!\d)(?:\s*月)?"
    r"(?:\s*[./-]?\s*(?P<day>\d{1,2})\s*[日号]?)?"
)


def _own_periods_ended(text: str) -> list[str]:
    """建设周期：2021.03 - 2021.08 → 2021年8月完成, as the dates' readers read a completion."""

    def ended(m: re.Match[str]) -> str:
        day = f"{int(m['day'])}日" if m["day"] else ""
        return f"{m['year']}年{int(m['month'])}月{day}完成"

    return [ended(m) for m in OWN_PERIOD.finditer(text)]


class Completion:
    def __init__(self, kb: KnowledgeBase, reader: Reader) -> None:
        self.kb = kb
        self.reader = reader
        rule = kb.notice.construction_window
        self.window = rule.window if rule is not None else None
        self.clause = rule.clause if rule is not None else ""
        self.stage_ids = {s.id for s in kb.notice.stages}

    def judged(self, understood: Understanding, lang: Lang, today: dt.date) -> str:
        """A line for each completion date the message tells, in a message that asks; a year
        counted from today (去年六月) is that year."""
        text = simplify(understood.text)
        own_periods = _own_periods_ended(text)  # its heading and its dates may be clauses apart
        if self.window is None or not (own_periods or COMPLETED.search(text)):
            return ""  # most messages tell no completion: the cheap test first
        # (Within the construction window?: a terse clause asks by its question mark alone)
        asked_by_its_mark = "?" in understood.text or "？" in understood.text
        if not (asked_by_its_mark or any(self.reader.is_question(c) for c in understood.clauses)):
            return ""
        lines: list[str] = []
        for clause in [*map(simplify, understood.clauses), *own_periods]:  # 上線: as simplified
            done = COMPLETED.search(clause)
            if done is None or self._stage_done(clause, done.start()):
                continue
            clause = RELATIVE_YEAR_MONTH.sub(lambda m: f"{today.year + RELATIVE_YEARS[m.group(1)]}年", clause)
            days = self._days(clause, understood.text)
            told = {(d.year, d.month) for d in days}  # 15 July 2022: the day, not also its month
            lines += [self._day_line(day, lang) for day in days]
            yearless = self._yearless_days(clause, understood.text)
            lines += [self._yearless_line(month, day, lang) for month, day in yearless]
            # 2022年8月上旬完工: that part of the month judged, not the whole month
            periods = [(y, m, first, last) for y, m, first, last in read_periods(clause) if y is not None]
            told |= {(y, m) for y, m, _, _ in periods}
            lines += [self._period_line(*period, lang) for period in periods]
            # 九月中才装好: a part of a month without its year, outside the window in both its years
            for month, first, last in self._yearless_periods(clause):
                lines.append(self._yearless_line(month, first, lang, last))
            lines += [self._month_line(y, m, lang) for y, m in months_said(clause) if (y, m) not in told]
            lines += [self._year_line(year, lang) for year in self._years(clause)]
        return "\n".join(dict.fromkeys(lines))

    def _stage_done(self, clause: str, done_at: int) -> bool:
        """入库申报完成了: a stage named before the word of its completion was handed in, no project
        built (not 2021年9月20号上线验收的: the project went live, then was checked)."""
        return any(t.id in self.stage_ids and t.at < done_at for t in self.reader.topics_named(clause))

    def _days(self, clause: str, text: str) -> list[dt.date]:
        arabic = to_arabic(clause).lower()
        days: list[dt.date] = []
        for year, month, day in read_dates(clause):
            year = year or self._english_year(text, month, day)
            if year is None or self._bound(arabic, month, day):
                continue
            try:
                days.append(dt.date(year, month, day))
            except ValueError:
                continue  # 2月30日: no such day
        return days

    def _yearless_days(self, clause: str, text: str) -> list[tuple[int, int]]:
        """八月三十一号上线: a day said without its year that lies outside the window in each of the
        window's years (from the day after it closes to the day before it opens: 8月27日 to 9月29日);
        any other day is inside in one of them, and which year is meant is not said."""
        assert self.window is not None
        start, end = self.window
        arabic = to_arabic(clause).lower()
        found = []
        for year, month, day in read_dates(clause):
            if year is not None or self._english_year(text, month, day) or self._bound(arabic, month, day):
                continue
            try:
                candidates = [dt.date(y, month, day) for y in range(start.year, end.year + 1)]
            except ValueError:
                continue  # 2月29日, 9月31日: no such day in some year
            if all(not start <= d <= end for d in candidates):
                found.append((month, day))
        return found

    def _yearless_periods(self, clause: str) -> list[tuple[int, int, int]]:
        """九月中才装好: (month, first day, last day) of each part of a month said without its year
        that lies wholly outside the window in each of the window's years."""
        assert self.window is not None
        start, end = self.window
        years = range(start.year, end.year + 1)
        return [
            (month, first, last)
            for year, month, first, last in read_periods(clause)
            if year is None
            and all(
                dt.date(y, month, last) < start or dt.date(y, month, first) > end
                for y in years
                if last <= calendar.monthrange(y, month)[1]
            )
        ]

    def _yearless_line(self, month: int, day: int, lang: Lang, last: int | None = None) -> str:
        """Outside whichever year is meant, with the days past the window's end in its own year
        (from the first day of a part of a month)."""
        assert self.window is not None
        end = self.window[1]
        last_year = dt.date(end.year, month, day)
        if last is None:
            said = f"{month}月{day}日" if lang == "zh" else f"{calendar.month_name[month]} {day}"
        else:
            name = calendar.month_name[month]
            said = f"{month}月{day}日至{last}日" if lang == "zh" else f"{name} {day}–{last}"
        days = (last_year - end).days
        return self._text("completion_yearless_outside", said, days, lang, year=str(end.year))

    def _years(self, clause: str) -> list[int]:
        """2025年完成的, completed in 2019: a year said alone of the completion, judged only when
        the whole year lies outside the window (2021 and 2022 depend on the day)."""
        assert self.window is not None
        arabic = to_arabic(clause).lower()
        said = YEAR_ALONE.finditer(arabic)
        years = [int(m.group(1)) for m in said if YEAR_COMPLETED.match(arabic, m.end())]
        years += [int(m.group(1)) for m in EN_YEAR_COMPLETED.finditer(arabic)]
        start, end = self.window
        return [y for y in dict.fromkeys(years) if y < start.year or y > end.year]

    def _year_line(self, year: int, lang: Lang) -> str:
        assert self.window is not None
        # a month's texts say it of a whole year as well (2025年完成：晚于建设期终点…)
        key = "completion_month_before" if year < self.window[0].year else "completion_month_after"
        return self._text(key, f"{year}年" if lang == "zh" else str(year), 0, lang)

    @staticmethod
    def _english_year(text: str, month: int, day: int) -> int | None:
        """went live on July 15, 2022: the year after the day, in the message (a comma ends the
        clause before it)."""
        name = EN_MONTHS[month - 1]
        found = re.search(
            rf"\b(?:{name}[a-z]*\.?\s+{day}(?:st|nd|rd|th)?|{day}(?:st|nd|rd|th)?\s+{name}[a-z]*\.?),?\s+((?:19|20)\d{{2}})\b",
            text.lower(),
        )
        return int(found.group(1)) if found else None

    @staticmethod
    def _bound(arabic: str, month: int, day: int) -> bool:
        match = re.search(rf"(?<!\d){month}\s*月\s*{day}\s*[日号]?", arabic)
        return bool(match and BOUND_AFTER.match(arabic, match.end()))

    def _day_line(self, day: dt.date, lang: Lang) -> str:
        assert self.window is not None
        start, end = self.window
        if day < start:
            key, days = "completion_before", (start - day).days
        elif day > end:
            key, days = "completion_after", (day - end).days
        else:
            key, days = "completion_inside", 0
        return self._text(key, format_day(day, lang), days, lang)

    def _month_line(self, year: int, month: int, lang: Lang) -> str:
        said = f"{year}年{month}月" if lang == "zh" else f"{calendar.month_name[month]} {year}"
        last = calendar.monthrange(year, month)[1]
        return self._span_line(dt.date(year, month, 1), dt.date(year, month, last), said, lang)

    def _period_line(self, year: int, month: int, first: int, last: int, lang: Lang) -> str:
        said = (
            f"{year}年{month}月{first}日至{last}日"
            if lang == "zh"
            else f"{calendar.month_name[month]} {first}–{last}, {year}"
        )
        span = (dt.date(year, month, first), dt.date(year, month, last))
        return self._span_line(*span, said, lang, inside="completion_period_inside")

    def _span_line(
        self, first: dt.date, last: dt.date, said: str, lang: Lang, inside: str = "completion_month_inside"
    ) -> str:
        """A month or part of one: judged when all of it lies on one side of the window or inside."""
        assert self.window is not None
        start, end = self.window
        if last < start:
            key = "completion_month_before"
        elif first > end:
            key = "completion_month_after"
        elif start <= first and last <= end:
            key = inside
        else:
            key = "completion_month_edge"
        return self._text(key, said, 0, lang)

    def _text(self, key: str, said: str, days: int, lang: Lang, **more: str) -> str:
        assert self.window is not None
        start, end = self.window
        return reply_text(
            self.kb,
            key,
            lang,
            date=said,
            start=format_day(start, lang),
            end=format_day(end, lang),
            days=str(days) if lang == "zh" else f"{days} day{'' if days == 1 else 's'}",
            clause=clause_label(self.kb, self.clause, lang),
            **more,
        )
