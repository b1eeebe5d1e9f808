"""Answer parsers for the guided eligibility check.

Each parser turns what a person typed into a plain value or raises `ParseError` with a stable
message id (`code`) and formatting `params`; the bot translates the code into the user's
language. No user-facing sentences live here, and nothing here knows about Telegram.

Every parser NFKC-normalises its input first (full-width digits and punctuation become ASCII),
never raises anything but `ParseError` for any `str`, and stays fast on any input: the
interpreting parsers refuse over-long input up front, and no regular expression here has
ambiguous repetition (nothing to backtrack catastrophically).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Literal

__all__ = [
    "ERROR_CODES",
    "Answer",
    "ParseError",
    "format_amount",
    "parse_amount",
    "parse_date",
    "parse_int",
    "parse_phone",
    "parse_text",
    "parse_yes_no",
]

Answer = Literal["yes", "no", "unsure"]

#: Every code a parser may raise; the bot's catalogue must translate each one.
ERROR_CODES: frozenset[str] = frozenset(
    {
        "amount.invalid",
        "amount.negative",
        "amount.zero",
        "amount.too_large",
        "date.invalid",
        "date.out_of_range",
        "yesno.invalid",
        "int.invalid",
        "int.negative",
        "int.too_large",
        "phone.invalid",
        "text.empty",
        "text.too_long",
    }
)


class ParseError(ValueError):
    """An answer that could not be understood: `code` is a message id, `params` fill it in."""

    def __init__(self, code: str, params: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.code: str = code
        self.params: dict[str, str] = dict(params or {})

    def __repr__(self) -> str:
        return f"ParseError({self.code!r}, {self.params!r})"


# --------------------------------------------------------------------------- normalisation

# Interpreting parsers refuse longer input (after NFKC) before doing any real work.
_MAX_AMOUNT_LEN = 100
_MAX_DATE_LEN = 60
_MAX_YESNO_LEN = 60
_MAX_INT_LEN = 40
_MAX_PHONE_LEN = 40

# Characters NFKC leaves alone but people use interchangeably (dashes, quotes), the invisible
# ones to drop, and the traditional forms of the words the parsers recognise (a tiny
# traditional → simplified map: enough for these words, not a converter).
_FOLD = str.maketrans(
    "\u2212\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019"
    "沒無確對說準當錯曉應該許記問題個兩號萬億點塊錢圓幣約總計項貳參陸戶們實",
    "-------''没无确对说准当错晓应该许记问题个两号万亿点块钱圆币约总计项贰叁陆户们实",
    "\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f",
)

_WS_RE = re.compile(r"\s+")


def _words(spec: str) -> tuple[str, ...]:
    """A table of words written as "a|b|c" (words may contain spaces)."""
    return tuple(spec.split("|"))


def _prep(text: str, max_len: int, code: str) -> str:
    """NFKC, fold look-alikes and traditional forms, lower-case, trim; refuse over-long input."""
    s = unicodedata.normalize("NFKC", text)
    if len(s) > max_len:
        raise ParseError(code)
    return _WS_RE.sub(" ", s.translate(_FOLD).lower()).strip()


# --------------------------------------------------------------------------- numbers

_CN_DIGITS: dict[str, int] = {
    ch: value
    for value, chars in enumerate(
        ("零〇", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖")
    )
    for ch in chars
}
# Units from the largest down. 亿 and 万 group sections; 千/百/十 multiply a single digit.
_UNITS: tuple[tuple[str, int], ...] = (("亿", 10**8), ("万", 10**4), ("千", 1000), ("百", 100), ("十", 10))
_BIG_UNITS = frozenset({"亿", "万"})
_UNIT_ALIASES = str.maketrans({"仟": "千", "佰": "百", "拾": "十", "w": "万"})
_NO_LIMIT = 10**9  # larger than every unit
_ARABIC_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
# Ample precision for any number that fits in the length limits: arithmetic stays exact.
_EXACT = Context(prec=300)


def _plain_number(s: str) -> Decimal | None:
    """An Arabic number ("5,000,000.00") or a single Chinese digit, else None."""
    if _ARABIC_RE.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if len(s) == 1 and s in _CN_DIGITS:
        return Decimal(_CN_DIGITS[s])
    return None


def _single_digit(s: str) -> int | None:
    """The value of a lone non-zero digit ("5" or "五"), used for "一万五" = 15000."""
    if len(s) != 1:
        return None
    if "1" <= s <= "9":
        return int(s)
    value = _CN_DIGITS.get(s)
    return value if value else None


def _fraction_digits(s: str) -> str | None:
    """The digits after 点 ("五" → "5", "25" → "25"), else None."""
    if not s:
        return None
    out = []
    for ch in s:
        if "0" <= ch <= "9":
            out.append(ch)
        elif ch in _CN_DIGITS and ch != "两":
            out.append(str(_CN_DIGITS[ch]))
        else:
            return None
    return "".join(out)


def _parse_number(s: str, limit: int = _NO_LIMIT) -> Decimal | None:
    """A number written with Arabic and/or Chinese digits and units below `limit`, else None.

    Splits at the largest unit: value(hi) × unit + value(lo), with lo < unit. A lone digit after a
    unit means the next unit down ("一万五" = 15000, "1亿5" = 150000000); 零 after a unit does not.
    Decimals (点) bind tighter than 万/亿 and looser than 千/百/十: "一点五万", "一百二十点五".
    """
    for ch, mult in _UNITS:
        if mult >= limit:
            continue
        if ch not in _BIG_UNITS and "点" in s:
            return _parse_decimal(s.partition("点"), limit)
        idx = s.find(ch)
        if idx < 0:
            continue
        hi, lo = s[:idx], s[idx + 1 :]
        if ch in _BIG_UNITS:
            # 万 may come before 亿 only as 万亿 (10^12): "2000万1亿" is not a number.
            nested = "万" in hi and not hi.endswith("万")
            hi_value = _parse_number(hi, mult) if hi and not nested else None
        elif not hi:
            hi_value = Decimal(1) if ch == "十" else None
        else:
            hi_value = _plain_number(hi)
        if hi_value is None or (lo and hi_value != hi_value.to_integral_value()):
            return None  # "1.5万5" is not a number
        lo_value = _parse_low_part(lo, mult)
        if lo_value is None:
            return None
        return hi_value * mult + lo_value
    if "点" in s:
        return _parse_decimal(s.partition("点"), limit)
    return _plain_number(s)


def _parse_low_part(lo: str, mult: int) -> Decimal | None:
    """What follows a unit: empty, 零 + number, a lone digit (next unit down), or a number < unit."""
    if not lo:
        return Decimal(0)
    stripped = lo.lstrip("零〇")
    if stripped == lo:
        digit = _single_digit(lo)
        if digit is not None:
            return Decimal(digit * mult // 10)
    if not stripped:
        return Decimal(0)
    value = _parse_number(stripped, mult)
    if value is None or value >= mult:
        return None
    return value


def _parse_decimal(parts: tuple[str, str, str], limit: int) -> Decimal | None:
    """A number written with 点, split by str.partition: "一点五", "二十点二五"."""
    int_part, _, frac_part = parts
    if not int_part:
        return None
    whole = _parse_number(int_part, limit)
    digits = _fraction_digits(frac_part)
    if whole is None or digits is None or whole != whole.to_integral_value():
        return None
    return whole + Decimal("0." + digits)


def _strip_affixes(s: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> str:
    """Remove any of the known prefixes and suffixes (repeatedly, with surrounding spaces)."""
    changed = True
    while changed and s:
        changed = False
        for p in prefixes:
            if s.startswith(p):
                s = s[len(p) :].lstrip()
                changed = True
        for x in suffixes:
            if s.endswith(x):
                s = s[: -len(x)].rstrip()
                changed = True
    return s


def _take_sign(s: str) -> tuple[str, bool] | None:
    """Split a leading sign off: (rest, is_negative); None for more than one sign."""
    negative = False
    signs = 0
    while s and s[0] in "+-负":
        negative = negative or s[0] != "+"
        signs += 1
        s = s[1:].lstrip()
    if signs > 1:
        return None
    return s, negative


_AMOUNT_PREFIXES = _words("人民币|rmb|cny|¥|大约|大概|约|共计|合计|总计|总共|共")
_AMOUNT_SUFFIXES = _words("元人民币|人民币|块钱|元整|圆整|元|圆|块|rmb|cny|yuan|左右|。|.|!|~")
_ENGLISH_MULTIPLIERS: tuple[tuple[str, int], ...] = (
    ("thousand", 10**3),
    ("million", 10**6),
    ("billion", 10**9),
    ("mn", 10**6),
    ("bn", 10**9),
    ("k", 10**3),
    ("m", 10**6),
    ("b", 10**9),
)
_ZERO_WORDS = frozenset({"零", "〇", "无", "没有", "没", "none", "nil", "zero", "nothing"})
_DIGIT_GAP_RE = re.compile(r"[0-9] +[0-9]")


def _parse_quantity(s: str) -> Decimal | None:
    """A non-negative quantity with optional Chinese units or an English multiplier, else None."""
    if s in _ZERO_WORDS:
        return Decimal(0)
    multiplier = 1
    for word, mult in _ENGLISH_MULTIPLIERS:
        if s.endswith(word):
            head = s[: -len(word)].rstrip()
            if _ARABIC_RE.fullmatch(head):
                s, multiplier = head, mult
            break
    if _DIGIT_GAP_RE.search(s):
        return None
    s = s.replace(" ", "").translate(_UNIT_ALIASES)
    if not s:
        return None
    value = _parse_number(s)
    return None if value is None else value * multiplier


def parse_amount(text: str, *, allow_zero: bool = True, max_yuan: int = 10**11) -> Decimal:
    """An amount of money in yuan, rounded to fen: "500万", "¥5,000,000", "一千二百万", "1.5m"."""
    s = _prep(text, _MAX_AMOUNT_LEN, "amount.invalid")
    s = _strip_affixes(s, _AMOUNT_PREFIXES, _AMOUNT_SUFFIXES)
    signed = _take_sign(s)
    if signed is None:
        raise ParseError("amount.invalid")
    s, negative = signed
    s = _strip_affixes(s, _AMOUNT_PREFIXES, _AMOUNT_SUFFIXES)
    with localcontext(_EXACT):
        value = _parse_quantity(s)
        if value is None:
            raise ParseError("amount.invalid")
        if negative and value > 0:
            raise ParseError("amount.negative")
        value = abs(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        if value > max_yuan:
            raise ParseError("amount.too_large", {"max": str(max_yuan)})
    if value == 0 and not allow_zero:
        raise ParseError("amount.zero")
    return value


def _plain_str(d: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 12.50 → "12.5", 5E+2 → "500"."""
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def format_amount(amount: Decimal, lang: str) -> str:
    """An amount for people: zh "500万元" / "12.5万元" / "8000元", en "RMB 5,000,000"."""
    with localcontext(_EXACT):
        fen = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        sign = "-" if fen < 0 else ""
        fen = abs(fen)
        if lang.lower().startswith("zh"):
            if fen >= 10_000 and fen % 100 == 0:
                return f"{sign}{_plain_str(fen / 10_000)}万元"
            spec = "," if fen >= 10_000 else ""
            if fen == fen.to_integral_value():
                return f"{sign}{int(fen):{spec}d}元"
            return f"{sign}{fen:{spec}.2f}元"
        if fen == fen.to_integral_value():
            return f"RMB {sign}{int(fen):,d}"
        return f"RMB {sign}{fen:,.2f}"


# --------------------------------------------------------------------------- dates


def _numbered(spec: str, start: int) -> dict[str, int]:
    """ "a b|c" → {a: start, b: start, c: start + 1}: each place's names, numbered from start."""
    return {
        name: number for number, names in enumerate(_words(spec), start=start) for name in names.split(" ")
    }


_MONTHS = _numbered(
    "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
    "|september sep sept|october oct|november nov|december dec",
    start=1,
)

_YEAR_DIGITS: dict[str, int] = {"○": 0, "o": 0} | {ch: v for ch, v in _CN_DIGITS.items() if ch != "两"}
_CN_YEAR_DIGITS = "".join(_YEAR_DIGITS)
_CN_SMALL = "一二三四五六七八九十廿卅"
_YEAR = rf"([0-9]{{4}}|[{_CN_YEAR_DIGITS}]{{4}})"
_MONTH_DAY = rf"([0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}})"
_DAY_MARK = "[日号]?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"([0-9]{4}) ?([-/.]) ?([0-9]{1,2}) ?\2 ?([0-9]{1,2})"), "ysmd"),
    (re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})"), "ymd"),
    (re.compile(rf"{_YEAR} ?年 ?{_MONTH_DAY} ?月 ?{_MONTH_DAY} ?{_DAY_MARK}"), "ymd"),
    (re.compile(rf"{_MONTH_DAY} ?月 ?{_MONTH_DAY} ?{_DAY_MARK}"), "md"),
    (re.compile(r"([0-9]{1,2}) ?[-/] ?([0-9]{1,2})"), "md"),
    (re.compile(r"([a-z]+)\.? ?([0-9]{1,2})(?:st|nd|rd|th)?(?: ?,? ?([0-9]{4}))?"), "Mdy"),
    (re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? ?(?:of )?([a-z]+)\.?(?: ?,? ?([0-9]{4}))?"), "dMy"),
)


def _cn_year(s: str) -> int:
    """A year written digit by digit ("2031", "二〇三一", "二零三一")."""
    return int("".join(str(_YEAR_DIGITS.get(ch, ch)) for ch in s))


def _cn_small_int(s: str) -> int | None:
    """A month or day number: "5", "05", "十二", "二十一", "廿一", "卅"; None if malformed."""
    if s.isascii() and s.isdigit():
        return int(s)
    s = s.replace("廿", "二十").replace("卅", "三十")
    value = _parse_number(s, 100)
    if value is None:
        return None
    return int(value)


def _date_or_error(year: int, month: int | None, day: int | None) -> date:
    """date(year, month, day), or ParseError("date.invalid")."""
    if month is None or day is None:
        raise ParseError("date.invalid")
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        raise ParseError("date.invalid") from None


def _match_date(s: str, default_year: int) -> date:
    """The date written in `s` (already prepared), or ParseError("date.invalid")."""
    for pattern, kind in _DATE_PATTERNS:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        g = m.groups()
        if kind == "ysmd":
            return _date_or_error(int(g[0]), int(g[2]), int(g[3]))
        if kind == "ymd":
            return _date_or_error(_cn_year(g[0]), _cn_small_int(g[1]), _cn_small_int(g[2]))
        if kind == "md":
            return _date_or_error(default_year, _cn_small_int(g[0]), _cn_small_int(g[1]))
        month_name, day_text = (g[0], g[1]) if kind == "Mdy" else (g[1], g[0])
        month = _MONTHS.get(month_name)
        if month is None:
            continue
        year = int(g[2]) if g[2] else default_year
        return _date_or_error(year, month, int(day_text))
    raise ParseError("date.invalid")


def parse_date(
    text: str, *, default_year: int, min_date: date | None = None, max_date: date | None = None
) -> date:
    """A calendar date: "2031-05-20", "2031年5月20日", "5月20日", "二〇三一年五月二十日", "May 20, 2031"."""
    s = _prep(text, _MAX_DATE_LEN, "date.invalid").rstrip("。.!")
    result = _match_date(s, default_year)
    if (min_date is not None and result < min_date) or (max_date is not None and result > max_date):
        raise ParseError(
            "date.out_of_range",
            {
                "min": min_date.isoformat() if min_date else "",
                "max": max_date.isoformat() if max_date else "",
            },
        )
    return result


# --------------------------------------------------------------------------- yes / no / not sure

_ANSWER_WORDS: dict[Answer, str] = {
    "yes": "是|是的|是啊|是滴|对|对的|对啊|有|有的|嗯|好|好的|没错|当然|当然是|当然有|确定|肯定|符合|没问题"
    "|yes|y|yeah|yep|yup|ya|sure|of course|correct|right|true|ok|okay|👍|👌|✅|✔",
    "no": "否|不是|没有|没|无|不|不对|不符合|并没有|还没有|还没|木有|没呢|当然没有|当然不是"
    "|no|n|not|nope|nah|not really|false|none|no way|❌|👎|✖",
    "unsure": "不确定|不知道|不清楚|说不准|说不清|说不好|不好说|可能|也许|或许|大概|不一定|不太清楚"
    "|不太确定|不太知道|不晓得|不记得|记不清|忘了|不懂|不明白|待定|应该是|好像是"
    "|not sure|unsure|don't know|dont know|do not know|i don't know|i dont know|dunno|i dunno|idk"
    "|maybe|perhaps|probably|no idea|not certain|i'm not sure|im not sure|i am not sure",
}
_ANSWERS: dict[str, Answer] = {
    word: answer for answer, words in _ANSWER_WORDS.items() for word in _words(words)
}
# A hedge before an answer makes it "not sure": "可能有", "应该没有", "maybe not", "probably yes".
_HEDGES = ("可能", "也许", "或许", "大概", "应该", "好像", "似乎", "maybe", "probably", "perhaps")
_FILLERS = frozenset(
    {"嗯", "嗯嗯", "哦", "噢", "喔", "呃", "额", "啊", "唔", "em", "emm", "um", "uh", "oh", "well"}
)
_PARTICLES = "啊呀吧呢哦喔噢哈啦嘛咯的"


def _is_separator(ch: str) -> bool:
    """Punctuation, symbols (other than the emoji answers) and spaces separate answer parts."""
    if ch == "'" or ch in _ANSWERS:
        return False
    return ch.isspace() or unicodedata.category(ch)[0] in "PSZ"


def _classify(word: str) -> Answer | None:
    """One answer: known, known before particles ("是的呀"), repeated ("对对对") or hedged ("可能有")."""
    if word in _ANSWERS:
        return _ANSWERS[word]
    core = word
    while core and core[-1] in _PARTICLES:
        core = core[:-1]
        if core in _ANSWERS:
            return _ANSWERS[core]
    for hedge in _HEDGES:
        if word.startswith(hedge) and _classify(word[len(hedge) :].strip()) is not None:
            return "unsure"
    size = len(word)
    for period in range(1, size // 2 + 1):
        if size % period == 0 and word[:period] in _ANSWERS and word == word[:period] * (size // period):
            return _ANSWERS[word[:period]]
    return None


def parse_yes_no(text: str) -> Answer:
    """Yes, no or not sure, as people answer in Chinese (简/繁) or English; else yesno.invalid."""
    s = _prep(text, _MAX_YESNO_LEN, "yesno.invalid")
    if s in _ANSWERS:
        return _ANSWERS[s]
    start, end = 0, len(s)
    while start < end and _is_separator(s[start]):
        start += 1
    while end > start and _is_separator(s[end - 1]):
        end -= 1
    s = s[start:end]
    whole = _classify(s)
    if whole is not None:
        return whole
    parts: list[str] = []
    current: list[str] = []
    for ch in s:
        if _is_separator(ch):
            if current:
                parts.append("".join(current))
                current = []
        else:
            current.append(ch)
    if current:
        parts.append("".join(current))
    if len(parts) > 1:
        answers = [(p in _FILLERS, _classify(p)) for p in parts]
        if all(a is not None or filler for filler, a in answers):
            meaningful = {a for filler, a in answers if a is not None and not filler}
            if not meaningful:
                meaningful = {a for _, a in answers if a is not None}
            if len(meaningful) == 1:
                return meaningful.pop()
    raise ParseError("yesno.invalid")


# --------------------------------------------------------------------------- counts

_ENGLISH_NUMBERS = _numbered(
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty",
    start=0,
)
_COUNT_NOUNS = _words(
    "项目|企业|公司|平台|员工|人|projects|project|companies|company|enterprises|enterprise|people|persons|person"
)
_MEASURE_WORDS = _words("个|家|项|名|位|次|件|台|套|户|种|条|所|座|处")


def parse_int(text: str, *, min_value: int = 0, max_value: int = 1000) -> int:
    """A whole number: "2", "两个", "2个", "二", "十二", "１２", "2 projects"."""
    s = _prep(text, _MAX_INT_LEN, "int.invalid").rstrip("。.!")
    s = _strip_affixes(s, (), _COUNT_NOUNS)
    s = _strip_affixes(s, (), _MEASURE_WORDS)
    signed = _take_sign(s)
    if signed is None:
        raise ParseError("int.invalid")
    s, negative = signed
    if s in _ENGLISH_NUMBERS:
        value: Decimal | None = Decimal(_ENGLISH_NUMBERS[s])
    else:
        with localcontext(_EXACT):
            value = _parse_quantity(s)
    if value is None or value != value.to_integral_value():
        raise ParseError("int.invalid")
    number = -int(value) if negative else int(value)
    if number < min_value:
        raise ParseError("int.negative", {"min": str(min_value)})
    if number > max_value:
        raise ParseError("int.too_large", {"max": str(max_value)})
    return number


# --------------------------------------------------------------------------- phone numbers

_PHONE_CHARS_RE = re.compile(r"\+?[0-9 ().\-]+")
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_LOCAL_RE = re.compile(r"[2-9][0-9]{6,7}")


def parse_phone(text: str) -> str:
    """A mainland mobile ("13812345678") or landline with area code ("0751-8884332")."""
    s = _prep(text, _MAX_PHONE_LEN, "phone.invalid")
    if not _PHONE_CHARS_RE.fullmatch(s):
        raise ParseError("phone.invalid")
    digits = "".join(ch for ch in s if ch.isdigit())
    international = s.startswith("+86") or digits.startswith("0086")
    if international:
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        if not (digits.startswith("0") or _MOBILE_RE.fullmatch(digits)):
            digits = "0" + digits  # +86 751 … drops the area code's leading 0
    elif s.startswith("+"):
        raise ParseError("phone.invalid")
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if _MOBILE_RE.fullmatch(digits):
        return digits
    if digits.startswith("0"):
        # 010 and 02X are the only three-digit area codes; all others have four digits.
        area_len = 3 if digits.startswith(("010", "02")) else 4
        area, local = digits[:area_len], digits[area_len:]
        if _LOCAL_RE.fullmatch(local):
            return f"{area}-{local}"
    raise ParseError("phone.invalid")


# --------------------------------------------------------------------------- free text

# Default-ignorable code points that are not in category Cf (fillers, variation selectors, …).
_IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
)


def _invisible(ch: str) -> bool:
    """Control, format (zero-width, bidi, BOM) and other default-ignorable characters."""
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _IGNORABLE_RANGES)


def parse_text(text: str, *, max_len: int = 100) -> str:
    """Free text: NFKC, invisible characters removed, whitespace collapsed, 1..max_len characters."""
    s = unicodedata.normalize("NFKC", text)
    s = "".join(" " if ch.isspace() else ch for ch in s if ch.isspace() or not _invisible(ch))
    s = " ".join(s.split())
    if not s:
        raise ParseError("text.empty")
    if len(s) > max_len:
        raise ParseError("text.too_long", {"max": str(max_len), "length": str(len(s))})
    return s
