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
