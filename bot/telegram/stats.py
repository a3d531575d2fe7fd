"""/stats for admins: how many questions, how many answered, what people ask that the press releases do
not answer (the press releases that are missing), and the 👍/👎 counts. "Today" is the press office's day
(`time_zone` in agency.yaml, UTC without it, as for the dates of channel posts), not the server's.

Usage::

    application.add_handler(CommandHandler("stats", stats))
"""

from __future__ import annotations

import logging

from telegram import Update

from pressbot.bot.core.language import user_language
from pressbot.bot.telegram.botdata import Context, service_of, storage_of, texts_of
from pressbot.bot.telegram.sending import reply_html
from pressbot.retrieval.agency import zone_of

log = logging.getLogger(__name__)


async def stats(update: Update, context: Context) -> None:
    """Admins only, checked on every call."""
    message = update.effective_message
    if message is None:
        return
    service = service_of(context)
    lang = user_language(update.effective_user)
    user_id = update.effective_user.id if update.effective_user else None
    if not service.is_admin(user_id):
        log.warning("u%s: /stats refused for user %s", update.update_id, user_id)
        await reply_html(message, texts_of(context).phrase(lang, "admin_only").html)
        return
    profile = service.served.profile
    figures = storage_of(context).stats(zone=zone_of(profile))
    await reply_html(message, service.renderer.render("stats", "html", lang, stats=figures,
                                                      share=figures.answered_share))
