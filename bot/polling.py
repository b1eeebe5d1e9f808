"""Long polling that confirms an update to Telegram only after it has been handled.

python-telegram-bot's Updater confirms a batch with its next getUpdates call, before the batch is
handled, so updates fetched just before a crash were never seen again. Here the offset moves past
an update only once it is handled and recorded; after a crash Telegram delivers it again, and the
record makes sure an update already handled is not handled twice. Updates are handled one at a
time, in order, as with the default `concurrent_updates=1`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from telegram import Update
from telegram.error import Forbidden, InvalidToken, TelegramError

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10  # seconds a getUpdates call waits for news
RETRY_START, RETRY_MAX = 1.0, 60.0
App = Any  # telegram.ext.Application with our bot_data


async def _patiently(what: str, call: Any, stop: asyncio.Event) -> bool:
    """Run `call()` until it succeeds or `stop` is set: start-up must survive Telegram's bad minutes."""
    delay = RETRY_START
    while not stop.is_set():
        try:
            await call()
            return True
        except (InvalidToken, Forbidden) as exc:
            log.error(
                "%s: Telegram refuses the token (%s); check BOT_TOKEN. Retrying in %.0f s", what, exc, delay
            )
        except TelegramError as exc:
            log.warning("%s failed (%s); retrying in %.0f s", what, exc, delay)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, RETRY_MAX)
    return False


async def poll(application: App, stop: asyncio.Event) -> None:
    """Fetch, handle and confirm updates until `stop` is set."""
    bot = application.bot
    offset: int | None = None
    delay = RETRY_START
    stopping = asyncio.ensure_future(stop.wait())
    while not stop.is_set():
        fetch = asyncio.ensure_future(
            bot.get_updates(
                offset=offset,
                timeout=POLL_TIMEOUT,
                read_timeout=POLL_TIMEOUT + 10,
                allowed_updates=Update.ALL_TYPES,
            )
        )
        await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if stop.is_set():
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            break
        try:
            updates = fetch.result()
            delay = RETRY_START
        except TelegramError as exc:  # the limiter already retried; this is a longer outage
            log.warning("getUpdates failed (%s); retrying in %.0f s", exc, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, RETRY_MAX)
            continue
        for update in updates:
            # handlers skip an update already handled before a crash (bot.handlers.skip_duplicates)
            await application.process_update(update)
            offset = update.update_id + 1
    stopping.cancel()


async def serve(application: App, stop: asyncio.Event, post_init: Any, post_shutdown: Any) -> None:
    """The whole life of the bot: start (waiting for Telegram if need be), poll, stop cleanly."""
    if not await _patiently("connecting to Telegram (getMe)", application.initialize, stop):
        return
    try:
        if not await _patiently("deleteWebhook", application.bot.delete_webhook, stop):
            return
        await post_init(application)
        await application.start()
        try:
            await poll(application, stop)
        finally:
            await application.stop()
    finally:
        await application.shutdown()
        await post_shutdown(application)


def run(application: App, post_init: Any, post_shutdown: Any) -> None:
    """Serve until SIGINT or SIGTERM."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(application, stop, post_init, post_shutdown)

    asyncio.run(main())
