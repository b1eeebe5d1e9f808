"""Paper copies worked out with the user's own count: 客户A、B、C三家的入库申报书总共要几份 →
3 × 7 = 21. The notice asks each submission in so many copies (一式七份); a count of projects,
firms or clients said beside a total asked multiplies it, one set for each."""

from __future__ import annotations

import re

from conversations.understanding import Understanding
from knowledge.answers import clause_label, reply_text
from knowledge.figures import to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.schema import Lang, Stage

NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
EN_NUMERALS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# 三家, 3个项目, 两个客户的项目, 4 clients: how many sets (not 一式七份, the copies themselves)
ZH_COUNT = re.compile(
    r"(?<![\d.式])(\d+|[两二三四五六七八九十])\s*(?:个|家|间)\s*"
    r"(?:[^，,。？?！!\d份]{0,4}?(?:项目|专案|企业|公司|客户|厂|单位)|(?<=家)(?!供应商|服务商|厂商|银行|运营商|代理|中介))"
)
EN_COUNT = re.compile(
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?"
    r"(?:projects|clients|companies|firms|factories|enterprises)\b",
    re.IGNORECASE,
)
# 总共要几份, 一共多少份, how many copies in total: the sum of the copies asked
TOTAL_COPIES = re.compile(
    r"(?:总共|一共|合共|合计|共要|共需|加起来|总数|总共要|一共要)[^，,。？?！!]{0,8}?(?:几|多少)\s*(?:份|套)"
    r"|(?:几|多少)\s*(?:份|套)[^，,。？?！!]{0,6}?(?:总共|一共|合计|加起来)"
    r"|\bhow many (?:paper )?(?:copies|sets)\b[^.?!]{0,40}?\b(?:in total|altogether|in all|overall|total)\b"
    r"|\b(?:total|overall) (?:number of )?(?:paper )?(?:copies|sets)\b",
    re.IGNORECASE,
)


class CopiesSum:
    """Built once from the pack's stages; `worked` reads one message."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.stages = [s for s in kb.notice.stages if s.paper_copies]

    def worked(self, understood: Understanding, lang: Lang) -> str:
        """The copies of each stage the message names (of all, when it names none) for the sets
        it counts; "" when it asks no total of copies, counts fewer than two, or the pack has no
        reply for it."""
        if "copies_total" not in self.kb.lexicon.replies or not self.stages:
            return ""
        text = understood.simplified
        if not TOTAL_COPIES.search(text):
            return ""
        count = self._count(text)
        if count < 2:
            return ""
        named = understood.topic_ids({s.id for s in self.stages})
        stages = [s for s in self.stages if s.id in named] or self.stages
        return "\n".join(self._line(stage, count, lang) for stage in stages)

    @staticmethod
    def _count(text: str) -> int:
        said = ZH_COUNT.search(to_arabic(text))  # 三十个项目 is 30, not 十
        if said:
            number = said.group(1)
            return int(number) if number.isdigit() else NUMERALS[number]
        said = EN_COUNT.search(text)
        if said:
            number = said.group(1).lower()
            return int(number) if number.isdigit() else EN_NUMERALS[number]
        return 0

    def _line(self, stage: Stage, count: int, lang: Lang) -> str:
        numbers = stage.paper_copies_of or stage.attachments
        names = [reply_text(self.kb, "copies_attachment", lang, number=str(n)) for n in numbers]
        attachments = "、".join(names) if lang == "zh" else " and ".join(names)
        copies = stage.paper_copies or 0
        return reply_text(
            self.kb,
            "copies_total" if len(numbers) == 1 else "copies_total_each",
            lang,
            stage=stage.name.get(lang),
            attachments=attachments,
            count=str(count),
            copies=str(copies),
            total=str(count * copies),
            clause=clause_label(self.kb, stage.clause, lang),
        )
