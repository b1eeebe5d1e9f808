"""The FAQ entries that answer a message: one per question asked, then each named thing asked
about together, narrowed to the directions and stages the message names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from conversations.attachments import attachment_numbers
from conversations.citations import Citations
from conversations.shape import NoticeShape, section_of
from conversations.understanding import (
    JOINERS,
    NEGATED,
    QUESTION_MARK,
    QUOTE,
    Reader,
    Topic,
    Understanding,
    confirms_only,
    question_mark_after,
)
from knowledge.figures import read_dates, to_arabic
from knowledge.loader import KnowledgeBase
from knowledge.normalize import simplify
from knowledge.schema import Direction, Entry
from knowledge.search import Kind, SearchIndex, SearchResult

OVERVIEW_MARGIN = 0.1  # how far below a section's answer its stage's may score and still take its place
MAX_PARTS = 4
# 往哪几个方向演进, 哪几类数据: what follows the asking word counts something other than directions
SET_ASKED_OF = re.compile(r"\s*[\u4e00-\u9fff](?<![项呢吗是啊对吧封最的])")
# 只支持上云和5G两个方向, 一共三个方向对吧: the directions counted, to be checked against the notice's
DIRECTIONS_COUNTED = re.compile(
    r"(?:只|一共|总共|共|就|才)(?:有|支持|扶持|补|分)?[^，,。？?！!]{0,12}?(\d+)个(?:支持)?方向"
)
TIE = 0.005  # an overview scoring this close to one stage's entry matches a question naming no stage as well
SURE_OF_DIRECTION = 0.8  # asked which direction: a search this sure of one direction's entry decides
GENERAL_MARGIN = 0.1  # how much closer a direction's own entry must be than its section's summary
# 绩效目标和资金管理: two things joined (not 还是 or 或: a choice between them)
# 这算哪一块, 这个系统属于哪类: the thing just told, pointed back at and classed
THE_TOLD_CLASSED = re.compile(
    r"\s*(?:这|那|呢|嗰)(?:个|种|套|样|些)?(?:项目|系统|平台|做法|情况)?(?:应该|应当|能|可以)?(?:算|属于|属|归|是|对应)"
)
THINGS_JOINED = re.compile(r"和|与|跟|以及|及|、|\band\b")
LONG_MESSAGE_CLAUSES = 3  # from this many clauses on, a message tells a situation before asking
STRONG_CLAUSE = 0.75  # a clause of the situation that matches an entry this well is answered too
WEAK_WHOLE = 0.5  # a whole message matching no better than this gives way to its one question
NAMED_ALONE = 0.6  # a last question naming its topic that matches this well on its own is what is asked
# 上云项目要达到什么目标, the goals of direction 3, 标杆项目是不是必须用5G: what a named direction's own
# clause says (the goals it achieves, the technology it builds on)
SAID_IN_ITS_CLAUSE = re.compile(
    r"(?:达到|实现|形成|取得|拿出)(?:什么|啥|哪些|哪几个|咩)(?:效果|目标|成果|目的)|打造成?(?:什么|啥|咩)"
    r"|(?:要|需要|应该?)(?:达到|实现|取得)的(?:效果|目标|成果)|预期(?:的)?(?:效果|目标|成果)"
    r"|\b(?:goals?|outcomes?|aims?) of\b|\bwhat should [^.?!]{0,30}\b(?:achieve|deliver)\b"
    r"|\baims? to achieve\b|\bintended to achieve\b|\bsupposed to achieve\b|\bmeant to achieve\b"
    r"|第[二三四2-4]个目标"  # 要降本增效，仲有冇第三个目标: the goals the direction's clause names
    r"|(?:最终|主要|总体|总)?(?:目标|目的)(?:是|系)?(?:什么|啥|咩|乜)"  # 5G方向的最终目标是啥
    # 标杆项目是不是必须用5G才行: whether the direction requires a technology, which its clause says
    r"|(?:是不是|是否|是唔是|系咪|一定)(?:必须|一定|非得|非要|只能|要)?(?:要)?(?:用|使用|采用|基于)"
    r"|\b(?:must|have to|has to|need to|needs to|required to) (?:use|be based on|run on)\b"
)
CLAIMS_CONFIRMED = 2  # claims told before a bare 都对吗 that are each asked
# 这样做合规吗: a question about what the story just told
# 文件有没有明确说不行: whether the notice forbids what the story told
POINTS_BACK = re.compile(
    r"这样|这么做|这种做法|这种情况|咁做|咁样|噉做|[系係]咪[咁噉]|[系係]唔[系係][咁噉]"
    r"|(?:说|写|规定)(?:了)?(?:不行|不可以|不能|不允许|不准|禁止)"
    # … file it with them, what do they do with it: what the clause before it told
    r"|\bwhat (?:do|does|did|will|would) (?:they|he|she|it) do with (?:it|them|that|this)\b",
    re.IGNORECASE,
)
# 这个算不算, does that count: a question about what the story told
POINTING = re.compile(r"这|那|它|其|佢|呢个|嗰个|\b(?:that|this|it|these|those|they|them)\b", re.IGNORECASE)
# the directions as a whole asked for: 一共几个支持方向, 有哪些方向, how many directions
DIRECTIONS_LISTED = re.compile(
    r"(?:几个|几类|多少个|哪几个|哪些|一共|总共|共有)[^，。？?]{0,4}方向|how many (?:support )?directions"
    r"|方向[^，。？?]{0,2}(?:一共|总共|共有)?(?:有)?(?:几个|几类|多少个|哪几个|哪些)"  # 支持方向一共几个
    r"|what are the (?:support )?directions"
)
# 支持方向一共就三个：上云、标杆、5G，对吧: a count of the directions offered, those named its items
DIRECTION_COUNT_OFFERED = re.compile(
    r"方向[^，。？?]{0,2}(?:一共|总共|共有|共)(?:是|有|就)?(?:\d+|[两三四五六七八九十])个"
)
CAN = re.compile(r"^(?:还能|还可以|能|可以|可)")  # 能报: 报, said as what may be done
ALONE_MARGIN = 0.1  # how much better a question must match on its own than with the story's topic
OFFERED = re.compile(r"(?:属于|算是|算|归|归到|归为|报)(?:的是)?$")  # a direction offered for the thing
OFFERED_REACH = 4  # characters before a direction's word in which 属于, 算 … offer it
MIN_QUOTE_CHARS = 6  # a quote this long names one passage (“上云上平台” is said everywhere)
# 区里还是市里, 县里定系市里: a clause that only offers a choice of levels of government as the
# answer to the question before it (降本还是提质量 offers what the story's topic is for)
LEVEL = r"[^，,。？?！!]{0,4}(?:区|县|市|省|镇|当地|本地)[^，,。？?！!]{0,4}"
CHOICES = "还是|定系|或者|或是"  # the words that offer a choice (定系: Cantonese "or")
CHOICE_WORDS = re.compile(rf"{CHOICES}|\bor\b")  # 报上云还是报5G: directions offered as a choice
# 可以吗, 行不行, 得唔得, is that ok: asking only whether what was just told may be
ONLY_WHETHER = re.compile(
    r"(?:这样|咁样|咁)?(?:可以吗|可以不|可不可以|可唔可以|行吗|行不行|得唔得|得不得|能行吗|ok吗|冇问题吧|没问题吧)[？?吗呢啊]*"
)
ONLY_A_CHOICE = re.compile(rf"^{LEVEL}(?:{CHOICES}){LEVEL}[？?呢啊]?$")
# 广州的软件公司, 深圳嘅厂: a firm of the place just named
FIRM_OF_THE_PLACE = re.compile(r"\s*(?:的|嘅)?\s*(?:[^，,。？?！!\s]{0,8}?\s*)?(?:企业|公司|厂|集团)")
APPLY_SAID = re.compile(r"\bapply\b", re.IGNORECASE)
# 总部在佛山, our HQ is in Foshan: the firm's own place, named after its head office
HEAD_OFFICE_IN = re.compile(
    r"(?:总部|总公司|\bhq|\bheadquarters?|\bhead office)\s*(?:is\s*|are\s*|located\s*|based\s*)*"
    r"(?:in|at|设在|在)?\s*$"
)
SENTENCE_PIECES = re.compile(r"[^。？?！!；;\n，,]+[。？?！!；;\n，,]*")  # each with its own question mark
EACH_WORDS = ("分别", "各", "每个", "each", "respectively")
SEVERAL_WORDS = ("分别", "各自", "哪几个", "哪些", "which ones")  # asking for every direction that fits


# 属于5G方向还是哪个方向: one direction guessed, another left open
OR_ANOTHER = re.compile(
    r"还是(?:哪个|哪一个|哪类|哪一类|别的|其他|其它|边个|边类)|or (?:which|another|some other)"
)

# 这三个时间节点, 以上几项: an ask said once of every item listed before it
ASKED_OF_THEM_ALL = re.compile(r"这(?:两|三|四|五|几)(?:个|项|样|点|类|种|条|方面)|这些|以上|上述")


class Parts:
    def __init__(self, kb: KnowledgeBase, index: SearchIndex, reader: Reader, shape: NoticeShape) -> None:
        self.kb = kb
        self.index = index
        self.reader = reader
        self.shape = shape
        # as messages are read (四个方向 → 4个方向), once
        lexicon = kb.lexicon
        self.all_directions = [to_arabic(w) for w in lexicon.all_directions]
        self.comparison_words = [to_arabic(w) for w in lexicon.comparison_words]
        self.direction_set_words = [to_arabic(w) for w in lexicon.direction_set_words]
        self.direction_of_scope = {d.clause: d for d in kb.notice.directions}
        self.stage_clauses = {s.clause for s in kb.notice.stages}
        # only a stage the message could have named (it has topic words): a stage without words of
        # its own (the review after 验收) may be what a message about another asks
        self.nameable_stages = {s.clause for s in shape.stages.values() if lexicon.topics.get(s.id)}
        # the words a question only of applying is made of (这次能报吗): asking, and this round
        self.plain_words = set(reader.generic_words) | {simplify(w) for w in lexicon.notice_refs}
        self.citations = Citations(kb.notice)
        # the entry of the condition that ties an applicant to the notice's place
        criterion = next((c for c in kb.notice.eligibility if c.id == lexicon.place_criterion), None)
        self.registration = shape.entry_for_clause.get(criterion.clause) if criterion is not None else None
        self.scope_clauses = {d.clause for d in shape.directions.values()}  # each direction's scope

    def pick(self, question: str, understood: Understanding, main: SearchResult) -> tuple[list[Entry], bool]:
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

        answered: list[Entry] = []  # what a questioning clause itself asked

        def add_asked(result: SearchResult) -> None:
            add(result)
            if result.kind is Kind.ANSWER and result.entry is not None:
                answered.append(result.entry)

        clauses = [c for c in understood.clauses if not index.outside_words(c)]
        questions = [c for c in clauses if reader.is_question(c)]
        if reader.lists_its_asks(question) and not ASKED_OF_THEM_ALL.search(question):
            # 1. 建设期 2. 投资范围 3. 项目数量, - 联系人是谁 - 入库申报截止时间: each item named
            # is asked, question word or not, and so is one a question mark follows that the search
            # answers (- support method (before or after)?) (not 1.入库 2.验收申请 这两个时间节点:
            # what is asked of them all is said after them)
            listed = reader.listed_items(question, clauses)

            def item_asked(c: str) -> bool:
                marked = bool(question_mark_after(question, c)) and search(c).entry is not None
                return c in listed and (bool(reader.topics_named(c)) or marked)

            questions = [c for c in clauses if c in questions or item_asked(c)]
        if questions and all(confirms_only(c) for c in questions):
            # 听说：①一家最多报2个项目 ②补贴按省级资金10%配套。都对吗: each claim told is asked
            claims = [c for c in clauses if c not in questions and search(c).kind is Kind.ANSWER]
            questions = claims if len(claims) >= CLAIMS_CONFIRMED else questions
        if main.kind is Kind.OUTSIDE:  # 在阿里云上部署了MES，能申报吗: the rest of the story says what
            main = search(reader.without_outside_words(understood))
        if len(understood.clauses) >= LONG_MESSAGE_CLAUSES and questions:
            # the situation first, the question last: the question and the clause before it
            # decide, unless the whole message is a better match
            last = clauses.index(questions[-1])
            core = " ".join(clauses[max(0, last - 1) : last + 1])
            cores = [
                self._kept_to_the_stage_before(
                    understood, questions[-1], self._kept_to_its_stage(core, search(core))
                )
            ]
            referent = None
            if POINTS_BACK.search(questions[-1]) and not reader.topics_named(questions[-1]):
                # 老板想拿补贴发年终奖，我是会计，这样做合规吗: what 这样 points back to is the
                # nearest clause of the story that says a thing of the notice (not 我是会计), and
                # the question means nothing without it
                referent = next((c for c in reversed(clauses[:last]) if search(c).kind is Kind.ANSWER), None)
                referent = None if referent is None or clauses.index(referent) == last - 1 else referent
            if referent is not None:
                cores.append(search(f"{referent} {questions[-1]}"))
            # 分别叫什么 says nothing on its own; nor does a question naming nothing (出什么情况
            # 会影响申报) where the whole message and the question with the clause before it agree
            # on what it is about
            agreed = main.kind is Kind.ANSWER and cores[0].entry is main.entry
            if (
                referent is None
                and not (last and POINTS_BACK.search(questions[-1]))  # 係咪咁: nothing on its own
                and not (last and self._only_each(questions[-1]))
                and (not agreed or reader.topics_named(questions[-1]))
                and not (
                    main.kind is Kind.ANSWER
                    and (self._only_asks_to_apply(questions[-1]) or self._only_plain(questions[-1]))
                )
            ):
                cores.append(self._kept_to_its_stage(questions[-1], search(questions[-1])))
            best = max([main, *cores], key=lambda r: (r.kind is Kind.ANSWER, r.score))
            add(best)
            for clause in clauses:  # a clause that plainly says what it is about
                if not self.index.known_words(self._without_named_things(clause)):
                    continue  # 三十来号人, 那行业性标杆: nothing said beyond a name
                if reader.is_question(clause) and not self._says_more_than_a_word(clause):
                    continue  # 通知里是几个: a question of one word says plainly nothing on its own
                if self._only_each(clause):
                    continue  # 分别叫什么: about what the clause before it named, not on its own
                result = search(clause)
                if self._one_directions_amount_unnamed(clause, result):
                    continue  # How much city matching can we get: no direction said, none guessed
                if result.score >= STRONG_CLAUSE and result.kind is Kind.ANSWER:
                    add(
                        self._kept_to_the_stage_before(
                            understood, clause, self._kept_to_its_stage(clause, result)
                        )
                    )
        elif len(questions) <= 1 or main.score >= STRONG_CLAUSE:
            # several questions: the whole message only where it plainly says one thing
            turned = self._turned_to(clauses, questions, main, search) or self._asked_of_a_stage(
                clauses, questions, main, search
            )
            said_first = None if turned else self._plain_first_question(clauses, questions, search)
            if said_first is None and not turned and main.score < WEAK_WHOLE:
                said_first = self._named_last_question(clauses, questions, search)
            if said_first is not None and main.score < WEAK_WHOLE:
                add_asked(said_first)  # what the one question asks, before what the story named
            else:
                if said_first is not None and main.kind is Kind.ANSWER and said_first.entry is not main.entry:
                    add_asked(said_first)  # its own plain match first, then the whole message's
                add(turned or main)
            after_figures = self._asked_after_figures(understood, clauses, questions, search)
            if after_figures is not None:
                add_asked(after_figures)
        if main.kind is not Kind.ANSWER or len(questions) > 1:
            if not questions and clauses and main.kind is Kind.UNSURE:
                questions = clauses[-1:]
            # a question without a topic of its own asks about what the story named before it;
            # one without an ask of its own asks what the question before it asked (入库要交哪两个
            # 附件？验收又是哪两个？)
            # the story's topic said before the questions (not 最终金额 asked after them)
            first = understood.simplified.find(to_arabic(questions[0])) if questions else -1
            told_by = first + len(questions[0]) if first >= 0 else len(understood.simplified)
            last_topics = [self._first_name(t) for t in understood.topics if t.at < told_by][:1]
            last_asks: list[str] = []
            before = ""
            for clause in questions:
                clause_topics = [self._first_name(t) for t in reader.topics_named(clause)]
                clause_asks = reader.intents_of(clause)
                if parts and not clause_topics and POINTS_BACK.search(clause):
                    continue  # 文件有没有明确说不行: answered by what it points back to, not on its own
                query = clause if clause_topics or not last_topics else " ".join([*last_topics, clause])
                story = self._told_just_before(clauses, questions, clause)
                whether_told = bool(
                    story
                    and not clause_topics
                    and not clause_asks
                    and ONLY_WHETHER.fullmatch(simplify(clause))
                    and search(query).kind is not Kind.ANSWER
                )
                if whether_told:  # 有三个项目，都想报，可以吗: whether what was just told may be, when the
                    query = f"{story} {clause}"  # question alone, or with the story's topic, finds nothing
                if before and self._only_each(clause):
                    query = f"{before} {clause}"  # 一共有几个支持方向？分别叫什么: each of those
                elif before and not clause_topics and not clause_asks and ONLY_A_CHOICE.search(clause):
                    query = f"{before} {clause}"  # 谁来验？区里还是市里: the choice of answers to it
                before = clause
                if clause_topics and not clause_asks:
                    query = " ".join([query, *last_asks])
                last_topics = clause_topics or last_topics
                last_asks = clause_asks or last_asks
                result = search(query)
                asks_itself = bool(QUESTION_MARK.search(simplify(clause)))  # not 材料30万: a figure's name
                alone_better = asks_itself and not whether_told and self._better_alone(search(clause), result)
                if query != clause and alone_better:
                    result = search(clause)  # 最多能报几个 after a story of 上云: a question of its own
                elif query != clause and asks_itself and self._asks_anew(search(clause), result, parts):
                    result = search(clause)  # 市级配套几多？啲钱落嚟之后要点管理: not the amount again
                if not self._guesses_another(result, query):
                    add_asked(self._summary_when_unnamed(self._kept_to_its_stage(clause, result), query))
        asked = (
            understood.intents
            or [w for w in questions[-1:] if not reader.topics_named(w)]
            or self._asked_words(questions[-1:] if questions else [], understood)
        )
        # 标杆项目和系统性平台项目有啥区别: how named directions differ, nothing else asked: their scopes
        told_apart = not understood.intents and self._words_in(understood, reader.general_comparisons)
        for group in self._asked_together(understood, parts):
            group_asks = self._asks_where_named(understood, group) or asked
            for topic_id, word in group:
                direction = self.shape.directions.get(topic_id)
                scope = self.shape.entry_for_clause.get(direction.clause) if direction else None
                if told_apart and scope is not None:
                    add(SearchResult(Kind.ANSWER, lang, 1.0, scope))
                    continue
                result = search(" ".join([word, *group_asks]))
                if direction is not None and result.entry is not None and result.kind is Kind.ANSWER:
                    # a summary of every direction found for one of them: that direction's own entry
                    section = result.entry.clause
                    if section == self.shape.directions_section:
                        result = SearchResult(
                            Kind.ANSWER, lang, result.score, self.shape.entry_for_clause.get(direction.clause)
                        )
                    elif section == self.shape.amount_section:
                        funding = self.shape.entry_for_clause.get(direction.funding.clause)
                        result = SearchResult(Kind.ANSWER, lang, result.score, funding)
                add(result)
            if len(group) == len(self.shape.directions):  # each of them answered: no need of the summary
                specific = [
                    p
                    for p in parts
                    if p.clause not in (self.shape.directions_section, self.shape.amount_section)
                ]
                parts[:] = specific or parts
        for clause in questions:  # 通知发布日期同联络人: two asks joined in one clause, each answered
            for query in self._asks_joined(clause):
                add_asked(search(query))
        for at, clause in enumerate(clauses):  # 绩效目标和资金管理这块，有什么要求: each thing joined
            if clause in questions or (at + 1 < len(clauses) and clauses[at + 1] in questions):
                for result in self._things_joined(clause, search):
                    add(result)
        asked_of_the_stages = self._stages_of_the_attachments(understood)
        for asked_of_a_stage in asked_of_the_stages:
            add(search(asked_of_a_stage))
        # each by its first name in the lexicon, which the search knows (database → 入库)
        topics = self.kb.lexicon.topics
        named_things = {t.id: topics[t.id][0] for t in understood.topics if t.id in reader.canonical_ids}
        if not parts and len(named_things) == 1 and understood.intents and self._all_known(understood):
            # by which date … finish the database registration step: the search unsure of the whole
            # message, what it asks of the one thing it names (not 验收专家的劳务费: an unknown
            # word may be what is asked)
            add(search(" ".join([*named_things.values(), *understood.intents])))
        if not parts:
            add(main)
        searched = bool(parts)
        parts = self._generalise(understood, parts, main)
        parts = self._specialise(understood, parts)
        if not asked_of_the_stages:  # 附件2和附件5分别几号截止: the attachments name each stage asked
            parts = self._keep_to_the_named_stage(understood, parts, main)
        quoted = self._quoting(understood)
        if quoted is not None:  # 标杆项目要求“多种网络部署架构…”: the entry that says those words
            parts = [quoted, *[p for p in parts if p is not quoted]]
            searched = True
        dated = bool(read_dates(understood.text))
        for topic in understood.topics:  # a topic named after an entry: that entry answers too
            entry = self.kb.entries_by_id.get(topic.id)
            # 质量事故也算吗: a question that names the rule's own thing is a question about it
            searched = searched or (entry is not None and any(topic.word in q for q in questions))
            if entry is not None and entry not in parts:
                # 被审计通报过，还能报吗: asking only whether one may apply, the situation's rule first
                first = dated or not parts or entry is main.entry or self._asks_to_apply(questions)
                parts.insert(0 if first else len(parts), entry)
        named = [self.shape.directions[i] for i in understood.topic_ids(set(self.shape.directions))]
        which = reader.asks_which_direction(understood.simplified)
        every_direction = self.asks_every_direction(understood)
        which = which and not every_direction  # 哪个方向封顶最低: each one's cap
        scopes = {d.clause for d in self.kb.notice.directions}
        fitting = self._scenario_directions(understood) if which and not named else []
        if which and not named and not fitting:
            # 我们是软件公司，能报哪个方向: the directions whose applicant is that kind of firm
            ids = reader.directions_for_its_kind(understood)
            fitting = [self.shape.directions[i] for i in ids if i in self.shape.directions]
        if fitting and any(w in understood.simplified for w in EACH_WORDS):
            # A是把设备租赁放上工业云，B是开发视频监控平台给同行业用，分别走哪个方向: each thing told
            told = self._told_by_clause(clauses, search)
            fitting = sorted({d.id: d for d in [*fitting, *told]}.values(), key=lambda d: d.number)
        if (
            which
            and not named
            and not fitting
            and main.kind is Kind.ANSWER
            and main.score >= SURE_OF_DIRECTION
        ):
            # 按项目投资10%是哪个方向: the search is sure which direction's rule was described
            fitting = self.shape.directions_of(main.entry)
        guessed = understood.premise or understood.asks_yes_no
        set_guessed = named and guessed and self._asks_the_set_of_directions(understood)
        if set_guessed or self._miscounts_directions(understood):
            # 一共三个方向对吧：上云、标杆、5G; 封顶50万的是哪类？是系统性吗; 只支持两个方向: the whole
            # set answers the guess, each direction's rule or, where an amount is asked, each one's amount
            asks_amount = bool(set(understood.intents) & self.shape.amount_intents)
            section = self.shape.amount_section if asks_amount else self.shape.directions_section
            overview = self.shape.entry_for_clause.get(section)
            if overview is not None:
                parts = [overview, *[p for p in parts if p.clause not in self.shape.specific_clauses]]
        elif len(fitting) == 1:  # "质量检测平台属于哪个方向": the direction whose scenario it names
            scope = self.shape.entry_for_clause.get(fitting[0].clause)
            if scope is not None:
                parts = [scope, *[p for p in parts if p is not scope and p.clause not in scopes]]
            named = fitting  # and what else is asked (its cap …) is about that direction
            parts = [p for p in parts if p.clause not in self.shape.funding_clauses]
        elif which and not named and 1 < len(fitting) < len(self.shape.directions):
            # 能耗优化和能耗监控分别在哪个方向: each direction that names one, its scope
            fitting_scopes = [e for d in fitting if (e := self.shape.entry_for_clause.get(d.clause))]
            parts = [*fitting_scopes, *[p for p in parts if p.clause not in scopes]]
            named = fitting
        elif which and not named:
            overview = self.shape.entry_for_clause.get(self.shape.directions_section)
            if overview is not None:  # "which direction fits us?": the four, to choose from
                parts = [
                    overview,
                    *[p for p in parts if p is not overview and p.clause not in self.shape.specific_clauses],
                ]
                # 店铺订单直接推到工厂排产，这算哪一块: the project told in words the index does not
                # know, pointed back at, still asks which of the notice's directions it is
                searched = searched or any(THE_TOLD_CLASSED.match(simplify(q)) for q in questions)
        elif which or (named and OR_ANOTHER.search(understood.simplified)):
            # "we built a 5G network: which direction?" or "… the 5G one or another?": the named
            # direction's scope
            one_offered = len(named) == 1 and bool(OR_ANOTHER.search(understood.simplified))
            fitting_others = self._scenario_directions(understood) if one_offered else []
            others = [d for d in fitting_others if d not in named]
            if len(others) == 1:
                # 视频监控这些场景是属于5G方向还是哪个方向: the scenario's other direction, not the guess
                named = others
            if any(w in understood.simplified for w in EACH_WORDS):
                # A上云…，C做质量检测平台，分别对应哪个方向: a thing told by its scenario is one too
                told = [d for d in self.shape.scenarios_named(understood.simplified) if d not in named]
                told += self._told_by_clause(clauses, search)
                named = sorted({d.id: d for d in [*named, *told]}.values(), key=lambda d: d.number)
            named_scopes = [e for d in named if (e := self.shape.entry_for_clause.get(d.clause))]
            parts = [*named_scopes, *[p for p in parts if p not in named_scopes]]
        elif named and SAID_IN_ITS_CLAUSE.search(understood.simplified):
            # 上云上平台项目要达到什么目标, 标杆项目是不是必须用5G: what the named direction's own clause says
            named_scopes = [e for d in named if (e := self.shape.entry_for_clause.get(d.clause))]
            parts = [*named_scopes, *[p for p in parts if p not in named_scopes]]
        elif named and understood.asks_yes_no:
            # 设备租赁环节属于系统性平台方向吗: the scenario is another direction's; its scope first
            others = [d for d in self._scenario_directions(understood) if d not in named]
            others = others or self._named_before_the_offered(understood)
            scope = self.shape.entry_for_clause.get(others[0].clause) if len(others) == 1 else None
            if scope is not None:
                parts = [scope, *[p for p in parts if p is not scope]]
        summary = self.shape.entry_for_clause.get(self.shape.amount_section)
        # 市级配套是不是统一最高50万: a cap only some directions have, offered of none named
        each_cap = every_direction or (not named and self._offers_a_cap_of_some(understood))
        if summary is not None and each_cap:
            # the caps' summary names every direction: no list of the directions beside it
            amounts = {self.shape.directions_section, *self.shape.funding_clauses}
            parts = [summary, *[p for p in parts if p is not summary and p.clause not in amounts]]
        if named and set(understood.intents) & self.shape.amount_intents:
            for direction in named:  # "5G项目有没有上限": the direction's own rule
                entry = self.shape.entry_for_clause.get(direction.funding.clause)
                if entry is not None and entry not in parts:
                    parts.append(entry)
        registration = self.registration
        # who may apply (二) says it too
        covered = registration is None or any(
            p.clause in (registration.clause, section_of(registration.clause)) for p in parts
        )
        if (
            not covered
            and registration is not None
            and self._firm_elsewhere(understood)
            and self._asks_to_apply(questions)
        ):
            # 我们是广州的软件公司，能申请吗: where the firm is registered decides, beside what it does
            parts.insert(1, registration)
        chosen = self._told_of_the_offered(understood)
        if chosen is not None:  # 能耗监控，这个是报上云还是报5G: the one whose scenario is told, first
            parts = [chosen, *[p for p in parts if p is not chosen]]
        # 五(一)说资金要怎么管理: of an item's entries, the one the search found (a whole section
        # cited is summed up by its first)
        cited = [
            next((p for p in parts if p.clause == c.clause), c) if section_of(c.clause) != c.clause else c
            for c in self.cited(understood.text)
        ]
        if cited:  # 第三部分第二条是讲系统性平台的吧: the clause cited says what it is about, first
            parts = [*cited, *[p for p in parts if p not in cited]]
        return self._within_limit(parts, [*cited, *answered]), searched or bool(cited)

    @staticmethod
    def _within_limit(parts: list[Entry], answered: list[Entry]) -> list[Entry]:
        """At most MAX_PARTS, in the reply's order; when there are more, what the questions
        themselves asked is kept before what only the story named (…今年6月刚完工…请问入库截止日期、
        要填哪两个附件、纸质几份: the three asked, then the story's window)."""
        if len(parts) <= MAX_PARTS:
            return parts
        ranked = [p for p in parts if p in answered] + [p for p in parts if p not in answered]
        kept = ranked[:MAX_PARTS]
        return [p for p in parts if p in kept]

    def _firm_elsewhere(self, understood: Understanding) -> bool:
        """我们是广州的软件公司, 深圳嘅厂: another place named as the firm's own."""
        canonical = self.index.normaliser.canonical(understood.text)
        for place in self.index.places_named(understood.text):
            at = canonical.find(place)
            if at >= 0 and (
                FIRM_OF_THE_PLACE.match(canonical, at + len(place)) or HEAD_OFFICE_IN.search(canonical[:at])
            ):
                return True
        return False

    def cited(self, text: str) -> list[Entry]:
        """The entries of the clauses the message asks about by number (三(二)是什么, section 3.2?);
        not a clause cited in the story (支持方式第二条又说“…”，外地公司能不能报: what is asked is
        the rest)."""
        if not self.citations.clauses(text):
            return []  # most messages cite no clause: the cheap test first
        pieces = SENTENCE_PIECES.findall(text)
        asking = [p for p in pieces if len(pieces) == 1 or self.reader.is_question(p)]
        clauses = [c for p in asking for c in self.citations.clauses(p)]
        return [e for c in dict.fromkeys(clauses) if (e := self.shape.entry_for_clause.get(c)) is not None]

    def _told_by_clause(self, clauses: list[str], search: Callable[[str], SearchResult]) -> list[Direction]:
        """做面向特定行业的质量检测平台: the directions whose scope the search finds for a clause
        that tells a thing (not the clause asking which direction, nor one naming a direction)."""
        told = []
        for clause in clauses:
            if self.reader.asks_which_direction(to_arabic(clause)):
                continue  # the question itself names no thing
            found = search(clause)
            if self.reader.topics_named(clause) or found.kind is not Kind.ANSWER or found.entry is None:
                continue
            if found.entry.clause in self.direction_of_scope:
                told.append(self.direction_of_scope[found.entry.clause])
        return told

    def _quoting(self, understood: Understanding) -> Entry | None:
        """The one entry whose answer says, word for word, what the message quotes (“多种网络部署架构、
        多种建设运营模式”); none where the quoted words are said in several (“上云上平台”)."""
        for quote in QUOTE.findall(understood.simplified):
            said = simplify(quote).strip()
            if len(said) < MIN_QUOTE_CHARS:
                continue
            saying = [e for e in self.kb.faq.entries if said in simplify(e.answer.zh)]
            if len(saying) == 1:
                return saying[0]
        return None

    def _only_plain(self, clause: str) -> bool:
        """有问题吗, is that a problem: everyday asking words only; the story says what about."""
        words = self.index.known_words(clause)
        return bool(words) and all(w in self.plain_words for w in words)

    def _only_asks_to_apply(self, clause: str) -> bool:
        """这次能报吗: whether one may apply, in words of applying and of this round only; the
        story it ends says what about (not 三个行不行, 还有机会往上推荐吗)."""
        words = self.index.known_words(clause)
        # 报, 能报, 可以申请: a word of applying itself (not 上报, nor 截止 and 条件, which are asks)
        applying = [
            w
            for w in words
            if CAN.sub("", w) in self.kb.lexicon.apply_words and not self.reader.intents_of(w)
        ]
        return bool(applying) and all(w in self.plain_words or w in applying for w in words)

    def _summary_when_unnamed(self, result: SearchResult, query: str) -> SearchResult:
        """单个项目最多能拿多少 among other questions: one direction's amount for a question that
        names none is a guess; the summary of every direction's amount answers it. So for a
        stage: 什么时候交 naming no stage is answered by an overview that matches it as well."""
        entry = result.entry
        if entry is not None and entry.clause in self.stage_clauses:
            if self.reader.topic_ids(query, set(self.shape.stages)):
                return result
            tied = [m for m in result.suggestions if m.entry.overview and m.score >= result.score - TIE]
            return SearchResult(Kind.ANSWER, result.lang, result.score, tied[0].entry) if tied else result
        if entry is None or entry.clause not in self.shape.funding_clauses:
            return result
        if self.reader.topic_ids(query, set(self.shape.directions)):
            return result
        summary = self.shape.entry_for_clause.get(self.shape.amount_section)
        return SearchResult(Kind.ANSWER, result.lang, result.score, summary) if summary else result

    def _guesses_another(self, result: SearchResult, query: str) -> bool:
        """入库算不算立项 → the 5G direction's scope: a direction's own entry for a question that
        names only stages is a guess at a word (算不算)."""
        entry = result.entry
        if entry is None or entry.clause not in self.shape.specific_clauses:
            return False
        named = set(self.reader.topic_ids(query, set(self.shape.own_ids)))
        if not named or named & set(self.shape.directions):
            return False  # a direction named: its own entry takes the place of another's (_specialise)
        # a direction's entry only: stages share words (验收 names the application and the
        # acceptance after it), directions do not
        of_entry = {d.id for d in self.shape.directions_of(entry)}
        return bool(of_entry) and not of_entry & named

    def _says_more_than_a_word(self, clause: str) -> bool:
        """通知里是几个 is only 几个 to the search: one known word asks nothing plain alone."""
        return len(set(self.index.known_words(clause))) >= 2

    def _asks_anew(self, alone: SearchResult, with_topic: SearchResult, parts: list[Entry]) -> bool:
        """A later question that, with the story's topic, finds only what an earlier one was
        answered with, while on its own it finds another, general entry: it asks something new
        (never a guess at a direction or stage it does not name: 几号前 after 验收申请几份)."""
        found_before = with_topic.entry is not None and with_topic.entry in parts
        return found_before and self._general_answer(alone) and alone.entry not in parts

    def _better_alone(self, alone: SearchResult, with_topic: SearchResult) -> bool:
        """A question that matches a general entry better on its own than with the story's topic,
        which found no entry of that topic's own either (上云…最多能报几个: the limit, not the
        amounts' summary); never a guess at a direction or stage it does not name (几号前交)."""
        if not self._general_answer(alone):
            return False
        if with_topic.entry is not None and with_topic.entry.clause in self.shape.specific_clauses:
            return False
        return alone.score > with_topic.score + ALONE_MARGIN

    def _general_answer(self, result: SearchResult) -> bool:
        """An answer from an entry of no one direction or stage (the limit of two, the account)."""
        return (
            result.kind is Kind.ANSWER
            and result.entry is not None
            and result.entry.clause not in self.shape.specific_clauses
        )

    def _all_known(self, understood: Understanding) -> bool:
        """Every word of the message is one the knowledge base uses, or part of a topic's name."""
        named = " ".join(t.word for t in understood.topics)
        return all(
            self.index.knows(t) or t in named
            for t in self.index.normaliser.tokens(to_arabic(understood.text))  # 六月三十号 as 6月30号
            if not t.startswith("~")
        )

    def _turned_to(
        self,
        clauses: list[str],
        questions: list[str],
        main: SearchResult,
        search: Callable[[str], SearchResult],
    ) -> SearchResult | None:
        """单个企业最多2个 那项目时间段呢: what was said first is known, and the question turned to
        after it (那…呢) is what is asked, where it matches better on its own; one naming a thing
        but no ask asks what the first said of its own thing (入库7月8号截止，那验收呢)."""
        if not _one_question_last(clauses, questions):
            return None
        reader, query = self.reader, questions[0]
        if not reader.marked_followup(query):
            return None
        if reader.topics_named(query) and not reader.intents_of(query):
            told = [i for clause in clauses[:-1] for i in reader.intents_of(clause)]
            query = " ".join([query, *dict.fromkeys(told)])
        alone = search(query)
        return alone if alone.kind is Kind.ANSWER and alone.score > main.score else None

    def _asked_of_a_stage(
        self,
        clauses: list[str],
        questions: list[str],
        main: SearchResult,
        search: Callable[[str], SearchResult],
    ) -> SearchResult | None:
        """玻璃厂做的质检平台，入库后专家评审结论在哪能看到: the story only describes the project (the
        whole message weakly matches a direction's scope); the one question after it names a stage
        of the notice and says more of it, and where it matches better on its own, it is what is
        asked (not 5G项目效果一般，验收后补贴会不会打折: the story's quality is asked of)."""
        if not _one_question_last(clauses, questions) or main.score >= WEAK_WHOLE:
            return None
        if main.entry is None or main.entry.clause not in self.scope_clauses:
            return None
        query = questions[0]
        stages = self.shape.stages
        if not self._says_more_than_a_word(query) or not any(
            t.id in stages for t in self.reader.topics_named(query)
        ):
            return None
        alone = search(query)
        return alone if alone.kind is Kind.ANSWER and alone.score > main.score else None

    def _plain_first_question(
        self, clauses: list[str], questions: list[str], search: Callable[[str], SearchResult]
    ) -> SearchResult | None:
        """The message's one question, said first before more, where it plainly matches an entry on
        its own: answered first. Where the whole message matches weakly (what follows pulls
        elsewhere: What are the support directions? Need a quick summary for a client deck) it is
        all that is answered; else the whole message's entry follows it (list of attachments pls,
        need to download the templates). Not a question said last, after a story: it asks about the
        story (验收通过后，资金怎么拨下来; 我还没开公司，个人能报吗)."""
        if len(questions) != 1 or len(clauses) < 2 or questions[0] != clauses[0]:
            return None
        alone = search(questions[0])
        return alone if alone.kind is Kind.ANSWER and alone.score >= STRONG_CLAUSE else None

    def _named_last_question(
        self, clauses: list[str], questions: list[str], search: Callable[[str], SearchResult]
    ) -> SearchResult | None:
        """The message's one question, said last after a story, naming a topic of the notice
        and matching an entry well on its own, where the whole message matches weakly (We passed
        the provincial acceptance already. What do we still need to submit to the city for
        acceptance?): what it asks, not what the story pulls toward."""
        if len(questions) != 1 or len(clauses) < 2 or questions[0] != clauses[-1]:
            return None
        if not self.reader.topics_named(questions[0]) or POINTING.search(questions[0]):
            return None  # does that count toward …: what it points back to is the story's
        alone = search(questions[0])
        return alone if alone.kind is Kind.ANSWER and alone.score >= NAMED_ALONE else None

    def _asks_to_apply(self, questions: list[str]) -> bool:
        """能报吗, 可以申请吗: a question asks whether one may apply (not the stage's own name:
        验收申请要交什么材料 asks the materials)."""
        asking = [self._without_stage_names(c) for c in questions]
        tokens = (t for c in asking for t in self.index.normaliser.tokens(c, correct=False))
        # can we still apply: read as a whole (仍在受理) by the lexicon, applying all the same
        return any(t in self.reader.apply_words for t in tokens) or any(APPLY_SAID.search(c) for c in asking)

    def _without_stage_names(self, clause: str) -> str:
        """The clause without the names of the notice's stages it says (验收申请 → 要交什么材料)."""
        for topic in self.reader.topics_named(clause):
            if topic.id in self.shape.stages:
                clause = clause.replace(topic.word, " ")
        return clause

    def _asked_after_figures(
        self,
        understood: Understanding,
        clauses: list[str],
        questions: list[str],
        search: Callable[[str], SearchResult],
    ) -> SearchResult | None:
        """上云项目省级资金三十万。市里给钱之前要经过哪些程序: the figures told first are worked out
        on their own; the one question after them asks something else (not an amount), which its
        own words answer."""
        if not understood.figures or not _one_question_last(clauses, questions):
            return None
        asks = set(self.reader.intents_of(questions[0]))
        if not asks or asks & self.shape.amount_intents:
            return None
        if self.reader.amounts.read(questions[0]):
            return None  # a figure inside the question is what it asks about
        alone = search(questions[0])
        return alone if alone.kind is Kind.ANSWER and alone.score >= WEAK_WHOLE else None

    @staticmethod
    def _told_just_before(clauses: list[str], questions: list[str], question: str) -> str:
        """The clauses told right before a question, after the question before it."""
        at = clauses.index(question) if question in clauses else 0
        start = at
        while start > 0 and clauses[start - 1] not in questions:
            start -= 1
        return "，".join(clauses[start:at])

    def _only_each(self, clause: str) -> bool:
        """分别叫什么: "each of them", asking nothing of its own (各交几份 asks the copies)."""
        return simplify(clause).startswith(EACH_WORDS) and not self.reader.intents_of(clause)

    @staticmethod
    def _words_in(understood: Understanding, words: list[str]) -> bool:
        return any(w in understood.simplified for w in words)

    def _miscounts_directions(self, understood: Understanding) -> bool:
        """听说只支持上云和5G两个方向: fewer (or more) directions offered than the notice has."""
        count = len(self.kb.notice.directions)
        return any(int(m.group(1)) != count for m in DIRECTIONS_COUNTED.finditer(understood.simplified))

    def _asks_the_set_of_directions(self, understood: Understanding) -> bool:
        """一共三个方向对吧, 封顶100万的是哪几类: the directions themselves asked, not 往哪几个方向演进
        or 哪几类数据 (a word after the asking word says what else is counted)."""
        text = understood.simplified
        return any(
            not SET_ASKED_OF.match(text, found.end())
            for word in self.direction_set_words
            for found in re.finditer(re.escape(word), text)
        )

    def _offers_a_cap_of_some(self, understood: Understanding) -> bool:
        """市级配套是不是统一最高50万: a cap offered for confirmation, naming no direction, that only
        some directions have; each one's cap answers it."""
        caps = {Decimal(d.funding.cap_yuan) for d in self.kb.notice.directions if d.funding.cap_yuan}
        return len(caps) > 1 and any(claim.yuan in caps for claim in understood.claims)

    def asks_every_direction(self, understood: Understanding) -> bool:
        """An amount asked of every direction at once, or compared between them, with none named
        (四个方向最高分别补多少, 哪个方向封顶最低): each direction's own rule answers."""
        every = self._words_in(understood, self.all_directions)
        which = every or self.reader.asks_which_direction(understood.simplified)
        named = understood.topic_ids(set(self.shape.directions))
        # 哪个封顶最低？是不是5G那个: one direction named as a guess in a comparison of them all
        compared = which and self._words_in(understood, self.comparison_words) and len(named) <= 1
        # 四个方向都是按10%吗, 10 percent for all four directions: a rate offered of them all asks
        # their amounts too
        return (compared or (every and not named)) and bool(
            set(understood.intents) & self.shape.amount_intents or understood.offered_rates
        )

    def _named_before_the_offered(self, understood: Understanding) -> list[Direction]:
        """做的是工业大脑…属于上云上平台方向吧: the thing's own direction, named before the one
        offered for it (属于, 算, 归 just before the offered direction's word)."""
        ids = set(self.shape.directions)
        topics = [t for t in understood.topics if t.id in ids]
        text = understood.simplified
        offered = [t for t in topics if OFFERED.search(text[max(0, t.at - OFFERED_REACH) : t.at])]
        if len(offered) != 1:
            return []
        before = {t.id for t in topics if t.at < offered[0].at and t.id != offered[0].id}
        return [self.shape.directions[i] for i in before] if len(before) == 1 else []

    def _told_of_the_offered(self, understood: Understanding) -> Entry | None:
        """全生产流程的能耗监控，报上云还是报5G: directions offered as a choice, the project told by
        a scenario of just one of them: that direction's scope."""
        offered = understood.topic_ids(set(self.shape.directions))
        if len(set(offered)) < 2 or not CHOICE_WORDS.search(understood.simplified):
            return None
        told = [d for d in self.shape.scenarios_named(understood.simplified) if d.id in offered]
        return self.shape.entry_for_clause.get(told[0].clause) if len(told) == 1 else None

    def _scenario_directions(self, understood: Understanding) -> list[Direction]:
        """The directions whose scenarios in the notice (产品质量检测, 能耗优化 …) the message names."""
        text = understood.simplified
        # 产品质检: the scenario as the lexicon reads it too (产品质量检测)
        found = self.shape.scenarios_named(text) or self.shape.scenarios_named(
            self.index.normaliser.canonical(understood.text).replace(" ", "")
        )
        several = any(w in text for w in SEVERAL_WORDS)
        if not found or several:  # 边缘计算在哪几个方向里出现: the directions whose text names it
            found += self._directions_naming(text, every=several)
        return sorted({d.id: d for d in found}.values(), key=lambda d: d.number)

    def _directions_naming(self, text: str, every: bool) -> list[Direction]:
        """The directions whose text names the technologies the message names: every one, or
        those naming the most of them (边缘计算网关: 边缘计算 and 网关, direction 4's words)."""
        said = [t for t in self.shape.terms_in if t in text and not self._only_negated(t, text)]  # 没用5G
        named = Counter(d.id for term in said for d in self.shape.terms_in[term])
        most = max(named.values(), default=0)
        return [self.shape.directions[i] for i, count in named.items() if every or count == most]

    @staticmethod
    def _only_negated(term: str, text: str) -> bool:
        """Every time the text says the term, it says the project has it not (没用5G)."""
        at = text.find(term)
        while at >= 0:
            if NEGATED.search(text, 0, at) is None:
                return False
            at = text.find(term, at + 1)
        return True

    def _first_name(self, topic: Topic) -> str:
        """A direction or stage said by a word the search does not know (database): by its first
        name in the lexicon, which the search knows (入库); as said otherwise."""
        names = self.kb.lexicon.topics.get(topic.id)
        if names and topic.id in self.reader.canonical_ids and not self.index.known_words(topic.word):
            return names[0]
        return topic.word

    def _without_named_things(self, clause: str) -> str:
        """The clause without the directions and stages it names: what it says of them."""
        text = simplify(clause)
        for topic in self.reader.topics_named(clause):
            if topic.id in self.reader.canonical_ids:
                text = text.replace(topic.word, " ")
        return text

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
        if not parts or understood.topics or parts[0].clause not in self.shape.specific_clauses:
            return parts
        section = parts[0].clause.split("(")[0]
        for match in main.suggestions:
            if match.entry.clause == section and match.score >= main.score - GENERAL_MARGIN:
                return [match.entry, *[p for p in parts[1:] if p is not match.entry]]
        return parts

    def _specialise(self, understood: Understanding, parts: list[Entry]) -> list[Entry]:
        """When the message names directions, an answer about all directions or about another
        direction becomes the answer about the named ones (in the same section)."""
        named = [self.shape.directions[i] for i in understood.topic_ids(set(self.shape.directions))]
        if not named:
            return parts
        # 这次一共几个支持方向？标杆项目最高补多少？: the summary a question about the directions
        # as a whole got (naming none of them, not 分别 of the ones named) answers that question
        directions = set(self.shape.directions)
        about_all = [
            c
            for c in understood.clauses
            if self.reader.is_question(c)
            and not self.reader.topic_ids(c, directions)
            and not self._only_each(c)
            and DIRECTIONS_LISTED.search(simplify(c)) is not None
        ]
        asked_of_all = {
            r.entry.id for c in about_all if (r := self.index.search(c)).kind is Kind.ANSWER and r.entry
        }
        overview = self.shape.entry_for_clause.get(self.shape.directions_section)
        asked = [c for c in understood.clauses if self.reader.is_question(c)]
        if overview is not None and any(DIRECTION_COUNT_OFFERED.search(simplify(c)) for c in asked):
            asked_of_all.add(overview.id)  # 方向一共就两个：上云、5G，是吧: the whole set is asked
        out: list[Entry] = []
        for entry in parts:
            section = entry.clause.split("(")[0]
            about = self.shape.directions_of(entry)
            general = (
                entry.id in self.shape.summaries
                and entry.id not in asked_of_all
                and entry.clause == section
                and section in {section_of(c) for d in named for c in (d.clause, d.funding.clause)}
            )
            if (about and not {d.id for d in about} & {d.id for d in named}) or general:
                for direction in named:
                    clause = (
                        direction.clause if direction.clause.startswith(section) else direction.funding.clause
                    )
                    replacement = self.shape.entry_for_clause.get(clause)
                    if replacement is not None and replacement not in out:
                        out.append(replacement)
                continue
            if entry not in out:
                out.append(entry)
        return out

    def _kept_to_the_stage_before(
        self, understood: Understanding, clause: str, result: SearchResult
    ) -> SearchResult:
        """验收申请几份，交给谁，几号前: a question naming no stage, after a clause that names one,
        is asked of that stage (几号前 alone would be 入库's)."""
        stages = set(self.shape.stages)
        if self.reader.topic_ids(clause, stages):
            return result
        at = understood.simplified.find(to_arabic(clause))
        before = [t.id for t in understood.topics if t.id in stages and 0 <= t.at < at]
        return self._kept_to_its_stage(clause, result, before[-1:])

    def _one_directions_amount_unnamed(self, clause: str, result: SearchResult) -> bool:
        """How much city matching can we get, said beside a story: one direction's amount found for
        a clause that names no direction (the story's figures are worked for each that fits)."""
        entry = result.entry
        return (
            entry is not None
            and entry.clause in self.shape.funding_clauses  # the cheap test first: most clauses stop here
            and self.reader.is_question(clause)  # (平台在我市3家制造企业用起来了 tells direction 3's rule)
            and not self.reader.topic_ids(clause, set(self.shape.directions))
        )

    def _kept_to_its_stage(
        self, clause: str, result: SearchResult, named: list[str] | None = None
    ) -> SearchResult:
        """标杆…市配套多少？另外验收材料几号前交: a question naming one stage answered about
        another's (几号前交 is said of 入库 too) gives way to its own stage's match among the
        suggestions; `named`, when given, is the stage it is asked of."""
        named = self.reader.topic_ids(clause, set(self.shape.stages)) if named is None else named
        if len(set(named)) != 1 or result.entry is None:
            return result
        own = self.shape.stages[named[0]].clause
        if result.entry.clause == own or result.entry.clause not in self.nameable_stages:
            return result
        match = next((m for m in result.suggestions if m.entry.clause == own), None)
        return result if match is None else SearchResult(result.kind, result.lang, match.score, match.entry)

    def _keep_to_the_named_stage(
        self, understood: Understanding, parts: list[Entry], main: SearchResult
    ) -> list[Entry]:
        """The message names one stage (入库) and no other: an answer about another stage (whose
        text merely mentions it, as 入库项目单位 does) gives way to the best match about the named one."""
        named_ids = understood.topic_ids(set(self.shape.stages))
        told_another = len(named_ids) > 1
        if told_another:  # 入库的表交了，验收阶段交哪两份: the stage the question names
            asked = self._asked_with_their_tails(understood.clauses)
            in_questions = {i for c in asked for i in self.reader.topic_ids(c, set(self.shape.stages))}
            named_ids = list(in_questions) if len(in_questions) == 1 else named_ids
        named = [self.shape.stages[i] for i in named_ids]
        if len(named) != 1 or not parts:
            return parts
        # 入库的表都交了，到了验收环节要准备哪些东西: the story tells one stage, the question names
        # another; an answer about the whole section (四、申报流程) gives way to the asked stage's own
        overview = told_another and parts[0].overview and named[0].clause.startswith(parts[0].clause)
        if parts[0].clause not in self.nameable_stages and not overview:
            return parts
        if parts[0].clause == named[0].clause:
            return parts
        for match in main.suggestions:
            # an overview gives way only to a stage's answer about as good as it
            close = not overview or match.score >= main.score - OVERVIEW_MARGIN
            if match.entry.clause == named[0].clause and close:
                return [match.entry, *[p for p in parts[1:] if p is not match.entry]]
        return parts

    def _asked_with_their_tails(self, clauses: list[str]) -> list[str]:
        """The questioning clauses, each with the clauses after it that ask nothing of their own
        (the deadlines for the entry application, and for the acceptance application: both
        stages asked)."""
        asked: list[str] = []
        in_a_question = False
        for clause in clauses:
            if self.reader.is_question(clause):
                in_a_question = True
            elif not in_a_question or self.reader.intents_of(clause):
                in_a_question = False  # a clause of the story, or one asking something else
                continue
            asked.append(clause)
        return asked

    def _asks_where_named(self, understood: Understanding, group: list[tuple[str, str]]) -> list[str]:
        """What the clause naming these topics asks of them (入库和验收分别几号截止？材料交几份？:
        the deadline of each stage; the copies are the next question's)."""
        normaliser = self.index.normaliser
        for clause in understood.clauses:
            forms = to_arabic(clause) + normaliser.canonical(clause).replace(" ", "")
            if all(word in forms for _, word in group):
                return self.reader.intents_of(clause)
        return []

    def _stages_of_the_attachments(self, understood: Understanding) -> list[str]:
        """附件3和附件4分别什么时候交: a deadline asked of attachments handed in at different
        stages asks each stage's deadline; those questions, by the stage's first name."""
        deadline = next(iter(self.kb.lexicon.deadline_intents), "")
        if not deadline or not self._asks_a_deadline(understood):
            return []
        named = set(attachment_numbers(understood.text))
        topics = self.kb.lexicon.topics
        stages = [s for s in self.kb.notice.stages if named & set(s.attachments) and topics.get(s.id)]
        return [f"{topics[s.id][0]} {deadline}" for s in stages] if len(stages) > 1 else []

    def _asks_a_deadline(self, understood: Understanding) -> bool:
        return bool(self.shape.deadline_intents & set(understood.intents))

    def _each_dated(self, understood: Understanding, topics: list[Topic]) -> bool:
        """7月7号交了入库申报书，8月25号交了验收申请，赶得上吗: stages each told with the date it
        was done, and a deadline asked; each stage's own deadline answers."""
        if not self._asks_a_deadline(understood):
            return False
        clauses = [to_arabic(c) for c in understood.clauses]
        return all(any(t.word in c and read_dates(c) for c in clauses) for t in topics)

    def _asks_joined(self, clause: str) -> list[str]:
        """入库截止日期和份数 → 入库截止日期, 入库 份数: where every piece of a clause between its
        joiners asks something of its own, each piece with the things the clause names."""
        reader = self.reader
        if len(reader.intents_of(clause)) < 2:
            return []
        pieces = [p for p in JOINERS.split(simplify(clause)) if p.strip()]
        if len(pieces) < 2 or not all(reader.intents_of(p) for p in pieces):
            return []
        named = [t.word for t in reader.topics_named(clause)]
        return [" ".join([*(w for w in named if w not in p), p]) for p in pieces]

    def _things_joined(self, clause: str, search: Callable[[str], SearchResult]) -> list[SearchResult]:
        """绩效目标和资金管理这块: two things joined that are each plainly one entry of their own
        (not directions or stages, which are asked together by their names)."""
        pieces = [p.strip() for p in THINGS_JOINED.split(simplify(clause)) if p.strip()]
        if len(pieces) != 2 or any(len(p) < 2 for p in pieces) or self.reader.topics_named(clause):
            return []
        results = [search(p) for p in pieces]
        strong = all(r.kind is Kind.ANSWER and r.score >= STRONG_CLAUSE for r in results)
        return results if strong and results[0].entry is not results[1].entry else []

    def _asked_together(self, understood: Understanding, parts: list[Entry]) -> list[list[tuple[str, str]]]:
        """Two or more directions or stages joined by 和/与/、 (or asked "分别"), or all of them
        ("四个方向分别…"): each gets its own answer."""
        groups = []
        each = any(w in understood.simplified for w in EACH_WORDS)
        compares = self._words_in(understood, self.comparison_words)
        # 四个方向分别补多少: each direction's own answer to what is asked (分别叫什么 asks nothing
        # of each: the list of them answers)
        if each and understood.intents and any(p.clause == self.shape.directions_section for p in parts):
            groups.append(
                [
                    (d, self.kb.lexicon.topics[d][0])
                    for d in self.shape.directions
                    if self.kb.lexicon.topics.get(d)
                ]
            )
        for kind in (set(self.shape.directions), set(self.shape.stages)):
            topics = [t for t in understood.topics if t.id in kind]
            ids = {t.id for t in topics}
            if len(ids) < 2:
                continue
            between = understood.simplified[topics[0].at : topics[-1].at]
            if JOINERS.search(between) or each or compares or self._each_dated(understood, topics):
                first_word: dict[str, str] = {}
                for t in topics:
                    first_word.setdefault(t.id, t.word)
                groups.append(list(first_word.items()))
        return groups


def _one_question_last(clauses: list[str], questions: list[str]) -> bool:
    """The message asks one question, and asks it last, after what it tells."""
    return len(questions) == 1 and len(clauses) >= 2 and questions[0] == clauses[-1]
