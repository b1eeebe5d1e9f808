"""Shared fixtures: the knowledge base and its index are built once per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.search import SearchIndex
from tests.pack import PACK


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Prebuilt composers (conversations.prebuilt) go to the session's folder, not the user's."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(PACK)


@pytest.fixture(autouse=True)
def shipped_notice_texts(kb: KnowledgeBase) -> None:
    """The shipped pack's own wording in the UI, as the set-up hands it over (a test that runs
    another pack hands over its own)."""
    from bot.i18n import use_notice_texts

    use_notice_texts(kb.texts)


@pytest.fixture(scope="session")
def index(kb: KnowledgeBase) -> SearchIndex:
    return SearchIndex(kb)


# --- the real Telegram application against the fake Bot API server ----------------------------
import asyncio  # noqa: E402
import datetime as dt  # noqa: E402
from collections.abc import AsyncIterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from bot.app import build_application, post_init, post_shutdown  # noqa: E402
from bot.polling import serve  # noqa: E402
from bot.services import build_assistant  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402

STAFF_CHAT_ID = -100777
ADMIN_ID = 9001


@pytest.fixture
async def server() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        fake.chat(STAFF_CHAT_ID, chat_type="supergroup", title="Bureau staff")
        yield fake


def make_settings(server: FakeBotApi, db_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "token": server.token,
        "api_base_url": server.base_url,
        "api_base_file_url": server.base_file_url,
        "db_path": db_path,
        "today": dt.date(2022, 7, 1),
        "admin_ids": frozenset({ADMIN_ID}),
        "staff_chat_id": STAFF_CHAT_ID,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class RunningBot:
    """Starts and stops the real Application the way `run_polling` does, inside the test's loop."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.application: Any = None

    async def start(self) -> Any:
        self.application = build_application(self.settings, build_assistant(self.settings))
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(serve(self.application, self._stop, post_init, post_shutdown))
        for _ in range(500):  # until it polls
            if self.application.running or self._task.done():
                break
            await asyncio.sleep(0.01)
        if self._task.done():
            self._task.result()  # raises what stopped it
        return self.application

    async def stop(self) -> None:
        if self.application is None:
            return
        self._stop.set()
        await self._task
        self.application = None
        await asyncio.sleep(0)


@pytest.fixture
async def running_bot(server: FakeBotApi, tmp_path: Path) -> AsyncIterator[RunningBot]:
    bot = RunningBot(make_settings(server, tmp_path / "bot.db"))
    await bot.start()
    yield bot
    await bot.stop()
