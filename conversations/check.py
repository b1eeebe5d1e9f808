"""`kb check` for the conversations: every flow and rule file valid, diagrams up to date."""

from __future__ import annotations

from pathlib import Path

from conversations.diagram import diagram_path, to_mermaid
from conversations.eligibility import RULES_DIR, load_rules
from conversations.flow import FLOWS_DIR, Flow, load_flow
from knowledge.loader import KnowledgeError


def check_flows(
    flows_dir: Path = FLOWS_DIR, rules_dir: Path = RULES_DIR, stage_ids: set[str] | None = None
) -> tuple[list[str], list[Flow]]:
    """Problems as 'file: field: …' lines; `stage_ids` are the notice's stages that `during` may name."""
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
            problems += [f"{path}: {p}" for p in rules.check_against(flow)]
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
