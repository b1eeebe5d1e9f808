"""A letter's sign-off (谢谢——某咨询 文案 邵, Best regards, Sophie Wang, Administration): the
writer's name and role close the message and ask nothing, so they are set aside before it is read;
their words would otherwise count as words the notice never uses."""

from __future__ import annotations

import re

from conversations.understanding import QUESTION_MARK
from knowledge.normalize import simplify

THANKS = r"(?<=谢谢|感谢|多谢|謝謝|感謝|多謝)"
SIGN_OFF = re.compile(
    # 谢谢——某咨询 文案 邵; 吗？——某机械 成本会计 龚: a dash before the signature, after a sentence
    # ends (not 入库截止——7月8日对吧: a dash within the question)
    r"(?:(?<=[。！!？?.])|"
    + THANKS
    + r")\s*(?:——|—|--)\s*(?P<dashed>[^?？。！!]{1,30})$"
    # 谢谢。某律所 律师助理 龙: thanks, then a signature of words apart (not 谢谢。那验收呢)
    + r"|"
    + THANKS
    + r"[。！!.]?\s*(?P<signed>[^?？。！!\s]{1,12}(?:\s+[^?？。！!\s]{1,12}){1,3})$"
    # Best, Sophie Wang, Administration; Kind regards, Thomas Müller, Expansion Manager
    + r"|(?<=[.!?])\s*\b(?:best regards|kind regards|warm regards|regards|best wishes|best|many thanks"
    r"|sincerely|yours sincerely|yours faithfully|cheers)\b[,.!]?\s+(?P<named>[^?]{1,80})$",
    re.IGNORECASE,
)


def without_sign_off(text: str) -> str:
    """The message without its closing signature; unchanged when it has none, when what follows
    the closing asks something, or when the signature would be most of the message."""
    found = SIGN_OFF.search(text.rstrip())
    if found is None:
        return text
    tail = found.group("dashed") or found.group("signed") or found.group("named") or ""
    if QUESTION_MARK.search(simplify(tail).lower()) and not found.group("named"):
        return text  # 谢谢——那验收几号: a question, not a name
    kept = text[: found.start()].rstrip()
    return kept if len(kept) >= len(text) // 3 else text
