"""`pressbot eval`: metrics computed over a tiny hand-made corpus and QA file, through the bot's own path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressbot.bot.cli.evaluation import Outcome, evaluate, first_answering_rank, metrics, url_matches
from pressbot.bot.cli.main import main
from pressbot.bot.cli.qa_file import QAFileError, QAItem, parse_qa
from pressbot.bot.cli.sweep import safe_band, shares_at
from pressbot.bot.core.config import load_config
from pressbot.bot.core.service import Service
from tests.conftest import write_doc

QA = """
in_scope:
- {q: "When does the Zanzibar ferry office open?", lang: en, docs: [news/1], fact: "opens at nine"}
- {q: "How many camels crossed the Gobi border post?", lang: en, docs: [news/2], fact: "412 camels"}
- {q: "Which lighthouse keeper counted the camels?", lang: en, docs: [news/2], fact: "not in any text"}
out_of_scope:
- {q: "What is the best recipe for quince jam?", lang: en}
"""


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_doc(corpus, "ferry.md", "Zanzibar ferry office hours",
              "The Zanzibar ferry office opens at nine every weekday. Tickets are sold at the office.",
              url="https://example.org/news/1")
    write_doc(corpus, "camels.md", "Camels at the Gobi border post",
              "This spring 412 camels crossed the Gobi border post. The lighthouse keeper Batu counted them.",
              url="https://example.org/news/2")
    write_doc(corpus, "harbour.md", "New harbour lighthouse",
              "The harbour lighthouse was repainted white and red by its keeper.",
              url="https://example.org/news/3")
    return corpus


def outcome(rank: int | None, answered: bool = True, fact: bool = True, in_scope: bool = True,
            lang: str = "en") -> Outcome:
    item = QAItem(question="q", lang=lang, in_scope=in_scope, docs=("x",) if in_scope else ())
    return Outcome(item=item, answered=answered, rank=rank, fact_found=fact, answer_lang=lang)


def test_a_url_matches_the_suffix_it_ends_with() -> None:
    assert url_matches("https://migration.gov.az/en/news_detail/9402", "news_detail/9402")


def test_a_url_does_not_match_a_longer_number_with_the_same_start() -> None:
    assert not url_matches("https://migration.gov.az/en/news_detail/94021", "news_detail/9402")


def test_a_url_matches_a_suffix_followed_by_a_query_string() -> None:
    assert url_matches("https://example.org/en/useful/8?page=1", "en/useful/8")


def test_first_answering_rank_counts_from_one() -> None:
    urls = ["https://a.org/1", None, "https://a.org/3"]
    assert first_answering_rank(urls, ["a.org/3", "a.org/9"]) == 3
    assert first_answering_rank(urls, ["b.org/1"]) is None


def test_recall_and_mrr_are_computed_over_in_scope_questions_only() -> None:
    m = metrics([outcome(1), outcome(2), outcome(4), outcome(None), outcome(None, answered=True, in_scope=False)])
    assert (m.recall_at_1, m.recall_at_3) == (0.25, 0.5)
    assert m.mrr_at_10 == pytest.approx((1 + 1 / 2 + 1 / 4 + 0) / 4)


def test_a_document_ranked_below_ten_adds_nothing_to_mrr() -> None:
    assert metrics([outcome(11)]).mrr_at_10 == 0.0


def test_answered_and_abstained_shares_split_by_scope() -> None:
    m = metrics([outcome(1, answered=False, fact=False), outcome(1), outcome(None, answered=False, in_scope=False),
                 outcome(None, answered=True, in_scope=False), outcome(None, answered=False, in_scope=False)])
    assert m.answered == 0.5
    assert m.abstained == pytest.approx(2 / 3)
    assert m.fact == 0.5


def test_a_group_without_out_of_scope_questions_has_no_abstention_share() -> None:
    assert metrics([outcome(1)]).abstained is None


def test_qa_file_entries_without_a_fact_are_refused_naming_the_entry() -> None:
    with pytest.raises(QAFileError, match=r"in_scope\[0\]: fact"):
        parse_qa("in_scope:\n- {q: 'Why?', lang: en, docs: [a/1]}\n")


def test_evaluation_runs_every_question_through_the_service(tiny_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=tiny_corpus))
    report = evaluate(service.ask, parse_qa(QA))
    first, second, third, jam = report.outcomes
    assert (first.rank, first.fact_found, first.answered) == (1, True, True)
    assert (second.rank, second.fact_found) == (1, True)
    assert third.fact_found is False
    assert jam.answered is False
    assert report.overall.recall_at_1 == 1.0
    assert report.overall.fact == pytest.approx(2 / 3)
    assert set(report.by_language) == {"en"}


def test_eval_command_prints_json_metrics(tiny_corpus: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    qa = tmp_path / "qa.yaml"
    qa.write_text(QA, encoding="utf-8")
    assert main(["eval", "--qa", str(qa), "--json", "--corpus", str(tiny_corpus)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["recall@1"] == 1.0
    assert data["overall"]["in_scope"] == 3
    assert len(data["questions"]) == 4


def test_eval_command_names_a_missing_qa_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--qa", str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml" in capsys.readouterr().err


def scored(evidence: float, in_scope: bool) -> Outcome:
    item = QAItem(question="q", lang="en", in_scope=in_scope, docs=("x",) if in_scope else ())
    return Outcome(item=item, answered=True, rank=1, fact_found=True, answer_lang="en", evidence=evidence)


def test_shares_at_a_threshold_answer_exactly_the_questions_with_enough_evidence() -> None:
    outcomes = [scored(0.2, True), scored(0.6, True), scored(0.1, False), scored(0.5, False)]
    assert shares_at(outcomes, 0.5) == (0.5, 0.5)


def test_the_safe_band_lies_between_the_last_tolerated_out_of_scope_and_in_scope_evidence() -> None:
    inside = [scored(0.3 + i / 100, True) for i in range(20)]  # 0.30 .. 0.49; one may abstain at 95%
    outside = [scored(e, False) for e in (0.05, 0.1, 0.1, 0.12, 0.15, 0.2, 0.2, 0.22, 0.25, 0.4)]  # one may answer
    band = safe_band(inside + outside)
    assert band is not None
    assert band.lo == 0.25
    assert band.hi == pytest.approx(0.31)
    assert band.middle == pytest.approx(0.28)


def test_no_safe_band_when_the_evidence_of_both_kinds_overlaps_too_much() -> None:
    inside = [scored(0.1, True)] * 10
    outside = [scored(0.9, False)] * 10
    assert safe_band(inside + outside) is None


def test_eval_command_prints_the_threshold_sweep(tiny_corpus: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    qa = tmp_path / "qa.yaml"
    qa.write_text(QA, encoding="utf-8")
    assert main(["eval", "--qa", str(qa), "--sweep", "--corpus", str(tiny_corpus)]) == 0
    out = capsys.readouterr().out
    assert "threshold" in out and "safe band" in out


def test_language_share_counts_replies_in_the_questions_language() -> None:
    assert metrics([outcome(1, lang="az"), outcome(None, in_scope=False, lang="ru")]).language == 1.0
    wrong = Outcome(item=QAItem(question="q", lang="az", in_scope=True, docs=("x",)), answered=True, rank=1,
                    fact_found=True, answer_lang="en")
    assert metrics([wrong, outcome(1)]).language == 0.5


def test_a_qa_file_may_list_conversation_inputs_apart_from_out_of_scope_questions() -> None:
    items = parse_qa(QA + "conversation:\n- {q: salam, lang: az}\n")
    talk = [i for i in items if i.conversation]
    assert [(i.question, i.lang, i.in_scope) for i in talk] == [("salam", "az", False)]
    assert all(not i.conversation for i in items if i is not talk[0])


def test_conversation_inputs_do_not_count_as_out_of_scope_questions() -> None:
    talk = QAItem(question="thanks", lang="en", in_scope=False, conversation=True)
    stray = QAItem(question="plov recipe", lang="en", in_scope=False)
    outcomes = [Outcome(item=talk, answered=True, rank=None, fact_found=False, answer_lang="en"),
                Outcome(item=stray, answered=False, rank=None, fact_found=False, answer_lang="en")]
    m = metrics(outcomes)
    assert (m.out_of_scope, m.abstained) == (1, 1.0)


def talk(kind: str) -> Outcome:
    item = QAItem(question="hi", lang="en", in_scope=False, conversation=True)
    return Outcome(item=item, answered=False, rank=None, fact_found=False, answer_lang="en", kind=kind)


def test_conversation_share_counts_inputs_answered_as_conversation() -> None:
    m = metrics([talk("conversation"), talk("corpus"), outcome(1)])
    assert (m.conversations, m.conversation) == (2, 0.5)


def test_answered_but_wrong_counts_answered_in_scope_questions_without_the_fact() -> None:
    m = metrics([outcome(1, fact=False), outcome(1), outcome(1, answered=False, fact=False), outcome(1)])
    assert m.answered_wrong == 0.25


def test_cross_language_answers_are_counted_with_those_whose_own_language_had_the_answer() -> None:
    item = QAItem(question="q", lang="ru", in_scope=True, docs=("x",), fact="f")
    crossed = [Outcome(item=item, answered=True, rank=1, fact_found=True, answer_lang="ru", found_in="en",
                       own_language_doc=own) for own in (False, True)]
    m = metrics([*crossed, outcome(1, lang="ru")])
    assert (m.cross_language, m.cross_language_own) == (2, 1)


def test_eval_json_reports_conversation_wrong_and_cross_language(tiny_corpus: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    qa = tmp_path / "qa.yaml"
    qa.write_text(QA + "conversation:\n- {q: \"thanks!\", lang: en}\n", encoding="utf-8")
    assert main(["eval", "--qa", str(qa), "--corpus", str(tiny_corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    overall = data["overall"]
    assert (overall["conversations"], overall["conversation"]) == (1, 1.0)
    assert overall["answered_wrong"] == pytest.approx(1 / 3)
    assert (overall["cross_language"], overall["cross_language_own"]) == (0, 0)
    assert data["questions"][-1]["kind"] == "conversation"
