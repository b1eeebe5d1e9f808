"""Score follow-up pairs through the transport-free core: one user per pair, the first turn then
the follow-up, and the answer to the follow-up checked like score_qa.py checks an answer.

Usage: .venv/bin/python bench/score_followups.py [tests/data/eval_followups.jsonl] [--show-failures]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.dialog import Assistant  # noqa: E402
from bot.people import Sender, telegram  # noqa: E402
from bot.storage import Storage  # noqa: E402
from knowledge.loader import load_knowledge  # noqa: E402
from knowledge.pack import shipped_pack  # noqa: E402
from knowledge.search import SearchIndex  # noqa: E402

BRACKETS = str.maketrans(
    {"〔": "(", "［": "(", "[": "(", "（": "(", "〕": ")", "］": ")", "]": ")", "）": ")"}
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(BRACKETS)
    return "".join(ch for ch in text if not ch.isspace() and ch not in ",，")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="?", default=str(ROOT / "tests/data/eval_followups.jsonl"))
    ap.add_argument("--today", default=None, help="ISO date for the deadline answers (default: today)")
    ap.add_argument("--show-failures", action="store_true")
    args = ap.parse_args()
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    kb = load_knowledge(shipped_pack())
    assistant = Assistant(kb, SearchIndex(kb), Storage(":memory:"), lambda: today)
    cases = [json.loads(line) for line in Path(args.cases).read_text(encoding="utf-8").splitlines() if line]
    hit = 0
    for number, case in enumerate(cases, start=1):
        user = Sender(telegram(100_000 + number), language_code="zh")
        replies = []
        for turn in case["turns"]:
            replies = assistant.text(user, turn)
        answer = normalise(replies[-1].text if replies else "")
        if case.get("oos"):
            ok = "不在本通知范围内" in replies[-1].text or "outside this notice" in replies[-1].text
        else:
            ok = all(any(normalise(alt) in answer for alt in group) for group in case["must"])
        hit += ok
        if not ok and args.show_failures:
            print(f"MISS {case['id']} {case['turns']!r} -> {replies[-1].text[:200]!r}")
    print(f"followups: {hit / len(cases):.3f} ({hit}/{len(cases)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
