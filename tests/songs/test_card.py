"""What a song's card shows, from the job and its progress alone."""

from __future__ import annotations

from dataclasses import replace

from bot.core.i18n import SHIPPED_LOCALES
from bot.songs.card import COLOURS, CardState, card_eta, job_card, song_post, song_title
from bot.songs.engine import CANCELLED_REASON, GENERATION_FAILED_REASON
from bot.songs.jobs import Job, JobProgress, JobState

NOW = 1_800_000_000.0


def job(**changes: object) -> Job:
    base = Job(
        id=7, guild_id=1, channel_id=2, user_id=3, model="minimax-music", prompt_text="##first line\nsecond##",
        style=None, reference_url="https://cdn/ref.mp3", reference_name="my `ref`.mp3", jam_id=None,
        state=JobState.PENDING, api_status=None, generation_id=None, status_message_id=None, result_url=None,
        result_path=None, result_bytes=None, delivery=None, delivery_message_id=None, failure_reason=None,
        charged=True, refunded=False, created_at=NOW - 10, submitted_at=None, completed_at=None, finished_at=None,
        expires_at=NOW + 600, next_attempt_at=NOW, poll_count=0, fault_streak=0, member_notified=False,
        lyrics="first line\nsecond", member_name="Alice **A**",
    )
    return replace(base, **changes)


def progress(ahead: int = 0, eta: float = NOW + 60) -> JobProgress:
    return JobProgress(ahead=ahead, started_at=NOW - 10, eta=eta)


def test_a_queued_card_counts_the_songs_ahead_and_shows_member_title_lyrics_and_reference():
    card = job_card(job(), progress(ahead=2), "en")
    assert card.colour == COLOURS[CardState.QUEUED] and card.footer == "Job 7 · queued"
    assert card.author == "Alice **A**", "author lines show no markdown: kept as typed"
    assert card.title == "first line"
    assert "2 songs ahead of yours in this server" in card.description
    assert "<@3>" in card.description and "first line / second" in card.description
    assert card.fields == (("Reference", "`my 'ref'.mp3`"),)


def test_nothing_ahead_shows_the_progress_line_whether_pending_or_being_made():
    pending = job_card(job(), progress(), "en")
    made = job_card(job(state=JobState.SUBMITTED, api_status="generating"), progress(), "en")
    assert pending == made, "the submit and the music service's statuses cost no edit"
    assert pending.colour == COLOURS[CardState.MAKING]
    assert f"Started <t:{int(NOW - 10)}:R>" in pending.description
    assert f"ready <t:{int(NOW + 60)}:R>" in pending.description and "about 70 s in all" in pending.description
    assert "about 5 min in all" in job_card(job(), progress(eta=NOW + 290), "en").description


def test_the_members_title_wins_and_is_escaped():
    assert song_title(job(title="**Big** @everyone"), "en") == "\\*\\*Big\\*\\* @\u200beveryone"
    assert song_title(job(lyrics=None), "en") == "first line", "from the formatted prompt when the lyrics are missing"


def test_a_failed_card_is_red_with_the_bots_reason_only():
    failed = job(state=JobState.FAILED, failure_reason=GENERATION_FAILED_REASON,
                 failure_detail="Boom: upstream exploded", finished_at=NOW)
    card = job_card(failed, None, "en")
    assert card.colour == COLOURS[CardState.FAILED] and "could not make this song" in card.description
    assert "Boom" not in repr(card)


def test_a_reason_stored_before_the_catalogue_shows_as_written():
    old = job(state=JobState.FAILED, failure_reason="The music service could not make this song.", finished_at=NOW)
    for locale in SHIPPED_LOCALES:
        assert "The music service could not make this song." in job_card(old, None, locale).description
    odd = job(state=JobState.EXPIRED, failure_reason="songs-failure-from-the-future", finished_at=NOW)
    assert "songs-failure-from-the-future" in job_card(odd, None, "ja").description, "data, never a broken key"


def test_every_state_has_its_own_colour():
    assert len(set(COLOURS.values())) == len(CardState)


def test_the_eta_is_kept_while_ahead_and_replaced_once_passed_never_in_the_past():
    first = card_eta(NOW - 10, 30.0, None, NOW, min_lead_s=30)
    assert first == NOW + 30, "the first is at least the lead ahead"
    assert card_eta(NOW - 10, 300.0, None, NOW, min_lead_s=30) == NOW + 290
    assert card_eta(NOW - 10, 90.0, first, NOW + 5, min_lead_s=30) == first, "a new estimate alone: no edit"
    later = card_eta(NOW - 10, 30.0, first, first - 0.5, min_lead_s=30)
    assert later == first + 29.5, "replaced just before it passes, a lead ahead"
    assert card_eta(NOW - 10, 400.0, NOW, NOW + 1, min_lead_s=30) == NOW - 10 + 400
    assert card_eta(NOW - 600, 400.0, NOW, NOW + 1, min_lead_s=30) == NOW + 1 + 100, "a quarter of the estimate"


def test_the_song_post_names_the_picture_and_the_length():
    post = song_post(job(state=JobState.DELIVERED), audio_seconds=95.4, image="attachment://songjam-7.png",
                     locale="en")
    assert post.colour == COLOURS[CardState.DONE] and post.image == "attachment://songjam-7.png"
    assert ("Length", "1 min 35 s") in post.fields and "<@3>" in post.description


def test_a_server_in_spanish_gets_its_card_in_spanish():
    queued = job_card(job(), progress(ahead=2), "es-ES")
    assert queued.description.startswith("🕒 **En cola** · canción para <@3>")
    assert "2 canciones por delante de la tuya en este servidor" in queued.description
    assert queued.footer == "Trabajo 7 · en cola" and queued.fields == (("Referencia", "`my 'ref'.mp3`"),)
    one = job_card(job(), progress(ahead=1), "es-ES").description
    assert "1 canción por delante de la tuya" in one
    made = job_card(job(), progress(), "es-ES").description
    assert f"Empezó <t:{int(NOW - 10)}:R> · unos 70 s en total · lista <t:{int(NOW + 60)}:R>" in made
    failed = job_card(job(state=JobState.FAILED, failure_reason=GENERATION_FAILED_REASON, finished_at=NOW), None,
                      "es-ES")
    assert "El servicio de música no pudo crear esta canción. Tu crédito está devuelto." in failed.description
    assert failed.footer == "Trabajo 7 · fallida"


def test_the_card_and_post_in_portuguese_and_japanese():
    done = job(state=JobState.DELIVERED, finished_at=NOW + 85)
    assert "Levou 1 min 35 s." in job_card(done, None, "pt-BR").description
    post = song_post(done, audio_seconds=61, image=None, locale="ja")
    assert post.description.startswith("<@3> さんの曲") and ("長さ", "1 分 1 秒") in post.fields
    assert post.footer == "ジョブ 7 · 完成"
    cancelled = job_card(job(state=JobState.CANCELLED, failure_reason=CANCELLED_REASON), None, "ja")
    assert "リクエストしたメンバーがキャンセルしました。" in cancelled.description
    assert song_title(job(lyrics=None, prompt_text="   "), "pt-BR") == "Música 7"


def test_every_card_fits_discord_in_every_language():
    long_reason = job(state=JobState.FAILED, failure_reason="songs-failure-unknown-outcome", lyrics="la " * 2000,
                      reference_name="r" * 300 + ".mp3", member_name="m" * 200, finished_at=NOW)
    for locale in SHIPPED_LOCALES:
        for card in (job_card(long_reason, None, locale), job_card(job(), progress(ahead=1234), locale),
                     song_post(long_reason, audio_seconds=3600.0, image=None, locale=locale)):
            assert len(card.title) <= 256 and len(card.author) <= 256 and len(card.footer) <= 2048
            assert len(card.description) <= 4096 and all(len(value) <= 1024 for _, value in card.fields)
