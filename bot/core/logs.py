"""Logging that can be handed to anyone: the bot token is cut out of every line, at every level, and so is
every personal identifier (bot/core/masking.py): a question the bot logs at DEBUG, or that httpx and PTB
echo in a request body, shows only `[phone]`, `[passport]`, … At INFO the bot logs no question text at all.

The redaction happens in the formatter, after the message, its arguments and any traceback have been
formatted, so nothing (httpx's request URLs, PTB's exceptions, a repr) can carry the token past it.

Every line also names the Telegram update being handled ("[u123]", "[-]" outside one), so one question can
be followed through the handlers, the retries and PTB's own lines: the bot's first handler sets
CURRENT_UPDATE, and each update runs in its own asyncio task, hence its own context.

`configure_logging(level, secrets, fmt="json")` writes one JSON object per line instead (for log shippers):
time, level, update, logger, message and, after an error, the traceback as `exc`.

Usage::

    configure_logging("INFO", [config.telegram.token], fmt=config.log_format)
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from contextvars import ContextVar
from typing import TextIO

from pressbot.bot.core.masking import mask

# Anything shaped like a Bot API token, known or not: "<digits>:<35 url-safe characters>".
_TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "[REDACTED]"
# Loggers that print request URLs (the token is in them) or poll chatter: WARNING unless DEBUG is asked.
QUIET_LOGGERS = ("httpx", "httpcore", "telegram.ext.ExtBot", "apscheduler")
FORMAT = "%(asctime)s %(levelname)s [%(update)s] %(name)s: %(message)s"
CURRENT_UPDATE: ContextVar[str] = ContextVar("current_update", default="-")
# "u123456789": the update an event belongs to, kept readable (but "u00@mail.az" is an e-mail address)
_UPDATE_ID = re.compile(r"((?<![\w.+-])u\d+(?![\w@]))")


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret (and every token-shaped string) in a text."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _TOKEN_SHAPE.sub(REDACTED, text)


def mask_log_text(text: str, secrets: Iterable[str] = (), keep: str | None = None) -> str:
    """Secrets redacted first (a masked token would leave its secret half), then identifiers masked; the id
    of the update being handled (`keep`, "u123456789"), which lets one follow a question, is kept — only that
    one: anything else shaped like it may be what a person typed ("u074407" is a FIN code)."""
    text = redact(text, secrets)
    if not keep or not _UPDATE_ID.fullmatch(keep):
        return mask(text)
    parts = re.split(rf"((?<![\w.+-]){re.escape(keep)}(?![\w@]))", text)
    return "".join(part if i % 2 else mask(part) for i, part in enumerate(parts))


class RedactingFormatter(logging.Formatter):
    """A Formatter whose output never contains the given secrets nor a personal identifier."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def masked_record(self, record: logging.LogRecord) -> logging.LogRecord:
        """A copy of the record (other handlers see the original) with its message, traceback and stack
        already formatted, redacted and masked."""
        copy = logging.makeLogRecord(record.__dict__)
        if not hasattr(copy, "update"):
            copy.update = CURRENT_UPDATE.get()
        keep = str(getattr(copy, "update", ""))
        copy.msg, copy.args = mask_log_text(record.getMessage(), self._secrets, keep), None
        if record.exc_info and not record.exc_text:
            copy.exc_text = self.formatException(record.exc_info)
        if copy.exc_text:
            copy.exc_text = mask_log_text(copy.exc_text, self._secrets, keep)
        copy.exc_info = None
        if record.stack_info:
            copy.stack_info = mask_log_text(record.stack_info, self._secrets, keep)
        return copy

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(self.masked_record(record)), self._secrets)


class JsonFormatter(RedactingFormatter):
    """One JSON object per line, redacted and masked like the text lines."""

    def format(self, record: logging.LogRecord) -> str:
        copy = self.masked_record(record)
        line: dict[str, object] = {"time": self.formatTime(copy), "level": copy.levelname,
                                   "update": getattr(copy, "update", "-"), "logger": copy.name, "message": copy.msg}
        if copy.exc_text:
            line["exc"] = copy.exc_text
        if copy.stack_info:
            line["stack"] = copy.stack_info
        return redact(json.dumps(line, ensure_ascii=False), self._secrets)


def configure_logging(level: str, secrets: Iterable[str] = (), stream: TextIO | None = None,
                      fmt: str = "text") -> None:
    """One stderr handler for the whole process, redacting secrets and masking identifiers, as text lines or
    (fmt="json") JSON objects; chatty HTTP loggers kept at WARNING unless DEBUG is asked for (their DEBUG
    lines are redacted and masked like any other)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(secrets) if fmt == "json" else RedactingFormatter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    quiet = logging.DEBUG if level == "DEBUG" else logging.WARNING
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(quiet)
