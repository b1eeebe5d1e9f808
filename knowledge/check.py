"""`kb check`: every data file validated, with a one-line summary when all is well."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from knowledge.loader import KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.normalize import Normaliser, simplify


def check_all(data_dir: Path) -> tuple[list[str], str]:
    """Problems (one line each, naming file and field) and a summary when there are none."""
    try:
        kb = load_knowledge(data_dir)
    except KnowledgeError as exc:
        return exc.problems, ""
    problems = cross_check(kb, data_dir)
    summary = (
        f"ok: {len(kb.faq.entries)} FAQ entries, {len(kb.notice.directions)} directions, "
        f"{len(kb.notice.stages)} stages, {len(kb.lexicon.synonyms)} synonyms"
    )
    return problems, summary


def cross_check(kb: KnowledgeBase, data_dir: Path) -> list[str]:
    """What the schema of one file cannot see: references between files."""
    problems = []
    sections = kb.notice.sections
    for i, entry in enumerate(kb.faq.entries):
        if entry.section not in sections:
            problems.append(
                f"{data_dir / 'faq.yaml'}: entries[{i}](id={entry.id}).clause: "
                f"{entry.clause!r} has no label in notice.yaml sections"
            )
    known = {d.id for d in kb.notice.directions} | {s.id for s in kb.notice.stages} | set(kb.entries_by_id)
    for topic in kb.lexicon.topics:
        if topic not in known:
            problems.append(
                f"{data_dir / 'lexicon.yaml'}: topics.{topic}: not a direction or stage id of notice.yaml "
                "nor an entry id of faq.yaml"
            )
    directions = {d.id for d in kb.notice.directions}
    for kind, ids in kb.lexicon.kind_directions.items():
        problems += [
            f"{data_dir / 'lexicon.yaml'}: kind_directions.{kind}: {i!r} is not a direction id of notice.yaml"
            for i in ids
            if i not in directions
        ]
    problems += duplicate_keys(data_dir)
    problems += outside_words_the_faq_uses(kb, data_dir)
    problems += unstated_details_the_faq_answers(kb, data_dir)
    return problems


class _KeyCounting(yaml.SafeLoader):
    """A YAML loader that notes every key a mapping says twice (YAML keeps only the last)."""

    duplicates: list[tuple[int, str]]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                self.duplicates.append((key_node.start_mark.line + 1, key))
            seen.add(key)
        return super().construct_mapping(node, deep)


def duplicate_keys(data_dir: Path) -> list[str]:
    """A key said twice in one mapping (a synonym with two readings): only the last one counts,
    so the first is dead data that reads as if it were in force."""
    problems = []
    for path in sorted(data_dir.glob("*.yaml")):
        loader = _KeyCounting(path.read_text(encoding="utf-8"))
        loader.duplicates = []
        try:
            loader.get_single_data()
        except yaml.YAMLError as error:  # a stray '?' in a flow list: said plainly, no traceback
            problems.append(f"{path}: not valid YAML: {' '.join(str(error).split())}")
            continue
        finally:
            loader.dispose()
        problems += [
            f"{path}:{line}: {key!r} is said again here; only this one counts"
            for line, key in loader.duplicates
        ]
    return problems


def unstated_details_the_faq_answers(kb: KnowledgeBase, data_dir: Path) -> list[str]:
    """A detail said to be unstated that one of the FAQ's own questions asks: the FAQ answers it
    (多久能拿到钱 is the payment entry's question), so the reply would deny its own entry."""
    questions = [(e.id, q, simplify(q)) for e in kb.faq.entries for q in (*e.questions.zh, *e.questions.en)]
    problems = []
    for where, pattern in kb.lexicon.unstated_matchers():
        hit = next(((e, q) for e, q, text in questions if pattern.search(text)), None)
        if hit is not None:
            problems.append(
                f"{data_dir / 'lexicon.yaml'}: {where}: {pattern.pattern!r} matches faq.yaml entry "
                f"{hit[0]}'s question {hit[1]!r}, which answers it"
            )
    return problems


def outside_words_the_faq_uses(kb: KnowledgeBase, data_dir: Path) -> list[str]:
    """An out-of-scope word that, after the synonyms, is in one of the FAQ's own questions would
    refuse that question (邮箱 → 联系方式 makes "联系方式" outside)."""
    lexicon = kb.lexicon
    normaliser = Normaliser(lexicon.synonyms, lexicon.stopwords, lexicon.phrase_patterns)
    questions = [
        (entry.id, q, normaliser.canonical(q, correct=False).replace(" ", ""))
        for entry in kb.faq.entries
        for q in (*entry.questions.zh, *entry.questions.en)
    ]
    problems = []
    for i, word in enumerate(lexicon.out_of_scope):
        bare = normaliser.canonical(word, correct=False).replace(" ", "")
        hit = next(((e, q) for e, q, text in questions if bare and bare in text), None)
        if hit is not None:
            problems.append(
                f"{data_dir / 'lexicon.yaml'}: out_of_scope[{i}]: {word!r} (read as {bare!r}) is in "
                f"faq.yaml entry {hit[0]}'s question {hit[1]!r}, which it would refuse"
            )
    return problems
