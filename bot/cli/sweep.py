"""Choosing the abstention threshold: every question asked again at each threshold, through the bot's own
decision path, and the band of thresholds that meets the targets.

A threshold does not only decide which answers are kept: the kind decisions ("the releases do not state the
fee") and the cross-language fallback (a weak own-language answer giving way to another language's) depend
on what was answered before them, so the shares at a threshold are measured by answering with it, not
estimated from each question's evidence at the configured one. `pressbot eval --sweep` prints the table;
`answer.min_coverage` is set to the middle of the band that both dev sets share (`pressbot eval --qa A --qa B
--sweep` prints it: `joint_band`).

Usage::

    rows = sweep(lambda t: service_at(service, t).ask, load_qa(path))
    print(format_sweep(rows))
    print(format_joint([rows, sweep(lambda t: service_at(service, t).ask, load_qa(other))]))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pressbot.bot.cli.evaluation import Metrics, cell, evaluate
from pressbot.bot.cli.qa_file import QAItem
from pressbot.bot.core.service import Service
from pressbot.responses.answering import Reply

ANSWERED_TARGET = 0.95
ABSTAINED_TARGET = 0.95
WRONG_TARGET = 0.05  # answered-but-wrong: in-scope answers without the expected fact, at most this share
# The thresholds tried: 0.25 .. 0.70 by 0.025 (the evidence of the dev sets' questions lies between 0.2 and 1).
THRESHOLDS = tuple(round(0.25 + i * 0.025, 3) for i in range(19))


@dataclass(frozen=True)
class Row:
    """The metrics of a QA file answered with one abstention threshold."""

    threshold: float
    metrics: Metrics


@dataclass(frozen=True)
class Band:
    """The sampled thresholds lo <= t <= hi all meet the targets; `middle` is the one to configure."""

    lo: float
    hi: float

    @property
    def middle(self) -> float:
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> float:
        return self.hi - self.lo


def sweep(ask_at: Callable[[float], Callable[[str], Reply]], items: Sequence[QAItem],
          thresholds: Sequence[float] = THRESHOLDS) -> list[Row]:
    """The QA file's metrics at each threshold; `ask_at(t)` is the bot's question path answering with
    min_coverage t (e.g. a Service whose configuration says t)."""
    return [Row(threshold=t, metrics=evaluate(ask_at(t), items).overall) for t in thresholds]


def service_at(service: Service, threshold: float) -> Service:
    """The same served index and configuration, answering with min_coverage `threshold`."""
    config = replace(service.config, answer=replace(service.config.answer, min_coverage=threshold))
    return Service(config, service.served)


def meets(m: Metrics, answered: float = ANSWERED_TARGET, abstained: float = ABSTAINED_TARGET,
          wrong: float | None = None) -> bool:
    """Whether one row meets the targets (a share the file cannot measure counts as met)."""
    return ((m.answered is None or m.answered >= answered) and (m.abstained is None or m.abstained >= abstained)
            and (wrong is None or m.answered_wrong is None or m.answered_wrong <= wrong))


def safe_band(rows: Sequence[Row], answered: float = ANSWERED_TARGET, abstained: float = ABSTAINED_TARGET,
              wrong: float | None = None) -> Band | None:
    """The widest run of consecutive thresholds that all meet the targets, or None when no threshold does.
    (Measured through the whole decision path the shares need not move monotonically, so the run is looked
    for rather than assumed.)"""
    return _widest([(row.threshold, meets(row.metrics, answered, abstained, wrong)) for row in rows])


def joint_band(tables: Sequence[Sequence[Row]], answered: float = ANSWERED_TARGET,
               abstained: float = ABSTAINED_TARGET, wrong: float | None = None) -> Band | None:
    """The widest run of consecutive thresholds that meet the targets on every QA file at once (each table
    swept over the same thresholds): a threshold is chosen from the band all the tuning sets share, never
    from one set's."""
    if not tables:
        return None
    return _widest([(rows[0].threshold, all(meets(row.metrics, answered, abstained, wrong) for row in rows))
                    for rows in zip(*tables, strict=True)])


def _widest(marks: Sequence[tuple[float, bool]]) -> Band | None:
    """The widest run of consecutive thresholds marked True."""
    best: Band | None = None
    start: float | None = None
    for threshold, ok in marks:
        if ok:
            start = threshold if start is None else start
            band = Band(start, threshold)
            if best is None or band.width > best.width:
                best = band
        else:
            start = None
    return best


def format_joint(tables: Sequence[Sequence[Row]]) -> str:
    """The bands the swept QA files share (the line to choose `answer.min_coverage` from)."""
    lines = []
    for label, wrong in (("", None), (f", wrong <= {WRONG_TARGET}", WRONG_TARGET)):
        band = joint_band(tables, wrong=wrong)
        lines.append(f"safe band of all {len(tables)} files (answered >= {ANSWERED_TARGET}, abstained >= "
                     f"{ABSTAINED_TARGET}{label}): "
                     + (f"{band.lo:.3f} <= t <= {band.hi:.3f}, middle {band.middle:.3f}" if band else "none"))
    return "\n".join(lines)


def format_sweep(rows: Sequence[Row]) -> str:
    """A table of the shares per threshold (answered, abstained, fact, answered-but-wrong), then the bands."""
    lines = [f"{'threshold':>9} {'answered':>9} {'abstained':>9} {'fact':>9} {'wrong':>9}"]
    for row in rows:
        m = row.metrics
        lines.append(f"{row.threshold:>9.3f} {cell(m.answered):>9} {cell(m.abstained):>9} {cell(m.fact):>9} "
                     f"{cell(m.answered_wrong):>9}")
    lines.append("")
    for label, wrong in (("", None), (f", wrong <= {WRONG_TARGET}", WRONG_TARGET)):
        band = safe_band(rows, wrong=wrong)
        lines.append(f"safe band (answered >= {ANSWERED_TARGET}, abstained >= {ABSTAINED_TARGET}{label}): "
                     + (f"{band.lo:.3f} <= t <= {band.hi:.3f}, middle {band.middle:.3f}" if band else "none"))
    return "\n".join(lines)
