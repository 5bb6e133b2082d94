"""Reports for one screen: a server's song settings, and where one member stands."""

from __future__ import annotations

from typing import Any

from bot.core.i18n import translate
from bot.core.members import Member
from bot.core.text import plain
from bot.moderation.lists import USAGE_DAYS
from bot.moderation.service import Moderation
from bot.moderation.text import quota_lines
from bot.songs.quota import DAY_SECONDS
from bot.songs.store import Storage
from bot.songs.text import job_line


async def server_overview(
    moderation: Moderation, guild_id: int, locale: str, *, served_by: str | None = None
) -> str:
    """`/songadmin settings show` in the moderator's `locale`; `served_by` names the process (and shard)
    answering for the server."""
    store, settings = moderation.store, moderation.settings
    policy = await store.policy(guild_id)
    tiers, overrides = await store.tiers(guild_id), await store.overrides(guild_id)
    channels = await store.song_channels(guild_id)
    words = await store.blocked_entries(guild_id)

    def say(key: str, **args: Any) -> str:
        return translate(locale, f"moderation-overview-{key}", **args)

    def songs_or(value: int | None, none: str) -> str:
        return say("songs", count=value) if value is not None else say(none)

    default = (say("default-server", count=policy.daily_quota) if policy.daily_quota is not None
               else say("default-bot", count=settings.default_daily_quota))
    where = ", ".join(f"<#{c.channel_id}>" for c in channels[:10]) + (" …" if len(channels) > 10 else "")
    return "\n".join([
        say("title"),
        say("default", default=default),
        say("tiers", tiers=len(tiers), overrides=len(overrides)),
        say("caps", server=songs_or(policy.daily_cap, "none-here"),
            operator_server=songs_or(settings.guild_daily_cap, "none"),
            operator_all=songs_or(settings.global_daily_cap, "none")),
        say("unfinished", member=settings.max_unfinished_per_member, server=settings.max_unfinished_per_server,
            cooldown=settings.cooldown_s),
        say("channels", channels=where) if where else say("channels-any"),
        say("words", count=len(words)),
        say("rights-on" if policy.rights_required else "rights-off"),
        say("role", role=str(policy.moderator_role_id)) if policy.moderator_role_id else say("role-none"),
        say("modlog", channel=str(policy.modlog_channel_id)) if policy.modlog_channel_id else say("modlog-off"),
        _language_line(policy.language, locale),
        *([served_by] if served_by else []),
    ])


def _language_line(language: str | None, locale: str) -> str:
    name = (translate(locale, f"language-{language}") if language
            else translate(locale, "moderation-overview-language-server"))
    return translate(locale, "moderation-overview-language", language=name)


async def member_standing(moderation: Moderation, storage: Storage, member: Member, locale: str, *, you: bool) -> str:
    """`/quota` for the member themselves (`you`), or the member part of a moderator's usage report;
    in the reader's `locale` (both are private)."""
    store = moderation.store
    now = moderation.clock()
    guild_id, user_id = member.guild_id, member.user_id
    resolved = await moderation.resolve(member)
    usage = await storage.member_usage(guild_id, user_id, now=now)
    recent = await storage.member_jobs(guild_id, user_id, limit=5)
    lines = [
        translate(locale, "moderation-standing-title-you") if you
        else translate(locale, "moderation-standing-title-them", user=str(user_id)),
        *quota_lines(resolved.limits, usage, await store.bonus_balance(guild_id, user_id),
                     recent[0].created_at if recent else None, now, locale, you=you),
        resolved.describe(you=you).render(locale),
    ]
    cap = resolved.limits.guild_daily
    if cap is not None:
        used = await store.charged_since(guild_id, now - DAY_SECONDS)
        lines.append(translate(locale, "moderation-standing-server-cap", used=used, count=cap))
    ban = await store.active_ban(guild_id, user_id, now)
    if ban is not None:
        key = "moderation-standing-barred-" + ("you" if you else "them") + ("-until" if ban.expires_at else "")
        until = {"at": int(ban.expires_at)} if ban.expires_at else {}
        lines.append(translate(locale, key, reason=plain(ban.reason), **until))
    if you:
        channels = await store.song_channels(guild_id)
        if channels:
            lines.append(translate(locale, "moderation-standing-channels",
                                   channels=", ".join(f"<#{c.channel_id}>" for c in channels[:10])))
        return "\n".join(lines)
    confirmed = await store.rights_confirmed_at(guild_id, user_id)
    lines.append(translate(locale, "moderation-standing-rights", at=int(confirmed)) if confirmed
                 else translate(locale, "moderation-standing-no-rights"))
    week = await store.usage(guild_id, now - USAGE_DAYS * DAY_SECONDS, user_id=user_id)
    if week:
        row = week[0]
        lines.append(translate(locale, "moderation-standing-week", days=USAGE_DAYS, count=row.charged,
                               bonus=row.bonus, refunded=row.refunded, delivered=row.delivered, failed=row.failed))
    if recent:
        lines += [translate(locale, "moderation-standing-recent"), *(job_line(job, locale) for job in recent)]
    return "\n".join(lines)
