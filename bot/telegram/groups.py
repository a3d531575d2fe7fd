"""Groups: the bot speaks only when spoken to (an @mention, a reply to one of its messages, or a
/command@thebot) and never reacts to the rest of the chatter.

Usage::

    MessageHandler(filters.ChatType.GROUPS & filters.TEXT & ADDRESSED_TO_BOT, group_question)
    question = without_mention(message)
"""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.ext import filters

_ENTITIES: list[str | None] = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION, MessageEntity.BOT_COMMAND]
_MENTION: list[str | None] = [MessageEntity.MENTION]


def _username(message: Message) -> str:
    return (message.get_bot().username or "").lower()


def is_reply_to_bot(message: Message) -> bool:
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == message.get_bot().id)


def mentions_bot(message: Message) -> bool:
    """An @thebot mention, a mention of the bot's account, or a /command@thebot."""
    username = _username(message)
    for entity, text in message.parse_entities(_ENTITIES).items():
        if entity.type == MessageEntity.MENTION and text[1:].lower() == username:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == message.get_bot().id:
            return True
        if entity.type == MessageEntity.BOT_COMMAND and text.partition("@")[2].lower() == username:
            return True
    return False


class AddressedToBot(filters.MessageFilter):
    """Messages meant for this bot (see the module's docstring)."""

    def filter(self, message: Message) -> bool:
        return is_reply_to_bot(message) or mentions_bot(message)


ADDRESSED_TO_BOT = AddressedToBot(name="AddressedToBot")


def without_mention(message: Message) -> str:
    """The message's text with the @thebot mentions taken out: what the person asks."""
    text = message.text or ""
    username = _username(message)
    spans = sorted(((e.offset, e.length) for e, t in message.parse_entities(_MENTION).items()
                    if t[1:].lower() == username), reverse=True)
    if not spans:
        return text.strip()
    # Entity offsets count UTF-16 code units, as Telegram does.
    units = text.encode("utf-16-le")
    for offset, length in spans:
        units = units[: 2 * offset] + units[2 * (offset + length):]
    return " ".join(units.decode("utf-16-le").split())
