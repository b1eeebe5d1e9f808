"""Where an outgoing item goes when it is not for Telegram: a small registry of other channels.

The Telegram translator hands every item addressed to a chat that another channel owns (a web
chat session's user id, say) to that channel instead of calling Telegram, so a staff reply in
the staff group reaches a web user. Channel-free: no Telegram or web types here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.handoff import Outgoing


class Channel(Protocol):
    def owns(self, chat_id: int) -> bool:
        """True when `chat_id` is one of this channel's users."""
        ...

    def deliver(self, item: Outgoing) -> None:
        """Hand the item to the user (store it, wake the page); never raises for a gone user."""
        ...


class Channels:
    """The channels besides the one delivering, consulted first for each outgoing item."""

    def __init__(self, channels: Sequence[Channel] = ()) -> None:
        self.channels: list[Channel] = list(channels)

    def add(self, channel: Channel) -> None:
        self.channels.append(channel)

    def owner(self, chat_id: int) -> Channel | None:
        return next((c for c in self.channels if c.owns(chat_id)), None)
