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


def _record(msg, args=(), exc_info=None, **extra):
    record = logging.LogRecord("songjam.engine", logging.ERROR, __file__, 1, msg, args, exc_info)
    record.__dict__.update(extra)
    return record


def test_json_lines_parse_and_never_hold_a_secret_even_in_a_traceback():
    import json
    import sys

    from bot.logging_setup import JsonFormatter

    secrets = ["discord-secret-token", 'music-"key\\123']
    formatter = JsonFormatter(secrets, "worker-1")
    try:
        raise RuntimeError(f"auth failed for {secrets[1]} with {secrets[0]}")
    except RuntimeError:
        record = _record("token %s", ("discord-secret-token",), sys.exc_info())
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "songjam.engine" and entry["process"] == "worker-1"
    assert entry["message"] == "token [redacted]" and entry["time"].endswith("+00:00")
    assert "RuntimeError: auth failed for [redacted] with [redacted]" in entry["exception"]
    for secret in secrets:
        assert secret not in line and json.dumps(secret)[1:-1] not in line and secret not in entry["exception"]


def test_json_lines_carry_the_job_guild_and_member_of_the_step_that_logged():
    import asyncio
    import json

    from bot.core.log_context import log_fields
    from bot.logging_setup import JsonFormatter

    formatter = JsonFormatter([], "")
    lines = {}

    async def step(job_id):
        with log_fields(job_id=job_id, guild_id=10, member_id=20 + job_id):
            await asyncio.sleep(0.01)  # another step runs meanwhile, with its own ids
            lines[job_id] = json.loads(formatter.format(_record("polling")))

    async def both():
        await asyncio.gather(step(1), step(2))

    asyncio.run(both())
    assert lines[1] | {"time": 0} == {"time": 0, "level": "ERROR", "logger": "songjam.engine", "message": "polling",
                                      "job_id": 1, "guild_id": 10, "member_id": 21}
    assert lines[2]["job_id"] == 2 and lines[2]["member_id"] == 22
    outside = json.loads(formatter.format(_record("idle", guild_id=5)))
    assert "job_id" not in outside and outside["guild_id"] == 5, "extra= fields count too"


def test_log_format_json_is_a_setting_and_text_stays_the_default():
    from bot.config import load_settings

    base = {"DISCORD_TOKEN": "t" * 10, "MUSIC_API_KEY": "k" * 10}
    assert load_settings(base).log_format == "text"
    assert load_settings({**base, "LOG_FORMAT": "JSON"}).log_format == "json"
