"""The summary shows the user's own words, the chosen labels and the dates, and hides nothing."""

from __future__ import annotations

from prep.flow import SKIP
from prep.summary import as_text, collect, sections

LABELS = {
    "prep_section.strengths": "Sterk in",
    "prep_section.goals": "Doelen",
    "prep_section.now": "Nu",
    "prep_section.change": "Veranderen",
    "prep_section.questions": "Vragen",
    "prep_section.skipped": "(overgeslagen)",
    "prep_section.dream": "Droom",
    "utter_ask_prep_domains.housing": "Wonen",
    "prep_question.what_if": "Wat als het niet lukt?",
}


def label(key, **values):
    if key == "prep_section.by":
        return f"tegen {values['when_date']}"
    return LABELS.get(key, key)


def slots():
    return {
        "prep_strengths": "koken en zorgen voor mijn broer",
        "prep_domains": ["housing"],
        "prep_notes": [{"topic": "housing", "now": "te klein", "change": "groter huis"}],
        "prep_dream": SKIP,
        "prep_goals": [
            {
                "topic": "housing",
                "goal": "huurwoning vinden",
                "when_text": "tegen juni",
                "when_date": "2027-06-30",
            }
        ],
        "prep_questions": {"chosen": ["what_if"], "own": "Krijg ik een kopie?"},
    }


def test_the_summary_holds_the_users_words_and_the_date():
    text = as_text(sections(collect(slots()), label))
    assert "koken en zorgen voor mijn broer" in text
    assert "Wonen: huurwoning vinden (tegen 2027-06-30)" in text
    assert "Nu: te klein" in text and "Veranderen: groter huis" in text
    assert "Wat als het niet lukt?" in text and "Krijg ik een kopie?" in text


def test_a_skipped_question_says_so_and_an_unasked_one_is_left_out():
    parts = {p.title: p.lines for p in sections(collect(slots()), label)}
    assert parts["Droom"] == ("(overgeslagen)",)
    assert "prep_section.need" not in parts
