"""End to end: GET /healthz, the load balancer's health check in webhook mode, asked over real HTTP on
127.0.0.1: 200 with the served index while the bot runs, 503 while no index is loaded, gone at shutdown."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from pressbot.bot.telegram.health import start_health_server
from tests.conftest import start_bot
from tests.telegram_emulator import EmulatorProcess


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.e2e
async def test_healthz_reports_the_served_index_while_the_bot_runs_and_is_gone_after(
        emulator: EmulatorProcess, small_corpus: Path, caplog: pytest.LogCaptureFixture) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/healthz"
    async with start_bot(emulator, small_corpus, caplog,
                         configure=lambda app: setattr(app.bot_data, "health_address", ("127.0.0.1", port))) as bot:
        async with httpx.AsyncClient(timeout=5) as http:
            response = await http.get(url)
            assert (await http.get(f"http://127.0.0.1:{port}/other")).status_code == 404
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        assert body["status"] == "ok"
        assert (body["documents"], body["passages"]) == (len(bot.service.index.documents), len(bot.service.index))
        assert body["last_reload"].endswith("+00:00") and body["uptime_seconds"] >= 0
        bot.assert_clean()
    assert bot.app.post_shutdown is not None
    await bot.app.post_shutdown(bot.app)  # what run_webhook calls on the way out (the harness does not)
    async with httpx.AsyncClient(timeout=2) as http:
        with pytest.raises(httpx.ConnectError):
            await http.get(url)


async def test_healthz_answers_503_while_no_index_is_loaded() -> None:
    port = free_port()
    server = start_health_server(lambda: None, "127.0.0.1", port)
    try:
        async with httpx.AsyncClient(timeout=5) as http:
            response = await http.get(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.stop()
    assert response.status_code == 503
    assert response.json()["status"] == "no index loaded"
