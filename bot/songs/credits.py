"""Bonus credits as the charge sees them: spent and given back inside the job storage's transactions.

Moderators grant and take them (bot/moderation/store.py); a song spends one when the member's
daily quota is used up, and a refund gives it back, once.
"""

from __future__ import annotations

from bot.core.database import Tx


async def take_bonus_credit(conn: Tx, guild_id: int, user_id: int) -> bool:
    """Use one of the member's bonus credits, if they have one (inside the caller's transaction)."""
    rows = await conn.fetch_all(
        "UPDATE bonus_credits SET balance = balance - 1 WHERE guild_id = ? AND user_id = ? AND balance > 0"
        " RETURNING balance",
        (guild_id, user_id),
    )
    return bool(rows)


async def record_bonus_spend(conn: Tx, job_id: int, guild_id: int, user_id: int, now: float) -> None:
    await conn.execute(
        "INSERT INTO bonus_spends (job_id, guild_id, user_id, spent_at) VALUES (?, ?, ?, ?)",
        (job_id, guild_id, user_id, now),
    )


async def return_bonus_credit(conn: Tx, job_id: int, now: float) -> bool:
    """Give back the bonus credit a job was paid with, once; False if it was not bonus-paid."""
    rows = await conn.fetch_all(
        "UPDATE bonus_spends SET returned_at = ? WHERE job_id = ? AND returned_at IS NULL RETURNING guild_id, user_id",
        (now, job_id),
    )
    if not rows:
        return False
    guild_id, user_id = rows[0]
    await add_bonus(conn, guild_id, user_id, 1)
    return True


async def add_bonus(conn: Tx, guild_id: int, user_id: int, delta: int) -> int:
    """Change a balance (never below zero); returns the new balance."""
    rows = await conn.fetch_all(
        """
        INSERT INTO bonus_credits (guild_id, user_id, balance) VALUES (?, ?, ?)
        ON CONFLICT (guild_id, user_id) DO UPDATE SET balance = CASE
            WHEN bonus_credits.balance + ? > 0 THEN bonus_credits.balance + ? ELSE 0 END
        RETURNING balance
        """,
        (guild_id, user_id, max(delta, 0), delta, delta),
    )
    return int(rows[0][0])
