"""The web chat's sessions and messages, in tables beside Storage's on the same SQLite connection.

A session is known by the SHA-256 of its cookie (the cookie itself is never stored) and owns one
address ("web:1", "web:2" …: its user's key in storage), given once from a counter. Each
session's messages have ids that increase and are never reused, also after /forget (the counter
lives on the session row).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

from bot.people import WEB, Address
from bot.storage import Storage, now_iso, rekey_users
from conversations.reply import Keyboard

KNOWN_SESSIONS = 20_000  # sessions remembered in memory (each a few hundred bytes)
ALLOWED_TAGS = frozenset({"b", "i"})  # what the core emits; anything else is shown as its text


@dataclass(frozen=True)
class WebSession:
    user_id: str  # the key of the session's address
    lang: str

    @property
    def address(self) -> Address:
        return Address.parse(self.user_id)


@dataclass(frozen=True)
class WebMessage:
    id: int
    author: str  # user | bot | staff
    text: str
    html: str
    buttons: list[list[dict[str, str]]]
    replaces: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "from": self.author,
            "text": self.text,
            "html": self.html,
            "buttons": self.buttons,
            "replaces": self.replaces,
        }

    @cached_property
    def encoded(self) -> str:
        """as_json() serialised once, for the POST's response and every open event stream."""
        return json.dumps(self.as_json(), ensure_ascii=False, separators=(",", ":"))


class _Sanitiser(HTMLParser):
    """Keeps the allowed tags (without attributes) and re-escapes all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.safe: list[str] = []
        self.plain: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ALLOWED_TAGS:
            self.safe.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in ALLOWED_TAGS:
            self.safe.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.safe.append(escape(data, quote=False))
        self.plain.append(data)


def sanitise(markup: str) -> tuple[str, str]:
    """(plain text, safe html) of a Reply's HTML text."""
    if "<" not in markup:  # no tags (most replies, all typed text): only entities to read
        plain = unescape(markup) if "&" in markup else markup
        return plain, escape(plain, quote=False)
    parser = _Sanitiser()
    parser.feed(markup)
    parser.close()
    return "".join(parser.plain), "".join(parser.safe)  # entities were read by the parser


def hash_sid(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


SCHEMA = (
    "create table if not exists web_sessions (sid_hash text primary key, user_id text not null "
    "unique, lang text not null, last_message integer not null default 0, created_at text)",
    "create table if not exists web_messages (user_id text not null, id integer not null, "
    "author text not null, text text not null, html text not null, buttons text not null, "
    "replaces integer, at text, primary key (user_id, id))",
    "create index if not exists web_messages_replaces on web_messages (user_id, replaces)",
)


class WebStore:
    def __init__(self, storage: Storage) -> None:
        self.conn = storage.conn
        self.known: dict[str, WebSession] = {}  # by sid hash: the sessions of recent requests
        self._rekey()
        for statement in SCHEMA:
            self.conn.execute(statement)
        storage.forget_hooks.append(self.forget)

    def _rekey(self) -> None:
        """Tables from before addresses (user ids from 2**60) get their sessions' address keys."""
        tables = ("web_sessions", "web_messages")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for table in tables:
                rekey_users(self.conn, table)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # sessions ---------------------------------------------------------------------------------
    def new_session(self, lang: str) -> tuple[str, WebSession]:
        """A new cookie value (192 random bits) and its session with a user id never given before."""
        sid = secrets.token_urlsafe(24)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("select value from counters where name = 'web_users'").fetchone()
            number = (row[0] if row else 0) + 1
            self.conn.execute(
                "insert into counters (name, value) values ('web_users', ?) "
                "on conflict (name) do update set value = excluded.value",
                [number],
            )
            user_id = Address(WEB, str(number)).key
            self.conn.execute(
                "insert into web_sessions (sid_hash, user_id, lang, created_at) values (?, ?, ?, ?)",
                [hash_sid(sid), user_id, lang, now_iso()],
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return sid, self._remember(hash_sid(sid), WebSession(user_id, lang))

    def session(self, sid: str | None) -> WebSession | None:
        """The session of a cookie value; None for one never given out (never adopted)."""
        if not sid or len(sid) > 128:
            return None
        key = hash_sid(sid)
        known = self.known.get(key)
        if known is not None:
            return known
        row = self.conn.execute("select user_id, lang from web_sessions where sid_hash = ?", [key]).fetchone()
        if row is None:
            return None
        return self._remember(key, WebSession(row[0], row[1]))

    def _remember(self, key: str, session: WebSession) -> WebSession:
        """Sessions are never deleted: one found stays valid, so it is kept for later requests."""
        if len(self.known) >= KNOWN_SESSIONS:
            del self.known[next(iter(self.known))]  # the oldest remembered
        self.known[key] = session
        return session

    def has_user(self, user_id: str) -> bool:
        return (
            self.conn.execute("select 1 from web_sessions where user_id = ?", [user_id]).fetchone()
            is not None
        )

    # messages ---------------------------------------------------------------------------------
    def add(
        self,
        user_id: str,
        author: str,
        markup: str,
        buttons: Keyboard = (),
        replaces: int | None = None,
    ) -> WebMessage:
        """Store a message (`markup`: the core's HTML, or escaped user text) under the next id."""
        return self.add_many(user_id, [(author, markup, buttons, replaces)])[0]

    def add_many(
        self, user_id: str, items: Sequence[tuple[str, str, Keyboard, int | None]]
    ) -> list[WebMessage]:
        """Store messages (author, markup, buttons, replaces) under the next ids, in one
        transaction: one statement (and one commit) for a single message.

        The next id is one more than the highest of the session's messages and of its
        `last_message` (the highest id before a /forget), so ids are never given twice."""
        stored: list[WebMessage] = []
        batch = len(items) > 1
        if batch:
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            for author, markup, buttons, replaces in items:
                text, html = sanitise(markup)
                rows = [[{"label": b.label, "data": b.data} for b in row] for row in buttons]
                found = self.conn.execute(
                    "insert into web_messages (user_id, id, author, text, html, buttons, replaces, at) "
                    "select s.user_id, max(s.last_message, coalesce((select max(m.id) from web_messages m "
                    "where m.user_id = s.user_id), 0)) + 1, ?, ?, ?, ?, ?, ? "
                    "from web_sessions s where s.user_id = ? returning id",
                    [author, text, html, json.dumps(rows, ensure_ascii=False), replaces, now_iso(), user_id],
                ).fetchall()  # read to the end: the statement (and its commit) is then complete
                if not found:
                    raise KeyError(user_id)
                stored.append(WebMessage(int(found[0][0]), author, text, html, rows, replaces))
            if batch:
                self.conn.execute("COMMIT")
        except BaseException:
            if batch:
                self.conn.execute("ROLLBACK")
            raise
        return stored

    def messages(self, user_id: str, after: int = 0) -> list[WebMessage]:
        cursor = self.conn.execute(
            "select id, author, text, html, buttons, replaces from web_messages "
            "where user_id = ? and id > ? order by id",
            [user_id, after],
        )
        return [WebMessage(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in cursor.fetchall()]

    def message(self, user_id: str, message_id: int) -> WebMessage | None:
        found = self.messages_where(user_id, "id = ?", [message_id])
        return found[0] if found else None

    def messages_where(self, user_id: str, where: str, params: list[Any]) -> list[WebMessage]:
        cursor = self.conn.execute(
            "select id, author, text, html, buttons, replaces from web_messages "
            f"where user_id = ? and {where} order by id",
            [user_id, *params],
        )
        return [WebMessage(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in cursor.fetchall()]

    def tappable(self, user_id: str, message_id: int) -> tuple[WebMessage | None, bool]:
        """The session's message and whether a newer version replaced it, in one query."""
        row = self.conn.execute(
            "select id, author, text, html, buttons, replaces, exists(select 1 from web_messages r "
            "where r.user_id = m.user_id and r.replaces = m.id) from web_messages m "
            "where m.user_id = ? and m.id = ?",
            [user_id, message_id],
        ).fetchone()
        if row is None:
            return None, False
        return WebMessage(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5]), bool(row[6])

    def is_replaced(self, user_id: str, message_id: int) -> bool:
        return bool(self.messages_where(user_id, "replaces = ?", [message_id]))

    def forget(self, user_id: str) -> int:
        """/forget: the session's messages go (inside Storage.forget_user's transaction); the
        session row stays, without any text, and keeps the highest id given, so message ids are
        never given twice."""
        self.conn.execute(
            "update web_sessions set last_message = max(last_message, coalesce((select max(id) from "
            "web_messages where user_id = ?), 0)) where user_id = ?",
            [user_id, user_id],
        )
        return int(self.conn.execute("delete from web_messages where user_id = ?", [user_id]).rowcount)
