"""A notice pack: one folder holding everything specific to one notice.

    <pack>/notice.yaml   the notice, structured (directions, stages, sections …)
    <pack>/faq.yaml      the answers and the ways users ask for them
    <pack>/lexicon.yaml  how users say things, and what is outside the notice
    <pack>/texts.yaml    the notice's own wording in the UI (its number, its clauses' names …)
    <pack>/flows/        guided conversations (the check, the lead form)
    <pack>/rules/        the eligibility rules and the formula, with the roles of the answers

A new year's notice is a new folder, chosen by BOT_NOTICE_DIR; the shipped one is named in
packs/DEFAULT. Tables that hold for any notice (pinyin) stay in knowledge/data.
"""

from __future__ import annotations

from pathlib import Path

PACKS_DIR = Path(__file__).parent / "packs"


def shipped_pack() -> Path:
    """The pack shipped with the code: the folder packs/DEFAULT names."""
    return PACKS_DIR / (PACKS_DIR / "DEFAULT").read_text(encoding="utf-8").strip()


def flows_dir(pack: Path) -> Path:
    return pack / "flows"


def rules_dir(pack: Path) -> Path:
    return pack / "rules"
