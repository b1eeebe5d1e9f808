"""The core's one form of marked-up text, and its plain rendering.

Replies carry a small HTML subset: `<b>` and `<i>`, everything else escaped (user and staff words
included). Telegram sends it as HTML; the web chat keeps the two tags and escapes the rest again;
a channel of plain text (the console, a Telegram alert, a test's transcript) reads it with `plain`.
"""

from __future__ import annotations

import html
import re

TAG = re.compile(r"<[^>]+>")


def plain(markup: str) -> str:
    """Marked-up text as plain text: tags dropped, entities read."""
    return html.unescape(TAG.sub("", markup))
