"""The searchable index: documents → passages → analyzed terms → BM25 postings → hits.

Usage::

    >>> from pressbot.retrieval import Document, Index
    >>> index = Index.build([Document(id="d1", title="IOM meeting", text="The chief met IOM in Geneva.")])
    >>> index.search("Who met IOM?", k=1)[0].passage_id
    'd1#1'
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pressbot.retrieval.analyzer import analyze, detect_language, question_terms
from pressbot.retrieval.bags import FloatArray, IntArray
from pressbot.retrieval.cognates import TARGET, Cognates
from pressbot.retrieval.document import Document, Passage, passage_id
from pressbot.retrieval.glossary import Concept, Glossary, Query, Terms
from pressbot.retrieval.passages import split_document
from pressbot.retrieval.recency import POOL as RECENCY_POOL
from pressbot.retrieval.recency import freshness, prefer_recent, wants_recent
from pressbot.retrieval.scoring import Postings, best
from pressbot.retrieval.spelling import Spelling
from pressbot.retrieval.table import PassageTable

# A question with names is ranked from the top POOL_FACTOR * k of all its names at once (see _ranked_expanded;
# 3 changed the top 10 of 7 of the dev sets' 152 questions with names, 5 of one).
POOL_FACTOR = 5


def _weights(plain: dict[str, float], wording: Sequence[tuple[Terms, float]]) -> dict[str, float]:
    """One wording of a question as weighted terms: the plain terms' counts plus each chosen name's scale."""
    weights = dict(plain)
    for alt, scale in wording:
        for t in alt:
            weights[t] = weights.get(t, 0.0) + scale
    return weights


BoolArray = npt.NDArray[np.bool_]


def written_whole(name: Terms, terms: Sequence[str]) -> bool:
    """Whether analyzed terms hold a name's terms one right after the other ("united state" in "the United States",
    not in "the United Mexican States"; stopwords are gone, so "knowledge of language" holds "knowledg languag")."""
    first, width = name[0], len(name)
    return any(tuple(terms[i : i + width]) == name for i, t in enumerate(terms) if t == first)


def _scale_where(written: BoolArray | None, scale: float) -> FloatArray | float:
    """A name's scale in each passage: the full scale where it is written whole (or is one term, `written` None),
    at most 1 where its words stand apart: they then count as a plain question's words would, no more."""
    if written is None:
        return scale
    return np.where(written, scale, min(scale, 1.0))


# How many times a passage's title counts towards its terms: titles say what a release is about
# (SciFact nDCG@10 0.6927 at 1, 0.6951 at 2; qa-dev unchanged: benchmarks/results/quality.md).
DEFAULT_TITLE_WEIGHT = 2


@dataclass(frozen=True)
class Params:
    """The settings an index is built with (the `retrieval:` section of the configuration)."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25
    title_weight: int = DEFAULT_TITLE_WEIGHT


@dataclass(frozen=True)
class Hit:
    """One retrieved passage, with what the responder needs to quote and cite it."""

    doc_id: str
    passage_id: str
    score: float
    text: str
    title: str
    lang: str
    position: int
    url: str | None = None
    date: str | None = None
    source: str | None = None
    # Share of the question's idf mass that this passage contains (0..1): the evidence for answering.
    coverage: float = 0.0


def passage_terms(passage: Passage, title_weight: int = DEFAULT_TITLE_WEIGHT) -> list[str]:
    """The terms a passage is indexed under: its title's (weighted) and its text's."""
    title = analyze(passage.title, passage.lang) if passage.title and title_weight > 0 else []
    return title * title_weight + analyze(passage.text, passage.lang)


def _phrases(plan: Query) -> list[Terms]:
    """The vocabulary's names of several terms that a question did not say itself: scaled to the weight of the name
    it said only where a passage writes them whole (Index._ranked_expanded)."""
    return [alt for c in plan.concepts for alt in c.alternatives[1:] if len(alt) > 1 and alt != c.said]


def _read_whole(plan: Query, named: Sequence[Sequence[tuple[Terms, float]]]) -> list[Terms]:
    """The names whose weight depends on whether a passage writes them whole: the phrases (`_phrases`) scaled
    above 1; one scaled to at most 1 weighs the same written whole or apart (`_scale_where`)."""
    phrases = set(_phrases(plan))
    return [alt for alternatives in named for alt, scale in alternatives if scale > 1 and alt in phrases]


class Index:
    """BM25 over the passages of a set of documents; immutable once built, so it can be swapped whole."""

    def __init__(self, documents: Sequence[Document], passages: Sequence[Passage] | PassageTable, postings: Postings,
                 title_weight: int = DEFAULT_TITLE_WEIGHT, glossary: Glossary | None = None) -> None:
        """`passages`: as columns (table.py; the saved index's are memory-mapped), or as objects, then made
        columns. `documents` may be their metadata only (the store's: their texts are in the passages)."""
        self.documents: dict[str, Document] = {doc.id: doc for doc in documents}
        self.passages = passages if isinstance(passages, PassageTable) else PassageTable.of(documents, passages)
        self.postings = postings
        self.title_weight = title_weight
        # Bound to this index's terms, so that a question's unknown word is read as the one it stands for.
        self.glossary = (glossary or Glossary()).with_spelling(Spelling(postings.vocabulary, postings.offsets))

    @classmethod
    def build(cls, documents: Iterable[Document], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25,
              title_weight: int = DEFAULT_TITLE_WEIGHT, glossary: Glossary | None = None) -> Index:
        """Split, analyze and index documents; raises ValueError naming a repeated document id."""
        docs = list(documents)
        seen: set[str] = set()
        for doc in docs:
            if doc.id in seen:
                raise ValueError(f"duplicate document id {doc.id!r}")
            seen.add(doc.id)
        passages = [p for doc in docs for p in split_document(doc)]
        # A generator: each passage's tokens are counted and dropped, never all held at once.
        postings = Postings.build((passage_terms(p, title_weight) for p in passages), k1=k1, b=b,
                                  epsilon=epsilon)
        return cls(docs, passages, postings, title_weight, glossary)

    @property
    def k1(self) -> float:
        return self.postings.k1

    @property
    def b(self) -> float:
        return self.postings.b

    @property
    def epsilon(self) -> float:
        return self.postings.epsilon

    def __len__(self) -> int:
        return len(self.passages)

    def query(self, question: str, lang: str | None = None) -> Query:
        """A question analyzed in its (detected) language, with glossary names expanded."""
        lang = lang or detect_language(question)
        return self.glossary.expand(question_terms(question, lang), lang)

    def query_terms(self, query: str, lang: str | None = None) -> list[str]:
        """The question's own terms (the glossary's other names for them are in `query`)."""
        return list(self.query(query, lang).said)

    def search(self, query: str, k: int = 10, lang: str | None = None, plan: Query | None = None) -> list[Hit]:
        """The k best passages for a question, best first; passages sharing no term with it are left out.

        A question asking for the latest news prefers newer releases among comparable matches (recency.py).
        `plan`: the question already analyzed in `lang` (`query`), so that it is not analyzed again.
        """
        lang = lang or detect_language(query)
        plan = self.query(query, lang) if plan is None else plan
        concepts = self.concept_weights(plan)
        if not wants_recent(query, lang):
            return self._hits(self._in_place(self._ranked(plan, k), plan, lang), concepts)
        ranked = self._ranked(plan, max(k, RECENCY_POOL))
        fresh = self._freshness
        boosted = prefer_recent(ranked, [fresh[self.passages.doc_id(i)] for i, _ in ranked])[:k]
        return self._hits(self._in_place(boosted, plan, lang), concepts)

    def translate(self, question: str, lang: str, target: str, cognates: bool = False,
                  whole: bool = False) -> tuple[Query, int]:
        """A question in `lang` as it would be searched in `target` through the vocabulary's names in `target`,
        and how many of its concepts the vocabulary translated (Glossary.translate). `cognates`: a word the
        vocabulary does not list (not a form of it that has no name in `target`) and that no release in `target`
        uses is read as the English term it is the loanword of (cognates.py: "biometrik" as "biometr"); it is not
        counted as translated. `whole`: a name the question said in more words than its first name in `target` is
        ranked as the one name there that says it whole (Glossary.translate)."""
        terms = question_terms(question, lang)
        if not cognates or target != TARGET or lang == target:
            return self.glossary.translate(terms, lang, target, whole=whole)
        return self.glossary.translate(terms, lang, target, lambda term: self._cognates.english(term, lang), whole)

    @functools.cached_property
    def _cognates(self) -> Cognates:
        """The index's terms read as loanwords, built (and cached) when a question first needs them."""
        postings = self.postings
        return Cognates(postings.vocabulary, postings.offsets, postings.passages, self.passages.doc,
                        tuple(doc.lang for doc in self.passages.documents))

    def search_in(self, plan: Query, lang: str, k: int = 10) -> list[Hit]:
        """The k best passages in one language for an analyzed question (e.g. a translated one), best first."""
        if not plan.concepts:
            return []
        pool = self._ranked(plan, max(k, k * len(self.languages)))
        ranked = [(i, s) for i, s in pool if self.passages.lang(i) == lang][:k]
        return self._hits(self._in_place(ranked, plan, lang), self.concept_weights(plan))

    def _in_place(self, ranked: list[tuple[int, float]], plan: Query, lang: str) -> list[tuple[int, float]]:
        """The passages ranked for a question in `lang`; but when it names a place (places.py) and some of them are
        of a release speaking for that place (Places.about), those of releases placed elsewhere are left out: the
        Batumi consulate's rules are not the answer for Germany when the embassy in Germany is found, nor
        Nakhchivan's for Baku beside the national releases. The others keep their ranks and scores, and no passage
        ranked lower comes in for those left out (a release that matched less of the question is no better an
        answer for it). When none speaks for the place, the passages stay as found: another mission's page may
        state the home's rules that hold there too (consular registration), and the answer must still name the
        place (responses/decision.py)."""
        glossary = self.glossary
        asked = glossary.places_named(plan.said, lang)  # none when the vocabulary marks no place
        if not asked:
            return ranked
        placed = [glossary.placed_at(self.passages.document(i).source or "") for i, _ in ranked]
        if not any(glossary.places.about(p, asked) for p in placed):
            return ranked
        return [hit for hit, p in zip(ranked, placed, strict=True) if not glossary.places.elsewhere(p, asked)]

    def languages_at(self, places: Iterable[int]) -> tuple[str, ...]:
        """The languages of the releases placed at any of these places (glossary entry numbers: places.py) or at a
        place inside one, the most passages first: where a question naming the place may find its own releases
        (the Yekaterinburg consulate's pages, in Russian, for a question about Russia in any language)."""
        wanted = frozenset(places)
        inside = self.glossary.places.inside
        langs = {lang for place, held in self._placed_languages.items() if inside(place, wanted) for lang in held}
        return tuple(lang for lang in self.languages if lang in langs)

    def placed_within(self, source: str | None, places: Collection[int]) -> bool:
        """Whether a release of this publisher is placed at one of these places or at a place inside one."""
        inside = self.glossary.places.inside
        return any(inside(p, places) for p in self.glossary.placed_at(source or ""))

    @functools.cached_property
    def _placed_languages(self) -> dict[int, frozenset[str]]:
        """Each place a release is placed at (its publisher's: Glossary.placed_at), with the languages of those
        releases; read once per index."""
        placed: dict[int, set[str]] = {}
        if self.glossary.places:
            for doc in self.passages.documents:
                for place in self.glossary.placed_at(doc.source or ""):
                    placed.setdefault(place, set()).add(doc.lang)
        return {place: frozenset(langs) for place, langs in placed.items()}

    def following(self, hits: Sequence[Hit], n: int) -> list[Hit]:
        """The up to `n` passages that follow each hit's passage in its document and are not hits themselves, in
        document order, as hits scoring 0 (none of them was found for the question): what the composer may read
        further when a hit's release states the asked kind of fact only after the passage found."""
        wanted: dict[str, set[int]] = {}
        for hit in hits:
            wanted.setdefault(hit.doc_id, set()).update(range(hit.position + 1, hit.position + 1 + n))
        out: list[Hit] = []
        for doc_id, positions in wanted.items():
            positions -= {h.position for h in hits if h.doc_id == doc_id}
            rows = self._rows(doc_id)
            out.extend(self._hit(int(i), 0.0, 0.0) for i in rows if self.passages.position.item(int(i)) in positions)
        return out

    def passages_of(self, doc_id: str) -> list[Hit]:
        """A document's passages in document order, as hits scoring 0: what the composer reads of a release the
        question names itself (responses/series.py: "Migration School 6"), beyond the passages found."""
        return [self._hit(int(i), 0.0, 0.0) for i in self._rows(doc_id)]

    def _rows(self, doc_id: str) -> list[int]:
        """The table rows of a document's passages: a binary search when the rows are in document order (a
        document is written whole), else a scan of the document column."""
        number = self._numbers.get(doc_id)
        if number is None:
            return []
        doc = self.passages.doc
        if not self._sorted:
            return [int(i) for i in np.flatnonzero(doc == number)]
        # needles of the column's own type: Python ints make numpy copy the whole column to int64 first (O(passages),
        # ~0.9 ms a call at a million passages; `following` and `passages_of` call this for each document found)
        lo, hi = doc.searchsorted(np.array([number, number + 1], dtype=doc.dtype))
        return list(range(int(lo), int(hi)))

    @functools.cached_property
    def _numbers(self) -> dict[str, int]:
        return {doc.id: i for i, doc in enumerate(self.passages.documents)}

    @functools.cached_property
    def _sorted(self) -> bool:
        """Whether the passages are in document order (always, from Index.build and the store)."""
        return bool(np.all(np.diff(self.passages.doc) >= 0))

    @functools.cached_property
    def language_counts(self) -> dict[str, int]:
        """Passages per language, counted once per index (a reload builds a new one)."""
        return self.passages.language_counts()

    @functools.cached_property
    def languages(self) -> tuple[str, ...]:
        """The corpus's languages, the most passages first."""
        counts = self.language_counts
        return tuple(sorted(counts, key=lambda lang: (-counts[lang], lang)))

    @functools.cached_property
    def _freshness(self) -> dict[str, float]:
        return freshness({doc.id: doc.date for doc in self.documents.values()})

    def _ranked(self, plan: Query, k: int) -> list[tuple[int, float]]:
        """Top k passages: plain BM25 for a plain question; with glossary names, each name scores in a passage
        as its best-matching alternative, scaled to the idf mass of the name the question used (so a long
        full name counts no more than the acronym it stands for). A name the question did not say, of several terms,
        gets that scale only where it is written whole (its terms in a row); where its words stand apart they count
        at most as a plain question's words: "usa" scaled to "United States" must not raise every passage holding
        "United" and "State" (the United Mexican States, the State Migration Service), nor "app" as "mobile
        application" a mobile service's "applications"."""
        # rank-bm25's idf floor is negative in a small corpus of frequent terms; BM25 then ranks passages
        # without the question's terms above those with them, so only passages holding a term are kept.
        negative = self.postings.idf.min(initial=0.0) < 0
        if all(len(c.alternatives) == 1 for c in plan.concepts):
            ids, scores = self.postings.top_k(plan.said, len(self.passages) if negative else k)
            ranked = [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]
            return [(i, s) for i, s in ranked if self._holds(i, plan.said)][:k] if negative else ranked
        if negative:
            return self._ranked_dense(plan, k)
        return self._ranked_expanded(plan, k)

    def _scaled(self, plan: Query) -> tuple[dict[str, float], list[list[tuple[Terms, float]]]]:
        """The plain terms with their counts, and for each named concept its alternatives that the corpus uses,
        each with the factor that scales it to the idf mass of the name the question used."""
        plain: dict[str, float] = {}
        named: list[list[tuple[Terms, float]]] = []
        for concept in plan.concepts:
            if len(concept.alternatives) == 1:
                for t in concept.said:
                    plain[t] = plain.get(t, 0.0) + 1.0
                continue
            used = [(alt, scale) for alt, scale in self._scales(concept)
                    if any(t in self.postings.vocabulary for t in alt)]
            if used:
                named.append(used)
        return plain, named

    def _scales(self, concept: Concept) -> list[tuple[Terms, float]]:
        """Each alternative of a named concept with the factor that scales it to the idf mass of the name the
        question used."""
        said = sum(self.postings.term_idf(t) for t in concept.said)
        return [(alt, said / max(sum(self.postings.term_idf(t) for t in alt), 1e-9)) for alt in concept.alternatives]

    def _ranked_expanded(self, plan: Query, k: int) -> list[tuple[int, float]]:
        """Top k of a question with names, through the postings' top-k path: one weighted top-k run over every
        name of every concept at once (a passage's score there is at least its true score, the best name per
        concept, and over-counts only passages using two names of one concept, hence a pool of POOL_FACTOR * k),
        then the pool's exact scores. On the two dev sets' 152 questions with names the top 3 equal the exact
        dense ranking's in all, the top 10 in 151."""
        plain, named = self._scaled(plan)
        found = self.postings.top_k_weighted(_weights(plain, [alt for n in named for alt in n]), k * POOL_FACTOR)[0]
        candidates = np.sort(found)
        if len(candidates) == 0:
            return []
        scores = np.zeros(len(candidates), dtype=np.float64)
        # each distinct term looked up once: names of one concept often share terms
        looked = {t: self.postings.impacts_in(t, candidates)
                  for t in [*plain, *(t for n in named for alt, _ in n for t in alt)]}
        for t, count in plain.items():
            scores += looked[t] * count
        written = self._written(_read_whole(plan, named), candidates)
        for alternatives in named:
            scores += np.max([sum((looked[t] for t in alt), np.zeros(len(candidates)))
                              * _scale_where(written.get(alt), scale) for alt, scale in alternatives], axis=0)
        keep = scores > 0
        ids, top = best(candidates[keep], scores[keep], k)
        return [(int(i), float(s)) for i, s in zip(ids, top, strict=True)]

    def _ranked_dense(self, plan: Query, k: int) -> list[tuple[int, float]]:
        """Top k of a question with names in a corpus whose idf floor is negative (a tiny one): every passage
        scored, only those holding a term of the question kept."""
        scores = self.postings.scores([t for c in plan.concepts if len(c.alternatives) == 1 for t in c.said])
        named = [self._scales(concept) for concept in plan.concepts if len(concept.alternatives) > 1]
        written = self._written(_read_whole(plan, named), np.arange(len(scores), dtype=np.int64))
        for alternatives in named:
            scores += np.max([self.postings.scores(alt) * _scale_where(written.get(alt), scale)
                              for alt, scale in alternatives], axis=0)
        candidates = np.array([i for i in range(len(scores)) if self._holds(i, plan.terms)], dtype=np.int64)
        order = np.lexsort((candidates, -scores[candidates]))[:k]
        return [(int(candidates[i]), float(scores[candidates[i]])) for i in order]

    def _written(self, names: Iterable[Terms], rows: IntArray) -> dict[Terms, BoolArray]:
        """For each name, whether each of the given passages writes it whole (`written_whole`) in its document's
        title, the heading it falls under (counted with the title, as the index counts it) or its text; only the
        passages holding every term of the name are read and analyzed, each once."""
        out: dict[Terms, BoolArray] = {}
        read: dict[int, tuple[list[str], ...]] = {}
        table = self.passages
        for name in names:
            if name in out:
                continue
            holds = np.logical_and.reduce([self.postings.holds_in(t, rows) for t in name])
            written = np.zeros(len(rows), dtype=bool)
            for n in np.flatnonzero(holds):
                i = int(rows[n])
                if i not in read:
                    lang = table.lang(i)
                    read[i] = tuple(analyze(part, lang) for part in  # each read alone: no name across two of them
                                    (table.document(i).title, table.heading_of(i), table.text_of(i)))
                written[n] = any(written_whole(name, terms) for terms in read[i])
            out[name] = written
        return out

    def _holds(self, passage: int, terms: Sequence[str]) -> bool:
        """Whether a passage shares a term with the question: the evidence BM25's sign cannot give."""
        return any(self.postings.contains(t, passage) for t in terms)

    def concept_weights(self, query: Query) -> list[tuple[Concept, float]]:
        """Each distinct concept of a question with its weight: the idf of the terms the question used."""
        distinct = dict.fromkeys(query.concepts)
        return [(c, sum(self.postings.term_idf(t) for t in c.said)) for c in distinct]

    def covers(self, concept: Concept, passage: int) -> bool:
        """Whether a passage holds every term of one of the concept's alternatives."""
        return any(all(self.postings.contains(t, passage) for t in alt) for alt in concept.alternatives)

    def term_weights(self, terms: Sequence[str]) -> dict[str, float]:
        """Idf of each distinct term; a term the corpus never uses weighs as much as the rarest possible."""
        return {t: self.postings.term_idf(t) for t in dict.fromkeys(terms)}

    def _hits(self, ranked: Sequence[tuple[int, float]], concepts: list[tuple[Concept, float]]) -> list[Hit]:
        """Hits for ranked passages, each with its coverage of the question's concepts (looked up for all the
        passages at once: one binary search per term, not per term and passage)."""
        if not ranked:
            return []
        ids = np.array([i for i, _ in ranked], dtype=np.int64)
        has = {t: self.postings.impacts_in(t, ids) > 0 for c, _ in concepts for alt in c.alternatives for t in alt}
        found = np.zeros(len(ids), dtype=np.float64)
        total = 0.0
        for concept, weight in concepts:
            if weight <= 0:
                continue
            total += weight
            covered = np.zeros(len(ids), dtype=bool)
            for alt in concept.alternatives:
                covered |= np.logical_and.reduce([has[t] for t in alt])
            found += np.where(covered, weight, 0.0)
        return [self._hit(i, s, float(found[n]) / total if total else 0.0) for n, (i, s) in enumerate(ranked)]

    def _hit(self, i: int, score: float, coverage: float) -> Hit:
        table = self.passages  # the columns read directly: no Passage object per hit
        doc, position = table.document(i), table.position.item(i)
        return Hit(doc_id=doc.id, passage_id=passage_id(doc.id, position), score=score, text=table.text_of(i),
                   title=doc.title, lang=doc.lang, position=position, url=doc.url, date=doc.date, source=doc.source,
                   coverage=coverage)
