"""Language-ID accuracy on short messages (1-4 words), per language.

    python -m tools.langid_eval [--min 0.95]

Messages: tests/langid/short_messages.yml plus every 1-4 word example of the held-out NLU split.
A message counts as right only when detect() names its language; "unsure" counts as wrong here,
although in a conversation it would keep the session's language.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from bot.language import detect, words

ROOT = Path(__file__).resolve().parent.parent


def short_messages(language: str) -> list[str]:
    listed = yaml.safe_load((ROOT / "tests" / "langid" / "short_messages.yml").read_text())[language]
    held_out = []
    for path in sorted((ROOT / "tests" / "nlu" / language).glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            for line in item["examples"].splitlines():
                text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
                if text and 1 <= len(words(text)) <= 4:
                    held_out.append(text)
    return sorted(set(listed) | set(held_out))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--min", type=float, default=0.95)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    ok = True
    for language in ("nl", "fr"):
        messages = short_messages(language)
        wrong = [(m, detect(m)) for m in messages if detect(m) != language]
        accuracy = 1 - len(wrong) / len(messages)
        print(f"{language}: {accuracy:.1%} of {len(messages)} short messages right")
        if args.verbose:
            for message, got in wrong:
                print(f"   {message!r} -> {got}")
        ok &= accuracy >= args.min
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
