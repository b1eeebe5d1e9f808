"""A fake Telegram Bot API server for end-to-end tests and load benchmarks.

It speaks the HTTP protocol python-telegram-bot uses (JSON, form-urlencoded and multipart bodies,
long polling with ``getUpdates``), keeps every chat's messages so edits and button taps work,
and lets a test read the bot's replies like a transcript::

    async with FakeBotApi() as server:
        app = ApplicationBuilder().token(server.token).base_url(server.base_url) \\
            .base_file_url(server.base_file_url).build()
        ...
        ann = server.user(1001, first_name="Ann")
        await ann.send("/start")
        reply = await ann.next_reply()
        assert reply.buttons == [["中文", "English"]]
        await ann.tap("English")

Everything listens on 127.0.0.1; nothing here reaches the network.
"""

from __future__ import annotations

import asyncio
import html
import inspect
import itertools
import json
import mimetypes
import re
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import KW_ONLY, dataclass, field
from http import HTTPStatus
from typing import Any, NamedTuple

from aiohttp import web

__all__ = [
    "ApiError",
    "BotAction",
    "Call",
    "FakeBotApi",
    "FakeChat",
    "FakeUser",
]

JSON = dict[str, Any]

#: Methods whose calls are recorded in ``server.calls`` but kept out of chat transcripts.
DEFAULT_QUIET_METHODS = frozenset({"sendChatAction", "answerCallbackQuery"})

# Form fields that always stay strings (every other form value is JSON-decoded when it can be).
_TEXT_KEYS = frozenset(
    {
        "text",
        "caption",
        "callback_query_id",
        "inline_message_id",
        "parse_mode",
        "action",
        "language_code",
        "file_id",
        "emoji",
        "description",
        "short_description",
        "name",
        "title",
        "url",
        "query",
        "phone_number",
        "first_name",
        "last_name",
        "address",
        "secret_token",
        "business_connection_id",
        "message_effect_id",
        "question",
        "explanation",
        "performer",
        "custom_title",
        "document",
        "photo",
        "audio",
        "video",
        "voice",
        "animation",
        "sticker",
        "thumbnail",
        "filename",
    }
)
_JSON_START = frozenset('{["-0123456789tfn')
_CONTENT_KEYS = (
    "text",
    "entities",
    "caption",
    "caption_entities",
    "document",
    "photo",
    "sticker",
    "location",
    "voice",
    "audio",
    "video",
    "animation",
    "contact",
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)
_MAX_TEXT = 4096
_MAX_CAPTION = 1024
_MAX_DOWNLOAD = 20 * 1024 * 1024


class ApiError(Exception):
    """A Bot API error: raised inside method handlers, returned as ``{"ok": false, ...}``."""

    def __init__(self, error_code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(f"{error_code} {description}")
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        """The Telegram-shaped JSON body."""
        body: JSON = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


class Call(NamedTuple):
    """One request the bot made: ``method, params = call``."""

    method: str
    params: JSON


@dataclass(frozen=True)
class ReturnedError:
    """An error the server returned to the bot (injected or not)."""

    method: str
    params: JSON
    error_code: int
    description: str


@dataclass
class Upload:
    """A file received in a multipart body."""

    filename: str
    content_type: str
    data: bytes


#: A Bot API method: ``handler(params, uploads)`` returns the result (or an awaitable of it).
MethodHandler = Callable[[JSON, dict[str, Upload]], Any]


@dataclass
class StoredFile:
    """A file the server knows: its id, bytes and download path."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None


@dataclass
class _Fault:
    status: int | None
    retry_after: int
    count: int
    delay: float
    description: str | None
    drop: bool = False  # perform the call, then close the connection without answering


@dataclass
class _CallbackQuery:
    user_id: int
    chat_id: int | str | None
    answer: JSON | None = None


@dataclass(frozen=True)
class BotAction:
    """One thing the bot did in a chat: a sent, edited or deleted message, a callback answer…"""

    method: str
    chat_id: int | str
    params: JSON
    message: JSON | None = None
    file: StoredFile | None = None

    @property
    def text(self) -> str | None:
        """The text (or caption) the user sees, markup removed; the sent text when there is no message."""
        if self.message is not None:
            shown = self.message.get("text", self.message.get("caption"))
            if shown is not None:
                return str(shown)
        raw = self.params.get("text", self.params.get("caption"))
        return None if raw is None else str(raw)

    @property
    def raw_text(self) -> str | None:
        """The text (or caption) exactly as the bot sent it, with its HTML/Markdown."""
        raw = self.params.get("text", self.params.get("caption"))
        return None if raw is None else str(raw)

    @property
    def message_id(self) -> int | None:
        """The id of the message sent or acted on."""
        if self.message is not None and "message_id" in self.message:
            return int(self.message["message_id"])
        value = self.params.get("message_id")
        return None if value is None else int(value)

    @property
    def reply_markup(self) -> JSON | None:
        """The markup the bot sent with this action (inline or reply keyboard)."""
        markup = self.params.get("reply_markup")
        return markup if isinstance(markup, dict) else None

    @property
    def buttons(self) -> list[list[str]]:
        """Button labels, row by row, of the inline or reply keyboard sent; ``[]`` when none."""
        return [[label for label, _ in row] for row in self.button_data]

    @property
    def button_data(self) -> list[list[tuple[str, str | None]]]:
        """Rows of ``(label, callback_data or url)``; reply keyboard buttons carry ``None``."""
        return _markup_rows(self.reply_markup)

    @property
    def reply_to_message_id(self) -> int | None:
        """The message this one replies to, if any."""
        if self.message is not None and isinstance(self.message.get("reply_to_message"), dict):
            return int(self.message["reply_to_message"]["message_id"])
        return None

    @property
    def file_bytes(self) -> bytes | None:
        """The bytes of a sent document/photo, if the action sent one."""
        return None if self.file is None else self.file.data

    @property
    def file_name(self) -> str | None:
        """The name of a sent document, if any."""
        return None if self.file is None else self.file.file_name

    def __str__(self) -> str:
        extra = f" {self.buttons}" if self.buttons else ""
        return f"{self.method}#{self.message_id}: {self.text!r}{extra}"


def _markup_rows(markup: JSON | None) -> list[list[tuple[str, str | None]]]:
    if not markup:
        return []
    if "inline_keyboard" in markup:
        return [
            [(str(b.get("text", "")), b.get("callback_data", b.get("url"))) for b in row]
            for row in markup["inline_keyboard"]
        ]
    if "keyboard" in markup:
        return [
            [(b if isinstance(b, str) else str(b.get("text", "")), None) for b in row]
            for row in markup["keyboard"]
        ]
    return []


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# parse_mode checks: a bot that forgets to escape user text gets the 400 Telegram would send.
# ---------------------------------------------------------------------------------------------

_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w-]*)((?:\s[^<>]*)?)/?>")


def _entities_error(detail: str) -> ApiError:
    return _bad(f"can't parse entities: {detail}")


def _render_html(text: str) -> str:
    """Validate Telegram HTML and return the plain text it shows."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while (start := text.find("<", pos)) >= 0:
        out.append(html.unescape(text[pos:start]))
        match = _TAG_RE.match(text, start)
        offset = _byte_offset(text, start)
        if match is None:
            raise _entities_error(f"Unsupported start tag at byte offset {offset}; escape '<' as &lt;")
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name not in _HTML_TAGS:
            kind = "end" if closing else "start"
            raise _entities_error(f'Unsupported {kind} tag "{name}" at byte offset {offset}')
        if not closing:
            stack.append(name)
        elif not stack:
            raise _entities_error(f'Unexpected end tag "{name}" at byte offset {offset}')
        elif stack[-1] != name:
            raise _entities_error(
                f'Unmatched end tag at byte offset {offset}, expected "</{stack[-1]}>", found "</{name}>"'
            )
        else:
            stack.pop()
        pos = match.end()
    out.append(html.unescape(text[pos:]))
    if stack:
        raise _entities_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


_MDV2_NAMES = {
    "*": "Bold",
    "_": "Italic",
    "__": "Underline",
    "~": "Strikethrough",
    "||": "Spoiler",
    "[": "TextUrl",
}


def _find_unescaped(text: str, char: str, start: int) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            return i
        i += 1
    return -1


def _render_markdown_v2(text: str) -> str:
    """Validate MarkdownV2 (reserved characters, closed entities) and return the plain text."""
    out: list[str] = []
    opened: dict[str, int] = {}
    i, n = 0, len(text)

    def reserved(char: str) -> ApiError:
        return _entities_error(f"Character '{char}' is reserved and must be escaped with the preceding '\\'")

    def toggle(mark: str) -> None:
        if mark in opened:
            del opened[mark]
        else:
            opened[mark] = i

    while i < n:
        c = text[i]
        if c == "\\":
            if i + 1 >= n:
                raise reserved("\\")
            out.append(text[i + 1])
            i += 2
        elif text.startswith("```", i):
            end = text.find("```", i + 3)
            if end < 0:
                offset = _byte_offset(text, i)
                raise _entities_error(f"Can't find end of PreCode entity at byte offset {offset}")
            block = text[i + 3 : end]
            first, sep, rest = block.partition("\n")
            out.append(rest if sep and first and " " not in first else block)
            i = end + 3
        elif c == "`":
            end = _find_unescaped(text, "`", i + 1)
            if end < 0:
                raise _entities_error(f"Can't find end of Code entity at byte offset {_byte_offset(text, i)}")
            out.append(re.sub(r"\\(.)", r"\1", text[i + 1 : end]))
            i = end + 1
        elif c == "[":
            toggle("[")
            i += 1
        elif c == "]":
            if "[" not in opened:
                raise reserved("]")
            del opened["["]
            i += 1
            if i < n and text[i] == "(":
                end = _find_unescaped(text, ")", i + 1)
                if end < 0:
                    raise _entities_error(f"Can't find end of a URL at byte offset {_byte_offset(text, i)}")
                i = end + 1
        elif text.startswith("__", i):
            toggle("__")
            i += 2
        elif text.startswith("||", i):
            toggle("||")
            i += 2
        elif c in "*_~":
            toggle(c)
            i += 1
        elif c == ">" and (i == 0 or text[i - 1] == "\n"):
            i += 1
        elif c in "_*[]()~`>#+-=|{}.!":
            raise reserved(c)
        else:
            out.append(c)
            i += 1
    if opened:
        mark, start = min(opened.items(), key=lambda item: item[1])
        raise _entities_error(
            f"Can't find end of {_MDV2_NAMES[mark]} entity at byte offset {_byte_offset(text, start)}"
        )
    return "".join(out)


def _render_markdown(text: str) -> str:
    """Validate legacy Markdown (closed entities) and return the plain text."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "*_`[":
            out.append(text[i + 1])
            i += 2
            continue
        mark = "```" if text.startswith("```", i) else c
        if mark in ("*", "_", "`", "```"):
            end = text.find(mark, i + len(mark))
            if end < 0:
                raise _entities_error(
                    f"Can't find end of the entity starting at byte offset {_byte_offset(text, i)}"
                )
            out.append(text[i + len(mark) : end])
            i = end + len(mark)
        elif c == "[":
            end = text.find("]", i + 1)
            if end < 0:
                raise _entities_error(
                    f"Can't find end of the entity starting at byte offset {_byte_offset(text, i)}"
                )
            out.append(text[i + 1 : end])
            i = end + 1
            if i < n and text[i] == "(":
                close = text.find(")", i)
                i = n if close < 0 else close + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _render(text: str, parse_mode: str | None) -> str:
    mode = (parse_mode or "").lower()
    if mode == "html":
        return _render_html(text)
    if mode == "markdownv2":
        return _render_markdown_v2(text)
    if mode == "markdown":
        return _render_markdown(text)
    if mode:
        raise _bad(f"unsupported parse_mode {parse_mode!r}")
    return text


# ---------------------------------------------------------------------------------------------
# Chats and users
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False, repr=False)  # one object per chat, compared by identity
class FakeChat:
    """A chat the server knows: its stored messages and the transcript of the bot's actions in it."""

    server: FakeBotApi
    id: int
    type: str
    _: KW_ONLY
    title: str | None = None
    first_name: str | None = None
    username: str | None = None
    #: Private chats only: the bot gets 403 "blocked by the user" while set.
    blocked: bool = False
    #: Every bot action in this chat, in order (``next_reply`` walks through it).
    actions: list[BotAction] = field(default_factory=list)
    #: Labels of the reply keyboard currently shown, or ``None``.
    reply_keyboard: list[list[str]] | None = None
    _one_time_keyboard: bool = False
    _messages: dict[int, JSON] = field(default_factory=dict)
    _content: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    _next_message_id: int = 1
    _cursor: int = 0
    _event: asyncio.Event = field(default_factory=asyncio.Event)

    def as_dict(self) -> JSON:
        """The ``Chat`` object Telegram sends."""
        chat: JSON = {"id": self.id, "type": self.type}
        if self.title is not None:
            chat["title"] = self.title
        if self.first_name is not None:
            chat["first_name"] = self.first_name
        if self.username is not None:
            chat["username"] = self.username
        return chat

    @property
    def messages(self) -> list[JSON]:
        """Stored messages (user's and bot's, deleted ones excluded), oldest first."""
        return list(self._messages.values())

    def message(self, message_id: int) -> JSON | None:
        """A stored message by id."""
        return self._messages.get(message_id)

    # -- storage ---------------------------------------------------------------------------------

    def _new_message(self, sender: JSON, content: JSON, reply_to: int | None = None) -> JSON:
        message_id = self._next_message_id
        self._next_message_id += 1
        msg: JSON = {"message_id": message_id, "from": sender, "chat": self.as_dict()}
        msg["date"] = int(time.time())
        if reply_to is not None:
            original = self._messages.get(reply_to)
            if original is None:
                raise _bad("message to be replied not found")
            msg["reply_to_message"] = _without_reply(original)
        msg.update(content)
        self._messages[message_id] = msg
        return msg

    def _record(self, action: BotAction) -> None:
        if action.method in self.server.quiet_methods:
            return
        self.actions.append(action)
        self._event.set()

    # -- transcript ------------------------------------------------------------------------------

    async def _wait_next(self, timeout: float) -> BotAction | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._cursor >= len(self.actions):
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            self._event.clear()
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                return None
        action = self.actions[self._cursor]
        self._cursor += 1
        return action

    async def next_reply(self, timeout: float = 5.0) -> BotAction:
        """The next bot action in this chat; AssertionError if none comes within ``timeout`` s."""
        action = await self._wait_next(timeout)
        if action is None:
            raise AssertionError(self.server._explain_silence(self, timeout))
        return action

    async def replies_until_idle(
        self, idle: float = 0.3, timeout: float = 5.0, min_count: int = 1
    ) -> list[BotAction]:
        """Actions until none arrives for ``idle`` s (waiting up to ``timeout`` s for ``min_count`` first).

        Returns what it has when ``timeout`` runs out; never raises.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        out: list[BotAction] = []
        while (remaining := deadline - loop.time()) > 0:
            wait = remaining if len(out) < min_count else min(idle, remaining)
            action = await self._wait_next(wait)
            if action is None:
                if len(out) >= min_count:
                    break
                continue
            out.append(action)
        return out

    async def expect_no_reply(self, wait: float = 0.3) -> None:
        """Assert the bot does nothing in this chat for ``wait`` s."""
        action = await self._wait_next(wait)
        if action is not None:
            raise AssertionError(f"expected no reply in chat {self.id}, got {action}")

    def pending(self) -> list[BotAction]:
        """Consume and return the actions already received, without waiting."""
        out = self.actions[self._cursor :]
        self._cursor = len(self.actions)
        return out


@dataclass(eq=False, repr=False)
class FakeUser:
    """A simulated Telegram user; its helpers enqueue updates for the bot's ``getUpdates``."""

    server: FakeBotApi
    id: int
    first_name: str
    language_code: str | None
    username: str | None
    last_name: str | None = None
    #: The user's private chat with the bot (chat id == user id).
    chat: FakeChat = field(init=False)
    #: Parameters of every ``answerCallbackQuery`` for this user's taps, in order.
    callback_answers: list[JSON] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.chat = self.server._add_chat(
            FakeChat(self.server, self.id, "private", first_name=self.first_name, username=self.username)
        )

    def as_dict(self) -> JSON:
        """The ``User`` object Telegram sends."""
        user: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name is not None:
            user["last_name"] = self.last_name
        if self.username is not None:
            user["username"] = self.username
        if self.language_code is not None:
            user["language_code"] = self.language_code
        return user

    def _chat(self, chat_id: int | None) -> FakeChat:
        if chat_id is None or chat_id == self.id:
            return self.chat
        chat = self.server._chats.get(chat_id)
        if chat is None:
            raise AssertionError(f"unknown chat {chat_id}: register it with server.chat({chat_id})")
        return chat

    # -- sending ---------------------------------------------------------------------------------

    async def send_message(
        self, content: JSON, chat_id: int | None = None, reply_to_message_id: int | None = None
    ) -> JSON:
        """Send a message with arbitrary content fields (``{"text": ...}``, ``{"dice": ...}``…)."""
        chat = self._chat(chat_id)
        try:
            msg = chat._new_message(self.as_dict(), content, reply_to_message_id)
        except ApiError as exc:
            raise AssertionError(f"message {reply_to_message_id} not found in chat {chat.id}") from exc
        self.server._enqueue("message", msg)
        return msg

    async def send(self, text: str, reply_to_message_id: int | None = None) -> JSON:
        """Send a text in the private chat; a leading ``/command`` gets a bot_command entity."""
        return await self.send_message(_text_content(text), None, reply_to_message_id)

    async def send_in(
        self,
        chat_id: int,
        text: str,
        chat_type: str = "supergroup",
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """Send a text in a group chat (registered on first use), optionally replying to a message."""
        self.server.chat(chat_id, chat_type=chat_type)
        return await self.send_message(_text_content(text), chat_id, reply_to_message_id)

    async def send_document(
        self,
        filename: str,
        data: bytes,
        caption: str | None = None,
        mime_type: str | None = None,
        chat_id: int | None = None,
    ) -> JSON:
        """Send a file as a document; the bot can ``getFile`` and download it."""
        mime = mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        stored = self.server._store_file(data, "documents", filename, mime)
        content: JSON = {"document": _document(stored)}
        if caption is not None:
            content["caption"] = caption
        return await self.send_message(content, chat_id)

    async def send_photo(
        self,
        data: bytes = b"\xff\xd8\xff\xe0fake-jpeg",
        caption: str | None = None,
        width: int = 1280,
        height: int = 960,
        chat_id: int | None = None,
    ) -> JSON:
        """Send a photo (two sizes, the largest last, as Telegram does)."""
        content: JSON = {"photo": self.server._photo_sizes(data, width, height)}
        if caption is not None:
            content["caption"] = caption
        return await self.send_message(content, chat_id)

    async def send_sticker(self, emoji: str = "👍", chat_id: int | None = None) -> JSON:
        """Send a sticker."""
        stored = self.server._store_file(b"RIFFfake-webp", "stickers", None, "image/webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self.send_message({"sticker": sticker}, chat_id)

    async def send_location(self, latitude: float, longitude: float, chat_id: int | None = None) -> JSON:
        """Send a location."""
        return await self.send_message({"location": {"latitude": latitude, "longitude": longitude}}, chat_id)

    async def send_voice(
        self, data: bytes = b"OggSfake-voice", duration: int = 2, chat_id: int | None = None
    ) -> JSON:
        """Send a voice note."""
        stored = self.server._store_file(data, "voice", None, "audio/ogg")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(data),
        }
        return await self.send_message({"voice": voice}, chat_id)

    async def send_contact(self, phone_number: str, chat_id: int | None = None) -> JSON:
        """Share the user's own contact."""
        contact = {"phone_number": phone_number, "first_name": self.first_name, "user_id": self.id}
        return await self.send_message({"contact": contact}, chat_id)

    async def edit(self, message_id: int, text: str, chat_id: int | None = None) -> JSON:
        """Edit one of the user's own messages (an ``edited_message`` update)."""
        chat = self._chat(chat_id)
        original = chat._messages.get(message_id)
        if original is None or original.get("from", {}).get("id") != self.id:
            raise AssertionError(f"user {self.id} has no message {message_id} in chat {chat.id}")
        edited = {k: v for k, v in original.items() if k != "entities"}
        edited.update(_text_content(text), edit_date=int(time.time()))
        chat._messages[message_id] = edited
        self.server._enqueue("edited_message", edited)
        return edited

    # -- buttons ---------------------------------------------------------------------------------

    async def tap(self, label: str, chat_id: int | None = None) -> str:
        """Tap the inline button ``label`` on the latest bot message showing it; returns the query id.

        An exact label wins; otherwise a unique button whose text contains ``label``.
        """
        chat = self._chat(chat_id)
        seen: list[list[str]] = []
        for msg in reversed(chat._messages.values()):
            rows = _markup_rows(msg.get("reply_markup"))
            if not rows or msg.get("from", {}).get("id") != self.server.bot_id:
                continue
            buttons = [button for row in rows for button in row]
            seen.append([text for text, _ in buttons])
            match = [b for b in buttons if b[0] == label] or [b for b in buttons if label in b[0]]
            if len(match) > 1 and match[0][0] != label:
                raise AssertionError(f"label {label!r} is ambiguous in message {msg['message_id']}: {match}")
            if match:
                button = _find_button(msg["reply_markup"], match[0][0])
                if "callback_data" not in button:
                    raise AssertionError(f"button {label!r} is not a callback button: {button}")
                return self._enqueue_callback(chat, msg, str(button["callback_data"]))
        raise AssertionError(
            f"no bot message in chat {chat.id} has an inline button {label!r}; available: {seen or 'none'}"
        )

    async def tap_data(self, message_id: int, data: str, chat_id: int | None = None) -> str:
        """Send a callback query with any ``data`` for ``message_id`` (stale or forged); returns its id."""
        chat = self._chat(chat_id)
        msg = chat._messages.get(message_id) or {"message_id": message_id, "chat": chat.as_dict(), "date": 0}
        return self._enqueue_callback(chat, msg, data)

    def _enqueue_callback(self, chat: FakeChat, msg: JSON, data: str) -> str:
        query_id = self.server._new_callback_query(self.id, chat.id)
        query = {
            "id": query_id,
            "from": self.as_dict(),
            "message": msg,
            "chat_instance": str(abs(hash((self.server.bot_id, chat.id))) % 10**18),
            "data": data,
        }
        self.server._enqueue("callback_query", query)
        return query_id

    async def press(self, label: str) -> JSON:
        """Press a button of the reply keyboard shown in the private chat (sends its text)."""
        keyboard = self.chat.reply_keyboard
        if not keyboard or label not in [b for row in keyboard for b in row]:
            raise AssertionError(f"no reply keyboard button {label!r}; keyboard: {keyboard}")
        if self.chat._one_time_keyboard:
            self.chat.reply_keyboard = None
        return await self.send(label)

    # -- transcript (private chat) ---------------------------------------------------------------

    async def next_reply(self, timeout: float = 5.0) -> BotAction:
        """The next bot action in the user's private chat (see :meth:`FakeChat.next_reply`)."""
        return await self.chat.next_reply(timeout)

    async def replies_until_idle(
        self, idle: float = 0.3, timeout: float = 5.0, min_count: int = 1
    ) -> list[BotAction]:
        """Bot actions in the private chat until it is idle (see :meth:`FakeChat.replies_until_idle`)."""
        return await self.chat.replies_until_idle(idle, timeout, min_count)

    async def expect_no_reply(self, wait: float = 0.3) -> None:
        """Assert the bot stays silent in the private chat for ``wait`` s."""
        await self.chat.expect_no_reply(wait)

    def pending(self) -> list[BotAction]:
        """Consume the private chat's actions received so far."""
        return self.chat.pending()

    @property
    def messages(self) -> list[JSON]:
        """Stored messages of the private chat."""
        return self.chat.messages

    def block(self) -> None:
        """Block the bot: sends to this user fail with 403."""
        self.chat.blocked = True

    def unblock(self) -> None:
        """Unblock the bot."""
        self.chat.blocked = False


def _text_content(text: str) -> JSON:
    content: JSON = {"text": text}
    command = re.match(r"/\S+", text)
    if command:
        content["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())}]
    return content


def _without_reply(msg: JSON) -> JSON:
    return {k: v for k, v in msg.items() if k != "reply_to_message"}


def _find_button(markup: JSON, label: str) -> JSON:
    for row in markup["inline_keyboard"]:
        for button in row:
            if button.get("text") == label:
                return dict(button)
    raise AssertionError(label)  # pragma: no cover - callers checked


def _document(stored: StoredFile) -> JSON:
    doc: JSON = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
    doc["file_size"] = len(stored.data)
    if stored.file_name:
        doc["file_name"] = stored.file_name
    if stored.mime_type:
        doc["mime_type"] = stored.mime_type
    return doc


# ---------------------------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------------------------


class FakeBotApi:
    """The fake Bot API server. ``async with FakeBotApi() as server: ...``."""

    def __init__(
        self,
        token: str = "123:TEST",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        bot_first_name: str = "Test Bot",
        bot_username: str = "test_bot",
        quiet_methods: Iterable[str] = DEFAULT_QUIET_METHODS,
        check_parse_mode: bool = True,
    ) -> None:
        self.token = token
        self.host = host
        self.port = port
        self.bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.bot_user: JSON = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        #: Methods kept out of chat transcripts (still in ``calls``).
        self.quiet_methods = frozenset(quiet_methods)
        #: Reject malformed HTML/MarkdownV2 the way Telegram does.
        self.check_parse_mode = check_parse_mode
        #: Every request received, in order, as ``(method, params)``.
        self.calls: list[Call] = []
        #: Every error response sent (injected faults included).
        self.errors: list[ReturnedError] = []
        self.users: dict[int, FakeUser] = {}
        #: Updates discarded because ``allowed_updates`` excluded their type.
        self.dropped_updates = 0
        self._chats: dict[int, FakeChat] = {}
        self._updates: deque[JSON] = deque()
        self._next_update_id = 1
        self._updates_event = asyncio.Event()
        self._poll_generation = 0
        self._allowed_updates: frozenset[str] | None = None
        self._calls_event = asyncio.Event()
        self._faults: dict[str, deque[_Fault]] = {}
        self._files: dict[str, StoredFile] = {}
        self._paths: dict[str, StoredFile] = {}
        self._file_counter = itertools.count(1)
        self._callback_queries: dict[str, _CallbackQuery] = {}
        self._callback_counter = itertools.count(4_000_000_000_000_000)
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._extra_methods: dict[str, MethodHandler] = {}
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._closing = False
        self._paused = False
        self._methods: dict[str, MethodHandler] = {
            name.lower(): handler for name, handler in self._builtin_methods().items()
        }

    # -- life cycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start listening (on a free port when ``port=0``)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._closing = False
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        await self._start_site()

    async def _start_site(self) -> None:
        assert self._runner is not None, "call start() first"
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self._site = site
        self.port = site.port

    async def stop(self) -> None:
        """Stop the server, ending pending long polls at once."""
        self._closing = True
        self._updates_event.set()
        if self._runner is not None:
            runner, self._runner, self._site = self._runner, None, None
            await runner.cleanup()

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def pause(self) -> None:
        """Simulate an outage: refuse new connections and drop open ones until :meth:`resume`."""
        self._paused = True
        if self._site is not None:
            site, self._site = self._site, None
            await site.stop()
        if self._runner is not None and self._runner.server is not None:
            for conn in self._runner.server.connections:
                conn.force_close()

    async def resume(self) -> None:
        """End the outage: listen again on the same port."""
        self._paused = False
        if self._site is None:
            await self._start_site()

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url`` (PTB appends the token)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder.base_file_url``."""
        return f"http://{self.host}:{self.port}/file/bot"

    # -- simulated users and chats ---------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str = "Ann",
        language_code: str | None = "zh",
        username: str | None = None,
        last_name: str | None = None,
    ) -> FakeUser:
        """The simulated user ``user_id`` (created on first call) with a private chat."""
        existing = self.users.get(user_id)
        if existing is not None:
            return existing
        user = FakeUser(self, user_id, first_name, language_code, username, last_name)
        self.users[user_id] = user
        return user

    def chat(self, chat_id: int, chat_type: str = "supergroup", title: str | None = None) -> FakeChat:
        """The chat ``chat_id`` (a group is created on first call; a user's private chat is returned)."""
        existing = self._chats.get(chat_id)
        if existing is not None:
            return existing
        return self._add_chat(FakeChat(self, chat_id, chat_type, title=title or f"Chat {chat_id}"))

    def _add_chat(self, chat: FakeChat) -> FakeChat:
        self._chats[chat.id] = chat
        return chat

    def messages(self, chat_id: int) -> list[JSON]:
        """Stored messages of a chat, oldest first."""
        chat = self._chats.get(chat_id)
        return [] if chat is None else chat.messages

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands set with ``setMyCommands`` for a scope (default scope when ``None``) and language."""
        return list(self._commands.get(_scope_key(scope, language_code), []))

    def callback_answer(self, query_id: str) -> JSON | None:
        """The ``answerCallbackQuery`` parameters for a query, ``None`` while unanswered."""
        query = self._callback_queries.get(query_id)
        return None if query is None else query.answer

    @property
    def unanswered_callback_queries(self) -> list[str]:
        """Ids of callback queries the bot has not answered (yet)."""
        return [qid for qid, query in self._callback_queries.items() if query.answer is None]

    @property
    def pending_update_count(self) -> int:
        """Updates not yet acknowledged by the bot (``offset``)."""
        return len(self._updates)

    def calls_to(self, method: str) -> list[JSON]:
        """Parameters of every call to ``method``."""
        return [call.params for call in self.calls if call.method == method]

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[JSON], bool] | None = None,
        timeout: float = 5.0,
        since: int = 0,
    ) -> Call:
        """The first call to ``method`` (from ``calls[since]`` on) matching ``predicate``; waits for it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        index = since
        while True:
            for call in self.calls[index:]:
                if call.method == method and (predicate is None or predicate(call.params)):
                    return call
            index = len(self.calls)
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"no {method} call within {timeout} s")
            self._calls_event.clear()
            try:
                await asyncio.wait_for(self._calls_event.wait(), remaining)
            except TimeoutError:
                continue

    # -- fault injection -------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int | None = 429,
        retry_after: int = 1,
        count: int = 1,
        delay: float = 0.0,
        description: str | None = None,
        drop: bool = False,
    ) -> None:
        """Make the next ``count`` calls to ``method`` (``"*"``: any method) fail or stall.

        ``status``: 429 (with ``parameters.retry_after``), 500, 502, 403, 400…; ``delay`` waits
        before answering, to trigger client timeouts. ``status=None`` with a ``delay`` performs the
        call at once and answers late: the message is delivered although the client timed out.
        ``status=None, drop=True`` performs the call, then drops the connection without an answer
        (delivered, but the client sees a network error).
        """
        self._faults.setdefault(method.lower(), deque()).append(
            _Fault(status, retry_after, count, delay, description, drop)
        )

    def clear_faults(self) -> None:
        """Forget pending injected faults."""
        self._faults.clear()

    def _take_fault(self, method: str) -> _Fault | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                fault = queue[0]
                fault.count -= 1
                if fault.count <= 0:
                    queue.popleft()
                return fault
        return None

    def register(self, method: str, handler: MethodHandler) -> None:
        """Add or replace a method: ``handler(params, uploads)`` returns the result or raises ApiError."""
        self._methods[method.lower()] = handler

    # -- HTTP ------------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        try:
            params, uploads = await _read_params(request)
        except ValueError as exc:
            return self._error_response(method, {}, _bad(f"can't parse request: {exc}"))
        self.calls.append(Call(method, params))
        self._calls_event.set()
        if self._paused:
            return self._error_response(method, params, ApiError(502, "Bad Gateway"))
        if request.match_info["token"] != self.token:
            return self._error_response(method, params, ApiError(401, "Unauthorized"))
        fault = self._take_fault(method)
        if fault is not None and fault.status is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            return self._error_response(method, params, _fault_error(fault))
        handler = self._methods.get(method.lower())
        if handler is None:
            return self._error_response(method, params, ApiError(404, "Not Found"))
        try:
            result = handler(params, uploads)
            if inspect.isawaitable(result):
                result = await result
        except ApiError as exc:
            return self._error_response(method, params, exc)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.drop and request.transport is not None:
            request.transport.close()  # delivered, but the answer never reaches the client
        return web.json_response({"ok": True, "result": result}, dumps=_dumps)

    def _error_response(self, method: str, params: JSON, error: ApiError) -> web.Response:
        self.errors.append(ReturnedError(method, params, error.error_code, error.description))
        return web.json_response(error.payload(), status=error.error_code, dumps=_dumps)

    async def _handle_file(self, request: web.Request) -> web.Response:
        stored = self._paths.get(request.match_info["path"])
        if request.match_info["token"] != self.token or stored is None:
            return web.json_response(ApiError(404, "Not Found").payload(), status=404, dumps=_dumps)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    def _explain_silence(self, chat: FakeChat, timeout: float) -> str:
        lines = [f"no reply from the bot in chat {chat.id} within {timeout} s"]
        errors = [e for e in self.errors if str(e.params.get("chat_id")) == str(chat.id)]
        if errors:
            lines.append("errors returned to the bot for this chat:")
            lines += [f"  {e.method} -> {e.error_code} {e.description}" for e in errors[-5:]]
        recent = [c.method for c in self.calls[-10:]]
        lines.append(f"last calls: {recent}; updates not acknowledged: {len(self._updates)}")
        if self.dropped_updates:
            lines.append(f"updates dropped by allowed_updates: {self.dropped_updates}")
        return "\n".join(lines)

    # -- updates ---------------------------------------------------------------------------------

    def _enqueue(self, kind: str, payload: JSON) -> JSON:
        update = {"update_id": self._next_update_id, kind: payload}
        self._next_update_id += 1
        if self._allowed_updates is not None and kind not in self._allowed_updates:
            self.dropped_updates += 1  # Telegram does not keep updates of types the bot refused
            return update
        self._updates.append(update)
        self._updates_event.set()
        return update

    def _ack(self, offset: int) -> None:
        if offset < 0:
            while len(self._updates) > -offset:
                self._updates.popleft()
            return
        while self._updates and self._updates[0]["update_id"] < offset:
            self._updates.popleft()

    def _set_allowed_updates(self, allowed: list[str]) -> None:
        self._allowed_updates = frozenset(allowed) if allowed else None
        if self._allowed_updates is not None:
            kept = deque(u for u in self._updates if _update_kind(u) in self._allowed_updates)
            self.dropped_updates += len(self._updates) - len(kept)
            self._updates = kept

    async def _get_updates(self, p: JSON, _: dict[str, Upload]) -> list[JSON]:
        offset = p.get("offset")
        if offset is not None:
            self._ack(int(offset))
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        timeout = max(float(p.get("timeout") or 0), 0.0)
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list) and (frozenset(allowed) or None) != self._allowed_updates:
            self._set_allowed_updates(allowed)
        self._poll_generation += 1
        generation = self._poll_generation
        self._updates_event.set()  # a newer poll ends an older one (409), as on Telegram
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not (updates := list(itertools.islice(self._updates, limit))) and not self._closing:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            self._updates_event.clear()
            try:
                await asyncio.wait_for(self._updates_event.wait(), remaining)
            except TimeoutError:
                break
            if generation != self._poll_generation:
                raise ApiError(409, _CONFLICT)
        return updates

    # -- files -----------------------------------------------------------------------------------

    def _store_file(
        self, data: bytes, folder: str, file_name: str | None, mime_type: str | None
    ) -> StoredFile:
        n = next(self._file_counter)
        ext = mimetypes.guess_extension(mime_type or "") or ""
        if file_name and "." in file_name:
            ext = "." + file_name.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=f"BQACAgFake{n:010d}",
            file_unique_id=f"AgADFake{n}",
            file_path=f"{folder}/file_{n}{ext}",
            data=bytes(data),
            file_name=file_name,
            mime_type=mime_type,
        )
        self._files[stored.file_id] = stored
        self._paths[stored.file_path] = stored
        return stored

    def _photo_sizes(self, data: bytes, width: int, height: int) -> list[JSON]:
        sizes = []
        for w, h in (
            (max(width * 90 // max(width, height), 1), max(height * 90 // max(width, height), 1)),
            (width, height),
        ):
            stored = self._store_file(data, "photos", None, "image/jpeg")
            sizes.append(
                {
                    "file_id": stored.file_id,
                    "file_unique_id": stored.file_unique_id,
                    "width": w,
                    "height": h,
                    "file_size": len(data),
                }
            )
        return sizes

    def file(self, file_id: str) -> StoredFile | None:
        """A stored file by id."""
        return self._files.get(file_id)

    def _input_file(
        self, p: JSON, uploads: dict[str, Upload], key: str
    ) -> tuple[StoredFile | None, Upload | None]:
        """Resolve a file parameter: a fresh upload, ``attach://name``, a known file_id or a URL."""
        upload = uploads.get(key)
        value = p.get(key)
        if upload is None and isinstance(value, str) and value.startswith("attach://"):
            upload = uploads.get(value[len("attach://") :])
        if upload is not None:
            return None, upload
        if not value:
            raise _bad(f"there is no {key} in the request")
        if isinstance(value, str) and value in self._files:
            return self._files[value], None
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return None, Upload(value.rsplit("/", 1)[-1] or "file", "application/octet-stream", b"")
        raise _bad("wrong file identifier/HTTP URL specified")

    # -- helpers for methods ---------------------------------------------------------------------

    def _target_chat(self, p: JSON, key: str = "chat_id") -> FakeChat:
        value = p.get(key)
        if value is None or value == "":
            raise _bad(f"{key} is empty")
        chat = None
        if isinstance(value, str) and value.startswith("@"):
            chat = next((c for c in self._chats.values() if c.username == value[1:]), None)
        else:
            try:
                chat = self._chats.get(int(value))
            except (TypeError, ValueError):
                chat = None
        if chat is None:
            raise _bad("chat not found")
        if chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _bot_message(self, chat: FakeChat, p: JSON) -> tuple[FakeChat, int, JSON]:
        if p.get("inline_message_id"):
            raise ApiError(400, "Bad Request: inline messages are not simulated")
        try:
            message_id = int(p["message_id"])
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad("message_id is empty") from exc
        msg = chat._messages.get(message_id)
        if msg is None:
            raise _bad("message to edit not found")
        if msg.get("from", {}).get("id") != self.bot_id:
            raise _bad("message can't be edited")
        return chat, message_id, msg

    def _render(self, text: Any, parse_mode: Any, *, caption: bool = False) -> str:
        text = "" if text is None else str(text)
        plain = _render(text, parse_mode) if self.check_parse_mode else text
        if caption:
            if _utf16_len(plain) > _MAX_CAPTION:
                raise _bad("message caption is too long")
            return plain
        if not plain.strip():
            raise _bad("message text is empty")
        if _utf16_len(plain) > _MAX_TEXT:
            raise _bad("message is too long")
        return plain

    def _markup(self, chat: FakeChat, markup: Any) -> JSON | None:
        """Validate reply_markup; track reply keyboards; return what the Message echoes (inline only)."""
        if markup is None or markup == "":
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            for row in markup["inline_keyboard"]:
                for button in row:
                    if not str(button.get("text", "")).strip():
                        raise _bad("text buttons are unallowed in the inline keyboard")
                    data = button.get("callback_data")
                    if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                        raise _bad("BUTTON_DATA_INVALID")
                    url = button.get("url")
                    if url is not None and not str(url).startswith(("http://", "https://", "tg://")):
                        raise _bad("BUTTON_URL_INVALID")
                    if len(button) < 2:
                        raise _bad("text buttons are unallowed in the inline keyboard")
            return markup
        if "keyboard" in markup:
            chat.reply_keyboard = [[label for label, _ in row] for row in _markup_rows(markup)]
            chat._one_time_keyboard = bool(markup.get("one_time_keyboard"))
        elif markup.get("remove_keyboard"):
            chat.reply_keyboard = None
        return None

    def _reply_to(self, chat: FakeChat, p: JSON) -> int | None:
        params = p.get("reply_parameters")
        if isinstance(params, dict):
            message_id, allow = params.get("message_id"), params.get("allow_sending_without_reply")
        else:
            message_id, allow = p.get("reply_to_message_id"), p.get("allow_sending_without_reply")
        if message_id is None:
            return None
        if int(message_id) not in chat._messages:
            if allow:
                return None
            raise _bad("message to be replied not found")
        return int(message_id)

    def _send(
        self,
        method: str,
        p: JSON,
        content: JSON,
        content_key: tuple[Any, ...],
        file: StoredFile | None = None,
    ) -> JSON:
        chat = self._target_chat(p)
        reply_to = self._reply_to(chat, p)
        inline = self._markup(chat, p.get("reply_markup"))
        if inline is not None:
            content["reply_markup"] = inline
        msg = chat._new_message(self.bot_user, content, reply_to)
        chat._content[msg["message_id"]] = (*content_key, _dumps(inline))
        chat._record(BotAction(method, chat.id, p, dict(msg), file))
        return msg

    # -- Bot API methods -------------------------------------------------------------------------

    def _builtin_methods(self) -> dict[str, MethodHandler]:
        ok: MethodHandler = lambda p, u: True  # noqa: E731
        methods: dict[str, MethodHandler] = {
            "getMe": lambda p, u: dict(self.bot_user),
            "logOut": ok,
            "close": ok,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": lambda p, u: {
                "url": "",
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates),
            },
            "getUpdates": self._get_updates,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": lambda p, u: self.commands(p.get("scope"), p.get("language_code") or ""),
            "deleteMyCommands": self._delete_my_commands,
            "setMyDescription": ok,
            "setMyShortDescription": ok,
            "setMyName": ok,
            "setChatMenuButton": ok,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendDocument": lambda p, u: self._send_file("sendDocument", "document", p, u),
            "sendPhoto": lambda p, u: self._send_file("sendPhoto", "photo", p, u),
            "sendAudio": lambda p, u: self._send_file("sendAudio", "audio", p, u),
            "sendVideo": lambda p, u: self._send_file("sendVideo", "video", p, u),
            "sendVoice": lambda p, u: self._send_file("sendVoice", "voice", p, u),
            "sendAnimation": lambda p, u: self._send_file("sendAnimation", "animation", p, u),
            "sendSticker": lambda p, u: self._send_file("sendSticker", "sticker", p, u),
            "sendLocation": self._send_location,
            "copyMessage": self._copy_message,
            "forwardMessage": self._forward_message,
            "sendChatAction": self._send_chat_action,
            "getChat": self._get_chat,
            "getFile": self._get_file,
        }
        return methods

    def _delete_webhook(self, p: JSON, _: dict[str, Upload]) -> bool:
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _set_my_commands(self, p: JSON, _: dict[str, Upload]) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list):
            raise _bad("commands is empty")
        for command in commands:
            name = str(command.get("command", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[_scope_key(p.get("scope"), p.get("language_code") or "")] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def _delete_my_commands(self, p: JSON, _: dict[str, Upload]) -> bool:
        self._commands.pop(_scope_key(p.get("scope"), p.get("language_code") or ""), None)
        return True

    def _send_message(self, p: JSON, _: dict[str, Upload]) -> JSON:
        text = self._render(p.get("text"), p.get("parse_mode"))
        content: JSON = {"text": text}
        if isinstance(p.get("entities"), list):
            content["entities"] = p["entities"]
        return self._send("sendMessage", p, content, (p.get("text"), p.get("parse_mode")))

    def _send_file(self, method: str, key: str, p: JSON, uploads: dict[str, Upload]) -> JSON:
        known, upload = self._input_file(p, uploads, key)
        caption = None
        if p.get("caption"):
            caption = self._render(p.get("caption"), p.get("parse_mode"), caption=True)
        if known is None:
            assert upload is not None
            folder = "photos" if key == "photo" else f"{key}s"
            mime = upload.content_type if upload.content_type != "application/octet-stream" else None
            mime = mime or mimetypes.guess_type(upload.filename)[0] or "application/octet-stream"
            known = self._store_file(upload.data, folder, upload.filename, mime)
        content: JSON = {}
        if key == "photo":
            content["photo"] = [
                {
                    "file_id": known.file_id,
                    "file_unique_id": known.file_unique_id,
                    "width": 320,
                    "height": 240,
                    "file_size": len(known.data),
                }
            ]
        elif key == "sticker":
            content["sticker"] = {
                "file_id": known.file_id,
                "file_unique_id": known.file_unique_id,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        else:
            obj = _document(known)
            if key in ("audio", "video", "voice", "animation"):
                obj["duration"] = int(p.get("duration") or 1)
            if key in ("video", "animation"):
                obj.update(width=int(p.get("width") or 320), height=int(p.get("height") or 240))
            content[key] = obj
        if caption is not None:
            content["caption"] = caption
        return self._send(method, p, content, (p.get("caption"), p.get("parse_mode")), known)

    def _send_location(self, p: JSON, _: dict[str, Upload]) -> JSON:
        try:
            location = {"latitude": float(p["latitude"]), "longitude": float(p["longitude"])}
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad("latitude and longitude are required") from exc
        return self._send("sendLocation", p, {"location": location}, (None, None))

    def _edit(self, method: str, p: JSON, changes: JSON, content_key: tuple[Any, ...]) -> JSON | bool:
        if p.get("inline_message_id"):
            return True
        chat, message_id, msg = self._bot_message(self._target_chat(p), p)
        inline = self._markup(chat, p.get("reply_markup"))
        key = (*content_key, _dumps(inline))
        if chat._content.get(message_id) == key:
            raise _bad(_NOT_MODIFIED)
        edited = {k: v for k, v in msg.items() if k not in ("reply_markup", "entities")}
        edited.update(changes)
        edited["edit_date"] = int(time.time())
        if inline is not None:
            edited["reply_markup"] = inline
        chat._messages[message_id] = edited
        chat._content[message_id] = key
        chat._record(BotAction(method, chat.id, p, dict(edited)))
        return edited

    def _edit_message_text(self, p: JSON, _: dict[str, Upload]) -> JSON | bool:
        if not p.get("inline_message_id"):
            msg = self._bot_message(self._target_chat(p), p)[2]
            if "text" not in msg:
                raise _bad("there is no text in the message to edit")
        text = self._render(p.get("text"), p.get("parse_mode"))
        changes: JSON = {"text": text}
        if isinstance(p.get("entities"), list):
            changes["entities"] = p["entities"]
        return self._edit("editMessageText", p, changes, (p.get("text"), p.get("parse_mode")))

    def _edit_message_caption(self, p: JSON, _: dict[str, Upload]) -> JSON | bool:
        caption = self._render(p.get("caption"), p.get("parse_mode"), caption=True)
        key = (p.get("caption"), p.get("parse_mode"))
        return self._edit("editMessageCaption", p, {"caption": caption}, key)

    def _edit_message_reply_markup(self, p: JSON, _: dict[str, Upload]) -> JSON | bool:
        if p.get("inline_message_id"):
            return True
        chat, message_id, msg = self._bot_message(self._target_chat(p), p)
        old = chat._content.get(message_id, (None, None, "null"))
        keep: JSON = {k: msg[k] for k in ("text", "entities", "caption") if k in msg}
        return self._edit("editMessageReplyMarkup", p, keep, old[:-1])

    def _delete_message(self, p: JSON, _: dict[str, Upload]) -> bool:
        chat = self._target_chat(p)
        try:
            message_id = int(p["message_id"])
        except (KeyError, TypeError, ValueError) as exc:
            raise _bad("message_id is empty") from exc
        msg = chat._messages.pop(message_id, None)
        if msg is None:
            raise _bad("message to delete not found")
        chat._content.pop(message_id, None)
        chat._record(BotAction("deleteMessage", chat.id, p, None))
        return True

    def _answer_callback_query(self, p: JSON, _: dict[str, Upload]) -> bool:
        query = self._callback_queries.get(str(p.get("callback_query_id")))
        if query is None or query.answer is not None:
            raise _bad("query is too old and response timeout expired or query ID is invalid")
        query.answer = p
        user = self.users.get(query.user_id)
        if user is not None:
            user.callback_answers.append(p)
            user.chat._record(BotAction("answerCallbackQuery", user.id, p, None))
        return True

    def _new_callback_query(self, user_id: int, chat_id: int) -> str:
        query_id = str(next(self._callback_counter))
        self._callback_queries[query_id] = _CallbackQuery(user_id, chat_id)
        return query_id

    def _source_message(self, p: JSON, what: str) -> JSON:
        source = self._chats.get(_int_or_none(p.get("from_chat_id")) or 0)
        msg = None if source is None else source._messages.get(_int_or_none(p.get("message_id")) or 0)
        if msg is None:
            raise _bad(f"message to {what} not found")
        return msg

    def _copy_message(self, p: JSON, _: dict[str, Upload]) -> JSON:
        original = self._source_message(p, "copy")
        content = {k: original[k] for k in _CONTENT_KEYS if k in original}
        if "caption" in p:
            content["caption"] = self._render(p.get("caption"), p.get("parse_mode"), caption=True)
            content.pop("caption_entities", None)
        msg = self._send("copyMessage", p, content, (content.get("text", content.get("caption")), None))
        return {"message_id": msg["message_id"]}

    def _forward_message(self, p: JSON, _: dict[str, Upload]) -> JSON:
        original = self._source_message(p, "forward")
        content = {k: original[k] for k in _CONTENT_KEYS if k in original}
        origin = {"type": "user", "sender_user": original["from"], "date": original["date"]}
        content["forward_origin"] = origin
        return self._send("forwardMessage", p, content, (content.get("text", content.get("caption")), None))

    def _send_chat_action(self, p: JSON, _: dict[str, Upload]) -> bool:
        chat = self._target_chat(p)
        chat._record(BotAction("sendChatAction", chat.id, p, None))
        return True

    def _get_chat(self, p: JSON, _: dict[str, Upload]) -> JSON:
        chat = self._target_chat(p)
        info = chat.as_dict()
        info.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return info

    def _get_file(self, p: JSON, _: dict[str, Upload]) -> JSON:
        stored = self._files.get(str(p.get("file_id")))
        if stored is None:
            raise _bad("invalid file_id")
        if len(stored.data) > _MAX_DOWNLOAD:
            raise _bad("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }


# ---------------------------------------------------------------------------------------------
# Request parsing
# ---------------------------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _decode_form_value(key: str, value: str) -> Any:
    """Form fields hold JSON-encoded values (numbers, markups…) except plain strings like ``text``."""
    if key in _TEXT_KEYS or not value or value[0] not in _JSON_START:
        return value
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    return value if isinstance(decoded, str) else decoded


async def _read_params(request: web.Request) -> tuple[JSON, dict[str, Upload]]:
    params: JSON = {k: _decode_form_value(k, v) for k, v in request.query.items()}
    uploads: dict[str, Upload] = {}
    if request.method != "POST" or not request.body_exists:
        return params, uploads
    if request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise ValueError("the JSON body is not an object")
        params.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                uploads[key] = Upload(value.filename, value.content_type, value.file.read())
            else:
                params[key] = _decode_form_value(key, str(value))
    return params, uploads


def _fault_error(fault: _Fault) -> ApiError:
    status = fault.status or 500
    if status == 429:
        return ApiError(
            429,
            fault.description or f"Too Many Requests: retry after {fault.retry_after}",
            {"retry_after": fault.retry_after},
        )
    if fault.description:
        return ApiError(status, fault.description)
    defaults = {
        400: "Bad Request: injected failure",
        401: "Unauthorized",
        403: "Forbidden: bot was blocked by the user",
        409: _CONFLICT,
    }
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return ApiError(status, defaults.get(status, phrase))


def _scope_key(scope: Any, language_code: str) -> tuple[str, str]:
    scope = scope or {"type": "default"}
    return json.dumps(scope, sort_keys=True), language_code


def _update_kind(update: JSON) -> str:
    return next(k for k in update if k != "update_id")


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
