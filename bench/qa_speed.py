"""Question-answering speed: per question in batch mode (the same questions repeated, and every
question new), `ask` start-up, and at 100× the KB.

Prints medians of several runs (the machine is shared and noisy). Usage:
    .venv/bin/python bench/qa_speed.py [--runs 5] [--scale 100] [--new 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conversations.compose import Composer  # noqa: E402
from knowledge.loader import KnowledgeBase, load_knowledge  # noqa: E402
from knowledge.pack import shipped_pack  # noqa: E402
from knowledge.search import SearchIndex  # noqa: E402

QUESTION_FILES = [
    ROOT / "tests/data/eval_questions.jsonl",
    ROOT.parent / "shared/eval/sample_questions.jsonl",
    ROOT / "tests/data/eval_realistic.jsonl",
    ROOT.parent / "shared/eval/sample_realistic.jsonl",
]


def questions() -> list[str]:
    out: list[str] = []
    for path in QUESTION_FILES:
        if path.exists():
            out += [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return out


def new_questions(count: int, seen: list[str], seed: int = 7) -> list[str]:
    """Questions of every eval set, none of them in `seen`, each once: real traffic is new
    messages, which meet no cache of an earlier answer."""
    known = set(seen)
    records = [
        json.loads(line)
        for path in sorted((ROOT / "tests/data").glob("eval_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    pool = sorted({r["q"] for r in records if "q" in r} - known)  # (follow-up pairs have no "q")
    random.Random(seed).shuffle(pool)
    return pool[:count]


def per_question_ms(index: SearchIndex, batch: list[str]) -> float:
    start = time.perf_counter()
    for question in batch:
        index.search(question)
    return (time.perf_counter() - start) / len(batch) * 1000


def composed_median_ms(composer: Composer, batch: list[str]) -> float:
    """The median time of one whole answer (understanding, parts, figures, deadlines), as `ask` gives it."""
    today = dt.date.today()
    times = []
    for question in batch:
        start = time.perf_counter()
        composer.answer(question, None, today)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _timed_ask(lines: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="\n".join(lines) + "\n" if lines else "",
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def batch_mode_ms(batch: list[str], runs: int, repeats: int = 5) -> float:
    """Through the real command: (time for 5× the batch − time for 1×) / 4× the batch. Five passes,
    not three: the difference of two whole runs carries their start-up noise (±0.3 s here), which
    over only two repeated passes of ~500 questions swung the figure between 0.9 and 2.6 ms."""
    samples = [
        (_timed_ask(batch * repeats) - _timed_ask(batch)) / ((repeats - 1) * len(batch)) * 1000
        for _ in range(runs)
    ]
    return statistics.median(samples)


def new_questions_ms(fresh: list[str], runs: int) -> float:
    """Through the real command, every question new: (time for them − time for none) / their count."""
    samples = [(_timed_ask(fresh) - _timed_ask([])) / len(fresh) * 1000 for _ in range(runs)]
    return statistics.median(samples)


def startup_s(runs: int, *, cached: bool) -> float:
    """`ask` on empty input: with the prebuilt composer in the cache folder (every start after the
    first), or with an empty cache folder each time (the first start after an edit of the pack)."""
    samples = []
    with tempfile.TemporaryDirectory() as kept:
        env = {**os.environ, "XDG_CACHE_HOME": kept}
        for _ in range(runs + 1 if cached else runs):
            if not cached:
                shutil.rmtree(Path(kept) / "shaoguan-iiot-assistant", ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bot", "ask", "--json"],
                input="",
                capture_output=True,
                check=True,
                cwd=ROOT,
                env=env,
            )
            samples.append(time.perf_counter() - start)
    return statistics.median(samples[1:] if cached else samples)  # cached: the first run builds it


def scaled(kb: KnowledgeBase, factor: int, seed: int = 7) -> KnowledgeBase:
    """A knowledge base `factor` times larger: each entry copied with some words swapped for new ones,
    so shared words (申报, 项目 …) get `factor` times the postings, as a bigger real KB would."""
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x4E00, 0x9FA5)]
    entries = []
    for copy in range(factor):
        for entry in kb.faq.entries:
            if copy == 0:
                entries.append(entry)
                continue
            word = "".join(rng.choices(alphabet, k=2))

            def vary(texts: list[str], word: str = word) -> list[str]:
                return [t[: len(t) // 2] + word + t[len(t) // 2 :] for t in texts]

            entries.append(
                entry.model_copy(
                    update={
                        "id": f"{entry.id}-syn{copy}",
                        "questions": entry.questions.model_copy(update={"zh": vary(entry.questions.zh)}),
                        "keywords": entry.keywords.model_copy(update={"zh": [*entry.keywords.zh, word]}),
                    }
                )
            )
    faq = kb.faq.model_copy(update={"entries": entries})
    return KnowledgeBase(notice=kb.notice, faq=faq, lexicon=kb.lexicon, root=kb.root)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--new", type=int, default=2000, help="questions for the every-new figure")
    args = parser.parse_args()
    batch = questions()
    kb = load_knowledge(shipped_pack())
    index = SearchIndex(kb)
    per_question_ms(index, batch)  # warm caches once
    in_process = statistics.median(per_question_ms(index, batch) for _ in range(args.runs))
    print(f"questions: {len(batch)}, entries: {len(kb.faq.entries)}")
    print(f"in-process search per question: median {in_process:.3f} ms over {args.runs} runs")
    composer = Composer(kb, index)
    composed_median_ms(composer, batch)  # warm caches once
    composed = statistics.median(composed_median_ms(composer, batch) for _ in range(args.runs))
    print(f"in-process composed answer per question: median {composed:.3f} ms over {args.runs} runs")
    print(
        f"batch mode (python -m bot ask --json) per question: median {batch_mode_ms(batch, args.runs):.3f} ms"
    )
    fresh = new_questions(args.new, batch)
    print(
        f"batch mode, every question new ({len(fresh)} of the eval sets' questions, one pass each): "
        f"median {new_questions_ms(fresh, args.runs):.3f} ms"
    )
    warm, cold = startup_s(args.runs, cached=True), startup_s(args.runs, cached=False)
    print(f"ask start-up (empty stdin, prebuilt composer cached): median {warm:.3f} s")
    print(f"ask start-up (empty stdin, nothing cached): median {cold:.3f} s")

    big_kb = scaled(kb, args.scale)
    start = time.perf_counter()
    big = SearchIndex(big_kb)
    build = time.perf_counter() - start
    per_question_ms(big, batch)
    at_scale = statistics.median(per_question_ms(big, batch) for _ in range(args.runs))
    print(
        f"{args.scale}x KB ({len(big_kb.faq.entries)} entries, index built in {build:.1f} s): "
        f"per question median {at_scale:.3f} ms"
    )


if __name__ == "__main__":
    main()
