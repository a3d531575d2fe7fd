"""Every command's text in both renderings (/start, /help, /sources, /latest, /reload's report, the short
phrases), for the agency the service is serving. Kept apart from the Service, which serves the index and
answers questions, so that wording changes and serving changes live in different rooms.

Usage::

    texts = Texts(service)
    texts.help_text("en", admin=False).html
    texts.phrase("az", "unknown_command").text
"""

from __future__ import annotations

from collections import Counter

from pressbot.bot.core.service import ReloadResult, Service
from pressbot.responses.answering import Rendered
from pressbot.retrieval.latest import latest_entries

LATEST_PAGE = 5
RELOAD_PROBLEMS_SHOWN = 20


class Texts:
    """Command texts rendered for the served corpus's agency; reads the service at every call, so that a
    reload's new profile and index show at once."""

    def __init__(self, service: Service) -> None:
        self.service = service

    def _both(self, template: str, lang: str, **context: object) -> Rendered:
        renderer = self.service.renderer  # one read: both renderings speak for the same agency across a reload
        return Rendered(html=renderer.render(template, "html", lang, **context),
                        text=renderer.render(template, "text", lang, **context))

    def start_text(self, name: str, lang: str) -> Rendered:
        return self._both("start", lang, name=name)

    def help_text(self, lang: str, admin: bool, only: frozenset[str] | None = None) -> Rendered:
        """/help; `only` keeps just those commands (names without the slash), for a front end that lacks some."""
        return self._both("help", lang, admin=admin, only=only)

    def sources_text(self, lang: str) -> Rendered:
        index = self.service.index
        docs = list(index.documents.values())
        dates = sorted(d.date for d in docs if d.date)
        publishers = Counter(d.source or "—" for d in docs).most_common()
        languages = [f"{lang_}: {n}" for lang_, n in sorted(Counter(d.lang for d in docs).items())]
        return self._both("sources", lang, documents=len(docs), passages=len(index), languages=languages,
                          first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                          publishers=publishers)

    def latest_text(self, topic: str, lang: str, offset: int = 0) -> Rendered:
        entries = latest_entries(self.service.index, topic, limit=LATEST_PAGE, offset=offset)
        return self._both("latest", lang, entries=entries, topic=topic.strip(), offset=offset)

    def phrase(self, lang: str, key: str, **values: object) -> Rendered:
        renderer = self.service.renderer
        return Rendered(html=renderer.phrase("html", lang, key, **values),
                        text=renderer.phrase("text", lang, key, **values))

    def reload_text(self, result: ReloadResult, lang: str) -> Rendered:
        if not result.ok:
            return self._both("reload_failed", lang, problems=[str(p) for p in result.problems],
                              limit=RELOAD_PROBLEMS_SHOWN)
        if not result.changed:
            return self.phrase(lang, "reload_unchanged", documents=result.documents)
        return self.phrase(lang, "reload_done", documents=result.documents, passages=result.passages,
                           old_documents=result.old_documents, seconds=f"{result.seconds:.2f}")


def joined(*parts: Rendered, separator: str = "\n") -> Rendered:
    """Several replies as one message, in both renderings."""
    return Rendered(html=separator.join(p.html for p in parts), text=separator.join(p.text for p in parts))
