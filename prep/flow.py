"""The steps of the goal-preparation form and how an answer moves it on (pure functions).

Slots hold what the user typed (after bot/'s privacy scrub) or a code for button answers.
Each `on_<slot>` function takes the current slot values and the answer and returns a `Step`:
the slot values to set and the responses to say before the next question.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from prep.topics import fold, recognise

SKIP = "__skip__"
MAX_PRIORITIES = 3

# The questions, in the order of the fact sheet's dialogue outline (§5.3).
FORM_SLOTS = (
    "prep_stage",
    "prep_urgent",
    "prep_strengths",
    "prep_domains",
    "prep_now",
    "prep_change",
    "prep_dream",
    "prep_priorities",
    "prep_goal",
    "prep_goal_when",
    "prep_step",
    "prep_need",
    "prep_expect",
    "prep_helpers",
    "prep_obstacles",
    "prep_questions",
    "prep_confirm",
    "prep_edit",
)
# Bookkeeping slots (not asked): the topic a loop is at, and the answers collected per topic.
STATE_SLOTS = ("prep_topic", "prep_notes", "prep_goals", "prep_step_date", "prep_hint", "prep_rights_shown")
ALL_SLOTS = FORM_SLOTS + STATE_SLOTS

STAGES = ("first", "sign", "evaluation", "other")
QUESTIONS = ("what_if", "evaluations", "ocmw_does", "read_home")
EDIT_PARTS = (
    "situation",
    "strengths",
    "domains",
    "dream",
    "goals",
    "step",
    "ocmw",
    "helpers",
    "obstacles",
    "questions",
)

# Recognition patterns for typed answers (folded text); the button titles are tried first.
STAGE_WORDS = {
    "first": r"eerste|binnenkort|premier|premiere|bientot",
    "sign": r"teken\w*|onderteken\w*|sign\w*",
    "evaluation": r"evaluatie\w*|evaluation\w*",
    "other": r"anders|autre",
}
URGENT_WORDS = {
    "urgent": r"dringend\w*|urgent\w*|nood|honger|faim|dakloos|crisis|crise|geen eten|rien a manger",
    "ok": r"gaat|goed|ca va|bien|niets|rien|nee|non|ok|oke",
}
CONFIRM_WORDS = {
    "edit": r"aanpass\w*|wijzig\w*|verander\w*|modifi\w*|chang\w*|corrig\w*|nee|non",
    "ok": r"klopt|ok|oke|ja|juist|goed|oui|c est bon|parfait|correct|d accord",
}
EDIT_WORDS = {
    "situation": r"situatie|waar ik sta|situation|ou j en suis",
    "strengths": r"sterk\w*|goed in|forces?|qualites?",
    "domains": r"onderwerp\w*|domein\w*|sujets?|domaines?",
    "dream": r"droom|over een jaar|reve|dans un an",
    "goals": r"doel\w*|objectifs?|priorit\w*",
    "step": r"stap\w*|etapes?",
    "ocmw": r"ocmw|cpas",
    "helpers": r"organisatie\w*|steun\w*|helpt|organisation\w*|accompagn\w*|confiance",
    "obstacles": r"moeilijk\w*|obstakel\w*|difficult\w*|obstacles?",
    "questions": r"vragen|vraag|questions?",
}
NOTHING = r"niets|niks|geen idee|weet ik niet|weet het niet|rien|aucune idee|je ne sais pas|sais pas"
DONT_KNOW = r"weet ik niet|weet het niet|geen idee|ik weet het niet|je ne sais pas|sais pas|aucune idee"

EDIT_RESETS = {
    "situation": ("prep_stage", "prep_urgent"),
    "strengths": ("prep_strengths", "prep_hint"),
    "domains": (
        "prep_domains",
        "prep_now",
        "prep_change",
        "prep_notes",
        "prep_topic",
        "prep_priorities",
        "prep_goal",
        "prep_goal_when",
        "prep_goals",
    ),
    "dream": ("prep_dream",),
    "goals": ("prep_priorities", "prep_goal", "prep_goal_when", "prep_goals", "prep_topic"),
    "step": ("prep_step", "prep_step_date"),
    "ocmw": ("prep_need", "prep_expect"),
    "helpers": ("prep_helpers",),
    "obstacles": ("prep_obstacles",),
    "questions": ("prep_questions",),
}

Slots = dict[str, Any]
Say = tuple[str, dict[str, Any]]
WhenParser = Callable[[str, date], "date | None"]


@dataclass
class Step:
    slots: Slots = field(default_factory=dict)
    say: list[Say] = field(default_factory=list)


def payload_choice(text: str) -> str | None:
    """The code a button sent: /prep_answer{"prep_choice":"sign"} -> "sign"."""
    match = re.match(r"^/prep_answer(\{.*\})$", text.strip())
    if not match:
        return None
    try:
        value = json.loads(match[1]).get("prep_choice")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def pick(text: str, titles: dict[str, str], words: dict[str, str]) -> str | None:
    """One code from a button payload, a button title or a typed word."""
    chosen = payload_choice(text)
    if chosen in titles or chosen in words:
        return chosen
    folded = fold(text)
    for code, title in titles.items():
        if folded and folded == fold(title):
            return code
    for code, pattern in words.items():
        if re.search(rf"\b(?:{pattern})\b", folded):
            return code
    return None


def is_skipped(value: Any) -> bool:
    return value == SKIP


def topics_of(slots: Slots, name: str) -> list[str]:
    value = slots.get(name)
    return list(value) if isinstance(value, list) else []


def required(slots: Slots) -> list[str]:
    """The questions still part of this walk-through, in order (the form asks the first empty one)."""
    needed = [s for s in FORM_SLOTS if s != "prep_edit"]
    if not topics_of(slots, "prep_domains") and slots.get("prep_domains") is not None:
        needed = [s for s in needed if s not in ("prep_now", "prep_change")]
    if not topics_of(slots, "prep_priorities") and slots.get("prep_priorities") is not None:
        needed = [s for s in needed if s not in ("prep_goal", "prep_goal_when")]
    if slots.get("prep_confirm") == "edit":
        needed.append("prep_edit")
    return needed


def on_stage(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    code = pick(text, titles, STAGE_WORDS) or "other"
    say = [("utter_prep_stage_sign", {})] if code == "sign" else []
    return Step({"prep_stage": code}, say)


def on_urgent(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    code = pick(text, titles, URGENT_WORDS) or "urgent"  # in doubt, give the urgent help first
    return Step({"prep_urgent": code}, [("utter_prep_urgent", {})] if code == "urgent" else [])


def on_strengths(slots: Slots, text: str) -> Step:
    if re.fullmatch(rf"\s*(?:{NOTHING})\s*", fold(text)) and not slots.get("prep_hint"):
        return Step({"prep_strengths": None, "prep_hint": True}, [("utter_prep_strengths_hint", {})])
    return Step({"prep_strengths": text})


def split_choices(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]|\s+en\s+|\s+et\s+", text) if part.strip()]


def on_domains(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    """Several topics: from the buttons (titles joined by commas) or typed; else the text itself."""
    chosen = payload_choice(text)
    codes = [chosen] if chosen in titles else []
    for part in split_choices(text) if not codes else []:
        exact = [code for code, title in titles.items() if fold(part) == fold(title)]
        for code in exact or recognise(part):
            if code not in codes:
                codes.append(code)
    topics: list[str] = codes or [text.strip()]
    update: Slots = {"prep_domains": topics, "prep_notes": [], "prep_topic": topics[0]}
    if len(topics) == 1:
        update.update({"prep_priorities": topics, "prep_goals": []})
    return Step(update)


def next_open(topics: list[str], done: list[dict[str, Any]]) -> str | None:
    finished = {entry["topic"] for entry in done}
    return next((topic for topic in topics if topic not in finished), None)


def dont_know(text: str) -> list[Say]:
    return [("utter_prep_dont_know", {})] if re.search(rf"\b(?:{DONT_KNOW})\b", fold(text)) else []


def on_now(slots: Slots, text: str) -> Step:
    return Step({"prep_now": text}, dont_know(text))


def on_change(slots: Slots, text: str) -> Step:
    notes = list(slots.get("prep_notes") or [])
    notes.append({"topic": slots.get("prep_topic"), "now": slots.get("prep_now"), "change": text})
    following = next_open(topics_of(slots, "prep_domains"), notes)
    step = Step({"prep_notes": notes, "prep_change": text}, dont_know(text))
    if following is not None:
        step.slots.update({"prep_now": None, "prep_change": None, "prep_topic": following})
    elif len(topics_of(slots, "prep_priorities")) == 1:
        step.slots["prep_topic"] = topics_of(slots, "prep_priorities")[0]
    return step


def on_priorities(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    """At most 3 of the chosen topics (or typed ones when none were chosen)."""
    offered = topics_of(slots, "prep_domains")
    chosen = payload_choice(text)
    picked = [chosen] if chosen in offered else []
    for part in split_choices(text) if not picked else []:
        folded = fold(part)
        for topic in offered:
            label = titles.get(topic, topic)
            if topic not in picked and (
                folded == fold(label) or fold(topic) in folded or topic in recognise(part)
            ):
                picked.append(topic)
    picked = picked or [text.strip()]
    say: list[Say] = []
    if len(picked) > MAX_PRIORITIES:
        picked, say = picked[:MAX_PRIORITIES], [("utter_prep_priorities_too_many", {})]
    return Step({"prep_priorities": picked, "prep_goals": [], "prep_topic": picked[0]}, say)


def on_goal(slots: Slots, text: str) -> Step:
    if is_skipped(text):
        return record_goal(slots, SKIP, SKIP, None)
    return Step({"prep_goal": text}, dont_know(text))


def on_goal_when(slots: Slots, text: str, today: date, parse_when: WhenParser) -> Step:
    when = None if is_skipped(text) else parse_when(text, today)
    step = record_goal(slots, slots.get("prep_goal"), text, when)
    if when is not None:
        step.say.append(("utter_prep_when_shown", {"when_date": when.isoformat()}))
    elif not is_skipped(text):
        step.say.append(("utter_prep_when_kept", {}))
    return step


def record_goal(slots: Slots, goal: Any, when_text: str, when: date | None) -> Step:
    goals = list(slots.get("prep_goals") or [])
    goals.append(
        {
            "topic": slots.get("prep_topic"),
            "goal": goal,
            "when_text": when_text,
            "when_date": when.isoformat() if when else None,
        }
    )
    following = next_open(topics_of(slots, "prep_priorities"), goals)
    step = Step({"prep_goals": goals, "prep_goal": goal, "prep_goal_when": when_text})
    if following is not None:
        step.slots.update({"prep_goal": None, "prep_goal_when": None, "prep_topic": following})
    return step


def on_step(slots: Slots, text: str, today: date, parse_when: WhenParser) -> Step:
    when = None if is_skipped(text) else parse_when(text, today)
    step = Step({"prep_step": text, "prep_step_date": when.isoformat() if when else None}, dont_know(text))
    if when is not None:
        step.say.append(("utter_prep_when_shown", {"when_date": when.isoformat()}))
    return step


def on_need(slots: Slots, text: str) -> Step:
    return Step({"prep_need": text}, [("utter_prep_need_note", {})])


def on_expect(slots: Slots, text: str) -> Step:
    return Step({"prep_expect": text}, [] if is_skipped(text) else [("utter_prep_feasible_note", {})])


def on_obstacles(slots: Slots, text: str) -> Step:
    return Step({"prep_obstacles": text}, [] if is_skipped(text) else [("utter_prep_proof_note", {})])


def on_questions(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    """The example questions that were tapped, and the user's own questions (kept as typed)."""
    chosen_code = payload_choice(text)
    chosen = [chosen_code] if chosen_code in titles else []
    own = "" if chosen else text
    for code, title in titles.items():
        if code not in chosen and title and title.lower() in own.lower():
            chosen.append(code)
            own = re.sub(re.escape(title), "", own, flags=re.IGNORECASE)
    own = re.sub(r"^[\s,;]+|[\s,;]+$", "", re.sub(r"(?:\s*[,;]\s*){2,}", ", ", own))
    return Step({"prep_questions": {"chosen": chosen, "own": own}})


def on_confirm(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    code = pick(text, titles, CONFIRM_WORDS)
    return Step({"prep_confirm": code})  # None asks again


def on_edit(slots: Slots, text: str, titles: dict[str, str]) -> Step:
    part = pick(text, titles, EDIT_WORDS)
    if part is None:
        return Step({"prep_edit": None})
    update: Slots = dict.fromkeys(EDIT_RESETS[part])
    update.update({"prep_edit": None, "prep_confirm": None})
    topics = topics_of(slots, "prep_domains")
    if part == "goals" and len(topics) == 1:
        update.update({"prep_priorities": topics, "prep_goals": [], "prep_topic": topics[0]})
    return Step(update)


def reset() -> Slots:
    """Every slot of the walk-through emptied (restart, or delete my data)."""
    return dict.fromkeys(ALL_SLOTS)


def on_skip(slots: Slots, slot: str) -> Step:
    """'Liever niet' / 'je préfère passer': the question is left out and the form moves on."""
    if slot == "prep_goal":
        return on_goal(slots, SKIP)
    if slot == "prep_goal_when":
        return record_goal(slots, slots.get("prep_goal"), SKIP, None)
    if slot == "prep_change":
        return on_change(slots, SKIP)
    if slot == "prep_edit":
        return Step({"prep_edit": None, "prep_confirm": None})
    return Step({slot: SKIP})
