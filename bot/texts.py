"""The Texts of conversations.texts, built on the gettext catalogs and babel."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from typing import Any

from bot.i18n import format_day, gettext
from conversations.parsers import format_amount
from knowledge.schema import Lang


class UiTexts:
    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang

    def t(self, msgid: str, **values: Any) -> str:
        return gettext(self.lang, msgid, **values)

    def date(self, day: dt.date) -> str:
        return format_day(day, self.lang)

    def money(self, amount: Decimal) -> str:
        return format_amount(amount, self.lang)


@cache
def texts_for(lang: Lang) -> UiTexts:
    return UiTexts(lang)
