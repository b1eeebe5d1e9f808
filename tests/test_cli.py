"""The command line contracts of DESIGN.md: `ask` (single, batch, --json, --lang) and `kb check`."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from tests.pack import FLOWS, NOTICE, PACK


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_ask_single_question_json():
    code, out = run_cli(["ask", "入库申报截止日期", "--json"])
    assert code == 0
    payload = json.loads(out)
    assert payload["entry_id"] is not None
    assert "7月8日" in payload["answer"]


def test_ask_batch_answers_every_line_in_order():
    questions = ["入库申报截止日期", "明天会下雨吗", "", "Who do I contact?", "验收申请需要哪些附件"]
    code, out = run_cli(["ask", "--json"], stdin="\n".join(questions) + "\n")
    assert code == 0
    replies = [json.loads(line) for line in out.splitlines()]
    assert len(replies) == len(questions)
    assert replies[1]["entry_id"] is None and replies[2]["entry_id"] is None
    assert "8884332" in replies[3]["answer"]
    assert replies[0]["entry_id"] != replies[4]["entry_id"]


def test_ask_lang_option_forces_the_answer_language():
    _, zh = run_cli(["ask", "--json", "--lang", "zh", "When is the registration deadline?"])
    _, en = run_cli(["ask", "--json", "--lang", "en", "入库申报截止日期"])
    assert "7月8日" in json.loads(zh)["answer"]
    assert "July 8" in json.loads(en)["answer"]


def test_ask_plain_text_output():
    code, out = run_cli(["ask", "联系方式"])
    assert code == 0 and "8884332" in out and not out.lstrip().startswith("{")


def test_kb_check_passes_on_shipped_data(capsys):
    code, out = run_cli(["kb", "check"])
    assert code == 0 and out.startswith("ok")


def _broken_copy(tmp_path: Path, edit) -> Path:
    data = tmp_path / "data"
    shutil.copytree(PACK, data)
    path = data / "faq.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return data


def test_kb_check_names_file_and_field_of_a_missing_translation(tmp_path: Path, capsys):
    def drop_english(content):
        del content["entries"][2]["answer"]["en"]

    data = _broken_copy(tmp_path, drop_english)
    code, _ = run_cli(["kb", "check", "--data", str(data)])
    err = capsys.readouterr().err
    assert code == 1
    assert "faq.yaml" in err and "entries[2]" in err and "answer.en" in err


def test_kb_check_rejects_unknown_fields_and_bad_clauses(tmp_path: Path, capsys):
    def corrupt(content):
        content["entries"][0]["answr"] = "typo"
        content["entries"][1]["clause"] = "九十九"

    data = _broken_copy(tmp_path, corrupt)
    code, _ = run_cli(["kb", "check", "--data", str(data)])
    err = capsys.readouterr().err
    assert code == 1
    assert "entries[0]" in err and "answr" in err
    assert "entries[1]" in err and "clause" in err


def _check_with_lexicon(tmp_path: Path, capsys, edit) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """`kb check` on a copy of the pack whose lexicon.yaml text `edit` has changed: (code, stderr)."""
    data = tmp_path / "data"
    shutil.copytree(PACK, data)
    lexicon = data / "lexicon.yaml"
    lexicon.write_text(edit(lexicon.read_text(encoding="utf-8")), encoding="utf-8")
    code, _ = run_cli(["kb", "check", "--data", str(data)])
    return code, capsys.readouterr().err


def test_kb_check_rejects_an_outside_word_that_the_faq_asks_after_its_synonyms(tmp_path: Path, capsys):
    # 邮箱 is a synonym of 联系方式, a word of the contacts entry's own questions
    code, err = _check_with_lexicon(
        tmp_path, capsys, lambda text: text.replace("out_of_scope:\n", "out_of_scope:\n  - 邮箱\n", 1)
    )
    assert code == 1
    assert "lexicon.yaml" in err and "out_of_scope[0]" in err and "联系方式" in err


def test_kb_check_names_a_synonym_said_twice(tmp_path: Path, capsys):
    # YAML keeps only the last of two equal keys: the first reads as if it were in force
    twice = "synonyms:\n  几号: 截止日期\n"
    code, err = _check_with_lexicon(tmp_path, capsys, lambda text: text.replace("synonyms:\n", twice, 1))
    assert code == 1 and "lexicon.yaml:" in err and "'几号' is said again" in err


def test_kb_check_rejects_a_phrase_pattern_that_is_no_regular_expression(tmp_path: Path, capsys):
    bad = "phrase_patterns:\n  '(还能': 仍在受理\n"
    code, err = _check_with_lexicon(tmp_path, capsys, lambda text: text.replace("phrase_patterns:\n", bad, 1))
    assert code == 1 and "lexicon.yaml" in err and "(还能" in err and "regular expression" in err


def test_kb_check_rejects_a_kind_of_firm_pointing_at_no_direction(tmp_path: Path, capsys):
    code, err = _check_with_lexicon(
        tmp_path,
        capsys,
        lambda text: text.replace("kind_directions: {软件: [d2]", "kind_directions: {软件: [d9]", 1),
    )
    assert code == 1 and "kind_directions.软件" in err and "'d9'" in err


def test_kb_check_wants_the_reply_for_unstated_details(tmp_path: Path, capsys):
    def without_the_reply(text: str) -> str:
        content = yaml.safe_load(text)
        del content["replies"]["unstated"]
        return yaml.safe_dump(content, allow_unicode=True)

    code, err = _check_with_lexicon(tmp_path, capsys, without_the_reply)
    assert code == 1 and "unstated" in err


def test_kb_check_rejects_an_unstated_detail_that_the_faq_answers(tmp_path: Path, capsys):
    # 附件链接在哪 is a question of the attachments entry
    code, err = _check_with_lexicon(
        tmp_path, capsys, lambda text: text.replace("unstated_details: [", "unstated_details: [附件链接, ", 1)
    )
    assert code == 1 and "unstated_details[0]" in err and "附件链接在哪" in err


@pytest.mark.parametrize(
    ("pattern", "complaint"),
    [
        ("'附件.{0,2}在哪'", "get-attachments"),
        ("'(几天'", "regular expression"),
    ],
)
def test_kb_check_rejects_an_unstated_pattern_the_faq_answers_or_that_is_no_expression(
    tmp_path: Path, capsys, pattern: str, complaint: str
):
    def with_the_pattern(text: str) -> str:
        return text.replace("unstated_patterns:\n", f"unstated_patterns:\n  - {pattern}\n", 1)

    code, err = _check_with_lexicon(tmp_path, capsys, with_the_pattern)
    assert code == 1 and "lexicon.yaml" in err and complaint in err


def test_kb_check_reports_invalid_yaml_with_its_line(tmp_path: Path, capsys):
    data = tmp_path / "data"
    shutil.copytree(PACK, data)
    (data / "lexicon.yaml").write_text("synonyms: [unclosed\n", encoding="utf-8")
    code, _ = run_cli(["kb", "check", "--data", str(data)])
    err = capsys.readouterr().err
    assert code == 1 and "lexicon.yaml" in err and "line" in err


def test_module_entry_point_runs_as_a_process():
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="支持方向\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["entry_id"] is not None


def _broken_flows(tmp_path: Path, edit) -> Path:
    flows = tmp_path / "flows"
    shutil.copytree(FLOWS, flows)
    path = flows / "eligibility.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return flows


def test_kb_check_covers_the_flows(tmp_path: Path, capsys):
    def break_flow(content):
        content["steps"][3]["when"] = {"nonexistent": ["x"]}
        content["steps"][5]["type"] = "slider"

    flows = _broken_flows(tmp_path, break_flow)
    code, _ = run_cli(["kb", "check", "--flows", str(flows)])
    err = capsys.readouterr().err
    assert code == 1
    assert "eligibility.yaml" in err and "steps[5]" in err and "type" in err


def test_kb_check_notices_a_diagram_that_drifted_from_its_flow(tmp_path: Path, capsys):
    def relabel(content):
        content["steps"][0]["label"]["en"] = "Company name"

    flows = _broken_flows(tmp_path, relabel)
    code, _ = run_cli(["kb", "check", "--flows", str(flows)])
    assert code == 1 and "eligibility.mmd: out of date" in capsys.readouterr().err


def test_shipped_diagrams_match_their_flows():
    from conversations.diagram import diagram_path, to_mermaid
    from conversations.flow import load_flow

    for path in FLOWS.glob("*.yaml"):
        flow = load_flow(path.stem, FLOWS, NOTICE)
        assert diagram_path(flow, FLOWS).read_text(encoding="utf-8") == to_mermaid(flow)


def test_kb_check_names_a_stage_the_notice_does_not_have(tmp_path: Path, capsys):
    def rename_stage(content):
        step = next(s for s in content["steps"] if s.get("during"))
        step["during"]["after"] = "no_such_stage"

    flows = _broken_flows(tmp_path, rename_stage)
    code, _ = run_cli(["kb", "check", "--flows", str(flows)])
    err = capsys.readouterr().err
    assert code == 1 and "during.after: no stage 'no_such_stage'" in err


def _pack_copy(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    return pack


def _edit_yaml(path: Path, edit) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


def _check_edited_pack(tmp_path: Path, capsys, file: str, edit) -> tuple[int, str]:
    """`kb check` on a copy of the shipped pack with one of its files edited: exit code, errors."""
    pack = _pack_copy(tmp_path)
    _edit_yaml(pack / file, edit)
    code, _ = run_cli(["kb", "check", str(pack)])
    return code, capsys.readouterr().err


def test_kb_check_takes_a_pack_folder(tmp_path: Path, capsys):
    code, out = run_cli(["kb", "check", str(_pack_copy(tmp_path))])
    assert code == 0 and out.startswith("ok")
    code, _ = run_cli(["kb", "check", str(tmp_path / "no-such-pack")])
    assert code == 1 and "no-such-pack" in capsys.readouterr().err


def test_kb_check_rejects_a_formula_naming_a_missing_answer(tmp_path: Path, capsys):
    def misname(content):
        content["formula"]["figures"]["investment"]["answer"] = "investmnt"

    code, err = _check_edited_pack(tmp_path, capsys, "rules/eligibility.yaml", misname)
    assert code == 1
    assert "rules/eligibility.yaml: formula.figures.investment.answer: 'investmnt' is not a step" in err


def test_kb_check_rejects_a_renamed_step_the_formula_reads(tmp_path: Path, capsys):
    def rename(content):
        step = next(s for s in content["steps"] if s["id"] == "company")
        step["id"] = "firm"

    code, err = _check_edited_pack(tmp_path, capsys, "flows/eligibility.yaml", rename)
    assert code == 1 and "rules/eligibility.yaml: formula.company: 'company' is not a step" in err


def test_kb_check_rejects_a_direction_based_on_no_figure_of_the_formula(tmp_path: Path, capsys):
    def rebase(content):
        content["directions"][0]["funding"]["base"] = "turnover"

    code, err = _check_edited_pack(tmp_path, capsys, "notice.yaml", rebase)
    assert code == 1 and "rules/eligibility.yaml: formula.figures: no figure 'turnover'" in err


def test_kb_check_rejects_a_direction_the_check_does_not_offer(tmp_path: Path, capsys):
    def add_direction(content):
        extra = {**content["directions"][0], "id": "d5", "number": 5}
        content["directions"].append(extra)

    code, err = _check_edited_pack(tmp_path, capsys, "notice.yaml", add_direction)
    assert code == 1 and "formula.direction: the step 'direction' offers no option" in err and "d5" in err


def test_kb_check_names_the_notice_wording_a_pack_lacks(tmp_path: Path, capsys):
    def drop(content):
        del content["texts"]["start.greeting"]
        del content["texts"]["result.calc_room"]  # the formula has a ceiling: its line is needed

    code, err = _check_edited_pack(tmp_path, capsys, "texts.yaml", drop)
    assert code == 1 and "texts.yaml: texts: missing message ids" in err
    assert "start.greeting" in err and "result.calc_room" in err


def test_ask_reads_bot_notice_dir_from_dot_env(tmp_path: Path, monkeypatch):
    harbor = Path(__file__).parent / "packs" / "fictional-harbor-2031"
    monkeypatch.delenv("BOT_NOTICE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"BOT_NOTICE_DIR={harbor}\n", encoding="utf-8")
    code, out = run_cli(["ask", "--json", "支持哪些方向"])
    assert code == 0 and json.loads(out)["entry_id"] == "what-directions"


def test_kb_check_says_plainly_where_the_yaml_is_not_valid(tmp_path: Path, capsys):
    # a bare '?' in a flow list is no YAML the strict reader takes: a clear line, no traceback
    bad = "which_direction: [属于哪个?, "
    code, err = _check_with_lexicon(tmp_path, capsys, lambda text: text.replace("which_direction: [", bad, 1))
    assert code == 1 and "lexicon.yaml" in err and "not valid YAML" in err and "Traceback" not in err
