"""A figure, date, rate, number of copies or phone number offered for confirmation that the
notice contradicts: said so, with what that figure really is."""

from __future__ import annotations

import re
from decimal import Decimal

from conversations.shape import NoticeShape
from conversations.today import EN_MONTHS, format_day
from conversations.understanding import A_NOT_A, Understanding
from conversations.worked import direction_name, money
from knowledge.answers import clause_label, reply_text
from knowledge.figures import read_amounts
from knowledge.loader import KnowledgeBase
from knowledge.schema import Entry, Lang, Stage

# a yes-no question: 吗, 要不要, 是不是
YES_NO = re.compile(rf"吗|{A_NOT_A}")
# an attachment is named by the end of its title: 承诺书, 申报书, 验收申请报告
MIN_SHORT_NAME, MAX_SHORT_NAME = 3, 6


class Premises:
    def __init__(self, kb: KnowledgeBase, shape: NoticeShape) -> None:
        self.kb = kb
        self.shape = shape

    def check(self, understood: Understanding, parts: list[Entry], computed: str, lang: Lang) -> str:
        """A figure, date, rate or number of copies offered for confirmation that the notice
        contradicts: say so, and what that figure really is."""
        kb = self.kb
        year = kb.notice.notice.date.year
        for offered in understood.claimed_years() if understood.about_the_notice else []:
            if offered != year:  # 91号文是2023年的吧
                return reply_text(
                    kb, "premise_wrong", lang, claim=f"{offered}年" if lang == "zh" else str(offered)
                )
        rates = {
            Decimal(str(d.funding.rate)) for d in self.kb.notice.directions if d.funding.rate is not None
        }
        for rate in understood.claimed_rates():
            if rate not in rates:
                return reply_text(kb, "premise_wrong", lang, claim=f"{(rate * 100).normalize():f}%")
        if not understood.premise:  # 入库的时候要不要交承诺书: asked, not offered, but as plain
            dates = self._offered_dates(understood, lang)  # 入库是7月8号还是8月26号截止
            if dates or not YES_NO.search(understood.simplified):
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

    def _offered_dates(self, understood: Understanding, lang: Lang) -> str:
        """A date offered as a stage's deadline that is another stage's, or no stage's: said so,
        with the asked stage's own deadline."""
        kb = self.kb
        stages = understood.topic_ids(set(self.shape.stages))
        asked = self.shape.stages[stages[0]] if stages else None
        for _, month, day in understood.claimed_dates():
            said = f"{month}月{day}日" if lang == "zh" else f"{EN_MONTHS[month - 1]} {day}"
            owner = [
                s
                for s in self.shape.stages.values()
                if s.deadline and (s.deadline.month, s.deadline.day) == (month, day)
            ]
            if asked is not None and owner and owner[0].id not in stages:
                text = reply_text(kb, "premise_wrong", lang, claim=said)
                what = reply_text(kb, "what_deadline", lang)
                text += reply_text(
                    kb, "premise_elsewhere", lang, claim=said, other=owner[0].name.get(lang), what=what
                )
                return text + self._deadline_fact(asked, lang)  # and the asked stage's own date
            deadline_asked = bool(self.shape.deadline_intents & set(understood.intents))
            if not owner and len(stages) == 1 and asked is not None and asked.deadline and deadline_asked:
                # 验收申请9月底前交就行吧: not the stage's deadline, nor any other's
                return reply_text(kb, "premise_wrong", lang, claim=said) + self._deadline_fact(asked, lang)
        return ""

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
        stages = understood.topic_ids(set(self.shape.stages))
        if len(stages) != 1:
            return ""
        claimed = self.shape.stages[stages[0]]
        for attachment in self.kb.notice.attachments:
            name = self._named(attachment.number, attachment.title.zh, understood.simplified)
            if not name or attachment.number in claimed.attachments:
                continue
            owner = next((s for s in self.shape.stages.values() if attachment.number in s.attachments), None)
            if owner is not None:
                return reply_text(
                    self.kb,
                    "premise_attachment_stage",
                    lang,
                    called=name,
                    number=str(attachment.number),
                    claimed=claimed.name.get(lang),
                    stage=owner.name.get(lang),
                    clause=clause_label(self.kb, owner.clause, lang),
                )
        return ""

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
