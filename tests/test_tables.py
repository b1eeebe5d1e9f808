"""A table pasted into a message is read as its rows' fields."""

from __future__ import annotations

from conversations.tables import rows_as_fields


def test_a_markdown_table_is_read_row_by_row_under_its_headings():
    table = "|方向|省级资金|项目投资|\n|---|---|---|\n|上云上平台|45万|300万|\n市级配套多少？"
    assert rows_as_fields(table) == "方向：上云上平台，省级资金：45万，项目投资：300万；\n市级配套多少？"


def test_a_headings_unit_goes_with_its_columns_bare_numbers():
    table = "序号\t项目\t省级资金(万)\n1\tMES上云\t150\n2\t5G质检\t—"
    assert rows_as_fields(table) == "序号：1，项目：MES上云，省级资金：150万；\n序号：2，项目：5G质检；"


def test_a_table_whose_line_breaks_became_spaces_is_read_the_same():
    flat = "|方向|省级资金| |上云上平台|45万| 市级配套多少？"
    assert rows_as_fields(flat) == "方向：上云上平台，省级资金：45万；\n市级配套多少？"


def test_a_message_without_a_table_is_left_as_it_is():
    assert rows_as_fields("入库几号截止？\n验收呢") == "入库几号截止？\n验收呢"


def test_a_spreadsheets_rows_whose_line_breaks_became_spaces_are_rows_again():
    flat = "序号\t企业\t省级(万) 1\tA公司\t340 2\tB公司\t900 两家市级各多少？"
    rows = "序号：1，企业：A公司，省级：340万；\n序号：2，企业：B公司，省级：900万；\n两家市级各多少？"
    assert rows_as_fields(flat) == rows
    # a cell with a space where no row could end is no table's row break
    assert rows_as_fields("设备\tISO 9001\t认证") == "设备\tISO 9001\t认证"
