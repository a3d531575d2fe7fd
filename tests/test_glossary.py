"""The glossary: acronyms and full names, in three languages, expanded at question time."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.bot.core.service import corpus_fingerprint
from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.corpus import CorpusError, load_corpus
from pressbot.retrieval.glossary import Glossary, load_glossary

GLOSSARY = """
- en: [IOM, International Organization for Migration]
  az: [BMqT, Beynəlxalq Miqrasiya Təşkilatı]
  ru: [МОМ, Международная организация по миграции]
- en: [SMS, State Migration Service]
  az: [DMX, Dövlət Miqrasiya Xidməti]
"""
ROOT = Path(__file__).resolve().parent.parent

DOCS = [
    Document(id="acronym", title="Geneva meeting", text="The delegation met IOM officials in Geneva."),
    Document(id="full", title="Geneva talks",
             text="The delegation met International Organization for Migration officials in Geneva."),
    Document(id="other", title="Ferry timetable", text="The ferry leaves the harbour at nine."),
    Document(id="az", title="Görüş", text="Dövlət Miqrasiya Xidmətinin rəisi Bakıda qonaqları qəbul etdi.", lang="az"),
]


def index(glossary: str = GLOSSARY) -> Index:
    return Index.build(DOCS, glossary=Glossary.parse(glossary))


def test_an_acronym_becomes_one_concept_with_the_names_in_the_question_language() -> None:
    query = Glossary.parse(GLOSSARY).expand(analyze("Who met IOM?", "en"), "en")
    iom = query.concepts[-1]
    assert iom.said == ("iom",)
    assert tuple(analyze("International Organization for Migration", "en")) in iom.alternatives
    assert tuple(analyze("МОМ", "ru")) not in iom.alternatives


def test_a_name_in_another_language_is_expanded_to_the_question_language() -> None:
    query = Glossary.parse(GLOSSARY).expand(analyze("Who met BMqT?", "en"), "en")
    assert ("iom",) in query.concepts[-1].alternatives


def test_an_inflected_azerbaijani_name_matches_its_entry() -> None:
    query = Glossary.parse(GLOSSARY).expand(analyze("Dövlət Miqrasiya Xidmətinin rəisi", "az"), "az")
    assert ("dmx",) in query.concepts[0].alternatives


def test_a_question_with_the_acronym_finds_the_release_that_spells_it_out() -> None:
    found = {h.doc_id for h in index().search("IOM", k=10, lang="en")}
    assert "full" in found


def test_without_a_glossary_the_acronym_misses_the_spelled_out_release() -> None:
    found = {h.doc_id for h in index("").search("IOM", k=10, lang="en")}
    assert "full" not in found


def test_a_question_with_the_full_name_finds_the_release_that_uses_the_acronym() -> None:
    found = {h.doc_id for h in index().search("International Organization for Migration officials", k=10)}
    assert "acronym" in found


def test_a_spelled_out_name_counts_no_more_than_the_acronym_the_question_used() -> None:
    hits = index().search("IOM", k=10, lang="en")
    assert [h.doc_id for h in hits][:2] == ["acronym", "full"]


def test_a_passage_using_another_name_covers_that_part_of_the_question() -> None:
    hits = {h.doc_id: h for h in index().search("IOM Geneva", k=10, lang="en")}
    assert hits["full"].coverage == pytest.approx(1.0)


def test_a_question_without_glossary_names_scores_as_without_a_glossary() -> None:
    with_glossary = [(h.passage_id, h.score) for h in index().search("ferry harbour nine", k=10)]
    without = [(h.passage_id, h.score) for h in index("").search("ferry harbour nine", k=10)]
    assert with_glossary == without


def test_an_entry_with_a_single_name_is_refused_with_its_line() -> None:
    with pytest.raises(CorpusError, match=r"glossary.yaml:2: an entry needs at least two names"):
        Glossary.parse("\n- en: [IOM]\n", "glossary.yaml")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(CorpusError, match="unknown language 'fr'"):
        Glossary.parse("- en: [IOM]\n  fr: [OIM]\n")


def test_a_corpus_without_a_glossary_file_has_an_empty_glossary(tmp_path: Path) -> None:
    assert load_glossary(tmp_path).entries == ()


def test_the_glossary_file_is_not_read_as_a_press_release() -> None:
    docs, problems = load_corpus(ROOT / "corpus")
    assert problems == []
    assert "glossary" not in {d.id for d in docs}


def test_the_bundled_glossary_expands_sms_to_the_state_migration_service() -> None:
    glossary = load_glossary(ROOT / "corpus")
    query = glossary.expand(analyze("SMS", "en"), "en")
    assert tuple(analyze("State Migration Service", "en")) in query.concepts[0].alternatives


def test_changing_the_glossary_changes_the_corpus_fingerprint(small_corpus: Path) -> None:
    before = corpus_fingerprint(small_corpus)
    (small_corpus / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert corpus_fingerprint(small_corpus) != before


def test_a_hyphenated_name_typed_run_together_is_the_same_concept() -> None:
    glossary = Glossary.parse("- en: [e-visa, electronic visa]\n  az: [e-viza, elektron viza]\n")
    query = glossary.expand(analyze("evize nece gune cixir", "az"), "az")
    assert ("elektron", "viza") in query.concepts[0].alternatives


def test_the_bundled_vocabulary_translates_month_names() -> None:
    glossary = load_glossary(ROOT / "corpus")
    plan, translated = glossary.translate(analyze("2019 aprelde", "az"), "az", "en")
    assert translated == 1
    assert plan.concepts[-1].alternatives[0] == tuple(analyze("April", "en"))  # then its abbreviation, "apr"


def test_an_azerbaijani_verb_named_in_the_infinitive_matches_its_conjugated_forms() -> None:
    glossary = Glossary.parse("- en: [return, come back]\n  az: [qayıtmaq]\n")
    for asked in ("vetene nece qayidim", "qayıdır", "qayıtdı", "qayıdıb", "qayitmisam", "qayıdan"):
        plan, translated = glossary.translate(analyze(asked, "az"), "az", "en")
        assert translated == 1, asked
        assert ("return",) in plan.concepts[-1].alternatives, asked


def test_an_azerbaijani_verb_matches_its_negative_and_can_forms() -> None:
    glossary = Glossary.parse("- en: [register]\n  az: [qeydiyyatdan keçmək]\n- en: [return]\n  az: [qayıtmaq]\n")
    assert glossary.translate(analyze("qeydiyyatdan keçmədim", "az"), "az", "en")[1] == 1
    assert glossary.translate(analyze("geri qayıda bilərəm", "az"), "az", "en")[1] == 1


def test_a_vowel_final_azerbaijani_verb_matches_its_passive() -> None:
    glossary = Glossary.parse("- en: [pay, payment]\n  az: [ödəmək]\n")
    assert glossary.translate(analyze("rusum nece odenilir", "az"), "az", "en")[1] == 1
    assert glossary.translate(analyze("rüsum ödənir", "az"), "az", "en")[1] == 1


def test_a_word_two_entries_name_stands_for_both() -> None:
    glossary = Glossary.parse("- en: [foreigner]\n  az: [xarici, əcnəbi]\n- en: [abroad]\n  az: [xaricə, xarici]\n")
    plan, _ = glossary.translate(analyze("xarici", "az"), "az", "en")
    assert set(plan.concepts[0].alternatives) == {("foreign",), ("abroad",)}


def test_a_name_in_the_question_language_wins_over_another_language_analyzed_alike() -> None:
    # "issue" analyzed as Azerbaijani comes near "iş" (work); an Azerbaijani question saying iş means work.
    glossary = Glossary.parse("- en: [work]\n  az: [iş]\n- en: [issue]\n  az: [vermək]\n")
    plan, _ = glossary.translate(analyze("iş", "az"), "az", "en")
    assert plan.concepts[0].alternatives == (("work",),)


def test_a_name_that_is_one_word_plus_stopwords_gives_way_to_the_one_word_name() -> None:
    glossary = Glossary.parse("- en: [day]\n  az: [gün]\n- en: [today]\n  az: [bu gün, hazırda]\n")
    plan, _ = glossary.translate(analyze("gün", "az"), "az", "en")
    assert plan.concepts[0].alternatives == (("day",),)


def test_a_rounded_azerbaijani_verb_matches_its_forms_in_rounded_harmony() -> None:
    glossary = Glossary.parse("- en: [collect, pick up]\n  az: [götürmək]\n")
    for asked in ("termin nece goturulur", "götürür", "götürmüşəm", "götürülməsi"):
        assert glossary.translate(analyze(asked, "az"), "az", "en")[1] == 1, asked


PROCEDURE_VERBS = ("apply", "issue", "extend", "renew", "lose", "return", "register", "work", "study", "marry", "pay",
                   "stay", "enter", "leave", "arrive", "consider", "decide", "start", "establish", "sign", "cancel",
                   "renounce", "confirm", "visit")


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    """The bundled vocabulary, read once for the tests below (a second a read)."""
    return load_glossary(ROOT / "corpus")


@pytest.mark.parametrize("verb", PROCEDURE_VERBS)
def test_the_bundled_vocabulary_names_each_verb_of_procedure_in_azerbaijani_and_russian(verb: str,
                                                                                         bundled: Glossary) -> None:
    for target in ("az", "ru"):
        assert bundled.translate(analyze(verb, "en"), "en", target)[1] == 1, (verb, target)


def test_the_bundled_vocabulary_reads_an_azerbaijani_verb_as_typed_in_a_chat(bundled: Glossary) -> None:
    plan = bundled.translate(analyze("vetene nece qayidim", "az"), "az", "en")[0]
    assert ("return",) in plan.concepts[-1].alternatives


def test_the_bundled_vocabulary_reads_chat_abbreviations_of_months() -> None:
    glossary = load_glossary(ROOT / "corpus")
    query = glossary.expand(analyze("jan 2018 stats", "en"), "en")
    assert tuple(analyze("January", "en")) in query.concepts[0].alternatives


def test_an_azerbaijani_noun_name_is_matched_in_its_my_form() -> None:
    # icazə-m "my permit", vəsiqə-m-i "my card (acc.)": the stemmer keeps the -m (it also ends bayram, proqram).
    glossary = Glossary.parse("- {en: [permit], az: [icazə]}\n- {en: [holiday], az: [bayram]}")
    mine = glossary.expand(analyze("icazəmi itirdim", "az"), "az").concepts[0]
    assert tuple(analyze("icazə", "az")) in mine.alternatives
    assert glossary.translate(analyze("icazəmi itirdim", "az"), "az", "en")[1] == 1
    assert glossary.translate(analyze("bayramı", "az"), "az", "en")[1] == 1


def test_a_consonant_final_azerbaijani_noun_is_matched_in_its_possessive_cases() -> None:
    # konfrans-ı-n-da "at its conference", görüş-ü-n-də "at its meeting": the stemmer reads the root's s as the
    # possessive's (konfransında -> konfran, görüşündə -> goru), but the name is known to end in it.
    glossary = Glossary.parse("- {en: [conference], az: [konfrans]}\n- {en: [meeting], az: [görüş]}")
    for asked in ("miqrantlar günü konfransında", "konfransı", "bu gorusunde", "görüşünün"):
        plan, translated = glossary.translate(analyze(asked, "az"), "az", "en")
        assert translated == 1, asked
        assert any(("confer",) in c.alternatives or ("meet",) in c.alternatives for c in plan.concepts), asked


def test_a_possessive_form_does_not_take_a_word_another_entry_names_directly() -> None:
    # "status" makes statusu -> stat; an entry naming a word that analyzes to "stat" itself keeps it.
    glossary = Glossary.parse("- {en: [status], az: [status]}\n- {en: [statistics], az: [stat]}")
    plan, _ = glossary.translate(analyze("stat", "az"), "az", "en")
    assert plan.concepts[0].alternatives == (tuple(analyze("statistics", "en")),)


def test_a_russian_noun_name_is_matched_in_its_other_cases() -> None:
    # The stemmer reads "исполком" as "исполк" but "исполкома" as "исполком": the name's cases are matched too.
    glossary = Glossary.parse("- {en: [executive committee], ru: [исполком]}\n- {en: [Belarus], ru: [Беларусь]}")
    for asked in ("сессия исполкома", "на исполкоме", "из Беларуси"):
        _, translated = glossary.translate(analyze(asked, "ru"), "ru", "en")
        assert translated == 1, asked


def test_a_russian_verb_or_acronym_name_is_not_declined_as_a_noun() -> None:
    glossary = Glossary.parse("- {en: [issue], ru: [выдать]}\n- {en: [SMS], ru: [ГМС]}")
    _, translated = glossary.translate(analyze("выдатью ГМСы", "ru"), "ru", "en")
    assert translated == 0


def test_a_number_searched_in_english_is_also_its_ordinal() -> None:
    # "25 illiyi", "21-й годовщине": the English releases write "the 25th anniversary", "the 21st anniversary".
    glossary = Glossary.parse("- {en: [anniversary], az: [ildönümü, illik], ru: [годовщина]}")
    plan, _ = glossary.translate(analyze("20 yanvarın 25 illiyi", "az"), "az", "en")
    assert ("25th",) in next(c for c in plan.concepts if c.said == ("25",)).alternatives
    plan, _ = glossary.translate(analyze("на 21-й годовщине", "ru"), "ru", "en")
    assert ("21st",) in next(c for c in plan.concepts if c.said == ("21",)).alternatives


def test_a_year_searched_in_english_is_no_ordinal() -> None:
    plan, _ = Glossary.parse("- {en: [year], az: [il]}").translate(analyze("2021 ildə", "az"), "az", "en")
    assert next(c for c in plan.concepts if c.said == ("2021",)).alternatives == (("2021",),)


def test_a_hyphenated_name_is_one_concept_with_its_parts() -> None:
    # "gecə-gündüz" (day and night) reads "gece gunduz gecegunduz": its parts are not left over as other concepts.
    glossary = Glossary.parse("- {en: [round the clock], az: [gecə-gündüz]}\n- {en: [night], az: [gecə]}")
    query = glossary.expand(analyze("919 gecə-gündüz işləyir", "az"), "az")
    assert [c.said for c in query.concepts] == [("919",), tuple(analyze("gecə-gündüz", "az")), ("isleyir",)]


def test_the_bundled_vocabulary_reads_turkish_style_azerbaijani() -> None:
    glossary = load_glossary(ROOT / "corpus")
    plan, translated = glossary.translate(analyze("ikamet izni almak için ne gerekli", "az"), "az", "en")
    assert translated == 3  # residence permit, getting it, what is required
    assert tuple(analyze("residence permit", "en")) in plan.concepts[0].alternatives


def test_a_russian_surname_named_in_the_nominative_matches_its_oblique_cases() -> None:
    glossary = Glossary.parse("- en: [Heydar Aliyev]\n  ru: [Гейдар Алиев]\n")
    for asked in ("день рождения Гейдара Алиева", "памяти гейдару алиеву", "с Гейдаром Алиевым", "Гейдар Алиев"):
        plan, translated = glossary.translate(analyze(asked, "ru"), "ru", "en")
        assert translated == 1, asked
        assert plan.concepts[-1].alternatives == (("heydar", "aliyev"),), asked


def test_a_lower_case_russian_word_in_ov_is_no_surname() -> None:
    glossary = Glossary.parse("- en: [services]\n  ru: [услуги мигрантов]\n")
    assert glossary.translate(analyze("услуги мигрантова", "ru"), "ru", "en")[1] == 0


def test_the_bundled_vocabulary_reads_movement_outside_the_country_as_travel_abroad(bundled: Glossary) -> None:
    # The Russian asylum page grants "право передвижения за пределами" the Republic; people ask "выезжать за границу".
    asked = bundled.expand(analyze("беженцу можно выезжать за границу", "ru"), "ru")
    travel = next(c for c in asked.concepts if c.said == ("выезжа", "границ"))
    assert tuple(analyze("передвижения за пределами", "ru")) in travel.alternatives


def test_a_very_long_figure_translated_to_english_is_searched_as_said() -> None:
    plan, _ = Glossary.parse("- {en: [visa], az: [viza]}").translate(["viza", "9" * 5000], "az", "en")
    assert plan.concepts[-1].alternatives == (("9" * 5000,),)


WHOLE = """
- en: [refugee, refugee status, asylum]
  az: [qaçqın, qaçqın statusu]
- en: [appointment, electronic appointment, booking an appointment]
  az: [növbə, növbə götürmək]
"""


def test_a_translated_name_is_ranked_as_the_one_name_saying_it_whole() -> None:
    plan, _ = Glossary.parse(WHOLE).translate(analyze("qaçqın statusu", "az"), "az", "en", whole=True)
    assert plan.concepts[0].said == tuple(analyze("refugee status", "en"))


def test_a_translated_name_keeps_the_vocabulary_order_unless_asked_for_ranking() -> None:
    plan, _ = Glossary.parse(WHOLE).translate(analyze("qaçqın statusu", "az"), "az", "en")
    assert plan.concepts[0].said == tuple(analyze("refugee", "en"))


def test_a_one_word_name_keeps_its_first_name_when_ranked() -> None:
    plan, _ = Glossary.parse(WHOLE).translate(analyze("qaçqın", "az"), "az", "en", whole=True)
    assert plan.concepts[0].said == tuple(analyze("refugee", "en"))


def test_a_name_said_whole_by_several_names_there_keeps_its_first_name() -> None:
    # "növbə götürmək" could be "electronic appointment" or "booking an appointment": which one is unknown.
    plan, _ = Glossary.parse(WHOLE).translate(analyze("növbə götürmək", "az"), "az", "en", whole=True)
    assert plan.concepts[0].said == tuple(analyze("appointment", "en"))


def test_a_name_said_whole_keeps_every_other_name_as_an_alternative() -> None:
    plan, _ = Glossary.parse(WHOLE).translate(analyze("qaçqın statusu", "az"), "az", "en", whole=True)
    assert set(plan.concepts[0].alternatives) == {tuple(analyze(n, "en")) for n in ("refugee", "refugee status",
                                                                                      "asylum")}


WHOLE_DOCS = [
    Document(id="camp", title="Camp visit", text="The refugee camp was visited; application forms were handed out."),
    Document(id="status", title="Decision", text="Refugee status is decided within three months."),
    Document(id="ferry", title="Ferry timetable", text="The ferry leaves the harbour at nine."),
    Document(id="port", title="Port works", text="The harbour was repaired in spring."),
]


def test_a_question_naming_refugee_status_in_another_language_ranks_the_release_saying_it_first() -> None:
    whole = Index.build(WHOLE_DOCS, glossary=Glossary.parse(WHOLE + "- {en: [application], az: [ərizə]}"))
    plan, _ = whole.translate("qaçqın statusu ərizəsi", "az", "en", whole=True)
    assert whole.search_in(plan, "en")[0].doc_id == "status"
