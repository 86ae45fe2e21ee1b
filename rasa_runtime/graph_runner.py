"""Rasa's model graph run node by node in plain Python, without dask's scheduler.

Every message runs two small graphs (NLU, then the policies once per predicted action). Rasa
hands each to dask's synchronous scheduler, and rebuilds the needed part of the graph each time;
under load the scheduler's bookkeeping took about as long as the policies themselves (py-spy).

`run` below does what `DaskGraphRunner.run` does with `dask.get`: each node needed for the targets
runs once, after the nodes it needs, and gets their outputs as `(node name, output)` pairs, or the
bare name of a need that nothing provides (a placeholder left out), as dask passes it; the inputs
are given as `(name, value)` pairs. The needed part of the graph is worked out once per set of
targets. tests/rasa_runtime/test_graph_runner.py compares it with dask's run.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

ATTRIBUTE = "_rasa_runtime_schemas"


def minimal_schema(runner: DaskGraphRunner, targets: list[str]) -> Any:
    kept = runner.__dict__.setdefault(ATTRIBUTE, {})
    key = tuple(targets)
    if key not in kept:
        kept[key] = runner._graph_schema.minimal_graph_schema(targets)
    return kept[key]


def run(
    self: DaskGraphRunner, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
) -> dict[str, Any]:
    run_targets = targets if targets else self._graph_schema.target_names
    nodes = minimal_schema(self, run_targets).nodes
    results: dict[str, Any] = {}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in nodes:
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the input "
                f"names passed to the `run` method are the same as node names in the graph schema."
            )
        results[name] = (name, value)

    def output(name: str) -> Any:
        if name in results:
            return results[name]
        if name not in nodes:
            return name
        needed = [output(need) for need in nodes[name].needs.values()]
        results[name] = self._instantiated_nodes[name](*needed)
        return results[name]

    try:
        return dict(output(target) for target in run_targets)
    except RuntimeError as e:
        raise GraphRunError("Error running runner.") from e


def install() -> None:
    DaskGraphRunner.run = run
