"""The day a message says it is (Today is 1 July 2022, it's June 15, 今天是6月20号): deadlines are
counted from it, as the user asks, instead of from the calendar's today."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.figures import EN_DAY_MONTH, EN_MONTH_DAY, MONTH_DAY, MONTHS, to_arabic

# the words that say today's date comes next (not "it's due July 8": the date must follow at once)
TODAY_SAID = re.compile(
    r"\btoday(?:'s date)? is\s+(?:the\s+)?|\btoday\s*[:：]\s*|\btoday's\s+|\bwe(?:'re| are) at\s+"
    r"|(?:今天|今日|现在|而家)(?:是|系|係|都|已经)?\s*[（(]?(?=\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月)"
    # 8月19号了，…: the message opens with the day it has come to
    r"|^\s*(?=(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[号日]?\s*了)"
)
# it's June 15. (not "it's July 8 that it closes, right?": the date is the whole sentence)
IT_IS = re.compile(r"\b(?:it(?:'s| is)|now it(?:'s| is)|it(?:'s| is) now)\s+(?:the\s+)?")
SENTENCE_ENDS = re.compile(r"\s*(?:[,.;:!?，。；：！？]|$|\b(?:now|today|and)\b)")
YEAR_AFTER = re.compile(r",?\s*((?:19|20)\d{2})\b")


def stated_today(text: str, default_year: int) -> dt.date | None:
    """The first day the message says is today; a day said without its year is of `default_year`
    (the notice's). None when it says none."""
    arabic = to_arabic(text).lower()
    said = [(m.end(), False) for m in TODAY_SAID.finditer(arabic)]
    said += [(m.end(), True) for m in IT_IS.finditer(arabic)]
    for at, whole_sentence in sorted(said):
        found = _date_at(arabic, at, default_year)
        if found is not None and (not whole_sentence or SENTENCE_ENDS.match(arabic, found[1])):
            return found[0]
    return None


def _date_at(text: str, at: int, default_year: int) -> tuple[dt.date, int] | None:
    """The date that starts exactly at `at`, and where it ends, if one does."""
    found = MONTH_DAY.match(text, at)
    if found and found.group(2):
        year, month, day = found.group(1), int(found.group(2)), int(found.group(3))
        return _day(int(year) if year else default_year, month, day, found.end())
    for pattern, month_group, day_group in ((EN_MONTH_DAY, 1, 2), (EN_DAY_MONTH, 2, 1)):
        found = pattern.match(text, at)
        if found:
            month = [m[:3] for m in MONTHS].index(found.group(month_group)) + 1
            year = YEAR_AFTER.match(text, found.end())
            end = year.end() if year else found.end()
            said_year = int(year.group(1)) if year else default_year
            return _day(said_year, month, int(found.group(day_group)), end)
    return None


def _day(year: int, month: int, day: int, end: int) -> tuple[dt.date, int] | None:
    try:
        return dt.date(year, month, day), end
    except ValueError:
        return None  # 2月30日: no such day
