"""The toneless pinyin of each common Chinese character, from a compact table in this folder.

The table (data/pinyin.tsv: a syllable, a tab, then every character whose usual reading it is) is
written once from pypinyin by `python -m knowledge.pinyin`; reading it costs a few megabytes,
where loading pypinyin's own dictionaries at run time cost over fifty.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "pinyin.tsv"
# CJK Unified Ideographs and Extension A: every character a phone keyboard offers
RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    readings: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        syllable, _, chars = line.partition("\t")
        readings.update(dict.fromkeys(chars, syllable))
    return readings


def reading(char: str) -> str | None:
    """The character's usual toneless reading ('zhao' for 找), or None when it has none."""
    return table().get(char)


def write_table(path: Path = TABLE) -> int:
    """Regenerate the table from pypinyin (a development dependency); returns the characters."""
    from pypinyin import Style, pinyin

    by_syllable: dict[str, list[str]] = {}
    for start, end in RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            found = pinyin(char, style=Style.NORMAL, heteronym=False, errors="ignore")
            syllable = found[0][0] if found and found[0] else ""
            if syllable.isascii() and syllable.isalpha():
                by_syllable.setdefault(syllable, []).append(char)
    lines = [f"{syllable}\t{''.join(chars)}" for syllable, chars in sorted(by_syllable.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sum(len(chars) for chars in by_syllable.values())


if __name__ == "__main__":
    print(f"wrote {write_table()} characters to {TABLE}")
