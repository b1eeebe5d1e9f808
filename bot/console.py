"""A local chat in the terminal with the same Assistant: buttons become numbered choices."""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from typing import TextIO

from bot.dialog import Assistant, Sender
from bot.i18n import gettext
from conversations.reply import Button, Reply

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
        commands: dict[str, Callable[[str], list[Reply]]] = {
            "start": lambda _: assistant.start(sender),
            "help": lambda _: assistant.help(sender),
            "lang": lambda arg: assistant.language(sender, arg),
            "remind": lambda arg: assistant.remind(sender, arg),
            "human": lambda _: assistant.human(sender),
        }
        self.commands = commands

    def handle(self, line: str) -> list[Reply]:
        line = line.strip()
        if line.isdigit() and 1 <= int(line) <= len(self.choices):
            return self.assistant.button(self.sender, self.choices[int(line) - 1].data)
        if line.startswith("/"):
            name, _, argument = line[1:].partition(" ")
            command = self.commands.get(name.split("@")[0].lower())
            return command(argument) if command else self.assistant.unknown_command(self.sender)
        return self.assistant.text(self.sender, line)

    def render(self, replies: list[Reply]) -> str:
        out: list[str] = []
        self.choices = []
        for reply in replies:
            out.append(plain(reply.text))
            for row in reply.buttons:
                labels = []
                for choice in row:
                    self.choices.append(choice)
                    labels.append(f"[{len(self.choices)}] {choice.label}")
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
            stdout.write(self.render(self.handle(line)) + "\n")
