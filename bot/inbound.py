"""What a channel hands the core: one `Inbound` value, whatever the wire format was.

A channel (Telegram, the web chat, the console, a test's transcript) turns what it received into
one of these, calls `Assistant.handle`, and sends the `Outbound` items it gets back to their
addresses. Message ids here are the channel's own, carried as they are: the core stores them only
to find a case's thread again, never as anyone's identity.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.people import Address, Sender


@dataclass(frozen=True)
class Command:
    """A command: /start, /check, /cases … (`name` without the slash or a bot's @name)."""

    name: str
    argument: str = ""
    replied_to: int | None = None  # the channel's id of the message the command replies to


@dataclass(frozen=True)
class Message:
    """Text for the bot, or something else (a file, a photo, a sticker: `text` None)."""

    text: str | None
    message_id: int = 0
    event_id: str | None = None  # the channel's id of the delivery: a redelivered one is known
    edited: bool = False


@dataclass(frozen=True)
class Tap:
    """A tapped button: its data as the channel received it, on the message `message_id`."""

    data: str
    message_id: int | None = None
    asker: Address | None = None  # in a group: whose request the tapped message answers


@dataclass(frozen=True)
class StaffReply:
    """A reply in the staff group to one of its messages (`replied_to`), to relay to a user."""

    replied_to: int
    text: str | None
    message_id: int
    replied_to_bot: bool = False


Event = Command | Message | Tap | StaffReply


@dataclass(frozen=True)
class Inbound:
    """An event from `sender`, in the chat `chat` (the sender's own private chat by default)."""

    sender: Sender
    event: Event
    chat: Address | None = None

    @property
    def where(self) -> Address:
        return self.chat or self.sender.address
