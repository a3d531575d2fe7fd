"""The postings score exactly as rank-bm25's BM25Okapi does, and rank from precomputed impacts."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from pressbot.retrieval import bags as bags_module
from pressbot.retrieval.bags import Bags
from pressbot.retrieval.scoring import Postings, _Slice

TERMS = [f"t{i}" for i in range(8)]
UNKNOWN = ["never", "seen"]
passage = st.lists(st.sampled_from(TERMS), max_size=10)  # empty passages included
corpora = st.lists(passage, min_size=1, max_size=12).filter(lambda c: any(c))  # rank-bm25 needs a token
queries = st.lists(st.sampled_from(TERMS + UNKNOWN), min_size=1, max_size=6)  # repeats and unknowns
k1s = st.sampled_from([0.5, 1.2, 1.5, 2.0])
bs = st.sampled_from([0.0, 0.3, 0.75, 1.0])
epsilons = st.sampled_from([0.0, 0.25, 1.0])


def reference(corpus: list[list[str]], query: list[str], k1: float, b: float, epsilon: float) -> np.ndarray:
    """rank-bm25's own scores, except that it divides 0 by 0 for an empty passage when b = 1: holding no
    query term, that passage scores 0."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        scores: np.ndarray = np.nan_to_num(BM25Okapi(corpus, k1=k1, b=b, epsilon=epsilon).get_scores(query),
                                           nan=0.0)
        return scores


@settings(max_examples=300, deadline=None)
@given(corpora, queries, k1s, bs, epsilons)
def test_scores_equal_rank_bm25_get_scores(corpus: list[list[str]], query: list[str], k1: float, b: float,
                                            epsilon: float) -> None:
    expected = reference(corpus, query, k1, b, epsilon)
    got = Postings.build(corpus, k1=k1, b=b, epsilon=epsilon).scores(query)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


@settings(max_examples=300, deadline=None)
@given(corpora, queries, k1s, bs, epsilons, st.integers(min_value=1, max_value=5))
def test_top_k_returns_rank_bm25s_best_scores(corpus: list[list[str]], query: list[str], k1: float, b: float,
                                              epsilon: float, k: int) -> None:
    expected = reference(corpus, query, k1, b, epsilon)
    model = Postings.build(corpus, k1=k1, b=b, epsilon=epsilon)
    ids, scores = model.top_k(query, k)
    with warnings.catch_warnings():  # the idf from rank-bm25 itself, not from the model under test
        warnings.simplefilter("ignore", RuntimeWarning)
        idf = BM25Okapi(corpus, k1=k1, b=b, epsilon=epsilon).idf
    negative = any(idf[t] < 0 for t in query if t in idf)
    ranked = [i for i in range(len(corpus)) if negative or set(query) & set(corpus[i])]
    best = sorted((expected[i] for i in ranked), reverse=True)[:k]
    np.testing.assert_allclose(scores, best, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(scores, expected[ids], rtol=1e-12, atol=1e-12)


def test_idf_keeps_rank_bm25s_epsilon_floor() -> None:
    corpus = [["visa", "baku"], ["visa", "geneva"], ["visa"], ["iom"]]
    model = Postings.build(corpus, epsilon=0.25)
    okapi = BM25Okapi(corpus, epsilon=0.25)
    assert {t: model.term_idf(t) for t in okapi.idf} == okapi.idf


def test_a_single_passage_corpus_scores_like_rank_bm25() -> None:
    corpus = [["state", "migration", "service", "migration"]]
    np.testing.assert_allclose(Postings.build(corpus).scores(["migration"]),
                               BM25Okapi(corpus).get_scores(["migration"]))


def test_negative_idf_ranks_passages_without_the_term_first_as_rank_bm25_does() -> None:
    corpus = [["visa", "permit"], ["visa", "permit"], ["visa"]]  # every idf negative, so is the floor
    model = Postings.build(corpus)
    ids, scores = model.top_k(["permit"], 3)
    assert ids.tolist() == [2, 0, 1]
    np.testing.assert_allclose(scores, BM25Okapi(corpus).get_scores(["permit"])[[2, 0, 1]])


def test_a_repeated_query_term_counts_once_per_occurrence() -> None:
    corpus = [["visa", "permit"], ["permit"], ["iom"]]
    model = Postings.build(corpus)
    np.testing.assert_allclose(model.scores(["visa", "visa"]), 2 * model.scores(["visa"]))


def test_unknown_terms_find_nothing() -> None:
    model = Postings.build([["visa"], ["permit"]])
    assert model.top_k(["never", "seen"], 5)[0].tolist() == []


def test_an_empty_corpus_finds_nothing() -> None:
    model = Postings.build([])
    assert model.size == 0
    assert model.top_k(["visa"], 5)[0].tolist() == []


def test_equal_scores_rank_by_passage_order() -> None:
    corpus = [["iom"], ["visa"], ["visa"], ["baku"], ["visa"]]
    assert Postings.build(corpus).top_k(["visa"], 2)[0].tolist() == [1, 2]


def test_top_k_returns_only_passages_that_share_a_term() -> None:
    corpus = [["visa"], ["iom"], ["baku"], ["geneva"], ["permit"], ["mexico"]]
    assert Postings.build(corpus).top_k(["visa", "iom"], 10)[0].tolist() == [0, 1]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_large_corpora_with_frequent_and_rare_terms_rank_like_rank_bm25(seed: int) -> None:
    """Enough passages for every way top_k ranks: few postings (summed by sorting), frequent terms only
    looked up for the passages their rarer companions leave in the running (pruned, with the rarer terms
    sorted or added densely), everything added densely, one term."""
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{i}" for i in range(3000)]
    weights = 1 / np.arange(1, len(vocabulary) + 1)
    weights /= weights.sum()
    lengths = rng.integers(0, 40, size=4000)
    tokens = rng.choice(vocabulary, size=int(lengths.sum()), p=weights).tolist()
    corpus = [tokens[end - n : end] for n, end in zip(lengths.tolist(), np.cumsum(lengths).tolist(), strict=True)]
    okapi = BM25Okapi(corpus)
    model = Postings.build(corpus)
    for query in (["w2000", "w2500"], ["w0", "w300"], ["w1", "w40", "w3"], ["w0", "w50"], ["w0", "w1", "w7"],
                  ["w0", "w2999", "w0"], ["w5", "absent"], ["w1500"]):
        ids, scores = model.top_k(query, 10)
        expected = okapi.get_scores(query)
        matching = np.flatnonzero([bool(set(query) & set(doc)) for doc in corpus])
        np.testing.assert_allclose(scores, np.sort(expected[matching])[::-1][:10], rtol=1e-12)
        np.testing.assert_allclose(scores, expected[ids], rtol=1e-12)


def test_bags_number_terms_in_order_of_first_occurrence() -> None:
    bags = Bags.from_tokens([["visa", "iom", "visa"], [], ["baku", "iom"]])
    assert bags.vocabulary == ("visa", "iom", "baku")
    assert bags.offsets.tolist() == [0, 2, 2, 4]
    assert bags.terms.tolist() == [0, 1, 2, 1]
    assert bags.counts.tolist() == [2, 1, 1, 1]
    assert bags.lengths().tolist() == [3, 0, 2]


def test_passage_lengths_count_every_token_with_empty_passages_first_between_and_last() -> None:
    bags = Bags.from_tokens([[], ["visa"] * 3 + ["iom"], [], [], ["baku"], []])
    assert bags.lengths().tolist() == [0, 4, 0, 0, 1, 0]
    assert Bags.from_tokens([[], []]).lengths().tolist() == [0, 0]
    assert Bags.from_tokens([]).lengths().tolist() == []


def test_joined_bags_equal_the_bags_of_the_joined_passages() -> None:
    first = [["visa", "permit"], ["iom", "geneva", "iom"], ["mexico"]]
    second = [["baku", "visa"], [], ["geneva"]]
    old, new = Bags.from_tokens(first), Bags.from_tokens(second)
    joined = Bags.join([(new, np.array([2, 0])), (old, np.array([1])), (new, np.array([1])),
                        (old, np.array([0]))])
    expected = Bags.from_tokens([second[2], second[0], first[1], second[1], first[0]])
    assert joined.vocabulary == expected.vocabulary
    for name in ("offsets", "terms", "counts"):
        assert getattr(joined, name).tolist() == getattr(expected, name).tolist()


def test_postings_from_joined_bags_score_like_a_fresh_build() -> None:
    first = [["visa", "permit"], ["iom", "geneva", "iom"]]
    second = [["baku", "visa"], ["geneva"]]
    joined = Bags.join([(Bags.from_tokens(second), np.array([1, 0])), (Bags.from_tokens(first), np.array([0, 1]))])
    fresh = Postings.build([second[1], second[0], first[0], first[1]])
    np.testing.assert_array_equal(Postings.from_bags(joined).scores(["visa", "geneva"]),
                                  fresh.scores(["visa", "geneva"]))


@pytest.mark.parametrize("seed", [1, 2])
def test_weighted_top_k_ranks_by_the_weighted_sum_of_impacts(seed: int) -> None:
    """Every way top_k ranks (sorted, pruned, dense), with each term's impacts scaled by a weight."""
    rng = np.random.default_rng(seed)
    vocabulary = [f"w{i}" for i in range(3000)]
    p = 1 / np.arange(1, len(vocabulary) + 1)
    tokens = rng.choice(vocabulary, size=60_000, p=p / p.sum()).tolist()
    corpus = [tokens[i : i + 15] for i in range(0, len(tokens), 15)]
    model = Postings.build(corpus)
    for weights in ({"w2000": 0.5, "w2500": 2.0}, {"w0": 1.0, "w300": 0.7}, {"w1": 1.3, "w40": 1.0, "w3": 0.2},
                    {"w1500": 3.0}, {"w0": 0.1, "w7": 1.0, "absent": 2.0}):
        expected = sum(model.scores([t]) * w for t, w in weights.items())
        ids, scores = model.top_k_weighted(weights, 10)
        holding = np.flatnonzero(expected > 0)
        np.testing.assert_allclose(scores, np.sort(expected[holding])[::-1][:10], rtol=1e-12)
        np.testing.assert_allclose(scores, expected[ids], rtol=1e-12)


def test_impacts_in_gives_a_terms_impact_per_passage_and_zero_elsewhere() -> None:
    model = Postings.build([["iom", "geneva"], ["baku"], ["iom", "iom"], ["mexico"]])
    found = model.impacts_in("iom", np.array([0, 1, 2], dtype=np.int64))
    np.testing.assert_allclose(found, model.scores(["iom"])[[0, 1, 2]])
    assert found[1] == 0.0 and model.impacts_in("absent", np.array([0], dtype=np.int64)).tolist() == [0.0]


def test_a_term_read_through_every_passage_equals_its_binary_search_bit_for_bit() -> None:
    """The pruned ranking reads a lazy term for many candidates by writing its postings into an array of every
    passage (_gather): the values must be those of the binary search (_lookup), so no score moves."""
    rng = np.random.default_rng(4)
    words = [f"w{i}" for i in range(40)]
    corpus = [rng.choice(words, size=int(n)).tolist() for n in rng.integers(1, 9, 500)]
    model = Postings.build(corpus)
    tid = model.vocabulary["w3"]
    term = _Slice(tid, int(model.offsets[tid]), int(model.offsets[tid + 1]), 0.7)
    candidates = np.sort(rng.choice(500, size=300, replace=False)).astype(np.int64)
    gathered = model._gather(term, candidates)
    assert gathered.tobytes() == model._lookup(term, candidates, True).tobytes()
    assert (gathered == 0).any() and (gathered > 0).any()


@pytest.mark.parametrize(("entries", "span"), [(40, 1 << 16), (1 << 20, 16), (1, 1)])
def test_postings_made_a_range_of_terms_at_a_time_equal_rank_bm25_wherever_the_ranges_cut(
        monkeypatch: pytest.MonkeyPatch, entries: int, span: int) -> None:
    """Term ranges of about `entries` entries and at most `span` terms (bags._ENTRIES, bags._SPAN; 2**20 and
    2**16 in use; (1, 1): a range per term, more than 256 ranges): every term's postings are in passage order
    and each passage's dense score equals rank-bm25's."""
    monkeypatch.setattr(bags_module, "_ENTRIES", entries)
    monkeypatch.setattr(bags_module, "_SPAN", span)
    rng = np.random.default_rng(7)
    passages = 3 * 4096 + 123
    lengths = rng.integers(0, 6, size=passages)
    tokens = [f"w{i}" for i in rng.zipf(1.3, size=int(lengths.sum())) % 400]
    corpus = [tokens[end - n : end] for n, end in zip(lengths.tolist(), np.cumsum(lengths).tolist(), strict=True)]
    ranges = bags_module.term_ranges(Bags.from_tokens(corpus))
    assert len(ranges) > 20 and max(last - first for first, last in ranges) <= span
    model = Postings.build(corpus)
    for t in range(len(model.vocabulary)):
        assert np.all(np.diff(model.passages[model.offsets[t] : model.offsets[t + 1]]) > 0)
    okapi = BM25Okapi(corpus)
    for query in (["w1"], ["w2", "w17", "w2"], ["w399", "w5", "w1"]):
        expected = okapi.get_scores(query)
        np.testing.assert_allclose(model.scores(query), expected, rtol=1e-12, atol=1e-12)
