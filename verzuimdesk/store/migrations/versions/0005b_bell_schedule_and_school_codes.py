"""bell_lesson (lestijden.csv) and school_code (codes.csv)

Revision ID: 0005b
Revises: 0005
Create Date: 2026-12-03 21:45:00

The school's bell schedule turns an LVS's lesson numbers into times; the school's own codes map
onto verzuimdesk's codes (docs/exchange-format.md). Both start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005b"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bell_lesson",
        sa.Column("lesuur", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("begin", sa.Time(), nullable=False),
        sa.Column("end", sa.Time(), nullable=False),
        sa.PrimaryKeyConstraint("lesuur", name=op.f("pk_bell_lesson")),
    )
    op.create_table(
        "school_code",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("omschrijving", sa.String(length=100), nullable=False),
        sa.Column("telt_als", sa.String(length=8), nullable=True),
        sa.Column("geoorloofd", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_school_code")),
    )


def downgrade() -> None:
    op.drop_table("school_code")
    op.drop_table("bell_lesson")
