"""`upstream_text`: the one way text from the music service (or the network) is shown, stored or logged."""

import pytest

from bot.core.text import UPSTREAM_LIMIT, UpstreamText, masked, upstream_text, without_secrets

API_KEY = "sk-live-9f8e7d6c5b4a3210"
DISCORD_TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
# The secrets the bot holds: the music API client blanks them out of every answer as it comes in.
SECRETS = (API_KEY, "unit-test-discord-token-0123")


def from_service(text: str) -> UpstreamText:
    """What a member or the log could ever see of `text`, as the client takes it in."""
    return upstream_text(without_secrets(text, SECRETS))

NASTY = (
    f"**Downstream** error for @everyone and <@123> <@&456>: key {API_KEY} "
    + "[click](https://evil.example/) `code` __under__ ~~gone~~ || spoiler || > quote # head "
    + "x" * 5000
)


def test_a_long_hostile_error_is_capped_escaped_and_masked():
    shown = from_service(NASTY)
    assert isinstance(shown, UpstreamText)
    assert len(shown) <= UPSTREAM_LIMIT and shown.endswith("…")
    assert API_KEY not in shown and r"\[redacted\]" in shown
    assert "@everyone" not in shown and "<@123>" not in shown and "<@&456>" not in shown
    assert shown.startswith(r"\*\*Downstream\*\* error")
    assert r"\[click\]\(https://evil.example/\)" in shown
    assert "\n" not in upstream_text("line one\nline two\r\n`three`")


def test_clean_text_is_not_escaped_twice_and_other_values_become_text():
    once = upstream_text("a *b*")
    assert upstream_text(once) is once
    assert upstream_text({"code": 7, "token": "abcdef123456"}) == '{"code": 7, "token": "\\[redacted\\]"}'


@pytest.mark.parametrize("secret", [
    API_KEY,  # held by the bot
    "unit-test-discord-token-0123",  # held by the bot
    DISCORD_TOKEN,  # looks like a Discord token
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",  # a JWT
    "sk-proj-AbCdEf0123456789GhIjKl",  # an API key shape
    "AKIAIOSFODNN7EXAMPLE",  # an AWS key id
    "ghp_0123456789abcdefghijABCDEFGHIJklmnop",  # a GitHub token
    "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A",  # a long random-looking string
])
def test_secrets_and_things_that_look_like_them_are_masked(secret):
    assert secret not in from_service(f"the upstream said: {secret} was rejected")
    if secret not in SECRETS:  # the rest are caught by their shape, whoever holds them
        assert secret not in masked(f"the upstream said: {secret} was rejected")
        assert secret not in upstream_text(f"the upstream said: {secret} was rejected")


def test_a_held_secret_is_blanked_also_url_encoded():
    assert without_secrets("postgresql://bot:p%40ss%2Fw0rd%21@db/x", ("p@ss/w0rd!",)) == "postgresql://bot:[redacted]@db/x"
    assert without_secrets("the key sk-live-9f8e7d6c5b4a3210 leaked", SECRETS) == "the key [redacted] leaked"


@pytest.mark.parametrize(("text", "hidden"), [
    ("Authorization: Bearer abc.DEF-123_ghi", "abc.DEF-123_ghi"),
    ("invalid bearer  tok3n-value", "tok3n-value"),
    ('{"api_key": "hunter2hunter2"}', "hunter2hunter2"),
    ("api-key=abc123&x=1", "abc123"),
    ("password: correct-horse", "correct-horse"),
    ("x-api-key: 1234567890", "1234567890"),
    ("access_token=ya29.a0AfH6SMB", "ya29.a0AfH6SMB"),
    ("client_secret='s3cr3t'", "s3cr3t"),
])
def test_credentials_are_masked_whatever_their_shape(text, hidden):
    assert hidden not in masked(text)


@pytest.mark.parametrize("url", [
    "http://10.0.0.7:8080/v1/generate",
    "http://127.0.0.1:41234/files/x",
    "http://localhost:8000/x",
    "http://[::1]:80/x",
    "http://[fd00::1]/x",
    "http://[::ffff:192.168.1.1]/x",
    "http://169.254.169.254/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "https://minimax-worker-3.svc.cluster.local/run",
    "http://2130706433/x",
    "http://0x7f.1/x",
    "http://db/x",
])
def test_internal_urls_are_never_shown(url):
    shown = masked(f"upstream fetch of {url} failed")
    assert url not in shown and "[internal address]" in shown
    host = url.split("//")[1].split("/")[0]
    assert host not in shown


@pytest.mark.parametrize(("text", "hidden"), [
    ("connect to 10.1.2.3:5432 refused", "10.1.2.3"),
    ("worker 192.168.0.12 timed out", "192.168.0.12"),
    ("bound to fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
    ("cannot reach redis.internal", "redis.internal"),
    ("cannot reach localhost", "localhost"),
])
def test_internal_addresses_in_prose_are_masked(text, hidden):
    assert hidden not in masked(text)


def test_public_urls_keep_their_host_and_path_but_lose_credentials_and_query():
    shown = masked("fetch https://user:pw@cdn.example.com/a/b.mp3?X-Amz-Signature=deadbeef&Expires=1 failed")
    assert "https://cdn.example.com/a/b.mp3" in shown
    assert "pw" not in shown and "deadbeef" not in shown and "user" not in shown


def test_ordinary_error_text_is_left_readable():
    text = "Body validation error! (prompt: String must contain at most 600 character(s)) at 10:57:02, id 42"
    assert masked(text) == text
    uuid = "0b5a3c1e-8f3b-4c1a-9d2e-7f6a5b4c3d2e:minimax-music"
    assert masked(f"unknown generation {uuid}") == f"unknown generation {uuid}"
