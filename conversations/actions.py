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
from enum import Enum
from typing import Literal

# Telegram limits callback data to 64 bytes; the core keeps within it for every channel.
MAX_DATA_BYTES = 64

SCREENS = ("home", "dirs", "who", "amounts", "dates", "materials", "contacts", "lang")
Screen = Literal["home", "dirs", "who", "amounts", "dates", "materials", "contacts", "lang"]
DirectionPart = Literal["", "amount", "materials"]
CaseOp = Literal["claim", "close"]


class Do(Enum):
    """Actions that carry nothing but themselves; each one's value is its button data."""

    HUMAN = "human"  # talk to a person: open a case (or get the contacts)
    REMIND_ON = "remind:on"  # subscribe to the deadline reminders
    FORGET_YES = "forget:yes"  # the answers to /forget's question
    FORGET_NO = "forget:no"
    CHECK_START = "check:start"  # the eligibility check: start it, start it over, go on with it
    CHECK_RESTART = "check:restart"
    CHECK_CONTINUE = "check:continue"
    LEAD_START = "lead:start"  # leave contact details after a check
    FLOW_BACK = "f:back"  # the flow's previous question
    FLOW_SUMMARY = "f:edit"  # every answer, each with a button to change it
    FLOW_RESULT = "f:result"  # the flow's result (after editing answers)
    FLOW_CANCEL = "f:cancel"  # leave the flow under way


# the check's and the lead form's own buttons (the rest of a flow's carry a step: FlowAnswer, FlowEdit)
FLOW_BUTTONS = frozenset(
    {Do.CHECK_START, Do.CHECK_RESTART, Do.CHECK_CONTINUE, Do.LEAD_START}
    | {Do.FLOW_BACK, Do.FLOW_SUMMARY, Do.FLOW_RESULT, Do.FLOW_CANCEL}
)


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
class FlowEdit:
    """Change the answer to one question."""

    step: str


@dataclass(frozen=True)
class Expired:
    """Data the codec does not know: an old shape, a forged tap. `quiet` marks a staff button's
    shape (a case action), which is answered with nothing rather than with the menu."""

    data: str
    quiet: bool = False


Action = Do | Menu | Direction | Faq | SetLanguage | StaffCase | Rate | FlowAnswer | FlowEdit | Expired


def for_flows(action: Action) -> bool:
    """A button of the guided check, the lead form or the flow under way."""
    return isinstance(action, FlowAnswer | FlowEdit) or action in FLOW_BUTTONS


HOME = Menu("home")
_FLOW = "f"


class DataTooLong(ValueError):
    """An action whose data would not fit in a button."""


def _data(action: Action) -> str:
    match action:
        case Do():
            return action.value
        case Menu(screen):
            return f"menu:{screen}"
        case Direction(direction_id, part):
            return f"dir:{direction_id}:{part}" if part else f"dir:{direction_id}"
        case Faq(entry_id):
            return f"faq:{entry_id}"
        case SetLanguage(lang):
            return f"lang:{lang}"
        case StaffCase(op, case_id):
            return f"case:{op}:{case_id}"
        case Rate(case_id, stars):
            return f"rate:{case_id}:{stars}"
        case FlowAnswer(step, value):
            return f"{_FLOW}:a:{step}:{value}" if step is not None else f"{_FLOW}:a:{value}"
        case FlowEdit(step):
            return f"{_FLOW}:e:{step}"
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
    **{do.value: do for do in Do},
    "lang:zh": SetLanguage("zh"),
    "lang:en": SetLanguage("en"),
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
