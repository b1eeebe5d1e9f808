"""Who is speaking, in plain types: the core never sees a Telegram user."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sender:
    user_id: int
    first_name: str | None = None
    username: str | None = None
    language_code: str | None = None


@dataclass(frozen=True)
class StaffMember:
    user_id: int
    name: str


# Web chat users get ids from here on: Telegram's user ids stay below 2**53, so the two never meet.
WEB_USER_BASE = 2**60


def is_web_user(user_id: int) -> bool:
    """An id given to a web chat session (never a Telegram user or group)."""
    return user_id >= WEB_USER_BASE
