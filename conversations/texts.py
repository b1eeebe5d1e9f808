"""What the core needs to speak a user's language, without knowing where translations live.

The bot hands the core an object with this shape, built on its gettext catalogs and babel.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol

from knowledge.schema import Lang


class Texts(Protocol):
    lang: Lang

    def t(self, msgid: str, **values: Any) -> str:
        """The UI string `msgid` in this language, formatted with `values`."""
        ...

    def date(self, day: dt.date) -> str:
        """A date as this language writes it."""
        ...

    def money(self, amount: Decimal) -> str:
        """An amount in yuan as this language writes it (万元 in Chinese)."""
        ...
