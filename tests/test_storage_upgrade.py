"""A database made by main before addresses (tests/data/main-schema.db, made by
tests/data/make_main_db.py with that code) is upgraded in place: every row survives, re-keyed by
address, and the bot goes on with each user where they were."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.dialog import Assistant
from bot.people import WEB, Address, Sender, StaffGroup, telegram
from bot.storage import USER_TABLES, Storage
from bot.web.store import WebStore
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex

FIXTURE = Path(__file__).parent / "data" / "main-schema.db"
WEB_BASE = 2**60
TABLES = (
    *USER_TABLES,
    "case_messages",
    "outbox",
    "counters",
    "processed_updates",
    "web_sessions",
    "web_messages",
)


def dump(path: Path) -> dict[str, list[dict[str, object]]]:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        return {t: [dict(r) for r in db.execute(f"select * from {t} order by rowid")] for t in TABLES}
    finally:
        db.close()


def old_key(value: object) -> object:
    """What main's integer user id is called now."""
    if not isinstance(value, int):
        return value
    return f"web:{value - WEB_BASE}" if value >= WEB_BASE else f"tg:{value}"


@pytest.fixture
def upgraded(tmp_path: Path) -> tuple[dict[str, list[dict[str, object]]], Storage, WebStore]:
    path = tmp_path / "bot.db"
    shutil.copy(FIXTURE, path)
    before = dump(path)
    storage = Storage(path)
    return before, storage, WebStore(storage)


def test_the_fixture_is_main_s(tmp_path: Path) -> None:
    """The fixture really has main's shape: integer users, web users from 2**60."""
    before = dump(FIXTURE)
    assert {r["user_id"] for r in before["users"]} == {611, 612, WEB_BASE + 1}
    assert all(
        before[t] for t in ("users", "sessions", "leads", "cases", "outbox", "reminders", "web_messages")
    )


def test_every_row_survives_re_keyed(upgraded: tuple[dict[str, list[dict[str, object]]], Storage, WebStore]):
    before, storage, _ = upgraded
    storage.close()
    after = dump(Path(storage.path))
    for table, rows in before.items():
        expected = [{k: old_key(v) if k == "user_id" else v for k, v in row.items()} for row in rows]
        if table == "sessions":  # the owner inside the stored state is re-keyed too
            for row in expected:
                state = json.loads(str(row["state"]))
                row["state"] = {**state, "owner": old_key(state["owner"])}
            for row in after[table]:
                row["state"] = json.loads(str(row["state"]))
        assert after[table] == expected, table


def test_opening_twice_changes_nothing(
    upgraded: tuple[dict[str, list[dict[str, object]]], Storage, WebStore],
):
    _, storage, _ = upgraded
    storage.close()
    once = dump(Path(storage.path))
    again = Storage(storage.path)
    WebStore(again)
    again.close()
    assert dump(Path(storage.path)) == once


def test_users_go_on_where_they_were(
    upgraded: tuple[dict[str, list[dict[str, object]]], Storage, WebStore],
    kb: KnowledgeBase,
    index: SearchIndex,
):
    _, storage, web = upgraded
    assistant = Assistant(
        kb, index, storage, lambda: dt.date(2022, 7, 1), staff_group=StaffGroup(-100777, frozenset({9001}))
    )
    ann, bob = Sender(telegram(611), "Ann"), Sender(telegram(612), "Bob", language_code="en")
    # Ann: her finished check, her lead, her reminders
    assert assistant.checks.load(ann.user_id, "eligibility").finished
    assert [lead["user_id"] for lead in storage.leads()] == [ann.user_id]
    assert storage.has_reminders(ann.user_id) and not storage.mark_reminder_sent(ann.user_id, "entry", 7)
    assert storage.user(bob.user_id)["lang"] == "en"
    # Bob's open case still takes his messages, and its stored header can still be sent
    assert assistant.handoff.open_case_of(bob.user_id) is not None
    relayed = assistant.message(bob, "hello staff")
    assert relayed[0].to == telegram(-100777) and relayed[0].quoted == "hello staff"
    case_id = storage.open_case_of(bob.user_id)["id"]
    assert assistant.handoff.outbox_item(case_id).to == telegram(-100777)
    assert storage.case_of_message(-100777, 50) == case_id
    # the web user: the same session, messages, case; new sessions never reuse a number
    (row,) = storage.conn.execute("select sid_hash, user_id from web_sessions").fetchall()
    wen = Address(WEB, "1")
    assert row[1] == wen.key and len(web.messages(wen.key)) == 2
    assert storage.open_case_of(wen.key) is not None
    _, fresh = web.new_session("en")
    assert fresh.address == Address(WEB, "2")
    # the staff's reply reaches the web user by the case's stored key
    header = storage.case_header(storage.open_case_of(wen.key)["id"], -100777)
    if header is None:
        storage.map_case_message(-100777, 60, storage.open_case_of(wen.key)["id"])
        header = 60
    out = assistant.handoff.from_staff(9001, header, "您好", (telegram(-100777), 61))
    assert [o.to for o in out] == [wen]
