"""The plain types the core answers with; the transports turn them into chat messages."""

from __future__ import annotations

from dataclasses import dataclass, field

from conversations.actions import Action, encode


@dataclass(frozen=True)
class Button:
    """A label and the action a tap on it asks for; `data` is the action as the channels send it
    (encoded once, here, which checks that it fits)."""

    label: str
    action: Action
    data: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", encode(self.action))


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    """One message: HTML text (already escaped where it carries user or data text) and buttons.

    `edit` asks the transport to replace the message whose button was tapped, so browsing a
    menu does not flood the chat.
    """

    text: str
    buttons: Keyboard = field(default_factory=tuple)
    edit: bool = False
    # the question wants a typed answer (an amount, a date …) rather than a tap
    expects_text: bool = False

    def button_labels(self) -> list[str]:
        return [b.label for row in self.buttons for b in row]


def rows(*buttons: Button, per_row: int = 2) -> Keyboard:
    """Lay buttons out `per_row` to a row: two fit a phone's width with Chinese labels."""
    return tuple(tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row))
