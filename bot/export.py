"""Staff exports of the leads: xlsx (openpyxl) or CSV in UTF-8 with BOM so Excel shows Chinese."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import gettext
from bot.storage import Storage
from conversations.flow import Flow
from knowledge.schema import Lang

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # the bureau's clock
STAFF_LANG: Lang = "zh"  # the bureau's staff read the exports in Chinese


def t(msgid: str, **values: Any) -> str:
    return gettext(STAFF_LANG, msgid, **values)


@dataclass(frozen=True)
class LeadSheet:
    """The columns of the export: the check's facts the notice pack's rules list (`export:`),
    named by the flow's labels; amount answers are numbers in yuan."""

    flow: Flow
    direction: str  # the answer naming the direction (the formula's direction role)
    facts: tuple[str, ...]

    @cached_property
    def amount_facts(self) -> frozenset[str]:
        return frozenset(key for key in self.facts if self.flow.step(key).type == "amount")

    @cached_property
    def choice_labels(self) -> dict[str, dict[str, str]]:
        """Choice answers as the flow's Chinese labels: 'zhenjiang' → 浈江区."""
        return {s.id: {o.value: o.label.zh for o in s.options} for s in self.flow.steps if s.options}

    def headers(self) -> list[str]:
        facts = [
            self.flow.step(key).label.zh + (t("export.yuan_suffix") if key in self.amount_facts else "")
            for key in self.facts
        ]
        before = ["id", "company", "contact", "phone", "direction", "verdict", "estimate"]
        after = ["consent_at", "created_at", "case_status"]
        return [t(f"export.{h}") for h in before] + facts + [t(f"export.{h}") for h in after]

    def fact(self, key: str, value: Any) -> Any:
        """An answer as staff read it: a choice's label, 是/否/不确定, or the value itself."""
        if value is None or value == "":
            return ""
        label = self.choice_labels.get(key, {}).get(value)
        if label is not None:
            return label
        if value in ("yes", "no", "unsure"):
            return t(f"answer.{value}")
        return float(value) if key in self.amount_facts else value


class ExportError(ValueError):
    """Bad export options; the message is one line for the user."""


def local_time(iso: str | None) -> str:
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")


def parse_day(text: str | None, name: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ExportError(f"{name}: expected a date (YYYY-MM-DD), got {text!r}") from exc


def lead_rows(
    storage: Storage, sheet: LeadSheet, since: dt.date | None = None, until: dt.date | None = None
) -> list[list[Any]]:
    """One row per lead, filtered by the local day it was submitted (both ends included)."""
    rows = []
    for lead in storage.leads():
        day = dt.datetime.fromisoformat(lead["created_at"]).astimezone(LOCAL_TIME).date()
        if (since and day < since) or (until and day > until):
            continue
        facts = json.loads(lead["facts"] or "{}")
        case = storage.open_case_of(lead["user_id"]) or storage.latest_case_of(lead["user_id"])
        estimate = Decimal(lead["estimate_yuan"]) if lead["estimate_yuan"] else None
        rows.append(
            [
                lead["id"],
                lead["company"],
                lead["contact_name"],
                lead["phone"],
                sheet.fact(sheet.direction, lead["direction"]),
                t(f"export.verdict_{lead['verdict']}") if lead["verdict"] else "",
                float(estimate) if estimate is not None else None,
                *(sheet.fact(key, facts.get(key)) for key in sheet.facts),
                local_time(lead["consent_at"]),
                local_time(lead["created_at"]),
                t(f"export.case_{case['status']}") if case else t("export.case_none"),
            ]
        )
    return rows


# OWASP's CSV-injection rule: a cell starting with one of these is a formula to a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_csv_value(value: Any) -> Any:
    """A typed value as text a spreadsheet never evaluates: a leading formula sign gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_csv(sheet: LeadSheet, rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(sheet.headers())
    writer.writerows([inert_csv_value(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(sheet: LeadSheet, rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook  # only staff exports need it: not loaded at every start
    from openpyxl.utils import get_column_letter

    book = Workbook()
    page = book.active
    assert page is not None
    page.title = "线索"
    page.append(sheet.headers())
    for row in rows:
        page.append([_printable(v) for v in row])
        for cell in page[page.max_row]:
            if isinstance(cell.value, str):
                # openpyxl turns "=…" into a formula and "#N/A" into an error: users' words stay text
                cell.data_type = "s"
    for column, header in enumerate(sheet.headers(), 1):
        page.column_dimensions[get_column_letter(column)].width = max(10, len(header) * 2 + 2)
    page.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _printable(value: Any) -> Any:
    """Control characters a user may have typed are not allowed in xlsx; they are dropped."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def export_leads(
    storage: Storage,
    sheet: LeadSheet,
    fmt: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[bytes, int]:
    """The file's bytes and how many leads it holds."""
    if fmt not in ("xlsx", "csv"):
        raise ExportError(f"format: expected xlsx or csv, got {fmt!r}")
    rows = lead_rows(storage, sheet, since, until)
    return (to_xlsx(sheet, rows) if fmt == "xlsx" else to_csv(sheet, rows)), len(rows)


def write_export(
    storage: Storage, sheet: LeadSheet, fmt: str, path: Path, since: dt.date | None, until: dt.date | None
) -> int:
    data, count = export_leads(storage, sheet, fmt, since, until)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return count
