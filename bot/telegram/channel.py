"""The agency's own Telegram channel as a source of press releases.

With `ingest.channel` configured (@username or numeric id) and the bot an administrator of that channel,
Telegram sends the bot every post (`channel_post`) and every edit (`edited_channel_post`). Each post with
text (or a caption) becomes a release: url ``https://t.me/<channel>/<post id>``, date the post's (in the
press office's time zone: `time_zone` in agency.yaml, UTC without it), language detected, title its first
line, source the channel's title; an edit replaces the release with the same url. The corpus file is
written atomically and the bot reloads (as /reload does, subscribers included), so the post is answerable
at once, without a restart. Posts of any other channel, and posts without text (a sticker, a photo), are
ignored with a log line; nothing is ever sent to the channel.

Usage::

    application.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POSTS, channel_post))
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import datetime

from telegram import Chat, Message, Update

from pressbot.bot.core.service import Service
from pressbot.bot.telegram.botdata import Context, service_of
from pressbot.bot.telegram.reloading import reload_and_notify
from pressbot.retrieval.agency import Profile, zone_of
from pressbot.retrieval.corpus import corpus_files
from pressbot.retrieval.drafts import (
    CorpusSnapshot,
    Draft,
    DraftError,
    draft_of_file,
    remove_release,
    replacing,
    write_release,
)

log = logging.getLogger(__name__)
ORIGIN = "Telegram channel post"
AS_FILE = "channel-post.txt"  # a post's text is read as raw text is: first line the title, a date line, footers
CHANNEL_ID_PREFIX = "-100"  # Bot API ids of channels; t.me/c/ links use the rest


def is_configured(chat: Chat, channel: str | None) -> bool:
    """Whether a chat is the configured channel (@username, any case, or its numeric id)."""
    if not channel:
        return False
    if channel.startswith("@"):
        return (chat.username or "").casefold() == channel[1:].casefold()
    return str(chat.id) == channel


def local_date(moment: datetime, profile: Profile | None) -> str:
    """A Telegram date (UTC) as the press office's calendar date: in its profile's time zone, else UTC."""
    return moment.astimezone(zone_of(profile)).date().isoformat()


def post_url(chat: Chat, message_id: int) -> str:
    """The post's public link: t.me/<username>/<id>, or t.me/c/<id>/<id> for a channel without a username."""
    if chat.username:
        return f"https://t.me/{chat.username}/{message_id}"
    return f"https://t.me/c/{str(chat.id).removeprefix(CHANNEL_ID_PREFIX).lstrip('-')}/{message_id}"


def released_as(service: Service, url: str) -> str | None:
    """The id of the served release published at this url."""
    return next((d.id for d in service.index.documents.values() if d.url == url), None)


def corpus_snapshot(service: Service, cached: tuple[str, CorpusSnapshot] | None) -> CorpusSnapshot:
    """The corpus's ids, urls and texts: the cached snapshot while the served index is the one it was noted
    against, else read afresh; the file names are always listed again (cheap), so a new id never collides."""
    corpus = service.config.corpus
    snapshot = cached[1] if cached and cached[0] == service.served.fingerprint else CorpusSnapshot.read(corpus)
    snapshot.ids.update(path.stem for path in corpus_files(corpus))
    return snapshot


def post_draft(post: Message, service: Service, snapshot: CorpusSnapshot) -> Draft | None:
    """The release a post stands for, under the id of the release it edits if there is one; None (logged)
    for a post with nothing to add."""
    text = post.text or post.caption
    if not text or not text.strip():
        log.info("channel post %s has no text (a sticker, a photo …): ignored", post.message_id)
        return None
    url = post_url(post.chat, post.message_id)
    draft = draft_of_file(text.encode("utf-8"), AS_FILE, snapshot, url=url,
                          date=local_date(post.date, service.served.profile), source=post.chat.title)
    draft = replace(draft, origin=ORIGIN)
    existing = released_as(service, url)
    if existing is not None:  # an edit: same file, new text
        return replacing(draft, existing)
    duplicate = snapshot.duplicate(draft.document)
    if duplicate is not None:
        log.info("channel post %s repeats the release %s (same %s): not added", post.message_id, *duplicate)
        return None
    return draft


async def channel_post(update: Update, context: Context) -> None:
    """A post or an edited post in a channel: from the configured channel, write it and reload."""
    post = update.channel_post or update.edited_channel_post
    if post is None:
        return
    service = service_of(context)
    if not is_configured(post.chat, service.config.ingest.channel):
        log.info("post %s from channel %s, which is not ingest.channel: ignored", post.message_id, post.chat.id)
        return
    try:
        snapshot = await asyncio.to_thread(corpus_snapshot, service, context.bot_data.channel_snapshot)
        draft = await asyncio.to_thread(post_draft, post, service, snapshot)
        if draft is None:
            return
        existing = draft.doc_id in service.index.documents
        path = await asyncio.to_thread(write_release, draft, service.config.corpus, replace=existing)
    except DraftError as exc:
        log.warning("channel post %s not added: %s", post.message_id, exc)
        return
    log.info("channel post %s %s as %s", post.message_id, "replaced" if existing else "added", path)
    result = await reload_and_notify(context.application)
    if result.ok:
        snapshot.note(draft.document, draft.doc_id)
        context.bot_data.channel_snapshot = (service.served.fingerprint, snapshot)
    if not result.ok and not existing:  # never leave a file the index refuses; an edit keeps its file
        remove_release(draft.doc_id, service.config.corpus)
        log.warning("channel post %s broke the corpus and was taken out again: %s", post.message_id,
                    "; ".join(str(p) for p in result.problems))
