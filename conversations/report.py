"""The check's result as the user reads it: verdict, criteria with clauses, the arithmetic, next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from html import escape

from conversations.deadlines import deadlines
from conversations.eligibility import Assessment, Estimate, Outcome, Verdict
from conversations.engine import FlowEngine, Session
from conversations.reply import Button, Reply
from conversations.texts import Texts
from knowledge.answers import clause_label
from knowledge.loader import KnowledgeBase

Cite = Callable[[str], str]
ICONS = {Verdict.MET: "✅", Verdict.NOT_MET: "❌", Verdict.UNKNOWN: "❓"}
OUTCOME_ICONS = {Outcome.ELIGIBLE: "✅", Outcome.NOT_ELIGIBLE: "❌", Outcome.NEEDS_PERSON: "🤝"}


def render_result(
    kb: KnowledgeBase, engine: FlowEngine, session: Session, assessment: Assessment, tx: Texts, today: dt.date
) -> Reply:
    def cite(clause: str) -> str:
        return escape(clause_label(kb, clause, tx.lang))

    company = session.answers.get("company", "")
    parts = [
        f"{OUTCOME_ICONS[assessment.outcome]} <b>{escape(tx.t(f'result.{assessment.outcome.value}'))}</b>"
        + (f"\n{escape(str(company))}" if company else "")
    ]

    lines = [f"<b>{escape(tx.t('result.criteria_title'))}</b>"]
    for result in assessment.results:
        step = engine.flow.step(result.criterion.answer)
        answer = engine.display(step, result.answer, tx) if result.answer is not None else "—"
        lines.append(
            f"{ICONS[result.verdict]} {escape(result.criterion.label.get(tx.lang))}"
            f" — {escape(tx.t('result.your_answer', answer=answer))} ({cite(result.criterion.clause)})"
        )
    parts.append("\n".join(lines))
    parts.append(_estimate_text(kb, assessment, tx, cite))
    parts.append(_next_steps(kb, assessment, tx, today, cite))
    buttons = (
        (Button(tx.t("menu.human"), "human"), Button(tx.t("result.leave_contact"), "lead:start")),
        (Button(tx.t("result.edit_answers"), "f:edit"), Button(tx.t("result.start_over"), "check:restart")),
    )
    return Reply("\n\n".join(parts), buttons)


def _estimate_text(kb: KnowledgeBase, assessment: Assessment, tx: Texts, cite: Cite) -> str:
    lines = [f"<b>{escape(tx.t('result.estimate_title'))}</b>"]
    estimate = assessment.estimate
    if estimate is None:
        lines.append(escape(tx.t("result.no_estimate")))
        return "\n".join(lines)
    lines += [escape(line) for line in arithmetic(estimate, tx)]
    clauses = [
        estimate.direction.funding.clause,
        *(r.clause for r in kb.notice.requirements if r.id == "total-cap"),
    ]
    lines.append(
        escape(tx.t("result.calc_source", clauses=_join(tx, [clause_label(kb, c, tx.lang) for c in clauses])))
    )
    if assessment.outcome is Outcome.NOT_ELIGIBLE:
        lines.append(escape(tx.t("result.estimate_not_eligible")))
    elif estimate.amount is not None:
        lines.append(f"<b>{escape(tx.t('result.estimate_total', amount=tx.money(estimate.amount)))}</b>")
    lines += [f"• {escape(tx.t(note))}" for note in assessment.notes]
    return "\n".join(lines)


def _join(tx: Texts, items: list[str]) -> str:
    """A list as the language writes it: 、 in Chinese, a comma in English."""
    return ("、" if tx.lang == "zh" else "; ").join(items)


def arithmetic(estimate: Estimate, tx: Texts) -> list[str]:
    """The estimate step by step: 10% × base, the cap, the room under the investment, the minimum."""
    funding = estimate.direction.funding
    rate = f"{Decimal(str(funding.rate)) * 100:.0f}%"
    base_name = tx.t(f"result.base_{funding.base}")
    lines = []
    if estimate.share is None or estimate.base is None or estimate.capped is None:
        lines.append(tx.t("result.calc_base_unknown", base_name=base_name, rate=rate))
    else:
        lines.append(
            tx.t(
                "result.calc_share",
                base_name=base_name,
                base=tx.money(estimate.base),
                rate=rate,
                share=tx.money(estimate.share),
            )
        )
        lines.append(
            tx.t("result.calc_cap", cap=tx.money(Decimal(funding.cap_yuan)), capped=tx.money(estimate.capped))
        )
    if estimate.room is not None:
        lines.append(
            tx.t(
                "result.calc_room",
                investment=tx.money(estimate.investment),
                provincial=tx.money(estimate.provincial or Decimal(0)),
                other=tx.money(estimate.other or Decimal(0)),
                room=tx.money(estimate.room),
            )
        )
    if estimate.amount is not None and estimate.capped is not None and estimate.room is not None:
        lines.append(
            tx.t(
                "result.calc_min",
                capped=tx.money(estimate.capped),
                room=tx.money(estimate.room),
                amount=tx.money(estimate.amount),
            )
        )
    return lines


def _next_steps(kb: KnowledgeBase, assessment: Assessment, tx: Texts, today: dt.date, cite: Cite) -> str:
    lines = [f"<b>{escape(tx.t('result.next_title'))}</b>"]
    if assessment.outcome is Outcome.NEEDS_PERSON:
        lines.append(escape(tx.t("result.next_person")))
    elif assessment.outcome is Outcome.NOT_ELIGIBLE:
        lines.append(escape(tx.t("result.next_not_eligible")))
    titles = {a.number: a.title.get(tx.lang) for a in kb.notice.attachments}
    statuses = deadlines(kb.notice, today)
    for status in statuses:
        stage = status.stage
        when, timing = tx.date(status.deadline), status.timing(tx)
        attachments = "; ".join(
            tx.t("materials.attachment", number=n, title=titles[n]) for n in stage.attachments
        )
        line = tx.t(
            "result.stage_line",
            stage=stage.name.get(tx.lang),
            date=when,
            timing=timing,
            attachments=attachments,
        )
        if stage.paper_copies:
            line += " " + tx.t("materials.copies", copies=stage.paper_copies)
        if stage.submit_to:
            line += " " + tx.t("materials.submit_to", to=stage.submit_to.get(tx.lang))
        lines.append(f"• {escape(line)} ({cite(stage.clause)})")
    if statuses and all(s.passed for s in statuses):
        lines.append(escape(tx.t("result.all_passed")))
    return "\n".join(lines)
