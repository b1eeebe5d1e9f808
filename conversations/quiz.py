"""A quiz question about the notice (下列哪个不是本通知的支持方向？A … B … C … D …, MCQ: … A) … B) …):
each option is looked for in the notice's own words. When one stands out (the one the notice does
not say, or, asked which one it says, the one it says) it is named, and the question before the
options is answered as any other; when none does, the options are looked for in that answer instead
(哪一项不是入库申报阶段要填报的材料: every option is the notice's, one is not the entry stage's), and
when none stands out there either, the message is read whole. A quiz's label (单选：,
判断题：) asks nothing, and a statement to judge is offered as a premise. Every word looked for is the
pack's, so another notice's pack quizzes its own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from pydantic import BaseModel

from knowledge.answers import reply_text
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.schema import Lang, Text

# A 工业企业… B …, A) … B) …, A. …: an option's letter, set off from what comes before it
# (a lower-case letter only with its mark: the a of "on a systemic platform" is no option)
OPTION = re.compile(
    r"(?:^|(?<=[\s，,。？?：:；;（(【]))(?:([A-D])\s*[\.．、:：)）]?|([a-d])\s*[\.．)）])\s*(?=\S)"
)
FEWEST_OPTIONS = 3
OPTION_EDGES = " ，,。；;（(）)"  # what is between one option and the next letter
# 哪个不是, 不属于, which is NOT: the option the notice does not say is asked for
NOT_ASKED = re.compile(
    r"不是|不属于|不包括|不在|没有|唔係|唔属于|【不|\bnot\b|\bisn't\b|\bexcept\b", re.IGNORECASE
)
# 单选：, 判断题：, 新人培训小测 第1题：, MCQ:, Fill in the blank (training quiz):: what kind of question
# it is, which asks nothing of the notice
QUIZ_LABEL = re.compile(
    r"^[^：:。？?]{0,12}?(?:单选|多选|选择题|判断题?|填空题?|练习题|小测|测验|第\s*\d+\s*题|\bquiz\b|\bmcq\b"
    r"|multiple choice|true or false|true/false|fill in the blanks?)[^：:。？?]{0,24}?[：:]\s*",
    re.IGNORECASE,
)
# a question of its own inside an option: A、B、C are things listed, each asked of
ASKS_ITSELF = re.compile(r"[？?]|分别|各配|各能|各拿|各自|能拿多少|能配多少|配多少|补多少|拿多少|\beach\b")
JUDGE_AFTER = re.compile(r"[。.，,]?\s*(?:对还是错|是对是错|正确还是错误|对不对)[？?]?\s*$")
TRUE_OR_FALSE = re.compile(r"判断|对错|true or false|true/false", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|万|亿元|亿|%|份|个|天|年)?")
CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
ENGLISH_WORD = re.compile(r"[a-z][a-z-]{2,}")
QUIZ_REPLIES = {"quiz_said", "quiz_unsaid", "quiz_answer_said", "quiz_answer_unsaid"}
SAID = 0.75  # an option this much in the notice's words is said by it
UNSAID = 0.4  # and one this little is not
APART = 0.35  # how far the option picked stands from the next
PUNCTUATION = re.compile(r"[\s“”\"'‘’「」《》〈〉（）()【】，,。.、；;：:！!？?]+")
CLAUSE_MARK = "\x00"  # stands in for the clause in the source line, to find where its own words end


@dataclass(frozen=True)
class Picked:
    letter: str
    option: str
    said: bool  # the option the notice says (else: the one it does not)
    in_answer: bool = False  # looked up in the answer to the question, not in the whole notice


@dataclass(frozen=True)
class Asked:
    stem: str  # the question before the options
    picked: Picked | None  # the option that stands out in the notice's words, if one does
    letters: tuple[str, ...] = ()
    options: tuple[str, ...] = ()


class Quiz:
    """Built once from the notice's own words, in both languages."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        texts = list(_texts(kb.notice))
        self.zh = PUNCTUATION.sub("", "".join(simplify(t.zh) for t in texts))
        self.en = set(ENGLISH_WORD.findall(" ".join(t.en.lower() for t in texts)))
        # the source line's own words (依据：韶工信函…「), which name a clause, not what it says
        self.source_openings = tuple(
            reply_text(kb, "source", lang, clause=CLAUSE_MARK).split(CLAUSE_MARK)[0]
            for lang in ("zh", "en")
            if "source" in kb.lexicon.replies
        )

    @staticmethod
    def without_label(question: str) -> str:
        """判断：本通知由省工信厅印发 → 本通知由省工信厅印发，对吗？: the quiz's label asks nothing,
        but a statement to judge is offered as one (as a premise is)."""
        label = QUIZ_LABEL.match(question)
        if label is None or label.end() == len(question):
            return question
        rest = JUDGE_AFTER.sub("，对吗？", question[label.end() :])  # …为1%。对还是错？: offered, asked after
        if TRUE_OR_FALSE.search(label.group(0)) and not re.search(r"[？?]|对吗|对不对", rest):
            english = rest.isascii()
            return rest.rstrip("。. ") + (" Is that right?" if english else "，对吗？")
        return rest

    def read(self, question: str) -> Asked | None:
        """The question before the options and the option it asks for (when one stands out);
        None when the message is no quiz."""
        if not self.kb.lexicon.replies.keys() >= QUIZ_REPLIES:
            return None  # a pack without the words answers as before
        marks = list(OPTION.finditer(question))
        letters = [(m.group(1) or m.group(2)).upper() for m in marks]
        if len(marks) < FEWEST_OPTIONS or letters != [chr(ord("A") + i) for i in range(len(marks))]:
            return None
        stem = self.without_label(question[: marks[0].start()].strip())
        if not stem:
            return None
        ends = [m.start() for m in marks[1:]] + [len(question)]
        options = [question[m.end() : end].strip(OPTION_EDGES) for m, end in zip(marks, ends, strict=True)]
        if any(ASKS_ITSELF.search(o) for o in options):
            return None  # A上云省级50万，B…，C…，各能拿多少？: firms listed, then asked of
        options[-1] = re.split(r"[（(]", options[-1])[0].strip()  # C 项目验收申请报告 （就这三个选一个）
        asked = Asked(stem, None, tuple(letters), tuple(options))
        return replace(asked, picked=self.picked_in(asked, self.zh, self.en))

    def picked_in_answer(self, asked: Asked, answer: str) -> Picked | None:
        """The option that stands out in the answer to the question before the options: 哪一项不是入库
        申报阶段的材料 — every option is the notice's, but only two are in the entry stage's answer."""
        if any(
            not CJK_PAIR.search(NUMBER.sub("|", o)) and not ENGLISH_WORD.search(o.lower())
            for o in asked.options
        ):
            return None  # A 2级 B 3级, A 6月10日 B 7月8日: an answer's figures and dates are everywhere
        answer = self._first_part(answer)
        text = PUNCTUATION.sub("", simplify(answer))
        picked = self.picked_in(asked, text, set(ENGLISH_WORD.findall(answer.lower())))
        return replace(picked, in_answer=True) if picked else None

    def _first_part(self, answer: str) -> str:
        """The answer up to its first source line: what the entry asked of says (not the clause
        names, dates and closing lines after it: 四、申报流程, 这一轮申报已截止)."""
        ends = [at for at in (answer.find(o) for o in self.source_openings if o) if at > 0]
        return answer[: min(ends)] if ends else answer

    @staticmethod
    def picked_in(asked: Asked, zh: str, en: set[str]) -> Picked | None:
        """The option asked for, when it is clearly said in these words (or, asked which is not,
        clearly not) and stands apart from the next."""
        shares = [_share(o, zh, en) for o in asked.options]
        wanted_unsaid = bool(NOT_ASKED.search(asked.stem))
        order = sorted(range(len(shares)), key=shares.__getitem__, reverse=not wanted_unsaid)
        best, runner_up = order[0], order[1]
        if wanted_unsaid:
            clear = shares[best] <= UNSAID and shares[runner_up] - shares[best] >= APART
        else:
            clear = shares[best] >= SAID and shares[best] - shares[runner_up] >= APART
        return Picked(asked.letters[best], asked.options[best], not wanted_unsaid) if clear else None

    def line(self, picked: Picked, lang: Lang) -> str:
        key = ("quiz_answer_" if picked.in_answer else "quiz_") + ("said" if picked.said else "unsaid")
        return reply_text(self.kb, key, lang, letter=picked.letter, option=picked.option)


def _share(option: str, zh: str, en: set[str]) -> float:
    """How much of the option these words say: its pairs of characters and its numbers (200万 is
    no 100万), or its English words."""
    text = PUNCTUATION.sub("", simplify(option))
    numbers = NUMBER.findall(text)
    pairs = CJK_PAIR.findall(NUMBER.sub("|", text))
    units = [*pairs, *numbers]
    if units:
        return sum(u in zh for u in units) / len(units)
    words = ENGLISH_WORD.findall(option.lower())
    return sum(w in en for w in words) / len(words) if words else 0.0


def _texts(model: BaseModel) -> Iterator[Text]:
    """Every text of the notice, wherever in its structure."""
    for value in model.__dict__.values():
        items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Text):
                yield item
            elif isinstance(item, BaseModel):
                yield from _texts(item)
