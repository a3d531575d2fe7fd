"""Choosing the abstention threshold: answered / abstained shares per threshold, and the safe band.

`pressbot eval --sweep` prints the table; `answer.min_coverage` is set to the band's middle.

Usage::

    print(format_sweep(evaluate(service.ask, load_qa(path)).outcomes))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pressbot.bot.cli.evaluation import Outcome, cell, share

ANSWERED_TARGET = 0.95
ABSTAINED_TARGET = 0.90


@dataclass(frozen=True)
class Band:
    """Thresholds t with lo < t <= hi meet both targets; `middle` is the one to configure."""

    lo: float
    hi: float

    @property
    def middle(self) -> float:
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> float:
        return self.hi - self.lo


def shares_at(outcomes: Sequence[Outcome], threshold: float) -> tuple[float | None, float | None]:
    """(in-scope answered, out-of-scope abstained) had the bot answered exactly when evidence >= threshold."""
    inside = [o.evidence >= threshold for o in outcomes if o.item.in_scope]
    outside = [o.evidence < threshold for o in outcomes if not o.item.in_scope and not o.item.conversation]
    return share(inside), share(outside)


def safe_band(outcomes: Sequence[Outcome], answered: float = ANSWERED_TARGET,
              abstained: float = ABSTAINED_TARGET) -> Band | None:
    """The thresholds at which in-scope answered >= `answered` and out-of-scope abstained >= `abstained`.

    Both shares move monotonically with the threshold, so the safe thresholds form one interval: above the
    evidence of the out-of-scope question that would be one answer too many, up to the evidence of the
    in-scope question that would be one abstention too many. None when the two overlap.
    """
    inside = sorted(o.evidence for o in outcomes if o.item.in_scope)
    outside = sorted((o.evidence for o in outcomes if not o.item.in_scope and not o.item.conversation), reverse=True)
    if not inside or not outside:
        return None
    may_abstain = int(len(inside) * (1 - answered) + 1e-9)  # in-scope questions allowed below the threshold
    may_answer = int(len(outside) * (1 - abstained) + 1e-9)  # out-of-scope ones allowed at or above it
    lo = outside[may_answer] if may_answer < len(outside) else 0.0
    hi = inside[may_abstain] if may_abstain < len(inside) else 1.0
    return Band(lo, hi) if lo < hi else None


def format_sweep(outcomes: Sequence[Outcome], step: float = 0.05) -> str:
    """A table of both shares per threshold, then the safe band and its middle."""
    rows = [f"{'threshold':>9} {'answered':>9} {'abstained':>9}"]
    steps = round(1 / step)
    for i in range(steps + 1):
        inside, outside = shares_at(outcomes, i * step)
        rows.append(f"{i * step:>9.2f} {cell(inside):>9} {cell(outside):>9}")
    band = safe_band(outcomes)
    rows.append("")
    rows.append(f"safe band (answered >= {ANSWERED_TARGET}, abstained >= {ABSTAINED_TARGET}): "
                + (f"{band.lo:.3f} < t <= {band.hi:.3f}, middle {band.middle:.3f}" if band else "none"))
    return "\n".join(rows)
