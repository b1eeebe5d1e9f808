"""Whether a message that tells a story is about the notice: a statement offered for
confirmation in the user's own words, or questions made of everyday asking words that ask about
what the story names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from conversations.understanding import (
    BODY_NAME,
    CLAUSE_PAUSE,
    HEARSAY,
    SENTENCE_END,
    Reader,
    Understanding,
    confirms_only,
)
from knowledge.figures import to_arabic
from knowledge.normalize import simplify
from knowledge.search import SearchIndex

APPLY_WINDOW = 4  # characters before an outside word in which applying for it is said (申请发明专利)
SUPPORT_WINDOW = 6  # characters after an outside word in which a word of support names it
SUBJECT_CHARS = 8  # a clause this short that tells nothing (no 我们, no 了) only names a thing
STORY_WORDS = ("我", "咱", "公司", "厂", "了")
EN_STORY_WORDS = frozenset({"we", "our", "i", "my", "us", "we're", "i'm"})
LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
UNKNOWN_CHARS = 6  # a Latin word this long the knowledge base never saw names a thing (an error's name)
# ModuleNotFoundError, VLOOKUP, E1234: a name as software writes it, not an everyday English word
# 可以吗, 这样用行不行, 会不会有问题, 通知怎么说的: a bare ask whether what was just told is allowed
PERMISSION_ASKED = re.compile(
    r"(?:这样|这么|那样|咁)?(?:用|做|花|搞)?(?:可以|可不可以|可唔可以|得唔得|行|行不行|能|能不能|合规|违规|"
    r"有没有问题|会不会有问题|有问题|冇问题|没问题)(?:吗|么|嘛|不|吧|呢|嘅|咩)?"
    r"|(?:通知|文件|政策)?(?:里|上)?(?:是)?(?:怎么说|点讲|怎么规定|有什么规定|有没有规定|有规定|有什么要求|有要求)"
    r"(?:的)?(?:吗|么|呢|嘅|咩)?"
)
FRAGMENT_CLAUSES = 3  # 社保 基数: a fragment has a few words, each a clause of its own
FRAGMENT_CHARS = 6  # and each of them short
# 会不会影响申报, 影响吗, does it affect our application: whether a thing told bars applying
AFFECTS_APPLYING = re.compile(
    r"(?:会|会不会|有没有|有冇|影不影响|是否)?影响(?:到)?(?:我们|我司)?(?:的)?(?:这个|这次)?[^，,。？?！!]{0,10}?"
    r"(?:申报|申请|报|资格)?(?:吗|么|嘛|吧|不)?$"
    # 这个卡不卡: whether it holds the application up
    r"|^(?:这个|这样|这)?(?:会)?(?:卡不卡|卡唔卡|会不会卡|卡吗|有冇问题|有没有问题)(?:申报|资格)?$"
    # 被列入经营异常名录，算不算失信: whether it counts as one the conditions name
    r"|^(?:这|这个)?(?:算不算|算唔算|算是|是不是|属不属于|是否属于|算)(?:是)?(?:失信|失信被执行人|严重违法违规|违法违规)(?:吗|嘛)?$"
    # 信用评级要达到什么等级才能申报: the level of it applying would need
    r"|(?:要|需要|须|必须|得)?达到(?:什么|哪个|哪一|几|多少)(?:个)?(?:等级|级别|级|分)[^，,。？?！!]{0,4}?"
    r"(?:才能|才可以|才|先可以|先能)?(?:申报|申请|报)(?:吗)?$"
    r"|\b(?:affect|hurt|count against)\b[^.?!]{0,30}\b(?:application|applying|eligibility|chances)\b"
    r"|\b(?:what|which|minimum)\b[^.?!]{0,20}\b(?:rating|grade|score)\b[^.?!]{0,20}"
    r"\b(?:to apply|to qualify|to be eligible)\b",
    re.IGNORECASE,
)
# 怎么提升到A级, how do we raise it: a question of its own, not a rating told
ASKS_OF_ITS_OWN = re.compile(r"怎么|怎样|如何|多少|几|哪|什么|啥|\b(?:how|what|why|which|when|where|who)\b")
# 一定要是高企才能报吗, 我们不是规上企业，能不能报, Do we need high-tech status to apply: a standing
# another body grants, asked as needed for applying or as lacking
STANDING_NEEDED = re.compile(
    r"(?:要|需要|必须|一定要|得|要求|需不需要|要不要|是否要|是不是要"
    r"|\bneed|\bneeds|\brequired?|\bmust (?:we |i )?(?:be|have)"
    r"|\bhave to (?:be|have)|\bhas to (?:be|have))[^，,。？?]{0,6}$"
)
STANDING_LACKED = re.compile(
    r"(?:不是|唔系|没有|冇|没评上|没拿到|还没有|还没|未|并非"
    r"|\bnot|\baren't|\bisn't|\bdon't have|\bdo not have"
    r"|\bwithout|\bno)[^，,。？?]{0,4}$"
)
APPLYING = re.compile(r"报|申请|参加|\bapply|\bapplying|\beligib|\bqualif", re.IGNORECASE)
OWN_APPLICATION = ("认定", "申报", "申请", "评审", "评定", "的条件", "条件", "要什么", "需要什么", "怎么")
# 已经拿过县里技改补贴30万, already received a grant from the science bureau: other support had
SUPPORT_HAD = re.compile(
    r"(?:拿过|拿了|拿到了|拿到过|领过|领了|获得过|获得了|得到过|得到了|享受过|享受了|申请到了|申请到过|批了|已获得?|有了)"
    r"[^，,。？?！!]{0,16}?(?:补贴|补助|资金|奖励|奖补|扶持|资助|专项|贴息|的钱)"
    r"|\b(?:received|got|already have|have been granted|were granted|was granted)\b[^,.?!]{0,40}?"
    r"\b(?:subsid|grant|fund|support)",
    re.IGNORECASE,
)
# 还能申请吗, can we still apply: applying asked again
APPLYING_AGAIN = re.compile(
    r"(?:还能|还可以|还可不可以|还能不能|能不能|可不可以|可以|能否|能)[^，,。？?！!]{0,6}?(?:报|申报|申请)"
    r"|\b(?:still )?(?:apply|eligible|qualify)\b",
    re.IGNORECASE,
)
NOT_HAD = re.compile(
    r"(?:没|冇|未|无|不曾|从未|从来没|never|not|haven't|hasn't|didn't)\s*(?:有)?$", re.IGNORECASE
)
PROVINCE_FUNDS = re.compile(r"省级|省里|省专项|省财政|省厅|\bprovinc", re.IGNORECASE)  # the city's own base
OTHER_SAID = re.compile(r"别的|其他|其它|另外的|另一个|\bother\b|\banother\b", re.IGNORECASE)
APPLY_AFTER = 50  # the ask to apply follows the standing this closely (才能报吗, … status to apply)
CONDITION = re.compile(r"\s*(?:要是|如果|假如|假设|万一|若是|倘若|\bif\b)")  # 要是明年还想报
YEAR_SAID = re.compile(r"\d{4}年度?$")
TECHNICAL_NAME = re.compile(r"[a-z][A-Z]|[A-Z]{3,}|\d")


class Scope:
    def __init__(self, index: SearchIndex, reader: Reader) -> None:
        self.index = index
        self.reader = reader
        self.doing_words = [simplify(w) for w in index.kb.lexicon.doing_words if w]
        # 想申请…, 要办理…: the doing words that apply for a thing (not 注册了阿里云账号)
        # (要考电工证: sitting an exam for a licence is applying for it too)
        self.applying_words = [
            w for w in self.doing_words if len(w) > 1 and (w in reader.apply_words or "考" in w)
        ]
        self.counting = [re.compile(p, re.IGNORECASE) for p in index.kb.lexicon.counting_patterns if p]
        self.other_checks = [simplify(w).lower() for w in index.kb.lexicon.other_checks if w]
        # longest first: 规上工业企业 before 规上
        statuses = {simplify(w).lower() for w in index.kb.lexicon.firm_statuses if w}
        self.firm_statuses = sorted(statuses, key=len, reverse=True)
        self.direction_ids = {d.id for d in index.kb.notice.directions}
        self.home_words = [simplify(w) for w in index.kb.lexicon.home_words if w and not w.isascii()]

    def confirms_a_notice_fact(self, question: str, understood: Understanding) -> bool:
        """…就够了吧, …对吧 about one of the notice's topics or asks: the user's own words for
        the fact (打印三份交上去) are no sign that the message is about something else."""
        copies = understood.claimed_copies()
        # 印6份可以吗 offers copies; 是第三方机构打分么 a body
        offered = understood.premise or bool(copies) or self.reader.asks_if_a_body_does(understood.simplified)
        actors = self.reader.bodies_as_actors(understood)
        outside = [w for w in self.index.outside_words(question) if not any(w in b for b in actors)]
        if not offered or understood.other_programme or outside:
            return False
        about = (
            understood.topics
            or understood.intents
            or copies
            or understood.offered_rates
            or self.reader.offered_body(understood)
        )
        return bool(about) and not self.index.elsewhere(question)

    def asks_whether_it_counts(self, understood: Understanding, asked: list[str]) -> str:
        """A question asks whether a thing counts as investment or may be paid with the subsidy
        (租的云服务器年费算不算项目投资): the notice's rule is asked, whatever the thing; also when
        the things are listed after it in the sentence the question ends (补贴钱能买服务器、交换机吗).
        The words that ask it (算到项目投资), or "" when none do."""
        found = (p.search(simplify(c)) for p in self.counting for c in asked)
        pairs = [(s, c) for s in SENTENCE_END.split(understood.simplified) for c in asked if simplify(c) in s]
        listed = (self._counted_before(p, s, c) for p in self.counting for s, c in pairs)
        # 用补贴买的服务器折旧按几年: the thing named by what paid for it, not whether it may be
        return next(
            (m.group() for m in (*found, *listed) if m and m.string[m.end() : m.end() + 1] != "的"), ""
        )

    def _counted_before(self, pattern: re.Pattern[str], sentence: str, clause: str) -> re.Match[str] | None:
        """补贴钱能买服务器、交换机吗, 想用补贴款给仓库翻新一下，可以吗: the words asking whether
        things count, before the asked clause in a list or before a bare ask whether it is allowed
        (not 用补贴买的设备坏了，厂家保修期多久: a story told before a question of another thing)."""
        match = pattern.search(sentence)
        at = sentence.find(simplify(clause))
        if match is None or at < 0:
            return None
        if not CLAUSE_PAUSE.search(sentence, match.end(), max(at, match.end())):
            return match
        return match if PERMISSION_ASKED.fullmatch(simplify(clause).strip()) else None

    def asks_if_another_check_counts(self, understood: Understanding, asked: list[str]) -> bool:
        """纳税信用等级评了C级，会影响申报吗: whether another body's rating or levy, told in the
        story, affects applying; no condition of the notice names it (not 出过安全事故, 被列为
        失信被执行人, 税务罚过款: the conditions speak of accidents, dishonesty and violations)."""
        affecting = [c for c in asked if AFFECTS_APPLYING.search(simplify(c).strip(" ？?。.!！"))]
        if not affecting:
            return False
        # the rating told in a clause of its own or in the one that asks (Our tax credit grade is
        # C, read as asked too, is the rating told)
        rated = [c for c in understood.clauses if any(w in simplify(c).lower() for w in self.other_checks)]
        told = [c for c in rated if c not in affecting and not ASKS_OF_ITS_OWN.search(simplify(c).lower())]
        return bool(rated) and all(c in told or c in affecting for c in asked)

    def standing_asked_as_a_condition(self, understood: Understanding) -> str:
        """一定要是高新技术企业才能报吗, 我们不是规上企业，能不能报: whether applying needs a
        standing another body grants, or is barred without it (not 高企认定需要什么条件: that
        standing's own application). The standing as said, or ""."""
        text = simplify(understood.text).lower()
        for standing in self.firm_statuses:
            at = text.find(standing)
            while at >= 0:
                before, after = text[:at], text[at + len(standing) :]
                if not after.lstrip(" )）(（").startswith(OWN_APPLICATION):
                    needed = STANDING_NEEDED.search(before) and APPLYING.search(after[:APPLY_AFTER])
                    lacked = STANDING_LACKED.search(before) and APPLYING.search(after[:APPLY_AFTER])
                    if (needed or lacked) and self._asks_at_all(understood):
                        return standing
                at = text.find(standing, at + len(standing))
        return ""

    def applies_beside_other_support(self, understood: Understanding) -> bool:
        """这个项目去年已经拿过县里技改补贴30万，还能申请吗: the project has another programme's
        money (not the province's special funds, the base of the city's own) and asks to apply."""
        text = simplify(understood.text)
        had = SUPPORT_HAD.search(text)
        if not had or NOT_HAD.search(text[: had.start()]):
            return False  # (冇拿过任何补贴，咁就可以报啦: no other money had)
        asks = APPLYING_AGAIN.search(text, had.end())
        if not asks:
            return False
        programme = understood.other_programme
        ask = re.split(r"[，,。？?！!]", text[asks.start() :])[0]
        if self.index.outside_words(ask) or (programme and programme in ask):
            return False  # 已经拿了这个补贴，还能申报专精特新吗: the other programme is applied for
        told = text[: asks.start()]  # (…a grant from the science bureau: whose, said after it)
        other = programme or OTHER_SAID.search(had.group()) or self.index.outside_words(told)
        return bool(other) and not PROVINCE_FUNDS.search(had.group())

    def tells_a_standing(self, clause: str) -> bool:
        """我们刚评上专精特新小巨人: the clause tells a standing the firm has, not one it applies for
        (在报专精特新)."""
        text = simplify(clause).lower()
        return any(s in text for s in self.firm_statuses) and not APPLYING.search(text)

    def _asks_at_all(self, understood: Understanding) -> bool:
        """A question mark or a question word somewhere (Must we be …?: no question word)."""
        marked = "?" in understood.text or "？" in understood.text
        return marked or any(self.reader.is_question(c) for c in understood.clauses)

    def asks_about_the_story(self, understood: Understanding, asked: list[str]) -> bool:
        """The questions are made only of everyday asking words (怎么申请, 补多少), so they ask
        about what the story names; the story names something outside the notice and none of
        the notice's topics, or does or applies for that outside thing (想申请发明专利)."""
        if not self.index.outside_words(understood.text):
            return False
        if self._asks_which_direction(asked):
            return False  # 工艺改进用的数字孪生软件，算哪条: which of the notice's directions is asked
        words = self._asking_words(asked)
        everyday = self.reader.generic_words
        if (
            self._another_bodys_business(understood)
            or self._names_the_unknown(asked)
            or self._story_applies_for_the_outside(understood, asked)
            or self._only_names_the_outside(understood, asked)
        ):
            # 许可证到期了，续期要准备什么材料: the paperwork of the thing the story names
            everyday = everyday | self.reader.paperwork_words
        if not all(w in everyday for w in words):
            return False
        if self._topics_beside_the_outside(understood):
            # 5G网关想申请发明专利，流程怎么走: what the story applies for is outside, whatever
            # topic of the notice the story names
            asks_to_apply = any(w in self.reader.apply_words for w in words)
            return not asks_to_apply and self._story_applies_for_the_outside(understood, asked)
        # 在阿里云上部署了MES，能申报吗: asking to apply is about the notice, unless the story
        # names another support (听说有社保补贴，怎么申请) or the question names what is applied
        # for in words the knowledge base never uses (商标被驳回，怎么申请复审)
        if not any(w in self.reader.apply_words for w in words) or self._names_the_unknown(asked):
            return True
        # 客户想申请一般纳税人资格，要满足什么条件: what the story applies for is asked about
        return self.story_names_a_support(understood, asked) or self._story_applies_for_the_outside(
            understood, asked, self.applying_words
        )

    def unstated_in_the_story(self, understood: Understanding, asked: list[str]) -> str:
        """公示期间如果有人提异议，处理流程是怎样的: the questions are made only of everyday asking
        words, so they ask about the detail the story names, one the notice never gives. That
        clause of the story, or "" when there is none."""
        words = self._asking_words(asked)
        # 供应商说他们的项目100%通过验收，可信吗: only whether the claim told is right
        confirms = bool(asked) and all(confirms_only(c) for c in asked)
        if not confirms and (not asked or not words or not self._everyday(words)):
            return ""
        if any(w in self.reader.apply_words for w in words):
            return ""  # 专家费要企业出的话，还能申请吗: applying is asked of the notice
        told = (c for c in understood.clauses if c not in asked)
        return next((c for c in told if self.reader.asks_unstated(c)), "")

    def asks_only_of_the_unknown(self, understood: Understanding, asked: list[str]) -> bool:
        """My Excel VLOOKUP returns #N/A, how do I fix it: a message the search finds outside, no
        topic of the notice named, whose questions are everyday asking words (not to apply): it
        asks about the unknown thing it tells of."""
        if understood.topics or not asked or self._asks_which_direction(asked):
            return False
        words = self._asking_words(asked)
        return self._everyday(words) and not any(w in self.reader.apply_words for w in words)

    def only_fixing_the_unknown(self, understood: Understanding, asked: list[str]) -> bool:
        """ModuleNotFoundError 怎么办: no topic, ask or figure of the notice, only everyday asking
        words beside a long name as software writes it that the knowledge base never saw: that
        thing is asked about, however close one everyday word comes to a question of the notice
        (错过了怎么办; not Does that disqualify them, an everyday word)."""
        if understood.topics or understood.intents or understood.figures or not asked:
            return False
        words = self._asking_words(asked)
        if not words or not self._everyday(words):
            return False  # (Possible? alone asks nothing of its own)
        names = [w for c in asked for w in LATIN_WORD.findall(c) if TECHNICAL_NAME.search(w)]
        return any(
            len(w) >= UNKNOWN_CHARS and not any(self.index.knows(t) for t in self.index.normaliser.tokens(w))
            for w in names
        )

    def _another_bodys_business(self, understood: Understanding) -> bool:
        """统计局嘅工业产值报表，今个月几时截止交: the story names another body outside the notice
        and nothing of the notice's beside it, so what is due is that body's."""
        told = self.index.outside_words(understood.text)
        # (税务局来稽查我们子公司: a topic said only in the body's own clause is the body's object)
        return not self._topics_beside_the_outside(understood) and any(BODY_NAME.search(w) for w in told)

    def _only_names_the_outside(self, understood: Understanding, asked: list[str]) -> bool:
        """转让定价的同期资料，什么时候要准备好: a clause before the question only names a thing
        outside the notice, telling nothing of the firm (no 我们, no 了), so what is due is its."""
        return any(
            self.index.outside_words(c) and not self._tells(c, "".join(LATIN_WORD.sub("#", c).split()))
            for c in understood.clauses
            if c not in asked
        )

    def _topics_beside_the_outside(self, understood: Understanding) -> bool:
        """The notice's topics said in a clause that names nothing outside it (想从个体户转成有限
        公司: 个体户 is the outside thing's own word, not a topic of the notice told), or one of
        its directions named with the project's money (数字孪生那种系统性平台，投资额680万: the
        direction is the project)."""
        if understood.figures and any(t.id in self.direction_ids for t in understood.topics):
            return True
        inside = [to_arabic(c) for c in understood.clauses if not self.index.outside_words(c)]
        return any(t.word in c for t in understood.topics for c in inside)

    def _story_applies_for_the_outside(
        self, understood: Understanding, asked: list[str], words: list[str] | None = None
    ) -> bool:
        """A clause of the story does or applies for something outside the notice: one of the
        lexicon's doing words (or of `words`) just before an outside word (要做等保, 想申请发明专利)."""
        return any(
            w in self._said_before(bare, at)
            for bare, at, _ in self._outside_words_told(understood, asked)
            for w in (self.doing_words if words is None else words)
        )

    def _said_before(self, bare: str, at: int) -> str:
        """The few characters before an outside word, the home city's name and the year left out
        (要申请韶关市2022年科技计划: applying for it, the city and year only say whose and which)."""
        before = bare[:at]
        for _ in range(2):  # 韶关市2022年科技计划, 2022年韶关市科技计划: the year only says which round
            before = YEAR_SAID.sub("", before)
            for home in self.home_words:
                before = before.removesuffix(home + "市").removesuffix(home)
        return before[-APPLY_WINDOW:]

    def _outside_words_told(
        self, understood: Understanding, asked: list[str]
    ) -> Iterator[tuple[str, int, str]]:
        """Each outside word of the story's clauses (not those asked): the clause in canonical
        form, where the word stands in it, the word."""
        for clause in understood.clauses:
            if clause in asked:
                continue
            bare = self.index.normaliser.canonical(clause).replace(" ", "")
            for word in self.index.outside_words(clause):
                at = bare.find(word)
                if at >= 0:
                    yield bare, at, word

    def _asks_which_direction(self, asked: list[str]) -> bool:
        """算哪条, which direction: the notice's own directions are asked, whatever thing is told."""
        return any(self.reader.asks_which_direction(simplify(c)) for c in asked)

    def _everyday(self, words: list[str]) -> bool:
        """Every one of the words is an everyday asking word (怎么, 申请, 多少 …)."""
        return all(w in self.reader.generic_words for w in words)

    def _asking_words(self, asked: list[str]) -> list[str]:
        return [w for c in asked for w in self.index.known_words(c) if not any(ch.isdigit() for ch in w)]

    def names_what_is_asked(self, understood: Understanding, asked: list[str]) -> bool:
        """ISO9001认证 韶关有补贴不: a short clause that only names something outside the notice,
        then a question of everyday asking words: the question is about that thing (在阿里云上
        部署了MES，能申报吗 tells a story; 员工培训费、人工工资算不算项目投资 asks of the notice)."""
        if understood.topics or not self._everyday(self._asking_words(asked)):
            return False
        for clause in understood.clauses:
            bare = "".join(LATIN_WORD.sub("#", clause).split())  # ISO9001 is one word
            if clause in asked or len(bare) > SUBJECT_CHARS or self._tells(clause, bare):
                continue
            if self.index.outside_words(clause):
                return True
        return False

    def names_its_subject_first(self, understood: Understanding) -> bool:
        """社保 基数, 公积金 比例: a fragment of a few short words, the first naming something
        outside the notice and none its topics: what follows asks of that thing."""
        clauses = understood.clauses
        if understood.topics or not 2 <= len(clauses) <= FRAGMENT_CLAUSES:
            return False
        if any(len("".join(c.split())) > FRAGMENT_CHARS for c in clauses):
            return False
        return bool(self.index.outside_words(clauses[0]))

    def conditions_on_the_outside(self, understood: Understanding, asked: list[str]) -> bool:
        """要是明年2023年还想报，会不会还有同样的通知: a condition said first names something outside
        the notice (another year, another body's business), and the questions after it name none
        of the notice's topics: they ask of that thing."""
        conditions = [c for c in understood.clauses if c not in asked and CONDITION.match(simplify(c))]
        # (如果被列为失信被执行人了（去年有个合同纠纷）: the condition is the notice's own)
        outside = [c for c in conditions if self.index.outside_words(c) and not self.reader.topics_named(c)]
        return bool(asked and outside) and not any(self.reader.topics_named(c) for c in asked)

    @staticmethod
    def _tells(clause: str, bare: str) -> bool:
        """我们有ISO认证, we have ISO 9001: the clause tells of the firm, not only names a thing."""
        return any(w in bare for w in STORY_WORDS) or not EN_STORY_WORDS.isdisjoint(clause.lower().split())

    def _names_the_unknown(self, asked: list[str]) -> bool:
        return any(
            not self.index.knows(t)
            for c in asked
            for t in self.index.normaliser.tokens(c)
            if not t.startswith("~") and not t.isascii()
        )

    def story_names_a_support(self, understood: Understanding, asked: list[str]) -> bool:
        """听说有社保补贴: a word of support just after the outside thing the story names; or a
        clause that tells of it as heard (听说能免3个月租金): a benefit someone spoke of."""
        heard = any(
            HEARSAY.search(simplify(c)) and self.index.outside_words(c)
            for c in understood.clauses
            if c not in asked
        )
        if heard:
            return True
        support = self.reader.support_words
        return any(
            s in bare[at : at + len(word) + SUPPORT_WINDOW]
            for bare, at, word in self._outside_words_told(understood, asked)
            for s in support
        )
