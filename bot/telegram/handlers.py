"""Telegram handlers, in python-telegram-bot's style: one coroutine per command, the shared Service and
Storage in `context.bot_data`, replies in HTML split to Telegram's message limit.

Private chats: every text is a question, commands as in /help. Groups: only what is addressed to the bot
(see bot/groups.py). Buttons, inline mode, subscriptions and /stats live in modules of their own;
`register` wires them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from telegram import InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatAction, ChatType
from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from pressbot.bot.core.language import DEFAULT as DEFAULT_LANGUAGE
from pressbot.bot.core.language import reply_language, user_language
from pressbot.bot.core.logs import CURRENT_UPDATE, mask_log_text
from pressbot.bot.telegram import buttons, channel, inline, privacy, stats, subscriptions, uploads
from pressbot.bot.telegram.botdata import BotApplication, Context, service_of, storage_of, texts_of
from pressbot.bot.telegram.groups import ADDRESSED_TO_BOT, without_mention
from pressbot.bot.telegram.keyboards import answer_keyboard, latest_keyboard
from pressbot.bot.telegram.reloading import reload_and_notify
from pressbot.bot.telegram.sending import NO_PREVIEW, reply_html
from pressbot.responses.answering import Rendered
from pressbot.responses.render import locale
from pressbot.retrieval.analyzer import detect_language

__all__ = ["NO_PREVIEW", "register", "reload_and_notify", "send", "service_of"]

log = logging.getLogger(__name__)
LOG_TEXT_CHARS = 200  # at DEBUG, a question's masked text is logged cut to this length (never at INFO)
GROUP_COMMANDS = frozenset({"start", "help", "latest", "sources", "privacy", "reload"})  # what works in a group


def user_lang(update: Update) -> str:
    """The user's Telegram language if we speak it, else English."""
    return user_language(update.effective_user)


def log_id(update: Update) -> str:
    """A short id to follow one update through the log."""
    return f"u{update.update_id}"


async def send(message: Message, rendered: Rendered, markup: InlineKeyboardMarkup | None = None) -> None:
    """Reply with HTML, in as many messages as Telegram's 4096-character limit needs."""
    await reply_html(message, rendered.html, markup)


async def start(update: Update, context: Context) -> None:
    if update.effective_message is None:
        return
    user = update.effective_user
    name = user.first_name if user and user.first_name else "there"
    await send(update.effective_message, texts_of(context).start_text(name, user_lang(update)))


async def help_command(update: Update, context: Context) -> None:
    """/help; in a group only the commands that work there (the others say "in a private chat")."""
    if update.effective_message is None:
        return
    service = service_of(context)
    admin = service.is_admin(update.effective_user.id if update.effective_user else None)
    private = update.effective_chat is None or update.effective_chat.type == ChatType.PRIVATE
    help_text = texts_of(context).help_text(user_lang(update), admin, only=None if private else GROUP_COMMANDS)
    await send(update.effective_message, help_text)


async def sources(update: Update, context: Context) -> None:
    if update.effective_message is None:
        return
    await send(update.effective_message, texts_of(context).sources_text(user_lang(update)))


async def latest(update: Update, context: Context) -> None:
    """The newest press releases (on a topic if given), with a More button when there are more."""
    if update.effective_message is None:
        return
    topic = " ".join(context.args or [])
    lang = reply_language(topic, update.effective_user)
    markup = None
    if buttons.has_more_latest(context, topic, 0):
        key = storage_of(context).put_button(buttons.LATEST, buttons.latest_state(topic, lang, 0),
                                             user_id=update.effective_user.id if update.effective_user else None)
        markup = latest_keyboard(key, lang)
    await send(update.effective_message, texts_of(context).latest_text(topic, lang), markup)


async def reload(update: Update, context: Context) -> None:
    """Admins only (checked on every call): rebuild the index on a worker thread, report, then tell
    subscribers about new press releases on their topics (in the background)."""
    message = update.effective_message
    if message is None:
        return
    service = service_of(context)
    lang = user_lang(update)
    user_id = update.effective_user.id if update.effective_user else None
    if not service.is_admin(user_id):
        log.warning("%s: /reload refused for user %s", log_id(update), user_id)
        await send(message, texts_of(context).phrase(lang, "reload_refused"))
        return
    log.info("%s: /reload by admin %s", log_id(update), user_id)
    await send(message, texts_of(context).phrase(lang, "reload_started"))
    texts = texts_of(context)
    await reload_and_notify(context.application, lambda result: send(message, texts.reload_text(result, lang)))



async def answer(message: Message, context: Context, text: str, user: User | None,
                 update_id: int) -> None:
    """Answer a question in the reply language, with Source/More/👍/👎 buttons, and count it for /stats.
    The text as typed is used for answering only: what is stored or logged is masked (bot/core/masking.py),
    and INFO lines carry no text at all. Answering and the SQLite writes run on worker threads, so that one
    question never holds up the other chats (the event loop only sends and receives)."""
    started = time.perf_counter()
    service, storage = service_of(context), storage_of(context)
    if log.isEnabledFor(logging.DEBUG):  # the token redacted before masking, or its secret half would stay
        log.debug("u%s: question %r", update_id,
                  mask_log_text(text, [service.config.telegram.token or ""])[:LOG_TEXT_CHARS])
    with contextlib.suppress(TelegramError):  # "typing…" is cosmetic: its failure must not cost the answer
        await message.reply_chat_action(ChatAction.TYPING)
    lang = reply_language(text, user)
    searched_in = detect_language(text)  # what Service.ask searches in; the reply is in `lang`
    reply = await asyncio.to_thread(service.ask, text, searched_in, lang)
    log.info("u%s: question lang=%s answered=%s evidence=%.2f latency_ms=%.0f citations=%s kind=%s reason=%s",
             update_id, lang, reply.answer.answered, reply.answer.evidence, (time.perf_counter() - started) * 1000,
             [c.doc_id for c in reply.answer.citations], reply.kind, reply.answer.reason)
    if reply.kind != "conversation":  # "thanks" is not an unanswered question for /stats
        await asyncio.to_thread(storage.record_question, text, reply.answer.answered)  # masked by the storage
    markup = None
    if reply.answer.answered:
        key = await asyncio.to_thread(storage.put_button, buttons.ANSWER,
                                      buttons.answer_state(text, searched_in, lang, reply.answer),
                                      user_id=user.id if user else None)
        markup = answer_keyboard(key, len(reply.answer.citations), lang)
    await send(message, reply, markup)


async def question(update: Update, context: Context) -> None:
    """Any text that is not a command, in a private chat, is a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await answer(message, context, message.text, update.effective_user, update.update_id)


async def group_question(update: Update, context: Context) -> None:
    """A group message addressed to the bot: the question is its text without the @mention."""
    message = update.effective_message
    if message is None:
        return
    text = without_mention(message)
    if not text:
        await help_command(update, context)
        return
    await answer(message, context, text, update.effective_user, update.update_id)


async def not_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice and the like: say what the bot reads."""
    if update.effective_message is None:
        return
    await send(update.effective_message, texts_of(context).phrase(user_lang(update), "non_text"))


def known_commands() -> frozenset[str]:
    """The commands /help lists (the same in every language)."""
    t = locale(DEFAULT_LANGUAGE)
    return frozenset([*t["help_commands"], *t["help_admin_commands"]])


async def unknown_command(update: Update, context: Context) -> None:
    """A command no handler took: "unknown command, see /help" in the person's language. One of ours that
    arrives here (e.g. /stats@thebot in a group, where it does not work) gets the help."""
    message = update.effective_message
    if message is None:
        return
    name = (message.text or "/").split(maxsplit=1)[0][1:].split("@", 1)[0].lower()
    if name in known_commands():
        await help_command(update, context)
        return
    await send(message, texts_of(context).phrase(user_lang(update), "unknown_command"))


async def on_error(update: object, context: Context) -> None:
    """Log the error (the formatter redacts the token) and tell the user once; never raise."""
    error = context.error
    where = log_id(update) if isinstance(update, Update) else "-"
    if isinstance(error, Forbidden):
        log.info("%s: the user blocked the bot; nothing to send", where)
        return
    log.error("%s: error while handling an update", where, exc_info=error)
    if not isinstance(update, Update) or update.effective_message is None:
        return
    try:
        await send(update.effective_message, texts_of(context).phrase(user_lang(update), "error"))
    except TelegramError:
        log.warning("%s: could not send the error notice either", where)


async def mark_update(update: Update, context: Context) -> None:
    """Every log line written while this update is handled names it (bot/logs.py)."""
    CURRENT_UPDATE.set(log_id(update))


def register(application: BotApplication) -> BotApplication:
    """Add pressbot's handlers to an Application (its bot_data must hold the Service and the Storage)."""
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    message = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("sources", sources))
    application.add_handler(CommandHandler("latest", latest))
    application.add_handler(CommandHandler("reload", reload))
    application.add_handler(CommandHandler("subscribe", subscriptions.subscribe))
    application.add_handler(CommandHandler("unsubscribe", subscriptions.unsubscribe))
    application.add_handler(CommandHandler("subscriptions", subscriptions.subscriptions))
    application.add_handler(CommandHandler("stats", stats.stats, filters=private))
    application.add_handler(CommandHandler("privacy", privacy.privacy))
    application.add_handler(CommandHandler("forget", privacy.forget, filters=private))
    application.add_handler(CallbackQueryHandler(privacy.on_forget_press, pattern=privacy.FORGET_PATTERN))
    application.add_handler(CommandHandler("add", uploads.add_command, filters=private))
    application.add_handler(CommandHandler("remove", uploads.remove_command, filters=private))
    application.add_handler(CallbackQueryHandler(uploads.on_press, pattern=uploads.BUTTON_DATA))
    application.add_handler(CallbackQueryHandler(buttons.on_press))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    # An admin's file or forwarded post is a press release to add (bot/telegram/uploads.py), not a question.
    uploaded = private & message & uploads.admin_filter(application) & (filters.Document.ALL | filters.FORWARDED)
    application.add_handler(MessageHandler(uploaded, uploads.upload))
    application.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POSTS, channel.channel_post))
    application.add_handler(MessageHandler(private & message & filters.TEXT & ~filters.COMMAND, question))
    application.add_handler(MessageHandler(groups & message & filters.TEXT & ~filters.COMMAND & ADDRESSED_TO_BOT,
                                           group_question))
    # Unknown commands: say so in private; in a group only when addressed to us (/foo@thebot).
    application.add_handler(MessageHandler(message & filters.COMMAND & (private | ADDRESSED_TO_BOT),
                                           unknown_command))
    application.add_handler(MessageHandler(private & message & ~filters.TEXT & ~filters.StatusUpdate.ALL, not_text))
    application.add_handler(TypeHandler(Update, mark_update), group=-1)  # before all others
    application.add_error_handler(on_error)
    return application
