"""Answers composed from what a message asks: one part per question, the user's own figures worked
out with the notice's formula, a wrong premise corrected, deadlines told against today.

The parts come from the FAQ (found by the search, one per question asked) and from the notice's
structured data (directions, stages); each part ends with its clause. A message about another
programme, year or city is said to be outside the notice, with the contacts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from typing import Any

from conversations.attachments import EnglishTitles, attachment_numbers
from conversations.caps import Caps
from conversations.completion import Completion
from conversations.copies import CopiesSum
from conversations.day_sums import DaySums
from conversations.emoji import without_emoji
from conversations.glosses import without_glosses
from conversations.media import read_through
from conversations.outline import Outline
from conversations.parts import Parts
from conversations.passages import meaning_asked, without_the_place
from conversations.premise import Premises, title_said
from conversations.quiz import Asked, Quiz
from conversations.requests import WritingRequests, without_shape
from conversations.retraction import Retraction
from conversations.scope import APPLYING, Scope
from conversations.shape import NoticeShape
from conversations.sign_off import without_sign_off
from conversations.spans import Spans
from conversations.speaker import without_speaker
from conversations.stated_today import stated_today
from conversations.tables import rows_as_fields
from conversations.timing import ASKS_WHAT, HAND_IN, Timing
from conversations.titled import NoticeTitle
from conversations.today import deadline_notes, format_day, issued_note
from conversations.understanding import (
    CLAUSE_BREAK,
    HEARSAY,
    QUESTION_MARK,
    SENT_FOR,
    SENTENCE_END,
    SPACE_IN_SENTENCE,
    TAG_QUESTION,
    Reader,
    Understanding,
    hedged,
    spaced_sentences,
)
from conversations.worked import Worker, direction_name, foreign_amount, money
from knowledge.answers import clause_label, render, reply_text
from knowledge.figures import CLAIM, Figure, read_dates, to_arabic, with_misread_digits
from knowledge.loader import KnowledgeBase
from knowledge.normalize import detect_language, simplify
from knowledge.schema import Entry, Lang, Stage
from knowledge.search import SUGGESTION_FLOOR, VAGUE_MARGIN, Kind, Match, SearchIndex, SearchResult

# two things set side by side: 是不是一回事, 有什么区别, the same as, … or …
COMPARED = re.compile(
    r"一回事|一样|区别|不同|差别|相同|还是|\bsame\b|\bdifferen|\bvs\b|\bversus\b|\bcompar|\bor\b"
)
# 要在哪用, where must it be applied: the rule's own words say where, beside the worked figures
PLACE_ASKED = re.compile(
    r"(?:哪里|哪儿|哪|边度)(?:用|应用|部署|实施|开展|落地)"
    r"|\bwhere\b[^.?!]{0,24}\b(?:used|applied|deployed|carried out)\b"
    # must the platform be used locally, 一定要在本地应用吗: where it applies, asked yes or no
    r"|\b(?:used|applied|deployed|carried out|run)\s+(?:locally|in shaoguan|in the city)\b"
    r"|(?:必须|一定要|要)在(?:本地|韶关|我市)(?:用|应用|部署|实施)"
    # 还没有本地制造企业在用: who uses it, and where, told of the platform
    r"|(?:本地|韶关|本市|我市|当地)[^，,。？?！!]{0,6}?企业[^，,。？?！!]{0,4}?(?:在用|使用|应用|用上)"
    # 只在外市工厂应用，韶关本地没有用户: used only elsewhere, no local user told
    r"|(?:本地|韶关|本市|我市|当地)[^，,。？?！!]{0,4}?(?:没有|冇|无)[^，,。？?！!]{0,4}?(?:用户|企业|工厂|厂)"
    r"|只在(?:外市|外地|外省|省外|市外|异地|其他城市|别的城市)"
    # 对应用范围有啥要求: where it must be used, asked as the scope of its use
    r"|应用(?:范围|地域|区域)(?:有|是)?(?:什么|啥|咩|哪些)?(?:要求|限制|规定)"
    # 要在什么企业里用起来: in which firms it must be used
    r"|在(?:什么|哪些|哪类|哪种)(?:样的)?企业(?:里|里面|中)?(?:用|应用|得到应用)"
)
ATTACHMENTS_CLAUSE = "附件"  # how the notice's schema names its list of attachments
# 承诺书是第几个附件: an attachment named by its title, its number asked
NUMBER_ASKED = re.compile(
    r"第几个?附件|附件(?:是)?第?几|几号附件|哪个附件|哪一个附件|附件(?:里|里面|中)有没有"
    r"|which (?:attachment|annex|appendix|enclosure)"
    r"|attachment number"
    # 入库项目申报书的全称是什么: its full title, told with its number
    r"|全称|全名|完整(?:的)?(?:名称|名字|标题)|full (?:name|title)|complete title|official title",
    re.IGNORECASE,
)
# 另外…, also …: how a further ask begins, not what it asks
ASIDE_WORDS = (
    r"另外|同时|还有|还想问|仲有|仲想问|顺便问一下|顺便问下|顺便问|顺带问|然后正题|回到正题|言归正传|正题"
    r"|\balso|\bplus|\bbtw|\bby the way|\bbut"
)
ASIDE = re.compile(rf"^\s*(?:{ASIDE_WORDS}|\band)[,，:：\s]*", re.IGNORECASE)  # the clause begins with it
# 我们还想问…: who asks, said before the aside
ASKER_FIRST = re.compile(r"^\s*(?:我们|我哋|我)(?=还想问|仲想问|顺便问)")
# 财务问…, 老板还想知道…: a colleague's question, relayed
OTHER_ASKER = re.compile(
    r"^\s*(?:我们|我哋)?(?:财务|会计|出纳|老板|领导|同事|客户|老总|[\u4e00-\u9fff]总)(?:还|也|又)?(?:问|想问|想知道)"
)
# 离今天多久了, how long ago: the time since a day of the notice asked
ELAPSED_ASKED = re.compile(
    r"多久|多长时间|多少天|几多日|几多耐|几年|how long|how many (?:days|years)", re.IGNORECASE
)
CLAIM_LEAD = 4  # characters before who said it (刚才, 昨天) in a clause that relays a claim
# 反推省级资金是多少, 省级专项资金应该是多少, what were the provincial funds: the base asked back
BASE_ASKED = re.compile(
    r"反推|倒推|推算|倒算|(?:省级|省里|省级专项资金|省级资金|省专项|项目投资|投资额)[^，,。？?！!]{0,8}?(?:(?:是|有|要|要拿|需要|得|需|批|拿)多少|多少钱|应该是|至少)"
    r"|\bwork(?:ed)? (?:it )?back|\bwhat (?:were|was) the provincial"
    r"|\bhow much (?:provincial|did the province)",
    re.IGNORECASE,
)
# 那验收结果…: "then", turning to what the clause names (not 那个, 那边, 那些 … pointing back)
TURN = re.compile(r"^\s*(?:那(?![个边些里么样就时种家])|咁(?![多样就耐啱快]))")  # 咁: Cantonese 那
# 佛山的上云补贴好像封顶200万，韶关这个呢: the same asked of the home city, after another place's
HERE_TOO = re.compile(
    r"(?:那|那么|咁)?(?:我们|我哋|咱们)?(?:韶关|本市|我市|这边|呢边|这里|咱这)(?:市)?(?:这个|呢个|这边|的|嘅)?"
    r"(?:呢|咧|嘞|呀|啊)?"
)
# 跟技改补贴是一回事吗, 跟科技局项目入库是同一天吗, Is it the same as Guangdong's deadline?: an ask
# that only likens the notice's thing to another's, which the notice cannot speak for
LIKENED_TO = re.compile(
    r"(?:跟|和|与|同|像|比)(?P<other>[^，,。？?！!]{1,20}?)(?:一样|不一样|一致|类似|相同|差不多|一回事|同一|一个意思"
    r"|有什么区别|有啥区别|有乜分别|区别在哪|区别是什么|有何区别|分别喺边|区别大|不同|共用|通用|区分|分开|分清|那样|那种|这样"
    r"|对一下|对一对|对照|比对|对比)"  # 我要跟技改的方向对一下: the user sets them side by side
    r"|\b(?:the )?same (?:as|thing as)\s+(?P<other_en>[^,.?!]{1,40})"
    r"|\b(?:different from|similar to)\s+(?P<unlike>[^,.?!]{1,40})",
    re.IGNORECASE,
)
# what the notice's thing is likened to is another body, programme, policy or place (not 5G的SA和NSA组网
# 有什么区别: two techniques compared)
ANOTHER_KIND = re.compile(
    r"局|厅|委|办|署|券|补贴|补助|资金|政策|通知|文件|项目|计划|认定|贷款|贴息|申报|声明"
    r"|\b(?:office|bureau|department|province|provincial|programme|program|scheme|grant|fund|city|loan)s?\b|'s\b",
    re.IGNORECASE,
)
# 这个工信项目, 这次的工业互联网项目, this notice: the notice pointed at, not only its subject named (我们想招
# 几个搞工业互联网的技术员)
THIS_NOTICE = re.compile(
    r"(?<![跟和与同比像])(?:这个|这次|这份|本次|呢个|今次)(?:的)?(?:工信|工业互联网|通知|文件|申报)"
    # 能耗这块通知有冇讲到: the notice as what speaks of the thing asked
    r"|(?<![跟和与同比像的])(?:通知|文件)(?:里面|里|上|中)?(?:有没有|有冇|有无|有)?(?:讲|提|写|说)(?:到|过)"
    r"|\bthis (?:notice|programme|program|scheme)\b",
    re.IGNORECASE,
)
PLACE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|万|亿元|亿|元|%|％)?")
PAUSE = re.compile(r"[，,。.；;：:！!？?\n]")  # what sets a clause apart from the one before
# 那边有什么补贴, what do they offer there: an ask pointing back at the place told
THAT_PLACE = re.compile(
    r"那边|那里|那儿|嗰边|嗰度|\bover there\b"
    r"|(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\bthere\b(?! (?:is|are|was|were|be)\b)"
)
# 我在东莞开厂, our Shenzhen entity: what the firm tells of itself
FIRST_PERSON = re.compile(r"我|咱|\b(?:we|our|my|i|us)\b")
# 这是哪个部门发的, this notice: an ask pointing at the notice itself
THIS_ONE = re.compile(r"这是|这个|这份|这次|本次|呢个|呢份|\bthis\b")
# 电费一个月几十万: what the story's thing costs, a figure told
COST_TOLD = re.compile(r"[\d几十百千万两一二三四五六七八九]+多?(?:万|元|块|度)")
# 绩效目标具体怎么写？有没有范文: how to word a part, asked beside a sample the notice never gives
HOW_TO_WRITE = re.compile(r"(?:怎么|如何|怎样|点样)(?:去)?(?:写|填|撰写|编写)")
# 之前只报过技改, 以前申请过专精特新: another programme applied for before, the firm's history
APPLIED_BEFORE = re.compile(
    r"(?:之前|以前|早前|早几年|去年|前年|上次|曾经|过去)[^，,。？?！!]{0,4}?(?:申?报过|申请过|拿过|获得过|参加过|攞过)"
)
# 电费好贵, 电价涨了: what the story's thing costs, told as dear or rising
COST_RISEN = re.compile(
    r"(?:费|价|成本)(?:用)?(?:好|很|太|非常|特别|越来越|比较|又|都|一直)?(?:贵|高|涨|上涨|压力大|吃不消)(?:了|咗)?"
)


def likened_to(clause: str) -> str:
    """这个跟技改补贴是一回事吗 → 技改补贴: what the clause likens the notice's thing to, or ""."""
    match = LIKENED_TO.search(simplify(clause))
    return (match.group("other") or match.group("other_en") or match.group("unlike") or "") if match else ""


AFTER_ASIDE = re.compile(
    rf"(?:{ASIDE_WORDS})[,，:：\s]*$", re.IGNORECASE
)  # the text before the clause ends with it
# 今天几号, what's the date today: only today's date asked (small talk; the bot knows today)
TODAY_ASKED = re.compile(
    r"(?:请问)?今天(?:是)?(?:几号|几月几号|几月几日|几月几|星期几|周几|礼拜几|什么日期)(?:了|啊|呀)?"
    r"|what(?:'s| is) (?:the date(?: today)?|today's date)"
    r"|what (?:day|date) is (?:it )?today|what date is it",
    re.IGNORECASE,
)
# 两个上云项目, 3个项目: how many projects the message speaks of
PROJECT_COUNT = re.compile(r"([2-9])\s*个[^，,。？?！!]{0,8}?(?:项目|专案)")  # 专案: Taiwan's word
STILL_THERE = re.compile(r"没有|冇|无|吗|嗎")  # what is left of 还有没有 once 还有 split it off
# 上云一个, 系统性平台一个: one project of that direction (its word, then maybe 平台 or 项目)
ONE_PROJECT = re.compile(r"\s*(?:平台|的)?\s*(?:项目)?\s*(?:一个|一项|1个|1项)")
QUANTITY_CHOICE = re.compile(
    r"(?:是)?\d+\s*(?:个|位|人|名|家|天|周|个月|年)?\s*还是\s*\d+\s*(?:个|位|人|名|家|天|周|个月|年)?(?:啊|呢|吗)?"
)
# 哪个月能到账？具体哪一天: a bare when, asked after a date the notice never gives, is of the same
BARE_WHEN = re.compile(
    # (大概几时嚟: when they come, asked after whether they come)
    r"(?:具体|大概|大约|到底|究竟)?(?:是)?(?:哪一天|哪天|几号|几月几号|几月几日|什么时候|几时|哪一日)(?:来|嚟|过来|过嚟)?"
    # 有没有大概时间: a rough time of the same detail asked
    r"|(?:有没有|有冇|有无|能不能给|可以给)?(?:个|一个)?(?:大概|大约|具体|准确)的?(?:时间|日期|时间表|期限)"
)
# 这样合规吗, 这么做违法吗: whether what was just told is lawful
LAWFUL_ASKED = re.compile(
    r"(?:这样|这种|这么|咁样|咁)?(?:做|安排|操作|搞)?(?:的话)?(?:是否|是不是|算不算|会不会|有没有|系咪)?"
    r"(?:合规|合法|违规|违法|犯法)(?:吗|嘛|么|呢|不|嗎)?"
)
# 有没有规定, 通知有讲吗: whether a rule is given at all, of the detail just asked
BARE_RULE = re.compile(
    r"(?:通知|文件)?(?:里|上|中)?(?:有没有|有冇|有无|有)(?:相关|具体|明确)?(?:的)?(?:规定|要求|说法|讲|说|写)(?:吗|嘛|么|冇)?"
    r"|(?:通知|文件)?(?:是)?(?:怎么|如何|点样)规定(?:的)?"
)
# 每家拿了多少, how much each one received: of the results just asked, each one's share
BARE_EACH_RECEIVED = re.compile(
    r"(?:每家|每个|各家|各自|分别)(?:企业|公司|项目)?(?:分别|各)?"
    r"(?:拿了|拿到|获得|得了|分到|收到|批了)(?:了)?(?:多少|几多)(?:钱)?"
    r"|(?:and )?how much (?:did )?each(?: one| of them| company| firm| project)?"
    r" (?:received|receive|got|get)",
    re.IGNORECASE,
)
# 电话几多, 联系方式呢, 能提前联系吗: how to reach an office or the experts, asked after a detail of
# theirs the notice never gives (the county bureau's address, who the experts are)
BARE_CONTACT = re.compile(
    r"(?:佢|它|他们|佢哋)?(?:嘅|的)?(?:电话|联系电话|联系方式|座机)(?:号码)?(?:是|系)?(?:几多|多少|咩|乜|什么|啥)?"
    r"|(?:能|可以|可唔可以|能不能|可不可以)?(?:提前|事先|预先)(?:联系|沟通|接触|拜访|约)(?:吗|嘛|么|不|唔)?"
)
SOMEONE_TO_REACH = re.compile(r"工信局|工信部门|局|专家|bureau|office|expert")
# Do you have that figure? 有这个数据吗, where can I find it: the detail just asked for, asked again
# as whether it is known or where it is
THAT_DETAIL_KNOWN = re.compile(
    r"(?:do|does|can|could) (?:you|the notice|it) (?:have|know|give|tell|share)(?: me| us)?"
    r" (?:that|this|those|these|the)(?: figure| figures| number| numbers| info| information| data| amount)?"
    r"|(?:你们|你)?(?:有|知道)(?:没有|冇)?(?:这个|呢个|那个)(?:数|数字|数据)(?:吗|嘛|么)?"
    r"|where (?:can|could|do|would) (?:i|we|you) (?:find|get|see|read) (?:it|them|that|this|one)"
)
BARE_WHO_PAYS = re.compile(r"(?:由|是)?(?:谁|边个|哪个|哪方|哪一方)(?:来)?(?:出|付|承担|负担|给|买单)(?:钱)?")
EACH_ONE = re.compile(r"各(?:报|申报|做|搞|来)?(?:一个|一项|1个|1项)")  # 上云、5G、系统平台各一个
EACH_BEFORE = 6  # characters before an amount in which 各 (each) says it is every project's
CONFIDENT_ALONE = 0.6  # a short message the search answers this well on its own is no follow-up
# 帮我概括下通知的目的，PPT第一页要用: how close the question alone must match, its story set aside
STORY_ASIDE_SCORE = 0.6
# 这周我们必须做什么: what is due, asked of the user's own today
DUE_ASKED = re.compile(
    r"(?:要|必须|该|得|需要|应该)(?:做|干|办|准备)(?:些)?(?:什么|啥|咩|乜嘢)|what (?:do|must|should) we do"
)
# 您好，想引用通知开头说的发文目的: how close a clause after a greeting must match to be asked
AFTER_GREETING_SCORE = 0.55
# where a sentence ends (not in 2.5 million): a story told in sentences before the one asked
SENTENCE = re.compile(r"(?<=[。？?！!])|(?<=[A-Za-z\u4e00-\u9fff]\.)\s+")
CITED_SCORE = 0.9  # a clause cited by its number (三(二)) is as sure as a close match of its entry
# 入库的也是吗, 验收一样吗: a question that leans on the last one
LEANING = re.compile(r"也|同样|一样|还是这样|呢|\b(?:also|too|same|as well)\b")
# 提到, 那段说, 写了, 是否要求: what the notice's own text says is asked
POINTS_AT_THE_TEXT = re.compile(
    r"提到|提及|说要|说了|写了|写的|讲的|那段|那条|里面说|里说|(?:是否|是不是|有没有)要求"
    r"|(?:能不能|可不可以|能否|是否可以)采用"  # 能不能采用不同网络部署架构: what the text allows
)
# 哪个好, which is better: a choice asked among things
CHOOSING = re.compile(
    r"哪个好|哪家好|哪个比较好|哪家比较好|选哪个|选哪家|用哪个好|用哪家|哪个(?:更|比较)?(?:适合|合适)"
    r"|哪家(?:的)?[^，,。？?！!]{0,8}?(?:更|比较|最)(?:好|便宜|靠谱|稳定)"  # 哪家的5G专网方案更好
    r"|\bwhich (?:one )?is (?:better|easier|cheaper|best|safer|more secure|more reliable)\b"
    r"|\bwhich (?:one|vendor|brand|platform|product) should\b"
)
# 能配多少, 配比: the city's matching asked (not 配件, 配置, 配合)
MATCHING_ASKED = re.compile(r"配(?!件|置|合|送|备|电|网)|\bmatch(?:ing|ed|es)?\b")
FIRM_STATUS = re.compile(r"(?:的)?(?:企业|公司|厂)")  # 专精特新企业: a status the firm holds


# 1. / 2、/ ① / 一、/ (三) / - : the mark an item of a list begins with
ITEM_MARK = re.compile(
    r"(?:^|[\s：:；;，,。？?！!])(?:\d{1,2}\s*[.、)）]|[①-⑳]|[一二三四五六七八九十][、.]"
    r"|[（(](?:\d{1,2}|[一二三四五六七八九十])[)）]|[-•·*])\s*$"
)


def _listed_item(text: str, clause: str) -> bool:
    """The clause begins an item of a list (1. …, ② …, 三、…, - …)."""
    at = text.find(clause)
    return at >= 0 and ITEM_MARK.search(text[:at]) is not None


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
        return asdict(self)

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


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position `at` begins: after the last 。？！； before it."""
    return max(text.rfind(mark, 0, max(at, 0)) for mark in "。？?！!；;") + 1


def language_of(question: str, lang: Lang | None) -> Lang:
    """The language asked for, else the message's own."""
    return lang or ("en" if detect_language(question) == "en" else "zh")


class Composer:
    """Built once per process from the knowledge base and its search index."""

    def __init__(self, kb: KnowledgeBase, index: SearchIndex) -> None:
        self.kb = kb
        self.index = index
        self.reader = Reader(index)
        self.retraction = Retraction(kb.lexicon.retractions)
        self.writing = WritingRequests(kb.lexicon.writing_requests)
        self.worker = Worker(kb)
        self.shape = NoticeShape(kb, self.reader)
        self.parts = Parts(kb, index, self.reader, self.shape)
        self.premises = Premises(kb, self.shape)
        self.scope = Scope(index, self.reader)
        self.spans = Spans(kb)
        self.day_sums = DaySums(kb, self.spans)
        self.copies = CopiesSum(kb)
        self.outline = Outline(kb, self.shape)
        self.caps = Caps(kb, kb.lexicon.all_directions)
        self.quiz = Quiz(kb)
        self.notice_title = NoticeTitle(kb)
        self.timing = Timing(kb, self.shape, self.reader)
        self.completion = Completion(kb, self.reader)
        self.english_titles = EnglishTitles(kb.notice.attachments)
        # the criterion limiting how many projects one enterprise may enter (五(三))
        self.projects_limit = next((c for c in kb.notice.eligibility if c.most_projects is not None), None)
        # the outside words a phrase pattern writes (工商注册手续, 技术选型建议), as searched
        outputs = {
            index.normaliser.canonical(o, correct=False).replace(" ", "")
            for o in kb.lexicon.phrase_patterns.values()
        }
        # each output on its own: joined, the later ones fell past the length a question is read to
        self.phrase_outside = {
            w for o in kb.lexicon.phrase_patterns.values() for w in index.outside_words(o) if w in outputs
        }
        # the index's form of an outside word with an 'and' of its own (innovationanddevelopmentproject)
        self.outside_with_and = {
            w for o in kb.lexicon.out_of_scope if re.search(r"\band\b", o) for w in index.outside_words(o)
        }
        self.vague_words = {
            t for w in kb.lexicon.vague_words for t in index.normaliser.tokens(w, correct=False)
        }

    # the door -------------------------------------------------------------------------------
    def answer(
        self, question: str, lang: Lang | None, today: dt.date, context: Context | None = None
    ) -> Composed:
        if self.reader.asks_for_a_person(question):  # 转人工: a person is asked for, not an answer
            asked_in = language_of(question, lang)
            text = reply_text(self.kb, "person_asked", asked_in)
            return self._contacts_asked_beside(question, asked_in, text) or Composed(
                Kind.UNSURE, asked_in, text, None, 1.0, []
            )
        question = self.quiz.without_label(question)  # 判断题：…, Fill in the blank: …: what is asked
        quiz = self.quiz.read(question)
        if quiz is not None:
            # 下列哪个不是…？A … B … C …: the question before the options, and the option picked
            answered = self._quiz_answered(quiz, lang, today, context)
            if answered is not None:
                return answered
        question = rows_as_fields(question)  # |方向|省级资金| over |上云上平台|45万|: 省级资金：45万
        question = read_through(question)  # 按notice.pdf算, 同事转的pdf里说: what the notice says
        question = self.notice_title.as_named(question)  # 《关于组织开展…的通知》的发文单位: 本通知的
        question = without_the_place(question)  # 关于“单个企业最多申请2个项目”那段，还规定了什么
        question = meaning_asked(question)  # “事后奖补”是说出了事之后才补吗: what the term means
        question = without_emoji(question)  # 刚报完😮‍💨 工业互联网…: a pause between two clauses
        question = with_misread_digits(question)  # 省专项15O万 (a scan's text): 150万
        question = without_glosses(question)  # 承诺书（就是保证不乱来的那张纸）: the word names it
        question = without_sign_off(question)  # 谢谢——某咨询 文案 邵: who wrote it asks nothing
        question = without_speaker(question)  # 县局副局长：…: who asks, not what about
        question = self.retraction.after(question)  # 区号要加吗？算了，先告诉我电话: what is asked now
        question = without_shape(question)  # 起止日期做成一行表格: the dates, in whatever shape
        question = self._without_writing_asked(question, lang)  # 几号截止？帮我写一句提醒: the date
        question = self.index.english_input.to_chinese(question)  # 我们的project: 我们的项目
        question = self.index.normaliser.from_pinyin(question)
        # read before 2026年12月3号 is taken out as "now": the day the user says it is
        said_today = stated_today(question, self.kb.notice.notice.date.year)
        question = self.reader.now_said_as_year(question)
        today = said_today or today  # Today is 1 July 2022: the deadlines counted from the user's day
        question = self.reader.rounds_said_by_year(question, today)
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
            if own.figures or set(understood.intents) & (set(context.intents) | self.shape.amount_intents):
                carried = self._carried_figures(own, context)
        else:
            understood = self.reader.read(question)
        composed = self._compose(question, understood, lang, today, carried, said_today)
        if composed.kind is Kind.ANSWER and ELAPSED_ASKED.search(understood.simplified):
            # 通知落款离今天多久了: the days since the notice was issued, when its date is told
            since = issued_note(self.kb, composed.text, composed.lang, today)
            composed = replace(composed, text=f"{composed.text}\n\n{since}") if since else composed
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

    def _quiz_answered(
        self, quiz: Asked, lang: Lang | None, today: dt.date, context: Context | None
    ) -> Composed | None:
        """The question before the options answered as any other, with the option the notice does
        (or does not) say first, or else the one its answer does (or does not); an option is not
        picked where the stem's own figures are to be worked out (上云项目省级260万，市级配套应为？
        A 13万 B 26万 …), nor for a question outside. None when no option stands out."""
        composed = self.answer(quiz.stem, lang, today, context)
        picked = quiz.picked
        if picked is None and composed.kind is Kind.ANSWER:
            picked = self.quiz.picked_in_answer(quiz, composed.text)
        if picked is None:
            return None  # the message read whole
        if composed.kind is not Kind.ANSWER or self.reader.read(quiz.stem).figures:
            return composed
        line = self.quiz.line(picked, composed.lang)
        return replace(composed, text=f"{line}\n\n{composed.text}")

    def unanswered(self, question: str, lang: Lang | None) -> Composed:
        """The honest reply when a question could not be answered: not sure, with the contacts'
        help offered, and no entry."""
        answer_lang = language_of(question, lang)
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
        if understood.about_the_notice:  # 91号文是2023年的吧: about the notice itself, whatever came before
            return False
        if self.reader.asks_only_what_named_terms_are(question):  # 什么是边缘计算: stands on its own
            return False
        if self.parts.cited(question):  # 第三部分第二条补多少: the clause cited says what it is about
            return False
        if self.index.outside_words(
            question
        ):  # ISO9001认证 韶关有补贴不: outside on its own, whatever came before
            return False
        alone = self.index.search(question)
        if alone.kind in (Kind.GREETING, Kind.THANKS, Kind.EMPTY) or alone.lang != context.lang:
            return False
        if self.reader.marked_followup(question):
            return True
        asks_amount = bool(set(understood.intents) & self.shape.amount_intents)
        if asks_amount and not understood.figures and (context.figures or self._named_directions(context)):
            return True
        if understood.topics and read_dates(understood.text):
            return False  # 项目8月30日完工，有问题吗: its own thing on its own date, whatever came before
        if alone.kind is Kind.ANSWER and self.reader.names_the_notice(question):
            return False  # 通知落款离今天多久了, after the support method: asked of the notice itself
        if understood.topics and alone.kind is Kind.ANSWER and self._own_question(question):
            return False  # 入库申报是我们自己报到市局吗: a question of its own about a thing it names
        if alone.kind is Kind.ANSWER and self._names_its_own_place(question, context):
            return False  # 曲江属于哪个区, after 奖补属于哪一级财政: asked of the place it names
        if alone.kind is not Kind.ANSWER or alone.score < CONFIDENT_ALONE or alone.entry is None:
            return True
        # an answer about one direction or stage the message does not name is a guess
        return not understood.topics and alone.entry.clause in self.shape.specific_clauses

    def _without_writing_asked(self, question: str, lang: Lang | None) -> str:
        """项目验收申请要几号前交？帮我写一句提醒贴在OA公告上: the text is not written for them,
        the facts it would carry are answered; kept whole when what is left is no question of the
        notice (帮我写一封邮件催客户付款)."""
        rest = self.writing.without_them(question)
        if rest == question or self.index.outside_words(rest):
            return question
        for request in self.writing.requests_in(question):
            other = self.reader.read(request).other_programme
            if other and not self.writing.is_part_of_one(other):
                return question  # 帮我总结一下那个贷款政策: the loan's policy is what is to be written
        # what is left asks in so many words (顺便说下…的要求 too), or names a part of the notice to
        # sum up (支持方式那一节); not 欠款八万六 or 明天要去市里交材料 (a leave note's reason)
        simplified = simplify(rest)
        asks = QUESTION_MARK.search(simplified) or SENT_FOR.search(simplified)
        of_the_notice = asks is not None or self.outline.names_a_part(rest)
        return rest if of_the_notice and self.index.search(rest, lang).kind is Kind.ANSWER else question

    def _names_its_own_place(self, question: str, context: Context) -> bool:
        """A question of its own about a place of the notice the last question did not name."""
        return (
            self.reader.names_a_place_of_the_notice(question)
            and not self.reader.names_a_place_of_the_notice(context.question)
            and self._own_question(question)
        )

    def _own_question(self, question: str) -> bool:
        """A question that asks something of its own (吗, 是不是), not one that leans on the last
        with also or the same (入库的也是吗, 验收一样吗)."""
        text = simplify(question)
        return self.reader.is_question(text) and not LEANING.search(text)

    def _named_directions(self, context: Context) -> list[str]:
        return [t for t in context.topics if self.reader.topic_ids(t, set(self.shape.directions))]

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
        today_said: dt.date | None = None,
    ) -> Composed:
        index = self.index
        if TODAY_ASKED.fullmatch(understood.simplified.strip(" ？?。.!！")):  # 今天几号: today, no entry
            answer_lang = language_of(question, lang)
            text = reply_text(self.kb, "today_asked", answer_lang, date=format_day(today, answer_lang))
            return Composed(Kind.GREETING, answer_lang, text, None, 1.0, [])
        asked_in = language_of(question, lang)
        outline = self.outline.answered(understood, asked_in)
        if outline:  # 通知正文分几部分, “工业大脑”在哪一部分: the notice as a document
            return Composed(Kind.ANSWER, asked_in, outline, "composed", 1.0, [])
        caps = self.caps.answered(understood, asked_in, self.reader.asked)
        if caps:  # 4个方向里面上限是100万的有几个: the directions' caps taken together
            return Composed(Kind.ANSWER, asked_in, caps, "composed", 1.0, [])
        if self._small_talk_first(understood):  # 谢谢你，没有别的问题了: thanks, and nothing asked after it
            return self._plain(index.search(understood.clauses[0], lang))
        heard_aside = self._without_hearsay_beside(understood)
        if heard_aside:  # 支持方式是什么？代理说是贷款贴息: the notice's fact asked, the claim aside
            question, understood = heard_aside, self.reader.read(heard_aside)
        here = self._asked_here_of_what_is_there(understood)
        if here:  # 佛山的上云补贴好像封顶200万，韶关这个呢: what is told of there, asked of the notice
            question, understood = here, self.reader.read(here)
        main = self._of_the_direction_named(index.search(question, lang), understood)
        answer_lang = language_of(question, lang)
        weekdays = self.day_sums.weekdays(understood, answer_lang, today_said)
        if weekdays:  # 8月26日是星期几？会不会碰上周末: the calendar answers, whatever else is said
            # (Today's Aug 23: how many days left, and what weekday is the deadline: both)
            # (入库截止前10天是哪天？那天星期几: the day counted to, with its own weekday)
            span = self.day_sums.shifted(understood, answer_lang) or self.spans.worked(
                understood, answer_lang, today_said
            )
            return self._dated(f"{span}\n\n{weekdays}" if span else weekdays, main, answer_lang, today)
        by_its_deadline = self._stage_by_its_deadline(understood, today_said)
        if by_its_deadline:  # 8月26前交啥: the stage whose deadline the date is, asked of
            dated = index.search(by_its_deadline, lang)
            main = dated if dated.kind is Kind.ANSWER else main
        asked_here = self.reader.without_where_it_is(understood)
        if asked_here != question:  # 我们曲江的，入库去哪里报: the county tells where, not what
            alone = index.search(asked_here, lang)
            main = alone if alone.kind is Kind.ANSWER else main
        other_direction = self._direction_besides_the_excepted(understood)
        if other_direction:  # 除了上云，有没有专门针对5G的方向: the direction set aside is no ask
            alone = index.search(other_direction.text, lang)
            if alone.kind is Kind.ANSWER:
                main, question, understood = alone, other_direction.text, other_direction
        cited = self.parts.cited(question)
        if cited and (
            main.kind is Kind.UNSURE or (main.kind is Kind.OUTSIDE and not index.outside_words(question))
        ):
            main = SearchResult(Kind.ANSWER, main.lang, CITED_SCORE, cited[0])  # 支持方式第三条: that clause
        actor_offered = False
        if understood.about_the_notice:  # 这是2023年的通知吧: the notice's own date and issuer
            asked = [c for c in understood.clauses if self.reader.is_question(c)]
            if asked and len(asked) < len(understood.clauses):  # 老板这么说: who said it, no question
                trimmed = self.reader.read("，".join(asked))
                if trimmed.claimed_years() == understood.claimed_years():  # not 我以为是2023年
                    understood = trimmed
            offered = self.reader.without_outside_words(understood)  # the year or body offered is no question
            main = self._confirmed(offered, understood, self.kb.lexicon.issue_intent, lang)
        elif self.scope.confirms_a_notice_fact(question, understood):
            copies = self.kb.lexicon.copies_intent if understood.claimed_copies() else ""
            who = self.kb.lexicon.body_intent if self.reader.offered_body(understood) else ""
            rate = self.kb.lexicon.rate_intent if understood.offered_rates and not understood.intents else ""
            if copies and copies not in understood.intents:  # 打印三份就够了吧: asks the copies
                main = self._confirmed(question, understood, copies, lang)
            elif rate and main.kind is not Kind.ANSWER:  # the city pays 20%, right?: asks the rate
                main = self._confirmed(question, understood, rate, lang)  # (省级的两成: the base's body)
            elif who:  # 是省工信厅发的吧: asks who
                unoffered = self.reader.without_offered_bodies(understood)
                confirmed = self._confirmed(unoffered, understood, who, lang)
                actor_offered = confirmed.kind is Kind.ANSWER  # 验收是发改局组织的吧: the body no question
                # 验收完了是不是还要省里批了才拨钱: no one's part is plainly asked; the message's own
                # answer stands
                main = confirmed if actor_offered or main.kind is not Kind.ANSWER else main
            elif main.kind is Kind.OUTSIDE:
                main = index.search(question, lang, lenient=True)
        questions = self.reader.asked(understood)
        # 排污许可证还在弄，同时想申报上云上平台项目，入库截止时间是？: the other thing is the story's
        turned = False
        if main.kind is Kind.OUTSIDE or understood.other_programme:
            turned_to = self._turns_from_a_story(understood, questions)
            if main.kind is Kind.OUTSIDE or turned_to:
                main = self._asked_beside_a_story(question, understood, questions, lang, turned_to) or main
                turned = bool(turned_to) and main.kind is Kind.ANSWER
        main_outside = main.kind is Kind.OUTSIDE
        counting = self.scope.asks_whether_it_counts(understood, questions) if main_outside else ""
        if counting:  # 租的云服务器年费算不算项目投资: the thing is outside, whether it counts is not
            main = self._counted(understood, counting, lang)
        choice = self.reader.offers_a_choice_of_support(understood)
        if choice:  # 是贷款贴息还是补助: how the notice supports, the other kind no question
            method = self.kb.lexicon.support_method_intent
            offered = self.reader.without_outside_words(understood)
            main = index.search(f"{offered} {method}", lang, lenient=True)
            # 是什么支持方式？是不是贴息: the clause offering the other kind asks nothing further
            rest = [c for c in understood.clauses if not self.reader.names_another_kind(c)]
            if rest and len(rest) < len(understood.clauses):
                question = "，".join(rest)
                understood = self.reader.read(question)
        elif main.kind is Kind.OUTSIDE and self.reader.offers_another_body(understood.simplified):
            choice = True  # 交县工信局还是县发改局: which of them, the other body no question
            main = index.search(self.reader.without_outside_words(understood), lang, lenient=True)
        lang = main.lang
        if main.kind in (Kind.EMPTY, Kind.GREETING, Kind.THANKS):
            return self._plain(main)
        if self.scope.applies_beside_other_support(understood):
            # 已经拿过县里技改补贴30万，还能申请吗: no rule bars it; all support together is capped
            capped = index.search(self.kb.lexicon.other_support_intent, lang, lenient=True)
            if capped.kind is Kind.ANSWER:
                return self._plain(capped)
        standing = self.scope.standing_asked_as_a_condition(understood)
        if standing:  # 一定要是高新技术企业才能报吗: the conditions, which do not ask for it
            return self._not_asked_for(standing, lang)
        if self._asks_if_the_unlisted_fits(question, understood, main):
            return self._not_listed(lang)
        asked = [] if understood.about_the_notice else questions
        other_thing = (
            not turned
            and bool(understood.other_programme or self._asks_of_elsewhere(question, understood, asked))
            and not self._only_likened_to_the_other(understood, asked)
        )
        if main.kind is Kind.OUTSIDE or other_thing:
            # 标杆项目最多补多少？另外广州那边标杆补多少: the notice's ask answered, the other one
            # said to be outside it
            answered = self._without_outside_asks(understood, asked, other_thing, lang, today, carried)
            if answered is not None:
                return answered
        if other_thing:
            return self._outside(main)
        if self.scope.asks_if_another_check_counts(understood, asked):
            # 纳税信用等级评了C级，会影响申报吗: another body's rating, which no condition names
            return self._not_a_condition(lang)
        if main.kind is Kind.OUTSIDE and (
            any(index.outside_words(c) for c in asked)
            or self.scope.names_what_is_asked(understood, asked)
            or self._outside_across_clauses(question, understood)
            or self._outside_then_a_bare_ask(understood)
            or self._lawful_outside_arrangement_asked(understood, asked)
            or self._told_of_another_programme(understood)
            or self._chooses_among_the_outside(understood, asked)
            or self.scope.names_its_subject_first(understood)
            or self.scope.conditions_on_the_outside(understood, asked)
        ):
            return self._plain(main)  # what is asked is about something else, not just the story
        if asked and all(index.outside_words(c) for c in asked) and not (choice or counting or actor_offered):
            return self._outside(main)  # 5G网关什么品牌好: every question asks about something else
        unstated = [c for c in asked if self.reader.asks_unstated(c) and not self._compares_own_things(c)]
        if unstated:  # 专家费要企业出吗？一般多少钱: a bare quantity asked after it is of the same detail
            first = asked.index(unstated[0])
            unstated += [
                c
                for c in asked[first + 1 :]
                if c not in unstated and self._of_the_same_detail(c, unstated[0], lang)
            ]
        if not unstated and asked and self.reader.asks_unstated_across(understood):
            unstated = list(asked)  # 法定代表人换了，之前的失信记录还算不算: the story's detail is asked
        spaced = False
        if not unstated and asked:
            unstated = self.reader.unstated_across_spaces(understood, asked)  # ys结果 出了没
            spaced = bool(unstated)
        wording = [c for c in asked if c not in unstated and HOW_TO_WRITE.search(simplify(c))]
        if unstated and all(c in unstated or c in wording or index.outside_words(c) for c in asked):
            # 验收通过以后多久能到账: a detail the notice never gives; its clause is offered (of a
            # terse message, the clause its whole sentence names: ys结果 出了没, the acceptance; of
            # 绩效目标具体怎么写？有没有范文, the part whose wording is asked)
            about = understood.text if spaced else (wording or unstated)[0]
            return self._unstated(index.search(about, lang, lenient=True))  # its own words unknown
        rule_asked_why = self.reader.rule_whose_reasons_are_asked(asked)
        if rule_asked_why:
            # 为什么定10%而不是20%？当时是怎么测算的: the rule's clause is offered, its reasons unknown
            return self._unstated(index.search(rule_asked_why, lang, lenient=True))
        told_unstated = "" if unstated else self.scope.unstated_in_the_story(understood, asked)
        if told_unstated and not self._asks_the_notices_rule(understood, asked):
            # 如果有人提异议，处理流程是怎样的: the story's detail is what is asked
            return self._unstated(index.search(told_unstated, lang, lenient=True))
        if self.reader.asks_only_what_named_terms_are(question):
            # 什么是边缘计算: the notice names it, never explains it; the clauses naming it are offered
            return self._unstated(main if main.entry else index.search(question, lang, lenient=True))
        if main.kind is Kind.OUTSIDE and self.scope.asks_about_the_story(understood, asked):
            return self._plain(main)  # 听说有社保补贴，怎么申请: the story's other thing is asked
        if main.kind is Kind.OUTSIDE and self.scope.asks_only_of_the_unknown(understood, asked):
            return self._plain(main)  # My Excel VLOOKUP returns #N/A, how do I fix it
        if self.scope.only_fixing_the_unknown(understood, asked):
            return self._outside(main)  # ModuleNotFoundError 怎么办

        parts, searched = self.parts.pick(question, understood, main)
        parts = self.shape.as_the_told_scenario(understood, parts)
        if main.kind is Kind.OUTSIDE and not searched:
            parts = []  # words of the situation alone do not make a question about the notice
        # 150万能配多少, then 那5G的呢: the amount as it was taken is what the follow-up works on
        figures = self._figures(understood, carried)
        computed, kept = self._worked_figures(understood, figures, parts, lang)

        # the user's today said: the span runs from it, and the deadline notes count from it
        span = self._dates_worked(understood, lang, today_said)
        timing, stages_judged = self.timing.judged(understood, lang)
        if timing:  # 客户想9月1日交验收申请行不行: the stage's own deadline answers it too
            # 入库7/5交，验收8/20交，没问题吧: the stages judged are what is asked, first
            parts = [*stages_judged, *(p for p in parts if p not in stages_judged)]
        completion = self.completion.judged(understood, lang, today)  # 一期2021年5月完成: against the window
        from_award = "" if computed else self._base_from_award(understood, parts, lang)
        # must the platform be used locally, 5G项目要在哪里开展: each named direction's rule says where
        where = PLACE_ASKED.search(understood.simplified) is not None
        where_rules = self._rules_of_where(understood) if where and main.kind is not Kind.OUTSIDE else []
        # 三家客户的申报书总共要几份: the copies worked with the user's count
        copies = self.copies.worked(understood, lang) if main.kind is not Kind.OUTSIDE else ""
        if not parts and not computed and not span and not completion and not from_award and not where_rules:
            return self._plain(main)

        blocks: list[str] = [from_award] if from_award else []
        applicants = self._applicants(understood, parts, lang)
        if applicants:
            blocks.append(applicants)
        attachments = self._attachments(question, parts, lang)
        if attachments:
            blocks.append(attachments)
        premise = self.premises.check(understood, parts, computed, lang)
        if premise:
            blocks.append(premise)
        if timing:
            blocks.append(timing)
        if copies:
            blocks.append(copies)
        if completion:
            blocks.append(completion)
        if span:
            blocks.append(span)
        if computed:
            blocks.append(computed)
            # projects: the amounts of one role (two 省级 figures are two projects, not 省级 + 投资)
            projects = max(Counter(f.role for f in figures).values(), default=0)
            over = self._over_the_projects_limit(projects, lang)
            # 三个上云项目，省里各批了50万: each worked out, and the limit said; 三个专案：上云省级
            # 100万、5G省级400万、系统性投资600万: three said, of figures of two roles
            blocks += [over] if over else self._projects_said_over_the_limit(understood, parts, lang)
        else:
            blocks += self._projects_said_over_the_limit(understood, parts, lang)
        foreign = self._foreign_amounts(understood, computed, parts, lang)
        if foreign:
            blocks.append(foreign)
        parts += [rule for rule in where_rules if rule not in parts]
        # 四个方向里面哪个封顶最高: the caps compared are not all in the user's numbers
        compared = computed and self.parts.asks_every_direction(understood)
        for entry in parts:
            summary = compared and entry.clause == self.shape.amount_section
            if computed and self._states_amounts(entry) and not where and understood.figures and not summary:
                continue  # the worked figures say it with the user's numbers (not where it applies)
            blocks.append(self._entry_text(entry, lang))
        text = "\n\n".join(blocks)
        dates = deadline_notes(self.kb, text, lang, today)
        if dates:
            text += "\n\n" + dates
        main_entry = parts[0] if parts else None if span else self._amount_entry(understood, figures)
        context = Context(
            question,
            [t.word for t in understood.topics] or self._direction_answered(main_entry),
            understood.intents,
            [(str(f.yuan), f.role) for f in kept if f.role in self.worker.formula.figures],
            main_entry.id if main_entry else None,
            lang,
        )
        suggestions = [m for m in main.suggestions if m.entry not in parts][:2]
        score = main.score if main.kind is Kind.ANSWER else max(main.score, 0.5)
        entry_id = main_entry.id if main_entry else "composed"
        return Composed(Kind.ANSWER, lang, text, entry_id, score, suggestions, context, bool(computed))

    def _rules_of_where(self, understood: Understanding) -> list[Entry]:
        """The funding rules of the directions named, each of which says where its project is."""
        rules = (
            self.shape.entry_for_clause.get(self.shape.directions[direction_id].funding.clause)
            for direction_id in understood.topic_ids(set(self.shape.directions))
        )
        return [rule for rule in rules if rule is not None]

    def _direction_answered(self, entry: Entry | None) -> list[str]:
        """我们是软件公司，能报哪个方向 answered with direction 2 names none: the direction the
        answer is about, by its first word, is what a follow-up (那最高补多少) asks about."""
        topics = self.kb.lexicon.topics
        return [topics[d.id][0] for d in self.shape.directions_of(entry) if topics.get(d.id)]

    def _asked_beside_a_story(
        self,
        question: str,
        understood: Understanding,
        questions: list[str],
        lang: Lang | None,
        turned_to: str = "",
    ) -> SearchResult | None:
        """帮我概括下通知的目的，PPT第一页要用: words the notice never uses, told beside a question
        and naming nothing outside it, leave the question itself to answer; only a close match
        (an everyday ask matches loosely), and only questions asked outright, each of the notice's
        (not 怎样用Python读PLC数据？我们做设备联网要用). `turned_to`: words the notice never uses are
        only the story's, and this is the message from where it turns to the notice."""
        if not 0 < len(questions) < len(understood.clauses):
            return None
        if self.index.outside_words(question) and not turned_to:
            return None
        # (那这个系统性平台也按投资额？补几成: what is asked after the turn is of the turn's thing)
        joined = turned_to or "，".join(questions)
        alone = self.index.search(joined, lang)
        # (a message that turns to the notice by name need not match closely: 这个工信项目限报几个)
        close = bool(turned_to) or alone.score >= STORY_ASIDE_SCORE
        if alone.kind is not Kind.ANSWER or not close or joined.isascii():
            return None
        if not all(self.reader.asks_outright(c) for c in questions):
            return None
        if len(questions) > 1 and any(self.index.search(c, lang).kind is Kind.OUTSIDE for c in questions):
            return None  # (one question alone is already searched above)
        return alone

    def _likens_to_another(self, clause: str) -> bool:
        """这个跟技改补贴是一回事吗, 是不是跟高企一样: the clause likens the notice's thing to another
        programme, body, policy or standing."""
        other = likened_to(clause)
        if not other:
            return False
        standing = any(s in other.lower() for s in self.scope.firm_statuses)
        return bool(ANOTHER_KIND.search(other)) or standing or self._names_another_programme_or_place(other)

    def _asks_of_elsewhere(self, question: str, understood: Understanding, asked: list[str]) -> bool:
        """Another city or province is named, and not only in what the firm tells of itself."""
        return self.index.elsewhere(question) and not self._place_only_the_firms_story(understood, asked)

    def _place_only_the_firms_story(self, understood: Understanding, asked: list[str]) -> bool:
        """我在东莞开厂十几年，…这是哪个部门发的; Our Dongguan plant runs a cloud MES. Is production
        control one of the listed areas?: another city only in what the firm tells of itself (where
        it is, what it did there), and every ask points at the notice or names its own things, not
        back at that place (那边有什么补贴). What others say of that place (its own support) may be
        told only after the asks, set against them (这个钱是先给还是做完再给？深圳有些是立项就先拨的)."""
        if not asked or understood.other_programme:
            return False
        placed = [c for c in understood.clauses if self.index.names_another_place(c)]
        if not placed or any(c in asked for c in placed):
            return False
        if any(THAT_PLACE.search(simplify(c)) for c in asked):
            return False
        if not all(
            self.reader.names_the_notice(c) or THIS_ONE.search(simplify(c)) or self.reader.topics_named(c)
            for c in asked
        ):
            return False
        return all(
            self._told_after_the_asks(understood.text, c, asked)
            or (FIRST_PERSON.search(simplify(c)) is not None and not self.index.names_a_places_own_support(c))
            for c in placed
        )

    @staticmethod
    def _told_after_the_asks(text: str, clause: str, asked: list[str]) -> bool:
        """The clause begins a sentence of its own after every ask."""
        at = text.find(clause)
        last_ask = max(text.find(c) + len(c) for c in asked)
        return at >= last_ask and SENTENCE_END.search(text, last_ask, at) is not None

    def _only_likened_to_the_other(self, understood: Understanding, asked: list[str]) -> bool:
        """文号多少，我要跟技改那个通知区分开: another programme or place is named only in told
        clauses that liken the notice's thing to it or tell them apart; the asks are the notice's."""
        naming = [c for c in understood.clauses if self._names_another_programme_or_place(c)]
        return bool(naming) and all(c not in asked and self._likens_to_another(c) for c in naming)

    def _asked_here_of_what_is_there(self, understood: Understanding) -> str:
        """佛山的上云补贴好像封顶200万，韶关这个呢: the last clause only asks the same of the home
        city, after clauses telling of another place; those clauses without the place, or ""."""
        clauses = understood.clauses
        if len(clauses) < 2 or not HERE_TOO.fullmatch(simplify(clauses[-1]).strip(" ？?。.!！")):
            return ""
        told = simplify("，".join(clauses[:-1]))
        places = self.index.places_named(told)
        if not places or not all(p in told for p in places) or not self.reader.topics_named(told):
            return ""  # (广州那边有没有类似的补贴，韶关呢: none of the notice's things is told)
        for place in places:
            told = re.sub(rf"{re.escape(place)}(?:市|省|那边|那里|嘅|的)?", "", told)
        # (东莞标杆项目补到80万: that place's figure is no figure of the user's project)
        return PLACE_FIGURE.sub("", told)

    def _turns_from_a_story(self, understood: Understanding, questions: list[str]) -> str:
        """排污许可证延续还在弄，同时想申报上云上平台项目，入库截止时间是？: words the notice never
        uses only in what is told, and the message then turns (同时, 另外, 那 …) to a direction or
        a stage of the notice, or names the notice. The message from the turn on, or ""."""
        clauses = understood.clauses
        told = [
            at
            for at, c in enumerate(clauses)
            if self.index.outside_words(c) or self._names_another_programme_or_place(c)
        ]
        if not told or any(clauses[at] in questions for at in told):
            return ""
        text, last = understood.text, clauses[max(told)]
        after = "，".join(clauses[max(told) + 1 :])
        told_clauses = [clauses[at] for at in told]
        if after and all(self._tells_its_history(c) for c in told_clauses):
            # 我们刚评上专精特新小巨人，入库还要不要专家评审: the firm's standing is only told
            return after if self._names_a_direction_or_stage(after) else ""
        since = text.find(last) + len(last)  # the story's words are not what the turn names
        # only a cost told: 电费一个月几十万 (a figure) or 电费好贵 (dear or rising)
        only_costs = all(self._cost_told(c) for c in told_clauses)
        figured = only_costs and all(self._cost_told(c, risen=False) for c in told_clauses)
        told_last = simplify(last)
        risen = COST_RISEN.search(told_last) if only_costs else None
        if risen:
            # 电价涨了想做设备管理上云降本，最高补多少: the cost told, then in the same clause the
            # plan that names a direction
            plan = told_last[risen.end() :].strip("，, ")
            if plan and self._names_a_direction_or_stage(plan):
                return "，".join([plan, *clauses[max(told) + 1 :]])
        for number in range(max(told) + 1, len(clauses)):
            clause = clauses[number]
            at = text.find(clause, since)
            # (还有没有上云上平台的申报: whether there still is one, asked of the story's year)
            if at < since or STILL_THERE.match(clause):
                continue
            rest = "，".join(clauses[number:])
            # (not 2023年韶关还有这个工业互联网应用项目吗: the story's year asked of in one breath)
            apart = PAUSE.search(text[since:at]) is not None
            if apart and (THIS_NOTICE.search(simplify(clause)) or self._turns_with_then(clause)):
                return rest  # 商务局的电商补贴我们也在报，这个工信项目限报几个: the notice named
            # (a cost told only as dear, 电费好贵, is turned from by a plan told, 想做能耗优化上云,
            # not by a question: 电费太高，有没有节能改造的建议 still asks of the bill)
            planned = figured or clause not in questions
            if apart and only_costs and planned and self._names_a_direction_or_stage(clause):
                return rest  # 电费一个月几十万，上云上平台里面有没有节能这块: only its cost told
            if self._set_apart(text, clause):
                named = self.reader.topics_named(text[since : at + len(clause)])
                if any(t.id in self.shape.own_ids for t in named):
                    return rest
        return ""

    def _tells_its_history(self, clause: str) -> bool:
        """我们刚评上专精特新小巨人, 之前只报过安全生产的技改: a standing the firm holds, or another
        programme it applied for before, told as the firm's history."""
        return self.scope.tells_a_standing(clause) or APPLIED_BEFORE.search(simplify(clause)) is not None

    def _without_hearsay_beside(self, understood: Understanding) -> str:
        """承诺书交给谁？同行说寄到广州省厅: a claim someone made, told after a question of the
        notice's own thing (or before one that names the notice), is what the notice's answer
        checks, not a further ask; when only the
        claim names something outside the notice (another place, programme or thing), the message
        without it. "" when there is no such claim."""
        clauses = understood.clauses
        relayed = [c for c in clauses if self._relays_a_claim(c)]
        if not relayed:
            return ""  # (most messages: no one is quoted, nothing more to read)
        questions = self.reader.asked(understood)
        claims = [c for c in relayed if c not in questions]
        rest = [c for c in clauses if c not in claims]
        if not claims or not questions or not rest:
            return ""
        last_asked = max((clauses.index(c) for c in questions if c in clauses), default=len(clauses))
        of_the_notice = all(self.reader.names_the_notice(c) for c in questions)
        if clauses.index(claims[0]) < last_asked and not of_the_notice:
            # 群里说技改最高500万，几月申报: what is asked after the claim asks of its thing (not
            # 同事说是绍兴的通知…这份通知是哪个单位发的: the notice itself is asked)
            return ""
        if not any(self.index.outside_words(c) or self._names_another_programme_or_place(c) for c in claims):
            return ""
        kept = "，".join(rest)
        if self.index.outside_words(kept) or self._names_another_programme_or_place(kept):
            return ""
        own = all(
            self._names_its_own_thing(c)
            or self.reader.intents_of(c)
            or self.index.search(c).kind is Kind.ANSWER
            for c in questions
        )
        return kept if own else ""

    @staticmethod
    def _relays_a_claim(clause: str) -> bool:
        """同行说…, 刚才同事说…: the clause begins by telling who said what follows."""
        said = HEARSAY.search(simplify(clause))
        return said is not None and said.start() <= CLAIM_LEAD

    def _small_talk_first(self, understood: Understanding) -> bool:
        clauses = understood.clauses
        if len(clauses) < 2 or any(self.reader.is_question(c) for c in clauses[1:]):
            return False
        if "?" in understood.text[len(clauses[0]) :].replace("？", "?"):
            return False  # Hi, …, city or province?: a question mark after the greeting asks
        first = self.index.small_talk(clauses[0])
        if first is not Kind.GREETING:
            return first is not None  # (谢谢你啊，工业互联网的事我问完了: thanks closes it)
        # 您好，想引用通知开头说的发文目的，麻烦概括一下: a later clause the notice answers asks it
        # (a close match only: not 你好，我们是曲江的铸造厂)
        found = (self.index.search(c) for c in clauses[1:])
        return not any(r.kind is Kind.ANSWER and r.score >= AFTER_GREETING_SCORE for r in found)

    def _confirmed(
        self, question: str, understood: Understanding, ask: str, lang: Lang | None
    ) -> SearchResult:
        """The fact a statement offers for confirmation, asked with what it confirms (份数, 谁):
        from the whole message, or from its last question when the story blurs the whole."""
        lang = language_of(question, lang)  # the message's, not the added word's
        main = self.index.search(f"{question} {ask}", lang, lenient=True)
        asked = [c for c in understood.clauses if self.reader.is_question(c)]
        if main.kind is not Kind.ANSWER and asked and asked[-1] != question:
            last = self.index.search(f"{asked[-1]} {ask}", lang, lenient=True)
            if last.kind is Kind.ANSWER:
                return last
        sentences = [s for s in SENTENCE.split(question) if s.strip()]
        if main.kind is not Kind.ANSWER and len(sentences) > 2 and self.reader.is_question(sentences[-1]):
            # My father runs a factory. A message says the city matches 15%. Is that right?: the
            # tag asks the statement just before it, not the story told first
            told = self.index.search(f"{sentences[-2]} {sentences[-1]} {ask}", lang, lenient=True)
            if told.kind is Kind.ANSWER:
                return told
        return main

    def _applicants(self, understood: Understanding, parts: list[Entry], lang: Lang) -> str:
        """Who applies for a named direction, when that is asked: its applicant, with its clause."""
        named = [self.shape.directions[i] for i in understood.topic_ids(set(self.shape.directions))]
        who = self.shape.who_section
        asked_of_a_kind = self.reader.says_its_kind(understood) or self.reader.asks_the_applicant(understood)
        if not (named and who and (asked_of_a_kind or any(p.clause.startswith(who) for p in parts))):
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

    def _attachments(self, question: str, parts: list[Entry], lang: Lang) -> str:
        """附件1是什么: each attachment the message names by number, from the notice's list; and
        one named by its title where its number is asked, or where the answer is about the
        attachments and does not give that number (申报书有没有模板: 附件3)."""
        numbers = attachment_numbers(question)
        # 做承诺的模板: as written, and as the lexicon reads it (承诺书模板)
        text = f"{simplify(question)} {self.index.normaliser.canonical(question)}"
        number_asked = bool(NUMBER_ASKED.search(text))  # 承诺书是第几个附件: named by its title
        about_them = [p for p in parts if p.clause == ATTACHMENTS_CLAUSE]
        if number_asked or about_them:
            given = "" if number_asked else " ".join(p.answer.zh for p in about_them)
            in_english = self.english_titles.said(text)  # which attachment is the summary table
            numbers += [
                a.number
                for a in self.kb.notice.attachments
                if (title_said(a.title.zh, text) or a.number in in_english) and f"附件{a.number}" not in given
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

    def _direction_besides_the_excepted(self, understood: Understanding) -> Understanding | None:
        """除了上云，有没有专门针对5G的方向 → 有没有专门针对5G的方向 (read): a direction set aside with
        除了 beside another one named; None unless the rest names a direction the excepted part does
        not (除了验收申请报告还要交什么 keeps its 验收: what is set aside says what kind is asked)."""
        text = self.reader.without_the_excepted(understood)
        if text == understood.text:
            return None
        rest = self.reader.read(text)
        if len(rest.figures) < len(understood.figures):
            return None  # 除了省级200万的5G项目，还有一个上云项目: one more project, to add up
        directions = set(self.shape.directions)
        left = set(rest.topic_ids(directions))
        return rest if left and set(understood.topic_ids(directions)) - left else None

    def _stage_by_its_deadline(self, understood: Understanding, today_said: dt.date | None = None) -> str:
        """8月26前交啥: a message naming no stage but handing in by one stage's deadline names
        that stage; so does a clause naming none that asks what is handed in on a stage's day
        (7月8号交的是入库申报书，那8月26号交的是什么), and a message telling its own today and
        asking what is due (今天8月20号了，还有什么要交: the next stage whose deadline is ahead).
        What to search: the stage's name (as the search knows it) with the message or that clause;
        "" when no one stage's day is said so."""
        stages = self.kb.notice.stages
        ids = {s.id for s in stages}
        due = today_said is not None and DUE_ASKED.search(understood.simplified) is not None
        if not HAND_IN.search(understood.text) and not due:
            return ""
        if not understood.topic_ids(ids):  # (a date alone may be the construction window's too)
            stage = self._stage_dated(stages, understood.text)
            if not stage and today_said is not None and ASKS_WHAT.search(understood.text):
                stage = self._next_stage_due(stages, today_said)
            return f"{stage} {understood.text}" if stage else ""
        for clause in understood.clauses:
            # the cheap tests first: reading a clause's topics runs its canonical form
            if not (HAND_IN.search(clause) and ASKS_WHAT.search(clause)) or self.reader.topic_ids(
                clause, ids
            ):
                continue
            stage = self._stage_dated(stages, clause)
            if stage:
                return f"{stage} {clause}"
        return ""

    @staticmethod
    def _next_stage_due(stages: list[Stage], today: dt.date) -> str:
        """The stage whose deadline comes first on or after the user's today (its Chinese name)."""
        ahead = [(s.deadline, s.name.get("zh")) for s in stages if s.deadline and s.deadline >= today]
        return min(ahead)[1] if ahead else ""

    @staticmethod
    def _stage_dated(stages: list[Stage], text: str) -> str:
        """The one stage whose deadline's day the text says (its Chinese name), else ""."""
        found = {
            s.id: s.name.get("zh")
            for s in stages
            for year, month, day in read_dates(text)
            if s.deadline is not None
            and (month, day) == (s.deadline.month, s.deadline.day)
            and year in (None, s.deadline.year)
        }
        return next(iter(found.values())) if len(found) == 1 else ""

    def _outside_across_clauses(self, question: str, understood: Understanding) -> bool:
        """注册分公司，需要准备什么材料: a phrase of the lexicon read across the clauses, the
        question among them, names a thing outside the notice (no clause says it alone). Only a
        phrase's own outside word counts: words met across a comma by chance (注册，工厂 → 注册企业)
        do not."""
        said_alone = {w for c in understood.clauses for w in self.index.outside_words(c)}
        across = set(self.index.outside_words(question)) - said_alone
        # innovation and development project: an outside word whose own 'and' split the clauses
        if across & (self.phrase_outside | self.outside_with_and):
            return True
        # 乳源县工信局 电话多少: clauses apart by a space only are one sentence, read together; a
        # word counts as said there (not one the lexicon's rewriting brought together)
        for sentence in spaced_sentences(question):
            joined = SPACE_IN_SENTENCE.sub("", sentence).lower()
            if any(w in joined for w in set(self.index.outside_words(sentence)) - said_alone):
                return True
        return False

    def _outside_then_a_bare_ask(self, understood: Understanding) -> bool:
        """营业执照快到期了 怎么换新的: one thing outside the notice, then apart by a space only an
        ask of it; nothing of the notice is named in the message, nor any figure (not 放到阿里云上面
        报哪类, which asks the notice's direction, nor 还没到账 能算配套的基数吗, its base)."""
        parts = SPACE_IN_SENTENCE.split(simplify(understood.text).strip(" ？?。.!！"))
        if len(parts) != 2 or understood.topics or understood.figures:
            return False
        thing, ask = parts
        return (
            bool(self.index.outside_words(thing))
            and not self.index.outside_words(ask)
            and not CLAUSE_BREAK.search(ask)
            and not self.reader.asks_which_direction(ask)
            and not any(w in ask for w in self.reader.notice_things)
        )

    @staticmethod
    def _told_of_another_programme(understood: Understanding) -> bool:
        """同行说市科技局也有类似的5G应用补贴，最高200万: another programme told of, and nothing
        asked outright: what is told is that programme's."""
        return bool(understood.other_programme) and not QUESTION_MARK.search(understood.simplified)

    def _lawful_outside_arrangement_asked(self, understood: Understanding, asked: list[str]) -> bool:
        """跟客户签成功收费合同，这样合规吗: whether an arrangement outside the notice is lawful,
        asked bare after it is told (the notice's own conditions are of past violations, named)."""
        if len(asked) != 1 or understood.topics:
            return False
        bare = simplify(asked[0]).strip(" ？?。.!！")
        return LAWFUL_ASKED.fullmatch(bare) is not None and bool(self.index.outside_words(understood.text))

    def _chooses_among_the_outside(self, understood: Understanding, asked: list[str]) -> bool:
        """Which is better for our 上云 project, Huawei Cloud or Alibaba Cloud: a choice asked among
        things outside the notice (products, vendors), whatever topic of the notice it is for."""
        chooses = any(CHOOSING.search(simplify(c)) for c in asked)
        return chooses and bool(self.index.outside_words(understood.text))

    def _compares_own_things(self, clause: str) -> bool:
        """“上云上平台”和“5G+制造业”是不是一回事: two of the notice's directions or stages set side
        by side; each one's own clause answers (一回事 of anything else is a detail never given)."""
        # (When will the acceptance review for 5G projects be held: two named, none compared)
        own = self.reader.topic_ids(clause, set(self.shape.own_ids))
        return len(own) > 1 and COMPARED.search(simplify(clause)) is not None

    def _asks_if_the_unlisted_fits(
        self, question: str, understood: Understanding, main: SearchResult
    ) -> bool:
        """我们是做光伏屋顶电站的，能报这个工业互联网项目吗: a thing the notice never names (or
        another programme's), asked whether it fits this notice, none of its topics named."""
        if understood.topics or not self.reader.asks_if_it_fits(understood):
            return False  # 失信被执行人能报这个项目吗: the notice's own rule of what is named
        text = understood.simplified

        def a_thing(word: str) -> bool:  # 专精特新企业能报吗: a status of the firm, not a thing it did
            at = text.find(word)
            return at < 0 or not FIRM_STATUS.match(text, at + len(word))

        things = [w for w in self.index.outside_words(question) if a_thing(w)]
        programme = understood.other_programme
        if programme is not None and a_thing(programme):
            return True
        return main.kind is not Kind.ANSWER and bool(things)

    def _contacts_asked_beside(self, question: str, lang: Lang, person_text: str) -> Composed | None:
        """我要找真人！电话多少: beside the person asked for, the notice's contacts are asked, so
        they are answered from their clause, with how to reach a person."""
        rest = self.reader.without_person_requests(question)
        found = self.index.search(rest, lang) if rest else None
        clause = self.kb.notice.contacts.clause
        if (
            found is None
            or found.kind is not Kind.ANSWER
            or found.entry is None
            or found.entry.clause != clause
        ):
            return None
        text = f"{self._entry_text(found.entry, lang)}\n\n{person_text}"
        context = Context(found.entry.questions.get(lang)[0], entry_id=found.entry.id, lang=lang)
        return Composed(Kind.ANSWER, lang, text, found.entry.id, found.score, [], context)

    def _not_listed(self, lang: Lang) -> Composed:
        """What the notice supports, the four directions, with the thing told said not listed."""
        overview = self.shape.entry_for_clause[self.shape.directions_section]
        lead = reply_text(self.kb, "not_listed", lang)
        text = f"{lead}\n{self._entry_text(overview, lang)}"
        context = Context(overview.questions.get(lang)[0], entry_id=overview.id, lang=lang)
        return Composed(Kind.ANSWER, lang, text, overview.id, 1.0, [], context)

    def _without_outside_asks(
        self,
        understood: Understanding,
        asked: list[str],
        other_thing: bool,
        lang: Lang | None,
        today: dt.date,
        carried: list[Figure],
    ) -> Composed | None:
        """入库几号截止？另外5G网关什么品牌好: of several asks, those of the notice are answered and
        a further one about something else is said to be outside it, not the whole message refused.
        `other_thing`: the message names another programme or place."""
        text = understood.text
        clauses = self._told_with_what_asks_of_it(understood, asked)
        # the notice has 6 attachments, right? Also …: a statement with its tag asks too (and so
        # does a told clause joined to its ask)
        asked = [c for c in clauses if c in asked or self._tagged(c) or c not in understood.clauses]
        elsewhere = {c for c in asked if self._names_another_programme_or_place(c)}
        outside = [c for c in asked if c in elsewhere or self.index.outside_words(c)]
        if not outside or len(outside) == len(asked):
            return None
        if other_thing and not elsewhere:
            return None  # the other programme is the story's, not one of the asks set apart
        kept_asks = [c for c in asked if c not in outside]
        kept = "，".join(c for c in clauses if c not in outside)
        first_outside = asked.index(outside[0])
        # a further ask (另外…, also …) after the notice's own, about words the notice never uses
        further = (
            first_outside > 0
            and all(self.index.outside_words(c) for c in outside)
            and all(self._aside(text, c) for c in outside)
        )
        # otherwise the asks are set apart from each other and the notice's part names its own
        # thing; an ask after the outside one that neither names the notice nor turns to it with
        # 另外… asks of the outside thing (技改怎么报？截止几号, 等保测评怎么做 多少钱)
        after_it = [c for c in kept_asks if asked.index(c) > first_outside]
        # (asks before the first outside one need not name their thing: the notice is the subject
        # until the aside: 优质项目除了市里的钱还有啥？另外国家级示范怎么申请)
        set_apart = (
            (self._names_its_own_thing(kept) or (first_outside > 0 and not after_it))
            and all(self.reader.names_the_notice(c) or self._turns_to_the_notice(text, c) for c in after_it)
            and (
                all(self._set_apart(text, c) for c in outside)
                or all(self._set_apart(text, c) or self._turns_with_then(c) for c in kept_asks)
            )
        )
        # 一、入库后要不要公示 二、在哪个网站 三、公示期多久: a list whose first item the search answers
        # surely on its own and whose outside items are the fewer, each an item of its own (not 1. 上云后
        # 数据归属权属于谁 2. 云服务合同条款 3. 数据泄露谁担责: every item the other matter)
        listed = (
            first_outside > 0
            and len(outside) < len(kept_asks)
            and all(_listed_item(text, c) for c in asked)
            and all(self.reader.names_the_notice(c) or self._names_its_own_thing(c) for c in after_it)
            and self.index.search(asked[0], lang).score >= CONFIDENT_ALONE
        )
        # 这个跟技改补贴是一回事吗？上云上平台这个市里最多给多少: the likening is the aside, whatever
        # its place, when every other ask names the notice's own thing
        # (事后奖补是啥意思？跟深圳的事前资助区别在哪: or, asked before the likening, the search
        # answers it surely on its own)
        likened = all(self._likens_to_another(c) for c in outside) and (
            self._names_its_own_thing(kept)
            or bool(self.reader.read(kept).intents)
            or (first_outside > 0 and not after_it and self.index.search(kept, lang).score >= CONFIDENT_ALONE)
        )
        if not (further or set_apart or likened or listed):
            return None
        read = self.reader.read(kept)
        if read.other_programme or self.index.elsewhere(kept):
            return None
        composed = self._compose(kept, read, lang, today, carried)
        if composed.kind is not Kind.ANSWER:
            return None
        said = (ASIDE.sub("", ASKER_FIRST.sub("", OTHER_ASKER.sub("", c))).strip(" ？?。.") for c in outside)
        parts = ("、" if composed.lang == "zh" else "; ").join(said)
        note = reply_text(self.kb, "outside_part", composed.lang, part=parts)
        return replace(composed, text=f"{composed.text}\n\n{note}")

    def _told_with_what_asks_of_it(self, understood: Understanding, asked: list[str]) -> list[str]:
        """The message's clauses, with one that tells of another programme or place joined to
        the ask after it that names nothing of its own (另外听讲佛山都有类似嘅政策，系咪真㗎: the
        ask is of Foshan's policy)."""
        text, clauses = understood.text, list(understood.clauses)
        at = 0
        while at < len(clauses) - 1:
            told, ask = clauses[at], clauses[at + 1]
            start, end = text.find(told), text.find(ask)
            if (
                told not in asked
                and ask in asked
                and 0 <= start < end
                and not SENTENCE_END.search(text, start + len(told), end)
                and self._names_another_programme_or_place(told)
                and not self._names_its_own_thing(ask)
                and not self.reader.read(ask).figures
            ):
                clauses[at : at + 2] = [text[start : end + len(ask)]]
            at += 1
        return clauses

    def _names_another_programme_or_place(self, clause: str) -> bool:
        """The ask is of another programme or another place's policy (an ask of words the notice
        never speaks of is outside too)."""
        return self.index.elsewhere(clause) or self.reader.read(clause).other_programme is not None

    @staticmethod
    def _tagged(clause: str) -> bool:
        """The clause ends with a tag question: 入库是7月8号，对吧; the notice has 6 attachments, right."""
        tail = re.split(r"[，,]", clause)[-1]
        return tail != clause and TAG_QUESTION.fullmatch(simplify(tail).strip()) is not None

    def _names_its_own_thing(self, clause: str) -> bool:
        """The text names a thing of the notice (a direction, a stage, a condition …) or the
        notice itself."""
        return bool(self.reader.topics_named(clause)) or self.reader.names_the_notice(clause)

    def _turns_to_the_notice(self, text: str, clause: str) -> bool:
        """An ask after one about something else, set apart (另外…) and naming a direction or a
        stage of the notice (not 还有发票抬头写分公司的行不行, still of the invoices)."""
        if self._turns_with_then(clause):
            return True
        at = text.find(clause)
        # 另外上云上平台500万，市级配套多少: the sentence up to the ask names the direction
        told = text[sentence_start(text, at) : at + len(clause)] if at >= 0 else clause
        return self._set_apart(text, clause) and self._names_a_direction_or_stage(told)

    @staticmethod
    def _cost_told(clause: str, risen: bool = True) -> bool:
        """电费一个月几十万 (or, when `risen`, 电费好贵): a figure of the story's thing told, or that
        it is dear or rising, nothing asked of it."""
        simplified = simplify(clause)
        figured = COST_TOLD.search(to_arabic(simplified)) or (risen and COST_RISEN.search(simplified))
        return bool(figured) and QUESTION_MARK.search(simplified) is None

    def _turns_with_then(self, clause: str) -> bool:
        """那验收结果还要征求谁的意见: "then", and the clause names a direction or a stage of
        the notice, so it turns from the ask before it to the notice."""
        return TURN.match(clause) is not None and self._names_a_direction_or_stage(clause)

    def _names_a_direction_or_stage(self, text: str) -> bool:
        return any(t.id in self.shape.own_ids for t in self.reader.topics_named(text))

    @staticmethod
    def _aside(text: str, clause: str) -> bool:
        """The clause is a further ask, begun with 另外, also … (the clause itself may have lost it)."""
        at = text.find(clause)
        return bool(ASIDE.match(clause)) or (at > 0 and AFTER_ASIDE.search(text, 0, at) is not None)

    @classmethod
    def _set_apart(cls, text: str, clause: str) -> bool:
        """The clause is a further ask (另外…), or one in a sentence an aside begins (另外我们是跟
        联通合作的，联通那边有没有补贴)."""
        at = text.find(clause)
        if cls._aside(text, clause):
            return True
        # …单独建账吗？财务问怎么做账: a new question, put by someone else of the firm
        if at > 0 and text[:at].rstrip().endswith(("？", "?")) and OTHER_ASKER.match(clause):
            return True
        return at > 0 and ASIDE.match(text[sentence_start(text, at) : at]) is not None

    def _dates_worked(self, understood: Understanding, lang: Lang, today_said: dt.date | None) -> str:
        """再过30天是几号: the day counted to, asked first; 8月20日完成，提前6天，对吧: the span
        between, the user's count checked; else what a date named is. Each is worked only when
        the one before it gives nothing (every message passes here)."""
        if self.day_sums.asks_a_day(understood):
            span = self.day_sums.shifted(understood, lang) or self.spans.worked(understood, lang, today_said)
        else:
            span = self.spans.worked(understood, lang, today_said) or self.day_sums.shifted(understood, lang)
        return span or self.spans.meaning(understood, lang)

    def _dated(self, text: str, main: SearchResult, lang: Lang, today: dt.date) -> Composed:
        """An answer the calendar gives (which weekday a date was), with the deadline notes."""
        dates = deadline_notes(self.kb, text, lang, today)
        entry_id = main.entry.id if main.kind is Kind.ANSWER and main.entry else "composed"
        return Composed(Kind.ANSWER, lang, f"{text}\n\n{dates}" if dates else text, entry_id, 1.0, [])

    def _of_the_direction_named(self, found: SearchResult, understood: Understanding) -> SearchResult:
        """通知里5G方向提到要研发什么装置…: a question of what the text of the one direction it
        names says, in the user's own words, unsure, whose best entry is of that direction and
        well ahead of the next: that entry."""
        if found.kind is not Kind.UNSURE or len(found.suggestions) < 2:
            return found
        if not POINTS_AT_THE_TEXT.search(understood.simplified):
            return found  # 5G专网怎么跟运营商谈价格: the direction named, its text not asked
        named = understood.topic_ids(set(self.shape.directions))
        best, second = found.suggestions[0], found.suggestions[1]
        of_it = [d.id for d in self.shape.directions_of(best.entry)] == list(named)
        if len(named) != 1 or not of_it or best.score - second.score < VAGUE_MARGIN:
            return found
        others = [m for m in found.suggestions[1:] if m.score >= SUGGESTION_FLOOR]
        return SearchResult(Kind.ANSWER, found.lang, best.score, best.entry, others)

    def _counted(self, understood: Understanding, counting: str, lang: Lang | None) -> SearchResult:
        """What answers whether a thing counts: the message without its outside words, else the
        words asking it (工业相机和边缘服务器能算到项目投资里吗), else them as the pack's counted-as
        (员工培训费算吗)."""
        found = self.index.search(self.reader.without_outside_words(understood), lang, lenient=True)
        if found.kind is not Kind.ANSWER:
            found = self.index.search(counting, lang, lenient=True)
        if found.kind is not Kind.ANSWER:
            found = self.index.search(f"{counting} {self.kb.lexicon.counted_as}", lang, lenient=True)
        return found

    def _of_the_same_detail(self, clause: str, unstated: str, lang: Lang | None) -> bool:
        """After a detail the notice never gives: 一般多少钱 (a bare quantity), 应该上百家吧 (a guess
        of it), 应该分工不同吧 (a guess that names none of the notice's things)."""
        if self.reader.asks_only_how_much(clause, unstated) or self.reader.guesses_a_quantity(clause):
            return True
        simplified = simplify(clause)
        if QUANTITY_CHOICE.fullmatch(to_arabic(simplified).strip(" ？?。.!！")):
            return True  # 验收专家组一般几多人？5个还是7个: the quantity asked, offered as a choice
        bare = simplified.strip(" ？?。.!！呢啊")
        if (
            BARE_WHEN.fullmatch(bare)
            or BARE_WHO_PAYS.fullmatch(bare)
            or BARE_RULE.fullmatch(bare)
            or BARE_EACH_RECEIVED.fullmatch(bare)
            or (BARE_CONTACT.fullmatch(bare) and SOMEONE_TO_REACH.search(simplify(unstated)))
            or THAT_DETAIL_KNOWN.fullmatch(bare)
        ):
            return True  # 哪个月能到账？具体哪一天; 评审劳务费标准是多少？谁来出; …要不要退，有没有规定
        found = self.index.search(clause, lang).kind
        if found is Kind.ANSWER or APPLYING.search(simplified):
            return False  # (…现在不在名单上，能报不: applying is the notice's to answer)
        # 重大事故怎么认定？按死亡人数还是经济损失算: naming nothing of the notice's own (or in words
        # the search cannot place: 看伤亡人数吗), it asks on
        read = self.reader.read(clause)
        if read.intents:
            return hedged(simplified)  # (通知里原来写的号码是多少: a fact of the notice asked)
        return hedged(simplified) or found is Kind.OUTSIDE or not read.topics

    def _outside(self, result: SearchResult) -> Composed:
        text = reply_text(self.kb, "outside", result.lang)
        return Composed(Kind.OUTSIDE, result.lang, text, None, result.score, [])

    def _unstated(self, result: SearchResult) -> Composed:
        """The notice does not say; the clause the question is about is offered to read."""
        related = [Match(result.entry, result.score)] if result.entry else []
        suggestions = (related + [m for m in result.suggestions if m.entry is not result.entry])[:3]
        if not suggestions:
            # no clause to point at: the notice still does not say it (a pack without that
            # reply gives the plain outside one)
            if "unstated_alone" not in self.kb.lexicon.replies:
                return self._outside(result)
            text = reply_text(self.kb, "unstated_alone", result.lang)
            return Composed(Kind.OUTSIDE, result.lang, text, None, result.score, [])
        text = reply_text(self.kb, "unstated", result.lang)
        return Composed(Kind.OUTSIDE, result.lang, text, None, result.score, suggestions)

    def _conditions_said(self, reply: str, lang: Lang, **fields: str) -> tuple[str, Entry | None]:
        """A reply that says the notice's own conditions (二: all it sets), and their own entry
        (the conditions' answer, not 二(一)'s)."""
        who = self.shape.who_section
        criteria = [c for c in self.kb.notice.eligibility if c.section == who]
        conditions = ("" if lang == "zh" else " ").join(c.text.get(lang) for c in criteria)
        clause = clause_label(self.kb, who, lang)
        text = reply_text(self.kb, reply, lang, conditions=conditions, clause=clause, **fields)
        return text, self.shape.entry_for_clause.get(who)

    def _not_asked_for(self, standing: str, lang: Lang) -> Composed:
        """The notice's own conditions said, and that the standing asked of is not among them."""
        text, entry = self._conditions_said("standing_not_asked", lang, standing=standing)
        return Composed(Kind.ANSWER, lang, text, entry.id if entry else "composed", 1.0, [])

    def _not_a_condition(self, lang: Lang) -> Composed:
        """The notice's own conditions said, and that the thing asked is not among them."""
        text, entry = self._conditions_said("not_a_condition", lang)
        suggestions = [Match(entry, 1.0)] if entry else []
        return Composed(Kind.OUTSIDE, lang, text, None, 1.0, suggestions)

    def _entry_text(self, entry: Entry, lang: Lang) -> str:
        source = reply_text(self.kb, "source", lang, clause=clause_label(self.kb, entry.clause, lang))
        return f"{entry.answer.get(lang)}\n{source}"

    # figures --------------------------------------------------------------------------------
    def _figures(self, understood: Understanding, carried: list[Figure]) -> list[Figure]:
        own = [f for f in understood.figures if f.role in self.worker.formula.figures]
        return self._each_of_the_projects(understood, own) or carried

    def _asks_the_notices_rule(self, understood: Understanding, asked: list[str]) -> bool:
        """省里补了50万，这是第一笔钱，能补多少: an amount asked with a figure the notice's formula
        works with is worked out; 周末都没休息，老板说补贴拿一部分给他们发奖金，这样用可以吗: whether
        the subsidy may pay for a thing is its rule, whatever detail the story tells beside it."""
        asks_amount = bool(set(understood.intents) & self.shape.amount_intents)
        if asks_amount and any(f.role in self.worker.formula.figures for f in understood.figures):
            return True
        return bool(self.scope.asks_whether_it_counts(understood, asked))

    def _over_the_projects_limit(self, projects: int, lang: Lang) -> str:
        """The criterion limiting one enterprise's projects, with its clause, when more projects
        than it allows were worked out; "" otherwise."""
        limit = self.projects_limit
        if limit is None or limit.most_projects is None or projects <= limit.most_projects:
            return ""
        source = reply_text(self.kb, "source", lang, clause=clause_label(self.kb, limit.clause, lang))
        return f"{limit.text.get(lang)}\n{source}"

    def _projects_said_over_the_limit(
        self, understood: Understanding, parts: list[Entry], lang: Lang
    ) -> list[str]:
        """一共三个项目，三个行不行: more projects said than one enterprise may enter, so the limit
        is said beside what is asked (unless an answered part already gives it)."""
        said = PROJECT_COUNT.search(to_arabic(understood.simplified))
        count = int(said.group(1)) if said else self._one_in_each_direction(understood)
        over = self._over_the_projects_limit(count, lang) if count else ""
        limit = self.projects_limit
        if not over or limit is None or any(e.clause == limit.clause for e in parts):
            return []
        return [over]

    def _one_in_each_direction(self, understood: Understanding) -> int:
        """上云一个5G一个标杆一个, 上云、5G、系统平台各一个: one project said of each of several
        directions."""
        text = understood.simplified
        named = {t.id for t in understood.topics if t.id in self.shape.directions}
        if len(named) > 1 and EACH_ONE.search(text):
            return len(named)
        directions = {
            t.id
            for t in understood.topics
            if t.id in named
            and any(ONE_PROJECT.match(text, m.end()) for m in re.finditer(re.escape(t.word), text))
        }
        return len(directions)

    @staticmethod
    def _each_of_the_projects(understood: Understanding, figures: list[Figure]) -> list[Figure]:
        """两个上云项目，省里各给了400万: one amount said for each of a number of projects is
        that amount once for each (worked out one by one, then added up)."""
        count = PROJECT_COUNT.search(understood.simplified)
        if len(figures) != 1 or count is None:
            return figures
        before = understood.simplified[max(0, figures[0].start - EACH_BEFORE) : figures[0].start]
        if "各" not in before:
            return figures
        return figures * int(count.group(1))

    def _states_amounts(self, entry: Entry) -> bool:
        """A direction's amount rule, or the section's summary of them (not its other rules:
        事后奖补 is said beside the worked figures)."""
        in_section = entry.clause.startswith(self.shape.amount_section)
        return entry.clause in self.shape.funding_clauses or (in_section and entry.id in self.shape.summaries)

    def _amount_entry(self, understood: Understanding, figures: list[Figure]) -> Entry | None:
        directions = self.shape.directions_for(understood, [])
        clause = directions[0].funding.clause if directions else self.shape.amount_section
        return self.shape.entry_for_clause.get(clause) or self.shape.entry_for_clause.get(
            self.shape.amount_section
        )

    def _answers_an_amount(self, parts: list[Entry]) -> bool:
        """One of the parts is an entry of the amounts' section (三、支持方式)."""
        return any(e.clause.startswith(self.shape.amount_section) for e in parts)

    def _foreign_amounts(
        self, understood: Understanding, computed: str, parts: list[Entry], lang: Lang
    ) -> str:
        """港币600万能补多少: amounts in another currency are not worked out as yuan; the user is
        asked to convert them, and the rule follows. Nothing when yuan figures were worked out."""
        if computed or not understood.foreign_figures or not self._answers_an_amount(parts):
            return ""
        if "calc_foreign_currency" not in self.kb.lexicon.replies:  # a pack without the reply
            return ""
        said = [foreign_amount(f, lang) for f in understood.foreign_figures]
        amounts = ("、" if lang == "zh" else ", ").join(dict.fromkeys(said))
        return reply_text(self.kb, "calc_foreign_currency", lang, amounts=amounts)

    def _base_from_award(self, understood: Understanding, parts: list[Entry], lang: Lang) -> str:
        """市级拿了40万（上云上平台），反推省级专项资金是多少: the city's amount is the only money
        said, one direction is asked of, and its base is what is asked: worked backwards."""
        claimed = [f for f in understood.figures if f.role == CLAIM and f.in_yuan]
        if len(claimed) != 1 or len(understood.figures) != 1 or not BASE_ASKED.search(understood.simplified):
            return ""
        directions = self.shape.directions_for(understood, parts)
        if len(directions) != 1:
            return ""
        return self.worker.base_from_award(directions[0], claimed[0].yuan, lang)

    def _unsaid_base(self, understood: Understanding, parts: list[Entry]) -> list[Figure]:
        """上云项目150万能补多少, 150万能配多少: one amount said without saying what money it is
        (beside none but the city's amount the user worked out), in a question of the amount, is
        taken as the base of the directions asked of (the provincial funds where only matching, 配,
        is asked); nothing when their bases differ or the message names another kind of money."""
        # (会计按20%算是44万: the city's amount the user worked out is no other money said)
        claimed = [f for f in understood.figures if f.role == CLAIM]
        if "calc_base_unsaid" not in self.kb.lexicon.replies or (understood.premise and not claimed):
            return []
        unsaid = [f for f in understood.figures if f.role is None and f.in_yuan]
        if len(unsaid) != 1 or len(understood.figures) != 1 + len(claimed):
            return []
        if self.reader.names_another_kind(understood.simplified):
            return []  # 借了300万技改贷款: the amount may well be that other money
        directions = self.shape.directions_for(understood, parts)
        named = understood.topic_ids(set(self.shape.directions))
        bases = {Worker.base_role(d) for d in directions}
        matched = self.worker.formula.said_none  # the base a city matching is on (provincial funds)
        if not named and matched and MATCHING_ASKED.search(understood.simplified):
            bases = {matched}  # 能配多少: the matching asked
        if len(bases) != 1:
            return []
        return [replace(unsaid[0], role=next(iter(bases)))]

    def _worked_from_unsaid_base(
        self, understood: Understanding, figures: list[Figure], parts: list[Entry], lang: Lang
    ) -> str:
        """The arithmetic on the base the amount was taken for, in the directions on that base,
        after a line saying which money it was taken for."""
        base = figures[0]
        asked = self.shape.directions_for(understood, parts) or self.kb.notice.directions
        directions = [d for d in asked if Worker.base_role(d) == base.role]
        worked = self.worker.work(understood, figures, directions, lang)
        if not worked:
            return ""
        base_name = reply_text(self.kb, f"base_{base.role}", lang)
        said = reply_text(
            self.kb, "calc_base_unsaid", lang, amount=money(base.yuan, lang), base_name=base_name
        )
        return said + "\n" + worked

    def _worked_figures(
        self, understood: Understanding, figures: list[Figure], parts: list[Entry], lang: Lang
    ) -> tuple[str, list[Figure]]:
        """The arithmetic for the user's own figures, or for "no base funds" ("" when the message
        gives none), and the figures it was worked on."""
        asks_amount = self._answers_an_amount(parts) or bool(understood.intents)
        limit = self.projects_limit
        at_cap = self.worker.asks_projects_at_cap(understood)
        if not figures and asks_amount and limit and limit.most_projects and at_cap:
            # 两个项目都顶格的话一共最多多少: the caps added up, not the base that reaches them; the
            # directions the message names (一家企业最多能拿多少 names none: not its parts' guess)
            directions = self.shape.directions_for(understood, [])
            return self.worker.caps_added(directions, limit.most_projects, limit.clause, lang), []
        capped = self.worker.caps_named(understood)  # 给了多少才会触到50万的上限: the cap, no base
        if (
            all(f.yuan in capped for f in figures)
            and asks_amount
            and self.worker.asks_to_reach_cap(understood)
        ):
            # 想拿满100万，省级资金至少要多少: the base that reaches the cap, worked back
            return self.worker.reach_cap(self.shape.directions_for(understood, parts), lang), []
        if not figures and asks_amount:
            taken = self._unsaid_base(understood, parts)
            if taken:
                worked = self._worked_from_unsaid_base(understood, taken, parts, lang)
                return worked, taken if worked else figures
        if not figures and not (understood.no_base_funds and asks_amount):
            return "", figures
        directions = self.shape.directions_for(understood, parts)
        if not directions:
            roles = {f.role for f in figures}
            directions = [d for d in self.kb.notice.directions if not roles or Worker.base_role(d) in roles]
        return self.worker.work(understood, figures, directions, lang), figures
