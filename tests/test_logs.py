"""Logs can be shared: the bot token appears in no formatted line, at any level, wherever it hides."""

from __future__ import annotations

import io
import logging

import httpx
import pytest

from pressbot.bot.core.logs import REDACTED, RedactingFormatter, configure_logging, redact

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"
OTHER_TOKEN = "987654321:ZZyxwTcvCH1vGWJxfSeofSAs0K5PALDzzzz"





@pytest.fixture
def log_output(restore_logging: None) -> io.StringIO:
    """Everything logged at DEBUG, formatted as pressbot formats it."""
    stream = io.StringIO()
    configure_logging("DEBUG", [TOKEN], stream=stream)
    return stream


def test_the_token_in_a_message_is_redacted(log_output: io.StringIO) -> None:
    logging.getLogger("pressbot").debug(f"starting with token {TOKEN}")
    assert TOKEN not in log_output.getvalue()
    assert f"starting with token {REDACTED}" in log_output.getvalue()


def test_the_token_in_message_arguments_is_redacted(log_output: io.StringIO) -> None:
    logging.getLogger("pressbot").debug("config %r, token %s", {"token": TOKEN}, TOKEN)
    assert TOKEN not in log_output.getvalue()
    assert "config {'token': '[REDACTED]'}" in log_output.getvalue()


def test_the_token_in_an_exception_traceback_is_redacted(log_output: io.StringIO) -> None:
    def call_api() -> None:
        url = f"https://api.telegram.org/bot{TOKEN}/sendMessage"
        raise ConnectionError(f"cannot reach {url}")

    try:
        call_api()
    except ConnectionError:
        logging.getLogger("telegram.ext.Application").exception("error while handling an update")
    output = log_output.getvalue()
    assert "Traceback" in output and "ConnectionError" in output
    assert TOKEN not in output
    assert f"bot{REDACTED}/sendMessage" in output


def test_httpx_request_lines_with_the_token_in_the_url_are_redacted_at_debug(log_output: io.StringIO) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True, "result": []}))
    with httpx.Client(transport=transport) as client:
        client.post(f"https://api.telegram.org/bot{TOKEN}/getUpdates", json={"offset": 1})
    output = log_output.getvalue()
    assert f"/bot{REDACTED}/getUpdates" in output  # httpx did log the request, and it was redacted
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output


def test_at_info_the_http_client_loggers_are_kept_quiet(restore_logging: None) -> None:
    stream = io.StringIO()
    configure_logging("INFO", [TOKEN], stream=stream)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}))
    with httpx.Client(transport=transport) as client:
        client.get(f"https://api.telegram.org/bot{TOKEN}/getMe")
    assert stream.getvalue() == ""


def test_a_token_shaped_string_is_redacted_even_when_it_is_not_the_configured_token(log_output: io.StringIO) -> None:
    logging.getLogger("pressbot").warning("someone sent %s", OTHER_TOKEN)
    assert OTHER_TOKEN not in log_output.getvalue()
    assert REDACTED in log_output.getvalue()


def test_a_configured_secret_of_any_shape_is_redacted() -> None:
    assert redact("token=TEST-42 in /botTEST-42/getMe", ["TEST-42"]) == f"token={REDACTED} in /bot{REDACTED}/getMe"


def test_text_without_secrets_is_unchanged() -> None:
    text = "HTTP Request: POST https://api.telegram.org/bot[REDACTED]/getUpdates 200; user 123456 asked 12:30"
    assert redact(text, [TOKEN]) == text


def test_an_empty_secret_redacts_nothing() -> None:
    assert redact("nothing to hide", ["", TOKEN]) == "nothing to hide"


def test_the_formatter_alone_redacts_records_from_any_logger() -> None:
    record = logging.LogRecord("httpx", logging.DEBUG, __file__, 1, "GET %s", (f"/bot{TOKEN}/getMe",), None)
    assert RedactingFormatter([TOKEN]).format(record).endswith(f"GET /bot{REDACTED}/getMe")


def test_only_the_handled_updates_id_is_kept_and_an_id_shaped_identifier_a_person_typed_is_masked() -> None:
    record = logging.LogRecord("pressbot", logging.DEBUG, __file__, 1, "u42: text 'my id u074407'", None, None)
    record.update = "u42"
    line = RedactingFormatter([]).format(record)
    assert "[u42]" in line and "u42: text" in line
    assert "u074407" not in line
