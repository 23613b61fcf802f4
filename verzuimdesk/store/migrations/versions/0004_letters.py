"""letters: the letter archive, template versions, leerbedrijven, schorsing, verwijdering,
duo_report.gemeld_op

Revision ID: 0004
Revises: 0008
Create Date: 2026-12-03 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _student_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["student_id"],
        ["student.id"],
        name=op.f(f"fk_{table}_student_id_student"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("letter", sa.String(length=16), nullable=False),
        sa.Column("variant", sa.String(length=16), nullable=True),
        sa.Column("style", sa.String(length=16), nullable=False),
        sa.Column("event_key", sa.String(length=80), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("event_text", sa.String(length=200), nullable=False),
        sa.Column("recipient_kind", sa.String(length=16), nullable=False),
        sa.Column("recipient_ref", sa.String(length=80), nullable=False),
        sa.Column("recipient_names", sa.Text(), nullable=False),
        sa.Column("template_key", sa.String(length=80), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=100), nullable=False),
        _student_fk("letter"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
        sa.UniqueConstraint("reference", name=op.f("uq_letter_reference")),
    )
    with op.batch_alter_table("letter") as batch:
        batch.create_index("ix_letter_student_event", ["student_id", "event_key"], unique=False)
        batch.create_index(batch.f("ix_letter_printed_at"), ["printed_at"], unique=False)

    op.create_table(
        "letter_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_template")),
        sa.UniqueConstraint("key", "version", name="uq_letter_template_key_version"),
    )

    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("contactpersoon", sa.String(length=200), nullable=True),
        sa.Column("telefoon", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("straat", sa.String(length=200), nullable=True),
        sa.Column("postcode", sa.String(length=16), nullable=True),
        sa.Column("plaats", sa.String(length=100), nullable=True),
        sa.Column("van", sa.Date(), nullable=True),
        sa.Column("tot", sa.Date(), nullable=True),
        _student_fk("company"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
    )
    with op.batch_alter_table("company") as batch:
        batch.create_index(batch.f("ix_company_student_id"), ["student_id"], unique=False)

    op.create_table(
        "suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        _student_fk("suspension"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspension")),
    )
    with op.batch_alter_table("suspension") as batch:
        batch.create_index(batch.f("ix_suspension_student_id"), ["student_id"], unique=False)

    op.create_table(
        "expulsion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("conversation_held", sa.Boolean(), nullable=False),
        sa.Column("conversation_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        _student_fk("expulsion"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expulsion")),
    )
    with op.batch_alter_table("expulsion") as batch:
        batch.create_index(batch.f("ix_expulsion_student_id"), ["student_id"], unique=False)

    with op.batch_alter_table("duo_report") as batch:
        batch.add_column(sa.Column("gemeld_op", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("duo_report") as batch:
        batch.drop_column("gemeld_op")
    for table in ("expulsion", "suspension", "company", "letter_template", "letter"):
        op.drop_table(table)
