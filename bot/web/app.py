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
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
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
# open event streams: a session's page, a reload, another tab (beyond it the oldest is closed);
# one address's sessions together (beyond it a new stream is refused with 429)
STREAMS_PER_SESSION, STREAMS_PER_ADDRESS = 3, 64
CONTENT_LANGUAGE = {"zh": "zh-CN", "en": "en"}
ATTACHMENTS_KEPT = 1000  # staff files remembered (a reply reaches the page at once)
NAME_CHARS = 40  # of a name given in the lead form, as staff see it
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


@dataclass(frozen=True)
class Attachment:
    """What a staff member's file is, as far as the page can say: a file name or a picture, and
    the caption typed with it (Telegram's translator records it: the core copies files by id)."""

    name: str | None
    photo: bool = False
    caption: str | None = None


class Listener:
    """One open event stream: its queue of new messages, and the address it was opened from."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.queue: asyncio.Queue[WebMessage | None] = asyncio.Queue(maxsize=1000)

    def push(self, message: WebMessage) -> None:
        try:
            self.queue.put_nowait(message)
        except asyncio.QueueFull:  # a stream that stopped reading: it replays on reconnect
            log.info("event stream of a web session is full; message %s not pushed", message.id)

    def close(self) -> None:
        """End the stream (None is its end); a full queue is dropped, the page replays on reconnect."""
        while True:
            try:
                self.queue.put_nowait(None)
                return
            except asyncio.QueueFull:
                self.queue.get_nowait()


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
        streams_per_session: int = STREAMS_PER_SESSION,
        streams_per_address: int = STREAMS_PER_ADDRESS,
    ) -> None:
        self.assistant = assistant
        self.store = store
        self.forward = forward
        self.trusted_proxies = trusted_proxies
        self.keep_alive = keep_alive
        self.sessions = Buckets(SESSION_BURST, SESSION_RATE, clock)
        self.addresses = Buckets(ADDRESS_BURST, ADDRESS_RATE, clock)
        # staff files by (chat id, message id), recorded as they arrive in the staff group
        self.attachments: OrderedDict[tuple[int, int], Attachment] = OrderedDict()
        self.listeners: dict[str, list[Listener]] = {}  # by user key, oldest first
        self.streams_by_address: dict[str, int] = {}
        self.streams_per_session = streams_per_session
        self.streams_per_address = streams_per_address

    # the Channel that Telegram's translator hands a web user's items to (bot.channels) --------
    def owns(self, address: Address) -> bool:
        return address.channel == WEB and self.store.has_user(address.key)

    def deliver(self, item: Outbound) -> None:
        text = item.markup()
        if item.copy_of is not None:  # a file sent by staff: the page cannot show Telegram's files
            text += "\n" + escape(self.file_note(item.to.key, item.copy_of))
        self.publish(item.to.key, self.store.add(item.to.key, self.author(item), text, item.reply.buttons))

    def remember_attachment(self, message: tuple[int, int], attachment: Attachment) -> None:
        self.attachments[message] = attachment
        while len(self.attachments) > ATTACHMENTS_KEPT:
            self.attachments.popitem(last=False)

    def file_note(self, user_id: str, copy_of: tuple[Address, int]) -> str:
        """The file's caption, its name and what the user can do, in the user's language."""
        user = self.assistant.storage.user(user_id)
        lang: Lang = "en" if user and user.get("lang") == "en" else "zh"
        found = self.attachments.get((int(copy_of[0].id), copy_of[1]))
        if found is None:
            return gettext(lang, "web.file_not_shown")
        lines = [found.caption] if found.caption else []
        if found.name:
            lines.append(gettext(lang, "web.file_named", name=found.name))
        else:
            lines.append(gettext(lang, "web.photo_sent" if found.photo else "web.file_not_shown"))
        return "\n".join(lines)

    def publish(self, user_id: str, message: WebMessage) -> None:
        for listener in self.listeners.get(user_id, ()):
            listener.push(message)

    # open event streams, capped per session and per address -------------------------------------
    def may_listen(self, address: str) -> None:
        if self.streams_by_address.get(address, 0) >= self.streams_per_address:
            raise Problem(429, "too many open event streams from this address", {"retry-after": "10"})

    def listen(self, user_id: str, address: str) -> Listener:
        """A new stream of the session; its oldest one is closed when it has too many."""
        listener = Listener(address)
        mine = self.listeners.setdefault(user_id, [])
        mine.append(listener)
        self.streams_by_address[address] = self.streams_by_address.get(address, 0) + 1
        while len(mine) > self.streams_per_session:
            self.unlisten(user_id, mine[0])
        return listener

    def unlisten(self, user_id: str, listener: Listener) -> None:
        mine = self.listeners.get(user_id, [])
        if listener not in mine:
            return
        mine.remove(listener)
        listener.close()
        if not mine:
            del self.listeners[user_id]
        left = self.streams_by_address.get(listener.address, 0) - 1
        if left > 0:
            self.streams_by_address[listener.address] = left
        else:
            self.streams_by_address.pop(listener.address, None)

    # turning the core's answer into messages --------------------------------------------------
    async def take(
        self, session: WebSession, outgoing: Sequence[Outbound], tapped: int | None = None
    ) -> list[WebMessage]:
        """Store and push the session's replies (an edit replaces the tapped message); hand the
        rest to their channel."""
        mine: list[Outbound] = []
        elsewhere: list[Outbound] = []
        for item in outgoing:
            if item.to == session.address:
                mine.append(item)
            elif self.owns(item.to):
                self.deliver(item)
            else:
                elsewhere.append(item)
        stored: list[WebMessage] = []
        if sum(item.reply.edit for item in mine) <= 1:  # one transaction for all of them
            rows = [
                (self.author(item), item.markup(), item.reply.buttons, tapped if item.reply.edit else None)
                for item in mine
            ]
            stored = self.store.add_many(session.user_id, rows) if rows else []
        else:  # each edit replaces the one before it: their ids are needed one by one
            target = tapped
            for item in mine:
                replaces = target if item.reply.edit else None
                message = self.store.add(
                    session.user_id, self.author(item), item.markup(), item.reply.buttons, replaces
                )
                if replaces is not None:
                    target = message.id
                stored.append(message)
        for message in stored:
            self.publish(session.user_id, message)
        if elsewhere:
            if self.forward is None:
                log.warning("no Telegram in this process: %d item(s) for the staff not sent", len(elsewhere))
            else:
                try:
                    await self.forward(elsewhere)
                except Exception:  # the outbox retries a case header; the user has their answer
                    log.exception("could not forward %d item(s) to Telegram", len(elsewhere))
        return stored

    @staticmethod
    def author(item: Outbound) -> str:
        return "staff" if item.by_staff else "bot"

    def language(self, session: WebSession) -> str:
        """The session's language now: the browser's at first, then what /lang chose."""
        row = self.assistant.storage.conn.execute(
            "select lang from users where user_id = ?", [session.user_id]
        ).fetchone()
        return row[0] if row and row[0] in CONTENT_LANGUAGE else session.lang

    def sender(self, session: WebSession, *, greeting: bool = False) -> Sender:
        """The session as the core sees it. Its name is what the user gave in the lead form (with
        their consent); without one, staff see a label they can tell apart (网页用户 #12), which
        a greeting leaves out."""
        name = self.given_name(session.user_id)
        if name is None and not greeting:
            name = gettext("zh", "web.user_label", number=session.address.id)
        return Sender(session.address, name, None, session.lang)

    def given_name(self, user_id: str) -> str | None:
        row = self.assistant.storage.conn.execute(
            "select contact_name from leads where user_id = ? and consent_at is not null "
            "and trim(coalesce(contact_name, '')) != '' order by id desc limit 1",
            [user_id],
        ).fetchone()
        return str(row[0]).strip()[:NAME_CHARS] if row else None

    async def handle(self, session: WebSession, event: Event, tapped: int | None = None) -> list[WebMessage]:
        """Through the door: the session's event to the core, its answer stored and sent on."""
        greeting = isinstance(event, Command) and event.name.lower() == "start"
        sender = self.sender(session, greeting=greeting)
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


def messages_response(
    messages: Sequence[WebMessage], request: Request, sid: str | None, chat: WebChat, session: WebSession
) -> Response:
    """{"messages": [...]}, from each message's JSON made once (the event streams send the same),
    with the session's language now in Content-Language: the page's own labels follow it."""
    body = '{"messages":[' + ",".join(m.encoded for m in messages) + "]}"
    headers = {"content-language": CONTENT_LANGUAGE.get(chat.language(session), "zh-CN")}
    return with_cookie(Response(body, media_type="application/json", headers=headers), request, sid)


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
        return messages_response(await chat.handle(session, Command("start")), request, sid, chat, session)

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
        return messages_response(await chat.handle(session, event), request, sid, chat, session)

    async def tap(request: Request) -> Response:
        session, sid = chat.admit(request)
        body = await read_json(request)
        message_id, data = body.get("message_id"), body.get("data")
        if type(message_id) is not int or not isinstance(data, str):
            raise Problem(400, 'expected {"message_id": int, "data": str}')
        tapped, replaced = chat.store.tappable(session.user_id, message_id)
        if tapped is None:
            raise Problem(404, "no such message")
        if replaced:
            raise Problem(409, "this message was replaced by a newer version")
        if not any(button["data"] == data for row in tapped.buttons for button in row):
            raise Problem(404, "no such button on this message")
        replies = await chat.handle(session, Tap(data, message_id), tapped=message_id)
        return messages_response(replies, request, sid, chat, session)

    async def history(request: Request) -> Response:
        session, sid = chat.admit(request)
        after = after_of(request.query_params.get("after")) or 0
        return messages_response(chat.store.messages(session.user_id, after), request, sid, chat, session)

    async def events(request: Request) -> Response:
        session, sid = chat.admit(request)
        header = after_of(request.headers.get("last-event-id"))
        after = header if header is not None else after_of(request.query_params.get("after"))
        address = chat.address(request)
        chat.may_listen(address)

        async def stream() -> AsyncIterator[str]:
            # registered once the stream runs (a stream never started never leaves a listener),
            # before the replay: a message stored meanwhile comes on the queue, and only once
            listener = chat.listen(session.user_id, address)
            try:
                yield "retry: 3000\n\n"
                last = -1
                if after is not None:
                    for old in chat.store.messages(session.user_id, after):
                        yield event(old)
                        last = old.id
                while True:
                    try:
                        async with asyncio.timeout(chat.keep_alive):  # no task per wait, unlike wait_for
                            new = await listener.queue.get()
                    except TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                    if new is None:  # closed: the session opened newer streams
                        return
                    if new.id > last:
                        yield event(new)
                        last = new.id
            finally:
                chat.unlisten(session.user_id, listener)

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
    return f"id: {message.id}\nevent: message\ndata: {message.encoded}\n\n"


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
