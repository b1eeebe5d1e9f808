"""A clause of the notice cited by its number: 三(二), 第三部分第二条, 支持方式第三条, 三、支持方式（二）,
section 3.2. People quote the numbers from the notice or from a colleague, often wrongly paired with
what they think the clause says; the clause itself answers them. Clauses are spelt as the knowledge
base spells them (三(二), 三), from the notice's own section names.
"""

from __future__ import annotations

import re

from knowledge.normalize import simplify
from knowledge.schema import Notice

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
NUMERALS = {
    **{c: i for i, c in enumerate("一二三四五六七八九", 1)},
    **{str(i): i for i in range(1, 10)},
    **ROMAN,
}
NUMBER = r"([一二三四五六七八九1-9])"
ITEM_WORD = r"(?:条|点|项|款|小点|小条|小项)"
PART_WORD = r"(?:部分|部份|大部分|大点|大项|大条|章|节)"
# 三(二), 三、(二): a section's numeral and its item's in brackets, as the notice prints them
BRACKETED = re.compile(rf"(?<![第\d一二三四五六七八九]){NUMBER}\s*[、.]?\s*\(\s*{NUMBER}\s*\)")
# 第三部分第二条, 第三部分: a part by its ordinal, and an item of it
ORDINAL = re.compile(rf"第{NUMBER}{PART_WORD}(?:的|里|里面|中)?(?:第{NUMBER}{ITEM_WORD})?")
# section 3.2, clause 3(2), article 3, Part II: the English numbering (a lone "i" only where it ends
# the name: what is Part I about, not part i think)
ENGLISH = re.compile(
    r"\b(?:section|clause|article|part)\s*([1-9]|viii|vii|vi|iv|ix|v|iii|ii|i(?=\s*(?:$|[?.,:;)]|about\b|of\b)))"
    r"(?:\s*(?:\.|\(|,\s*item)\s*([1-9])\)?)?(?![\d.a-z])"
)
# 第三条第（二）款: a section counted in 条, then an item of it in 款
ARTICLE_ITEM = re.compile(rf"第{NUMBER}条\s*第?\s*[(（]?\s*{NUMBER}\s*[)）]?\s*款")
# 一、的标题, 五、那部分: a section's numeral with its mark, pointed at (not 一、入库截止是哪天: a list)
NUMERAL_POINTED = re.compile(
    rf"(?<![第\d一二三四五六七八九(]){NUMBER}\s*、\s*(?=的|那|这|部分|标题|里[面头]?[说写讲])"
)
ITEM_OF = re.compile(r"\bitem\s*([1-9])\s*of\s*(?:section|part|clause|article)\s*([1-9])\b")


class Citations:
    """The clauses a message cites by number, as the notice's clauses are named."""

    def __init__(self, notice: Notice) -> None:
        self.numerals = {n: c for c, n in NUMERALS.items() if not c.isdigit() and c not in ROMAN}
        self.sections = {s for s in notice.sections if s in NUMERALS}
        # 支持方式第三条, 三、支持方式（二）: a section by its heading, and an item of it
        names = {simplify(text.zh): s for s, text in notice.sections.items() if s in self.sections}
        heading = "|".join(map(re.escape, sorted(names, key=len, reverse=True))) or "(?!)"
        self.by_heading = re.compile(
            rf"(?:{NUMBER}\s*[、.]?\s*)?({heading})(?:的|里|里面|中)?\s*(?:第{NUMBER}{ITEM_WORD}|\(\s*{NUMBER}\s*\))"
        )
        self.heading_section = names

    def clauses(self, text: str) -> list[str]:
        """The clauses cited, in the order cited, each once (三(二), 三)."""
        simplified = simplify(text)
        found: list[tuple[int, str]] = []
        for match in BRACKETED.finditer(simplified):
            found.append((match.start(), self._clause(match.group(1), match.group(2))))
        for match in ORDINAL.finditer(simplified):
            found.append((match.start(), self._clause(match.group(1), match.group(2))))
        for match in self.by_heading.finditer(simplified):
            section = self.heading_section[match.group(2)]
            item = match.group(3) or match.group(4)
            found.append((match.start(), self._clause(section, item)))
        for pattern in (ARTICLE_ITEM, NUMERAL_POINTED):
            for match in pattern.finditer(simplified):
                found.append((match.start(), self._clause(*match.groups())))
        for match in ENGLISH.finditer(simplified):
            found.append((match.start(), self._clause(match.group(1), match.group(2))))
        for match in ITEM_OF.finditer(simplified):
            found.append((match.start(), self._clause(match.group(2), match.group(1))))
        clauses = list(dict.fromkeys(c for _, c in sorted(found) if c))
        # item 2 of section 4: the item, not also its whole section
        return [c for c in clauses if not any(o.startswith(f"{c}(") for o in clauses)]

    def _clause(self, section: str, item: str | None = None) -> str:
        """三 and 二 → 三(二); "" where the notice has no such section."""
        name = self.numerals.get(NUMERALS[section], "")
        if name not in self.sections:
            return ""
        return f"{name}({self.numerals[NUMERALS[item]]})" if item else name
