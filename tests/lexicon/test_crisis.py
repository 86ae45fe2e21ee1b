"""Words of self-harm are found inside longer messages; questions about the rules are not flagged."""

from __future__ import annotations

import pytest

from lexicon.crisis import mentions_self_harm


@pytest.mark.parametrize(
    "text",
    [
        "mijn maatschappelijk werker zegt dat ik moet tekenen, ik wil dood",
        "ik moet dat contract tekenen maar ik wil eigenlijk niet meer leven",
        "als ze mijn leefloon schorsen maak ik er een einde aan",
        "ik heb een sanctie gekregen en ik denk aan ZELFMOORD",
        "ik heb zelfmoordgedachten sinds de brief",
        "ik zou liever dood zijn dan dat contract",
        "ik zie het echt niet meer zitten",
        "si on me suspend le RIS je me tue",
        "le CPAS m'a sanctionné, j'ai envie d'en finir",
        "je pense à me suicider",
        "je n'ai plus envie de vivre avec ces dettes",
        "je veux mettre fin à mes jours",
        "je préfère mourir que signer",
    ],
)
def test_found_in_a_longer_message(text):
    assert mentions_self_harm(text)


@pytest.mark.parametrize(
    "text",
    [
        "wat is een GPMI?",
        "hoe lang duurt een schorsing van het leefloon",
        "kan mijn leefloon stopgezet worden als ik niet teken",
        "ik wil doodgewoon weten wat mijn rechten zijn",
        "wat als ik een afspraak mis omdat ik ziek was",
        "ik wil een einde maken aan het contract, kan dat?",
        "que risque-t-on si on ne respecte pas le contrat ?",
        "je veux en finir avec ce dossier au plus vite",
        "combien de jours pour réfléchir avant de signer ?",
    ],
)
def test_questions_about_the_rules_are_not_flagged(text):
    assert not mentions_self_harm(text)
