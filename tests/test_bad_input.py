"""Hostile and malformed input: huge, invisible, right-to-left, SQL- and HTML-looking text, forged
and stale button data, unknown commands, media.

Each gets a polite reply or is ignored: never an exception, never the generic apology, never valid
HTML broken by user text (the fake server refuses broken HTML with a 400, as Telegram does), and
never a change to another user's rows. The core (`bot.dialog.Assistant`) is driven by hypothesis;
the whole stack (handlers, PTB, the fake Bot API server) by fixed cases and one fuzzed run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checks import CHECK, LEAD
from bot.dialog import MAX_TEXT_CHARS, Assistant
from bot.handoff import Outbound
from bot.people import Sender, StaffGroup, telegram
from bot.storage import USER_TABLES, Storage
from conversations import parsers
from conversations.engine import Session
from conversations.flow import load_flow
from conversations.markup import escape
from conversations.reply import Reply
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex
from tests.conftest import ADMIN_ID, STAFF_CHAT_ID, RunningBot, make_settings
from tests.fake_bot_api import ApiError, BotAction, FakeBotApi, FakeUser, _render_html, _utf16_len
from tests.pack import FLOWS, NOTICE
from tests.players import play, say

TODAY = dt.date(2022, 7, 1)
GENERIC_ERRORS = ("出了点问题", "something went wrong")
MAX_MESSAGE = 4096  # Telegram's limit on a message's text, in UTF-16 code units

HOSTILE_BY_NAME = {
    "huge-latin": "x" * 10_000,
    "huge-chinese": "申报" * 6_000,
    "control": "\x00\x01\x07\x08\x1b[31m\x7f\x85",
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff",
    "arabic": "مرحبا، هل يمكنني التقديم؟",
    "hebrew": "שלום, מתי המועד האחרון?",
    "bidi-override": "\u202eDROP\u202c \u202dTABLE\u202c",
    "emoji": "🙂👨\u200d👩\u200d👧\u200d👦🏳️\u200d🌈🇨🇳",
    "sql-drop": "'; DROP TABLE users; --",
    "sql-or": "1' OR '1'='1",
    "html": "<b>x</b> & <script>alert(1)</script>",
    "html-entities": "</b><i>&amp;&lt;&#x27;",
    "markdown": "*bold* _it_ `code` [link](http://x)",
    "whitespace": "   \t\n  ",
    "format-strings": "%s %d {0} {name} ${HOME}",
}
HOSTILE = list(HOSTILE_BY_NAME.values())
SHORT_HOSTILE = [text for text in HOSTILE if len(text) <= 100]  # what fits in a name or a relay

# every callback data the bot itself puts on buttons (a forged tap may reuse any of them)
KNOWN_DATA = [
    "menu:home",
    "menu:dirs",
    "menu:who",
    "menu:amounts",
    "menu:dates",
    "menu:materials",
    "menu:contacts",
    "menu:lang",
    "lang:zh",
    "lang:en",
    "dir:d1",
    "dir:d2:amount",
    "dir:d3:materials",
    "check:start",
    "check:restart",
    "check:continue",
    "lead:start",
    "forget:yes",
    "forget:no",
    "remind:on",
    "human",
    "f:a:yes",
    "f:a:no",
    "f:a:unsure",
    "f:a:zhenjiang",
    "f:a:d1",
    "f:a:self",
    "f:a:agree",
    "f:back",
    "f:edit",
    "f:e:company",
    "f:e:investment",
    "f:e:nonexistent",
    "f:result",
    "f:cancel",
    "faq:nonexistent",
]
PREFIXES = ["", "f:", "f:a:", "f:e:", "check:", "lead:", "menu:", "dir:", "lang:", "faq:", "forget:"]


def _fits(data: str) -> bool:
    return 1 <= len(data.encode()) <= 64  # what Telegram allows as callback data


callback_data = st.one_of(
    st.sampled_from(KNOWN_DATA),
    st.builds(lambda p, s: p + s, st.sampled_from(PREFIXES), st.text(max_size=40)).filter(_fits),
    st.text(min_size=1, max_size=64).filter(_fits),
)
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(min_size=1, max_size=300),
    st.text(
        alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "So"]), min_size=1, max_size=50
    ),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", "申", "🙂", "<", "&", "\u202e"]), st.integers(1001, 12_000)
    ),
    st.builds(
        "".join,
        st.lists(
            st.sampled_from(
                ["<b>", "</i>", "&", "'", '"', ";", "--", "DROP TABLE", "申报", "\u200b", "\u202e", "🙂", " "]
            ),
            min_size=1,
            max_size=12,
        ),
    ),
)

# --- checking what the bot says --------------------------------------------------------------------------


def check_html(text: str, *, where: str, may_overflow: bool = False) -> str:
    """`text` as Telegram would show it; fails on broken HTML, an empty or an over-long message."""
    try:
        shown = _render_html(text)
    except ApiError as exc:
        raise AssertionError(f"{where}: Telegram would refuse this HTML ({exc}): {text[:300]!r}") from exc
    assert shown.strip(), f"{where}: empty message"
    if not may_overflow:
        assert _utf16_len(shown) <= MAX_MESSAGE, (
            f"{where}: {_utf16_len(shown)} characters, over {MAX_MESSAGE}"
        )
    assert not any(e in shown for e in GENERIC_ERRORS), f"{where}: the generic apology"
    return shown


def check_reply(reply: Reply, *, where: str, may_overflow: bool = False) -> str:
    for row in reply.buttons:
        for button in row:
            assert button.label.strip(), f"{where}: a button without a label"
            assert _fits(button.data), f"{where}: callback data {button.data!r}"
    return check_html(reply.text, where=where, may_overflow=may_overflow)


def check_outgoing(items: list[Outbound], *, where: str, relay: bool = False) -> None:
    for item in items:
        # a user's text relayed into the staff thread may pass Telegram's limit: a known bug,
        # pinned down by test_a_long_message_during_a_case_reaches_the_staff below
        check_reply(item.reply, where=where, may_overflow=relay and item.to == telegram(STAFF_CHAT_ID))


# --- the transport-free core --------------------------------------------------------------------------------

ANN = Sender(telegram(1001), "Ann", "ann_sg", "zh")


def drive(assistant: Assistant, sender: Sender, events: list[tuple[str, str]]) -> list[Reply]:
    out: list[Reply] = []
    for kind, value in events:
        out += assistant.text(sender, value) if kind == "text" else assistant.button(sender, value)
    return out


CHECK_ANSWERS = [
    ("text", "韶关某某机械有限公司"),
    ("tap", "f:a:zhenjiang"),
    ("tap", "f:a:d1"),
    ("tap", "f:a:industrial"),
    ("tap", "f:a:self"),
    ("tap", "f:a:no"),
    ("tap", "f:a:no"),
    ("tap", "f:a:no"),
    ("text", "2022-05-20"),
    ("text", "1"),
    ("text", "2000万"),
    ("text", "500万"),
    ("text", "0"),
]
LEAD_ANSWERS = [("tap", "lead:start"), ("tap", "f:a:agree"), ("text", "张三"), ("text", "13812345678")]


def seed_ann(assistant: Assistant) -> None:
    """Ann: a question, a finished check, a lead, reminders and an open case."""
    assistant.text(ANN, "入库申报截止日期")
    assistant.check(ANN)
    drive(assistant, ANN, CHECK_ANSWERS + LEAD_ANSWERS)
    assistant.remind(ANN)
    assistant.human(ANN)
    assert len(assistant.storage.leads()) == 1 and assistant.storage.open_case_of(ANN.user_id)


def rows_of(conn: sqlite3.Connection, user_id: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row about a user, in every table that holds user data (and their case messages)."""
    out = {
        table: sorted(
            conn.execute(f"select * from {table} where user_id = ?", [user_id]).fetchall(), key=repr
        )
        for table in USER_TABLES
    }
    out["case_messages"] = sorted(
        conn.execute(
            "select * from case_messages where case_id in (select id from cases where user_id = ?)", [user_id]
        ).fetchall()
    )
    return out


class Core:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.ann_rows = rows_of(assistant.storage.conn, ANN.user_id)
        self.ids = itertools.count(5000)

    def ann_unchanged(self) -> None:
        assert rows_of(self.assistant.storage.conn, ANN.user_id) == self.ann_rows

    def new_user(self, lang: str = "zh") -> Sender:
        return Sender(telegram(next(self.ids)), "Ben", None, lang)


@pytest.fixture
def core(kb: KnowledgeBase, index: SearchIndex, tmp_path: Path) -> Iterator[Core]:
    storage = Storage(tmp_path / "core.db")
    assistant = Assistant(kb, index, storage, lambda: TODAY, None, StaffGroup(STAFF_CHAT_ID))
    seed_ann(assistant)
    yield Core(assistant)
    storage.close()


COMMANDS = ["start", "help", "check", "cancel", "human", "forget", "lang", "remind", "unknown", "media"]
action = st.one_of(
    st.tuples(st.just("text"), hostile_text),
    st.tuples(st.just("tap"), callback_data),
    st.tuples(
        st.sampled_from(COMMANDS), st.one_of(st.sampled_from(["", "off", "en", "zh"]), st.text(max_size=30))
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    actions=st.lists(action, min_size=1, max_size=8),
    first_name=st.one_of(st.none(), st.sampled_from(SHORT_HOSTILE), st.text(max_size=64)),
    language_code=st.sampled_from([None, "zh", "zh-hant", "en", "ar", "he", "x-klingon"]),
)
def test_any_sequence_of_hostile_actions_gets_polite_replies_and_leaves_others_alone(
    core: Core, actions: list[tuple[str, str]], first_name: str | None, language_code: str | None
) -> None:
    a = core.assistant
    ben = Sender(telegram(next(core.ids)), first_name, "<ben>", language_code)
    for n, (kind, value) in enumerate(actions, 1):
        where = f"{kind} {value[:60]!r}"
        if kind == "text":
            relayed = a.relay(ben, value, (ben.address, n))
            if relayed is not None:
                check_outgoing(relayed, where=where, relay=True)
                continue
            replies = a.text(ben, value)
        elif kind == "tap":
            if value == "human":
                check_outgoing(a.human(ben), where=where)
                continue
            replies = a.button(ben, value)
        elif kind == "cancel":
            left = a.leave_case(ben)
            if left is not None:
                check_outgoing(left, where=where)
                continue
            replies = a.cancel(ben)
        elif kind == "human":
            check_outgoing(a.human(ben), where=where)
            continue
        elif kind == "lang":
            replies = a.language(ben, value)
        elif kind == "remind":
            replies = a.remind(ben, value)
        else:
            replies = {
                "start": a.start,
                "help": a.help,
                "check": a.check,
                "forget": a.forget,
                "unknown": a.unknown_command,
                "media": a.unsupported,
            }[kind](ben)
        assert replies, f"{where}: no reply"
        for reply in replies:
            check_reply(reply, where=where)
    core.ann_unchanged()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=callback_data, lang=st.sampled_from(["zh", "en"]))
def test_forged_or_stale_button_data_gets_a_polite_reply(core: Core, data: str, lang: str) -> None:
    a = core.assistant
    ben = core.new_user(lang)
    a.text(ben, "入库申报截止日期")
    replies = a.button(ben, data)
    assert replies
    for reply in replies:
        check_reply(reply, where=repr(data))
    core.ann_unchanged()


def test_forged_taps_that_name_someone_else_touch_only_the_sender(core: Core) -> None:
    a = core.assistant
    ann_case = a.storage.open_case_of(ANN.user_id)
    assert ann_case is not None
    ben = core.new_user()
    a.text(ben, "验收申请截止日期")
    # a rating for Ann's case, or for one that does not exist, from someone else
    for case_id, stars in [(ann_case["id"], 5), (999, 5), (ann_case["id"], 99), (-1, 1)]:
        out = a.handoff.rate(ben.address, case_id, stars)
        assert [o.to for o in out] == [ben.address]
        assert "失效" in out[0].reply.text
    # the lead form without a check of one's own
    (reply,) = a.button(ben, "lead:start")
    assert "请先完成资格自测" in reply.text
    assert a.storage.leads()[0]["user_id"] == ANN.user_id and len(a.storage.leads()) == 1
    # "forget:yes" without /forget: Ben's data goes, Ann's stays
    (reply,) = a.button(ben, "forget:yes")
    assert "已删除" in reply.text
    assert all(rows == [] for rows in rows_of(a.storage.conn, ben.user_id).values())
    core.ann_unchanged()


# --- hostile text at every step of the check and of the lead form ----------------------------------------

FLOWS = {CHECK: load_flow(CHECK, FLOWS, NOTICE), LEAD: load_flow(LEAD, FLOWS, NOTICE)}
# the builder path, through the "not sure which direction" helper: every question of both flows
WALK: list[tuple[str, str, tuple[str, str]]] = [
    (CHECK, "company", ("text", "韶关某某科技有限公司")),
    (CHECK, "county", ("tap", "f:a:zhenjiang")),
    (CHECK, "direction", ("tap", "f:a:unsure")),
    (CHECK, "direction_helper", ("tap", "f:a:own_cloud")),
    (CHECK, "applicant", ("tap", "f:a:builder")),
    (CHECK, "fiscal_violation", ("tap", "f:a:no")),
    (CHECK, "major_accident", ("tap", "f:a:no")),
    (CHECK, "dishonest_debtor", ("tap", "f:a:no")),
    (CHECK, "completion_date", ("text", "2022-05-20")),
    (CHECK, "project_count", ("text", "1")),
    (CHECK, "investment", ("text", "2000万")),
    (CHECK, "provincial_funds", ("text", "500万")),
    (CHECK, "other_support", ("text", "0")),
    (CHECK, "has_contract", ("tap", "f:a:yes")),
    (CHECK, "user_consent", ("tap", "f:a:yes")),
    (LEAD, "consent", ("tap", "f:a:agree")),
    (LEAD, "name", ("text", "张三")),
    (LEAD, "phone", ("text", "13812345678")),
]


def stored(a: Assistant, user_id: int, flow: str) -> tuple[dict[str, Any], str | None, str | None, Any]:
    """The flow's answers and current step, the active flow, and every stored session, as stored."""
    state = a.storage.load_session(user_id, flow)
    session = Session.from_dict(state) if state else Session(flow)
    everything = {name: a.storage.load_session(user_id, name) for name in FLOWS}
    return dict(session.answers), session.current, a.storage.active_flow(user_id), everything


def answer_hostile(a: Assistant, user: Sender, flow: str, step_id: str, text: str) -> bool:
    """Send `text` at the current step; True when it was accepted as the answer, else it must have been
    refused: the same question again with a warning, and nothing stored changed."""
    step = FLOWS[flow].step(step_id)
    before = stored(a, user.user_id, flow)
    assert before[1] == step_id and before[2] == flow
    (reply,) = a.text(user, text)
    check_reply(reply, where=f"{step_id} {text[:40]!r}")
    after = stored(a, user.user_id, flow)
    if reply.text.startswith("⚠️"):
        assert f"<b>{escape(step.prompt.zh)}</b>" in reply.text, step_id
        assert after == before, f"{step_id}: a refused answer changed the stored session"
        return False
    # accepted: this step's answer is new, nothing answered before changed (the direction helper
    # sets the direction: that is its job)
    answers, old = after[0], before[0]
    assert step_id in answers and step_id not in old
    assert {k: v for k, v in answers.items() if k in old and k != "direction"} == {
        k: v for k, v in old.items() if k != "direction"
    }
    assert set(answers) - set(old) <= {step_id, "direction"}
    return True


def walk_to(a: Assistant, user: Sender, stop: int) -> None:
    a.check(user)
    for flow, step_id, event in WALK[:stop]:
        assert stored(a, user.user_id, flow)[1] == step_id
        drive(a, user, [event])
        if step_id == "user_consent":
            a.button(user, "lead:start")


@pytest.mark.parametrize("text", HOSTILE, ids=list(HOSTILE_BY_NAME))
def test_hostile_text_at_every_step_is_asked_again_and_loses_nothing(core: Core, text: str) -> None:
    a = core.assistant
    ben = core.new_user()
    a.check(ben)
    accepted: dict[str, str] = {}
    for flow, step_id, event in WALK:
        step = FLOWS[flow].step(step_id)
        if answer_hostile(a, ben, flow, step_id, text):
            # only free-text questions take any text, cleaned of invisible characters
            assert step.type == "text", f"{step_id} accepted {text[:40]!r}"
            accepted[step_id] = parsers.parse_text(text[:MAX_TEXT_CHARS], max_len=step.max_length or 100)
            assert stored(a, ben.user_id, flow)[0][step_id] == accepted[step_id]
        else:
            drive(a, ben, [event])
        if step_id == "user_consent":
            (result,) = a.button(ben, "lead:start")
            check_reply(result, where="lead:start")
    check_session = a.checks.load(ben.user_id, CHECK)
    assert check_session is not None and check_session.finished
    assessment = a.checks.assess(check_session)
    assert assessment.outcome.value == "eligible" and assessment.estimate is not None
    assert assessment.estimate.amount == 500_000
    lead = a.storage.leads()[-1]
    assert lead["user_id"] == ben.user_id and lead["phone"] == "13812345678"
    assert lead["company"] == accepted.get("company", "韶关某某科技有限公司")
    assert lead["contact_name"] == accepted.get("name", "张三")
    # what the user typed comes back escaped wherever it is shown
    (summary,) = a.button(ben, "f:edit")
    check_reply(summary, where="summary")
    header = a.handoff._staff_header(1, ben, "zh")
    check_reply(header, where="staff header")
    core.ann_unchanged()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.integers(0, len(WALK) - 1), text=hostile_text)
def test_random_text_at_a_random_step_is_refused_or_taken_as_that_steps_answer(
    core: Core, where: int, text: str
) -> None:
    a = core.assistant
    ben = core.new_user()
    walk_to(a, ben, where)
    flow, step_id, _ = WALK[where]
    answer_hostile(a, ben, flow, step_id, text)
    core.ann_unchanged()


# --- end to end: the handlers, PTB and the fake Bot API server ---------------------------------------------


def is_help(action: BotAction) -> bool:
    text = action.text or ""
    return "/lang" in text and "/forget" in text


async def after(user: FakeUser) -> list[BotAction]:
    """Everything the bot did in the user's chat before answering a /help sent now (updates are
    handled in order, so the /help reply closes the previous action's replies)."""
    await user.send("/help")
    out = []
    while not is_help(action := await user.next_reply()):
        out.append(action)
    return out


async def seed_ann_e2e(server: FakeBotApi) -> FakeUser:
    """Ann: a question, a finished check, a lead, and an open case with the staff."""
    ann = server.user(701, first_name="Ann", language_code="zh")
    await say(ann, "入库申报截止日期")
    await play(ann)
    await say(ann, "/human")
    await server.chat(STAFF_CHAT_ID).next_reply()
    return ann


def db_rows(bot: RunningBot, user_id: int) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(bot.settings.db_path)
    try:
        return rows_of(conn, telegram(user_id).key)
    finally:
        conn.close()


def assert_no_refusals(server: FakeBotApi) -> None:
    """Telegram refused nothing the bot sent: no broken HTML, no over-long text, no bad markup. (An
    edit of a message that is gone is refused too, and the bot then sends a new message instead.)"""
    refused = [
        e
        for e in server.errors
        if e.error_code == 400
        and not (e.method == "editMessageText" and "to edit not found" in e.description)
    ]
    assert not refused, refused


def no_apology(actions: list[BotAction], where: str) -> None:
    for action in actions:
        assert not any(e in (action.text or "") for e in GENERIC_ERRORS), f"{where}: {action}"


async def test_hostile_messages_get_polite_replies_end_to_end(server: FakeBotApi, running_bot: RunningBot):
    ann = await seed_ann_e2e(server)
    ann_rows = db_rows(running_bot, ann.id)
    ben = server.user(702, first_name="<b>x</b> & <script>", language_code="zh")
    greeting = await say(ben, "/start")
    assert "<b>x</b> & <script>" in greeting.text and "&lt;script&gt;" in greeting.raw_text

    for text in HOSTILE:
        await ben.send(text)
        replies = await after(ben)
        assert replies, f"no reply to {text[:20]!r}"
        no_apology(replies, repr(text[:20]))
    # an edited message, an unknown command, media
    sent = await ben.send("入库申报截止日期")
    await ben.next_reply()
    await ben.edit(sent["message_id"], "<script>alert(1)</script>")
    no_apology(await after(ben), "edit")
    for command in (
        "/foo",
        "/start@other_bot",
        "/DROP_TABLE",
        "/lang klingon",
        "/remind x'; --",
        "/check@test_bot",
    ):
        await ben.send(command)
        replies = await after(ben)
        assert replies, command
        no_apology(replies, command)
    for send_media in (ben.send_sticker, lambda: ben.send_location(24.8, 113.6), ben.send_voice):
        await send_media()
        replies = await after(ben)
        assert replies and "只能看懂文字" in replies[-1].text
    await say(ben, "/cancel")  # leave the check that /check@test_bot started
    # in a group, addressed to the bot
    await ben.send_in(-500, "@test_bot <b>入库申报</b> & 截止日期？", chat_type="group")
    assert "7月8日" in (await server.chat(-500).next_reply()).text

    assert_no_refusals(server)
    assert db_rows(running_bot, ann.id) == ann_rows


async def test_user_text_reaches_the_staff_escaped(server: FakeBotApi, running_bot: RunningBot):
    staff = server.chat(STAFF_CHAT_ID)
    ben = server.user(703, first_name="<i>Ben", username="ben_x", language_code="zh")
    await say(ben, "<b>x</b> & <script>是否需要盖章</script>")  # a question: shown in the case header
    await say(ben, "/check")
    await say(ben, "'; DROP TABLE users; -- <b>公司</b>")  # the company name
    await say(ben, "/human")
    header = await staff.next_reply()
    assert "<i>Ben" in header.text and "<script>是否需要盖章</script>" in header.text
    assert "DROP TABLE users; -- <b>公司</b>" in header.text
    for text in SHORT_HOSTILE:
        await ben.send(text)
        relayed = await staff.next_reply()
        assert relayed.reply_to_message_id == header.message_id
    await ben.send("<b>x</b> & <script>")
    relayed = await staff.next_reply()
    assert (
        "<b>x</b> & <script>" in relayed.text
        and "&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;" in relayed.raw_text
    )
    officer = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await officer.send_in(STAFF_CHAT_ID, "<u>不需要</u> & 谢谢", reply_to_message_id=relayed.message_id)
    answer = await ben.next_reply()
    assert "<u>不需要</u> & 谢谢" in answer.text
    no_apology(ben.chat.actions + staff.actions, "relay")
    assert_no_refusals(server)
    db = sqlite3.connect(running_bot.settings.db_path)
    try:
        assert db.execute("select count(*) from users where user_id = 'tg:703'").fetchone()[0] == 1
    finally:
        db.close()


async def test_forged_callback_data_end_to_end(server: FakeBotApi, running_bot: RunningBot):
    ann = await seed_ann_e2e(server)
    ann_rows = db_rows(running_bot, ann.id)
    storage = running_bot.application.bot_data["assistant"].storage
    ann_case = storage.open_case_of(telegram(ann.id).key)["id"]
    ben = server.user(704, first_name="Ben", language_code="zh")
    menu = await say(ben, "/start")
    staff = server.chat(STAFF_CHAT_ID)

    async def forged(data: str, message_id: int | None = None) -> list[BotAction]:
        query = await ben.tap_data(menu.message_id if message_id is None else message_id, data)
        replies = await after(ben)
        assert server.callback_answer(query) is not None, f"{data!r}: the tap was not answered"
        no_apology(replies, repr(data))
        return replies

    # staff buttons outside the staff group do nothing at all
    for data in (f"case:close:{ann_case}", f"case:claim:{ann_case}", "case:close:1", "case:x:y"):
        assert await forged(data) == [], data
    assert storage.open_case_of(telegram(ann.id).key)["status"] == "open"
    assert staff.pending() == []
    # ratings of a case that does not exist, or is someone else's
    for data in ("rate:999:5", f"rate:{ann_case}:5", "rate:1:0", "rate:x:y", "rate:"):
        replies = await forged(data)
        assert not replies or "失效" in replies[-1].text, data
    # flow buttons without a flow, the lead form without a check, a stale message id
    assert "第1步" in (await forged("f:e:nonexistent"))[-1].text
    await say(ben, "/cancel")
    assert "请先完成资格自测" in (await forged("lead:start"))[-1].text
    await forged("menu:dirs", message_id=999_999)
    await forged("x" * 64)
    await forged("🙂" * 16)
    # "forget:yes" without /forget: only Ben's data goes
    await say(ben, "入库申报截止日期")
    assert "已删除" in (await forged("forget:yes"))[-1].text
    left = db_rows(running_bot, ben.id)
    assert left.pop("users") != []  # /help, sent after the tap, greeted Ben as a new user
    assert all(rows == [] for rows in left.values()), left

    assert_no_refusals(server)
    assert db_rows(running_bot, ann.id) == ann_rows
    assert not server.unanswered_callback_queries


def _known_bug(data: str) -> bool:
    """Shapes pinned down by the strict xfails below: digits int() or SQLite cannot take."""
    kind, _, rest = data.partition(":")
    if kind != "rate":
        return False
    number, _, stars = rest.partition(":")
    if not (number.isdigit() and stars.isdigit()):
        return False
    try:
        return int(number) >= 2**63 or int(stars) >= 2**63
    except ValueError:
        return True


def test_random_callback_data_end_to_end(tmp_path: Path) -> None:
    """Hypothesis taps through the whole stack; the server and bot live in this test's own loop."""
    loop = asyncio.new_event_loop()
    server = FakeBotApi()
    bot: RunningBot | None = None
    try:
        loop.run_until_complete(server.start())
        bot = RunningBot(make_settings(server, tmp_path / "bot.db"))
        server.chat(STAFF_CHAT_ID, chat_type="supergroup", title="Bureau staff")
        loop.run_until_complete(bot.start())
        ben = server.user(705, first_name="Ben", language_code="zh")
        menu = loop.run_until_complete(say(ben, "/start"))

        async def one(data: str, stale: bool) -> None:
            query = await ben.tap_data(999_999 if stale else menu.message_id, data)
            replies = await after(ben)
            assert server.callback_answer(query) is not None
            no_apology(replies, repr(data))

        @settings(max_examples=100, deadline=None, database=None)
        @given(data=callback_data.filter(lambda d: not _known_bug(d)), stale=st.booleans())
        def tap_anything(data: str, stale: bool) -> None:
            loop.run_until_complete(one(data, stale))

        tap_anything()
        assert_no_refusals(server)
    finally:
        if bot is not None:
            loop.run_until_complete(bot.stop())
        loop.run_until_complete(server.stop())
        loop.close()


# --- bugs found: strict xfails that pass once they are fixed ---------------------------------------------


@pytest.mark.parametrize("data", ["rate:²:5", "rate:1:²", "rate:99999999999999999999:5"])
async def test_forged_rating_with_odd_digits_is_refused_politely(
    server: FakeBotApi, running_bot: RunningBot, data: str
):
    ben = server.user(706, first_name="Ben", language_code="zh")
    menu = await say(ben, "/start")
    await ben.tap_data(menu.message_id, data)
    replies = await after(ben)
    no_apology(replies, data)


async def test_forged_case_number_in_the_staff_group_is_ignored(server: FakeBotApi, running_bot: RunningBot):
    staff = server.chat(STAFF_CHAT_ID)
    officer = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await officer.send_in(STAFF_CHAT_ID, "/cases")
    listing = await staff.next_reply()
    await officer.tap_data(listing.message_id, "case:claim:99999999999999999999", chat_id=STAFF_CHAT_ID)
    await officer.send_in(STAFF_CHAT_ID, "/cases")
    no_apology([await staff.next_reply()], "case:claim")


@pytest.mark.parametrize("length", [4096, 10_000])
async def test_a_long_message_during_a_case_reaches_the_staff(
    server: FakeBotApi, running_bot: RunningBot, length: int
):
    staff = server.chat(STAFF_CHAT_ID)
    ben = server.user(707, first_name="Ben", language_code="zh")
    await say(ben, "/human")
    await staff.next_reply()
    await ben.send("问" * length)
    replies = await after(ben)
    no_apology(replies, "long relay")
    relayed = staff.pending()
    assert relayed and all("问问问" in (r.text or "") for r in relayed)


async def test_a_long_staff_reply_reaches_the_user(server: FakeBotApi, running_bot: RunningBot):
    staff = server.chat(STAFF_CHAT_ID)
    ben = server.user(708, first_name="Ben", language_code="zh")
    await say(ben, "/human")
    header = await staff.next_reply()
    officer = server.user(ADMIN_ID, first_name="严鹏", language_code="zh")
    await officer.send_in(STAFF_CHAT_ID, "答" * 4090, reply_to_message_id=header.message_id)
    await officer.send_in(STAFF_CHAT_ID, "好的", reply_to_message_id=header.message_id)
    replies = await ben.replies_until_idle(idle=0.5, min_count=3)
    assert "".join(r.text for r in replies).count("答") == 4090  # split over messages, nothing lost
    assert "好的" in replies[-1].text
