"""The goal-preparation walk-through: its parts, how answers are read, and the summary/sheet."""
