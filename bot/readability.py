"""Readability of an answer: Flesch-Douma (Dutch) or Kandel-Moles (French), sentence length.

spaCy (a blank Dutch or French pipeline with a rule-based sentencizer; no trained model is
needed) splits the text into sentences and words; textstat gives the reading-ease formula of
the language. Bullet lines count as sentences of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
import textstat
from spacy.language import Language

BULLET = re.compile(r"^\s*(?:[-•]|\d+[.)])\s+")
LONG_WORD_CHARS = 13


@dataclass(frozen=True)
class Readability:
    reading_ease: float
    words: int
    sentences: int
    words_per_sentence: float
    longest_sentence: int
    long_words: tuple[str, ...]


@lru_cache(maxsize=2)
def pipeline(language: str) -> Language:
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp


def as_sentences(text: str) -> str:
    """One sentence per bullet line: strip the bullet and end the line with a full stop."""
    lines = []
    for line in text.splitlines():
        line = BULLET.sub("", line).strip()
        if line:
            lines.append(line if line[-1] in ".!?…" else line.rstrip(":;,") + ".")
    return " ".join(lines)


def measure(text: str, language: str) -> Readability:
    prepared = as_sentences(text)
    doc = pipeline(language)(prepared)
    counts = [sum(1 for token in sentence if token.is_alpha or token.like_num) for sentence in doc.sents]
    counts = [c for c in counts if c] or [0]
    words = [token.text for token in doc if token.is_alpha or token.like_num]
    textstat.set_lang(language)
    return Readability(
        reading_ease=float(textstat.flesch_reading_ease(prepared)) if words else 100.0,
        words=len(words),
        sentences=len(counts),
        words_per_sentence=len(words) / len(counts),
        longest_sentence=max(counts),
        long_words=tuple(sorted({w for w in words if len(w) >= LONG_WORD_CHARS})),
    )
