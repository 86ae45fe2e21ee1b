"""Training data: both languages cover every intent; the held-out split stays unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

LANGUAGES = ("nl", "fr")
MIN_EXAMPLES = 15
# Intents only ever sent by buttons (/prep_answer{"prep_choice": ...}); typed text never means them.
BUTTON_ONLY = {"prep_answer"}


def examples(folder: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            lines = item["examples"].splitlines()
            found.setdefault(item["intent"], []).extend(
                line.strip()[2:].strip() for line in lines if line.strip().startswith("- ")
            )
    return found


@pytest.fixture(scope="module")
def domain(root):
    return yaml.safe_load((root / "domain.yml").read_text())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_intent_has_enough_examples_in_each_language(root, domain, lang):
    found = examples(root / "data" / "nlu" / lang)
    thin = {
        i: len(found.get(i, []))
        for i in set(domain["intents"]) - BUTTON_ONLY
        if len(found.get(i, [])) < MIN_EXAMPLES
    }
    assert thin == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_training_data_uses_only_domain_intents(root, domain, lang):
    assert sorted(set(examples(root / "data" / "nlu" / lang)) - set(domain["intents"])) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_held_out_examples_are_never_trained_on(root, lang):
    train = {e.lower() for exs in examples(root / "data" / "nlu" / lang).values() for e in exs}
    held_out = {e.lower() for exs in examples(root / "tests" / "nlu" / lang).values() for e in exs}
    assert sorted(train & held_out) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_held_out_split_covers_every_intent(root, domain, lang):
    assert sorted(set(domain["intents"]) - BUTTON_ONLY - set(examples(root / "tests" / "nlu" / lang))) == []


def test_every_intent_is_answered_by_a_rule(root, domain):
    answered = set()
    for path in (root / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text())["rules"]:
            steps = rule["steps"]
            if "intent" in steps[0]:
                answered.add(steps[0]["intent"])
    assert sorted(set(domain["intents"]) - answered) == []


def test_no_example_is_claimed_by_two_intents(root):
    for lang in LANGUAGES:
        owner: dict[str, str] = {}
        for intent, exs in examples(root / "data" / "nlu" / lang).items():
            for example in exs:
                key = example.lower().strip(" ?!.")
                assert owner.setdefault(key, intent) == intent, f"{lang}: {example!r}"
