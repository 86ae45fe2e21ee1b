"""Intent accuracy and macro-F1 per language on the held-out split (tests/nlu/<lang>/).

    python -m tools.nlu_eval MODEL [--min 0.90]

Runs `rasa test nlu` once per language; reports land in results/nlu-<lang>/ and a summary in
results/nlu-summary.json. Exit status 1 when a figure is below --min.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")


def evaluate(model: Path, language: str) -> dict[str, float]:
    out = ROOT / "results" / f"nlu-{language}"
    subprocess.run(
        [
            RASA,
            "test",
            "nlu",
            "--model",
            str(model),
            "--nlu",
            str(ROOT / "tests" / "nlu" / language),
            "--out",
            str(out),
            "--no-plot",
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    report = json.loads((out / "intent_report.json").read_text())
    errors = (
        json.loads((out / "intent_errors.json").read_text()) if (out / "intent_errors.json").exists() else []
    )
    return {
        "accuracy": round(report["accuracy"], 4),
        "macro_f1": round(report["macro avg"]["f1-score"], 4),
        "examples": int(report["macro avg"]["support"]),
        "errors": len(errors),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("model", type=Path)
    parser.add_argument("--min", type=float, default=0.90)
    args = parser.parse_args()
    summary = {lang: evaluate(args.model, lang) for lang in ("nl", "fr")}
    (ROOT / "results" / "nlu-summary.json").write_text(json.dumps(summary, indent=2))
    ok = True
    for lang, figures in summary.items():
        print(
            f"{lang}: accuracy {figures['accuracy']:.3f}  macro-F1 {figures['macro_f1']:.3f}  "
            f"({figures['examples']} held-out examples, {figures['errors']} wrong)"
        )
        ok &= figures["accuracy"] >= args.min and figures["macro_f1"] >= args.min
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
