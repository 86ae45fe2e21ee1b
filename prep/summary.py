"""A finished preparation as sections of lines, in the user's own words.

The same sections make the summary in the chat, the printable sheet and its PDF. `label(key,
**values)` gives the wording of a catalog key in the user's language (dates formatted).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prep.flow import SKIP
from prep.topics import ORDER

Label = Callable[..., str]
SECTION_KEYS = tuple(
    f"prep_section.{k}"
    for k in (
        "stage strengths domains now change dream goals step need expect helpers obstacles questions "
        "by skipped"
    ).split()
)


def label_keys() -> tuple[str, ...]:
    """Every catalog key the summary uses (a test checks both languages have them)."""
    from prep.flow import QUESTIONS, STAGES

    return (
        SECTION_KEYS
        + tuple(f"prep_stage.{s}" for s in STAGES)
        + tuple(f"prep_topic.{t}" for t in ORDER)
        + tuple(f"prep_question.{q}" for q in QUESTIONS)
    )


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]


def collect(slots: dict[str, Any]) -> dict[str, Any]:
    """What is kept of a walk-through (for the sheet): the answers, nothing else."""
    questions = slots.get("prep_questions")
    return {
        "stage": slots.get("prep_stage"),
        "strengths": slots.get("prep_strengths"),
        "topics": slots.get("prep_domains"),
        "notes": slots.get("prep_notes") or [],
        "dream": slots.get("prep_dream"),
        "goals": slots.get("prep_goals") or [],
        "step": slots.get("prep_step"),
        "step_date": slots.get("prep_step_date"),
        "need": slots.get("prep_need"),
        "expect": slots.get("prep_expect"),
        "helpers": slots.get("prep_helpers"),
        "obstacles": slots.get("prep_obstacles"),
        "questions": questions if isinstance(questions, dict) or questions == SKIP else None,
    }


def topic_name(topic: Any, label: Label, capital: bool = False) -> str:
    if topic in ORDER:
        return label(f"utter_ask_prep_domains.{topic}") if capital else label(f"prep_topic.{topic}")
    return str(topic or "")


def answer(value: Any, label: Label) -> str:
    return label("prep_section.skipped") if value == SKIP else str(value)


def dated(text: str, iso: str | None, label: Label) -> str:
    return f"{text} ({label('prep_section.by', when_date=iso)})" if iso else text


def sections(data: dict[str, Any], label: Label) -> list[Section]:
    out: list[Section] = []

    def add(key: str, *lines: str) -> None:
        if lines:
            out.append(Section(label(f"prep_section.{key}"), tuple(lines)))

    stage = data.get("stage")
    if stage:
        add("stage", answer(stage, label) if stage == SKIP else label(f"prep_stage.{stage}"))
    if data.get("strengths"):
        add("strengths", answer(data["strengths"], label))
    topics = data.get("topics")
    if topics == SKIP:
        add("domains", answer(SKIP, label))
    for note in data.get("notes") or []:
        name = topic_name(note.get("topic"), label, capital=True)
        lines = []
        if note.get("now") is not None:
            lines.append(f"{label('prep_section.now')}: {answer(note['now'], label)}")
        if note.get("change") is not None:
            lines.append(f"{label('prep_section.change')}: {answer(note['change'], label)}")
        if lines:
            out.append(Section(name, tuple(lines)))
    if data.get("dream"):
        add("dream", answer(data["dream"], label))
    goals = []
    for goal in data.get("goals") or []:
        if goal.get("goal") == SKIP:
            continue
        when = goal.get("when_text")
        text = f"{topic_name(goal.get('topic'), label, capital=True)}: {goal.get('goal')}"
        if goal.get("when_date"):
            text = dated(text, goal["when_date"], label)
        elif when and when != SKIP:
            text = f"{text} ({when})"
        goals.append(text)
    add("goals", *goals)
    if data.get("step"):
        add("step", dated(answer(data["step"], label), data.get("step_date"), label))
    for key in ("need", "expect", "helpers", "obstacles"):
        if data.get(key):
            add(key, answer(data[key], label))
    questions = data.get("questions")
    if questions == SKIP:
        add("questions", answer(SKIP, label))
    elif isinstance(questions, dict):
        lines = [label(f"prep_question.{code}") for code in questions.get("chosen") or []]
        if questions.get("own"):
            lines.append(str(questions["own"]))
        add("questions", *lines)
    return out


def as_text(parts: list[Section]) -> str:
    """The summary as chat text: a title per part and its lines as a list."""
    blocks = []
    for part in parts:
        blocks.append("\n".join([f"{part.title}:", *(f"- {line}" for line in part.lines)]))
    return "\n".join(blocks)
