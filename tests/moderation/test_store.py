"""The moderation store and the quota rules it shares with the job storage, on a real SQLite file."""

import csv
import io

import pytest

from bot.moderation.store import AuditRecord, Ban, GuildPolicy, ModerationStore
from bot.moderation.text import USAGE_CSV_COLUMNS, usage_csv
from bot.songs.jobs import JobState, NewJob
from bot.songs.quota import DAY_SECONDS, QuotaExceeded, QuotaLimits
from tests.support.concurrency import simultaneous_creates

NOW = 1_800_000_000.0
GUILD = 10
MOD = 99


def new_job(user_id: int = 1, guild_id: int = GUILD) -> NewJob:
    return NewJob(guild_id=guild_id, channel_id=20, user_id=user_id, model="minimax-music", prompt_text="##la##",
                  style=None, reference_url="https://cdn.example/ref.mp3", reference_name="ref.mp3")


def audit(action: str = "test", details: str = "did a thing", target: int | None = None, at: float = NOW,
          guild_id: int = GUILD) -> AuditRecord:
    return AuditRecord(guild_id=guild_id, actor_id=MOD, action=action, details=details, created_at=at,
                       target_user_id=target)


@pytest.fixture
def store(storage):
    return ModerationStore(storage.db)


async def audit_rows(store):
    return await store.audit_page(GUILD, limit=100)


# --- bonus credits in the charging transaction -----------------------------------------------------


async def test_bonus_credits_pay_once_the_daily_quota_is_used_up(storage, store):
    await store.add_bonus(GUILD, 1, 2, audit())
    limits = QuotaLimits(member_daily=1)
    daily = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    bonus_a = await storage.create_job(new_job(), limits, now=NOW + 1, timeout_s=60)
    bonus_b = await storage.create_job(new_job(), limits, now=NOW + 2, timeout_s=60)
    with pytest.raises(QuotaExceeded) as refused:
        await storage.create_job(new_job(), limits, now=NOW + 3, timeout_s=60)
    assert refused.value.lifts_at == NOW + DAY_SECONDS  # the daily job frees up; bonus jobs never do
    assert all(job.charged for job in (daily, bonus_a, bonus_b))
    assert await store.bonus_balance(GUILD, 1) == 0
    usage = await storage.member_usage(GUILD, 1, now=NOW + 3)
    assert usage.used == 1 and usage.next_free_at == NOW + DAY_SECONDS and usage.unfinished == 3


async def test_a_refunded_bonus_job_gives_the_bonus_credit_back_exactly_once(storage, store):
    await store.add_bonus(GUILD, 1, 1, audit())
    limits = QuotaLimits(member_daily=0)
    job = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    assert await store.bonus_balance(GUILD, 1) == 0
    await storage.finish_job(job.id, JobState.FAILED, "API failed", now=NOW + 5, refund=True,
                             expect=(JobState.PENDING,))
    assert await store.bonus_balance(GUILD, 1) == 1
    # a moderator refunding the same job again changes nothing
    assert await store.refund_job(GUILD, job.id, audit()) is None
    assert await store.bonus_balance(GUILD, 1) == 1
    await storage.create_job(new_job(), limits, now=NOW + 6, timeout_s=60)
    assert await store.bonus_balance(GUILD, 1) == 0


async def test_a_moderator_refund_of_a_bonus_paid_song_returns_the_bonus(storage, store):
    await store.add_bonus(GUILD, 1, 1, audit())
    job = await storage.create_job(new_job(), QuotaLimits(member_daily=0), now=NOW, timeout_s=60)
    await storage.finish_job(job.id, JobState.DELIVERED, None, now=NOW + 5, refund=False, expect=(JobState.PENDING,))
    assert await store.refund_job(GUILD, job.id, audit("credits.refund", target=1)) is True
    assert await store.bonus_balance(GUILD, 1) == 1
    assert (await storage.get_job(job.id)).refunded


async def test_a_moderator_refund_of_a_daily_song_frees_the_quota(storage, store):
    limits = QuotaLimits(member_daily=1)
    job = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    await storage.finish_job(job.id, JobState.DELIVERED, None, now=NOW + 5, refund=False, expect=(JobState.PENDING,))
    assert await store.refund_job(GUILD + 1, job.id, audit()) is None, "another server's job"
    assert await store.refund_job(GUILD, job.id, audit()) is False
    assert (await storage.member_usage(GUILD, 1, now=NOW + 6)).used == 0
    await storage.create_job(new_job(), limits, now=NOW + 6, timeout_s=60)
    assert len(await audit_rows(store)) == 1, "only the refund that happened is audited"


async def test_fifty_simultaneous_submissions_with_three_credits_left_make_three_jobs(storage):
    limits = QuotaLimits(member_daily=5, member_unfinished=None, cooldown_s=0)
    for n in range(2):
        await storage.create_job(new_job(), limits, now=NOW - 100 + n, timeout_s=60)

    assert await simultaneous_creates(storage, new_job(), limits, now=NOW) == 3
    assert len(await storage.member_jobs(GUILD, 1, limit=100)) == 5


async def test_fifty_simultaneous_submissions_spend_each_bonus_credit_once(storage, store):
    await store.add_bonus(GUILD, 1, 2, audit())
    limits = QuotaLimits(member_daily=1)

    assert await simultaneous_creates(storage, new_job(), limits, now=NOW) == 3
    assert await store.bonus_balance(GUILD, 1) == 0


async def test_server_and_global_caps_say_when_they_lift(storage):
    await storage.create_job(new_job(user_id=1), QuotaLimits(member_daily=None), now=NOW, timeout_s=60)
    await storage.create_job(new_job(user_id=2), QuotaLimits(member_daily=None), now=NOW + 100, timeout_s=60)
    with pytest.raises(QuotaExceeded, match="server") as server:
        await storage.create_job(new_job(user_id=3), QuotaLimits(member_daily=None, guild_daily=2), now=NOW + 200,
                                 timeout_s=60)
    assert server.value.lifts_at == NOW + DAY_SECONDS
    with pytest.raises(QuotaExceeded, match="all servers") as everywhere:
        await storage.create_job(new_job(guild_id=7), QuotaLimits(member_daily=None, global_daily=1), now=NOW + 200,
                                 timeout_s=60)
    assert everywhere.value.lifts_at == NOW + 100 + DAY_SECONDS, "two over a cap of one: the second must go"
    with pytest.raises(QuotaExceeded) as never:
        await storage.create_job(new_job(user_id=3), QuotaLimits(member_daily=None, guild_daily=0), now=NOW + 200,
                                 timeout_s=60)
    assert never.value.lifts_at is None


async def test_a_lowered_quota_lifts_when_enough_songs_age_out(storage):
    for n in range(3):
        await storage.create_job(new_job(), QuotaLimits(member_daily=None), now=NOW + n * 10, timeout_s=60)
    with pytest.raises(QuotaExceeded) as refused:
        await storage.create_job(new_job(), QuotaLimits(member_daily=1), now=NOW + 100, timeout_s=60)
    assert refused.value.lifts_at == NOW + 20 + DAY_SECONDS


# --- settings, tiers, overrides ---------------------------------------------------------------------


async def test_server_settings_default_and_change_with_an_audit_row(store):
    assert await store.policy(GUILD) == GuildPolicy(GUILD)
    assert await store.set_policy(GUILD, "rights_required", 1, audit()) is False, "already on by default"
    assert await store.set_policy(GUILD, "daily_quota", None, audit()) is False
    assert await audit_rows(store) == []
    assert await store.set_policy(GUILD, "daily_quota", 3, audit("quota.default", "set it to 3"))
    assert await store.set_policy(GUILD, "daily_quota", 3, audit()) is False
    assert await store.set_policy(GUILD, "rights_required", 0, audit("settings.rights", "off"))
    policy = await store.policy(GUILD)
    assert policy.daily_quota == 3 and policy.rights_required is False
    assert [(e.action, e.details, e.actor_id, e.created_at) for e in await audit_rows(store)] == [
        ("settings.rights", "off", MOD, NOW), ("quota.default", "set it to 3", MOD, NOW),
    ]
    with pytest.raises(ValueError, match="not a server setting"):
        await store.set_policy(GUILD, "guild_id; DROP TABLE jobs", 1, audit())


async def test_the_language_of_public_posts_round_trips_and_clears(store):
    assert await store.guild_language(GUILD) is None
    assert await store.set_policy(GUILD, "language", "pt-BR", audit("settings.language", "set it to pt-BR"))
    assert await store.set_policy(GUILD, "language", "pt-BR", audit()) is False
    assert await store.guild_language(GUILD) == "pt-BR" and (await store.policy(GUILD)).language == "pt-BR"
    assert await store.guild_language(GUILD + 1) is None, "another server keeps its own"
    assert await store.set_policy(GUILD, "language", None, audit("settings.language", "cleared"))
    assert await store.guild_language(GUILD) is None and (await store.policy(GUILD)).language is None
    assert [e.details for e in await audit_rows(store)] == ["cleared", "set it to pt-BR"]


async def test_the_highest_tier_among_the_members_roles_wins(store):
    await store.set_tier(GUILD, 501, 3, audit())
    await store.set_tier(GUILD, 502, 10, audit())
    await store.set_tier(GUILD + 1, 503, 50, audit())
    assert (await store.best_tier(GUILD, [501, 502, 503, 777])).role_id == 502
    assert (await store.best_tier(GUILD, [501])).daily_quota == 3
    assert await store.best_tier(GUILD, [503]) is None, "another server's tier"
    assert await store.best_tier(GUILD, []) is None
    assert await store.set_tier(GUILD, 502, 10, audit()) is False
    assert await store.set_tier(GUILD, 502, 12, audit())
    assert [t.role_id for t in await store.tiers(GUILD)] == [502, 501]
    assert await store.remove_tier(GUILD, 502, audit())
    assert await store.remove_tier(GUILD, 502, audit()) is False
    assert len(await audit_rows(store)) == 5


async def test_member_overrides(store):
    assert await store.override(GUILD, 1) is None
    await store.set_override(GUILD, 1, 0, audit())
    assert (await store.override(GUILD, 1)).daily_quota == 0
    assert [o.user_id for o in await store.overrides(GUILD)] == [1]
    assert await store.remove_override(GUILD, 1, audit())
    assert await store.override(GUILD, 1) is None


async def test_bonus_balances_never_go_below_zero(store):
    assert await store.add_bonus(GUILD, 1, 3, audit()) == 3
    assert await store.add_bonus(GUILD, 1, -5, audit()) == 0
    assert await store.add_bonus(GUILD, 2, -1, audit()) == 0
    assert await store.bonus_balance(GUILD + 1, 1) == 0


# --- bans, channels, words, rights ----------------------------------------------------------------


async def test_bans_expire_and_unban_audits_only_a_lifted_ban(store):
    await store.ban(GUILD, Ban(1, "spam", MOD, NOW, NOW + 3600), audit("ban", target=1))
    await store.ban(GUILD, Ban(2, "for good", MOD, NOW, None), audit("ban", target=2))
    assert (await store.active_ban(GUILD, 1, NOW + 10)).reason == "spam"
    assert await store.active_ban(GUILD, 1, NOW + 3600) is None
    assert await store.active_ban(GUILD + 1, 2, NOW) is None
    assert [b.user_id for b in await store.active_bans(GUILD, NOW + 4000)] == [2]
    assert await store.unban(GUILD, 1, audit("unban", at=NOW + 4000)) is False, "already over"
    assert await store.unban(GUILD, 2, audit("unban", at=NOW + 4000))
    assert await store.active_ban(GUILD, 2, NOW + 4000) is None
    assert [e.action for e in await audit_rows(store)] == ["unban", "ban", "ban"]


async def test_song_channels_and_blocked_words_are_sets(store):
    assert await store.add_song_channel(GUILD, 30, audit())
    assert await store.add_song_channel(GUILD, 30, audit()) is False
    assert [(c.channel_id, c.added_by, c.added_at) for c in await store.song_channels(GUILD)] == [(30, MOD, NOW)]
    assert await store.remove_song_channel(GUILD, 30, audit())
    assert await store.song_channels(GUILD) == []
    assert await store.add_blocked_word(GUILD, "bad", audit())
    assert await store.add_blocked_word(GUILD, "bad", audit()) is False
    assert await store.add_blocked_word(GUILD, "awful", audit())
    assert await store.blocked_entries(GUILD) == ("awful", "bad")
    assert await store.remove_blocked_word(GUILD, "bad", audit())
    assert await store.blocked_entries(GUILD + 1) == ()
    assert len(await audit_rows(store)) == 5


async def test_the_first_rights_confirmation_is_kept_with_its_time(store):
    assert await store.rights_confirmed_at(GUILD, 1) is None
    assert await store.confirm_rights(GUILD, 1, NOW) == NOW
    assert await store.confirm_rights(GUILD, 1, NOW + 50) == NOW
    assert await store.rights_confirmed_at(GUILD, 1) == NOW
    assert await store.rights_confirmed_at(GUILD + 1, 1) is None, "asked once per server"


# --- audit log and usage ----------------------------------------------------------------------------


async def test_the_audit_log_pages_newest_first_and_filters_by_member(store):
    for n in range(12):
        await store.add_bonus(GUILD, n % 3, 1, audit("credits.grant", f"grant {n}", target=n % 3, at=NOW + n))
    await store.add_bonus(GUILD + 1, 1, 1, audit("credits.grant", "elsewhere", guild_id=GUILD + 1))
    assert await store.audit_count(GUILD) == 12
    first = await store.audit_page(GUILD, limit=5)
    assert [e.details for e in first] == [f"grant {n}" for n in range(11, 6, -1)]
    assert [e.details for e in await store.audit_page(GUILD, offset=10, limit=5)] == ["grant 1", "grant 0"]
    assert await store.audit_count(GUILD, user_id=1) == 4
    assert {e.target_user_id for e in await store.audit_page(GUILD, user_id=1)} == {1}
    assert await store.audit_count(GUILD, user_id=MOD) == 12, "actions by the moderator too"


async def test_usage_counts_each_members_songs_and_how_they_ended(storage, store):
    await store.add_bonus(GUILD, 1, 1, audit())
    limits = QuotaLimits(member_daily=1)
    delivered = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
    await storage.finish_job(delivered.id, JobState.DELIVERED, None, now=NOW + 5, refund=False,
                             expect=(JobState.PENDING,))
    await storage.create_job(new_job(), limits, now=NOW + 10, timeout_s=60)  # bonus, still running
    failed = await storage.create_job(new_job(user_id=2), limits, now=NOW + 20, timeout_s=60)
    await storage.finish_job(failed.id, JobState.FAILED, "x", now=NOW + 25, refund=True, expect=(JobState.PENDING,))
    await storage.create_job(new_job(user_id=3), limits, now=NOW - 8 * DAY_SECONDS, timeout_s=60)  # too old
    await storage.create_job(new_job(user_id=4, guild_id=GUILD + 1), limits, now=NOW, timeout_s=60)

    rows = await store.usage(GUILD, NOW - 7 * DAY_SECONDS)
    assert [(r.user_id, r.jobs, r.charged, r.bonus, r.refunded, r.delivered, r.failed, r.unfinished, r.last_at)
            for r in rows] == [(1, 2, 2, 1, 0, 1, 0, 1, NOW + 10), (2, 1, 0, 0, 1, 0, 1, 0, NOW + 20)]
    assert [r.user_id for r in await store.usage(GUILD, NOW - 7 * DAY_SECONDS, user_id=2)] == [2]
    assert await store.charged_since(GUILD, NOW - DAY_SECONDS) == 2

    parsed = list(csv.reader(io.StringIO(usage_csv(rows))))
    assert tuple(parsed[0]) == USAGE_CSV_COLUMNS
    assert parsed[1] == ["1", "2", "2", "1", "0", "1", "0", "0", "1", "2027-01-15T08:00:10+00:00"]
    assert parsed[2][0] == "2" and parsed[2][4] == "1"


async def test_the_server_cap_count_includes_free_jobs_and_leaves_out_refunded_ones(storage, store):
    free = QuotaLimits(member_daily=None, free=True)
    charged = QuotaLimits(member_daily=None)
    await storage.create_job(new_job(), free, now=NOW, timeout_s=60)
    await storage.create_job(new_job(), charged, now=NOW, timeout_s=60)
    for limits in (free, charged):
        refunded = await storage.create_job(new_job(), limits, now=NOW, timeout_s=60)
        await storage.finish_job(refunded.id, JobState.FAILED, "x", now=NOW + 1, refund=True,
                                 expect=(JobState.PENDING,))
    await storage.create_job(new_job(guild_id=GUILD + 1), free, now=NOW, timeout_s=60)
    assert await store.charged_since(GUILD, NOW - DAY_SECONDS) == 2


async def test_refundable_jobs_for_the_moderators_autocomplete(storage, store):
    jobs = [await storage.create_job(new_job(user_id=n), QuotaLimits(member_daily=None), now=NOW, timeout_s=60)
            for n in range(12)]
    await storage.finish_job(jobs[11].id, JobState.FAILED, "x", now=NOW, refund=True, expect=(JobState.PENDING,))
    found = await store.refundable_jobs(GUILD, "")
    assert [j.id for j in found] == [job.id for job in reversed(jobs[:11])]
    assert [j.id for j in await store.refundable_jobs(GUILD, "1%")] == [11, 10, 1]
    charge = await store.job_charge(GUILD, jobs[0].id)
    assert charge.user_id == 0 and charge.charged and not charge.refunded and charge.state == "pending"
    assert await store.job_charge(GUILD + 1, jobs[0].id) is None
