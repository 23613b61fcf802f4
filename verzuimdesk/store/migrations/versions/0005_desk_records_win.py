"""What the LVS last said beside what the desk recorded: consent and "post ontvangen"

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-03 20:45:00

An import keeps what the desk recorded when the desk's record is newer than the LVS's value
(services/importing/desk_records.py). To know whether the LVS changed its value, the value the
last import brought is kept: `student.ouders_informeren_lvs`, `guardian.post_ontvangen_lvs`.
`guardian.post_ontvangen_datum` is the day the desk recorded "post ontvangen" (None: from the
LVS), as `student.ouders_informeren_datum` already is for consent. Existing values the desk did
not record are taken to be the LVS's, so the first import after this changes nothing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("student") as batch:
        batch.add_column(sa.Column("ouders_informeren_lvs", sa.Boolean(), nullable=True))
    with op.batch_alter_table("guardian") as batch:
        batch.add_column(sa.Column("post_ontvangen_lvs", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("post_ontvangen_datum", sa.Date(), nullable=True))
    op.execute(
        "UPDATE student SET ouders_informeren_lvs = ouders_informeren "
        "WHERE ouders_informeren_datum IS NULL"
    )
    op.execute("UPDATE guardian SET post_ontvangen_lvs = post_ontvangen")


def downgrade() -> None:
    with op.batch_alter_table("guardian") as batch:
        batch.drop_column("post_ontvangen_datum")
        batch.drop_column("post_ontvangen_lvs")
    with op.batch_alter_table("student") as batch:
        batch.drop_column("ouders_informeren_lvs")
