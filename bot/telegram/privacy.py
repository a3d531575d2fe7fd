"""What people tell the bot is not kept: the daily retention job, /privacy (what is stored, for how long,
who sees it, how to delete it) and /forget (with a confirmation button, deletes everything stored about the
person, subscriptions included).

Retention runs at start-up (`post_init`) and then once a day on PTB's JobQueue; it deletes questions,
feedback, button state and notice records older than `privacy.retention_days`. A button older than that
also answers "expired" between two runs (bot/telegram/buttons.py asks Storage for newer buttons only).

Usage::

    purge_expired(storage, config.privacy.retention_days)         # what post_init does
    schedule_retention(application)                                # then daily
    application.add_handler(CommandHandler("forget", forget))
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from pressbot.bot.core.language import user_language
from pressbot.bot.core.storage import Storage, retention_start
from pressbot.bot.telegram.botdata import (
    BotApplication,
    Context,
    app_service,
    app_storage,
    service_of,
    storage_of,
    texts_of,
)
from pressbot.bot.telegram.buttons import acknowledge
from pressbot.bot.telegram.sending import reply_html
from pressbot.responses.render import locale

log = logging.getLogger(__name__)
RETENTION_JOB = "privacy_retention"
DAY_SECONDS = 86_400
FORGET_YES, FORGET_NO = "forget:yes", "forget:no"
FORGET_PATTERN = r"^forget:(yes|no)$"


def purge_expired(storage: Storage, days: int, now: float | None = None) -> int:
    """Delete what is past the retention period; the number of rows deleted (logged per table)."""
    deleted = storage.purge(retention_start(days, now))
    total = sum(deleted.values())
    if total:
        log.info("retention: deleted %s older than %d days", deleted, days)
    return total


async def retention_job(context: Context) -> None:
    """The JobQueue callback: one purge, with the configured retention."""
    purge_expired(storage_of(context), service_of(context).config.privacy.retention_days)


def retention_days_of(application: BotApplication) -> int:
    days: int = app_service(application).config.privacy.retention_days
    return days


def schedule_retention(application: BotApplication) -> None:
    """Purge now, then every day while the bot runs (PTB's JobQueue)."""
    storage = app_storage(application)
    purge_expired(storage, retention_days_of(application))
    if application.job_queue is None:  # python-telegram-bot without its job-queue extra
        log.warning("no JobQueue: stored data is purged at start-up only")
        return
    for job in application.job_queue.get_jobs_by_name(RETENTION_JOB):
        job.schedule_removal()
    application.job_queue.run_repeating(retention_job, interval=DAY_SECONDS, first=DAY_SECONDS, name=RETENTION_JOB)


async def privacy(update: Update, context: Context) -> None:
    """/privacy: what is kept, for how long, who sees it, how to delete it, in the person's language."""
    if update.effective_message is None:
        return
    service = service_of(context)
    html = service.renderer.render("privacy", "html", user_language(update.effective_user),
                                   days=service.config.privacy.retention_days)
    await reply_html(update.effective_message, html)


def forget_keyboard(lang: str) -> InlineKeyboardMarkup:
    t = locale(lang)
    return InlineKeyboardMarkup([[InlineKeyboardButton(t["forget_yes"], callback_data=FORGET_YES),
                                  InlineKeyboardButton(t["forget_no"], callback_data=FORGET_NO)]])


async def forget(update: Update, context: Context) -> None:
    """/forget: ask first; the button deletes."""
    if update.effective_message is None:
        return
    lang = user_language(update.effective_user)
    await reply_html(update.effective_message, texts_of(context).phrase(lang, "forget_confirm").html,
                     forget_keyboard(lang))


async def on_forget_press(update: Update, context: Context) -> None:
    """Yes: delete everything stored about the person who pressed (never anyone else); No: nothing."""
    query = update.callback_query
    if query is None:
        return
    lang = user_language(query.from_user)
    if query.data == FORGET_YES:
        deleted = storage_of(context).forget_user(query.from_user.id)
        log.info("u%s: /forget deleted %s", update.update_id, deleted)
        text = texts_of(context).phrase(lang, "forget_done", count=sum(deleted.values())).text
    else:
        text = texts_of(context).phrase(lang, "forget_cancelled").text
    await acknowledge(query, text, alert=True)
    if query.message is not None:
        await context.bot.send_message(query.message.chat.id, text)
