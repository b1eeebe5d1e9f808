"""Loads the knowledge base's YAML files and turns every problem into a line naming file and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from knowledge.schema import Entry, Faq, Lexicon, Notice, NoticeTexts, Text

M = TypeVar("M", bound=BaseModel)


class KnowledgeError(Exception):
    """The knowledge base cannot be used; `problems` lists one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class KnowledgeBase:
    notice: Notice
    faq: Faq
    lexicon: Lexicon
    # the notice pack these came from (its flows and rules sit beside them)
    root: Path
    # the notice's own wording in the UI, by message id (texts.yaml)
    texts: dict[str, Text] = field(default_factory=dict)

    @cached_property
    def entries_by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.faq.entries}


def _location(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn a pydantic location into 'entries[3](id=foo).answer.en'."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int):
            label = f"[{item}]"
            if isinstance(node, list) and item < len(node):
                node = node[item]
                if isinstance(node, dict) and "id" in node:
                    label += f"(id={node['id']})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Parse one YAML file into `model`, raising KnowledgeError with file-and-field messages;
    `context` carries what its validators check against (the notice's sections)."""
    # imported here: a prebuilt composer (conversations.prebuilt) starts without reading any YAML
    import yaml

    # libyaml's loader is several times faster; PyYAML built without libyaml has only Python's
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except FileNotFoundError as exc:
        raise KnowledgeError([f"{path}: file not found"]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise KnowledgeError([f"{path}:{where} not valid YAML: {getattr(exc, 'problem', exc)}"]) from exc
    if not isinstance(data, dict):
        raise KnowledgeError([f"{path}: expected a mapping at the top level"])
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = [f"{path}: {_location(err['loc'], data)}: {err['msg']}" for err in exc.errors()]
        raise KnowledgeError(problems) from exc


def load_knowledge(pack: Path) -> KnowledgeBase:
    """Load a notice pack's notice, FAQ and lexicon; all files are checked before the first error is
    raised."""
    problems: list[str] = []
    loaded: dict[str, Any] = {}
    models: tuple[tuple[str, type[BaseModel]], ...] = (
        ("notice", Notice),
        ("faq", Faq),
        ("lexicon", Lexicon),
        ("texts", NoticeTexts),
    )
    for name, model in models:
        # once the notice is read, the other files' clauses must name its sections
        context = {"sections": list(loaded["notice"].sections)} if "notice" in loaded else None
        try:
            loaded[name] = load_model(pack / f"{name}.yaml", model, context)
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    if problems:
        raise KnowledgeError(problems)
    texts = loaded.pop("texts")
    return KnowledgeBase(**loaded, root=pack, texts=dict(texts.texts))
