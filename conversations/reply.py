"""The plain types the core answers with; the transports turn them into chat messages."""

from __future__ import annotations

from dataclasses import dataclass, field

# Telegram limits callback data to 64 bytes; the core keeps within it for every transport.
MAX_BUTTON_DATA_BYTES = 64


@dataclass(frozen=True)
class Button:
    label: str
    data: str

    def __post_init__(self) -> None:
        if len(self.data.encode()) > MAX_BUTTON_DATA_BYTES:
            raise ValueError(f"button data longer than {MAX_BUTTON_DATA_BYTES} bytes: {self.data!r}")


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
