"""The place a question names: a release whose publisher is placed elsewhere is not among the hits when releases
speaking for the asked place are (retrieval/places.py, Index._in_place); the vocabulary marks the places."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressbot.retrieval import Document, Index
from pressbot.retrieval.analyzer import analyze
from pressbot.retrieval.corpus import CorpusError
from pressbot.retrieval.glossary import Glossary, load_glossary
from pressbot.retrieval.index import Hit

ROOT = Path(__file__).resolve().parent.parent

PLACES = """
- {en: [Azerbaijan], az: [Azərbaycan], ru: [Азербайджан], place: home}
- {en: [Baku], az: [Bakı], ru: [Баку], in: Azerbaijan}
- {en: [Nakhchivan], az: [Naxçıvan], ru: [Нахчыван], in: Azerbaijan}
- {en: [Germany], az: [Almaniya], ru: [Германия], place: yes}
- {en: [Georgia], az: [Gürcüstan], ru: [Грузия], place: yes}
- {en: [Batumi], az: [Batumi], ru: [Батуми], in: Georgia}
- {en: [Russia], az: [Rusiya], ru: [Россия], place: yes}
- {en: [Yekaterinburg], az: [Yekaterinburq], ru: [Екатеринбург], in: Russia}
- {en: [Bulgaria], az: [Bolqarıstan], ru: [Болгария], place: yes}
- {en: [register, registration], az: [qeydiyyat], ru: [регистрация]}
"""
NATIONAL = "State Migration Service"


def _doc(doc_id: str, source: str, text: str, lang: str = "en") -> Document:
    return Document(id=doc_id, title=text.split(".")[0], text=text, lang=lang, source=source)


DOCS = [
    _doc("nakhchivan", "State Migration Service of the Nakhchivan Autonomous Republic",
         "Foreigners staying more than 15 days register their place of stay. Registration: apply to our website. "
         "Registration of foreigners staying in Baku, Ganja or Nakhchivan."),
    _doc("national", NATIONAL, "Foreigners staying more than 10 days register their place of stay in the country."),
    _doc("border", NATIONAL, "Passengers arriving at the airports pass the border control."),
    _doc("batumi", "Consulate General of Azerbaijan in Batumi",
         "Citizens who returned from Germany and Georgia register at the consulate. Consular registration is free."),
    _doc("berlin", "Embassy of Azerbaijan in Germany",
         "Citizens living in Germany apply to the embassy for passports."),
    _doc("sofia", "Embassy of Azerbaijan in Bulgaria",
         "Visas at the airports of Baku are issued electronically. Citizens register at the embassy."),
    _doc("yekaterinburg", "Consulate General of Azerbaijan in Yekaterinburg",
         "Citizens living in Russia register at the consulate in Yekaterinburg."),
    _doc("az-batumi", "Consulate General of Azerbaijan in Batumi",
         "Almaniyadan qayıdan vətəndaşlar konsulluqda qeydiyyata alınır. Gürcüstanda yaşayanlar.", "az"),
    _doc("az-berlin", "Embassy of Azerbaijan in Germany", "Almaniyada yaşayan vətəndaşlar səfirliyə müraciət edir.",
         "az"),
    _doc("az-national", NATIONAL, "Almaniyadan qayıdan vətəndaşlara yardım göstərilir.", "az"),
    _doc("ru-nakhchivan", "State Migration Service of the Nakhchivan Autonomous Republic",
         "Регистрация иностранцев в Баку и Нахчыване: подайте заявление на наш сайт.", "ru"),
    _doc("ru-national", NATIONAL, "Регистрация иностранцев по месту пребывания в течение 10 дней.", "ru"),
    _doc("ru-yekaterinburg", "Consulate General of Azerbaijan in Yekaterinburg",
         "Граждане, живущие в России, встают на учёт в консульстве.", "ru"),
]


def _index(glossary: str = PLACES, docs: list[Document] = DOCS) -> Index:
    return Index.build(docs, glossary=Glossary.parse(glossary))


def _unmarked(glossary: str) -> str:
    """The same vocabulary with no entry marked as a place."""
    return "\n".join(line.split(", place:")[0].split(", in:")[0] + ("}" if "place:" in line or " in:" in line
                                                                    else "") for line in glossary.splitlines())


def _docs(hits: list[Hit]) -> list[str]:
    return list(dict.fromkeys(h.doc_id for h in hits))


# --- the vocabulary's places --------------------------------------------------------------------------------------


def test_a_place_inside_another_is_related_to_it_and_to_what_contains_that() -> None:
    glossary = Glossary.parse(PLACES + "- {en: [Old Town], az: [İçərişəhər], ru: [Ичеришехер], in: Baku}\n")
    places = glossary.places
    (old_town,), (baku,) = glossary.places_named(["old", "town"], "en"), glossary.places_named(["baku"], "en")
    (batumi,) = glossary.places_named(["batumi"], "en")
    assert places.related(old_town, baku)
    assert places.at_home(old_town)
    assert not places.related(old_town, batumi)
    assert not places.at_home(batumi)


def test_the_home_is_no_place_a_question_names() -> None:
    glossary = Glossary.parse(PLACES)
    assert glossary.places.home
    assert glossary.places_named(["azerbaijan"], "en") == frozenset()


def test_a_publisher_is_placed_at_the_place_it_names_other_than_the_home() -> None:
    glossary = Glossary.parse(PLACES)
    batumi = glossary.placed_at("Consulate General of Azerbaijan in Batumi")
    assert batumi == glossary.places_named(["batumi"], "en")
    assert glossary.placed_at("Ministry of Internal Affairs of Azerbaijan") == frozenset()
    assert glossary.placed_at(NATIONAL) == frozenset()


def test_in_naming_no_place_of_the_vocabulary_is_a_path_line_problem() -> None:
    with pytest.raises(CorpusError) as raised:
        Glossary.parse(PLACES + "- {en: [Sumgait], az: [Sumqayıt], in: Absheron}\n", "corpus/glossary.yaml")
    assert "corpus/glossary.yaml:12: in: 'Absheron' is no place of the vocabulary" in str(raised.value)


def test_in_naming_an_entry_that_is_no_place_is_a_problem() -> None:
    with pytest.raises(CorpusError, match="'registration' is no place"):
        Glossary.parse(PLACES + "- {en: [office], az: [ofis], in: registration}\n")


def test_places_containing_each_other_are_a_problem() -> None:
    cyclic = "- {en: [Upper], az: [Yuxarı], in: Lower}\n- {en: [Lower], az: [Aşağı], in: Upper}\n"
    with pytest.raises(CorpusError, match="is itself in this place"):
        Glossary.parse(cyclic)


def test_place_takes_yes_or_home_only() -> None:
    with pytest.raises(CorpusError, match="place: must be yes or home, got 'country'"):
        Glossary.parse("- {en: [Germany], az: [Almaniya], place: country}\n")


def test_in_refers_to_a_place_whatever_its_case_and_letters() -> None:
    glossary = Glossary.parse(PLACES + "- {en: [Old Town], az: [İçərişəhər], in: BAKI}\n")
    (old_town,), (baku,) = glossary.places_named(["old", "town"], "en"), glossary.places_named(["baku"], "en")
    assert glossary.places.related(old_town, baku)


def test_place_yes_may_be_quoted() -> None:
    assert Glossary.parse('- {en: [Germany], az: [Almaniya], place: "yes"}\n').places


def test_a_second_home_is_a_path_line_problem() -> None:
    with pytest.raises(CorpusError, match=r"glossary.yaml:2: place: home is given twice \(first at line 1\)"):
        Glossary.parse("- {en: [Azerbaijan], az: [Azərbaycan], place: home}\n"
                       "- {en: [Georgia], az: [Gürcüstan], place: home}\n", "corpus/glossary.yaml")


def test_the_bundled_vocabulary_places_its_publishers() -> None:
    glossary = load_glossary(ROOT / "corpus")
    for publisher, place in [("Consulate General of Azerbaijan in Batumi", "batumi"),
                             ("State Migration Service of the Nakhchivan Autonomous Republic", "nakhchivan"),
                             ("Embassy of Azerbaijan in the USA", "usa")]:
        assert glossary.placed_at(publisher) == glossary.places_named([place], "en"), publisher
    germany, russia = (glossary.placed_at(f"Embassy of Azerbaijan in {c}") for c in ("Germany", "Russia"))
    assert germany and russia and germany != russia


# --- the hits of a question naming a place ------------------------------------------------------------------------


def test_en_a_region_s_own_rules_are_not_found_for_another_city_at_home() -> None:
    hits = _docs(_index().search("foreigner staying in baku, how many days to register", lang="en"))
    assert "national" in hits
    assert "nakhchivan" not in hits


def test_en_the_same_question_without_a_place_finds_the_region_s_rules() -> None:
    hits = _docs(_index().search("foreigner staying, how many days to register", lang="en"))
    assert "nakhchivan" in hits


def test_az_another_consulate_is_not_found_when_the_asked_country_s_embassy_is() -> None:
    hits = _docs(_index().search("almaniyadan qayidanlara kim komek edir", lang="az"))
    assert "az-berlin" in hits
    assert "az-batumi" not in hits


def test_ru_a_region_s_own_rules_are_not_found_for_the_capital() -> None:
    hits = _docs(_index().search("регистрация иностранцев в баку", lang="ru"))
    assert hits == ["ru-national"]


# Another mission's page matching the same words: left out only if the consulate inside the asked country speaks for it.
ELSEWHERE = [_doc("ru-batumi", "Consulate General of Azerbaijan in Batumi",
                  "Граждане, живущие в Грузии, встают на учёт в консульстве.", "ru"),
             _doc("en-batumi", "Consulate General of Azerbaijan in Batumi",
                  "Citizens living in Georgia register at the consulate.")]


def test_ru_a_consulate_inside_the_asked_country_speaks_for_it() -> None:
    hits = _docs(_index(docs=[*DOCS, *ELSEWHERE]).search("граждане в России учёт в консульстве", lang="ru"))
    assert "ru-yekaterinburg" in hits
    assert "ru-batumi" not in hits


def test_en_a_consulate_inside_the_asked_country_speaks_for_it() -> None:
    hits = _docs(_index(docs=[*DOCS, *ELSEWHERE]).search("citizens in Russia register", lang="en"))
    assert hits[0] == "yekaterinburg"
    assert "en-batumi" not in hits


def test_a_word_naming_both_a_place_and_something_else_names_no_place() -> None:
    glossary = Glossary.parse(PLACES + "- {en: [Ganja], az: [Gəncə], ru: [Гянджа], in: Azerbaijan}\n"
                                       "- {en: [youth, young], az: [gənclər, gənc], ru: [молодежь]}\n")
    assert glossary.places_named(analyze("gənclər üçün tədbir", "az"), "az") == frozenset()
    assert glossary.places_named(analyze("Ganja", "en"), "en") != frozenset()


def test_a_mission_abroad_is_found_for_a_place_at_home() -> None:
    hits = _docs(_index().search("visas at the airports of baku", lang="en"))
    assert hits[0] == "sofia"


def test_other_missions_stay_when_none_speaks_for_the_asked_place_abroad() -> None:
    docs = [d for d in DOCS if d.id not in ("berlin", "az-berlin")]
    hits = _docs(_index(docs=docs).search("citizens who returned from Germany register", lang="en"))
    assert "batumi" in hits


def test_naming_the_home_asks_about_no_particular_place() -> None:
    marked = _index().search("foreigners register in Azerbaijan", lang="en")
    plain = _index(_unmarked(PLACES)).search("foreigners register in Azerbaijan", lang="en")
    assert [(h.passage_id, h.score) for h in marked] == [(h.passage_id, h.score) for h in plain]


def test_a_question_naming_no_place_is_ranked_exactly_as_without_places() -> None:
    question = "citizens register at the consulate"
    marked = _index().search(question, lang="en")
    plain = _index(_unmarked(PLACES)).search(question, lang="en")
    assert [(h.passage_id, h.score) for h in marked] == [(h.passage_id, h.score) for h in plain]
    assert "batumi" in _docs(marked)


def test_the_hits_left_keep_their_scores() -> None:
    question = "foreigner staying in baku, how many days to register"
    marked = {h.passage_id: h.score for h in _index().search(question, lang="en")}
    plain = {h.passage_id: h.score for h in _index(_unmarked(PLACES)).search(question, lang="en")}
    assert marked and all(plain[p] == s for p, s in marked.items())
