"""A figure, date, rate, number of copies or phone number offered for confirmation that the
notice contradicts: said so, with what that figure really is."""

from __future__ import annotations

import re
from decimal import Decimal

from conversations.attachments import EnglishTitles, attachment_numbers
from conversations.shape import NoticeShape, section_of
from conversations.today import EN_MONTHS, format_day
from conversations.understanding import A_NOT_A, Understanding
from conversations.worked import direction_name, money
from knowledge.answers import clause_label, reply_text
from knowledge.figures import clause_bounds, read_amounts, read_dates
from knowledge.loader import KnowledgeBase
from knowledge.schema import Entry, Lang, Stage

# a yes-no question: 吗, 要不要, 是不是
YES_NO = re.compile(rf"吗|{A_NOT_A}")
# 入库阶段交还是之后交, at the entry stage or later, is it submitted at …: a stage asked of
EITHER_OR = re.compile(r"还是|定系|\bor\b|(?:^|[.?!]\s*)(?:is|are|do|does|should|must)\b", re.IGNORECASE)
# a date said as a deadline: 7月18号之前, 9月底前, before July 18
BY_THE_DATE = re.compile(r"(?:[日号底末]|\d)\s*(?:之前|以前|前)|\bbefore\b", re.IGNORECASE)
# an attachment is named by the end of its title: 承诺书, 申报书, 验收申请报告
MIN_SHORT_NAME, MAX_SHORT_NAME = 3, 6


def common_start(texts: list[str]) -> str:
    """The words every text begins with (2022年韶关市…应用)."""
    start = texts[0]
    for text in texts[1:]:
        while not text.startswith(start):
            start = start[:-1]
    return start


def title_said(title: str, text: str) -> str:
    """The longest end of an attachment's title the text says (入库项目申报书, 承诺书), or ""."""
    for length in range(len(title), MIN_SHORT_NAME - 1, -1):
        if title[-length:] in text:
            return title[-length:]
    return ""


class Premises:
    def __init__(self, kb: KnowledgeBase, shape: NoticeShape) -> None:
        self.kb = kb
        self.shape = shape
        self.english_titles = EnglishTitles(kb.notice.attachments)

    def check(self, understood: Understanding, parts: list[Entry], computed: str, lang: Lang) -> str:
        """A figure, date, rate or number of copies offered for confirmation that the notice
        contradicts: say so, and what that figure really is."""
        kb = self.kb
        if understood.project_elsewhere:
            return self._place(understood, parts, lang)
        year = kb.notice.notice.date.year
        for offered in understood.claimed_years() if understood.about_the_notice else []:
            if offered != year:  # 91号文是2023年的吧
                return reply_text(
                    kb, "premise_wrong", lang, claim=f"{offered}年" if lang == "zh" else str(offered)
                )
        rates = {
            Decimal(str(d.funding.rate)) for d in self.kb.notice.directions if d.funding.rate is not None
        }
        wrong_rate = next((r for r in understood.claimed_rates() if r not in rates), None)
        rest = self._amounts_dates_and_copies(understood, parts, computed, lang)
        if wrong_rate is None:
            return rest
        # 入库八月前…补30%，哪里不对: the rate is corrected, and whatever else is offered too
        return "\n".join(t for t in (self._rate(wrong_rate, understood, parts, lang), rest) if t)

    def _rate(self, offered: Decimal, understood: Understanding, parts: list[Entry], lang: Lang) -> str:
        """补30%对吗: not that rate, and the rate of the directions asked about (of all when none
        is named), with their clause."""
        kb = self.kb
        directions = self.shape.directions_for(understood, parts) or kb.notice.directions
        funded = [d for d in directions if d.funding.rate is not None]
        claim = f"{(offered * 100).normalize():f}%"
        if not funded or "premise_rate" not in kb.lexicon.replies:  # a pack with no rate reply
            return reply_text(kb, "premise_wrong", lang, claim=claim)
        rates = sorted({Decimal(str(d.funding.rate)) for d in funded})
        said = ("、" if lang == "zh" else ", ").join(f"{(r * 100).normalize():f}%" for r in rates)
        # the clause all of them sit under: 三(一) for one direction, its section 三 for several
        clauses = {d.funding.clause for d in funded}
        clause = clauses.pop() if len(clauses) == 1 else section_of(funded[0].funding.clause)
        return reply_text(
            kb, "premise_rate", lang, claim=claim, rate=said, clause=clause_label(kb, clause, lang)
        )

    def _amounts_dates_and_copies(
        self, understood: Understanding, parts: list[Entry], computed: str, lang: Lang
    ) -> str:
        kb = self.kb
        if not understood.premise:  # 入库的时候要不要交承诺书: asked, not offered, but as plain
            dates = self._offered_dates(understood, lang)  # 入库是7月8号还是8月26号截止
            if dates or not (YES_NO.search(understood.simplified) or EITHER_OR.search(understood.simplified)):
                return dates
            return self._attachment_stage(understood, lang)
        directions = self.shape.directions_for(understood, parts)
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
        dates = self._offered_dates(understood, lang)
        if dates:
            return dates
        copies = {s.paper_copies for s in self.shape.stages.values() if s.paper_copies}
        for count in understood.claimed_copies():
            if copies and count not in copies:
                return reply_text(
                    kb, "premise_wrong", lang, claim=f"一式{count}份" if lang == "zh" else f"{count} copies"
                )
        phones = {self.kb.notice.contacts.phone} | {p.phone for p in self.kb.notice.contacts.people}
        for number in understood.claimed_numbers():
            if number not in phones:
                return reply_text(kb, "premise_wrong", lang, claim=number)
        return self._attachment_stage(understood, lang)

    def _place(self, understood: Understanding, parts: list[Entry], lang: Lang) -> str:
        """标杆平台部署在广州也可以吗: each direction's own place (在我市部署), or, where its
        clause names none, that the notice does not say; and where the applicant is registered."""
        kb, elsewhere = self.kb, understood.project_elsewhere
        elsewhere = elsewhere.title() if elsewhere.isascii() else elsewhere  # Guangzhou
        directions = self.shape.directions_for(understood, parts) or kb.notice.directions
        lines = []
        for direction in directions:
            name = direction_name(direction, lang)
            if direction.place is None:
                unstated = reply_text(kb, "premise_place_unstated", lang, direction=name, elsewhere=elsewhere)
                lines.append(unstated)
                continue
            clause = clause_label(kb, direction.funding.clause, lang)
            place = direction.place.get(lang)
            lines.append(
                reply_text(
                    kb, "premise_place", lang, direction=name, place=place, clause=clause, elsewhere=elsewhere
                )
            )
        criterion = next((c for c in kb.notice.eligibility if c.id == kb.lexicon.place_criterion), None)
        if criterion is not None:
            clause = clause_label(kb, criterion.clause, lang)
            lines.append(reply_text(kb, "premise_place_registered", lang, clause=clause))
        return "\n".join(lines)

    def _offered_dates(self, understood: Understanding, lang: Lang) -> str:
        """A date offered as a stage's deadline that is another stage's, or no stage's: said so,
        with the asked stage's own deadline."""
        kb = self.kb
        stages = understood.topic_ids(set(self.shape.stages))
        if len(stages) > 1 and understood.claimed_dates():
            return self._each_stage_dates(understood, lang)
        asked = self.shape.stages[stages[0]] if stages else None
        for _, month, day in understood.claimed_dates():
            said = self._day_said(month, day, lang)
            owner = self._stages_due_on(month, day)
            if asked is not None and owner and owner[0].id not in stages:
                text = reply_text(kb, "premise_wrong", lang, claim=said)
                what = reply_text(kb, "what_deadline", lang)
                text += reply_text(
                    kb, "premise_elsewhere", lang, claim=said, other=owner[0].name.get(lang), what=what
                )
                return text + self._deadline_fact(asked, lang)  # and the asked stage's own date
            deadline_asked = bool(self.shape.deadline_intents & set(understood.intents)) or bool(
                BY_THE_DATE.search(understood.simplified)  # 七月十八号之前搞定: by then
            )
            if not owner and len(stages) == 1 and asked is not None and asked.deadline and deadline_asked:
                # 验收申请9月底前交就行吧: not the stage's deadline, nor any other's
                return reply_text(kb, "premise_wrong", lang, claim=said) + self._deadline_fact(asked, lang)
        return ""

    def _each_stage_dates(self, understood: Understanding, lang: Lang) -> str:
        """入库截止8月26日，验收截止7月8日，对吗: each date offered for the stage named last before
        it; one that is another stage's deadline is said so, with the named stage's own date."""
        kb, ids = self.kb, set(self.shape.stages)
        named = [t for t in understood.topics if t.id in ids]
        text = understood.simplified
        lines: list[str] = []
        for i, topic in enumerate(named):
            stage = self.shape.stages[topic.id]
            end = named[i + 1].at if i + 1 < len(named) else len(text)
            for _, month, day in read_dates(text[topic.at : end]):
                owner = self._stages_due_on(month, day)
                if not owner or owner[0] is stage:
                    continue
                said = self._day_said(month, day, lang)
                what = reply_text(kb, "what_deadline", lang)
                lines.append(
                    reply_text(kb, "premise_wrong", lang, claim=said)
                    + reply_text(
                        kb, "premise_elsewhere", lang, claim=said, other=owner[0].name.get(lang), what=what
                    )
                    + self._deadline_fact(stage, lang)
                )
        return "\n".join(dict.fromkeys(lines))

    @staticmethod
    def _day_said(month: int, day: int, lang: Lang) -> str:
        return f"{month}月{day}日" if lang == "zh" else f"{EN_MONTHS[month - 1]} {day}"

    def _stages_due_on(self, month: int, day: int) -> list[Stage]:
        return [
            s
            for s in self.shape.stages.values()
            if s.deadline and (s.deadline.month, s.deadline.day) == (month, day)
        ]

    def _deadline_fact(self, stage: Stage, lang: Lang) -> str:
        """The stage's own deadline, from the notice, with its clause."""
        if stage.deadline is None:
            return ""
        return reply_text(
            self.kb,
            "premise_deadline_fact",
            lang,
            stage=stage.name.get(lang),
            date=format_day(stage.deadline, lang),
            clause=clause_label(self.kb, stage.clause, lang),
        )

    def _attachment_stage(self, understood: Understanding, lang: Lang) -> str:
        """承诺书是入库的时候交的吧: an attachment offered as one stage's that the notice puts at
        another stage."""
        text = understood.simplified
        # the letter of commitment, attachment 5: named in English by its number or its own words
        english = {*attachment_numbers(text), *self.english_titles.said(text.lower())}
        names = {
            a.number: self._named(a.number, a.title.zh, text) or (a.title.en if a.number in english else "")
            for a in self.kb.notice.attachments
        }
        # 入库项目申报书 names 入库 in the attachment's title, not the stage it is offered for; nor
        # does the commitment letter name its stage
        said = [title_said(a.title.zh, text) for a in self.kb.notice.attachments]
        spans = [(m.start(), m.end()) for t in said if t for m in re.finditer(re.escape(t), text)]
        spans += self.english_titles.spans(text.lower())
        stages = list(
            dict.fromkeys(
                t.id
                for t in understood.topics
                if t.id in self.shape.stages and not any(a <= t.at < b for a, b in spans)
            )
        )
        if len(stages) != 1:
            return ""
        claimed = self.shape.stages[stages[0]]
        # 承诺书是入库的时候交的吧 offers the pair in one clause; 申报书里目标写得笼统，验收会不会卡
        # names the form and then asks about a stage
        clauses = [clause_bounds(text, t.at, t.at) for t in understood.topics if t.id == stages[0]]
        for attachment in self.kb.notice.attachments:
            name = names[attachment.number]
            if not name or attachment.number in claimed.attachments:
                continue
            # named only in another clause than the stage's: no pair offered (an English title is
            # said in the user's own words, so where it stands is not looked for)
            said_at = [m.start() for m in re.finditer(re.escape(name.lower()), text.lower())]
            if said_at and not any(a <= at < b for at in said_at for a, b in clauses):
                continue
            owner = next((s for s in self.shape.stages.values() if attachment.number in s.attachments), None)
            if owner is not None:
                return reply_text(
                    self.kb,
                    "premise_attachment_stage",
                    lang,
                    called=title_said(attachment.title.zh, text) or name,
                    number=str(attachment.number),
                    claimed=claimed.name.get(lang),
                    stage=owner.name.get(lang),
                    clause=clause_label(self.kb, owner.clause, lang),
                    own=self._attachments_named(claimed.attachments, lang),
                )
        return ""

    def _attachments_named(self, numbers: list[int], lang: Lang) -> str:
        """附件2（入库项目储备汇总表）、附件3（入库项目申报书）: the titles without the words
        all long titles share (2022年韶关市…应用)."""
        staged = {n for stage in self.shape.stages.values() for n in stage.attachments}
        every = [a.title.get(lang) for a in self.kb.notice.attachments if a.number in staged]
        long = [t for t in every if len(t) > 2 * MAX_SHORT_NAME]
        shared = common_start(long) if len(long) > 1 else ""
        titles = {a.number: a.title.get(lang) for a in self.kb.notice.attachments if a.number in numbers}
        label = "附件{n}（{t}）" if lang == "zh" else "Attachment {n} ({t})"
        named = [label.format(n=n, t=t.removeprefix(shared)) for n, t in titles.items()]
        return ("、" if lang == "zh" else ", ").join(named)

    @staticmethod
    def _named(number: int, title: str, text: str) -> str:
        """How the message names the attachment: 附件5, or the end of its title (承诺书, 申报书)."""
        if re.search(rf"附件\s*{number}(?!\d)", text):  # named by number: called by its title's end
            return title if len(title) <= 2 * MAX_SHORT_NAME else title[-MAX_SHORT_NAME:]
        for length in range(min(len(title), MAX_SHORT_NAME), MIN_SHORT_NAME - 1, -1):
            if title[-length:] in text:
                return title[-length:]
        return ""

    @staticmethod
    def _amounts_in(text: str) -> list[Decimal]:
        return [f.yuan for f in read_amounts(text)]
