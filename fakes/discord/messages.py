"""Message bodies: parsing (JSON or multipart), validation, mentions, create/edit/delete."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web

from fakes.discord import errors, permissions
from fakes.discord.models import (
    FLAG_COMPONENTS_V2,
    FLAG_LOADING,
    FLAG_SUPPRESS_EMBEDS,
    FLAG_SUPPRESS_NOTIFICATIONS,
    FakeChannel,
    FakeUser,
    Json,
    StoredAttachment,
    StoredMessage,
)
from fakes.discord.state import World

MAX_CONTENT = 2000
MAX_NONCE = 25
#: How long a nonce with ``enforce_nonce`` deduplicates sends ("a few minutes").
NONCE_WINDOW = 5 * 60.0

#: Flags a bot may set when creating a message (EPHEMERAL only through interactions).
CREATE_FLAGS = FLAG_SUPPRESS_EMBEDS | FLAG_SUPPRESS_NOTIFICATIONS | FLAG_COMPONENTS_V2

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_SELECTS = (3, 5, 6, 7, 8)


@dataclass
class UploadedFile:
    """One ``files[n]`` part of a multipart request (Discord sniffs the type from the name)."""

    filename: str
    data: bytes


async def read_body(request: web.Request) -> tuple[Json, dict[int, UploadedFile]]:
    """The JSON payload and uploaded files of a request (JSON body or multipart/form-data)."""
    if request.content_type == "multipart/form-data":
        payload: Json = {}
        files: dict[int, UploadedFile] = {}
        reader = await request.multipart()
        while True:
            part = await reader.next()
            if part is None:
                break
            if not isinstance(part, BodyPartReader):
                continue
            name = part.name or ""
            if name == "payload_json":
                payload = json.loads(await part.text())
                continue
            match = re.fullmatch(r"files\[(\d+)\]|file(\d*)", name)
            if match is None:
                continue
            index = int(match.group(1) or match.group(2) or 0)
            files[index] = UploadedFile(part.filename or f"file{index}", await part.read())
        return payload, files
    if not request.can_read_body:
        return {}, {}
    try:
        body = await request.json()
    except ValueError:
        raise errors.ApiError(400, 50109, "The request body contains invalid JSON.") from None
    return (body if isinstance(body, dict) else {"_": body}), {}


# ---------------------------------------------------------------------- validation


def validate_content(payload: Json) -> None:
    """Content length, nonce length, embeds, components and allowed_mentions rules."""
    content = payload.get("content")
    if content is not None and len(str(content)) > MAX_CONTENT:
        raise errors.invalid_form("content", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_CONTENT} or fewer in length.")
    nonce = payload.get("nonce")
    if nonce is not None and len(str(nonce)) > MAX_NONCE:
        raise errors.invalid_form("nonce", "BASE_TYPE_MAX_LENGTH", f"Must be {MAX_NONCE} or fewer in length.")
    _validate_embeds(payload.get("embeds") or [])
    _validate_components(payload.get("components") or [], int(payload.get("flags") or 0))
    mentions = payload.get("allowed_mentions") or {}
    parse = mentions.get("parse") or []
    for kind in ("users", "roles"):
        if kind in parse and mentions.get(kind):
            raise errors.invalid_form(
                f"allowed_mentions.{kind}",
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                f'parse:["{kind}"] and {kind}: [ids...] are mutually exclusive.',
            )


def _validate_embeds(embeds: list[Json]) -> None:
    if len(embeds) > 10:
        raise errors.invalid_form("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    limits = {"title": 256, "description": 4096}
    for i, embed in enumerate(embeds):
        for key, limit in limits.items():
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                raise errors.invalid_form(
                    f"embeds.{i}.{key}", "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."
                )
        fields = embed.get("fields") or []
        if len(fields) > 25:
            raise errors.invalid_form(f"embeds.{i}.fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for j, fld in enumerate(fields):
            name, value = str(fld.get("name", "")), str(fld.get("value", ""))
            total += len(name) + len(value)
            if len(name) > 256 or len(value) > 1024:
                raise errors.invalid_form(f"embeds.{i}.fields.{j}", "BASE_TYPE_MAX_LENGTH", "Field too long.")
        total += len((embed.get("footer") or {}).get("text", ""))
        total += len((embed.get("author") or {}).get("name", ""))
    if total > 6000:
        raise errors.invalid_form("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")


def _validate_components(components: list[Json], flags: int) -> None:
    seen: set[str] = set()

    def check(node: Json, path: str) -> None:
        custom_id = node.get("custom_id")
        if custom_id is not None:
            if len(custom_id) > 100:
                raise errors.invalid_form(
                    f"{path}.custom_id", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."
                )
            if custom_id in seen:
                raise errors.invalid_form(
                    f"{path}.custom_id",
                    "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated",
                )
            seen.add(custom_id)
        if node.get("type") == 2:
            is_link = node.get("style") == 5
            if is_link != ("url" in node) or (not is_link and node.get("style") != 6 and not custom_id):
                raise errors.invalid_form(
                    path, "BUTTON_COMPONENT_INVALID", "A button needs a custom_id, or a url if it is a link"
                )
        for i, child in enumerate(node.get("components") or []):
            check(child, f"{path}.components.{i}")
        for key in ("component", "accessory"):
            if isinstance(node.get(key), dict):
                check(node[key], f"{path}.{key}")

    if not flags & FLAG_COMPONENTS_V2:
        if len(components) > 5:
            raise errors.invalid_form("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
        for i, row in enumerate(components):
            children = row.get("components") or []
            if row.get("type") != 1:
                raise errors.invalid_form(
                    f"components.{i}", "UNION_TYPE_CHOICES", "Top-level components must be action rows"
                )
            has_select = any(c.get("type") in _SELECTS for c in children)
            if len(children) > 5 or (has_select and len(children) > 1) or not children:
                raise errors.invalid_form(
                    f"components.{i}.components",
                    "BASE_TYPE_BAD_LENGTH",
                    "An action row holds 1 to 5 buttons or a single select menu",
                )
    for i, component in enumerate(components):
        check(component, f"components.{i}")


def check_empty(msg: StoredMessage, payload: Json) -> None:
    """Discord refuses messages with nothing to show (50006)."""
    if not (
        msg.content
        or msg.embeds
        or msg.attachments
        or msg.components
        or payload.get("sticker_ids")
        or payload.get("poll")
    ):
        raise errors.empty_message()


def check_upload_limit(files: dict[int, UploadedFile], limit: int) -> None:
    """Any single file over the guild's upload limit -> 413 / 40005."""
    if any(len(f.data) > limit for f in files.values()):
        raise errors.entity_too_large()


def upload_limit(world: World, channel: FakeChannel) -> int:
    """The upload limit that applies in a channel (DMs: 10 MiB)."""
    if channel.guild_id is None:
        return 10 * 1024 * 1024
    return world.guild(channel.guild_id).upload_limit


# ---------------------------------------------------------------------- helpers


def _normalise_embeds(embeds: list[Json] | None) -> list[Json]:
    return [{"type": "rich", **e} for e in embeds or []]


def _resolve_attachment_urls(embeds: list[Json], attachments: list[StoredAttachment]) -> None:
    """An embed image or thumbnail given as `attachment://name` shows that attachment of the message:
    Discord answers with the attachment's own URL in its place (`url` and `proxy_url`)."""
    by_name = {a.filename: a for a in attachments}
    for embed in embeds:
        for key in ("image", "thumbnail"):
            media = embed.get(key)
            url = media.get("url") if isinstance(media, dict) else None
            if isinstance(url, str) and url.startswith("attachment://"):
                found = by_name.get(url.removeprefix("attachment://"))
                if found is not None:
                    embed[key] = {**media, "url": found.url, "proxy_url": found.url}


def _normalise_components(components: list[Json] | None) -> list[Json]:
    counter = 0

    def walk(node: Any) -> None:
        nonlocal counter
        if isinstance(node, dict):
            if "type" in node:
                counter += 1
                node.setdefault("id", counter)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    result = json.loads(json.dumps(components or []))
    walk(result)
    return result


def _attachments(
    world: World,
    channel: FakeChannel,
    payload: Json,
    files: dict[int, UploadedFile],
    existing: list[StoredAttachment],
) -> list[StoredAttachment]:
    """Resolve ``attachments`` (kept ids + ``{id: index}`` for new uploads) into stored files."""
    by_id = {str(a.id): a for a in existing}
    specs = payload.get("attachments")
    if specs is None:
        specs = [{"id": str(a.id)} for a in existing] + [{"id": i} for i in sorted(files)]
    result: list[StoredAttachment] = []
    used: set[int] = set()
    for spec in specs:
        key = str(spec.get("id"))
        if key in by_id:
            result.append(by_id[key])
            continue
        try:
            index = int(key)
            upload = files[index]
        except (ValueError, KeyError):
            raise errors.invalid_form(
                "attachments", "ATTACHMENT_NOT_FOUND", f"Unknown attachment or file: {key}"
            ) from None
        used.add(index)
        result.append(
            world.make_attachment(
                spec.get("filename") or upload.filename,
                upload.data,
                content_type=None,
                channel_id=channel.id,
                description=spec.get("description"),
            )
        )
    for index in sorted(set(files) - used):
        upload = files[index]
        result.append(world.make_attachment(upload.filename, upload.data, content_type=None, channel_id=channel.id))
    return result


def _mentions(
    world: World,
    channel: FakeChannel,
    author: FakeUser,
    content: str,
    allowed: Json | None,
    replied_to: StoredMessage | None,
) -> tuple[list[int], list[int], bool]:
    """Who a message pings: its text filtered through ``allowed_mentions``."""
    can_everyone = bool(world.permissions_in(channel, author.id) & permissions.MENTION_EVERYONE)
    parse = ["users", "roles", "everyone"] if allowed is None else list(allowed.get("parse") or [])
    allow_users = {int(u) for u in (allowed or {}).get("users") or []}
    allow_roles = {int(r) for r in (allowed or {}).get("roles") or []}
    users: list[int] = []
    for raw in _USER_MENTION.findall(content):
        uid = int(raw)
        if uid in world.users and uid not in users and ("users" in parse or uid in allow_users):
            users.append(uid)
    roles: list[int] = []
    guild = world.guilds.get(channel.guild_id or 0)
    for raw in _ROLE_MENTION.findall(content):
        rid = int(raw)
        role = guild.roles.get(rid) if guild else None
        if role is None or rid in roles or not ("roles" in parse or rid in allow_roles):
            continue
        if role.mentionable or can_everyone:
            roles.append(rid)
    everyone = "everyone" in parse and can_everyone and ("@everyone" in content or "@here" in content)
    replied_user = True if allowed is None else bool(allowed.get("replied_user", False))
    if replied_to is not None and replied_user and replied_to.author.id not in users:
        users.append(replied_to.author.id)
    return users, roles, everyone


def _reference(world: World, channel: FakeChannel, payload: Json) -> tuple[Json | None, StoredMessage | None]:
    ref = payload.get("message_reference")
    if not ref:
        return None, None
    target = world.messages.get(int(ref.get("message_id") or 0))
    channel_id = int(ref.get("channel_id") or channel.id)
    if target is None or target.deleted or channel_id != channel.id or target.ephemeral:
        if ref.get("fail_if_not_exists", True):
            raise errors.invalid_form("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
        return None, None
    stored: Json = {"type": 0, "message_id": str(target.id), "channel_id": str(channel.id)}
    if channel.guild_id is not None:
        stored["guild_id"] = str(channel.guild_id)
    return stored, target


# ---------------------------------------------------------------------- operations


def find_nonce_duplicate(world: World, channel: FakeChannel, author: FakeUser, payload: Json) -> StoredMessage | None:
    """The earlier message with the same nonce, if ``enforce_nonce`` applies."""
    nonce = payload.get("nonce")
    if nonce is None or not payload.get("enforce_nonce"):
        return None
    hit = world.nonces.get((channel.id, author.id, str(nonce)))
    if hit is None or world.clock.now() - hit[1] > NONCE_WINDOW:
        return None
    msg = world.messages.get(hit[0])
    return None if msg is None or msg.deleted else msg


def create_message(
    world: World,
    channel: FakeChannel,
    author: FakeUser,
    payload: Json,
    files: dict[int, UploadedFile],
    *,
    type: int = 0,
    allowed_flags: int = CREATE_FLAGS,
    webhook_id: int | None = None,
    interaction_metadata: Json | None = None,
    interaction_id: int | None = None,
    extra_flags: int = 0,
    allow_empty: bool = False,
) -> StoredMessage:
    """Validate and store a new message, then emit MESSAGE_CREATE."""
    validate_content(payload)
    check_upload_limit(files, upload_limit(world, channel))
    reference, replied_to = _reference(world, channel, payload)
    content = "" if payload.get("content") is None else str(payload["content"])
    allowed = payload.get("allowed_mentions")
    users, roles, everyone = _mentions(world, channel, author, content, allowed, replied_to)
    nonce = payload.get("nonce")
    msg = StoredMessage(
        id=world.snowflakes.next(),
        channel_id=channel.id,
        guild_id=channel.guild_id,
        author=author,
        content=content,
        timestamp=world.clock.iso(),
        type=19 if reference is not None and type == 0 else type,
        embeds=_normalise_embeds(payload.get("embeds")),
        components=_normalise_components(payload.get("components")),
        flags=(int(payload.get("flags") or 0) & allowed_flags) | extra_flags,
        tts=bool(payload.get("tts")),
        nonce=None if nonce is None else str(nonce),
        message_reference=reference,
        allowed_mentions=allowed,
        mentions=users,
        mention_roles=roles,
        mention_everyone=everyone,
        webhook_id=webhook_id,
        interaction_id=interaction_id,
        interaction_metadata=interaction_metadata,
    )
    msg.attachments = _attachments(world, channel, payload, files, [])
    _resolve_attachment_urls(msg.embeds, msg.attachments)
    if not allow_empty:
        check_empty(msg, payload)
    world.messages[msg.id] = msg
    world.channel_messages.setdefault(channel.id, []).append(msg.id)
    channel.last_message_id = msg.id
    if msg.nonce is not None and payload.get("enforce_nonce"):
        world.nonces[(channel.id, author.id, msg.nonce)] = (msg.id, world.clock.now())
    world.emit_message("MESSAGE_CREATE", msg)
    world.notify()
    return msg


def edit_message(
    world: World,
    msg: StoredMessage,
    payload: Json,
    files: dict[int, UploadedFile],
    *,
    resolve_loading: bool = True,
) -> StoredMessage:
    """Apply a PATCH (content, embeds, components, attachments, flags) and emit MESSAGE_UPDATE."""
    validate_content(payload)
    channel = world.channel(msg.channel_id)
    check_upload_limit(files, upload_limit(world, channel))
    before = msg.snapshot()
    new_attachments = msg.attachments
    if "attachments" in payload or files:
        new_attachments = _attachments(world, channel, payload, files, msg.attachments)
    if "content" in payload:
        msg.content = "" if payload["content"] is None else str(payload["content"])
    if "embeds" in payload:
        msg.embeds = _normalise_embeds(payload["embeds"])
    if "components" in payload:
        msg.components = _normalise_components(payload["components"])
    msg.attachments = new_attachments
    _resolve_attachment_urls(msg.embeds, msg.attachments)
    if "flags" in payload and payload["flags"] is not None:
        keep = msg.flags & ~(FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2)
        msg.flags = keep | (int(payload["flags"]) & (FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2))
    if resolve_loading:
        msg.flags &= ~FLAG_LOADING
    if "allowed_mentions" in payload:
        msg.allowed_mentions = payload["allowed_mentions"]
    if "content" in payload or "allowed_mentions" in payload:
        replied_to = None
        if msg.message_reference:
            replied_to = world.messages.get(int(msg.message_reference["message_id"]))
        msg.mentions, msg.mention_roles, msg.mention_everyone = _mentions(
            world, channel, msg.author, msg.content, msg.allowed_mentions, replied_to
        )
    check_empty(msg, payload)
    msg.edits.append(before)
    msg.edited_timestamp = world.clock.iso()
    world.emit_message("MESSAGE_UPDATE", msg)
    world.notify()
    return msg


def delete_message(world: World, msg: StoredMessage) -> None:
    """Mark a message deleted and emit MESSAGE_DELETE."""
    msg.deleted = True
    world.emit_message_delete(msg)
    world.notify()
