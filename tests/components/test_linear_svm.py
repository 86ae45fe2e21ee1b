"""The SVM intent classifier: ranked confidences that sum to one, and only trusted model files."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
import skops.io as sio
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from components.linear_svm import TRUSTED_TYPES, softmax


def test_confidences_follow_the_scores_and_sum_to_one():
    scores = np.array([[2.0, 0.5, -1.0], [-0.2, -0.1, 0.3]])
    probas = softmax(scores, 5.0)
    np.testing.assert_allclose(probas.sum(axis=1), 1.0)
    assert (probas.argmax(axis=1) == scores.argmax(axis=1)).all()
    assert probas[0, 0] > 0.9 and probas[1].max() < 0.9  # a clear winner vs. a close call


def test_a_saved_pipeline_needs_no_other_trust_than_the_listed_types(tmp_path):
    x = sp.random(40, 30, density=0.3, format="csr", random_state=0)
    model = Pipeline([("tfidf", TfidfTransformer(sublinear_tf=True)), ("svm", LinearSVC())]).fit(
        x, [0, 1] * 20
    )
    sio.dump(model, tmp_path / "m.skops")
    assert set(sio.get_untrusted_types(file=tmp_path / "m.skops")) <= TRUSTED_TYPES


def test_each_featurizer_block_is_weighted_on_its_own(tmp_path):
    from components.linear_svm import make_pipeline

    words = sp.random(40, 10, density=0.3, format="csr", random_state=1)
    chars = sp.random(40, 50, density=0.3, format="csr", random_state=2) * 10
    x = sp.hstack([words, chars], format="csr")
    model = make_pipeline([10, 50], 1.0).fit(x, [0, 1] * 20)
    weighted = model.named_steps["tfidf"].transform(x).toarray()
    # every row has unit length in each block, however large the other block's counts are
    rows = [i for i in range(40) if words[i].nnz and chars[i].nnz]
    np.testing.assert_allclose(np.linalg.norm(weighted[rows, :10], axis=1), 1.0)
    np.testing.assert_allclose(np.linalg.norm(weighted[rows, 10:], axis=1), 1.0)
    sio.dump(model, tmp_path / "m.skops")
    assert set(sio.get_untrusted_types(file=tmp_path / "m.skops")) <= TRUSTED_TYPES


def test_fast_scores_equal_the_pipeline_scores():
    from components.linear_svm import Scorer, make_pipeline

    rng = np.random.default_rng(0)
    counts = sp.random(60, 70, density=0.15, format="csr", random_state=3)
    counts.data = rng.integers(1, 4, size=counts.nnz).astype(float)
    labels = [i % 4 for i in range(60)]
    for model in (
        make_pipeline([20, 50], 1.0),
        Pipeline([("tfidf", TfidfTransformer(sublinear_tf=True)), ("svm", LinearSVC())]),
    ):
        model.fit(counts, labels)
        expected = model.decision_function(counts)
        np.testing.assert_allclose(Scorer(model).scores(counts), expected, atol=1e-9)
