"""WordList finds exactly the words a plain `in` test over the whole list finds, in the list's order."""

from __future__ import annotations

import random

from knowledge.wordlist import WordList


def test_words_found_are_those_in_the_text_in_the_lists_order():
    words = WordList([("申报", 1), ("专精特新", 2), ("补", 3), ("申", 4), ("loan", 5), ("报", 6)])
    assert words.present("我们想申请专精特新的补贴") == [("专精特新", 2), ("补", 3), ("申", 4)]
    assert words.present("bank loan") == [("loan", 5)]
    assert words.present("报") == [("报", 6)]
    assert words.present("") == []


def test_it_agrees_with_testing_every_word():
    rng = random.Random(3)
    alphabet = "申报补贴专精特新技改上云"
    items = [("".join(rng.choices(alphabet, k=rng.randint(1, 4))), i) for i in range(300)]
    words = WordList(items)
    for _ in range(200):
        text = "".join(rng.choices(alphabet + "，的", k=rng.randint(0, 30)))
        assert words.present(text) == [(w, v) for w, v in items if w in text]
