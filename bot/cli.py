"""The command line: a thin layer over the library, each command importing only what it needs.

`ask` must start fast, so nothing here imports python-telegram-bot at module level.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.errors import SettingsError, StorageError

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.schema import Notice
from knowledge.loader import KnowledgeError, load_knowledge


def _setting(name: str) -> str:
    """One setting as Settings reads it (the environment, else `.env`), without the others: `ask`
    and `kb check` start fast and work whatever the bot's other settings are."""
    import os

    if name in os.environ:
        return os.environ[name].strip()
    if not Path(".env").is_file():
        return ""
    from dotenv import dotenv_values

    return (dotenv_values(".env").get(name) or "").strip()


def _today() -> dt.date:
    """BOT_TODAY (an ISO date) when set, else the real date."""
    value = _setting("BOT_TODAY")
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise SettingsError(f"BOT_TODAY: expected an ISO date (YYYY-MM-DD), got {value}") from exc


def _notice_dir() -> Path:
    """BOT_NOTICE_DIR when set, else the shipped pack."""
    from knowledge.pack import shipped_pack

    value = _setting("BOT_NOTICE_DIR")
    if not value:
        return shipped_pack()
    pack = Path(value).expanduser()
    if not (pack / "notice.yaml").is_file():
        raise SettingsError(f"BOT_NOTICE_DIR: expected a notice pack folder holding notice.yaml, got {value}")
    return pack


def _ask(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from conversations.prebuilt import load_composer

    composer = load_composer(args.data or _notice_dir())
    # the composer lives as long as the process: out of the garbage collector's sight, the
    # collections a batch's answers trigger no longer walk it (as the web server does)
    gc.collect()
    gc.freeze()
    lang = None if args.lang == "auto" else args.lang
    today = _today()

    def answer(question: str) -> None:
        # each line on its own: batch mode keeps no context between questions
        try:
            composed = composer.answer(question, lang, today)
        except Exception:  # one line's bug must not cost the other lines their answers
            traceback.print_exc(file=sys.stderr)
            print(f"error: the question above could not be answered: {question[:80]!r}", file=sys.stderr)
            composed = composer.unanswered(question, lang)
        if args.json:
            stdout.write(json.dumps(composed.as_json(), ensure_ascii=False) + "\n")
        else:
            stdout.write(composed.text + "\n\n")

    if args.question:
        answer(" ".join(args.question))
    else:
        for line in stdin:
            answer(line.rstrip("\n"))
            if not args.json:
                stdout.flush()
    stdout.flush()
    return 0


def _kb_check(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from conversations.check import check_pack

    pack = args.pack or _notice_dir()
    if not pack.is_dir():
        print(f"{pack}: not a folder (a notice pack holds notice.yaml, faq.yaml, …)", file=sys.stderr)
        return 1
    problems, summary = check_pack(pack, flows_dir=args.flows, data_dir=args.data)
    if not problems:
        from bot.i18n import notice_text_problems

        kb = load_knowledge(args.data or pack)
        problems += [
            f"{(args.data or pack) / 'texts.yaml'}: {p}"
            for p in notice_text_problems(kb.texts, _formula_msgids(pack, kb.notice))
        ]
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    stdout.write(summary + "\n")
    return 0


def _formula_msgids(pack: Path, notice: Notice) -> set[str]:
    """The notice's own wording the pack's formula calls for: the ceiling's lines and notes, the
    note on an expected figure, the zero of matching support, the note on quality."""
    from conversations.eligibility import load_rules
    from knowledge.pack import rules_dir

    formula = load_rules("eligibility", rules_dir(pack)).formula
    ids: set[str] = set()
    if formula.ceiling is not None:
        ids |= {"result.calc_room", "result.calc_exceeds", "result.note_total_cap_reading"}
        if any(d.funding.base in formula.ceiling.support for d in notice.directions):
            ids.add("result.no_matched_funds")
    if any(f.pending is not None for f in formula.figures.values()):
        ids.add("result.note_expected")
    if any(d.funding.weighs_quality for d in notice.directions):
        ids.add("result.note_quality")
    return ids


def _flow_diagram(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from conversations.diagram import write_diagram
    from conversations.flow import load_flow
    from knowledge.pack import flows_dir

    flows = flows_dir(args.pack or _notice_dir())
    path = write_diagram(load_flow(args.name, flows), flows)
    stdout.write(f"wrote {path}\n")
    return 0


def _export(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from bot.export import ExportError, LeadSheet, parse_day, write_export
    from bot.storage import Storage
    from conversations.eligibility import load_rules
    from conversations.flow import load_flow
    from knowledge.pack import flows_dir, rules_dir

    settings = _settings()
    rules = load_rules("eligibility", rules_dir(settings.notice_dir))
    notice = load_knowledge(settings.notice_dir).notice
    flow = load_flow(rules.flow, flows_dir(settings.notice_dir), notice)
    sheet = LeadSheet(flow, rules.formula.direction, tuple(rules.export))
    storage = Storage(settings.db_path)
    try:
        count = write_export(
            storage,
            sheet,
            args.format,
            args.output,
            parse_day(args.since, "--since"),
            parse_day(args.until, "--until"),
        )
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        storage.close()
    stdout.write(f"wrote {count} leads to {args.output}\n")
    return 0


def _stats(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from bot import stats
    from bot.storage import Storage
    from bot.texts import texts_for

    storage = Storage(_settings().db_path)
    try:
        stdout.write(stats.render(stats.compute(storage), texts_for(args.lang)) + "\n")
    finally:
        storage.close()
    return 0


def _settings() -> Settings:
    from bot.settings import load_settings

    return load_settings()


def _configure_logging(level: str, secret: str | None = None) -> None:
    import logging

    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise
    if secret:
        from bot.logs import Redact

        for handler in logging.getLogger().handlers:
            handler.addFilter(Redact(secret))


def _console(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from bot.console import ConsoleChat
    from bot.services import build_assistant

    settings = _settings()
    _configure_logging("WARNING")
    ConsoleChat(build_assistant(settings)).run(stdin, stdout)
    return 0


def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    settings = _settings()
    if args.console or settings.token is None:
        return _console(args, stdin, stdout)
    from bot.app import run_telegram
    from bot.services import build_assistant

    _configure_logging(settings.log_level, settings.token.get_secret_value())
    assistant = build_assistant(settings)
    assistant.storage.hold_exclusively()
    run_telegram(settings, assistant)
    return 0


def _serve(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from bot.web.server import run

    settings = _settings()
    _configure_logging(settings.log_level, settings.token.get_secret_value() if settings.token else None)
    run(settings, args.host or settings.web_host, args.port or settings.web_port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Inquiry assistant for a subsidy notice (the notice pack BOT_NOTICE_DIR names).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question, or one question per line from standard input")
    ask.add_argument("question", nargs="*", help="the question; omit to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per answer")
    ask.add_argument("--lang", choices=["auto", "zh", "en"], default="auto", help="answer language")
    ask.add_argument("--data", type=Path, default=None, help=argparse.SUPPRESS)
    ask.set_defaults(handler=_ask)

    run = sub.add_parser(
        "run", help="run the Telegram bot (long polling), or the console chat without BOT_TOKEN"
    )
    run.add_argument("--console", action="store_true", help="the local console chat even if BOT_TOKEN is set")
    run.set_defaults(handler=_run)
    serve = sub.add_parser(
        "serve",
        help="the web chat (BOT_WEB_HOST:BOT_WEB_PORT), and Telegram long polling too when BOT_TOKEN is set",
    )
    serve.add_argument("--host", help="address to listen on (default BOT_WEB_HOST, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default BOT_WEB_PORT, 8080)")
    serve.set_defaults(handler=_serve)
    console = sub.add_parser("console", help="chat with the bot in this terminal")
    console.set_defaults(handler=_console)

    kb = sub.add_parser("kb", help="knowledge base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    check = kb_sub.add_parser(
        "check", help="validate a notice pack: knowledge, flows, rules and the references between them"
    )
    check.add_argument(
        "pack", nargs="?", type=Path, default=None, help="the pack's folder (default BOT_NOTICE_DIR)"
    )
    check.add_argument("--data", type=Path, default=None, help="check this knowledge folder instead")
    check.add_argument("--flows", type=Path, default=None, help="check this flows folder instead")
    check.set_defaults(handler=_kb_check)

    export = sub.add_parser("export", help="export the leads for the bureau's staff")
    export.add_argument("--format", choices=["xlsx", "csv"], default="xlsx", help="xlsx (default) or csv")
    export.add_argument("--since", help="first day to include (YYYY-MM-DD)")
    export.add_argument("--until", help="last day to include (YYYY-MM-DD)")
    export.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    export.set_defaults(handler=_export)

    stats = sub.add_parser("stats", help="usage figures and the questions the bot could not answer")
    stats.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the report")
    stats.set_defaults(handler=_stats)

    flow = sub.add_parser("flow", help="conversation flow tools")
    flow_sub = flow.add_subparsers(dest="flow_command", required=True, metavar="FLOW_COMMAND")
    diagram = flow_sub.add_parser("diagram", help="write the flow's Mermaid diagram next to its YAML")
    diagram.add_argument("name", help="the flow's name, e.g. eligibility")
    diagram.add_argument("--pack", type=Path, default=None, help="the pack's folder (default BOT_NOTICE_DIR)")
    diagram.set_defaults(handler=_flow_diagram)
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args, stdin or sys.stdin, stdout or sys.stdout))
    except KnowledgeError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        return 1
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except StorageError as exc:
        print(f"database error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
