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
