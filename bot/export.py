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

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from bot.storage import Storage
from conversations.flow import load_flow

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # the bureau's clock
VERDICTS = {"eligible": "符合条件", "not_eligible": "不符合条件", "needs_person": "需人工确认"}
CASE_STATUS = {"open": "待处理", "claimed": "处理中", "closed": "已关闭", "left": "用户已退出"}
DIRECTIONS = {
    "d1": "1 上云上平台",
    "d2": "2 行业性平台标杆",
    "d3": "3 系统性平台",
    "d4": "4 5G+制造业",
    "unsure": "未确定",
}
# facts from the check, in the order staff read them
FACTS = [
    ("county", "注册地"),
    ("applicant", "申报主体"),
    ("completion_date", "建成日期"),
    ("project_count", "申报项目数"),
    ("investment", "项目投资额（元）"),
    ("provincial_funds", "省级专项资金（元）"),
    ("other_support", "其他政府支持（元）"),
    ("fiscal_violation", "近5年财政违规"),
    ("major_accident", "重大事故"),
    ("dishonest_debtor", "失信被执行人"),
    ("has_contract", "项目合同"),
    ("user_consent", "使用单位书面同意"),
]
HEADERS = [
    "线索编号",
    "企业名称",
    "联系人",
    "电话",
    "支持方向",
    "判断结果",
    "估算奖补（元）",
    *(label for _, label in FACTS),
    "同意时间",
    "提交时间",
    "工单状态",
]


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
        labels = _choice_labels()
        case = storage.open_case_of(lead["user_id"]) or storage.latest_case_of(lead["user_id"])
        estimate = Decimal(lead["estimate_yuan"]) if lead["estimate_yuan"] else None
        rows.append(
            [
                lead["id"],
                lead["company"],
                lead["contact_name"],
                lead["phone"],
                DIRECTIONS.get(lead["direction"], lead["direction"]),
                VERDICTS.get(lead["verdict"], lead["verdict"]),
                float(estimate) if estimate is not None else None,
                *(_fact(labels.get(key, {}).get(facts.get(key), facts.get(key))) for key, _ in FACTS),
                local_time(lead["consent_at"]),
                local_time(lead["created_at"]),
                CASE_STATUS.get(case["status"], case["status"]) if case else "无",
            ]
        )
    return rows


@lru_cache(maxsize=1)
def _choice_labels() -> dict[str, dict[str, str]]:
    """Choice answers as the flow's Chinese labels: 'zhenjiang' → 浈江区."""
    flow = load_flow("eligibility")
    return {step.id: {o.value: o.label.zh for o in step.options} for step in flow.steps if step.options}


def _fact(value: Any) -> Any:
    if value is None:
        return ""
    return {"yes": "是", "no": "否", "unsure": "不确定", "self": "项目单位", "builder": "承建单位"}.get(
        value, value
    )


def to_csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "线索"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    for column, header in enumerate(HEADERS, 1):
        sheet.column_dimensions[get_column_letter(column)].width = max(10, len(header) * 2 + 2)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
