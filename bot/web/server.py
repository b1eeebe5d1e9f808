"""`python -m bot serve`: the web chat on uvicorn and, with BOT_TOKEN, Telegram long polling in
the same asyncio loop and the same Assistant (a web user's case reaches the staff group, and the
staff's reply comes back to the page).

The process owns SIGINT and SIGTERM: uvicorn's own handlers re-raise the signal after its
graceful shutdown, which would end the process before python-telegram-bot's stop has run.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Generator
from typing import Any

import uvicorn

from bot.handoff import Outbound
from bot.services import build_assistant
from bot.settings import Settings
from bot.web.app import WebChat, create_app
from bot.web.store import WebStore

log = logging.getLogger(__name__)
SHUTDOWN_GRACE = 2  # seconds uvicorn waits for open requests (event streams) on SIGTERM


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
    chat = WebChat(assistant, WebStore(assistant.storage), trusted_proxies=settings.web_trusted_proxies)
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
    log.info("web chat on http://%s:%s/", host, port)
    try:
        await server.serve()
    finally:
        stop.set()
        if telegram is not None:
            await telegram
        else:
            assistant.storage.close()


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
    from telegram.ext import CallbackContext

    from bot import handlers
    from bot.channels import Channels

    application.bot_data["channels"] = Channels([chat])

    async def forward(items: list[Outbound]) -> None:
        await handlers.deliver(None, CallbackContext(application), items)

    chat.forward = forward


def run(settings: Settings, host: str, port: int) -> None:
    asyncio.run(serve(settings, host, port))
