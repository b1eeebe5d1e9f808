"""Every UI message id used in the code has a Chinese and an English translation with the same
placeholders, so no user ever sees a raw id or a half-translated screen."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from bot.dialog import USER_COMMANDS as COMMANDS
from bot.i18n import NOTICE_MSGIDS, catalog
from conversations.eligibility import Outcome
from conversations.parsers import ERROR_CODES
from knowledge.loader import load_knowledge
from tests.pack import PACK

# the shipped notice's own wording (its pack's texts.yaml), which the catalogs leave to the notice
NOTICE_TEXTS = load_knowledge(PACK).texts


def translations(lang: str) -> dict[str, str]:
    """What a user of the shipped pack reads: the catalog and the notice's own wording."""
    return {**catalog(lang), **{k: t.get(lang) for k, t in NOTICE_TEXTS.items()}}  # type: ignore[arg-type]


ROOT = Path(__file__).resolve().parent.parent
LITERAL_ID = re.compile(r"""(?:\.t|gettext)\(\s*(?:[a-z_.]+,\s*)?["']([a-z_]+\.[a-z_.]+)["']""")


def ids_in_code() -> set[str]:
    found: set[str] = set()
    for package in ("bot", "conversations", "knowledge"):
        for path in (ROOT / package).rglob("*.py"):
            found |= set(LITERAL_ID.findall(path.read_text(encoding="utf-8")))
    # ids built from data at run time
    found |= {f"parse.{code}" for code in ERROR_CODES} | {"parse.choice.invalid"}
    found |= {f"result.{outcome.value}" for outcome in Outcome}
    found |= {f"result.would_{outcome.value}" for outcome in Outcome}
    found |= {f"answer.{value}" for value in ("yes", "no", "unsure")}
    found |= {f"cmd.{command}" for command in COMMANDS}
    found |= {f"export.verdict_{outcome.value}" for outcome in Outcome}
    found |= {f"export.case_{status}" for status in ("open", "claimed", "closed", "left", "none")}
    found |= {
        f"export.{h}" for h in ("id", "company", "contact", "phone", "direction", "verdict", "estimate")
    }
    found |= {f"export.{h}" for h in ("consent_at", "created_at", "case_status")}
    return found


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_the_ids_in_the_code():
    assert {"menu.directions", "flow.progress", "staff.only_admins", "error.generic"} <= ids_in_code()


@pytest.mark.parametrize("msgid", sorted(ids_in_code()))
def test_every_message_id_has_both_translations(msgid: str):
    assert translations("zh").get(msgid), f"{msgid} has no Chinese translation"
    assert translations("en").get(msgid), f"{msgid} has no English translation"


def test_the_catalogs_leave_the_notice_to_its_pack():
    """No notice-specific word in the UI catalogs: the notice's own wording is in its pack."""
    notice_words = re.compile(r"韶关|韶工|2022|91号|省级|[一二三四五]\([一二三四五]\)|Shaoguan|provincial")
    for lang in ("zh", "en"):
        for msgid, text in catalog(lang).items():
            assert not notice_words.search(text), f"{lang} {msgid}: {text}"
        assert not set(catalog(lang)) & set(NOTICE_TEXTS), "an id is worded twice"
    assert set(NOTICE_TEXTS) >= NOTICE_MSGIDS


def test_every_catalog_message_is_used():
    code = "".join(
        p.read_text(encoding="utf-8") for pkg in ("bot", "conversations") for p in (ROOT / pkg).rglob("*.py")
    )
    quoted = {msgid for msgid in translations("zh") if f'"{msgid}"' in code}
    assert set(translations("zh")) - ids_in_code() - quoted == set()


def test_both_catalogs_hold_the_same_ids_with_the_same_placeholders():
    zh, en = translations("zh"), translations("en")
    assert set(zh) == set(en)
    for msgid in zh:
        assert placeholders(zh[msgid]) == placeholders(en[msgid]), msgid


def test_english_translations_are_english():
    chinese = re.compile(r"[\u4e00-\u9fff]")
    # names that stay Chinese on purpose: the notice's number and the language menu's own name
    allowed = {
        "start.greeting",
        "help.text",
        "menu.language",
        "lang.choose",
        "cmd.lang",
        "parse.amount.invalid",
    }
    for msgid, text in translations("en").items():
        if msgid not in allowed:
            assert not chinese.search(text), f"{msgid}: {text}"
