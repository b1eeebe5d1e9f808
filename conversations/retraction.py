"""A question taken back in the same message (电话要加区号吗？算了，先告诉我联系电话; never mind,
what's the deadline?): what follows the retraction is what is asked, so what came before it is
set aside before the message is read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.normalize import simplify

# the retraction stands on its own: at the start, after a mark of punctuation or a word leading
# into it (那算了, 算了这个不问了), not inside a word (做进预算了, 核算了)
BEFORE = r"(?:^|(?<=[\s，,。.！!？?…~～:：;；—\-])|(?<=算了)|(?<=那)|(?<=还是))"
# and it ends where the next ask begins: a mark of punctuation, not 算了一下 (worked out)
AFTER = r"\s*[，,。.！!…~～:：;；—\-]+\s*"
FOLLOWING = 4  # characters the new ask needs at least: 算了，好吧 asks nothing new


class Retraction:
    """Built once from the pack's words for taking a question back."""

    def __init__(self, words: Iterable[str]) -> None:
        said = sorted({simplify(w).lower() for w in words if w}, key=len, reverse=True)
        any_of_them = "|".join(map(re.escape, said))
        self.pattern = re.compile(BEFORE + "(?:" + any_of_them + ")" + AFTER) if said else None

    def after(self, text: str) -> str:
        """What the message asks after its last retraction; the message itself when it takes
        nothing back, or when too little follows to be a question of its own."""
        if self.pattern is None:
            return text
        folded = simplify(text).lower()  # 算了 in traditional characters too (這個不問了)
        if len(folded) != len(text):  # the positions must be the message's own
            folded = text.lower()
        said = list(self.pattern.finditer(folded))
        if not said:
            return text
        tail = text[said[-1].end() :].strip()
        return tail if len(tail) >= FOLLOWING else text
