"""The user's own figures worked out with the notice's formula (the same `estimate_subsidy` as the
guided check): which figures belong to which direction and project, the arithmetic line by line,
the cap, the 五(二) ceiling, a total, and the caveats with their clauses."""

from __future__ import annotations

from decimal import Decimal

from conversations.eligibility import Estimate, estimate_subsidy
from conversations.parsers import format_amount
from conversations.understanding import Understanding
from knowledge.answers import CHINESE_NUMERALS, clause_label, reply_text
from knowledge.figures import Figure
from knowledge.loader import KnowledgeBase
from knowledge.schema import Direction, Lang


def money(amount: Decimal, lang: Lang) -> str:
    if lang == "zh" or amount == 0:
        return format_amount(amount, "zh") if lang == "zh" else format_amount(amount, "en")
    return f"{format_amount(amount, 'en')} ({format_amount(amount, 'zh')})"


def percent(rate: float) -> str:
    return f"{(Decimal(str(rate)) * 100).normalize():f}%"


def direction_name(direction: Direction, lang: Lang) -> str:
    if lang == "zh":
        return f"方向{CHINESE_NUMERALS[direction.number - 1]}（{direction.name.zh}）"
    return f"Direction {direction.number} ({direction.name.en})"


class Worker:
    """Built once from the knowledge base; `work` is read-only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.directions = {d.id: d for d in kb.notice.directions}

    def work(
        self, understood: Understanding, figures: list[Figure], directions: list[Direction], lang: Lang
    ) -> str:
        """The arithmetic for these figures in these directions, with the caveats and clauses."""
        lines: list[str] = []
        amounts: list[Decimal] = []
        clauses: list[str] = []
        projects = [
            (direction, project)
            for direction, own in self._pair(understood, figures, directions)
            for project in self._projects(own)
        ]
        for direction, own in projects:
            line, amount = self._one_direction(direction, own, understood.no_provincial, lang)
            if line:
                lines.append(line)
                clauses.append(direction.funding.clause)
            if amount is not None:
                amounts.append(amount)
        if not lines:
            return ""
        if len(amounts) > 1 and len(figures) > 1 and len({id(p) for _, p in projects}) > 1:
            lines.append(
                reply_text(self.kb, "calc_total", lang, amount=money(sum(amounts, Decimal(0)), lang))
            )
        if any(
            self.directions[d].funding.weighs_quality
            for d in self.directions
            if self.directions[d] in directions
        ):
            lines.append(reply_text(self.kb, "calc_quality", lang))
        lines.append(reply_text(self.kb, "calc_caveat", lang))
        for clause in dict.fromkeys(clauses):
            lines.append(reply_text(self.kb, "source", lang, clause=clause_label(self.kb, clause, lang)))
        return "\n".join(lines)

    def _pair(
        self, understood: Understanding, figures: list[Figure], directions: list[Direction]
    ) -> list[tuple[Direction, list[Figure]]]:
        """Which figures belong to which direction: one set of figures (one of each kind) for all
        the directions, or, with several figures of one kind, each to the direction named nearest
        before it (一个上云项目省级200万，一个5G项目省级400万)."""
        ids = {d.id for d in directions}
        topics = [t for t in understood.topics if t.id in ids]
        roles = [f.role for f in figures]
        if len(directions) <= 1 or not topics or len(set(roles)) == len(roles):
            return [(d, figures) for d in directions]
        pairs: dict[str, list[Figure]] = {d.id: [] for d in directions}
        for figure in figures:
            before = [t for t in topics if t.at <= figure.start]
            topic = before[-1] if before else topics[0]
            pairs[topic.id].append(figure)
        if sum(1 for v in pairs.values() if v) <= 1:
            return [(d, figures) for d in directions]
        return [(self.directions[i], f) for i, f in pairs.items() if f]

    @staticmethod
    def _projects(figures: list[Figure]) -> list[list[Figure]]:
        """Several figures of one kind are several projects (两个上云项目省级分别80万和120万),
        each with the one figure of the other kind if there is just one."""
        by_role: dict[str | None, list[Figure]] = {}
        for figure in figures:
            by_role.setdefault(figure.role, []).append(figure)
        many = [r for r, f in by_role.items() if len(f) > 1]
        if len(many) != 1:
            return [figures]
        shared = [f for r, fs in by_role.items() if r != many[0] for f in fs]
        return [[figure, *shared] for figure in by_role[many[0]]]

    @staticmethod
    def base_role(direction: Direction) -> str:
        return "provincial" if direction.funding.base == "provincial_funds" else "investment"

    def _one_direction(
        self, direction: Direction, figures: list[Figure], no_provincial: bool, lang: Lang
    ) -> tuple[str, Decimal | None]:
        kb, funding = self.kb, direction.funding
        base_role = self.base_role(direction)
        name = direction_name(direction, lang)
        base_name = reply_text(kb, f"base_{funding.base}", lang)
        provincial = next((f.yuan for f in figures if f.role == "provincial"), None)
        investment = next((f.yuan for f in figures if f.role == "investment"), None)
        cap = Decimal(funding.cap_yuan)
        given = {"provincial": provincial, "investment": investment}
        if given[base_role] is None:
            if base_role == "provincial" and no_provincial:
                return reply_text(kb, "calc_no_provincial", lang, direction=name), Decimal(0)
            text = reply_text(
                kb,
                "calc_need_base",
                lang,
                direction=name,
                base_name=base_name,
                rate=percent(funding.rate),
                cap=money(cap, lang),
            )
            # the user gave the other figure: say it is not this direction's base
            other_role = "investment" if base_role == "provincial" else "provincial"
            if given[other_role] is not None:
                other_key = "base_investment" if other_role == "investment" else "base_provincial_funds"
                other_name = reply_text(kb, other_key, lang)
                text += reply_text(
                    kb, "calc_not_base", lang, direction=name, base_name=base_name, other_name=other_name
                )
            return text, None
        estimate = estimate_subsidy(direction, investment=investment, provincial=provincial)
        if estimate is None or estimate.base is None or estimate.share is None or estimate.amount is None:
            return "", None
        return self._arithmetic(estimate, name, base_name, cap, lang), estimate.amount

    def _arithmetic(self, e: Estimate, name: str, base_name: str, cap: Decimal, lang: Lang) -> str:
        kb = self.kb
        assert e.base is not None and e.share is not None and e.capped is not None and e.amount is not None
        text = reply_text(
            kb,
            "calc_share",
            lang,
            direction=name,
            base_name=base_name,
            base=money(e.base, lang),
            rate=percent(e.direction.funding.rate),
            share=money(e.share, lang),
        )
        over = e.share > cap
        text += reply_text(
            kb,
            "calc_over_cap" if over else "calc_under_cap",
            lang,
            cap=money(cap, lang),
            amount=money(e.capped, lang),
        )
        if e.room is not None and e.room < e.capped:
            text += reply_text(
                kb,
                "calc_room",
                lang,
                investment=money(e.investment, lang),
                provincial=money(e.provincial or Decimal(0), lang),
                room=money(e.room, lang),
                amount=money(e.amount, lang),
            )
        return text + ("。" if lang == "zh" else ".")
