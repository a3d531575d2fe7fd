"""The one question → reply path, shared by every front end: the Telegram reply, its More button and inline
mode, the console chat, `pressbot ask` and `pressbot eval`. A question is analyzed once (`analyze`: its
language, terms, search plan and term weights); the hits, the answer and its rendering all come from that one
analysis, so that a change to answering is made here once.

Usage::

    reply = answer_question(index, "Who met the IOM Director General?", Renderer())
    print(reply.text)
    more = further(index, analyze(index, "Who met the IOM Director General?"), settings, shown={"doc-1"})
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pressbot.responses.composer import _YEAR, Answer, ComposerSettings, _terms, compose
from pressbot.responses.conversation import Turn, has_content, recognize
from pressbot.responses.decision import (
    TOPIC,
    Asked,
    checked,
    cue_terms,
    kind_share,
    light_terms,
    light_words,
    named,
    own_cue,
    topic_share,
)
from pressbot.responses.own_case import own_case
from pressbot.responses.render import Renderer, locale
from pressbot.responses.series import Numbered, carried, carries, numbered_names, numbers_other
from pressbot.retrieval import Hit, Index
from pressbot.retrieval.analyzer import detect_language, question_terms
from pressbot.retrieval.glossary import Query

HITS = 10  # INTERFACE.md: `hits` are the retriever's top 10 passages
# An answer from the question's own wording whose evidence is below WEAK gives way to one found through the
# vocabulary in a language with more releases when that one's evidence is at least CLEARER higher (citizen-dev
# R@3 0.731 -> 0.750, fact 0.556 -> 0.574 at 0.6 / 0.3; 0.750 -> 0.769, fact 0.667 -> 0.685 at 0.7 / 0.1, the
# sweep's best without a loss on either set; qa-dev unchanged). With the releases' vocabulary (glossary.yaml),
# CLEARER 0.1 -> 0.15 keeps one more own-language answer that was right (citizen-dev fact 0.741 -> 0.750; the
# same at 0.12, R@3 0.843 -> 0.824 at 0.2; qa-dev and xling-dev unchanged).
WEAK = 0.7
CLEARER = 0.15
# Besides the corpus's main language (the most passages), the fallback searches only a language with at least
# LARGER times the question's language's passages: a collection as small as the question's own (26 az vs 25 ru
# passages) is no likelier to hold what it lacks, and answering "часы работы гмс в субботу" from an Azerbaijani
# page of another ministry's hours was the result (citizen-dev declined 0.893 -> 0.929, nothing else moved on
# the four dev sets; any factor from 1.1 to 19 gives the same there).
LARGER = 2.0
POOL = 30  # passages searched for further results (More, inline mode): several per press release
# A source whose retrieved passages do not state the kind of fact asked for is read on into the FOLLOWING passages
# after each retrieved one (composer._read_on): the fact often sits in the paragraph after the lead that matched.
FOLLOWING = 2


@dataclass(frozen=True)
class Rendered:
    """A reply in Telegram HTML and in plain text: what every front end sends or prints."""

    html: str
    text: str


@dataclass(frozen=True)
class Analysis:
    """A question analyzed once, in one language: its terms as asked, the search plan (the vocabulary's other
    names expanded) and the idf weight of each term; the hits and the answer are both computed from it."""

    question: str
    lang: str
    terms: list[str]
    plan: Query
    weights: dict[str, float]


@dataclass(frozen=True)
class Reply(Rendered):
    """An answer with its two renderings."""

    answer: Answer
    # "corpus" (quotes, or the abstention) or "conversation" (a greeting, thanks, "more", no content word).
    kind: str = "corpus"
    # The language of the releases quoted when none in the question's language answered (cross-language).
    found_in: str | None = None


def named_passages(index: Index, hits: Sequence[Hit], question: str, lang: str,
                   series: tuple[Numbered, ...] | None = None) -> list[Hit]:
    """All the passages of a release found whose title carries a numbered name the question says ("Migration School
    6", series.py), but those found: the question is about that release, and what it asks may be anywhere in it.
    `series`: the names as the releases searched write them (`series_in`), by default as the question says them."""
    series = numbered_names(question, lang) if series is None else series
    docs = dict.fromkeys(h.doc_id for h in hits if series and carries(series, h.title, h.lang))
    if series and not docs:  # none titled with it: a release whose passages found write it (composer._named_first)
        docs = dict.fromkeys(h.doc_id for h in hits if carries(series, h.text, h.lang)
                             and not numbers_other(series, h.title, h.lang))
    return _unfound_passages(index, hits, docs)


def _unfound_passages(index: Index, hits: Sequence[Hit], docs: Iterable[str],
                      keep: Callable[[Hit], bool] = lambda _: True) -> list[Hit]:
    """The passages of these releases that the search did not find (`hits`) and `keep` accepts, in order."""
    found = {(h.doc_id, h.position) for h in hits}
    return [p for doc in docs for p in index.passages_of(doc) if (p.doc_id, p.position) not in found and keep(p)]


def dated_passages(index: Index, hits: Sequence[Hit], question: str) -> list[Hit]:
    """The passages of the releases found, other than those found, that write a year the question names: a release
    is of the year asked when any of its passages says so ("In 2017 …" in its lead, the question matching a later
    paragraph), which the composer's year check (composer.on_years) cannot see in the passages found alone.
    Empty when the question names no year."""
    years = set(_YEAR.findall(question))
    if not years:
        return []
    return _unfound_passages(index, hits, dict.fromkeys(h.doc_id for h in hits),
                             lambda p: bool(years.intersection(_YEAR.findall(p.text))))


def analyze(index: Index, question: str, lang: str | None = None) -> Analysis:
    """The question analyzed once, in `lang` or the language it shows (what `Index.query` and
    `Index.term_weights` would give, computed a single time)."""
    lang = lang or detect_language(question)
    terms = question_terms(question, lang)
    plan = index.glossary.expand(terms, lang)  # Index.query's plan, from the terms already analyzed
    return Analysis(question=question, lang=lang, terms=terms, plan=plan, weights=index.term_weights(plan.said))


def answer_question(index: Index, question: str, renderer: Renderer,
                    settings: ComposerSettings = ComposerSettings(), lang: str | None = None,
                    ui: str | None = None, mine: Mapping[str, tuple[str, ...]] | None = None) -> Reply:
    """Search, compose and render: the one path every front end uses. Conversation words and messages with
    no content word get a conversation reply (conversation.py), never quotes. `ui`: the language to reply
    in when the person's differs from the question's (e.g. a name typed by someone whose Telegram speaks
    Azerbaijani); the search keeps the question's. `mine`: the agency's phrases for a person's own application
    (its profile's `own_case`), recognized with the generic ones (own_case.py)."""
    turn = recognize(question)
    asked = analyze(index, question, lang)
    if turn is None and not has_content(asked.terms):
        turn = Turn("empty", None)
    if turn is not None:
        return conversation_reply(question, turn, renderer, turn.lang or asked.lang)
    case = own_case(question, mine)
    if case is not None:  # no release can tell how one person's application stands
        return own_case_reply(question, renderer, ui or case)
    lang = asked.lang
    hits = index.search(question, k=HITS, lang=lang, plan=asked.plan)
    answer = compose(question, hits, asked.weights, lang, settings, asked.plan, unknown(index, asked.weights),
                     [*index.following(hits, FOLLOWING), *named_passages(index, hits, question, lang)],
                     dated=dated_passages(index, hits, question))
    own = Asked(asked.plan, asked.weights, own_cue(question, lang), light_terms(question, lang))
    answer = checked(index, answer, own)
    weakly, unnamed = weak(answer, own), not names_series(index, answer, question, lang)
    if weakly or unnamed:
        other = across_languages(index, question, lang, settings, any_size=lacks_year(answer, question),
                                 cognates=not answer.answered, places=places_unanswered(index, asked, answer))
        # A weak answer gives way to a better one; an answer that never says the numbered name asked only to one that
        # says it (names_series), not to any other language's answer.
        if other is not None and ((weakly and prefers_other(index, answer, own, other))
                                  or (unnamed and answer.answered and names_series(index, other, question, lang))):
            answer = other
    if ui is not None and ui != lang:  # the question did not show the person's language: reply in theirs
        return render_answer(replace(answer, lang=ui), renderer)
    return framed(render_answer(answer, renderer), renderer)


def further(index: Index, asked: Analysis, settings: ComposerSettings, shown: Collection[str] = (),
            limit: int | None = None, sentences: int | None = None, min_coverage: float | None = None) -> Answer:
    """Results beyond the answer (the More button, inline mode): up to `limit` press releases not in `shown`,
    each quoted exactly as answers quote; answered=False when none covers enough.

    Every source must cover `settings.source_coverage` of the question, as a second source of an answer
    must (the first one `min_coverage`, by default the same); unlike in an answer, it need not score near
    the best one, which was already shown.
    """
    hits = [h for h in index.search(asked.question, k=POOL, lang=asked.lang, plan=asked.plan) if h.doc_id not in shown]
    relaxed = replace(settings, max_sources=limit or settings.max_sources, relative_score=0.0,
                      min_coverage=settings.source_coverage if min_coverage is None else min_coverage,
                      sentences_per_source=sentences or settings.sentences_per_source)
    return compose(asked.question, hits, asked.weights, asked.lang, relaxed, asked.plan,
                   dated=dated_passages(index, hits, asked.question))


def render_more(answer: Answer, renderer: Renderer, ui: str) -> Rendered:
    """Both renderings of further results (the More button, the console's /more)."""
    context: dict[str, Any] = {"quotes": answer.quotes, "citations": answer.citations, "query": answer.query}
    return Rendered(html=renderer.render("more", "html", ui, **context),
                    text=renderer.render("more", "text", ui, **context))


def across_languages(index: Index, question: str, lang: str, settings: ComposerSettings,
                     any_size: bool = False, cognates: bool = False,
                     places: frozenset[int] = frozenset()) -> Answer | None:
    """When no release answers a question as asked (or only weakly), search the corpus's main language and each
    other language with at least LARGER times the passages of the question's (the most used first) with the
    vocabulary's names in that language: the first answer found, quoted verbatim from its releases, or None.
    `any_size`: every other language, whatever its size (the question's own lacks the answer: `lacks_year`).
    `cognates`: a word the vocabulary does not translate is also read as the English term it is the loanword of
    (Index.translate): only when the question's own language has no answer, which a loanword's guess never beats.
    `places`: the places the question names when its own language has no answer (`places_unanswered`): a language
    of releases placed at one of them or inside one (Index.languages_at) that is not searched for its size is
    searched too, for those releases only (the Yekaterinburg consulate's Russian pages for a question about
    Russia in Azerbaijani, not any Russian release that mentions Russia)."""
    languages = index.languages
    counts = index.language_counts
    # Only towards languages with many more releases: the larger collection may hold what the smaller lacks.
    larger = [t for t in languages[: languages.index(lang) if lang in languages else len(languages)]
              if t == languages[0] or counts.get(t, 0) >= LARGER * counts.get(lang, 0)]
    placed = index.languages_at(places) if places else ()
    for target in [t for t in languages if t != lang and (any_size or t in larger or t in placed)]:
        only_placed = not any_size and target not in larger
        plan, translated = index.translate(question, lang, target, cognates)
        if not translated:
            continue
        # ranked with each name the question said in several words weighed as the name saying it whole there
        # ("qaçqın statusu" as "refugee status", not "refugee"); answered and checked with the plan as translated
        ranking = index.translate(question, lang, target, cognates, whole=True)[0]
        if only_placed:
            hits = [h for h in index.search_in(ranking, target, k=POOL) if index.placed_within(h.source, places)][:HITS]
        else:
            hits = index.search_in(ranking, target, k=HITS)
        searched = searched_in(index, question, lang, target, plan)
        weights = searched.weights
        series = series_in(index, question, lang, target)
        answer = compose(question, hits, weights, lang, settings, plan, unknown(index, weights),
                         [*index.following(hits, FOLLOWING), *named_passages(index, hits, question, lang, series)],
                         series, dated_passages(index, hits, question))
        answer = checked(index, answer, searched, source_lang=target)
        if answer.answered and (not only_placed or beyond_places(index, answer, hits, plan, target)):
            return answer
    return None


def beyond_places(index: Index, answer: Answer, hits: Sequence[Hit], plan: Query, target: str) -> bool:
    """Whether an answer from releases searched for their place (across_languages) covers the question clearly.
    One asking for a kind of fact ("is it free", "how many days") is judged by that kind's checks: a quoted line
    states it about the topic (decision.checked). One asking for none (a yes/no question, "what about X") has only
    its words to go by: its evidence, with the question's places that its best release's passages found do not
    write counted as held (the release speaks for them), must reach WEAK, the evidence an own-language answer must
    reach to stand. The release's place answers for the place; its text must answer the rest: the Batumi
    consulate's consular registration page (it even writes Georgia) is no answer to "do azerbaijanis need a visa
    for georgia", which it never says a word of visas to."""
    if cue_terms(answer.query, answer.lang)[0] is not None:
        return True
    concepts = index.concept_weights(plan)
    total = sum(w for _, w in concepts if w > 0)
    if not hits or not total:
        return False
    written = _terms("\n".join([hits[0].title, *(h.text for h in hits if h.doc_id == hits[0].doc_id)]), target)
    unwritten = sum(w for c, w in concepts if w > 0 and index.glossary.places_named(c.said, target)
                    and not named(c, written))
    return answer.evidence + unwritten / total >= WEAK


def places_unanswered(index: Index, asked: Analysis, own: Answer) -> frozenset[int]:
    """The places a question names (the home left out: places.py) when its own language has no answer: the
    releases placed there are searched in their languages, whatever their size (across_languages). "rusiyada
    pasportumu itirmisem, vetene nece qayidim" is answered by the Yekaterinburg consulate's Russian page, and a
    language as small as the question's is otherwise never searched. None when the own language answers: an
    answer in the language the person wrote in is never replaced for this."""
    if own.answered:
        return frozenset()
    return index.glossary.places_named(asked.plan.said, asked.lang)


def series_in(index: Index, question: str, lang: str, target: str) -> tuple[Numbered, ...]:
    """The numbered names a question says ("Miqrasiya məktəbi 6") as releases in `target` write them: each name's
    word by the vocabulary's names for it in `target` ("school"), the figure kept (series.carried)."""
    def names(word: str) -> list[tuple[str, ...]]:
        return [terms for concept in index.translate(word, lang, target)[0].concepts for terms in concept.alternatives]
    return carried(numbered_names(question, lang), names)


def searched_in(index: Index, question: str, lang: str, target: str, plan: Query | None = None) -> Asked:
    """A question as the cross-language path searches it in `target`: its concepts through the vocabulary's names
    in `target` (`plan`, when the caller has already translated it), their idf weights, and the words asking for
    the kind in `target` ("telefon" is searched as "phone")."""
    if plan is None:
        plan, _ = index.translate(question, lang, target)
    cue = frozenset(index.translate(cue_terms(question, lang)[1], lang, target)[0].terms)
    light = " ".join(light_words(question, lang))
    return Asked(plan, index.term_weights(plan.terms), cue,
                 frozenset(index.translate(light, lang, target)[0].terms) if light else frozenset())


def weak(answer: Answer, asked_: Asked) -> bool:
    """Whether the question's own-language answer is weak enough to look for one in another language: there is
    none, its evidence is below WEAK, or its line stating the kind asked for names less than TOPIC of the question's
    topic by itself (about_topic kept it for its release's title or other quotes)."""
    if not answer.answered or answer.evidence < WEAK:
        return True
    share = kind_share(answer, asked_)
    return share is not None and share < TOPIC


def prefers_other(index: Index, own: Answer, asked_: Asked, other: Answer) -> bool:
    """Whether the other language's answer replaces the question's own-language one.

    Always when the own language has none, except when its reply is "not stated" (a release in the question's
    language is about the topic but does not state the kind): then the other's line stating the kind must itself
    name at least TOPIC of the topic (not only with its release's title), or its evidence be at least CLEARER higher,
    or that release be only the closest one, naming less of the topic than the other's (`about_more`).
    When both state the kind asked for, each side's line stating it is read with the question as searched in its
    language (kind_share): an own line naming as much of the question's topic keeps its answer, whatever the
    evidence (the other releases holding more of the question's words, often only the verb asking for the kind, is
    no reason to answer from a language the person did not write in); a line naming more replaces it when its
    evidence is at least CLEARER higher, or when the own line names less than TOPIC of the topic and the other's at
    least that. When no kind is asked, the evidence alone decides (CLEARER higher)."""
    clearer = other.evidence >= own.evidence + CLEARER
    target = found_in(other)
    if not own.answered and own.missing is not None and target is not None:
        # The own language has a release about the topic that does not state the kind (the "not stated" reply):
        # the other's line stating it must name the topic itself, or its evidence be clearly higher.
        searched = searched_in(index, own.query, own.lang, target)
        theirs = kind_share(other, searched, source_lang=target, index=index)  # its release's place speaks for it
        return clearer or theirs is None or theirs >= TOPIC or about_more(own, asked_, other, searched, target)
    if not own.answered:
        return True
    mine = kind_share(own, asked_)
    if target is None or mine is None:
        return clearer
    theirs = kind_share(other, searched_in(index, own.query, own.lang, target), source_lang=target)
    if theirs is None:
        return clearer
    return theirs > mine and (clearer or mine < TOPIC <= theirs)


def names_series(index: Index, answer: Answer, question: str, lang: str) -> bool:
    """Whether an answer is about the release of a series the question names ("Heydər Əliyevin 100 illiyi", "the
    109th session": series.py): a cited title or a quote carries the numbered name, as the releases quoted write it;
    True when the question names none or nothing is answered. An answer whose releases never say it is about another
    release of the series, or none: another language's answer that says it is preferred (answer_question)."""
    if not answer.answered or not numbered_names(question, lang):
        return True
    target = found_in(answer) or lang
    series = numbered_names(question, lang) if target == lang else series_in(index, question, lang, target)
    return any(carries(series, text, target) for text in [*(c.title for c in answer.citations),
                                                          *(q.text for q in answer.quotes)])


def about_more(own: Answer, asked_: Asked, other: Answer, searched: Asked, target: str) -> bool:
    """Whether a release the other language quotes names more of the question's topic (with its title and quotes)
    than the own language's "not stated" release does with its title and the passages found: that release was
    only the closest, not one about the topic whose silence speaks ("naxçıvanda qeydiyyata neçə gün ərzində", the
    closest Azerbaijani page a Berlin embassy's passport rules, the English one the Nakhchivan registration rules).
    Each side is read with the question as searched in its language (a word the vocabulary does not translate
    counts on both, but only the question's own language can name it)."""
    if own.related is None:
        return False
    mine = topic_share(asked_, "\n".join([own.related.title, own.related.passage]), own.lang)
    theirs = max((topic_share(searched, "\n".join([c.title, *(q.text for q in other.quotes if q.n == c.n)]), target)
                  for c in other.citations), default=0.0)
    return theirs > mine


def found_in(answer: Answer) -> str | None:
    """The language of the releases an answer quotes when none of them is in the question's language."""
    langs = {h.doc_id: h.lang for h in answer.hits}
    cited = {langs.get(c.doc_id, answer.lang) for c in answer.citations}
    return next(iter(cited)) if answer.answered and answer.lang not in cited and len(cited) == 1 else None


def framed(reply: Reply, renderer: Renderer) -> Reply:
    """A reply quoting releases in another language says so first, in the question's language."""
    other = found_in(reply.answer)
    if other is None:
        return reply
    lang = reply.answer.lang
    name = locale(lang)["language_names"].get(other, other)
    html = renderer.phrase("html", lang, "found_in_language", language=name)
    text = renderer.phrase("text", lang, "found_in_language", language=name)
    return replace(reply, html=f"<i>{html}</i>\n\n{reply.html}", text=f"{text}\n\n{reply.text}", found_in=other)


def conversation_reply(question: str, turn: Turn, renderer: Renderer, lang: str) -> Reply:
    """A short reply in the message's language with example questions: not quotes, not the abstention."""
    answer = Answer(query=question, lang=lang, answered=False)
    return Reply(answer=answer, html=renderer.render("conversation", "html", lang, act=turn.act),
                 text=renderer.render("conversation", "text", lang, act=turn.act), kind="conversation")


def own_case_reply(question: str, renderer: Renderer, lang: str) -> Reply:
    """The reply to a question about the person's own application (own_case.py): the bot cannot see it; the
    agency's official contacts can. Not quotes: answered=False, no hits."""
    answer = Answer(query=question, lang=lang, answered=False, reason="own_case")
    return Reply(answer=answer, html=renderer.render("own_case", "html", lang, query=question),
                 text=renderer.render("own_case", "text", lang, query=question))


def render_answer(answer: Answer, renderer: Renderer) -> Reply:
    """Both renderings of an answer (or of the abstention)."""
    if answer.answered:
        context: dict[str, Any] = {"quotes": answer.quotes, "citations": answer.citations}
        name = "answer"
    elif answer.missing:
        context = {"query": answer.query, "kind": answer.missing, "related": answer.related}
        name = "not_stated"
    else:
        context = {"query": answer.query}
        name = "no_answer"
    return Reply(answer=answer, html=renderer.render(name, "html", answer.lang, **context),
                 text=renderer.render(name, "text", answer.lang, **context))


def reply_json(reply: Reply) -> dict[str, Any]:
    """The `pressbot ask --json` object, field for field as INTERFACE.md specifies."""
    answer = reply.answer
    return {
        "query": answer.query,
        "answered": answer.answered,
        "kind": reply.kind,
        "found_in": reply.found_in,
        "reason": answer.reason,
        "lang": answer.lang,
        "text": reply.text,
        "html": reply.html,
        "citations": [
            {"n": c.n, "doc_id": c.doc_id, "passage_id": c.passage_id, "title": c.title, "url": c.url,
             "date": c.date, "score": round(c.score, 4)}
            for c in answer.citations
        ],
        "hits": [
            {"doc_id": h.doc_id, "passage_id": h.passage_id, "score": round(h.score, 4), "title": h.title,
             "url": h.url}
            for h in answer.hits
        ],
    }


def unknown(index: Index, terms: Collection[str]) -> frozenset[str]:
    """The terms the corpus never uses (chat shorthand, typos the spelling could not place, other topics)."""
    return frozenset(t for t in terms if t not in index.postings.vocabulary)


def lacks_year(answer: Answer, question: str) -> bool:
    """Whether the question names a year and its own language's releases do not answer it: whatever the reason (no
    release of that year, or one that speaks of the year without stating what is asked), its language lacks the
    answer, so any other, however small, may hold it ("2020 ci ilde nece xariciye is icazesi verilib", stated only
    in a Russian release, while Azerbaijani pages of other years' dates and an English one of 2020 were found)."""
    return bool(_YEAR.search(question)) and not answer.answered
