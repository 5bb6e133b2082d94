"""Who may make how many songs, and what moderators change about it. No Discord code here.

A member's daily quota comes from the first source that has one: their own override, then the
highest role tier they hold, then the server's default, then the bot's `.env` default. The
service checks what does not depend on counting jobs (ban, channel, blocked words, rights
confirmation) before a job is accepted; the counted limits are checked and charged by the job
storage in one transaction. Every moderator action writes an audit row in the same transaction
as the change.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Protocol

from bot.core.errors import LimitReached, UserFacingError
from bot.core.i18n import DEFAULT_LOCALE, resolve_locale, translate
from bot.core.members import Member
from bot.core.text import one_line, plain, timestamp
from bot.moderation.rights import PendingRights
from bot.moderation.store import AuditRecord, Ban, GuildPolicy, ModerationStore
from bot.moderation.text import ban_message, credits, songs
from bot.moderation.wordfilter import MAX_WILDCARDS, InvalidEntry, find_blocked, make_entry
from bot.songs.quota import DAY_SECONDS, QuotaLimits

MAX_BAN_REASON = 300
MAX_NOTE = 200
MAX_BLOCKED_WORDS = 500
MAX_SONG_CHANNELS = 50
MAX_TIERS = 25

RIGHTS_QUESTION = (
    "Before your first song in this server: please confirm that you have the right to use the tracks you "
    "upload as references (you made them, or whoever owns them allowed it). I'll remember your answer."
)
BLOCKED_MESSAGE = (
    "Your lyrics contain a word or phrase this server doesn't allow, so nothing was sent or charged. "
    "Please change them and try again."
)


class Refused(LimitReached):
    """A member may not start a song; `user_message` is said privately, `lifts_at` (Unix s) if known."""


class BlockedLyrics(Refused):
    """Lyrics matched `entry`: the member is not told which one, the mod log is."""

    def __init__(self, entry: str) -> None:
        super().__init__(BLOCKED_MESSAGE)
        self.entry = entry


class RightsNeeded(Refused):
    """The member has not yet confirmed the right to use their reference tracks here."""

    def __init__(self) -> None:
        super().__init__(RIGHTS_QUESTION)


class ModerationError(UserFacingError):
    """A moderator's request cannot be done as asked; `user_message` says why."""


class QuotaSource(enum.StrEnum):
    OVERRIDE = "override"
    TIER = "tier"
    SERVER = "server"
    BOT = "bot"


@dataclass(frozen=True)
class ResolvedLimits:
    limits: QuotaLimits
    source: QuotaSource
    tier_role_id: int | None = None

    def describe(self, *, you: bool = True) -> str:
        """Where the daily quota comes from, in words."""
        whose = "your" if you else "their"
        if self.source is QuotaSource.OVERRIDE:
            return f"This is a limit set just for {'you' if you else 'them'}."
        if self.source is QuotaSource.TIER:
            return f"This limit comes from {whose} role <@&{self.tier_role_id}>."
        if self.source is QuotaSource.SERVER:
            return "This is the server's default limit."
        return "This is the bot's default limit."


@dataclass(frozen=True)
class Outcome:
    """What a moderator is told, and the audit record if something changed."""

    message: str
    audit: AuditRecord | None = None


def _smallest(*caps: int | None) -> int | None:
    present = [cap for cap in caps if cap is not None]
    return min(present) if present else None


class QuotaDefaults(Protocol):
    """The operator's limits from `.env` (the bot's settings), under every server's own."""

    @property
    def default_daily_quota(self) -> int: ...
    @property
    def global_daily_cap(self) -> int | None: ...
    @property
    def guild_daily_cap(self) -> int | None: ...
    @property
    def max_unfinished_per_member(self) -> int: ...
    @property
    def max_unfinished_per_server(self) -> int: ...
    @property
    def cooldown_s(self) -> float: ...


class Moderation:
    def __init__(
        self, store: ModerationStore, settings: QuotaDefaults, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        # Songs waiting on their member's rights click, in the database; see bot/moderation/rights.py.
        self.pending_rights = PendingRights(store, clock=clock)

    # --- members -----------------------------------------------------------------------------------

    async def resolve(self, member: Member, policy: GuildPolicy | None = None) -> ResolvedLimits:
        """The member's limits right now, and where their daily quota comes from."""
        policy = policy or await self.store.policy(member.guild_id)
        settings = self.settings
        override = await self.store.override(member.guild_id, member.user_id)
        tier = None if override else await self.store.best_tier(member.guild_id, member.role_ids)
        if override is not None:
            daily, source = override.daily_quota, QuotaSource.OVERRIDE
        elif tier is not None:
            daily, source = tier.daily_quota, QuotaSource.TIER
        elif policy.daily_quota is not None:
            daily, source = policy.daily_quota, QuotaSource.SERVER
        else:
            daily, source = settings.default_daily_quota, QuotaSource.BOT
        limits = QuotaLimits(
            member_daily=daily,
            member_unfinished=settings.max_unfinished_per_member,
            guild_unfinished=settings.max_unfinished_per_server,
            guild_daily=_smallest(settings.guild_daily_cap, policy.daily_cap),
            global_daily=settings.global_daily_cap,
            cooldown_s=settings.cooldown_s,
        )
        return ResolvedLimits(limits, source, tier.role_id if tier else None)

    async def admit(self, member: Member, channel_ids: Collection[int], text: str) -> QuotaLimits:
        """The limits to charge a new song against, or Refused (nothing recorded).

        `channel_ids` is where the command ran (a thread also gives its parent); `text` is all the
        member typed (lyrics and style). Fast reads only: this runs before Discord is answered.
        """
        guild_id = member.guild_id
        await self.check_access(member, channel_ids)
        entry = find_blocked(text, await self.store.blocked_entries(guild_id))
        if entry is not None:
            raise BlockedLyrics(entry)
        policy = await self.store.policy(guild_id)
        if policy.rights_required and await self.store.rights_confirmed_at(guild_id, member.user_id) is None:
            raise RightsNeeded()
        return (await self.resolve(member, policy)).limits

    async def check_access(self, member: Member, channel_ids: Collection[int]) -> None:
        """Refused if the member is banned here or songs may not be made in this channel."""
        ban = await self.store.active_ban(member.guild_id, member.user_id, self.clock())
        if ban is not None:
            raise Refused(ban_message(ban), lifts_at=ban.expires_at)
        channels = await self.store.song_channels(member.guild_id)
        if channels and not any(channel.channel_id in channel_ids for channel in channels):
            listed = ", ".join(f"<#{channel.channel_id}>" for channel in channels[:10])
            more = f" and {len(channels) - 10} more" if len(channels) > 10 else ""
            raise Refused(f"Songs can be made only in {listed}{more} on this server.")

    async def confirm_rights(self, guild_id: int, user_id: int) -> float:
        """Record that the member confirmed their rights to their references; returns when."""
        return await self.store.confirm_rights(guild_id, user_id, self.clock())

    async def is_moderator(self, member: Member, *, can_manage_guild: bool) -> bool:
        if can_manage_guild:
            return True
        role_id = (await self.store.policy(member.guild_id)).moderator_role_id
        return role_id is not None and role_id in member.role_ids

    async def modlog_channel(self, guild_id: int) -> int | None:
        return (await self.store.policy(guild_id)).modlog_channel_id

    # --- moderator actions ----------------------------------------------------------------------------

    def _audit(
        self, actor_id: int, guild_id: int, action: str, details: str, target_user_id: int | None = None
    ) -> AuditRecord:
        return AuditRecord(guild_id=guild_id, actor_id=actor_id, action=action, details=details,
                           created_at=self.clock(), target_user_id=target_user_id)

    async def _set_policy(
        self, actor_id: int, guild_id: int, name: str, value: int | str | None, action: str, details: str, message: str,
        unchanged: str,
    ) -> Outcome:
        audit = self._audit(actor_id, guild_id, action, details)
        if not await self.store.set_policy(guild_id, name, value, audit):
            return Outcome(unchanged)
        return Outcome(message, audit)

    async def set_server_quota(self, actor_id: int, guild_id: int, daily: int | None) -> Outcome:
        default = self.settings.default_daily_quota
        if daily is None:
            details = f"reset the server's default to the bot's ({songs(default)} per 24 hours)"
            message = f"Members here now get the bot's default, {songs(default)} per 24 hours."
        else:
            details = f"set the server's default to {songs(daily)} per 24 hours"
            message = f"Members here now get {songs(daily)} per 24 hours."
        return await self._set_policy(
            actor_id, guild_id, "daily_quota", daily, "quota.default", details,
            message + " Role tiers and member overrides still come first.", "That is already the server's default.",
        )

    async def set_server_cap(self, actor_id: int, guild_id: int, cap: int | None) -> Outcome:
        operator_cap = self.settings.guild_daily_cap
        operator = f" (the bot's operator caps every server at {songs(operator_cap)})" if operator_cap else ""
        if cap is None:
            details, message = "removed the server's daily cap", f"This server has no daily cap of its own{operator}."
        else:
            details = f"set the server's daily cap to {songs(cap)} per 24 hours"
            message = f"This server can now make at most {songs(cap)} per 24 hours{operator}."
        return await self._set_policy(
            actor_id, guild_id, "daily_cap", cap, "quota.cap", details, message, "That is already the server's cap."
        )

    async def set_tier(self, actor_id: int, guild_id: int, role_id: int, daily: int | None) -> Outcome:
        if daily is None:
            audit = self._audit(actor_id, guild_id, "quota.tier", f"removed the tier of <@&{role_id}>")
            if not await self.store.remove_tier(guild_id, role_id, audit):
                return Outcome(f"<@&{role_id}> has no tier.")
            return Outcome(f"<@&{role_id}> no longer has a tier.", audit)
        tiers = await self.store.tiers(guild_id)
        if len(tiers) >= MAX_TIERS and all(tier.role_id != role_id for tier in tiers):
            raise ModerationError(f"A server can have at most {MAX_TIERS} role tiers; remove one first.")
        audit = self._audit(
            actor_id, guild_id, "quota.tier", f"set the tier of <@&{role_id}> to {songs(daily)} per 24 hours"
        )
        if not await self.store.set_tier(guild_id, role_id, daily, audit):
            return Outcome(f"<@&{role_id}> already has that tier.")
        return Outcome(
            f"Members with <@&{role_id}> now get {songs(daily)} per 24 hours (the highest tier a member holds "
            "wins; a member override beats tiers).", audit,
        )

    async def set_override(self, actor_id: int, guild_id: int, user_id: int, daily: int | None) -> Outcome:
        if daily is None:
            audit = self._audit(actor_id, guild_id, "quota.member", f"removed the override of <@{user_id}>", user_id)
            if not await self.store.remove_override(guild_id, user_id, audit):
                return Outcome(f"<@{user_id}> has no override.")
            return Outcome(f"<@{user_id}> is back to their role tier or the server default.", audit)
        audit = self._audit(
            actor_id, guild_id, "quota.member", f"set the limit of <@{user_id}> to {songs(daily)} per 24 hours", user_id
        )
        if not await self.store.set_override(guild_id, user_id, daily, audit):
            return Outcome(f"<@{user_id}> already has that limit.")
        return Outcome(f"<@{user_id}> now gets {songs(daily)} per 24 hours, whatever their roles.", audit)

    async def grant_bonus(self, actor_id: int, guild_id: int, user_id: int, amount: int, note: str | None) -> Outcome:
        why = f" ({plain(note, MAX_NOTE)})" if note else ""
        audit = self._audit(
            actor_id, guild_id, "credits.grant", f"granted <@{user_id}> {credits(amount)}{why}", user_id
        )
        balance = await self.store.add_bonus(guild_id, user_id, amount, audit)
        return Outcome(
            f"<@{user_id}> now has {credits(balance)}; they are used once the daily songs run out.", audit
        )

    async def take_bonus(self, actor_id: int, guild_id: int, user_id: int, amount: int) -> Outcome:
        had = await self.store.bonus_balance(guild_id, user_id)
        if had == 0:
            return Outcome(f"<@{user_id}> has no bonus credits.")
        taken = min(had, amount)
        audit = self._audit(actor_id, guild_id, "credits.take", f"took {credits(taken)} from <@{user_id}>", user_id)
        balance = await self.store.add_bonus(guild_id, user_id, -taken, audit)
        return Outcome(f"Took {credits(taken)}; <@{user_id}> has {credits(balance)} left.", audit)

    async def refund(self, actor_id: int, guild_id: int, job_id: int, note: str | None) -> Outcome:
        job = await self.store.job_charge(guild_id, job_id)
        if job is None:
            raise ModerationError(f"There is no job {job_id} in this server.")
        if not job.charged:
            return Outcome(f"Job {job_id} was free; there is nothing to refund.")
        if job.refunded:
            return Outcome(f"Job {job_id} has already been refunded.")
        why = f" ({plain(note, MAX_NOTE)})" if note else ""
        audit = self._audit(
            actor_id, guild_id, "credits.refund", f"refunded job {job_id} of <@{job.user_id}>{why}", job.user_id
        )
        bonus = await self.store.refund_job(guild_id, job_id, audit)
        if bonus is None:
            return Outcome(f"Job {job_id} has already been refunded.")
        what = "their bonus credit is back" if bonus else "the song no longer counts against their quota"
        return Outcome(f"Refunded job {job_id}: {what} (<@{job.user_id}>).", audit)

    async def ban(self, actor_id: int, guild_id: int, user_id: int, reason: str, days: int | None) -> Outcome:
        reason = one_line(reason, MAX_BAN_REASON)
        if not reason:
            raise ModerationError("Please give a reason; the member will see it.")
        if user_id == actor_id:
            raise ModerationError("You can't bar yourself.")
        now = self.clock()
        expires_at = now + days * DAY_SECONDS if days else None
        until = f" until {timestamp(expires_at, 'f')}" if expires_at else ""
        audit = self._audit(actor_id, guild_id, "ban", f"barred <@{user_id}>{until}: {reason}", user_id)
        await self.store.ban(guild_id, Ban(user_id, reason, actor_id, now, expires_at), audit)
        return Outcome(
            f"<@{user_id}> can no longer make songs here{until or ' until unbarred'}. They'll see: {reason}", audit
        )

    async def unban(self, actor_id: int, guild_id: int, user_id: int) -> Outcome:
        audit = self._audit(actor_id, guild_id, "unban", f"lifted the bar on <@{user_id}>", user_id)
        if not await self.store.unban(guild_id, user_id, audit):
            return Outcome(f"<@{user_id}> is not barred.")
        return Outcome(f"<@{user_id}> can make songs here again.", audit)

    async def add_channel(self, actor_id: int, guild_id: int, channel_id: int) -> Outcome:
        if len(await self.store.song_channels(guild_id)) >= MAX_SONG_CHANNELS:
            raise ModerationError(f"At most {MAX_SONG_CHANNELS} song channels; remove one first.")
        audit = self._audit(actor_id, guild_id, "channel.add", f"allowed songs in <#{channel_id}>")
        if not await self.store.add_song_channel(guild_id, channel_id, audit):
            return Outcome(f"<#{channel_id}> is already a song channel.")
        names = ", ".join(f"<#{c.channel_id}>" for c in await self.store.song_channels(guild_id))
        return Outcome(f"Songs can now be made only in: {names} (and their threads).", audit)

    async def remove_channel(self, actor_id: int, guild_id: int, channel_id: int) -> Outcome:
        audit = self._audit(actor_id, guild_id, "channel.remove", f"no longer allows songs in <#{channel_id}>")
        if not await self.store.remove_song_channel(guild_id, channel_id, audit):
            return Outcome(f"<#{channel_id}> is not a song channel.")
        left = await self.store.song_channels(guild_id)
        if not left:
            return Outcome("No song channels are left, so songs can be made in any channel again.", audit)
        return Outcome(f"Songs can now be made only in: {', '.join(f'<#{c.channel_id}>' for c in left)}.", audit)

    async def add_word(self, actor_id: int, guild_id: int, text: str) -> Outcome:
        entry = self._entry(text)
        if len(await self.store.blocked_entries(guild_id)) >= MAX_BLOCKED_WORDS:
            raise ModerationError(f"The list holds at most {MAX_BLOCKED_WORDS} entries; remove some first.")
        audit = self._audit(actor_id, guild_id, "word.add", f"blocked `{entry}`")
        if not await self.store.add_blocked_word(guild_id, entry, audit):
            return Outcome(f"`{entry}` is already blocked.")
        return Outcome(f"Blocked `{entry}`: lyrics containing it are refused (without naming it).", audit)

    async def remove_word(self, actor_id: int, guild_id: int, text: str) -> Outcome:
        entry = self._entry(text, max_wildcards=None)  # an entry stored before the wildcard limit can go
        audit = self._audit(actor_id, guild_id, "word.remove", f"unblocked `{entry}`")
        if not await self.store.remove_blocked_word(guild_id, entry, audit):
            return Outcome(f"`{entry}` is not on the list.")
        return Outcome(f"Unblocked `{entry}`.", audit)

    @staticmethod
    def _entry(text: str, *, max_wildcards: int | None = MAX_WILDCARDS) -> str:
        try:
            return make_entry(text, max_wildcards=max_wildcards).replace("`", "'")
        except InvalidEntry as exc:
            raise ModerationError(exc.user_message) from None

    async def set_rights_required(self, actor_id: int, guild_id: int, required: bool) -> Outcome:
        if required:
            details = "turned on the rights confirmation"
            message = "Members must confirm once that they may use the tracks they upload before their first song."
        else:
            details = "turned off the rights confirmation"
            message = "Members no longer have to confirm their rights to their reference tracks."
        return await self._set_policy(
            actor_id, guild_id, "rights_required", int(required), "settings.rights", details, message,
            f"The rights confirmation is already {'on' if required else 'off'}.",
        )

    async def set_moderator_role(self, actor_id: int, guild_id: int, role_id: int | None) -> Outcome:
        if role_id is None:
            details, message = "removed the moderator role", "Only members with Manage Server can moderate songs now."
        else:
            details = f"made <@&{role_id}> the moderator role"
            message = (f"Members with <@&{role_id}> can now use /songadmin. To show them the command, allow it for "
                       "the role in Server Settings › Integrations.")
        return await self._set_policy(
            actor_id, guild_id, "moderator_role_id", role_id, "settings.moderator_role", details, message,
            "That is already the moderator role.",
        )

    async def set_modlog_channel(self, actor_id: int, guild_id: int, channel_id: int | None) -> Outcome:
        if channel_id is None:
            details, message = "turned off the mod log", "Moderator actions are no longer posted to a channel."
        else:
            details = f"set the mod log to <#{channel_id}>"
            message = f"Moderator actions and refused lyrics will be posted in <#{channel_id}>."
        return await self._set_policy(
            actor_id, guild_id, "modlog_channel_id", channel_id, "settings.mod_log", details, message,
            "That is already the mod log setting.",
        )

    async def set_language(self, actor_id: int, guild_id: int, language: str | None, *, locale: str) -> Outcome:
        """The language of the server's public posts (None: the server's own); told in the moderator's `locale`."""
        if language is None:
            details = translate(DEFAULT_LOCALE, "moderation-language-audit-cleared")
            message = translate(locale, "moderation-language-cleared")
        else:
            language = resolve_locale(language)
            details = translate(DEFAULT_LOCALE, "moderation-language-audit-set",
                                language=translate(DEFAULT_LOCALE, f"language-{language}"))
            message = translate(locale, "moderation-language-set", language=translate(locale, f"language-{language}"))
        return await self._set_policy(
            actor_id, guild_id, "language", language, "settings.language", details, message,
            translate(locale, "moderation-language-unchanged"),
        )
