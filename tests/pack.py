"""The shipped notice pack's folders, for tests that load one of its files directly."""

from __future__ import annotations

from knowledge.loader import load_knowledge
from knowledge.pack import flows_dir, rules_dir, shipped_pack

PACK = shipped_pack()
NOTICE = load_knowledge(PACK).notice
FLOWS = flows_dir(PACK)
RULES = rules_dir(PACK)
