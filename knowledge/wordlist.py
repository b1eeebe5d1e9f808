"""Which of a long list of words occur in a text, without testing every word against it."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class WordList(Generic[T]):
    """Words (each with a value) kept in their order and looked up by their first character: a
    message of thirty characters meets a few dozen of a thousand words, so only those are tested."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self.items: Sequence[tuple[str, T]] = [(w, v) for w, v in items if w]
        by_first: dict[str, list[int]] = defaultdict(list)
        for position, (word, _) in enumerate(self.items):
            by_first[word[0]].append(position)
        self._by_first = dict(by_first)

    def present(self, text: str) -> list[tuple[str, T]]:
        """The items whose word occurs in the text, in the list's order."""
        positions = [p for c in set(text) for p in self._by_first.get(c, ())]
        positions.sort()
        items = self.items
        return [items[p] for p in positions if items[p][0] in text]
