"""`/jam` commands, and the background task that closes jams at their deadline and posts the results."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.i18n import private_locale, translate
from bot.core.interactions import ensure_moderator, reply_privately
from bot.core.text import message_link
from bot.jams import text as render
from bot.jams.models import Jam, JamRefused, JamState, JamSummary
from bot.jams.picture import MAX_ROWS, LeaderboardRow, leaderboard_png
from bot.jams.service import MAX_ENTRIES_PER_MEMBER, MAX_THEME_CHARS
from bot.jams.ui.choices import any_jam_choices, open_jam_choices
from bot.jams.ui.language import server_locale, server_locale_of
from bot.jams.ui.views import JamSubmitButton, VoteButton, closed_vote_button

if TYPE_CHECKING:
    from bot.app import Interaction, SongjamBot

log = logging.getLogger("songjam.jams")

MAX_IDLE_S = 15 * 60  # a safety net: the loop is woken by every start, end and cancel anyway
RETRY_BASE_S = 30.0
RETRY_MAX_S = 15 * 60
THREAD_ARCHIVE_MINUTES = 7 * 24 * 60
NO_PINGS = discord.AllowedMentions.none()
JamChannel = discord.TextChannel | discord.Thread | discord.VoiceChannel


async def moderators_only(interaction: Interaction) -> bool:
    """Manage Server or the server's moderator role (the same moderators as for songs)."""
    await ensure_moderator(interaction, interaction.client.moderation)
    return True


def start_problem(guild: discord.Guild, host: discord.Member, target: JamChannel,
                  winner_role: discord.Role | None, locale: str) -> str | None:
    """Why a jam can't start there with that prize, if it can't (in the host's language)."""
    mine = target.permissions_for(guild.me)
    can_post = mine.send_messages_in_threads if isinstance(target, discord.Thread) else mine.send_messages
    if not (mine.view_channel and can_post):
        return translate(locale, "jams-cannot-post", channel=target.mention)
    return winner_role_problem(winner_role, host, locale) if winner_role is not None else None


def winner_role_problem(role: discord.Role, host: discord.Member, locale: str) -> str | None:
    """Why this role can't be a prize, if it can't: the bot must not hand out what the host couldn't."""
    if role.is_default() or role.managed:
        return translate(locale, "jams-role-not-givable", role=role.mention)
    is_owner = host.guild.owner_id == host.id
    if not is_owner and (not host.guild_permissions.manage_roles or role >= host.top_role):
        return translate(locale, "jams-role-above-host", role=role.mention)
    return None


class JamsCog(commands.Cog, name="Jams"):
    jam = app_commands.Group(name="jam", description="Song jams: a theme, a deadline, songs and votes",
                             guild_only=True)

    def __init__(self, bot: SongjamBot) -> None:
        self.bot = bot
        self.jams = bot.jams
        self.publisher = bot.publisher
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._failures: dict[int, int] = {}
        self._retry_at: dict[int, float] = {}

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(VoteButton, JamSubmitButton)
        self._task = asyncio.create_task(self._run_closer(), name="songjam-jams")

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(VoteButton, JamSubmitButton)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    # --- closing at the deadline --------------------------------------------------------------

    def wake(self) -> None:
        self._wake.set()

    async def _run_closer(self) -> None:
        """Close due jams, show them closed, then sleep until the next deadline (or a wake).

        Runs under the bot's loop supervisor: a pass that fails is logged, counted and run again.
        """
        await self.bot.wait_until_ready()
        await self.bot.loops.supervise("jam-closer", self._close_and_wait)

    async def _close_and_wait(self) -> None:
        self._wake.clear()
        await self.sweep()
        delay = await self._idle_time()
        with contextlib.suppress(TimeoutError):  # asyncio.timeout: see JobEngine._dispatch_due
            async with asyncio.timeout(delay):
                await self._wake.wait()

    async def sweep(self) -> None:
        """One pass: close the jams past their deadline, then finish showing every closed jam.

        Each jam is handled on its own: one that fails (Discord down, a bug) is retried later
        with a growing delay and never stops the others.
        """
        now = self.jams.clock()
        for jam in await self.jams.close_due(now):
            log.info("jam %d closed at its deadline", jam.id)
        pending = await self.jams.unfinalized()
        waiting = {jam.id for jam in pending}
        self._retry_at = {jam_id: at for jam_id, at in self._retry_at.items() if jam_id in waiting}
        self._failures = {jam_id: n for jam_id, n in self._failures.items() if jam_id in waiting}
        for jam in pending:
            if self._retry_at.get(jam.id, 0.0) > now:
                continue
            try:
                # Another process may run this closer too: the one that claims the jam shows it.
                claimed = await self.jams.claim_close(jam)
                if claimed is None:
                    continue
                await self.finalize(claimed)
            except Exception:
                failures = self._failures.get(jam.id, 0) + 1
                delay = min(RETRY_MAX_S, RETRY_BASE_S * 2 ** (failures - 1))
                self._failures[jam.id] = failures
                self._retry_at[jam.id] = now + delay
                log.exception("jam %d: could not show its close (attempt %d); retrying in %.0f s", jam.id, failures,
                              delay)
            else:
                self._failures.pop(jam.id, None)
                self._retry_at.pop(jam.id, None)

    async def _idle_time(self) -> float:
        times = [at for at in (await self.jams.next_deadline(), *self._retry_at.values()) if at is not None]
        if not times:
            return MAX_IDLE_S
        return min(MAX_IDLE_S, max(0.0, min(times) - self.jams.clock()))

    async def finalize(self, jam: Jam) -> None:
        """Show a closed jam: results (winner roles first) or the cancellation, then close its buttons.

        Safe to repeat after a crash: the results are posted once (recorded, and sent with a nonce),
        giving a role twice changes nothing, and button edits are idempotent.
        """
        summary = await self.jams.summary(jam)
        locale = await server_locale(self.bot, jam.guild_id)
        if jam.results_posted_at is None:
            picture = None
            if jam.state is JamState.CLOSED:
                content = render.results(summary, await self._award_role(jam, summary.winners, locale), locale)
                picture = await self._leaderboard_picture(summary, locale)
            else:
                content = render.cancelled_notice(jam, locale)
            message_id = await self._post_close(jam, content, locale, picture)
            await self.jams.results_posted(jam.id, message_id, self.jams.clock())
        for standing in summary.standings:
            entry = standing.entry
            if entry.message_id is not None:
                # Only the jam's button changes: the song's own buttons (its next steps) stay.
                await self.publisher.swap_buttons(entry.channel_id, entry.message_id, f"songjam:vote:{jam.id}:",
                                                  closed_vote_button(jam, entry.job_id, entry.votes, locale))
        for channel_id, message_id in await self.jams.leftover_submissions(jam):
            await self.publisher.swap_buttons(channel_id, message_id, "songjam:jamsubmit:", None)
        await self.jams.finalized(jam.id, self.jams.clock())
        log.info("jam %d finalized (%s, %d entries)", jam.id, jam.state.value, len(summary.standings))

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)
        assert isinstance(channel, discord.abc.Messageable)
        return channel

    async def _post_close(self, jam: Jam, content: str, locale: str, picture: discord.File | None = None
                          ) -> int | None:
        """Post the results (or cancellation, with the leaderboard picture if any) under the announcement;
        None if the channel is gone."""
        reference = None
        if jam.announcement_message_id is not None:
            reference = discord.MessageReference(message_id=jam.announcement_message_id, channel_id=jam.channel_id,
                                                 fail_if_not_exists=False)
        try:
            channel = await self._channel(jam.channel_id)
            files = [picture] if picture is not None else []
            message = await channel.send(content, reference=reference, allowed_mentions=NO_PINGS, files=files,
                                         nonce=f"sjjam{jam.id}")
        except (discord.Forbidden, discord.NotFound):
            log.warning("jam %d: its channel is gone or closed to me; results only on /jam leaderboard", jam.id)
            return None
        if jam.thread_id is not None:
            link = message_link(jam.guild_id, jam.channel_id, message.id)
            try:
                thread = await self._channel(jam.thread_id)
                await thread.send(render.thread_closing_note(jam, link, locale), allowed_mentions=NO_PINGS,
                                  nonce=f"sjjamt{jam.id}")
            except discord.HTTPException:
                log.info("jam %d: could not post the closing note in its thread", jam.id, exc_info=True)
        return message.id

    async def _leaderboard_picture(self, summary: JamSummary, locale: str) -> discord.File | None:
        """The results as a picture (its words in `locale`), or None when there is nothing to show or
        drawing failed: the results text is posted either way."""
        if not summary.standings:
            return None
        jam = summary.jam
        try:
            top = summary.standings[:MAX_ROWS]
            names = await self._display_names(jam.guild_id, list(dict.fromkeys(s.entry.user_id for s in top)),
                                              locale)
            rows = [LeaderboardRow(rank=s.rank, tied=s.tied, member_name=names[s.entry.user_id],
                                   song_title=s.entry.title, votes=s.entry.votes) for s in top]
            png = await leaderboard_png(jam.theme, rows, locale)
        except Exception:
            log.exception("jam %d: could not draw the results picture; posting the text alone", jam.id)
            return None
        return discord.File(io.BytesIO(png), filename=f"songjam-jam-{jam.id}-results.png",
                            description=translate(locale, "jams-picture-description", theme=jam.theme)[:1024])

    async def _display_names(self, guild_id: int, user_ids: list[int], locale: str) -> dict[int, str]:
        """Plain names for the picture, without the members intent: the member cache (filled by
        interactions), else one REST lookup per member (at most ten), else their user name if they left."""
        # A server on another process's shard is not cached here: Discord has it.
        guild = self.bot.get_guild(guild_id) or await self.bot.fetch_guild(guild_id, with_counts=False)
        return {user_id: await self._display_name(guild, user_id, locale) for user_id in user_ids}

    async def _display_name(self, guild: discord.Guild, user_id: int, locale: str) -> str:
        with contextlib.suppress(discord.NotFound):
            return (guild.get_member(user_id) or await guild.fetch_member(user_id)).display_name
        with contextlib.suppress(discord.NotFound):  # left the server
            return (self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)).display_name
        return translate(locale, "jams-former-member")  # a deleted account

    async def _award_role(self, jam: Jam, winners: list[int], locale: str) -> list[str]:
        """Give the winner role; what went wrong is said in the results (in `locale`) rather than raised."""
        if jam.winner_role_id is None or not winners:
            return []
        guild = self.bot.get_guild(jam.guild_id)
        if guild is None:  # a server on another process's shard: Discord has it (with its roles)
            with contextlib.suppress(discord.NotFound, discord.Forbidden):
                guild = await self.bot.fetch_guild(jam.guild_id, with_counts=False)
        role = guild.get_role(jam.winner_role_id) if guild is not None else None
        if guild is None or role is None:
            return [translate(locale, "jams-role-gone")]
        given: list[int] = []
        notes: list[str] = []
        for user_id in winners:
            try:
                member = await guild.fetch_member(user_id)
                await member.add_roles(role, reason=translate(locale, "jams-role-audit-reason", jam=str(jam.id)))
            except discord.Forbidden:
                notes.append(translate(locale, "jams-role-forbidden", user=str(user_id), role=role.mention))
            except discord.NotFound:
                notes.append(translate(locale, "jams-role-left", user=str(user_id), role=role.mention))
            else:
                given.append(user_id)
        if given:
            notes.insert(0, translate(locale, "jams-role-given", names=", ".join(f"<@{user_id}>" for user_id in given),
                                      count=len(given), role=role.mention))
        return notes

    # --- commands -----------------------------------------------------------------------------

    @jam.command(name="start")
    @app_commands.check(moderators_only)
    @app_commands.describe(
        theme="What the songs should be about",
        duration="How long entries and votes stay open, e.g. 90m, 2d or 1h30m",
        entries_per_member="How many songs each member may enter (default 1)",
        channel="Where to hold the jam (default: here)",
        sponsored="Entries cost members nothing from their daily songs (default: they do)",
        anonymous="Hide the vote counts until the close (default: counts are public)",
        winner_role="A role to give the winners",
    )
    async def start(
        self, interaction: Interaction, theme: app_commands.Range[str, 1, MAX_THEME_CHARS],
        duration: str, entries_per_member: app_commands.Range[int, 1, MAX_ENTRIES_PER_MEMBER] = 1,
        channel: discord.TextChannel | None = None, sponsored: bool = False, anonymous: bool = False,
        winner_role: discord.Role | None = None,
    ) -> None:
        """Start a song jam: members make songs for a theme until a deadline and vote (moderators)."""
        guild, host = interaction.guild, interaction.user
        assert guild is not None and isinstance(host, discord.Member)
        locale = private_locale(interaction)
        target = channel or interaction.channel
        if not isinstance(target, JamChannel):
            await reply_privately(interaction, translate(locale, "jams-not-a-text-channel"))
            return
        problem = start_problem(guild, host, target, winner_role, locale)
        if problem is not None:
            await reply_privately(interaction, problem)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            jam = await self.jams.start(
                guild_id=guild.id, channel_id=target.id, host_id=host.id, theme=theme, duration=duration,
                now=self.jams.clock(), entries_per_member=entries_per_member, sponsored=sponsored, anonymous=anonymous,
                winner_role_id=winner_role.id if winner_role else None,
            )
        except JamRefused as exc:
            await interaction.followup.send(exc.render(locale), ephemeral=True)
            return
        notes = await self._announce(jam, target, await server_locale_of(interaction), locale)
        if notes is None:
            await interaction.followup.send(translate(locale, "jams-announcement-failed", channel=target.mention),
                                            ephemeral=True)
            return
        self.wake()
        if winner_role is not None and not (guild.me.guild_permissions.manage_roles and winner_role.is_assignable()):
            notes.append(translate(locale, "jams-role-not-yet", role=winner_role.mention))
        await interaction.followup.send(render.started_reply(jam, target.mention, notes, locale), ephemeral=True)

    async def _announce(self, jam: Jam, target: JamChannel, public: str, private: str) -> list[str] | None:
        """Post the announcement (in the server's language, `public`) and open the jam's thread if the
        server wants one.

        Returns notes for the host (in theirs, `private`), or None when the announcement could not be
        posted (the jam is then forgotten: members could never have seen it).
        """
        use_thread = (await self.jams.settings(jam.guild_id)).use_threads and isinstance(target, discord.TextChannel)
        try:
            message = await target.send(render.announcement(jam, with_thread=use_thread, locale=public),
                                        allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            await self.jams.discard(jam.id)
            log.warning("jam %d: announcement refused (%s); jam discarded", jam.id, exc)
            return None
        notes: list[str] = []
        thread_id = None
        if use_thread:
            try:
                thread = await message.create_thread(name=render.thread_name(jam, public),
                                                     auto_archive_duration=THREAD_ARCHIVE_MINUTES)
                thread_id = thread.id
            except discord.HTTPException:
                notes.append(translate(private, "jams-no-thread"))
        await self.jams.announced(jam.id, message.id, thread_id)
        return notes

    async def _find(self, interaction: Interaction, jam_id: int | None, *, open_only: bool) -> Jam | None:
        """The jam a command is about, or None after telling the member privately why not."""
        assert interaction.guild_id is not None and interaction.channel_id is not None
        try:
            return await self.jams.find(guild_id=interaction.guild_id, channel_id=interaction.channel_id,
                                        jam_id=jam_id, now=self.jams.clock(), open_only=open_only)
        except JamRefused as exc:
            await reply_privately(interaction, exc.render(private_locale(interaction)))
            return None

    @jam.command(name="status")
    @app_commands.describe(jam="Which jam (default: the one in this channel)")
    @app_commands.autocomplete(jam=any_jam_choices)
    async def status(self, interaction: Interaction, jam: int | None = None) -> None:
        """The jam's theme, deadline and rules, and your entries and vote."""
        found = await self._find(interaction, jam, open_only=False)
        if found is None:
            return
        member = await self.jams.member_status(found, interaction.user.id)
        entries = await self.jams.count_entries(found)
        await interaction.response.send_message(
            render.status(found, entries=entries, member=member, now=self.jams.clock(),
                          locale=private_locale(interaction)),
            ephemeral=True, allowed_mentions=NO_PINGS,
        )

    @jam.command(name="leaderboard")
    @app_commands.describe(jam="Which jam (default: the one in this channel)")
    @app_commands.autocomplete(jam=any_jam_choices)
    async def leaderboard(self, interaction: Interaction, jam: int | None = None) -> None:
        """The standings: live while the jam runs, final after."""
        found = await self._find(interaction, jam, open_only=False)
        if found is None:
            return
        now = self.jams.clock()
        summary: JamSummary = await self.jams.summary(found)
        private = found.is_open_at(now) and (await self.jams.settings(found.guild_id)).private_standings
        locale = private_locale(interaction) if private else await server_locale_of(interaction)
        await interaction.response.send_message(render.leaderboard(summary, now, locale), ephemeral=private,
                                                allowed_mentions=NO_PINGS)

    @jam.command(name="end")
    @app_commands.check(moderators_only)
    @app_commands.describe(jam="Which jam (default: the one in this channel)")
    @app_commands.autocomplete(jam=open_jam_choices)
    async def end(self, interaction: Interaction, jam: int | None = None) -> None:
        """End a jam now and post its results (moderators)."""
        await self._close(interaction, jam, cancel=False)

    @jam.command(name="cancel")
    @app_commands.check(moderators_only)
    @app_commands.describe(jam="Which jam (default: the one in this channel)")
    @app_commands.autocomplete(jam=open_jam_choices)
    async def cancel(self, interaction: Interaction, jam: int | None = None) -> None:
        """Stop a jam without results (moderators)."""
        await self._close(interaction, jam, cancel=True)

    async def _close(self, interaction: Interaction, jam_id: int | None, *, cancel: bool) -> None:
        found = await self._find(interaction, jam_id, open_only=True)
        if found is None:
            return
        try:
            if cancel:
                closed = await self.jams.cancel(found, by=interaction.user.id, now=self.jams.clock())
            else:
                closed = await self.jams.end(found, by=interaction.user.id, now=self.jams.clock())
        except JamRefused as exc:
            await reply_privately(interaction, exc.render(private_locale(interaction)))
            return
        self.wake()
        said = translate(private_locale(interaction), "jams-closed-cancelled" if cancel else "jams-closed-ended",
                         jam=str(closed.id), channel=str(closed.channel_id))
        await interaction.response.send_message(said, ephemeral=True)

    @jam.command(name="history")
    async def history(self, interaction: Interaction) -> None:
        """This server's past jams and their winners."""
        assert interaction.guild_id is not None
        summaries = await self.jams.history(interaction.guild_id)
        await interaction.response.send_message(render.history(summaries, await server_locale_of(interaction)),
                                                allowed_mentions=NO_PINGS)

    @jam.command(name="settings")
    @app_commands.check(moderators_only)
    @app_commands.describe(
        threads="Open a thread for each new jam",
        private_standings="Show /jam leaderboard only to the member who asks while a jam runs",
    )
    async def settings(
        self, interaction: Interaction, threads: bool | None = None, private_standings: bool | None = None
    ) -> None:
        """How jams run in this server (moderators)."""
        assert interaction.guild_id is not None
        current = await self.jams.configure(interaction.guild_id, use_threads=threads,
                                            private_standings=private_standings)
        said = translate(private_locale(interaction), "jams-settings-saved",
                         threads="yes" if current.use_threads else "no",
                         private="yes" if current.private_standings else "no")
        await interaction.response.send_message(said, ephemeral=True)
