"""Figures said as a share of another: the provincial funds given as a percentage of the
investment are worked out from it, with the arithmetic shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from conversations.compose import Composer
from knowledge.figures import Figure, read_amounts
from knowledge.loader import KnowledgeBase
from knowledge.search import SearchIndex
from knowledge.shares import ShareReader

TODAY = dt.date(2026, 11, 24)
ROLES = {"provincial": ["省级资金", "省里", "省", "provincial", "province"], "investment": ["投资", "capex"]}


@pytest.fixture(scope="module")
def composer(kb: KnowledgeBase, index: SearchIndex) -> Composer:
    return Composer(kb, index)


def reader(**kwargs: object) -> ShareReader:
    return ShareReader({"provincial": "investment"}, ROLES, **kwargs)  # type: ignore[arg-type]


def investment(yuan: int) -> list[Figure]:
    return [Figure(Decimal(yuan), 0, 1, "investment")]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("投资1200万，省里按20%补了", Decimal(2_400_000)),
        ("省级资金占项目投资的15%，投资2000万", Decimal(3_000_000)),
        ("capex RMB 6,000,000, province covered 25%", Decimal(1_500_000)),
        # one word of what the money is for between the amount and its role's word
        ("Province covered 25% of our RMB 6,000,000 cloud capex.", Decimal(1_500_000)),
    ],
)
def test_a_share_of_the_investment_is_worked_out(text: str, amount: Decimal):
    said = [f for f in read_amounts(text, ROLES) if f.role == "investment"]
    (share,) = reader().read(text, said)
    assert share.figure.yuan == amount and share.figure.role == "provincial"


def test_no_share_without_a_single_whole_or_when_the_amount_itself_is_said():
    assert reader().read("省里按20%补了", []) == []
    assert reader().read("省里按20%补了", [*investment(100), *investment(200)]) == []
    said = [*investment(10_000_000), Figure(Decimal(2_000_000), 0, 1, "provincial")]
    assert reader().read("投资1000万，省里给了200万，占20%", said) == []


def test_a_measure_of_the_project_or_the_rules_own_rate_is_no_share():
    measures = reader(measures=["能耗"]).read("能耗省了20%", investment(5_000_000))
    assert measures == []
    rules = reader(rules_rates=[Decimal("0.1")]).read("按省级资金的10%配套", investment(5_000_000))
    assert rules == []


def test_an_article_before_a_currency_is_no_amount():
    amounts = read_amounts("40% of a RMB 2,000,000 investment", ROLES)
    assert [f.yuan for f in amounts] == [Decimal(2_000_000)]


def test_the_city_amount_is_worked_from_the_provincial_share(composer: Composer):
    zh = composer.answer("我们上云项目投资1200万，省里按20%补了，市里还能给多少", None, TODAY).text
    assert "1200万元 × 20% = 240万元" in zh and "240万元 × 10% = 24万元" in zh
    en = composer.answer(
        "Our provincial grant for the cloud project was 40% of a RMB 2,000,000 investment. "
        "What does the city give?",
        None,
        TODAY,
    ).text
    assert "× 40% = RMB 800,000" in en and "RMB 80,000" in en and "Not 40%" not in en
