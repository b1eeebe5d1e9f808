"""A channel for tests that reads like a transcript (errbot's push_message / pop_message).

People push what they say or tap; what the core sends each address waits in that address's
inbox until popped, as plain text. It is a channel like any other: it turns lines into Inbound
values, hands them to `Assistant.handle`, and gives the messages it keeps ids of its own, so a
staff member can reply to a case's message in the staff group.
"""

from __future__ import annotations

import itertools
from collections import deque

from bot.dialog import Assistant
from bot.handoff import Outbound
from bot.inbound import Command, Event, Inbound, Message, StaffReply, Tap
from bot.people import Address, Sender
from conversations.markup import plain
from conversations.reply import Button


class Transcript:
    """Every address's messages, in order; ids shared by all chats, as a test needs no more."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.inboxes: dict[Address, deque[tuple[int, Outbound]]] = {}
        self.buttons: dict[Address, list[tuple[int, Button]]] = {}
        self.ids = itertools.count(1)

    def person(self, name: str, address: Address, lang: str = "zh") -> Person:
        return Person(self, Sender(address, name, None, lang))

    def send(self, inbound: Inbound) -> None:
        for item in self.assistant.handle(inbound):
            self.deliver(item)

    def deliver(self, item: Outbound) -> None:
        message_id = next(self.ids)
        storage = self.assistant.storage
        if item.outbox_id is not None and item.case_id is not None:
            storage.outbox_sent(item.outbox_id, int(item.to.id), message_id, item.case_id)
        elif item.case_id is not None:  # the staff group's thread: a reply to it reaches the case
            storage.map_case_message(int(item.to.id), message_id, item.case_id)
        self.inboxes.setdefault(item.to, deque()).append((message_id, item))
        if item.reply.buttons:
            self.buttons[item.to] = [(message_id, b) for row in item.reply.buttons for b in row]

    def pop(self, address: Address) -> str:
        """The oldest message not yet read at `address`, as plain text; fails when there is none."""
        inbox = self.inboxes.get(address)
        assert inbox, f"nothing was sent to {address}"
        return plain(inbox.popleft()[1].markup())

    def pop_id(self, address: Address) -> int:
        """The id of the oldest unread message at `address` (to reply to it), leaving it unread."""
        inbox = self.inboxes.get(address)
        assert inbox, f"nothing was sent to {address}"
        return inbox[0][0]

    def pending(self, address: Address) -> list[str]:
        return [plain(item.markup()) for _, item in self.inboxes.get(address, ())]


class Person:
    """Someone in the transcript: what they say, tap and read, in their own chat or another."""

    def __init__(self, transcript: Transcript, sender: Sender) -> None:
        self.transcript = transcript
        self.sender = sender
        self.address = sender.address

    def push(self, text: str, *, chat: Address | None = None, reply_to: int | None = None) -> None:
        """Say a line: a /command, or text (a reply to `reply_to` in the staff group)."""
        event: Event
        if text.startswith("/"):
            name, _, argument = text[1:].partition(" ")
            event = Command(name, argument.strip())
        elif reply_to is not None:
            event = StaffReply(reply_to, text, next(self.transcript.ids), replied_to_bot=True)
        else:
            event = Message(text, next(self.transcript.ids))
        self.transcript.send(Inbound(self.sender, event, chat))

    def tap(self, label: str, *, chat: Address | None = None) -> None:
        """Tap the newest button in the chat whose label contains `label`."""
        where = chat or self.address
        found = [(m, b) for m, b in self.transcript.buttons.get(where, []) if label in b.label]
        assert found, f"no button {label!r} in {where}: {self.transcript.buttons.get(where)}"
        message_id, button = found[0]
        self.transcript.send(Inbound(self.sender, Tap(button.data, message_id), chat))

    def pop(self) -> str:
        return self.transcript.pop(self.address)

    def pop_all(self) -> list[str]:
        out = self.transcript.pending(self.address)
        self.transcript.inboxes.pop(self.address, None)
        return out
