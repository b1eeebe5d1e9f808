"""`kb check` for a whole notice pack: the knowledge files, every flow and rule file valid, the
references between them (stages, steps, the formula's answers), diagrams up to date."""

from __future__ import annotations

from pathlib import Path

from conversations.diagram import diagram_path, to_mermaid
from conversations.eligibility import load_rules
from conversations.flow import Flow, load_flow, references
from knowledge.check import check_all
from knowledge.loader import KnowledgeError, load_knowledge
from knowledge.pack import flows_dir as pack_flows_dir
from knowledge.pack import rules_dir as pack_rules_dir
from knowledge.schema import Notice


def check_pack(
    pack: Path, flows_dir: Path | None = None, data_dir: Path | None = None
) -> tuple[list[str], str]:
    """Problems as 'file: field: …' lines, and a one-line summary; `flows_dir` and `data_dir`
    replace the pack's own folders (to check a copy of one part)."""
    data = data_dir or pack
    problems, summary = check_all(data)
    notice = None if problems else load_knowledge(data).notice
    flows = flows_dir or pack_flows_dir(pack)
    flow_problems, loaded = check_flows(flows, pack_rules_dir(pack), notice=notice)
    return problems + flow_problems, summary + f", {len(loaded)} flows"


def check_flows(
    flows_dir: Path, rules_dir: Path, stage_ids: set[str] | None = None, notice: Notice | None = None
) -> tuple[list[str], list[Flow]]:
    """Problems as 'file: field: …' lines; `stage_ids` (or the notice's stages) are what `during`
    may name, and the notice's directions are what the formula's direction answer may take."""
    if notice is not None and stage_ids is None:
        stage_ids = {stage.id for stage in notice.stages}
    problems: list[str] = []
    flows: dict[str, Flow] = {}
    for path in sorted(flows_dir.glob("*.yaml")):
        try:
            flows[path.stem] = load_flow(path.stem, flows_dir)
        except KnowledgeError as exc:
            problems += exc.problems
            continue
        if flows[path.stem].id != path.stem:
            problems.append(f"{path}: id: {flows[path.stem].id!r} should be the file's name {path.stem!r}")
        if stage_ids is not None:
            problems += [f"{path}: {p}" for p in _unknown_stages(flows[path.stem], stage_ids)]
        if notice is not None:
            problems += [f"{path}: {p}" for p in references(flows[path.stem], notice)]
        mmd = diagram_path(flows[path.stem], flows_dir)
        if not mmd.exists() or mmd.read_text(encoding="utf-8") != to_mermaid(flows[path.stem]):
            problems.append(f"{mmd}: out of date; run `python -m bot flow diagram {path.stem}`")
    for path in sorted(rules_dir.glob("*.yaml")):
        try:
            rules = load_rules(path.stem, rules_dir)
        except KnowledgeError as exc:
            problems += exc.problems
            continue
        flow = flows.get(rules.flow)
        if flow is None:
            problems.append(f"{path}: flow: no flow named {rules.flow!r}")
        else:
            problems += [f"{path}: {p}" for p in rules.check_against(flow, notice)]
    return problems, list(flows.values())


def _unknown_stages(flow: Flow, stage_ids: set[str]) -> list[str]:
    """A `during` naming no stage of the notice would silently never ask its step."""
    problems = []
    for i, step in enumerate(flow.steps):
        if step.during is None:
            continue
        for field in ("after", "until"):
            stage = getattr(step.during, field)
            if stage is not None and stage not in stage_ids:
                known = ", ".join(sorted(stage_ids))
                problems.append(
                    f"steps[{i}](id={step.id}).during.{field}: no stage {stage!r} (stages: {known})"
                )
    return problems
