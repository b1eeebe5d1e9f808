"""Load benchmark: the real bot process against a fake Bot API server, N simulated users at once.

Usage (from the repository root; about 45 s with the defaults on this 2-core machine)::

    .venv/bin/python bench/load.py [--users 500] [--mode saturation|realistic|both]
                                   [--seed-conversations 10000] [--realistic-seconds 12]
                                   [--profile DIR]   # both bots under cProfile, for diagnosis

Method
------
- This process runs ``tests.fake_bot_api.FakeBotApi`` on 127.0.0.1 in its own asyncio loop, with a
  staff group registered, and seeds a temporary SQLite database through ``bot.storage.Storage``
  with ``--seed-conversations`` stored conversations: users, their questions, a ``sessions`` row
  whose check state is written by the real flow engine (every stage of the check, some finished),
  check events, leads for the finished ones and closed cases.
- The real bot runs as a separate process, ``python -m bot run``, configured only through its
  documented environment (BOT_TOKEN, BOT_API_BASE_URL, BOT_DB_PATH, BOT_STAFF_CHAT_ID…); the
  benchmark waits for its first ``getUpdates``.
- N simulated users (``FakeUser``) each play a script: mostly a full eligibility check (13 updates,
  typed and tapped answers, a company name, county and amounts of their own); some ask questions
  with known answers; some return to a check stored in the seeded database and finish it; a few
  hand off to a person (/human, a message relayed into the staff group as a reply to their own
  case header, /cancel). Every reply is verified: the expected content (the final result names
  that user's company and county and the estimate computed from that user's own numbers: 10 % of
  the provincial funds, at most 100万 for direction 1, at most the investment left over), and no
  other user's data (company, name and message markers carry the user id). A reply that does not
  come within ``--timeout`` seconds is lost; a wrong one, or one nobody waited for, is a mismatch.
- Latency is measured inside the fake server, so Telegram is excluded: from the moment the user's
  update is enqueued for ``getUpdates`` to the moment the server records the bot's (last) reply to
  it (``sendMessage``/``editMessageText``/``copyMessage`` arriving, stamped in ``FakeChat._record``).
- Two modes (../shared/DESIGN.md, "How load is measured"): **saturation**, every user acts as soon
  as its reply arrives, which measures throughput (updates handled per second); **realistic**, every
  user pauses 1.5–4.5 s before each action, for ``--realistic-seconds``, which measures the reply
  latency people would see (p95 is the key figure). With updates handled in order, latency at
  saturation is mostly queueing behind the other users' updates.
- The ceiling: a bare python-telegram-bot echo bot (``bench/echo_bot.py``) against the same fake
  server, driven the same way (N users, the same number of messages each, saturation) in the same
  run; the ratio of the two throughputs is printed.
- Peak memory: VmHWM (and VmRSS) of the bot process from ``/proc/<pid>/status`` after the load.
- CPU: the bot's, this process's and every other process's CPU time per phase, so neither a
  saturated harness nor a busy neighbour passes for a slow bot (on 2 cores: one for the bot, one
  for the fake server and the users), and the Bot API calls the bot made per update.
Child processes are always stopped and the temporary database removed.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.questions import QUESTIONS  # noqa: E402
from bot.people import telegram  # noqa: E402
from bot.storage import Storage  # noqa: E402
from bot.texts import texts_for  # noqa: E402
from conversations.engine import FlowEngine, Session, Tap, Text  # noqa: E402
from conversations.flow import load_flow  # noqa: E402
from conversations.reply import Reply  # noqa: E402
from knowledge.loader import load_knowledge  # noqa: E402
from knowledge.pack import flows_dir, shipped_pack  # noqa: E402
from tests.fake_bot_api import BotAction, FakeBotApi, FakeChat, FakeUser  # noqa: E402

TOKEN = "424242:LOAD-BENCH"
STAFF_CHAT_ID = -100777
ADMIN_ID = 9001
TODAY = dt.date(2022, 7, 1)
PAUSE_SECONDS = (1.5, 4.5)  # a realistic user's pause before each action
START_TIMEOUT = 60.0

# user id ranges, disjoint so that every phase has fresh chats
SATURATION_IDS, REALISTIC_IDS, ECHO_IDS, SEEDED_IDS = 100_000, 200_000, 300_000, 1_000_000

# targets from the issue
TARGET_P95_MS, TARGET_RATIO, TARGET_PEAK_MB = 50.0, 0.5, 200.0

# markers that carry a user id: finding another user's id in a reply is a mix-up
MARKER = re.compile(r"(?:测试|用户|编号)(\d+)")
STAFF_HEADER_ID = re.compile(r"ID：(\d+)")

# the county step's buttons (every county of the jurisdiction)
COUNTIES: tuple[str, ...] = (
    "韶关高新区",
    "浈江区",
    "武江区",
    "曲江区",
    "乐昌市",
    "南雄市",
    "仁化县",
    "始兴县",
    "翁源县",
    "新丰县",
    "乳源瑶族自治县",
)
CHECK_STEPS = 13  # questions of the check on the path the scripts take

Mode = Literal["saturation", "realistic"]


# ---------------------------------------------------------------------------------------------
# What users do and what they must get back
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """One reply the bot owes: in the user's chat or the staff group, containing every needle."""

    where: Literal["user", "staff"]
    needles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    """One update a user sends (a text or a tap on a button label) and the replies it must get."""

    kind: Literal["send", "tap"]
    value: str
    expects: tuple[Expect, ...]


@dataclass(frozen=True)
class Script:
    kind: str
    user_id: int
    actions: tuple[Action, ...]

    @property
    def first_name(self) -> str:
        return f"用户{self.user_id}"


def wan(amount: Decimal) -> str:
    """An amount in 万 yuan as the bot writes it: 50 → "50万元", 13.7 → "13.7万元"."""
    return f"{amount.normalize():f}万元"


@dataclass(frozen=True)
class Profile:
    """A user's own project: every figure depends on the user id, so answers can be told apart."""

    user_id: int

    @property
    def company(self) -> str:
        return f"测试{self.user_id}号科技有限公司"

    @property
    def county(self) -> str:
        return COUNTIES[self.user_id % len(COUNTIES)]

    @property
    def funds(self) -> int:
        """Provincial special funds, in 万 (10…1199: some estimates hit the 100万 cap)."""
        return 10 + (self.user_id * 7919) % 1190

    @property
    def investment(self) -> int:
        """Investment in 万; for one user in five the room under it is what limits the estimate."""
        room = 5 + self.user_id % 40 if self.user_id % 5 == 0 else 2000
        return self.funds + room

    @property
    def share(self) -> Decimal:
        return Decimal(self.funds) / 10

    @property
    def estimate(self) -> Decimal:
        """Direction 1: 10 % of the provincial funds, at most 100万, at most investment − funds − 0."""
        return min(self.share, Decimal(100), Decimal(self.investment - self.funds))


def user_says(*needles: str) -> tuple[Expect, ...]:
    return (Expect("user", needles),)


def check_answers(profile: Profile) -> list[Action]:
    """The 13 answers of a check, each expecting the next question (the last one, the result)."""
    county_label = profile.county
    yes_no_typed = profile.user_id % 2 == 1  # half the users type 没有/不是, half tap 否
    answers: list[tuple[Literal["send", "tap"], str]] = [
        ("send", profile.company),
        ("tap", county_label),
        ("tap", "1 上云上平台"),
        ("tap", "工业企业（含制造业企业）"),
        ("tap", "项目单位自己申报"),
        ("tap", "否"),
        ("send", "没有") if yes_no_typed else ("tap", "否"),
        ("send", "不是") if yes_no_typed else ("tap", "否"),
        ("send", "2022年5月20日"),
        ("send", "1个"),
        ("send", f"{profile.investment}万"),
        ("send", f"{profile.funds}万元"),
        ("send", "0"),
    ]
    result = user_says(
        "符合申报条件",
        profile.company,
        f"您的回答：{county_label}",
        f"{wan(Decimal(profile.funds))} × 10% = {wan(profile.share)}",
        f"估算奖补上限：{wan(profile.estimate)}",
    )
    actions = []
    for number, (kind, value) in enumerate(answers, start=2):
        expects = result if number > CHECK_STEPS else user_says(f"第{number}步，")
        actions.append(Action(kind, value, expects))
    return actions


def check_script(user_id: int) -> Script:
    start = Action("send", "/check", user_says("第1步，", "名称"))
    return Script("check", user_id, (start, *check_answers(Profile(user_id))))


def resume_script(user_id: int, answered: int) -> Script:
    """A seeded user with `answered` answers stored comes back: /check, continue, the rest."""
    offer = Action("send", "/check", user_says(f"未完成的自测（已答{answered}题）"))
    resume = Action("tap", "继续", user_says("欢迎回来", f"第{answered + 1}步"))
    rest = check_answers(Profile(user_id))[answered:]
    return Script("resume", user_id, (offer, resume, *rest))


def question_script(user_id: int, count: int = 6) -> Script:
    asked = [QUESTIONS[(user_id + k) % len(QUESTIONS)] for k in range(count)]
    return Script("questions", user_id, tuple(Action("send", q, user_says(a)) for q, a in asked))


def handoff_script(user_id: int) -> Script:
    """A question, /human (header in the staff group), a relayed message, /cancel, a question again."""
    first, after = QUESTIONS[0], QUESTIONS[1]
    header = Expect("staff", (f"ID：{user_id}", f"用户{user_id}", first[0]))
    words = f"编号{user_id}的项目验收报告怎么写？"
    actions = (
        Action("send", first[0], user_says(first[1])),
        Action("send", "/human", (header, Expect("user", ("工单 #", "8884332")))),
        Action("send", words, (Expect("staff", (words,)),)),
        Action("send", "/cancel", (Expect("staff", ("用户已结束工单",)), *user_says("已结束人工咨询"))),
        Action("send", after[0], user_says(after[1])),
    )
    return Script("handoff", user_id, actions)


def echo_script(user_id: int, count: int) -> Script:
    texts = [f"第{k}条 编号{user_id}" for k in range(count)]
    return Script("echo", user_id, tuple(Action("send", t, user_says(f"echo: {t}")) for t in texts))


@dataclass
class Resumable:
    """Seeded users with an unfinished check, handed out to the phases that need returning users."""

    sessions: dict[int, int]  # user id -> answers stored
    _order: Iterator[int] = field(init=False)

    def __post_init__(self) -> None:
        self._order = iter(sorted(self.sessions))

    def take(self) -> tuple[int, int] | None:
        user_id = next(self._order, None)
        return None if user_id is None else (user_id, self.sessions[user_id])


def build_scripts(mode: Mode, users: int, resumable: Resumable) -> list[Script]:
    """The mix: mostly fresh checks; questions; returning users; a few handoffs (more of the
    returning users in realistic mode, where a fresh check would not get far in the time)."""
    base = SATURATION_IDS if mode == "saturation" else REALISTIC_IDS
    scripts = []
    for i in range(users):
        user_id = base + i
        slot = i % 20
        resuming = slot == 3 if mode == "saturation" else slot in (3, 4, 5, 6, 7, 8)
        seeded = resumable.take() if resuming else None
        if slot == 0:
            scripts.append(handoff_script(user_id))
        elif slot in (1, 2):
            scripts.append(question_script(user_id))
        elif seeded is not None:
            scripts.append(resume_script(*seeded))
        else:
            scripts.append(check_script(user_id))
    return scripts


# ---------------------------------------------------------------------------------------------
# The seeded database: stored conversations written the way the bot writes them
# ---------------------------------------------------------------------------------------------


def _engine() -> FlowEngine:
    def finish(session: Session, tx: Any) -> Reply:
        return Reply("")

    return FlowEngine(
        load_flow("eligibility", flows_dir(shipped_pack()), load_knowledge(shipped_pack()).notice),
        finish,
        lambda: TODAY,
    )


def check_state(engine: FlowEngine, user_id: int, answered: int) -> dict[str, Any]:
    """The stored session of a check with its first `answered` answers, from the real engine."""
    tx = texts_for("zh")
    session, reply = engine.start(tx, user_id)
    for action in check_answers(Profile(user_id))[:answered]:
        if action.kind == "send":
            reply = engine.step(session, Text(action.value), tx)
        else:  # the data of the button with that label, as the engine made it
            data = next(b.data for row in reply.buttons for b in row if b.label == action.value)
            reply = engine.step(session, Tap(data), tx)
    return session.to_dict()


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def seed_rows(count: int, driven: set[int], rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    """Rows of `count` stored conversations; `driven` users get states computed for their own
    answers (they will finish their check), the others copies of a state per stage."""
    engine = _engine()
    templates = {n: check_state(engine, 0, n) for n in range(1, CHECK_STEPS + 1)}
    rows: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("users", "questions", "sessions", "events", "leads", "cases")
    }
    start = dt.datetime(2022, 6, 10, tzinfo=dt.UTC)
    for i in range(count):
        user_id = SEEDED_IDS + i
        profile = Profile(user_id)
        answered = answered_of(i)
        if user_id in driven:
            state = check_state(engine, user_id, answered)
        else:
            template = templates[answered]
            state = {
                **template,
                "owner": user_id,
                "answers": {**template["answers"], "company": profile.company},
                "raw": {**template["raw"], "company": profile.company},
            }
        when = _iso(start + dt.timedelta(minutes=rng.randrange(20 * 24 * 60)))
        finished = bool(state["finished"])
        rows["users"].append(
            {
                "user_id": user_id,
                "lang": "zh",
                "first_name": f"用户{user_id}",
                "username": None,
                "active_flow": None if finished else "eligibility",
                "created_at": when,
                "updated_at": when,
            }
        )
        for question, _ in rng.sample(QUESTIONS, 2):
            rows["questions"].append(
                {"user_id": user_id, "text": question, "kind": "answer", "score": 0.9, "lang": "zh"}
                | {"asked_at": when}
            )
        rows["sessions"].append(
            {
                "user_id": user_id,
                "flow": "eligibility",
                "state": json.dumps(state, ensure_ascii=False),
                "updated_at": when,
            }
        )
        rows["events"].append({"user_id": user_id, "kind": "check_started", "detail": "", "at": when})
        if finished:
            rows["events"].append(
                {"user_id": user_id, "kind": "check_completed", "detail": "eligible:500000", "at": when}
            )
            rows["leads"].append(
                {
                    "user_id": user_id,
                    "company": profile.company,
                    "contact_name": f"联系人{i}",
                    "phone": f"138{i:08d}",
                    "consent_at": when,
                    "direction": "d1",
                    "verdict": "eligible",
                    "estimate_yuan": "500000.00",
                    "facts": json.dumps(state["answers"], ensure_ascii=False),
                    "created_at": when,
                }
            )
        if i % 10 == 0:
            rows["cases"].append(
                {"user_id": user_id, "status": "closed", "lang": "zh", "opened_at": when, "closed_at": when}
            )
    return rows


def answered_of(index: int) -> int:
    """How far seeded conversation `index` got: every stage of the check, one in twelve finished."""
    return 1 + (index * 5) % CHECK_STEPS


def seed_database(path: Path, count: int, rng: random.Random) -> Resumable:
    """Create the bot's schema with its own Storage, then bulk-insert the stored conversations."""
    unfinished = {SEEDED_IDS + i: answered_of(i) for i in range(count) if answered_of(i) < CHECK_STEPS}
    driven = set(sorted(unfinished)[:2000])  # more than any run hands out
    rows = seed_rows(count, driven, rng)
    for records in rows.values():  # storage knows users by their address (tg:…)
        for record in records:
            record["user_id"] = telegram(record["user_id"]).key
    for record in rows["sessions"]:
        state = json.loads(record["state"])
        record["state"] = json.dumps({**state, "owner": record["user_id"]}, ensure_ascii=False)
    storage = Storage(path)
    try:
        storage.conn.execute("BEGIN")
        for table, records in rows.items():
            if records:
                storage.db.table(table).insert_all(records, batch_size=500)
        storage.conn.execute("COMMIT")
    finally:
        storage.close()
    return Resumable({user_id: unfinished[user_id] for user_id in sorted(driven)})


# ---------------------------------------------------------------------------------------------
# Measuring inside the fake server
# ---------------------------------------------------------------------------------------------


class ReplyClock:
    """The moment the fake server records each bot action (before any user coroutine sees it)."""

    def __init__(self) -> None:
        self._arrivals: dict[int, float] = {}

    def watch(self, chat: FakeChat) -> None:
        record = chat._record

        def stamped(action: BotAction) -> None:
            self._arrivals[id(action)] = time.perf_counter()
            record(action)

        chat._record = stamped  # type: ignore[method-assign]

    def arrival(self, action: BotAction) -> float:
        return self._arrivals.get(id(action), time.perf_counter())


class StaffRouter:
    """Reads the shared staff group and hands each message to the user whose case it belongs to:
    a case header by the user id it names, anything else by the header it replies to."""

    def __init__(self, chat: FakeChat) -> None:
        self.chat = chat
        self.queues: dict[int, asyncio.Queue[BotAction]] = {}
        self.headers: dict[int, int] = {}  # header message id -> user id
        self.unroutable: list[str] = []

    def queue(self, user_id: int) -> asyncio.Queue[BotAction]:
        return self.queues.setdefault(user_id, asyncio.Queue())

    async def run(self) -> None:
        while True:
            action = await self.chat.next_reply(timeout=3600)
            self.route(action)

    def route(self, action: BotAction) -> None:
        text = action.text or ""
        header = STAFF_HEADER_ID.search(text) if action.reply_to_message_id is None else None
        if header is not None and action.message_id is not None:
            user_id = int(header.group(1))
            self.headers[action.message_id] = user_id
        else:
            user_id = self.headers.get(action.reply_to_message_id or 0, 0)
        if user_id:
            self.queue(user_id).put_nowait(action)
        else:
            self.unroutable.append(f"staff group: a message belonging to no case: {text[:80]!r}")

    def leftovers(self) -> list[str]:
        out = []
        for user_id, queue in self.queues.items():
            while not queue.empty():
                extra = queue.get_nowait()
                out.append(f"user {user_id}: unexpected staff-group message {(extra.text or '')[:80]!r}")
        return out + self.unroutable


@dataclass
class PhaseResult:
    name: str
    users: int
    updates: int = 0
    elapsed: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    api_calls: Counter[str] = field(default_factory=Counter)
    bot_log: list[str] = field(default_factory=list)
    bot_cpu: float = 0.0
    harness_cpu: float = 0.0
    others_cpu: float = 0.0  # CPU time of every other process on the machine during the phase
    scripts: dict[str, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return self.updates / self.elapsed if self.elapsed else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]


@dataclass
class Phase:
    """Everything a simulated user needs while playing its script."""

    server: FakeBotApi
    clock: ReplyClock
    router: StaffRouter
    result: PhaseResult
    timeout: float
    rng: random.Random
    realistic_until: float | None = None  # realistic mode: no new action after this moment
    first_sent: float = float("inf")
    last_reply: float = 0.0


def verify(user_id: int, action: BotAction, expect: Expect) -> str | None:
    """What is wrong with a reply, or None."""
    text = action.text or ""
    missing = [n for n in expect.needles if n not in text]
    foreign = sorted({int(m) for m in MARKER.findall(text)} - {user_id})
    if not missing and not foreign:
        return None
    problem = f"missing {missing}" if missing else f"carries the data of user(s) {foreign}"
    return f"{problem} in {expect.where} reply {excerpt(text, missing)!r}"


def excerpt(text: str, missing: Sequence[str]) -> str:
    """The reply's lines that start like a missing needle (where the wrong figure would be), or its
    beginning."""
    near = [line for line in text.splitlines() if any(n[:4] in line for n in missing)]
    return " / ".join(near)[:300] if near else text[:200]


async def receive(user: FakeUser, expect: Expect, phase: Phase, deadline: float) -> BotAction | None:
    remaining = max(deadline - time.perf_counter(), 0.001)
    if expect.where == "user":
        try:
            return await user.next_reply(timeout=remaining)
        except AssertionError:
            return None
    try:
        return await asyncio.wait_for(phase.router.queue(user.id).get(), remaining)
    except TimeoutError:
        return None


async def perform(user: FakeUser, script: Script, step: int, phase: Phase) -> bool:
    """Send one update and check every reply it must get; False when the script cannot go on."""
    action = script.actions[step]
    where = f"user {user.id} ({script.kind}) step {step + 1} {action.kind} {action.value!r}"
    sent = time.perf_counter()
    phase.first_sent = min(phase.first_sent, sent)
    try:
        await (user.send(action.value) if action.kind == "send" else user.tap(action.value))
    except AssertionError as exc:  # the button is not there: an earlier reply was wrong
        phase.result.mismatches.append(f"{where}: cannot tap: {str(exc)[:200]}")
        return False
    deadline = sent + phase.timeout
    arrivals = []
    for expect in action.expects:
        reply = await receive(user, expect, phase, deadline)
        if reply is None:
            phase.result.lost.append(f"{where}: no {expect.where} reply within {phase.timeout:.0f} s")
            return False
        arrivals.append(phase.clock.arrival(reply))
        problem = verify(user.id, reply, expect)
        if problem is not None:
            phase.result.mismatches.append(f"{where}: {problem}")
            return False
    phase.result.updates += 1
    phase.result.latencies_ms.append((max(arrivals) - sent) * 1000)
    phase.last_reply = max(phase.last_reply, *arrivals)
    return True


async def play(script: Script, phase: Phase) -> None:
    user = phase.server.user(script.user_id, first_name=script.first_name, language_code="zh")
    phase.clock.watch(user.chat)
    for step in range(len(script.actions)):
        if phase.realistic_until is not None:
            pause = phase.rng.uniform(*PAUSE_SECONDS)
            if time.perf_counter() + pause >= phase.realistic_until:
                return  # the phase would be over before this action
            await asyncio.sleep(pause)
        if not await perform(user, script, step, phase):
            return


# ---------------------------------------------------------------------------------------------
# The bot processes
# ---------------------------------------------------------------------------------------------


class ChildBot:
    """A bot running as a separate process, its output in a log file; always stopped at the end."""

    def __init__(self, name: str, argv: Sequence[str], env: dict[str, str], log_path: Path) -> None:
        self.name = name
        self.argv = list(argv)
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self._log_offset = 0

    def start(self) -> None:
        with self.log_path.open("wb") as log:
            output: dict[str, Any] = {"stdout": log, "stderr": subprocess.STDOUT}
            self.proc = subprocess.Popen(
                self.argv, cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, **output
            )

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    async def wait_polling(self, server: FakeBotApi) -> float:
        """Seconds until the bot's first getUpdates; RuntimeError with its output if it dies first."""
        began = time.perf_counter()
        since = len(server.calls)
        while time.perf_counter() - began < START_TIMEOUT:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited at start-up:\n{self.log_path.read_text()[-3000:]}")
            try:
                await server.wait_for_call("getUpdates", timeout=0.5, since=since)
                return time.perf_counter() - began
            except AssertionError:
                continue
        raise RuntimeError(f"{self.name} did not poll within {START_TIMEOUT:.0f} s")

    def cpu_seconds(self) -> float:
        """User + system CPU time so far (0 once the process is gone)."""
        if not self.alive():
            return 0.0
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_mb(self) -> dict[str, float]:
        """VmHWM (peak resident set) and VmRSS, in MB (none once the process is gone)."""
        out: dict[str, float] = {}
        if not self.alive():
            return out
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0]) / 1024
        return out

    def new_log_lines(self) -> list[str]:
        """Log lines written since the last call (warnings and errors: the bot logs at WARNING)."""
        data = self.log_path.read_bytes()
        chunk, self._log_offset = data[self._log_offset :], len(data)
        return [line for line in chunk.decode("utf-8", "replace").splitlines() if line.strip()]

    async def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM (the bot shuts down cleanly while the fake server still answers), then SIGKILL."""
        if not self.alive():
            return
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        deadline = time.perf_counter() + timeout
        while self.proc.poll() is None and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        self.kill()

    def kill(self) -> None:
        if self.alive():
            assert self.proc is not None
            self.proc.kill()
            self.proc.wait()


def source_version() -> str:
    """The commit measured, "-dirty" when the working tree has changes (figures move with the code)."""
    try:
        git = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return git.stdout.strip() or "unknown"


def machine_cpu_seconds() -> float:
    """CPU time used on the whole machine so far (all cores, every process), from /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(
        int, Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def bot_env(server: FakeBotApi, db_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(
        BOT_TOKEN=server.token,
        BOT_API_BASE_URL=server.base_url,
        BOT_API_BASE_FILE_URL=server.base_file_url,
        BOT_DB_PATH=str(db_path),
        BOT_STAFF_CHAT_ID=str(STAFF_CHAT_ID),
        BOT_ADMIN_IDS=str(ADMIN_ID),
        BOT_TODAY=TODAY.isoformat(),
        BOT_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


# ---------------------------------------------------------------------------------------------
# Phases
# ---------------------------------------------------------------------------------------------


async def run_phase(
    name: str,
    scripts: Sequence[Script],
    bot: ChildBot,
    server: FakeBotApi,
    clock: ReplyClock,
    router: StaffRouter,
    *,
    timeout: float,
    seed: int,
    realistic_seconds: float | None = None,
) -> PhaseResult:
    """Play every script at once and measure; afterwards, anything left unread is a mismatch."""
    result = PhaseResult(name, len(scripts))
    for script in scripts:
        result.scripts[script.kind] = result.scripts.get(script.kind, 0) + 1
    errors_before, calls_before = len(server.errors), len(server.calls)
    bot.new_log_lines()
    cpu_bot, cpu_self, cpu_all = bot.cpu_seconds(), time.process_time(), machine_cpu_seconds()
    began = time.perf_counter()
    until = began + realistic_seconds if realistic_seconds is not None else None
    phase = Phase(server, clock, router, result, timeout, random.Random(seed), until)
    await asyncio.gather(*(play(script, phase) for script in scripts))
    result.elapsed = max(phase.last_reply - phase.first_sent, 1e-9)
    result.bot_cpu = bot.cpu_seconds() - cpu_bot
    result.harness_cpu = time.process_time() - cpu_self
    result.others_cpu = machine_cpu_seconds() - cpu_all - result.bot_cpu - result.harness_cpu
    await asyncio.sleep(0.5)  # late or extra replies show up now
    for script in scripts:
        for extra in server.user(script.user_id).pending():
            result.mismatches.append(f"user {script.user_id}: unexpected or late reply {str(extra)[:160]}")
    result.mismatches += router.leftovers()
    result.server_errors = [
        f"{e.method} -> {e.error_code} {e.description} (chat {e.params.get('chat_id')})"
        for e in server.errors[errors_before:]
    ]
    result.bot_log = bot.new_log_lines()
    if not bot.alive():
        assert bot.proc is not None
        result.bot_log.append(f"{bot.name} exited during the phase with code {bot.proc.returncode}")
    result.api_calls = Counter(call.method for call in server.calls[calls_before:])
    return result


def saturation_updates_per_user(result: PhaseResult | None, users: int) -> int:
    """The echo users send as many messages each as the saturation users averaged (13 without one)."""
    if result is None or not result.updates:
        return 1 + CHECK_STEPS
    return max(1, round(result.updates / users))


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def describe(result: PhaseResult) -> str:
    mix = ", ".join(f"{n} {kind}" for kind, n in sorted(result.scripts.items()))
    others, cores = max(result.others_cpu, 0.0) / result.elapsed, os.cpu_count()
    per_update = " ".join(
        f"{method} {n / max(result.updates, 1):.2f}" for method, n in result.api_calls.most_common()
    )
    return (
        f"{result.name}: {result.users} users ({mix}), {result.updates} updates in {result.elapsed:.1f} s"
        f" = {result.throughput:.0f} updates/s; latency p50 {result.percentile(50):.1f} ms"
        f" p95 {result.percentile(95):.1f} ms p99 {result.percentile(99):.1f} ms;"
        f" lost {len(result.lost)}, mismatched {len(result.mismatches)}\n"
        f"    bot CPU {result.bot_cpu / max(result.updates, 1) * 1000:.2f} ms/update"
        f" ({result.bot_cpu / result.elapsed:.2f} cores busy); harness (fake server + users)"
        f" {result.harness_cpu / result.elapsed:.2f} cores; other processes {others:.2f} of {cores} cores\n"
        f"    Bot API calls per update: {per_update}"
    )


def problems(result: PhaseResult) -> list[str]:
    lines = [f"  LOST {line}" for line in result.lost]
    lines += [f"  MISMATCH {line}" for line in result.mismatches]
    lines += [f"  ERROR RETURNED TO THE BOT {line}" for line in result.server_errors]
    lines += [f"  BOT LOG {line}" for line in result.bot_log]
    return lines


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_summary(
    saturation: PhaseResult | None,
    realistic: PhaseResult | None,
    echo: PhaseResult | None,
    memory: dict[str, float],
    idle_rss: float,
    seeded: int,
) -> None:
    print("\n=== load benchmark ===")
    for result in (saturation, echo, realistic):
        if result is not None:
            print(describe(result))
    if saturation is not None:
        print(
            "    (latency at saturation is queueing behind the other users' updates, handled one at a time)"
        )
    ratio = saturation.throughput / echo.throughput if saturation and echo and echo.throughput else None
    if ratio is not None and echo is not None:
        print(f"echo ceiling: {echo.throughput:.0f} updates/s; ratio ours/echo {ratio:.3f}")
    print(
        f"bot peak memory (VmHWM): {memory.get('VmHWM', 0):.0f} MB (VmRSS {memory.get('VmRSS', 0):.0f} MB"
        f" at the end, {idle_rss:.0f} MB before the load) with {seeded} stored conversations"
    )
    print("targets:")
    bot_phases = [r for r in (saturation, realistic) if r is not None]
    clean = all(not r.lost and not r.mismatches for r in bot_phases)
    print(f"  {verdict(clean)} zero mixed-up or lost answers")
    if realistic is not None:
        p95 = realistic.percentile(95)
        print(f"  {verdict(p95 <= TARGET_P95_MS)} realistic p95 {p95:.1f} ms <= {TARGET_P95_MS:.0f} ms")
    if ratio is not None:
        print(f"  {verdict(ratio >= TARGET_RATIO)} throughput ratio {ratio:.3f} >= {TARGET_RATIO}")
    peak = memory.get("VmHWM", 0)
    print(f"  {verdict(peak <= TARGET_PEAK_MB)} peak memory {peak:.0f} MB <= {TARGET_PEAK_MB:.0f} MB")
    issues = [line for r in (saturation, realistic, echo) if r is not None for line in problems(r)]
    print(f"errors and mismatches: {len(issues) or 'none'}")
    for line in issues:
        print(line)


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


@dataclass
class Options:
    users: int
    mode: str
    seed_conversations: int
    realistic_seconds: float
    timeout: float
    seed: int
    profile_dir: Path | None


def profiled(options: Options, name: str) -> list[str]:
    """The interpreter's argv, under cProfile when asked (it writes its file when the bot exits on
    SIGTERM)."""
    if options.profile_dir is None:
        return [sys.executable]
    options.profile_dir.mkdir(parents=True, exist_ok=True)
    return [sys.executable, "-m", "cProfile", "-o", str((options.profile_dir / name).resolve())]


async def run_bot_phases(
    options: Options, server: FakeBotApi, clock: ReplyClock, router: StaffRouter, workdir: Path
) -> tuple[PhaseResult | None, PhaseResult | None, dict[str, float], float]:
    """Seed, start the real bot, run saturation and/or realistic, read its memory, stop it."""
    rng = random.Random(options.seed)
    began = time.perf_counter()
    resumable = seed_database(workdir / "bot.db", options.seed_conversations, rng)
    print(f"seeded {options.seed_conversations} stored conversations in {time.perf_counter() - began:.1f} s")
    env = bot_env(server, workdir / "bot.db")
    argv = [*profiled(options, "bot.prof"), "-m", "bot", "run"]
    bot = ChildBot("the bot", argv, env, workdir / "bot.log")
    saturation = realistic = None
    try:
        bot.start()
        print(f"the bot (pid {bot.pid}) is polling after {await bot.wait_polling(server):.1f} s")
        idle_rss = bot.memory_mb().get("VmRSS", 0.0)
        if options.mode in ("saturation", "both"):
            scripts = build_scripts("saturation", options.users, resumable)
            saturation = await run_phase(
                "saturation", scripts, bot, server, clock, router, timeout=options.timeout, seed=options.seed
            )
            print(describe(saturation))
        if options.mode in ("realistic", "both"):
            scripts = build_scripts("realistic", options.users, resumable)
            realistic = await run_phase(
                "realistic",
                scripts,
                bot,
                server,
                clock,
                router,
                timeout=options.timeout,
                seed=options.seed + 1,
                realistic_seconds=options.realistic_seconds,
            )
            print(describe(realistic))
        memory = bot.memory_mb()
        await bot.stop()
    finally:
        bot.kill()
    return saturation, realistic, memory, idle_rss


async def run_echo_phase(
    options: Options, per_user: int, server: FakeBotApi, clock: ReplyClock, router: StaffRouter, workdir: Path
) -> PhaseResult:
    echo_bot = ChildBot(
        "the echo bot",
        [*profiled(options, "echo.prof"), str(ROOT / "bench" / "echo_bot.py")],
        bot_env(server, workdir / "unused.db"),
        workdir / "echo.log",
    )
    try:
        echo_bot.start()
        started = await echo_bot.wait_polling(server)
        print(f"the echo bot (pid {echo_bot.pid}) is polling after {started:.1f} s")
        scripts = [echo_script(ECHO_IDS + i, per_user) for i in range(options.users)]
        result = await run_phase(
            "echo ceiling",
            scripts,
            echo_bot,
            server,
            clock,
            router,
            timeout=options.timeout,
            seed=options.seed,
        )
        print(describe(result))
        await echo_bot.stop()
    finally:
        echo_bot.kill()
    return result


async def run(options: Options) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    router_task: asyncio.Task[None] | None = None
    main_task = asyncio.current_task()
    if main_task is not None:  # SIGTERM unwinds like Ctrl-C: the children are stopped, files removed
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)
    try:
        async with FakeBotApi(token=TOKEN) as server:
            staff = server.chat(STAFF_CHAT_ID, chat_type="supergroup", title="Bureau staff")
            clock = ReplyClock()
            clock.watch(staff)
            router = StaffRouter(staff)
            router_task = asyncio.create_task(router.run())
            print(
                f"fake Bot API server on {server.base_url}; {options.users} users; mode {options.mode};"
                f" bot source {source_version()}"
            )
            bot_phases = await run_bot_phases(options, server, clock, router, workdir)
            saturation, realistic, memory, idle_rss = bot_phases
            echo = None
            if options.mode in ("saturation", "both"):
                per_user = saturation_updates_per_user(saturation, options.users)
                echo = await run_echo_phase(options, per_user, server, clock, router, workdir)
            router_task.cancel()
            print_summary(saturation, realistic, echo, memory, idle_rss, options.seed_conversations)
    finally:
        if router_task is not None:
            router_task.cancel()
        shutil.rmtree(workdir, ignore_errors=True)


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=500, help="simulated users at once (default 500)")
    parser.add_argument("--mode", choices=["saturation", "realistic", "both"], default="both")
    parser.add_argument("--seed-conversations", type=int, default=10_000, help="stored conversations")
    parser.add_argument(
        "--realistic-seconds", type=float, default=12.0, help="length of the realistic phase (default 12)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a reply counts as lost")
    parser.add_argument("--seed", type=int, default=7, help="random seed (pauses, seeded rows)")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="run both bots under cProfile (slower), writing DIR/bot.prof and DIR/echo.prof",
    )
    args = parser.parse_args(argv)
    return Options(
        args.users,
        args.mode,
        args.seed_conversations,
        args.realistic_seconds,
        args.timeout,
        args.seed,
        args.profile,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    began = time.perf_counter()
    try:
        asyncio.run(run(options))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("interrupted: the bots were stopped and the temporary database removed", file=sys.stderr)
        return 130
    print(f"total run time {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
