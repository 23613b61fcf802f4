"""conversation.evaluation: what a verzuimgesprek's evaluation found, in a column of its own

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:00:00

Until now the evaluation was appended to the agreements as "\n\nEvaluatie DD-MM-JJJJ: …" (with
the closing date). That text is moved into the new column, so the agreements read as agreed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_conversation = sa.table(
    "conversation",
    sa.column("id", sa.Integer),
    sa.column("agreements", sa.Text),
    sa.column("closed_on", sa.Date),
    sa.column("evaluation", sa.Text),
)


def upgrade() -> None:
    op.add_column("conversation", sa.Column("evaluation", sa.Text(), nullable=True))
    connection = op.get_bind()
    closed = connection.execute(
        sa.select(_conversation.c.id, _conversation.c.agreements, _conversation.c.closed_on).where(
            _conversation.c.closed_on.is_not(None)
        )
    ).all()
    for conversation_id, agreements, closed_on in closed:
        marker = f"\n\nEvaluatie {closed_on:%d-%m-%Y}: "
        agreed, found, evaluation = (agreements or "").rpartition(marker)
        if found:
            connection.execute(
                sa.update(_conversation)
                .where(_conversation.c.id == conversation_id)
                .values(agreements=agreed, evaluation=evaluation)
            )


def downgrade() -> None:
    connection = op.get_bind()
    closed = connection.execute(
        sa.select(
            _conversation.c.id,
            _conversation.c.agreements,
            _conversation.c.closed_on,
            _conversation.c.evaluation,
        ).where(_conversation.c.evaluation.is_not(None))
    ).all()
    for conversation_id, agreements, closed_on, evaluation in closed:
        connection.execute(
            sa.update(_conversation)
            .where(_conversation.c.id == conversation_id)
            .values(
                agreements=f"{agreements or ''}\n\nEvaluatie {closed_on:%d-%m-%Y}: {evaluation}"
            )
        )
    with op.batch_alter_table("conversation") as batch:
        batch.drop_column("evaluation")
