"""Figures said as a share of another: 省里按20%补了 with an investment of 1200万 is 240万 of
provincial funds; "the province covered 25%" of a RMB 6,000,000 capex is RMB 1,500,000.

The pack says which role may be given as a share of which (lexicon `figure_shares`); the share's
own words are the role's words (`figure_roles`). Only a role said with no amount of its own, and
a whole said exactly once, are worked: anything else is left to the user's own figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from knowledge.figures import CLAUSE_BREAK, Figure, to_arabic
from knowledge.normalize import simplify

# 省级资金占项目投资的15%, provincial grant for the cloud project was 40%: the share said soon after
# the role's word, in its clause
SHARE_WINDOW = 40
PERCENT_SAID = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|％|percent\b|per cent\b)")


@dataclass(frozen=True)
class Share:
    """A figure worked from its share of another: the figure, its rate and the whole it is a share of."""

    figure: Figure
    rate: Decimal
    whole: Figure


class ShareReader:
    """Reads the figures said as a share of another (see the module's docstring)."""

    def __init__(
        self,
        shares: Mapping[str, str],
        roles: Mapping[str, Iterable[str]],
        measures: Iterable[str] = (),
        rules_rates: Iterable[Decimal] = (),
    ) -> None:
        self.shares = dict(shares)
        # 能耗省了20%: a clause measuring the project itself says no share of money
        self.measures = [simplify(w).lower() for w in measures if w]
        # 按省级资金的10%: the rules' own rate after the role's word is the city's, not a share
        self.rules_rates = set(rules_rates)
        # each role's words, longest first (省级专项资金 before 省)
        self.words = {
            role: sorted(
                {simplify(w).lower() for w in roles.get(role, ()) if w.strip()}, key=len, reverse=True
            )
            for role in self.shares
        }

    def read(self, text: str, figures: list[Figure]) -> list[Share]:
        said = to_arabic(text).lower()
        found = []
        for role, whole_role in self.shares.items():
            if any(f.role == role for f in figures):
                continue  # the amount itself is said
            wholes = [f for f in figures if f.role == whole_role]
            if len(wholes) != 1:
                continue
            share = self._share_after_a_word(said, role)
            if share is None:
                continue
            rate, start, end = share
            amount = (wholes[0].yuan * rate).quantize(Decimal("0.01")).normalize()
            found.append(Share(Figure(amount, start, end, role), rate, wholes[0]))
        return found

    def _share_after_a_word(self, said: str, role: str) -> tuple[Decimal, int, int] | None:
        for word in self.words[role]:
            at = said.find(word)
            while at >= 0:
                after = at + len(word)
                clause_end = CLAUSE_BREAK.search(said, after)
                limit = min(after + SHARE_WINDOW, clause_end.start() if clause_end else len(said))
                match = PERCENT_SAID.search(said, after, limit)
                if match and not self._measures_the_project(said, at, limit):
                    rate = Decimal(match.group(1)) / 100
                    if 0 < rate < 1 and rate not in self.rules_rates:
                        return rate, match.start(), match.end()
                at = said.find(word, at + 1)
        return None

    def _measures_the_project(self, said: str, at: int, limit: int) -> bool:
        """能耗省了20%: the clause around the role's word measures the project, no share of money."""
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(said, 0, at)), default=0)
        return any(w in said[clause_start:limit] for w in self.measures)
