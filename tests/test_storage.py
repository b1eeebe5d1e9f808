"""The database: WAL mode, created and upgraded at start-up, browsable as plain tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.storage import SCHEMA, Storage


def test_a_new_database_is_in_wal_mode_with_every_table(tmp_path: Path):
    path = tmp_path / "bot.db"
    Storage(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    assert set(SCHEMA) <= tables


def test_an_older_database_is_upgraded_in_place(tmp_path: Path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.execute("create table users (user_id integer primary key, lang text)")
    old.execute("insert into users values (7, 'en')")
    old.commit()
    old.close()
    storage = Storage(path)
    assert storage.user("tg:7")["lang"] == "en"  # kept, under the user's address
    storage.set_active_flow("tg:7", "eligibility")  # a column the old schema lacked
    assert storage.active_flow("tg:7") == "eligibility"


def test_forget_deletes_every_row_of_the_user_only(tmp_path: Path):
    storage = Storage(tmp_path / "f.db")
    for user_id in ("tg:1", "tg:2"):
        storage.touch_user(user_id, "x", None, "zh")
        storage.log_question(user_id, "问题", "answer", "contacts", 1.0, "zh")
        storage.save_session(user_id, "eligibility", {"answers": {}})
        storage.save_lead({"user_id": user_id, "company": "c", "contact_name": "n", "phone": "p"})
        case_id = storage.open_case(user_id, "zh")
        storage.map_case_message(-100, 10 + int(user_id[-1]), case_id)
    storage.forget_user("tg:1")
    assert storage.user("tg:1") is None and storage.user("tg:2") is not None
    assert [lead["user_id"] for lead in storage.leads()] == ["tg:2"]
    # the staff thread's message ids stay, but the case they name is gone
    forgotten_case = storage.case_of_message(-100, 11)
    assert forgotten_case is not None and storage.case(forgotten_case) is None
    assert storage.case(storage.case_of_message(-100, 12))["user_id"] == "tg:2"
