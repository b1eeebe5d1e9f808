"""UI strings from gettext catalogs (bot/locales/<lang>/LC_MESSAGES/messages.po), compiled at load,
and the notice pack's own wording (its texts.yaml) for the ids only a notice can say.

Message ids are symbolic ("menu.directions"), so every language needs its own translation and a
missing one is caught by the tests instead of showing an id to a user. The catalogs hold only
words true for any notice; the set-up hands the pack's texts over once (`use_notice_texts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.messages.pofile import read_po

from knowledge.schema import LANGS, Lang, Text

LOCALE_DIR = Path(__file__).parent / "locales"
BABEL_LOCALES: Mapping[Lang, str] = {"zh": "zh_CN", "en": "en"}
DEFAULT_LANG: Lang = "zh"


@cache
def catalog(lang: Lang) -> dict[str, str]:
    """msgid → translation for one language; untranslated entries are left out."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fileobj:
        po = read_po(fileobj, locale=BABEL_LOCALES[lang])
    return {str(m.id): str(m.string) for m in po if m.id and m.string}


# the notice pack's own wording, by language and message id: set once when the services are built
_notice_texts: dict[Lang, dict[str, str]] = {lang: {} for lang in LANGS}

# the ids that only a notice can say: every pack's texts.yaml gives them (`kb check` checks)
NOTICE_MSGIDS = frozenset(
    {
        "start.greeting",
        "help.text",
        "label.jurisdictions",
        "amounts.limits",
        "dates.local_note",
        "parse.date.invalid",
        "staff.export_usage",
        "handoff.opened",
        "result.next_closed",
        "result.next_contacts",
        "result.note_final_amount",
    }
)


def use_notice_texts(texts: Mapping[str, Text]) -> None:
    """The notice pack's wording (its texts.yaml) for the ids the catalogs leave to the notice."""
    for lang in LANGS:
        _notice_texts[lang] = {msgid: text.get(lang) for msgid, text in texts.items()}


def notice_text_problems(texts: Mapping[str, Text], also: Iterable[str] = ()) -> list[str]:
    """The ids every notice must word (and `also` the ones its formula needs) that a pack's
    texts.yaml lacks."""
    missing = sorted((NOTICE_MSGIDS | set(also)) - set(texts))
    return [f"texts: missing message ids {missing}"] if missing else []


def lookup(lang: Lang, msgid: str) -> str | None:
    """The notice's own wording first, then the catalog's."""
    return _notice_texts[lang].get(msgid) or catalog(lang).get(msgid)


def gettext(lang: Lang, msgid: str, **values: Any) -> str:
    """The translation of `msgid`, formatted with `values`; falls back to Chinese, then to the id."""
    text = lookup(lang, msgid) or lookup(DEFAULT_LANG, msgid) or msgid
    return text.format(**values) if values else text


def language_of(code: str | None) -> Lang:
    """Telegram's language_code → ours: Chinese for zh-* or none, English for any other language."""
    if not code or code.lower().startswith("zh"):
        return DEFAULT_LANG
    return "en"


def format_day(day: dt.date, lang: Lang) -> str:
    return format_date(day, format="long", locale=BABEL_LOCALES[lang])


__all__ = ["LANGS", "catalog", "format_day", "gettext", "language_of"]
