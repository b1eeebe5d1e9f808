"""The button codec: every action survives encode/decode, old data still decodes, and anything
else is Expired, never an error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conversations import actions as act
from conversations.reply import Button

EVERY_KIND: list[act.Action] = [
    *(act.Menu(screen) for screen in act.SCREENS),  # type: ignore[arg-type]
    act.Direction("d1"),
    act.Direction("d2", "amount"),
    act.Direction("d3", "materials"),
    act.Faq("deadline-entry"),
    act.SetLanguage("zh"),
    act.SetLanguage("en"),
    *act.Do,
    act.StaffCase("claim", 12),
    act.StaffCase("close", 7),
    act.Rate(12, 5),
    act.FlowAnswer("county", "zhenjiang"),
    act.FlowEdit("investment"),
]


@pytest.mark.parametrize("action", EVERY_KIND, ids=repr)
def test_every_action_round_trips(action: act.Action) -> None:
    assert act.decode(act.encode(action)) == action


# data already sitting on buttons in users' chats, sent by earlier versions
@pytest.mark.parametrize(
    ("data", "action"),
    [
        ("menu:home", act.Menu("home")),
        ("dir:d1:amount", act.Direction("d1", "amount")),
        ("f:a:yes", act.FlowAnswer(None, "yes")),  # before answer buttons named their step
        ("f:a:county:zhenjiang", act.FlowAnswer("county", "zhenjiang")),
        ("case:claim:3", act.StaffCase("claim", 3)),
        ("rate:3:4", act.Rate(3, 4)),
        ("human", act.Do.HUMAN),
    ],
)
def test_old_data_decodes(data: str, action: act.Action) -> None:
    assert act.decode(data) == action


@pytest.mark.parametrize(
    "data",
    [
        "",
        "menu:nowhere",
        "lang:fr",
        "dir:",
        "dir:d1:other",
        "rate:x:y",
        "rate:²:5",
        "rate:1:99999999999",
        "x" * 65,
    ],
)
def test_unknown_data_is_expired(data: str) -> None:
    assert act.decode(data) == act.Expired(data)


@pytest.mark.parametrize("data", ["case:x:y", "case:claim:99999999999999999999", "case:open:1"])
def test_a_malformed_staff_button_is_expired_quietly(data: str) -> None:
    assert act.decode(data) == act.Expired(data, quiet=True)


@given(st.text(max_size=80))
def test_decode_never_raises(data: str) -> None:
    decoded = act.decode(data)
    assert isinstance(decoded, act.Expired) or len(act.encode(decoded).encode()) <= act.MAX_DATA_BYTES


def test_the_limit_is_checked_when_a_button_is_made() -> None:
    Button("ok", act.Faq("x" * (act.MAX_DATA_BYTES - len("faq:"))))
    with pytest.raises(act.DataTooLong):
        Button("too long", act.Faq("x" * act.MAX_DATA_BYTES))
