"""The check's result as the user reads it: verdict, criteria with clauses, the arithmetic, next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from conversations.actions import Do
from conversations.deadlines import DeadlineStatus, deadlines
from conversations.eligibility import Assessment, Estimate, Formula, Outcome, Verdict
from conversations.engine import FlowEngine, Session
from conversations.markup import bold, escape
from conversations.reply import Button, Reply
from conversations.texts import Texts
from knowledge.answers import clause_label
from knowledge.loader import KnowledgeBase
from knowledge.schema import Stage

Cite = Callable[[str], str]
ICONS = {Verdict.MET: "✅", Verdict.NOT_MET: "❌", Verdict.UNKNOWN: "❓"}
OUTCOME_ICONS = {Outcome.ELIGIBLE: "✅", Outcome.NOT_ELIGIBLE: "❌", Outcome.NEEDS_PERSON: "🤝"}


def render_result(
    kb: KnowledgeBase,
    formula: Formula,
    engine: FlowEngine,
    session: Session,
    assessment: Assessment,
    tx: Texts,
    today: dt.date,
) -> Reply:
    def cite(clause: str) -> str:
        return escape(clause_label(kb, clause, tx.lang))

    statuses = deadlines(kb.notice, today)
    closed = bool(statuses) and all(s.passed for s in statuses)
    company = session.answers.get(formula.company, "") if formula.company else ""
    parts = [
        _headline(kb, assessment, tx, statuses, closed) + (f"\n{escape(str(company))}" if company else "")
    ]

    lines = [bold(tx.t("result.criteria_title"))]
    for result in assessment.results:
        step = engine.flow.step(result.criterion.answer)
        answer = engine.display(step, result.answer, tx) if result.answer is not None else "—"
        lines.append(
            f"{ICONS[result.verdict]} {escape(result.criterion.label.get(tx.lang))}"
            f" — {escape(tx.t('result.your_answer', answer=answer))} ({cite(result.criterion.clause)})"
        )
        if result.note is not None and result.verdict is not Verdict.MET:
            lines.append(f"   ↳ {escape(result.note.get(tx.lang))}")
    parts.append("\n".join(lines))
    parts.append(_estimate_text(kb, formula, engine, assessment, tx))
    parts.append(_next_steps(kb, assessment, tx, statuses, closed, cite))
    buttons = (
        (Button(tx.t("menu.human"), Do.HUMAN), Button(tx.t("result.leave_contact"), Do.LEAD_START)),
        (
            Button(tx.t("result.edit_answers"), Do.FLOW_SUMMARY),
            Button(tx.t("result.start_over"), Do.CHECK_RESTART),
        ),
    )
    return Reply("\n\n".join(parts), buttons)


def _headline(
    kb: KnowledgeBase, assessment: Assessment, tx: Texts, statuses: list[DeadlineStatus], closed: bool
) -> str:
    """The verdict; once every deadline has passed, first that the round has closed, and the
    verdict as what the project would have met."""
    outcome = assessment.outcome.value
    if not closed:
        return f"{OUTCOME_ICONS[assessment.outcome]} <b>{escape(tx.t(f'result.{outcome}'))}</b>"
    last = statuses[-1]
    round_name = kb.notice.notice.round.get(tx.lang) if kb.notice.notice.round else ""
    closed_line = tx.t(
        "result.round_closed",
        round=round_name,
        stage=last.stage.name.get(tx.lang),
        date=tx.date(last.deadline),
        timing=last.timing(tx),
    )
    would = tx.t(f"result.would_{outcome}")
    return f"⌛ <b>{escape(closed_line)}</b>\n{OUTCOME_ICONS[assessment.outcome]} {escape(would)}"


def _estimate_text(
    kb: KnowledgeBase, formula: Formula, engine: FlowEngine, assessment: Assessment, tx: Texts
) -> str:
    lines = [bold(tx.t("result.estimate_title"))]
    estimate = assessment.estimate
    if assessment.outcome is Outcome.NOT_ELIGIBLE:
        # no arithmetic where it does not hold: say why there is no estimate
        unmet = [r.criterion.label.get(tx.lang) for r in assessment.results if r.verdict is Verdict.NOT_MET]
        lines.append(escape(tx.t("result.no_estimate_not_eligible", unmet=_join(tx, unmet))))
        return "\n".join(lines)
    if estimate is None:
        lines.append(escape(tx.t("result.no_estimate")))
        return "\n".join(lines)
    funding = estimate.direction.funding
    ceiling = formula.ceiling
    matching = ceiling is not None and funding.base in ceiling.support
    if matching and estimate.figures.get(funding.base) == 0 and funding.base not in estimate.expected:
        # matching support without the funds it matches is 0: an amount, not a condition
        clause = clause_label(kb, funding.clause, tx.lang)
        lines.append(escape(tx.t("result.no_matched_funds", clause=clause)))
    else:
        lines += [escape(line) for line in arithmetic(estimate, formula, tx)]
        ceiling_id = ceiling.requirement if ceiling else None
        clauses = [funding.clause, *(r.clause for r in kb.notice.requirements if r.id == ceiling_id)]
        lines.append(
            escape(
                tx.t("result.calc_source", clauses=_join(tx, [clause_label(kb, c, tx.lang) for c in clauses]))
            )
        )
    if estimate.unknown:
        names = [engine.flow.step(name).label.get(tx.lang) for name in estimate.unknown]
        lines.append(escape(tx.t("result.amount_unknown", items=_join(tx, names))))
    if estimate.amount is not None:
        total = (
            "result.estimate_total_to_confirm"
            if assessment.outcome is Outcome.NEEDS_PERSON
            else "result.estimate_total"
        )
        lines.append(bold(tx.t(total, amount=tx.money(estimate.amount))))
    notes = [*assessment.notes]
    if estimate.room is not None or estimate.exceeds:
        notes.append("result.note_total_cap_reading")
    lines += [f"• {escape(tx.t(note))}" for note in notes]
    return "\n".join(lines)


def _join(tx: Texts, items: list[str]) -> str:
    """A list as the language writes it: 、 in Chinese, a semicolon in English."""
    return ("、" if tx.lang == "zh" else "; ").join(items)


def arithmetic(estimate: Estimate, formula: Formula, tx: Texts) -> list[str]:
    """The estimate step by step: the rate's share of the base (or its tier's fixed amount), the
    cap, the room under the ceiling, the minimum. Only the steps that hold are shown: none past a
    figure that is not known or not there. The figures fill the texts' placeholders by role."""
    funding = estimate.direction.funding
    figure = formula.figures[funding.base]
    expected = funding.base in estimate.expected and figure.expected_label is not None
    base_name = (figure.expected_label if expected and figure.expected_label else figure.label).get(tx.lang)
    cap = tx.money(Decimal(funding.cap_yuan))
    rate = f"{Decimal(str(funding.rate)) * 100:.0f}%" if funding.rate is not None else ""
    lines = []
    if estimate.share is None or estimate.base is None or estimate.capped is None:
        if funding.rate is None:
            lines.append(tx.t("result.calc_tier_unknown", base_name=base_name, cap=cap))
        else:
            lines.append(tx.t("result.calc_base_unknown", base_name=base_name, rate=rate, cap=cap))
        return lines
    base = tx.money(estimate.base)
    if funding.rate is not None:  # a share of the base at the rate
        lines.append(
            tx.t(
                "result.calc_share", base_name=base_name, base=base, rate=rate, share=tx.money(estimate.share)
            )
        )
    elif estimate.tier is not None:  # the fixed amount of the tier the base falls in
        start = tx.money(Decimal(estimate.tier.from_yuan))
        lines.append(
            tx.t(
                "result.calc_tier",
                base_name=base_name,
                base=base,
                start=start,
                share=tx.money(estimate.share),
            )
        )
    else:
        start = tx.money(Decimal(funding.tiers[0].from_yuan))
        lines.append(tx.t("result.calc_below_tiers", base_name=base_name, base=base, start=start))
    lines.append(tx.t("result.calc_cap", cap=cap, capped=tx.money(estimate.capped)))
    if formula.ceiling is None:
        return lines
    # the figures by role, as the pack's texts name them (e.g. {investment})
    figures = {role: tx.money(value or Decimal(0)) for role, value in estimate.figures.items()}
    figures[formula.ceiling.figure] = tx.money(estimate.ceiling)
    if estimate.exceeds:
        lines.append(tx.t("result.calc_exceeds", **figures))
        return lines
    if estimate.room is not None:
        lines.append(tx.t("result.calc_room", **figures, room=tx.money(estimate.room)))
    if estimate.amount is not None and estimate.room is not None:
        lines.append(
            tx.t(
                "result.calc_min",
                capped=tx.money(estimate.capped),
                room=tx.money(estimate.room),
                amount=tx.money(estimate.amount),
            )
        )
    return lines


def _next_steps(
    kb: KnowledgeBase,
    assessment: Assessment,
    tx: Texts,
    statuses: list[DeadlineStatus],
    closed: bool,
    cite: Cite,
) -> str:
    lines = [bold(tx.t("result.next_title"))]
    contacts = _contacts(kb, tx)
    if closed:
        # nothing left to submit in this round: the bureau's contacts about later rounds
        lines.append(escape(tx.t("result.next_closed", contacts=contacts)))
        return "\n".join(lines)
    if assessment.outcome is Outcome.NEEDS_PERSON:
        lines.append(escape(tx.t("result.next_person")))
    elif assessment.outcome is Outcome.NOT_ELIGIBLE:
        lines.append(escape(tx.t("result.next_not_eligible")))
    titles = {a.number: a.title.get(tx.lang) for a in kb.notice.attachments}
    open_statuses = [s for s in statuses if not s.passed]
    for status in statuses:
        stage = status.stage
        when, timing = tx.date(status.deadline), status.timing(tx)
        if status.passed:  # a stage that has closed is said as such, with nothing to submit
            line = tx.t("result.stage_passed", stage=stage.name.get(tx.lang), date=when, timing=timing)
            lines.append(f"• {escape(line)} ({cite(stage.clause)})")
            continue
        if assessment.outcome is Outcome.NOT_ELIGIBLE and len(open_statuses) < len(statuses):
            continue  # after the first deadline, a project that fails has nothing left to submit
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
            line += " " + copies_line(stage, tx)
        if stage.submit_to:
            line += " " + tx.t("materials.submit_to", to=stage.submit_to.get(tx.lang))
        lines.append(f"• {escape(line)} ({cite(stage.clause)})")
    if len(open_statuses) < len(statuses) and assessment.outcome is Outcome.NOT_ELIGIBLE:
        lines.append(escape(tx.t("result.next_contacts", contacts=contacts)))
    lines.append(escape(tx.t("dates.local_note")))
    return "\n".join(lines)


def copies_line(stage: Stage, tx: Texts) -> str:
    """How many paper copies, of which attachments when the notice says (附件3 only at entry)."""
    if not stage.paper_copies_of:
        return tx.t("materials.copies", copies=stage.paper_copies)
    names = [tx.t("materials.attachment_short", number=n) for n in stage.paper_copies_of]
    return tx.t("materials.copies_of", attachments=_join(tx, names), copies=stage.paper_copies)


def _contacts(kb: KnowledgeBase, tx: Texts) -> str:
    c = kb.notice.contacts
    people = ("、" if tx.lang == "zh" else ", ").join(p.name.get(tx.lang) for p in c.people)
    return f"{people} {c.phone}"
