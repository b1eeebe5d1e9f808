"""The caps of the notice's directions taken together: how many directions a cap is (4个方向里面上限
是100万的有几个) and what the caps come to added up (四个方向的市级单项上限加起来是多少). Both are
read from the pack's funding rules, so another notice's pack gives its own."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from conversations.understanding import Understanding
from conversations.worked import added_up, direction_name, money
from knowledge.answers import clause_label, reply_text
from knowledge.figures import read_amounts, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.schema import Direction, Lang

CAP_SAID = re.compile(r"上限|封顶|最高额|最高金额|\bcaps?\b|\bcapped\b|\bmaximum\b", re.IGNORECASE)
# 上限是100万, 100万封顶, capped at 1 million: an amount said as a cap (not 省级拿了100万)
CAP_AMOUNT = re.compile(
    r"(?:上限|封顶|最高)(?:都)?(?:是|为)?\s*(?P<after>\d+(?:\.\d+)?\s*万)"
    r"|(?P<before>\d+(?:\.\d+)?\s*万)元?(?:的)?(?:上限|封顶)"
    r"|\b(?:capped at|cap of|caps? (?:is|are|of)) (?P<english>(?:rmb\s*)?[\d.,]+\s*(?:million|m|mn|k)?)",
    re.IGNORECASE,
)
# 有几个, 哪几个方向, how many directions: the directions with that cap counted
HOW_MANY = re.compile(
    r"(?:有|是|共)(?:几|多少)个|哪几个|哪些方向|\bhow many (?:directions|categories|tracks)\b", re.IGNORECASE
)
# 封顶多少, what is the cap: the amount itself asked
AMOUNT_ASKED = re.compile(r"多少|几多|几钱|\bhow much\b|\bwhat (?:is|are)\b", re.IGNORECASE)
# 加起来是多少, sum of the caps: the caps added up
ADDED_UP = re.compile(
    r"加起来|加在一起|加埋|之和|总和|相加|合计|\bsum\b|\badd(?:ed)? up\b|\bcombined\b", re.IGNORECASE
)


class Caps:
    """Built once from the knowledge base; `answered` is read-only."""

    def __init__(self, kb: KnowledgeBase, every_direction: list[str]) -> None:
        self.kb = kb
        self.directions = kb.notice.directions
        self.every_direction = [to_arabic(w).lower() for w in every_direction if w]
        sections = {d.funding.clause.split("(")[0] for d in self.directions}
        self.section = sections.pop() if len(sections) == 1 else ""  # 三: where the caps are said

    def answered(
        self, understood: Understanding, lang: Lang, asked_of: Callable[[Understanding], list[str]]
    ) -> str:
        """The answer when the caps of the directions are counted or added up, or "". `asked_of`
        gives the clauses that ask (read only once a cap is said): one asking a cap's amount
        besides (其他方向封顶多少) wants every cap."""
        text = to_arabic(understood.simplified)
        if not self.section or understood.other_programme or not CAP_SAID.search(text):
            return ""
        asked = asked_of(understood)
        if len(asked) > 1 and any(_cap_amount_asked(to_arabic(clause)) for clause in asked):
            return ""
        if "caps_counted" not in self.kb.lexicon.replies:
            return ""  # a pack without the words answers as before
        caps = {f.yuan for m in CAP_AMOUNT.finditer(text) for f in read_amounts(m.group(0))}
        if HOW_MANY.search(text) and len(caps) == 1:
            return self._counted(caps.pop(), lang)
        told = read_amounts(text)
        if ADDED_UP.search(text) and not told and any(w in text.lower() for w in self.every_direction):
            return self._added_up(lang)
        return ""

    def _counted(self, cap: Decimal, lang: Lang) -> str:
        """上限是100万的有几个: the directions capped at that amount."""
        capped = [d for d in self.directions if Decimal(d.funding.cap_yuan) == cap]
        if not capped:
            return ""
        return reply_text(
            self.kb,
            "caps_counted",
            lang,
            count=str(len(capped)),
            total=str(len(self.directions)),
            cap=money(cap, lang),
            directions=_listed(capped, lang),
            clause=clause_label(self.kb, self.section, lang),
        )

    def _added_up(self, lang: Lang) -> str:
        """四个方向的上限加起来: each direction's cap, and their sum."""
        terms, total = added_up([Decimal(d.funding.cap_yuan) for d in self.directions], lang)
        return reply_text(
            self.kb,
            "caps_added_up",
            lang,
            total=str(len(self.directions)),
            terms=terms,
            sum=total,
            clause=clause_label(self.kb, self.section, lang),
        )


def _cap_amount_asked(clause: str) -> bool:
    """其他方向封顶多少, what are the other caps: a cap's amount asked, none told."""
    if ADDED_UP.search(clause) or read_amounts(clause):
        return False
    return bool(CAP_SAID.search(clause) and AMOUNT_ASKED.search(clause))


def _listed(directions: list[Direction], lang: Lang) -> str:
    return ("、" if lang == "zh" else "; ").join(direction_name(d, lang) for d in directions)
