"""Where an outgoing item goes when it is not for Telegram: a small registry of other channels.

The Telegram translator hands every item addressed to another channel (a web chat session's
address, say) to that channel instead of calling Telegram, so a staff reply in
the staff group reaches a web user. Channel-free: no Telegram or web types here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.handoff import Outbound
from bot.people import Address


class Channel(Protocol):
    def owns(self, address: Address) -> bool:
        """True when `address` is one of this channel's users."""
        ...

    def deliver(self, item: Outbound) -> None:
        """Hand the item to the user (store it, wake the page); never raises for a gone user."""
        ...


class Channels:
    """The channels besides the one delivering, consulted first for each outgoing item."""

    def __init__(self, channels: Sequence[Channel] = ()) -> None:
        self.channels: list[Channel] = list(channels)

    def add(self, channel: Channel) -> None:
        self.channels.append(channel)

    def owner(self, address: Address) -> Channel | None:
        return next((c for c in self.channels if c.owns(address)), None)
