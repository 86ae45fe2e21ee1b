"""The intent classifier: plain-text normalisation, TF-IDF per block, ranked confidences, reload."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from components.ngram_svm import NgramSVMIntentClassifier, normalise, softmax, weigh

TRAIN = {
    "ask_reflection_period": ["hoeveel bedenktijd heb ik", "combien de jours pour réfléchir", "bedenktijd?"],
    "ask_appeal": ["hoe ga ik in beroep", "comment faire un recours", "recours contre le cpas"],
    "greet": ["hallo", "bonjour", "goeiedag"],
}


def test_text_is_lowercased_without_accents_or_punctuation():
    assert normalise("Réfléchir, AVANT de signer ?!") == "reflechir avant de signer"
    assert normalise("  wa   moet k doen\n") == "wa moet k doen"


def test_confidences_follow_the_scores_and_sum_to_one():
    scores = np.array([[2.0, 0.5, -1.0], [-0.2, -0.1, 0.3]])
    probas = softmax(scores, 5.0)
    np.testing.assert_allclose(probas.sum(axis=1), 1.0)
    assert (probas.argmax(axis=1) == scores.argmax(axis=1)).all()
    assert probas[0, 0] > 0.9 and probas[1].max() < 0.9  # a clear winner vs. a close call


def test_weighting_equals_tfidf_and_unit_length_per_block():
    rng = np.random.default_rng(0)
    counts = sp.random(30, 40, density=0.2, format="csr", random_state=1)
    counts.data = rng.integers(1, 5, size=counts.nnz).astype(float)
    parts = [counts[:, :15], counts[:, 15:]]
    idf = np.concatenate([TfidfTransformer().fit(p).idf_ for p in parts])
    expected = sp.hstack(
        [normalize(TfidfTransformer(sublinear_tf=True).fit_transform(p)) for p in parts]
    ).toarray()
    np.testing.assert_allclose(weigh(counts, idf, np.array([0, 15, 40])).toarray(), expected, atol=1e-12)


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name="intents")


def train(storage) -> NgramSVMIntentClassifier:
    config = NgramSVMIntentClassifier.get_default_config()
    classifier = NgramSVMIntentClassifier.create(config, storage, Resource("intents"), context())
    messages = [Message.build(text=t, intent=i) for i, texts in TRAIN.items() for t in texts]
    classifier.train(TrainingData(messages))
    return classifier


def classify(classifier, text: str) -> Message:
    message = Message.build(text=text)
    classifier.process([message])
    return message


def test_recognises_paraphrases_in_both_languages_with_a_ranking(storage):
    classifier = train(storage)
    assert (
        classify(classifier, "Combien de jours pour reflechir ?").get("intent")["name"]
        == "ask_reflection_period"
    )
    message = classify(classifier, "ik wil in beroep gaan")
    assert message.get("intent")["name"] == "ask_appeal"
    ranking = message.get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "ask_appeal" and len(ranking) == 3
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)


def test_a_reloaded_model_gives_the_same_confidences(storage):
    before = classify(train(storage), "recours cpas").get("intent_ranking")
    config = NgramSVMIntentClassifier.get_default_config()
    loaded = NgramSVMIntentClassifier.load(config, storage, Resource("intents"), context())
    assert classify(loaded, "recours cpas").get("intent_ranking") == before


def test_empty_text_is_left_alone(storage):
    assert classify(train(storage), "").get("intent") is None


def test_a_repeated_message_gets_the_same_answer_without_counting_again(storage, monkeypatch):
    classifier = train(storage)
    first = classify(classifier, "Combien de jours pour réfléchir ?").get("intent_ranking")
    counted = []
    counts = classifier.counts
    monkeypatch.setattr(classifier, "counts", lambda texts: counted.append(texts) or counts(texts))
    again = classify(classifier, "combien de jours pour REFLECHIR").get("intent_ranking")
    assert again == first and counted == []
    classify(classifier, "bonjour")
    assert counted == [["bonjour"]]


def test_fallback_changes_to_a_ranking_do_not_reach_the_next_message(storage):
    classifier = train(storage)
    message = classify(classifier, "recours cpas")
    message.get("intent_ranking").insert(0, {"name": "nlu_fallback", "confidence": 1.0})
    message.get("intent")["name"] = "nlu_fallback"
    again = classify(classifier, "recours cpas")
    assert again.get("intent")["name"] == "ask_appeal"
    assert again.get("intent_ranking")[0]["name"] == "ask_appeal"


def test_the_kept_scores_are_bounded_and_hold_no_text(storage, monkeypatch):
    monkeypatch.setattr("components.ngram_svm.KNOWN_TEXTS", 5)
    classifier = train(storage)
    for n in range(12):
        classify(classifier, f"ik heb een schuld van {n} euro")
    assert len(classifier.known) == 5
    assert all(isinstance(key, bytes) and b"schuld" not in key for key in classifier.known)
