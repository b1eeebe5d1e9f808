"""Shared fixtures: the knowledge base and its index are built once per test session."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.search import SearchIndex


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def index(kb: KnowledgeBase) -> SearchIndex:
    return SearchIndex(kb)
