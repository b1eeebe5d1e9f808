"""Emoji typed between the words of a message: 统计局月报刚报完😮‍💨 工业互联网项目入库的表…"""

from __future__ import annotations

import re

# pictographs, dingbats and the joiners and selectors that build them (😮‍💨 is three code points)
EMOJI = re.compile(
    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0E\uFE0F\u200D\U000E0020-\U000E007F]+"
)


def without_emoji(text: str) -> str:
    """The message with each run of emoji read as a pause (a comma), as the sender meant it: it
    ends a clause, and a word is never joined across it."""
    return EMOJI.sub("，", text).strip("， ") if EMOJI.search(text) else text
