"""Reports for one screen: a server's song settings, and where one member stands."""

from __future__ import annotations

from bot.core.i18n import DEFAULT_LOCALE, translate
from bot.core.members import Member
from bot.core.text import plain, timestamp
from bot.moderation.lists import USAGE_DAYS
from bot.moderation.service import Moderation
from bot.moderation.text import credits, quota_lines, songs
from bot.songs.quota import DAY_SECONDS
from bot.songs.store import Storage
from bot.songs.text import job_line


def _or(value: int | None, text: str) -> str:
    return songs(value) if value is not None else text


async def server_overview(moderation: Moderation, guild_id: int, *, served_by: str | None = None) -> str:
    """`/songadmin settings show`; `served_by` names the process (and shard) answering for the server."""
    store, settings = moderation.store, moderation.settings
    policy = await store.policy(guild_id)
    tiers, overrides = await store.tiers(guild_id), await store.overrides(guild_id)
    channels = await store.song_channels(guild_id)
    words = await store.blocked_entries(guild_id)
    default = (f"{songs(policy.daily_quota)} (this server's default)" if policy.daily_quota is not None
               else f"{songs(settings.default_daily_quota)} (the bot's default)")
    where = ", ".join(f"<#{c.channel_id}>" for c in channels[:10]) + (" …" if len(channels) > 10 else "")
    return "\n".join([
        "**Song settings for this server**",
        f"Songs per member per 24 hours: {default}",
        f"Role tiers: {len(tiers)} · member overrides: {len(overrides)} (`/songadmin quota list`)",
        f"Daily cap for this server: {_or(policy.daily_cap, 'none set here')} · set by the bot's operator: "
        f"{_or(settings.guild_daily_cap, 'none')} per server, {_or(settings.global_daily_cap, 'none')} in all",
        f"In progress at once: {settings.max_unfinished_per_member} per member, "
        f"{settings.max_unfinished_per_server} per server · {settings.cooldown_s:g} s between a member's songs",
        f"Song channels: {where or 'any channel'}",
        f"Blocked words: {len(words)} (`/songadmin words list`)",
        f"Rights confirmation before a member's first song: {'on' if policy.rights_required else 'off'}",
        "Moderator role: " + (f"<@&{policy.moderator_role_id}>" if policy.moderator_role_id
                              else "none (members with Manage Server)"),
        "Mod log: " + (f"<#{policy.modlog_channel_id}>" if policy.modlog_channel_id else "off"),
        _language_line(policy.language, DEFAULT_LOCALE),
        *([served_by] if served_by else []),
    ])


def _language_line(language: str | None, locale: str) -> str:
    """The overview's language line (the rest of the overview moves to the catalogue with its migration)."""
    name = (translate(locale, f"language-{language}") if language
            else translate(locale, "moderation-overview-language-server"))
    return translate(locale, "moderation-overview-language", language=name)


async def member_standing(moderation: Moderation, storage: Storage, member: Member, *, you: bool) -> str:
    """`/quota` for the member themselves (`you`), or the member part of a moderator's usage report."""
    store = moderation.store
    now = moderation.clock()
    guild_id, user_id = member.guild_id, member.user_id
    resolved = await moderation.resolve(member)
    usage = await storage.member_usage(guild_id, user_id, now=now)
    recent = await storage.member_jobs(guild_id, user_id, limit=5)
    lines = [
        "**Your songs in this server**" if you else f"**Songs of <@{user_id}>**",
        *quota_lines(resolved.limits, usage, await store.bonus_balance(guild_id, user_id),
                     recent[0].created_at if recent else None, now, you=you),
        resolved.describe(you=you),
    ]
    cap = resolved.limits.guild_daily
    if cap is not None:
        used = await store.charged_since(guild_id, now - DAY_SECONDS)
        lines.append(f"The server has made {used} of its {songs(cap)} for the last 24 hours.")
    ban = await store.active_ban(guild_id, user_id, now)
    if ban is not None:
        until = f" until {timestamp(ban.expires_at)}" if ban.expires_at else ""
        who = "You are barred" if you else "Barred"
        lines.append(f"⛔ {who} from making songs here{until}: {plain(ban.reason)}")
    if you:
        channels = await store.song_channels(guild_id)
        if channels:
            lines.append("Songs can be made in: " + ", ".join(f"<#{c.channel_id}>" for c in channels[:10]))
        return "\n".join(lines)
    confirmed = await store.rights_confirmed_at(guild_id, user_id)
    lines.append(f"Rights confirmed {timestamp(confirmed, 'f')}" if confirmed else "Has not confirmed rights yet")
    week = await store.usage(guild_id, now - USAGE_DAYS * DAY_SECONDS, user_id=user_id)
    if week:
        row = week[0]
        lines.append(f"Last {USAGE_DAYS} days: {songs(row.charged)} charged ({credits(row.bonus)} used), "
                     f"{row.refunded} refunded, {row.delivered} delivered, {row.failed} failed")
    if recent:
        lines += ["Recent jobs:", *(job_line(job) for job in recent)]
    return "\n".join(lines)
