"""The composer for a notice pack, built once and kept on disk.

Building it reads every phrasing of the knowledge base through the lexicon (well over a second);
loading it back takes a fraction of that. The copy on disk is named by a fingerprint of everything
it was built from: the pack's files and where the pack lies, the code that builds and uses it, and
the versions of Python and of the libraries whose objects it holds. Any change makes a new
fingerprint, so a bureau editing faq.yaml never gets answers from the old one. A copy that cannot
be read or written is rebuilt or skipped: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path

from conversations.compose import Composer
from knowledge.loader import load_knowledge
from knowledge.search import SearchIndex

log = logging.getLogger(__name__)

CODE_ROOT = Path(__file__).resolve().parent.parent
# the code whose classes are pickled, or that shapes what they hold
CODE_DIRS = ("knowledge", "conversations")
LIBRARIES = ("pydantic", "pydantic-core", "rjieba", "zhconv", "rapidfuzz", "snowballstemmer", "pyyaml")
PREFIX = "composer-"


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME (or ~/.cache) / shaoguan-iiot-assistant, as desktop and server tools do."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "shaoguan-iiot-assistant"


def load_composer(pack: Path, cache_dir: Path | None = None) -> Composer:
    """The pack's composer, from the cache when a copy built from the same inputs is there.

    A pack with mistakes raises KnowledgeError as `load_knowledge` does: a broken pack has a new
    fingerprint, so it is always read afresh."""
    cache_dir = cache_dir or default_cache_dir()
    pack_id, content_id = _fingerprint(pack)
    path = cache_dir / f"{PREFIX}{pack_id}-{content_id}.pickle"
    composer = _read(path)
    if composer is not None:
        return composer
    kb = load_knowledge(pack)
    composer = Composer(kb, SearchIndex(kb))
    _write(path, composer, stale=f"{PREFIX}{pack_id}-*.pickle")
    return composer


def _fingerprint(pack: Path) -> tuple[str, str]:
    """(the pack's place, everything it was built from), each as a short hex digest."""
    place = str(pack.resolve())
    content = hashlib.sha256(place.encode())
    content.update(sys.version.encode())
    for name in LIBRARIES:
        try:
            content.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            content.update(f"{name}=none".encode())
    files = sorted(p for p in pack.rglob("*") if p.is_file())
    for root in CODE_DIRS:
        code = CODE_ROOT / root
        # the code, and the tables beside it (pinyin); not the other packs under knowledge/packs
        files += sorted(p for p in code.rglob("*") if p.is_file() and _is_code_or_table(p, code))
    for file in files:
        content.update(str(file).encode() + b"\0" + file.read_bytes() + b"\0")
    return hashlib.sha256(place.encode()).hexdigest()[:12], content.hexdigest()[:24]


def _is_code_or_table(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return parts[0] not in ("packs", "__pycache__") and path.suffix != ".pyc"


def _read(path: Path) -> Composer | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None  # not built yet, or the folder cannot be read: build it
    try:
        composer = pickle.loads(data)  # our own file, in the user's own cache folder
    except Exception as exc:  # a half-written or foreign file: rebuilt below, never fatal
        log.warning("ignoring the prebuilt answers in %s (%s); building them again", path, exc)
        return None
    return composer if isinstance(composer, Composer) else None


def _write(path: Path, composer: Composer, stale: str) -> None:
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(stale):  # the same pack's copies from before an edit
            if old != path:
                old.unlink(missing_ok=True)
        partial.write_bytes(pickle.dumps(composer, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)  # whole or not at all, even with two processes starting at once
    except OSError as exc:
        log.info("could not keep the prebuilt answers in %s (%s); they are built at each start", path, exc)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
