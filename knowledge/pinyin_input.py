"""Messages typed in pinyin without picking the characters: lianxiren dianhua duoshao → 联系人 电话
多少, ruku shenbao jiezhi shi ji hao → 入库 申报 截止 几号.

A run of Latin words is read as pinyin only when every word of it splits into pinyin syllables and
the knowledge base's own words cover most of those syllables, so English (can we apply) and names
(MES, ERP) stay as typed. Syllables no known word covers are dropped: a lone syllable (shi, a, de)
could be any of dozens of characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from knowledge.pinyin import reading, table
from knowledge.typos import keys, word_frequency

LATIN_RUN = re.compile(r"[A-Za-z]+(?:[\s']+[A-Za-z]+)*")
LATIN_WORD = re.compile(r"[A-Za-z]+")
# a syllable right after a figure is its unit: 300wan is 300万, 7fen is 7份
FIGURE_UNITS = {"wan": "万", "qian": "千", "yi": "亿", "yuan": "元", "kuai": "元", "fen": "份", "ge": "个"}
# a lone syllable is dropped (shi could be any of dozens of characters), but for these little words,
# which say what kind of sentence it is (吗, 几) or join words (的, 和)
PARTICLES = {"de": "的", "ma": "吗", "ne": "呢", "he": "和", "ji": "几"}  # fujian ji he fujian ji
# shei, the spoken reading of 谁, is typed as often as the table's shui
SPOKEN_SPELLINGS = {"shei": "shui"}
# 5g, 4G: a figure's letter is a name, not a syllable
AFTER_FIGURE = re.compile(r"(?<=\d)[A-Za-z]+")
# ba yue di wan gong: the month a date is said in (八月底完工)
MONTHS = [
    f"{n}月{part}"
    for n in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
    for part in ("", "初", "中", "底", "份")
]
LONGEST_WORD = 4  # syllables of the longest known word looked for
COVERED = 0.6  # at least this share of a run's syllables must be known words
# ru库, 截zhi: one lowercase syllable typed beside a character, the IME's pick skipped for it
HALF_TYPED = re.compile(
    r"(?<![A-Za-z])([a-z]{1,6})(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])([a-z]{1,6})(?![A-Za-z])"
)


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    return frozenset(table().values())


def split_syllables(word: str) -> list[str] | None:
    """The word as pinyin syllables (shenbaoshu → shen bao shu), longest syllable first with
    backtracking; None when it is no pinyin."""
    word = word.lower()
    if not word:
        return []
    for end in range(min(6, len(word)), 0, -1):
        head = SPOKEN_SPELLINGS.get(word[:end], word[:end])
        if head in syllables():
            rest = split_syllables(word[end:])
            if rest is not None:
                return [head, *rest]
    return None


def _by_sound(words: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Each word (2 to 4 characters) by its toneless pinyin."""
    by_sound: dict[tuple[str, ...], str] = {}
    for word in sorted(words):
        if not 2 <= len(word) <= LONGEST_WORD or any(reading(c) is None for c in word):
            continue
        for key in keys(word):
            known = by_sound.get(key)
            # several words sound alike: the commonest in the language is the one meant
            if known is None or word_frequency(word) > word_frequency(known):
                by_sound[key] = word
    return by_sound


class PinyinInput:
    """Built once from the knowledge base's words (2 to 4 characters)."""

    def __init__(
        self, vocabulary: Iterable[str], initials: Mapping[str, str] | None = None, others: Iterable[str] = ()
    ) -> None:
        """`others` are words of what the notice is not about (技改, 福建): read where no word of
        the notice's own sounds the same (fujian is 附件, not 福建)."""
        self.initials = {k.lower(): v for k, v in (initials or {}).items()}
        typed = "|".join(sorted(map(re.escape, self.initials), key=len, reverse=True))
        # the spaces around them go too: 入库申报截止是几号 is one clause, as if typed in characters
        pattern = rf"\s*(?<![A-Za-z])(?:{typed})(?![A-Za-z])\s*"
        self._initials = re.compile(pattern, re.IGNORECASE) if typed else None
        own = _by_sound({*vocabulary, *MONTHS})
        self.by_sound = {**_by_sound(others), **own}

    def to_chinese(self, text: str) -> str:
        """The text with each run of pinyin replaced by the known words it spells; as typed when
        any of its Latin words is no pinyin (women-owned firm), but for names in capitals (MES)."""
        if self._initials is not None:  # ruku sb jz是几号: 申报, 截止
            text = self._initials.sub(lambda m: self.initials[m.group(0).strip().lower()], text)
        text = HALF_TYPED.sub(self._half_typed, text)
        named = {m.start() for m in AFTER_FIGURE.finditer(text)}
        latin = [
            m.group(0) for m in LATIN_WORD.finditer(text) if not (m.group(0).isupper() or m.start() in named)
        ]
        if not latin or any(split_syllables(w) is None for w in latin):
            return text
        return LATIN_RUN.sub(self._run_at, text)

    def _half_typed(self, match: re.Match[str]) -> str:
        """ru库 → 入库, 截zhi → 截止: the syllable is the character that makes a known word with
        the character after or before it; as typed when none does, or when the Latin is no
        syllable (app里)."""
        syllable = match.group(1) or match.group(2)
        if syllable not in syllables():
            return syllable
        text = match.string
        after = text[match.end()] if match.end() < len(text) else ""
        before = text[match.start() - 1] if match.start() > 0 else ""
        for neighbour, first in ((after, True), (before, False)):
            sound = reading(neighbour) if neighbour else None
            if sound is None:
                continue
            word = self.by_sound.get((syllable, sound) if first else (sound, syllable))
            if word is not None and word[1 if first else 0] == neighbour:
                return word[0] if first else word[1]
        return syllable

    def _run_at(self, match: re.Match[str]) -> str:
        run = match.group(0)
        after_figure = match.start() > 0 and match.string[match.start() - 1].isdigit()
        unit, _, rest = run.partition(" ")
        if after_figure and unit.lower() in FIGURE_UNITS:  # 300wan: the figure's unit (万)
            return FIGURE_UNITS[unit.lower()] + (self._run(rest) if rest else "")
        if after_figure:  # 5g xiangmu: the figure's letter as typed, the pinyin after it read
            return unit + (" " + self._run(rest) if rest else "")
        return self._run(run)

    def _run(self, run: str) -> str:
        """One run of Latin words: names in capitals (MES) as typed, the pinyin between them read."""
        out: list[str] = []
        pinyin: list[str] = []
        for word in re.split(r"[\s']+", run):
            if word.isupper():
                out += [self._words(pinyin), word]
                pinyin = []
            else:
                pinyin.append(word)
        out.append(self._words(pinyin))
        read = " ".join(w for w in out if w)
        return run if read == " ".join(w for w in re.split(r"[\s']+", run) if w) else read

    def _words(self, typed: list[str]) -> str:
        """Pinyin words as the known words they spell, or as typed when too few are known."""
        sounds: list[str] = []
        cuts = {0}  # a known word may join typed words, never cut into one of several syllables
        alone: set[int] = set()  # the syllables typed as words of their own (ma, not the ne of deadine)
        for word in typed:
            split = split_syllables(word) or []
            if len(split) > 1 and tuple(split) not in self.by_sound:
                cuts.update(range(len(sounds) + 1, len(sounds) + len(split)))  # no word: any cut
            if len(split) == 1:
                alone.add(len(sounds))
            sounds += split
            cuts.add(len(sounds))
        # read from the end: a question's asking words close it (shi ji hao is 是几号, not 实际 + hao)
        words: list[str] = []
        covered = 0
        end = len(sounds)
        while end > 0:
            for length in range(min(LONGEST_WORD, end), 1, -1):
                known = self.by_sound.get(tuple(sounds[end - length : end]))
                if known is not None and end - length in cuts and end in cuts:
                    words.insert(0, known)
                    covered += length
                    end -= length
                    break
            else:
                end -= 1
                particle = PARTICLES.get(sounds[end]) if end in alone else None
                if particle:  # keyi shenbao ma: the question's 吗, 注册de公司: the 的 that binds
                    words.insert(0, particle)
                    covered += 1
        while words and words[0] in PARTICLES.values():
            words.pop(0)  # de shenbao: nothing before it to bind
        if not words or covered < COVERED * len(sounds):
            return " ".join(typed)
        return "".join(words)  # Chinese needs no spaces; a space would split the clause
