"""The user's own figures worked out with the notice's formula (the same `estimate_subsidy` as the
guided check): which figures belong to which direction and project, the arithmetic line by line,
the cap, the ceiling of all support (when the pack's formula has one), a total, and the caveats
with their clauses."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from conversations.eligibility import Estimate, estimate_subsidy, load_rules
from conversations.parsers import format_amount
from conversations.today import format_day
from conversations.understanding import Understanding
from knowledge.answers import CHINESE_NUMERALS, clause_label, reply_text
from knowledge.figures import FOREIGN_CURRENCIES, Figure, clause_bounds, read_amounts
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.pack import rules_dir
from knowledge.schema import Direction, Lang
from knowledge.shares import Share

RULES = "eligibility"  # the rules file whose formula the check applies
EACH_ASKED = ("分别", "各配", "各补", "各拿", "各给", "各自", "for each", "respectively")
# 如果当初只投800万又是多少: another figure supposed in place of the first, not a second project
# 碰到100万的封顶, reach the 1 million cap: the cap's own figure said before it
CAP_NAMED = re.compile(r"(?<=[到满顶])\s*\d+(?:\.\d+)?\s*(?:万元|万|元)?\s*的?(?=封顶|上限)")
SUPPOSED = re.compile(r"如果|要是|假如|假设|假使|万一|换成|if\b|suppose|instead", re.IGNORECASE)

# 两个项目都顶格的话, both projects at the cap: the caps of the most projects allowed, added up
PROJECTS_AT_CAP = re.compile(
    r"(?:两|2|二)\s*个?[^，,。？?！!]{0,6}?(?:项目|项)[^。？?！!]{0,8}?(?:都|全部|全|各自|各)[^，,。？?！!]{0,4}?"
    r"(?:顶格|拿满|攞满|封顶|到顶|满额|拿最高|拿到最高|最高)"
    r"|报满(?:项目数|项目|两个|2个)[^。？?！!]{0,14}?(?:封顶|顶格|拿满|最高)"  # 报满项目数、每个都按100万封顶
    # 一个平台一个标杆，两个都顶格: the two projects named before, each at its cap
    r"|(?:两|2)\s*个\s*(?:都|全部|全)(?:顶格|拿满|攞满|封顶|到顶|满额|拿最高|拿到最高)"
    r"|\b(?:both|two)(?: of)?(?: our| the)? projects?\b[^.?!]{0,30}?"
    r"\b(?:max(?:imum|ed out)?|(?:hit|reach|at) the (?:cap|top|maximum)|capped)\b"
    # 一家企业最多能拿多少, the most one company could get: as many projects as it may file, each at its cap
    r"|(?:一家|一个|每家|每个|单个|单家)(?:企业|公司|单位)[^，,。？?！!]{0,14}?(?:最多|最高|顶格|封顶)"
    r"[^，,。？?！!]{0,4}?(?:能|可以|可)?(?:拿|获得|得到|补|领|攞)(?:到)?(?:多少|几多)"
    r"|\b(?:max(?:imum)?|most)\b[^.?!]{0,40}?\b(?:one|a single|each|per) (?:company|firm|enterprise)\b"
    r"[^.?!]{0,20}?\b(?:get|receive|claim|be paid)\b"
    r"|\b(?:one|a single|each|per) (?:company|firm|enterprise)\b[^.?!]{0,20}?"
    r"\b(?:get|receive|claim|be paid)\b[^.?!]{0,20}?\b(?:at most|at the most|max(?:imum)?|in total)\b",
    re.IGNORECASE,
)
# 两个项目各拿了200万: one amount said for each of several projects
EACH_OF_PROJECTS = re.compile(
    r"(?P<count>[2-5])\s*个?(?:项目|项)[^，,。？?！!]{0,4}?各(?:自)?(?:拿了|获得了?|拿到了?|批了|有)"
    r"|\b(?P<count_en>two|three|[23]) projects?,? each (?:got|received|gets|receives|has|had|with)\b",
    re.IGNORECASE,
)
PROJECT_COUNTS = {**{str(n): n for n in range(2, 6)}, "two": 2, "three": 3}  # (两个 is read as 2个)
# 两个方向差多少, how much more: the gap between two amounts asked
DIFFERENCE_ASKED = re.compile(
    r"差多少|差几多|相差|差额|差距|多多少|少多少|多几多|少几多|\bdifference\b|\bhow much (?:more|less)\b",
    re.IGNORECASE,
)
# 省级资金各要多少: the base that reaches the cap is asked, not the caps added up
BASE_TO_REACH_ASKED = re.compile(
    r"(?:省级|省里|专项资金|投资|投入)[^，,。？?！!]{0,6}?(?:要|需|得|至少|起码)|\bneed\b|\bat least\b",
    re.IGNORECASE,
)
# 项目1：上云上平台，省级资金500万 项目2：5G+制造业…: a numbered project's fields end where the
# next one's label begins, whether a line break or only a space is between them
PROJECT_LABEL = re.compile(r"(?:项目|project)\s*[0-9一二三四五]+\s*[：:]", re.IGNORECASE)
# RMB 6 mn for a 5G line: the thing an English figure is for, named right after it
FOR_THE_THING = re.compile(
    r"\s*(?:mn|million|m|k|thousand|yuan|rmb|cny)?\s*(?:for|on)\s+(?:a|an|the|our)?\s*"
)


def money(amount: Decimal, lang: Lang) -> str:
    if lang == "zh" or amount == 0:
        return format_amount(amount, "zh") if lang == "zh" else format_amount(amount, "en")
    return f"{format_amount(amount, 'en')} ({format_amount(amount, 'zh')})"


def added_up(amounts: list[Decimal], lang: Lang) -> tuple[str, str]:
    """100万元 + 50万元 and 150万元: the amounts one after another, and their sum."""
    return " + ".join(money(a, lang) for a in amounts), money(sum(amounts, Decimal(0)), lang)


def foreign_amount(figure: Figure, lang: Lang) -> str:
    """An amount in another currency as said: 600万港币, HKD 6,000,000."""
    in_yuan = format_amount(figure.yuan, lang)
    if lang == "zh":
        return in_yuan.removesuffix("元") + FOREIGN_CURRENCIES[figure.currency][0]
    return in_yuan.replace("RMB", figure.currency, 1)


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
        self.total_words = [simplify(w) for w in kb.lexicon.total_words if w]
        self.ceiling_asks = [simplify(w) for w in kb.lexicon.ceiling_asks if w]
        self.share_asks = [simplify(w) for w in kb.lexicon.investment_share_asks if w]
        self.cap_reach_words = [simplify(w) for w in kb.lexicon.cap_reach_words if w]
        # the same formula as the check's: the pack's rules name the figures and their roles
        self.formula = load_rules(RULES, rules_dir(kb.root)).formula
        # the construction window, whose purchases alone count (a figure is set apart only with one)
        rule = kb.notice.construction_window
        self.window = rule.window if rule and rule.window else (dt.date.min, dt.date.max)

    def _top_two(self, amounts: list[Decimal], lang: Lang) -> str:
        """Three projects or more: one enterprise applies for two, so the two largest amounts."""
        if "calc_top_two" not in self.kb.lexicon.replies:
            return ""
        high, second = sorted(amounts, reverse=True)[:2]
        return reply_text(
            self.kb,
            "calc_top_two",
            lang,
            high=money(high, lang),
            second=money(second, lang),
            total=money(high + second, lang),
        )

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
        bases: list[int] = []  # the figure each amount is worked from
        asks_ceiling = any(w in understood.simplified for w in self.ceiling_asks)
        asks_share = any(w in understood.simplified.lower() for w in self.share_asks)
        for direction, own in projects:
            line, amount = self._one_direction(
                direction, own, understood.no_base_funds, lang, asks_ceiling, asks_share
            )
            if line in lines and not amount:
                continue  # 投了1000万，省级一分没拿，能拿100万吗: nothing worked out, said once
            if line:
                lines.append(line)
                clauses.append(direction.funding.clause)
            if amount is not None:
                amounts.append(amount)
                bases += [id(f) for f in own if f.role == direction.funding.base][:1]
        if not lines:
            return ""
        lines[:0] = (
            [self._from_share(share, lang) for share in understood.shares if share.figure in figures]
            + [self._added_up(figure, lang) for figure in figures if figure.parts]
            + [self._taken_out(figure, lang) for figure in figures if figure.excluded]
            + [self._set_apart(figure, lang) for figure in figures if figure.outside]
        )
        project_count = len({id(p) for _, p in projects})
        several = len(amounts) > 1 and len(figures) > 1 and project_count > 1
        # or each amount worked from a figure of its own and their total asked (one figure worked
        # in several directions is one project whose direction is not yet known)
        own_bases = len(amounts) > 1 and len(bases) == len(amounts) == len(set(bases))
        asks_total = any(w in understood.simplified for w in self.total_words)
        # A厂、B厂市里各配多少: each firm's own amount asked, no sum of them
        each_only = not asks_total and any(w in understood.simplified for w in EACH_ASKED)
        supposed = not asks_total and SUPPOSED.search(understood.simplified) is not None
        if (several and not each_only and not supposed) or (own_bases and asks_total):
            lines.append(
                reply_text(self.kb, "calc_total", lang, amount=money(sum(amounts, Decimal(0)), lang))
            )
            top_two = self._top_two(amounts, lang) if len(amounts) > 2 and project_count > 2 else ""
            if top_two:
                lines.append(top_two)
        each_of = EACH_OF_PROJECTS.search(understood.simplified)
        if len(amounts) == 1 and each_of and asks_total and "calc_each_times" in self.kb.lexicon.replies:
            # 两个项目各拿了200万上云资金，一共能配多少: the one amount, once for each project
            count = PROJECT_COUNTS[(each_of.group("count") or each_of.group("count_en")).lower()]
            lines.append(
                reply_text(
                    self.kb,
                    "calc_each_times",
                    lang,
                    count=str(count),
                    amount=money(amounts[0], lang),
                    total=money(amounts[0] * count, lang),
                )
            )
        if (
            len(amounts) == 2
            and DIFFERENCE_ASKED.search(understood.simplified)
            and "calc_difference" in (self.kb.lexicon.replies)
        ):
            # 标杆项目和上云项目的市级配套差多少: the two amounts set against each other
            high, low = max(amounts), min(amounts)
            lines.append(
                reply_text(
                    self.kb,
                    "calc_difference",
                    lang,
                    high=money(high, lang),
                    low=money(low, lang),
                    difference=money(high - low, lang),
                )
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

    def base_from_award(self, direction: Direction, award: Decimal, lang: Lang) -> str:
        """市级拿了40万，反推省级资金是多少: the base the direction's rate turns into the city's
        amount said (at the cap, the least base that reaches it); "" when the pack has no words
        for it, the direction has no single rate, or the amount is above the cap."""
        funding = direction.funding
        cap = Decimal(funding.cap_yuan)
        if "calc_base_from_award" not in self.kb.lexicon.replies or funding.rate is None or award > cap:
            return ""
        rate = Decimal(str(funding.rate))
        values = {
            "direction": direction_name(direction, lang),
            "base_name": reply_text(self.kb, f"base_{funding.base}", lang),
            "award": money(award, lang),
            "rate": percent(funding.rate),
            "base": money(award / rate, lang),
            "cap": money(cap, lang),
        }
        key = "calc_base_at_cap" if award == cap else "calc_base_from_award"
        source = reply_text(self.kb, "source", lang, clause=clause_label(self.kb, funding.clause, lang))
        return f"{reply_text(self.kb, key, lang, **values)}\n{source}"

    @staticmethod
    def caps_named(understood: Understanding) -> set[Decimal]:
        """触到50万的上限, 拿满100万封顶: the amounts said as the cap itself, in yuan."""
        return {f.yuan for m in CAP_NAMED.finditer(understood.simplified) for f in read_amounts(m.group())}

    def asks_to_reach_cap(self, understood: Understanding) -> bool:
        """拿满封顶要多少省级资金; not 能按10%拿满吗 (the rate is what is filled)."""
        said = CAP_NAMED.sub("", understood.simplified)  # 碰到100万的封顶: the cap's own figure named
        return not understood.offered_rates and any(w in said for w in self.cap_reach_words)

    @staticmethod
    def asks_projects_at_cap(understood: Understanding) -> bool:
        """两个项目都顶格的话一共多少; not 两个项目都顶格的话省级资金各要多少 (the base that reaches
        the cap)."""
        text = understood.simplified
        return PROJECTS_AT_CAP.search(text) is not None and not BASE_TO_REACH_ASKED.search(text)

    def reach_cap(self, directions: list[Direction], lang: Lang) -> str:
        """想拿满封顶，省级资金至少要多少: the base at which each direction's rate reaches its cap."""
        lines: list[str] = []
        clauses: list[str] = []
        for direction in directions:
            funding = direction.funding
            if funding.rate is None or funding.rate <= 0:
                continue
            cap = Decimal(funding.cap_yuan)
            lines.append(
                reply_text(
                    self.kb,
                    "calc_reach_cap",
                    lang,
                    direction=direction_name(direction, lang),
                    base_name=reply_text(self.kb, f"base_{funding.base}", lang),
                    cap=money(cap, lang),
                    rate=percent(funding.rate),
                    threshold=money(cap / Decimal(str(funding.rate)), lang),
                )
            )
            clauses.append(funding.clause)
        if not lines:
            return ""
        lines.append(reply_text(self.kb, "calc_caveat", lang))
        for clause in dict.fromkeys(clauses):
            lines.append(reply_text(self.kb, "source", lang, clause=clause_label(self.kb, clause, lang)))
        return "\n".join(lines)

    def caps_added(self, directions: list[Direction], count: int, clause: str, lang: Lang) -> str:
        """两个标杆项目都顶格的话一共多少: each of the projects at its direction's cap, added up (the
        highest cap where no direction is named), with every cap it went by."""
        named = directions or self.kb.notice.directions
        if len(directions) == 1:
            picked = directions * count
        elif directions:
            picked = directions[:count]
        else:
            picked = [max(named, key=lambda d: d.funding.cap_yuan)] * count
        terms, total = added_up([Decimal(d.funding.cap_yuan) for d in picked], lang)
        separator, up_to = ("；", "最高") if lang == "zh" else ("; ", ": up to ")
        line = reply_text(
            self.kb,
            "calc_caps_added",
            lang,
            count=str(count),
            clause=clause if lang == "zh" else clause_label(self.kb, clause, lang),  # as the caveat's 五(五)
            terms=terms,
            total=total,
            caps=separator.join(
                f"{direction_name(d, lang)}{up_to}{money(Decimal(d.funding.cap_yuan), lang)}" for d in named
            ),
        )
        sources = [
            reply_text(self.kb, "source", lang, clause=clause_label(self.kb, c, lang))
            for c in dict.fromkeys(d.funding.clause for d in picked)
        ]
        return "\n".join([line, reply_text(self.kb, "calc_caveat", lang), *sources])

    def _from_share(self, share: Share, lang: Lang) -> str:
        """1200万 × 20% = 240万: a figure said as a share of another, worked out."""
        return reply_text(
            self.kb,
            "calc_from_share",
            lang,
            base_name=reply_text(self.kb, f"base_{share.figure.role}", lang),
            whole_name=reply_text(self.kb, f"base_{share.whole.role}", lang),
            whole=money(share.whole.yuan, lang),
            rate=percent(float(share.rate)),
            amount=money(share.figure.yuan, lang),
        )

    def _added_up(self, figure: Figure, lang: Lang) -> str:
        """设备250万 + 软件120万 + 材料30万 = 400万: how a figure said in parts was added up."""
        own_wording = f"calc_parts_{figure.role}"  # instalments of a grant are no investment's purchases
        text = reply_text(
            self.kb,
            own_wording if own_wording in self.kb.lexicon.replies else "calc_parts",
            lang,
            base_name=reply_text(self.kb, f"base_{figure.role}", lang),
            parts=" + ".join(money(part, lang) for part in figure.parts),
            total=money(figure.yuan, lang),
        )
        if figure.said_total is None or "calc_parts_said" not in self.kb.lexicon.replies:
            return text
        # 我加起来是350万: the user's own sum, which the parts do not make, is said to be off
        said, total = money(figure.said_total, lang), money(figure.yuan, lang)
        said = reply_text(self.kb, "calc_parts_said", lang, said=said, total=total)
        return f"{text}{said}"

    def _taken_out(self, figure: Figure, lang: Lang) -> str:
        """700万 − 150万 = 550万: the parts the rules do not count, taken out of the figure."""
        return reply_text(
            self.kb,
            "calc_excluded",
            lang,
            base_name=reply_text(self.kb, f"base_{figure.role}", lang),
            total=money(figure.yuan + sum(figure.excluded, Decimal(0)), lang),
            excluded=" − ".join(money(part, lang) for part in figure.excluded),
            counted=money(figure.yuan, lang),
        )

    def _set_apart(self, figure: Figure, lang: Lang) -> str:
        """2021年8月的50万、2022年9月的70万: what was spent outside the window, not counted."""
        first_day, last_day = self.window
        return reply_text(
            self.kb,
            "calc_outside_window",
            lang,
            base_name=reply_text(self.kb, f"base_{figure.role}", lang),
            start=format_day(first_day, lang),
            end=format_day(last_day, lang),
            outside=("、" if lang == "zh" else ", ").join(money(part, lang) for part in figure.outside),
            counted=money(figure.yuan, lang),
        )

    def _pair(
        self, understood: Understanding, figures: list[Figure], directions: list[Direction]
    ) -> list[tuple[Direction, list[Figure]]]:
        """Which figures belong to which direction: one set of figures (one of each kind) for all
        the directions, or, with several figures of one kind, each to the direction named in its
        clause or nearest before it (one project of direction A with 2 million, one of direction B
        with 4 million)."""
        ids = {d.id for d in directions}
        topics = [t for t in understood.topics if t.id in ids]
        roles = [f.role for f in figures]
        if len(directions) <= 1 or not topics:
            return [(d, figures) for d in directions]
        named = list(dict.fromkeys(t.id for t in topics))
        repeated = [f for f in figures if roles.count(f.role) > 1]
        if len(repeated) == len(named) == len(figures) and all(f.start > topics[-1].at for f in repeated):
            # 上云和5G两个项目，省级分别给了五百万和二百万: the figures in the order of the directions
            return [(self.directions[i], [f]) for i, f in zip(named, repeated, strict=True)]
        pairs: dict[str, list[Figure]] = {d.id: [] for d in directions}
        text = understood.simplified
        labels = list(PROJECT_LABEL.finditer(text))
        for figure in figures:
            # the direction named for the figure just after it (RMB 6 mn for a 5G line), else the
            # one in its own clause before it or after it (800,000 of provincial funds for a cloud
            # project), else the one named last before it
            start, end = clause_bounds(text, figure.start, figure.end)
            start = max([start, *(m.end() for m in labels if m.end() <= figure.start)])
            end = min([end, *(m.start() for m in labels if m.start() >= figure.end)])
            before = [t for t in topics if t.at <= figure.start]
            after = [t for t in topics if figure.start < t.at < end]
            said_for = [t for t in after if FOR_THE_THING.fullmatch(text, figure.end, t.at)]
            own = said_for[:1] or [t for t in before if t.at >= start][-1:] or after[:1]
            topic = (own or before[-1:] or topics[:1])[0]
            pairs[topic.id].append(figure)
        if sum(1 for v in pairs.values() if v) <= 1:
            return [(d, figures) for d in directions]
        return [(self.directions[i], f) for i, f in pairs.items() if f]

    @staticmethod
    def _projects(figures: list[Figure]) -> list[list[Figure]]:
        """Several figures of one kind are several projects (two projects of 0.8 and 1.2 million),
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
        """The figure (a role of the formula and of the lexicon's figure_roles) the amount is on."""
        return direction.funding.base

    def _one_direction(
        self,
        direction: Direction,
        figures: list[Figure],
        said_none: bool,
        lang: Lang,
        asks_ceiling: bool = False,
        asks_share: bool = False,
    ) -> tuple[str, Decimal | None]:
        kb, funding, formula = self.kb, direction.funding, self.formula
        base_role = funding.base
        name = direction_name(direction, lang)
        base_name = reply_text(kb, f"base_{base_role}", lang)
        given: dict[str, Decimal] = {}
        for figure in figures:
            if figure.role in formula.figures:
                given.setdefault(figure.role, figure.yuan)
        cap = Decimal(funding.cap_yuan)
        if base_role not in given:
            if base_role == formula.said_none and said_none:
                rate = percent(funding.rate) if funding.rate is not None else ""
                said = reply_text(kb, "calc_said_none", lang, direction=name, rate=rate, cap=money(cap, lang))
                return said, Decimal(0)
            key = "calc_need_base" if funding.rate is not None else "calc_need_tier_base"
            text = reply_text(
                kb,
                key,
                lang,
                direction=name,
                base_name=base_name,
                rate=percent(funding.rate) if funding.rate is not None else "",
                cap=money(cap, lang),
            )
            # the user gave another figure: say it is not this direction's base
            other_role = next((r for r in given if f"base_{r}" in kb.lexicon.replies), None)
            if other_role is not None:
                other_name = reply_text(kb, f"base_{other_role}", lang)
                text += reply_text(
                    kb, "calc_not_base", lang, direction=name, base_name=base_name, other_name=other_name
                )
            return text, None
        estimate = estimate_subsidy(direction, formula, given)
        if estimate is None or estimate.base is None or estimate.share is None or estimate.amount is None:
            return "", None
        text = self._arithmetic(estimate, name, base_name, cap, lang, asks_ceiling)
        text = self._with_range_bottom(text, estimate.amount, direction, figures, given, lang)
        if asks_share:
            text = self._with_investment_share(text, estimate, lang)
        return text, estimate.amount

    def _with_range_bottom(
        self,
        text: str,
        amount: Decimal,
        direction: Direction,
        figures: list[Figure],
        given: dict[str, Decimal],
        lang: Lang,
    ) -> str:
        """省级大概50万到60万: the `amount` is worked from the range's top; its bottom gives the
        other end of the amount, said after it."""
        base = direction.funding.base
        low = next((f.low for f in figures if f.role == base and f.low is not None), None)
        if low is None or "calc_range" not in self.kb.lexicon.replies:
            return text
        bottom = estimate_subsidy(direction, self.formula, {**given, base: low})
        if bottom is None or bottom.amount is None or bottom.amount == amount:
            return text
        line = reply_text(
            self.kb,
            "calc_range",
            lang,
            low=money(low, lang),
            low_amount=money(bottom.amount, lang),
            amount=money(amount, lang),
        )
        end = "。" if lang == "zh" else "."
        return f"{text.removesuffix(end)}{line}{end}"

    def _with_investment_share(self, text: str, e: Estimate, lang: Lang) -> str:
        """市配套占我们总投资的百分之几: the worked amount as a share of the investment given."""
        ceiling = self.formula.ceiling
        investment = e.figures.get(ceiling.figure) if ceiling is not None else None
        if ceiling is None or not investment or e.amount is None:
            return text
        share = f"{(e.amount / investment * 100).quantize(Decimal('0.1')).normalize():f}%"
        line = reply_text(
            self.kb,
            "calc_investment_share",
            lang,
            amount=money(e.amount, lang),
            investment=money(investment, lang),
            share=share,
        )
        end = "。" if lang == "zh" else "."
        return f"{text.removesuffix(end)}{line}{end}"

    def _arithmetic(
        self, e: Estimate, name: str, base_name: str, cap: Decimal, lang: Lang, asks_ceiling: bool = False
    ) -> str:
        kb, funding = self.kb, e.direction.funding
        assert e.base is not None and e.share is not None and e.capped is not None and e.amount is not None
        if funding.rate is not None:
            text = reply_text(
                kb,
                "calc_share",
                lang,
                direction=name,
                base_name=base_name,
                base=money(e.base, lang),
                rate=percent(funding.rate),
                share=money(e.share, lang),
            )
        else:
            start = e.tier.from_yuan if e.tier is not None else funding.tiers[0].from_yuan
            text = reply_text(
                kb,
                "calc_tier" if e.tier is not None else "calc_below_tiers",
                lang,
                direction=name,
                base_name=base_name,
                base=money(e.base, lang),
                start=money(Decimal(start), lang),
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
        # the figures fill the lexicon's placeholders by role (e.g. {investment})
        values = {role: money(v or Decimal(0), lang) for role, v in e.figures.items()}
        ceiling = self.formula.ceiling
        besides = [r for r in ceiling.support if r != funding.base and e.figures.get(r)] if ceiling else []
        if e.room is not None and e.room >= e.capped and besides:
            # the user named support beside the base (国家又给了50万): show that the ceiling holds
            text += reply_text(kb, "calc_room_fits", lang, **values, room=money(e.room, lang))
        elif e.room is not None and e.room >= e.capped and asks_ceiling and ceiling is not None:
            # 省里补了50万，再加市里5万，超了没: the total against the investment, asked
            support = sum((e.figures.get(r) or Decimal(0) for r in ceiling.support), Decimal(0))
            total = money(support + e.amount, lang)
            text += reply_text(
                kb, "calc_total_fits", lang, **values, amount=money(e.amount, lang), total=total
            )
        if e.room is not None and e.room < e.capped:
            key = "calc_room"
            if self.formula.ceiling is not None:
                values[self.formula.ceiling.figure] = money(e.ceiling, lang)
                # the support the user named beside the base (国家又给了50万) has a wording of its own
                named = [f"calc_room_with_{r}" for r in self.formula.ceiling.support if e.figures.get(r)]
                key = next((k for k in named if k in kb.lexicon.replies), key)
            text += reply_text(
                kb,
                key,
                lang,
                **values,
                room=money(e.room, lang),
                amount=money(e.amount, lang),
            )
        return text + ("。" if lang == "zh" else ".")
