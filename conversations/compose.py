"""Answers composed from what a message asks: one part per question, the user's own figures worked
out with the notice's formula, a wrong premise corrected, deadlines told against today.

The parts come from the FAQ (found by the search, one per question asked) and from the notice's
structured data (directions, stages); each part ends with its clause. A message about another
programme, year or city is said to be outside the notice, with the contacts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from conversations.today import EN_MONTHS, deadline_notes, format_day
from conversations.understanding import JOINERS, Reader, Understanding
from conversations.worked import Worker, direction_name, money
from knowledge.answers import CHINESE_NUMERALS, clause_label, render, reply_text
from knowledge.figures import Figure, read_dates, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.normalize import detect_language, simplify
from knowledge.schema import Direction, Entry, Lang
from knowledge.search import Kind, Match, SearchIndex, SearchResult

MAX_PARTS = 4
SUPPORT_WINDOW = 6  # characters after an outside word in which a word of support names it
SURE_OF_DIRECTION = 0.8  # asked which direction: a search this sure of one direction's entry decides
SCENARIO_SIMILARITY = 75  # 设备智能运维 names the scenario 设备智能维修运维 (long scenarios only)
ATTACHMENT_NUMBER = re.compile(r"(?:附件|attachment|annex)\s*(\d{1,2}|[一二三四五六七八九])", re.IGNORECASE)
ATTACHMENTS_CLAUSE = "附件"  # how the notice's schema names its list of attachments
GENERAL_MARGIN = 0.1  # how much closer a direction's own entry must be than its section's summary
CONFIDENT_ALONE = 0.6  # a short message the search answers this well on its own is no follow-up
LONG_MESSAGE_CLAUSES = 3  # from this many clauses on, a message tells a situation before asking
STRONG_CLAUSE = 0.75  # a clause of the situation that matches an entry this well is answered too
EACH_WORDS = ("分别", "各", "每个", "each", "respectively")


@dataclass(frozen=True)
class Context:
    """What a follow-up may lean on: the last question, its topic and intent words, its figures."""

    question: str
    topics: list[str] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    figures: list[tuple[str, str | None]] = field(default_factory=list)  # (yuan, role)
    entry_id: str | None = None
    lang: str = "zh"

    def as_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "question": self.question,
            "topics": self.topics,
            "intents": self.intents,
            "figures": self.figures,
            "entry_id": self.entry_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Context:
        return cls(
            str(data.get("question", "")),
            list(data.get("topics", [])),
            list(data.get("intents", [])),
            [(str(y), r) for y, r in data.get("figures", [])],
            data.get("entry_id"),
            str(data.get("lang", "zh")),
        )


@dataclass(frozen=True)
class Composed:
    kind: Kind
    lang: Lang
    text: str
    entry_id: str | None
    score: float
    suggestions: list[Match]
    context: Context | None = None  # None: nothing a follow-up can lean on
    computed: bool = False  # the user's figures were worked out (offer the full check)
    followup: bool = False  # read as a follow-up of the previous question

    def as_json(self) -> dict[str, Any]:
        """The `ask --json` contract of DESIGN.md."""
        return {
            "answer": self.text,
            "entry_id": self.entry_id,
            "score": self.score,
            "suggestions": [
                {"entry_id": m.entry.id, "title": m.entry.title.get(self.lang)} for m in self.suggestions
            ],
        }


def section_of(clause: str) -> str:
    """三(二) → 三."""
    return clause.split("(")[0]


class Composer:
    """Built once per process from the knowledge base and its search index."""

    def __init__(self, kb: KnowledgeBase, index: SearchIndex) -> None:
        self.kb = kb
        self.index = index
        self.reader = Reader(index)
        self.worker = Worker(kb)
        notice = kb.notice
        self.directions = {d.id: d for d in notice.directions}
        self.stages = {s.id: s for s in notice.stages}
        # the notice's sections, from its data: where the directions are listed (一), where their
        # amounts are (三: answers replaced by the worked figures), and who may apply (二)
        self.directions_section = section_of(notice.directions[0].clause)
        self.amount_section = section_of(notice.directions[0].funding.clause)
        self.who_section = section_of(notice.eligibility[0].clause) if notice.eligibility else ""
        self.vague_words = {
            t for w in kb.lexicon.vague_words for t in index.normaliser.tokens(w, correct=False)
        }
        self.amount_intents = {
            index.normaliser.canonical(w, correct=False).replace(" ", "") for w in kb.lexicon.amount_intents
        }
        self._specific_clauses = {
            *(d.clause for d in notice.directions),
            *(d.funding.clause for d in notice.directions),
            *(s.clause for s in notice.stages),
        }
        self._scenarios = [
            (d, [simplify(p) for s in d.scenarios.zh for p in s.split("、") if 2 < len(p) <= 8])
            for d in notice.directions
        ]
        self._entry_for_clause: dict[str, Entry] = {}
        for entry in kb.faq.entries:
            self._entry_for_clause.setdefault(entry.clause, entry)
        # an entry of a directions' section that speaks of several directions sums them up (the
        # caps of all four); one that names none states the section's common rule (事后奖补)
        direction_ids = set(self.directions)
        self._summaries = {
            e.id for e in kb.faq.entries if len(self.reader.read(e.answer.zh).topic_ids(direction_ids)) > 1
        }

    # the door -------------------------------------------------------------------------------
    def answer(
        self, question: str, lang: Lang | None, today: dt.date, context: Context | None = None
    ) -> Composed:
        question = self.reader.now_said_as_year(question)
        followup = context is not None and self._leans(question, context)
        carried: list[Figure] = []
        adds_nothing = False
        if followup and context is not None:
            own = self.reader.read(question)
            # 还有呢, 那其他的呢: nothing of its own to go on (no topic, ask, figure or date)
            words = [w for w in self.index.known_words(question) if w not in self.vague_words]
            adds_nothing = not (own.topics or own.intents or own.figures or read_dates(own.text) or words)
            question = self._merge(question, own, context)
            understood = self.reader.read(question)
            if own.figures or set(understood.intents) & (set(context.intents) | self.amount_intents):
                carried = self._carried_figures(own, context)
        else:
            understood = self.reader.read(question)
        composed = self._compose(question, understood, lang, today, carried)
        unsettled = adds_nothing and context is not None and composed.entry_id == context.entry_id
        if followup and (unsettled or composed.kind not in (Kind.ANSWER, Kind.OUTSIDE)):
            composed = Composed(
                Kind.UNSURE,
                composed.lang,
                reply_text(self.kb, "followup_choices", composed.lang),
                None,
                composed.score,
                composed.suggestions,
            )
        return Composed(**{**composed.__dict__, "followup": followup})

    def unanswered(self, question: str, lang: Lang | None) -> Composed:
        """The honest reply when a question could not be answered: not sure, with the contacts'
        help offered, and no entry."""
        answer_lang: Lang = lang or ("en" if detect_language(question) == "en" else "zh")
        return Composed(Kind.UNSURE, answer_lang, reply_text(self.kb, "unsure", answer_lang), None, 0.0, [])

    def entry(self, entry: Entry, lang: Lang, today: dt.date) -> Composed:
        """One FAQ entry as an answer (a tapped suggestion), its deadlines told against today."""
        text = self._entry_text(entry, lang)
        notes = deadline_notes(self.kb, text, lang, today)
        context = Context(entry.questions.get(lang)[0], entry_id=entry.id, lang=lang)
        text = f"{text}\n\n{notes}" if notes else text
        return Composed(Kind.ANSWER, lang, text, entry.id, 1.0, [], context)

    # follow-ups -----------------------------------------------------------------------------
    def _leans(self, question: str, context: Context) -> bool:
        """A short message that needs the previous question to be understood: marked as a
        follow-up, asking an amount about the previous figures, or not answerable on its own."""
        understood = self.reader.read(question)
        if understood.other_programme or not self.reader.leans_on_context(question, understood):
            return False
        alone = self.index.search(question)
        if alone.kind in (Kind.GREETING, Kind.THANKS, Kind.EMPTY) or alone.lang != context.lang:
            return False
        if self.reader.marked_followup(question):
            return True
        asks_amount = bool(set(understood.intents) & self.amount_intents)
        if asks_amount and not understood.figures and (context.figures or self._named_directions(context)):
            return True
        if alone.kind is not Kind.ANSWER or alone.score < CONFIDENT_ALONE or alone.entry is None:
            return True
        # an answer about one direction or stage the message does not name is a guess
        return not understood.topics and alone.entry.clause in self._specific_clauses

    def _named_directions(self, context: Context) -> list[str]:
        return [t for t in context.topics if self.reader.read(t).topic_ids(set(self.directions))]

    def _merge(self, question: str, understood: Understanding, context: Context) -> str:
        """The follow-up with what it leaves out taken from the previous question: the thing it
        was about (or the whole question), and what it asked."""
        prefix: list[str] = []
        if not understood.topics:
            prefix = list(context.topics) or [context.question + "，"]
        suffix = list(context.intents) if not understood.intents else []
        return " ".join([*prefix, question, *suffix])

    def _carried_figures(self, understood: Understanding, context: Context) -> list[Figure]:
        """The previous question's figures for "the same amount for direction 2?"; a new figure
        without a word of its own takes the previous figure's role."""
        if not context.figures:
            return []
        if understood.figures:
            roles = {r for _, r in context.figures if r in self.worker.formula.figures}
            if len(roles) != 1:
                return []
            role = next(iter(roles))
            return [
                Figure(f.yuan, f.start, f.end, role) for f in understood.figures if f.role in (None, "claim")
            ]
        return [Figure(Decimal(y), 0, 0, r) for y, r in context.figures]

    # composition ----------------------------------------------------------------------------
    def _compose(
        self,
        question: str,
        understood: Understanding,
        lang: Lang | None,
        today: dt.date,
        carried: list[Figure],
    ) -> Composed:
        index = self.index
        main = index.search(question, lang)
        if self._confirms_a_notice_fact(question, understood):
            copies = self.kb.lexicon.copies_intent if understood.claimed_copies() else ""
            who = self.kb.lexicon.body_intent if self.reader.offered_body(understood) else ""
            if copies and copies not in understood.intents:  # 打印三份就够了吧: asks the copies
                main = self._confirmed(question, understood, copies, lang)
            elif who:  # 是省工信厅发的吧: asks who
                main = self._confirmed(question, understood, who, lang)
            elif main.kind is Kind.OUTSIDE:
                main = index.search(question, lang, lenient=True)
        lang = main.lang
        if main.kind in (Kind.EMPTY, Kind.GREETING, Kind.THANKS):
            return self._plain(main)
        if understood.other_programme or index.elsewhere(question):
            return self._outside(main)
        asked = [c for c in understood.clauses if self.reader.is_question(c)] or understood.clauses[-1:]
        if main.kind is Kind.OUTSIDE and any(index.outside_words(c) for c in asked):
            return self._plain(main)  # what is asked is about something else, not just the story
        if all(index.outside_words(c) for c in asked):
            return self._outside(main)  # 5G网关什么品牌好: every question asks about something else
        if main.kind is Kind.OUTSIDE and self._asks_about_the_story(understood, asked):
            return self._plain(main)  # 听说有社保补贴，怎么申请: the story's other thing is asked

        parts, searched = self._parts(question, understood, main)
        if main.kind is Kind.OUTSIDE and not searched:
            parts = []  # words of the situation alone do not make a question about the notice
        figures = self._figures(understood, carried)
        computed = self._worked_figures(understood, figures, parts, lang)
        if not parts and not computed:
            return self._plain(main)

        blocks: list[str] = []
        applicants = self._applicants(understood, parts, lang)
        if applicants:
            blocks.append(applicants)
        attachments = self._attachments(question, lang)
        if attachments:
            blocks.append(attachments)
        premise = self._premise(understood, parts, computed, lang)
        if premise:
            blocks.append(premise)
        if computed:
            blocks.append(computed)
        for entry in parts:
            if computed and entry.clause.startswith(self.amount_section):
                continue
            blocks.append(self._entry_text(entry, lang))
        text = "\n\n".join(blocks)
        dates = deadline_notes(self.kb, text, lang, today)
        if dates:
            text += "\n\n" + dates
        main_entry = parts[0] if parts else self._amount_entry(understood, figures)
        context = Context(
            question,
            [t.word for t in understood.topics],
            understood.intents,
            [(str(f.yuan), f.role) for f in figures if f.role in self.worker.formula.figures],
            main_entry.id if main_entry else None,
            lang,
        )
        suggestions = [m for m in main.suggestions if m.entry not in parts][:2]
        score = main.score if main.kind is Kind.ANSWER else max(main.score, 0.5)
        entry_id = main_entry.id if main_entry else "composed"
        return Composed(Kind.ANSWER, lang, text, entry_id, score, suggestions, context, bool(computed))

    def _confirmed(
        self, question: str, understood: Understanding, ask: str, lang: Lang | None
    ) -> SearchResult:
        """The fact a statement offers for confirmation, asked with what it confirms (份数, 谁):
        from the whole message, or from its last question when the story blurs the whole."""
        main = self.index.search(f"{question} {ask}", lang, lenient=True)
        asked = [c for c in understood.clauses if self.reader.is_question(c)]
        if main.kind is not Kind.ANSWER and asked and asked[-1] != question:
            last = self.index.search(f"{asked[-1]} {ask}", lang, lenient=True)
            if last.kind is Kind.ANSWER:
                return last
        return main

    def _confirms_a_notice_fact(self, question: str, understood: Understanding) -> bool:
        """…就够了吧, …对吧 about one of the notice's topics or asks: the user's own words for
        the fact (打印三份交上去) are no sign that the message is about something else."""
        if not understood.premise or understood.other_programme or self.index.outside_words(question):
            return False
        about = (
            understood.topics
            or understood.intents
            or understood.claimed_copies()
            or self.reader.offered_body(understood)
        )
        return bool(about) and not self.index.elsewhere(question)

    def _asks_about_the_story(self, understood: Understanding, asked: list[str]) -> bool:
        """The questions are made only of everyday asking words (怎么申请, 补多少), so they ask
        about what the story names; the story names something outside the notice and none of
        the notice's topics."""
        if understood.topics or not self.index.outside_words(understood.text):
            return False
        generic = self.reader.generic_words
        words = [w for c in asked for w in self.index.known_words(c) if not any(ch.isdigit() for ch in w)]
        if not all(w in generic for w in words):
            return False
        # 在阿里云上部署了MES，能申报吗: asking to apply is about the notice, unless the story
        # names another support (听说有社保补贴，怎么申请)
        if not any(w in self.reader.apply_words for w in words):
            return True
        return self._story_names_a_support(understood, asked)

    def _story_names_a_support(self, understood: Understanding, asked: list[str]) -> bool:
        support = self.reader.support_words
        for clause in understood.clauses:
            if clause in asked:
                continue
            for word in self.index.outside_words(clause):
                bare = self.index.normaliser.canonical(clause).replace(" ", "")
                at = bare.find(word)
                if at >= 0 and any(s in bare[at : at + len(word) + SUPPORT_WINDOW] for s in support):
                    return True
        return False

    def _applicants(self, understood: Understanding, parts: list[Entry], lang: Lang) -> str:
        """Who applies for a named direction, when that is asked: its applicant, with its clause."""
        named = [self.directions[i] for i in understood.topic_ids(set(self.directions))]
        if not (named and parts and self.who_section and parts[0].clause.startswith(self.who_section)):
            return ""
        lines = []
        for direction in named:
            lines.append(
                reply_text(
                    self.kb,
                    "direction_applicant",
                    lang,
                    direction=direction_name(direction, lang),
                    applicant=direction.applicant.get(lang),
                )
            )
            clause = clause_label(self.kb, direction.funding.clause, lang)
            lines.append(reply_text(self.kb, "source", lang, clause=clause))
        return "\n".join(lines)

    def _attachments(self, question: str, lang: Lang) -> str:
        """附件1是什么: each attachment the message names by number, from the notice's list."""
        numbers = [
            int(n) if n.isdigit() else CHINESE_NUMERALS.index(n) + 1
            for n in ATTACHMENT_NUMBER.findall(to_arabic(question))
        ]
        titles = {a.number: a.title.get(lang) for a in self.kb.notice.attachments}
        lines = [
            reply_text(self.kb, "attachment_line", lang, number=str(n), title=titles[n])
            for n in dict.fromkeys(numbers)
            if n in titles
        ]
        if not lines:
            return ""
        clause = clause_label(self.kb, ATTACHMENTS_CLAUSE, lang)
        return "\n".join([*lines, reply_text(self.kb, "source", lang, clause=clause)])

    def _plain(self, result: SearchResult) -> Composed:
        entry_id = result.entry.id if result.kind is Kind.ANSWER and result.entry else None
        context = None
        if entry_id and result.entry is not None:
            context = Context(result.entry.questions.get(result.lang)[0], entry_id=entry_id, lang=result.lang)
        return Composed(
            result.kind,
            result.lang,
            render(self.kb, result),
            entry_id,
            result.score,
            result.suggestions,
            context,
        )

    def _outside(self, result: SearchResult) -> Composed:
        text = reply_text(self.kb, "outside", result.lang)
        return Composed(Kind.OUTSIDE, result.lang, text, None, result.score, [])

    def _entry_text(self, entry: Entry, lang: Lang) -> str:
        source = reply_text(self.kb, "source", lang, clause=clause_label(self.kb, entry.clause, lang))
        return f"{entry.answer.get(lang)}\n{source}"

    def _parts(
        self, question: str, understood: Understanding, main: SearchResult
    ) -> tuple[list[Entry], bool]:
        """One FAQ entry per question asked: the best entry for the message's questions, then of
        each questioning clause, then of each named thing asked about together; and whether any
        came from a search (not only from the words of the situation)."""
        index, reader = self.index, self.reader
        parts: list[Entry] = []
        lang = main.lang
        seen: dict[str, SearchResult] = {question: main}

        def search(text: str) -> SearchResult:  # one search per distinct text in one answer
            if text not in seen:
                seen[text] = index.search(text, lang)
            return seen[text]

        def add(result: SearchResult) -> None:
            if result.kind is Kind.ANSWER and result.entry is not None and result.entry not in parts:
                parts.append(result.entry)

        clauses = [c for c in understood.clauses if not index.outside_words(c)]
        questions = [c for c in clauses if reader.is_question(c)]
        if len(understood.clauses) >= LONG_MESSAGE_CLAUSES and questions:
            # the situation first, the question last: the question and the clause before it
            # decide, unless the whole message is a better match
            last = clauses.index(questions[-1])
            cores = [
                search(questions[-1]),
                search(" ".join(clauses[max(0, last - 1) : last + 1])),
            ]
            best = max([main, *cores], key=lambda r: (r.kind is Kind.ANSWER, r.score))
            add(best)
            for clause in clauses:  # a clause that plainly says what it is about
                if not self.index.known_words(clause):
                    continue  # 三十来号人: nothing the knowledge base speaks of
                result = search(clause)
                if result.score >= STRONG_CLAUSE and result.kind is Kind.ANSWER:
                    add(result)
        else:
            add(main)
        if main.kind is not Kind.ANSWER or len(questions) > 1:
            if not questions and clauses and main.kind is Kind.UNSURE:
                questions = clauses[-1:]
            # a question without a topic of its own asks about what the story named before it
            last_topics = [t.word for t in understood.topics][:1]
            for clause in questions:
                clause_topics = [t.word for t in reader.read(clause).topics]
                query = clause if clause_topics or not last_topics else " ".join([*last_topics, clause])
                last_topics = clause_topics or last_topics
                add(search(query))
        asked = (
            understood.intents
            or [w for w in questions[-1:] if not reader.read(w).topics]
            or self._asked_words(questions[-1:] if questions else [], understood)
        )
        for group in self._asked_together(understood, parts):
            for topic_id, word in group:
                result = search(" ".join([word, *asked]))
                direction = self.directions.get(topic_id)
                if direction is not None and result.entry is not None and result.kind is Kind.ANSWER:
                    # a summary of every direction found for one of them: that direction's own entry
                    section = result.entry.clause
                    if section == self.directions_section:
                        result = SearchResult(
                            Kind.ANSWER, lang, result.score, self._entry_for_clause.get(direction.clause)
                        )
                    elif section == self.amount_section:
                        funding = self._entry_for_clause.get(direction.funding.clause)
                        result = SearchResult(Kind.ANSWER, lang, result.score, funding)
                add(result)
            if len(group) == len(self.directions):  # each of them answered: no need of the summary
                specific = [
                    p for p in parts if p.clause not in (self.directions_section, self.amount_section)
                ]
                parts[:] = specific or parts
        searched = bool(parts)
        parts = self._generalise(understood, parts, main)
        parts = self._specialise(understood, parts)
        parts = self._keep_to_the_named_stage(understood, parts, main)
        dated = bool(read_dates(understood.text))
        # 被审计通报过，还能报吗: asking only whether one may apply, the situation's rule answers first
        asks_to_apply = any(
            t in reader.apply_words for c in questions for t in index.normaliser.tokens(c, correct=False)
        )
        for topic in understood.topics:  # a topic named after an entry: that entry answers too
            entry = self.kb.entries_by_id.get(topic.id)
            if entry is not None and entry not in parts:
                first = dated or not parts or entry is main.entry or asks_to_apply
                parts.insert(0 if first else len(parts), entry)
        named = [self.directions[i] for i in understood.topic_ids(set(self.directions))]
        which = any(simplify(w) in understood.simplified for w in self.kb.lexicon.which_direction)
        scopes = {d.clause for d in self.kb.notice.directions}
        fitting = self._scenario_directions(understood) if which and not named else []
        if (
            which
            and not named
            and not fitting
            and main.kind is Kind.ANSWER
            and main.score >= SURE_OF_DIRECTION
        ):
            # 按项目投资10%是哪个方向: the search is sure which direction's rule was described
            fitting = [
                d
                for d in self.kb.notice.directions
                if main.entry is not None and main.entry.clause in (d.clause, d.funding.clause)
            ]
        if len(fitting) == 1:  # "质量检测平台属于哪个方向": the direction whose scenario it names
            scope = self._entry_for_clause.get(fitting[0].clause)
            if scope is not None:
                parts = [scope, *[p for p in parts if p is not scope and p.clause not in scopes]]
            named = fitting  # and what else is asked (its cap …) is about that direction
            fundings = {d.funding.clause for d in self.kb.notice.directions}
            parts = [p for p in parts if p.clause not in fundings]
        elif which and not named:
            overview = self._entry_for_clause.get(self.directions_section)
            if overview is not None:  # "which direction fits us?": the four, to choose from
                parts = [
                    overview,
                    *[p for p in parts if p is not overview and p.clause not in self._specific_clauses],
                ]
        if named and set(understood.intents) & self.amount_intents:
            for direction in named:  # "5G项目有没有上限": the direction's own rule
                entry = self._entry_for_clause.get(direction.funding.clause)
                if entry is not None and entry not in parts:
                    parts.append(entry)
        return parts[:MAX_PARTS], searched

    def _scenario_directions(self, understood: Understanding) -> list[Direction]:
        """The directions whose scenarios in the notice (产品质量检测, 能耗优化 …) the message names."""
        text = understood.simplified
        found = [
            d
            for d, words in self._scenarios
            if any(
                w in text or (len(w) >= 6 and fuzz.partial_ratio(w, text) >= SCENARIO_SIMILARITY)
                for w in words
            )
        ]
        return list({d.id: d for d in found}.values())

    def _asked_words(self, questions: list[str], understood: Understanding) -> list[str]:
        """The last question without the names of the things it asks about: 分别要交什么."""
        if not questions:
            return []
        text = simplify(questions[-1])
        for topic in understood.topics:
            text = text.replace(topic.word, " ")
        return [text.strip()] if text.strip() else []

    def _generalise(self, understood: Understanding, parts: list[Entry], main: SearchResult) -> list[Entry]:
        """An answer about one direction or stage the message does not name, when the summary of
        its section was nearly as good a match, gives way to the summary (比例是10%吗)."""
        if not parts or understood.topics or parts[0].clause not in self._specific_clauses:
            return parts
        section = parts[0].clause.split("(")[0]
        for match in main.suggestions:
            if match.entry.clause == section and match.score >= main.score - GENERAL_MARGIN:
                return [match.entry, *[p for p in parts[1:] if p is not match.entry]]
        return parts

    def _specialise(self, understood: Understanding, parts: list[Entry]) -> list[Entry]:
        """When the message names directions, an answer about all directions or about another
        direction becomes the answer about the named ones (in the same section)."""
        named = [self.directions[i] for i in understood.topic_ids(set(self.directions))]
        if not named:
            return parts
        out: list[Entry] = []
        for entry in parts:
            section = entry.clause.split("(")[0]
            about = [d for d in self.kb.notice.directions if entry.clause in (d.clause, d.funding.clause)]
            general = (
                entry.id in self._summaries
                and entry.clause == section
                and section in {section_of(c) for d in named for c in (d.clause, d.funding.clause)}
            )
            if (about and not {d.id for d in about} & {d.id for d in named}) or general:
                for direction in named:
                    clause = (
                        direction.clause if direction.clause.startswith(section) else direction.funding.clause
                    )
                    replacement = self._entry_for_clause.get(clause)
                    if replacement is not None and replacement not in out:
                        out.append(replacement)
                continue
            if entry not in out:
                out.append(entry)
        return out

    def _keep_to_the_named_stage(
        self, understood: Understanding, parts: list[Entry], main: SearchResult
    ) -> list[Entry]:
        """The message names one stage (入库) and no other: an answer about another stage (whose
        text merely mentions it, as 入库项目单位 does) gives way to the best match about the named one."""
        named_ids = understood.topic_ids(set(self.stages))
        if len(named_ids) > 1:  # 入库的表交了，验收阶段交哪两份: the stage the question names
            asked = [c for c in understood.clauses if self.reader.is_question(c)]
            in_questions = {i for c in asked for i in self.reader.read(c).topic_ids(set(self.stages))}
            named_ids = list(in_questions) if len(in_questions) == 1 else named_ids
        named = [self.stages[i] for i in named_ids]
        # only a stage the message could have named (it has topic words) and did not: a stage
        # without words of its own (the review after 验收) may be what a message about another asks
        nameable = {s.clause: s.id for s in self.stages.values() if self.kb.lexicon.topics.get(s.id)}
        if len(named) != 1 or not parts or parts[0].clause not in nameable:
            return parts
        if parts[0].clause == named[0].clause:
            return parts
        for match in main.suggestions:
            if match.entry.clause == named[0].clause:
                return [match.entry, *[p for p in parts[1:] if p is not match.entry]]
        return parts

    def _asked_together(self, understood: Understanding, parts: list[Entry]) -> list[list[tuple[str, str]]]:
        """Two or more directions or stages joined by 和/与/、 (or asked "分别"), or all of them
        ("四个方向分别…"): each gets its own answer."""
        groups = []
        each = any(w in understood.simplified for w in EACH_WORDS)
        if each and any(p.clause == self.directions_section for p in parts):
            groups.append(
                [(d, self.kb.lexicon.topics[d][0]) for d in self.directions if self.kb.lexicon.topics.get(d)]
            )
        for kind in (set(self.directions), set(self.stages)):
            topics = [t for t in understood.topics if t.id in kind]
            ids = {t.id for t in topics}
            if len(ids) < 2:
                continue
            between = understood.simplified[topics[0].at : topics[-1].at]
            if JOINERS.search(between) or each:
                first_word: dict[str, str] = {}
                for t in topics:
                    first_word.setdefault(t.id, t.word)
                groups.append(list(first_word.items()))
        return groups

    # figures --------------------------------------------------------------------------------
    def _figures(self, understood: Understanding, carried: list[Figure]) -> list[Figure]:
        own = [f for f in understood.figures if f.role in self.worker.formula.figures]
        return own or carried

    def _directions_for(self, understood: Understanding, parts: list[Entry]) -> list[Direction]:
        ids = understood.topic_ids(set(self.directions))
        if not ids:
            for entry in parts:
                ids += [
                    d.id for d in self.kb.notice.directions if entry.clause in (d.clause, d.funding.clause)
                ]
        return [self.directions[i] for i in dict.fromkeys(ids)]

    def _amount_entry(self, understood: Understanding, figures: list[Figure]) -> Entry | None:
        directions = self._directions_for(understood, [])
        clause = directions[0].funding.clause if directions else self.amount_section
        return self._entry_for_clause.get(clause) or self._entry_for_clause.get(self.amount_section)

    def _worked_figures(
        self, understood: Understanding, figures: list[Figure], parts: list[Entry], lang: Lang
    ) -> str:
        """The arithmetic for the user's own figures, or for "no provincial funds"; "" when the
        message gives none."""
        asks_amount = any(e.clause.startswith(self.amount_section) for e in parts) or bool(understood.intents)
        if not figures and not (understood.no_provincial and asks_amount):
            return ""
        directions = self._directions_for(understood, parts)
        if not directions:
            roles = {f.role for f in figures}
            directions = [d for d in self.kb.notice.directions if not roles or Worker.base_role(d) in roles]
        return self.worker.work(understood, figures, directions, lang)

    # premises -------------------------------------------------------------------------------
    def _premise(self, understood: Understanding, parts: list[Entry], computed: str, lang: Lang) -> str:
        """A figure, date, rate or number of copies offered for confirmation that the notice
        contradicts: say so, and what that figure really is."""
        kb = self.kb
        rates = {
            Decimal(str(d.funding.rate)) for d in self.kb.notice.directions if d.funding.rate is not None
        }
        for rate in understood.claimed_rates():
            if rate not in rates:
                return reply_text(kb, "premise_wrong", lang, claim=f"{(rate * 100).normalize():f}%")
        if not understood.premise:
            return ""
        directions = self._directions_for(understood, parts)
        caps = {Decimal(d.funding.cap_yuan) for d in directions}
        for claim in understood.claims:
            value = claim.yuan
            if computed and value.normalize() in {Decimal(x).normalize() for x in self._amounts_in(computed)}:
                continue
            if not computed and (not caps or value in caps):
                continue
            text = reply_text(kb, "premise_wrong", lang, claim=money(value, lang))
            others = [
                d
                for d in self.kb.notice.directions
                if Decimal(d.funding.cap_yuan) == value and d not in directions
            ]
            if others:
                names = ("、" if lang == "zh" else ", ").join(direction_name(d, lang) for d in others)
                what = reply_text(kb, "what_cap", lang)
                text += reply_text(
                    kb, "premise_elsewhere", lang, claim=money(value, lang), other=names, what=what
                )
            return text
        stages = understood.topic_ids(set(self.stages))
        for _, month, day in understood.claimed_dates():
            owner = [
                s
                for s in self.stages.values()
                if s.deadline and (s.deadline.month, s.deadline.day) == (month, day)
            ]
            if stages and owner and owner[0].id not in stages:
                said = f"{month}月{day}日" if lang == "zh" else f"{EN_MONTHS[month - 1]} {day}"
                text = reply_text(kb, "premise_wrong", lang, claim=said)
                what = reply_text(kb, "what_deadline", lang)
                text += reply_text(
                    kb, "premise_elsewhere", lang, claim=said, other=owner[0].name.get(lang), what=what
                )
                asked = self.stages[stages[0]]
                if asked.deadline is not None:  # and the asked stage's own date, from the notice
                    text += reply_text(
                        kb,
                        "premise_deadline_fact",
                        lang,
                        stage=asked.name.get(lang),
                        date=format_day(asked.deadline, lang),
                        clause=clause_label(kb, asked.clause, lang),
                    )
                return text
        copies = {s.paper_copies for s in self.stages.values() if s.paper_copies}
        for count in understood.claimed_copies():
            if copies and count not in copies:
                return reply_text(
                    kb, "premise_wrong", lang, claim=f"一式{count}份" if lang == "zh" else f"{count} copies"
                )
        phones = {self.kb.notice.contacts.phone} | {p.phone for p in self.kb.notice.contacts.people}
        for number in understood.claimed_numbers():
            if number not in phones:
                return reply_text(kb, "premise_wrong", lang, claim=number)
        return ""

    @staticmethod
    def _amounts_in(text: str) -> list[Decimal]:
        from knowledge.figures import read_amounts

        return [f.yuan for f in read_amounts(text)]
