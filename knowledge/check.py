"""`kb check`: every data file validated, with a one-line summary when all is well."""

from __future__ import annotations

from pathlib import Path

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
    problems += outside_words_the_faq_uses(kb, data_dir)
    problems += unstated_details_the_faq_answers(kb, data_dir)
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
