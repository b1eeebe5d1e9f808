"""Keeps Bot API calls going through Telegram's bad minutes, without ever sending a reply twice.

python-telegram-bot does not retry calls made from handlers: a 429, a 5xx or a refused connection
would lose the reply. This limiter sits under every call the bot makes and
- waits out a 429 (RetryAfter) for as long as Telegram asks, then tries again;
- retries a refused connection or a 5xx with backoff: the request never reached Telegram, or
  Telegram failed it, so nothing was delivered;
- retries a timeout only for calls that are harmless to repeat (edits, callback answers, reads):
  a timed-out sendMessage may already have been delivered, and a blind retry would duplicate it;
- paces bulk sends (reminders pass `rate_limit_args=BULK`) under Telegram's ~30 messages/second.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

BULK = 1  # rate_limit_args value marking a bulk send
BULK_PER_SECOND = 25  # below Telegram's 30 messages/second across chats
MAX_WAIT_SECONDS = 300.0  # give up on one call after this long (the update is then logged)
MAX_FAILURES = 6  # 5xx or refused connections in a row: one chat's trouble must not hold others
BACKOFF_START, BACKOFF_MAX = 0.5, 30.0
# calls that change nothing when repeated, or only repeat an edit that already holds
IDEMPOTENT = frozenset(
    {
        "getMe",
        "getUpdates",
        "deleteWebhook",
        "getWebhookInfo",
        "setMyCommands",
        "getMyCommands",
        "answerCallbackQuery",
        "editMessageText",
        "editMessageReplyMarkup",
        "getFile",
        "getChat",
        "sendChatAction",
        "deleteMessage",
    }
)

Result = Any


def might_have_been_delivered(exc: BaseException) -> bool:
    """A timeout, or a connection lost after the request went out: Telegram may have acted on it.
    A refused connection or an error answer from Telegram means it did not."""
    if isinstance(exc, TimedOut):
        return True
    cause = exc.__cause__
    return (
        isinstance(exc, NetworkError)
        and isinstance(cause, httpx.HTTPError)
        and not isinstance(cause, httpx.ConnectError)
    )


def _retry_after_seconds(exc: RetryAfter) -> float:
    # the public attribute warns about its type changing in PTB 22; the value is the same
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, int | float) else 1.0


class ResilientLimiter(BaseRateLimiter[int]):
    def __init__(self, max_wait: float = MAX_WAIT_SECONDS, bulk_per_second: float = BULK_PER_SECOND) -> None:
        self.max_wait = max_wait
        self._bulk_interval = 1.0 / bulk_per_second
        self._bulk_lock = asyncio.Lock()
        self._next_bulk = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def _pace_bulk(self) -> None:
        async with self._bulk_lock:
            now = time.monotonic()
            wait = self._next_bulk - now
            self._next_bulk = max(now, self._next_bulk) + self._bulk_interval
        if wait > 0:
            await asyncio.sleep(wait)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        if rate_limit_args == BULK:
            await self._pace_bulk()
        deadline = time.monotonic() + self.max_wait
        backoff = BACKOFF_START
        failures = 0
        while True:
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                delay = _retry_after_seconds(exc) + 0.1
                log.warning("%s: rate limited by Telegram, retrying in %.1f s", endpoint, delay)
            except (BadRequest, Forbidden, InvalidToken):
                raise  # Telegram understood and refused: repeating would not help
            except TimedOut:
                if endpoint not in IDEMPOTENT:
                    raise  # it may have been delivered: never send a reply twice
                delay, backoff = backoff, min(backoff * 2, BACKOFF_MAX)
                log.warning("%s: timed out, retrying in %.1f s", endpoint, delay)
            except NetworkError as exc:
                if might_have_been_delivered(exc) and endpoint not in IDEMPOTENT:
                    raise  # the connection broke after sending: a retry could deliver it twice
                failures += 1  # refused connection, 5xx: nothing was delivered
                if failures >= MAX_FAILURES:
                    raise
                delay, backoff = backoff, min(backoff * 2, BACKOFF_MAX)
                log.warning("%s: %s, retrying in %.1f s", endpoint, exc, delay)
            if time.monotonic() + delay > deadline:
                raise TimedOut(f"{endpoint}: gave up after {self.max_wait:.0f} s of retries")
            await asyncio.sleep(delay)
