"""The normaliser's fast paths give what the plain ones give: the synonyms' trie pattern matches
what an alternation of the keys, longest first, matches; grouped phrase patterns rewrite a text
as applying every pattern in turn does."""

from __future__ import annotations

import random
import re

from knowledge.normalize import (
    MONTH_DAY_IN_WORDS,
    Normaliser,
    _longest_key_pattern,
    _month_day_in_digits,
    _phrase_groups,
)


def plain_alternation(keys: list[str]) -> re.Pattern[str]:
    def key_pattern(key: str) -> str:
        escaped = re.escape(key)
        return f"(?<![a-z0-9]){escaped}" if key[:1].isascii() and key[:1].isalnum() else escaped

    return re.compile("|".join(key_pattern(k) for k in sorted(keys, key=len, reverse=True)))


def test_the_longest_key_found_at_a_place_wins():
    pattern = _longest_key_pattern(["申报", "申报书", "入库申报", "a.b", "firm"])
    assert pattern.findall("入库申报书") == ["入库申报"]  # found first, at the earlier place
    assert pattern.findall("申报书和申报") == ["申报书", "申报"]
    assert pattern.findall("a.b axb") == ["a.b"]  # its dot is a dot
    assert pattern.findall("firm confirm firms") == ["firm", "firm"]  # not inside confirm


def marked(match: re.Match[str]) -> str:
    return f"<{match.group()}>"


def test_the_trie_agrees_with_the_alternation_of_the_keys():
    rng = random.Random(5)
    alphabet = "申报书入库ab1 "
    for _ in range(40):
        keys = list({"".join(rng.choices(alphabet.strip(), k=rng.randint(1, 4))) for _ in range(30)})
        trie, alternation = _longest_key_pattern(keys), plain_alternation(keys)
        for _ in range(50):
            text = "".join(rng.choices(alphabet + "，x", k=rng.randint(0, 25)))
            assert trie.sub(lambda m: f"<{m.group()}>", text) == alternation.sub(
                lambda m: f"<{m.group()}>", text
            )


def test_grouped_phrases_rewrite_as_each_pattern_in_turn_does():
    rng = random.Random(9)
    alphabet = "申报截止几号补多少"
    phrases = [
        ("".join(rng.choices(alphabet, k=rng.randint(1, 3))), "".join(rng.choices(alphabet, k=2)))
        for _ in range(60)
    ]
    phrases += [(r"(截止)(几号)", r"\2 \1"), (r"补(?=多少)", "金额")]
    groups = _phrase_groups(phrases)
    assert sum(len(group) for _, group in groups) == len(phrases)
    for _ in range(300):
        text = "".join(rng.choices(alphabet + "，", k=rng.randint(0, 20)))
        in_turn = text
        for pattern, replacement in phrases:
            in_turn = re.sub(pattern, replacement, in_turn)
        grouped = text
        for any_of_them, group in groups:
            if any_of_them.search(grouped):
                for pattern, replacement in group:
                    grouped = re.sub(pattern, replacement, grouped)
        assert grouped == in_turn


def test_canonical_applies_phrases_then_synonyms():
    normaliser = Normaliser({"申报截止": "截止", "几号": "日期"}, [], {r"什么时候截止": "截止 几号"})
    assert normaliser.canonical("入库什么时候截止？", correct=False) == "入库 截止 日期"


def test_a_day_of_a_month_in_chinese_numerals_is_written_in_digits():
    def read(text: str) -> str:
        return MONTH_DAY_IN_WORDS.sub(_month_day_in_digits, text)

    assert read("八月二十六号前") == "8月26号前"
    assert read("7月八日") == "7月8日"
    assert read("八月廿六号") == "8月26号"
    assert read("十二月三十一日") == "12月31日"
    assert read("八月四十号") == "八月四十号"  # no such day: left as written
