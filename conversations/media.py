"""The notice read through a file, a screenshot or a forward (按notice.pdf算, 同事转的pdf里说,
附件3-入库项目申报书.docx, in this forwarded PDF): the file is how the user sees the notice, so
what it says is what is asked, as if the notice were named. A question about the file itself (打不开,
corrupted, 传不上去) is left as typed, for the lexicon's words to set aside."""

from __future__ import annotations

import re

# 附件3-入库项目申报书.docx → 附件3 入库项目申报书; notice.pdf → 通知
FILE_NAME = re.compile(
    r"([A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff\-—（）()]*?)\s*\.(?:pdf|docx?|xlsx?|wps|jpe?g|png)\b",
    re.IGNORECASE,
)
NOTICE_FILE = re.compile(r"^(?:notice|通知|文件|file|document)$", re.IGNORECASE)
# 按pdf算, 睇份pdf, 看截图里写的: the file as what is gone by
GONE_BY = re.compile(
    r"(?:按|按照|根据|照|看|睇)\s*(?:份|这份|那份|嗰份|这个|那个|个)?\s*(?:pdf|截图|图片)\s*(?:里|上|中|入面)?(?:的|说的|写的)?",
    re.IGNORECASE,
)
# 下载的pdf里, 同事转的pdf里说, 截图最底下一行写的: what the file says
SAID_IN = re.compile(
    r"(?:下载的|转发的|转来的|同事转的|别人转的|微信转来的|微信转发的|转发给我的)?\s*(?:pdf|截图|图片)\s*"
    r"(?:里|上|中|入面|最底下一行|最下面)(?:说|写的|写着|面)?",
    re.IGNORECASE,
)
# 微信转来的通知, 公众号推文里的: the channel the notice came through, which asks nothing
CHANNEL = re.compile(
    r"(?:企业微信|微信群|微信|公众号|朋友圈|钉钉|群里)(?:上|里)?(?:别人|同事)?(?:转来|转发|发来|推送|推文|分享|转)(?:给我)?的?"
)
# 抬头被裁了: a picture cut short, not staff laid off
CROPPED = re.compile(r"(?<=[头图本面片])被裁(?:掉)?")
IN_THE_FILE = re.compile(
    r"\b(?:in|of|from|at the bottom of|according to)\s+(?:the |this |my |our )?"
    r"(?:forwarded |attached |downloaded |cropped )?(?:pdf|screenshot|file)\b",
    re.IGNORECASE,
)


def read_through(question: str) -> str:
    """The question with the file it reads the notice through named as the notice."""
    text = CROPPED.sub("被截掉", CHANNEL.sub("", FILE_NAME.sub(_named, question)))
    text = GONE_BY.sub("按通知", text)
    text = SAID_IN.sub("通知里", text)
    return IN_THE_FILE.sub("in the notice", text)


def _named(match: re.Match[str]) -> str:
    name = match.group(1)
    if NOTICE_FILE.match(name):  # notice.pdf: the notice, in the message's own language
        return "the notice" if name.isascii() else "通知"
    return re.sub(r"[-—_]+", " ", name)
