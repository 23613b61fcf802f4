"""one open sick report per student (database-enforced), the change feed, whole-school run claims

Revision ID: 0008
Revises: 0002
Create Date: 2026-12-03 20:40:00

Before this revision two desks could enter a sick report for the same student at the same moment
and both succeed. Such doubles are settled first, without losing anything: per student the
earliest open report stays open; every later open one is closed at its own start, its Z
registrations move to the report that stays open, its note says why, and the audit trail records
it. Then a partial unique index allows one open report per student.
"""

import json
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_report = sa.table(
    "sick_report",
    sa.column("id", sa.Integer),
    sa.column("student_id", sa.Integer),
    sa.column("starts_at", sa.DateTime),
    sa.column("ended_at", sa.DateTime),
    sa.column("ended_by", sa.String),
    sa.column("note", sa.Text),
)
_registration = sa.table(
    "registration", sa.column("sick_report_id", sa.Integer), sa.column("id", sa.Integer)
)
_audit = sa.table(
    "audit_entry",
    sa.column("at", sa.DateTime),
    sa.column("user", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("before", sa.Text),
    sa.column("after", sa.Text),
)

MERGED_NOTE = (
    "Dubbele ziekmelding: de leerling had al een open ziekmelding ({kept}). Gesloten bij het "
    "bijwerken van de database; de registraties horen nu bij die ziekmelding."
)


def _settle_double_open_reports(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.select(_report.c.id, _report.c.student_id, _report.c.starts_at, _report.c.note)
        .where(_report.c.ended_at.is_(None))
        .order_by(_report.c.student_id, _report.c.starts_at, _report.c.id)
    ).all()
    kept: dict[int, int] = {}
    now = datetime.now().replace(microsecond=0)
    for report_id, student_id, starts_at, note in rows:
        if student_id not in kept:
            kept[student_id] = report_id
            continue
        keep = kept[student_id]
        moved = [
            row[0]
            for row in connection.execute(
                sa.select(_registration.c.id).where(_registration.c.sick_report_id == report_id)
            )
        ]
        connection.execute(
            sa.update(_registration)
            .where(_registration.c.sick_report_id == report_id)
            .values(sick_report_id=keep)
        )
        extra = MERGED_NOTE.format(kept=keep)
        connection.execute(
            sa.update(_report)
            .where(_report.c.id == report_id)
            .values(
                ended_at=starts_at,
                ended_by="verzuimdesk (bijwerken)",
                note="\n".join(part for part in (note, extra) if part),
            )
        )
        connection.execute(
            sa.insert(_audit).values(
                at=now,
                user="verzuimdesk (bijwerken)",
                action="ziekmelding.dubbel-gesloten",
                entity="sick_report",
                entity_id=str(report_id),
                before=json.dumps({"ended_at": None}),
                after=json.dumps(
                    {
                        "ended_at": starts_at.isoformat(sep=" "),
                        "blijft_open": keep,
                        "registraties_verplaatst": moved,
                    }
                ),
            )
        )


def upgrade() -> None:
    _settle_double_open_reports(op.get_bind())
    with op.batch_alter_table("sick_report", schema=None) as batch_op:
        batch_op.create_index(
            "ux_sick_report_open",
            ["student_id"],
            unique=True,
            sqlite_where=sa.text("ended_at IS NULL"),
            postgresql_where=sa.text("ended_at IS NULL"),
        )
    op.create_table(
        "change_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("kinds", sa.String(length=200), nullable=False),
        sa.Column("student_ids", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_feed")),
    )
    with op.batch_alter_table("change_feed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_feed_at"), ["at"], unique=False)
    op.create_table(
        "run_claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_claim")),
        sa.UniqueConstraint("key", name=op.f("uq_run_claim_key")),
    )


def downgrade() -> None:
    op.drop_table("run_claim")
    with op.batch_alter_table("change_feed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_feed_at"))
    op.drop_table("change_feed")
    with op.batch_alter_table("sick_report", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_sick_report_open",
            sqlite_where=sa.text("ended_at IS NULL"),
            postgresql_where=sa.text("ended_at IS NULL"),
        )
