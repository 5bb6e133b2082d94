import logging

from bot.logging_setup import RedactingFormatter


def test_secrets_are_blanked_from_messages_and_tracebacks():
    formatter = RedactingFormatter("%(message)s", ["discord-secret-token", "music-key-123"])
    try:
        raise RuntimeError("auth failed for music-key-123")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "token %s", ("discord-secret-token",),
                                   sys.exc_info())
    text = formatter.format(record)
    assert "discord-secret-token" not in text and "music-key-123" not in text
    assert text.startswith("token [redacted]") and text.endswith("auth failed for [redacted]")


def test_every_line_names_the_process():
    from bot.logging_setup import log_format

    formatter = RedactingFormatter(log_format("worker-1"), [])
    record = logging.LogRecord("songjam.app", logging.INFO, __file__, 1, "ready as %s", ("songjam",), None)
    assert "[worker-1] INFO    songjam.app: ready as songjam" in formatter.format(record)
