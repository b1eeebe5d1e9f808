"""The notice as a document: how many parts its body has and how many items each lists (通知正文分几
部分, 支持方式列了几条), and in which clauses a quoted term is said (“工业大脑”在哪一部分). All of it
is read from the pack's clauses, so another notice's pack gives its own outline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from conversations.citations import Citations
from conversations.shape import NoticeShape
from conversations.understanding import QUOTE, Understanding
from knowledge.answers import CHINESE_NUMERALS, clause_label, reply_text
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.schema import Direction, Lang, Text

# 分几大部分, 几个大标题, how many main sections: the parts of the body asked (not 几块钱)
PARTS_ASKED = re.compile(
    r"(?<!第)(?:几|多少)个?大?(?:部分|部份|板块)|几个?大块|分(?:成|为)?几个?大?(?:部分|部份|板块|块|章|节)"
    r"|大标题|各部分的?标题|几个标题|(?:通知|正文|文件)的?(?:框架|结构|大纲|提纲|目录)"
    r"|\bhow many (?:main |major |numbered |big |top-level )*(?:sections|parts|headings)\b"
    r"|\b(?:outline|headings|structure) of the (?:notice|document)\b|\bmain headings\b",
    re.IGNORECASE,
)
# 列了几条, 有几项, how many conditions: the items of a named part counted (not 几个条件, 几项目)
ITEMS_ASKED = re.compile(
    r"(?:几|多少)个?(?:小)?(?:条|项|点|款)(?![件目])"
    r"|\bhow many (?:\w+ )?(?:items|conditions|points|clauses|criteria|requirements|steps)\b",
    re.IGNORECASE,
)
# 在哪一部分, 第几条, which section: where a quoted term is said (not 哪里: where to go or open it)
WHERE_ASKED = re.compile(
    r"哪(?:一|几|个)?(?:部分|部份|条|项|节|段|章)|第几(?:部分|部份|条|项|点|款|段|节)"
    r"|\bwhich (?:sections?|parts?|clauses?|items?|paragraphs?)\b"
    r"|\bwhere (?:does|do|is|are) (?:the notice|it)\b.*\b(?:mention|appear|say)",
    re.IGNORECASE,
)
# 通知里哪些地方提到了能耗, 跟设备维修有关的内容在哪几个方向: where the notice says a term not quoted
WHERE_MENTIONED = re.compile(
    r"(?:哪些|哪个|哪几个?|什么)(?:地方|位置|处|方向|部分|条款?)|哪里|哪儿|哪几处|在哪"
    r"|\bwhich (?:sections?|parts?|clauses?|items?|paragraphs?|directions?|places?)\b|\bwhere\b",
    re.IGNORECASE,
)
# the term itself: after 提到/涉及/mention, or before 有关/相关 (不是"提到的材料"这类问别的)
TERM_MENTIONED = re.compile(
    r"(?:提到|提及|讲到|说到|写到|涉及|出现)(?:了|过)?(?:关于)?"
    r"(?P<after>[\u4e00-\u9fffA-Za-z0-9+]{2,10}?)(?:的(?:内容|东西|地方|部分|字眼|词|字))?(?=[？?，,。！!吗呢\s]|$)"
    r"|(?:跟|和|与|关于)(?P<before>[\u4e00-\u9fffA-Za-z0-9+]{2,8}?)(?:有关|相关)"
    r"|\b(?:mentions?|mentioned|talks? about|refers? to|says? anything about|deals? with)\s+"
    r"(?P<english>[a-z0-9+][a-z0-9+ -]{2,30}?)\s*(?:[?.!,]|$)",
    re.IGNORECASE,
)
ENGLISH_FILLER = frozenset({"the", "a", "an", "any", "of", "and", "or", "our", "its"})
# 申报书分几部分, 实施意见正文分几章: another document's outline, which the notice does not give
OTHER_DOCUMENT = re.compile(r"申报书|汇总表|报告|承诺书|实施意见|韶委字|模板|表格|附件\s*[\d一二三四五]")
# 联系人写了几个人, how many contact people: the people the notice lists
PEOPLE_ASKED = re.compile(
    r"联系人[^，,。？?]{0,8}?(?:几|多少)(?:个人?|位|名|人)(?![号码])|(?:几|多少)(?:个|位|名)联系人"
    r"|\bhow many (?:contacts|contact people|contact persons|people|names)\b",
    re.IGNORECASE,
)
# 围绕的环节一共列了多少个: the links a direction's scope lists ("…等环节")
# (not 算不算那几个环节: the links pointed at, not counted)
LINKS_ASKED = re.compile(
    r"环节[^，,。？?]{0,8}?(?:几|多少)个?|(?<![那这])(?:几|多少)个(?:业务|具体)?环节"
    r"|第(?P<nth>[1-9])个(?:业务)?环节|(?P<last>最后1个)(?:业务)?环节"  # (numerals read as digits)
)
LINKS_WORD = "环节"
# 5G那个排第几, 是第几个方向: where a direction stands among the notice's
RANK_ASKED = re.compile(
    r"排(?:在)?第几|排行第几|第几个?(?:支持)?方向|是第几(?:个|类|项)?(?=[？?吗呢，,。!！]|$)|第几(?:条|款|段|点)"
    r"|\b(?:which|what) number is\b",
    re.IGNORECASE,
)
# 四个方向里面, the 5G direction: the directions are what is ranked (not 我们大概排第几 among firms)
# (讲5G那段是第几条: the directions' clauses, pointed at)
DIRECTIONS_SAID = re.compile(r"方向|类|(?:那|这)一?(?:段|条|款)|部分|\bdirection|\bcategor", re.IGNORECASE)
AMOUNT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?万")
ENGLISH_QUOTE = re.compile(r"(?<![A-Za-z])'([^']{3,40})'")


@dataclass(frozen=True)
class Item:
    """One numbered clause of a part, with what it says (its name where it has one)."""

    clause: str
    label: Text  # what the outline shows for it
    wording: Text  # what the clause says, shown where a term is found in it
    said: tuple[str, ...]  # its words, zh and en, where a quoted term is looked for


class Outline:
    """Built once from the pack: the parts in order, each with its numbered items."""

    def __init__(self, kb: KnowledgeBase, shape: NoticeShape) -> None:
        self.kb = kb
        self.citations = Citations(kb.notice)
        notice = kb.notice
        items: list[Item] = []
        for direction in notice.directions:
            said = _said(direction.name, direction.scope)
            items.append(Item(direction.clause, direction.name, direction.scope, said))
            rule = direction.funding
            items.append(Item(rule.clause, rule.rule, rule.rule, _said(rule.rule)))
        for criterion in notice.eligibility:
            if criterion.section == shape.who_section:  # 五's limits are its requirements below
                items.append(Item(criterion.clause, criterion.text, criterion.text, _said(criterion.text)))
        method = notice.support_method
        items.append(Item(method.clause, method.text, method.text, _said(method.text)))
        for stage in notice.stages:
            # a step is shown with what it asks: 入库申报：…7月8日前…专家评审…
            step = Text(zh=f"{stage.name.zh}：{stage.what.zh}", en=f"{stage.name.en}: {stage.what.en}")
            items.append(Item(stage.clause, step, stage.what, _said(stage.name, stage.what)))
        for requirement in notice.requirements:
            text = requirement.text
            items.append(Item(requirement.clause, text, text, _said(text)))
        self.items = sorted(_merged(items), key=lambda i: [_order(c) for c in re.findall(r"[^()]", i.clause)])
        self.sections = [s for s in CHINESE_NUMERALS if s in notice.sections]
        self.headings = {
            s: (simplify(notice.sections[s].zh), notice.sections[s].en.lower()) for s in self.sections
        }

    def names_a_part(self, text: str) -> bool:
        """支持对象那部分: one of the notice's parts named by its heading."""
        return bool(self._named(simplify(text)))

    def _named(self, simplified: str) -> list[str]:
        """The parts whose headings the simplified text says (支持方式, Support method)."""
        lowered = simplified.lower()
        return [s for s, (zh, en) in self.headings.items() if zh in simplified or en in lowered]

    def answered(self, understood: Understanding, lang: Lang) -> str:
        """The outline's answer to a message that asks about the notice as a document, or ""."""
        text = understood.simplified
        if "outline" not in self.kb.lexicon.replies:
            return ""  # a pack without the outline's words answers as before
        if understood.other_programme or OTHER_DOCUMENT.search(text):
            return ""  # 2023年的通知分几部分, 省里的指南: another document's outline
        named = self._named(text)
        if WHERE_ASKED.search(text):
            places = self._where_said(text, named, lang)
            if places:
                return places
        mentioned = TERM_MENTIONED.search(text)
        if mentioned and WHERE_MENTIONED.search(text):
            places = self._where_mentioned(mentioned, lang)
            if places:
                return places
        if PEOPLE_ASKED.search(text):
            return self._people(lang)
        links_asked = LINKS_ASKED.search(text)
        if links_asked:
            links = self._links(understood, lang, _ordinal(links_asked))
            if links:
                return links
        quoted = QUOTE.search(text) or ENGLISH_QUOTE.search(text)
        if RANK_ASKED.search(text) and DIRECTIONS_SAID.search(text) and not quoted:
            # 四个方向里面，5G那个排第几: where the direction named stands ("工业大脑"是第几个方向里面的:
            # the term's own clause and what it says, as any term asked where)
            ranked = self._direction_place(understood, lang)
            if ranked:
                return ranked
        parts_asked = PARTS_ASKED.search(text) is not None
        if len(named) == 1 and (parts_asked or ITEMS_ASKED.search(text)):
            return self._part(named[0], lang)
        return self._parts(lang) if parts_asked else ""

    def _numbered(self, section: str) -> list[Item]:
        """The items a part lists: 三(一)..三(四), not 三's own opening sentence (一's scope, not its
        funding rule in 三)."""
        return [i for i in self.items if i.clause.startswith(f"{section}(")]

    def _parts(self, lang: Lang) -> str:
        lines = [
            reply_text(
                self.kb,
                "outline_part",
                lang,
                part=clause_label(self.kb, s, lang),
                items=str(len(self._numbered(s))),
            )
            for s in self.sections
        ]
        count = len(self.sections)
        notice = self.kb.notice
        return reply_text(
            self.kb,
            "outline",
            lang,
            parts=CHINESE_NUMERALS[count - 1] if lang == "zh" else str(count),
            lines="\n".join(lines),
            attachments=str(len(notice.attachments)),
            people=str(len(notice.contacts.people)),
        )

    def _part(self, section: str, lang: Lang) -> str:
        numbered = self._numbered(section)
        lines = [
            f"（{i.clause[2]}）{i.label.zh}" if lang == "zh" else f"{n}. {i.label.en}"
            for n, i in enumerate(numbered, 1)
        ]
        return reply_text(
            self.kb,
            "outline_items",
            lang,
            part=clause_label(self.kb, section, lang),
            items=str(len(numbered)),
            lines="\n".join(lines),
        )

    def _people(self, lang: Lang) -> str:
        contacts = self.kb.notice.contacts
        return reply_text(
            self.kb,
            "outline_people",
            lang,
            people=str(len(contacts.people)),
            names=("、" if lang == "zh" else ", ").join(p.name.get(lang) for p in contacts.people),
            phone=contacts.phone,
            clause=clause_label(self.kb, contacts.clause, lang),
        )

    def _named_directions(self, understood: Understanding) -> list[Direction]:
        """The directions the message cites (一(一)) or names (上云上平台那一条)."""
        cited = set(self.citations.clauses(understood.simplified))
        named = set(understood.topic_ids({d.id for d in self.kb.notice.directions}))
        return [d for d in self.kb.notice.directions if d.clause in cited or d.id in named]

    def _direction_place(self, understood: Understanding, lang: Lang) -> str:
        """5G那个方向排第几: the one direction named, with the clause that numbers it."""
        named = self._named_directions(understood)
        if len(named) != 1 or "outline_rank" not in self.kb.lexicon.replies:
            return ""
        direction, count = named[0], len(self.kb.notice.directions)
        in_words = (lambda n: CHINESE_NUMERALS[n - 1]) if lang == "zh" else str
        return reply_text(
            self.kb,
            "outline_rank",
            lang,
            direction=direction.name.get(lang),
            number=in_words(direction.number),
            count=in_words(count),
            clause=clause_label(self.kb, direction.clause, lang),
        )

    def _links(self, understood: Understanding, lang: Lang, nth: int = 0) -> str:
        """支持方向第一条里的环节, 上云上平台列了几个环节: the links of the one direction cited or
        named whose scope lists links; `nth` (第一个环节, 最后一个 as -1), the one at that place."""
        named = self._named_directions(understood)
        listing = [d for d in named if LINKS_WORD in d.scope.zh]
        if len(listing) != 1:
            return ""
        direction = listing[0]
        links = direction.scenarios.get(lang)
        values = {
            "clause": clause_label(self.kb, direction.clause, lang),
            "count": str(len(links)),
            "links": ("、" if lang == "zh" else "; ").join(links),
        }
        if nth and "outline_link_at" in self.kb.lexicon.replies and abs(nth) <= len(links):
            at = nth - 1 if nth > 0 else nth
            place = str(len(links) if nth < 0 else nth)
            return reply_text(self.kb, "outline_link_at", lang, place=place, link=links[at], **values)
        return reply_text(self.kb, "outline_links", lang, **values)

    def _where_said(self, text: str, named: list[str], lang: Lang) -> str:
        """Each clause saying the quoted term (in the part named, where it says it there)."""
        terms = [*QUOTE.findall(text), *ENGLISH_QUOTE.findall(text)]
        if named:  # 支持方式里是哪一条封顶50万: an amount looked for in the part named
            terms += AMOUNT.findall(text)
        for term in terms:
            wanted = simplify(term).strip().lower()
            if len(wanted) < 2:
                continue
            saying = self._saying(wanted)
            saying = [i for i in saying if i.clause[0] in named] or saying
            if saying:
                return self._term_places(term.strip(), saying, lang)
        return ""

    def _where_mentioned(self, mentioned: re.Match[str], lang: Lang) -> str:
        """Each clause saying an unquoted term, whole (能耗) or in its pieces (设备维修), with what the
        clause says; "" when no clause says it."""
        term = next(g for g in mentioned.groups() if g).strip()
        wanted = simplify(term).lower()
        saying = self._saying(wanted)
        pieces = _pieces(wanted)
        if not saying and pieces:
            saying = self._saying(*pieces)
        return self._term_places(term, saying, lang) if saying else ""

    def _saying(self, *words: str) -> list[Item]:
        """The items one of whose sayings holds every word."""
        return [i for i in self.items if any(all(w in s for w in words) for s in i.said)]

    def _term_places(self, term: str, saying: list[Item], lang: Lang) -> str:
        """The term, then each clause saying it with what the clause says."""
        colon = "：" if lang == "zh" else ": "
        places = "\n".join(
            f"{clause_label(self.kb, i.clause, lang)}{colon}{i.wording.get(lang)}" for i in saying
        )
        return reply_text(self.kb, "outline_term", lang, term=term, places=places)


def _pieces(term: str) -> list[str]:
    """What must all be said in one clause for an unquoted term: its two-character pieces (设备维修:
    设备, 维修, as in 设备智能维修运维), or its English words."""
    if re.search(r"[\u4e00-\u9fff]", term):
        return [term[i : i + 2] for i in range(0, len(term) - 1, 2)] if len(term) % 2 == 0 else [term]
    return [w for w in re.findall(r"[a-z0-9+]+", term.lower()) if w not in ENGLISH_FILLER]


def _merged(items: list[Item]) -> list[Item]:
    """One item per clause: 二(二)'s three conditions, said as one; 一(一)'s name once, though
    its scope and its funding rule are both read."""
    by_clause: dict[str, Item] = {}
    for item in items:
        kept = by_clause.get(item.clause)
        if kept is None:
            by_clause[item.clause] = item
            continue
        label = Text(zh=kept.label.zh + item.label.zh, en=f"{kept.label.en} {item.label.en}")
        wording = Text(zh=kept.wording.zh + item.wording.zh, en=f"{kept.wording.en} {item.wording.en}")
        by_clause[item.clause] = Item(item.clause, label, wording, kept.said + item.said)
    return list(by_clause.values())


def _order(numeral: str) -> int:
    return CHINESE_NUMERALS.index(numeral) if numeral in CHINESE_NUMERALS else len(CHINESE_NUMERALS)


def _said(*texts: Text) -> tuple[str, ...]:
    return tuple(s for t in texts for s in (simplify(t.zh), t.en.lower()))


def _ordinal(asked: re.Match[str]) -> int:
    """第3个环节 → 3, 最后1个环节 → -1, a count asked → 0."""
    if asked.group("last"):
        return -1
    return int(asked.group("nth") or 0)
