"""Word and character n-gram counts per message: same text in, same features out after reload."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.linear_svm import sentence_blocks
from components.ngram_featurizer import NgramCountFeaturizer, normalise

CONFIG = {**NgramCountFeaturizer.get_default_config(), "word_ngrams": [1, 2], "char_ngrams": [2, 3]}
TRAIN = ["Wat is een GPMI?", "c'est quoi un PIIS", "combien de jours pour réfléchir", "moet ik tekenen"]


def test_text_is_lowercased_without_accents_or_punctuation():
    assert normalise("Réfléchir, AVANT de signer ?!") == "reflechir avant de signer"
    assert normalise("  wa   moet k doen\n") == "wa moet k doen"


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name="ngrams")


def trained(storage) -> NgramCountFeaturizer:
    featurizer = NgramCountFeaturizer.create(CONFIG, storage, Resource("ngrams"), context())
    featurizer.train(TrainingData([Message({TEXT: t, "intent": "x"}) for t in TRAIN]))
    return featurizer


def features(featurizer, text: str):
    message = Message({TEXT: text})
    featurizer.process([message])
    return [block.toarray() for block in sentence_blocks(message)]


def test_two_sentence_blocks_words_then_characters(storage):
    featurizer = trained(storage)
    words, chars = features(featurizer, "combien de jours pour reflechir")
    vocabulary = featurizer.blocks[0][1].vocabulary_
    assert words[0, vocabulary["reflechir"]] == 1  # accents do not matter
    assert words[0, vocabulary["combien de"]] == 1
    assert words.shape[1] == len(vocabulary) and chars.sum() > words.sum()


def test_a_loaded_model_gives_the_same_features(storage):
    before = features(trained(storage), "moet ik réfléchir")
    loaded = NgramCountFeaturizer.load(CONFIG, storage, Resource("ngrams"), context())
    after = features(loaded, "moet ik réfléchir")
    for a, b in zip(before, after, strict=True):
        np.testing.assert_array_equal(a, b)


def test_unknown_words_give_empty_rows_and_empty_text_no_features(storage):
    featurizer = trained(storage)
    words, _ = features(featurizer, "xyzzy")
    assert words.sum() == 0
    empty = Message({TEXT: ""})
    featurizer.process([empty])
    assert sentence_blocks(empty) == []


def test_ngram_ranges_are_checked():
    with pytest.raises(ValueError):
        NgramCountFeaturizer.validate_config({**CONFIG, "word_ngrams": [2, 1]})
