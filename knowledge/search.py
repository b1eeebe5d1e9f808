"""Question → best FAQ entry, with a confidence score and suggestions.

Lexical search in three signals, all over the same normalised tokens:
- recall: how much of the question (weighted by rarity, idf) the entry's vocabulary covers; words
  the knowledge base has never seen weigh heavily, so a question about something else scores low;
- precision: the best weighted overlap (Dice) with one of the entry's own phrasings, which
  prefers the entry whose phrasing says what the user said and nothing more;
- fuzzy: rapidfuzz similarity of the whole canonical question to the entry's phrasings, for typos
  and near-verbatim questions.
An inverted index limits the work to entries sharing a token with the question, so the cost grows
with the matching entries, not with the size of the knowledge base.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from rapidfuzz import fuzz, process

from knowledge.english_input import EnglishInput
from knowledge.figures import YEAR_COMPLETED
from knowledge.loader import KnowledgeBase
from knowledge.normalize import Normaliser, detect_language, has_cjk, is_number, simplify, word_bounds
from knowledge.schema import Entry, Lang
from knowledge.wordlist import WordList

# Weights of the signals and the thresholds, tuned on the project's own eval set.
RECALL_WEIGHT, PRECISION_WEIGHT, FUZZY_WEIGHT = 0.50, 0.30, 0.20
ANSWER_THRESHOLD = 0.36
# A close race decided by little evidence (one vague word: "多少", "材料") earns suggestions, not an
# answer. Evidence is the idf weight of the question's words the entry has: one distinctive word or
# two common ones.
MIN_EVIDENCE = 2.2
VAGUE_MARGIN = 0.08
SUGGESTION_FLOOR = 0.18
UNKNOWN_COVERAGE_LIMIT = 0.5  # reject when more than half of the question is unknown to the KB
BIGRAM_FACTOR = 0.5  # bigrams back words up; they should not outvote them
SINGLE_CHAR_FACTOR = 0.5
PROGRAMME_NAME = 4  # another programme's name this long is a known word: a homophone of it is its typo
# after a place: a person from there (香港人, 香港過嚟, 深圳调过来的), back from or travelling
# there (从台湾回来签字, 去香港出差, 要去香港一段时间, 去深圳参展), the firm's owners there
# (香港总部, 澳门资本, 台湾老板) or the habits it brings from there (我们台湾那边习惯先核定再
# 拨款), not that place's policy
PERSON_FROM = (
    r"(?!人|过来|过嚟|嚟|调过来|来的|回来|回嚟|返来|出差|总部|总公司|母公司|资本|老板|股东|那边习惯|习惯"
    r"|一段时间|一阵|几天|开会|参展|旅游|度假|探亲)"
)
# 客户主要是深圳几家大厂, 产品销往广州: where the firm sells, not that place's policy
CUSTOMERS_THERE = "".join(
    f"(?<!{w})"
    for w in (
        "客户是",
        "客户在",
        "客户都是",
        "客户主要是",
        "客户主要在",
        "客户大多是",
        "客户来自",
        "销往",
        "卖到",
        "发往",
    )
)
INTENT_FACTOR = 2.0  # the lexicon's intent words: what is asked decides between entries on one topic
INTENT_MISS_FACTOR = 0.8  # an entry none of whose phrasings names what is asked
ANSWER_TEXT_MATCH = 0.6  # a token found only in an entry's answer counts for this much
CANDIDATES_FOR_FUZZY = 12
# a Hong Kong-invested plant, a Singapore parent: words after a place's name that say the firm's
# owners are there, not that place's policy
OWNER_WORDS = r"invested|funded|owned|capital|parent|hq|headquarters|shareholders?|owners?|management"
# Malaysian-owned: the same said of an outside word, a country's name or its adjective
OWNED_FROM = re.compile(rf"(?:n|an|ese|ish)?[- ](?:{OWNER_WORDS}|investors?)\b")
PLACE_POLICY_WINDOW = 14  # characters after a place's name in which its own policy is named
# 财务是台湾派来的、香港嗰边话系五月: people sent from there or speaking from there, not its policy
PEOPLE_FROM_THERE = re.compile(r"派来|派过来|(?:的|嘅)?同事|嗰边话|那边说")
# 深圳那边的工业互联网上云补贴标准: that side's own, however long the words before its policy word
# (the canonical text has lost its commas: not past the notice's own city, nor of people there who
# ask: 深圳那边的同事问…)
THAT_SIDE = re.compile(r"(?:那边|那里|那儿|嗰边|嗰度)")
THAT_SIDE_WINDOW = 24
PLACE_PAYS = r"(?:pays|paid|offers|gives|grants|subsidi[sz]es|funds|provides|tops up)\b"
PEOPLE_THERE_ASK = re.compile(r"问|说|想知道|同事|的人|朋友|老板|领导|客户")
# 澳门政府对澳资企业有什么扶持: that place's own government, whose support is its own
THEIR_GOVERNMENT = re.compile(r"(?:特区)?政府|当局|(?:sar)?government")  # matched in the bare text
# 香港总部问的, 深圳的同事想问: people of the firm there who ask (the canonical form drops them)
ASKERS_THERE = re.compile(
    r"(?:的|嘅)?(?:总部|总公司|母公司|集团|同事|老板|领导|财务|会计|客户)[^，,。？?：:]{0,6}?问"
)
# our GM in Macau is asking: someone of the firm there relays the question, not that place's policy
ASKER_IN_EN = re.compile(
    r"\b(?:our|my)\s+(?:[a-z]+\s+){0,2}?(?:gm|general manager|boss|manager|director|ceo|cfo|md|chairman"
    r"|owner|hq|headquarters|head office|parent(?: company)?|colleagues?|team)\s+(?:in|at|from)\s+$"
)
ASKING_EN = re.compile(r"\s*(?:office\s+)?(?:is|are)?\s*(?:asking|asks|asked|wants to know|wondering)\b")
# 我哋喺香港印好再寄上去, 我们在深圳打印了寄过去: where the asker prints, stamps or posts the papers
WE_AT = re.compile(r"(?:我们|我哋|我地|我)(?:在|喺|于)$")
PAPERWORK_DONE = re.compile(r"(?:那边|嗰边|这边)?(?:打印|印好|印|复印|装订|盖章|签字|寄|快递|准备好|做好)")
YEAR_SAID = re.compile(r"^(?:市)?\s*\d{4}\s*年(?:度)?(?:的)?")
# 好的，谢谢你哈: an acknowledgement before and a particle after leave the thanks as it is
ACKNOWLEDGEMENTS = re.compile(r"^(?:好的|好吧|好|嗯嗯|嗯|哦|ok|okay)+")
PARTICLES = re.compile(r"[哈啊呀啦哦嘛喔噢哟]+$")
# the asking firm named by its trade and county: a clause that begins with it (武江印刷厂：…,
# 乐昌陶瓷厂的上云项目…) or says it is ours (我们是一家做铝型材的企业); not 中小企业, 外资企业
SELF_NAMED = re.compile(
    r"(?:^|\s)[\u4e00-\u9fff]{1,4}?厂|(?:我们是|我们|我司是|我司|一家)[\u4e00-\u9fff]{1,5}?(?:厂|企业|集团)"
    # 我司系曲江区国有控股装备制造企业: a formal letter's self-introduction, longer
    r"|(?:我司系|我司为|本公司系|本公司为|本企业系|本企业为)[\u4e00-\u9fff]{1,14}?(?:厂|企业|集团|公司)"
)
# our Korean parent, my boss, the client's HQ: who relays the question, not what it asks
SELF_NAMED_EN = re.compile(
    r"(?:^|\b(?:our|my|the client's|the customer's)\s+)(?:[a-z-]+\s+){0,2}?"
    r"(?:parent(?:\s+co(?:mpany)?)?|hq|headquarters|head office|boss|manager|director|cfo)(?:\s+finance)?\b"
    r"|\b(?:hq|headquarters)\b"
    # 老板 asks if …: the one who asks, named in Chinese in an English message
    r"|(?:老板|老细|老总|领导|经理|财务|会计)(?=\s*(?:asks?|asked|wants?|says?|said|wonders?)\b)"
    # we're a small ceramics workshop: the firm that asks, described (as 我们是陶瓷厂)
    r"|\bwe(?: are| re)? (?:a|an) (?:[a-z-]+ ){0,4}?"
    r"(?:workshop|factory|plant|mill|company|firm|maker|manufacturer|producer|supplier|business|enterprise|sme)\b"
)
LETTERS_APART = re.compile(r"(?<=[a-z]) (?=[a-z])")
LETTERS_HYPHENED = re.compile(r"(?<=[a-z])-(?=[a-z])")
# 3.2m (its token 2m), 80w, 500k: an amount written with its unit
AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:m|k|w|wan)")
RATE = re.compile(r"\d+(?:\.\d+)?%")  # 20%: a rate offered, how much
# 六月底, 7月初, 上旬, 年底, aug: when something happened, said as a date (like a figure, no unknown word)
DATE_SAID = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:份|初|底|末|中旬|上旬|下旬|中)?|[上中下]旬|年[初底末中]"
    r"|\b(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
    # the 7th of July, today, tomorrow: the day the user says it is, or one counted from it
    r"|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:today|tomorrow|yesterday|tonight)\b"
    r"|(?:国庆|中秋|端午|清明|元宵|重阳|劳动)节?|春节|元旦|五一"  # 国庆节前能交吗: a holiday says when
)
# 我哋陶瓷商会有几个会员想问: the asker's own body relaying its members' question, no question about it
OWN_BODY_BEFORE = re.compile(r"(?:我们|我哋|我司|本|咱们)[\u4e00-\u9fff]{0,4}$")
RELAYED_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:想问|想了解|想知道|托我问|让我问|叫我问|要我问|委托我问)"
)
# 2019, 2021: a year said alone; one no later than the notice's tells when, a later one asks of
# another round
YEAR_ALONE = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.万千亿wkm])")
# 2026年先看到这份文: the year the reader came upon the notice, no round of that year
YEAR_SEEN = re.compile(r"(?:才|先|刚|刚刚|到|以后)?(?:看到|见到|发现|翻到|收到|接到|读到|看见)")
# 到现在2026年过5年了吧: the present year, counted from a past one, no round of that year
YEAR_NOW = re.compile(r"(?:到现在|现在|如今|而家|今年)(?:是|已经是)?$")
YEARS_PASSED = re.compile(r"(?:了|已经|都|也)?(?:过了|过|满|超过|够)")
YEAR_LOOKBACK = 30  # characters before a year in which what the year tells is looked for
# will finish in early 2027, went live in 2025 (the text bare): when a project ends, no round of that year
YEAR_FINISHED_IN = re.compile(
    r"(?:finish|finishes|finished|complete|completes|completed|completion|golive|goeslive|wentlive)"
    r"(?:in|by|around)(?:early|mid|late|theendof|endof)?$"
)
# 我想推算下2027年…: a later year the user works out from the notice's dates, not asked of it
YEAR_WORKED_OUT_BY_USER = re.compile(r"(?:我|我们)?(?:想|要|好)(?:自己)?(?:推算|估算|推测)(?:一?下)?$")
# 2027如果有类似的: a later round supposed, asked of by this notice's rules
YEAR_SUPPOSED = re.compile(r"年?的?(?:如果|假如|要是|若)(?:再)?(?:有|出|搞)(?:类似|同样|一样|同类)")
SHORT_ENGLISH = 3  # an English outside word this short (sla, vpn) is a whole word: not slag, not vpnx
PLURAL_END = re.compile(r"e?s(?![a-z])")
# what may follow an English outside word within its own word: an ending (taxable, dividends,
# recruitment, expatriate), not another word joined to it (stock in stockyard)
WORD_ENDING = re.compile(r"(?:e?s|e?d|ing|able|ment|al|n|ry|riate|ers?|(?:at)?ions?|ly|ies|y)?(?![a-z])")
MAX_QUESTION_CHARS = 500  # longer input is cut: nobody's question is a page long


class Kind(StrEnum):
    ANSWER = "answer"
    UNSURE = "unsure"
    OUTSIDE = "outside"
    GREETING = "greeting"
    THANKS = "thanks"
    EMPTY = "empty"


class Match(NamedTuple):
    """An entry and how well the question matches it (a pair made for each candidate, so light)."""

    entry: Entry
    score: float


@dataclass(frozen=True)
class SearchResult:
    kind: Kind
    lang: Lang
    score: float = 0.0
    entry: Entry | None = None
    suggestions: list[Match] = field(default_factory=list)


@dataclass
class _Phrasing:
    entry_index: int
    canonical: str
    tokens: frozenset[str]
    weight: float = 0.0  # sum of its tokens' weights, set once idf is known


class SearchIndex:
    """Built once from the knowledge base; `search` is read-only and safe to share."""

    def __init__(self, kb: KnowledgeBase) -> None:
        lexicon = kb.lexicon
        self.kb = kb
        self.normaliser = Normaliser(lexicon.synonyms, lexicon.stopwords, lexicon.phrase_patterns)
        # places are whole words too: 清远工信局 is no typo of 清员工 (员工 a known word); other
        # programmes' long names are known words, so that a typo of one (架计扣除) is still its name
        names = [w for w in lexicon.other_programmes if len(w) >= PROGRAMME_NAME]
        self.normaliser.learn(
            self._vocabulary_texts(kb),
            [*lexicon.out_of_scope, *lexicon.other_places, *lexicon.other_programmes],
            names,
            lexicon.pinyin_initials,
        )
        self.english_input = EnglishInput(lexicon.mixed_english)
        self.entries: list[Entry] = list(kb.faq.entries)
        self._entry_index = {e.id: i for i, e in enumerate(self.entries)}
        self._intent = {
            t
            for word in lexicon.intent_words
            for t in self.normaliser.tokens(word, correct=False)
            if t[0] != "~"
        }
        self._phrasings: list[_Phrasing] = []
        self._by_entry: list[list[int]] = [[] for _ in self.entries]
        postings: dict[str, dict[int, float]] = defaultdict(dict)

        for index, entry in enumerate(self.entries):
            for text in self._phrasing_texts(entry, lexicon.topics):
                canonical = self.normaliser.canonical(text, correct=False)
                tokens = frozenset(self.normaliser.tokens_of_canonical(canonical))
                if not tokens:
                    continue
                self._by_entry[index].append(len(self._phrasings))
                self._phrasings.append(_Phrasing(index, canonical, tokens))
                for token in tokens:
                    postings[token][index] = 1.0
            for text in (entry.answer.zh, entry.answer.en):
                for token in self.normaliser.tokens(text, correct=False):
                    postings[token].setdefault(index, ANSWER_TEXT_MATCH)

        self._postings = dict(postings)
        # each token's phrasings, by entry: a question's overlap with the candidates' phrasings is
        # summed token by token (only the candidates', however large the knowledge base)
        phrasings_with: dict[str, dict[int, list[int]]] = defaultdict(dict)
        for phrasing_index, phrasing in enumerate(self._phrasings):
            for token in phrasing.tokens:
                phrasings_with[token].setdefault(phrasing.entry_index, []).append(phrasing_index)
        self._phrasings_with = dict(phrasings_with)
        self._canonicals = [[self._phrasings[i].canonical for i in by] for by in self._by_entry]
        n = len(self.entries)
        self._idf = {t: math.log(1 + n / len(p)) for t, p in postings.items()}
        # a word the KB never uses weighs like a rare one (in two entries): a question mostly made
        # of such words is about something else
        self._unknown_idf = math.log(1 + n / 2)
        for phrasing in self._phrasings:
            phrasing.weight = sum(self._weight(t) for t in sorted(phrasing.tokens))
        # each outside word as searched (bare) and how many words it is made of (iphone: one)
        outside = [_hyphens_apart(self.normaliser.canonical(w)) for w in lexicon.out_of_scope]
        self._out_of_scope = WordList((c.replace(" ", ""), None) for c in outside)
        self._out_of_scope_breaks: dict[str, int] = {}
        for c in outside:  # wi-fi and wifi: the word may be said apart as often as any spelling says it
            bare = c.replace(" ", "")
            self._out_of_scope_breaks[bare] = max(self._out_of_scope_breaks.get(bare, 0), _word_breaks(c))
        self._relay_words = tuple(self._bare(w) for w in lexicon.relay_words if w)
        self._other_places = [self.normaliser.canonical(w) for w in lexicon.other_places]
        self._cjk_places = [
            (p, re.compile(CUSTOMERS_THERE + re.escape(p) + PERSON_FROM))
            for p in self._other_places
            if p and not p.isascii()
        ]
        latin = [re.escape(p) for p in self._other_places if p and p.isascii()]
        # a Hong Kong-invested plant, our Taiwan GM, our vendor in Suzhou: where its investors, its
        # people or its suppliers are from, not that place's policy
        people = (
            "investor|gm|boss|director|manager|ceo|chairman|colleague|staff|engineer|board|office|sister|team"
        )
        investors = rf"(?![- ](?:{OWNER_WORDS}|{people})\b)"
        # (our lawyer in Guangzhou, a consultancy from Guangzhou: who helps us, not that place's policy)
        helpers = (
            *("vendor", "supplier", "customer", "client"),
            *("lawyer", "consultant", "consultancy", "auditor"),
        )
        suppliers = "".join(f"(?<!{w} {by} )" for w in helpers for by in ("in", "from"))
        self._latin_places = (
            re.compile(suppliers + r"\b(?:" + "|".join(latin) + r")\b" + investors) if latin else None
        )
        self._place_policy = [self._bare(w) for w in lexicon.place_policy_words]
        # the policy words as one alternation each, English and Chinese, built once
        self._policy_en = "|".join(re.escape(w) for w in self._place_policy if w and w.isascii())
        self._policy_zh = "|".join(re.escape(w) for w in self._place_policy if w and not w.isascii())
        self._place_programme = [self._bare(w) for w in lexicon.place_programme_words]
        self._applicant_words = self._said_by([w for w in lexicon.applicant_from_elsewhere if w])
        self._project_place = self._said_by([w for w in lexicon.project_place_words if w])
        # 仁化县 and its English name's own word (renhua): a county of the notice, said in either language
        self._home_places = [j.name.zh for j in kb.notice.jurisdictions]
        self._home_places += [j.name.en.split()[0].lower() for j in kb.notice.jurisdictions if j.name.en]
        self._notice_year = kb.notice.notice.date.year
        self._city_words = [self._bare(w) for w in lexicon.city_matching_words]
        self._home_words = [self._bare(w) for w in lexicon.home_words if w]
        # 你好，在吗？想咨询一下, 哈哈好的, ok 收到 thx: greetings, or thanks and acknowledgements,
        # said one after another are still only that
        self._greetings = _run_of({self._bare(w) for w in lexicon.greetings})
        acknowledgement = ACKNOWLEDGEMENTS.pattern.removeprefix("^")
        self._thanks = _run_of({self._bare(w) for w in lexicon.thanks}, acknowledgement)

    @classmethod
    def _vocabulary_texts(cls, kb: KnowledgeBase) -> list[str]:
        """Every text whose words count as known (and so are never 'corrected')."""
        lexicon = kb.lexicon
        texts = [*lexicon.out_of_scope, *lexicon.greetings, *lexicon.thanks]
        for entry in kb.faq.entries:
            texts += [*cls._phrasing_texts(entry, lexicon.topics), entry.answer.zh]
        return texts

    @staticmethod
    def _phrasing_texts(entry: Entry, topics: dict[str, list[str]]) -> list[str]:
        return [
            *entry.questions.zh,
            *entry.questions.en,
            entry.title.zh,
            entry.title.en,
            " ".join(entry.keywords.zh),
            " ".join(entry.keywords.en),
            # a topic named after the entry (子公司, 分公司, 总部 …): its words are the entry's too
            " ".join(topics.get(entry.id, [])),
        ]

    def _said_by(self, words: list[str]) -> re.Pattern[str]:
        """Any of these words in a canonical text: English ones from a word's start (HQ is not
        the hq of "with qingyuan"; apply is in applying), Chinese ones anywhere, spaces between
        the words allowed."""
        forms = [self.normaliser.canonical(w).strip() for w in words]
        parts = [
            rf"\b{re.escape(f)}" if f.isascii() else r"\s*".join(map(re.escape, f.replace(" ", "")))
            for f in forms
            if f
        ]
        return re.compile("|".join(sorted(parts, key=len, reverse=True)) or r"(?!)")

    def _firm_from_there(self, question: str, canonical: str, places: list[str]) -> bool:
        """A place named of a firm from there (港资企业, 香港总部问的): this notice's conditions."""
        return bool(self._applicant_words.search(canonical) or self._asker_there(question, places))

    def _bare(self, text: str) -> str:
        return self.normaliser.canonical(text).replace(" ", "")

    def _weight(self, token: str) -> float:
        idf = self._idf.get(token, self._unknown_idf)
        if token.startswith("~"):
            return idf * BIGRAM_FACTOR
        if token in self._intent:
            return idf * INTENT_FACTOR
        # a lone Chinese character is ambiguous (出, 报, 补 …): it is evidence, not a topic
        return idf * SINGLE_CHAR_FACTOR if len(token) == 1 and has_cjk(token) else idf

    def search(self, question: str, lang: Lang | None = None, *, lenient: bool = False) -> SearchResult:
        """The best entry for a question, or why there is none; `lang` None means the question's.
        `lenient`: words the knowledge base does not know do not make the question outside (a
        statement offered for confirmation says its own figures in its own words)."""
        question = question[:MAX_QUESTION_CHARS]
        answer_lang: Lang = lang or ("en" if detect_language(question) == "en" else "zh")
        canonical = self.normaliser.canonical(question)
        bare = canonical.replace(" ", "")
        if not bare:
            return SearchResult(Kind.EMPTY, answer_lang)
        small_talk = self._small_talk(bare)
        if small_talk is not None:
            return SearchResult(small_talk, answer_lang)
        if self._outside_in(canonical):
            return SearchResult(Kind.OUTSIDE, answer_lang)
        places = self._places(canonical)
        if places:
            # a firm from there or a project put there (部署在广州的标杆项目): this notice's conditions
            project_there = self._project_place.search(canonical)
            if not (project_there or self._firm_from_there(question, canonical, places)):
                return SearchResult(Kind.OUTSIDE, answer_lang)
            for place in places:  # "a firm from <place>": the place itself is not what is asked
                canonical = canonical.replace(place, " ")

        # in the order said, not a set's: sums and ties must not depend on the hash seed
        tokens = list(dict.fromkeys(self.normaliser.tokens_of_canonical(canonical)))
        words = {t: self._weight(t) for t in tokens if not t.startswith("~")}
        # a number says how much, not what about: 百分之二十 and 21 are no unknown words; nor are
        # the user's own trade and county (武江印刷厂), who relays the question (our Korean parent)
        # or a date (六月底): they tell who asks and when, not what
        told = self._who_asks(canonical) + [m.group().strip() for m in DATE_SAID.finditer(canonical)]
        told += [y for y in YEAR_ALONE.findall(canonical) if int(y) <= self._notice_year]
        unknown = sum(
            w
            for t, w in words.items()
            if t not in self._postings and not _says_how_much(t) and not any(t in span for span in told)
        )
        if not words or (not lenient and unknown / sum(words.values()) > UNKNOWN_COVERAGE_LIMIT):
            return SearchResult(Kind.OUTSIDE, answer_lang)
        # bigrams the KB has never seen only say the user's words are in another order: ignore them
        weights = {t: self._weight(t) for t in tokens if t in self._postings or not t.startswith("~")}
        total = sum(weights.values())

        ranked = self._rank(canonical, weights, total)
        if not ranked:
            return SearchResult(Kind.OUTSIDE, answer_lang)
        best = ranked[0]
        others = [m for m in ranked[1:4] if m.score >= SUGGESTION_FLOOR]
        clear_winner = not others or best.score - others[0].score >= VAGUE_MARGIN
        if best.score >= ANSWER_THRESHOLD and (
            clear_winner or self._evidence(best.entry, words) >= MIN_EVIDENCE
        ):
            return SearchResult(Kind.ANSWER, answer_lang, best.score, best.entry, others)
        if best.score >= SUGGESTION_FLOOR:
            return SearchResult(Kind.UNSURE, answer_lang, best.score, None, [m for m in ranked[:3]])
        return SearchResult(Kind.OUTSIDE, answer_lang, best.score)

    def small_talk(self, text: str) -> Kind | None:
        """GREETING or THANKS when the text is only that (好的，谢谢你哈), else None; no search."""
        return self._small_talk(self._bare(text[:MAX_QUESTION_CHARS]))

    def _small_talk(self, bare: str) -> Kind | None:
        loose = small_talk_form(bare)
        if self._greetings.fullmatch(bare) or self._greetings.fullmatch(loose):
            return Kind.GREETING
        if self._thanks.fullmatch(bare) or self._thanks.fullmatch(loose):
            return Kind.THANKS
        return None

    @staticmethod
    def _asker_there(question: str, places: list[str]) -> bool:
        """香港总部问的: a firm's people there ask; 我哋喺香港印好再寄上去: the asker does the
        paperwork there. The canonical form drops who asks, not where."""
        simplified = simplify(question[:MAX_QUESTION_CHARS])
        return any(
            ASKERS_THERE.match(simplified, found.end())
            or (ASKER_IN_EN.search(simplified[: found.start()]) and ASKING_EN.match(simplified, found.end()))
            or (WE_AT.search(simplified[: found.start()]) and PAPERWORK_DONE.match(simplified, found.end()))
            for place in places
            for found in re.finditer(re.escape(place.replace(" ", "")), simplified)
        )

    def elsewhere(self, question: str) -> bool:
        """True when the question names another city or province and does not ask whether a firm
        from there may apply here."""
        canonical = self.normaliser.canonical(question[:MAX_QUESTION_CHARS])
        places = self._places(canonical)
        if not places:
            return False
        if self._places_own_support(question, canonical, places):
            return True
        if self._firm_from_there(question, canonical, places):
            return False  # a firm from there: this notice's conditions
        if not self._project_place.search(canonical):
            return True
        # a project put there (部署在广州的标杆项目能拿市里补贴吗) is this notice's condition, unless
        # that place's own support is asked (在深圳实施的项目有什么补贴政策)
        bare = canonical.replace(" ", "")
        first = min(bare.find(p.replace(" ", "")) for p in places)
        said = bare if canonical.isascii() else bare[first:]
        city = any(word and word in bare for word in self._city_words)
        return not city and any(word and word in said for word in self._place_policy)

    def names_another_place(self, text: str) -> bool:
        """东莞, Shenzhen: the text names another city or province, whatever it says of it."""
        return bool(self._places(self.normaliser.canonical(text[:MAX_QUESTION_CHARS])))

    def names_a_places_own_support(self, text: str) -> bool:
        """深圳有些是立项就先拨一部分的, the Shenzhen subsidy: another place named with a support or
        policy of its own (not 我在东莞开厂十几年: where the firm is)."""
        canonical = self.normaliser.canonical(text[:MAX_QUESTION_CHARS])
        places = self._places(canonical)
        return bool(places) and self._places_own_support(text, canonical, places)

    def _places_own_support(self, question: str, canonical: str, places: list[str]) -> bool:
        bare = canonical.replace(" ", "")
        for place in places:  # 深圳市的补贴标准: that place's own policy, whoever asks
            name = place.replace(" ", "")
            for at in [m.start() for m in re.finditer(re.escape(name), bare)]:
                if PEOPLE_FROM_THERE.match(bare, at + len(name)):
                    continue
                if THEIR_GOVERNMENT.match(bare, at + len(name)):
                    return True
                if self._that_sides_policy(bare, at + len(name)):
                    return True
                after = self._before_home(bare[at : at + len(name) + PLACE_POLICY_WINDOW], len(name))
                if any(word and word in after for word in self._place_policy):
                    return True
                # 清远市今年的项目…, 东莞某年的…项目: that place's own round
                own = YEAR_SAID.sub("", after[len(name) :], count=1)
                if any(word and own.startswith(word) for word in self._place_programme):
                    return True
        if any(self._names_its_policy(canonical, place) for place in places if place.isascii()):
            return True  # the Shenzhen industrial internet subsidy: that place's own, whoever asks
        # 广州黄埔区对工业互联网平台有百分之三十的补助: that place's own
        return any(self._has_its_support(question, place) for place in places if not place.isascii())

    def _that_sides_policy(self, bare: str, end: int) -> bool:
        """深圳那边的工业互联网上云补贴标准是多少: 那边 just after the place, then its policy."""
        side = THAT_SIDE.match(bare, end)
        if side is None:
            return False
        after = self._before_home(bare[side.end() : side.end() + THAT_SIDE_WINDOW], 0)
        policy = min((at for w in self._place_policy if w and (at := after.find(w)) >= 0), default=-1)
        return policy >= 0 and not PEOPLE_THERE_ASK.search(after, 0, policy)

    def _names_its_policy(self, canonical: str, place: str) -> bool:
        """the Shenzhen (industrial internet) subsidy: an English place's name said of a policy,
        not of a firm (we are from Shenzhen, can we get the subsidy)."""
        words = self._policy_en
        # the Shenzhen subsidy; Zhuhai's industrial internet scheme (its possessive, canonical "zhuhai s")
        named = rf"(?:\b(?:the|a|an|its|their)\s+{re.escape(place)}(?:'s)?|\b{re.escape(place)}(?:'s|\s+s))"
        pattern = rf"{named}\s+(?:[a-z]+\s+){{0,3}}(?:{words})\b"
        if bool(words) and re.search(pattern, canonical) is not None:
            return True
        # Guangzhou pays 30% for cloud projects: what that place itself pays
        return re.search(rf"\b{re.escape(place)}\s+{PLACE_PAYS}", canonical) is not None

    def _has_its_support(self, question: str, place: str) -> bool:
        """广州黄埔区对平台项目有三成的补助: a place said, in one clause, to have a support of its
        own, however long what it supports is (not 我们在广州有工厂, nor 广州的企业有韶关的补贴吗)."""
        words = self._policy_zh
        if not words:
            return False
        for said_clause in re.split(r"[，,。.!！?？;；:：\s]+", simplify(question[:MAX_QUESTION_CHARS])):
            clause = self._bare(said_clause)  # canonical: 补助 is the policy word 奖补
            at = clause.find(place)
            said = clause[at + len(place) :] if at >= 0 else ""
            has_support = re.search(rf"^[^有]{{0,12}}有[^有]{{0,16}}?(?:{words})", said) is not None
            if has_support and not any(word and word in said for word in self._home_words):
                return True
        return False

    def _before_home(self, after: str, start: int) -> str:
        """总部在上海，我们要知道韶关这个政策: what follows the place up to the notice's own city,
        whose policy a word after it names."""
        ends = [at for w in self._home_words if (at := after.find(w, start)) >= 0]
        return after[: min(ends)] if ends else after

    def _who_asks(self, canonical: str) -> list[str]:
        """The spans that name the asking firm (陶瓷厂, 武江印刷厂) or a county of the notice."""
        spans = [m.group().strip() for m in SELF_NAMED.finditer(canonical)]
        spans += [m.group() for m in SELF_NAMED_EN.finditer(canonical)]
        return spans + self._home_places  # 武江 of 武江区 (a word of a county's name, said anywhere)

    def places_named(self, text: str) -> list[str]:
        """Other cities and provinces the text names, as the index spells them."""
        return self._places(self.normaliser.canonical(text[:MAX_QUESTION_CHARS]))

    def _places(self, canonical: str) -> list[str]:
        """Other cities and provinces named in the text (Latin names as whole words only)."""
        # 老板是香港人, 我係香港過嚟嘅: a person's origin, not that place's policy
        found = [p for p, named in self._cjk_places if p in canonical and named.search(canonical)]
        if found:  # 年底前建成都可以吧: 建成 is the word, no 成都 in it
            starts = self.normaliser.word_starts(canonical)
            found = [
                p for p in found if any(m.start() in starts for m in re.finditer(re.escape(p), canonical))
            ]
        if self._latin_places is not None:
            found += self._latin_places.findall(canonical)
        return found

    def known_words(self, question: str) -> list[str]:
        """The question's words (not bigrams) that the knowledge base uses."""
        tokens = self.normaliser.tokens(question[:MAX_QUESTION_CHARS])
        return [t for t in tokens if not t.startswith("~") and t in self._postings]

    def knows(self, token: str) -> bool:
        """Whether the knowledge base uses this token (a word as `tokens` gives it)."""
        return token in self._postings

    def outside_words(self, question: str) -> list[str]:
        """The lexicon's out-of-scope words that occur in the question; a Chinese one only where it
        begins or ends with a word of the question (上市 is not in 报上市里: 报上 / 市里)."""
        return self._outside_in(self.normaliser.canonical(question[:MAX_QUESTION_CHARS]))

    def _outside_in(self, canonical: str) -> list[str]:
        canonical = _hyphens_apart(canonical)
        bare = canonical.replace(" ", "")
        found = [word for word, _ in self._out_of_scope.present(bare)]
        if not found:
            return found
        bounds = word_bounds(bare)
        # where each character of the bare text stands in the spaced one
        spaced_at = [i for i, char in enumerate(canonical) if char != " "]

        def counts(match: re.Match[str]) -> bool:
            # "our consultant says …": the one who said it, not what is asked about
            if bare.startswith(self._relay_words, match.end()):
                return False
            if OWN_BODY_BEFORE.search(bare, 0, match.start()) and RELAYED_AFTER.match(bare, match.end()):
                return False
            if YEAR_ALONE.match(match.group()) and self._year_not_its_round(bare, match):
                return False
            if match.group().isascii():  # an English word begins a word: not nba in shenbao
                at, end = spaced_at[match.start()], spaced_at[match.end() - 1] + 1
                if OWNED_FROM.match(canonical, end):  # a Malaysian-owned plant: where its owners are from
                    return False
                # and is not made of several words said apart: not iphone in "who can i phone"
                if _word_breaks(canonical[at:end]) > self._out_of_scope_breaks.get(match.group(), 0):
                    return False
                if len(match.group()) <= SHORT_ENGLISH and not _ends_a_word(canonical, end):
                    return False
                if not WORD_ENDING.match(canonical, end):
                    return False
                return at == 0 or not canonical[at - 1].isascii() or not canonical[at - 1].isalpha()
            return match.start() in bounds or match.end() in bounds

        return [word for word in found if any(counts(m) for m in re.finditer(re.escape(word), bare))]

    def _year_not_its_round(self, bare: str, match: re.Match[str]) -> bool:
        """Another year said, but no round of that year asked of: the notice's own year said beside
        it, when a project finishes or the notice was read, a year the user works out or a round
        only supposed."""
        start, end = match.start(), match.end()
        after = end + bare.startswith("年", end)  # 2025年完成的: the year a project was finished
        return bool(
            # 2022还是2023 (a choice offered), 2027年想做，参考2022年的 (a later plan measured against
            # the notice's own round): the notice's year is what is asked of
            str(self._notice_year) in YEAR_ALONE.findall(bare)
            or YEAR_COMPLETED.match(bare, after)
            or YEAR_FINISHED_IN.search(bare, max(0, start - YEAR_LOOKBACK), start)
            or YEAR_WORKED_OUT_BY_USER.search(bare, max(0, start - YEAR_LOOKBACK), start)
            or YEAR_SUPPOSED.match(bare, end)
            or YEAR_SEEN.match(bare, after)
            or (YEAR_NOW.search(bare, 0, start) and YEARS_PASSED.match(bare, after))
        )

    def _evidence(self, entry: Entry, words: dict[str, float]) -> float:
        """How much the question says that this entry matches: one vague word ("多少", "材料")
        fits many entries equally, so it earns suggestions rather than an answer."""
        postings = self._postings
        index = self._entry_index[entry.id]
        return sum(w * postings[t].get(index, 0.0) for t, w in words.items() if t in postings)

    def _rank(self, canonical: str, weights: dict[str, float], total: float) -> list[Match]:
        recall: dict[int, float] = defaultdict(float)
        for token, weight in weights.items():
            for index, match in self._postings.get(token, {}).items():
                recall[index] += weight * match
        if not recall:
            return []
        # ties go to the entry listed first, whatever order the tokens were summed in
        candidates = sorted(recall, key=lambda index: (-recall[index], index))[:CANDIDATES_FOR_FUZZY]
        asked = [t for t in weights if t in self._intent]
        precision = self._best_precision(self._shared_weights(weights, candidates), total)
        fuzzy = self._closest_phrasing(canonical, candidates)
        scored = []
        for index in candidates:
            score = (
                RECALL_WEIGHT * recall[index] / total
                + PRECISION_WEIGHT * precision.get(index, 0.0)
                + FUZZY_WEIGHT * fuzzy[index]
            )
            if asked and not any(self._postings[t].get(index) == 1.0 for t in asked if t in self._postings):
                score *= INTENT_MISS_FACTOR  # none of its phrasings speaks of what is asked
            scored.append(Match(self.entries[index], round(score, 4)))
        scored.sort(key=lambda m: m.score, reverse=True)
        return scored

    def _shared_weights(self, weights: dict[str, float], candidates: list[int]) -> dict[int, float]:
        """For each candidate's phrasing sharing a token with the question, the weight shared."""
        shared: dict[int, float] = defaultdict(float)
        wanted = set(candidates)
        for token, weight in weights.items():
            by_entry = self._phrasings_with.get(token)
            if by_entry is None:
                continue
            # each phrasing is one entry's, so its sum still adds the tokens in the question's order
            for index in by_entry.keys() & wanted:
                for phrasing_index in by_entry[index]:
                    shared[phrasing_index] += weight
        return shared

    def _best_precision(self, shared: dict[int, float], total: float) -> dict[int, float]:
        """For each candidate, its best phrasing's overlap with the question (Dice's coefficient)."""
        best: dict[int, float] = {}
        phrasings = self._phrasings
        for phrasing_index, weight in shared.items():
            phrasing = phrasings[phrasing_index]
            precision = 2 * weight / (total + phrasing.weight)
            if precision > best.get(phrasing.entry_index, 0.0):
                best[phrasing.entry_index] = precision
        return best

    def _closest_phrasing(self, canonical: str, candidates: list[int]) -> dict[int, float]:
        """For each candidate, how close its closest phrasing is (0–1), compared in rapidfuzz's own
        loop (one call a candidate: extractOne skips what cannot beat the best so far)."""
        closest: dict[int, float] = {}
        for index in candidates:
            best = process.extractOne(canonical, self._canonicals[index], scorer=fuzz.ratio)
            closest[index] = best[1] / 100 if best else 0.0
        return closest


def _ends_a_word(text: str, end: int) -> bool:
    """Whether an English word ending at `end` ends there, or with a plural ending (vpns, taxes)."""
    if end == len(text) or not (text[end].isascii() and text[end].isalpha()):
        return True
    return PLURAL_END.match(text, end) is not None


def _hyphens_apart(canonical: str) -> str:
    """super-deduction is super deduction: a hyphen between letters joins two words."""
    return LETTERS_HYPHENED.sub(" ", canonical)


def _word_breaks(text: str) -> int:
    """Spaces between two letters: where one word ends and another begins (iso 9001 is one)."""
    return len(LETTERS_APART.findall(text))


def _says_how_much(token: str) -> bool:
    """A number (21, 百分之二十), a rate (20%) or an amount with its unit (80w): how much, not
    what about."""
    return is_number(token) or AMOUNT.fullmatch(token) is not None or RATE.fullmatch(token) is not None


def _run_of(words: set[str], *patterns: str) -> re.Pattern[str]:
    """Any of the words (or patterns), one after another: fullmatch it to mean nothing else."""
    alternatives = [re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)) if w] + list(patterns)
    return re.compile("(?:" + "|".join(alternatives) + ")+")


def small_talk_form(bare: str) -> str:
    """The message without an acknowledgement before it and particles after it."""
    return PARTICLES.sub("", ACKNOWLEDGEMENTS.sub("", bare)) or bare
