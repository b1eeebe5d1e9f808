"""A local chat in the terminal with the same Assistant: buttons become numbered choices."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from bot.dialog import Assistant
from bot.handoff import Outbound
from bot.i18n import gettext
from bot.inbound import Command, Event, Inbound, Message, Tap
from bot.people import CONSOLE, Address, Sender
from conversations.markup import plain
from conversations.reply import Button, Reply

log = logging.getLogger(__name__)
CONSOLE_USER = Sender(Address(CONSOLE, "local"), first_name=None, username="console", language_code="zh")


class ConsoleChat:
    """Reads lines, routes commands, numbers and text to the Assistant, prints the replies."""

    def __init__(self, assistant: Assistant, sender: Sender = CONSOLE_USER) -> None:
        self.assistant = assistant
        self.sender = sender
        self.choices: list[Button] = []
        self.typing = False

    def handle(self, line: str) -> list[Reply]:
        line = line.strip()
        # "#3" always taps button 3; a bare "3" does too, unless the question wants a typed number
        number = line.removeprefix("#")
        if (
            number.isdigit()
            and 1 <= int(number) <= len(self.choices)
            and (line.startswith("#") or not self.typing)
        ):
            return self._send(Tap(self.choices[int(number) - 1].data))
        if line.startswith("/"):
            name, _, argument = line[1:].partition(" ")
            return self._send(Command(name.split("@")[0], argument.strip()))
        return self._send(Message(line))

    def _send(self, event: Event) -> list[Reply]:
        """Through the door; what comes back for this terminal's user (a staff group has no console)."""
        return self._mine(self.assistant.handle(Inbound(self.sender, event)))

    def _mine(self, outgoing: list[Outbound]) -> list[Reply]:
        return [
            Reply(o.markup(), o.reply.buttons, o.reply.edit, o.reply.expects_text)
            for o in outgoing
            if o.to == self.sender.address
        ]

    def render(self, replies: list[Reply]) -> str:
        out: list[str] = []
        self.choices = []
        self.typing = any(reply.expects_text for reply in replies)
        mark = "#" if self.typing else ""
        for reply in replies:
            out.append(plain(reply.text))
            for row in reply.buttons:
                labels = []
                for choice in row:
                    self.choices.append(choice)
                    labels.append(f"[{mark}{len(self.choices)}] {choice.label}")
                out.append("   ".join(labels))
        return "\n".join(out)

    def run(self, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
        lang = self.assistant.lang_of(self.sender)
        stdout.write(gettext(lang, "console.intro") + "\n\n")
        stdout.write(self.render(self.assistant.start(self.sender)) + "\n")
        while True:
            stdout.write("\n> ")
            stdout.flush()
            line = stdin.readline()
            if not line or line.strip() in {"/quit", "/exit"}:
                break
            if not line.strip():
                continue
            try:
                replies = self.handle(line)
            except Exception:  # the chat goes on, as the Telegram bot's error handler does
                log.exception("error while handling %r", line)
                stdout.write(gettext(self.assistant.lang_of(self.sender), "error.generic") + "\n")
                continue
            stdout.write(self.render(replies) + "\n")
