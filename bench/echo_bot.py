"""A bare python-telegram-bot echo bot: the stack's own ceiling for bench/load.py.

Same library, same long polling and same Bot API server as the real bot, and nothing else: no
storage, no search, no rate limiter. It answers every text with "echo: <text>". Settings come from
the same environment variables as the real bot (only BOT_TOKEN and BOT_API_BASE_URL are read):

    BOT_TOKEN=123:TEST BOT_API_BASE_URL=http://127.0.0.1:8081/bot python bench/echo_bot.py
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply "echo: <text>" in the same chat."""
    message = update.effective_message
    if message is not None and message.text is not None:
        await context.bot.send_message(message.chat.id, f"echo: {message.text}")


def main() -> None:
    """Long polling until SIGTERM or SIGINT."""
    application = (
        ApplicationBuilder()
        .token(os.environ["BOT_TOKEN"])
        .base_url(os.environ.get("BOT_API_BASE_URL", "https://api.telegram.org/bot"))
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
