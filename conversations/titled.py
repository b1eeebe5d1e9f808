"""The notice named by its full title (《关于组织开展2022年韶关市…的通知》的发文单位是？): the title is
the notice's name, not forty of its words asked about, so it reads as 本通知. A title typed from
memory (a word dropped, 2022 for 2022年) is still the title; a few of its words are not."""

from __future__ import annotations

import re
from functools import partial

from rapidfuzz import fuzz

from knowledge.loader import KnowledgeBase

CLOSE = 80  # how alike a span of the message must be to the title
SHARE = 0.7  # and how much of the title's length it must cover
NUMBER_ASKED = re.compile(r"\b(?:number|reference)\b|文号|编号", re.IGNORECASE)  # the number is what is asked
NOTICE_NUMBER = re.compile(
    r"^(\D*?)\s*[〔\[（(【]\s*(\d{4})\s*[〕\]）)】]\s*(\d+)\s*号"
)  # 韶工信函〔2022〕91号
# 91号文是什么, what is the No. 91 notice: the number is what is asked about
WHAT_IT_IS = re.compile(r"\s*(?:是|指)(?:什么|啥|哪个|哪份|哪一份|咩|乜|的是什么)|\s*(?:is|refers?)\b")
WHAT_BEFORE = re.compile(r"\b(?:what|which)(?: is| was|'s)?(?: the)?\s*$", re.IGNORECASE)
SERIAL = re.compile(r"(?<![\d.月])(\d+)\s*号(?:文|文件)?(?!\d)")
QUOTES = "《》〈〉“”\"'「」"


class NoticeTitle:
    """Built once from the pack's title, in both languages."""

    def __init__(self, kb: KnowledgeBase) -> None:
        title = kb.notice.notice.title
        self.titles = [(title.zh, "本通知"), (title.en.lower(), "this notice")]
        # 根据韶工信函〔2022〕91号，…; Shaoguan's No. 91 notice: the notice named by its number
        number = NOTICE_NUMBER.search(kb.notice.notice.number)
        self.by_number: list[tuple[re.Pattern[str], str]] = []
        self.serial = ""
        if number:
            prefix, year, serial = (re.escape(g) for g in number.groups())
            self.serial = number.group(3)
            self.by_number = [
                (
                    re.compile(
                        rf"(?:(?:{prefix})?\s*[〔\[（(【]?\s*{year}\s*[〕\]）)】]?\s*)?(?<!\d)第?{serial}\s*号(?:文件|文)?"
                        r"(?!\s*(?:notice|document|circular|letter)\b)"
                    ),
                    "本通知",
                ),
                (
                    re.compile(
                        rf"\b(?:shaoguan'?s\s+)?(?:no\.?\s*|number\s+|#)?{serial}\s*(?:号|\b)"
                        r"\s*(?:notice|document|circular|letter)\b",
                        re.IGNORECASE,
                    ),
                    "this notice",
                ),
            ]

    def _other_numbers(self, question: str) -> bool:
        """91号文还是19号文: another number beside the notice's, so which it is is asked."""
        return any(n != self.serial for n in SERIAL.findall(question))

    def as_named(self, question: str) -> str:
        """The question with the notice's title, and the quotes around it, as 本通知 / this notice."""
        for title, name in self.titles:
            if not title or len(question) < len(title) * SHARE:
                continue
            found = fuzz.partial_ratio_alignment(title, question.lower())
            if found is None or found.score < CLOSE:
                continue
            start, end = found.dest_start, found.dest_end
            if end - start < len(title) * SHARE or _years(question[start:end]) - _years(title):
                continue  # 《关于组织开展2023年…的通知》: another year's notice, named as such
            while start > 0 and question[start - 1] in QUOTES:
                start -= 1
            while end < len(question) and question[end] in QUOTES:
                end += 1
            spaced = f" {name} " if title.isascii() else name
            question = f"{question[:start]}{spaced}{question[end:]}".strip()
        if not NUMBER_ASKED.search(question) and not self._other_numbers(question):
            for pattern, name in self.by_number:
                question = pattern.sub(partial(_named_unless_asked, name), question)
        return question


def _years(text: str) -> set[str]:
    return set(re.findall(r"(?<!\d)\d{4}(?!\d)", text))


def _named_unless_asked(name: str, match: re.Match[str]) -> str:
    """本通知 for the number, unless the number itself is asked about (91号文是什么)."""
    text = match.string
    asked = WHAT_IT_IS.match(text, match.end()) or WHAT_BEFORE.search(text[: match.start()])
    return match.group(0) if asked else name
