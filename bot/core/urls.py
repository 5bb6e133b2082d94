"""Which addresses the bot may fetch from, and which hosts count as internal.

A URL the music service hands us (a finished song) could point anywhere: at the host's own
services, the cloud's metadata endpoint, another machine on the private network. `UrlPolicy`
lets through only http(s) URLs whose host resolves to public addresses; the caller then connects
to exactly the addresses that were checked (`PinnedResolver`), so a second DNS answer (rebinding)
can't send the connection elsewhere.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass

from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Not globally reachable, whatever this Python's `is_global` says (its tables vary by version).
_NOT_PUBLIC = tuple(ipaddress.ip_network(net) for net in (
    "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4",
    "64:ff9b:1::/48", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10",
))
# Names that only mean something inside a network (RFC 6762, 8375, common private zones).
_INTERNAL_SUFFIXES = (
    ".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home", ".corp", ".private",
    ".home.arpa", ".svc", ".cluster.local", ".consul",
)
_LEGACY_IPV4 = re.compile(r"(?i)[0-9a-fx.]+")  # 2130706433, 0x7f.1, 0177.0.0.1, 127.1
_NUMERIC = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV


class UrlRefused(Exception):
    """The URL may not be fetched; the message says why (it names no address, so it can be shown)."""


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64): they are where it leads."""
    found: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def is_public(ip: IPAddress) -> bool:
    """A globally reachable unicast address: not loopback, private, link-local, multicast, reserved,
    unspecified or shared, in IPv4 or IPv6 form (an IPv6 address carrying an IPv4 one is judged by both)."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public(ip.ipv4_mapped)
        if ip in _NAT64:  # the IPv4 address it translates to is where it leads
            return is_public(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.scope_id or not all(is_public(inner) for inner in embedded_ipv4(ip)):
            return False
    if any(ip in net for net in _NOT_PUBLIC if net.version == ip.version):
        return False
    return ip.is_global and not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved
        or ip.is_unspecified
    )


def is_loopback(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped.is_loopback
    return ip.is_loopback


def parse_ip(host: str) -> IPAddress | None:
    """The address `host` names literally, including legacy IPv4 forms (`2130706433`, `0x7f.1`, `127.1`)."""
    text = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(text) and any(ch.isdigit() for ch in text):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def is_internal_host(host: str) -> bool:
    """Judged from the name alone (no lookup): a non-public address, `localhost`, an internal zone
    (`.internal`, `.local`, `.svc`...) or a single label (`db`, `redis`)."""
    name = host.strip("[]").rstrip(".").lower()
    if not name:
        return True
    ip = parse_ip(name)
    if ip is not None:
        return not is_public(ip)
    return name == "localhost" or name.endswith(_INTERNAL_SUFFIXES) or "." not in name


@dataclass(frozen=True)
class UrlPolicy:
    """What a result URL must be: http(s), no credentials, not absurdly long, and every address its
    host resolves to public. `allow_loopback` lets loopback through too (only when the music API
    itself is on loopback: the tests' fakes and the sandbox)."""

    allow_loopback: bool = False
    max_chars: int = 1500  # a link to it must still fit in a 2,000-character message

    @classmethod
    def for_api(cls, base_url: str) -> UrlPolicy:
        host = URL(base_url).host or ""
        ip = parse_ip(host)
        return cls(allow_loopback=_is_localhost(host) or (ip is not None and is_loopback(ip)))

    def allows(self, ip: IPAddress) -> bool:
        return is_public(ip) or (self.allow_loopback and is_loopback(ip))

    def check(self, url: str | URL) -> URL:
        """The parsed URL if its form is acceptable (the host is resolved by `resolve`); UrlRefused if not."""
        text = str(url)
        if len(text) > self.max_chars:
            raise UrlRefused(f"its address is over {self.max_chars} characters long")
        try:
            parsed = url if isinstance(url, URL) else URL(text)
        except ValueError:
            raise UrlRefused("its address can't be read") from None
        if not parsed.absolute or parsed.scheme not in ("http", "https") or not parsed.host:
            raise UrlRefused("its address is not an http(s) URL")
        if parsed.user is not None or parsed.password is not None:
            raise UrlRefused("its address carries credentials")
        return parsed

    async def resolve(self, url: URL) -> list[ResolveResult]:
        """Check `url` and look its host up; every address must be allowed (UrlRefused if not).

        Raises OSError when the name can't be resolved (a passing fault, as with any lookup).
        """
        url = self.check(url)
        host = url.raw_host or ""
        port = url.port or (443 if url.scheme == "https" else 80)
        literal = parse_ip(host)
        if literal is None and is_internal_host(host) and not (self.allow_loopback and _is_localhost(host)):
            raise UrlRefused("its address is not on the public internet")  # judged by name: no lookup
        if literal is not None:
            infos = [(socket.AF_INET6 if literal.version == 6 else socket.AF_INET, socket.IPPROTO_TCP,
                      str(literal))]
        else:
            answers = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            infos = [(family, proto, address[0]) for family, _, proto, _, address in answers]
        if not infos:
            raise OSError(f"no address for {host}")
        results: list[ResolveResult] = []
        for family, proto, address in infos:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if not self.allows(ip):
                raise UrlRefused("its address is not on the public internet")
            results.append(ResolveResult(hostname=host, host=str(ip), port=port, family=family, proto=proto,
                                         flags=_NUMERIC))
        return results


def _is_localhost(host: str) -> bool:
    return host.rstrip(".").lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost")


class PinnedResolver(AbstractResolver):
    """Answers only for hosts `pin`ned with their checked addresses, so the connection goes exactly there."""

    def __init__(self) -> None:
        self._pinned: dict[str, list[ResolveResult]] = {}

    def pin(self, host: str, results: list[ResolveResult]) -> None:
        self._pinned[host] = results

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[ResolveResult]:
        results = self._pinned.get(host)
        if not results:
            raise OSError(f"{host} was not checked before connecting")
        return [result | {"port": port or result["port"]} for result in results]  # type: ignore[misc]

    async def close(self) -> None:
        self._pinned.clear()
