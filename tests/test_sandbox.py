import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_sandbox_plays_its_session_offline_and_saves_the_songs(tmp_path):
    """The README's first command for newcomers: no token, no network, two songs saved."""
    result = subprocess.run([sys.executable, "-m", "bot", "sandbox"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=180, check=False, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "isn't an audio file" in out, "carol's picture is refused"
    assert "[DM to dave]" in out and "job 3 failed" in out and "Your credit is back" in out
    assert "(deletes the card: the song is posted)" in out and "(the song's picture)" in out
    assert "Used **0** of" in out, "dave's failed song was refunded"
    songs = sorted((tmp_path / "data" / "sandbox").glob("songjam-*.mp3"))
    assert [p.name for p in songs] == ["songjam-1-summer.mp3", "songjam-2-winter.mp3"]
    from mutagen.mp3 import MP3

    assert all(MP3(str(p)).info.length > 10 for p in songs)
