"""Web chat load benchmark: N browser-like users against the real `python -m bot serve` process.

Usage (from the repository root; about 3 minutes with the defaults on this 2-core machine)::

    .venv/bin/python bench/web_load.py [--users 500] [--mode realistic|saturation|both]

Method
------
- The web chat runs as a separate process, ``python -m bot serve --port P``, configured only
  through its documented environment (no BOT_TOKEN: the web chat alone; BOT_DB_PATH in a temporary
  folder; BOT_WEB_TRUSTED_PROXIES=127.0.0.1 so that each user's ``X-Forwarded-For`` address, one of
  its own, is what the per-address rate limit counts, as behind a reverse proxy).
- Each user is an ``httpx.AsyncClient`` (HTTP/1.1, its own cookie jar and connections): it starts a
  session (``POST /api/start``), opens its event stream (``GET /api/events?after=0``) and keeps it
  open, then plays a script: two questions with known answers, two menu taps (关键日期, then back),
  and a whole eligibility check (typed and tapped, with a company name carrying the user's number
  and provincial funds of its own, so the result names that company and that user's estimate).
- Every reply is verified twice: in the POST's response (the expected content; no other user's
  company number) and on the user's own stream (the same message, identical JSON, and every
  message on the stream is one of this user's: a reply it got or a text it typed). A reply that
  does not reach the stream within ``--timeout`` seconds is lost; a wrong or foreign one is
  mismatched. A 429 is waited out (Retry-After) and counted, never lost.
- Two modes (../shared/DESIGN.md, "How load is measured"): **realistic**, every user pauses
  1.5–4.5 s (about 3 s) before each action, which measures the reply latency people see (p50/p95,
  from sending the POST to its response, and to the last reply's arrival on the stream);
  **saturation**, every user acts as soon as its replies arrived, which measures throughput
  (actions per second). The ceiling: a bare Starlette app on uvicorn (``--bare-port``, in this
  file) answering the same requests (the same paths, bodies, streams, one echoed message per
  action), driven the same way in the same run; the ratio of the two throughputs is printed.
- Peak memory: VmHWM of the server process from ``/proc/<pid>/status`` after the load; CPU seconds
  of the server and of this harness per phase (on 2 cores a saturated harness caps the bare
  figure: the ratio is then an upper bound).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.questions import QUESTIONS  # noqa: E402

PAUSE_SECONDS = (1.5, 4.5)
START_TIMEOUT = 60.0
MARKER = re.compile(r"测试(\d+)号")


@dataclass
class Step:
    kind: str  # "start" | "say" | "press"
    value: str = ""
    expect: tuple[str, ...] = ()


def script(user: int) -> list[Step]:
    """Start, a question, two menu taps, another question, and a whole check with this user's numbers."""
    funds = 100 + (user % 9) * 100  # 万元 of provincial funds: the estimate is 10 % of it (under 100万)
    company = f"韶关测试{user}号机械有限公司"
    q1, q2 = QUESTIONS[user % len(QUESTIONS)], QUESTIONS[(user + 3) % len(QUESTIONS)]
    return [
        Step("start", expect=("韶工信函〔2022〕91号",)),
        Step("say", q1[0], (q1[1],)),
        Step("press", "关键日期", ("入库申报",)),
        Step("press", "返回"),
        Step("say", q2[0], (q2[1],)),
        Step("say", "/check"),
        Step("say", company),
        Step("press", "浈江区"),
        Step("press", "1 上云上平台"),
        Step("press", "工业企业（含制造业企业）"),
        Step("press", "项目单位自己申报"),
        Step("press", "否"),
        Step("press", "否"),
        Step("press", "否"),
        Step("say", "2022-05-20"),
        Step("say", "1"),
        Step("say", "2000万"),
        Step("say", f"{funds}万"),
        Step("say", "0", ("符合", company, f"{funds // 10}万元")),
    ]


@dataclass
class Result:
    name: str
    users: int
    actions: int = 0
    latencies: list[float] = field(default_factory=list)  # POST sent → its response
    stream_latencies: list[float] = field(default_factory=list)  # POST sent → last reply on the stream
    lost: int = 0
    mismatched: int = 0
    throttled: int = 0
    problems: list[str] = field(default_factory=list)
    wall: float = 0.0
    server_cpu: float = 0.0
    harness_cpu: float = 0.0

    def note(self, problem: str) -> None:
        if len(self.problems) < 5:
            self.problems.append(problem)

    def percentile(self, values: list[float], p: int) -> float:
        if len(values) < 2:
            return values[0] * 1000 if values else float("nan")
        return statistics.quantiles(values, n=100)[p - 1] * 1000


class User:
    """One browser: a session cookie, an open event stream, and the messages it was sent."""

    def __init__(self, number: int, base_url: str, result: Result, bare: bool, timeout: float) -> None:
        self.number = number
        self.result = result
        self.bare = bare
        self.timeout = timeout
        address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        self.client = httpx.AsyncClient(
            base_url=base_url,
            headers={"x-forwarded-for": address, "accept-language": "zh-CN,zh;q=0.9"},
            limits=httpx.Limits(max_connections=4, max_keepalive_connections=4),
            timeout=httpx.Timeout(30.0, read=None),
        )
        self.replies: dict[int, dict[str, Any]] = {}  # from the POSTs' responses
        self.streamed: dict[int, tuple[dict[str, Any], float]] = {}  # id → (message, arrival)
        self.typed: list[str] = []
        self.arrived = asyncio.Condition()
        self.replaced: set[int] = set()
        self.reader: asyncio.Task[None] | None = None

    async def post(self, path: str, body: dict[str, Any]) -> list[dict[str, Any]]:
        while True:
            response = await self.client.post(path, json=body)
            if response.status_code == 429:
                self.result.throttled += 1
                await asyncio.sleep(float(response.headers.get("retry-after", "1")))
                continue
            response.raise_for_status()
            messages: list[dict[str, Any]] = response.json()["messages"]
            return messages

    async def events(self) -> AsyncIterator[dict[str, Any]]:
        async with self.client.stream("GET", "/api/events?after=0") as response:
            response.raise_for_status()
            data: list[str] = []
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    data.append(line[5:].strip())
                elif line == "" and data:
                    yield json.loads("\n".join(data))
                    data = []

    async def read_stream(self) -> None:
        try:
            async for message in self.events():
                async with self.arrived:
                    self.streamed[message["id"]] = (message, time.perf_counter())
                    self.arrived.notify_all()
        except (httpx.HTTPError, asyncio.CancelledError):
            pass

    def find_button(self, label: str) -> tuple[int, str]:
        latest = sorted(
            (m for m in self.replies.values() if m["id"] not in self.replaced), key=lambda m: -m["id"]
        )
        if self.bare:
            return latest[0]["id"], label
        for message in latest:
            buttons = [b for row in message["buttons"] for b in row]
            match = [b for b in buttons if b["label"] == label] or [b for b in buttons if label in b["label"]]
            if match:
                return message["id"], match[0]["data"]
        raise LookupError(f"user {self.number}: no button {label!r}")

    async def act(self, step: Step) -> None:
        sent = time.perf_counter()
        if step.kind == "start":
            replies = await self.post("/api/start", {})
        elif step.kind == "say":
            self.typed.append(step.value)
            replies = await self.post("/api/message", {"text": step.value})
        else:
            message_id, data = self.find_button(step.value)
            replies = await self.post("/api/tap", {"message_id": message_id, "data": data})
        answered = time.perf_counter()
        result = self.result
        result.actions += 1
        result.latencies.append(answered - sent)
        for reply in replies:
            self.replies[reply["id"]] = reply
            if reply.get("replaces") is not None:
                self.replaced.add(reply["replaces"])
        text = "\n".join(reply["text"] for reply in replies)
        if not replies:
            result.mismatched += 1
            result.note(f"user {self.number}: no reply to {step.kind} {step.value!r}")
        elif not self.bare:
            missing = [needle for needle in step.expect if needle not in text]
            foreign = {int(n) for n in MARKER.findall(text)} - {self.number}
            if missing or foreign:
                result.mismatched += 1
                result.note(f"user {self.number}: {step.value!r} → missing {missing}, others {foreign}")
        if self.reader is None:  # the page opens its stream once it has a session
            self.reader = asyncio.create_task(self.read_stream())
        # the same replies on this user's own stream
        wanted = [reply["id"] for reply in replies]
        try:
            async with self.arrived:
                await asyncio.wait_for(
                    self.arrived.wait_for(lambda: all(i in self.streamed for i in wanted)), self.timeout
                )
        except TimeoutError:
            lost = [i for i in wanted if i not in self.streamed]
            result.lost += len(lost)
            result.note(f"user {self.number}: replies {lost} never came on the stream")
            return
        for reply in replies:
            if self.streamed[reply["id"]][0] != reply:
                result.mismatched += 1
                result.note(f"user {self.number}: stream and response differ for message {reply['id']}")
        if wanted:
            result.stream_latencies.append(max(self.streamed[i][1] for i in wanted) - sent)

    def check_stream(self) -> None:
        """Every message on the stream is one of this user's: a reply it got or a text it typed."""
        typed = [m["text"] for _, (m, _) in sorted(self.streamed.items()) if m["from"] == "user"]
        others = [
            i for i, (m, _) in self.streamed.items() if m["from"] != "user" and self.replies.get(i) != m
        ]
        if typed != self.typed:
            self.result.mismatched += 1
            self.result.note(f"user {self.number}: typed texts on the stream differ: {typed[:3]}…")
        if others:
            self.result.mismatched += len(others)
            self.result.note(f"user {self.number}: messages {others[:3]} on the stream are not its replies")

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
            await asyncio.gather(self.reader, return_exceptions=True)
        await self.client.aclose()


async def play(user: User, steps: list[Step], pause: bool, rng: random.Random) -> None:
    try:
        for index, step in enumerate(steps):
            if pause:
                await asyncio.sleep(rng.uniform(0, 3) if index == 0 else rng.uniform(*PAUSE_SECONDS))
            await user.act(step)
        await asyncio.sleep(0.2)  # anything late or foreign on the stream
        user.check_stream()
    except Exception as exc:
        user.result.lost += 1
        user.result.note(f"user {user.number}: {type(exc).__name__}: {exc}")


def cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def harness_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run_phase(
    name: str, url: str, pid: int, users: int, first: int, pause: bool, bare: bool, timeout: float
) -> Result:
    result = Result(name, users)
    rng = random.Random(first)
    people = [User(first + n, url, result, bare, timeout) for n in range(users)]
    cpu0, mine0, t0 = cpu_of(pid), harness_cpu(), time.perf_counter()
    await asyncio.gather(*(play(u, script(u.number), pause, rng) for u in people))
    result.wall = time.perf_counter() - t0
    result.server_cpu, result.harness_cpu = cpu_of(pid) - cpu0, harness_cpu() - mine0
    await asyncio.gather(*(u.close() for u in people))
    return result


def describe(result: Result) -> str:
    p = result.percentile
    return (
        f"{result.name}: {result.users} users, {result.actions} actions in {result.wall:.1f} s "
        f"= {result.actions / result.wall:.0f} actions/s; reply p50 {p(result.latencies, 50):.0f} ms, "
        f"p95 {p(result.latencies, 95):.0f} ms; on the stream p50 {p(result.stream_latencies, 50):.0f} ms, "
        f"p95 {p(result.stream_latencies, 95):.0f} ms; lost {result.lost}, mismatched {result.mismatched}, "
        f"429s {result.throttled}; CPU s: server {result.server_cpu:.1f}, harness {result.harness_cpu:.1f}"
    )


# --- the server processes -----------------------------------------------------------------------
def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start_server(argv: list[str], env: dict[str, str], log: Path, port: int) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    deadline = time.monotonic() + START_TIMEOUT
    async with httpx.AsyncClient() as probe:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"{argv} exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if (await probe.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                    return proc
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{argv} did not listen within {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def memory_mb(pid: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(value.split()[0]) / 1024
    return out


# --- the bare ceiling: Starlette answering the same requests with one echoed message ------------
def bare_app() -> Any:
    import secrets

    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
    from starlette.routing import Route

    sessions: dict[str, dict[str, Any]] = {}

    def session(request: Request) -> tuple[dict[str, Any], str | None]:
        sid = request.cookies.get("sid")
        if sid in sessions:
            return sessions[sid], None
        sid = secrets.token_urlsafe(24)
        sessions[sid] = {"messages": [], "queues": set()}
        return sessions[sid], sid

    def add(state: dict[str, Any], author: str, text: str) -> dict[str, Any]:
        message = {
            "id": len(state["messages"]) + 1,
            "from": author,
            "text": text,
            "html": text,
            "buttons": [],
            "replaces": None,
        }
        state["messages"].append(message)
        for queue in state["queues"]:
            queue.put_nowait(message)
        return message

    def reply(state: dict[str, Any], sid: str | None, text: str) -> Response:
        response = JSONResponse({"messages": [add(state, "bot", text)]})
        if sid is not None:
            response.set_cookie("sid", sid, httponly=True, samesite="lax")
        return response

    async def start(request: Request) -> Response:
        state, sid = session(request)
        return reply(state, sid, "hello")

    async def message(request: Request) -> Response:
        state, sid = session(request)
        text = (await request.json())["text"]
        add(state, "user", text)
        return reply(state, sid, text)

    async def tap(request: Request) -> Response:
        state, sid = session(request)
        return reply(state, sid, (await request.json())["data"])

    async def events(request: Request) -> Response:
        state, _ = session(request)
        after = int(request.query_params.get("after", "0"))
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        state["queues"].add(queue)

        async def stream() -> AsyncIterator[str]:
            try:
                for old in state["messages"][after:]:
                    yield f"id: {old['id']}\nevent: message\ndata: {json.dumps(old, ensure_ascii=False)}\n\n"
                while True:
                    new = await queue.get()
                    yield f"id: {new['id']}\nevent: message\ndata: {json.dumps(new, ensure_ascii=False)}\n\n"
            finally:
                state["queues"].discard(queue)

        return StreamingResponse(stream(), media_type="text/event-stream")

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/api/start", start, methods=["POST"]),
            Route("/api/message", message, methods=["POST"]),
            Route("/api/tap", tap, methods=["POST"]),
            Route("/api/events", events),
        ]
    )


def serve_bare(port: int) -> None:
    import uvicorn

    uvicorn.run(bare_app(), host="127.0.0.1", port=port, lifespan="off", log_level="warning")


# --- main -----------------------------------------------------------------------------------------
async def main(args: argparse.Namespace) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 65536)), hard))
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="web-load-") as tmp:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
        env.update(
            BOT_DB_PATH=str(Path(tmp) / "bot.db"),
            BOT_TODAY="2022-07-01",
            BOT_LOG_LEVEL="WARNING",
            BOT_WEB_TRUSTED_PROXIES="127.0.0.1",
        )
        log = Path(tmp) / "serve.log"
        server = await start_server(
            [sys.executable, "-m", "bot", "serve", "--port", str(port)], env, log, port
        )
        url = f"http://127.0.0.1:{port}"
        try:
            if args.mode in ("realistic", "both"):
                results.append(
                    await run_phase("realistic", url, server.pid, args.users, 1, True, False, args.timeout)
                )
                print(describe(results[-1]), flush=True)
            if args.mode in ("saturation", "both"):
                first = 1 + args.users
                results.append(
                    await run_phase(
                        "saturation", url, server.pid, args.users, first, False, False, args.timeout
                    )
                )
                print(describe(results[-1]), flush=True)
            memory = memory_mb(server.pid)
        finally:
            stop(server)
        if args.mode in ("saturation", "both"):
            bare_port = free_port()
            bare = await start_server(
                [sys.executable, str(Path(__file__).resolve()), "--bare-port", str(bare_port)],
                env,
                Path(tmp) / "bare.log",
                bare_port,
            )
            try:
                ceiling = await run_phase(
                    "bare Starlette",
                    f"http://127.0.0.1:{bare_port}",
                    bare.pid,
                    args.users,
                    1,
                    False,
                    True,
                    30,
                )
                print(describe(ceiling), flush=True)
            finally:
                stop(bare)
            ours = next(r for r in results if r.name == "saturation")
            ratio = (ours.actions / ours.wall) / (ceiling.actions / ceiling.wall)
            print(f"saturation throughput / bare Starlette's: {ratio:.2f}")
        print(f"server peak memory (VmHWM): {memory['VmHWM']:.0f} MB (VmRSS {memory['VmRSS']:.0f} MB)")
        for result in results:
            for problem in result.problems:
                print(f"  {result.name}: {problem}")
        if any(r.lost or r.mismatched for r in results):
            sys.exit(1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--mode", choices=("realistic", "saturation", "both"), default="both")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds a reply may take on the stream")
    parser.add_argument("--bare-port", type=int, help=argparse.SUPPRESS)  # runs the bare ceiling
    arguments = parser.parse_args()
    if arguments.bare_port:
        serve_bare(arguments.bare_port)
    else:
        asyncio.run(main(arguments))
