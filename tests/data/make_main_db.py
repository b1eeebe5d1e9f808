"""Makes tests/data/main-schema.db with the code of main before addresses (issue 10): Telegram users
as integers, web users as integers from 2**60. Run against that code, not this checkout's:

    git archive a687481 | tar -x -C /tmp/main
    PYTHONPATH=/tmp/main .venv/bin/python tests/data/make_main_db.py tests/data/main-schema.db

test_storage_upgrade.py opens a copy and checks that nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bot.dialog import Assistant
from bot.people import Sender
from bot.storage import Storage
from bot.web.store import WebStore
from knowledge.loader import load_knowledge
from knowledge.search import SearchIndex

CHECK = [
    ("text", "韶关某某机械有限公司"),
    ("tap", "f:a:county:zhenjiang"),
    ("tap", "f:a:direction:d1"),
    ("tap", "f:a:enterprise_kind:industrial"),
    ("tap", "f:a:applicant:self"),
    ("tap", "f:a:fiscal_violation:no"),
    ("tap", "f:a:major_accident:no"),
    ("tap", "f:a:dishonest_debtor:no"),
    ("text", "2022-05-20"),
    ("text", "1"),
    ("text", "2000万"),
    ("text", "500万"),
    ("text", "0"),
]
LEAD = [("tap", "lead:start"), ("tap", "f:a:agree"), ("text", "张三"), ("text", "13812345678")]


def main(path: str) -> None:
    Path(path).unlink(missing_ok=True)
    kb = load_knowledge()
    storage = Storage(path)
    web = WebStore(storage)
    assistant = Assistant(
        kb,
        SearchIndex(kb),
        storage,
        lambda: dt.date(2022, 7, 1),
        staff_chat_id=-100777,
        admin_ids=frozenset({9001}),
    )
    ann = Sender(611, "Ann", "ann_sg", "zh")  # a finished check, a lead, reminders, a question
    assistant.text(ann, "入库申报截止日期")
    assistant.check(ann)
    for kind, value in CHECK + LEAD:
        assistant.text(ann, value) if kind == "text" else assistant.button(ann, value)
    assistant.remind(ann)
    storage.mark_reminder_sent(611, "entry", 7)
    bob = Sender(612, "Bob", None, "en")  # a check half done and an open case whose header is pending
    assistant.check(bob)
    assistant.text(bob, "Bob Ltd")
    assistant.human(bob)
    storage.map_case_message(-100777, 50, storage.open_case_of(612)["id"])
    _, session = web.new_session("zh")  # a web user: messages, a question, an open case
    wen = Sender(session.user_id, None, None, "zh")
    web.add(session.user_id, "user", "申报截止")
    for item in assistant.message(wen, "申报截止"):
        web.add(session.user_id, "bot", item.reply.text, item.reply.buttons)
    assistant.human(wen)
    storage.mark_handled(1234)
    storage.close()


if __name__ == "__main__":
    main(sys.argv[1])
