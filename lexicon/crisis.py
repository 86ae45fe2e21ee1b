"""Words of self-harm or despair in a message, whatever else the message is about.

The intent classifier recognises messages that are about a crisis ("ik wil niet meer leven",
"je pense au suicide"), but a message that mixes one with a question ("mijn maatschappelijk werker
zegt dat ik moet tekenen, ik wil dood") can be classified as the question. bot/ then puts the crisis
answer (112, the suicide line) before the answer to the question (bot/routers/chat.py).

The patterns are matched on the folded text (lowercase, no accents, punctuation as spaces). They
are kept to first-person expressions of self-harm and despair, so that a question about rules
does not get them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lexicon.terms import fold

PATTERNS = {
    "nl": [
        r"\bzelfmoord\w*",
        r"\bzelfdoding\w*",
        r"\bsuicida\w*",
        r"\bniet meer (verder )?leven\b",
        r"\b(wil|wou|zou) (graag |liever )?dood\b",
        r"\b(een )?eind(e)? aan (maken|mijn leven)\b",
        r"\bmaak ik er een eind(e)? aan\b",
        r"\bvan kant maken\b",
        r"\bmezelf (iets )?(aan (te )?doen|aandoen|pijn doen)\b",
        r"\b(me|mezelf) ophangen\b",
        r"\bzie het (echt |totaal )?niet meer zitten\b",
        r"\blevensmoe\b",
        r"\bgeen zin (meer )?om te leven\b",
        r"\bniet meer wakker (worden|te worden)\b",
    ],
    "fr": [
        r"\bsuicid\w*",
        r"\bme tuer\b",
        r"\bje me tue\b",
        r"\benvie d en finir\b",
        r"\ben finir avec (la|ma) vie\b",
        r"\bje vais en finir\b",
        r"\bplus envie de vivre\b",
        r"\b(veux|envie de|prefere) mourir\b",
        r"\bmettre fin a mes jours\b",
        r"\bfoutre en l air\b",
        r"\bme faire du mal\b",
        r"\bdisparaitre pour toujours\b",
    ],
}


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    return re.compile("|".join(p for patterns in PATTERNS.values() for p in patterns))


def mentions_self_harm(text: str) -> bool:
    """Whether the message says, in Dutch or French, that its writer thinks of harming themselves."""
    return pattern().search(fold(text)) is not None
