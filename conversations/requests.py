"""A request to write or sum up for someone else (帮我写一句提醒贴在OA公告上, 帮我一句话跟老板说,
write a short WeChat message to our partner): the assistant does not write the text, but the
facts it would carry are the notice's, so what they are about is what is asked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.normalize import simplify

# a clause ends at a mark of punctuation or a line break (not at 、: one list of things asked; not
# at the point of 等保2.0)
CLAUSE_END = re.compile(r"(?:[，,。！!？?；;：:\n]|(?<!\d)\.|\.(?!\d))+")


# 帮我写两句跟老板说明为啥这轮可能赶不上: what is to be explained is itself a question of the notice
EXPLAINED_QUESTION = re.compile(
    r"(?:说明|解释|讲清楚|讲明白|说清楚|讲讲|讲一讲|explain)(?:一下|下)?(?:给)?"
    r"(?:他们|她们|他|她|老板|同事|大家|领导|to (?:him|her|them|the boss))?\s*"
    r"((?:为啥|为什么|为何|点解|什么|啥|怎么|哪|几|多少|是否|能不能|可不可以|why|what|how|when|which)\S.*)$",
    re.IGNORECASE,
)

# 帮我用一句话概括下这个通知讲啥, 总结一下支持方式: what is to be summed up is the notice's thing asked
# (in English the whole message is searched: summarise the support directions in a few lines)
SUMMED_UP = re.compile(
    r"(?:概括|总结|归纳|提炼|讲清楚|说清楚|讲明白|说明白)(?:一下|下)?(?:给我|给老板|给领导|给大家)?\s*(\S.*)$"
)

# 起止日期做成一行表格, 列个清单: the shape the answer is wanted in, after what is asked (not 把几家企业
# 的联系人整理成表格: things of one's own handed over to be put in shape)
SHAPE_ASKED = re.compile(
    r"\s*(?:帮我|给我|请)?(?:做成|列成|整理成|弄成|排成|画成|写成|做|列|出|画)(?:个|一个|一[行张份条])?"
    r"(?:对比)?(?:表格|表|清单|列表|时间线|时间轴|要点)(?:吧|呗|给我)?\s*(?=[，,。！!？?；;\n]|$)"
)

HANDED_OVER = re.compile(r"[把将]")


def without_shape(text: str) -> str:
    """The text without the shape asked at a clause's end (项目建设窗口的起止日期做成一行表格 → 项目
    建设窗口的起止日期); the text itself when it asks for no shape or is nothing but the shape."""
    rest = SHAPE_ASKED.sub(_unless_handed_over, text)
    return rest if rest.strip(" ，,。！!？?；;\n") else text


def _unless_handed_over(match: re.Match[str]) -> str:
    clause = CLAUSE_END.split(match.string[: match.start()])[-1]
    return match.group(0) if HANDED_OVER.search(clause) else ""


class WritingRequests:
    """Built once from the pack's words that ask for a text to be written or summed up."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted({simplify(w).lower() for w in words if w}, key=len, reverse=True)

    def asks_for_writing(self, text: str) -> bool:
        folded = simplify(text).lower()
        return any(w in folded for w in self.words)

    def is_part_of_one(self, word: str) -> bool:
        """翻成 (of 翻成英文): a word of the request itself, not a thing it asks to be written of."""
        folded = simplify(word).lower()
        return any(folded in w for w in self.words)

    def requests_in(self, text: str) -> list[str]:
        """The clauses that ask for the writing (帮我总结一下那个贷款政策)."""
        return [c.strip() for c in CLAUSE_END.split(text) if c.strip() and self.asks_for_writing(c)]

    def without_them(self, text: str) -> str:
        """The message without the clauses that only ask for the writing (项目验收申请要几号前
        交？[帮我写一句提醒贴在OA公告上]). The message itself when it asks for no writing, or when
        the request is all it says (帮我写一份入库项目申报书: the writing itself is asked)."""
        if not self.asks_for_writing(text):
            return text  # most messages: no clause to look at one by one
        clauses = [c.strip() for c in CLAUSE_END.split(text) if c.strip()]
        rest = [self._explained(c) if self.asks_for_writing(c) else c for c in clauses]
        rest = [c for c in rest if c]
        return "，".join(rest) if rest and rest != clauses else text

    def _explained(self, request: str) -> str:
        """帮我写两句跟老板说明为啥这轮可能赶不上 → 为啥这轮可能赶不上; nothing for a request
        that carries no question of its own."""
        simplified = simplify(request)
        asked = EXPLAINED_QUESTION.search(simplified) or SUMMED_UP.search(simplified)
        return asked.group(1) if asked and not self.asks_for_writing(asked.group(1)) else ""
