"""Every eval set scored from one batch run: the same top-1 and out-of-scope figures as
`../shared/eval/score_qa.py` prints set by set, in one `ask` process instead of one per set
(about 2.5 minutes for all of them here, instead of about 20).

    .venv/bin/python bench/score_sets.py [--show-failures]

The messages of every set are sent once (a message two sets share is answered once: `ask` keeps
no context between lines) and each set is scored with score_qa's own rule and normalisation.
It prints no per-question time: `bench/qa_speed.py` measures that.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(SHARED_EVAL))
from score_qa import normalise  # noqa: E402  (the scorer's own normalisation, not a copy)


def set_files() -> list[Path]:
    data = ROOT / "tests" / "data"
    named = [data / "eval_holdout.jsonl", data / "eval_questions.jsonl"]
    shared = [SHARED_EVAL / "sample_realistic.jsonl", SHARED_EVAL / "sample_questions.jsonl"]
    return [*sorted(data.glob("eval_realistic*.jsonl")), *named, *shared]


def read_cases(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ask(questions: list[str]) -> dict[str, dict]:
    """One `ask --json` run over the questions, each reply by its question."""
    command = [sys.executable, "-m", "bot", "ask", "--json"]
    stdin = "".join(q + "\n" for q in questions)
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(f"ask failed ({done.returncode}): {done.stderr[-2000:]}")
    replies = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(replies) != len(questions):
        sys.exit(f"expected {len(questions)} replies, got {len(replies)}")
    return dict(zip(questions, replies, strict=True))


def passes(case: dict, reply: dict) -> bool:
    entry = reply.get("entry_id")
    if case.get("oos"):
        return entry is None
    answer = normalise(reply.get("answer") or "")
    return entry is not None and all(any(normalise(alt) in answer for alt in group) for group in case["must"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    sets = {path: read_cases(path) for path in set_files() if path.exists()}
    questions = list(dict.fromkeys(c["q"].replace("\n", " ") for cases in sets.values() for c in cases))
    replies = ask(questions)
    for path, cases in sets.items():
        hit = total = rejected = oos_total = 0
        print(f"=== {path.stem}")
        for case in cases:
            reply = replies[case["q"].replace("\n", " ")]
            ok = passes(case, reply)
            if case.get("oos"):
                oos_total += 1
                rejected += ok
            else:
                total += 1
                hit += ok
            if not ok and args.show_failures:
                print(f"MISS {case['id']} {case['q']!r} -> entry={reply.get('entry_id')}")
        top1 = hit / total if total else 0.0
        oos_rate = rejected / oos_total if oos_total else 1.0
        print(f"qa: top1={top1:.3f} ({hit}/{total}) oos_reject={oos_rate:.3f} ({rejected}/{oos_total})")


if __name__ == "__main__":
    main()
