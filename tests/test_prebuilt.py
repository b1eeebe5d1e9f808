"""The composer kept on disk: loaded back, it answers exactly as a freshly built one; an edited
pack, a damaged file or a cache folder that cannot be written never gives an old or no answer."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conversations.prebuilt import PREFIX, load_composer
from tests.pack import PACK

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2022, 6, 20)


def _questions(count: int) -> list[str]:
    lines = (ROOT / "tests/data/eval_realistic.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["q"] for line in lines[:count]]


def _ask(questions: list[str], cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "BOT_TODAY": "2022-06-20"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return done.stdout


def test_a_second_start_answers_from_the_copy_the_first_built_exactly_as_it(tmp_path: Path):
    # the words the lexicon teaches the segmenter live in the process, not in the copy: a loaded
    # copy that did not teach them again would cut these questions differently
    questions = _questions(120)
    built = _ask(questions, tmp_path)
    kept = list((tmp_path / "shaoguan-iiot-assistant").glob(f"{PREFIX}*.pickle"))
    assert len(kept) == 1
    loaded = _ask(questions, tmp_path)
    assert loaded == built
    assert len(loaded.splitlines()) == len(questions)


def _edited_copy(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    return pack


def test_an_edited_pack_is_read_again_and_its_old_copy_removed(tmp_path: Path):
    pack, cache = _edited_copy(tmp_path), tmp_path / "cache"
    before = load_composer(pack, cache).answer("联系人是谁", "zh", TODAY).text
    faq = pack / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("严鹏", "严鹏鹏"), encoding="utf-8")
    after = load_composer(pack, cache).answer("联系人是谁", "zh", TODAY).text
    assert "严鹏鹏" not in before and "严鹏鹏" in after
    assert len(list(cache.glob(f"{PREFIX}*.pickle"))) == 1


def test_a_damaged_copy_is_built_again(tmp_path: Path):
    pack, cache = _edited_copy(tmp_path), tmp_path / "cache"
    expected = load_composer(pack, cache).answer("入库申报几号截止", "zh", TODAY).text
    (kept,) = cache.glob(f"{PREFIX}*.pickle")
    kept.write_bytes(b"not a pickle")
    assert load_composer(pack, cache).answer("入库申报几号截止", "zh", TODAY).text == expected
    assert kept.read_bytes() != b"not a pickle"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    composer = load_composer(PACK, blocked / "cache")
    assert "7月8日" in composer.answer("入库申报几号截止", "zh", TODAY).text
    assert not list(tmp_path.glob("**/*.tmp"))
