"""The notice's deadlines against a given day: how many days are left, or how long ago one passed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from conversations.texts import Texts
from knowledge.schema import Notice, Stage

REMINDER_DAYS_BEFORE = (7, 1)


@dataclass(frozen=True)
class DeadlineStatus:
    stage: Stage
    deadline: dt.date
    days_left: int  # negative once the deadline has passed

    @property
    def passed(self) -> bool:
        # "X月X日前" includes the day itself: the deadline passes the day after
        return self.days_left < 0

    @property
    def is_today(self) -> bool:
        return self.days_left == 0

    def timing(self, tx: Texts) -> str:
        """ "7 days left", "today" or "passed 3 days ago", in the user's language."""
        if self.passed:
            days = -self.days_left
            return tx.t("dates.passed_one") if days == 1 else tx.t("dates.passed", days=days)
        if self.days_left == 0:
            return tx.t("dates.today")
        return tx.t("dates.left_one") if self.days_left == 1 else tx.t("dates.left", days=self.days_left)


def deadlines(notice: Notice, today: dt.date) -> list[DeadlineStatus]:
    """Every stage that has a deadline, in date order."""
    found = [
        DeadlineStatus(stage, stage.deadline, (stage.deadline - today).days)
        for stage in notice.stages
        if stage.deadline is not None
    ]
    return sorted(found, key=lambda d: d.deadline)


def due_today(notice: Notice, today: dt.date) -> list[DeadlineStatus]:
    """Deadlines that fall today: still open, too late for a reminder."""
    return [d for d in deadlines(notice, today) if d.is_today]


def current_stage(notice: Notice, today: dt.date) -> DeadlineStatus | None:
    """The first stage whose deadline is still ahead, or None when all have passed."""
    return next((d for d in deadlines(notice, today) if not d.passed), None)


@dataclass(frozen=True)
class ReminderDue:
    stage: Stage
    days_before: int
    on: dt.date


def reminders_due(notice: Notice, today: dt.date) -> list[ReminderDue]:
    """Reminders (7 and 1 days before each deadline) that fall today or later."""
    due = []
    for status in deadlines(notice, today):
        for days in REMINDER_DAYS_BEFORE:
            on = status.deadline - dt.timedelta(days=days)
            if on >= today:
                due.append(ReminderDue(status.stage, days, on))
    return sorted(due, key=lambda r: r.on)
