"""The one kind of error whose message is written for a member."""

from __future__ import annotations


class UserFacingError(Exception):
    """`user_message` is said to the member (privately), as it is: plain, short, no traceback."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class LimitReached(UserFacingError):
    """A refusal that lifts by itself; `lifts_at` (Unix seconds) says when, if known."""

    def __init__(self, user_message: str, lifts_at: float | None = None) -> None:
        super().__init__(user_message)
        self.lifts_at = lifts_at
