"""A passage pointed at by what it says, to ask what else it says (关于“单个企业最多申请2个项目”那段，
还规定了什么建设时间？): the quoted words only say where to look, so they are left out and what is
asked is read on its own (the build window, not the two-project limit again)."""

from __future__ import annotations

import re

# “…”那段 / 那一条 / 这部分 … 还: a quoted passage, then what else it says is asked
PLACE_OF_ELSE_ASKED = re.compile(
    r"(?:关于|讲|说)?[“「『\"][^”」』\"]{2,}[”」』\"](?=\s*(?:那|这|嗰)一?(?:段|条|句|部分|款|项)[^。？?]{0,6}?还)"
)


def without_the_place(question: str) -> str:
    """The question with a quoted passage left out where it only points at what else is asked."""
    return PLACE_OF_ELSE_ASKED.sub("", question)
