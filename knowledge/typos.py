"""Homophone typo correction: 放向 → 方向, 头资 → 投资, 联细人 → 联系人.

Most Chinese typos on a phone come from pinyin input: the right sound, the wrong character. A
word of the question that the knowledge base does not know is replaced by a known word with the
same toneless pinyin that shares at least one character with it (not a mere particle: 补得 is no
不得), so real words that merely sound alike (下雨 / 夏雨) are not pulled into the notice's
vocabulary. When no known word sounds exactly the same, zh ch sh may stand for z c s, as southern
speakers type them (验搜 → 验收).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

import rjieba

from knowledge.pinyin import reading

WORD_LENGTHS = (4, 3, 2)
RARITY = 20  # a typo is at least this many times rarer than the word it stands for
RARE_WORD = 500  # jieba frequency under which a word counts as rare


@lru_cache(maxsize=65536)
def word_frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (about 1 for a string that is no word)."""
    return int(rjieba.suggest_freq(word))


@lru_cache(maxsize=65536)
def keys(word: str) -> tuple[tuple[str, ...], ...]:
    """The word's toneless pinyin, each character in its usual reading, or none for non-Chinese.

    Rare readings are left out on purpose: 找 can be read hua, which would turn 的找 into 的话.
    """
    key = tuple(reading(char) for char in word)
    return (key,) if None not in key else ()  # type: ignore[return-value]


PARTICLES = frozenset("的得地了着过")
# 那步要, 第二步要: a measure word after a demonstrative or a numeral starts no typo (步要 is no 不要)
COUNTERS = frozenset("这那哪每零一二两三四五六七八九十几0123456789")  # demonstratives and numerals
MEASURE_WORDS = frozenset("步个份项家批次轮期张条款种类样")
# 先在韶关注册, 再到县里: an adverb then a preposition is two words (先在 is no typo of 现在)
ADVERBS = frozenset("先再还都也就才又")
PREPOSITIONS = frozenset("在到给跟把从")
# southern speakers, Guangdong's among them, say zh ch sh as z c s: 验搜 is typed for 验收 (yan shou)
FLAT_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))


def flat(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key with zh ch sh said as z c s."""
    return tuple(next((f + s[len(r) :] for r, f in FLAT_INITIALS if s.startswith(r)), s) for s in key)


LONG_WORDS = (3, 4)  # known words this long that a piece's last character may begin


class HomophoneCorrector:
    def __init__(
        self,
        vocabulary: Iterable[str],
        aliases: Mapping[str, str] | None = None,
        whole: Iterable[str] = (),
    ) -> None:
        """`aliases` maps known variants to their canonical word (附见 → 附件), so that variants
        of one word do not make a correction look ambiguous; `whole` words are never cut by a
        correction (招人 in 哪里招人 keeps 哪里招 from becoming 哪里找)."""
        self.aliases = dict(aliases or {})
        self.vocabulary = frozenset(w for w in vocabulary if len(w) in WORD_LENGTHS)
        self.whole = frozenset(w for w in whole if len(w) in WORD_LENGTHS)  # kept, never a target
        self._by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._by_flat_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for word in self.vocabulary:
            for key in keys(word):
                self._by_key[key].add(word)
                self._by_flat_key[flat(key)].add(word)

    @lru_cache(maxsize=65536)  # noqa: B019 - one corrector per process, built once; pieces recur
    def _candidate(self, piece: str) -> str | None:
        # the exact sound first; said the southern way only when no known word sounds the same
        found = {w for key in keys(piece) for w in self._by_key.get(key, ())} or {
            w for key in keys(piece) for w in self._by_flat_key.get(flat(key), ())
        }
        # a particle in common makes no kinship: 补得 (paid) is no typo of 不得 (must not)
        shared = sorted(
            {self.aliases.get(w, w) for w in found if w != piece and (set(w) & set(piece)) - PARTICLES}
        )
        if len(shared) != 1:
            return None  # ambiguous: leave it as typed
        # 只能花 is no 智能化: a common word the three characters begin or end with, and the word
        # lacks, was meant (a piece of four is two words, 那个方向 as often a typo of 哪个方向)
        ends = {piece[:2], piece[-2:]} if len(piece) == 3 else set()
        spelt = [w for w in found if self.aliases.get(w, w) == shared[0]]  # 最后期限, for 截止日期
        if any(word_frequency(e) >= RARE_WORD and not any(e in w for w in spelt) for e in ends):
            return None
        # a real word the user meant (同一, not 同意) is common in the language; a typo is not
        if word_frequency(piece) * RARITY > max(word_frequency(shared[0]), RARE_WORD):
            return None
        return shared[0]

    def _straddles(self, run: str, start: int, length: int, before: str = "") -> bool:
        """True when a common word (or a whole word) crosses either edge of the piece: in 五金加工
        the piece 金加 ends inside 加工, so it is no typo of 金价; or the piece begins with the
        measure word of a demonstrative or a numeral (那步要交: 步 belongs to 那), which may stand
        just `before` the run."""
        previous = run[start - 1] if start else before
        if previous in COUNTERS and run[start] in MEASURE_WORDS:
            return True
        if length == 2 and run[start] in ADVERBS and run[start + 1] in PREPOSITIONS:
            return True
        end = start + length
        if end < len(run) and run[end - 1] in COUNTERS and run[end] in MEASURE_WORDS:
            return True  # 分几类: 几 belongs to its measure word 类, so 分几 is no 分级
        for edge in (start, start + length):
            word = run[edge - 1 : edge + 1]
            if edge > 0 and len(word) == 2 and (word_frequency(word) >= RARE_WORD or word in self.whole):
                return True
        # a longer known word runs past the piece's end: 找工信局, its last character begins 工信局, so 找工
        # is no 招工; 通知一句话, 一句话 begins inside it, so 通知一句 is no 通知依据
        return any(
            run[s : s + n] in self.vocabulary
            for n in LONG_WORDS
            for s in range(max(end - n + 1, 0), end)  # each word of n that runs past the piece's end
            if s + n <= len(run)
        )

    def correct(self, run: str, before: str = "") -> str:
        """A run of Chinese characters with unknown words replaced by their known homophones;
        `before`: the character just before the run in its text (a numeral: 3份要)."""
        out: list[str] = []
        i = 0
        while i < len(run):
            for length in WORD_LENGTHS:
                piece = run[i : i + length]
                if len(piece) < length:
                    continue
                if piece in self.vocabulary or piece in self.whole:
                    out.append(piece)
                    break
                replacement = None if self._straddles(run, i, length, before) else self._candidate(piece)
                if replacement is not None:
                    out.append(replacement)
                    break
            else:
                out.append(run[i])
                i += 1
                continue
            i += length
        return "".join(out)
