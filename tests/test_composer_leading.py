"""Which release leads: the release found first keeps the lead when one of its sentences states the asked kind
about the question's topic read with its title; when a release further down states it as fully, the one whose
sentence names the topic by itself ("Consular registration of citizens is free of charge") comes first, not the
one that says "The registration is done free of charge" under the title "Consular registration"."""

from __future__ import annotations

import pytest

from pressbot.retrieval import Document, Index
from tests.composing import AZ_FILLER, FILLER, RU_FILLER, answer

# The release found first (its title and more of its sentences name the topic) states the kind only through its
# title; the other states it about the topic in one sentence.
CASES = [
    ("is consular registration free of charge?", "en", [
        Document(id="titled", title="Consular registration",
                 text=("Citizens are advised to get consular registration at the consulate. Consular registration "
                       "protects citizens abroad.\nThe registration is done free of charge.")),
        Document(id="itself", title="Consular services",
                 text=("Consular registration of citizens is free of charge.\n"
                       "The consulate also issues return certificates.")),
        *FILLER]),
    ("konsulluq ucotu odenissizdir?", "az", [
        Document(id="titled", lang="az", title="Konsulluq uçotu",
                 text=("Vətəndaşların konsulluqda konsulluq uçotuna alınmaları tövsiyə olunur.\n"
                       "Uçot onların hüquqlarının qorunması məqsədilə ödənişsiz aparılır.")),
        Document(id="itself", lang="az", title="Konsulluq xidmətləri",
                 text="Vətəndaşların konsulluq uçotuna alınması ödənişsiz yerinə yetirilir."),
        *AZ_FILLER]),
    ("консульский учет бесплатный?", "ru", [
        Document(id="titled", lang="ru", title="Консульский учет",
                 text=("Гражданам рекомендуется встать на консульский учет в консульстве страны пребывания.\n"
                       "Учет осуществляется бесплатно для защиты их прав.")),
        Document(id="itself", lang="ru", title="Консульские услуги",
                 text="Постановка граждан на консульский учет осуществляется бесплатно."),
        *RU_FILLER]),
]


@pytest.mark.parametrize(("question", "lang", "docs"), CASES)
def test_the_release_stating_the_kind_about_the_topic_by_itself_leads_when_both_state_it_fully(
        question: str, lang: str, docs: list[Document]) -> None:
    index = Index.build(docs)
    assert index.search(question, k=10, lang=lang)[0].doc_id == "titled"  # found first
    found = answer(question, docs, lang)
    assert found.answered and found.citations[0].doc_id == "itself"


def test_the_release_found_first_keeps_the_lead_when_it_alone_states_the_kind() -> None:
    question, lang, docs = CASES[0]
    without = [d for d in docs if d.id != "itself"]
    found = answer(question, without, lang)
    assert found.answered and found.citations[0].doc_id == "titled"
