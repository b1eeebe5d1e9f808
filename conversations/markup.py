"""The core's one form of marked-up text: how it is written, and its plain rendering.

Replies carry a small HTML subset: `<b>` and `<i>`, everything else escaped with `escape` (user and
staff words included). Only `<`, `>` and `&` are escaped: the core puts no text in attributes, so
quotes stay quotes, and text shown without markup by mistake never reads "bureau&#x27;s". Telegram
sends the form as HTML; the web chat keeps the two tags and escapes the rest again; a channel of
plain text (the console, a Telegram alert, a test's transcript) reads it with `plain`.
"""

from __future__ import annotations

import html
import re

TAG = re.compile(r"<[^>]+>")


def escape(text: str) -> str:
    """Text (a catalog's message, a user's words) as markup that shows it exactly."""
    return html.escape(text, quote=False)


def bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


def plain(markup: str) -> str:
    """Marked-up text as plain text: tags dropped, entities read."""
    return html.unescape(TAG.sub("", markup))
