"""Answer parsers: accepted forms, rejected forms with their codes, and properties."""

from __future__ import annotations

import ast
import contextlib
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conversations import parsers
from conversations.parsers import (
    ERROR_CODES,
    ParseError,
    format_amount,
    parse_amount,
    parse_date,
    parse_int,
    parse_phone,
    parse_text,
    parse_yes_no,
)


def _words(spec: str) -> list[str]:
    """A table written as "a|b|c"."""
    return spec.split("|")


def _code(call, *args, **kwargs) -> str:
    """The ParseError code a call raises."""
    with pytest.raises(ParseError) as info:
        call(*args, **kwargs)
    return info.value.code


# --------------------------------------------------------------------------- ParseError


def test_parse_error_carries_code_and_params() -> None:
    error = ParseError("int.too_large", {"max": "10"})
    assert isinstance(error, ValueError)
    assert error.code == "int.too_large"
    assert error.params == {"max": "10"}
    assert str(error) == "int.too_large"
    assert ParseError("text.empty").params == {}


def test_module_imports_only_the_standard_library() -> None:
    tree = ast.parse(Path(parsers.__file__).read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module.split(".")[0])
    assert modules <= set(sys.stdlib_module_names) | {"__future__"}
    assert "telegram" not in modules


# --------------------------------------------------------------------------- amounts

AMOUNTS = [
    ("500万", "5000000"),
    ("500万元", "5000000"),
    ("500 万", "5000000"),
    ("500w", "5000000"),
    ("500W", "5000000"),
    ("¥5,000,000", "5000000"),
    ("￥5,000,000元", "5000000"),
    ("5000000", "5000000"),
    ("5,000,000.00", "5000000"),
    ("1.2亿", "120000000"),
    ("0.5亿", "50000000"),
    ("五十万", "500000"),
    ("三百五十万元", "3500000"),
    ("一千二百万", "12000000"),
    ("两百万", "2000000"),
    ("1亿2000万", "120000000"),
    ("1亿零500万", "105000000"),
    ("50万块", "500000"),
    ("50万块钱", "500000"),
    ("RMB 500,000", "500000"),
    ("rmb500000", "500000"),
    ("CNY 500,000", "500000"),
    ("500,000 yuan", "500000"),
    ("500k", "500000"),
    ("500K", "500000"),
    ("1.5m", "1500000"),
    ("1.5 million", "1500000"),
    ("2 thousand", "2000"),
    ("0", "0"),
    ("0元", "0"),
    ("零", "0"),
    ("无", "0"),
    ("没有", "0"),
    ("沒有", "0"),
    ("５００万", "5000000"),
    ("５，０００元", "5000"),
    ("十万", "100000"),
    ("一万五", "15000"),
    ("1万5", "15000"),
    ("两万五千", "25000"),
    ("一点五万", "15000"),
    ("一百二十点五万", "1205000"),
    ("3千万", "30000000"),
    ("5千5百", "5500"),
    ("12000万", "120000000"),
    ("1,200万元", "12000000"),
    ("壹佰万元", "1000000"),
    ("伍拾萬元", "500000"),
    ("人民币五百万元整", "5000000"),
    ("约500万", "5000000"),
    ("500万左右", "5000000"),
    ("500万。", "5000000"),
    ("+500", "500"),
    ("-0", "0"),
    ("1234.567", "1234.57"),
    ("1234.564", "1234.56"),
    ("0.001", "0"),
    ("100000000000", "100000000000"),
    ("100000000000.004", "100000000000"),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS)
def test_parse_amount_accepts(text: str, expected: str) -> None:
    value = parse_amount(text)
    assert value == Decimal(expected)
    assert value.as_tuple().exponent == -2
    assert not value.is_signed()


AMOUNT_ERRORS = [
    ("-5万", "amount.negative"),
    ("−5万", "amount.negative"),
    ("负五万", "amount.negative"),
    ("¥-500", "amount.negative"),
    ("-¥500", "amount.negative"),
    ("1万亿", "amount.too_large"),
    ("100000000000.01", "amount.too_large"),
    ("9" * 60, "amount.too_large"),
    ("", "amount.invalid"),
    ("   ", "amount.invalid"),
    ("abc", "amount.invalid"),
    ("万", "amount.invalid"),
    ("元", "amount.invalid"),
    ("1,2", "amount.invalid"),
    ("50,00", "amount.invalid"),
    ("5 000", "amount.invalid"),
    ("1.2.3", "amount.invalid"),
    ("1e5", "amount.invalid"),
    ("--5", "amount.invalid"),
    ("500万-600万", "amount.invalid"),
    ("一二三", "amount.invalid"),
    ("五百三千", "amount.invalid"),
    ("1万50000", "amount.invalid"),
    ("2000万1亿", "amount.invalid"),
    ("$500", "amount.invalid"),
    ("五百多万", "amount.invalid"),
    ("1.5万5", "amount.invalid"),
    ("1.5亿2000万", "amount.invalid"),
    ("1" * 101, "amount.invalid"),
]


@pytest.mark.parametrize(("text", "code"), AMOUNT_ERRORS)
def test_parse_amount_rejects(text: str, code: str) -> None:
    assert _code(parse_amount, text) == code


@pytest.mark.parametrize("text", ["0", "零", "无", "没有", "0.00", "0.001"])
def test_parse_amount_zero_when_not_allowed(text: str) -> None:
    assert _code(parse_amount, text, allow_zero=False) == "amount.zero"


def test_parse_amount_max_yuan() -> None:
    assert parse_amount("100万", max_yuan=1_000_000) == Decimal(1_000_000)
    with pytest.raises(ParseError) as info:
        parse_amount("100.01万", max_yuan=1_000_000)
    assert info.value.code == "amount.too_large"
    assert info.value.params == {"max": "1000000"}


FORMATS = [
    ("5000000", "500万元", "RMB 5,000,000"),
    ("125000", "12.5万元", "RMB 125,000"),
    ("12000000", "1200万元", "RMB 12,000,000"),
    ("100000000", "10000万元", "RMB 100,000,000"),
    ("10000", "1万元", "RMB 10,000"),
    ("8000", "8000元", "RMB 8,000"),
    ("8000.5", "8000.50元", "RMB 8,000.50"),
    ("123456.78", "123,456.78元", "RMB 123,456.78"),
    ("0", "0元", "RMB 0"),
    ("0.05", "0.05元", "RMB 0.05"),
]


@pytest.mark.parametrize(("amount", "zh", "en"), FORMATS)
def test_format_amount(amount: str, zh: str, en: str) -> None:
    assert format_amount(Decimal(amount), "zh") == zh
    assert format_amount(Decimal(amount), "zh-Hans") == zh
    assert format_amount(Decimal(amount), "en") == en


AMOUNTS_IN_RANGE = st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False)


@given(AMOUNTS_IN_RANGE, st.sampled_from(["zh", "en"]))
def test_format_then_parse_round_trips(amount: Decimal, lang: str) -> None:
    assert parse_amount(format_amount(amount, lang)) == amount


# --------------------------------------------------------------------------- dates

MAY_20 = date(2022, 5, 20)
DATES = [
    ("2022-05-20", MAY_20),
    ("2022-5-20", MAY_20),
    ("2022/5/20", MAY_20),
    ("2022/05/20", MAY_20),
    ("2022.5.20", MAY_20),
    ("2022 - 5 - 20", MAY_20),
    ("2022年5月20日", MAY_20),
    ("2022年5月20号", MAY_20),
    ("2022年5月20號", MAY_20),
    ("2022 年 5 月 20 日", MAY_20),
    ("2022年05月20日", MAY_20),
    ("2022年5月20", MAY_20),
    ("２０２２年５月２０日", MAY_20),
    ("20220520", MAY_20),
    ("5月20日", MAY_20),
    ("5月20号", MAY_20),
    ("5/20", MAY_20),
    ("5-20", MAY_20),
    ("二〇二二年五月二十日", MAY_20),
    ("二零二二年五月二十日", MAY_20),
    ("二O二二年五月二十日", MAY_20),
    ("2022年五月二十日", MAY_20),
    ("五月二十日", MAY_20),
    ("2022年十二月卅一日", date(2022, 12, 31)),
    ("2022年十月一日", date(2022, 10, 1)),
    ("2021年9月30日", date(2021, 9, 30)),
    ("May 20, 2022", MAY_20),
    ("May 20 2022", MAY_20),
    ("may 20th, 2022", MAY_20),
    ("20 May 2022", MAY_20),
    ("20 May, 2022", MAY_20),
    ("20th of May 2022", MAY_20),
    ("May 20", MAY_20),
    ("Aug. 26, 2022", date(2022, 8, 26)),
    ("Sept 5", date(2022, 9, 5)),
    ("2022-05-20。", MAY_20),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_parse_date_accepts(text: str, expected: date) -> None:
    assert parse_date(text, default_year=2022) == expected


DATE_ERRORS = [
    ("2022-02-30", "date.invalid"),
    ("2022年2月30日", "date.invalid"),
    ("2月30日", "date.invalid"),
    ("2022-13-01", "date.invalid"),
    ("2022-00-10", "date.invalid"),
    ("0000-01-01", "date.invalid"),
    ("2022-05/20", "date.invalid"),
    ("2022年5月", "date.invalid"),
    ("May 2022", "date.invalid"),
    ("Foo 20, 2022", "date.invalid"),
    ("二〇二二年五月四十日", "date.invalid"),
    ("昨天", "date.invalid"),
    ("", "date.invalid"),
    ("2022", "date.invalid"),
    ("5.20", "date.invalid"),
]


@pytest.mark.parametrize(("text", "code"), DATE_ERRORS)
def test_parse_date_rejects(text: str, code: str) -> None:
    assert _code(parse_date, text, default_year=2022) == code


def test_parse_date_range() -> None:
    low, high = date(2021, 9, 30), date(2022, 8, 26)
    assert parse_date("2021-09-30", default_year=2022, min_date=low, max_date=high) == low
    assert parse_date("2022-08-26", default_year=2022, min_date=low, max_date=high) == high
    with pytest.raises(ParseError) as info:
        parse_date("2022-08-27", default_year=2022, min_date=low, max_date=high)
    assert info.value.code == "date.out_of_range"
    assert info.value.params == {"min": "2021-09-30", "max": "2022-08-26"}
    assert _code(parse_date, "2021-09-29", default_year=2022, min_date=low) == "date.out_of_range"
    assert _code(parse_date, "9月1日", default_year=2022, max_date=high) == "date.out_of_range"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_date_round_trips(day: date) -> None:
    written = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y%m%d"),
        f"{day.strftime('%B')} {day.day}, {day.year}",
        f"{day.day} {day.strftime('%b')} {day.year}",
    ]
    for text in written:
        assert parse_date(text, default_year=2000) == day


# --------------------------------------------------------------------------- yes / no / not sure

YES = _words(
    "是|是的|对|对的|有|有的|嗯|好|好的|没错|当然|確定|是啊|对对对|是的呀|嗯，是的|好的，没问题|👍|✔️"
    "|yes|Yes|YES|y|Y|yeah|yep|yup|true|sure|of course|Yes!| yes. "
)
NO = _words(
    "否|不是|不是的|没有|沒有|无|無|不|没|不对|不對|不符合|没有啦|不是不是|不，没有|嗯，没有|还没有"
    "|no|No|n|N|nope|false|No.|not really"
)
UNSURE = _words(
    "不确定|不確定|不知道|不清楚|說不準|说不准|不好说|可能|可能吧|也许|大概|可能有|应该没有|好像是|忘了"
    "|not sure|Not sure.|don't know|don’t know|dont know|I don't know|dunno|maybe|unsure|idk|no idea"
    "|I'm not sure|maybe not|probably yes"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(t, "yes") for t in YES] + [(t, "no") for t in NO] + [(t, "unsure") for t in UNSURE],
)
def test_parse_yes_no_accepts(text: str, expected: str) -> None:
    assert parse_yes_no(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "？",
        "!!!",
        "哦",
        "hello",
        "是，不是",
        "yes no",
        "有吗",
        "是不是",
        "yess",
        "noo way",
        "不" * 61,
    ],
)
def test_parse_yes_no_rejects(text: str) -> None:
    assert _code(parse_yes_no, text) == "yesno.invalid"


# --------------------------------------------------------------------------- counts

INTS = [
    ("2", 2),
    ("两个", 2),
    ("2个", 2),
    ("2 个", 2),
    ("二", 2),
    ("十二", 12),
    ("１２", 12),
    ("2个项目", 2),
    ("两家企业", 2),
    ("3人", 3),
    ("0", 0),
    ("零", 0),
    ("没有", 0),
    ("一百", 100),
    ("一百零五", 105),
    ("1,000", 1000),
    ("two", 2),
    ("2 projects", 2),
    ("+3", 3),
    ("2.0", 2),
]


@pytest.mark.parametrize(("text", "expected"), INTS)
def test_parse_int_accepts(text: str, expected: int) -> None:
    assert parse_int(text) == expected


INT_ERRORS = [
    ("-1", "int.negative"),
    ("负一", "int.negative"),
    ("1001", "int.too_large"),
    ("一万", "int.too_large"),
    ("9" * 40, "int.too_large"),
    ("2.5", "int.invalid"),
    ("两个半", "int.invalid"),
    ("几个", "int.invalid"),
    ("abc", "int.invalid"),
    ("", "int.invalid"),
    ("个", "int.invalid"),
    ("1e3", "int.invalid"),
    ("3到5", "int.invalid"),
    ("9" * 41, "int.invalid"),
]


@pytest.mark.parametrize(("text", "code"), INT_ERRORS)
def test_parse_int_rejects(text: str, code: str) -> None:
    assert _code(parse_int, text) == code


def test_parse_int_bounds_and_params() -> None:
    assert parse_int("-3", min_value=-5) == -3
    with pytest.raises(ParseError) as info:
        parse_int("0", min_value=1)
    assert (info.value.code, info.value.params) == ("int.negative", {"min": "1"})
    with pytest.raises(ParseError) as info:
        parse_int("3", max_value=2)
    assert (info.value.code, info.value.params) == ("int.too_large", {"max": "2"})


@given(st.data())
def test_parse_int_round_trips(data: st.DataObject) -> None:
    low = data.draw(st.integers(min_value=-(10**12), max_value=10**12))
    high = data.draw(st.integers(min_value=low, max_value=10**12))
    n = data.draw(st.integers(min_value=low, max_value=high))
    assert parse_int(str(n), min_value=low, max_value=high) == n


# --------------------------------------------------------------------------- phone numbers

PHONES = [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("+8613812345678", "13812345678"),
    ("86 13812345678", "13812345678"),
    ("0086 13812345678", "13812345678"),
    ("１９９１２３４５６７８", "19912345678"),
    ("0751-8884332", "0751-8884332"),
    ("0751 8884332", "0751-8884332"),
    ("(0751)8884332", "0751-8884332"),
    ("（0751）8884332", "0751-8884332"),
    ("07518884332", "0751-8884332"),
    ("0751-888-4332", "0751-8884332"),
    ("+86 751 8884332", "0751-8884332"),
    ("+86 (0)751 8884332", "0751-8884332"),
    ("+86-10-62345678", "010-62345678"),
    ("010-62345678", "010-62345678"),
    ("02083456789", "020-83456789"),
    ("0751-88843321", "0751-88843321"),
    ("075-18884332", "0751-8884332"),  # the same digits: grouping is ignored, area codes are known
]


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_parse_phone_accepts(text: str, expected: str) -> None:
    assert parse_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345",
        "12812345678",  # no 12x mobile prefix
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "0751-1884332",  # local numbers do not start with 1
        "0751-888433",  # local number too short
        "0751-888433211",  # local number too long
        "+1 415 555 0100",
        "400-123-4567",
        "138 1234 567a",
        "电话13812345678",
        "0751-8884332-801",
        "+86 +86 13812345678",
    ],
)
def test_parse_phone_rejects(text: str) -> None:
    assert _code(parse_phone, text) == "phone.invalid"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_parse_phone_mobiles_round_trip(number: str) -> None:
    assert parse_phone(number) == number
    assert parse_phone(f"+86 {number[:3]} {number[3:7]} {number[7:]}") == number


# --------------------------------------------------------------------------- free text

TEXTS = [
    ("韶关市某某科技有限公司", "韶关市某某科技有限公司"),
    ("  padded  ", "padded"),
    ("a \t\n b", "a b"),
    ("zero\u200bwidth\u200d\ufeff", "zerowidth"),
    ("bell\x07\x00", "bell"),
    ("ＡＢＣ　公司", "ABC 公司"),
    ("\u202eevil", "evil"),
]


@pytest.mark.parametrize(("text", "expected"), TEXTS)
def test_parse_text_accepts(text: str, expected: str) -> None:
    assert parse_text(text) == expected


def test_parse_text_rejects() -> None:
    assert _code(parse_text, "") == "text.empty"
    assert _code(parse_text, " \n\u200b\u3000") == "text.empty"
    with pytest.raises(ParseError) as info:
        parse_text("x" * 11, max_len=10)
    assert (info.value.code, info.value.params) == ("text.too_long", {"max": "10", "length": "11"})
    assert parse_text("x" * 10, max_len=10) == "x" * 10


@given(st.text())
def test_parse_text_is_idempotent(text: str) -> None:
    try:
        cleaned = parse_text(text, max_len=10_000)
    except ParseError:
        return
    assert parse_text(cleaned, max_len=10_000) == cleaned


# --------------------------------------------------------------------------- robustness

PARSERS = {
    "amount": lambda t: parse_amount(t),
    "amount_no_zero": lambda t: parse_amount(t, allow_zero=False),
    "date": lambda t: parse_date(t, default_year=2022, min_date=date(2021, 9, 30)),
    "yes_no": parse_yes_no,
    "int": lambda t: parse_int(t),
    "phone": parse_phone,
    "text": lambda t: parse_text(t),
}
# Characters the parsers give meaning to, so that generated text reaches past the first check.
MEANINGFUL = st.lists(
    st.sampled_from(
        [
            *"0123456789０１２.,，-−+ /¥￥年月日号",
            *"万亿千百十点零〇一二两三四五六七八九元块kmwWbO()是不没有的吧",
            *("rmb", "million", "may ", "th", "not sure", "+86", "\u200b", "\n"),
        ]
    ),
    max_size=40,
).map("".join)


@pytest.mark.parametrize("name", sorted(PARSERS))
@settings(max_examples=300)
@given(text=st.one_of(st.text(), MEANINGFUL))
def test_parsers_raise_only_parse_errors(name: str, text: str) -> None:
    try:
        PARSERS[name](text)
    except ParseError as error:
        assert error.code in ERROR_CODES
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in error.params.items())


LONG_INPUTS = [
    "1" * 10_000,
    "1," * 5_000,
    "一" * 10_000,
    "万" * 10_000,
    "一万" * 5_000,
    " " * 10_000,
    "1 " * 5_000,
    "2022-" * 2_000,
    "a" * 10_000,
    "是" * 10_000,
    "不是" * 5_000,
    "\u200b" * 10_000,
    "﷽" * 10_000,  # NFKC expands each to 18 characters
]


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parsers_are_fast_on_long_input(name: str) -> None:
    started = time.perf_counter()
    for text in LONG_INPUTS:
        with contextlib.suppress(ParseError):
            PARSERS[name](text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parsers_are_fast_just_under_the_length_limits(name: str) -> None:
    started = time.perf_counter()
    for size in range(1, 100):
        for unit in ("1,", "一万", "万", "点", "零", "1 ", "可能", "是", "2022-", "may ", "o"):
            with contextlib.suppress(ParseError):
                PARSERS[name]((unit * size)[:size])
    assert time.perf_counter() - started < 1.0
