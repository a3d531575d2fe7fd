"""Telegram handlers, in python-telegram-bot's style: one coroutine per command, the shared Service in
`context.bot_data["service"]`, replies in HTML split to Telegram's message limit.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import LinkPreviewOptions, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot.service import Rendered, Service
from responses.splitting import split_message
from retrieval.analyzer import LANGUAGES, detect_language

log = logging.getLogger(__name__)
SERVICE = "service"
LOG_TEXT_CHARS = 200  # questions are logged at INFO, cut to this length
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def service_of(context: ContextTypes.DEFAULT_TYPE) -> Service:
    service: Service = context.bot_data[SERVICE]
    return service


def user_lang(update: Update) -> str:
    """The user's Telegram language if we speak it, else English."""
    user = update.effective_user
    code = (user.language_code or "").split("-")[0].lower() if user else ""
    return code if code in LANGUAGES else "en"


def log_id(update: Update) -> str:
    """A short id to follow one update through the log."""
    return f"u{update.update_id}"


async def send(message: Message, rendered: Rendered) -> None:
    """Reply with HTML, in as many messages as Telegram's 4096-character limit needs."""
    for chunk in split_message(rendered.html):
        await message.reply_text(chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is None:
        return
    user = update.effective_user
    name = user.first_name if user and user.first_name else "there"
    await send(update.effective_message, service_of(context).start_text(name, user_lang(update)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is None:
        return
    service = service_of(context)
    admin = service.is_admin(update.effective_user.id if update.effective_user else None)
    await send(update.effective_message, service.help_text(user_lang(update), admin))


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is None:
        return
    await send(update.effective_message, service_of(context).sources_text(user_lang(update)))


async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is None:
        return
    topic = " ".join(context.args or [])
    lang = detect_language(topic) if topic.strip() else user_lang(update)
    await send(update.effective_message, service_of(context).latest_text(topic, lang))


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins only (checked on every call): rebuild the index on a worker thread, then report."""
    message = update.effective_message
    if message is None:
        return
    service = service_of(context)
    lang = user_lang(update)
    user_id = update.effective_user.id if update.effective_user else None
    if not service.is_admin(user_id):
        log.warning("%s: /reload refused for user %s", log_id(update), user_id)
        await send(message, service.phrase(lang, "reload_refused"))
        return
    log.info("%s: /reload by admin %s", log_id(update), user_id)
    await send(message, service.phrase(lang, "reload_started"))
    result = await asyncio.to_thread(service.reload)
    await send(message, service.reload_text(result, lang))


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any text that is not a command is a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text
    log.info("%s: question from chat %s: %r", log_id(update), message.chat_id, text[:LOG_TEXT_CHARS])
    await message.reply_chat_action(ChatAction.TYPING)
    reply = service_of(context).ask(text)
    log.info("%s: answered=%s citations=%s", log_id(update), reply.answer.answered,
             [c.doc_id for c in reply.answer.citations])
    await send(message, Rendered(html=reply.html, text=reply.text))


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice and the like: say what the bot reads."""
    if update.effective_message is None:
        return
    await send(update.effective_message, service_of(context).phrase(user_lang(update), "non_text"))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
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
        await send(update.effective_message, service_of(context).phrase(user_lang(update), "error"))
    except TelegramError:
        log.warning("%s: could not send the error notice either", where)


def register(application: Application) -> Application:  # type: ignore[type-arg]
    """Add pressbot's handlers to an Application (its bot_data must hold the Service)."""
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("sources", sources))
    application.add_handler(CommandHandler("latest", latest))
    application.add_handler(CommandHandler("reload", reload))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                                           question))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND, help_command))
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                                           not_text))
    application.add_error_handler(on_error)
    return application
