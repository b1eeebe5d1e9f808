"""The attachments a message names: by number (附件1是什么, 附件2、3、4、5, 附件二到五, attachments 4
and 5), or in English by words of the title that no other attachment's title has (the summary
table: attachment 2)."""

from __future__ import annotations

import re
from itertools import pairwise

from knowledge.answers import CHINESE_NUMERALS
from knowledge.figures import to_arabic
from knowledge.schema import Attachment

# words that name no attachment: the English function words, and the city every title names
FUNCTION_WORDS = {"of", "the", "for", "on", "to", "a", "an", "and", "in", "by", "with", "shaoguan"}
LONG_TITLE_WORD = 8  # a word this long names a short English title (commitment)
# 附件一共三个: the numeral of 一共 names no attachment
ATTACHMENT_NUMBER = re.compile(
    r"(?:附件|attachments?|annex(?:es)?)\s*(\d{1,2}|[一二三四五六七八九](?![共起并下些样]))", re.IGNORECASE
)
# 附件2、3、4、5, 附件二三四五, attachments 4 and 5: the numbers listed after the first
LISTED_NUMBER = re.compile(
    r"\s*(?:[、,，/&和及与跟]|\band\b)?\s*(\d(?!\d|\s*(?:[份个套张页]|cop|set|page))|[二三四五六七八九](?![共起并下些样个份套张页]))",
    re.IGNORECASE,
)
# 第一个附件, the second annex: an attachment named by its place in the list
ORDINAL_ATTACHMENT = re.compile(
    r"第\s*(\d|[一二三四五六七八九])\s*(?:个|份|项|号)?\s*附件"
    r"|\b(first|second|third|fourth|fifth)\s+(?:attachment|annex)",
    re.IGNORECASE,
)
ENGLISH_ORDINALS = ("first", "second", "third", "fourth", "fifth")
NUMERAL_RUN = re.compile(r"附件[一二三四五六七八九]{2}")
# 附件2到5, 附件二至五, attachments 2-5: a range
NUMBER_RANGE = re.compile(r"\s*(?:到|至|-|~|～|—)\s*(\d|[二三四五六七八九])")


def attachment_numbers(question: str) -> list[int]:
    """附件1是什么, 附件2、3、4、5, 附件二到五: the attachments a message names by number."""

    def number(n: str) -> int:
        return int(n) if n.isdigit() else CHINESE_NUMERALS.index(n) + 1

    # a run of numerals (附件二三四五) lists attachments: read as one number (2345) it names none
    text = question if NUMERAL_RUN.search(question) else to_arabic(question)
    numbers: list[int] = []
    for match in ATTACHMENT_NUMBER.finditer(text):
        numbers.append(number(match.group(1)))
        end = match.end()
        span = NUMBER_RANGE.match(text, end)
        if span:
            numbers += range(numbers[-1] + 1, number(span.group(1)) + 1)
            continue
        while listed := LISTED_NUMBER.match(text, end):
            numbers.append(number(listed.group(1)))
            end = listed.end()
    for match in ORDINAL_ATTACHMENT.finditer(question):
        said, english = match.group(1), match.group(2)
        numbers.append(ENGLISH_ORDINALS.index(english.lower()) + 1 if english else number(said))
    return numbers


class EnglishTitles:
    """Each attachment's pairs of adjacent words of its English title that no other title has
    (summary table, application form); a title with no such pair, by its long words (letter of
    commitment: commitment)."""

    def __init__(self, attachments: list[Attachment]) -> None:
        words = {a.number: re.findall(r"[a-z][a-z-]+", a.title.en.lower()) for a in attachments}
        pairs = {
            number: {" ".join(p) for p in pairwise(said) if not set(p) & FUNCTION_WORDS}
            for number, said in words.items()
        }
        # a short title (letter of commitment) has no such pairs: its long words tell it
        self.short = {number for number, mine in pairs.items() if not mine}
        for number in self.short:
            pairs[number] = {w for w in words[number] if len(w) >= LONG_TITLE_WORD}
        self.own = {
            number: [
                re.compile(rf"\b{re.escape(p)}\b")
                for p in sorted(mine)
                if not any(p in other for n, other in pairs.items() if n != number)
            ]
            for number, mine in pairs.items()
        }

    def said(self, text: str) -> list[int]:
        """The attachments whose own English words the text says."""
        return [number for number, patterns in self.own.items() if any(p.search(text) for p in patterns)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text says a short title's own English words (the commitment letter); a long
        title's words may be a stage's own name (entry application), so they are not told."""
        return [m.span() for n in self.short for p in self.own[n] for m in p.finditer(text)]
