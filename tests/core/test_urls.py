"""The URL policy for results: only http(s) URLs whose host resolves to public addresses."""

import asyncio
import ipaddress
import socket

import pytest
from yarl import URL

from bot.core.urls import PinnedResolver, UrlPolicy, UrlRefused, is_internal_host, is_public

PRIVATE = [
    "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
    "192.168.1.1", "169.254.169.254", "100.64.0.1", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.7",
    "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::", "::1", "fe80::1", "fe80::1%1", "fc00::1", "fd12:3456::1", "ff02::1", "ff0e::1", "2001:db8::1", "100::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0", "::127.0.0.1",
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo whose client is 10.0.0.1
]
PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e",
          "::ffff:8.8.8.8", "64:ff9b::808:808"]


@pytest.mark.parametrize("address", PRIVATE)
def test_non_public_addresses_in_every_form_are_refused(address):
    assert not is_public(ipaddress.ip_address(address))
    assert not UrlPolicy().allows(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address):
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(("address", "allowed"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("10.0.0.1", False), ("192.168.0.1", False), ("169.254.169.254", False), ("fd00::1", False), ("::", False),
])
def test_loopback_allowance_covers_loopback_only(address, allowed):
    assert UrlPolicy(allow_loopback=True).allows(ipaddress.ip_address(address)) is allowed


@pytest.mark.parametrize(("base", "loopback"), [
    ("http://127.0.0.1:41234", True), ("http://localhost:8000/", True), ("http://[::1]:9000", True),
    ("https://api.apilaplas.com", False), ("https://api.aimlapi.com/", False), ("http://10.0.0.5", False),
])
def test_loopback_is_allowed_only_when_the_api_itself_is_there(base, loopback):
    assert UrlPolicy.for_api(base).allow_loopback is loopback


@pytest.mark.parametrize("url", [
    "ftp://cdn.example.com/a.mp3", "file:///etc/passwd", "javascript:alert(1)", "data:audio/mpeg;base64,AAAA",
    "gopher://cdn.example.com/", "/relative/a.mp3", "cdn.example.com/a.mp3", "http:///a.mp3",
    "https://user:pass@cdn.example.com/a.mp3", "https://cdn.example.com/" + "a" * 3000,
])
def test_urls_of_the_wrong_form_are_refused(url):
    with pytest.raises(UrlRefused):
        UrlPolicy().check(url)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/a.mp3", "http://127.1/a.mp3", "http://2130706433/a.mp3", "http://0x7f000001/a.mp3",
    "http://0177.0.0.1/a.mp3", "http://0x7f.1/a.mp3", "http://[::1]/a.mp3", "http://[::ffff:127.0.0.1]/a.mp3",
    "http://[::ffff:7f00:1]/a.mp3", "http://10.0.0.1:8080/a.mp3", "https://169.254.169.254/latest/",
    "http://[fe80::1]/a.mp3", "http://0.0.0.0:80/", "http://localhost/a.mp3", "http://localhost./a.mp3",
])
async def test_hosts_that_lead_to_non_public_addresses_are_refused(url):
    with pytest.raises(UrlRefused, match="not on the public internet"):
        await UrlPolicy().resolve(URL(url))


async def test_a_public_name_is_pinned_to_the_addresses_checked(monkeypatch):
    loop = asyncio.get_running_loop()

    async def getaddrinfo(host, port, **_):
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("93.184.216.34", port)),
                (socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("2606:2800:220:1::1", port, 0, 0))]

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    results = await UrlPolicy().resolve(URL("https://cdn.example.com/a.mp3"))
    assert [(r["hostname"], r["host"], r["port"]) for r in results] == [
        ("cdn.example.com", "93.184.216.34", 443), ("cdn.example.com", "2606:2800:220:1::1", 443)]
    resolver = PinnedResolver()
    resolver.pin("cdn.example.com", results)
    assert [r["host"] for r in await resolver.resolve("cdn.example.com", 443)] == ["93.184.216.34",
                                                                                  "2606:2800:220:1::1"]
    with pytest.raises(OSError, match="not checked"):
        await resolver.resolve("other.example.com", 443)


@pytest.mark.parametrize("answers", [
    ["93.184.216.34", "10.0.0.1"],  # one bad address among good ones
    ["127.0.0.1"],
    ["::ffff:192.168.0.1"],
    ["fd00::5"],
])
async def test_a_name_resolving_to_any_non_public_address_is_refused(monkeypatch, answers):
    loop = asyncio.get_running_loop()

    async def getaddrinfo(host, port, **_):
        family = {False: socket.AF_INET, True: socket.AF_INET6}
        return [(family[":" in a], socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (a, port)) for a in answers]

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    with pytest.raises(UrlRefused):
        await UrlPolicy().resolve(URL("https://cdn.example.com/a.mp3"))


@pytest.mark.parametrize(("host", "internal"), [
    ("localhost", True), ("db", True), ("redis.internal", True), ("printer.local", True), ("10.1.2.3", True),
    ("[::1]", True), ("2130706433", True), ("api.svc", True), ("cdn.example.com", False), ("8.8.8.8", False),
    ("api.apilaplas.com", False),
])
def test_internal_hosts_by_name(host, internal):
    assert is_internal_host(host) is internal
