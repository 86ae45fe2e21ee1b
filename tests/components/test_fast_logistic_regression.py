"""The weight layout changes speed only, never the prediction."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from components.fast_logistic_regression import column_major


def test_same_scores_and_contiguous_transpose():
    rng = np.random.default_rng(0)
    coef = rng.random((7, 5000))
    x = sp.random(3, 5000, density=0.01, format="csr", random_state=0)
    fast = column_major(coef)
    assert fast.T.flags.c_contiguous
    np.testing.assert_allclose(x @ fast.T, x @ coef.T)
