"""The pipeline and policies run no neural network per message (the designed count is zero)."""

from __future__ import annotations

import yaml

# Rasa components that run a TensorFlow model at every message or every dialogue turn.
TENSORFLOW = {"DIETClassifier", "ResponseSelector", "TEDPolicy", "UnexpecTEDIntentPolicy"}


def test_no_tensorflow_model_runs_per_message(root):
    config = yaml.safe_load((root / "config.yml").read_text())
    names = [c["name"].rsplit(".", 1)[-1] for c in config["pipeline"] + config["policies"]]
    assert not TENSORFLOW & set(names)
    assert "NgramSVMIntentClassifier" in names  # one sparse product per message


def test_rasa_uses_the_tracker_store_that_keeps_conversations_in_memory(root):
    from tools.stores import STORE_CLASS, tracker_store

    assert tracker_store("sqlite:///var/rasa.db")["type"] == STORE_CLASS
    assert tracker_store("postgresql://u:p@localhost:5432/db")["type"] == STORE_CLASS
    module, name = STORE_CLASS.rsplit(".", 1)
    assert getattr(__import__(module, fromlist=[name]), name)
