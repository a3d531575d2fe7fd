"""The console chat: the Telegram conversation on standard input and output, for trying the bot
without a token. The person at the console is the operator, so admin commands work."""

from __future__ import annotations

from typing import TextIO

from pressbot.bot.core.service import Rendered, Service
from pressbot.retrieval.analyzer import detect_language

PROMPT = "> "


def respond(service: Service, line: str, lang: str) -> Rendered | None:
    """The reply to one console line, as the Telegram bot would give it (None for an empty line)."""
    text = line.strip()
    if not text:
        return None
    if not text.startswith("/"):
        reply = service.ask(text)
        return Rendered(html=reply.html, text=reply.text)
    command, _, rest = text.partition(" ")
    command = command.split("@", 1)[0].lower()
    if command == "/start":
        return service.start_text("there", lang)
    if command == "/help":
        return service.help_text(lang, admin=True)
    if command == "/sources":
        return service.sources_text(lang)
    if command == "/latest":
        return service.latest_text(rest, detect_language(rest) if rest.strip() else lang)
    if command == "/reload":
        return service.reload_text(service.reload(), lang)
    return service.help_text(lang, admin=True)


def chat(service: Service, stdin: TextIO, stdout: TextIO, lang: str = "en") -> int:
    """Read questions until end of input or /quit; print each answer as plain text."""
    interactive = stdin.isatty()
    stdout.write(service.start_text("there", lang).text + "\n\n")
    stdout.write("(/help for commands, /quit or Ctrl-D to leave)\n")
    while True:
        if interactive:
            stdout.write(PROMPT)
        stdout.flush()
        line = stdin.readline()
        if not line or line.strip() in ("/quit", "/exit"):
            break
        reply = respond(service, line, lang)
        if reply is not None:
            stdout.write("\n" + reply.text + "\n\n")
    stdout.flush()
    return 0
