"""A word glossed in brackets: 那个承诺书（就是保证不乱来的那张纸）要几号之前交."""

from __future__ import annotations

import re

# （就是…）, (i.e. …): the sender explains the word just before it in their own words; the word
# already names the thing, and the gloss's everyday words would only blur what is asked
GLOSS = re.compile(
    # (not （即时通讯）, (iEMS): a gloss's own word, then what it says)
    r"\s*[（(]\s*(?:就是|即是|即(?![时将使便刻])|也就是|亦即|意思是|i\.e\.,?|that is\b,?|meaning\b)"
    r"\s*[^（()）]{1,40}[)）]",
    re.IGNORECASE,
)


def without_glosses(text: str) -> str:
    """The message without the glosses in brackets that explain the word before them."""
    return GLOSS.sub("", text) if GLOSS.search(text) else text
