"""When a stored Discord attachment link must be renewed before the music API fetches it."""

from bot.core.attachment_links import REFRESH_MARGIN_S, link_expires_at, needs_refresh

NOW = 1_764_500_000.0


def link(expires_at: float) -> str:
    return f"https://cdn.discordapp.com/attachments/1/2/ref.mp3?ex={int(expires_at):x}&is={int(NOW):x}&hm=abc&"


def test_the_expiry_is_read_from_the_hex_ex_parameter():
    assert link_expires_at(link(NOW + 3600)) == int(NOW + 3600)
    assert link_expires_at("https://cdn.discordapp.com/attachments/1/2/ref.mp3") is None
    assert link_expires_at("https://cdn.discordapp.com/a.mp3?ex=zz") is None


def test_a_link_with_time_left_is_kept():
    assert not needs_refresh(link(NOW + REFRESH_MARGIN_S + 60), NOW)
    assert not needs_refresh(link(NOW + 20 * 3600), NOW)


def test_an_expired_or_nearly_expired_or_unsigned_link_is_renewed():
    assert needs_refresh(link(NOW - 1), NOW)
    assert needs_refresh(link(NOW + REFRESH_MARGIN_S - 1), NOW)
    assert needs_refresh("https://cdn.discordapp.com/attachments/1/2/ref.mp3", NOW)
