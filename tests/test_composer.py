"""The composer: which sentences an answer quotes, from which sources, and when it abstains."""

from __future__ import annotations

from pressbot.responses.answer_types import DATE, DURATION, NUMBER, expected_kind, holds
from pressbot.responses.composer import (
    Answer,
    ComposerSettings,
    _matched,
    _Unit,
    compose,
    focus,
    needs_of,
    related,
)
from pressbot.retrieval import Document, Hit, Index
from pressbot.retrieval.glossary import Glossary

FERRY = Document(
    id="ferry", title="Ferry service to Zanzibar", url="https://example.org/ferry",
    text=("The harbour office sells ferry tickets to Zanzibar. The ferry to Zanzibar leaves at nine.\n"
          "Passengers travelling to Zanzibar need a passport. Children under five travel free of charge.\n"
          "The office is closed on public holidays."))
CAMELS = Document(
    id="camels", title="Camels at the Gobi border post", url="https://example.org/camels",
    text=("A border post in the Gobi desert counts caravans. This spring 412 camels crossed the Gobi border post.\n"
          "The Gobi post keeper wrote the numbers in a ledger."))
COPY = Document(
    id="copy", title="Ferry timetable", url="https://example.org/copy",
    text="The ferry to Zanzibar leaves at nine. Tickets are sold at the harbour office.")
# Unrelated releases, so that idf tells rare words from common ones as in a real corpus.
FILLER = [Document(id=f"filler{i}", title=f"Seminar {i}", text=f"A seminar on {topic} was held in the capital.")
          for i, topic in enumerate(["museums", "archives", "libraries", "orchestras", "theatres", "gardens"])]
DOCS = [FERRY, CAMELS, COPY, *FILLER]


def answer(question: str, docs: list[Document] = DOCS, settings: ComposerSettings = ComposerSettings()) -> Answer:
    index = Index.build(docs)
    hits = index.search(question, k=10, lang="en")
    return compose(question, hits, index.term_weights(index.query_terms(question, "en")), "en", settings)


def test_every_quote_is_a_verbatim_substring_of_its_cited_passage() -> None:
    result = answer("When does the ferry to Zanzibar leave and what do passengers need?")
    assert result.answered and result.quotes
    texts = {doc.id: doc.text for doc in DOCS}  # the corpus text, not Citation.passage (built from the quotes)
    for quote in result.quotes:
        assert quote.text in texts[result.citations[quote.n - 1].doc_id]


def test_quotes_of_one_source_keep_document_order() -> None:
    result = answer("When does the ferry to Zanzibar leave and do passengers need a passport?")
    texts = [q.text for q in result.quotes if q.n == 1]
    passage = next(doc.text for doc in DOCS if doc.id == result.citations[0].doc_id)  # the corpus text
    assert len(texts) >= 2
    assert [passage.index(t) for t in texts] == sorted(passage.index(t) for t in texts)


def test_a_sentence_quoted_from_one_source_is_not_quoted_again_from_another() -> None:
    result = answer("When does the ferry to Zanzibar leave?")
    texts = [q.text for q in result.quotes]
    assert texts.count("The ferry to Zanzibar leaves at nine.") == 1


def test_a_source_is_quoted_with_at_most_the_configured_number_of_sentences() -> None:
    settings = ComposerSettings(sentences_per_source=1)
    result = answer("Ferry Zanzibar tickets passport harbour office", settings=settings)
    assert all(sum(q.n == c.n for q in result.quotes) <= 1 for c in result.citations)


def test_each_citation_is_a_different_document() -> None:
    result = answer("ferry Zanzibar harbour office tickets")
    assert len({c.doc_id for c in result.citations}) == len(result.citations)


def test_the_sentence_holding_the_number_asked_for_is_quoted() -> None:
    result = answer("How many camels crossed the Gobi border post?")
    assert any("412 camels" in q.text for q in result.quotes)


def test_a_question_about_nothing_in_the_corpus_is_declined() -> None:
    result = answer("How do I bake a quince pie with cinnamon?")
    assert not result.answered
    assert result.quotes == () and result.citations == ()


def test_weak_evidence_below_the_threshold_is_declined() -> None:
    question = "Do ferry passengers need travel insurance, vaccinations and a visa?"
    weak = answer(question, settings=ComposerSettings(min_coverage=0.99))
    assert not weak.answered
    assert 0 < weak.evidence < 0.99


def test_the_same_evidence_above_the_threshold_is_answered() -> None:
    question = "Do ferry passengers need travel insurance, vaccinations and a visa?"
    assert answer(question, settings=ComposerSettings(min_coverage=0.01)).answered


def test_evidence_is_reported_with_the_answer() -> None:
    result = answer("When does the ferry to Zanzibar leave?")
    assert result.evidence == 1.0


def test_no_hits_means_no_answer() -> None:
    assert not compose("anything", [], {}, "en").answered


def test_a_decline_names_the_check_that_made_it() -> None:
    assert compose("anything", [], {}, "en").reason == "no_hits"
    question = "Do ferry passengers need travel insurance, vaccinations and a visa?"
    assert answer(question, settings=ComposerSettings(min_coverage=0.99)).reason == "evidence"
    assert answer("How many camels crossed the Gobi border post in 2019?").reason == "on_years"
    assert answer("Who is the harbour office manager selling ferry tickets?").reason == "not_stated"


def test_an_answer_has_no_decline_reason() -> None:
    result = answer("When does the ferry to Zanzibar leave?")
    assert result.answered and result.reason is None


def test_a_passage_matched_only_through_its_title_is_quoted_from_its_first_sentence() -> None:
    hit = Hit(doc_id="d", passage_id="d#1", score=1.0, text="First sentence here. Second one.", title="Quince",
              lang="en", position=1, coverage=1.0)
    result = compose("quince", [hit], {"quinc": 2.0}, "en")
    assert [q.text for q in result.quotes] == ["First sentence here."]


def test_inflections_the_stemmer_keeps_apart_are_related() -> None:
    assert related("conclud", "conclus")
    assert related("ucot", "ucotu")


def test_short_or_different_stems_are_not_related() -> None:
    assert not related("visa", "visit")
    assert not related("iom", "ion")


def test_how_many_asks_for_a_number() -> None:
    assert expected_kind("How many camels crossed?", "en") == NUMBER
    assert expected_kind("Neçə zəng daxil olub?", "az") == NUMBER
    assert expected_kind("Сколько иностранцев въехало?", "ru") == NUMBER


def test_how_long_asks_for_a_duration() -> None:
    assert expected_kind("How long does it take to get a visa?", "en") == DURATION


def test_when_asks_for_a_date() -> None:
    assert expected_kind("When was the meeting held?", "en") == DATE
    assert expected_kind("Görüş nə vaxt keçirilib?", "az") == DATE
    assert expected_kind("Когда прошла встреча?", "ru") == DATE


def test_a_question_without_a_cue_asks_for_no_particular_kind() -> None:
    assert expected_kind("Did the chief meet the ambassador?", "en") is None


def test_a_duration_is_a_number_with_a_unit_of_time() -> None:
    assert holds(DURATION, "Visas are issued within three working days.")
    assert not holds(DURATION, "Three offices issue visas.")


def test_a_list_items_number_is_not_a_figure() -> None:
    assert not holds(NUMBER, "1.1. to create the visa system for foreigners")
    assert holds(NUMBER, "1.1. to issue 500 visas a day")


def test_a_date_is_a_year_a_month_or_a_numeric_date() -> None:
    assert holds(DATE, "The council was set up on June 8, 2015.")
    assert holds(DATE, "Qərar 15.05.2018 tarixində verilib.", "az")
    assert not holds(DATE, "The council meets often.")


def test_quotes_from_two_passages_of_one_release_are_both_in_its_cited_text() -> None:
    filler = " ".join(["The harbour committee discussed routine matters of the port at length."] * 6)
    doc = Document(id="long", title="Harbour news", text=(
        f"The Zanzibar ferry now carries bicycles. {filler}\n"
        f"{filler} Helmets for cyclists are sold at the kiosk."))
    index = Index.build([doc, *FILLER])
    assert len(index) > 1
    question = "Does the Zanzibar ferry carry bicycles, and where are helmets sold?"
    result = compose(question, index.search(question, k=10, lang="en"),
                     index.term_weights(index.query_terms(question, "en")), "en")
    assert len(result.quotes) >= 2 and result.citations[0].doc_id == "long"
    for quote in result.quotes:
        assert quote.text in doc.text  # the corpus text, not Citation.passage (built from the quotes)


def test_a_repeated_sentence_keeps_its_first_place_so_the_rendered_quotes_follow_the_corpus_text() -> None:
    repeat = Document(id="repeat", title="Ferry notice", url="https://example.org/repeat",
                      text=("Ferry tickets to Zanzibar are sold at the harbour. "
                            "Passengers to Zanzibar need a passport.\n"
                            "Ferry tickets to Zanzibar are sold at the harbour."))
    result = answer("Where are ferry tickets to Zanzibar sold, and do passengers need a passport?",
                    docs=[repeat, *FILLER])
    quoted = " ".join(q.text for q in result.quotes)
    assert quoted == ("Ferry tickets to Zanzibar are sold at the harbour. Passengers to Zanzibar need a passport.")


def test_a_lead_in_quoted_with_its_list_leaves_the_other_sentences_of_its_paragraph_quotable() -> None:
    calls = Document(id="calls", title="Calls to the hotline in April", url="https://example.org/calls",
                     text=("The hotline received 10646 calls in April. Of them 739 were answered in Russian. "
                           "By subject the calls were:\nPermits – 693 calls\nCitizenship – 969 calls"))
    result = answer("How many calls were answered in Russian?", docs=[calls, *FILLER])
    assert any("739 were answered in Russian" in q.text for q in result.quotes)


STATISTICS = [
    Document(id="y2022", title="Applications in the first half of 2022", url="https://example.org/2022",
             text="During the first half of 2022, 57851 applications on citizenship were received."),
    Document(id="y2018", title="Migration statistics", url="https://example.org/2018",
             text="In the first half of 2018, citizenship was granted to 58 persons."),
    *FILLER,
]


def test_a_year_the_question_names_is_answered_only_from_a_release_that_speaks_of_it() -> None:
    result = answer("how many applications on citizenship in the first half of 2018", STATISTICS)
    assert [c.doc_id for c in result.citations] == ["y2018"]


def test_a_year_no_release_speaks_of_is_declined() -> None:
    result = answer("how many applications on citizenship in the first half of 2015", STATISTICS)
    assert not result.answered
    assert {h.doc_id for h in result.hits} >= {"y2022", "y2018"}  # the hits stay reported for evaluation


def test_an_amount_is_not_a_year_the_release_must_speak_of() -> None:
    fees = [Document(id="fee", title="State fee", url="https://example.org/fee",
                     text="The state fee for the permit is 20 manat."), *FILLER]
    assert answer("is the state fee for the permit 2000 manat", fees).answered


def _planned(question: str, docs: list[Document], glossary: str) -> Answer:
    """An answer composed as the bot composes it: with the question's search plan (the vocabulary's names)."""
    index = Index.build(docs, glossary=Glossary.parse(glossary))
    plan = index.query(question, "en")
    return compose(question, index.search(question, k=10, lang="en", plan=plan), index.term_weights(plan.said),
                   "en", plan=plan)


APP = Document(id="app", title="Services of the agency", url="https://example.org/app", text=(
    "The agency organised a mobile service in the harbour district. 101 applicants used the mobile service. "
    "The chief spoke about the new mobile application Harbourly for booking a visit."))


def test_a_sentence_naming_the_asked_concept_by_another_vocabulary_name_is_quoted() -> None:
    result = _planned("harbour agency app", [APP, *FILLER], "- en: [app, mobile application]\n")
    assert any("Harbourly" in q.text for q in result.quotes)


def test_a_vocabulary_name_counts_only_with_its_words_in_a_row() -> None:
    result = _planned("harbour agency app", [APP, *FILLER], "- en: [app, mobile application]\n")
    assert not any(q.text == "101 applicants used the mobile service." for q in result.quotes)


def test_a_further_sentence_stating_the_number_about_another_asked_term_is_quoted() -> None:
    calls = Document(id="calls", title="Calls to the hotline", url="https://example.org/calls", text=(
        "The hotline received 10646 calls in April. Of them 9659 were answered in Azerbaijani, 739 in Russian."))
    result = _planned("hotline April russian how many calls", [calls, *FILLER], "- en: [russian, in Russian]\n")
    assert any("739 in Russian" in q.text for q in result.quotes)


def test_a_heading_does_not_replace_the_chosen_lead_in_it_holds() -> None:
    embassy = Document(id="embassy", title="Passports by mail", url="https://example.org/embassy", text=(
        "How to apply\n"
        "• Only complete applications are accepted.\n"
        "• The embassy accepts applications by mail. Send the documents to:\n"
        "Embassy of Zanzibar, 12 Harbour Street, Stone Town\n"
        "Opening hours"))
    result = answer("zanzibar embassy address to send documents", docs=[embassy, *FILLER])
    assert any("12 Harbour Street" in q.text for q in result.quotes)


HALL = [
    Document(id="talk", title="Harbour board meeting", url="https://example.org/talk", text=(
        "The board discussed ferry tickets to Zanzibar. Zanzibar ferry tickets will be discussed again.")),
    Document(id="fact", title="Ferry news", url="https://example.org/fact", text=(
        "The harbour reopened after repairs. A ferry ticket to Zanzibar costs 30 dollars.")),
    *FILLER,
]


def test_the_release_whose_one_sentence_says_what_is_asked_is_quoted_first() -> None:
    question = "how much is a ferry ticket to zanzibar"
    index = Index.build(HALL)
    assert index.search(question, k=10, lang="en")[0].doc_id == "talk"  # BM25 prefers the repeated words
    result = answer(question, HALL)
    assert result.citations[0].doc_id == "fact"
    assert any("30 dollars" in q.text for q in result.quotes)


def test_a_releases_title_counts_for_what_it_says() -> None:
    units = [_Unit("Ferry tickets to Zanzibar are sold at the harbour", -1), _Unit("The office opened.", 0)]
    needs = needs_of({"ferri": 1.0, "ticket": 1.0, "zanzibar": 1.0}, None)
    assert focus(units, "en", needs, None, frozenset(), frozenset(), {"ferri": 1.0, "ticket": 1.0,
                                                                       "zanzibar": 1.0}) == 1.0


def test_a_contact_in_another_sentence_of_the_line_naming_the_place_does_not_answer_for_that_place() -> None:
    cards = Document(id="cards", title="Cards from May", url="https://example.org/cards", text=(
        "From May 1 the following applies:\n"
        "• Cards are collected at the Harbour Department of Zanzibar. Others can call (012) 919 at the Call Center;\n"
        "• Forms are filled in online."))
    result = answer("phone number of the zanzibar harbour department", docs=[cards, *FILLER])
    assert not result.answered and result.missing == "contact"


def test_a_heading_naming_nothing_asked_is_not_quoted_over_its_paragraph() -> None:
    page = Document(id="page", title="Ferry notice", url="https://example.org/page", text=(
        "PrintE-mail\n"
        "Ferry tickets to Zanzibar are sold at the harbour office. The office also sells maps."))
    result = answer("where are ferry tickets to zanzibar sold", docs=[page, *FILLER])
    assert [q.text for q in result.quotes] == ["Ferry tickets to Zanzibar are sold at the harbour office."]


def test_a_heading_over_a_list_is_quoted_with_the_list_even_when_it_names_nothing_asked() -> None:
    page = Document(id="page", title="Passports", url="https://example.org/page", text=(
        "Required papers\n"
        "• Completed passport application form\n"
        "• Copy of the Zanzibar passport\n"
        "• Two photographs"))
    result = answer("which documents for a zanzibar passport application", docs=[page, *FILLER])
    assert any(q.text.startswith("Required papers\n• Completed") and "Two photographs" in q.text
               for q in result.quotes)


def test_question_terms_are_matched_against_each_sentence_s_own_terms_when_sentences_come_back() -> None:
    question = {"conclud": 1.0, "agreement": 1.0}
    concluded = frozenset({"conclus", "agreement"})
    elsewhere = frozenset({"concert", "agreement"})
    for _ in range(2):  # the second time reads the sentences' terms grouped the first time
        assert _matched(question, concluded) == {"conclud", "agreement"}
        assert _matched(question, elsewhere) == {"agreement"}


HARBOUR = Document(
    id="harbour", title="Ferry tickets to Zanzibar are sold by the Northern Harbour Office.",
    url="https://example.org/harbour",
    text=("Ferry tickets to Zanzibar are sold by the Northern Harbour Office.\n"
          "A ticket is valid for one crossing.\nThe office is closed on public holidays."))


def test_a_title_written_as_a_sentence_is_quoted_as_what_its_release_says_first() -> None:
    result = answer("who sells ferry tickets to zanzibar", [HARBOUR, *FILLER])
    assert result.answered
    assert result.quotes[0].text == "Ferry tickets to Zanzibar are sold by the Northern Harbour Office."
    assert result.quotes[0].text in result.citations[0].passage


def test_a_title_cut_at_an_abbreviation_is_not_quoted_as_a_sentence() -> None:
    cut = Document(id="cut", title="Ferry tickets to Zanzibar are sold as set by Decision No.",
                   url="https://example.org/cut", text=("A ticket is valid for one crossing.\n"
                                                         "The office is closed on public holidays."))
    result = answer("ferry tickets to zanzibar sold", [cut, *FILLER])
    assert all(q.text != cut.title for q in result.quotes)


def test_a_title_that_is_no_sentence_is_not_quoted() -> None:
    result = answer("ferry service to zanzibar passport", DOCS)
    assert all(q.text != FERRY.title for q in result.quotes)
