"""What a member reads about their songs (`/song status`, `/song list`, notices), in their language."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.i18n import SHIPPED_LOCALES, message
from bot.core.text import MESSAGE_LIMIT
from bot.songs.engine import BUSY_REASON, EXPIRED_REASON, UNDELIVERABLE_REASON
from bot.songs.jobs import Delivery, JobProgress, JobState
from bot.songs.text import (
    SONGS_PER_PAGE,
    delivery_message,
    end_channel_note,
    end_notice,
    failure_text,
    job_details,
    job_line,
    song_list_page,
)
from tests.songs.test_card import NOW, job

FAILED = replace(job(state=JobState.FAILED, failure_reason=UNDELIVERABLE_REASON, failure_detail="Boom",
                     result_url="https://cdn.music.example/7.mp3", delivery=Delivery.NONE, completed_at=NOW,
                     finished_at=NOW + 65), prompt_text="first line\nsecond")


def test_status_in_english_is_worded_as_before():
    text = job_details(job(), JobProgress(ahead=1, started_at=NOW - 10, eta=NOW + 60), None)
    assert text.splitlines()[:2] == [f"**Job 7**: queued · started <t:{int(NOW - 10)}:R>",
                                     "1 song ahead of yours in this server"]
    failed = job_details(FAILED, None, None, "en").splitlines()
    assert failed[:4] == ["**Job 7**: failed · took 1 min 15 s",
                          "Your song was made, but Discord would not take it, so your credit is back.",
                          "The music service said: Boom",
                          "Download (expires within a day of completion): https://cdn.music.example/7.mp3"]


def test_a_brazilian_member_reads_status_in_portuguese():
    made = job(state=JobState.SUBMITTED, api_status="generating")
    text = job_details(made, JobProgress(ahead=0, started_at=NOW - 10, eta=NOW + 60), None, "pt-BR")
    assert text.splitlines() == [
        f"**Pedido 7**: sendo gerada · começou <t:{int(NOW - 10)}:R>", f"Pronta por volta de <t:{int(NOW + 60)}:R>",
        "Letra: first line / second", "Referência: `my 'ref'.mp3`"]
    assert job_details(FAILED, None, None, "pt-BR").splitlines()[1:3] == [
        "Sua música foi criada, mas o Discord não a aceitou, então seu crédito foi devolvido.",
        "O serviço de música disse: Boom"]
    posted = job(state=JobState.DELIVERED, delivery=Delivery.REPLY, finished_at=NOW + 5)
    assert "Postada aqui: https://discord.com/x" in job_details(posted, None, "https://discord.com/x", "pt-BR")


def test_spanish_and_japanese_plurals_and_a_reason_stored_in_english_before_the_catalogue():
    ahead = JobProgress(ahead=3, started_at=NOW, eta=NOW + 60)
    assert "3 canciones por delante de la tuya en este servidor" in job_details(job(), ahead, None, "es-ES")
    assert "このサーバーであなたの曲の前に 3 曲あります" in job_details(job(), ahead, None, "ja")
    old = replace(FAILED, failure_reason="The music service could not make this song.")
    assert "The music service could not make this song." in job_details(old, None, None, "ja")
    assert failure_text(BUSY_REASON, "es-ES").startswith("El servicio de música está saturado")
    assert failure_text("anything else", "ja") == "anything else"


def test_the_members_notices_name_the_job_and_reason_in_the_servers_language():
    notice = end_notice(FAILED, NOW + 60, "es-ES").splitlines()
    assert notice[0] == ("Tu canción del trabajo 7 falló. Tu canción se creó, pero Discord no la aceptó, así que tu "
                         "crédito está devuelto.")
    assert notice[1] == "El servicio de música dijo: Boom"
    assert notice[2].startswith("Aún puedes descargarla mientras dure el enlace (caduca <t:")
    expired = job(state=JobState.EXPIRED, failure_reason=EXPIRED_REASON)
    assert end_notice(expired, NOW, "en") == ("Your song from job 7 expired. The music service did not finish your "
                                              "song in time; your credit is back.")
    assert end_notice(job(state=JobState.FAILED), NOW, "ja") == "ジョブ 7 の曲は失敗しました。", "no reason: no gap"
    assert end_channel_note(FAILED, "es-ES") == ("<@3> tu canción del trabajo 7 no salió bien: "
                                                 "`/canción estado trabajo:7` te dice por qué.")
    assert delivery_message(job(), as_link=False, locale="ja") == "<@3> ジョブ 7 の曲ができました！🎶"


def test_a_cancel_is_answered_in_the_members_language():
    already = message("songs-status-cancel-already", job="7", state=message("songs-status-state-cancelled"))
    assert str(already) == "Job 7 is already cancelled."
    assert already.render("es-ES") == "El trabajo 7 ya terminó (cancelada)."
    assert message("songs-status-cancelled-charged", job="7").render("pt-BR").endswith("então o crédito foi usado.")


def test_the_song_list_in_japanese():
    jobs = [job(id=n, delivery_message_id=90 + n, state=JobState.DELIVERED) for n in (12, 11)]
    page = song_list_page(jobs, 1, 12, "ja").splitlines()
    assert page[0] == "**ここでのあなたの曲**（12 曲中 11–12、2 ページ中 2 ページ目）"
    assert page[1] == f"`12` ✅ 完成 · <t:{int(NOW - 10)}:R> · first line / second · [曲](https://discord.com/channels/1/2/102)"
    assert song_list_page([], 0, 0, "es-ES") == "Aún no tienes canciones aquí: prueba `/canción crear`."


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_every_long_text_fits_one_message(locale):
    huge = replace(FAILED, failure_detail="x" * 1500, result_url="https://cdn.example/" + "a" * 1000,
                   prompt_text="la " * 2000, reference_name="r" * 300)
    assert len(job_details(huge, JobProgress(ahead=10**6, started_at=NOW, eta=NOW), "https://d/" + "b" * 200,
                           locale)) <= MESSAGE_LIMIT
    assert len(end_notice(huge, NOW, locale)) <= MESSAGE_LIMIT
    long_jobs = [replace(huge, id=10**18 + n, delivery_message_id=10**18, guild_id=10**18, channel_id=10**18)
                 for n in range(SONGS_PER_PAGE)]
    assert len(song_list_page(long_jobs, 10**5, 10**6, locale)) <= MESSAGE_LIMIT
    assert len(job_line(long_jobs[0], locale)) < MESSAGE_LIMIT // SONGS_PER_PAGE, "a full page is never cut"
