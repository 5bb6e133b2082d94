"""The one kind of error whose message is written for a member."""

from __future__ import annotations

from bot.core.i18n.message import Message, localised


class UserFacingError(Exception):
    """`user_message` is said to the member (privately), as it is: plain, short, no traceback.

    It is a `Message`, rendered in the member's language with `render(locale)`; `str(exc)` is its
    English text, for logs. A plain `str` is shown as written (the code not yet moved to the catalogue).
    """

    def __init__(self, user_message: Message | str) -> None:
        super().__init__(str(user_message))
        self.user_message = user_message

    def render(self, locale: str | None) -> str:
        """What the member is told, in `locale`."""
        return localised(self.user_message, locale)


class LimitReached(UserFacingError):
    """A refusal that lifts by itself; `lifts_at` (Unix seconds) says when, if known."""

    def __init__(self, user_message: Message | str, lifts_at: float | None = None) -> None:
        super().__init__(user_message)
        self.lifts_at = lifts_at
