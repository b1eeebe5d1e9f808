"""Text normalisation and tokenisation shared by the index and the queries.

Both sides go through the same steps, so a phrasing in the knowledge base and a user's question
meet in one form: full-width → half-width, lower case, traditional → simplified, the lexicon's
synonyms, then words (rjieba, search mode) and character bigrams (robust to typos and to
segmentation that differs between a short query and a long phrasing).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from types import ModuleType

import rjieba
import snowballstemmer

from knowledge.pinyin_input import PinyinInput
from knowledge.typos import HomophoneCorrector


def _import_zhconv() -> ModuleType:
    """zhconv finds its dictionary through pkg_resources when it can, whose import alone costs a
    quarter of a second at start-up; without it zhconv opens the same file beside its module."""
    if "pkg_resources" in sys.modules:
        import zhconv

        return zhconv
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import zhconv
    finally:
        del sys.modules["pkg_resources"]
    return zhconv


zhconv = _import_zhconv()

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Chinese words between numerals and their units (simplified), which typo correction leaves alone
NUMERAL_OR_UNIT = "零〇一二两三四五六七八九十百千万亿元块壹贰叁肆伍陆柒捌玖拾佰仟"
WORDS_BETWEEN_NUMERALS = re.compile(rf"(?:(?![{NUMERAL_OR_UNIT}])[\u3400-\u9fff\uf900-\ufaff])+")
TOKEN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9+.%-]*")
LATIN_WORD = re.compile(r"[a-z]")
# English sentences with a Chinese term or two: this many English words (not acronyms: MES and
# ERP 能报吗 is Chinese), and at most this many Chinese characters per word
ENGLISH_WORD = re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{2,}\b")
MIN_ENGLISH_WORDS = 3
CJK_PER_ENGLISH_WORD = 1.0
# zero-width and bidi controls that users paste from other apps
INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# numerals that number a list (① ⑴ ⒈ ㈠ ❶ ➀): a break between its items, not a digit of what follows
LIST_NUMERAL = re.compile("[\u2460-\u249b\u3220-\u3229\u2776-\u2793]")


def has_cjk(text: str) -> bool:
    return CJK_RUN.search(text) is not None


def detect_language(text: str) -> str:
    """'zh' when the text is mostly Chinese, 'en' when it has Latin letters and at most a few
    Chinese terms in English sentences (Province gave 60 wan to our 上云上平台 project), else 'zh'."""
    lowered = text.lower()
    if not LATIN_WORD.search(lowered):
        return "zh"
    cjk = sum(len(run) for run in CJK_RUN.findall(text))
    if not cjk:
        return "en"
    words = len(ENGLISH_WORD.findall(text))
    return "en" if words >= MIN_ENGLISH_WORDS and cjk <= words * CJK_PER_ENGLISH_WORD else "zh"


@lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """NFKC, lower case, traditional → simplified, invisible characters removed."""
    text = LIST_NUMERAL.sub(",", text)  # ②5G: NFKC would make it 25g
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower()
    return zhconv.convert(text, "zh-cn") if has_cjk(text) else text


_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """English words to their Snowball stem: dates/date → date, completed/complete → complet."""
    return str(_ENGLISH.stemWord(word)) if word.isalpha() else word


PHRASE_GROUP = 16  # phrase patterns searched for at once


# 八月二十六号, 7月八日: a day of a month in Chinese numerals, read as the digits the notice's own
# dates are written in (8月26号), so 八月二十六号前 and 8月26号前 ask the same. (figures.to_arabic
# reads every numeral, but it imports this module and loads cn2an: a day needs neither.)
MONTH_DAY_IN_WORDS = re.compile(
    r"([一二三四五六七八九十]{1,2}|\d{1,2})\s*月\s*([一二三四五六七八九十廿]{1,3})\s*([号日])"
)
NUMERAL_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _small_number(words: str) -> int | None:
    """一 … 三十一 (and 廿六) as a number; None for anything else."""
    words = words.replace("廿", "二十")
    tens, _, ones = words.rpartition("十")
    if "十" not in words:
        return NUMERAL_DIGITS.get(words) if len(words) == 1 else None
    if (tens and tens not in NUMERAL_DIGITS) or (ones and ones not in NUMERAL_DIGITS):
        return None
    return (NUMERAL_DIGITS[tens] if tens else 1) * 10 + (NUMERAL_DIGITS[ones] if ones else 0)


def _month_day_in_digits(match: re.Match[str]) -> str:
    month = match[1] if match[1].isdigit() else _small_number(match[1])
    day = _small_number(match[2])
    if month is None or day is None or not (1 <= int(month) <= 12 and 1 <= day <= 31):
        return match[0]
    return f"{month}月{day}{match[3]}"


class Normaliser:
    """Applies the lexicon: phrase patterns, synonyms (longest first) and stopwords."""

    def __init__(
        self, synonyms: Mapping[str, str], stopwords: Iterable[str], patterns: Mapping[str, str] | None = None
    ) -> None:
        # each phrase's own pattern is compiled the first time its group matches a message: most
        # never do in a short run, and compiling them all on loading cost a third of `ask`'s start-up
        self._phrases = [(k, simplify(v)) for k, v in (patterns or {}).items()]
        self._synonyms = {simplify(k): simplify(v) for k, v in synonyms.items()}
        # a word typed in the canonical form its own synonym extends (怎么管理 of 怎么管 → 怎么管理)
        # stays whole, not 怎么管理 + a stray 理
        for key, value in list(self._synonyms.items()):
            if key in value:
                self._synonyms.setdefault(value, value)
        self._phrase_groups = _phrase_groups(self._phrases)
        # an English key begins a word (firm is no synonym inside confirming); its endings may
        # follow (grants, firms)
        self._pattern = _longest_key_pattern(self._synonyms) if self._synonyms else None
        self._stopwords = frozenset(simplify(w) for w in stopwords)
        self._corrector: HomophoneCorrector | None = None
        self._pinyin: PinyinInput | None = None
        self._teach_segmenter()

    def _teach_segmenter(self) -> None:
        """Make the lexicon's canonical words whole words for rjieba, whose dictionary is the
        process's: a Normaliser loaded back from disk (`__setstate__`) teaches it again."""
        # a phrase's canonical form may be several words, or a template (第\1个方向)
        phrase_words = [w for _, v in self._phrases for w in v.split() if "\\" not in w]
        for word in [*self._synonyms.values(), *phrase_words]:
            if has_cjk(word):
                rjieba.add_word(word, None, None)

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._teach_segmenter()

    def learn(
        self,
        texts: Iterable[str],
        whole_words: Iterable[str] = (),
        names: Iterable[str] = (),
        initials: Mapping[str, str] | None = None,
    ) -> None:
        """Let homophone correction know the words of these texts (and of the lexicon), the
        whole words given (招人 is no typo of 找人, however the segmenter cuts it), and the names
        given as words of their own (加计扣除, so that 架计扣除 is its typo); pinyin input knows
        them all, and the words typed as their `initials` (sb 申报)."""
        words = set(self._synonyms) | set(self._synonyms.values()) | self._stopwords
        words.update(simplify(n) for n in names if has_cjk(n))
        whole = {simplify(w) for w in whole_words if has_cjk(w)}
        for text in texts:
            for run in CJK_RUN.findall(simplify(text)):
                words.update(rjieba.cut(run))
                words.update(rjieba.cut_for_search(run))
        self._corrector = HomophoneCorrector(words, self._synonyms, whole)
        self._pinyin = PinyinInput(words, initials, whole)  # jigai is 技改, whatever it asks
        self.canonical.cache_clear()

    def from_pinyin(self, text: str) -> str:
        """Runs of pinyin typed without the characters, as the known words they spell."""
        return self._pinyin.to_chinese(text) if self._pinyin is not None else text

    @lru_cache(maxsize=8192)  # noqa: B019 - one Normaliser per process, built once
    def canonical(self, text: str, *, correct: bool = True) -> str:
        """The text in canonical form: simplified, typos and synonyms applied, no punctuation.

        The knowledge base's own texts pass correct=False: they are spelled right by definition,
        and correcting them would only cost start-up time."""
        text = MONTH_DAY_IN_WORDS.sub(_month_day_in_digits, simplify(text))
        if correct and self._corrector is not None:
            text = CJK_RUN.sub(lambda m: self._corrector.correct(m.group(0)), text)  # type: ignore[union-attr]
        for any_of_them, phrases in self._phrase_groups:
            if any_of_them.search(text):  # most messages meet none of a group's patterns
                for phrase, canonical in phrases:
                    text = _compiled(phrase).sub(" " + canonical + " ", text)
        if self._pattern is not None:
            text = self._pattern.sub(lambda m: " " + self._synonyms[m.group(0)] + " ", text)
        return " ".join(TOKEN_RUN.findall(text))

    def corrected(self, text: str) -> str:
        """The text simplified, its typed homophones corrected (头资七百万 → 投资七百万) but never
        across a numeral or its unit (35万上云 stays, no 35晚上云), nothing else changed."""
        text = simplify(text)
        if self._corrector is None:
            return text
        corrector = self._corrector
        # the numeral a run follows, for its measure word (第二步要交: 步要 is no typo of 不要)
        return WORDS_BETWEEN_NUMERALS.sub(
            lambda m: corrector.correct(m.group(0), text[m.start() - 1] if m.start() else ""), text
        )

    def chinese_words(self, text: str) -> list[str]:
        """The text's Chinese words in order, as typed (simplified; no synonyms applied)."""
        return [w for run in CJK_RUN.findall(simplify(text)) for w in rjieba.cut(run)]

    def word_starts(self, text: str) -> set[int]:
        """Where each of the text's Chinese words begins in it, as the segmenter cuts them."""
        starts, at = set(), 0
        for word in self.chinese_words(text):
            at = text.find(word, at)
            if at < 0:
                break
            starts.add(at)
            at += len(word)
        return starts

    def tokens(self, text: str, *, correct: bool = True) -> list[str]:
        """Content tokens of a text: words (not stopwords) and CJK character bigrams, prefixed '~'."""
        return self.tokens_of_canonical(self.canonical(text, correct=correct))

    def tokens_of_canonical(self, canonical: str) -> list[str]:
        out: list[str] = []
        for run in canonical.split():
            if CJK_RUN.fullmatch(run):
                words = [w for w in rjieba.cut_for_search(run) if w.strip()]
                out.extend(w for w in words if w not in self._stopwords)
                content = "".join(w for w in rjieba.cut(run) if w not in self._stopwords)
                out.extend("~" + content[i : i + 2] for i in range(len(content) - 1))
                if len(content) == 1:
                    out.append(content)
            else:
                for word in re.split(r"[^a-z0-9+%]+", run):
                    if word and word not in self._stopwords:
                        out.append(stem(word))
        return out


@cache
def _compiled(source: str) -> re.Pattern[str]:
    """A phrase's pattern, compiled once per process (more of them than `re`'s own cache holds)."""
    return re.compile(source)


def _phrase_groups(phrases: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], list[tuple[str, str]]]]:
    """The phrase patterns in groups, each behind one pattern that matches wherever one of them
    does. Each phrase rewrites the text in turn; a group none of whose patterns matches leaves
    the text as it was, so it is skipped whole (one search instead of a dozen)."""
    groups = [phrases[i : i + PHRASE_GROUP] for i in range(0, len(phrases), PHRASE_GROUP)]
    return [(re.compile("|".join(f"(?:{p})" for p, _ in group)), group) for group in groups]


def _longest_key_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching, at each place, the longest of the keys found there, as an
    alternation of the keys longest first does, but as a trie of their characters: the regex
    engine follows one branch a character instead of trying every key (1,500 synonyms).
    A key that begins with a Latin letter or digit matches only where a word begins."""
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}  # a key ends here

    def branches(node: dict[str, dict]) -> str:
        alternatives = [re.escape(char) + branches(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        # where a key ends, a longer one is tried first (greedy), then the one ending here
        return f"(?:{body})?" if "" in node else body

    starts = []
    for char, child in sorted(trie.items()):
        start = re.escape(char) + branches(child)
        starts.append(f"(?<![a-z0-9]){start}" if char.isascii() and char.isalnum() else start)
    return re.compile("|".join(starts))


def word_bounds(text: str) -> set[int]:
    """The positions in the text where a word begins or ends, as the segmenter cuts it."""
    bounds, at = {0}, 0
    for word in rjieba.cut(text):
        at += len(word)
        bounds.add(at)
    return bounds


CHINESE_NUMBER = re.compile(r"[零一二两三四五六七八九十百千万亿点之分]+")


def is_number(token: str) -> bool:
    """A token that is only a number, in digits or Chinese numerals (百分之二十, 二十, 21)."""
    return token.replace(".", "").isdigit() or bool(CHINESE_NUMBER.fullmatch(token))
