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
from bot.core.i18n import Message, message, resolve_locale
from bot.core.members import Member
from bot.core.text import one_line, plain
from bot.moderation.rights import PendingRights
from bot.moderation.store import AuditRecord, Ban, GuildPolicy, ModerationStore
from bot.moderation.text import ban_message, stored_details, with_lift
from bot.moderation.wordfilter import MAX_WILDCARDS, InvalidEntry, find_blocked, make_entry
from bot.songs.quota import DAY_SECONDS, QuotaLimits

MAX_BAN_REASON = 300
MAX_NOTE = 200
MAX_BLOCKED_WORDS = 500
MAX_SONG_CHANNELS = 50
MAX_TIERS = 25
LISTED_CHANNELS = 10  # song channels named in a refusal

RIGHTS_QUESTION = message("moderation-rights-question")
BLOCKED_MESSAGE = message("moderation-refusal-blocked")


class Refused(LimitReached):
    """A member may not start a song; `user_message` (a `Message`) is said privately, with when it lifts
    (`lifts_at`, Unix s) if known."""

    def __init__(self, refusal: Message, lifts_at: float | None = None) -> None:
        super().__init__(refusal, lifts_at)

    def render(self, locale: str | None) -> str:
        """The refusal in `locale`, and when it lifts if that is known."""
        return with_lift(super().render(locale), self.lifts_at, locale)


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
    """A moderator's request cannot be done as asked; `user_message` (a `Message`) says why."""


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

    def describe(self, *, you: bool = True) -> Message:
        """Where the daily quota comes from, in words."""
        whose = "you" if you else "them"
        if self.source is QuotaSource.OVERRIDE:
            return message(f"moderation-limit-override-{whose}")
        if self.source is QuotaSource.TIER:
            return message(f"moderation-limit-tier-{whose}", role=str(self.tier_role_id))
        if self.source is QuotaSource.SERVER:
            return message("moderation-limit-server")
        return message("moderation-limit-bot")


@dataclass(frozen=True)
class Outcome:
    """What a moderator is told, and the audit record if something changed."""

    message: Message
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
            listed = ", ".join(f"<#{channel.channel_id}>" for channel in channels[:LISTED_CHANNELS])
            if len(channels) > LISTED_CHANNELS:
                raise Refused(message("moderation-refusal-channels-more", channels=listed,
                                      more=len(channels) - LISTED_CHANNELS))
            raise Refused(message("moderation-refusal-channels", channels=listed))

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
        self, actor_id: int, guild_id: int, action: str, details: Message, target_user_id: int | None = None
    ) -> AuditRecord:
        """The audit row of an action; its details are stored as a key and arguments, rendered when read."""
        return AuditRecord(guild_id=guild_id, actor_id=actor_id, action=action, details=stored_details(details),
                           created_at=self.clock(), target_user_id=target_user_id)

    async def _set_policy(
        self, actor_id: int, guild_id: int, name: str, value: int | str | None, action: str, details: Message,
        done: Message, unchanged: Message,
    ) -> Outcome:
        audit = self._audit(actor_id, guild_id, action, details)
        if not await self.store.set_policy(guild_id, name, value, audit):
            return Outcome(unchanged)
        return Outcome(done, audit)

    async def set_server_quota(self, actor_id: int, guild_id: int, daily: int | None) -> Outcome:
        if daily is None:
            default = self.settings.default_daily_quota
            details = message("moderation-audit-quota-default-reset", count=default)
            done = message("moderation-quota-default-bot", count=default)
        else:
            details = message("moderation-audit-quota-default", count=daily)
            done = message("moderation-quota-default-set", count=daily)
        return await self._set_policy(
            actor_id, guild_id, "daily_quota", daily, "quota.default", details, done,
            message("moderation-quota-default-unchanged"),
        )

    async def set_server_cap(self, actor_id: int, guild_id: int, cap: int | None) -> Outcome:
        operator_cap = self.settings.guild_daily_cap
        operator = {"operator": operator_cap} if operator_cap else {}
        suffix = "-operator" if operator_cap else ""
        if cap is None:
            details = message("moderation-audit-cap-removed")
            done = message(f"moderation-cap-removed{suffix}", **operator)
        else:
            details = message("moderation-audit-cap-set", count=cap)
            done = message(f"moderation-cap-set{suffix}", count=cap, **operator)
        return await self._set_policy(
            actor_id, guild_id, "daily_cap", cap, "quota.cap", details, done, message("moderation-cap-unchanged")
        )

    async def set_tier(self, actor_id: int, guild_id: int, role_id: int, daily: int | None) -> Outcome:
        role = str(role_id)
        if daily is None:
            audit = self._audit(actor_id, guild_id, "quota.tier", message("moderation-audit-tier-removed", role=role))
            if not await self.store.remove_tier(guild_id, role_id, audit):
                return Outcome(message("moderation-tier-none", role=role))
            return Outcome(message("moderation-tier-removed", role=role), audit)
        tiers = await self.store.tiers(guild_id)
        if len(tiers) >= MAX_TIERS and all(tier.role_id != role_id for tier in tiers):
            raise ModerationError(message("moderation-error-too-many-tiers", max=MAX_TIERS))
        audit = self._audit(actor_id, guild_id, "quota.tier",
                            message("moderation-audit-tier-set", role=role, count=daily))
        if not await self.store.set_tier(guild_id, role_id, daily, audit):
            return Outcome(message("moderation-tier-unchanged", role=role))
        return Outcome(message("moderation-tier-set", role=role, count=daily), audit)

    async def set_override(self, actor_id: int, guild_id: int, user_id: int, daily: int | None) -> Outcome:
        user = str(user_id)
        if daily is None:
            audit = self._audit(actor_id, guild_id, "quota.member",
                                message("moderation-audit-override-removed", user=user), user_id)
            if not await self.store.remove_override(guild_id, user_id, audit):
                return Outcome(message("moderation-override-none", user=user))
            return Outcome(message("moderation-override-removed", user=user), audit)
        audit = self._audit(actor_id, guild_id, "quota.member",
                            message("moderation-audit-override-set", user=user, count=daily), user_id)
        if not await self.store.set_override(guild_id, user_id, daily, audit):
            return Outcome(message("moderation-override-unchanged", user=user))
        return Outcome(message("moderation-override-set", user=user, count=daily), audit)

    async def grant_bonus(self, actor_id: int, guild_id: int, user_id: int, amount: int, note: str | None) -> Outcome:
        user = str(user_id)
        details = (message("moderation-audit-grant-note", user=user, count=amount, note=plain(note, MAX_NOTE)) if note
                   else message("moderation-audit-grant", user=user, count=amount))
        audit = self._audit(actor_id, guild_id, "credits.grant", details, user_id)
        balance = await self.store.add_bonus(guild_id, user_id, amount, audit)
        return Outcome(message("moderation-grant-done", user=user, count=balance), audit)

    async def take_bonus(self, actor_id: int, guild_id: int, user_id: int, amount: int) -> Outcome:
        user = str(user_id)
        had = await self.store.bonus_balance(guild_id, user_id)
        if had == 0:
            return Outcome(message("moderation-take-none", user=user))
        taken = min(had, amount)
        audit = self._audit(actor_id, guild_id, "credits.take",
                            message("moderation-audit-take", user=user, count=taken), user_id)
        balance = await self.store.add_bonus(guild_id, user_id, -taken, audit)
        return Outcome(message("moderation-take-done", user=user, count=taken, left=balance), audit)

    async def refund(self, actor_id: int, guild_id: int, job_id: int, note: str | None) -> Outcome:
        job_ref = str(job_id)
        job = await self.store.job_charge(guild_id, job_id)
        if job is None:
            raise ModerationError(message("moderation-error-no-job", job=job_ref))
        if not job.charged:
            return Outcome(message("moderation-refund-free", job=job_ref))
        if job.refunded:
            return Outcome(message("moderation-refund-already", job=job_ref))
        user = str(job.user_id)
        details = (message("moderation-audit-refund-note", job=job_ref, user=user, note=plain(note, MAX_NOTE)) if note
                   else message("moderation-audit-refund", job=job_ref, user=user))
        audit = self._audit(actor_id, guild_id, "credits.refund", details, job.user_id)
        bonus = await self.store.refund_job(guild_id, job_id, audit)
        if bonus is None:
            return Outcome(message("moderation-refund-already", job=job_ref))
        done = "moderation-refund-bonus" if bonus else "moderation-refund-quota"
        return Outcome(message(done, job=job_ref, user=user), audit)

    async def ban(self, actor_id: int, guild_id: int, user_id: int, reason: str, days: int | None) -> Outcome:
        reason = one_line(reason, MAX_BAN_REASON)
        if not reason:
            raise ModerationError(message("moderation-error-ban-reason"))
        if user_id == actor_id:
            raise ModerationError(message("moderation-error-ban-self"))
        now = self.clock()
        expires_at = now + days * DAY_SECONDS if days else None
        words = {"user": str(user_id), "reason": reason}
        if expires_at:
            details = message("moderation-audit-ban-until", at=int(expires_at), **words)
            done = message("moderation-ban-done-until", at=int(expires_at), **words)
        else:
            details, done = message("moderation-audit-ban", **words), message("moderation-ban-done", **words)
        audit = self._audit(actor_id, guild_id, "ban", details, user_id)
        await self.store.ban(guild_id, Ban(user_id, reason, actor_id, now, expires_at), audit)
        return Outcome(done, audit)

    async def unban(self, actor_id: int, guild_id: int, user_id: int) -> Outcome:
        user = str(user_id)
        audit = self._audit(actor_id, guild_id, "unban", message("moderation-audit-unban", user=user), user_id)
        if not await self.store.unban(guild_id, user_id, audit):
            return Outcome(message("moderation-unban-none", user=user))
        return Outcome(message("moderation-unban-done", user=user), audit)

    async def add_channel(self, actor_id: int, guild_id: int, channel_id: int) -> Outcome:
        if len(await self.store.song_channels(guild_id)) >= MAX_SONG_CHANNELS:
            raise ModerationError(message("moderation-error-too-many-channels", max=MAX_SONG_CHANNELS))
        channel = str(channel_id)
        audit = self._audit(actor_id, guild_id, "channel.add", message("moderation-audit-channel-add", channel=channel))
        if not await self.store.add_song_channel(guild_id, channel_id, audit):
            return Outcome(message("moderation-channel-already", channel=channel))
        names = ", ".join(f"<#{c.channel_id}>" for c in await self.store.song_channels(guild_id))
        return Outcome(message("moderation-channel-added", channels=names), audit)

    async def remove_channel(self, actor_id: int, guild_id: int, channel_id: int) -> Outcome:
        channel = str(channel_id)
        audit = self._audit(actor_id, guild_id, "channel.remove",
                            message("moderation-audit-channel-remove", channel=channel))
        if not await self.store.remove_song_channel(guild_id, channel_id, audit):
            return Outcome(message("moderation-channel-not", channel=channel))
        left = await self.store.song_channels(guild_id)
        if not left:
            return Outcome(message("moderation-channel-none-left"), audit)
        names = ", ".join(f"<#{c.channel_id}>" for c in left)
        return Outcome(message("moderation-channel-removed", channels=names), audit)

    async def add_word(self, actor_id: int, guild_id: int, text: str) -> Outcome:
        entry = self._entry(text)
        if len(await self.store.blocked_entries(guild_id)) >= MAX_BLOCKED_WORDS:
            raise ModerationError(message("moderation-error-too-many-words", max=MAX_BLOCKED_WORDS))
        audit = self._audit(actor_id, guild_id, "word.add", message("moderation-audit-word-add", entry=entry))
        if not await self.store.add_blocked_word(guild_id, entry, audit):
            return Outcome(message("moderation-word-already", entry=entry))
        return Outcome(message("moderation-word-added", entry=entry), audit)

    async def remove_word(self, actor_id: int, guild_id: int, text: str) -> Outcome:
        entry = self._entry(text, max_wildcards=None)  # an entry stored before the wildcard limit can go
        audit = self._audit(actor_id, guild_id, "word.remove", message("moderation-audit-word-remove", entry=entry))
        if not await self.store.remove_blocked_word(guild_id, entry, audit):
            return Outcome(message("moderation-word-not", entry=entry))
        return Outcome(message("moderation-word-removed", entry=entry), audit)

    @staticmethod
    def _entry(text: str, *, max_wildcards: int | None = MAX_WILDCARDS) -> str:
        try:
            return make_entry(text, max_wildcards=max_wildcards).replace("`", "'")
        except InvalidEntry as exc:
            raise ModerationError(exc.message) from None

    async def set_rights_required(self, actor_id: int, guild_id: int, required: bool) -> Outcome:
        state = "on" if required else "off"
        return await self._set_policy(
            actor_id, guild_id, "rights_required", int(required), "settings.rights",
            message(f"moderation-audit-rights-{state}"), message(f"moderation-rights-{state}"),
            message(f"moderation-rights-unchanged-{state}"),
        )

    async def set_moderator_role(self, actor_id: int, guild_id: int, role_id: int | None) -> Outcome:
        if role_id is None:
            details, done = message("moderation-audit-role-removed"), message("moderation-role-removed")
        else:
            details = message("moderation-audit-role-set", role=str(role_id))
            done = message("moderation-role-set", role=str(role_id))
        return await self._set_policy(
            actor_id, guild_id, "moderator_role_id", role_id, "settings.moderator_role", details, done,
            message("moderation-role-unchanged"),
        )

    async def set_modlog_channel(self, actor_id: int, guild_id: int, channel_id: int | None) -> Outcome:
        if channel_id is None:
            details, done = message("moderation-audit-modlog-off"), message("moderation-modlog-off")
        else:
            details = message("moderation-audit-modlog-set", channel=str(channel_id))
            done = message("moderation-modlog-set", channel=str(channel_id))
        return await self._set_policy(
            actor_id, guild_id, "modlog_channel_id", channel_id, "settings.mod_log", details, done,
            message("moderation-modlog-unchanged"),
        )

    async def set_language(self, actor_id: int, guild_id: int, language: str | None) -> Outcome:
        """The language of the server's public posts (None: the server's own)."""
        if language is None:
            details, done = message("moderation-language-audit-cleared"), message("moderation-language-cleared")
        else:
            language = resolve_locale(language)
            name = message(f"language-{language}")
            details = message("moderation-language-audit-set", language=name)
            done = message("moderation-language-set", language=name)
        return await self._set_policy(
            actor_id, guild_id, "language", language, "settings.language", details, done,
            message("moderation-language-unchanged"),
        )
