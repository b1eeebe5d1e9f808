"""The web chat's HTTP side (DESIGN.md, "Web chat"): a translator between JSON and the Assistant.

Every /api call acts for the session of its `sid` cookie; the core sees the session as an address
("web:7") and each request as one Inbound value. Replies are stored as the session's messages
and pushed to its open event streams; items for other chats (the staff group) go to `forward`
(Telegram, when it runs here).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.dialog import Assistant
from bot.handoff import Outbound
from bot.i18n import gettext
from bot.inbound import Command, Event, Inbound, Tap
from bot.inbound import Message as MessageEvent
from bot.people import WEB, Address, Sender
from bot.web.store import WebMessage, WebSession, WebStore
from knowledge.schema import Lang

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MAX_BODY = 8192
SESSION_BURST, SESSION_RATE = 20, 10.0  # requests: a burst, then this many a second
ADDRESS_BURST, ADDRESS_RATE = 200, 100.0  # one address (many sessions) gets much more
KEEP_ALIVE = 15.0  # seconds between comments on an idle event stream
COOKIE = "sid"
COOKIE_AGE = 180 * 24 * 3600
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
Forward = Callable[[list[Outbound]], Awaitable[None]]


def pick_language(header: str | None) -> str:
    """Accept-Language → zh or en: the first of the two in the user's order of preference; zh otherwise."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        choices.append((quality, -position, tag.strip().lower()))
    for quality, _, tag in sorted(choices, reverse=True):
        if quality > 0 and tag.split("-")[0] in ("zh", "en"):
            return tag.split("-")[0]
    return "zh"


class Buckets:
    """Token buckets by key: `burst` requests at once, refilled at `rate` a second."""

    def __init__(self, burst: int, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate, self.clock = burst, rate, clock
        self.state: dict[object, tuple[float, float]] = {}

    def take(self, key: object) -> float:
        """0 when allowed, else the seconds until the next request would be."""
        now = self.clock()
        tokens, then = self.state.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.rate)
        if tokens < 1:
            self.state[key] = (tokens, now)
            return (1 - tokens) / self.rate
        self.state[key] = (tokens - 1, now)
        if len(self.state) > 50_000:  # forget the idle ones (they are full again anyway)
            self.state = {k: v for k, v in self.state.items() if v[1] > now - self.burst / self.rate}
        return 0.0


class Problem(Exception):
    """An HTTP error answered as {"error": ...}."""

    def __init__(self, status: int, error: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.headers = status, error, headers or {}


class WebChat:
    """The web channel: sessions, their messages, their live streams, and the way to the core."""

    def __init__(
        self,
        assistant: Assistant,
        store: WebStore,
        forward: Forward | None = None,
        trusted_proxies: frozenset[str] = frozenset(),
        keep_alive: float = KEEP_ALIVE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.assistant = assistant
        self.store = store
        self.forward = forward
        self.trusted_proxies = trusted_proxies
        self.keep_alive = keep_alive
        self.sessions = Buckets(SESSION_BURST, SESSION_RATE, clock)
        self.addresses = Buckets(ADDRESS_BURST, ADDRESS_RATE, clock)
        self.listeners: dict[str, set[asyncio.Queue[WebMessage]]] = {}

    # the Channel that Telegram's translator hands a web user's items to (bot.channels) --------
    def owns(self, address: Address) -> bool:
        return address.channel == WEB and self.store.has_user(address.key)

    def deliver(self, item: Outbound) -> None:
        text = item.markup()
        if item.copy_of is not None:  # a file sent by staff: the page cannot show Telegram's files
            user = self.assistant.storage.user(item.to.key)
            lang: Lang = "en" if user and user.get("lang") == "en" else "zh"
            text += "\n" + escape(gettext(lang, "web.file_not_shown"))
        author = "staff" if item.by_staff else "bot"
        self.publish(item.to.key, self.store.add(item.to.key, author, text, item.reply.buttons))

    def publish(self, user_id: str, message: WebMessage) -> None:
        for queue in self.listeners.get(user_id, ()):
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:  # a stream that stopped reading: it replays on reconnect
                log.info("event stream of a web session is full; message %s not pushed", message.id)

    # turning the core's answer into messages --------------------------------------------------
    async def take(
        self, session: WebSession, outgoing: Sequence[Outbound], tapped: int | None = None
    ) -> list[WebMessage]:
        """Store and push the session's replies (an edit replaces the tapped message); hand the
        rest to their channel."""
        mine: list[WebMessage] = []
        elsewhere: list[Outbound] = []
        target = tapped
        for item in outgoing:
            if item.to != session.address:
                if self.owns(item.to):
                    self.deliver(item)
                else:
                    elsewhere.append(item)
                continue
            replaces = target if item.reply.edit else None
            author = "staff" if item.by_staff else "bot"
            message = self.store.add(session.user_id, author, item.markup(), item.reply.buttons, replaces)
            if replaces is not None:
                target = message.id
            self.publish(session.user_id, message)
            mine.append(message)
        if elsewhere:
            if self.forward is None:
                log.warning("no Telegram in this process: %d item(s) for the staff not sent", len(elsewhere))
            else:
                try:
                    await self.forward(elsewhere)
                except Exception:  # the outbox retries a case header; the user has their answer
                    log.exception("could not forward %d item(s) to Telegram", len(elsewhere))
        return mine

    async def handle(self, session: WebSession, event: Event, tapped: int | None = None) -> list[WebMessage]:
        """Through the door: the session's event to the core, its answer stored and sent on."""
        sender = Sender(session.address, None, None, session.lang)
        outgoing = self.assistant.handle(Inbound(sender, event, session.address))
        return await self.take(session, outgoing, tapped)

    # the request's session, address, body -------------------------------------------------------
    def address(self, request: Request) -> str:
        host = request.client.host if request.client else "?"
        forwarded = request.headers.get("x-forwarded-for")
        if forwarded and host in self.trusted_proxies:
            return forwarded.split(",")[-1].strip() or host
        return host

    def session_of(self, request: Request) -> tuple[WebSession, str | None]:
        """The cookie's session, or a new one (and its cookie value to set)."""
        found = self.store.session(request.cookies.get(COOKIE))
        if found is not None:
            return found, None
        sid, session = self.store.new_session(pick_language(request.headers.get("accept-language")))
        return session, sid

    def admit(self, request: Request) -> tuple[WebSession, str | None]:
        """Origin check for POSTs, the rate limits, the session."""
        if request.method == "POST":
            origin = request.headers.get("origin")
            if origin is not None and not same_host(origin, request.headers.get("host", "")):
                raise Problem(403, "cross-origin request refused")
        wait = self.addresses.take(self.address(request))
        session, sid = self.session_of(request)
        wait = max(wait, self.sessions.take(session.user_id))
        if wait > 0:
            raise Problem(429, "too many requests", {"retry-after": str(max(1, round(wait + 0.5)))})
        return session, sid


def same_host(origin: str, host: str) -> bool:
    """Whether an Origin header names the request's own Host (default ports filled in)."""
    defaults = {"http": 80, "https": 443}
    try:
        named = urlsplit(origin)
        # Host read with the Origin's scheme: behind an HTTPS proxy this process sees plain http
        mine = urlsplit(f"{named.scheme}://{host}")
        default = defaults.get(named.scheme)
        return (
            named.hostname is not None
            and named.hostname == mine.hostname
            and (named.port or default) == (mine.port or default)
        )
    except ValueError:
        return False


async def read_json(request: Request) -> dict[str, Any]:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY:
        raise Problem(413, f"the body is over {MAX_BODY} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise Problem(413, f"the body is over {MAX_BODY} bytes")
    try:
        value = json.loads(body.decode("utf-8"))
    except ValueError:
        raise Problem(400, "the body is not JSON in UTF-8") from None
    if not isinstance(value, dict):
        raise Problem(400, "the body is not a JSON object")
    return value


def after_of(value: str | None) -> int | None:
    if value is None or value == "":
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise Problem(400, "expected a message id (digits)")
    return int(value)


def with_cookie(response: Response, request: Request, sid: str | None) -> Response:
    if sid is not None:
        response.set_cookie(
            COOKIE,
            sid,
            max_age=COOKIE_AGE,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
    return response


def messages_response(messages: Sequence[WebMessage], request: Request, sid: str | None) -> Response:
    return with_cookie(JSONResponse({"messages": [m.as_json() for m in messages]}), request, sid)


def create_app(chat: WebChat) -> ASGIApp:
    """The Starlette app of one WebChat, with the security headers on every response."""

    async def page(request: Request) -> Response:
        if wait := chat.addresses.take(chat.address(request)):
            raise Problem(429, "too many requests", {"retry-after": str(max(1, round(wait + 0.5)))})
        _, sid = chat.session_of(request)
        return with_cookie(FileResponse(STATIC / "index.html", media_type="text/html"), request, sid)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    async def start(request: Request) -> Response:
        session, sid = chat.admit(request)
        return messages_response(await chat.handle(session, Command("start")), request, sid)

    async def message(request: Request) -> Response:
        session, sid = chat.admit(request)
        body = await read_json(request)
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise Problem(400, 'expected {"text": a non-empty string}')
        own = chat.store.add(session.user_id, "user", escape(text, quote=False))
        chat.publish(session.user_id, own)
        stripped = text.strip()
        event: Event
        if stripped.startswith("/") and len(stripped) > 1:
            name, _, argument = stripped[1:].partition(" ")
            event = Command(name.split("@")[0], argument.strip())
        else:
            event = MessageEvent(text, own.id, event_id=f"web:{own.id}")
        return messages_response(await chat.handle(session, event), request, sid)

    async def tap(request: Request) -> Response:
        session, sid = chat.admit(request)
        body = await read_json(request)
        message_id, data = body.get("message_id"), body.get("data")
        if type(message_id) is not int or not isinstance(data, str):
            raise Problem(400, 'expected {"message_id": int, "data": str}')
        tapped = chat.store.message(session.user_id, message_id)
        if tapped is None:
            raise Problem(404, "no such message")
        if chat.store.is_replaced(session.user_id, message_id):
            raise Problem(409, "this message was replaced by a newer version")
        if not any(button["data"] == data for row in tapped.buttons for button in row):
            raise Problem(404, "no such button on this message")
        return messages_response(
            await chat.handle(session, Tap(data, message_id), tapped=message_id), request, sid
        )

    async def history(request: Request) -> Response:
        session, sid = chat.admit(request)
        after = after_of(request.query_params.get("after")) or 0
        return messages_response(chat.store.messages(session.user_id, after), request, sid)

    async def events(request: Request) -> Response:
        session, sid = chat.admit(request)
        header = after_of(request.headers.get("last-event-id"))
        after = header if header is not None else after_of(request.query_params.get("after"))
        queue: asyncio.Queue[WebMessage] = asyncio.Queue(maxsize=1000)
        chat.listeners.setdefault(session.user_id, set()).add(queue)

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 3000\n\n"
                last = -1
                if after is not None:
                    for old in chat.store.messages(session.user_id, after):
                        yield event(old)
                        last = old.id
                while True:
                    try:
                        new = await asyncio.wait_for(queue.get(), chat.keep_alive)
                    except TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                    if new.id > last:
                        yield event(new)
                        last = new.id
            finally:
                listeners = chat.listeners.get(session.user_id)
                if listeners is not None:
                    listeners.discard(queue)
                    if not listeners:
                        del chat.listeners[session.user_id]

        response = StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"cache-control": "no-store", "x-accel-buffering": "no"},
        )
        return with_cookie(response, request, sid)

    async def problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return JSONResponse({"error": exc.error}, exc.status, headers=exc.headers)

    async def failure(request: Request, exc: Exception) -> Response:
        log.exception("error in %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": "something went wrong; please try again"}, 500)

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/healthz", healthz),
            Route("/api/start", start, methods=["POST"]),
            Route("/api/message", message, methods=["POST"]),
            Route("/api/tap", tap, methods=["POST"]),
            Route("/api/history", history),
            Route("/api/events", events),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        exception_handlers={Problem: problem, Exception: failure},
    )
    return SecurityHeaders(app)


def event(message: WebMessage) -> str:
    data = json.dumps(message.as_json(), ensure_ascii=False)
    return f"id: {message.id}\nevent: message\ndata: {data}\n\n"


class SecurityHeaders:
    """CSP and friends on every response (a pure ASGI wrapper: streams stay streams)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
