"""Application commands: bulk sync (PUT) and building the ``data`` of a slash command use."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from fakes.discord import errors, permissions
from fakes.discord.models import FakeChannel, FakeMember, FakeRole, FakeUser, Json, StoredAttachment, StoredMessage
from fakes.discord.state import World

log = logging.getLogger("fakes.discord.commands")

SUB_COMMAND = 1
SUB_COMMAND_GROUP = 2
STRING = 3
INTEGER = 4
BOOLEAN = 5
USER = 6
CHANNEL = 7
ROLE = 8
MENTIONABLE = 9
NUMBER = 10
ATTACHMENT = 11

#: Application command types: slash (chat input), user and message context menus.
CHAT_INPUT = 1
USER_COMMAND = 2
MESSAGE_COMMAND = 3

#: Slash-command string options: the client cannot type line breaks; 6000 characters at most.
MAX_STRING_OPTION = 6000

#: Discord's locales (https://discord.com/developers/docs/reference#locales): the keys of
#: `name_localizations` / `description_localizations`.
LOCALES = frozenset({
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
    "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
})


def _name_char(char: str) -> bool:
    """One character of `^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]$`, Discord's command-name pattern."""
    if char in "-_" or unicodedata.category(char)[0] in "LN":
        return True
    return unicodedata.name(char, "").startswith(("DEVANAGARI", "THAI"))


def valid_name(name: object, *, slash: bool) -> bool:
    """A valid name: 1-32 characters; a slash command's (and option's) of that pattern and lowercase,
    a user or message command's mixed case and with spaces allowed."""
    if not isinstance(name, str) or not 1 <= len(name) <= 32:
        return False
    if not slash:
        return all(c == " " or _name_char(c) for c in name)
    return all(_name_char(c) for c in name) and name == name.lower()


class CommandUnavailable(Exception):
    """The Discord client would not offer this command to this member (permissions, context)."""


# ---------------------------------------------------------------------- sync


def bulk_overwrite(world: World, guild_id: int | None, payload: list[Json]) -> list[Json]:
    """PUT /applications/{app}/[guilds/{guild}/]commands: replace the scope's commands."""
    if not isinstance(payload, list):
        raise errors.invalid_form("_", "BASE_TYPE_ARRAY", "Must be an array.")
    if len(payload) > 100:
        raise errors.invalid_form("_", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
    previous = {(c["name"], c.get("type", 1)): c for c in world.commands.get(guild_id, [])}
    stored: list[Json] = []
    for index, command in enumerate(payload):
        _validate_command(command, str(index))
        old = previous.get((command["name"], command.get("type", 1)))
        entry: Json = {
            "type": 1,
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            "contexts": None,
            "integration_types": [0],
            **command,
            "id": old["id"] if old else str(world.snowflakes.next()),
            "application_id": str(world.application_id),
            "version": str(world.snowflakes.next()),
        }
        if entry["type"] != 1:
            entry["description"] = ""
        if guild_id is not None:
            world.guild(guild_id)
            entry["guild_id"] = str(guild_id)
        stored.append(entry)
    world.commands[guild_id] = stored
    world.notify()
    return stored


def _validate_localizations(entry: Json, path: str, *, slash: bool, described: bool) -> None:
    """`name_localizations` follow the name's rules, `description_localizations` 1-100 characters;
    the keys must be Discord locales."""
    for field in ("name_localizations", "description_localizations"):
        localized = entry.get(field) or {}
        for locale, text in localized.items():
            if locale not in LOCALES:
                raise errors.invalid_form(f"{path}.{field}", "ENUM_TYPE_COERCE",
                                          f'Value "{locale}" is not a valid enum value.')
            if field == "name_localizations" and not valid_name(text, slash=slash):
                raise errors.invalid_form(f"{path}.{field}.{locale}", "APPLICATION_COMMAND_INVALID_NAME",
                                          "Invalid name")
            if field == "description_localizations" and (not described or not 1 <= len(str(text)) <= 100):
                raise errors.invalid_form(f"{path}.{field}.{locale}", "BASE_TYPE_BAD_LENGTH",
                                          "Must be between 1 and 100 in length.")


def _validate_command(command: Json, path: str) -> None:
    name = command.get("name", "")
    is_slash = command.get("type", 1) == 1
    if not valid_name(name, slash=is_slash):
        raise errors.invalid_form(f"{path}.name", "APPLICATION_COMMAND_INVALID_NAME", "Invalid name")
    if is_slash and not 1 <= len(command.get("description", "")) <= 100:
        raise errors.invalid_form(f"{path}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    _validate_localizations(command, path, slash=is_slash, described=is_slash)
    options = command.get("options") or []
    if len(options) > 25:
        raise errors.invalid_form(f"{path}.options", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    seen_optional = False
    for i, option in enumerate(options):
        if option.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP):
            _validate_command(option | {"type": 1}, f"{path}.options.{i}")
            continue
        _validate_option(option, f"{path}.options.{i}")
        if option.get("required"):
            if seen_optional:
                raise errors.invalid_form(
                    f"{path}.options.{i}",
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            seen_optional = True
        if len(option.get("choices") or []) > 25:
            raise errors.invalid_form(
                f"{path}.options.{i}.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."
            )


def _validate_option(option: Json, path: str) -> None:
    if not valid_name(option.get("name"), slash=True):
        raise errors.invalid_form(f"{path}.name", "APPLICATION_COMMAND_INVALID_NAME", "Invalid name")
    if not 1 <= len(option.get("description", "")) <= 100:
        raise errors.invalid_form(f"{path}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
    _validate_localizations(option, path, slash=True, described=True)
    for j, choice in enumerate(option.get("choices") or []):
        choice_path = f"{path}.choices.{j}"
        if not 1 <= len(str(choice.get("name", ""))) <= 100:
            raise errors.invalid_form(f"{choice_path}.name", "BASE_TYPE_BAD_LENGTH",
                                      "Must be between 1 and 100 in length.")
        for locale, text in (choice.get("name_localizations") or {}).items():
            if locale not in LOCALES:
                raise errors.invalid_form(f"{choice_path}.name_localizations", "ENUM_TYPE_COERCE",
                                          f'Value "{locale}" is not a valid enum value.')
            if not 1 <= len(str(text)) <= 100:
                raise errors.invalid_form(f"{choice_path}.name_localizations.{locale}", "BASE_TYPE_BAD_LENGTH",
                                          "Must be between 1 and 100 in length.")


# ---------------------------------------------------------------------- invocation


def find_command(
    world: World, name: str, guild_id: int | None, kind: int = CHAT_INPUT
) -> tuple[Json | None, int | None]:
    """A synced command of ``kind`` by name: the guild's first, then global. (def, guild scope)."""
    if guild_id is not None:
        for command in world.commands.get(guild_id, []):
            if command["name"] == name and command.get("type", 1) == kind:
                return command, guild_id
    for command in world.commands.get(None, []):
        if command["name"] == name and command.get("type", 1) == kind:
            return command, None
    return None, None


def build_message_command_data(
    world: World, *, name: str, message: StoredMessage, user: FakeUser, channel: FakeChannel
) -> Json:
    """The ``data`` of a message context-menu use: the target message in ``resolved.messages``.

    Raises ValueError for a command that was never synced (the client shows only synced menus).
    """
    definition, scope = find_command(world, name, channel.guild_id, MESSAGE_COMMAND)
    if definition is None:
        raise ValueError(f"no message command {name!r} was synced")
    check_available(world, definition, user, channel)
    data: Json = {
        "id": definition["id"],
        "name": name,
        "type": MESSAGE_COMMAND,
        "target_id": str(message.id),
        "resolved": {"messages": {str(message.id): world.message_payload(message)}},
    }
    if scope is not None:
        data["guild_id"] = str(scope)
    return data


def check_available(world: World, command: Json, user: FakeUser, channel: FakeChannel) -> None:
    """Raise CommandUnavailable when the client would hide the command from this member."""
    in_guild = channel.guild_id is not None
    contexts = command.get("contexts")
    if contexts is not None and (0 if in_guild else 1) not in contexts:
        raise CommandUnavailable(f"/{command['name']} is not available in this context")
    if not in_guild and command.get("dm_permission") is False:
        raise CommandUnavailable(f"/{command['name']} is not available in DMs")
    required = command.get("default_member_permissions")
    if in_guild and required is not None:
        guild = world.guild(channel.guild_id or 0)
        perms = world.guild_permissions(guild, user.id)
        needed = int(required)
        if not perms & permissions.ADMINISTRATOR and (needed == 0 or perms & needed != needed):
            raise CommandUnavailable(f"/{command['name']} needs permissions {needed}; {user.username} has {perms}")


def build_command_data(
    world: World,
    *,
    path: Sequence[str],
    options: Mapping[str, Any],
    user: FakeUser,
    channel: FakeChannel,
    focused: str | None = None,
) -> Json:
    """The ``data`` of a CHAT_INPUT interaction (or AUTOCOMPLETE when ``focused`` is given)."""
    root, *subs = path
    definition, scope = find_command(world, root, channel.guild_id)
    if definition is None:
        log.warning("command /%s was never synced; inferring option types", " ".join(path))
        command_id = world.unsynced_command_ids.setdefault(root, world.snowflakes.next())
        defs: list[Json] | None = None
    else:
        check_available(world, definition, user, channel)
        command_id = int(definition["id"])
        defs = definition.get("options") or []
    resolved: dict[str, dict[str, Json]] = {}
    leaf = _options(world, defs, options, resolved, user=user, channel=channel, focused=focused, path=path)
    for sub in reversed(subs):
        if defs is not None:
            kind = _sub_kind(definition, path, sub)
        else:
            kind = SUB_COMMAND if sub == subs[-1] else SUB_COMMAND_GROUP
        leaf = [{"name": sub, "type": kind, "options": leaf}]
    data: Json = {"id": str(command_id), "name": root, "type": 1, "options": leaf}
    if resolved:
        data["resolved"] = resolved
    if scope is not None:
        data["guild_id"] = str(scope)
    return data


def _sub_kind(definition: Json | None, path: Sequence[str], sub: str) -> int:
    node = definition or {}
    for part in path[1:]:
        match = next((o for o in node.get("options") or [] if o["name"] == part), None)
        if match is None:
            raise ValueError(f"/{' '.join(path)}: no subcommand {part!r}")
        if part == sub:
            return match["type"]
        node = match
    raise ValueError(f"/{' '.join(path)}: no subcommand {sub!r}")


def _leaf_defs(definition_options: list[Json], path: Sequence[str]) -> list[Json]:
    node_options = definition_options
    for part in path[1:]:
        match = next((o for o in node_options if o["name"] == part), None)
        if match is None or match.get("type") not in (SUB_COMMAND, SUB_COMMAND_GROUP):
            raise ValueError(f"/{' '.join(path)}: no subcommand {part!r}")
        node_options = match.get("options") or []
    if any(o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP) for o in node_options):
        raise ValueError(f"/{' '.join(path)} is a group: name a subcommand")
    return node_options


def _options(
    world: World,
    definition_options: list[Json] | None,
    values: Mapping[str, Any],
    resolved: dict[str, dict[str, Json]],
    *,
    user: FakeUser,
    channel: FakeChannel,
    focused: str | None,
    path: Sequence[str],
) -> list[Json]:
    defs = {} if definition_options is None else {o["name"]: o for o in _leaf_defs(definition_options, path)}
    if definition_options is not None:
        unknown = set(values) - set(defs)
        if unknown:
            raise ValueError(f"/{' '.join(path)} has no options {sorted(unknown)}")
        if focused is None:
            missing = [n for n, o in defs.items() if o.get("required") and n not in values]
            if missing:
                raise ValueError(f"/{' '.join(path)} needs options {missing}")
    result: list[Json] = []
    for name, value in values.items():
        spec = defs.get(name) or {"name": name, "type": _infer_type(value)}
        if name == focused:
            result.append({"name": name, "type": spec["type"], "value": value, "focused": True})
            continue
        result.append(
            {"name": name, "type": spec["type"], "value": _convert(world, spec, value, resolved, user, channel)}
        )
    return result


def _infer_type(value: Any) -> int:
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return NUMBER
    if isinstance(value, StoredAttachment):
        return ATTACHMENT
    if isinstance(value, FakeUser | FakeMember):
        return USER
    if isinstance(value, FakeRole):
        return ROLE
    if isinstance(value, FakeChannel):
        return CHANNEL
    return STRING


def _convert(
    world: World,
    spec: Json,
    value: Any,
    resolved: dict[str, dict[str, Json]],
    user: FakeUser,
    channel: FakeChannel,
) -> Any:
    kind, name = spec["type"], spec["name"]
    choices = spec.get("choices")
    if kind == STRING:
        text = str(value)
        if "\n" in text or "\r" in text:
            raise ValueError(f"option {name!r}: a slash-command string cannot contain line breaks")
        high = min(spec.get("max_length", MAX_STRING_OPTION), MAX_STRING_OPTION)
        if not spec.get("min_length", 0) <= len(text) <= high:
            raise ValueError(f"option {name!r}: length {len(text)} out of range")
        converted: Any = text
    elif kind in (INTEGER, NUMBER):
        converted = int(value) if kind == INTEGER else float(value)
        low, high = spec.get("min_value"), spec.get("max_value")
        if (low is not None and converted < low) or (high is not None and converted > high):
            raise ValueError(f"option {name!r}: {converted} out of range [{low}, {high}]")
    elif kind == BOOLEAN:
        converted = bool(value)
    elif kind == ATTACHMENT:
        if not isinstance(value, StoredAttachment):
            raise ValueError(f"option {name!r} takes an attachment from fake.upload_attachment()")
        resolved.setdefault("attachments", {})[str(value.id)] = value.to_payload() | {"ephemeral": True}
        return str(value.id)
    elif kind in (USER, MENTIONABLE) and isinstance(value, FakeUser | FakeMember):
        target = value.user if isinstance(value, FakeMember) else value
        resolved.setdefault("users", {})[str(target.id)] = target.to_payload()
        guild = world.guilds.get(channel.guild_id or 0)
        if guild is not None and target.id in guild.members:
            member = guild.members[target.id]
            resolved.setdefault("members", {})[str(target.id)] = member.to_payload(
                with_user=False, permissions=world.permissions_in(channel, target.id)
            )
        return str(target.id)
    elif kind in (ROLE, MENTIONABLE) and isinstance(value, FakeRole):
        resolved.setdefault("roles", {})[str(value.id)] = value.to_payload()
        return str(value.id)
    elif kind == CHANNEL and isinstance(value, FakeChannel):
        resolved.setdefault("channels", {})[str(value.id)] = world.channel_payload(value, for_user=user.id)
        return str(value.id)
    else:
        raise ValueError(f"option {name!r} (type {kind}) cannot take {value!r}")
    if choices and converted not in [c["value"] for c in choices]:
        raise ValueError(f"option {name!r}: {converted!r} is not one of the choices")
    return converted
