"""A speaker's label opening a message (县局副局长：企业入库以后市里怎么审, Auditor: …): who asks, not
what about. It is set aside before the message is read: its place would otherwise make
the question another county's, and its role words ones the notice never uses."""

from __future__ import annotations

import re

# the label ends in a person's role, an organisation's kind or 问 (出纳问：…); not 方向一：, 附件3：,
# 入库申报：, which name what is asked, nor 软件公司：, 药厂：, 做软件的，: what kind of firm asks says
# which directions are its own
SPEAKER_LABEL = re.compile(
    r"^\s*(?:[^：:，,。？?！!\s]{0,10}?(?:局|科|区|县|镇|者|员|局长|主任|经理|记者"
    r"|老师|同学|学生|银行|行|所|院|校|问)"
    r"|(?:[a-z]+ ){0,3}(?:journalist|reporter|auditor|accountant|researcher|student|officer|manager"
    r"|director|consultant|teacher|professor|banker|analyst|deputy|clerk))\s*[：:]\s*(?=\S.{3})",
    re.IGNORECASE,
)


def without_speaker(text: str) -> str:
    """The message without a speaker's label at its start; unchanged without one."""
    return SPEAKER_LABEL.sub("", text, count=1)
