"""Staff exports of the leads: xlsx (openpyxl) or CSV in UTF-8 with BOM so Excel shows Chinese."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import gettext
from bot.storage import Storage
from conversations.flow import load_flow
from knowledge.schema import Lang

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # the bureau's clock
STAFF_LANG: Lang = "zh"  # the bureau's staff read the exports in Chinese
# facts from the check, in the order staff read them; their column names are the flow's labels
FACTS = [
    "county",
    "applicant",
    "completion_date",
    "project_count",
    "investment",
    "provincial_funds",
    "other_support",
    "fiscal_violation",
    "major_accident",
    "dishonest_debtor",
    "has_contract",
    "user_consent",
]
AMOUNT_FACTS = {"investment", "provincial_funds", "other_support"}


def t(msgid: str, **values: Any) -> str:
    return gettext(STAFF_LANG, msgid, **values)


def headers() -> list[str]:
    flow = load_flow("eligibility")
    facts = [
        flow.step(key).label.zh + (t("export.yuan_suffix") if key in AMOUNT_FACTS else "") for key in FACTS
    ]
    before = ["id", "company", "contact", "phone", "direction", "verdict", "estimate"]
    after = ["consent_at", "created_at", "case_status"]
    return [t(f"export.{h}") for h in before] + facts + [t(f"export.{h}") for h in after]


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
        raise ExportError(f"{name}: expected a date like 2022-07-01, got {text!r}") from exc


def lead_rows(
    storage: Storage, since: dt.date | None = None, until: dt.date | None = None
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
                _fact("direction", lead["direction"]),
                t(f"export.verdict_{lead['verdict']}") if lead["verdict"] else "",
                float(estimate) if estimate is not None else None,
                *(_fact(key, facts.get(key)) for key in FACTS),
                local_time(lead["consent_at"]),
                local_time(lead["created_at"]),
                t(f"export.case_{case['status']}") if case else t("export.case_none"),
            ]
        )
    return rows


@lru_cache(maxsize=1)
def _choice_labels() -> dict[str, dict[str, str]]:
    """Choice answers as the flow's Chinese labels: 'zhenjiang' → 浈江区."""
    flow = load_flow("eligibility")
    return {step.id: {o.value: o.label.zh for o in step.options} for step in flow.steps if step.options}


def _fact(key: str, value: Any) -> Any:
    """An answer as staff read it: a choice's label, 是/否/不确定, or the value itself."""
    if value is None or value == "":
        return ""
    label = _choice_labels().get(key, {}).get(value)
    if label is not None:
        return label
    if value in ("yes", "no", "unsure"):
        return t(f"answer.{value}")
    return float(value) if key in AMOUNT_FACTS else value


# OWASP's CSV-injection rule: a cell starting with one of these is a formula to a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_csv_value(value: Any) -> Any:
    """A typed value as text a spreadsheet never evaluates: a leading formula sign gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    writer.writerows([inert_csv_value(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook  # only staff exports need it: not loaded at every start
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "线索"
    sheet.append(headers())
    for row in rows:
        sheet.append([_printable(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # openpyxl turns "=…" into a formula and "#N/A" into an error: users' words stay text
                cell.data_type = "s"
    for column, header in enumerate(headers(), 1):
        sheet.column_dimensions[get_column_letter(column)].width = max(10, len(header) * 2 + 2)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _printable(value: Any) -> Any:
    """Control characters a user may have typed are not allowed in xlsx; they are dropped."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def export_leads(
    storage: Storage, fmt: str, since: dt.date | None = None, until: dt.date | None = None
) -> tuple[bytes, int]:
    """The file's bytes and how many leads it holds."""
    if fmt not in ("xlsx", "csv"):
        raise ExportError(f"format: expected xlsx or csv, got {fmt!r}")
    rows = lead_rows(storage, since, until)
    return (to_xlsx(rows) if fmt == "xlsx" else to_csv(rows)), len(rows)


def write_export(storage: Storage, fmt: str, path: Path, since: dt.date | None, until: dt.date | None) -> int:
    data, count = export_leads(storage, fmt, since, until)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return count
