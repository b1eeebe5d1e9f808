"""`python -m bot serve`: the web chat on uvicorn and, with BOT_TOKEN, Telegram long polling in
the same asyncio loop and the same Assistant (a web user's case reaches the staff group, and the
staff's reply comes back to the page).

The process owns SIGINT and SIGTERM: uvicorn's own handlers re-raise the signal after its
graceful shutdown, which would end the process before python-telegram-bot's stop has run.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sqlite3
from collections.abc import Generator
from functools import partial
from typing import Any

import uvicorn

from bot import screens
from bot.dialog import Assistant
from bot.handoff import Outbound
from bot.services import build_assistant
from bot.settings import Settings
from bot.texts import texts_for
from bot.web.app import Attachment, WebChat, create_app
from bot.web.store import WebStore, sanitise
from conversations.parsers import parse_amount, parse_date
from knowledge.schema import LANGS

log = logging.getLogger(__name__)
SHUTDOWN_GRACE = 2  # seconds uvicorn waits for open requests (event streams) on SIGTERM
# idle keep-alive connections stay open this long (uvicorn's 5 s is shorter than a person's pause
# between two messages: a POST sent as the server closes the connection fails with a reset)
KEEP_ALIVE_SECONDS = 75
CHECKPOINT_EVERY = 1.0  # seconds between write-ahead-log checkpoints, off the event loop


class Checkpointer:
    """SQLite's automatic WAL checkpoint runs inside whichever commit crosses 1000 pages: it copies
    the log into the database and syncs it to disk, on the event loop, and every request waits
    (measured here: one add in 100 waited 4 ms, the slowest 32 ms). `serve` turns it off and runs
    passive checkpoints on its own connection in a worker thread instead."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def checkpoint(self) -> None:
        try:
            if self.conn is None:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                self.conn.execute("PRAGMA busy_timeout=1000")
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:  # the next round tries again; the log only grows meanwhile
            log.debug("WAL checkpoint failed: %s", exc)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), CHECKPOINT_EVERY)
            await asyncio.to_thread(self.checkpoint)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


class _Server(uvicorn.Server):
    """uvicorn without its signal handlers: `serve` decides when it stops."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


async def serve(settings: Settings, host: str, port: int) -> None:
    """Run until SIGINT or SIGTERM."""
    if settings.token is None:
        # no Telegram here: /human gives the contacts instead of opening a case nobody sees
        settings = settings.model_copy(update={"staff_chat_id": None})
    assistant = build_assistant(settings)
    assistant.storage.hold_exclusively()
    checkpointer: Checkpointer | None = None
    if str(settings.db_path) != ":memory:":
        assistant.storage.conn.execute("PRAGMA wal_autocheckpoint=0")  # see Checkpointer
        checkpointer = Checkpointer(str(settings.db_path))
    chat = WebChat(assistant, WebStore(assistant.storage), trusted_proxies=settings.web_trusted_proxies)
    warm_up(assistant)
    # the knowledge base, search index and flows live as long as the process: out of the garbage
    # collector's sight, a full collection no longer walks them (measured: 200 ms on the event loop)
    gc.collect()
    gc.freeze()
    stop = asyncio.Event()
    server = _Server(
        uvicorn.Config(
            create_app(chat),
            host=host,
            port=port,
            lifespan="off",
            log_level=settings.log_level.lower(),
            # open event streams never end by themselves: cut them after this many seconds
            timeout_graceful_shutdown=SHUTDOWN_GRACE,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            # X-Forwarded-For/-Proto only from the proxies named in BOT_WEB_TRUSTED_PROXIES
            proxy_headers=bool(settings.web_trusted_proxies),
            forwarded_allow_ips=",".join(sorted(settings.web_trusted_proxies)) or None,
        )
    )

    def on_signal() -> None:
        stop.set()
        server.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    telegram: asyncio.Task[None] | None = None
    if settings.token is not None:
        telegram = asyncio.create_task(_telegram(settings, chat, stop))
    checkpoints = asyncio.create_task(checkpointer.run(stop)) if checkpointer else None
    log.info("web chat on http://%s:%s/", host, port)
    try:
        await server.serve()
    finally:
        stop.set()
        if checkpoints is not None and checkpointer is not None:
            await checkpoints
            checkpointer.close()
        if telegram is not None:
            await telegram
        else:
            assistant.storage.close()


def warm_up(assistant: Assistant) -> None:
    """Load what the core loads on first use (the segmenter's dictionary, babel's locale data,
    the parsers' tables), so the first users are not queued behind it: measured, the first
    question took 200 ms of CPU and the first screens with dates blocked the event loop for up to
    300 ms while 500 users were starting. Nothing is stored."""
    kb, today = assistant.kb, assistant.today()
    for lang in LANGS:
        tx = texts_for(lang)
        for entry in list(kb.entries_by_id.values())[:3]:
            assistant.composer.answer(entry.questions.get(lang)[0], None, today)
        for screen in (screens.home(tx), screens.key_dates(kb, tx, today), screens.amounts(kb, tx)):
            sanitise(screen.text)
    for sample in ("2000万", "1,500,000元", "一千二百万"):
        with contextlib.suppress(ValueError):
            parse_amount(sample)
    with contextlib.suppress(ValueError):
        parse_date(today.isoformat(), default_year=today.year)


async def _telegram(settings: Settings, chat: WebChat, stop: asyncio.Event) -> None:
    """Telegram long polling with the web chat's Assistant; items for web users come back here."""
    from bot import polling
    from bot.app import build_application, post_init, post_shutdown

    application: Any = build_application(settings, chat.assistant)
    connect(chat, application)
    log.info("starting long polling against %s", settings.api_base_url)
    await polling.serve(application, stop, post_init, post_shutdown)


def connect(chat: WebChat, application: Any) -> None:
    """Join the web chat and a Telegram application that share one Assistant: Telegram's
    translator hands items for web users to the chat, and the chat's items for other chats (the
    staff group) go out through Telegram."""
    from telegram.ext import CallbackContext, MessageHandler, filters

    from bot import handlers
    from bot.channels import Channels

    application.bot_data["channels"] = Channels([chat])
    staff_chat_id = chat.assistant.handoff.staff_chat_id
    if staff_chat_id is not None:
        # before every other handler: the name of a file staff send, for a web user's page
        staff_files = filters.Chat(staff_chat_id) & filters.REPLY & filters.ATTACHMENT
        application.add_handler(MessageHandler(staff_files, partial(record_attachment, chat)), group=-2)

    async def forward(items: list[Outbound]) -> None:
        await handlers.deliver(None, CallbackContext(application), items)

    chat.forward = forward


async def record_attachment(chat: WebChat, update: Any, context: Any) -> None:
    """A staff member's file in the staff group: its name and caption, kept for the web chat
    (the core copies the file by message id; the page cannot show Telegram's files)."""
    message = update.effective_message
    if message is None:
        return
    attachment = message.effective_attachment
    photo = isinstance(attachment, tuple)  # a photo comes in several sizes
    name = None if photo else getattr(attachment, "file_name", None) or getattr(attachment, "title", None)
    chat.remember_attachment(
        (message.chat.id, message.message_id), Attachment(name or None, photo, message.caption or None)
    )


def run(settings: Settings, host: str, port: int) -> None:
    asyncio.run(serve(settings, host, port))
