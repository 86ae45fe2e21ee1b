"""The profile report: every sample counted once, in the stage of a message it belongs to."""

from __future__ import annotations

from tools.profile import busiest_functions, by_stage, parse_raw

HANDLE = 'process 1:"rasa run";handle_message (rasa/core/processor.py:169)'
RAW = "\n".join(
    [
        f"{HANDLE};fetch_tracker_and_update_session (rasa/core/processor.py:462);retrieve (x.py:80) 3",
        f"{HANDLE};parse_message (rasa/core/processor.py:466);process (components/ngram_svm.py:84) 5",
        f"{HANDLE};_predict_next_with_tracker (rasa/core/processor.py:532);predict (rule_policy.py:1) 2",
        'process 1:"rasa run";serve (sanic/server/runners.py:2);run_forever (asyncio/base_events.py:3) 10',
    ]
)


def test_stages_share_the_samples():
    shares = by_stage(parse_raw(RAW))
    assert shares["tracker store: read the conversation"] == 15.0
    assert shares["NLU: tokens, n-gram counts, classifier, fallback"] == 25.0
    assert shares["dialogue policies (rules, memoization)"] == 10.0
    assert shares["HTTP server and event loop"] == 50.0
    assert round(sum(shares.values())) == 100


def test_busiest_functions_count_a_function_once_per_stack():
    ranked = dict(busiest_functions(parse_raw(RAW)))
    assert ranked["retrieve (x.py"] == 15.0
    assert "handle_message (rasa/core/processor.py" not in ranked  # on every stack: no news
    assert ranked["process (components/ngram_svm.py"] == 25.0
