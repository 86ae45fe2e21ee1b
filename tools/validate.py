"""`rasa data validate`, failing on every warning except the known, intended ones.

Glossary explanations (utter_term_*) are sent by action_explain_term, deadline answers by
action_deadline, the walk-through's questions and notes by the form and validate_prep_form, and
utter_default by Rasa's own fallback action: no rule or story names them,
so the validator calls them unused. Every other warning fails the check.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from actions.deadline import KIND_OF_INTENT

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = re.compile(
    r"The utterance '(utter_term_[a-z0-9_]+|utter_deadline_[a-z]+|utter_ask_deadline_[a-z]+|utter_default"
    + r"|utter_ask_prep_[a-z_]+|utter_prep_[a-z_]+"
    + "".join(f"|utter_{intent}" for intent in KIND_OF_INTENT)
    + r")' is not used in any story or rule"
    # Sent only by the walk-through's buttons (/prep_answer{"prep_choice": ...}).
    + r"|The intent 'prep_answer' is listed in the domain file, but is not found in the NLU training data"
)


def main() -> int:
    rasa = str(Path(sys.executable).parent / "rasa")
    result = subprocess.run(
        [rasa, "data", "validate", "--data", "data", "--domain", "domain.yml", "--config", "config.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    problems = [
        line
        for line in output.splitlines()
        if re.search(r"UserWarning|WARNING|ERROR", line)
        and not ALLOWED.search(line)
        and "DeprecationWarning" not in line
        and "MovedIn20Warning" not in line
    ]
    for line in problems:
        print(line)
    if result.returncode != 0 or problems:
        print(output[-3000:])
        return 1
    print(f"rasa data validate: ok ({len(ALLOWED.findall(output))} glossary answers sent by an action)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
