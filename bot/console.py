"""A local chat in the terminal with the same Assistant: buttons become numbered choices."""

from __future__ import annotations

import html
import logging
import re
import sys
from collections.abc import Callable
from typing import TextIO

from bot.dialog import Assistant, Sender
from bot.i18n import gettext
from conversations.reply import Button, Reply

log = logging.getLogger(__name__)
TAG = re.compile(r"<[^>]+>")
CONSOLE_USER = Sender(user_id=0, first_name=None, username="console", language_code="zh")


def plain(text: str) -> str:
    """HTML reply text as terminal text."""
    return html.unescape(TAG.sub("", text))


class ConsoleChat:
    """Reads lines, routes commands, numbers and text to the Assistant, prints the replies."""

    def __init__(self, assistant: Assistant, sender: Sender = CONSOLE_USER) -> None:
        self.assistant = assistant
        self.sender = sender
        self.choices: list[Button] = []
        self.typing = False
        commands: dict[str, Callable[[str], list[Reply]]] = {
            "start": lambda _: assistant.start(sender),
            "help": lambda _: assistant.help(sender),
            "lang": lambda arg: assistant.language(sender, arg),
            "remind": lambda arg: assistant.remind(sender, arg),
            "human": lambda _: [o.reply for o in assistant.human(sender) if o.chat_id == sender.user_id],
            "forget": lambda _: assistant.forget(sender),
            "check": lambda _: assistant.check(sender),
            "cancel": lambda _: assistant.cancel(sender),
        }
        self.commands = commands

    def handle(self, line: str) -> list[Reply]:
        line = line.strip()
        # "#3" always taps button 3; a bare "3" does too, unless the question wants a typed number
        number = line.removeprefix("#")
        if (
            number.isdigit()
            and 1 <= int(number) <= len(self.choices)
            and (line.startswith("#") or not self.typing)
        ):
            outgoing = self.assistant.tap(self.sender, self.choices[int(number) - 1].data)
            return [o.reply for o in outgoing if o.chat_id == self.sender.user_id]
        if line.startswith("/"):
            name, _, argument = line[1:].partition(" ")
            command = self.commands.get(name.split("@")[0].lower())
            return command(argument) if command else self.assistant.unknown_command(self.sender)
        return self.assistant.text(self.sender, line)

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
