"""Which addresses and hosts count as internal (never shown to members)."""

from __future__ import annotations

import ipaddress
import re
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Names that only mean something inside a network (RFC 6762, 8375, common private zones).
_INTERNAL_SUFFIXES = (
    ".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home", ".corp", ".private",
    ".home.arpa", ".svc", ".cluster.local", ".consul",
)
_LEGACY_IPV4 = re.compile(r"(?i)[0-9a-fx.]+")  # 2130706433, 0x7f.1, 0177.0.0.1, 127.1


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
        if not all(is_public(inner) for inner in embedded_ipv4(ip)):
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
