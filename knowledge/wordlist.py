"""Which of a long list of words occur in a text, without testing every word against it."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class WordList(Generic[T]):
    """Words (each with a value) kept in their order and looked up by their first two characters
    (a word of one character by that one): a message of thirty characters meets a few of a thousand
    words, so only those are tested."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self.items: Sequence[tuple[str, T]] = [(w, v) for w, v in items if w]
        by_start: dict[str, list[int]] = defaultdict(list)
        for position, (word, _) in enumerate(self.items):
            by_start[word[:2]].append(position)
        self._by_start = dict(by_start)

    def present(self, text: str) -> list[tuple[str, T]]:
        """The items whose word occurs in the text, in the list's order."""
        starts = set(text) | {text[i : i + 2] for i in range(len(text) - 1)}
        by_start = self._by_start
        positions = [p for s in starts if s in by_start for p in by_start[s]]
        positions.sort()
        items = self.items
        return [items[p] for p in positions if items[p][0] in text]
