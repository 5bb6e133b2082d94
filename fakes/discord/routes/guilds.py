"""Guild, member, role, user, gateway, application and application-command routes."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from fakes.discord import commands, errors, events, messages
from fakes.discord import permissions as perm
from fakes.discord.models import GUILD_TEXT, FakeGuild, FakeRole
from fakes.discord.permissions import Overwrite
from fakes.discord.responses import json_response, no_content
from fakes.discord.routes.common import API, query_int, snowflake
from fakes.discord.state import World

#: Session starts (IDENTIFYs) a bot may make per day.
SESSION_STARTS_PER_DAY = 1000


class GuildRoutes:
    """``/guilds/...``, ``/users/...``, ``/gateway``, ``/oauth2/applications/@me``, commands."""

    def __init__(self, world: World, gateway_url: Callable[[], str]) -> None:
        self.world = world
        self.gateway_url = gateway_url

    def routes(self) -> list[web.RouteDef]:
        """The route table."""
        g = f"{API}/guilds/{{guild_id}}"
        app = f"{API}/applications/{{application_id}}"
        return [
            web.get(g, self.get_guild),
            web.get(f"{g}/audit-logs", self.get_audit_log),
            web.get(f"{g}/channels", self.list_channels),
            web.post(f"{g}/channels", self.create_channel),
            web.get(f"{g}/roles", self.list_roles),
            web.post(f"{g}/roles", self.create_role),
            web.get(f"{g}/members", self.list_members),
            web.get(f"{g}/members/{{user_id}}", self.get_member),
            web.put(f"{g}/members/{{user_id}}/roles/{{role_id}}", self.add_member_role),
            web.delete(f"{g}/members/{{user_id}}/roles/{{role_id}}", self.remove_member_role),
            web.get(f"{API}/users/@me", self.get_me),
            web.get(f"{API}/users/{{user_id}}", self.get_user),
            web.get(f"{API}/gateway", self.get_gateway),
            web.get(f"{API}/gateway/bot", self.get_gateway_bot),
            web.get(f"{API}/oauth2/applications/@me", self.get_application),
            web.get(f"{API}/applications/@me", self.get_application),
            web.get(f"{app}/commands", self.get_commands),
            web.put(f"{app}/commands", self.put_commands),
            web.get(f"{app}/guilds/{{guild_id}}/commands", self.get_commands),
            web.put(f"{app}/guilds/{{guild_id}}/commands", self.put_commands),
        ]

    def _guild(self, request: web.Request) -> FakeGuild:
        return self.world.guild(snowflake(request, "guild_id"))

    def _require_guild(self, guild: FakeGuild, bit: int) -> None:
        if not self.world.guild_permissions(guild, self.world.bot.id) & bit:
            raise errors.missing_permissions()

    # ------------------------------------------------------------------ guilds

    async def get_guild(self, request: web.Request) -> web.Response:
        """GET /guilds/{id}[?with_counts=1]."""
        guild = self._guild(request)
        payload = guild.to_payload()
        if request.query.get("with_counts") in ("1", "true", "True"):
            payload |= {
                "approximate_member_count": len(guild.members),
                "approximate_presence_count": 0,
            }
        return json_response(payload)

    async def get_audit_log(self, request: web.Request) -> web.Response:
        """GET /guilds/{id}/audit-logs?user_id&action_type&before&after&limit: newest first (oldest first
        with ``after`` alone, as Discord pages forward); needs VIEW_AUDIT_LOG (else 403 / 50013)."""
        guild = self._guild(request)
        self._require_guild(guild, perm.VIEW_AUDIT_LOG)
        limit = query_int(request, "limit") or 50
        if not 1 <= limit <= 100:
            raise errors.invalid_form("limit", "NUMBER_TYPE_MAX", "int value should be <= 100 and >= 1.")
        user_id, action_type = query_int(request, "user_id"), query_int(request, "action_type")
        before, after = query_int(request, "before"), query_int(request, "after")
        entries = [
            e for e in guild.audit_log
            if (user_id is None or e.user_id == user_id) and (action_type is None or e.action_type == action_type)
            and (before is None or e.id < before) and (after is None or e.id > after)
        ]
        picked = entries[:limit] if after is not None and before is None else list(reversed(entries))[:limit]
        user_ids = dict.fromkeys(i for e in picked for i in (e.user_id, e.target_id) if i in self.world.users)
        return json_response({
            "audit_log_entries": [e.to_payload() for e in picked],
            "users": [self.world.users[i].to_payload() for i in user_ids if i is not None],
            "integrations": [],
            "webhooks": [],
            "guild_scheduled_events": [],
            "threads": [],
            "application_commands": [],
            "auto_moderation_rules": [],
        })

    async def list_channels(self, request: web.Request) -> web.Response:
        """GET /guilds/{id}/channels (threads excluded)."""
        guild = self._guild(request)
        channels = [self.world.channels[c] for c in guild.channel_ids]
        return json_response([self.world.channel_payload(c) for c in channels if not c.deleted and not c.is_thread])

    async def create_channel(self, request: web.Request) -> web.Response:
        """POST /guilds/{id}/channels (MANAGE_CHANNELS)."""
        guild = self._guild(request)
        self._require_guild(guild, perm.MANAGE_CHANNELS)
        payload, _ = await messages.read_body(request)
        name = str(payload.get("name") or "")
        if not 1 <= len(name) <= 100:
            raise errors.invalid_form("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        overwrites = [
            Overwrite(int(o["id"]), int(o.get("type", 0)), int(o.get("allow") or 0), int(o.get("deny") or 0))
            for o in payload.get("permission_overwrites") or []
        ]
        parent = payload.get("parent_id")
        channel = self.world.add_channel(
            guild,
            name,
            type=int(payload.get("type") or GUILD_TEXT),
            parent_id=int(parent) if parent else None,
            topic=payload.get("topic"),
            overwrites=overwrites,
        )
        return json_response(self.world.channel_payload(channel), status=201)

    async def list_roles(self, request: web.Request) -> web.Response:
        """GET /guilds/{id}/roles."""
        guild = self._guild(request)
        roles = sorted(guild.roles.values(), key=lambda r: r.position)
        return json_response([r.to_payload() for r in roles])

    async def create_role(self, request: web.Request) -> web.Response:
        """POST /guilds/{id}/roles (MANAGE_ROLES)."""
        guild = self._guild(request)
        self._require_guild(guild, perm.MANAGE_ROLES)
        payload, _ = await messages.read_body(request)
        role = self.world.add_role(
            guild,
            str(payload.get("name") or "new role"),
            permissions_value=int(payload.get("permissions") or 0),
            mentionable=bool(payload.get("mentionable")),
        )
        return json_response(role.to_payload())

    async def list_members(self, request: web.Request) -> web.Response:
        """GET /guilds/{id}/members (needs the members intent switched on for the app)."""
        guild = self._guild(request)
        if not self.world.privileged_intents & events.GUILD_MEMBERS:
            raise errors.missing_access()
        after = query_int(request, "after") or 0
        limit = query_int(request, "limit") or 1
        members = sorted((m for m in guild.members.values() if m.id > after), key=lambda m: m.id)
        return json_response([m.to_payload() for m in members[:limit]])

    async def get_member(self, request: web.Request) -> web.Response:
        """GET /guilds/{id}/members/{user_id}."""
        guild = self._guild(request)
        member = self.world.member(guild.id, snowflake(request, "user_id"))
        return json_response(member.to_payload())

    def _role_change(self, request: web.Request) -> tuple[FakeGuild, FakeRole, int]:
        guild = self._guild(request)
        member = self.world.member(guild.id, snowflake(request, "user_id"))
        role = guild.roles.get(snowflake(request, "role_id"))
        if role is None:
            raise errors.unknown_role()
        self._require_guild(guild, perm.MANAGE_ROLES)
        bot_top = self.world.top_role_position(guild, self.world.bot.id)
        is_owner = guild.owner_id == self.world.bot.id
        if role.managed or role.id == guild.id or (role.position >= bot_top and not is_owner):
            raise errors.missing_permissions()
        return guild, role, member.id

    async def add_member_role(self, request: web.Request) -> web.Response:
        """PUT /guilds/{id}/members/{uid}/roles/{rid} (MANAGE_ROLES, role below the bot's)."""
        guild, role, user_id = self._role_change(request)
        member = guild.members[user_id]
        if role.id not in member.roles:
            member.roles.append(role.id)
            self.world.update_member(guild, member)
        return no_content()

    async def remove_member_role(self, request: web.Request) -> web.Response:
        """DELETE /guilds/{id}/members/{uid}/roles/{rid}."""
        guild, role, user_id = self._role_change(request)
        member = guild.members[user_id]
        if role.id in member.roles:
            member.roles.remove(role.id)
            self.world.update_member(guild, member)
        return no_content()

    # ------------------------------------------------------------------ users, gateway, app

    async def get_me(self, request: web.Request) -> web.Response:
        """GET /users/@me."""
        return json_response(self.world.bot.to_payload() | {"verified": True, "mfa_enabled": False, "email": None})

    async def get_user(self, request: web.Request) -> web.Response:
        """GET /users/{id}."""
        return json_response(self.world.user(snowflake(request, "user_id")).to_payload())

    async def get_gateway(self, request: web.Request) -> web.Response:
        """GET /gateway."""
        return json_response({"url": self.gateway_url()})

    async def get_gateway_bot(self, request: web.Request) -> web.Response:
        """GET /gateway/bot."""
        return json_response(
            {
                "url": self.gateway_url(),
                "shards": self.world.shard_count,
                "session_start_limit": {
                    "total": SESSION_STARTS_PER_DAY,
                    "remaining": max(0, SESSION_STARTS_PER_DAY - self.world.session_starts),
                    "reset_after": 86_400_000,
                    "max_concurrency": self.world.max_concurrency,
                },
            }
        )

    async def get_application(self, request: web.Request) -> web.Response:
        """GET /oauth2/applications/@me (and /applications/@me)."""
        return json_response(self.world.application_payload())

    # ------------------------------------------------------------------ commands

    def _scope(self, request: web.Request) -> int | None:
        if snowflake(request, "application_id") != self.world.application_id:
            raise errors.missing_access()
        if "guild_id" not in request.match_info:
            return None
        guild_id = snowflake(request, "guild_id")
        if guild_id not in self.world.guilds:
            raise errors.missing_access()
        return guild_id

    async def get_commands(self, request: web.Request) -> web.Response:
        """GET /applications/{app}/[guilds/{gid}/]commands."""
        return json_response(self.world.commands.get(self._scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        """PUT /applications/{app}/[guilds/{gid}/]commands: bulk overwrite (what tree.sync does)."""
        scope = self._scope(request)
        payload = await request.json()
        return json_response(commands.bulk_overwrite(self.world, scope, payload))
