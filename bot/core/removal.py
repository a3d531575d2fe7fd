"""/remove ID, shared by Telegram and the console: take a served release's file out of the corpus, reload, and
put the file back as it was when the reload refuses the corpus (e.g. it would be empty). The front ends differ
only in how they reload (Telegram notifies the other admins) and where the file work runs.

Usage::

    taken = take_out(service, texts, "migration-en-1", "en")
    if isinstance(taken, Taken):
        reply = settle(service, texts, taken, service.reload(), "en")
"""

from __future__ import annotations

from dataclasses import dataclass

from pressbot.bot.core.service import ReloadResult, Service
from pressbot.bot.core.texts import Texts, joined
from pressbot.responses.answering import Rendered
from pressbot.retrieval.document import Document
from pressbot.retrieval.drafts import Draft, DraftError, read_release, remove_release, write_release


@dataclass(frozen=True)
class Taken:
    """A release whose file was removed: what is needed to put it back unchanged."""

    doc_id: str
    document: Document
    text: str  # the file as it was, byte for byte (decoded)


def take_out(service: Service, texts: Texts, doc_id: str, lang: str) -> Taken | Rendered:
    """Remove the file of a release the index serves (only ids the index knows: nothing else in the folder is
    touched), atomically; what was taken, or the reply saying why nothing was."""
    document = service.index.documents.get(doc_id)
    if document is None:
        return texts.phrase(lang, "remove_unknown", doc_id=doc_id)
    try:
        text = read_release(doc_id, service.config.corpus)
        remove_release(doc_id, service.config.corpus)
    except (DraftError, OSError, UnicodeDecodeError) as exc:
        return texts.phrase(lang, "remove_problem", reason=str(exc))
    return Taken(doc_id=doc_id, document=document, text=text)


def settle(service: Service, texts: Texts, taken: Taken, result: ReloadResult, lang: str) -> Rendered:
    """The reply after the reload; a reload that failed puts the file back first, so the corpus stays as it was."""
    if not result.ok:
        restored = Draft(doc_id=taken.doc_id, document=taken.document, origin="restored", verbatim=taken.text)
        write_release(restored, service.config.corpus)
        return texts.reload_text(result, lang)
    done = texts.phrase(lang, "remove_done", doc_id=taken.doc_id, title=taken.document.title)
    return joined(done, texts.reload_text(result, lang))
