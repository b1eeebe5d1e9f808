"""Issue 11's smaller holes: settings refused with one line, the token never logged, one instance
per database, a database that cannot be written, long relays counted as Telegram counts, words
of the user's language for input without words, contact details kept out of the question log."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.dialog import Assistant
from bot.errors import SettingsError, StorageError
from bot.handlers import MESSAGE_LIMIT, utf16_units, with_lead
from bot.logs import Redact
from bot.people import Sender, telegram
from bot.settings import load_settings
from bot.storage import Storage
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex
from tests.conftest import STAFF_CHAT_ID, RunningBot
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("staff_chat_id", "123", "BOT_STAFF_CHAT_ID: expected a group id"),
        ("staff_chat_id", "-١٢٣", "BOT_STAFF_CHAT_ID: expected a Telegram group id"),
        ("admin_ids", "9001,١٢٣", "BOT_ADMIN_IDS: expected comma-separated Telegram user ids, got ١٢٣"),
        ("api_base_url", "localhost:8081/bot", "BOT_API_BASE_URL: expected an http(s) URL"),
        ("api_base_file_url", "ftp://x/file", "BOT_API_BASE_FILE_URL: expected an http(s) URL"),
    ],
)
def test_bad_settings_are_refused_with_one_line(name: str, value: str, expected: str):
    with pytest.raises(SettingsError) as caught:
        load_settings(_env_file=None, **{name: value})
    assert str(caught.value).startswith(expected) and "\n" not in str(caught.value)


def test_home_in_the_database_path_is_expanded():
    settings = load_settings(_env_file=None, db_path="~/bot-data/bot.db")
    assert settings.db_path == Path.home() / "bot-data" / "bot.db"


def test_the_token_is_never_logged(caplog: pytest.LogCaptureFixture):
    token = "123456:SECRET-token"
    logger = logging.getLogger("test.redact")
    handler = logging.StreamHandler()
    caplog.handler.addFilter(Redact(token))
    handler.addFilter(Redact(token))
    with caplog.at_level(logging.DEBUG, logger="test.redact"):
        logger.debug("POST https://api.telegram.org/bot%s/getMe", token)
        try:
            raise ValueError(f"bad url https://api.telegram.org/bot{token}/x")
        except ValueError:
            logger.exception("failed")
    text = caplog.text
    assert token not in text and "<BOT_TOKEN>" in text


def test_a_second_instance_on_the_same_database_is_refused(tmp_path: Path):
    first = Storage(tmp_path / "bot.db")
    first.hold_exclusively()
    second = Storage(tmp_path / "bot.db")
    with pytest.raises(StorageError, match=r"another instance \(pid \d+\)"):
        second.hold_exclusively()
    first.close()
    second.hold_exclusively()  # free again once the first has gone
    second.close()


def test_a_second_bot_process_refuses_to_start_in_one_line(server_env: dict[str, str], tmp_path: Path):
    holder = Storage(tmp_path / "bot.db")
    holder.hold_exclusively()
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env={**server_env, "BOT_DB_PATH": str(tmp_path / "bot.db")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip().startswith("database error: another instance")
    assert "Traceback" not in done.stderr
    holder.close()


def test_an_unusable_database_path_is_one_line(server_env: dict[str, str], tmp_path: Path):
    (tmp_path / "file").write_text("not a folder")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env={**server_env, "BOT_DB_PATH": str(tmp_path / "file" / "bot.db")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.startswith("database error: cannot use the database")
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.fixture
def server_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(BOT_TOKEN="1:x", BOT_API_BASE_URL="http://127.0.0.1:9/bot", BOT_LOG_LEVEL="WARNING")
    return env


def test_a_relay_is_split_by_telegrams_own_count():
    text = "😀" * 4000  # 8,000 UTF-16 units in 4,000 characters
    parts = with_lead("Case #1:", text)
    assert len(parts) == 3
    assert all(utf16_units(part) <= MESSAGE_LIMIT for part in parts)
    assert "".join(parts).count("😀") == 4000


def test_input_without_words_is_answered_in_the_users_language(kb: KnowledgeBase, index: SearchIndex):
    assistant = Assistant(kb, index, Storage(":memory:"), lambda: dt.date(2022, 7, 1))
    reply = assistant.text(Sender(telegram(1), "Ann", language_code="en"), "👍👍")[0]
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in reply.text.split("\n")[0]), reply.text


def test_contact_details_typed_again_are_not_logged_as_questions(kb: KnowledgeBase, index: SearchIndex):
    storage = Storage(":memory:")
    assistant = Assistant(kb, index, storage, lambda: dt.date(2022, 7, 1))
    ann = Sender(telegram(1), "Ann", language_code="zh")
    assistant.text(ann, "13812345678")
    assistant.text(ann, "我的电话13812345678，入库什么时候截止")
    logged = [row["text"] for row in storage.db.query("select text from questions")]
    assert logged == ["我的电话***，入库什么时候截止"]


# --- a database that cannot be written ----------------------------------------------------------


async def test_a_read_only_database_still_answers_questions_and_says_what_was_not_saved(
    server: FakeBotApi, running_bot: RunningBot, caplog: pytest.LogCaptureFixture
):
    storage = running_bot.application.bot_data["assistant"].storage
    ann = server.user(801, language_code="zh")
    await ann.send("/start")
    await ann.next_reply()
    storage.conn.execute("PRAGMA query_only=ON")  # every write now fails as on a read-only file
    with caplog.at_level(logging.ERROR):
        await ann.send("验收申请截止日期")
        assert "8月26日" in (await ann.next_reply()).text  # questions need no write
        await ann.send("/check")
        refused = await ann.next_reply()
        assert "没有保存" in refused.text and "不会丢失" not in refused.text
        await ann.send("/remind")
        assert "没有保存" in (await ann.next_reply()).text
        await ann.expect_no_reply(wait=0.3)
    database_lines = [r for r in caplog.records if "cannot be written" in r.getMessage()]
    assert len(database_lines) == 1  # said once, not once per message
    storage.conn.execute("PRAGMA query_only=OFF")
    await ann.send("/check")
    assert "第1步" in (await ann.next_reply()).text


async def test_a_full_disk_is_told_as_such(server: FakeBotApi, running_bot: RunningBot):
    storage = running_bot.application.bot_data["assistant"].storage
    ann = server.user(802, language_code="en")
    await ann.send("/start")
    await ann.next_reply()
    pages = storage.conn.execute("PRAGMA page_count").fetchone()[0]
    storage.conn.execute(f"PRAGMA max_page_count={pages}")
    for size in (4000, 400, 40, 4):  # fill what is left, down to the last small gap of every page
        for table in ("forget_log", "cases"):
            column = "at" if table == "forget_log" else "status"
            with contextlib.suppress(sqlite3.OperationalError):
                for _ in range(10_000):
                    storage.conn.execute(f"insert into {table} ({column}) values (?)", ["x" * size])
    await ann.send("/human")
    reply = await ann.next_reply()
    assert "could not" in reply.text.lower() or "cannot save" in reply.text.lower()
    assert not server.chat(STAFF_CHAT_ID).pending()
