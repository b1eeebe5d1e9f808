"""Figures for the bureau: use, answers, checks, cases, and what the bot could not answer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.privacy import mask_personal
from bot.storage import Storage
from conversations.texts import Texts

UNANSWERED_KINDS = ("unsure", "outside")


TOP_UNANSWERED = 20


@dataclass(frozen=True)
class Stats:
    users: int
    questions: int
    answered: int
    checks_started: int
    checks_completed: int
    verdicts: dict[str, int]
    estimated_total: Decimal
    open_cases: int
    unanswered: list[tuple[str, int]]

    @property
    def answered_rate(self) -> float:
        return self.answered / self.questions if self.questions else 0.0


def compute(storage: Storage) -> Stats:
    db = storage.db

    def count(sql: str, params: list[object] | None = None) -> int:
        return int(next(db.query(sql, params or []))["n"])

    # the latest completed check of each user: a user who redoes the check counts once
    latest = list(
        db.query(
            "select detail from events where id in "
            "(select max(id) from events where kind = 'check_completed' group by user_id)"
        )
    )
    verdicts: dict[str, int] = {}
    total = Decimal(0)
    for row in latest:
        outcome, _, amount = row["detail"].partition(":")
        verdicts[outcome] = verdicts.get(outcome, 0) + 1
        if outcome == "eligible":
            total += Decimal(amount or 0)
    unanswered = [
        (mask_personal(row["text"]), int(row["n"]))
        for row in db.query(
            "select text, count(*) as n from questions where kind in (?, ?) "
            "group by lower(trim(text)) order by n desc, max(id) desc limit ?",
            [*UNANSWERED_KINDS, TOP_UNANSWERED],
        )
    ]
    return Stats(
        users=count("select count(*) as n from users"),
        questions=count("select count(*) as n from questions"),
        answered=count("select count(*) as n from questions where kind = 'answer'"),
        checks_started=count("select count(*) as n from events where kind = 'check_started'"),
        checks_completed=count("select count(*) as n from events where kind = 'check_completed'"),
        verdicts=verdicts,
        estimated_total=total,
        open_cases=count("select count(*) as n from cases where status in ('open', 'claimed')"),
        unanswered=unanswered,
    )


def render(stats: Stats, tx: Texts) -> str:
    """Plain text (no HTML), for the console, the CLI and, escaped, Telegram."""
    lines = [
        tx.t("stats.users", count=stats.users),
        tx.t(
            "stats.questions",
            count=stats.questions,
            answered=stats.answered,
            rate=f"{stats.answered_rate:.0%}",
        ),
        tx.t("stats.checks", started=stats.checks_started, completed=stats.checks_completed),
        tx.t(
            "stats.verdicts",
            eligible=stats.verdicts.get("eligible", 0),
            not_eligible=stats.verdicts.get("not_eligible", 0),
            needs_person=stats.verdicts.get("needs_person", 0),
        ),
        tx.t("stats.estimated_total", amount=tx.money(stats.estimated_total)),
        tx.t("stats.open_cases", count=stats.open_cases),
        tx.t("stats.unanswered_title", count=len(stats.unanswered)),
    ]
    lines += [f"{n}× {text[:80]}" for text, n in stats.unanswered]
    return "\n".join(lines)
