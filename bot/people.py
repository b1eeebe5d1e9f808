"""Who is speaking, in plain types: the core never sees a Telegram user.

Every user and chat is an `Address`: a channel's name and the channel's own id for it, as text.
Storage keys users by the address's `key` ("tg:12345", "web:7"), so ids of different channels
never meet, and a new channel needs no room of its own in anyone's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

TELEGRAM, WEB, CONSOLE = "tg", "web", "console"


@dataclass(frozen=True)
class Address:
    channel: str
    id: str

    @property
    def key(self) -> str:
        """The address as one string, as storage keys users by it."""
        return f"{self.channel}:{self.id}"

    @classmethod
    def parse(cls, key: str) -> Address:
        channel, _, id_ = key.partition(":")
        if not channel or not id_:
            raise ValueError(f"not an address: {key!r}")
        return cls(channel, id_)

    def __str__(self) -> str:
        return self.key


def telegram(chat_id: int) -> Address:
    """A Telegram user's or chat's address."""
    return Address(TELEGRAM, str(chat_id))


@dataclass(frozen=True)
class Sender:
    address: Address
    first_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    @property
    def user_id(self) -> str:
        """The key storage knows the user by."""
        return self.address.key


@dataclass(frozen=True)
class StaffGroup:
    """Where the bureau's staff work and who they are: their Telegram group (None: a handoff gives
    the contacts instead) and their Telegram user ids (BOT_ADMIN_IDS), who alone have staff powers."""

    chat_id: int | None = None
    admin_ids: frozenset[int] = frozenset()

    @property
    def chat(self) -> Address | None:
        return telegram(self.chat_id) if self.chat_id is not None else None

    def has_member(self, user_id: int) -> bool:
        return user_id in self.admin_ids


@dataclass(frozen=True)
class StaffMember:
    """A member of the bureau's staff, known by their Telegram user id (BOT_ADMIN_IDS)."""

    user_id: int
    name: str
