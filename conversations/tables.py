"""A table pasted into a message (|方向|省级资金|项目投资| over |上云上平台|45万|300万|, rows of
tab-separated cells from a spreadsheet): each row is read as its fields, the column's heading
beside the cell's value (方向：上云上平台，省级资金：45万), as the user would have written it."""

from __future__ import annotations

import re

TABLE_MARK = re.compile(r"[|｜\t]")
CELL_BREAK = re.compile(r"\s*[|｜\t]\s*")
RULE_CELL = re.compile(r":?-{2,}:?")  # |---|:--:|: the line under a markdown table's headings
# 省级资金(万), 项目投资（万元）: the unit a column's numbers are in, said once in its heading
HEADING_UNIT = re.compile(r"^(.*?)\s*[（(]\s*(万元|万|元|亿元|亿)\s*[)）]\s*$")
BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
ROW_BREAK = re.compile(r"(?<=[|｜])\s+(?=[|｜])")  # |…| |…|: where one row ended and the next began
TEXT_AFTER = re.compile(r"(.*[|｜])\s+([^|｜]+)$")
INNER_SPACE = re.compile(r"\s+")
MERGED_ROW_WIDTH = 2  # the fewest cells, less one, of a row told apart from its neighbours by a space
EMPTY_CELL = {"", "—", "-", "–", "/", "无"}


def rows_as_fields(text: str) -> str:
    """The message with each table in it (a line of headings over lines of cells) written as its
    rows' fields; the message itself when it has no such table."""
    if not TABLE_MARK.search(text):
        return text  # most messages: no cell break anywhere
    lines = [row for line in text.split("\n") for row in _rows_of(line)]
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if _cells(line) is not None:
            block.append(line)
            continue
        out += _fields(block)
        block = []
        out.append(line)
    return "\n".join(out[:-1]) if out[:-1] != text.split("\n") else text


def _rows_of(line: str) -> list[str]:
    """|方向|省级资金| |上云上平台|45万| 市级配套多少？: a markdown table whose line breaks became
    spaces, each row on a line of its own again, and the text after it on its own."""
    if "\t" in line:
        return _tab_rows_of(line)
    if not line.lstrip().startswith(("|", "｜")):
        return [line]
    rows = ROW_BREAK.split(line.strip())
    after = TEXT_AFTER.match(rows[-1])
    return [*rows[:-1], after.group(1), after.group(2)] if after else rows


def _tab_rows_of(line: str) -> list[str]:
    """序号\t项目\t省级(万) 1\tA公司\t340 2\tB公司\t900 两家各多少？: a spreadsheet's rows whose line
    breaks became spaces. The first cell with a space in it ends the headings, so a row has that
    many cells; the table is taken apart only when every row's last cell falls where one should."""
    cells = [c.strip() for c in line.strip().split("\t")]
    joints = [i for i, c in enumerate(cells) if INNER_SPACE.search(c)]
    if not joints or joints[0] < MERGED_ROW_WIDTH:
        return [line]  # 设备\tISO 9001\t认证: two columns are too few to tell a row's end
    width = joints[0]  # cells in a row, less the one shared with the next
    ends = list(range(width, len(cells), width))
    if ends[-1] != len(cells) - 1 or any(not INNER_SPACE.search(cells[i]) for i in ends[:-1]):
        return [line]
    rows, row = [], cells[:width]
    for end in ends[:-1]:  # 340 2: this row's last cell, then the next row's first
        last, _, first = " ".join(cells[end].split()).rpartition(" ")
        rows.append("\t".join([*row, last]))
        row = [first, *cells[end + 1 : end + width]]
    value, _, after = " ".join(cells[-1].split()).partition(" ")  # 900 两家各多少: the text after it
    rows.append("\t".join([*row, value]))
    return [*rows, after] if after else rows


def _cells(line: str) -> list[str] | None:
    """The cells of a table's line, or None for a line of text."""
    if not TABLE_MARK.search(line):
        return None
    cells = CELL_BREAK.split(line.strip().strip("|｜").strip())
    return cells if len(cells) >= 2 else None


def _fields(block: list[str]) -> list[str]:
    """序号 项目 省级资金(万) over 1 MES上云 150: 序号：1，项目：MES上云，省级资金：150万；lines
    without a line of headings over them (it would hold figures) are left as they are."""
    table = [cells for cells in map(_cells, block) if cells and not _is_rule(cells)]
    if len(table) < 2 or any(ch.isdigit() for ch in "".join(table[0])):
        return block
    headings, rows = table[0], table[1:]
    named = [_heading(h) for h in headings]
    written = []
    for row in rows:
        fields = [
            f"{name}：{value}{unit if BARE_NUMBER.fullmatch(value) else ''}"
            for (name, unit), value in zip(named, row, strict=False)
            if value not in EMPTY_CELL
        ]
        written.append("，".join(fields) + "；")
    return written


def _is_rule(cells: list[str]) -> bool:
    return all(RULE_CELL.fullmatch(c) for c in cells)


def _heading(heading: str) -> tuple[str, str]:
    """A column's name and the unit its numbers are in (省级资金(万) → 省级资金, 万)."""
    unit = HEADING_UNIT.match(heading)
    return (unit.group(1), unit.group(2)) if unit else (heading, "")
