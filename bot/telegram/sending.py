"""How replies reach Telegram: HTML split to the 4096-character limit without breaking a tag, links
without previews, and the buttons under the last part only.

Usage::

    await reply_html(update.effective_message, html, markup)      # quotes the question in groups
    await send_html(context.bot, chat_id, html, reply_to=message_id)
"""

from __future__ import annotations

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ParseMode

from pressbot.responses.splitting import split_message

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def reply_html(message: Message, html: str, markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Reply to a message (PTB quotes it in groups, not in private chats); the last message sent."""
    chunks = split_message(html)
    sent = None
    for i, chunk in enumerate(chunks):
        sent = await message.reply_text(chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                        reply_markup=markup if i == len(chunks) - 1 else None)
    return sent


async def send_html(bot: Bot, chat_id: int, html: str, markup: InlineKeyboardMarkup | None = None,
                    reply_to: int | None = None) -> Message | None:
    """Send to a chat, optionally as a reply (still sent if that message is gone); the last message sent."""
    chunks = split_message(html)
    sent = None
    for i, chunk in enumerate(chunks):
        reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to and i == 0 else None
        sent = await bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                      reply_markup=markup if i == len(chunks) - 1 else None,
                                      reply_parameters=reply)
    return sent
