"""What a message is about and what it asks, before an answer is chosen.

About: the notice's directions and stages, named by the lexicon's topic words; asks: the lexicon's
intent words (amount, deadline, materials, copies, who …); the user's own figures with their role
(the formula's figures, a figure offered for confirmation); whether the message offers a
statement to confirm; whether it names another programme. Everything comes from the lexicon, so a
new notice pack brings its own words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from knowledge.figures import (
    ABBREVIATIONS,
    COMPLETION_WORDS,
    CORRECTION,
    MONTHS,
    YEAR_COMPLETED,
    AmountReader,
    Figure,
    not_after,
    read_copies,
    read_dates,
    read_percentages,
    to_arabic,
)
from knowledge.normalize import LIST_NUMERAL, simplify
from knowledge.search import YEAR_SEEN, SearchIndex
from knowledge.shares import Share, ShareReader
from knowledge.wordlist import WordList

EN_MONTH_NAMES = tuple(dict.fromkeys([*(m[:3] for m in MONTHS), "sept", *MONTHS]))  # aug, sept, august
# 一般多少钱, 要多久: a bare question of quantity, of what the clause before it named
# 一个月, 半年, 3天: a span of time said in everyday units
SPAN = r"[一二两三四五六七八九十半\d]+(?:个)?(?:月|天|周|星期|礼拜|年)"
# 多少, 几, 一个月还是半年: a quantity asked, or a choice between two spans
BARE_QUANTITY = re.compile(rf"多少|几|多久|多长|多大|{SPAN}还是{SPAN}")
BARE_QUANTITY_CHARS = 8
# 8月19号了，…: the message opens with the day it has come to (today, as stated_today reads it)
DAY_COME_TO = re.compile(r"\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[号日]?\s*了")
GUESS_LEAD = ("应该", "应当", "大概", "估计", "可能", "多半", "肯定", "起码", "至少", "差不多", "怕是")


def hedged(simplified: str) -> bool:
    """应该分工不同吧, 估计要一个月: said as the user's own guess (a hedge first or 吧 last)."""
    bare = simplified.strip(" ？?。.!！")
    return bare.startswith(GUESS_LEAD) or bare.endswith("吧")


# 应该上百家吧, 应该有几百万吧: the user's guess of a figure, asking nothing of its own
GUESSED_QUANTITY = re.compile(
    r"(?:应该|大概|估计|起码|至少|可能|差不多|怕是)?(?:有|是|在)?(?:上|好|几|数)?[\d百千万十]+多?"
    r"(?:家|个|万|亿|%|块)?(?:元)?了?(?:吧|吗|啊|呢)?"
)
# which ones exactly, how much, what exactly do they check: the English bare follow-up of a
# detail just asked (its subject a pronoun)
BARE_QUANTITY_EN = re.compile(
    r"^(?:which ones?|how (?:much|many|long|often))(?: \w+)?(?: in total| altogether| overall)?\s*\??$"
    r"|^(?:and )?what (?:exactly |else )?(?:do|does|will|would) (?:they|he|she|you) \w+\s*\??$"
    r"|^(?:and )?(?:what(?:'s| is) the|how does the) (?:procedure|process)(?: work)?\s*\??$"
    r"|^(?:or |maybe )?within (?:\d+|a|one|two|three|six) (?:days?|weeks?|months?|years?)\s*\??$"
    r"|^(?:roughly |approximately |about )?(?:which|what) (?:week|month|day|date)\s*\??$"
    r"|^(?:and )?(?:at )?what (?:rate|amount|percentage|interest rate)\s*\??$",
    re.IGNORECASE,
)
# 检查啲咩, 看些什么: the verb of the detail just asked, and what it covers
BARE_WHAT = re.compile(r"^([\u4e00-\u9fff]{1,4}?)(?:啲咩|些什么|些啥|什么|啥|咩|哪些)$")
# the quantity asked, in everyday units (几个月, 多少天, 几月份, 几次机会) or a choice of spans: no
# word of what is counted
QUANTITY_ASKED = re.compile(
    rf"{SPAN}还是{SPAN}"
    r"|(?:几|多少)(?:个)?(?:月份|月|天|周|星期|礼拜|年|次(?:机会)?)?"
)
# 拿过, 申请了, 做过: something the firm did before, told
PAST = re.compile(r"[过過咗]|了")
# 六百万 before 专项资金: an amount (in digits once read), not the name of a fund
AMOUNT_WORD = re.compile(r"[\d.]+(?:万元|万|亿|元|块)")
# the difference between a branch and a subsidiary: one thing asked of both, its 'and' no new clause
BETWEEN_AND = re.compile(r"(\bbetween\b[^,.?;!，。？；！]{1,40}?)\band\b", re.IGNORECASE)
# manage and spend the grant, fill in and sign the forms: two verbs of one object, one clause
SHARED_VERBS = (
    r"manage|use|spend|keep|fill in|fill out|fill|sign|stamp|print|prepare|submit|send|check"
    r"|calculate|store|track|translate|notarise|notarize|certify|review|approve|seal"
)
VERB_AND_VERB = re.compile(
    rf"(\b(?:{SHARED_VERBS})(?:d|ed)?\s+)and(?=\s+(?:{SHARED_VERBS})(?:d|ed)?\b)", re.IGNORECASE
)
# quality and environmental accidents, suppliers and customers, hardware and software: two kinds of
# one thing, one clause
SHARED_KINDS = (
    r"quality|safety|environmental|environment|production|fire|fiscal|financial|tax|legal|credit"
    r"|suppliers|customers|clients|upstream|hardware|software|equipment|devices"
)
KIND_AND_KIND = re.compile(rf"(\b(?:{SHARED_KINDS})\s+)and(?=\s+(?:{SHARED_KINDS})\b)", re.IGNORECASE)
# when and where do we submit it: two question words asking of one clause, each asked of it in turn
_WH = r"(when|where|how|who|to whom|by when)"
WH_PAIR = re.compile(rf"\b{_WH}\s+(?:and|&|or)\s+{_WH}\s+([^,.?;!]+)", re.IGNORECASE)
# who writes, introduced in English: I'm the controller of …, Korean-owned cosmetics packaging plant,
# compliance officer, EHS manager here
WRITER_ROLES = (
    r"manager|officer|director|controller|counsel|lead|head|engineer|accountant|cfo|ceo|coo|gm|owner"
    r"|consultant|adviser|advisor|agent"
)
WHO_WRITES = re.compile(
    # I'm the controller of …, I'm in corporate finance at … (not I'm preparing the letter)
    rf"^(?:hi|hello|dear [a-z ]+)?[ ,]*(?:i am|i'm|i m|this is) (?:(?:the|a|an) (?:[a-z&+/-]+ ){{0,3}}?"
    rf"(?:{WRITER_ROLES})\b|(?:in|from|with) )"
    rf"|\b[a-z]+-(?:owned|invested|funded|based)\b"
    rf"|^(?:[a-z&+/ -]{{0,30}}\s)?(?:{WRITER_ROLES})(?: here)?$"
)
PLACE_DENIED = re.compile(r"不|唔|not\b")  # 不在韶关, 唔喺韶关, not in Shaoguan
# 除了上云，有没有针对5G的方向; 8月26号之前除了项目要建完，还有什么要交的; besides the cloud track,
# …: what is set aside, said up to its comma or its 以外 (or up to the 还 of what is asked)
EXCEPTED = re.compile(
    r"(?:除了|除咗|除开|除去)[^，,。？?！!]{1,16}?(?:以外|之外|外)?(?:[，,]\s*|(?=还|另外|仲))"
    r"|\b(?:besides|apart from|other than|aside from|except for)\b[^,.?!;]{1,40},\s*",
    re.IGNORECASE,
)
# a space between two Chinese characters separates clauses too: 最多报几个项目 建设完成时间有啥要求;
# 同时 before a verb says "at once" (同时报三个, 是同时交还是分开交), no new clause; 除了市里还有别的
# 支持吗 is one question ("besides … any other"), its 还有 no new clause
BESIDES = "".join(f"(?<!除了{'.' * n})" for n in range(1, 7))
OTHERS = "别的|其他|其它|什么|啥|哪些|没有|冇"
# 2024年还有这个补贴吗, 现在还有吗, 会不会还有同样的通知: after a time or a 会, 还有 is "still",
# no new clause
STILL_THEN = "(?<!年)(?<!现在)(?<!目前)(?<!而家)(?<!会)(?<!是否)"
# 今年上云还有bt吗: 还有 before the money asked of is "is there still", no new clause
STILL_THERE_MONEY = "(?:这个|这笔|这类|这种)?(?:补贴|bt|奖补|资金|钱|政策|扶持|名额)(?:吗|么|嘛|咩|冇|不|没)"
NOT_A_BODY_NAMED = r"(?! (?i:it|information technology) (?i:department|bureau|dept|office|authorit|ministry))"
CLAUSE_SPLIT = re.compile(
    # (另外请会计师事务所: hiring one separately, not "besides"; 是不是还要另外申请验收: one more
    # thing done separately, after 还要)
    # (not the colon of a ratio or a time: 按1:1自筹, 9:30前; not the comma grouping a figure's
    # thousands: 20,000 t)
    r"(?:[，、。!！?？;；\n]|(?<!\d),|,(?!\d{3}(?!\d)))+|(?<!\d)[:：]+|[:：]+(?!\d)|(?:(?<!还要)(?<!还需)(?<!还得)另外(?!请(?!问|教)|找|聘|雇|花钱|出钱|付费|单独)|"
    + STILL_THEN
    + BESIDES
    + r"还有(?!效|"
    + STILL_THERE_MONEY
    + r")"
    r"|" + STILL_THEN + r"还有(?!效|" + STILL_THERE_MONEY + "|" + OTHERS + r")|以及"
    r"|同时(?!报|申报|申请|提交|交|拿|享受|获得|附|提供|准备|带|上传|出具))"
    # (not R and D: one word spelt out; not cloud-and-platform: one word hyphenated; not the
    # industry and IT department: a body's name)
    r"|(?<!\b[A-Za-z] )(?<!-)\band\b(?!-)"
    + NOT_A_BODY_NAMED
    + r"|(?<!-)\band\b(?! [A-Za-z]\b)(?!-)"
    + NOT_A_BODY_NAMED
    + r"|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])"
    # 入库7.8 那验收是几号: a figure, a space, then a turn to the next question
    r"|(?<=\d)\s+(?=那|然后|另外)"
    # … in this notice — our project office needs them: a spaced dash before a story (not before
    # the question about what precedes it: Guangdong cloud vouchers — how do we apply?)
    r"|\s+[—–]+\s+(?!(?:how|what|when|where|which|who|why|is|are|can|could|do|does|will|would|should|any)\b)"
    r"(?![^.!?]*\?)"
    # (… confused lol — is the city money …: after a laugh the sentence is over, whatever follows)
    r"|(?:(?<=\blol)|(?<=\bhaha)|(?<=\blmao)|(?<=\brofl))\s+[—–]+\s+"
)
# 除了注册还有什么条件, apart from being registered here, what other conditions: the named condition is
# known, the others are asked; what it names is no topic of the question
CONDITIONS_BESIDES = re.compile(
    # at a clause's start or after the applicant (not 绩效目标除了可量化…: the targets' requirements)
    r"(?:(?:(?<![^，,。？?！!])|(?<=申报对象)|(?<=申报单位)|(?<=申请单位)|(?<=企业)|(?<=公司)|(?<=我们)|(?<=我哋))"
    r"(?:除了|除咗|除开)|\b(?:apart from|aside from|besides|other than)\b)([^。？?！!]{1,40}?)"
    r"(?=[，,]?\s*(?:还|仲|另外|\bwhat (?:other|else|more|further)\b)[^。？?！!]{0,20}?"
    r"(?:条件|要求|门槛|\bconditions?\b|\brequirements?\b|\bcriteria\b))",
    re.IGNORECASE,
)
# 去年那批, 前年的那一批: a round named by a year counted from today (not 去年做的项目: when built)
# 这个通知是今年的还是去年的: years counted from today offered for the notice (not 是不是去年那批)
RELATIVE_YEARS = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
# 去年的一批设备: a batch of things bought, not a round
BOUGHT_THINGS = r"设备|机器|服务器|货|产品|材料|物料|采购|订单|电脑|传感器|硬件|软件|机床"
BOUGHT_THING_LENGTH = max(map(len, BOUGHT_THINGS.split("|")))  # the longest of the bought things
# 2020年买的, 2019年底就采购了: the year a thing was bought
YEAR_BOUGHT = re.compile(
    r"[）)]?\s*(?:底|初|中|末|上半年|下半年)?\s*(?:就|才|已经|已|刚)?\s*(?:买|购买|购入|购置|采购|添置|引进)"
)
# 单独的入库截止时间: a stage of the notice and its deadline, said just after a local policy word
STAGE_DUE_AFTER = re.compile(r"(?:入库|验收)[^，,。？?！!]{0,4}?(?:截止|时间|日期|期限)")
BOUGHT_BATCH = re.compile(r"(?:那|这|嗰)?一?批(?=" + BOUGHT_THINGS + ")")
RELATIVE_ROUND = re.compile(
    r"(?<!是不是)(?<!是否)(?<!是)(前年|去年|明年)(?=的?(?:那|这|嗰)?一?批(?!" + BOUGHT_THINGS + r"))"
    r"|(前年|去年|今年|明年)(?=的还是)|(?<=还是)(前年|去年|今年|明年)(?=的)"
    # 韶关今年的数字化转型补贴什么时候开始报: that year's support, applied for
    r"|(前年|去年|今年|明年)(?=的[^，,。？?！!]{0,12}?(?:补贴|奖补|扶持资金)[^，,。？?！!]{0,8}?(?:开始报|申报|报名|开始申请))"
    # 去年韶关工业互联网项目入库的截止日期: the city's programme named by its year (not 去年上了一套
    # 工业互联网平台: what the firm did)
    r"|(前年|去年|明年)(?=的?韶关市?的?工业互联网)"
    # 去年申报的奖补到现在还没发: the support applied for that year (not 去年申报入库的项目)
    r"|(前年|去年)(?=(?:申报|申请|报)的(?:奖补|补贴|补助|扶持资金|专项资金))"
)
# last year's IIoT programme, the year before last's round: a round named by its year, in English
# (not "a project built last year": when it was built)
RELATIVE_ROUND_EN = re.compile(
    r"\b(last year|the year before last|next year)'s(?=\s+(?:[a-z0-9-]+\s+){0,3}?"
    r"(?:programmes?|programs?|rounds?|batch|call|scheme|list)\b)",
    re.IGNORECASE,
)
RELATIVE_YEARS_EN = {"last year": -1, "the year before last": -2, "next year": 1}
HOW_SUPPORTED = re.compile(
    r"(?:怎么|怎样|如何|以什么方式|用什么方式|什么方式)(?:来)?(?:支持|扶持|资助|补助|补贴|给钱)"
)
# a choice of kinds of support is listed within one clause, its items apart by 、 (这是补助、贷款还是
# 贴息) or by English commas (is this a grant, a loan or …); not 贴息的政策，工行还是农商行好
CHOICE_CLAUSES = re.compile(
    r"[，。!！?？;；:：\n]+|,(?=\s*[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]),|(?<=[A-Za-z])\.\s+"
)
# approx. RMB 7.2m, incl. our own plant, e.g. MES: an abbreviation's dot ends no sentence
NOT_ABBREVIATED = not_after((*ABBREVIATIONS, "e.g", "i.e", "etc", "vs", "dept", "govt", "max", "min"))
# -验收通过后怎么拿钱 -比例多少, - 联系人是谁: an item bulleted with a dash or a dot, a space after
# it only before Chinese (not -5, nor licence - how do we apply: an English aside)
DASH_BULLET = r"[-•·]+(?:(?=[^\s\d\-])| (?=[\u4e00-\u9fff]))"
# - contact person? - phone?: English items bulleted with a spaced dash, at the start or after a
# sentence ends (not a project - can we …: a dash within a sentence)
EN_DASH_BULLET = r"(?:^|(?<=[?？.。!！:：;；]))\s*[-•·]\s+(?=[A-Za-z])"
# the message's clauses also end where an English sentence does (not in 2.5 million): "Hi, I'm an
# engineer at a plant in Shaoguan. Which office issued this notice?" asks only its last sentence;
# and at a numbered item that begins a clause (1.入库几号截止 2.验收几号截止; not 2.5万, 附件2、附件3)
MESSAGE_CLAUSES = re.compile(
    CLAUSE_SPLIT.pattern
    # …an 'industrial brain'. Which …, …June 2022. Are …
    + r"|(?<=[A-Za-z0-9'\"’”)])"
    + NOT_ABBREVIATED
    + r"\.\s+(?=[A-Za-z'\"‘“(])"
    + r"|(?<=[\u4e00-\u9fff])\.\s+(?=[A-Z])"  # …a plant in 韶关高新区. When is …
    # (not the day of a date said in English: on Aug 25. OK?)
    + r"|(?<![^\s：:，,。？?！!；;])"
    + "".join(f"(?<!(?i:{m}) )" for m in EN_MONTH_NAMES)
    + r"\d{1,2}[.、)）]\s*(?=[^\d\s])"
    # ①ERP上云 ②5G网络下的AGV: items numbered with circled or bracketed numerals
    + r"|\s*"
    + LIST_NUMERAL.pattern
    + r"\s*"
    # -验收通过后怎么拿钱 -比例多少: items bulleted with a dash at the start or after a space
    + r"|(?:^|\s+)"
    + DASH_BULLET
    + r"|"
    + EN_DASH_BULLET
    # 两件事：1 验收申请截止几号 2 单个企业最多几个项目: items numbered with a space (not 2 个项目)
    + r"|(?<=[：:\s])\d\s+(?=[\u4e00-\u9fff])(?![个万元年月日号份项家次倍])"
    # we got fined 2 yrs ago — is that the kind of violation meant: a dash before a question of what it tells
    + r"|\s*[—–]+\s*(?=(?:is|does|would|could|will|can|was|did) (?:that|this)\b)"
    # we resell a SaaS MES to a plant - what's the cutoff date: a spaced hyphen before a question that
    # does not point back at what was said before it (vouchers - how do we apply for them); an em
    # dash more often goes on with what it follows (KOSGEB in Turkey — what's the upper limit)
    + r"|\s+-\s+(?=(?:what|when|where|which)\b)(?![^?]*\b(?:it|its|them|they|their|these|those)\b)"
    # 纸质几份交给谁几号前: asks run on without a comma, each after a count or a person asked
    # (not 几份原件几份复印件: one ask of the copies, in parts)
    + r"|(?:(?<=几份)|(?<=多少份))(?=[\u4e00-\u9fff]{0,4}?(?:谁|几号|几时|什么时候|哪天|哪里|哪儿))"
    + r"|(?:(?<=给谁)|(?<=找谁)|(?<=交谁))"
    + r"(?=[\u4e00-\u9fff]{0,4}?(?:几号|几时|什么时候|哪天|哪里|哪儿|多少|几份))"
    # spoken asks run on (voice input): 市里补几多验收交几份, 要满足啥条件要交啥几号截止, 几号前要交交给谁
    + r"|(?:(?<=多少)|(?<=几多)|(?<=幾多))"
    + r"(?=几号|几月|幾號|验收|驗收|入库|入庫|纸质|紙質|材料|要交|交几|截止|电话|電話)"
    + r"|(?<=交)(?=交给|交去|交到)|(?:(?<=啥条件)|(?<=什么条件))(?=要交|交啥|交什么)"
    + r"|(?:(?<=交啥)|(?<=交什么))(?=几号|几月|哪天|什么时候)"
)
# 1. 建设期 2. 投资范围, ①现场控制 ②能耗, -怎么拿钱 -比例多少: the message lists its asks as items
LIST_ITEM = re.compile(
    r"(?:^|(?<=[\s：:，,。？?！!；;]))(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）])(?=\s*[^\d\s])"
    + r"|"
    + LIST_NUMERAL.pattern
    + r"|(?:^|(?<=\s))"
    + DASH_BULLET
    + r"|"
    + EN_DASH_BULLET
)
LISTED = 2  # items that make a list
# a client who received the grant: "who" that tells of a person named before it, asking nothing
WHO_TELLS_OF = (
    *("client", "clients", "customer", "customers", "company", "companies", "firm", "firms", "people"),
    *("person", "someone", "anyone", "those", "staff", "colleague", "colleagues", "supplier", "suppliers"),
    *("vendor", "vendors", "contractor", "contractors", "manager", "managers", "boss", "friend", "friends"),
    *("enterprise", "enterprises", "guy", "guys", "business", "businesses", "engineer", "engineers"),
)
WHO_ASKS = "".join(rf"(?<!\b{noun} )" for noun in WHO_TELLS_OF) + r"who"
RELATIVE_WHO = re.compile(rf"\b(?:{'|'.join(WHO_TELLS_OF)}) who\b")
A_NOT_A = r"(.)[不没唔]\1|有冇"  # 要不要, 有没有, Cantonese 会唔会, 有冇: a yes-no question
# when assessing our loan: "when" before a verb in -ing joins a story, it asks no date
WHEN_NOT_ASKED = r"(?!\s+[a-z]+ing\b)"
# (什么 before …之类的 at a clause's end, 什么提升效率之类的, is "something like": no question; nor
# is 呢 after an ongoing 着, 学费正等着用呢, 忙着呢: it tells)
QUESTION_MARK = re.compile(
    r"[?？吗谁]|呢(?<!着呢)(?<!着.呢)|(?<![这那多什])么|什么(?![^，,。？?！!]{0,10}之类的?(?:[，,。！!]|$))|啥|咋|干嘛|哪|(?<![十好这前])(?<![\d一二三四五六七八九两]点)几(?!年前|天前|个月前|十|百|千)|多少|多久|多长(?!时间)|还是|怎么|(?<!不管)(?<!无论)怎样|(?<!无论)如何|是否|能否|可以|"
    + A_NOT_A
    + r"|咩|乜|点样|几时|边个|边度|边啲|边间|边样|边条|边位|定系|系咪"  # Cantonese (定系: or; 系咪: is it)
    # 要点管理, 点申请: Cantonese 点 (how) before a verb (not 重点, 试点, 地点, 一点)
    + r"|(?<![重试节地一要])点(?:管理|做|搞|处理|用|申请|申报|报|交|填|写|算|计|弄)"
    + r"|要点(?:管理|做|搞|处理|用|申请|申报|报|交|填|写|算)"
    # 麻烦问下这个项目的建设时间窗口: what follows "may I ask" is asked
    + r"|(?:麻烦|请)问(?:一)?下(?=[^，,。？?！!]{2})"
    # English ("that's what our consultant told us" names what was said, asks nothing)
    r"|how|(?<!that's )(?<!that is )what|when"
    + WHEN_NOT_ASKED
    + r"|where|why|"
    + WHO_ASKS
    # (not "Today is June 28": a date told; not "our office is there": where it is, told; not "our
    # auditor is asking.": who wants to know)
    + r"|which|\b(?:can|could|would|will|(?<!today )is|are|do|does) (?!there\s*$)(?!(?:asking|wondering)\W*$)"
    r"|^(?:did|was|were|should|has) "  # Did any ceramics firm win it last year?: asked at its start
    r"|^have (?:you|we|they|i|the|there|any|all|these|those)\b"  # (not "have a good day")
    r"|[不没未吧]$|了没有$|会点$"  # 影响申报不, 报得了没, 出了没有, 是7月出的吧, 迟咗会点: colloquial
    r"|\b(?:true|correct)$"  # … issued by the Development and Reform Commission. True?
    # our parent asks if …, wants to know whether …: a question told as asked
    r"|\bwhether\b|\b(?:asks?|asking|asked|wonders?|wondering|know|check|confirm) if\b"
)
# 钱到账以后，…: a clause that only says when ends with its time word; what is asked follows it
WHEN_CLAUSE = re.compile(r"(?:以后|之后|的时候)\s*$")
RELAYED = re.compile(
    r"\s*(?:听说|(?:老板|老细|领导|老总|经理|同事|客户|朋友|有人|别人|人家|财务|会计|顾问|中介)[^，,。]{0,3}?(?:说|讲|话))"
)
# 都对吗, 真的吗, 谁对, is that true: only whether the claims told are right is asked
CONFIRMS_ONLY = re.compile(
    r"(?:这些|这几个|这两个|以上)?(?:说法)?(?:都|全|是不是|是否)?(?:对|真|准确|正确|属实|靠谱|可信)"
    r"(?:的)?(?:吗|嘛|么|不|吧|呢)?|对不对|是不是真的|真的吗|真不真|真唔真|系咪真(?:㗎|嘅)?|"
    r"(?:谁|哪个|边个)(?:说的)?(?:对|啱)|啱唔啱"
    r"|(?:is|are) (?:that|this|it|they|these|those) (?:all )?(?:true|right|correct)|who is right",
    re.IGNORECASE,
)


def confirms_only(clause: str) -> bool:
    """都对吗, 可信吗, is that true: the clause asks only whether what was told is right."""
    return CONFIRMS_ONLY.fullmatch(simplify(clause).strip(" ？?。.!！")) is not None


# 同行说…, 群里有人讲…, my supplier says …: a claim someone else made, told to be checked
HEARSAY = re.compile(
    r"\s*(?:听说|听讲|听人说|据说|网上说|(?:老板|领导|同事|客户|朋友|有人|别人|人家|财务|会计|顾问|中介|代理|同行"
    r"|群里|群里面|供应商|服务商|隔壁|朋友圈|销售|业务员|乙方|集成商)[^，,。]{0,4}?(?:说|讲|话|話))"
    r"|\s*(?:someone|somebody|people|they|my|our|a|an|the)\b[^,.?]{0,30}?"
    r"\b(?:says?|said|told (?:us|me)|claims?)\b",
    re.IGNORECASE,
)
# 老板以为…, 我们记得…: what someone believes, told (a question only with 吗 or a question mark)
BELIEF_TOLD = re.compile(
    r"\s*(?:老板|老细|领导|老总|经理|同事|客户|朋友|有人|别人|人家|财务|会计|顾问|中介|我们|我)[^，,。]{0,3}?"
    r"(?:以为|觉得|认为|记得)"
)
ASKED_OUTRIGHT = re.compile(r"[?？吗嗎呢]")
LIKENED = re.compile(r".{0,2}?(?:一样|不一样|类似|相同|差不多)")  # 跟技改一样: likened to it
# separates two named things that are asked about in one breath: 入库和验收, 5G项目和标杆项目
# 同: Cantonese "and"; entry vs acceptance: each of the two
JOINERS = re.compile(r"和|与|跟|同|及|、|/|\band\b|\bor\b|\bvs\b|\bversus\b|还是")


# 已经入库了, 入库已经报了, 已入库: a stage the firm says it has done (not 入库了没有, 入库了吗)
DONE_BEFORE = re.compile(r"(?:已经|已|都)$")
DONE_AFTER = re.compile(
    r"(?:申报|申请)?(?:(?:已经|已|都)?(?:报|申报|提交|交|做|办|弄|搞|评审)?(?:完|好|过|上|成功|通过)?(?:了|咗)(?![没吗么吧])"
    r"|(?:已经|已)(?:报|申报|提交|交|做|办|通过|完成))"
)

DIRECTION_POINTERS = (
    "这个方向",
    "该方向",
    "此方向",
    "这一方向",
    "呢个方向",
    "this direction",
    "that direction",
)
# 是第三方机构打分么, 是发改局组织吗: what is asked to be so, between 是 and the question's end
IS_IT_ASKED = re.compile(r"是([^，,。？?！!]{2,20}?)(?:吗|么|嘛)")
QUOTE = re.compile(r"[“「『\"]([^”」』\"]+)[”」』\"]")  # words quoted: “上云上平台”, “稳工业”
# Germany's 'Digital Jetzt' programme: a name quoted in English before the kind of support it is
EN_QUOTED_PROGRAMME = re.compile(
    r"(?:^|[\s(])['\"‘“]([A-Za-z][^'\"’”]{1,40})['\"’”]\s+"
    r"(?:programmes?|programs?|schemes?|funds?|grants?|initiatives?|subsid(?:y|ies)|vouchers?)\b",
    re.IGNORECASE,
)
MAX_QUOTED_NAME = 12  # a programme's name in quotes is short (“稳工业”); longer is a passage

# what may stand between a verb and the stage it is done to: finish (the) entry, complete our acceptance
STAGE_OBJECT = re.compile(r"\s*(?:(?:the|our|its|their|this|that)\s+)?")
# 发改局, 市场监管局, the finance bureau: an outside word that names a body
BODY_NAME = re.compile(r"(?:局|委|厅|署|办|部门|中心|bureau|commission|department|office)$")
# the entry application must be completed: a stage, then the passive verb of its being done
STAGE_DONE_PASSIVELY = re.compile(
    r"\s*(?:applications?\s+|stage\s+|step\s+|phase\s+)?(?:(?:must|should|has to|have to|needs? to)\s+)?"
    r"(?:be|is|was|are|were|been|get|gets|got)\s*"
)


# 入库是不是六月三十号前就要弄完: the stage, a date, then "done" said of it (not 入库的项目要8月底做完:
# the project's own completion)
STAGE_DONE_BY_A_DATE = re.compile(
    r"[^，,。？?！!项目系统平台工程建设]{0,14}?(?:前|之前|以前)\s*(?:就|都)?(?:要|得|必须|需要)?"
)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


# a question asking what a thing is: 什么是X, X是什么意思, what is X, what does X mean
DEFINITION_AFTER = re.compile(
    r"^(?:请问|你好|老师)?(?:什么是|啥是|什么叫|啥叫|什么叫做|何为|何谓)(.+)$"
    r"|^what(?:'s| is| are| does)(.+?)(?: mean| stand for)?$"
    r"|^(?:(?:can|could) you |please )?(?:explain|describe|define)(?: to me| for me)?(?: what)?(.+?)"
    r"(?: is| are| means?)?(?: in (?:simple|plain|layman'?s|easy) (?:terms|words))?$"
)
# how two things differ: 边缘计算和云计算有什么区别, difference between edge and cloud computing
DEFINITION_COMPARED = re.compile(
    r"^(?:what'?s|what is) the difference between (.+)$"
    r"|^(.+?)(?:有什么区别|有啥区别|什么区别|区别是什么|的区别|有什么不同|有啥不同|是一回事吗?|是不是一回事)$"
)
DEFINITION_BEFORE = re.compile(
    r"^(.+?)(?:是什么意思|是啥意思|什么意思|啥意思|是什么东西|是啥东西|是什么|是啥|是指什么|指什么|指的是什么|怎么理解"
    r"|(?:的)?(?:中文|英文)?(?:全称|全名)(?:是什么|是啥|叫什么|叫啥|是|为)?)$"
)
SENTENCES = re.compile(r"[。？?！!；;\n，,]+")
DEFINITION_END = re.compile(
    r"[\s?？。.!！~～_＿]*(?:(?:给我|帮我|请|麻烦)?(?:科普|讲讲|讲解|解释|介绍)一下)?[\s?？。.!！~～_＿]*$"
    r"|(?<=[\u4e00-\u9fff])[呀啊呢啦哦]+$"
)
DEFINITION_FILLER = re.compile(
    r"[+＋“”\"'‘’「」、,，]|\b(?:an?|the|and|or|exactly|really|between)\b|和|与|及|跟|同|的|这个|那个|技术|(?<=[A-Za-z])\s*系统|所谓|通知里?说的|通知里的|里面?的|具体|到底|究竟"
)
# 帮我写一份申报书: a request, asked without a question mark
REQUEST = re.compile(
    # (not 女儿回来帮忙, 财务要帮忙写: someone else helps; 讲个笑话: asked to tell one)
    r"帮我|(?<![来去要在会也])帮忙|麻烦你|请你|请把|请帮|替我|讲个|讲一个|给我讲"
    r"|麻烦(?:您|你)?(?:概括|总结|归纳|介绍|解释|说明|列)"  # 麻烦概括一下: asked to sum it up
    r"|^(?:求|请)?(?:推荐|介绍)(?:一下|下|个|一个|几个|几款|一款)"  # 推荐一个适合小厂的MES: asks for one
    r"|^求推荐"  # …比较好，求推荐
    r"|could you|can you|would you|please|\bpls\b|\bplz\b"
    r"|\b(?:wants?|wanted|would like|needs?) to know\b|\bwondering\b",  # the boss wants to know: asks
    re.IGNORECASE,
)
YES_NO = re.compile(r"吗|\?$|？$")
# 是不是贴息, 系咪贴息, is it a loan: a yes-no question of its own
YES_NO_ASKED = re.compile(r"是不是|是否|系咪|吗|嗎|\bis it\b|\bis this\b", re.IGNORECASE)
# what a question with copies in it chooses between, or whom and where it asks (交给谁, 交到哪里)
COPIES_CHOICE = re.compile(r"还是([^，,。？?！!]*)")
WHO_OR_WHERE = re.compile(r"谁|哪里|哪儿|哪个部门|哪个单位|边度|边个")
NOT_A_KIND = re.compile(r"[不非]$|并不$|并非$")  # 不是软件公司: the kind the firm is not
# a date asked about (入库是8月26号截止吗, Is the deadline …), or a choice of dates (…还是…)
OFFERED_DATE = re.compile(r"吗|还是|\bor\b|^(?:is|was|are)\b", re.IGNORECASE)
PHONE = re.compile(r"(?<!\d)\d{7,8}(?!\d)")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:度)?(?!\s*\d{1,2}\s*月)(?:的)?")
# the 2021 Shaoguan programme: a year said in English, not part of a date (2021-09-30, 30/9/2021)
EN_YEAR = re.compile(r"(?<![\d/.-])\b((?:19|20)\d\d)\b(?![/.-]\d)(?=\)?\s+[a-z])")  # (2021) shaoguan too
# in August 2021, in early 2021: the year of a date said in English, not a round's
MONTH_BEFORE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?"
    r"|(?:early|late|mid|the end of|the start of|the beginning of|the middle of)[\s-]*)$",
    re.IGNORECASE,
)
# 5G那个方向叫“5G+智能工厂”: what follows is offered as the direction's name, not another programme
NAMED_AS = re.compile(
    r"方向[^，,。？?！!]{0,3}?(?:是不是|是否)?(?:叫做|叫|的名称是|名称是|的名字是|名字是|的全称是|全称是|的标题是)"
    r"[“\"「『‘]?[^，,。？?！!”\"」』’]{0,12}$"
)
# 一共就三个, 共4项: a count said, the things counted named after it
COUNT_SAID = re.compile(r"(?:\d+|[两三四五六七八九十])\s*(?:个|项|类|份|种)$")
# a question that only asks whether what was said holds: 对吗, 冇错吧, is that right?
TAG_QUESTION = re.compile(
    r"(?:对|对不对|是|是不是|冇错|没错|无错|係咪|系咪|啱唔啱|啱|对头|right|correct|true|is that right"
    r"|is that so|is that true|is he right|is she right|confirm|surely|isn't it|isn't that so|aren't they"
    r"|don't we|doesn't it)\s*[吗吧嘛呢么嗎啊呀]*\s*[?？!！。.]*",
    re.IGNORECASE,
)
# 2026年了，…还能申请吗: the year is today's, said to ask whether the round is still open
NOW_YEAR = re.compile(
    r"(?:现在是|现在都|现在已经|已经|都|现在)?\s*((?:19|20)\d\d)\s*年(?:底|初|中|末|\s*\d{1,2}\s*月份?)?了[，,。.\s]*"
    r"|(?<=现在)\s*[（(]\s*((?:19|20)\d\d)\s*年?\s*[）)]\s*"  # 现在（2026年）还能报吗
    r"|今年是\s*((?:19|20)\d\d)\s*年[，,。.\s]*"  # 今年是2026年，还能报吗
    # 今天都2026年12月2号了，这个还能报吗, 离今天（2026年12月1日）多久: today's date said in full
    r"|今天(?:是|都|已经)?\s*[（(]?\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?\s*[）)]?(?:了)?[，,。.\s]*"
    # 2026年回头看: the year one looks back from
    r"|(?:站在\s*)?((?:19|20)\d\d)\s*年\s*(?:回头|回过头|回过头来|回头来|再)看[，,。.\s]*"
    # 依家2026仲得唔得: a bare year straight after "now"
    r"|(?<=现在|依家|而家|宜家)\s*((?:19|20)\d\d)(?![\d年/.-])[，,。.\s]*"
)
STILL = re.compile(r"还(?=能|可以|来得及|有效)")
# 技改资金被查出问题整改过了这次还受影响吗, said in one breath: "this time" begins what is asked
THIS_TIME = re.compile(r"(?<=.)(?=这次|今次|这回|本次|今年)")
# 2026年新来的财务…2022年的补贴, 2022年那个项目…2026年纪检来问: beside the notice's own round, a
# later year said without a word of a round tells when the asker asks, not another round; one
# offered against the notice's (2022年定2023年) or of a thing (2026年的项目) is still a year's own
YEAR_OF_A_THING = ("的", "嘅", "度")
YEAR_CHOICE = ("定", "还是", "或", "or ", "vs")
LATER_YEAR_TOLD = re.compile(r"((?:19|20)\d\d)\s*年(?:\s*\d{1,2}\s*月份?)?了?[，,]?")
LATER_YEAR_TOLD_EN = re.compile(r"\b(?:in\s+)?((?:19|20)\d\d)\b(?![/.-]\d),?\s?", re.IGNORECASE)
# still … now in 2026: the year is today's, said in English
NOW_YEAR_EN = re.compile(
    r"\s*\b(?:(?:now\s+)?in|it'?s|it\s+is)\s+((?:19|20)\d\d)\b(?:\s+now)?[.,]?", re.IGNORECASE
)
STILL_EN = re.compile(r"\bstill\b", re.IGNORECASE)
# will there still be city matching in 2024: a later round asked of, not today said as a year
WILL_THERE_BE = re.compile(r"\bwill\s+there\s+(?:still\s+)?be\b", re.IGNORECASE)
# completed in 2024, can we still apply: the year the project was finished, not today's
DONE_IN_EN = re.compile(r"\b(?:complet|finish|went live|built|launched)[a-z]*$", re.IGNORECASE)
PROGRAMME_PREFIX = 4  # characters before another programme's word in which a direction names it
# 深圳一家软件公司, 广州的供应商: a firm said right after a place, which is the firm's
FIRM_AFTER_PLACE = re.compile(
    r"(?:市|省)?(?:的|那边的|一家|一间|有家|的一家)?[\u4e00-\u9fff]{0,4}?(?:公司|企业|厂商|服务商|供应商|集成商|团队)"
)
LOCAL_POLICY_WINDOW = 20  # characters after a county's name in which its own policy is named
CLAUSE_BREAK = re.compile(r"[，,。！!？?；;\n]")
CLAUSE_PAUSE = re.compile(r"[，,;；]")  # between clauses of one sentence (not 、: one list)
# ys结果 出了没: a terse message puts a space where a sentence goes on; read together, they are one
SPACE_IN_SENTENCE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9])\s+(?=[\u4e00-\u9fff])")
LOCAL_AGAIN = re.compile(r"县里|区里|县级|区级|本县|本区|我们县|我们区|当地|本地")
ROUND_WINDOW = 6  # characters after a year in which a word of a round is looked for
# 今次、2022呢批、这一轮: the notice's own round named in a later clause, set against another's
THIS_ROUND = (  # 参考2022年这个, 先参考下2022年那份
    r"(?:今次|这次|本次|呢次|这一次|这批|呢批|这一批|呢一批|这轮|本轮|这一轮"
    r"|{year}年?(?:的|嘅)?(?:这|呢|那|嗰)?(?:批|轮)|{year}年?(?:的|嘅)?(?:这|呢|那|嗰)(?:个|份|次))"
)
EN_ROUND_WINDOW = 40  # the same in English (the 2021 Shaoguan industrial internet programme)
SET_UP_THERE = re.compile(r"\s*在[^，,。？?！!]{1,10}?(?:注册|成立|设立|落户|建厂|开厂)")
SENTENCE_END = re.compile(r"[。？?！!]|\.\s")  # a round's word in the next sentence is not the year's
ADDRESSING = ("向", "报", "交给", "递交")  # 向省工信厅申报, 直接报省工信厅: applying to that body
APPLY_EN = re.compile(r"\b(?:apply|applying)\b")  # how do we apply to MIIT for …
# 按省级专项资金的10%: the funds just after one of these are the base of the city's amount
BASE_WORDS = ("按", "按照", "以", "根据", "依据", "获得的", "所获")
BASE_CHARS = 4
# calculated off the provincial special fund, 10% of the provincial fund: the body's funds as the base
EN_BASE_BEFORE = re.compile(
    r"\b(?:off|on|from|upon|based on|pegged to|tied to|percent of|per cent of|percentage of|%\s*of)"
    r"\s+(?:the\s+|our\s+)?$"
)
BASIS_CHARS = 12  # 省级专项资金的基础上: the words of 三 that make those funds the base
# 补贴 funds 用在展会摊位上: what the subsidy is spent on is no programme applied for
SPENT_ON = re.compile(
    r"(?:奖补资金|专项资金|奖补|补贴|资金|这笔钱|\bsubsidy|\bgrant|\bfunds?|\bmoney)[^，,。？?！!]{0,12}?"
    r"(?:用在|用于|用来|用嚟|拿来|拿去|买|\bspen[dt] on\b|\bused? (?:it )?for\b|\bbuy\b)",
    re.IGNORECASE,
)
# 是2023年的通知吧: a year offered before the word for the notice, the message opening with "it is"
YEAR_OFFERED_FIRST = re.compile(r"(?:这|呢个|这个)?(?:是|系|係)(?:不是|唔系|唔係)?\s*(?:19|20)\d\d\s*年")
# 省级资金的20%: a rate said right after a body's funds takes them as its base
RATE_OF_THE_FUNDS = re.compile(r"[^，,。？?！!\d]{0,8}?的?\s*(?:\d+(?:\.\d+)?\s*%|百分之)")
APPLYING = ("申请", "申报", "apply")  # 今年想申请省级技术改造资金: the story applies for the other thing
# 想报智能制造示范工厂, 准备去申请…: wanting to apply for what follows in the clause
WANTS_TO_APPLY = re.compile(
    r"(?:想|准备|打算|计划)(?:去|要)?(?:报|申报|申请|评|争取|冲)[^，,。？?！!]{0,12}$"
)
# 必须在韶关开展吗, does it have to be in Shaoguan: whether a project elsewhere may apply
NECESSITY = re.compile(r"必须|一定要|只能|只限|非得|是否要|\b(?:must|have to|has to|only)\b", re.IGNORECASE)
# the notice's basis named before a year (legal basis … the 2021 opinions, 依据的是2021年的文件)
BASIS_BEFORE = re.compile(r"依据|legal basis|policy basis|based on")
# which 2020 policy does the notice cite as its basis: the basis document's year offered first
# (the 2020 implementation opinions the notice cites: the basis document named by its title)
BASIS_AFTER = re.compile(
    r"[^。？?！!.]{0,50}?(?:依据|\bbasis\b|\bbased on\b|实施意见|\bimplementation opinions?\b"
    r"|\bcites?\b|\bcited\b)"
)
# 按基站数量补, 按上云用户数算: a count offered as what a direction pays by (the notice pays by funds
# or investment)
PER_COUNT = re.compile(r"按(?:照)?[^，,。？?！!]{1,8}?(?:数量|个数|数目|台数|数)(?:来)?(?:补|算|给|计)")
# 还没有在本市制造业企业用起来: the project not yet put in the city, as one elsewhere for its rule
NOT_HERE_YET = re.compile(
    r"(?:没有|没|未|尚未|还没|还未|不是)(?:在)?(?:韶关|我市|本市|市内)(?!注册|登记|成立|设立|设|单独注册|开)"
    r"|\bnot (?:yet )?(?:in|used in|deployed in) shaoguan"
)
COUNT_DIGITS = set("一二三四五六七八九十两1234567890")
# 方向2个: a count of the things, no numbered one (方向三项目 is direction 3's project)
COUNTED_AFTER = re.compile(r"\s*(?:[个家份条类種种]|[项項](?!目))")
NUMERAL_WORDS = {
    "一共",
    "一下",
    "一样",
    "一起",
    "一般",
    "一直",
    "一定",
    "一些",
    "一旦",
    "一切",
    "一次",
    "一家",
    "一间",
    "一边",
}
# 没用5G, 不是上云的, 没有涉及标杆: a direction just said not to be the project's
NEGATED = re.compile(r"(?:没|没有|不|未|无|冇|唔)(?:用|用到|涉及|是|系|做|搞|包括|包含|属于)?(?:的)?$")
# 属于哪个方向？我前面以为是系统性: a direction the user had believed, told after the question
BELIEVED = re.compile(r"(?:以为|还以为|原以为|本以为)(?:是|系|属于|算)?$")
# asking whether a day is soon enough: 7月5号来得及吗, is July 5 too late (a day chosen, not a
# deadline offered)
IN_TIME = re.compile(
    r"来得及|来不来得及|赶得上|赶不赶得上|赶得及|(?:太|会不会|会)晚|晚不晚|晚了吗|迟不迟|迟了吗"
    r"|too late|in time|late for|still (?:ok|okay|fine)\b",
    re.IGNORECASE,
)
DEADLINE_SAID = re.compile(r"截止|截至|deadline|\bdue\b", re.IGNORECASE)
# 建成, 完工, went live: the project finished (its day is the project's, not a deadline's)
COMPLETED = re.compile(
    COMPLETION_WORDS + r"|上了云|上云了|装好|装完|安装完"
    r"|(?:19|20)\d{2}\s*年\s*[）)]?\s*(?:做|搞|弄|建|实施)的"  # 项目是今年（2026年）做的
    r"|\bcomplet|\bfinish|went live|go-live|\bgo(?:es|ing)? live|went into (?:use|operation)"
    r"|\b(?:was|were|got) done\b"
    # done June 2022, done by end of July 2022
    r"|\bdone\s+(?:in\s+|on\s+|by\s+)?(?:(?:the\s+)?(?:end|middle|start|beginning)\s+of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\bwrap(?:s|ped|ping)? up\b"  # should wrap up in July 2022
    r"|\b(?:be|been|was|were|get|got) installed\b",  # the gateways will be installed by 10 Sept
    re.IGNORECASE,
)
SHORT_ENGLISH_ASK = 4  # an English ask word this short is matched whole (cap, rate, who, date)
ENGLISH_ENDINGS = r"(?:s|es|d|ed|ped|ping|ing)?\b"  # … or with one of these (caps, capped, dated)
# 省工信厅发的, 省里印发的: what follows a body offered as the notice's issuer
ISSUED_BY = re.compile(
    r"[^，,。？?！!]{0,3}?(?:(?:发|印发|出|发布|下发|搞|组织|主办)(?:的|嘅)"
    # 验收是发改局做吧, 是会计师事务所负责吗: the step done by it, offered
    r"|(?:做|负责|来做|来搞|评审|验收)(?:的|嘅)?(?=吧|吗|嘛|么|咩|[，,。？?！!]|$))"
)
# 发文单位是, 落款系: the issuer's own word, what follows offered as the issuer
ISSUER_IS = re.compile(r"(?:发文单位|发文机关|发文部门|落款(?:单位)?)(?:是不是|是|系|为|写的是)")
# 交到市财政局, 报给发改局: a body named as the one that takes the materials
HANDED_TO = re.compile(r"(?:交|报|送|递|寄)(?:到|给|去|俾|畀)$")
NOTICE_QUESTION_CHARS = 30  # a longer message about the notice asks more than its date and issuer
# 专精特新奖励是不是也在这个通知里: whether a thing is in the notice, not the notice's year or issuer
IN_THE_NOTICE = re.compile(
    r"(?:在|属于)(?:这个|这份|本|呢个|呢份)?通知(?:里|里面|内|中)|通知(?:里|里面)(?:有没有|有冇|包括|包含)"
    r"|\b(?:in|under|covered by) (?:this|the) notice\b"
)
CHOICE = re.compile(r"还是|定|或者|\bor\b")  # 2022年定2023年 (Cantonese 定: or)
THIS_SUPPORT = re.compile(
    r"^(?:这个|这笔钱|这笔|这个钱|呢笔)|\b(?:is|are) (?:this|it|the (?:money|support|subsidy|funding))\b"
    r"|\bthe (?:money|support|subsidy|funding) (?:is|are)\b",
    re.I,
)
# 还贷款, repay our loan: a loan the money is spent on, no kind of support offered
REPAID = re.compile(
    r"[还還](?:银行|銀行)?(?:的)?贷款?|[还還]款|\b(?:repay(?:ing)?|pay(?:ing)?\s+(?:down|off|back))\s+(?:\w+\s+){0,2}loans?\b",
    re.I,
)
# 会计上记营业外收入还是递延收益: a choice of how the money is booked, not of how it is given
BOOKED_AS = re.compile(
    r"会计|入账|记账|做账|分录|科目|资产相关|收益相关|计入|记[作为成]?(?:营业外|递延|其他收益)"
    r"|\bbook(?:ed)? as\b"
)
# not 定, which is in 认定; nor an "or" that begins another question (…taxable, or can we book it as …)
SUPPORT_CHOICE = re.compile(
    r"还是|或者|或是"
    r"|\bor\b(?! (?:can|could|do|does|did|is|are|should|will|would|must|may|might|shall|we|i|they)\b)"
)
PERSON_REQUEST_CHARS = 30  # a longer message naming 人工客服 tells a story or asks a question of its own
DETERMINERS = (
    *("这", "那", "哪", "该", "此", "本", "一", "每", "各", "某", "几", "多"),
    *("所有", "全部", "其他", "其它", "任何"),  # 冇拿过任何补贴: any at all, no programme named
)
# 省工信厅2022年上云上平台的申报截止: a deadline said soon after a body's name, of that body
# (省里系统几号关闭: its closing)
BODY_DEADLINE = re.compile(
    r"[^，,。？?！!]{0,14}?(?:的|嘅)?(?:(?:申报|申请)?截止|关闭|停止受理)"
    # the Guangdong provincial fund for 5G … has its own deadline this year?
    r"|[^,.?!]{0,60}?\b(?:its own|their own|a separate|separate|own) (?:application |submission )?deadline"
)
# 省里的上云项目验收一般几月份开始: a higher body's own timing (not 市财政局什么时候拨款: the city's
# finance bureau pays this notice's subsidy)
HIGHER_BODY = re.compile(r"省|国家|部|guangdong|provinc|national|miit")
BODY_TIMING = re.compile(r"[^，,。？?！!]{0,14}?(?:几月份?|哪个月|什么时候|几时|哪天)")
# what's the deadline for the Guangdong provincial … application: a higher body's deadline asked
# right before its name
DEADLINE_OF_THE_BODY = re.compile(r"\bdeadlines? (?:for|of) (?:the |this year's |their |its )?$")
# 省工信厅负责工业互联网的处室电话是多少: the body's own contacts asked
# 省里最多给多少: what the body itself gives, asked right after it
BODY_GIVES = re.compile(
    r"(?:的|嘅)?(?:一般|大概|最多|最高|封顶)?(?:能|会|可以)?(?:给|补|补助|批|拨)(?:多少|几多|咩数)"
)
# 省里有没有单独的5G补贴, 科技局也有类似的补贴, does the province have a separate 5G subsidy: its own
BODY_OWN_SUPPORT = re.compile(
    r"(?:有没有|有冇|有无|是否有|还有没有|另外有没有)(?:一个|一些)?(?:单独|另外|自己|专门|独立)(?:的)?"
    r"[^，,。？?！!]{0,10}?(?:补贴|补助|资金|政策|扶持)"
    # 科技局也有类似的补贴: a like support of its own, told
    r"|(?:也|还|另外)?有(?:类似|同样|一样|差不多)的[^，,。？?！!]{0,10}?(?:补贴|补助|资金|政策|扶持)"
    r"|\b(?:have|has|offer|offers|run|runs|provide|provides)\s+(?:a\s+|any\s+|an\s+)?"
    r"(?:separate|its own|their own|different|another)\b[^.?!,]{0,30}?"
    r"\b(?:subsid(?:y|ies)|programmes?|programs?|schemes?|grants?)\b"
)
# 看省里给多少, 不管省里给多少: the province's amount as what the city's follows or ignores
BODY_AS_A_FACTOR = re.compile(r"(?:看|睇|跟|按|根据|取决于|和|与|不管|无论|不论|唔理)\s*$")
CONTACT_ASKED = re.compile(r"电话|联系人|联系方式|邮箱")  # 省工信厅 电话: the word that starts the ask
BODY_CONTACT = re.compile(r"[^，,。？?！!]{0,14}?(?:电话|联系人|联系方式|处室|邮箱)")
# 总部问…, 母公司让我…: the one who asks, said just after the word that names it
ASKER_AFTER = re.compile(r"(?:那边|这边)?(?:问|想知道|让我|叫我|要我)")  # not 审计说…: what was found
# 麻烦发一下这个通知的文号: a fact of the notice asked to be sent or told
SENT_FOR = re.compile(
    r"麻烦(?:你)?(?:发|告诉我|查)(?:一下|下)?"
    # 顺便说下文件对承建单位的要求, 把时间表发我: told to say or send it besides
    r"|(?:顺便|另外|再)(?:说|讲|列)(?:一下|下)|发(?:给)?我(?![们哋地])"
)


def _asks_or_requests(simplified: str) -> bool:
    """A question word, a request (帮我…) or a fact asked to be sent (麻烦发一下…)."""
    return bool(QUESTION_MARK.search(simplified) or REQUEST.search(simplified) or SENT_FOR.search(simplified))


def _told_beside_marked_asks(clause: str, text: str) -> bool:
    """can the subsidy pay wages? hiring is expensive here: in a message whose questions carry
    their question marks, an English clause without one, whose only question word is a copula
    inside it, tells."""
    if "?" not in text or question_mark_after(text, clause) or not MID_COPULA.search(clause):
        return False
    at = text.find(clause)
    if at >= 0 and TAGGED_AFTER.match(text, at + len(clause)):
        return False  # the voucher is worth 10k, isn't it?: a claim asked back
    return not _asks_or_requests(MID_COPULA.sub(" ", simplify(clause)))


def _with_its_question_mark(text: str, clause: str) -> str:
    """入库申报截止时间是？: a clause ending in a copula keeps the question mark after it, which
    alone says that what it is is asked."""
    return clause + question_mark_after(text, clause) if COPULA_END.search(clause) else clause


def question_mark_after(text: str, clause: str) -> str:
    """The question mark that follows the clause in its message, or ""."""
    at = text.find(clause)
    mark = QUESTION_MARK_AFTER.match(text, at + len(clause)) if at >= 0 else None
    return mark.group().strip() if mark else ""


# 研究政策, 解读政策, 测算补贴: what one does with a policy or its money, no name of one
STUDYING = frozenset(
    {"研究", "了解", "学习", "解读", "分析", "对比", "比较", "研读", "梳理", "查看", "统计", "整理", "引用"}
    | {"测算", "估算", "核算", "预估", "预测", "计算"}
)
# 客户是深圳几家无人机大厂, 卡在几台进口设备的接口上: 几 "a few" before a thing told of at
# length; the clause asks nothing when another clause asks outright
A_FEW = re.compile(r"(?<![第有])几(?:个|家|台|套|条|种|位|名|款|间|所|处|件|项|批)[\u4e00-\u9fff]{2,}")


CONJUNCTIONS = frozenset(
    {
        "但是",
        "可是",
        "只是",
        "就是",
        "于是",
        "还是",
        "或是",
        "而是",
        "不过",
        "然后",
        "所以",
        "因为",
        "如果",
        "假如",
        "另外",
        "而且",
        "并且",
        "那么",
        "其实",
        "但系",
        "不然",
        "否则",
    }
)
QUESTION_MARK_AFTER = re.compile(r"\s*[?？]")
# hiring is expensive here: a copula after the clause's subject (not Is it …, nor what is …)
MID_COPULA = re.compile(r"(?<=[A-Za-z] )(?:is|are) (?!there\b)")
TAGGED_AFTER = re.compile(
    r"\s*[,，]\s*(?:isn't it|isn't that so|aren't they|don't we|doesn't it|right|correct|true|is that right"
    r"|is that so|is that true|no|yes|yeah)\s*\?",
    re.IGNORECASE,
)
COPULA_END = re.compile(r"(?:是|为|係|系|\bis|\bare)\s*$", re.IGNORECASE)
# 省级专项资金到了、批了以后: the funds received, so the base of the city's amount, not asked of
FUNDS_RECEIVED = re.compile(r"到了|到账|批了|批下来|批咗|拿到|攞到|获得|下来了|下达|已经")
ALREADY_RECEIVED = re.compile(r"(?:的)?(?:项目|资金|补助|补贴)?(?:也|还|已经|已)(?:拿|获得|得到|拿到|领)")
# 局长让我…, 局长说…: the one who asks or said it, not what is asked about
SAYS_OR_ASKS = re.compile(r"(?:让|叫|要|问)(?:我|我们)|吩咐|交代|说(?!明)")  # not 说明: an explanation
# 市级扶持加埋省级同国家级, 已经拿了国家级资金200万: the other level's funds added to the city's
# or already received (the notice's total cap, not that level's programme)
ADDED_OR_RECEIVED = re.compile(
    r"(?:加埋|加上|加起来|连同|合计|同|和|及|跟|拿了|拿到了|拿到|获得了|获得|得到了|得到|领了|攞咗|拎咗)$"
)
# 上次做技改是县里来人看的: the firm's past experience with another programme, a story told
DONE_BEFORE = re.compile(
    r"(?:上次|上回|以前|之前|早前|去年|前年|曾经)(?:也|都)?(?:做|搞|报|申报|申请|弄)(?:过|了|咗)?(?:的)?$"
)
# 光伏玻璃厂, 光伏边框企业: a firm of that trade, who asks (not 光伏厂房, the roof a plant goes on)
FACTORY_OF_THE_TRADE = re.compile(
    r"(?:(?![和与及或跟同每各的个家有这那些等里])[\u4e00-\u9fff]){0,3}?(?:厂家|厂|企业|公司)(?!房)"
)
NOT_DONE = re.compile(r"(?<!有)(?:没有|没|未|冇|从未|从来没有?)$")  # not 有没有, 有冇: a question
# 投了1000万做智能工厂: the firm builds the factory or workshop, a project of its own, not the
# programme of that title (智能工厂认定 is the programme)
BUILT_AS_PROJECT = re.compile(r"(?:做|搞|建|建设|打造|上)(?:了|咗)?(?:个|一个|一套)?$")
BUILT_PLACES = ("工厂", "车间")
TITLE_AFTER = re.compile(r"(?:的)?(?:认定|评选|称号|名单|奖励|奖补|补贴)")
# 类似补贴, 同类补贴, 相关补贴, 重复补贴: a word of likeness (or of the same support twice) names
# no support of its own
LIKENESS = ("类似", "同类", "相似", "相关", "相同", "同样", "一样", "这类", "那类", "重复", "双重", "叠加")
NO_FUNDS_TAKEN_BACK = 8  # characters after 省里没批 where 不对、说错 take it back


def ids_of_kind(topics: list[Topic], kind: set[str]) -> list[str]:
    """The ids of this kind among the topics, each once, in the order named."""
    seen: list[str] = []
    for topic in topics:
        if topic.id in kind and topic.id not in seen:
            seen.append(topic.id)
    return seen


def joined_tags(clauses: list[str], topics_of: Callable[[str], set[str]]) -> list[str]:
    """听说验收是交市工信局，不是县里，对吗: a tag question (对吗, right?) asks whether the
    statement before it holds, so it is one question with the clauses since the last question;
    a statement of several things (入库7月8号，验收8月26号，对吗) is asked of each of them."""
    joined: list[str] = []
    start = 0  # where the statement the next tag confirms begins
    for clause in clauses:
        if TAG_QUESTION.fullmatch(simplify(clause).strip()) and len(joined) > start:
            statement = joined[start:]
            # 支持方向一共就三个：上云、标杆、5G，对吧: the things named are the count's items, one statement
            counted = COUNT_SAID.search(simplify(statement[0]).strip()) is not None
            if not counted and len(set().union(*map(topics_of, statement))) > 1:
                joined[start:] = [f"{said}，{clause}" for said in statement]
            else:
                joined[start:] = ["，".join([*statement, clause])]
        else:
            joined.append(clause)
        if QUESTION_MARK.search(simplify(clause)):
            start = len(joined)
    return joined


def short_place_name(name: str) -> str:
    """乳源瑶族自治县 → 乳源, 仁化县 → 仁化, 乐昌市 → 乐昌: the name people say."""
    return re.sub(r"(?:[\u4e00-\u9fff]族)?自治[县州]$|[县区市]$", "", name) or name


def longest_first(word: str) -> tuple[int, str]:
    """Longest first (边缘计算网关 before 网关); words of one length in one fixed order."""
    return (-len(word), word)


@dataclass(frozen=True)
class Topic:
    id: str
    word: str
    at: int  # position in the simplified text


@dataclass(frozen=True)
class Understanding:
    text: str  # the message as understood (a follow-up already merged with its context)
    simplified: str
    topics: list[Topic]
    intents: list[str]
    figures: list[Figure]
    no_base_funds: bool
    premise: bool
    other_programme: str | None
    clauses: list[str] = field(default_factory=list)
    # a year or a body offered for the notice itself (这是2023年的通知吧): its date and issuer are asked
    about_the_notice: bool = False
    # the message's percentages but those measuring the project itself (良品率提升到99%)
    offered_rates: list[Decimal] = field(default_factory=list)
    # the other place a project is said to be in (标杆平台部署在广州, 在外地开展), or ""
    project_elsewhere: str = ""
    # amounts said in another currency (港币600万): never worked out as yuan
    foreign_figures: list[Figure] = field(default_factory=list)
    # figures worked from a share said of another (省里按20%补了, of the investment)
    shares: list[Share] = field(default_factory=list)

    def topic_ids(self, kind: set[str]) -> list[str]:
        return ids_of_kind(self.topics, kind)

    @property
    def claims(self) -> list[Figure]:
        return [f for f in self.figures if f.role in (None, "claim")] if self.premise else []

    def claimed_dates(self) -> list[tuple[int | None, int, int]]:
        """Dates offered for confirmation: 入库是8月26号截止吧, …截止吗, 是7月8号还是8月26号."""
        offered = self.premise or bool(OFFERED_DATE.search(self.simplified))
        if not offered:
            return []
        # went live on July 15, 2022 / 7月15日完工: the project's own day, no deadline offered
        # 7月5号交来得及吗: a day chosen, asked of (Timing judges it), no deadline offered
        own = {
            (m, d)
            for c in self.clauses
            if COMPLETED.search(c) or (IN_TIME.search(c) and not DEADLINE_SAID.search(c))
            for _, m, d in read_dates(c)
        }
        opening = DAY_COME_TO.match(to_arabic(self.simplified))  # 8月19号了: today, no deadline offered
        if opening:
            own.add((int(opening.group(1)), int(opening.group(2))))
        return [date for date in read_dates(self.text) if date[1:] not in own]

    @property
    def asks_yes_no(self) -> bool:
        """A statement offered (我记得…, …对吧) or a yes/no question (…吗, …?)."""
        return self.premise or YES_NO.search(self.simplified) is not None

    def claimed_copies(self) -> list[int]:
        """Copies in a yes/no question are offered for confirmation: 申报书印6份可以吗, 6份还是7份;
        not where the question chooses between other things or asks who or where (纸质材料7份是交到
        县里还是直接交市里: the copies are told, the place is asked)."""
        if not self.asks_yes_no:
            return []
        choice = COPIES_CHOICE.search(self.simplified)
        if WHO_OR_WHERE.search(self.simplified) or (choice and not read_copies(choice.group(1))):
            return []
        return read_copies(self.text)

    def claimed_rates(self) -> list[Decimal]:
        """A rate in a yes/no question is offered for confirmation: 是按20%配套吗."""
        return self.offered_rates if self.asks_yes_no else []

    def claimed_years(self) -> list[int]:
        """Years offered for confirmation (91号文是2023年的吧)."""
        return [int(m.group(1)) for m in YEAR.finditer(self.simplified)] if self.premise else []

    def claimed_numbers(self) -> list[str]:
        """Long digit strings offered for confirmation (a phone number: 电话是8884322对吧), not an
        amount of money said in digits (RMB 1,000,000)."""
        if not self.premise:
            return []
        amounts = {f.yuan.normalize() for f in self.figures}
        return [n for n in PHONE.findall(self.simplified) if Decimal(n).normalize() not in amounts]


def _without_the_known_condition(text: str) -> str:
    """The text with the condition said to be known (除了注册…) blanked, its positions kept."""

    def blank(match: re.Match[str]) -> str:
        return match.group(0)[: match.start(1) - match.start()] + " " * len(match.group(1))

    return CONDITIONS_BESIDES.sub(blank, text)


def _as_searched(index: SearchIndex, words: list[str]) -> set[str]:
    """The words' tokens as the search index makes them (补贴 → 奖补), without bigrams."""
    return {t for w in words for t in index.normaliser.tokens(w, correct=False) if not t.startswith("~")}


def spaced_sentences(text: str) -> list[str]:
    """乳源县工信局 电话多少: the sentences of a message (between its punctuation) whose parts are
    apart by a space only, which a terse message puts where a sentence goes on."""
    return [s for s in CLAUSE_BREAK.split(simplify(text)) if SPACE_IN_SENTENCE.search(s)]


class Reader:
    """Built once from the search index (its normaliser and lexicon); `read` is read-only."""

    def __init__(self, index: SearchIndex) -> None:
        lexicon = index.kb.lexicon
        self.index = index
        # the user's figures and their roles, parts and totals: the words prepared once
        bases = {d.funding.base for d in index.kb.notice.directions}  # each listed firm has its own
        directions = [w for d in index.kb.notice.directions for w in lexicon.topics.get(d.id, [])]
        window_rule = index.kb.notice.construction_window  # money spent outside it is not counted
        self.amounts = AmountReader(
            lexicon.figure_roles,
            lexicon.figure_parts,
            lexicon.total_words,
            bases,
            labels=directions,
            exclusions=lexicon.figure_exclusions,
            window=window_rule.window if window_rule else None,
        )
        self.total_words = [simplify(w) for w in lexicon.total_words]
        directions_rates = [d.funding.rate for d in index.kb.notice.directions if d.funding.rate is not None]
        self.shares = ShareReader(
            lexicon.figure_shares,
            lexicon.figure_roles,
            lexicon.own_measures,
            [Decimal(str(rate)) for rate in directions_rates],
        )
        # a topic word is looked for both as typed and in canonical form (after the synonyms)
        # directions and stages are also looked for after the synonyms (第二个方向 → 方向二); the
        # words of other topics only as typed, since a synonym may make them generic (子公司 → 企业)
        notice = index.kb.notice
        canonical_ids = {d.id for d in notice.directions} | {s.id for s in notice.stages}
        self.canonical_ids = canonical_ids
        self.direction_ids = {d.id for d in notice.directions}
        self.stage_ids = {s.id for s in notice.stages}
        # as typed and as read (哪一块 is 哪1块 once numerals are digits)
        self.which_direction = sorted(
            {form for w in lexicon.which_direction if w for form in (simplify(w), to_arabic(simplify(w)))}
        )
        self.which_other_things = tuple(simplify(w) for w in lexicon.which_other_things if w)
        self.applicant_asks = [simplify(w).lower() for w in lexicon.applicant_asks if w]
        # 我们是做陶瓷的制造企业, 不是软件公司, we are a manufacturer: the kind of firm the user is
        kinds = "|".join(re.escape(simplify(w).lower()) for w in lexicon.applicant_kinds if w)
        self.applicant_kinds = (
            # 我们做工业视觉检测的软件公司: what the firm does, then its kind
            re.compile(
                rf"(?:是|系(?!统)|属于|作为|(?:我们|我司|我哋)做|\bwe are|\bwe're|\bas a)"
                rf"[^，。？?！!,]{{0,8}}(?:{kinds})"
            )
            if kinds
            else None  # a pack that names no kinds of firm
        )
        self.kind_directions = {simplify(k).lower(): ids for k, ids in lexicon.kind_directions.items() if k}
        pairs = []
        for topic_id, words in lexicon.topics.items():
            for word in words:
                forms = {simplify(word)}
                if topic_id in canonical_ids:
                    forms.add(index.normaliser.canonical(word, correct=False).replace(" ", ""))
                for form in forms:
                    if form:
                        pairs.append((form, topic_id))
        # longest first, and in one order whatever the process's string hashing (ties by the word)
        self.topic_words = sorted(set(pairs), key=lambda p: (-len(p[0]), p))
        self._topic_list = WordList(self.topic_words)
        self.intent_words = sorted(
            {index.normaliser.canonical(w, correct=False).replace(" ", "") for w in lexicon.intent_words}
            - {""},
            key=longest_first,
        )
        # an English ask word as a word of its own: cap not in capacitor, who not in whole, date
        # not in update (short ones whole, longer ones with their endings: calculated)
        self._english_asks = {
            w: re.compile(
                rf"\b{re.escape(w)}"
                + (ENGLISH_ENDINGS if len(w) <= SHORT_ENGLISH_ASK else "")
                + (WHEN_NOT_ASKED if w == "when" else "")
            )
            for w in self.intent_words
            if w.isascii()
        }
        self.no_base_funds = [simplify(w) for w in lexicon.no_base_funds]
        self.own_measures = [simplify(w) for w in lexicon.own_measures if w]
        self.other_programmes = WordList((simplify(w), None) for w in lexicon.other_programmes)
        self.premise_markers = [simplify(w) for w in lexicon.premise_markers]
        self.notice_refs = [to_arabic(w) for w in lexicon.notice_refs if w]
        self.own_names = [to_arabic(w).lower() for w in lexicon.notice_names if w]  # 工业互联网, 这个通知 …
        self.other_bodies = [simplify(w) for w in lexicon.other_bodies]
        self.fits_notice = [re.compile(p, re.IGNORECASE) for p in lexicon.fits_notice_patterns if p]
        self._bodies_longest_first = sorted((w for w in self.other_bodies if w), key=len, reverse=True)
        self.not_bodies = [simplify(w) for w in lexicon.not_bodies if w]
        self.own_bodies = [simplify(w) for w in lexicon.own_bodies if w]
        self.body_funds_questions = [simplify(w) for w in lexicon.body_funds_questions if w]
        self.round_words = [simplify(w) for w in lexicon.round_words]
        self.local_policy_words = [simplify(w) for w in lexicon.local_policy_words]
        self.general_comparisons = [simplify(w) for w in lexicon.general_comparisons if w]
        self.task_requests = [simplify(w).lower() for w in lexicon.task_requests if w]
        # the details as words (looked up by how they begin), the patterns one by one
        self.unstated_details = WordList((simplify(w), None) for w in lexicon.unstated_details if w)
        self.unstated = [re.compile(p) for p in lexicon.unstated_patterns]
        self.reasons_behind_rules = WordList((simplify(w), None) for w in lexicon.reasons_behind_rules if w)
        self.why_words = WordList((simplify(w), None) for w in lexicon.why_words if w)
        # longest first (边缘计算网关 before 网关); English terms as whole words only
        self.named_terms = [
            re.compile(rf"\b{re.escape(t)}\b" if t.isascii() else re.escape(t))
            for t in sorted({simplify(w) for w in lexicon.named_terms if w}, key=longest_first)
        ]
        self.any_named_term = re.compile("|".join(t.pattern for t in self.named_terms) or "(?!)")
        self.notice_things = [simplify(w) for w in lexicon.notice_things if w]
        # 仁化县 → 仁化, 乳源瑶族自治县 → 乳源 too: people name their county without 县
        self.jurisdictions = sorted(
            {form for j in notice.jurisdictions for form in (j.name.zh, short_place_name(j.name.zh))}
            | {simplify(w) for w in lexicon.local_bodies if w},
            key=longest_first,
        )
        # where the firm is, said any way (高新区 too); a place's own policy is found by its name,
        # since 高新区这边谁负责 asks the committee the notice is addressed to, not a local policy
        also_said = {simplify(w) for j in notice.jurisdictions for w in j.also_said}
        self.places_of_the_notice = sorted(
            {p for p in self.jurisdictions if p not in lexicon.local_bodies} | also_said, key=longest_first
        )
        self.notice_year = index.kb.notice.notice.date.year
        self.this_round = re.compile(THIS_ROUND.format(year=self.notice_year))
        # 2022还是2023年的通知: the notice's own year offered beside another, whose year is asked
        self.own_year_offered = re.compile(rf"{self.notice_year}年?(?:的|嘅)?(?:还是|或者|定系)\s*$")
        self.elsewhere_words = [simplify(w) for w in lexicon.elsewhere_words if w]
        self.project_place_words = [simplify(w) for w in lexicon.project_place_words if w]
        self.home_words = [simplify(w) for w in lexicon.home_words if w]
        self.body_programme_words = [simplify(w) for w in lexicon.body_programme_words]
        self.matching_words = [simplify(w) for w in lexicon.matching_words]
        self.city_matching_words = [simplify(w) for w in lexicon.city_matching_words if w]
        # the funds the notice matches (省级资金, 专项资金), not the city's words for its matching
        self.base_funds_words = [w for w in self.matching_words if w not in self.city_matching_words]
        self.recommended_to = [simplify(w) for w in lexicon.recommended_to if w]
        self.followup_markers = [simplify(w) for w in lexicon.followup_markers]
        self.followup_exceptions = tuple(simplify(w) for w in lexicon.followup_exceptions)
        # longest first: taken out of a message whole before a shorter one inside them
        self.person_requests = sorted(
            (simplify(w).replace(" ", "") for w in lexicon.person_requests if w), key=len, reverse=True
        )
        self.support_words = {
            index.normaliser.canonical(w, correct=False).replace(" ", "") for w in lexicon.support_words
        } - {""}
        self.other_support_kinds = [simplify(w) for w in lexicon.other_support_kinds if w]
        self.support_names = {simplify(w) for w in lexicon.support_words}  # as typed: 补贴, 奖励
        self.support_method = simplify(lexicon.support_method_intent)
        # a body's funds named after it: 省级专项资金, 省里的补贴
        self.funds_words = [*self.matching_words, *sorted(self.support_names)]
        # as the search index tokenises them (补贴 → 奖补, 多少 → 金额)
        self.apply_words = _as_searched(index, lexicon.apply_words)
        self.generic_words = _as_searched(index, lexicon.generic_words)
        self.paperwork_words = _as_searched(index, lexicon.paperwork_words)

    def topics_named(self, text: str, *, correct: bool = True) -> list[Topic]:
        """The topics the text names as written, then those only its canonical form names (the
        lexicon's words for a topic); correct=False for the knowledge base's own texts."""
        topics = self._topics(_without_the_known_condition(to_arabic(text)))
        known = {t.id for t in topics}
        canonical = self.index.normaliser.canonical(text, correct=correct).replace(" ", "")
        return topics + [
            t for t in self._topics(canonical) if t.id not in known and t.id in self.canonical_ids
        ]

    def topic_ids(self, text: str, kind: set[str]) -> list[str]:
        """read(text).topic_ids(kind), without reading the rest of the message."""
        return ids_of_kind(self.topics_named(text), kind)

    def _topics(self, text: str) -> list[Topic]:
        found: list[Topic] = []
        taken: list[tuple[int, int]] = []
        for word, topic_id in self._topic_list.present(text):
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                latin = word.isascii()
                bounded = not latin or (
                    (start == 0 or not _latin(text[start - 1]))
                    and (end == len(text) or not _latin(text[end]))
                )
                # 方向一共有几个: the numeral belongs to the next word (一共), not to the topic; nor
                # does it in 每个方向2个 (two of them, not direction 2)
                bounded = bounded and text[end - 1 : end + 1] not in NUMERAL_WORDS
                bounded = bounded and not (word[-1] in COUNT_DIGITS and COUNTED_AFTER.match(text, end))
                if bounded and not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    found.append(Topic(topic_id, word, start))
                start = text.find(word, end)
        found.sort(key=lambda t: t.at)
        after = [*found[1:], None]  # each topic with the one named next
        before = [None, *found[:-1]]
        done = self._done_to_a_stage
        return [
            t
            for i, t in enumerate(found)
            if not (done(text, t, after[i]) or self._stage_done_passively(text, t, before[i]))
        ]

    def _without_negated_directions(self, simplified: str, topics: list[Topic]) -> list[Topic]:
        """没用5G, 不是上云项目: a direction said not to be the project's is no direction named; nor
        is one the user had believed, told after what is asked (我前面以为是系统性)."""

        def negated(topic: Topic) -> bool:
            end = topic.at + len(topic.word)
            if simplified[topic.at : end] != topic.word:
                return False
            believed = BELIEVED.search(simplified, 0, topic.at) and not QUESTION_MARK.search(simplified, end)
            return bool(believed) or NEGATED.search(simplified, 0, topic.at) is not None

        return [t for t in topics if t.id not in self.direction_ids or not negated(t)]

    def _without_askers(self, simplified: str, topics: list[Topic]) -> list[Topic]:
        """我们集团总部问发文单位: the headquarters asks; the word names who asks, not the rule of
        an entry (总部在外地 is the registration rule's)."""
        entries = self.index.kb.entries_by_id
        return [
            t
            for t in topics
            if t.id not in entries
            or simplified[t.at : t.at + len(t.word)] != t.word  # found in the canonical form, not here
            or not ASKER_AFTER.match(simplified, t.at + len(t.word))
        ]

    def _without_done_stages(self, simplified: str, topics: list[Topic]) -> list[Topic]:
        """我们已经入库了，现在准备验收，要交啥: the stage said done is the firm's story; the
        other stage named is the one asked about (a done stage alone is still what is asked)."""

        def done(topic: Topic) -> bool:
            end = topic.at + len(topic.word)
            if topic.id not in self.stage_ids or simplified[topic.at : end] != topic.word:
                return False
            return bool(DONE_BEFORE.search(simplified, 0, topic.at) or DONE_AFTER.match(simplified, end))

        finished = [t for t in topics if done(t)]
        asked = [t for t in topics if t.id in self.stage_ids and t not in finished]
        if not finished or not any(t.id not in {f.id for f in finished} for t in asked):
            return topics
        return [t for t in topics if t not in finished]

    def _done_to_a_stage(self, text: str, topic: Topic, after: Topic | None) -> bool:
        """finish the database registration step: an English verb of a thing done (finish,
        complete) whose object is a stage says the stage is done, not the project."""
        if after is None or after.id not in self.stage_ids or topic.id in self.canonical_ids:
            return False
        between = text[topic.at + len(topic.word) : after.at]
        return topic.word.isascii() and STAGE_OBJECT.fullmatch(between) is not None

    def _stage_done_passively(self, text: str, topic: Topic, before: Topic | None) -> bool:
        """by when must the entry application be completed: an English verb of a thing done after a
        stage and its passive "be" says the stage is done, not the project; so does a Chinese one
        after the stage and a date (入库六月三十号前就要弄完)."""
        if before is None or before.id not in self.stage_ids or topic.id in self.canonical_ids:
            return False
        between = text[before.at + len(before.word) : topic.at]
        if not topic.word.isascii():
            return STAGE_DONE_BY_A_DATE.fullmatch(between) is not None
        return STAGE_DONE_PASSIVELY.fullmatch(between) is not None

    def intents_of(self, text: str) -> list[str]:
        """The intent words the text asks, in the order it asks them."""
        spaced = RELATIVE_WHO.sub(" ", self.index.normaliser.canonical(text))
        bare = spaced.replace(" ", "")
        # 边缘计算 names a technology; it asks no calculation
        bare = self.any_named_term.sub(lambda m: "·" * len(m.group()), bare)
        found: dict[str, int] = {}
        for word in self.intent_words:
            if word not in (spaced if word.isascii() else bare) or any(word in f for f in found):
                continue  # (an English ask's pattern starts with its word: absent, it cannot match)
            if not word.isascii():
                found[word] = bare.find(word)
                continue
            match = self._english_asks[word].search(spaced)
            if match:
                found[word] = match.start() - spaced.count(" ", 0, match.start())
        return sorted(found, key=found.__getitem__)

    def read(self, text: str) -> Understanding:
        simplified = to_arabic(text)
        topics = self._without_negated_directions(
            simplified, self._without_done_stages(simplified, self.topics_named(text))
        )
        topics = self._without_askers(simplified, topics)
        # typed homophones corrected (头资七百万 → 投资七百万); a correction keeps the text's length
        homophones_corrected = self.index.normaliser.corrected(text)
        said = self.amounts.read(homophones_corrected)  # 头资七百万: the investment
        figures = [f for f in said if f.in_yuan]  # worked out; any amount said tells a story
        # 投资1200万，省里按20%补了: the provincial funds worked from their share of the investment
        shares = self.shares.read(homophones_corrected, figures)
        figures = sorted([*figures, *(s.figure for s in shares)], key=lambda f: f.start)
        share_rates = {s.rate for s in shares}  # 省里按20%补了: a share, no rate offered for the city
        premise = any(w in simplified for w in self.premise_markers)
        about_the_notice = self._questions_the_notice(simplified, premise, bool(topics or said))
        # another programme's name typed as a homophone (架计扣除) is still its name; the topics'
        # places hold in the corrected text
        corrected = to_arabic(homophones_corrected)
        bodies_corrected = self._without_not_bodies(corrected)  # 工信部门 is no ministry
        other = None if about_the_notice else self._other_programme(bodies_corrected, topics)
        if other and self._part_of_a_situation(corrected, other, topics, bool(said)):
            other = None  # 技改资金被审计通报过，还能报吗: the other programme is the story's
        if other and NAMED_AS.search(corrected, 0, max(corrected.find(other), 0)):
            other = None  # 5G那个方向叫“5G+智能工厂”对吧: a name offered for the notice's direction
        if other and self._spent_on(corrected, other):
            other = None
        if other and self._kind_offered_after_the_method_in(simplified):
            other = None  # 是什么支持方式？是不是贴息: the other kind offered for the notice's own
        if not about_the_notice:
            # 省级专项资金怎么深报: asked of the body's funds, as typed with its homophones corrected
            offered = other or self.offers_another_body(simplified)
            body = None if offered else self._other_body(bodies_corrected)
            if (
                body
                and self._part_of_a_situation(simplified, body, topics, bool(said))
                and not self._asked_of_its_funds(bodies_corrected, body)
                and not self._its_own_support(bodies_corrected, body)  # 科技局也有类似的5G补贴，最高200万
            ):
                body = None  # 3年前有个省级补贴被审计认定违规使用，这次还能报吗: the story's
            other = other or body or self._other_round(simplified)
            local = self._local_policy(simplified)
            # 接到县工信局电话说有这个项目，入库几号截止: the county's bureau is the story's
            if local and not self._told_not_asked(simplified, local):
                other = other or local[0]
        # 翻译一下：边缘计算网关: a task asked on words, whatever of the notice they name
        other = other or next((w for w in self.task_requests if w in simplified.lower()), None)
        if not (other or about_the_notice or topics or said) and self._general_comparison(simplified):
            other = next(w for w in self.general_comparisons if w in simplified)
        support = None if other or about_the_notice else self._named_support(text)
        if support and (
            any(support in c and self._kinds_offered_for_this(c) for c in CHOICE_CLAUSES.split(simplified))
            or self._kind_offered_after_the_method_in(simplified)
        ):
            # 这是无偿补助、贷款还是贴息, 是什么支持方式？是不是贴息: the notice's own support among
            # the choices, or asked before the other kind is offered
            support = None
        if support and not self._part_of_a_situation(simplified, support, topics, bool(said)):
            other = support
        joined = WH_PAIR.sub(r"\1 \3? \2 \3", text)
        for one_clause in (BETWEEN_AND, VERB_AND_VERB, KIND_AND_KIND):
            joined = one_clause.sub(r"\1&", joined)
        clauses = [
            _with_its_question_mark(joined, c.strip())
            for c in MESSAGE_CLAUSES.split(joined)
            if c and c.strip()
        ]
        return Understanding(
            text=text,
            simplified=simplified,
            topics=topics,
            intents=self.intents_of(text),
            figures=figures,
            no_base_funds=self._says_no_base_funds(simplified),
            premise=premise,
            other_programme=other,
            clauses=joined_tags(clauses, lambda clause: {t.id for t in self._topics(to_arabic(clause))}),
            about_the_notice=about_the_notice,
            offered_rates=[r for r in self._offered_rates(simplified) if r not in share_rates],
            shares=shares,
            project_elsewhere=self._project_elsewhere(clauses),
            foreign_figures=[f for f in said if not f.in_yuan],
        )

    def _says_no_base_funds(self, simplified: str) -> bool:
        """省里没给 says there are no provincial funds, unless taken back at once (省级资金还没批下来，
        不对，批了，上周批了50万)."""
        for word in self.no_base_funds:
            at = simplified.find(word)
            while at >= 0:
                after = simplified[at + len(word) : at + len(word) + NO_FUNDS_TAKEN_BACK]
                if not CORRECTION.search(after):
                    return True
                at = simplified.find(word, at + 1)
        return False

    def says_its_kind(self, understood: Understanding) -> bool:
        """我们是软件公司, we are a manufacturer: the message says what kind of firm it is."""
        kinds = self.applicant_kinds
        return kinds is not None and kinds.search(understood.simplified.lower()) is not None

    def asks_the_applicant(self, understood: Understanding) -> bool:
        """上云项目是哪类企业报, what kind of company applies: the kind of firm that applies is asked."""
        text = understood.simplified.lower()
        return any(w in text for w in self.applicant_asks)

    def directions_for_its_kind(self, understood: Understanding) -> list[str]:
        """The directions whose applicant is the kind of firm the message says it is (我们不是工厂，
        是做软件的: direction 2); none for a kind it says it is not (不是软件公司, not a software
        company) or one the pack maps to no direction."""
        if self.applicant_kinds is None:
            return []
        text = understood.simplified.lower()
        said = [
            m.group()
            for m in self.applicant_kinds.finditer(text)
            if not NOT_A_KIND.search(text[max(0, m.start() - 2) : m.start()]) and " not " not in m.group()
        ]
        found = {i for kind, ids in self.kind_directions.items() for m in said if kind in m for i in ids}
        return sorted(found)

    def _project_elsewhere(self, clauses: list[str]) -> str:
        """部署在广州, 在外地开展, used by factories in Guangzhou: the other place a project is put
        in, said in one clause with a word that puts it there; not 广州的企业在韶关做项目."""
        for clause in clauses:
            simplified = simplify(clause)
            if not any(w in simplified for w in self.project_place_words):
                continue
            unnamed = [w for w in self.elsewhere_words if w in simplified]
            if unnamed and not any(w in simplified for w in self.jurisdictions):  # 在韶关以外开展
                # 不是在韶关开展的: a place said by denying ours is named by the list's first word
                return self.elsewhere_words[0] if PLACE_DENIED.match(unnamed[0]) else unnamed[0]
            if any(p in simplified for p in self.jurisdictions) or any(
                w in simplified for w in self.home_words
            ):
                if (NECESSITY.search(simplified) or NOT_HERE_YET.search(simplified)) and self.elsewhere_words:
                    return self.elsewhere_words[0]  # 必须在韶关开展吗: whether one elsewhere may apply
                continue
            # (外包给深圳一家软件公司做的: the firm doing it is from there, not the project)
            named = [p for p in self.index.places_named(clause) if not self._firm_of_the_place(simplified, p)]
            if named or unnamed:
                return named[0] if named else unnamed[0]
        return ""

    @staticmethod
    def _firm_of_the_place(simplified: str, place: str) -> bool:
        """深圳一家软件公司, 广州的供应商: the place named of a firm said right after it."""
        name = place.replace(" ", "")
        at = simplified.find(name)
        return at >= 0 and FIRM_AFTER_PLACE.match(simplified, at + len(name)) is not None

    def _offered_rates(self, simplified: str) -> list[Decimal]:
        """是按20%配套吗 offers a rate; 良品率从92%提升到99%，能报吗 tells how the project went."""
        return [
            rate
            for clause in CLAUSE_SPLIT.split(simplified)
            if not any(w in clause for w in self.own_measures)
            for rate in read_percentages(clause)
        ]

    def _questions_the_notice(self, simplified: str, premise: bool, names_a_thing: bool) -> bool:
        """这是2023年的通知吧, 这次是2022年的还是2023年的申报, 这个文是发改委发的吧: a short message
        pointing at this notice that offers a year or a body for it, or a choice of years — not
        another year's round (2023年的通知出了吗 points at no notice)."""
        if names_a_thing or IN_THE_NOTICE.search(simplified):
            return False
        refs = [simplified.find(w) for w in self.notice_refs if w in simplified]
        if not refs:
            return False
        # 群里转的这个通知是2022年的还是2023年的？别搞错了: the sentence that points at the notice
        pointing = next(
            (s for s in SENTENCE_END.split(simplified) if any(w in s for w in self.notice_refs)), simplified
        )
        if len(pointing) > NOTICE_QUESTION_CHARS:
            return False
        found = list(YEAR.finditer(simplified))
        if found and found[0].start() < min(refs) and not YEAR_OFFERED_FIRST.match(simplified):
            return False  # 2023年的通知是不是还没出: the year names the notice, not offered for this one
        years = {int(m.group(1)) for m in found}
        # a higher body offered as the issuer (这个通知是广东省工信厅发的吗)
        after = simplified[min(refs) :]
        body = any(
            ISSUED_BY.match(after, after.find(b) + len(b)) for b in self.other_bodies if b and b in after
        )
        outside = [w for w in self.index.outside_words(after) if w in after]
        # 这个通知是发改局发的吗: a body the knowledge base calls outside, offered as the issuer
        body = body or any(ISSUED_BY.match(after, after.find(w) + len(w)) for w in outside)
        # 发文单位是韶关市发改局吗: the issuer's own word, a body after it offered as the issuer
        issuer = ISSUER_IS.search(after)
        body = body or (
            issuer is not None and any(b in after[issuer.end() :] for b in self.other_bodies if b)
        )
        # 这个通知是去年年底出的: a year counted from today, offered as the notice's
        relative = any(w in after for w in RELATIVE_YEARS) and ISSUED_BY.search(after) is not None
        offered = bool(years) or body or relative or bool(self.index.outside_words(simplified))
        # 这是2026年的吗, 是省工信厅发的吗: a year or a body offered, asked yes or no
        # (這份通知係科技局發嘅？: a Cantonese yes-or-no question ends on its question mark)
        asked = "吗" in simplified or simplified.rstrip().endswith(("?", "？"))
        asks_yes_no = (bool(years) or body or relative) and asked
        # 哪个单位发的？是市工信局还是发改局: the issuer asked, a body outside the notice its choice
        choice = CHOICE.search(after)
        outside_choice = (
            choice is not None
            and ISSUED_BY.search(after) is not None
            and any(after.find(w) > choice.start() for w in outside)
        )
        chooses = (len(years) > 1 and bool(CHOICE.search(simplified))) or outside_choice
        return offered and (premise or asks_yes_no or chooses)

    def rounds_said_by_year(self, text: str, today: dt.date) -> str:
        """去年那批上云补贴 → 2025年那批上云补贴, last year's programme → 2025 programme (asked in
        2026): a round named by a year counted from today is that year's round, this notice's only
        if the year is the notice's."""
        text = RELATIVE_ROUND_EN.sub(lambda m: str(today.year + RELATIVE_YEARS_EN[m.group(1).lower()]), text)
        return RELATIVE_ROUND.sub(
            lambda m: f"{today.year + RELATIVE_YEARS[next(g for g in m.groups() if g)]}年", text
        )

    def now_said_as_year(self, text: str) -> str:
        """2026年了，这个项目还能申请吗 → 这个项目现在还能申请吗: a later year said as today."""
        text = self._later_years_told(text)
        english = NOW_YEAR_EN.search(text)
        # the year a project was done, or a round asked of: not today said as a year
        other_time = english is not None and (
            DONE_IN_EN.search(text[: english.start()].rstrip()) or WILL_THERE_BE.search(text)
        )
        if english and int(english.group(1)) > self.notice_year and STILL_EN.search(text) and not other_time:
            return f"{text[: english.start()]} now{text[english.end() :]}"
        match = NOW_YEAR.search(text)
        year = int(next(g for g in match.groups() if g)) if match else 0
        if not match or year <= self.notice_year:
            return text
        if not STILL.search(text, match.end()):  # 现在已经2026年了，入库截止是哪天: only tells the date
            return text[: match.start()] + text[match.end() :] if not match.group(2) else text
        rest = STILL.sub("现在还", text[match.end() :], count=1)
        return text[: match.start()] + rest

    def _later_years_told(self, text: str) -> str:
        """2026年公司改制，想确认2022年那个项目…, in 2026 can we still apply for the 2022 round: where
        the message names the notice's own year as a year (not in a date), a later year with no
        word of a round after it is dropped."""
        simplified = simplify(text)
        named = [*YEAR.finditer(simplified), *EN_YEAR.finditer(simplified)]
        if not any(int(m.group(1)) == self.notice_year for m in named):
            return text

        def told(match: re.Match[str]) -> str:
            after = simplify(text[match.end() : match.end() + ROUND_WINDOW])
            before = simplify(text[max(0, match.start() - 3) : match.start()])
            if int(match.group(1)) <= self.notice_year or any(w and w in after for w in self.round_words):
                return match.group(0)
            if after[:1] in YEAR_OF_A_THING or any(w in before for w in YEAR_CHOICE):
                return match.group(0)
            if YEAR_COMPLETED.match(after):  # 去年（2025年）完成的: when the project was finished
                return match.group(0)
            if "了" in match.group(0) or STILL.match(text, match.end()):
                return "现在"  # 2026年了还能用2022年这个文件申请吗: today, said as its year
            return ""

        return LATER_YEAR_TOLD_EN.sub(told, LATER_YEAR_TOLD.sub(told, text))

    def offered_body(self, understood: Understanding) -> bool:
        """省工信厅发的吧: a body offered for confirmation as the one who does a thing of the
        notice (no figures, no other ask, not the funds the notice matches)."""
        text = self._without_not_bodies(understood.simplified)
        if (
            not (understood.premise or self.asks_if_a_body_does(text))
            or understood.figures
            or understood.intents
        ):
            return False
        if any(w and w in text for w in self.matching_words):
            return False
        return any(w and w in text for w in self.other_bodies)

    def asks_if_a_body_does(self, text: str) -> bool:
        """入库评审是第三方机构打分么: another body offered as the doer in a yes-no question, which
        offers it for confirmation as 吧 does."""
        return any(any(w and w in m.group(1) for w in self.other_bodies) for m in IS_IT_ASKED.finditer(text))

    def asks_if_it_fits(self, understood: Understanding) -> bool:
        """光伏屋顶电站…能报这个工业互联网项目吗, does that count under this notice: a question
        whether what the story tells fits this notice at all (想借这个通知申请 only tells)."""
        asked = [simplify(c) for c in self.asked(understood)]
        return any(p.search(c) for p in self.fits_notice for c in asked)

    def bodies_as_actors(self, understood: Understanding) -> list[str]:
        """验收是发改局组织的吧, 申报是不是交到市财政局: the bodies offered as the one that does a
        step of the notice (issues, organises, takes the papers), not for their own business."""
        if not self.offered_body(understood):
            return []
        text = understood.simplified
        return [
            body
            for body in self._bodies_longest_first
            if (at := text.find(body)) >= 0
            and (ISSUED_BY.match(text, at + len(body)) or HANDED_TO.search(text, 0, at))
        ]

    def without_offered_bodies(self, understood: Understanding) -> str:
        """是第三方检测机构做的吧 → 是 做的吧: the body offered is no word of what is asked (who does
        it), and words the knowledge base never saw would only blur the search."""
        text = understood.simplified
        for word in self._bodies_longest_first:
            text = text.replace(word, " ")
        return text

    def _told_not_asked(self, simplified: str, words: tuple[str, ...]) -> bool:
        """The message asks something elsewhere and names all the words in one clause that asks
        nothing (when some clause asks in so many words, 吗, 几号, 多少, a clause that only names
        a topic — 接到县工信局电话 — asks nothing)."""
        clauses = CLAUSE_SPLIT.split(simplified)
        asked = self._asking(clauses, simplified)
        told = [c for c in clauses if c not in asked]
        return bool(asked) and any(all(w in c for w in words) for c in told)

    def _spent_on(self, simplified: str, word: str) -> bool:
        """补贴 funds 用在展会摊位和广告上行不行: the word names what the money buys, said after
        the subsidy and its spending verb in one clause."""
        for clause in CLAUSE_SPLIT.split(simplified):
            spent = SPENT_ON.search(clause)
            if spent and clause.find(word, spent.end()) >= 0:
                return True
        return False

    def _part_of_a_situation(self, simplified: str, word: str, topics: list[Topic], figured: bool) -> bool:
        """The message tells a situation the notice has a rule for (an audit, a subsidiary, a
        contractor: topics named after an entry), or asks of a direction by name (电费太高了，想上个
        能源管理的云平台，上云上平台支持的环节里有对应的吗), and names the other programme only in
        the telling, not in what it asks (今年想申请省级技术改造资金 tells what is applied for)."""
        clauses = [part for c in CLAUSE_SPLIT.split(simplified) for part in THIS_TIME.split(c)]
        # 技改补贴因为资料不实被追回过，今年还有资格报吗: the clause with the question word asks, not
        # one that only names an ask (资料) in the telling
        asked = self._asking(clauses, simplified)
        # 5G项目是不是按基站数量补: a count offered as what the direction pays by is the premise
        if any(t.id in self.direction_ids for t in topics) and any(
            word in m.group() for c in asked for m in PER_COUNT.finditer(c)
        ):
            return True
        if not asked or any(word in c for c in asked):
            return False
        # 数字化车间已经建好了，想报智能制造示范工厂认定，申报条件是什么: the story wants the other
        # programme, and the question names nothing of the notice's: that programme is asked of
        wanted = any(WANTS_TO_APPLY.search(c, 0, c.find(word)) for c in clauses if word in c)
        if wanted and not any(self._topics(c) for c in asked):
            return False
        if any(t.id in self.index.kb.entries_by_id for t in topics):
            return True
        if any(w in c for c in asked for w in self.notice_refs):
            return True  # 老板刚从展会回来…这一轮还能报吗: what is asked points at this notice
        told = [c for c in clauses if word in c]
        # 老板说这次补贴跟去年那个技改一样…: this round likened to the other programme
        if any(
            LIKENED.match(c[c.find(word) + len(word) :]) and any(w in c for w in self.notice_refs)
            for c in told
        ):
            return True
        applies_for_it = any(w in c for c in told for w in APPLYING)
        if applies_for_it:
            return False
        # 只拿过市里的技改资金，没拿过省级资金，这次还能按10%配套吗: the city's matching of the funds
        # the notice matches is asked (not 上市了，市里有什么奖励)
        names_the_base = any(w in simplified for w in self.base_funds_words)
        if names_the_base and any(w in c for c in asked for w in self.city_matching_words):
            return True
        # 拎咗省級、國家級資金，再加市級，加埋會唔會超過項目投資: the other level's funds are part of
        # the sum asked of, with the city's (the total support rule, 五(二))
        if any(w in simplified for w in self.city_matching_words) and any(
            w in c for c in asked for w in self.total_words
        ):
            return True
        # 投了两千万做智能工厂，其中上云部分省里给了两百五十万…到底能拿多少: a direction's own figures
        # and their amount asked
        names_a_direction = any(t.id in self.direction_ids for t in topics)
        if figured and names_a_direction and any(self.intents_of(c) for c in asked):
            return True
        # 用云平台做能耗优化、省电费，属于哪个支持方向: which direction the story's project fits;
        # 这个方向到底要解决什么问题: the direction the story named, pointed back at
        pointed_back = names_a_direction and any(p in c for c in asked for p in DIRECTION_POINTERS)
        # 入库那个表几号前交？七月初我们在外地参展: a stage asked of by name, the other thing told
        # after the question (not 技改项目 入库几号截止: the programme whose entry is asked)
        told_after = all(simplified.find(c) > simplified.find(asked[0]) for c in told)
        # 环评批复上周才拿到，老板又让我盯工业互联网应用项目，入库申报截止是哪天: the notice named by
        # its own name after the other thing, what is asked is the notice's
        after = simplified[simplified.find(word) + len(word) :]
        turned_to_it = self.names_the_notice(after)
        own_asked = any(t.id in self.stage_ids | self.direction_ids for c in asked for t in self._topics(c))
        return (
            pointed_back
            or (turned_to_it and (own_asked or any(self._asks_of_the_named_notice(c) for c in asked)))
            or any(t.id in self.direction_ids for c in asked for t in self._topics(c))
            or (told_after and any(t.id in self.stage_ids for c in asked for t in self._topics(c)))
            # 申报条件里对财政资金使用有什么要求？我们前年拿过一笔技改补贴: the notice's ask, the other
            # programme the firm's past told after it
            or (told_after and any(self.intents_of(c) for c in asked) and any(PAST.search(c) for c in told))
            or any(self.asks_which_direction(c) for c in asked)
        )

    def _asks_of_the_named_notice(self, clause: str) -> bool:
        """工业互联网项目这边一个公司最多报几个: the notice named by its own name and a rule of it
        asked (not 可以报这个工业互联网项目吗, whether the thing told fits)."""
        return self.names_the_notice(clause) and bool(self.intents_of(clause))

    def names_the_notice(self, text: str) -> bool:
        """这个通知里的…, 工业互联网项目…, this notice: the notice called by its own name (not 这次)."""
        said = to_arabic(text).lower()
        return any(name in said for name in self.own_names)

    def asks_which_direction(self, text: str) -> bool:
        """算哪条, 属于哪个方向: which of the notice's directions is asked; not 属于哪个部门 or
        曲江属于哪个区, where the word after it names the other thing asked which of."""
        for word in self.which_direction:
            at = text.find(word)
            while at >= 0:
                if not text.startswith(self.which_other_things, at + len(word)):
                    return True
                at = text.find(word, at + 1)
        return False

    def _other_programme(self, simplified: str, topics: list[Topic]) -> str | None:
        """专精特新, 首台套 …: another programme; but the province's 标杆示范 whose city matching
        (配套, 市里) is asked is the notice's own direction."""
        matching = any(w and w in simplified for w in self.matching_words)
        named = [t for t in topics if t.id in self.canonical_ids]
        for word, _ in self.other_programmes.present(simplified):
            at = simplified.find(word)
            while at >= 0:
                # the direction's own word in it or just before it: 5G试点示范, 标杆示范 (each
                # time it is said: 建5G基站，有没有基站建设补贴 asks of 基站 alone)
                own_direction = matching and any(
                    at - PROGRAMME_PREFIX <= t.at <= at + len(word) for t in named
                )
                if not (
                    own_direction
                    or SAYS_OR_ASKS.match(simplified, at + len(word)) is not None  # 局长让我…: who asks
                    or (
                        bool(topics)
                        and not word.endswith("厂")
                        and FACTORY_OF_THE_TRADE.match(simplified, at + len(word)) is not None
                    )
                    or NOT_DONE.search(simplified, 0, at)  # 没有申请省级专项资金: not applied for
                    or self._built_as_a_project(simplified, at, word)
                    or (bool(named) and DONE_BEFORE.search(simplified, 0, at) is not None)
                    or self._offered_beside_the_notices_own(simplified, word, matching)
                    or self._recommended_level(simplified, at, word)
                    # 国家级也拿了补助，市里还给吗: funds already received beside the city's asked
                    or (matching and ALREADY_RECEIVED.match(simplified, at + len(word)) is not None)
                    or (
                        matching
                        and ADDED_OR_RECEIVED.search(simplified, max(0, at - PROGRAMME_PREFIX), at)
                        is not None
                    )
                ):
                    return word
                at = simplified.find(word, at + 1)
        return None

    @staticmethod
    def _built_as_a_project(simplified: str, at: int, word: str) -> bool:
        """做智能工厂, 搞了个数字化车间: the firm's own project, not the programme of that title
        (智能工厂认定有奖励吗 names the programme)."""
        return (
            word.endswith(BUILT_PLACES)
            and BUILT_AS_PROJECT.search(simplified, 0, at) is not None
            and TITLE_AFTER.match(simplified, at + len(word)) is None
        )

    def _offered_beside_the_notices_own(self, simplified: str, word: str, matching: bool) -> bool:
        """市级资金是贷款贴息还是补助, 这是补助还是贴息: another kind of support offered as a
        choice beside the notice's own, of the funds the notice gives, asks how it supports."""
        return any(
            word in c
            and (matching or self._points_at_this(c))
            and self._choice_of_support(c.replace(word, " "))
            for c in CHOICE_CLAUSES.split(simplified)
        )

    def _choice_of_support(self, clause: str) -> bool:
        return SUPPORT_CHOICE.search(clause) is not None and any(w in clause for w in self.support_names)

    def offers_a_choice_of_support(self, understood: Understanding) -> bool:
        """市级资金是什么方式支持？是贷款贴息还是补助: other kinds of support offered as a choice
        beside the notice's own, of the funds the notice gives; the outside word is no question."""
        matching = any(w and w in understood.simplified for w in self.matching_words)
        clauses = CHOICE_CLAUSES.split(understood.text)
        return any(
            (matching or self._points_at_this(simplify(c)))
            and not BOOKED_AS.search(simplify(c))  # 补贴记营业外收入还是递延收益: how it is booked
            and self._choice_of_support(simplify(c))
            # 给服务商佣金或者奖励: a word outside the notice offered beside its support is no kind
            # of support (a vendor's commission); only the kinds the notice does not give are
            and self._names_a_kind_not_given(REPAID.sub(" ", c))
            for c in clauses
        ) or self._kind_offered_after_the_method(clauses, matching)

    def _kind_offered_after_the_method_in(self, simplified: str) -> bool:
        matching = any(w and w in simplified for w in self.matching_words)
        return self._kind_offered_after_the_method(CHOICE_CLAUSES.split(simplified), matching)

    def _kind_offered_after_the_method(self, clauses: list[str], matching: bool) -> bool:
        """这次市级资金是什么支持方式？是不是贴息: the notice's way of support asked, then another
        kind offered for it in a question of its own (yes or no, or a choice)."""
        for at, clause in enumerate(clauses):
            simplified = simplify(clause)
            method_asked = bool(self.support_method) and self.support_method in simplified
            if (
                # 市级资金对上云项目是怎么支持的: the way of support asked in words of its own
                (method_asked or (matching and HOW_SUPPORTED.search(simplified) is not None))
                # 支持方式是什么？: the notice's own heading asked, which points at this notice
                and (
                    matching or self._points_at_this(simplified) or simplified.startswith(self.support_method)
                )
            ):
                later = (simplify(c) for c in clauses[at + 1 :] if c.strip())
                # 是不是贴息, 直接拨款还是贷款贴息: asked yes or no, or offered as a choice
                return any(
                    (YES_NO_ASKED.search(c) or SUPPORT_CHOICE.search(c)) and self.names_another_kind(c)
                    for c in later
                )
        return False

    def offers_another_body(self, simplified: str) -> bool:
        """交县工信局还是县发改局, 报省工信厅还是报市工信局: another body offered beside one of the
        notice's own as a choice; which of them is asked, not the other body's own matters."""
        for clause in CHOICE_CLAUSES.split(simplified):
            if not SUPPORT_CHOICE.search(clause) or not any(w in clause for w in self.own_bodies):
                continue
            # the other choice a body (发改局, not 招聘公务员或者雇员), and nothing else outside said
            # (ISO9001认证有补贴吗…找市场监管局还是工信局: the certification is asked)
            bodies = {w for w in self.index.outside_words(clause) if BODY_NAME.search(w)}
            if set(self.index.outside_words(simplified)) <= bodies and (
                bodies or self._first_body(self._without_not_bodies(clause))
            ):
                return True
        return False

    def _kinds_offered_for_this(self, clause: str) -> bool:
        """这是无偿补助、贷款还是贴息: kinds of support offered as a choice for this notice's own."""
        return (
            self._points_at_this(clause)
            and bool(SUPPORT_CHOICE.search(clause))
            and self.names_another_kind(clause)
        )

    def names_another_kind(self, sentence: str) -> bool:
        """贷款, 贴息, a loan: a kind of support the notice does not give, or an outside word (not a
        loan the money would repay: 用来发工资或者还贷款)."""
        sentence = REPAID.sub(" ", sentence)
        return bool(self.index.outside_words(sentence)) or self._names_a_kind_not_given(sentence)

    def _names_a_kind_not_given(self, sentence: str) -> bool:
        """贷款, 贴息, a loan: a kind of support the notice does not give (a repaid loan taken out)."""
        text = simplify(sentence)
        return any(w in text for w in self.other_support_kinds)

    def _points_at_this(self, clause: str) -> bool:
        """这是补助、贷款还是贴息, is this a grant or a loan: the choice is offered for this
        notice's support itself; 支持方式是直接补助还是贴息: the notice's way of support named first."""
        named_first = bool(self.support_method) and clause.lstrip().startswith(self.support_method)
        return (
            named_first
            or THIS_SUPPORT.search(clause) is not None
            or any(clause.startswith(w) for w in self.notice_refs)
        )

    def _recommended_level(self, simplified: str, at: int, word: str) -> bool:
        """优质项目会被推荐到上级吗？想冲省级国家级: a higher body's level after the notice's
        recommendation of good projects is where the project is recommended, no programme."""
        recommended = any(0 <= simplified.find(w) < at for w in self.recommended_to)
        return recommended and any(b and b in word for b in self.other_bodies)

    def _other_body(self, simplified: str) -> str | None:
        """广东省…示范平台申报指南: a higher body's programme, unless the message speaks of the
        funds this notice matches; applying to the higher body itself (直接向…厅申报) is its
        programme whatever funds are named, and so is asking how to apply for its funds or when
        they are paid."""
        clauses = CLAUSE_SPLIT.split(simplified)
        if any(self._recommended_to_a_body(c) and QUESTION_MARK.search(c) for c in clauses):
            return None  # 会不会推荐到省里？我们想冲省级示范: the notice's own clause is asked
        for clause in clauses:
            if self._recommended_to_a_body(clause):
                continue  # 项目做得好会被推荐去申报国家或者省里的政策吗: the notice's own clause
            for addressed in filter(None, self.other_bodies):
                if addressed not in clause:
                    continue
                at = max(clause.find(f"{to}{addressed}") for to in ADDRESSING)
                # 向省工信厅申报, how do we apply to MIIT for its project: applying to that body for its
                # own programme (not "do we submit to the provincial department": where to submit)
                applied_to = f" to {addressed} for " in clause or f" to the {addressed} for " in clause
                asks_to_apply = (at >= 0 and any(w in clause[at:] for w in self.apply_words)) or (
                    applied_to and APPLY_EN.search(clause) is not None
                )
                if asks_to_apply and QUESTION_MARK.search(clause):
                    return addressed
                if self._its_own_deadline(clause, addressed):
                    return addressed
                if self._its_own_contacts(clause, addressed):
                    return addressed
                if self._its_own_amount(clause, addressed, simplified):
                    return addressed
                if self._its_own_support(clause, addressed):
                    return addressed
            named = self._first_body(clause)
            if named and self._asks_about_its_funds(clause, clause.find(named)):
                return named
        if named := self._body_then_its_contact(simplified):
            return named
        # 省里那个上云上平台专项资金，我们要怎么申请: its funds named, then asked of in the next clause
        for clause, after in pairwise(clauses):
            named = self._first_body(clause)
            joined = f"{clause}，{after}"
            if (
                named
                and not self._topics(after)
                and not FUNDS_RECEIVED.search(clause)  # 省级专项资金到了，我们要怎么申请: the city's, asked
                and self._asks_about_its_funds(joined, joined.find(named))
            ):
                return named
        if any(w in simplified for w in self.matching_words):
            return None
        for clause in clauses:
            named = self._first_body(clause)
            if self._recommended_to_a_body(clause):
                continue
            if named and any(w in clause[clause.find(named) :] for w in self.body_programme_words):
                return named
        return None

    def _first_body(self, clause: str) -> str | None:
        """The body said first (the Guangdong provincial fund … a third-party audit: the province's)."""
        return min((w for w in self.other_bodies if w and w in clause), key=clause.find, default=None)

    @staticmethod
    def _its_own_support(text: str, body: str) -> bool:
        """省里有没有单独的5G补贴, 科技局也有类似的补贴: a support of the body's own, said in the
        clause after it."""
        at = text.find(body)
        if at < 0:
            return False
        end = CLAUSE_BREAK.search(text, at)
        return BODY_OWN_SUPPORT.search(text, at + len(body), end.start() if end else len(text)) is not None

    def _body_then_its_contact(self, simplified: str) -> str | None:
        """省工信厅 电话: a body, then apart by a space only its phone or contact person asked in
        a terse message (the space is where 的 would go)."""
        for sentence in spaced_sentences(simplified):
            for named, asked in pairwise(SPACE_IN_SENTENCE.split(sentence)):
                body = next(
                    (b for b in self._bodies_longest_first if named.removesuffix("的").endswith(b)), None
                )
                if body and CONTACT_ASKED.match(asked):
                    return body
        return None

    @staticmethod
    def _its_own_contacts(clause: str, body: str) -> bool:
        """省工信厅负责工业互联网的处室电话是多少: the body's own office or phone asked."""
        return (
            bool(QUESTION_MARK.search(clause))
            and BODY_CONTACT.match(clause, clause.find(body) + len(body)) is not None
        )

    def _its_own_amount(self, clause: str, body: str, message: str) -> bool:
        """上云上平台一个项目省里最多给多少: what the body itself gives, with no word of the city's
        in the message (not 省里批多少，市里就按10%配吗)."""
        at = clause.find(body)
        if BODY_AS_A_FACTOR.search(clause, 0, at):
            return False  # 系统性平台也是看省里给多少吗: the province's amount as what the city's follows
        gives = BODY_GIVES.match(clause, at + len(body)) is not None
        return gives and not any(w in message for w in self.city_matching_words)

    def _its_own_deadline(self, clause: str, body: str) -> bool:
        """省工信厅2022年上云上平台的申报截止是几号: the body's own deadline asked, with no word of
        the city's between them (not 省级资金拿到后市里的截止几号); a higher body's own timing."""
        at = clause.find(body)
        deadline_before = DEADLINE_OF_THE_BODY.search(clause, 0, at) is not None
        if deadline_before and HIGHER_BODY.search(body) and QUESTION_MARK.search(clause):
            return True
        after = at + len(body)
        found = BODY_DEADLINE.match(clause, after)
        if found is None and HIGHER_BODY.search(body):
            found = BODY_TIMING.match(clause, after)
        if found is None or not QUESTION_MARK.search(clause):
            return False
        between = found.group()  # 省级资金批了以后申报截止几号: the funds received, this round's asked
        return not (FUNDS_RECEIVED.search(between) or any(w in between for w in self.city_matching_words))

    def _general_comparison(self, simplified: str) -> bool:
        """工业互联网和物联网有什么区别: how two things differ, none of them the notice's own (nor
        its places: 在曲江区报和在高新区报有啥区别)."""
        compares = any(w in simplified for w in self.general_comparisons)
        return (
            compares
            and not any(w in simplified for w in self.notice_things)
            and not self.names_a_place_of_the_notice(simplified)
        )

    def _recommended_to_a_body(self, clause: str) -> bool:
        at = min((clause.find(w) for w in self.recommended_to if w in clause), default=-1)
        return at >= 0 and any(w in clause[at:] for w in self.other_bodies if w)

    def _asked_of_its_funds(self, simplified: str, body: str) -> bool:
        """省里今年上云上平台专项资金的申报指南出了没有: the body's own funds asked of in a question,
        whatever direction they are for (not the story's: 省里给了上云项目200万，市里配多少)."""
        return any(
            body in c and QUESTION_MARK.search(c) and self._asks_about_its_funds(c, c.find(body))
            for c in CLAUSE_SPLIT.split(simplified)
        )

    def _asks_about_its_funds(self, clause: str, body_at: int) -> bool:
        """省里的专项资金怎么申请, 什么时候到账, how do I apply for the provincial fund: the body's
        funds named after it, a question about them, and no word of the city's matching; 省级补贴
        比例是多少 asks the body's own rate, 按省级专项资金的多少比例 the city's (its funds the base)."""
        if clause[max(0, body_at - BASE_CHARS) : body_at].endswith(BASE_WORDS):
            return False
        if EN_BASE_BEFORE.search(clause, 0, body_at):
            return False
        after = clause[body_at:]
        if "基础上" in after[:BASIS_CHARS]:  # 在省级资金的基础上按多少比例: the city's base, as 三 says it
            return False
        if not any(w and w in after for w in self.funds_words) or RATE_OF_THE_FUNDS.match(after):
            return False
        if any(w in clause for w in self.city_matching_words):
            return False
        return any(w in clause for w in self.body_funds_questions)

    def _without_not_bodies(self, text: str) -> str:
        """The text with 工信部门 and the like blanked out, every position kept."""
        for word in self.not_bodies:
            text = text.replace(word, "·" * len(word))
        return text

    def _named_support(self, text: str) -> str | None:
        """出口信用保险保费补贴, 智慧医疗补贴, 上市奖励: a support named by a word the notice
        never uses is another programme's (the notice's own supports are named in its words)."""
        for clause in CLAUSE_SPLIT.split(text):
            words = self.index.normaliser.chinese_words(clause)
            for at in range(1, len(words)):
                before = words[at - 1]
                if before in STUDYING:
                    continue  # 论文里研究政策对象: studying a policy, no policy named
                if words[at] in self.support_names and self._names_something_else(before):
                    return before + words[at]
        # “稳工业”奖励资金: a name in quotes before a support word, naming none of the notice's things
        simplified = simplify(text)
        quoted = EN_QUOTED_PROGRAMME.search(simplified)
        if quoted and not self._topics(quoted.group(1)):
            return quoted.group(1)
        for match in QUOTE.finditer(simplified):
            name, rest = match.group(1), simplified[match.end() :].lstrip("的 ")
            if not 2 <= len(name) <= MAX_QUOTED_NAME:
                continue
            if rest.startswith(tuple(self.support_names)) and not self._topics(name):
                return name
        return None

    def _names_something_else(self, word: str) -> bool:
        """A word of two or more characters, not a pointer (这个, 这笔, 一下) and unknown to the
        knowledge base even after its synonyms and typo correction."""
        if len(word) < 2 or word.startswith(DETERMINERS) or word in LIKENESS or word in self.generic_words:
            return False
        if word in CONJUNCTIONS:  # 但是奖补资金拿到以后: a turn of the sentence, no name
            return False
        if word.endswith("个"):  # 开个政策宣讲会: a verb and its measure word, no name
            return False
        if word.endswith(("着", "了", "过")):  # 老板想着补贴到账了…: a verb and its aspect, no name
            return False
        if word.endswith(("下来", "起来", "出来")):  # 算下来补助多少: a verb and its direction, no name
            return False
        if word.endswith(("等", "待")):  # 坐等补贴到账, 等待补贴: waiting for it, no name
            return False
        if AMOUNT_WORD.fullmatch(to_arabic(word)):  # 批了六百万专项资金: an amount of it, no name
            return False
        # 省极补助: a typo of a word the notice uses names nothing else
        tokens = self.index.normaliser.tokens(word)
        # 请问补贴: a word made only of stopwords names nothing
        return bool(tokens) and not any(self.index.knows(t) for t in tokens)

    def _local_policy(self, simplified: str) -> tuple[str, str] | None:
        """仁化县有没有自己的补贴: a county's or district's own policy, not the city's notice; the
        place and the word that names its own policy."""
        for place in self.jurisdictions:
            at = simplified.find(place)
            while at >= 0:
                window = simplified[at : at + len(place) + LOCAL_POLICY_WINDOW]
                own = CLAUSE_BREAK.split(window, maxsplit=1)[0]  # not 浈江做软件，也有自己的工厂客户
                for word in self.local_policy_words:
                    # 我们是南雄的，县里自己有没有: a later clause naming the county again (县里)
                    said_at = window.find(word)
                    later = said_at >= 0 and LOCAL_AGAIN.search(window, len(own), said_at + len(word))
                    if said_at >= 0 and STAGE_DUE_AFTER.match(window, said_at + len(word)):
                        continue  # 县里有没有单独的入库截止时间: the notice's stage, as the county sets it
                    if word in own or later:
                        return place, word
                at = simplified.find(place, at + 1)
        return None

    def _other_round(self, simplified: str) -> str | None:
        """<another year>年…项目名单: another year's round (a year that is not the notice's,
        not part of a date, followed closely by a word of a round)."""
        years = [(m, ROUND_WINDOW) for m in YEAR.finditer(simplified)]
        years += [(m, EN_ROUND_WINDOW) for m in EN_YEAR.finditer(simplified)]
        for match, window in years:
            if int(match.group(1)) == self.notice_year or MONTH_BEFORE.search(simplified[: match.start()]):
                continue
            if self.own_year_offered.search(simplified, 0, match.start()):
                continue  # 2022还是2023年的通知: which of the two the notice is, asked
            # 2020年在韶关注册了子公司: where the firm was set up that year, no round of its own
            if SET_UP_THERE.match(simplified, match.end()) or YEAR_COMPLETED.match(simplified, match.end()):
                continue
            if YEAR_SEEN.match(simplified, match.end()):
                continue  # 我在2026年看到这份通知: the year it was read, no round of its own
            if YEAR_BOUGHT.match(simplified, match.end()):
                continue  # 气体检测仪是2020年买的: the year a thing was bought, no round of its own
            basis_asked = BASIS_BEFORE.search(simplified, 0, match.start()) or BASIS_AFTER.match(
                simplified, match.end()
            )
            if basis_asked:
                continue  # is the basis the 2021 opinions: the basis document's year offered
            # 2020年买了一批设备, 2020年就买好的一批设备: a batch bought, no round (what was bought
            # may end past the window)
            beyond = simplified[match.end() : match.end() + window + BOUGHT_THING_LENGTH]
            after = BOUGHT_BATCH.sub(" ", SENTENCE_END.split(beyond, maxsplit=1)[0])[:window]
            names_a_round = any(w in after for w in self.round_words)
            if names_a_round and not self._set_against_this_round(simplified, match):
                return match.group(0)
        return None

    def _set_against_this_round(self, simplified: str, match: re.Match[str]) -> bool:
        """前年嗰批系事前补助，2022呢批都系事前: the other round is the story, this one is asked."""
        end = CLAUSE_BREAK.search(simplified, match.end())
        return end is not None and self.this_round.search(simplified, end.end()) is not None

    def without_outside_words(self, understood: Understanding) -> str:
        """The message with its outside words blanked: what it says of the notice (在阿里云上部署了
        MES，能申报吗 → 在 上部署了MES…; 91号文是2023年的吧 → 91号文是 的吧)."""
        text = understood.simplified
        words = self.index.outside_words(understood.text)
        for _ in range(3):  # 员工工资、培训费: blanking 培训 leaves 工资 费, read as 资费 in turn
            for word in words:
                # the word as the index spells it, bare: cloudserver is "cloud server" in the
                # message; the index reads across punctuation too (工资、 费 is 资费)
                spaced = r"\W*".join(map(re.escape, word))
                text = re.sub(spaced, " ", text, flags=re.IGNORECASE)
            words = self.index.outside_words(text)
            if not words:
                break
        return text

    def without_where_it_is(self, understood: Understanding) -> str:
        """我们曲江的，入库去哪里报 → 入库去哪里报: a clause that only says in which county or district
        the firm is tells where it stands, not what it asks; beside a question it would pull the
        search toward the registration rule. The message itself when no clause or every clause
        is of that kind."""
        if self.index.places_named(understood.text):
            return understood.text  # 郴州的厂，喺乐昌有个仓: which of the places counts is the question
        kept = [c for c in understood.clauses if not (self._only_where_it_is(c) or self._who_writes(c))]
        if len(kept) == len(understood.clauses) or not any(self.is_question(c) for c in kept):
            return understood.text
        return "，".join(kept)

    @staticmethod
    def without_the_excepted(understood: Understanding) -> str:
        """除了上云，有没有专门针对5G的方向 → 有没有专门针对5G的方向: the thing set aside with 除了
        is not what is asked, and beside the question it would pull the search toward itself. The
        message itself when nothing is set aside or nothing is left."""
        kept = EXCEPTED.sub("", understood.text).strip(" ，,")
        return kept if kept and kept != understood.text else understood.text

    def _who_writes(self, clause: str) -> bool:
        """Plant manager, Canadian-owned forestry products mill near Ruyuan; Hi, I'm the controller of
        a Czech-owned glass fibre plant: who writes, introduced, no question of its own."""
        return not self.is_question(clause) and bool(WHO_WRITES.search(simplify(clause)))

    @staticmethod
    def guesses_a_quantity(clause: str) -> bool:
        """应该上百家吧, 应该有几百万吧: a guess of the figure asked just before, with a hedge or a
        tag (not a bare number: 100万 said alone is an amount told)."""
        simplified = simplify(clause).strip(" ？?。.!！")
        tagged = hedged(simplified) or simplified.endswith(("吗", "啊", "呢"))
        return tagged and GUESSED_QUANTITY.fullmatch(simplified) is not None

    def asks_only_how_much(self, clause: str, told: str = "") -> bool:
        """一般多少钱, 要多久: a short clause asking a quantity, with no topic and only everyday
        words of its own or words the clause before it told (最后一共批了多少钱，多少个项目), not
        通知里写的号码是多少, 去哪里找, 是这样吗."""
        simplified = simplify(clause).strip()
        if BARE_QUANTITY_EN.match(simplified):
            return True
        what = BARE_WHAT.match(simplified)
        if what and what.group(1) in simplify(told):
            return True
        return (
            len(simplified) <= BARE_QUANTITY_CHARS
            and BARE_QUANTITY.search(simplified) is not None
            and not self.topics_named(clause)
            and self._only_everyday_words(QUANTITY_ASKED.sub(" ", simplified), simplify(told))  # 一般要几个月
        )

    def names_a_place_of_the_notice(self, text: str) -> bool:
        """曲江, 乳源县, 高新区: one of the places the notice is sent to, named in the text."""
        simplified = simplify(text)
        return any(p in simplified for p in self.places_of_the_notice)

    def _only_where_it_is(self, clause: str) -> bool:
        simplified = simplify(clause)
        if self.is_question(clause) or not self.names_a_place_of_the_notice(simplified):
            return False
        for place in self.places_of_the_notice:
            simplified = simplified.replace(place, " ")
        return self._only_everyday_words(simplified)

    def _only_everyday_words(self, simplified: str, told: str = "") -> bool:
        """Every word of the text the knowledge base knows is an everyday one (怎么, 多少, 申请 …)
        or one of the words already told (the clause before it)."""
        return all(w in self.generic_words or w in told for w in self.index.known_words(simplified))

    def asked(self, understood: Understanding) -> list[str]:
        """The clauses that ask: those with a question word or a request (帮我写…), else those
        naming an ask (材料 …: 我们是做稀土材料的 is no question beside a request), else the last."""
        asking = self._asking(understood.clauses, understood.text)
        if asking and self.lists_its_asks(understood.text):
            # - contact person? - phone? - office address?: each item a question mark follows asks
            listed = self.listed_items(understood.text, understood.clauses)
            asking = [
                c
                for c in understood.clauses
                if c in asking or (c in listed and question_mark_after(understood.text, c))
            ]
        return asking or understood.clauses[-1:]

    def _asking(self, clauses: list[str], text: str = "") -> list[str]:
        """The clauses with a question word or a request, else those naming an ask; none else
        (not 老板以为就是装几个5G基站: a belief told, its 几个 "a few"). `text`, the clauses' own
        message, tells which of them a question mark follows."""
        clauses = [c for c in clauses if not self._belief_told(c)]
        asking = [
            c for c in clauses if _asks_or_requests(simplify(c)) and not _told_beside_marked_asks(c, text)
        ]
        outright = [
            c for c in asking if _asks_or_requests(A_FEW.sub("", simplify(c))) or question_mark_after(text, c)
        ]
        if outright or asking:
            return outright or asking
        named = [c for c in clauses if self.intents_of(c)]
        if named:
            return named
        # Any requirements for performance targets? Our board wants OEE +10%.: the one a question mark
        # follows, before a statement told or words naming nothing outside the notice (Any tax
        # incentives …? tbh accountant asked: who wants to know; not 还有没有新的补贴？2026年的: the
        # year adds to the question)
        marked = [c for c in clauses if question_mark_after(text, c)]
        if not marked or text.rstrip().endswith((".", "。", "!", "！")):
            return marked
        return [] if any(self.index.outside_words(c) for c in clauses if c not in marked) else marked

    @staticmethod
    def lists_its_asks(text: str) -> bool:
        """1. 建设期 2. 投资范围 3. 项目数量: each item of a list is asked, question word or not."""
        return len(LIST_ITEM.findall(text)) >= LISTED

    @staticmethod
    def listed_items(text: str, clauses: list[str]) -> list[str]:
        """The clauses from the list's first item on (not the story told before the list)."""
        first = LIST_ITEM.search(text)
        start = first.start() if first else 0
        return [c for c in clauses if text.find(c, start) >= 0]

    @staticmethod
    def _belief_told(clause: str) -> bool:
        return BELIEF_TOLD.match(simplify(clause)) is not None and not ASKED_OUTRIGHT.search(clause)

    def asks_unstated(self, clause: str) -> bool:
        """多久能到账, 验收专家有几个人: a detail of the notice's steps that the notice never gives."""
        text = simplify(clause)
        return bool(self.unstated_details.present(text)) or any(p.search(text) for p in self.unstated)

    def asks_unstated_across(self, understood: Understanding) -> bool:
        """法定代表人换了，之前的失信记录还算不算: a detail the notice never gives, said across the
        story and the ask, no clause of it alone."""
        text = simplify(understood.text)
        spans = (m.group() for p in self.unstated for m in p.finditer(text))
        return any(CLAUSE_PAUSE.search(span) for span in spans)

    def unstated_across_spaces(self, understood: Understanding, asked: list[str]) -> list[str]:
        """ys结果 出了没: the asked clauses of a sentence whose parts, apart by a space only, ask
        together a detail the notice never gives (no part of it alone asks one)."""
        sentences = [
            s
            for s in spaced_sentences(understood.text)
            # (a detail's own words, not a pattern, which may reach from one thought to the next)
            if self.unstated_details.present(SPACE_IN_SENTENCE.sub("", s))
            and not any(self.asks_unstated(part) for part in SPACE_IN_SENTENCE.split(s))
        ]
        return [c for c in asked if any(simplify(c).strip() in s for s in sentences)]

    def rule_whose_reasons_are_asked(self, asked: list[str]) -> str:
        """为什么只能报两个？局里开会定的时候有没有企业提反对意见: how the rule makers decided, asked
        beside nothing but why-questions (the notice states its rules, never their reasons); the
        first why-question without its why (只能报两个), or "" when that is not what is asked."""
        reasons = [c for c in asked if self.reasons_behind_rules.present(simplify(c))]
        why = [c for c in asked if self.why_words.present(simplify(c))]
        if not (reasons and why) or any(c not in reasons and c not in why for c in asked):
            return ""
        rule = simplify(why[0])
        for word, _ in self.why_words.present(rule):
            rule = rule.replace(word, " ")
        return rule

    def asks_only_what_named_terms_are(self, text: str) -> bool:
        """什么是边缘计算？通俗点讲讲, What is edge computing: every sentence that asks, asks only
        what a technology the notice names is (工业大脑 and 事后奖补 it explains: no such terms)."""
        sentences = [s for s in SENTENCES.split(simplify(text)) if s.strip()]
        defining = [s for s in sentences if self._defines_a_named_term(s)]
        return bool(defining) and all(s in defining or not self.is_question(s) for s in sentences)

    def _defines_a_named_term(self, sentence: str) -> bool:
        text = DEFINITION_END.sub("", sentence.strip())
        forms = (DEFINITION_COMPARED, DEFINITION_AFTER, DEFINITION_BEFORE)
        match = next((m for m in (form.search(text) for form in forms) if m), None)
        if not match:
            return False
        subject = DEFINITION_FILLER.sub(" ", next(g for g in match.groups() if g))
        named = False
        for term in self.named_terms:
            subject, found = term.subn(" ", subject)
            named = named or bool(found)
        return named and not subject.strip()

    def asks_outright(self, clause: str) -> bool:
        """A question word or a request in the clause, not only an ask named (设备联网要用)."""
        return _asks_or_requests(simplify(clause))

    def is_question(self, clause: str) -> bool:
        """A question word, or an ask named (入库截止日期) unless someone else's words are relayed
        (老板说这次跟技改一样是先报计划再拨款: what the boss said, not what is asked)."""
        simplified = simplify(clause)
        if QUESTION_MARK.search(simplified) or SENT_FOR.search(simplified):
            return True
        if WHEN_CLAUSE.search(simplified):
            return False  # 奖补资金到账以后，能不能拿来还贷款: when, then what is asked
        return bool(self.intents_of(clause)) and not RELAYED.match(simplified)

    def marked_followup(self, text: str) -> bool:
        """Begins or ends with a follow-up word: 那…, …呢, what about …"""
        simplified = simplify(text).strip()
        if len(simplified) > 40 or simplified.startswith(self.followup_exceptions):
            return False
        end = simplified.rstrip("?？。.!！ ")
        return any(simplified.startswith(w) or end.endswith(w) for w in self.followup_markers)

    def asks_for_a_person(self, text: str) -> bool:
        """转人工, 我要找真人客服, talk to a human: a short message asking for a person."""
        bare = simplify(text).replace(" ", "")
        return len(bare) <= PERSON_REQUEST_CHARS and any(w in bare for w in self.person_requests)

    def without_person_requests(self, text: str) -> str:
        """The message with its words asking for a person taken out (我要找真人！电话多少: 电话多少)."""
        bare = simplify(text).replace(" ", "")
        for word in self.person_requests:
            bare = bare.replace(word, " ")
        return bare.strip(" ！!？?。.，,")

    def leans_on_context(self, text: str, understood: Understanding) -> bool:
        """A short message that may need the previous question: a follow-up word, or no topic
        or no ask of its own."""
        if len(simplify(text).strip()) > 40:
            return False
        return self.marked_followup(text) or not understood.topics or not understood.intents
