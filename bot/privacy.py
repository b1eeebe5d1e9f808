"""What staff may see of what users typed: phone numbers and e-mail addresses masked."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 7 or more digits, maybe with spaces, dashes or a leading +: mobile and landline numbers (an
# amount such as 2000000元 is left alone)
PHONE = re.compile(r"\+?(?<!\d)\d(?:[\s-]?\d){6,}(?!\d|\s*(?:元|万|块|rmb|yuan))", re.IGNORECASE)


def mask_personal(text: str) -> str:
    """The text without the e-mail addresses and phone numbers typed in it."""
    return PHONE.sub("***", EMAIL.sub("***@***", text))
