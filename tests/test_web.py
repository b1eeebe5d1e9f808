"""The web chat's HTTP contract (DESIGN.md "Web chat"), in process: httpx against the ASGI app,
and the event stream read straight from the ASGI app (httpx's transport buffers whole bodies)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import re
import signal
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.dialog import Assistant
from bot.handoff import Outbound
from bot.people import WEB, Address
from bot.services import build_assistant
from bot.settings import Settings
from bot.storage import Storage
from bot.web.app import STREAMS_PER_SESSION, WebChat, create_app, pick_language, same_host
from bot.web.server import connect
from bot.web.store import WebStore, _Sanitiser, sanitise
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID, RunningBot
from tests.fake_bot_api import FakeBotApi
from tests.players import ELIGIBLE_CHECK_WITH_LEAD
from tests.test_crash_safety import BotProcess

BASE = "http://testserver"


class Clock:
    """A clock that moves only when told: the rate limits never depend on how fast a test runs."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def assistant(tmp_path: Path) -> Assistant:
    settings = Settings(_env_file=None, db_path=tmp_path / "web.db", today=dt.date(2022, 7, 1))  # type: ignore[call-arg]
    return build_assistant(settings)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def chat(assistant: Assistant, clock: Clock) -> WebChat:
    return WebChat(assistant, WebStore(assistant.storage), keep_alive=0.2, clock=clock)


def client_for(app: Any, **headers: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE, headers=headers)


@pytest.fixture
async def web(chat: WebChat) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(create_app(chat)) as client:
        yield client


def only(response: httpx.Response, status: int = 200) -> list[dict[str, Any]]:
    assert response.status_code == status, response.text
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def button(message: dict[str, Any], label: str) -> str:
    for row in message["buttons"]:
        for b in row:
            if label in b["label"]:
                return str(b["data"])
    raise AssertionError(f"no button {label!r} in {message['buttons']}")


class EventStream:
    """GET /api/events on the ASGI app itself, read event by event with a timeout."""

    def __init__(self, app: Any, sid: str, headers: dict[str, str] | None = None, query: str = "") -> None:
        raw = [(b"host", b"testserver"), (b"cookie", f"sid={sid}".encode())]
        raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
        self.scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/api/events",
            "raw_path": b"/api/events",
            "query_string": query.encode(),
            "root_path": "",
            "headers": raw,
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        self.app = app
        self.sent: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.gone = asyncio.Event()
        self.buffer = ""
        self.start: dict[str, Any] | None = None
        self.comments = 0

    async def __aenter__(self) -> EventStream:
        async def receive() -> dict[str, Any]:
            await self.gone.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            await self.sent.put(message)

        self.task = asyncio.create_task(self.app(self.scope, receive, send))
        self.start = await asyncio.wait_for(self.sent.get(), 5)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.gone.set()
        await asyncio.wait_for(self.task, 5)

    @property
    def headers(self) -> dict[str, str]:
        assert self.start is not None
        return {k.decode(): v.decode() for k, v in self.start["headers"]}

    async def next_event(self, timeout: float = 5.0) -> dict[str, str]:
        while True:
            while "\n\n" in self.buffer:
                block, self.buffer = self.buffer.split("\n\n", 1)
                fields: dict[str, str] = {}
                for line in block.split("\n"):
                    if line.startswith(":"):
                        self.comments += 1
                        continue
                    name, _, value = line.partition(": ")
                    fields[name] = value
                if "data" in fields:
                    return fields
            message = await asyncio.wait_for(self.sent.get(), timeout)
            self.buffer += message.get("body", b"").decode()

    async def ended(self, timeout: float = 5.0) -> None:
        """Until the server ends the response (its last body message)."""
        while True:
            message = await asyncio.wait_for(self.sent.get(), timeout)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                return

    async def no_event(self, keep_alives: int = 2) -> None:
        """Read until `keep_alives` more keep-alive comments came and no event did."""
        target = self.comments + keep_alives
        while self.comments < target:
            while "\n\n" in self.buffer:
                block, self.buffer = self.buffer.split("\n\n", 1)
                assert "data:" not in block, block
                self.comments += block.startswith(":")
            if self.comments >= target:
                break
            message = await asyncio.wait_for(self.sent.get(), 5)
            self.buffer += message.get("body", b"").decode()


# --- the page -----------------------------------------------------------------------------------
async def test_page_has_a_strict_csp_no_inline_script_and_sets_a_session_cookie(web: httpx.AsyncClient):
    page = await web.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src and "'unsafe-inline'" not in script_src.group(1) and "'self'" in script_src.group(1)
    cookie = page.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    sid = re.match(r"sid=([^;]+)", cookie)
    assert sid and len(sid.group(1)) >= 22  # at least 128 random bits in base64
    html = page.text
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"<script[^>]*>\s*[^<\s]", html)  # nothing between <script …> and </script>
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline event handlers
    assert 'aria-live="polite"' in html and '<label for="text"' in html
    for asset in ("/static/chat.js", "/static/chat.css"):
        assert (await web.get(asset)).status_code == 200
    assert (await web.get("/healthz")).status_code == 200


def test_accept_language_picks_zh_or_en():
    assert pick_language("en-US,en;q=0.9") == "en"
    assert pick_language("zh-CN,zh;q=0.9,en;q=0.8") == "zh"
    assert pick_language("fr-FR,en;q=0.5,zh;q=0.4") == "en"
    assert pick_language("fr-FR") == "zh" and pick_language(None) == "zh"


async def test_a_new_session_speaks_the_browsers_language(chat: WebChat):
    async with client_for(create_app(chat), **{"accept-language": "en-GB,en;q=0.9"}) as web:
        greeting = only(await web.post("/api/start"))[0]
    assert "Hello" in greeting["text"] or "I answer" in greeting["text"]


# --- start, message, tap, history -------------------------------------------------------------
async def test_start_message_tap_and_history_keep_the_contract(web: httpx.AsyncClient):
    [menu] = only(await web.post("/api/start"))
    assert menu["from"] == "bot" and menu["replaces"] is None and menu["buttons"]
    assert set(menu) == {"id", "from", "text", "html", "buttons", "replaces"}

    # a menu edited in place: a new id that names the one it replaces
    [dirs] = only(
        await web.post("/api/tap", json={"message_id": menu["id"], "data": button(menu, "支持方向")})
    )
    assert dirs["id"] > menu["id"] and dirs["replaces"] == menu["id"]
    assert "<b>" in dirs["html"] and "<b>" not in dirs["text"]
    # the replaced version's buttons are gone (409), another message id never existed (404)
    stale = await web.post("/api/tap", json={"message_id": menu["id"], "data": button(menu, "支持方向")})
    assert stale.status_code == 409 and stale.json()["error"]
    missing = await web.post("/api/tap", json={"message_id": 999, "data": "menu:home"})
    assert missing.status_code == 404 and missing.json()["error"]
    foreign = await web.post("/api/tap", json={"message_id": dirs["id"], "data": "forget:yes"})
    assert foreign.status_code == 404  # not a button of that message

    replies = only(await web.post("/api/message", json={"text": "入库申报什么时候截止？ <b>&amp;"}))
    assert replies and replies[0]["from"] == "bot" and "7月8日" in replies[0]["text"]

    history = only(await web.get("/api/history"))
    assert [m["id"] for m in history] == sorted(m["id"] for m in history)
    assert [m["from"] for m in history] == ["bot", "bot", "user", "bot"]
    typed = history[2]
    assert typed["text"] == "入库申报什么时候截止？ <b>&amp;"  # as typed, never markup
    assert "<b>" not in typed["html"] and "&lt;b&gt;" in typed["html"]
    # a tap is not stored as a user message; the replaced menu stays in the history
    assert history[0]["id"] == menu["id"]
    after = only(await web.get(f"/api/history?after={typed['id']}"))
    assert [m["id"] for m in after] == [history[3]["id"]]


async def test_commands_typed_as_text_and_forget_never_reuses_ids(web: httpx.AsyncClient):
    only(await web.post("/api/start"))
    english = only(await web.post("/api/message", json={"text": "/lang en"}))
    assert "English" in english[0]["text"] or "language" in english[0]["text"].lower()
    [check] = only(await web.post("/api/message", json={"text": "/check"}))
    assert check["from"] == "bot"
    [confirm] = only(await web.post("/api/message", json={"text": "/forget"}))
    before = only(await web.get("/api/history"))
    [done] = only(await web.post("/api/tap", json={"message_id": confirm["id"], "data": "forget:yes"}))
    assert done["replaces"] == confirm["id"] and done["id"] > max(m["id"] for m in before)
    left = only(await web.get("/api/history"))
    assert [m["id"] for m in left] == [done["id"]]  # the session's messages went with its data
    [again] = only(await web.post("/api/start"))
    assert again["id"] > done["id"]


async def test_the_web_chat_does_not_promise_reminders(chat: WebChat, web: httpx.AsyncClient):
    only(await web.post("/api/start"))
    [reply] = only(await web.post("/api/message", json={"text": "/remind"}))
    assert "无法主动推送提醒" in reply["text"] and button(reply, "关键日期") == "menu:dates"
    session = chat.store.session(web.cookies["sid"])
    assert session is not None and not chat.assistant.storage.has_reminders(session.user_id)


async def test_a_web_user_id_never_meets_a_telegram_id(chat: WebChat, web: httpx.AsyncClient):
    only(await web.post("/api/start"))
    session = chat.store.session(web.cookies["sid"])
    assert session is not None and session.address == Address(WEB, session.address.id)
    assert session.user_id == session.address.key and session.user_id.startswith("web:")


def test_sanitise_keeps_only_the_cores_tags():
    text, html = sanitise('<b>规则</b> &lt;x&gt; <script>alert(1)</script><a href="javascript:x">链接</a>')
    assert text == "规则 <x> alert(1)链接"
    assert html == "<b>规则</b> &lt;x&gt; alert(1)链接"


# --- sessions -----------------------------------------------------------------------------------
async def test_a_made_up_sid_is_never_adopted(chat: WebChat):
    app = create_app(chat)
    async with client_for(app) as web:
        web.cookies.set("sid", "made-up-session-id-0123456789abcdef")
        response = await web.post("/api/start")
        assert response.status_code == 200
        assert "made-up-session-id" not in response.headers["set-cookie"]
        assert chat.store.session("made-up-session-id-0123456789abcdef") is None


async def test_another_sessions_messages_are_unreachable(chat: WebChat):
    app = create_app(chat)
    async with client_for(app) as ann, client_for(app) as bob:
        only(await ann.post("/api/start"))
        [secret] = only(await ann.post("/api/message", json={"text": "韶关某某机械有限公司的项目"}))
        only(await bob.post("/api/start"))
        assert ann.cookies["sid"] != bob.cookies["sid"]
        assert all("某某机械" not in m["text"] for m in only(await bob.get("/api/history")))
        tapped = await bob.post("/api/tap", json={"message_id": secret["id"], "data": "menu:home"})
        assert tapped.status_code in (404, 409)
        history = only(await ann.get("/api/history"))
        assert len(history) == 3  # Bob's tap changed nothing of Ann's


# --- errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/message", b"{not json"),
        ("/api/message", b'{"text": "\xff\xfe"}'),
        ("/api/message", b'["text"]'),
        ("/api/message", b"{}"),
        ("/api/message", b'{"text": 3}'),
        ("/api/tap", b'{"message_id": "1", "data": "menu:home"}'),
        ("/api/tap", b'{"message_id": true, "data": "menu:home"}'),
        ("/api/tap", b'{"message_id": 1}'),
    ],
)
async def test_malformed_bodies_get_400_without_a_traceback(web: httpx.AsyncClient, path: str, body: bytes):
    response = await web.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] and "Traceback" not in response.text


async def test_history_after_must_be_a_number(web: httpx.AsyncClient):
    assert (await web.get("/api/history?after=abc")).status_code == 400


async def test_a_post_from_another_origin_is_refused(web: httpx.AsyncClient):
    evil = await web.post("/api/start", headers={"origin": "https://evil.example"})
    assert evil.status_code == 403 and evil.json()["error"]
    assert (await web.post("/api/start", headers={"origin": "http://testserver"})).status_code == 200
    assert (await web.post("/api/start")).status_code == 200  # no Origin: allowed


def test_origin_is_compared_with_host():
    assert same_host("https://chat.example.cn", "chat.example.cn")  # behind an HTTPS proxy
    assert same_host("http://127.0.0.1:8080", "127.0.0.1:8080")
    assert not same_host("http://127.0.0.1:8081", "127.0.0.1:8080")
    assert not same_host("https://chat.example.cn.evil.example", "chat.example.cn")
    assert not same_host("null", "chat.example.cn")


async def test_a_body_over_8192_bytes_gets_413(web: httpx.AsyncClient):
    big = json.dumps({"text": "x" * 9000})
    response = await web.post("/api/message", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]
    assert only(await web.get("/api/history")) == []  # nothing was stored


async def test_a_session_over_its_burst_gets_429_with_retry_after(web: httpx.AsyncClient, clock: Clock):
    only(await web.post("/api/start"))  # 1 of the burst of 20
    statuses = [(await web.get("/api/history")).status_code for _ in range(19)]
    assert statuses == [200] * 19
    refused = await web.get("/api/history")
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.json()["error"]
    clock.now += 1.0  # ten more a second
    assert [(await web.get("/api/history")).status_code for _ in range(10)] == [200] * 10
    assert (await web.get("/api/history")).status_code == 429


async def test_one_address_gets_more_but_not_unlimited(chat: WebChat):
    app = create_app(chat)
    statuses = []
    for _ in range(201):  # new sessions from one address
        async with client_for(app) as web:
            statuses.append((await web.get("/api/history")).status_code)
    assert statuses[:200] == [200] * 200 and statuses[200] == 429


# --- the event stream ---------------------------------------------------------------------------
async def test_events_replay_after_last_event_id_then_go_on_live(chat: WebChat, web: httpx.AsyncClient):
    app = create_app(chat)
    [menu] = only(await web.post("/api/start"))
    [answer] = only(await web.post("/api/message", json={"text": "验收申请截止日期"}))
    sid = web.cookies["sid"]
    # the header wins over ?after
    async with EventStream(app, sid, {"last-event-id": str(menu["id"])}, query="after=0") as events:
        assert events.headers["content-type"].startswith("text/event-stream")
        first = await events.next_event()
        assert first["event"] == "message" and first["id"] == str(menu["id"] + 1)
        assert json.loads(first["data"])["from"] == "user"
        second = await events.next_event()
        assert json.loads(second["data"]) == answer and second["id"] == str(answer["id"])
        # then live: a new message of the session, the user's own included
        only(await web.post("/api/message", json={"text": "联系方式"}))
        live = json.loads((await events.next_event())["data"])
        assert live["from"] == "user" and live["text"] == "联系方式"
        assert json.loads((await events.next_event())["data"])["from"] == "bot"


async def test_events_without_a_position_start_with_new_messages(chat: WebChat, web: httpx.AsyncClient):
    app = create_app(chat)
    only(await web.post("/api/start"))
    async with EventStream(app, web.cookies["sid"]) as events:
        await events.no_event(keep_alives=2)  # the old greeting is not sent; keep-alives are
        [menu] = only(await web.get("/api/history"))
        only(await web.post("/api/tap", json={"message_id": menu["id"], "data": "menu:dates"}))
        edited = json.loads((await events.next_event())["data"])
        assert edited["replaces"] == menu["id"]
    async with EventStream(app, web.cookies["sid"], query="after=0") as replay:
        assert json.loads((await replay.next_event())["data"])["id"] == menu["id"]


async def test_events_of_another_session_never_arrive(chat: WebChat):
    app = create_app(chat)
    async with client_for(app) as ann, client_for(app) as bob:
        only(await ann.post("/api/start"))
        only(await bob.post("/api/start"))
        async with EventStream(app, bob.cookies["sid"]) as events:
            only(await ann.post("/api/message", json={"text": "联系方式"}))
            await events.no_event(keep_alives=2)


# --- open event streams are capped -------------------------------------------------------------
async def test_a_session_keeps_a_few_event_streams_and_the_oldest_is_closed(
    chat: WebChat, web: httpx.AsyncClient
):
    only(await web.post("/api/start"))
    sid, app = web.cookies["sid"], create_app(chat)
    session = chat.store.session(sid)
    assert session is not None
    async with EventStream(app, sid) as first:
        newer = [EventStream(app, sid) for _ in range(STREAMS_PER_SESSION)]
        async with contextlib.AsyncExitStack() as stack:
            for stream in newer:
                await stack.enter_async_context(stream)
            await first.ended()  # the oldest is closed by the server
            assert len(chat.listeners[session.user_id]) == STREAMS_PER_SESSION
            [reply] = only(await web.post("/api/message", json={"text": "联系方式"}))[-1:]
            for stream in newer:  # the others go on
                while json.loads((await stream.next_event())["data"])["id"] != reply["id"]:
                    pass
    assert session.user_id not in chat.listeners and not chat.streams_by_address


async def test_one_address_cannot_hold_more_than_its_share_of_event_streams(
    assistant: Assistant, clock: Clock
):
    chat = WebChat(assistant, WebStore(assistant.storage), keep_alive=0.2, clock=clock, streams_per_address=2)
    app = create_app(chat)
    sids = []
    for _ in range(3):  # three sessions (cookies) from one address
        async with client_for(app) as client:
            only(await client.post("/api/start"))
            sids.append(client.cookies["sid"])
    async with EventStream(app, sids[0]), EventStream(app, sids[1]), EventStream(app, sids[2]) as refused:
        assert refused.start is not None and refused.start["status"] == 429
        assert "retry-after" in refused.headers
    async with EventStream(app, sids[2]) as allowed:  # once the others closed
        assert allowed.start is not None and allowed.start["status"] == 200


# --- the page's language -----------------------------------------------------------------------
async def test_responses_name_the_sessions_language_as_it_changes(web: httpx.AsyncClient):
    start = await web.post("/api/start")
    assert start.headers["content-language"] == "zh-CN"
    switched = await web.post("/api/message", json={"text": "/lang en"})
    assert switched.headers["content-language"] == "en"
    assert (await web.get("/api/history")).headers["content-language"] == "en"
    [chooser] = only(await web.post("/api/message", json={"text": "/lang"}))
    back = await web.post("/api/tap", json={"message_id": chooser["id"], "data": "lang:zh"})
    assert back.headers["content-language"] == "zh-CN"


# --- how staff see a web user ------------------------------------------------------------------
async def play_web(
    web: httpx.AsyncClient, clock: Clock, steps: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Say and press through the API like the page (the rate limit's clock moves a second a step)."""
    latest: list[dict[str, Any]] = []
    for kind, value in steps:
        clock.now += 1
        if kind == "say":
            latest = only(await web.post("/api/message", json={"text": value})) or latest
            continue
        message = next(
            m for m in reversed(latest) if any(value in b["label"] for r in m["buttons"] for b in r)
        )
        tapped = {"message_id": message["id"], "data": button(message, value)}
        latest = only(await web.post("/api/tap", json=tapped)) or latest
    return latest


async def test_staff_see_the_name_a_web_user_gave_or_a_web_user_label(tmp_path: Path, clock: Clock):
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, db_path=tmp_path / "staff.db", today=dt.date(2022, 7, 1), staff_chat_id=STAFF_CHAT_ID
    )
    assistant = build_assistant(settings)
    to_staff: list[Outbound] = []

    async def forward(items: list[Outbound]) -> None:
        to_staff.extend(items)

    chat = WebChat(assistant, WebStore(assistant.storage), forward=forward, clock=clock)
    app = create_app(chat)
    async with client_for(app) as anonymous:
        [greeting] = only(await anonymous.post("/api/start"))
        assert "网页用户" not in greeting["text"]  # a label for staff, not a way to greet
        only(await anonymous.post("/api/message", json={"text": "/human"}))
        only(await anonymous.post("/api/message", json={"text": "还差验收报告"}))
    header, relayed = (item.reply.text for item in to_staff)
    assert re.search(r"用户：网页用户 #\d+", header) and "用户：—" not in header, header
    assert re.search(r"网页用户 #\d+：", relayed), relayed

    to_staff.clear()
    async with client_for(app) as named:
        only(await named.post("/api/start"))
        await play_web(named, clock, ELIGIBLE_CHECK_WITH_LEAD)
        clock.now += 1
        only(await named.post("/api/message", json={"text": "/human"}))
    [header] = (item.reply.text for item in to_staff)
    assert "用户：李四" in header, header


def test_sanitise_reads_plain_text_as_the_parser_does():
    for markup in (
        "没有标签",
        "a &amp; b &lt;c&gt; &quot;",
        "5 > 3 &amp",
        "<b>粗</b> &amp; <i>斜</i>",
        "&#20013;&x;",
    ):
        text, html = sanitise(markup)
        parser = _Sanitiser()
        parser.feed(markup)
        parser.close()
        assert (text, html) == ("".join(parser.plain), "".join(parser.safe)), markup


# --- handoff through the staff group in Telegram ------------------------------------------------
async def test_a_web_users_case_reaches_the_staff_group_and_the_reply_comes_back(
    server: FakeBotApi, running_bot: RunningBot
):
    application = running_bot.application
    assistant: Assistant = application.bot_data["assistant"]
    chat = WebChat(assistant, WebStore(assistant.storage), keep_alive=0.2)
    connect(chat, application)
    staff = server.chat(STAFF_CHAT_ID)
    async with client_for(create_app(chat)) as web:
        only(await web.post("/api/start"))
        only(await web.post("/api/message", json={"text": "入库申报需要哪些附件"}))
        [opened] = only(await web.post("/api/message", json={"text": "/human"}))
        assert "工单 #" in opened["text"]
        header = await staff.next_reply()
        assert "网页" in header.text and "入库申报需要哪些附件" in header.text
        assert re.search(r"用户：网页用户 #\d+", header.text), header.text  # never "用户：—"
        assert header.buttons == [["认领 Claim", "关闭 Close"]]

        # during the case the page's messages go to the staff thread, unanswered by the bot
        assert only(await web.post("/api/message", json={"text": "我们的项目还差验收报告"})) == []
        relayed = await staff.next_reply()
        assert "验收报告" in relayed.text and re.search(r"· 网页用户 #\d+：", relayed.text), relayed.text

        officer = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
        async with EventStream(create_app(chat), web.cookies["sid"]) as events:
            await officer.send_in(
                STAFF_CHAT_ID, "请参考附件4的<模板>填写。", reply_to_message_id=relayed.message_id
            )
            pushed = json.loads((await events.next_event())["data"])
            document = {"file_id": "doc-1", "file_unique_id": "u-doc-1", "file_name": "模板.docx"}
            await officer.send_message(
                {"document": document, "caption": "第2页是填写说明"},
                chat_id=STAFF_CHAT_ID,
                reply_to_message_id=relayed.message_id,
            )
            file_note = json.loads((await events.next_event())["data"])
            photo = [{"file_id": "p-1", "file_unique_id": "u-p-1", "width": 90, "height": 90}]
            await officer.send_message(
                {"photo": photo}, chat_id=STAFF_CHAT_ID, reply_to_message_id=relayed.message_id
            )
            photo_note = json.loads((await events.next_event())["data"])
            await officer.send_in(STAFF_CHAT_ID, "/close", reply_to_message_id=header.message_id)
            closing = json.loads((await events.next_event())["data"])
        assert pushed["from"] == "staff" and "请参考附件4的<模板>填写。" in pushed["text"]
        assert "&lt;模板&gt;" in pushed["html"] and "<模板>" not in pushed["html"]
        # stored: a page opened later finds it in the history
        assert pushed in only(await web.get("/api/history"))
        # a staff file reaches the page as its name, its caption and what to do, never an error
        assert file_note["from"] == "staff" and "模板.docx" in file_note["text"]
        assert "第2页是填写说明" in file_note["text"] and "无法打开" in file_note["text"]
        assert photo_note["from"] == "staff" and "图片" in photo_note["text"]
        assert closing["from"] == "bot" and "打分" in closing["text"]
        rate = {"message_id": closing["id"], "data": button(closing, "⭐⭐⭐⭐⭐")}
        [thanks] = only(await web.post("/api/tap", json=rate))
        assert thanks["replaces"] == closing["id"] and "谢谢" in thanks["text"]
        session = chat.store.session(web.cookies["sid"])
        assert session is not None
        case = assistant.storage.latest_case_of(session.user_id)
        assert case is not None and case["status"] == "closed" and case["rating"] == 5


def test_forget_hook_clears_web_messages(tmp_path: Path):
    storage = Storage(tmp_path / "forget.db")
    store = WebStore(storage)
    _, session = store.new_session("zh")
    store.add(session.user_id, "user", "公司名称")
    storage.forget_user(session.user_id)
    assert store.messages(session.user_id) == []
    assert store.add(session.user_id, "bot", "ok").id == 2
    storage.close()


# --- python -m bot serve ------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_serve_runs_the_web_chat_and_telegram_in_one_process_and_stops_cleanly(
    server: FakeBotApi, tmp_path: Path
):
    port = free_port()
    bot = BotProcess(server, tmp_path / "bot.db", tmp_path / "serve.log", ("serve", "--port", str(port)))
    await bot.start()  # returns once it polls Telegram
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as web:
            for _ in range(100):  # until uvicorn listens (bounded)
                try:
                    if (await web.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            only(await web.post("/api/start"))
            [opened] = only(await web.post("/api/message", json={"text": "/human"}))
            assert "工单 #" in opened["text"]
            header = await server.chat(STAFF_CHAT_ID).next_reply(timeout=10)
            assert "网页" in header.text
            ann = server.user(961, language_code="zh")  # Telegram users are answered by the same process
            await ann.send("验收申请截止日期")
            assert "8月26日" in (await ann.next_reply(timeout=10)).text
            # a page's event stream is open while the process is told to stop
            async with web.stream("GET", "/api/events", timeout=30) as events:
                assert events.headers["content-type"].startswith("text/event-stream")
                assert bot.proc is not None
                bot.proc.send_signal(signal.SIGTERM)

                async def until_the_server_ends_it() -> None:
                    with contextlib.suppress(httpx.HTTPError):
                        async for _ in events.aiter_bytes():
                            pass

                await asyncio.wait_for(until_the_server_ends_it(), 20)
            for _ in range(150):
                if bot.proc.poll() is not None:
                    break
                await asyncio.sleep(0.1)
        # 0, not -15: uvicorn's re-raised SIGTERM does not cut python-telegram-bot's stop short
        assert bot.proc.poll() == 0, bot.log_text()
    finally:
        bot.kill()
