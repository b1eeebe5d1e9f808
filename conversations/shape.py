"""The notice's structure as answers use it: its directions and stages, the sections where they
are listed and funded, the FAQ entry of each clause, and which entries sum up several directions.
Built once from the knowledge base; read-only.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from conversations.understanding import Reader, Understanding
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.schema import Direction, Entry
from knowledge.search import SearchIndex

SCENARIO_PARTS = re.compile(r"[、与]|以及")
# industrial video surveillance is "video surveillance" too; product quality inspection is its own
GENERIC_MODIFIERS = {"industrial", "intelligent", "smart", "automated", "digital"}
EN_SCENARIO_PARTS = re.compile(r",\s*|\s+and\s+")  # Vertical data integration …, and …


def section_of(clause: str) -> str:
    """A clause's section: the part before its item's brackets."""
    return clause.split("(")[0]


def english_scenario_parts(direction: Direction) -> list[str]:
    """A direction's English scenarios in the parts people say (of several words), and the head
    nouns of a generic one (industrial video surveillance: people say "AI video surveillance")."""
    parts = [p for s in direction.scenarios.en for p in EN_SCENARIO_PARTS.split(simplify(s)) if " " in p]
    heads = [
        p.split(" ", 1)[1] for p in parts if p.count(" ") == 2 and p.split(" ", 1)[0] in GENERIC_MODIFIERS
    ]
    return parts + heads


SCENARIO_SIMILARITY = 75  # 设备智能运维 names the scenario 设备智能维修运维 (long scenarios only)


class NoticeShape:
    def __init__(self, kb: KnowledgeBase, reader: Reader) -> None:
        notice = kb.notice
        index = reader.index
        self.kb = kb
        self.reader = reader
        self.directions = {d.id: d for d in notice.directions}
        self.stages = {s.id: s for s in notice.stages}
        self.own_ids = frozenset({*self.directions, *self.stages})  # the notice's own things, by id
        # the notice's sections, from its data: where the directions are listed, where their
        # amounts are (answers replaced by the worked figures), and who may apply
        self.directions_section = section_of(notice.directions[0].clause)
        self.amount_section = section_of(notice.directions[0].funding.clause)
        self.who_section = section_of(notice.eligibility[0].clause) if notice.eligibility else ""
        self.amount_intents = self._intents(index, kb.lexicon.amount_intents)
        self.deadline_intents = self._intents(index, kb.lexicon.deadline_intents)
        self.funding_clauses = {d.funding.clause for d in notice.directions}
        self.specific_clauses = {
            *(d.clause for d in notice.directions),
            *(d.funding.clause for d in notice.directions),
            *(s.clause for s in notice.stages),
        }
        # each scenario's parts (设备智能检测与远程维修: 设备智能检测, 远程维修), named alone by users
        self.scenarios = [
            (
                d,
                [simplify(p) for s in d.scenarios.zh for p in SCENARIO_PARTS.split(s) if 2 < len(p) <= 10]
                + english_scenario_parts(d),
            )
            for d in notice.directions
        ]
        # the technologies the notice names (边缘计算, 能耗监控): in the directions whose text says them
        scopes = {d.id: simplify(d.scope.zh) for d in notice.directions}
        self.terms_in = {
            term: [d for d in notice.directions if term in scopes[d.id]]
            for term in (simplify(t) for t in kb.lexicon.named_terms)
            if term and any(term in scope for scope in scopes.values())
        }
        self.entry_for_clause: dict[str, Entry] = {}
        for entry in kb.faq.entries:
            self.entry_for_clause.setdefault(entry.clause, entry)
        # an entry of a directions' section that speaks of several directions sums them up (the
        # caps of all of them); one that names none states the section's common rule
        direction_ids = set(self.directions)
        self.summaries = {
            e.id
            for e in kb.faq.entries
            if len({t.id for t in reader.topics_named(e.answer.zh, correct=False)} & direction_ids) > 1
        }

    @staticmethod
    def _intents(index: SearchIndex, words: list[str]) -> set[str]:
        return {index.normaliser.canonical(w, correct=False).replace(" ", "") for w in words}

    def directions_of(self, entry: Entry | None) -> list[Direction]:
        """The directions an entry is about: its clause is a direction's scope or its funding."""
        if entry is None:
            return []
        return [d for d in self.kb.notice.directions if entry.clause in (d.clause, d.funding.clause)]

    def scenarios_named(self, text: str) -> list[Direction]:
        """The directions whose scenarios (产品质量检测, 能耗优化 …) the text names."""
        return [
            d
            for d, words in self.scenarios
            if any(
                w in text
                or (len(w) >= 6 and not w.isascii() and fuzz.partial_ratio(w, text) >= SCENARIO_SIMILARITY)
                for w in words
            )
        ]

    def as_the_told_scenario(self, understood: Understanding, parts: list[Entry]) -> list[Entry]:
        """设备租赁环节上平台，省里批了1500万: figures given, no direction named and one direction's
        scenario told: an entry of another direction's scope or funding, or of the amounts in
        general, is that direction's."""
        if not understood.figures or understood.topic_ids(set(self.directions)):
            return parts
        told = self.scenarios_named(understood.simplified)
        if len(told) != 1:
            return parts
        own = told[0]
        instead = {}
        for other in self.kb.notice.directions:
            if other is not own:
                instead[other.clause] = self.entry_for_clause.get(own.clause)
                instead[other.funding.clause] = self.entry_for_clause.get(own.funding.clause)
        own_funding = self.entry_for_clause.get(own.funding.clause)
        swapped: list[Entry] = []
        for part in parts:
            entry = instead.get(part.clause) or part
            if part.clause == self.amount_section and part.id in self.summaries and own_funding:
                entry = own_funding  # the amounts of all directions, worked for the one told
            if entry not in swapped:
                swapped.append(entry)
        return swapped

    def directions_for(self, understood: Understanding, parts: list[Entry]) -> list[Direction]:
        ids = understood.topic_ids(set(self.directions))
        if not ids:  # 设备智能维修运维平台，省里给了300万: the one direction whose scenario is told
            told = self.scenarios_named(understood.simplified)
            ids = [told[0].id] if len(told) == 1 else []
        if not ids:  # 我们是软件公司，省里给了四百万: the direction whose applicant that kind of firm is
            ids = [i for i in self.reader.directions_for_its_kind(understood) if i in self.directions]
        if not ids:
            for entry in parts:
                ids += [d.id for d in self.directions_of(entry)]
        return [self.directions[i] for i in dict.fromkeys(ids)]
