"""Typed actions behind buttons, and the one codec between them and button data.

A button carries an action; every channel sends it as a short string (Telegram's callback data,
the web chat's `data`) and hands the string it gets back to `decode`. The strings are the ones
the bot has always used, so buttons already sitting in users' chats keep working; anything the
codec does not know (an old shape, a forged tap) decodes to `Expired`, never to an error. The
64-byte limit of Telegram's callback data is checked here, and only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Telegram limits callback data to 64 bytes; the core keeps within it for every channel.
MAX_DATA_BYTES = 64

SCREENS = ("home", "dirs", "who", "amounts", "dates", "materials", "contacts", "lang")
Screen = Literal["home", "dirs", "who", "amounts", "dates", "materials", "contacts", "lang"]
DirectionPart = Literal["", "amount", "materials"]
CheckOp = Literal["start", "restart", "continue"]
CaseOp = Literal["claim", "close"]


@dataclass(frozen=True)
class Menu:
    """A screen of the browsing menu."""

    screen: Screen = "home"


@dataclass(frozen=True)
class Direction:
    """One funding direction's screen, or its amount rule or materials."""

    direction_id: str
    part: DirectionPart = ""


@dataclass(frozen=True)
class Faq:
    """A knowledge-base entry, suggested under an answer."""

    entry_id: str


@dataclass(frozen=True)
class SetLanguage:
    lang: Literal["zh", "en"]


@dataclass(frozen=True)
class Human:
    """Talk to a person: open a case (or get the contacts)."""


@dataclass(frozen=True)
class RemindOn:
    """Subscribe to the deadline reminders."""


@dataclass(frozen=True)
class Forget:
    """The answer to /forget's question."""

    confirmed: bool


@dataclass(frozen=True)
class Check:
    """Start the eligibility check, start it over, or continue the one left unfinished."""

    op: CheckOp = "start"


@dataclass(frozen=True)
class LeadStart:
    """Leave contact details after a check."""


@dataclass(frozen=True)
class StaffCase:
    """Claim or close a case: a button of the case's messages in the staff group."""

    op: CaseOp
    case_id: int


@dataclass(frozen=True)
class Rate:
    """The user's rating of a closed case."""

    case_id: int
    stars: int


@dataclass(frozen=True)
class FlowAnswer:
    """The answer to a flow's question; `step` None for buttons sent before they named it."""

    step: str | None
    value: str


@dataclass(frozen=True)
class FlowBack:
    """The flow's previous question."""


@dataclass(frozen=True)
class FlowSummary:
    """Every answer, each with a button to change it."""


@dataclass(frozen=True)
class FlowEdit:
    """Change the answer to one question."""

    step: str


@dataclass(frozen=True)
class FlowResult:
    """The flow's result (after editing answers)."""


@dataclass(frozen=True)
class FlowCancel:
    """Leave the flow under way."""


@dataclass(frozen=True)
class Expired:
    """Data the codec does not know: an old shape, a forged tap. `quiet` marks a staff button's
    shape (a case action), which is answered with nothing rather than with the menu."""

    data: str
    quiet: bool = False


FlowAction = FlowAnswer | FlowBack | FlowSummary | FlowEdit | FlowResult | FlowCancel
Action = (
    Menu
    | Direction
    | Faq
    | SetLanguage
    | Human
    | RemindOn
    | Forget
    | Check
    | LeadStart
    | StaffCase
    | Rate
    | FlowAction
    | Expired
)

HOME = Menu("home")
_FLOW = "f"


class DataTooLong(ValueError):
    """An action whose data would not fit in a button."""


def _data(action: Action) -> str:
    match action:
        case Menu(screen):
            return f"menu:{screen}"
        case Direction(direction_id, part):
            return f"dir:{direction_id}:{part}" if part else f"dir:{direction_id}"
        case Faq(entry_id):
            return f"faq:{entry_id}"
        case SetLanguage(lang):
            return f"lang:{lang}"
        case Human():
            return "human"
        case RemindOn():
            return "remind:on"
        case Forget(confirmed):
            return "forget:yes" if confirmed else "forget:no"
        case Check(op):
            return f"check:{op}"
        case LeadStart():
            return "lead:start"
        case StaffCase(op, case_id):
            return f"case:{op}:{case_id}"
        case Rate(case_id, stars):
            return f"rate:{case_id}:{stars}"
        case FlowAnswer(step, value):
            return f"{_FLOW}:a:{step}:{value}" if step is not None else f"{_FLOW}:a:{value}"
        case FlowBack():
            return f"{_FLOW}:back"
        case FlowSummary():
            return f"{_FLOW}:edit"
        case FlowEdit(step):
            return f"{_FLOW}:e:{step}"
        case FlowResult():
            return f"{_FLOW}:result"
        case FlowCancel():
            return f"{_FLOW}:cancel"
        case Expired(data):
            return data
    raise TypeError(f"not an action: {action!r}")


def encode(action: Action) -> str:
    """The button data of an action; raises DataTooLong when it would not fit in a button."""
    data = _data(action)
    if len(data.encode()) > MAX_DATA_BYTES:
        raise DataTooLong(f"button data longer than {MAX_DATA_BYTES} bytes: {data!r}")
    return data


def _small_number(text: str) -> int | None:
    """A case number or a rating: ASCII digits only (forged data may hold ² or 10²⁰)."""
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


_SIMPLE: dict[str, Action] = {
    "human": Human(),
    "remind:on": RemindOn(),
    "forget:yes": Forget(True),
    "forget:no": Forget(False),
    "check:start": Check("start"),
    "check:restart": Check("restart"),
    "check:continue": Check("continue"),
    "lead:start": LeadStart(),
    "lang:zh": SetLanguage("zh"),
    "lang:en": SetLanguage("en"),
    f"{_FLOW}:back": FlowBack(),
    f"{_FLOW}:edit": FlowSummary(),
    f"{_FLOW}:result": FlowResult(),
    f"{_FLOW}:cancel": FlowCancel(),
    **{f"menu:{screen}": Menu(screen) for screen in SCREENS},  # type: ignore[arg-type]
}


def decode(data: str) -> Action:
    """The action of button data; `Expired` for anything unknown. Never raises."""
    if len(data.encode(errors="replace")) > MAX_DATA_BYTES:
        return Expired(data)
    if data in _SIMPLE:
        return _SIMPLE[data]
    kind, _, rest = data.partition(":")
    if kind == "case":
        op, _, number = rest.partition(":")
        case_id = _small_number(number)
        if op in ("claim", "close") and case_id is not None:
            return StaffCase(op, case_id)  # type: ignore[arg-type]
        return Expired(data, quiet=True)
    if kind == "rate":
        number, _, stars = rest.partition(":")
        case_id, rating = _small_number(number), _small_number(stars)
        return Rate(case_id, rating) if case_id is not None and rating is not None else Expired(data)
    if kind == "dir" and rest:
        direction_id, _, part = rest.partition(":")
        if direction_id and part in ("", "amount", "materials"):
            return Direction(direction_id, part)  # type: ignore[arg-type]
    if kind == "faq" and rest:
        return Faq(rest)
    if kind == _FLOW:
        op, _, value = rest.partition(":")
        if op == "a":
            step, _, answer = value.rpartition(":")
            return FlowAnswer(step or None, answer)
        if op == "e" and value:
            return FlowEdit(value)
    return Expired(data)
