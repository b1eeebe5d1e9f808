"""Logging that never shows the bot token (the Bot API puts it in every URL it logs at DEBUG)."""

from __future__ import annotations

import logging


class Redact(logging.Filter):
    """Replaces the secret in every record's text, arguments included."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg = message.replace(self.secret, "<BOT_TOKEN>")
            record.args = None
        if record.exc_info and not record.exc_text:  # the formatter reuses this text
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self.secret, "<BOT_TOKEN>")
        return True
