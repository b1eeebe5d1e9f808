"""UI strings from gettext catalogs (bot/locales/<lang>/LC_MESSAGES/messages.po), compiled at load.

Message ids are symbolic ("menu.directions"), so every language needs its own translation and a
missing one is caught by the tests instead of showing an id to a user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.messages.pofile import read_po

from knowledge.schema import LANGS, Lang

LOCALE_DIR = Path(__file__).parent / "locales"
BABEL_LOCALES: Mapping[Lang, str] = {"zh": "zh_CN", "en": "en"}
DEFAULT_LANG: Lang = "zh"


@cache
def catalog(lang: Lang) -> dict[str, str]:
    """msgid → translation for one language; untranslated entries are left out."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fileobj:
        po = read_po(fileobj, locale=BABEL_LOCALES[lang])
    return {str(m.id): str(m.string) for m in po if m.id and m.string}


def gettext(lang: Lang, msgid: str, **values: Any) -> str:
    """The translation of `msgid`, formatted with `values`; falls back to Chinese, then to the id."""
    text = catalog(lang).get(msgid) or catalog(DEFAULT_LANG).get(msgid) or msgid
    return text.format(**values) if values else text


def language_of(code: str | None) -> Lang:
    """Telegram's language_code → ours: Chinese for zh-* or none, English for any other language."""
    if not code or code.lower().startswith("zh"):
        return DEFAULT_LANG
    return "en"


def format_day(day: dt.date, lang: Lang) -> str:
    return format_date(day, format="long", locale=BABEL_LOCALES[lang])


__all__ = ["LANGS", "catalog", "format_day", "gettext", "language_of"]
