"""The browsing menu: each screen built from the knowledge base, its labels from the catalogs.

Screens are short enough for a phone; a direction drills down to its amount rule and materials,
and every screen has a way back. Buttons carry typed actions (conversations.actions).
"""

from __future__ import annotations

import datetime as dt

from conversations.actions import HOME, Action, Do, Menu, SetLanguage
from conversations.actions import Direction as DirectionScreen
from conversations.deadlines import deadlines
from conversations.markup import bold, escape
from conversations.reply import Button, Keyboard, Reply, rows
from conversations.report import copies_line
from conversations.texts import Texts
from knowledge.answers import clause_label, reply_text
from knowledge.loader import KnowledgeBase
from knowledge.schema import Direction, Stage


def _source(kb: KnowledgeBase, tx: Texts, clause: str) -> str:
    return escape(reply_text(kb, "source", tx.lang, clause=clause_label(kb, clause, tx.lang)))


def _back(tx: Texts, target: Action = HOME) -> Button:
    return Button(tx.t("button.back"), target)


def home(tx: Texts, *, edit: bool = False, greeting: str | None = None) -> Reply:
    labels: list[tuple[str, Action]] = [
        ("menu.directions", Menu("dirs")),
        ("menu.who", Menu("who")),
        ("menu.amounts", Menu("amounts")),
        ("menu.dates", Menu("dates")),
        ("menu.materials", Menu("materials")),
        ("menu.check", Do.CHECK_START),
        ("menu.contacts", Menu("contacts")),
        ("menu.human", Do.HUMAN),
        ("menu.language", Menu("lang")),
    ]
    text = greeting or tx.t("menu.title")
    return Reply(text, rows(*(Button(tx.t(m), d) for m, d in labels)), edit=edit)


def directions(kb: KnowledgeBase, tx: Texts) -> Reply:
    lines = [bold(tx.t("menu.directions"))]
    for d in kb.notice.directions:
        lines.append(f"{d.number}. <b>{escape(d.name.get(tx.lang))}</b>\n{escape(d.short.get(tx.lang))}")
    lines.append(_source(kb, tx, kb.notice.directions[0].section))  # the section that lists them
    buttons = [
        Button(f"{d.number}. {_short_name(d, tx)}", DirectionScreen(d.id)) for d in kb.notice.directions
    ]
    return Reply("\n\n".join(lines), (*rows(*buttons, per_row=1), (_back(tx),)), edit=True)


def _short_name(direction: Direction, tx: Texts) -> str:
    name = direction.name.get(tx.lang)
    limit = 16 if tx.lang == "zh" else 34
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _direction(kb: KnowledgeBase, direction_id: str) -> Direction | None:
    return next((d for d in kb.notice.directions if d.id == direction_id), None)


def direction(kb: KnowledgeBase, tx: Texts, direction_id: str) -> Reply | None:
    d = _direction(kb, direction_id)
    if d is None:
        return None
    scenarios = "；".join(d.scenarios.zh) if tx.lang == "zh" else "; ".join(d.scenarios.en)
    text = "\n\n".join(
        [
            f"<b>{d.number}. {escape(d.name.get(tx.lang))}</b>",
            escape(d.short.get(tx.lang)),
            f"<b>{escape(tx.t('label.scenarios'))}</b> {escape(scenarios)}",
            f"<b>{escape(tx.t('label.applicant'))}</b> {escape(d.applicant.get(tx.lang))}",
            _source(kb, tx, d.clause),
        ]
    )
    buttons: Keyboard = (
        (
            Button(tx.t("button.amount_rule"), DirectionScreen(d.id, "amount")),
            Button(tx.t("button.materials"), DirectionScreen(d.id, "materials")),
        ),
        (Button(tx.t("menu.check"), Do.CHECK_START), _back(tx, Menu("dirs"))),
    )
    return Reply(text, buttons, edit=True)


def _amount_rule(kb: KnowledgeBase, tx: Texts, d: Direction) -> str:
    # the rule is the notice's own sentence, which states the cap: not repeated
    return (
        f"<b>{d.number}. {escape(d.name.get(tx.lang))}</b>\n{escape(d.funding.rule.get(tx.lang))}\n"
        f"{_source(kb, tx, d.funding.clause)}"
    )


def direction_amount(kb: KnowledgeBase, tx: Texts, direction_id: str) -> Reply | None:
    d = _direction(kb, direction_id)
    if d is None:
        return None
    text = "\n\n".join([_amount_rule(kb, tx, d), escape(tx.t("amounts.limits"))])
    return Reply(
        text, ((Button(tx.t("menu.check"), Do.CHECK_START), _back(tx, DirectionScreen(d.id))),), edit=True
    )


def direction_materials(kb: KnowledgeBase, tx: Texts, direction_id: str) -> Reply | None:
    d = _direction(kb, direction_id)
    if d is None:
        return None
    return Reply(_materials_text(kb, tx), ((_back(tx, DirectionScreen(d.id)),),), edit=True)


def who(kb: KnowledgeBase, tx: Texts) -> Reply:
    criteria = [
        f"• {escape(c.text.get(tx.lang))} ({escape(clause_label(kb, c.clause, tx.lang))})"
        for c in kb.notice.eligibility
    ]
    places = ("、" if tx.lang == "zh" else ", ").join(j.name.get(tx.lang) for j in kb.notice.jurisdictions)
    text = "\n".join(
        [
            bold(tx.t("menu.who")),
            *criteria,
            "",
            f"<b>{escape(tx.t('label.jurisdictions'))}</b> {escape(places)}",
        ]
    )
    return Reply(text, ((Button(tx.t("menu.check"), Do.CHECK_START), _back(tx)),), edit=True)


def amounts(kb: KnowledgeBase, tx: Texts) -> Reply:
    parts = [bold(tx.t("menu.amounts")), escape(kb.notice.support_method.text.get(tx.lang))]
    parts += [_amount_rule(kb, tx, d) for d in kb.notice.directions]
    parts.append(escape(tx.t("amounts.limits")))
    return Reply("\n\n".join(parts), ((Button(tx.t("menu.check"), Do.CHECK_START), _back(tx)),), edit=True)


def deadline_lines(kb: KnowledgeBase, tx: Texts, today: dt.date) -> list[str]:
    lines = []
    for status in deadlines(kb.notice, today):
        when, left = tx.date(status.deadline), status.timing(tx)
        name = escape(status.stage.name.get(tx.lang))
        clause = escape(clause_label(kb, status.stage.clause, tx.lang))
        lines.append(f"• <b>{name}</b>: {escape(when)} — {escape(left)} ({clause})")
    return lines


def key_dates(kb: KnowledgeBase, tx: Texts, today: dt.date) -> Reply:
    window = kb.notice.construction_window
    text = "\n".join(
        [
            bold(tx.t("menu.dates")),
            escape(tx.t("dates.today_is", today=tx.date(today))),
            *deadline_lines(kb, tx, today),
            escape(tx.t("dates.local_note")),
            *(
                [f"• {escape(window.text.get(tx.lang))} ({escape(clause_label(kb, window.clause, tx.lang))})"]
                if window
                else []
            ),
        ]
    )
    return Reply(text, ((Button(tx.t("button.remind"), Do.REMIND_ON), _back(tx)),), edit=True)


def _stage_materials(kb: KnowledgeBase, tx: Texts, stage: Stage) -> str:
    titles = {a.number: a.title.get(tx.lang) for a in kb.notice.attachments}
    items = [escape(tx.t("materials.attachment", number=n, title=titles[n])) for n in stage.attachments]
    lines = [bold(stage.name.get(tx.lang)), *(f"• {i}" for i in items)]
    if stage.paper_copies:
        lines.append(escape(copies_line(stage, tx)))
    if stage.submit_to:
        lines.append(escape(tx.t("materials.submit_to", to=stage.submit_to.get(tx.lang))))
    lines.append(_source(kb, tx, stage.clause))
    return "\n".join(lines)


def _materials_text(kb: KnowledgeBase, tx: Texts) -> str:
    stages = [s for s in kb.notice.stages if s.attachments]
    return "\n\n".join([bold(tx.t("menu.materials")), *(_stage_materials(kb, tx, s) for s in stages)])


def materials(kb: KnowledgeBase, tx: Texts) -> Reply:
    return Reply(_materials_text(kb, tx), ((_back(tx),),), edit=True)


def contacts_lines(kb: KnowledgeBase, tx: Texts) -> str:
    c = kb.notice.contacts
    people = "\n".join(f"• {escape(p.name.get(tx.lang))} {escape(p.phone)}" for p in c.people)
    return f"{people}\n{_source(kb, tx, c.clause)}"


def contacts(kb: KnowledgeBase, tx: Texts) -> Reply:
    issuer = escape(kb.notice.notice.issuer.get(tx.lang))
    text = f"<b>{escape(tx.t('menu.contacts'))}</b>\n{issuer}\n{contacts_lines(kb, tx)}"
    return Reply(text, ((Button(tx.t("menu.human"), Do.HUMAN), _back(tx)),), edit=True)


def language(tx: Texts, *, edit: bool = True) -> Reply:
    # each language's own name, so a user who cannot read the current one still finds theirs
    return Reply(
        escape(tx.t("lang.choose")),
        ((Button("中文", SetLanguage("zh")), Button("English", SetLanguage("en"))), (_back(tx),)),
        edit=edit,
    )
