"""Feedback of client-participation groups on the wording (the wording lab).

Stored with SQLAlchemy: bot/'s SQLite file by default, PostgreSQL when LAB_DATABASE_URL points
there (the scale-out setting). A row holds the group's name, the date, the language, the response
key, the vote, the problem word, a comment and a proposed wording — nothing about who typed it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa

metadata = sa.MetaData()
feedback = sa.Table(
    "lab_feedback",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("group_name", sa.String(80), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("response_key", sa.String(120), nullable=False, index=True),
    sa.Column("vote", sa.String(10)),  # "clear" / "unclear" / None
    sa.Column("word", sa.String(120)),
    sa.Column("comment", sa.Text),
    sa.Column("proposal", sa.Text),
    sa.Column("accepted", sa.Boolean, nullable=False, default=False),
)
FIELDS = (
    "id",
    "created",
    "group_name",
    "language",
    "response_key",
    "vote",
    "word",
    "comment",
    "proposal",
    "accepted",
)
VOTES = ("clear", "unclear")


@dataclass(frozen=True)
class Tally:
    votes: int
    unclear: int
    comments: tuple[str, ...]
    proposals: int

    @property
    def unclear_pct(self) -> float:
        return round(100 * self.unclear / self.votes) if self.votes else 0.0


class LabStore:
    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(url, pool_pre_ping=True)
        metadata.create_all(self.engine)

    def add(
        self,
        group: str,
        language: str,
        key: str,
        vote: str | None,
        word: str = "",
        comment: str = "",
        proposal: str = "",
    ) -> int:
        row = {
            "created": time.time(),
            "group_name": group[:80],
            "language": language,
            "response_key": key,
            "vote": vote if vote in VOTES else None,
            "word": word.strip()[:120] or None,
            "comment": comment.strip() or None,
            "proposal": proposal.strip() or None,
            "accepted": False,
        }
        with self.engine.begin() as db:
            return int(db.execute(feedback.insert().values(**row)).inserted_primary_key[0])

    def accept(self, row_id: int, accepted: bool = True) -> bool:
        with self.engine.begin() as db:
            done = db.execute(
                feedback.update()
                .where(feedback.c.id == row_id, feedback.c.proposal.isnot(None))
                .values(accepted=accepted)
            )
            return done.rowcount > 0

    def rows(self) -> list[dict]:
        with self.engine.connect() as db:
            result = db.execute(sa.select(feedback).order_by(feedback.c.id))
            return [dict(row._mapping) for row in result]

    def tallies(self) -> dict[tuple[str, str], Tally]:
        """Per (key, language): votes, unclear votes, the last comments, proposals."""
        grouped: dict[tuple[str, str], list[dict]] = {}
        for row in self.rows():
            grouped.setdefault((row["response_key"], row["language"]), []).append(row)
        out = {}
        for ident, rows in grouped.items():
            votes = [r for r in rows if r["vote"]]
            comments = tuple(r["comment"] for r in reversed(rows) if r["comment"])[:3]
            out[ident] = Tally(
                votes=len(votes),
                unclear=sum(r["vote"] == "unclear" for r in votes),
                comments=comments,
                proposals=sum(bool(r["proposal"]) for r in rows),
            )
        return out

    def accepted(self, language: str) -> dict[str, str]:
        """The latest accepted proposal per key, for the .po export."""
        chosen: dict[str, str] = {}
        for row in self.rows():
            if row["accepted"] and row["language"] == language and row["proposal"]:
                chosen[row["response_key"]] = row["proposal"]
        return chosen

    def close(self) -> None:
        self.engine.dispose()
