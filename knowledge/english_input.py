"""English words in a Chinese message (我们的project完成了吗, city能match多少, deadline是哪天): people
who work in both languages type the notice's own terms in English inside a Chinese sentence. The
words the lexicon's `mixed_english` lists are read as the Chinese terms they stand for, so the
message is matched against the Chinese phrasings as a whole; a message mostly in English keeps its
words (its English phrasings answer it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.normalize import detect_language, has_cjk

ENGLISH_WORD = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{2,}(?![A-Za-z])")  # not AI, MES, 5G


class EnglishInput:
    """Built once from the lexicon's `mixed_english` glossary."""

    def __init__(self, glossary: Mapping[str, str]) -> None:
        self._glossary = {k.lower(): v for k, v in glossary.items()}
        keys = sorted(self._glossary, key=len, reverse=True)  # provincial funding before funding
        # a word begins and ends where no Latin letter is beside it (的project完成: CJK is no
        # letter); plurals and -ed/-ing forms of a listed word are the same word
        words = "|".join(r"\s+".join(map(re.escape, k.split())) for k in keys)
        # a word set off by spaces on both sides (我们 plan 申报两个 projects): the spaces go with it,
        # or they would read as a break between clauses once the word is Chinese
        self._pattern = (
            re.compile(
                rf"(?P<before>\s+)?(?<![A-Za-z])(?P<word>{words})(?:s|es|ed|d|ing)?(?![A-Za-z])(?P<after>\s+)?",
                re.IGNORECASE,
            )
            if keys
            else None
        )

    def to_chinese(self, text: str) -> str:
        if self._pattern is None or not has_cjk(text) or detect_language(text) != "zh":
            return text
        read = self._pattern.sub(self._term, text)
        # only when every English word is one of the notice's terms: half translated, a message
        # (用 subsidy 买新的 servers) would match neither language's phrasings; names (AI, MES) stay
        return text if ENGLISH_WORD.search(read) else read

    def _term(self, match: re.Match[str]) -> str:
        term = self._glossary[" ".join(match.group("word").lower().split())]
        before, after = match.group("before") or "", match.group("after") or ""
        text, start, end = match.string, match.start(), match.end()
        # set off as a word (by spaces, punctuation or the message's ends) on both sides: its
        # spaces only set it apart; typed against a character on one side (的project 截止日期),
        # the space on the other may end a clause
        set_off_before = bool(before) or start == 0 or not text[start - 1].isalnum()
        set_off_after = bool(after) or end == len(text) or not text[end].isalnum()
        return term if set_off_before and set_off_after else f"{before}{term}{after}"
