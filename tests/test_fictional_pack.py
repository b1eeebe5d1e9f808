"""A second, made-up notice pack (tests/packs/fictional-harbor-2031: a fictional city and bureau,
three directions, a tiered fixed grant instead of a percentage, one stage, no ceiling) runs the
menu, the answers, the guided check with its result and the export end to end, in Telegram and in
the console, with no code change: only BOT_NOTICE_DIR chooses it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import ADMIN_ID, RunningBot, make_settings
from tests.fake_bot_api import FakeBotApi
from tests.players import press, say

HARBOR = Path(__file__).parent / "packs" / "fictional-harbor-2031"
DAY = "2031-05-01"
ROOT = Path(__file__).resolve().parent.parent


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_kb_check_passes_on_the_fictional_pack():
    code, out = run_cli(["kb", "check", str(HARBOR)])
    assert code == 0 and out.startswith("ok: 4 FAQ entries, 3 directions, 1 stages")


def test_ask_answers_from_the_fictional_pack(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BOT_NOTICE_DIR", str(HARBOR))
    monkeypatch.setenv("BOT_TODAY", DAY)
    questions = ["支持哪些方向", "什么时候截止", "智慧码头投资600万能补多少", "明天天气怎么样"]
    questions.append("How much is the grant?")
    code, out = run_cli(["ask", "--json"], stdin="\n".join(questions) + "\n")
    assert code == 0
    directions, deadline, worked, outside, amount = (json.loads(line) for line in out.splitlines())
    assert directions["entry_id"] == "what-directions" and "港数函〔2031〕7号（虚构）" in directions["answer"]
    assert "「一、支持方向」" in directions["answer"]
    assert deadline["entry_id"] == "deadline" and "还有60天" in deadline["answer"]
    # the tiered fixed amount, worked out from the user's own figure
    assert "达到500万元一档，定额30万元" in worked["answer"]
    assert outside["entry_id"] is None and "555-0100" in outside["answer"]
    assert amount["entry_id"] == "grant-amount" and "(fictional)" in amount["answer"]
    assert "韶" not in out and "2022" not in out


@pytest.fixture
async def harbor_bot(server: FakeBotApi, tmp_path: Path) -> AsyncIterator[RunningBot]:
    import datetime as dt

    settings = make_settings(server, tmp_path / "bot.db", notice_dir=HARBOR, today=dt.date.fromisoformat(DAY))
    bot = RunningBot(settings)
    await bot.start()
    yield bot
    await bot.stop()


async def test_telegram_menu_answers_check_and_export(server: FakeBotApi, harbor_bot: RunningBot):
    lin = server.user(501, first_name="Lin", language_code="zh")
    await lin.send("/start")
    menu = await lin.next_reply()
    labels = [label for row in menu.buttons for label in row]
    assert "支持方向" in labels and "资格自测" in labels
    directions = await press(lin, "支持方向")
    assert "智慧码头改造" in directions.text and "港口数据平台" in directions.text
    await press(lin, "« 返回")
    dates = await press(lin, "关键日期")
    assert "补助申报" in dates.text and "2031年6月30日" in dates.text and "还剩60天" in dates.text
    assert "2030年1月1日至2031年6月30日" in dates.text  # the construction window, from notice.yaml

    answer = await say(lin, "绿色航运投资300万能补多少")
    assert "达到200万元一档，定额15万元" in answer.text

    await lin.send("/check")
    first = await lin.next_reply()
    assert "第1步，共5步" in first.text
    district = await say(lin, "海港某某码头有限公司")
    options = [label for row in district.buttons for label in row]
    assert options[:4] == ["东港区", "西湾区", "灯塔岛", "海港市以外"]  # the notice's jurisdictions
    await press(lin, "西湾区")
    await press(lin, "1 智慧码头改造")
    echoed = await say(lin, "5月20日")  # no year: read in the notice's window
    assert "2030年5月20日" in echoed.text  # the first fit in the window
    result = await say(lin, "600万")
    assert "符合申报条件" in result.text
    assert "项目投资额 600万元，达到 500万元 一档，定额 30万元" in result.text
    assert "估算奖补上限：30万元" in result.text
    assert "三、补助标准（一）" in result.text and "附件1" in result.text
    assert "韶关" not in result.text and "省级" not in result.text

    await press(lin, "留下联系方式")
    await press(lin, "同意")
    await say(lin, "林一")
    assert "已保存" in (await say(lin, "13812345678")).text

    admin = server.user(ADMIN_ID, first_name="Admin", language_code="zh")
    await admin.send("/export csv")
    sent = await admin.next_reply()
    table = list(csv.reader(io.StringIO(sent.file_bytes.decode("utf-8-sig"))))
    header, row = table
    assert header[7:10] == ["注册港区", "建成日期", "项目投资额（元）"]
    assert row[1] == "海港某某码头有限公司" and row[4] == "1 智慧码头改造" and row[6] == "300000.0"
    assert row[7:10] == ["西湾区", "2030-05-20", "6000000.0"]


async def test_telegram_check_below_the_lowest_tier_is_zero(server: FakeBotApi, harbor_bot: RunningBot):
    bo = server.user(502, language_code="en")
    await bo.send("/check")
    await bo.next_reply()
    await say(bo, "Harbor Data Ltd")
    await press(bo, "Lighthouse Island")
    await press(bo, "3 Port data platform")
    await say(bo, "2031-02-01")
    result = await say(bo, "1,500,000")
    assert "is below the lowest tier (RMB 2,000,000" in result.text
    assert "Shaoguan" not in result.text and "provincial" not in result.text


def _bot(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`python -m bot …` in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def test_console_runs_the_fictional_pack(tmp_path: Path):
    env = {
        **os.environ,
        "BOT_NOTICE_DIR": str(HARBOR),
        "BOT_TODAY": DAY,
        "BOT_DB_PATH": str(tmp_path / "bot.db"),
        "BOT_TOKEN": "",
    }
    script = ["/start", "补助多少钱", "/check", "海港某某码头有限公司", "1", "2", "2031-03-01", "250万"]
    proc = _bot(["console"], env, "\n".join(script) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "港数函〔2031〕7号（虚构）「三、补助标准」" in out
    assert "[1] 东港区" in out
    assert "项目投资额 250万元，达到 200万元 一档，定额 15万元" in out
    assert "韶关" not in out
    export = tmp_path / "leads.csv"
    done = _bot(["export", "--format", "csv", "-o", str(export)], env)
    assert done.returncode == 0, done.stderr
    header = next(csv.reader(io.StringIO(export.read_text(encoding="utf-8-sig"))))
    assert header[7:] == ["注册港区", "建成日期", "项目投资额（元）", "同意时间", "提交时间", "工单状态"]


def test_bot_notice_dir_is_a_setting_that_names_a_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from bot.errors import SettingsError
    from bot.settings import load_settings
    from knowledge.pack import shipped_pack

    monkeypatch.delenv("BOT_NOTICE_DIR", raising=False)
    assert load_settings(_env_file=None).notice_dir == shipped_pack()
    assert load_settings(_env_file=None, notice_dir=str(HARBOR)).notice_dir == HARBOR
    with pytest.raises(SettingsError, match="BOT_NOTICE_DIR: expected a notice pack folder"):
        load_settings(_env_file=None, notice_dir=str(tmp_path))
