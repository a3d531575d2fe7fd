"""The console chat: the Telegram conversation on standard input and output, for trying the bot
without a token. The person at the console is the operator, so admin commands work. What Telegram offers
as buttons the console offers as a command: /more shows the next press releases for the last question (or
the next page of the last /latest), as the More button does; so does typing "more" ("ещё", "daha çox").
/remove ID takes a release out and reloads, as in Telegram (and puts it back if the reload is refused); a
release is added at the terminal with `pressbot import` (a console line cannot hold a title and
paragraphs), which /help and /add say. Subscriptions, /stats, /privacy and /forget belong to Telegram
users and say so. /help lists only what the console does.

Usage::

    conversation = Conversation()
    respond(service, "Who met the IOM Director General?", "en", conversation)
    respond(service, "/more", "en", conversation)       # the next press releases for that question
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from pressbot.bot.core.language import text_language
from pressbot.bot.core.removal import Taken, settle, take_out
from pressbot.bot.core.service import Service
from pressbot.bot.core.texts import LATEST_PAGE, Texts, joined
from pressbot.responses.answering import Rendered, render_more
from pressbot.responses.conversation import recognize
from pressbot.retrieval.latest import latest

PROMPT = "> "
TELEGRAM_ONLY = frozenset({"/subscribe", "/unsubscribe", "/subscriptions", "/stats", "/privacy", "/forget"})
CONSOLE_COMMANDS = frozenset({"start", "help", "latest", "sources", "reload", "remove"})  # what /help lists here


@dataclass
class Conversation:
    """What the console remembers between lines, as the buttons under a Telegram message do: the last
    question (its search language and the press releases shown so far) or the last /latest page, and the
    language of the person's last question (replies to commands use it)."""

    ui: str = "en"
    question: str | None = None
    searched_in: str = "en"
    shown: list[str] = field(default_factory=list)
    latest_topic: str | None = None
    latest_offset: int = 0
    latest_lang: str = "en"  # the language of the /latest page, kept for its next pages (as the button keeps it)


def respond(service: Service, line: str, lang: str, conversation: Conversation | None = None) -> Rendered | None:
    """The reply to one console line, as the Telegram bot would give it (None for an empty line)."""
    talk = conversation if conversation is not None else Conversation(ui=lang)
    text = line.strip()
    if not text:
        return None
    if not text.startswith("/"):
        return _ask(service, text, talk)
    command, _, rest = text.partition(" ")
    command = command.split("@", 1)[0].lower()
    ui = talk.ui
    texts = Texts(service)
    if command == "/start":
        return texts.start_text("", ui)
    if command == "/help":
        return joined(texts.help_text(ui, admin=True, only=CONSOLE_COMMANDS), texts.phrase(ui, "console_commands"),
                       texts.phrase(ui, "console_add"), separator="\n\n")
    if command == "/sources":
        return texts.sources_text(ui)
    if command == "/latest":  # the topic's language if it shows one, as in Telegram (reply_language)
        talk.question, talk.latest_topic, talk.latest_offset = None, rest, 0
        talk.latest_lang = text_language(rest) or ui
        return texts.latest_text(rest, talk.latest_lang)
    if command == "/more":
        return _more(service, talk)
    if command == "/reload":
        return texts.reload_text(service.reload(), ui)
    if command == "/remove":
        return _remove(service, rest.strip(), ui)
    if command == "/add":
        return texts.phrase(ui, "console_add")
    if command in TELEGRAM_ONLY:
        return texts.phrase(ui, "console_telegram_only", command=command)
    return texts.phrase(ui, "unknown_command")


def _ask(service: Service, text: str, talk: Conversation) -> Rendered:
    turn = recognize(text)
    if turn is not None and turn.act == "more":  # "more", "ещё", "daha çox": here /more, there being no button
        talk.ui = turn.lang or talk.ui
        return _more(service, talk)
    reply = service.ask(text)
    talk.ui = text_language(text) or (turn.lang if turn is not None else None) or talk.ui  # "salam": az
    talk.latest_topic = None
    talk.question, talk.searched_in = text, reply.answer.lang
    talk.shown = [c.doc_id for c in reply.answer.citations] if reply.answer.answered else []
    return reply


def _remove(service: Service, doc_id: str, ui: str) -> Rendered:
    """/remove ID as in Telegram: only a release the index serves; the file goes atomically, then a reload."""
    texts = Texts(service)
    if not doc_id:
        return texts.phrase(ui, "remove_usage")
    taken = take_out(service, texts, doc_id, ui)
    return settle(service, texts, taken, service.reload(), ui) if isinstance(taken, Taken) else taken


def _more(service: Service, talk: Conversation) -> Rendered:
    """What the More button under the last answer (or /latest page) would show."""
    texts = Texts(service)
    if talk.latest_topic is not None:
        offset = talk.latest_offset + LATEST_PAGE
        topic = talk.latest_topic
        if not latest(service.index, topic, limit=1, offset=offset):
            return texts.phrase(talk.latest_lang, "latest_more_none")
        talk.latest_offset = offset
        return texts.latest_text(topic, talk.latest_lang, offset=offset)
    if talk.question is None:
        return texts.phrase(talk.ui, "console_more_first")
    answer = service.further(talk.question, talk.searched_in, shown=talk.shown)
    if not answer.answered:
        return texts.phrase(talk.ui, "more_none")
    talk.shown += [c.doc_id for c in answer.citations if c.doc_id not in talk.shown]
    return render_more(answer, service.renderer, talk.ui)


def chat(service: Service, stdin: TextIO, stdout: TextIO, lang: str = "en") -> int:
    """Read questions until end of input or /quit; print each answer as plain text."""
    interactive = stdin.isatty()
    conversation = Conversation(ui=lang)
    texts = Texts(service)
    stdout.write(texts.start_text("", lang).text + "\n\n")
    stdout.write(texts.phrase(lang, "console_commands").text + "\n")
    while True:
        if interactive:
            stdout.write(PROMPT)
        stdout.flush()
        line = stdin.readline()
        if not line or line.strip() in ("/quit", "/exit"):
            break
        reply = respond(service, line, lang, conversation)
        if reply is not None:
            stdout.write("\n" + reply.text + "\n\n")
    stdout.flush()
    return 0
