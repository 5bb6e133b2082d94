"""Discord-shaped API errors (``{"message": ..., "code": ...}``)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Raised by route handlers; the server turns it into a JSON error response."""

    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        """The JSON body Discord would send."""
        body: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


def unauthorized() -> ApiError:
    """401 for a missing or wrong bot token."""
    return ApiError(401, 0, "401: Unauthorized")


def missing_access() -> ApiError:
    """403 / 50001: the bot cannot see the resource."""
    return ApiError(403, 50001, "Missing Access")


def missing_permissions() -> ApiError:
    """403 / 50013."""
    return ApiError(403, 50013, "Missing Permissions")


def cannot_dm() -> ApiError:
    """403 / 50007: the user does not accept DMs from the bot."""
    return ApiError(403, 50007, "Cannot send messages to this user")


def not_author() -> ApiError:
    """403 / 50005."""
    return ApiError(403, 50005, "Cannot edit a message authored by another user")


def unknown_channel() -> ApiError:
    """404 / 10003."""
    return ApiError(404, 10003, "Unknown Channel")


def unknown_guild() -> ApiError:
    """404 / 10004."""
    return ApiError(404, 10004, "Unknown Guild")


def unknown_member() -> ApiError:
    """404 / 10007."""
    return ApiError(404, 10007, "Unknown Member")


def unknown_message() -> ApiError:
    """404 / 10008."""
    return ApiError(404, 10008, "Unknown Message")


def unknown_role() -> ApiError:
    """404 / 10011."""
    return ApiError(404, 10011, "Unknown Role")


def unknown_user() -> ApiError:
    """404 / 10013."""
    return ApiError(404, 10013, "Unknown User")


def unknown_emoji() -> ApiError:
    """400 / 10014."""
    return ApiError(400, 10014, "Unknown Emoji")


def unknown_webhook() -> ApiError:
    """404 / 10015."""
    return ApiError(404, 10015, "Unknown Webhook")


def unknown_interaction() -> ApiError:
    """404 / 10062: unknown interaction, or the 3 second window has passed."""
    return ApiError(404, 10062, "Unknown interaction")


def invalid_webhook_token() -> ApiError:
    """401 / 50027: the interaction token expired (15 minutes) or is wrong."""
    return ApiError(401, 50027, "Invalid Webhook Token")


def already_acknowledged() -> ApiError:
    """400 / 40060."""
    return ApiError(400, 40060, "Interaction has already been acknowledged.")


def entity_too_large() -> ApiError:
    """413 / 40005."""
    return ApiError(413, 40005, "Request entity too large")


def empty_message() -> ApiError:
    """400 / 50006."""
    return ApiError(400, 50006, "Cannot send an empty message")


def not_found_route() -> ApiError:
    """404 / 0 for a route the fake does not know."""
    return ApiError(404, 0, "404: Not Found")


def method_not_allowed() -> ApiError:
    """405 / 0."""
    return ApiError(405, 0, "405: Method Not Allowed")


def invalid_form(field: str, error_code: str, message: str) -> ApiError:
    """400 / 50035 with Discord's nested ``errors`` object for one field path (dotted)."""
    errors: dict[str, Any] = {"_errors": [{"code": error_code, "message": message}]}
    for part in reversed(field.split(".")):
        errors = {part: errors}
    return ApiError(400, 50035, "Invalid Form Body", errors)


def default_for_status(status: int) -> ApiError:
    """The error an injected fault answers with, by HTTP status."""
    if status == 403:
        return missing_permissions()
    if status == 404:
        return unknown_channel()
    if status == 413:
        return entity_too_large()
    if status == 401:
        return unauthorized()
    if status == 400:
        return ApiError(400, 50035, "Invalid Form Body")
    return ApiError(status, 0, f"{status}: Server Error")
