"""Finding glossary terms in what people write."""

from __future__ import annotations

from lexicon.terms import build, fold

GLOSSARY = build(
    {
        "aanmaning": {
            "offer": True,
            "nl": ["aanmaning", "aanmaningen"],
            "fr": ["mise en demeure", "sommation"],
        },
        "wettige_reden": {"offer": True, "nl": ["wettige reden"], "fr": ["motif légitime", "motif legitime"]},
        "reden": {"offer": False, "nl": ["reden"], "fr": ["raison"]},
        "ocmw": {"offer": False, "nl": ["ocmw"], "fr": ["cpas"]},
    }
)


def keys(text, language=None):
    return [t.key for t in GLOSSARY.find(text, language)]


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("C'est quoi un MOTIF LÉGITIME ?!") == " c est quoi un motif legitime "


def test_finds_a_term_in_a_question():
    assert keys("Wat is een aanmaning?", "nl") == ["aanmaning"]


def test_finds_multi_word_french_terms_without_accents():
    assert keys("ça veut dire quoi une mise en demeure", "fr") == ["aanmaning"]
    assert keys("c koi un motif legitime", "fr") == ["wettige_reden"]


def test_the_longest_form_wins():
    assert keys("ik had een wettige reden", "nl") == ["wettige_reden"]


def test_whole_words_only():
    assert keys("de aanmaningsbrief", "nl") == []


def test_order_of_appearance_and_no_duplicates():
    assert keys("het OCMW stuurde een aanmaning, nog een aanmaning", "nl") == ["ocmw", "aanmaning"]


def test_display_name_is_the_first_form_of_the_language():
    term = GLOSSARY.terms["aanmaning"]
    assert term.name("nl") == "aanmaning"
    assert term.name("fr") == "mise en demeure"
