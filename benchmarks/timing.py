"""What every benchmark report needs: percentiles, memory readings and a description of the machine."""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results"


def ms(seconds: Sequence[float], q: float) -> float:
    """The q-th percentile of durations, in milliseconds."""
    return float(np.percentile(np.asarray(seconds), q) * 1e3) if seconds else float("nan")


def peak_rss_mib() -> float:
    """This process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mib() -> float:
    """This process's resident memory now."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def machine() -> str:
    """One line naming the machine, the software and the date, for the results files."""
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 2**20:.0f} GiB"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{dt.date.today().isoformat()}; {cpu}, {os.cpu_count()} cores, {memory} RAM (load average {load} at "
            f"start: the cores are shared); Linux {platform.release()}; Python {platform.python_version()}, "
            f"numpy {version('numpy')}, rank-bm25 {version('rank-bm25')}")


def write_result(name: str, text: str) -> Path:
    """Write benchmarks/results/<name>.md (committed: the figures the README quotes)."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path
