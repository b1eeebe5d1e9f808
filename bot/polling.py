"""Long polling that confirms an update to Telegram only after it has been handled.

python-telegram-bot's Updater confirms a batch with its next getUpdates call, before the batch is
handled, so updates fetched just before a crash were never seen again. Here the offset moves past
an update only once it is handled and recorded; after a crash Telegram delivers it again, and the
record makes sure an update already handled is not handled twice.

Updates are handled concurrently, each user's in the order they came (a queue per user): one
user's trouble (a chat whose sends keep failing) never holds up the others. The offset confirmed
to Telegram is the oldest update still being handled, so a crash loses none.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections import deque
from typing import Any

from telegram import Update
from telegram.error import Forbidden, InvalidToken, TelegramError

log = logging.getLogger(__name__)

POLL_TIMEOUT = 10  # seconds a getUpdates call waits for news
RETRY_START, RETRY_MAX = 1.0, 60.0
MAX_CONCURRENT = 8  # updates handled at once: more only adds httpx pool bookkeeping (measured)
# while an update is stuck (not confirmable), Telegram answers every poll at once with it: poll
# this often instead of long-polling, so other users still wait at most this long
STUCK_POLL = 0.25
STOP_GRACE = 4.0  # seconds the updates under way get to finish on SIGTERM; the rest come again
App = Any  # telegram.ext.Application with our bot_data


def _key(update: Update) -> int:
    """Whose order an update must keep: its user's (or chat's, or its own)."""
    if update.effective_user is not None:
        return update.effective_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return -update.update_id


class Dispatcher:
    """Runs updates concurrently, one queue per user, and knows which may be confirmed."""

    def __init__(self, handle: Any, max_concurrent: int = MAX_CONCURRENT) -> None:
        self.handle = handle
        self.slots = asyncio.Semaphore(max_concurrent)
        self.queues: dict[int, deque[Update]] = {}
        self.workers: dict[int, asyncio.Task[None]] = {}
        self.unfinished: set[int] = set()
        self.seen: set[int] = set()  # fetched by this process and not yet confirmed
        self.highest = -1

    def submit(self, update: Update) -> bool:
        """Queue an update; False when it is already under way or done (fetched again)."""
        if update.update_id in self.seen:
            return False
        self.seen.add(update.update_id)
        self.unfinished.add(update.update_id)
        self.highest = max(self.highest, update.update_id)
        key = _key(update)
        self.queues.setdefault(key, deque()).append(update)
        if key not in self.workers:
            self.workers[key] = asyncio.create_task(self._drain(key))
        return True

    async def _drain(self, key: int) -> None:
        queue = self.queues[key]
        try:
            while queue:
                update = queue.popleft()
                try:
                    async with self.slots:
                        await self.handle(update)
                except Exception:  # the application's error handlers have had their turn
                    log.exception("update %s failed", update.update_id)
                finally:
                    self.unfinished.discard(update.update_id)
        finally:
            del self.workers[key]
            if not queue:
                del self.queues[key]

    def offset(self) -> int | None:
        """The update Telegram should deliver first next time: the oldest one not yet handled."""
        if self.highest < 0:
            return None
        confirmed = min(self.unfinished) if self.unfinished else self.highest + 1
        self.seen = {i for i in self.seen if i >= confirmed}
        return confirmed

    async def settle(self, timeout: float) -> None:
        """Wait until every update under way is done (or `timeout`): fetching while updates are
        still unconfirmed makes Telegram send them again, which costs parsing them again."""
        if self.workers:
            await asyncio.wait(set(self.workers.values()), timeout=timeout)

    async def some_progress(self, timeout: float) -> None:
        """Wait until an update under way finishes (or `timeout`)."""
        if self.workers:
            await asyncio.wait(
                set(self.workers.values()), timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )

    async def finish(self, grace: float) -> None:
        """Let the updates under way finish within `grace` seconds, then cancel the rest."""
        if not self.workers:
            return
        _, late = await asyncio.wait(set(self.workers.values()), timeout=grace)
        for task in late:
            task.cancel()
        if late:
            log.warning("stopping: %d update(s) cut short; Telegram will deliver them again", len(late))
            await asyncio.gather(*late, return_exceptions=True)


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
    dispatcher = Dispatcher(application.process_update)
    delay = RETRY_START
    stopping = asyncio.ensure_future(stop.wait())
    while not stop.is_set():
        fetch = asyncio.ensure_future(
            bot.get_updates(
                offset=dispatcher.offset(),
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
        # handlers skip an update already handled before a crash (bot.handlers.skip_duplicates)
        new = [update for update in updates if dispatcher.submit(update)]
        if updates and not new:
            # only updates still under way came back (they are not confirmed yet): wait for one
            # to finish instead of asking again at once
            await dispatcher.some_progress(timeout=STUCK_POLL)
        else:
            # usually the batch is done in milliseconds; a slow one is left running meanwhile
            await dispatcher.settle(timeout=STUCK_POLL)
    stopping.cancel()
    await dispatcher.finish(STOP_GRACE)
    with contextlib.suppress(TelegramError):
        # confirm what was handled, so a clean stop leaves nothing to deliver again
        offset = dispatcher.offset()
        if offset is not None:
            await bot.get_updates(offset=offset, timeout=0, read_timeout=5)


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
