"""The rule policy predicts the same from the end of a conversation as from all of it."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.importers.importer import TrainingDataImporter

from rasa_runtime import rules
from tests.rasa_runtime.dialogues import INTENTS, said

LISTEN = "action_listen"
RASA_PREDICTION_STATES = RulePolicy._prediction_states
RASA_POSSIBLE_KEYS = RulePolicy._get_possible_keys


def train(domain_path, data_paths, storage_path):
    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(domain_path), training_data_paths=[str(p) for p in data_paths]
    )
    domain = importer.get_domain()
    trackers = TrainingDataGenerator(importer.get_stories(), domain, augmentation_factor=0).generate()
    storage = LocalModelStorage(storage_path)
    config = {**RulePolicy.get_default_config(), "core_fallback_action_name": "action_default_fallback"}
    policy = RulePolicy.create(config, storage, Resource("rules"), ExecutionContext(GraphSchema({}), "test"))
    policy.train(trackers, domain)
    return policy, domain


@pytest.fixture(scope="module")
def trained(root, tmp_path_factory):
    """A RulePolicy trained on this project's rules and stories, and the domain."""
    data = [root / "data" / "rules", root / "data" / "stories"]
    return train(root / "domain.yml", data, tmp_path_factory.mktemp("rules"))


def predict(policy, tracker, domain, tail: bool):
    """The prediction with this module's changes (tail=True) or with Rasa's own code."""
    if tail:
        RulePolicy._prediction_states = rules.install_prediction_states()
        RulePolicy._get_possible_keys = rules.install_possible_keys()
    try:
        prediction = policy.predict_action_probabilities(tracker, domain)
    finally:
        RulePolicy._prediction_states = RASA_PREDICTION_STATES
        RulePolicy._get_possible_keys = RASA_POSSIBLE_KEYS
    return np.argmax(prediction.probabilities), max(prediction.probabilities), prediction.events


def act(tracker, name: str, form_steps: list) -> None:
    """What the action does to the conversation; the walk-through ends after three questions."""
    tracker.update(ActionExecuted(name))
    if name == "prep_form" and tracker.active_loop_name is None:
        tracker.update(ActiveLoop("prep_form"))
        tracker.update(SlotSet("requested_slot", "prep_stage"))
        form_steps[:] = [name]
    elif name == "prep_form":
        form_steps.append(name)
        if len(form_steps) == 3:
            tracker.update(ActiveLoop(None))
            tracker.update(SlotSet("requested_slot", None))
    elif name == "action_deactivate_loop":
        tracker.update(ActiveLoop(None))
        tracker.update(SlotSet("requested_slot", None))
    elif name.startswith("utter_"):
        tracker.update(BotUttered("…"))


def test_rules_are_filed_by_the_action_and_intent_of_their_last_step(trained):
    policy, _ = trained
    lookup = policy.lookup["rules"]
    files = rules.filed_by_action(policy, lookup)
    assert sum(len(keys) for keys in files.values()) == len(lookup)
    greeted = {"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}
    found = rules.candidates(policy, lookup, [greeted])
    assert files[("action_listen", "greet")] <= found
    assert len(found) < len(lookup) / 10
    assert not files[("action_listen", "thank")] & found


def test_the_reach_is_the_longest_rule(trained):
    policy, _ = trained
    reach = rules.rule_reach(policy)
    assert 2 <= reach < 20
    assert any(len(policy._rule_key_to_state(key)) == reach for key in policy.lookup["rules"])


@pytest.mark.parametrize("seed", range(3))
def test_same_prediction_on_a_long_conversation(trained, seed):
    policy, domain = trained
    pick = np.random.default_rng(seed)
    intents = INTENTS + [
        "prep_start",
        "prep_answer",
        "prep_answer",
        "prep_stop",
        "prep_restart",
        "delete_data",
    ]
    tracker = DialogueStateTracker("anna", domain.slots)
    tracker.update(ActionExecuted(LISTEN))
    checked, form_steps = 0, []
    for _ in range(60):
        tracker.update(said(str(pick.choice(intents))))
        for _step in range(4):  # the actions after one message, until the bot listens
            tail = predict(policy, tracker, domain, tail=True)
            full = predict(policy, tracker, domain, tail=False)
            assert tail == full
            checked += 1
            name = domain.action_names_or_texts[full[0]]
            act(tracker, name, form_steps)
            if name == LISTEN:
                break
    assert checked > 120
    assert len(tracker.past_states(domain)) > 5 * rules.rule_reach(policy)


START_DOMAIN = """
version: "3.1"
intents: [greet, thank, ask_gpmi]
responses:
  utter_greet: [{text: "hallo"}]
  utter_welcome: [{text: "welkom, ik ben een assistent"}]
  utter_thank: [{text: "graag gedaan"}]
  utter_ask_gpmi: [{text: "een contract"}]
"""
START_RULES = """
version: "3.1"
rules:
- rule: a greeting at the start of a conversation
  conversation_start: true
  steps: [{intent: greet}, {action: utter_welcome}]
- rule: a greeting later on
  steps: [{intent: greet}, {action: utter_greet}]
- rule: thanks
  steps: [{intent: thank}, {action: utter_thank}]
- rule: question
  steps: [{intent: ask_gpmi}, {action: utter_ask_gpmi}]
"""


def test_a_rule_for_the_start_of_a_conversation_applies_only_there(tmp_path):
    """Its first state (no action before) lies beyond the last state of a long conversation."""
    (tmp_path / "domain.yml").write_text(START_DOMAIN)
    (tmp_path / "rules.yml").write_text(START_RULES)
    policy, domain = train(tmp_path / "domain.yml", [tmp_path / "rules.yml"], tmp_path)
    tracker = DialogueStateTracker("anna", domain.slots)
    answers = []
    for intent in ["greet", "ask_gpmi", "thank", "greet", "ask_gpmi", "greet"]:
        tracker.update(ActionExecuted(LISTEN))
        tracker.update(said(intent))
        tail = predict(policy, tracker, domain, tail=True)
        assert tail == predict(policy, tracker, domain, tail=False)
        name = domain.action_names_or_texts[tail[0]]
        answers.append(name)
        tracker.update(ActionExecuted(name))
    assert answers[0] == "utter_welcome"
    assert answers[3] == answers[5] == "utter_greet"
