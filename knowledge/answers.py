"""Turns a search result into the words a user reads, in their language, with the clause cited."""

from __future__ import annotations

import re
from typing import Any

from knowledge.loader import KnowledgeBase
from knowledge.schema import Lang
from knowledge.search import Kind, SearchResult

CHINESE_NUMERALS = "一二三四五六七八九"
SUBCLAUSE = re.compile(r"^([一二三四五六七八九])(?:\(([一二三四五六七八九])\))?$")


def clause_label(kb: KnowledgeBase, clause: str, lang: Lang) -> str:
    """「三、支持方式（二）」 in Chinese, "Section 3 (Support method), item 2" in English."""
    sections = kb.notice.sections
    match = SUBCLAUSE.match(clause)
    if not match:
        return sections[clause].get(lang) if clause in sections else clause
    section, item = match.groups()
    title = sections[section].get(lang) if section in sections else ""
    if lang == "zh":
        return f"{section}、{title}" + (f"（{item}）" if item else "")
    number = CHINESE_NUMERALS.index(section) + 1
    label = f"Section {number}" + (f" ({title})" if title else "")
    return label + (f", item {CHINESE_NUMERALS.index(item) + 1}" if item else "")


def contacts_text(kb: KnowledgeBase, lang: Lang) -> str:
    contacts = kb.notice.contacts
    names = ("、" if lang == "zh" else ", ").join(p.name.get(lang) for p in contacts.people)
    return f"{names} {contacts.phone}"


def reply_text(kb: KnowledgeBase, name: str, lang: Lang, **values: str) -> str:
    """One of the lexicon's fixed replies, with its placeholders filled."""
    return kb.lexicon.replies[name].get(lang).format(contacts=contacts_text(kb, lang), **values)


def render(kb: KnowledgeBase, result: SearchResult) -> str:
    """The reply text for a search result; an answer ends with the clause it comes from."""
    lang = result.lang
    if result.kind is Kind.ANSWER and result.entry is not None:
        source = reply_text(kb, "source", lang, clause=clause_label(kb, result.entry.clause, lang))
        return f"{result.entry.answer.get(lang)}\n{source}"
    return reply_text(kb, result.kind.value, lang)


def as_json(kb: KnowledgeBase, result: SearchResult) -> dict[str, Any]:
    """The `ask --json` contract of DESIGN.md."""
    return {
        "answer": render(kb, result),
        "entry_id": result.entry.id if result.kind is Kind.ANSWER and result.entry else None,
        "score": result.score,
        "suggestions": [
            {"entry_id": m.entry.id, "title": m.entry.title.get(result.lang)} for m in result.suggestions
        ],
    }
