"""The load benchmark in its short form (10 people × 2 questions, then again while an admin reloads twice):
correctness only, every question answered exactly once; its timings are benchmarks/load.py's business."""

from __future__ import annotations

import pytest

from benchmarks.load import run_load
from tests.telegram_emulator import EmulatorProcess

pytestmark = pytest.mark.e2e


async def test_a_short_load_run_answers_every_question_exactly_once(emulator: EmulatorProcess) -> None:
    phases = await run_load(emulator.api_url, users=10, per_user=2)
    assert [p.reloads for p in phases] == [0, 2]
    for phase in phases:
        assert (phase.sent, phase.answered) == (20, 20)
        assert (phase.lost, phase.duplicates, phase.error_notices) == (0, 0, 0)
        assert (phase.invalid_html, phase.mismatched, phase.logged_errors) == (0, 0, 0)
        assert len(phase.reload_reports) == phase.reloads and phase.failed_reloads == 0, phase.reload_reports
