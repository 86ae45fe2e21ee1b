"""Sentence features for the intent classifier: counts of words (1-3) and character n-grams (2-5).

Rasa's CountVectorsFeaturizer also builds a feature row for every token of every message, which
the SVM never uses; with word triples and 28 000 training examples that took most of the
training time and a share of every message. This featurizer counts the same n-grams for the
whole message at once (scikit-learn, one sparse product per batch) and adds one sentence feature
per block, words first. Text is lowercased, accents are dropped ("reflechir" = "réfléchir") and
punctuation becomes a space. The vocabularies are stored as JSON, so loading a model runs no
pickled code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import SparseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import CountVectorizer

VOCABULARIES = "vocabularies.json"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w#@&]+", " ", text).split())


def vectorizers(config: dict[str, Any], vocabularies: dict[str, dict[str, int]] | None = None):
    """(name, CountVectorizer) per block, fitted later or built on stored vocabularies."""
    vocabularies = vocabularies or {}
    return [
        (
            "words",
            CountVectorizer(
                preprocessor=normalise,
                token_pattern=r"\S+",
                ngram_range=tuple(config["word_ngrams"]),
                vocabulary=vocabularies.get("words"),
            ),
        ),
        (
            "chars",
            CountVectorizer(
                preprocessor=normalise,
                analyzer="char_wb",
                ngram_range=tuple(config["char_ngrams"]),
                vocabulary=vocabularies.get("chars"),
            ),
        ),
    ]


def rows(matrix: Any) -> list[csr_matrix]:
    """The rows of a CSR matrix as 1×n matrices, built from its arrays (indexing is 10× slower)."""
    matrix = matrix.tocsr()
    width = matrix.shape[1]
    return [
        csr_matrix((matrix.data[start:end], matrix.indices[start:end], [0, end - start]), shape=(1, width))
        for start, end in zip(matrix.indptr[:-1], matrix.indptr[1:], strict=True)
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class NgramCountFeaturizer(SparseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**SparseFeaturizer.get_default_config(), "word_ngrams": [1, 3], "char_ngrams": [2, 5]}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        for key in ("word_ngrams", "char_ngrams"):
            low, high = config[key]
            if not 1 <= low <= high:
                raise ValueError(f"{key}: [min, max] with 1 <= min <= max, not {config[key]}")

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        vocabularies: dict[str, dict[str, int]] | None = None,
    ) -> None:
        SparseFeaturizer.__init__(self, execution_context.node_name, config)
        self._model_storage = model_storage
        self._resource = resource
        self.blocks = vectorizers(config, vocabularies) if vocabularies else []

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NgramCountFeaturizer:
        return cls(config, model_storage, resource, execution_context)

    def train(self, training_data: TrainingData) -> Resource:
        texts = [m.get(TEXT) for m in training_data.training_examples if m.get(TEXT)]
        if not texts:
            return self._resource
        self.blocks = vectorizers(self._config)
        for _, vectorizer in self.blocks:
            vectorizer.fit(texts)
        vocabularies = {
            name: {term: int(index) for term, index in vectorizer.vocabulary_.items()}
            for name, vectorizer in self.blocks
        }
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARIES).write_text(json.dumps(vocabularies, ensure_ascii=False))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NgramCountFeaturizer:
        try:
            with model_storage.read_from(resource) as directory:
                vocabularies = json.loads((directory / VOCABULARIES).read_text())
        except (ValueError, FileNotFoundError):
            vocabularies = None
        return cls(config, model_storage, resource, execution_context, vocabularies)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if not with_text or not self.blocks:
            return messages
        texts = [m.get(TEXT) for m in with_text]
        for _, vectorizer in self.blocks:
            for message, row in zip(with_text, rows(vectorizer.transform(texts)), strict=True):
                message.add_features(Features(row, FEATURE_TYPE_SENTENCE, TEXT, self._identifier))
        return messages
