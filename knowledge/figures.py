"""Numbers, amounts and dates as users type them: 150万, 一千二百万, 1,100,000元, 1.2亿,
RMB 1.5 million, 七月八号, 二〇二一年九月三十日.

Chinese numerals are read by cn2an, imported on first use only (it costs a noticeable part of a
second), so `ask` starts fast and a message without Chinese numerals never loads it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import pairwise
from typing import Any

from knowledge.normalize import simplify

# a run of Chinese numerals, possibly with 点 (1.5) and the big units
CN_NUMERAL_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]+")
CN_DIGITS = set("零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾")
DIGIT_BY_NUMERAL = dict(zip("零〇一二三四五六七八九", "00123456789", strict=True))
SINGLE_NUMERALS = {**DIGIT_BY_NUMERAL, "两": "2", "十": "10"}
DECIMAL_UNITS = {"万": 10_000, "亿": 100_000_000}
# what may follow a Chinese numeral for it to be a number (not 一家, 统一, 一式)
CN_NUMBER_FOLLOWERS = set("元块万亿份个项月日号年%天w")
THOUSANDS_SEPARATOR = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
# ¥ 4 980 000: a space between each three digits, as slips print them (not 2 100万 or
# 方向2 300w: a number, then a figure)
SPACED_THOUSANDS = re.compile(
    r"(?<![\d.])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+"
    r"(?![\d.]|\s*(?:[万千百亿个份家项年月日号]|(?:k|m|mn|w|wan)(?![a-z])))",
    re.IGNORECASE,
)
APPROXIMATELY = re.compile(r"左右|上下|大概|大约|约|差不多|来|多|的样子")  # 88万左右 is still only a figure
# 已经批下来了，是一百八十万, 但已经批了三百万: words that only point at the figure (it is, in all, it was
# granted) give it no role of its own
POINTING = re.compile(r"是|为|有|金额|数额|一共|总共|共计|合计|总计|共|但|已经|批了|批咗")
BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
# not a colon (省级资金：150万 labels its figure), nor the point of a decimal (RMB 2.5 mn)
# approx. RMB 7.2m, incl. our own plant: an abbreviation's dot breaks no clause
ABBREVIATIONS = ("approx", "incl", "ca", "est")


def not_after(words: tuple[str, ...]) -> str:
    """Lookbehinds: the position does not follow any of these words."""
    return "".join(f"(?<!\\b{re.escape(w)})" for w in words)


CLAUSE_BREAK = re.compile(r"[，,。!！?？;；\n•●▪◦■]|" + not_after(ABBREVIATIONS) + r"(?:(?<!\d)\.|\.(?!\d))")
ADJACENT_ROLE_GAP = 2  # characters between a figure and a role word that make the word its own
# 3 million from the province, 2.5 million in provincial funds: its source
EN_SOURCE = re.compile(r"^(?:from|by|in)\s+(?:the\s+)?")
# RMB 6,000,000 cloud capex, 2m MES budget: one word of what the money is for before its role's word
EN_WHAT_FOR = re.compile(r"^[a-z0-9-]+\s+")
# provincial fund 7 million city top-up: the role's own noun between it and the figure keeps it adjacent
EN_ROLE_NOUN = re.compile(
    r"\s*(?:special\s+)?(?:funds?|funding|money|grants?|subsid(?:y|ies))?\s*(?:of|is|was|=|:)?\s*"
)
CLAIM = "claim"  # the role of a figure offered as the city's amount (市级, 最高, 就是 …)
LABEL_END = re.compile(r"\s*[：:]?\s*$")  # 材料：, 设备 : the end of a label before its figure
PART = ":part"  # the role of a figure said of a part (the investment's equipment)
# the role of a part of a figure the rules do not count (其中60万是跟项目无关的)
EXCLUDED = ":excluded"
# the role of a figure spent on a date outside the construction window (2022年9月又追加了70万)
OUTSIDE_WINDOW = ":outside"
# a part said inside a whole named before it (其中, 里面有 …)
INSIDE = re.compile(r"其中|里面|里头|当中|包括|包含|including|of which|out of which")
# 批了, 拿了, got: the verb just before a figure
PAST_VERB = re.compile(r"[\u4e00-\u9fff](?:了|咗)$|\b(?:got|received|was granted|was given|won)$")
LISTED_NAME = re.compile(
    r"[A-Za-z甲乙丙丁戊]\s*(?:厂|公司|企业|家|司)?|[\u4e00-\u9fff]{0,2}(?:厂|公司)"
)  # B厂, 乙公司
BREAKDOWN = re.compile(r"其中|包括|包含|含|including|of which")  # a part of a whole said beside it
OPEN_BRACKET = re.compile(r"[（(]")  # 投资950万（软件550万…）: a breakdown in brackets after the whole

# 建成, 完工, 调试完: the words that say a project was finished
COMPLETION_WORDS = (
    "建成|建完|建好|做完|做好|弄好|搞好|弄完|搞完|完成|完工|竣工|上线|投产|投用|投入使用|调试完|调通"
)
# 2025年完成的上云项目, （2025年）才建成: the year a project was finished, no round's nor today's
YEAR_COMPLETED = re.compile(
    r"[）)]?\s*(?:底|初|中|末|上半年|下半年)?\s*(?:才|就|已经|已|刚)?\s*(?:"
    + COMPLETION_WORDS
    + "|(?:做|搞|弄|建|实施)的)"  # 项目是今年（2026年）做的
)
AMOUNT = re.compile(
    r"(?P<prefix>rmb|cny|¥|￥)?\s*(?P<number>\d+(?:\.\d+)?)\s*"
    r"(?:(?:来|多|余|个)(?=\s*(?:千万|百万|十万|亿|万|w|wan)))?\s*"  # 两百来万, 1500多万, 一百五十个w
    r"(?P<unit>千万|百万|十万|亿|万|千|w(?![a-z])|wan(?![a-z])|million(?![a-z])|mn(?![a-z])|mil(?![a-z])|mio(?![a-z])|m(?![a-z])|k(?![a-z])|thousand)?\s*"
    r"(?P<currency>元人民币|元|块|人民币|rmb|yuan|cny)?"
)
MOST_YUAN = Decimal(10) ** 14  # a hundred trillion yuan: more than any project, exact in Decimal's 28 digits
# 5G grant 400k, city match?: a message about money, where 400k is money, not a length or a count
MONEY_ASKED = re.compile(
    r"\b(?:grants?|subsid(?:y|ies)|funding|match(?:ing)?|top-?up|award)\b|补多少|配多少|补贴|奖补|配套"
)
YUAN_BEFORE = re.compile(r"(?:rmb|cny|¥|￥|人民币)\s*$")  # RMB 1.35 million: the currency, no role
UNIT_FACTOR = {
    "千万": Decimal(10_000_000),
    "百万": Decimal(1_000_000),
    "十万": Decimal(100_000),
    "亿": Decimal(100_000_000),
    "万": Decimal(10_000),
    "w": Decimal(10_000),
    "wan": Decimal(10_000),  # 60 wan: 万 in pinyin, as foreign managers write it
    "千": Decimal(1_000),
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "million": Decimal(1_000_000),
    "mn": Decimal(1_000_000),  # RMB 2.5 mn
    "mil": Decimal(1_000_000),  # 2.8 mil, as phones abbreviate it
    "mio": Decimal(1_000_000),  # 2.8 Mio, as German managers write it
    "m": Decimal(1_000_000),
}
BARE_YUAN = re.compile(r"[1-9]\d{4,}")
# an amount in another currency (港币600万, HK$6m, 600万新台币): not yuan, so never worked out as
# such; each currency by its code (the words are matched simplified and lower-case)
FOREIGN_CURRENCIES = {  # code: (its Chinese name, how it is written)
    "HKD": ("港币", r"港币|港元|港纸|hkd|hk\$|hk dollars?"),
    "TWD": ("新台币", r"新台币|台币|ntd|twd|nt\$"),
    "MOP": ("澳门元", r"澳门币|澳门元|葡币|mop"),
    "USD": ("美元", r"美元|美金|usd|us\$|us dollars?|dollars?|\$"),
    "EUR": ("欧元", r"欧元|eur|euros?|€"),
    "JPY": ("日元", r"日元|日币|jpy|yen"),
    "INR": ("卢比", r"卢比|inr|rupees?|₹"),
    "MYR": ("马币", r"马币|令吉|myr|ringgit"),
    "GBP": ("英镑", r"英镑|gbp|pounds?|£"),
    "KRW": ("韩元", r"韩元|韩币|krw"),
}
_CURRENCY_ALTERNATION = "|".join(f"(?P<{code}>{words})" for code, (_, words) in FOREIGN_CURRENCIES.items())
FOREIGN_AFTER = re.compile(rf"\s*(?:{_CURRENCY_ALTERNATION})(?![a-z])")
FOREIGN_BEFORE = re.compile(rf"(?<![a-z])(?:{_CURRENCY_ALTERNATION})\s*(?:约|大约|about|approx\.?)?\s*$")
# 批了300万，不对，是350万 / 1.2 million, sorry I mean 1.5 million: a figure said again, corrected
CORRECTION = re.compile(
    r"不对|说错|搞错|看错|打错|写错|打多了|打少了|搞混了|其实是|应该是|更正|纠正|确实是|又说是|我是说|我的意思是"
    r"|记错|听错|输错|按错|[打写弄搞说看记]反了"  # 420万，哦打反了，是240万: the digits swapped
    r"|原来是|原来系|其实系|实际是|实际上是"  # 我睇返文件原來係105萬: the file read again says otherwise
    # 两百万左右，准确说是2,080,000: the exact figure said after a round one
    r"|准确说|准确地说|准确来说|确切地说|确切说|确切是|精确地说|精确来说"
    r"|\bto be (?:exact|precise)\b|\bprecisely\b"
    r"|\bi mean\b|\boops\b|\bcorrection\b|\bactually\b|\btypo\b|\bsorry\b|\bno,? wait\b|\bmake (?:that|it)\b"
)
# 50万到60万, 1.2m to 1.5m: the range of one amount
RANGE_JOINER = re.compile(r"\s*(?:到|至|-|~|～|–|—|\bto\b)\s*")
# 50到60万, 0.5-0.6 million: a range whose unit is said once, after its top
SHARED_UNIT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)(\s*(?:到|至|~|～|–|—|-(?!\d+[/.\-])|\bto\b)\s*)(?=\d+(?:\.\d+)?\s*"
    r"(千万|百万|亿|万|million(?![a-z])|mn(?![a-z])|k(?![a-z])))",
    re.IGNORECASE,
)
CORRECTION_SPAN = 40  # characters between a figure and the one correcting it
# 本来预计省里给500万，结果只批了300万; 预算按1200万做的，现在说可能只有700万: the money expected,
# then what came instead, which is the figure to work with
EXPECTED = re.compile(
    r"预计|本来|原本|以为|预算|估计|原计划|原先|期望|指望|\b(?:expect(?:ed|ing)?|budgeted|planned|hoped|thought)\b",
    re.IGNORECASE,
)
EXPECTATION_SPAN = 15  # characters before the expected figure in which it is said to be expected
CAME_INSTEAD = re.compile(
    r"结果|实际|最后|最终|现在说|后来|变成|降到|降为|砍到|砍成|缩水|调成|调为|调整为|调整到|改成|改为"
    r"|只批|只给|只拿|只有|只剩|\bturn(?:s|ed)? out\b|\bended up\b|\bonly (?:got|approved|granted|came)\b"
    r"|\b(?:cut|reduced|lowered|down) to\b",
    re.IGNORECASE,
)
# 2500万港币，大约等于2300万人民币: the yuan the user worked out for a foreign amount
EQUIVALENT = re.compile(r"等于|约合|折合|相当于|折算|换算|即|equivalent|equals|converted|which is|i\.e\.|=|≈")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent)")
# 两成, 配1成吗: tenths said at the end of a phrase (not 八成是, 一成不变, 完成)
TENTHS = re.compile(
    r"(?<![\d.一二两三四五六七八九十])([1-9]|[一二两三四五六七八九])\s*成"
    r"(?=[，,。？?！!吗吧呢啊嘛的\s]|$)"
)
TENTH_DIGITS = dict(zip("一二两三四五六七八九", "1223456789", strict=True))
COPIES = re.compile(r"(?:一式)?(\d+)\s*(?:份|套|copies|sets)")
MONTH_DAY = re.compile(r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
MONTHS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
EN_MONTH_DAY = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+(\d{1,2})\b")
EN_DAY_MONTH = re.compile(  # 5 July, 26th of August
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b"
)
# 2021年8月 (no day, nor its end, after it), Aug 2021: a month of a year
YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号]|底|末|\d)")
EN_MONTH_YEAR = re.compile(r"\b(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+((?:19|20)\d{2})\b")
NON_LEAP_YEAR = 2001  # the last day of a month said without its year
EN_YEAR_AFTER = re.compile(r",?\s*((?:19|20)\d{2})\b")  # 30 Sep 2021, Aug 26, 2022: its year
# 7/5交, 8/20前, 2022/8/26, 7.9号: month/day as people type it; without a year only before a word of
# handing in, finishing or a deadline (1/3 is a share)
SLASH_DATE = re.compile(  # (7.9号, 2022.7.5, 2022-08-26, 8-27才调试完: a dot or a dash as people type them)
    r"(?<![\d/.\-])(?:(20\d{2})([/.\-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d/.\-])"
    r"|(1[0-2]|0?[1-9])[/.\-](3[01]|[12]\d|0?[1-9])(?![\d/%.\-])"
    r"(?=\s*(?:交|报|递|提交|之前|以前|前|号|日|截止|完成|完工|建成|上线|开工|动工|投产|那天|当天|左右|才)))"
)
MONTH_END = re.compile(r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(?:底|末|尾)")
EN_MONTH_END = re.compile(r"\bend\s+of\s+(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b")
# 七月中旬, 9月初, mid-July, early August: a part of a month, its first and last days
MONTH_PART = re.compile(
    r"(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(?:份)?(初|上旬|中旬|下旬|中(?![心国期])|头|頭)"
)
EN_MONTH_PART = re.compile(
    r"\b(early|beginning of|mid|middle of|late)[\s-]+(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\b"
    r"(?:,?\s+((?:19|20)\d{2})\b)?"
)
PART_DAYS = {
    **dict.fromkeys(("初", "上旬", "头", "頭"), (1, 10)),
    **dict.fromkeys(("中旬", "中"), (11, 20)),
    "下旬": (21, 31),  # to the month's end
}
EN_MONTH_KEYS = [m[:3] for m in MONTHS]  # jan … dec, as the patterns spell them
EN_PART_DAYS = {"early": "初", "beginning of": "初", "mid": "中旬", "middle of": "中旬", "late": "下旬"}


@lru_cache(maxsize=1)
def _cn2an() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import cn2an

    return cn2an


def _digits(number: Decimal) -> str:
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number))


def _cn_number(run: str) -> str | None:
    """Digits for a run of Chinese numerals; amounts in 万 or 亿 keep 万 as their unit."""
    if run in SINGLE_NUMERALS:
        return SINGLE_NUMERALS[run]  # 四, 两: cn2an (and its import's cost) only for longer runs
    # 二十三点六万, 一点二亿: cn2an reads a decimal only without a unit after it, so the unit is
    # taken off and multiplied back
    unit = DECIMAL_UNITS.get(run[-1], 1) if "点" in run and not set(run[:-1]) & {"万", "亿"} else 1
    numeral = run[:-1] if unit > 1 else run
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = _cn2an().cn2an(numeral, "smart")
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    number = Decimal(str(value)) * unit
    if "万" in run or "亿" in run:
        return _digits(number / 10_000) + "万"
    return _digits(number)


# 廿六, 卅日: twenty and thirty written as one character, in dates (after a month) and before a
# unit of an amount (廿万, 廿五万, 卅几万 said in Cantonese)
SCORES = {"廿": "二十", "卅": "三十"}
SCORE_DAY = re.compile(
    r"(?<=月)\s*([廿卅])([一二三四五六七八九])?|([廿卅])([一二三四五六七八九])?(?=\s*(?:万|千|百|元|块|蚊))"
)


# 五六十万, 三四百万, 两三千万: two neighbouring numerals before a unit are a rough range of one
# amount (50万到60万), read as the range said in full
ROUGH_RANGE = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万亿点])(一两|两三|二三|三四|四五|五六|六七|七八|八九)"
    r"([十百千])?(?:([万亿])|(?=[元块蚊]))"
)
ROUGH_UNITS = {"": 1, "十": 10, "百": 100, "千": 1000}


def _rough_range(match: re.Match[str]) -> str:
    low, high = (int(SINGLE_NUMERALS[numeral]) for numeral in match.group(1))
    unit, big = ROUGH_UNITS[match.group(2) or ""], match.group(3) or ""
    return f"{low * unit}{big}到{high * unit}{big}"


def _score_as_tens(match: re.Match[str]) -> str:
    score = match.group(1) or match.group(3)
    return SCORES[score] + (match.group(2) or match.group(4) or "")


# 投资6.5e6, 1.5e6: an amount as a spreadsheet or a calculator shows it (a power of ten of 4 to 9)
E_NOTATION = re.compile(r"(?<![0-9A-Za-z.])(\d{1,3}(?:\.\d{1,4})?)[eE]\+?([4-9])(?![0-9A-Za-z.])")


def _e_notation(match: re.Match[str]) -> str:
    value = Decimal(match.group(1)).scaleb(int(match.group(2)))
    return str(value.quantize(Decimal(1))) if value == value.to_integral_value() else match.group(0)


# three million, four point five million, nine hundred thousand, half a million: amounts said
# in English words (as voice input writes them), read as digits before their scale word
EN_UNITS = {
    word: n
    for n, word in enumerate(
        (
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
            *("eighteen", "nineteen"),
        )
    )
}
EN_TENS = {
    word: 10 * n
    for n, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2
    )
}
_EN_NUMBER_WORD = "|".join([*EN_UNITS, *EN_TENS, "hundred", "point", "and", "a", "half"])
EN_WORDED_AMOUNT = re.compile(
    rf"\b((?:(?:{_EN_NUMBER_WORD})[\s-]+)+)(thousand|million|billion|percent|wan|yuan|rmb)\b", re.IGNORECASE
)


def _en_number(words: list[str]) -> Decimal | None:
    """four hundred and fifty, four point five, two and a half, a: below a thousand."""
    whole, fraction, total = 0, "", Decimal(0)
    after_point = False
    for word in words:
        if word in ("and", "a") and not after_point:
            continue
        if after_point:
            if word not in EN_UNITS or EN_UNITS[word] > 9:
                return None
            fraction += str(EN_UNITS[word])
        elif word == "point":
            after_point = True
        elif word == "half":
            total += Decimal("0.5")
        elif word == "hundred":
            whole = (whole or 1) * 100
        elif word in EN_TENS:
            whole += EN_TENS[word]
        else:
            whole += EN_UNITS[word]
    value = total + whole + (Decimal(f"0.{fraction}") if fraction else 0)
    return value if value > 0 and not (after_point and not fraction) else None


def _en_worded_amount(match: re.Match[str]) -> str:
    words = [w for w in re.split(r"[\s-]+", match.group(1).lower()) if w]
    if not set(words) - {"and", "a", "half", "point"} and "half" not in words and words != ["a"]:
        return match.group(0)  # (and million: no number said, left as it is)
    if words == ["a"] and match.group(2).lower() not in ("thousand", "million", "billion"):
        return match.group(0)  # 40% of a RMB 2,000,000 investment: an article, not one yuan
    value = Decimal(1) if words == ["a"] else _en_number(words)
    return match.group(0) if value is None else f"{_digits(value)} {match.group(2)}"


# 1O%, l00万, 2O0万: letters a scan's text recognition reads for digits, in a run that has digits
# too and touches no other letter (not ISO9001, IoT, O2O)
MISREAD_DIGITS = re.compile(r"(?<![A-Za-z])(?=[0-9OolI]*[0-9])(?=[0-9OolI]*[OolI])[0-9OolI]{2,}(?![A-Za-z])")
AS_DIGITS = str.maketrans("OolI", "0011")


def with_misread_digits(text: str) -> str:
    """The text with letters misread for digits (1O% → 10%) put back; its length is kept. A run
    with fewer digits than letters is a name (O2O), not a figure."""

    def read(match: re.Match[str]) -> str:
        run = match.group()
        digits = sum(c.isdigit() for c in run)
        return run.translate(AS_DIGITS) if digits >= len(run) - digits else run

    return MISREAD_DIGITS.sub(read, text)


@lru_cache(maxsize=4096)
def to_arabic(text: str) -> str:
    """The text simplified, with Chinese numerals that stand for numbers written in digits and
    thousands separators removed: 省里批了一千二百万 → 省里批了12000000, 七月八号 → 7月8号."""
    text = THOUSANDS_SEPARATOR.sub("", simplify(text))
    text = SPACED_THOUSANDS.sub(lambda m: re.sub(r"\s", "", m.group()), text)
    text = E_NOTATION.sub(_e_notation, text)  # 6.5e6 → 6500000
    text = SCORE_DAY.sub(_score_as_tens, text)  # 八月廿六 → 八月二十六, 廿万 → 二十万
    text = EN_WORDED_AMOUNT.sub(_en_worded_amount, text)  # three million → 3 million
    text = ROUGH_RANGE.sub(_rough_range, text)  # 五六十万 → 50万到60万
    if not CN_DIGITS.intersection(text):
        return text

    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        if not CN_DIGITS.intersection(run):
            return run
        end = match.end()
        after = text[end : end + 1]
        units = set(run) & set("十百千万亿拾佰仟")
        if not units and after not in CN_NUMBER_FOLLOWERS and len(run) < 4:
            return run  # 一家, 统一, 一式: words, not numbers
        if run in {"万一", "一万"} and after not in CN_NUMBER_FOLLOWERS:
            return run
        if not units and len(run) == 4 and after == "年" and set(run) <= set(DIGIT_BY_NUMERAL):
            return "".join(DIGIT_BY_NUMERAL[ch] for ch in run)  # 二零二一年: a year, said digit by digit
        # a big unit at the end stays a unit: 八十万 → 80万 reads as 800000 below either way
        return _cn_number(run) or run

    return CN_NUMERAL_RUN.sub(replace, text)


@dataclass(frozen=True)
class Figure:
    """An amount of money the user typed, in yuan, with where it stands and what it is."""

    yuan: Decimal
    start: int
    end: int
    role: str | None  # a formula figure of the pack (its base, the investment …), claim, or None
    parts: tuple[Decimal, ...] = ()  # the parts it was added up from (设备250万，软件120万)
    excluded: tuple[Decimal, ...] = ()  # parts taken out of it, which the rules do not count
    outside: tuple[Decimal, ...] = ()  # figures said beside it, spent outside the window: not counted
    currency: str = ""  # another currency's code (HKD) when the amount is not in yuan
    low: Decimal | None = None  # the bottom of a range the figure tops (50万到60万: 50万)
    said_total: Decimal | None = None  # the user's own sum of the parts, when it is not their sum

    @property
    def in_yuan(self) -> bool:
        return not self.currency


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding text[start:end] begins and ends."""
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    next_break = CLAUSE_BREAK.search(text, end)
    return clause_start, next_break.start() if next_break else len(text)


def _parallel_role(
    text: str, start: int, previous: Figure, listed: frozenset[str], labels: re.Pattern[str] | None = None
) -> str | None:
    """A厂省级资金批了80万，B厂批了300万，C厂1200万: a figure in a clause of its own that repeats
    the previous figure's verb (批了, 拿了) or only names who has it (or which project: 上云八十万，
    5G一百六十万) is of the previous figure's role (several firms' figures listed), when that role is
    one of the `listed` ones (the bases an amount is worked out on: each firm has its own)."""
    if previous.role not in listed:
        return None
    clause_start, _ = clause_bounds(text, start, start)
    previous_start, _ = clause_bounds(text, previous.start, previous.end)
    if previous_start == clause_start:
        return None  # the same clause: no list of firms
    before = text[clause_start:start].strip()
    verb = PAST_VERB.search(before)
    if verb and verb.group() in text[previous_start : previous.start]:
        return previous.role
    labelled = labels is not None and labels.fullmatch(before) is not None
    return previous.role if labelled or LISTED_NAME.fullmatch(before) else None


def _last_role_word(text: str, words: list[tuple[str, str]]) -> tuple[int, str] | None:
    """Where the role word said last in the text ends, and its role (the longest word on a tie)."""
    best: tuple[int, str] | None = None
    for word, role in words:
        at = text.rfind(word)
        if at >= 0 and (best is None or at + len(word) > best[0]):
            best = (at + len(word), role)
    return best


def _money_named_before_claim(before: str, claim_end: int, words: list[tuple[str, str]]) -> str | None:
    """投资额就是…90万, 省级最高给了100万: a claim's word (ending at claim_end) right after another
    money's word says what that money is, not the city's amount; that money's role, or None."""
    for claim_word, role in words:
        if role != CLAIM or not before.endswith(claim_word, 0, claim_end):
            continue
        claim_at = claim_end - len(claim_word)
        return next((r for w, r in words if r != CLAIM and before.endswith(w, 0, claim_at)), None)
    return None


def _en_role_first(text: str, words: list[tuple[str, str]]) -> str | None:
    """The role of the English role word the text begins with, if any."""
    return next((r for w, r in words if w.isascii() and text.startswith(w)), None)


def _nearest_role(
    text: str, start: int, end: int, words: list[tuple[str, str]], labels: re.Pattern[str] | None = None
) -> str | None:
    """The role word nearest before the figure within its clause, unless an English one follows
    it at once (500k provincial funds); else the nearest after it. `labels` name which project a
    figure is of (上云八十万): a figure said with only one is still said on its own."""
    clause_start, clause_end = clause_bounds(text, start, end)
    before = text[clause_start:start]
    best = _last_role_word(before, words)
    if best is not None and best[1] == CLAIM:
        best = (best[0], _money_named_before_claim(before, best[0], words) or CLAIM)
    after = text[end:clause_end]
    # 500k provincial funds: in English a role said right after the figure outweighs one said
    # far before it (not 省级拿了80万市级能给多少, where 市级 begins the question)
    stripped = after.lstrip()
    if len(after) - len(stripped) <= ADJACENT_ROLE_GAP:
        stripped = EN_SOURCE.sub("", stripped, count=1)  # 3 million from the province
        said_after = _en_role_first(stripped, words) or _en_role_first(
            EN_WHAT_FOR.sub("", stripped, count=1), words
        )
        if said_after is not None and (
            best is None
            or (len(before) - best[0] > ADJACENT_ROLE_GAP and not EN_ROLE_NOUN.fullmatch(before, best[0]))
        ):
            return said_after
    if best is not None:
        return best[1]
    found = [(after.find(word), role) for word, role in words if word in after]
    if found:
        return min(found)[1]
    aside = BRACKETED.sub("", after)  # 三百万（上云项目）: what a bracket adds is no role's word
    before_alone = POINTING.sub("", APPROXIMATELY.sub("", YUAN_BEFORE.sub("", before)))
    if labels is not None:  # 都拿了省级资金，上云八十万: the cloud project's, of the money named before
        before_alone = labels.sub("", before_alone)
    said_alone = before_alone + APPROXIMATELY.sub("", aside)
    if clause_start > 0 and not CORRECTION.sub("", said_alone).strip(" .…"):
        # 省级专项下来了，45万: a figure said on its own belongs to the clause before it (and one
        # said with only a correction, province Rs... sorry, RMB 1.35 million, to the one before that)
        return _nearest_role(text, clause_start - 1, clause_start - 1, words, labels)
    return None


def _foreign_currency(text: str, start: int, end: int) -> str:
    """The code of the other currency said right after the amount (600万港币) or right before
    it (港币600万, HK$ 6m), or "" for yuan."""
    match = FOREIGN_AFTER.match(text, end) or FOREIGN_BEFORE.search(text, max(0, start - 12), start)
    if match is None:
        return ""
    return next(code for code, said in match.groupdict().items() if said is not None)


def _equivalents_take_the_role(figures: list[Figure], text: str) -> list[Figure]:
    """2500万港币，大约等于2300万人民币: yuan said to equal the foreign amount before it are that
    amount's role (the investment), and the foreign amount keeps none of its own."""
    out = list(figures)
    for i in range(1, len(out)):
        before, figure = out[i - 1], out[i]
        between = text[before.end : figure.start]
        if before.currency and figure.in_yuan and figure.role is None and EQUIVALENT.search(between):
            out[i] = replace(figure, role=before.role)
            out[i - 1] = replace(before, role=None)
    return out


TOTAL_LOOKBACK = 30  # characters before a total's clause where the money it sums may be named


def _role_named_in(text: str, words: list[tuple[str, str]]) -> str | None:
    """The role whose word is said last in the text."""
    last = _last_role_word(text, words)
    return last[1] if last else None


def _totals_take_the_role(
    figures: list[Figure], text: str, total_before: re.Pattern[str], words: list[tuple[str, str]]
) -> list[Figure]:
    """投资320万，又加了40万软件，总共400万: a figure said as the total, right after figures of one
    role (or its parts), is that role's figure and replaces them (the pieces it sums, or earlier
    versions); 投资额就是服务器、软件这些，总共90万: with no figure before it, it is the money named
    just before. After money of another kind (省里50万，市里5万，加起来55万) it stays a sum."""
    out: list[Figure] = []
    for figure in figures:
        clause_start, _ = clause_bounds(text, figure.start, figure.end)
        said_as_total = total_before.search(text, clause_start, figure.start) is not None
        if figure.role is not None or not said_as_total:
            out.append(figure)
            continue
        previous = (
            out[-1].role
            if out
            else _role_named_in(text[max(0, clause_start - TOTAL_LOOKBACK) : clause_start], words)
        )
        role = (previous or "").removesuffix(PART)
        if role in ("", CLAIM, "other"):
            out.append(figure)
            continue
        replaced = [f for f in out if (f.role or "").removesuffix(PART) == role]
        out = [f for f in out if f not in replaced]
        # 设备200万 + 软件150万 + 材料50万，我加起来是350万: the parts' sum, not the user's
        summed = _summed_instead(replaced, figure, role, text)
        out.append(summed if summed is not None else replace(figure, role=role))
    return out


def _summed_instead(pieces: list[Figure], said: Figure, role: str, text: str) -> Figure | None:
    """Parts added with plus signs (设备200万 + 软件150万 + 材料50万) whose sum is not the total
    the user said: their sum, which remembers the user's total; None when it is their sum."""
    parts = [f for f in pieces if f.role == role + PART]
    summed = sum((f.yuan for f in parts), Decimal(0))
    if len(parts) < 2 or len(parts) != len(pieces) or summed == said.yuan:
        return None
    if any(PLUS.search(text, a.end, b.start) is None for a, b in pairwise(parts)):
        return None
    start, end = min(parts[0].start, said.start), max(parts[-1].end, said.end)
    return Figure(summed, start, end, role, tuple(f.yuan for f in parts), said_total=said.yuan)


PLUS = re.compile(r"[+＋]")


def _ranges_to_their_top(figures: list[Figure], text: str) -> list[Figure]:
    """省级大概50万到60万: a range of one amount, not two projects; its top is kept, as the
    estimates worked from it are upper bounds, and remembers its bottom."""
    kept: list[Figure] = []
    for figure in figures:
        low = kept[-1] if kept else None
        if (
            low is not None
            and low.role == figure.role
            and low.yuan < figure.yuan
            and RANGE_JOINER.fullmatch(text[low.end : figure.start]) is not None
        ):
            kept[-1] = replace(figure, low=low.low or low.yuan)
            continue
        kept.append(figure)
    return kept


def _corrections_replace(figures: list[Figure], text: str, words: list[tuple[str, str]]) -> list[Figure]:
    """省里批了300万，不对不对，是350万: a figure followed closely by a correction and another
    figure is replaced by it, and the new one says the same money (the old one's role). A figure with
    no word of its own is the money named between it and the figure before (投了800万，省级资金还没批
    下来，不对，批了50万: the provincial funds, no correction of the investment)."""
    out: list[Figure] = []
    for figure in figures:
        before = out[-1] if out else None
        if before is not None:
            between = text[before.end : figure.start]
            named = _role_named_in(between, words)
            if figure.role is None and named not in (None, before.role):
                figure = replace(figure, role=named)
            said_of_other_money = None not in (before.role, figure.role) and before.role != figure.role
            expected = EXPECTED.search(text, max(0, before.start - EXPECTATION_SPAN), before.start)
            came_instead = (
                expected and CAME_INSTEAD.search(between) and figure.role in (None, CLAIM, before.role)
            )
            corrected = CORRECTION.search(between) and not said_of_other_money
            if len(between) <= CORRECTION_SPAN and (corrected or came_instead):
                out.pop()
                role = figure.role if figure.role not in (None, CLAIM) else before.role
                figure = replace(figure, role=role, currency=figure.currency or before.currency)
        out.append(figure)
    return out


class AmountReader:
    """Reads the amounts of money in a message; the words that give them their roles are
    prepared once (a reader is built once per process, `read` runs for every message)."""

    def __init__(
        self,
        roles: Mapping[str, Iterable[str]] = {},
        parts: Mapping[str, Iterable[str]] = {},
        total_words: Iterable[str] = (),
        listed_roles: Iterable[str] = (),
        labels: Iterable[str] = (),
        exclusions: Mapping[str, Iterable[str]] = {},
        window: tuple[dt.date, dt.date] | None = None,
    ) -> None:
        self.window = window  # the construction window: money spent outside it is not counted
        pairs = [(simplify(w), role) for role, words in roles.items() for w in words]
        self.listed_roles = frozenset(listed_roles)  # roles a list of several firms' figures repeats
        # the names of projects a figure may be said with (上云, 5G): no money of their own
        named = sorted({simplify(w) for w in labels if w}, key=len, reverse=True)
        self.labels = re.compile("|".join(map(re.escape, named)), re.IGNORECASE) if named else None
        self.role_words = sorted(pairs, key=lambda p: len(p[0]), reverse=True)
        self.part_words = {role: [simplify(w) for w in ws if w] for role, ws in parts.items()}
        self.exclusion_words = {
            role: [to_arabic(simplify(w)) for w in ws if w] for role, ws in exclusions.items()
        }
        self.total_words = [simplify(w) for w in total_words if w]
        said = "|".join(re.escape(w) for w in sorted(self.total_words, key=len, reverse=True))
        self.total_before = re.compile(
            rf"(?:{said})\s*(?:是|为|有|约|大概|大约|差不多|就是|is|of|comes to)?\s*$"
        )

    def read(self, text: str) -> list[Figure]:
        """Every amount of money in the text (a number with 元, 万, 亿, million, yuan …), in order.
        Figures said of a role's parts (equipment, software … of the investment) are added up into
        that role's figure, unless the message gives the whole as well; those said with dates
        outside the window are set apart from it (2021年8月买服务器50万)."""
        arabic = SHARED_UNIT.sub(r"\1\3\2", to_arabic(text))  # 50到60万 → 50万到60万
        found = self._read(arabic, self.window)
        for role in self.exclusion_words:
            kept = _set_apart(found, role)
            if kept is None:  # all of it outside, or several wholes: read as said
                return self._read(arabic, None)
            found = kept
        return found

    def _read(self, arabic: str, window: tuple[dt.date, dt.date] | None) -> list[Figure]:
        found: list[Figure] = []
        for match in AMOUNT.finditer(arabic):
            unit, currency, prefix = match.group("unit"), match.group("currency"), match.group("prefix")
            bare = not (unit or currency or prefix)
            if bare and not BARE_YUAN.fullmatch(match.group("number")):
                continue
            start, end = match.start("number"), match.end()
            role = self._part_labelled(arabic, start) or _nearest_role(
                arabic, start, end, self.role_words, self.labels
            )
            if role in self.part_words or role is None:  # 设备2,000,000, equipment 4.5m: a part
                begin, stop = clause_bounds(arabic, start, end)
                if role is not None:  # 投资420万（含设备280万…）, 投资950万（软件550万、…）: the parts
                    # it is broken into are not it
                    after = (BREAKDOWN.search(arabic, end, stop), OPEN_BRACKET.search(arabic, end, stop))
                    stop = min((m.start() for m in after if m), default=stop)
                clause = arabic[begin:stop]
                # a figure of a role is only a part of that role (省级 beside 软件公司 is no software)
                parts = [(r, ws) for r, ws in self.part_words.items() if role in (None, r)]
                role = next((f"{r}{PART}" for r, ws in parts if any(w in clause for w in ws)), role)
            role = self._excluded_part(arabic, start, end, role, found) or role
            if role is None and found:  # cloud one got 0.9M from the province, 5G one got 4M
                role = _parallel_role(arabic, start, found[-1], self.listed_roles, self.labels)
            if window is not None:
                role = self._spent_outside(arabic, start, end, role, found, window) or role
            if unit in ("m", "mn", "k") and not (currency or prefix or role or MONEY_ASKED.search(arabic)):
                continue  # 5m, 10k: a length or a count as often as money, unless said of funds
            tail = arabic[match.end() : match.end() + 1]
            if tail in ("%", "年", "人", "号", "个", "家", "台", "份"):
                continue
            try:
                yuan = Decimal(match.group("number")) * UNIT_FACTOR.get(unit or "", Decimal(1))
            except InvalidOperation:
                continue
            if yuan <= 0 or yuan > MOST_YUAN:
                continue  # 万亿亿万万: no money a project has, and past what the arithmetic keeps exact
            if bare and role is None:
                continue  # a bare number is money only with a role's word before it (funds, a cap …)
            currency = "" if (currency or prefix) else _foreign_currency(arabic, start, end)
            found.append(Figure(yuan, start, end, role, currency=currency))
        found = _corrections_replace(_equivalents_take_the_role(found, arabic), arabic, self.role_words)
        found = _ranges_to_their_top(found, arabic)
        if self.total_words:
            found = _totals_take_the_role(found, arabic, self.total_before, self.role_words)
        for role in self.part_words:
            found = self._add_up_parts(found, role, arabic)
        for role in self.exclusion_words:
            found = _taken_out(found, role)
        return found

    def _part_labelled(self, text: str, start: int) -> str | None:
        """• 材料：25万 （均为建设期内采购） 市级能给多少: a figure right after a part's word and no
        role's word is that part, whatever role the question after it names."""
        before = text[clause_bounds(text, start, start)[0] : start]
        label = LABEL_END.sub("", before)
        if _last_role_word(before, self.role_words) is not None:
            return None
        labelled = [r for r, ws in self.part_words.items() if any(label.endswith(w) for w in ws)]
        if len(labelled) > 1:
            # 省级资金分两期，第一期60万: a part's word of two roles is the part of the role said last
            # before it in the message (项目分两期建设，第一期300万: the first role listed)
            said = _last_role_word(text[:start], [(w, r) for w, r in self.role_words if r in labelled])
            labelled = [said[1]] if said else labelled
        return f"{labelled[0]}{PART}" if labelled else None

    def _excluded_part(
        self, text: str, start: int, end: int, role: str | None, found: list[Figure]
    ) -> str | None:
        """投资380万，其中60万是跟项目无关的; 花了900万，其中9月30日之前花掉300万: a part of a figure
        said before it, which its clause says the rules do not count (五(三): purchases for the
        project within the construction period)."""
        whole = (role or "").removesuffix(PART) or (found[-1].role if found else None) or ""
        words = self.exclusion_words.get(whole)
        if not words or not any(f.role == whole for f in found):
            return None
        clause = text[slice(*clause_bounds(text, start, end))]
        if INSIDE.search(clause) and any(w in clause for w in words):
            return whole + EXCLUDED
        return None

    def _spent_outside(
        self,
        text: str,
        start: int,
        end: int,
        role: str | None,
        found: list[Figure],
        window: tuple[dt.date, dt.date],
    ) -> str | None:
        """2021年8月买服务器50万, 2022年9月又追加了70万: a figure of the investment (or said after
        one) whose clause dates it wholly outside the window (五(三) counts only what was spent
        within the construction period): set beside the whole, or taken out of it when said as
        its part (其中)."""
        whole = (role or (found[-1].role if found else None) or "").split(":")[0]
        if whole not in self.exclusion_words:
            return None
        clause = text[slice(*clause_bounds(text, start, end))]
        days = days_said(clause)
        first_day, last_day = window
        if not days or not all(last < first_day or first > last_day for first, last in days):
            return None
        # 投了350万，其中50万是2021年8月买的: a part of the whole said before it, taken out of it
        inside = INSIDE.search(clause) is not None and any(f.role == whole for f in found)
        return whole + (EXCLUDED if inside else OUTSIDE_WINDOW)

    def _add_up_parts(self, figures: list[Figure], role: str, text: str) -> list[Figure]:
        """设备250万，软件120万，材料30万: one investment of 4 million (五(三) counts equipment,
        materials and software as the project's investment). A part beside the whole (投资400万，
        其中设备250万) only breaks it down; one part alone is the whole."""
        parts = [f for f in figures if f.role == role + PART]
        if not parts:
            return figures
        wholes = [f for f in figures if f.role == role]
        clauses = {id(f): text[slice(*clause_bounds(text, f.start, f.end))] for f in figures}
        breakdown = any(BREAKDOWN.search(clauses[id(f)]) for f in parts) or any(
            w in clauses[id(f)] for f in wholes for w in self.total_words
        )
        summed = _summed_instead(parts, wholes[0], role, text) if len(wholes) == 1 else None
        if summed is not None:  # 投资350万：设备200万+软件150万+材料50万: the parts' sum counts
            kept = [f for f in figures if f not in parts and f is not wholes[0]]
            return sorted([*kept, summed], key=lambda f: f.start)
        covered = bool(wholes) and (breakdown or sum(f.yuan for f in parts) <= max(f.yuan for f in wholes))
        if len(wholes) > 1 or covered:  # several wholes: which one a part belongs to is not said
            return [f for f in figures if f not in parts]
        added = sorted([*wholes, *parts], key=lambda f: f.start)
        whole = Figure(
            sum((f.yuan for f in added), Decimal(0)),
            added[0].start,
            max(f.end for f in added),
            role,
            tuple(f.yuan for f in added) if len(added) > 1 else (),
        )
        return sorted([f for f in figures if f not in added] + [whole], key=lambda f: f.start)


def _taken_out(figures: list[Figure], role: str) -> list[Figure]:
    """投资700万，里面有150万是8月26日以后才付的: the whole less the parts the rules do not count;
    with several wholes, or parts as large as the whole, nothing is taken out of any."""
    parts = [f for f in figures if f.role == role + EXCLUDED]
    if not parts:
        return figures
    rest = [f for f in figures if f not in parts]
    wholes = [f for f in rest if f.role == role]
    taken = sum((f.yuan for f in parts), Decimal(0))
    if len(wholes) != 1 or taken >= wholes[0].yuan:
        return rest
    whole = wholes[0]
    counted = replace(whole, yuan=whole.yuan - taken, excluded=tuple(f.yuan for f in parts))
    return [counted if f is whole else f for f in rest]


def _set_apart(figures: list[Figure], role: str) -> list[Figure] | None:
    """The figures with those spent outside the window set beside the role's one whole (which
    keeps only what was spent within it); None when there is not exactly one whole to keep."""
    apart = [f for f in figures if f.role == role + OUTSIDE_WINDOW]
    if not apart:
        return figures
    rest = [f for f in figures if f not in apart]
    wholes = [f for f in rest if f.role == role]
    if len(wholes) != 1:
        return None
    kept = replace(wholes[0], outside=tuple(f.yuan for f in apart))
    return [kept if f is wholes[0] else f for f in rest]


def read_amounts(
    text: str,
    roles: Mapping[str, Iterable[str]] = {},
    parts: Mapping[str, Iterable[str]] = {},
    total_words: Iterable[str] = (),
) -> list[Figure]:
    """Every amount of money in the text, read with these role, part and total words (see
    `AmountReader`, which prepares them once for many messages)."""
    return AmountReader(roles, parts, total_words).read(text)


def read_percentages(text: str) -> list[Decimal]:
    """20%, 百分之二十, and tenths said at the end of a phrase: 两成, 配1成吗 (not 八成是, 一成不变)."""
    arabic = to_arabic(text)
    tenths = [Decimal(TENTH_DIGITS.get(m.group(1), m.group(1))) / 10 for m in TENTHS.finditer(arabic)]
    return [Decimal(m.group(1)) / 100 for m in PERCENT.finditer(arabic)] + tenths


def read_copies(text: str) -> list[int]:
    return [int(m.group(1)) for m in COPIES.finditer(to_arabic(text))]


def read_dates(text: str) -> list[tuple[int | None, int, int]]:
    """(year or None, month, day) for each date in the text: 七月八号, 2031年8月26日, July 8."""
    arabic = to_arabic(text)
    out: list[tuple[int | None, int, int]] = []
    for match in MONTH_DAY.finditer(arabic):
        year, month, day = match.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            out.append((int(year) if year else None, int(month), int(day)))
    for match in EN_MONTH_DAY.finditer(arabic):
        month = [m[:3] for m in MONTHS].index(match.group(1)) + 1
        out.append((_en_year_after(arabic, match.end()), month, int(match.group(2))))
    for match in EN_DAY_MONTH.finditer(arabic):
        month = [m[:3] for m in MONTHS].index(match.group(2)) + 1
        if 1 <= int(match.group(1)) <= 31:
            out.append((_en_year_after(arabic, match.end()), month, int(match.group(1))))
    for match in SLASH_DATE.finditer(arabic):
        full = match.group(1) is not None  # 2022/8/26, or 7/5 said before 交
        said_month, said_day = match.group(3, 4) if full else match.group(5, 6)
        out.append((int(match.group(1)) if full else None, int(said_month), int(said_day)))
    for match in MONTH_END.finditer(arabic):  # 9月底: the month's last day
        year, month = int(match.group(1)) if match.group(1) else None, int(match.group(2))
        if 1 <= month <= 12:
            out.append((year, month, calendar.monthrange(year or NON_LEAP_YEAR, month)[1]))
    for match in EN_MONTH_END.finditer(arabic):
        month = [m[:3] for m in MONTHS].index(match.group(1)) + 1
        out.append((None, month, calendar.monthrange(NON_LEAP_YEAR, month)[1]))
    return out


def months_said(text: str) -> list[tuple[int, int]]:
    """(year, month) for each month the text names with its year and no day (2021年8月, Aug 2021);
    not 2021年13月, no month at all."""
    arabic = to_arabic(text).lower()
    months = [(int(m.group(1)), int(m.group(2))) for m in YEAR_MONTH.finditer(arabic)]
    months += [(int(m.group(2)), EN_MONTH_KEYS.index(m.group(1)) + 1) for m in EN_MONTH_YEAR.finditer(arabic)]
    return [(y, m) for y, m in months if 1 <= m <= 12]


def days_said(text: str) -> list[tuple[dt.date, dt.date]]:
    """The first and last day of each date or month the text names with its year (2021年8月,
    2022年9月3日, Aug 2021); dates without a year are left out, since their year is not known."""
    arabic = to_arabic(text)
    out: list[tuple[dt.date, dt.date]] = []
    for year, month, day in read_dates(arabic):
        if year is not None:
            try:
                out.append((dt.date(year, month, day),) * 2)
            except ValueError:
                continue  # 2月30日: no such day
    for year, month in months_said(arabic):
        out.append((dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])))
    return out


def _en_year_after(text: str, at: int) -> int | None:
    """The year written right after an English date (30 Sep 2021), or None."""
    said = EN_YEAR_AFTER.match(text, at)
    return int(said.group(1)) if said else None


def read_periods(text: str) -> list[tuple[int | None, int, int, int]]:
    """(year or None, month, first day, last day) for each part of a month said: 七月中旬 is
    the 11th to the 20th, 9月初 and early September the 1st to the 10th, 下旬 the 21st to the end."""
    arabic = to_arabic(text)
    said = [(m.group(1), m.group(2), m.group(3)) for m in MONTH_PART.finditer(arabic)]
    said += [
        (m.group(3), str(EN_MONTH_KEYS.index(m.group(2)) + 1), EN_PART_DAYS[m.group(1)])
        for m in EN_MONTH_PART.finditer(arabic.lower())
    ]
    out: list[tuple[int | None, int, int, int]] = []
    for year, month, part in said:
        if not 1 <= int(month) <= 12:
            continue
        first, last = PART_DAYS[part]
        last = min(last, calendar.monthrange(int(year) if year else NON_LEAP_YEAR, int(month))[1])
        out.append((int(year) if year else None, int(month), first, last))
    return out
