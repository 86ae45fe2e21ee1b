"""Intent classifier that reads the text itself: n-gram counts, TF-IDF, a linear SVM.

Counts of words (1-3) and character n-grams (2-5) of the normalised text (lowercase, no accents,
no punctuation), each block weighted with sublinear TF-IDF and
scaled to unit length, then a linear SVM; confidences are a softmax of its scores (`temperature`
scales them). It needs no featurizer in front: handing 30 000 feature rows through Rasa's
message features made Rasa print every row to text for its training cache, which took longer
than the training itself. The model is stored as JSON (vocabularies) and NumPy arrays, so
loading it runs no pickled code.

Many messages come back word for word ("hallo", "merci", "wat is een GPMI?"): the scores of the
last `KNOWN_TEXTS` normalised texts are kept in memory, under a hash of the text (not the text),
and a message with the same normalised text gets them without counting its n-grams again. The
result is the same: the features are made from the normalised text only.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import OrderedDict
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.svm import LinearSVC

VOCABULARIES = "vocabularies.json"
WEIGHTS = "weights.npz"
KNOWN_TEXTS = 4096


def normalise(text: str) -> str:
    """Lowercase, accents dropped ("reflechir" = "réfléchir"), punctuation as a space."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w#@&]+", " ", text).split())


def vectorizers(config: dict[str, Any], vocabularies: dict[str, dict[str, int]] | None = None) -> list:
    """(name, CountVectorizer) per block: words, then characters; to fit, or on stored vocabularies."""
    vocabularies = vocabularies or {}
    words = CountVectorizer(
        preprocessor=normalise,
        token_pattern=r"\S+",
        ngram_range=tuple(config["word_ngrams"]),
        vocabulary=vocabularies.get("words"),
    )
    chars = CountVectorizer(
        preprocessor=normalise,
        analyzer="char_wb",
        ngram_range=tuple(config["char_ngrams"]),
        vocabulary=vocabularies.get("chars"),
    )
    return [("words", words), ("chars", chars)]


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    scaled = temperature * (scores - scores.max(axis=1, keepdims=True))
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def weigh(counts: csr_matrix, idf: np.ndarray, edges: np.ndarray) -> csr_matrix:
    """Sublinear TF-IDF (log(count) + 1, times idf), each block of columns scaled to unit length."""
    x = csr_matrix(counts, dtype=np.float64, copy=True)
    x.data = (np.log(x.data) + 1.0) * idf[x.indices]
    blocks = len(edges) - 1
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    group = rows * blocks + np.searchsorted(edges, x.indices, side="right") - 1
    norms = np.sqrt(np.bincount(group, weights=x.data**2, minlength=x.shape[0] * blocks))
    x.data /= norms[group]
    return x


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NgramSVMIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "word_ngrams": [1, 3],
            "char_ngrams": [2, 5],
            "C": 1.0,
            "temperature": 5.0,
            "ranking_length": 10,
        }

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.blocks: list = []
        self.idf = self.edges = self.weights = self.intercept = None
        self.classes: list[str] = []
        self.known: OrderedDict[bytes, np.ndarray] = OrderedDict()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NgramSVMIntentClassifier:
        return cls(config, model_storage, resource)

    def counts(self, texts: list[str]) -> csr_matrix:
        return hstack([vectorizer.transform(texts) for _, vectorizer in self.blocks], format="csr")

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            return self._resource
        texts = [e.get(TEXT) for e in examples]
        self.blocks = vectorizers(self.config)
        parts = [vectorizer.fit_transform(texts) for _, vectorizer in self.blocks]
        self.edges = np.cumsum([0] + [part.shape[1] for part in parts])
        self.idf = np.concatenate([TfidfTransformer().fit(part).idf_ for part in parts])
        x = weigh(hstack(parts, format="csr"), self.idf, self.edges)
        svm = LinearSVC(C=self.config["C"], class_weight="balanced", random_state=42)
        svm.fit(x, [e.get(INTENT) for e in examples])
        self.weights, self.intercept = svm.coef_.T.copy(), svm.intercept_
        self.classes = [str(c) for c in svm.classes_]
        self.persist()
        return self._resource

    def persist(self) -> None:
        vocabularies = {
            name: {term: int(i) for term, i in vectorizer.vocabulary_.items()}
            for name, vectorizer in self.blocks
        }
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARIES).write_text(json.dumps(vocabularies, ensure_ascii=False))
            np.savez(
                directory / WEIGHTS,
                weights=self.weights,
                intercept=self.intercept,
                idf=self.idf,
                edges=self.edges,
                classes=np.array(self.classes),
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NgramSVMIntentClassifier:
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                vocabularies = json.loads((directory / VOCABULARIES).read_text())
                with np.load(directory / WEIGHTS, allow_pickle=False) as arrays:
                    component.weights = arrays["weights"]
                    component.intercept = arrays["intercept"]
                    component.idf = arrays["idf"]
                    component.edges = arrays["edges"]
                    component.classes = [str(c) for c in arrays["classes"]]
        except (ValueError, FileNotFoundError):
            return component  # not trained (no intent examples): predicts nothing
        component.blocks = vectorizers(component.config, vocabularies)
        return component

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row of intent probabilities per text (columns in the order of `self.classes`)."""
        x = weigh(self.counts(texts), self.idf, self.edges)
        return softmax(
            np.atleast_2d(np.asarray(x @ self.weights) + self.intercept), self.config["temperature"]
        )

    def known_probabilities(self, texts: list[str]) -> list[np.ndarray]:
        """`probabilities`, computed only for normalised texts not seen recently."""
        keys = [hashlib.blake2b(normalise(text).encode(), digest_size=16).digest() for text in texts]
        new = {key: text for key, text in zip(keys, texts, strict=True) if key not in self.known}
        if new:
            for key, row in zip(new, self.probabilities(list(new.values())), strict=True):
                self.known[key] = row
        rows = []
        for key in keys:
            self.known.move_to_end(key)
            rows.append(self.known[key])
        while len(self.known) > KNOWN_TEXTS:
            self.known.popitem(last=False)
        return rows

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if not with_text or self.weights is None:
            return messages
        rows = self.known_probabilities([m.get(TEXT) for m in with_text])
        length = self.config["ranking_length"]
        for message, row in zip(with_text, rows, strict=True):
            order = np.argsort(-row)
            ranking = [{"name": self.classes[i], "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages
