"""The in-process NLG renders like bot/'s /nlg endpoint, in the language of the latest message."""

from __future__ import annotations

from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_nlg.catalog import CatalogNaturalLanguageGenerator


def tracker_with(language: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker("test", slots=[])
    tracker.update(
        UserUttered("hallo", intent={"name": "greet", "confidence": 1.0}, metadata={"language": language})
    )
    return tracker


async def test_renders_french_with_source_line_and_buttons():
    nlg = CatalogNaturalLanguageGenerator()
    reply = await nlg.generate("utter_greet", tracker_with("fr"), "rest")
    assert reply["text"].startswith(nlg.wording.catalogs["fr"]["utter_greet"])
    assert "\nSource : " in reply["text"]
    assert reply["buttons"][0]["payload"].startswith("/ask_")


async def test_arguments_of_an_action_are_filled_and_dates_written_out():
    nlg = CatalogNaturalLanguageGenerator()
    reply = await nlg.generate(
        "utter_deadline_appeal", tracker_with("nl"), "rest", given_date="2026-03-03", result_date="2026-06-03"
    )
    assert "dinsdag 3 maart 2026" in reply["text"]
    assert "woensdag 3 juni 2026" in reply["text"]
