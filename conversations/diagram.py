"""A Mermaid picture of a flow, written next to its YAML so the picture cannot drift from it."""

from __future__ import annotations

from pathlib import Path

from conversations.flow import Flow, Step


def _node(step: Step) -> str:
    label = f"{step.label.zh} / {step.label.en}".replace('"', "'")
    return f'    {step.id}["{label}<br/><i>{step.type}</i>"]'


def _condition(step: Step) -> str:
    return " and ".join(f"{name} = {' / '.join(values)}" for name, values in step.when.items())


def to_mermaid(flow: Flow) -> str:
    """Steps in order; a conditional step gets a labelled edge in and a skip edge around it."""
    lines = [
        f"%% generated from {flow.id}.yaml by `python -m bot flow diagram {flow.id}`: do not edit",
        "flowchart TD",
    ]
    lines += [_node(step) for step in flow.steps]
    lines.append('    done(["result"])')
    steps = flow.steps
    for i, step in enumerate(steps):
        following = steps[i + 1] if i + 1 < len(steps) else None
        target = following.id if following else "done"
        if following is not None and following.when:
            lines.append(f'    {step.id} -->|"{_condition(following)}"| {target}')
            skip = next((s for s in steps[i + 2 :] if s.when != following.when), None)
            lines.append(f'    {step.id} -->|"otherwise"| {skip.id if skip else "done"}')
        else:
            lines.append(f"    {step.id} --> {target}")
        for option in step.options:
            for name, value in option.set.items():
                lines.append(f'    {step.id} -.->|"{option.value}: {name} = {value}"| {step.id}')
    return "\n".join(lines) + "\n"


def diagram_path(flow: Flow, flows_dir: Path) -> Path:
    return flows_dir / f"{flow.id}.mmd"


def write_diagram(flow: Flow, flows_dir: Path) -> Path:
    path = diagram_path(flow, flows_dir)
    path.write_text(to_mermaid(flow), encoding="utf-8")
    return path
