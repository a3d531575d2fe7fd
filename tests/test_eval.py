"""`pressbot eval`: metrics computed over a tiny hand-made corpus and QA file, through the bot's own path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressbot.bot.cli.evaluation import (
    Metrics,
    Outcome,
    evaluate,
    first_answering_rank,
    metrics,
    quotes_fact,
    url_matches,
)
from pressbot.bot.cli.main import main
from pressbot.bot.cli.qa_file import QAFileError, QAItem, parse_qa
from pressbot.bot.cli.sweep import Row, joint_band, safe_band, service_at, sweep
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


def test_a_fact_is_found_in_a_quote_writing_it_with_lookalike_letters_of_the_other_script() -> None:
    assert quotes_fact("Həmrəylik", "«Dünya Azәrbaycanlılarının Hәmrәylik Günü»")  # Cyrillic ә in the release
    assert not quotes_fact("Həmrəylik", "«Dünya Azərbaycanlılarının Günü»")


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
    # Each declined question names the check that declined it; an answered one names none.
    assert data["questions"][0]["reason"] is None and data["questions"][3]["reason"] is not None


def test_eval_command_names_a_missing_qa_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--qa", str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml" in capsys.readouterr().err


def row(threshold: float, answered: float, abstained: float, wrong: float = 0.0) -> Row:
    m = Metrics(in_scope=20, out_of_scope=20, recall_at_1=None, recall_at_3=None, mrr_at_10=None, fact=None,
                answered=answered, abstained=abstained, answered_wrong=wrong)
    return Row(threshold=threshold, metrics=m)


def test_the_safe_band_is_the_widest_run_of_thresholds_meeting_both_targets() -> None:
    rows = [row(0.3, 1.0, 0.8), row(0.35, 1.0, 0.95), row(0.4, 0.9, 1.0), row(0.45, 1.0, 1.0),
            row(0.5, 0.95, 1.0), row(0.55, 0.95, 1.0), row(0.6, 0.8, 1.0)]
    band = safe_band(rows)
    assert band is not None
    assert (band.lo, band.hi) == (0.45, 0.55)
    assert band.middle == pytest.approx(0.5)


def test_no_safe_band_when_no_threshold_meets_both_targets() -> None:
    assert safe_band([row(0.3, 1.0, 0.5), row(0.5, 0.5, 1.0)]) is None


def test_the_answered_but_wrong_target_narrows_the_band() -> None:
    rows = [row(0.4, 1.0, 1.0, wrong=0.1), row(0.45, 1.0, 1.0, wrong=0.05), row(0.5, 1.0, 1.0, wrong=0.0)]
    band = safe_band(rows, wrong=0.05)
    assert band is not None and (band.lo, band.hi) == (0.45, 0.5)


def test_the_sweep_answers_every_question_again_at_each_threshold(tiny_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=tiny_corpus))
    rows = sweep(lambda t: service_at(service, t).ask, parse_qa(QA), thresholds=(0.0, 1.01))
    assert [r.metrics.answered for r in rows] == [1.0, 0.0]


def test_the_sweep_counts_a_fee_the_releases_do_not_state_as_declined_at_every_threshold(tiny_corpus: Path) -> None:
    service = Service.start(load_config(None, {}, corpus=tiny_corpus))
    fee = parse_qa('in_scope:\n- {q: "How much is the fee at the Zanzibar ferry office?", lang: en, docs: [news/1], '
                   'fact: "nine"}\n')
    rows = sweep(lambda t: service_at(service, t).ask, fee, thresholds=(0.0, 0.3, 0.6))
    assert [r.metrics.answered for r in rows] == [0.0, 0.0, 0.0]


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


def test_the_joint_band_holds_only_thresholds_every_file_meets() -> None:
    first = [row(0.3, 1.0, 0.5), row(0.4, 1.0, 1.0), row(0.5, 1.0, 1.0), row(0.6, 0.9, 1.0)]
    second = [row(0.3, 1.0, 1.0), row(0.4, 1.0, 1.0), row(0.5, 0.9, 1.0), row(0.6, 0.9, 1.0)]
    band = joint_band([first, second])
    assert band is not None and (band.lo, band.hi) == (0.4, 0.4)
    assert joint_band([first, [row(0.3, 0.5, 1.0), row(0.4, 0.5, 1.0), row(0.5, 0.5, 1.0), row(0.6, 0.5, 1.0)]]) \
        is None


def test_eval_command_scores_several_files_and_prints_the_band_they_share(
        tiny_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    qa, other = tmp_path / "qa.yaml", tmp_path / "other.yaml"
    qa.write_text(QA, encoding="utf-8")
    other.write_text("out_of_scope:\n- {q: best plov in town, lang: en}\n", encoding="utf-8")
    assert main(["eval", "--qa", str(qa), "--qa", str(other), "--sweep", "--corpus", str(tiny_corpus)]) == 0
    out = capsys.readouterr().out
    assert str(qa) in out and str(other) in out and "safe band of all 2 files" in out
    assert main(["eval", "--qa", str(qa), "--qa", str(other), "--json", "--corpus", str(tiny_corpus)]) == 0
    assert set(json.loads(capsys.readouterr().out)["files"]) == {str(qa), str(other)}


def test_in_scope_declines_are_counted_by_the_check_that_made_them() -> None:
    item = QAItem(question="q", lang="en", in_scope=True, docs=("x",))
    declined = [Outcome(item=item, answered=False, rank=1, fact_found=False, answer_lang="en", reason=r)
                for r in ("evidence", "names_kept", "evidence")]
    out_of_scope = Outcome(item=QAItem(question="plov", lang="en", in_scope=False), answered=False, rank=None,
                           fact_found=False, answer_lang="en", reason="evidence")
    assert metrics([*declined, outcome(1), out_of_scope]).declined_by == {"evidence": 2, "names_kept": 1}
