"""Scripted users for the end-to-end tests: say, press, and a whole check played in one call."""

from __future__ import annotations

from tests.fake_bot_api import BotAction, FakeUser

# an eligible direction-1 check (500万 provincial funds, 2000万 investment → 50万), then contact details
ELIGIBLE_CHECK_WITH_LEAD: list[tuple[str, str]] = [
    ("say", "/check"),
    ("say", "韶关某某机械有限公司"),
    ("press", "浈江区"),
    ("press", "1 上云上平台"),
    ("press", "工业企业（含制造业企业）"),
    ("press", "项目单位自己申报"),
    ("press", "否"),
    ("press", "否"),
    ("press", "否"),
    ("say", "2022-05-20"),
    ("say", "1"),
    ("say", "2000万"),
    ("say", "500万"),
    ("say", "0"),
    ("press", "留下联系方式"),
    ("press", "同意"),
    ("say", "李四"),
    ("say", "13812345678"),
]


async def say(user: FakeUser, text: str) -> BotAction:
    """Send a text and return the bot's next action in that chat."""
    await user.send(text)
    return await user.next_reply()


async def press(user: FakeUser, label: str) -> BotAction:
    """Tap a button by its label and return the bot's next action in that chat."""
    await user.tap(label)
    return await user.next_reply()


async def play(user: FakeUser, steps: list[tuple[str, str]] = ELIGIBLE_CHECK_WITH_LEAD) -> BotAction:
    """Play ("say" | "press", value) steps in order; returns the last reply."""
    reply: BotAction | None = None
    for kind, value in steps:
        reply = await (say(user, value) if kind == "say" else press(user, value))
    assert reply is not None
    return reply
