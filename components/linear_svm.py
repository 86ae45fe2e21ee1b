"""Intent classifier: TF-IDF weighting of the sparse features, then a linear SVM.

The same word (1-2) and character (2-5) n-gram counts as before, weighted with sublinear TF-IDF
(each featurizer's block on its own, so that words and character n-grams weigh the same) and
separated by a linear support vector machine. On the held-out split this recognises
markedly more intents than logistic regression on raw counts, and it trains in seconds instead
of minutes. Confidences are a softmax of the SVM's decision scores (`temperature` scales them);
with 5, correct answers average about 0.8 and the fallback threshold of 0.25 catches most
wrong ones. The weights are kept column-major for fast prediction (see fast_logistic_regression).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from components.fast_logistic_regression import column_major

# Types in the saved pipeline beyond what skops trusts by default (the TF-IDF weights are a scipy
# sparse diagonal). Anything else in a model file is refused.
TRUSTED_TYPES = {"scipy.sparse._csr.csr_matrix"}


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    scaled = temperature * (scores - scores.max(axis=1, keepdims=True))
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def sentence_blocks(message: Message) -> list[csr_matrix]:
    """The sentence-level count vector of each sparse featurizer, in pipeline order."""
    return [
        f.features
        for f in message.features
        if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()
    ]


def make_pipeline(block_sizes: list[int], c: float) -> Pipeline:
    edges = np.cumsum([0, *block_sizes])
    tfidf = ColumnTransformer(
        [
            (f"block{i}", TfidfTransformer(sublinear_tf=True), slice(int(start), int(end)))
            for i, (start, end) in enumerate(zip(edges[:-1], edges[1:], strict=True))
        ],
        sparse_threshold=1.0,
    )
    return Pipeline([("tfidf", tfidf), ("svm", LinearSVC(C=c, class_weight="balanced", random_state=42))])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfLinearSVMClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0, "temperature": 5.0}

    def __init__(
        self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf = None

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            return self._resource
        sizes = [block.shape[1] for block in sentence_blocks(examples[0])]
        self.clf = make_pipeline(sizes, self.config["C"])
        self.clf.fit(self._create_X(examples), [e.get(INTENT) for e in examples])
        self.persist()
        return self._resource

    def _create_X(self, messages: list[Message]) -> csr_matrix:  # noqa: N802 (Rasa's name)
        """One row per message: the featurizers' sentence vectors side by side.

        Rasa's own `get_sparse_features` also combines the (unused) token-level features, which
        cost more than the classification itself."""
        return vstack([hstack(sentence_blocks(m), format="csr") for m in messages], format="csr")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfLinearSVMClassifier:
        import skops.io as sio

        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / f"{resource.name}.skops"
                untrusted = sio.get_untrusted_types(file=path)
                if not set(untrusted) <= TRUSTED_TYPES:
                    raise ValueError(f"untrusted types in {path}: {untrusted}")
                component.clf = sio.load(path, trusted=untrusted)
        except ValueError:
            return cls.create(config, model_storage, resource, execution_context)
        return component

    def process(self, messages: list[Message]) -> list[Message]:
        svm = self.clf.named_steps["svm"] if hasattr(self.clf, "named_steps") else None
        if svm is None or not hasattr(svm, "coef_"):
            return messages
        svm.coef_ = column_major(svm.coef_)
        featurized = [m for m in messages if sentence_blocks(m)]
        if not featurized:
            return messages
        scores = self.clf.decision_function(self._create_X(featurized))
        probas = softmax(np.atleast_2d(scores), self.config["temperature"])
        for message, row in zip(featurized, probas, strict=True):
            ranking = sorted(
                (
                    {"name": str(k), "confidence": float(v)}
                    for k, v in zip(self.clf.classes_, row, strict=False)
                ),
                key=lambda entry: -entry["confidence"],
            )
            message.set("intent", ranking[0], add_to_output=True)
            length = self.config["ranking_length"]
            message.set("intent_ranking", ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages
