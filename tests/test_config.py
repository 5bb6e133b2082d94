import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

BASE = {"DISCORD_TOKEN": "discord-secret-token", "MUSIC_API_KEY": "music-secret-key"}


def test_defaults_point_at_the_real_services():
    settings = load_settings(BASE)
    assert settings.music_api_base_url == "https://api.apilaplas.com"
    assert settings.discord_api_base == "https://discord.com/api/v10"
    assert settings.discord_gateway_url == "wss://gateway.discord.gg/"
    assert settings.music_model == "minimax-music"
    assert settings.job_timeout_s == 20 * 60
    assert settings.database_path == Path("data/songjam.db")


@pytest.mark.parametrize("missing", ["DISCORD_TOKEN", "MUSIC_API_KEY"])
def test_a_missing_secret_is_named_in_one_line(missing):
    env = {k: v for k, v in BASE.items() if k != missing}
    with pytest.raises(ConfigError, match=f"^{missing} is not set"):
        load_settings(env)


@pytest.mark.parametrize(("name", "value", "message"), [
    ("MUSIC_MODEL", "suno", "MUSIC_MODEL 'suno' is not supported"),
    ("POLL_INTERVAL_SECONDS", "often", "must be a number"),
    ("DEV_GUILD_ID", "abc", "must be a whole number"),
    ("MUSIC_API_BASE_URL", "api.example", "must be a URL"),
    ("LOG_LEVEL", "LOUD", "LOG_LEVEL"),
])
def test_malformed_settings_are_refused_clearly(name, value, message):
    with pytest.raises(ConfigError, match=message):
        load_settings({**BASE, name: value})


def test_secrets_never_show_in_the_settings_repr():
    settings = load_settings(BASE)
    assert "secret" not in repr(settings)
    assert "secret" not in str(settings.discord_token)
    assert settings.discord_token.reveal() == "discord-secret-token"


def test_overrides_are_read():
    settings = load_settings({**BASE, "MUSIC_MODEL": "minimax/music-cover", "DEV_GUILD_ID": "123",
                              "DISCORD_API_BASE": "http://127.0.0.1:5000/api/v10/", "JOB_TIMEOUT_MINUTES": "2"})
    assert settings.music_model == "minimax/music-cover"
    assert settings.dev_guild_id == 123
    assert settings.discord_api_base == "http://127.0.0.1:5000/api/v10"
    assert settings.job_timeout_s == 120


def test_start_up_without_a_token_prints_one_line_and_no_traceback(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "MUSIC_API_KEY": "x"}
    result = subprocess.run([sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == "songjam: DISCORD_TOKEN is not set: put it in .env (see .env.example)"
    assert "Traceback" not in result.stderr


def test_the_discord_request_budget_is_a_setting():
    assert load_settings(BASE).discord_requests_per_second == 40
    assert load_settings({**BASE, "DISCORD_REQUESTS_PER_SECOND": "20"}).discord_requests_per_second == 20
    with pytest.raises(ConfigError, match="DISCORD_REQUESTS_PER_SECOND"):
        load_settings({**BASE, "DISCORD_REQUESTS_PER_SECOND": "fast"})


def test_every_setting_the_bot_reads_is_documented_in_env_example():
    root = Path(__file__).resolve().parents[1]
    read = set(re.findall(r'env(?:\.get\(|, )"([A-Z_]+)"', (root / "bot" / "config.py").read_text()))
    documented = set(re.findall(r"^#? ?([A-Z_]+)=", (root / ".env.example").read_text(), flags=re.M))
    assert {"DISCORD_TOKEN", "RESULTS_DIR", "MAX_CONCURRENT_POLLS", "DISCORD_REQUESTS_PER_SECOND"} <= read
    assert read - documented == set()


def test_unset_shards_mean_one_unsharded_connection():
    settings = load_settings(BASE)
    assert settings.shard_count is None and settings.shard_ids is None and not settings.sharded


@pytest.mark.parametrize(("count", "ids", "expected"), [
    ("2", "", (2, None)),
    ("auto", "", ("auto", None)),
    ("AUTO", "", ("auto", None)),
    ("4", "1", (4, (1,))),
    ("4", "0,1", (4, (0, 1))),
    ("4", "0-3", (4, (0, 1, 2, 3))),
    ("8", " 6, 0-2 ", (8, (0, 1, 2, 6))),
])
def test_shard_settings_are_read(count, ids, expected):
    settings = load_settings({**BASE, "SHARD_COUNT": count, "SHARD_IDS": ids})
    assert (settings.shard_count, settings.shard_ids) == expected
    assert settings.sharded


@pytest.mark.parametrize(("count", "ids", "message"), [
    ("two", "", "^SHARD_COUNT must be a whole number of shards \\(1 or more\\) or 'auto', not 'two'$"),
    ("0", "", "^SHARD_COUNT must be a whole number"),
    ("-1", "", "^SHARD_COUNT must be a whole number"),
    ("", "0", "^SHARD_IDS needs SHARD_COUNT set to a number"),
    ("auto", "0", "^SHARD_IDS needs SHARD_COUNT set to a number"),
    ("2", "2", "^SHARD_IDS names shard 2, but SHARD_COUNT=2 has shards 0 to 1$"),
    ("4", "0-9", "^SHARD_IDS names shard 9, but SHARD_COUNT=4 has shards 0 to 3$"),
    ("4", "1,1", "^SHARD_IDS names shard 1 more than once$"),
    ("4", "0-2,2", "^SHARD_IDS names shard 2 more than once$"),
    ("4", "3-1", "^SHARD_IDS must list shards like 0,1 or 0-3, not '3-1'$"),
    ("4", "a", "^SHARD_IDS must list shards like 0,1 or 0-3"),
    ("4", "0,,1", "^SHARD_IDS must list shards like 0,1 or 0-3"),
])
def test_bad_shard_settings_are_refused_in_one_line(count, ids, message):
    with pytest.raises(ConfigError, match=message) as refused:
        load_settings({**BASE, "SHARD_COUNT": count, "SHARD_IDS": ids})
    assert "\n" not in str(refused.value)


def test_the_process_name_defaults_to_host_and_pid_and_can_be_set():
    import os

    assert load_settings(BASE).process_name.endswith(f"-{os.getpid()}")
    assert load_settings({**BASE, "PROCESS_NAME": "worker-1"}).process_name == "worker-1"
    with pytest.raises(ConfigError, match=r"^PROCESS_NAME must be"):
        load_settings({**BASE, "PROCESS_NAME": "worker `1`"})


def test_the_database_is_sqlite_by_default_and_database_path_still_works():
    assert load_settings(BASE).database.reveal() == "sqlite:///data/songjam.db"
    settings = load_settings({**BASE, "DATABASE_PATH": "/srv/bot/songs.db"})
    assert settings.database.reveal() == "sqlite:////srv/bot/songs.db"
    assert settings.results_dir == Path("/srv/bot/results")
    settings = load_settings({**BASE, "DATABASE_URL": "sqlite:///other/songjam.db", "DATABASE_PATH": "ignored.db"})
    assert settings.database_path == Path("other/songjam.db") and settings.database_url is None


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_a_postgres_url_is_a_secret_whose_password_never_shows(scheme):
    url = f"{scheme}://songjam:p%40ss-w0rd@db.internal:5432/songjam"
    settings = load_settings({**BASE, "DATABASE_URL": url})
    assert settings.database.reveal() == url
    assert "p%40ss-w0rd" not in repr(settings) and "p@ss-w0rd" not in repr(settings)
    assert {url, "p%40ss-w0rd", "p@ss-w0rd"} <= set(settings.secrets)


def test_an_unknown_database_url_is_refused_without_repeating_it():
    with pytest.raises(ConfigError, match="DATABASE_URL") as caught:
        load_settings({**BASE, "DATABASE_URL": "mysql://root:hunter22@db/songjam"})
    assert "hunter22" not in str(caught.value)
