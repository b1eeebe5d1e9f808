"""SQLite storage through sqlite-utils: one class, one table group per concern, WAL mode.

The schema is created (and new columns added) at start-up, so an older database is upgraded in
place; everything is plain tables that the sqlite3 shell or datasette can browse. Users are keyed
by their address ("tg:12345", "web:7", see bot.people); a database from before addresses, with
Telegram users as integers and web users as integers from 2**60, is re-keyed in one transaction.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from bot.errors import StorageError
from bot.privacy import mask_personal
from knowledge.schema import Lang

log = logging.getLogger(__name__)

SCHEMA: dict[str, dict[str, Any]] = {
    "users": {
        "columns": {
            "user_id": str,
            "lang": str,
            "first_name": str,
            "username": str,
            "active_flow": str,
            "created_at": str,
            "updated_at": str,
        },
        "pk": "user_id",
    },
    "questions": {
        "columns": {
            "id": int,
            "user_id": str,
            "text": str,
            "kind": str,
            "entry_id": str,
            "score": float,
            "lang": str,
            "asked_at": str,
        },
        "pk": "id",
    },
    "reminders": {
        "columns": {"user_id": str, "active": int, "subscribed_at": str},
        "pk": "user_id",
    },
    # one row per reminder actually sent, so a restart never sends one twice
    "reminders_sent": {
        "columns": {"user_id": str, "stage_id": str, "days_before": int, "sent_at": str},
        "pk": ("user_id", "stage_id", "days_before"),
    },
    # update ids already handled: an update delivered twice (after a crash) is handled once
    "processed_updates": {"columns": {"update_id": int, "processed_at": str}, "pk": "update_id"},
    # one row per user and flow; every answer is written as it is given
    # last_event: the update that gave the latest answer, stored with it in one statement, so an
    # update delivered again after a crash is recognised as already answered
    "sessions": {
        "columns": {"user_id": str, "flow": str, "state": str, "updated_at": str, "last_event": str},
        "pk": ("user_id", "flow"),
    },
    "leads": {
        "columns": {
            "id": int,
            "user_id": str,
            "company": str,
            "contact_name": str,
            "phone": str,
            "consent_at": str,
            "direction": str,
            "verdict": str,
            "estimate_yuan": str,
            "facts": str,
            "created_at": str,
        },
        "pk": "id",
    },
    # a user's conversation with the bureau's staff
    "cases": {
        "columns": {
            "id": int,
            "user_id": str,
            "status": str,
            "lang": str,
            "claimed_by": int,
            "claimed_by_name": str,
            "opened_at": str,
            "closed_at": str,
            "rating": int,
        },
        "pk": "id",
    },
    # which message in which chat belongs to which case: replies are routed by this, never by
    # forward_from (users may hide it)
    "case_messages": {
        "columns": {"chat_id": int, "message_id": int, "case_id": int},
        "pk": ("chat_id", "message_id"),
    },
    # what happened, for the statistics: check_started, check_completed (detail: outcome, estimate)
    "events": {
        "columns": {"id": int, "user_id": str, "kind": str, "detail": str, "at": str},
        "pk": "id",
    },
    # a record that someone used /forget, without anything about who
    "forget_log": {"columns": {"id": int, "at": str, "rows_deleted": int}, "pk": "id"},
    # messages that must reach staff exactly once (a case's header): stored before sending, in the
    # same transaction as the case; state pending → sending → sent, or uncertain when a send
    # broke off after it may have been delivered (Telegram has no idempotency key)
    "outbox": {
        "columns": {
            "id": int,
            "case_id": int,
            "chat_id": int,
            "text": str,
            "buttons": str,
            "state": str,
            "message_id": int,
            "updated_at": str,
        },
        "pk": "id",
    },
    # the highest id ever given out, per kind: ids are never reused, also after /forget
    "counters": {"columns": {"name": str, "value": int}, "pk": "name"},
    # the user's last question as a follow-up may lean on it (topics, asks, figures; JSON), for a while
    "question_context": {"columns": {"user_id": str, "context": str, "updated_at": str}, "pk": "user_id"},
}

# looked up by these columns on every message
INDEXES = (
    ("questions", "user_id"),
    ("cases", "user_id"),
    ("case_messages", "case_id"),
    ("events", "user_id"),
    ("leads", "user_id"),
)

# every table holding a user's data, by the column naming the user
USER_TABLES = (
    *("users", "questions", "reminders", "reminders_sent", "sessions", "leads", "cases", "events"),
    "question_context",
)


# before addresses, users were integers: Telegram's ids, web chat users from 2**60, the console 0
LEGACY_WEB_BASE = 2**60
LEGACY_KEY = (
    "case when typeof({c}) != 'integer' then {c} "
    f"when {{c}} >= {LEGACY_WEB_BASE} then 'web:' || ({{c}} - {LEGACY_WEB_BASE}) "
    "when {c} = 0 then 'console:local' else 'tg:' || {c} end"
)


def rekey_users(conn: sqlite3.Connection, table: str, column: str = "user_id") -> bool:
    """Turn a table's integer user column into address keys, every row kept (inside the caller's
    transaction): the table is rebuilt with the column as TEXT. False when there is nothing to do."""
    info = conn.execute(f"pragma table_info([{table}])").fetchall()  # cid, name, type, notnull, default, pk
    if not any(row[1] == column and str(row[2]).upper() == "INTEGER" for row in info):
        return False
    (create,) = conn.execute(
        "select sql from sqlite_master where type = 'table' and name = ?", [table]
    ).fetchone()
    create = re.sub(
        rf"(?<!\w)([\[\"`]?{column}[\]\"`]?\s+)INTEGER", r"\1TEXT", create, count=1, flags=re.IGNORECASE
    )
    old = f"{table}_before_addresses"
    conn.execute(f"alter table [{table}] rename to [{old}]")
    conn.execute(create)
    names = ", ".join(f"[{row[1]}]" for row in info)
    values = ", ".join(
        LEGACY_KEY.format(c=f"[{row[1]}]") if row[1] == column else f"[{row[1]}]" for row in info
    )
    conn.execute(f"insert into [{table}] ({names}) select {values} from [{old}]")
    conn.execute(f"drop table [{old}]")
    return True


KEEP_UPDATES, PRUNE_EVERY = 100_000, 1_000  # processed update ids kept, and how often to prune


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Storage:
    """All persistent state of the bot. Methods are small, synchronous and commit at once."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._lock: IO[str] | None = None
        # other modules' tables about a user (e.g. the web chat's messages), cleared by /forget
        # in the same transaction: each takes the user id and returns the rows it deleted
        self.forget_hooks: list[Callable[[str], int]] = []
        try:
            if str(path) != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self.db = sqlite_utils.Database(self.conn)
            if str(path) != ":memory:":
                self.db.enable_wal()
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=5000")
            self.conn.execute("PRAGMA secure_delete=ON")  # /forget leaves no deleted text in free pages
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"cannot use the database {path}: {exc}") from exc

    def hold_exclusively(self) -> None:
        """Refuse to run beside another bot process on the same database (two pollers would
        answer every update twice): a lock file next to it, released when the process ends."""
        lock_path = Path(f"{self.path}.lock")
        handle = lock_path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise StorageError(
                f"another instance (pid {holder}) is running on {self.path}; stop it first"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock = handle

    def _best_effort(self, what: str, sql: str, params: list[Any]) -> None:
        """A write the user's answer does not depend on (statistics): a failing database must not
        stop the bot from answering questions."""
        try:
            self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            log.debug("could not record %s: %s", what, exc)

    def _migrate(self) -> None:
        self._rekey_users()
        for name, spec in SCHEMA.items():
            table = self.db.table(name)
            if not table.exists():
                table.create(spec["columns"], pk=spec["pk"])
                continue
            existing = set(table.columns_dict)
            for column, kind in spec["columns"].items():
                if column not in existing:
                    table.add_column(column, kind)
        for indexed in INDEXES:
            self.db.table(indexed[0]).create_index([indexed[1]], if_not_exists=True)

    def _rekey_users(self) -> None:
        """A database from before addresses: every user column re-keyed, and the owner inside each
        stored session with it, all in one transaction (nothing changes unless all of it does)."""
        tables = [t for t in USER_TABLES if self.db.table(t).exists()]
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            changed = [t for t in tables if rekey_users(self.conn, t)]
            if "sessions" in changed:
                self.conn.execute(
                    "update sessions set state = json_set(state, '$.owner', user_id) "
                    "where typeof(json_extract(state, '$.owner')) = 'integer'"
                )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        if changed:
            log.info("the database's users are now keyed by address (%s)", ", ".join(changed))

    # Hot paths (every update) use plain SQL: sqlite-utils looks the schema up on each call.
    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        cursor = self.conn.execute(sql, params)
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None

    def close(self) -> None:
        self.conn.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # users ---------------------------------------------------------------------------------
    def user(self, user_id: str) -> dict[str, Any] | None:
        return self._one("select * from users where user_id = ?", [user_id])

    def touch_user(self, user_id: str, first_name: str | None, username: str | None, lang: Lang) -> Lang:
        """Record the user on first contact; returns their remembered language."""
        try:
            return self._touch_user(user_id, first_name, username, lang)
        except sqlite3.OperationalError as exc:  # read-only or full: the bot still answers
            log.debug("could not record user %s: %s", user_id, exc)
            return lang

    def _touch_user(self, user_id: str, first_name: str | None, username: str | None, lang: Lang) -> Lang:
        existing = self.user(user_id)
        if existing:
            if (existing["first_name"], existing["username"]) != (first_name, username):
                self.db.table("users").update(
                    user_id, {"first_name": first_name, "username": username, "updated_at": now_iso()}
                )
            return existing["lang"]
        self.db.table("users").insert(
            {
                "user_id": user_id,
                "lang": lang,
                "first_name": first_name,
                "username": username,
                "created_at": now_iso(),
                "updated_at": now_iso(),
            },
            replace=True,
        )
        return lang

    def set_language(self, user_id: str, lang: Lang) -> None:
        self.db.table("users").upsert(
            {"user_id": user_id, "lang": lang, "updated_at": now_iso()}, pk="user_id"
        )

    # questions -----------------------------------------------------------------------------
    def log_question(
        self, user_id: str, text: str, kind: str, entry_id: str | None, score: float, lang: Lang
    ) -> None:
        # staff read these in /stats: phone numbers and e-mail addresses are not kept, and a message
        # that was nothing else (contact details typed again) is no question at all
        masked = mask_personal(text[:1000])
        if not masked.replace("***@***", "").replace("***", "").strip(" ,，。.;；:："):
            return
        self._best_effort(
            "a question",
            "insert into questions (user_id, text, kind, entry_id, score, lang, asked_at) "
            "values (?, ?, ?, ?, ?, ?, ?)",
            [user_id, masked, kind, entry_id, score, lang, now_iso()],
        )

    def last_questions(self, user_id: str, limit: int = 5) -> list[str]:
        rows = self.db.query(
            "select text from questions where user_id = ? order by id desc limit ?", [user_id, limit]
        )
        return [r["text"] for r in rows][::-1]

    # reminders -----------------------------------------------------------------------------
    def set_reminders(self, user_id: str, active: bool) -> None:
        self.db.table("reminders").upsert(
            {"user_id": user_id, "active": int(active), "subscribed_at": now_iso()}, pk="user_id"
        )

    def reminder_subscribers(self) -> list[str]:
        return [r["user_id"] for r in self.db.table("reminders").rows_where("active = 1")]

    def has_reminders(self, user_id: str) -> bool:
        return any(self.db.table("reminders").rows_where("user_id = ? and active = 1", [user_id]))

    def mark_reminder_sent(self, user_id: str, stage_id: str, days_before: int) -> bool:
        """True the first time only: the caller sends the reminder just then."""
        try:
            self.db.table("reminders_sent").insert(
                {"user_id": user_id, "stage_id": stage_id, "days_before": days_before, "sent_at": now_iso()}
            )
        except sqlite3.IntegrityError:
            return False
        return True

    # sessions (guided conversations; their state is JSON) --------------------------------
    def load_session(self, user_id: str, flow: str) -> dict[str, Any] | None:
        row = self._one("select state from sessions where user_id = ? and flow = ?", [user_id, flow])
        return json.loads(row["state"]) if row else None

    def save_session(
        self, user_id: str, flow: str, state: dict[str, Any], *, active: bool = True, event: str | None = None
    ) -> None:
        """Store the session and (by default) make it the flow the user's typing goes to."""
        self.conn.execute(
            "insert into sessions (user_id, flow, state, updated_at, last_event) values (?, ?, ?, ?, ?) "
            "on conflict (user_id, flow) do update "
            "set state = excluded.state, updated_at = excluded.updated_at, last_event = excluded.last_event",
            [user_id, flow, json.dumps(state, ensure_ascii=False), now_iso(), event],
        )
        self.set_active_flow(user_id, flow if active else None)

    def session_event(self, user_id: str, flow: str) -> str | None:
        """The event whose answer the stored session holds last."""
        row = self._one("select last_event from sessions where user_id = ? and flow = ?", [user_id, flow])
        return row["last_event"] if row else None

    def drop_session(self, user_id: str, flow: str) -> None:
        self.db.execute("delete from sessions where user_id = ? and flow = ?", [user_id, flow])
        if self.active_flow(user_id) == flow:
            self.set_active_flow(user_id, None)

    def active_flow(self, user_id: str) -> str | None:
        row = self._one("select active_flow from users where user_id = ?", [user_id])
        return row["active_flow"] if row else None

    def set_active_flow(self, user_id: str, flow: str | None) -> None:
        self.conn.execute("update users set active_flow = ? where user_id = ?", [flow, user_id])

    # leads -----------------------------------------------------------------------------------
    def save_lead(self, lead: dict[str, Any]) -> int:
        record = {**lead, "created_at": now_iso()}
        table = self.db.table("leads").insert(record)
        return int(table.last_pk or 0)

    def leads(self) -> list[dict[str, Any]]:
        return list(self.db.table("leads").rows_where(order_by="id"))

    # cases -----------------------------------------------------------------------------------
    def open_case(
        self, user_id: str, lang: Lang, header: Callable[[int], tuple[int, str, str]] | None = None
    ) -> int:
        """A new case under a number never given before, so a stale button can't reach it; with
        its staff header (chat, text, buttons as JSON) put in the outbox in the same transaction."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            case_id = self._next_id("cases")
            self.conn.execute(
                "insert into cases (id, user_id, status, lang, opened_at) values (?, ?, 'open', ?, ?)",
                [case_id, user_id, lang, now_iso()],
            )
            if header is not None:
                chat_id, text, buttons = header(case_id)
                self.conn.execute(
                    "insert into outbox (case_id, chat_id, text, buttons, state, updated_at) "
                    "values (?, ?, ?, ?, 'pending', ?)",
                    [case_id, chat_id, text, buttons, now_iso()],
                )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return case_id

    def _next_id(self, table: str) -> int:
        """One above both the table's highest id and the highest ever given (inside a transaction)."""
        given = self.conn.execute("select value from counters where name = ?", [table]).fetchone()
        highest = self.conn.execute(f"select max(id) from {table}").fetchone()[0]
        next_id = max(given[0] if given else 0, highest or 0) + 1
        self.conn.execute(
            "insert into counters (name, value) values (?, ?) "
            "on conflict (name) do update set value = excluded.value",
            [table, next_id],
        )
        return next_id

    def case(self, case_id: int) -> dict[str, Any] | None:
        rows = list(self.db.table("cases").rows_where("id = ?", [case_id]))
        return rows[0] if rows else None

    def open_case_of(self, user_id: str) -> dict[str, Any] | None:
        return self._one(
            "select * from cases where user_id = ? and status in ('open', 'claimed') "
            "order by id desc limit 1",
            [user_id],
        )

    def latest_case_of(self, user_id: str) -> dict[str, Any] | None:
        rows = list(self.db.table("cases").rows_where("user_id = ?", [user_id], order_by="id desc", limit=1))
        return rows[0] if rows else None

    def open_cases(self) -> list[dict[str, Any]]:
        return list(self.db.table("cases").rows_where("status in ('open', 'claimed')", order_by="id"))

    def claim_case(self, case_id: int, staff_id: int, staff_name: str) -> None:
        self.db.table("cases").update(
            case_id, {"status": "claimed", "claimed_by": staff_id, "claimed_by_name": staff_name}
        )

    def close_case(self, case_id: int, status: str = "closed") -> None:
        self.db.table("cases").update(case_id, {"status": status, "closed_at": now_iso()})

    def rate_case(self, case_id: int, rating: int) -> None:
        self.db.table("cases").update(case_id, {"rating": rating})

    def map_case_message(self, chat_id: int, message_id: int, case_id: int) -> None:
        self.db.table("case_messages").insert(
            {"chat_id": chat_id, "message_id": message_id, "case_id": case_id}, replace=True
        )

    def case_of_message(self, chat_id: int, message_id: int) -> int | None:
        rows = list(
            self.db.table("case_messages").rows_where("chat_id = ? and message_id = ?", [chat_id, message_id])
        )
        return int(rows[0]["case_id"]) if rows else None

    def case_header(self, case_id: int, chat_id: int) -> int | None:
        """The first message posted for the case in that chat: the thread's root."""
        rows = list(
            self.db.table("case_messages").rows_where(
                "case_id = ? and chat_id = ?", [case_id, chat_id], order_by="message_id", limit=1
            )
        )
        return int(rows[0]["message_id"]) if rows else None

    # outbox ----------------------------------------------------------------------------------
    def outbox_of_case(self, case_id: int) -> dict[str, Any] | None:
        return self._one("select * from outbox where case_id = ? order by id limit 1", [case_id])

    def outbox_in_state(self, *states: str) -> list[dict[str, Any]]:
        marks = ", ".join("?" for _ in states)
        cursor = self.conn.execute(f"select * from outbox where state in ({marks}) order by id", list(states))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def outbox_mark(self, item_id: int, state: str) -> None:
        self.conn.execute(
            "update outbox set state = ?, updated_at = ? where id = ?", [state, now_iso(), item_id]
        )

    def outbox_sent(self, item_id: int, chat_id: int, message_id: int, case_id: int) -> None:
        """Confirmed: the item is sent and its message joins the case's thread, both or neither."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute(
                "update outbox set state = 'sent', message_id = ?, updated_at = ? where id = ?",
                [message_id, now_iso(), item_id],
            )
            self.conn.execute(
                "insert or replace into case_messages (chat_id, message_id, case_id) values (?, ?, ?)",
                [chat_id, message_id, case_id],
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    # events and statistics -------------------------------------------------------------------
    def log_event(self, user_id: str, kind: str, detail: str = "") -> None:
        self._best_effort(
            "an event",
            "insert into events (user_id, kind, detail, at) values (?, ?, ?, ?)",
            [user_id, kind, detail, now_iso()],
        )

    # privacy -----------------------------------------------------------------------------------
    def forget_user(self, user_id: str) -> int:
        """Delete everything stored about a user; the deletion itself is logged without them."""
        # case_messages keep only staff-group message ids and a case number, nothing about the
        # user: kept, they let a late staff reply be told that the user deleted their data
        deleted = 0
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            # the staff headers of the user's cases hold their name and questions
            deleted += self.conn.execute(
                "delete from outbox where case_id in (select id from cases where user_id = ?)", [user_id]
            ).rowcount
            for table in USER_TABLES:
                deleted += self.conn.execute(f"delete from {table} where user_id = ?", [user_id]).rowcount
            for hook in self.forget_hooks:
                deleted += hook(user_id)
            self.conn.execute("insert into forget_log (at, rows_deleted) values (?, ?)", [now_iso(), deleted])
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and none in the write-ahead log
        return deleted

    # idempotency ---------------------------------------------------------------------------
    def was_handled(self, update_id: int) -> bool:
        return (
            self.conn.execute("select 1 from processed_updates where update_id = ?", [update_id]).fetchone()
            is not None
        )

    def mark_handled(self, update_id: int) -> None:
        try:
            self.conn.execute(
                "insert or ignore into processed_updates (update_id, processed_at) values (?, ?)",
                [update_id, now_iso()],
            )
            if update_id % PRUNE_EVERY == 0:  # only recent ids can be delivered again
                self.conn.execute(
                    "delete from processed_updates where update_id < ?", [update_id - KEEP_UPDATES]
                )
        except sqlite3.Error as exc:  # the handler has already told the user what failed
            log.debug("could not record update %s as handled: %s", update_id, exc)

    # follow-up context -------------------------------------------------------------------------
    def save_question_context(self, user_id: str, context: dict[str, Any]) -> None:
        # the answer does not depend on it: a database that cannot be written still answers
        self._best_effort(
            "a question's context",
            "insert or replace into question_context (user_id, context, updated_at) values (?, ?, ?)",
            [user_id, json.dumps(context, ensure_ascii=False), now_iso()],
        )

    def question_context(self, user_id: str, max_age: dt.timedelta) -> dict[str, Any] | None:
        """The last question's context, or None when there is none or it is older than max_age."""
        row = self._one("select context, updated_at from question_context where user_id = ?", [user_id])
        if row is None:
            return None
        if dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(row["updated_at"]) > max_age:
            return None
        data = json.loads(row["context"])
        return data if isinstance(data, dict) else None
