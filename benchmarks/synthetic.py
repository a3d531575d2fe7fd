"""A deterministic synthetic press-release corpus: the same seed gives the same documents and questions.

Words are pronounceable pseudo-words drawn from a Zipf–Mandelbrot distribution, so a few terms occur in
most passages (like "migration" in the real corpus) and most terms are rare; 42% of the words are
English stopwords, as in the bundled English releases. Every paragraph holds between PARAGRAPH_WORDS
words, chosen so that `split_document` makes exactly one passage of each paragraph: a corpus of N
passages is N paragraphs, and passage lengths look like the real ones (bundled English passages: median
74 words).

Usage::

    docs = list(documents(100_000))          # Documents whose paragraphs are 100,000 passages
    asks = questions(200)                    # "What about ...?" questions over the same vocabulary
    write_corpus(Path("/tmp/c"), docs)       # one Markdown file with front matter per document
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from pressbot.retrieval import Document
from pressbot.retrieval.passages import MAX_WORDS, TARGET_WORDS

# Fitted to the bundled English releases, analyzed: 2,619 distinct terms in 28,653 (synthetic: ~3,000),
# 4 terms in over half the passages, 15 in over a quarter, 66 in over a tenth ("migrat" in 88%).
# The vocabulary then grows as Heaps' law says news text does: ~45,000 terms at 10,000 releases,
# ~300,000 at a million passages.
VOCABULARY = 1_000_000
ZIPF_EXPONENT = 1.6
ZIPF_OFFSET = 25.0
# Function words, in their order of frequency in the bundled English press releases; they make up
# ~42% of its words, and the analyzer drops them.
STOPWORDS = ("the", "of", "and", "in", "to", "on", "as", "for", "with", "a", "that", "was", "by", "is",
             "at", "were", "our", "this", "about", "their", "it", "from", "which", "are", "has")
STOPWORD_SHARE = 0.42
# A paragraph longer than half the passage target never merges with the next one; one shorter than the
# ceiling is never cut: so each paragraph is one passage. Lengths above the minimum are exponential,
# for a mean of ~75 words (the bundled English passages: median 74).
PARAGRAPH_WORDS = (TARGET_WORDS // 2 + 1, min(150, MAX_WORDS))
PARAGRAPH_EXTRA_MEAN = 30.0
SENTENCE_WORDS = (6, 24)
QUESTION_TERMS = (5, 10)
QUESTION_BANDS = (0, 85, 300, VOCABULARY)  # ranks: common (>10% of passages), topical (3–10%), specific
QUESTION_MIX = (0.2, 0.2, 0.6)
PARAGRAPHS_PER_DOCUMENT = (1, 7)
TITLE_WORDS = (5, 11)
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = tuple(c + v for c in _CONSONANTS for v in _VOWELS)
_BATCH = 2_000  # documents drawn per batch of random numbers


def word(rank: int) -> str:
    """The pseudo-word of a vocabulary rank: 2–4 syllables and a final consonant, distinct for each rank."""
    syllables = []
    n = rank + len(_SYLLABLES)  # at least two syllables
    while n:
        n, digit = divmod(n, len(_SYLLABLES))
        syllables.append(_SYLLABLES[digit])
    return "".join(syllables) + _CONSONANTS[rank % len(_CONSONANTS)]


@lru_cache(maxsize=1)
def _words() -> npt.NDArray[np.str_]:
    return np.array([word(i) for i in range(VOCABULARY)])


@lru_cache(maxsize=1)
def _cumulative() -> npt.NDArray[np.float64]:
    weights = (np.arange(VOCABULARY, dtype=np.float64) + ZIPF_OFFSET) ** -ZIPF_EXPONENT
    cdf: npt.NDArray[np.float64] = np.cumsum(weights)
    cdf /= cdf[-1]
    return cdf


def _draw(rng: np.random.Generator, count: int) -> npt.NDArray[np.int64]:
    """Vocabulary ranks drawn from the Zipf–Mandelbrot distribution."""
    ranks: npt.NDArray[np.int64] = np.searchsorted(_cumulative(), rng.random(count), side="right")
    return np.minimum(ranks, VOCABULARY - 1)


def _tokens(rng: np.random.Generator, count: int) -> list[str]:
    """Running text's words: content words from the Zipf distribution, function words among them."""
    words: list[str] = _words()[_draw(rng, count)].tolist()
    stops = np.flatnonzero(rng.random(count) < STOPWORD_SHARE)
    picks = rng.integers(0, len(STOPWORDS), size=len(stops))
    for i, pick in zip(stops.tolist(), picks.tolist(), strict=True):
        words[i] = STOPWORDS[pick]
    return words


def _paragraph(rng: np.random.Generator, words: list[str]) -> str:
    """Sentences over the words: each capitalised and ended with a full stop."""
    lengths = rng.integers(*SENTENCE_WORDS, size=len(words) // SENTENCE_WORDS[0] + 1, endpoint=True)
    start = 0
    for n in lengths.tolist():
        if len(words) - start - n < SENTENCE_WORDS[0]:
            n = len(words) - start  # the rest is too short for a sentence: it joins this one
        words[start] = words[start].capitalize()
        words[start + n - 1] += "."
        start += n
        if start >= len(words):
            break
    return " ".join(words)


def documents(passages: int, seed: int = 1) -> Iterator[Document]:
    """Documents that split into exactly `passages` passages, always the same for the same seed."""
    rng = np.random.default_rng(seed)
    left = passages
    number = itertools.count(1)
    low, high = PARAGRAPH_WORDS
    while left > 0:
        counts = rng.integers(*PARAGRAPHS_PER_DOCUMENT, size=_BATCH, endpoint=True).tolist()
        for paragraphs in counts:
            if left <= 0:
                return
            paragraphs = min(left, paragraphs)
            left -= paragraphs
            sizes = np.minimum(high, low + rng.exponential(PARAGRAPH_EXTRA_MEAN, size=paragraphs).astype(int))
            title_words = int(rng.integers(*TITLE_WORDS, endpoint=True))
            words = _tokens(rng, title_words + int(sizes.sum()))
            title = " ".join(words[:title_words]).capitalize()
            body: list[str] = []
            offset = title_words
            for size in sizes.tolist():
                body.append(_paragraph(rng, words[offset : offset + size]))
                offset += size
            n = next(number)
            yield Document(id=f"synthetic-{n:07d}", title=title, text="\n".join(body), lang="en",
                           url=f"https://example.org/news/{n}", date=f"20{10 + n % 15:02d}-{1 + n % 12:02d}-"
                                                                    f"{1 + n % 28:02d}", source="synthetic")


def questions(count: int, seed: int = 2) -> list[str]:
    """English questions whose terms are as common in the corpus as real questions' terms are.

    Calibrated on ../shared/qa-dev.yaml's questions analyzed against the bundled corpus: 7 known terms
    a question on average, ~20% of them in more than a tenth of the passages (some in most), ~60% in at
    most 3%; every question has a term in at most a tenth. Here: 5–10 terms, each common (vocabulary
    ranks below QUESTION_BANDS[1], in >10% of passages), topical (up to QUESTION_BANDS[2], 3–10%) or
    specific (beyond, <3%), in QUESTION_MIX proportions, each drawn from the text's own distribution.
    """
    rng = np.random.default_rng(seed)
    vocab = _words()
    cdf = _cumulative()
    bands = list(itertools.pairwise(QUESTION_BANDS))
    asks: list[str] = []
    for _ in range(count):
        n = int(rng.integers(*QUESTION_TERMS, endpoint=True))
        picks = rng.choice(len(bands), size=n, p=QUESTION_MIX)
        ranks = []
        for band in picks.tolist():
            lo, hi = bands[band]
            low = cdf[lo - 1] if lo else 0.0
            ranks.append(min(int(np.searchsorted(cdf, low + rng.random() * (cdf[hi - 1] - low), side="right")),
                             hi - 1))
        asks.append("What about " + " ".join(vocab[ranks].tolist()) + "?")
    return asks


def markdown(doc: Document) -> str:
    """A corpus file for a document: YAML front matter, then the text."""
    return (f"---\ntitle: {doc.title}\nurl: {doc.url}\ndate: {doc.date}\nlang: {doc.lang}\n"
            f"source: {doc.source}\n---\n{doc.text}\n")


def write_corpus(directory: Path, docs: Sequence[Document]) -> None:
    """Write one `<id>.md` file per document."""
    directory.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (directory / f"{doc.id}.md").write_text(markdown(doc), encoding="utf-8")


def synonyms(asks: Sequence[str], seed: int = 3) -> list[tuple[str, ...]]:
    """Vocabulary entries for the questions, as the agency's vocabulary would expand them: in each question
    one or two words get two or three names each (the word and its neighbours in frequency rank, so the
    other names are about as common in the text), the way real questions name one or two topics with
    several names (median 6 wordings on the two dev sets)."""
    rng = np.random.default_rng(seed)
    rank = {w: i for i, w in enumerate(_words().tolist())}
    entries: list[tuple[str, ...]] = []
    for ask in asks:
        words = [w for w in ask.removeprefix("What about ").rstrip("?").split() if w in rank]
        for w in rng.choice(words, size=min(len(words), int(rng.integers(1, 2, endpoint=True))), replace=False):
            names = int(rng.integers(2, 3, endpoint=True))
            entries.append(tuple(word(min(rank[str(w)] + i, VOCABULARY - 1)) for i in range(names)))
    return entries


def write_files(directory: Path, passages: int) -> None:
    """The corpus files of `documents(passages)`, written by another process, so that the documents generated
    do not stay in the memory of the process that measures (`python -m benchmarks.synthetic DIR PASSAGES`)."""
    subprocess.run([sys.executable, "-m", "benchmarks.synthetic", str(directory), str(passages)], check=True,
                   cwd=Path(__file__).parent.parent)


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), list(documents(int(sys.argv[2]))))
