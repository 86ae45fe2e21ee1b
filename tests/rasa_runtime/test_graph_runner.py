"""The graph runs node by node with the same outputs as with dask's scheduler."""

from __future__ import annotations

from typing import Any

import dask
import pytest
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage

from rasa_runtime import graph_runner

CALLS: list[str] = []


class Step(GraphComponent):
    """Joins its inputs and its own name; fails on the word 'boom'."""

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def create(cls, config: dict, model_storage: Any, resource: Any, execution_context: Any) -> Step:
        return cls(config["name"])

    def join(self, **parts: Any) -> str:
        CALLS.append(self.name)
        text = "+".join(f"{key}={parts[key]}" for key in sorted(parts)) + f">{self.name}"
        if "boom" in text:
            raise RuntimeError("boom")
        return text


def node(name: str, needs: dict[str, str], target: bool = False) -> SchemaNode:
    return SchemaNode(needs, Step, "create", "join", {"name": name}, is_target=target)


# a diamond (b and c both need a; d needs both) and a branch that no target needs
SCHEMA = GraphSchema(
    {
        "a": node("a", {"message": "__message__"}),
        "b": node("b", {"x": "a"}),
        "c": node("c", {"y": "a", "tracker": "__tracker__"}),
        "d": node("d", {"left": "b", "right": "c"}, target=True),
        "unused": node("unused", {"x": "a"}),
    }
)


@pytest.fixture
def runner(tmp_path):
    CALLS.clear()
    return DaskGraphRunner(SCHEMA, LocalModelStorage(tmp_path), ExecutionContext(SCHEMA, "test"))


def original(runner, inputs, targets):
    """What DaskGraphRunner.run does, step for step."""
    schema = runner._graph_schema.minimal_graph_schema(targets or runner._graph_schema.target_names)
    graph = runner._build_dask_graph(schema)
    runner._add_inputs_to_graph(inputs, graph)
    return dict(dask.get(graph, targets or runner._graph_schema.target_names))


def outcome(run, runner, inputs, targets) -> tuple:
    CALLS.clear()
    try:
        result = run(runner, inputs, targets)
    except Exception as e:  # noqa: BLE001 - the kind of failure is compared
        result = type(e)
    return result, sorted(CALLS)


@pytest.mark.parametrize(
    "inputs, targets",
    [
        ({"__message__": "hallo", "__tracker__": "t1"}, None),
        ({"__message__": "hallo", "__tracker__": "t1"}, ["b", "c"]),
        ({"__message__": "hallo", "__tracker__": "t1"}, ["b"]),
        ({"__message__": "hallo", "__tracker__": "t1", "b": "given"}, ["d"]),  # an input for a node
        ({"__message__": "hallo"}, ["d"]),  # a placeholder left out
        ({"__message__": "boom", "__tracker__": "t1"}, None),  # a component that fails
    ],
)
def test_same_outputs_and_failures_as_dask(runner, inputs, targets):
    expected, expected_calls = outcome(original, runner, inputs, targets)
    result, calls = outcome(graph_runner.run, runner, inputs, targets)
    assert result == expected
    assert calls == expected_calls  # each needed node once, nothing else
    assert "unused" not in calls


def test_outputs_name_their_node(runner):
    result = graph_runner.run(runner, {"__message__": "hallo", "__tracker__": "t1"}, None)
    assert list(result) == ["d"]
    assert result["d"].endswith(">d") and "x=message=hallo>a>b" in result["d"]


def test_an_input_named_like_a_node_is_refused(runner):
    with pytest.raises(GraphRunError, match="clashes"):
        graph_runner.run(runner, {"__message__": "a"}, None)
