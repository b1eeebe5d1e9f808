"""The notice's words quoted to point at something: a passage, to ask what else it says (关于“单个企业
最多申请2个项目”那段，还规定了什么建设时间？), whose quoted words only say where to look, so they are
left out and what is asked is read on its own; or a term with a guess at its meaning (“事后奖补”是说出了
事之后才补吗？), which asks what the term means — the guess's own words (出了事) are no question."""

from __future__ import annotations

import re

# “…”那段 / 那一条 / 这部分 … 还: a quoted passage, then what else it says is asked
PLACE_OF_ELSE_ASKED = re.compile(
    r"(?:关于|讲|说)?[“「『\"][^”」』\"]{2,}[”」』\"](?=\s*(?:那|这|嗰)一?(?:段|条|句|部分|款|项)[^。？?]{0,6}?还)"
)


def without_the_place(question: str) -> str:
    """The question with a quoted passage left out where it only points at what else is asked."""
    return PLACE_OF_ELSE_ASKED.sub("", question)


# “事后奖补”是说出了事之后才补吗, “上平台”是指火车站那种站台吗: a quoted term, a meaning guessed
MEANING_GUESSED = re.compile(
    r"([“「『\"][^”」』\"]{2,12}[”」』\"])\s*(?:是说|是指|指的是|的意思是|意思是|就是说?)"
    r"[^。？?！!]{1,30}?(?:吗|嘛|么|对吧|是吧|对不对)[？?]?"
)


def meaning_asked(question: str) -> str:
    """The question with a meaning guessed for a quoted term asked as what the term means."""
    return MEANING_GUESSED.sub(r"\1是什么意思？", question)
