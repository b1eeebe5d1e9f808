"""Deadlines told against today: every deadline an answer states gets its days left, "today", or
"passed", with the reading that the day itself is included and the local bureau's notice prevails."""

from __future__ import annotations

import datetime as dt

from knowledge.answers import reply_text
from knowledge.loader import KnowledgeBase
from knowledge.schema import Lang

EN_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def format_day(day: dt.date, lang: Lang) -> str:
    return (
        f"{day.year}年{day.month}月{day.day}日"
        if lang == "zh"
        else f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    )


def deadline_notes(kb: KnowledgeBase, text: str, lang: Lang, today: dt.date) -> str:
    """For each deadline the answer states: days left, today, or passed, against today."""
    lines: list[str] = []
    dated = sorted((s for s in kb.notice.stages if s.deadline is not None), key=lambda s: s.deadline or today)
    shown = [s for s in dated if s.deadline is not None and mentions_day(text, s.deadline)]
    if not shown:
        return ""
    for stage in shown:
        assert stage.deadline is not None
        days = (stage.deadline - today).days
        name = "deadline_passed" if days < 0 else "deadline_today" if days == 0 else "deadline_left"
        if abs(days) == 1 and f"{name}_one" in kb.lexicon.replies:
            name = f"{name}_one"  # 1 day left, not 1 days
        values = {
            "stage": stage.name.get(lang),
            "date": format_day(stage.deadline, lang),
            "days": str(abs(days)),
        }
        lines.append(reply_text(kb, name, lang, **values))
    lines.insert(0, reply_text(kb, "today_is", lang, today=format_day(today, lang)))
    lines.append(reply_text(kb, "local_notice_prevails", lang))
    passed = [s for s in dated if s.deadline is not None and s.deadline < today]
    if len(passed) == len(dated):
        lines.append(reply_text(kb, "round_closed", lang))
    elif passed and any(s in shown for s in dated):
        after = dated[len(passed)]
        assert after.deadline is not None
        lines.append(
            reply_text(
                kb,
                "entered_only",
                lang,
                first=passed[-1].name.get(lang),
                then=after.name.get(lang),
                date=format_day(after.deadline, lang),
            )
        )
    return "\n".join(lines)


def issued_note(kb: KnowledgeBase, text: str, lang: Lang, today: dt.date) -> str:
    """The days from the notice's own date to today, when the answer states that date and the
    pack words the note; "" otherwise (or when the notice is not yet issued)."""
    issued = kb.notice.notice.date
    days = (today - issued).days
    if "issued_ago" not in kb.lexicon.replies or days <= 0 or not mentions_day(text, issued):
        return ""
    values = {"today": format_day(today, lang), "date": format_day(issued, lang), "days": str(days)}
    return reply_text(kb, "issued_ago", lang, **values)


def mentions_day(text: str, day: dt.date) -> bool:
    """The text states the day (6月10日, June 10)."""
    return f"{day.month}月{day.day}日" in text or f"{EN_MONTHS[day.month - 1]} {day.day}" in text
