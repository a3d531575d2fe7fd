"""Logging that can be handed to anyone: the bot token is cut out of every line, at every level.

The redaction happens in the formatter, after the message, its arguments and any traceback have been
formatted, so nothing (httpx's request URLs, PTB's exceptions, a repr) can carry the token past it.

Every line also names the Telegram update being handled ("[u123]", "[-]" outside one), so one question can
be followed through the handlers, the retries and PTB's own lines: the bot's first handler sets
CURRENT_UPDATE, and each update runs in its own asyncio task, hence its own context.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from contextvars import ContextVar
from typing import TextIO

# Anything shaped like a Bot API token, known or not: "<digits>:<35 url-safe characters>".
_TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[REDACTED]"
# Loggers that print request URLs (the token is in them) or poll chatter: WARNING unless DEBUG is asked.
QUIET_LOGGERS = ("httpx", "httpcore", "telegram.ext.ExtBot", "apscheduler")
FORMAT = "%(asctime)s %(levelname)s [%(update)s] %(name)s: %(message)s"
CURRENT_UPDATE: ContextVar[str] = ContextVar("current_update", default="-")


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret (and every token-shaped string) in a text."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _TOKEN_SHAPE.sub(REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """A Formatter whose output never contains the given secrets."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "update"):
            record.update = CURRENT_UPDATE.get()
        return redact(super().format(record), self._secrets)


def configure_logging(level: str, secrets: Iterable[str] = (), stream: TextIO | None = None) -> None:
    """One stderr handler for the whole process, redacting secrets; chatty HTTP loggers kept at WARNING
    unless DEBUG is asked for (their DEBUG lines are redacted like any other)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    quiet = logging.DEBUG if level == "DEBUG" else logging.WARNING
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(quiet)
