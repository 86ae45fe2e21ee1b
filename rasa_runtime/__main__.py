"""`python -m rasa_runtime run …`: Rasa's own command line, with rasa_runtime.speedups installed."""

from __future__ import annotations


def main() -> None:
    from rasa.__main__ import main as rasa_main

    from rasa_runtime.speedups import install

    install()
    rasa_main()


if __name__ == "__main__":
    main()
