"""Health and metrics, fetched over HTTP from the real bot process (METRICS_PORT)."""

import asyncio
import re
import socket
import time

import aiohttp

from fakes.audio import make_mp3
from tests.e2e.harness import running_stack


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def get(port: int, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, await response.text()


async def wait_health(port: int, status: int, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        got, body = await get(port, "/healthz")
        if got == status:
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"/healthz stayed {got}: {body}")
        await asyncio.sleep(0.1)


def sample(text: str, name: str, **labels: str) -> float:
    """One sample's value from the Prometheus text format (0 when absent)."""
    wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
    pattern = rf"^{re.escape(name)}{re.escape('{' + wanted + '}') if labels else ''} (\S+)$"
    match = re.search(pattern, text, flags=re.M)
    return float(match[1]) if match else 0.0


async def test_health_follows_the_gateway_and_metrics_move_when_a_song_is_made(tmp_path):
    port = free_port()
    async with running_stack(tmp_path, METRICS_PORT=str(port)) as stack:
        body = await wait_health(port, 200, timeout=10)
        assert '"problems": []' in body

        _, before = await get(port, "/metrics")
        assert sample(before, "songjam_submits_total", outcome="accepted") == 0
        await stack.create_song(stack.alice, "la la la", stack.attach("ref.mp3", make_mp3(20.0)))
        await stack.wait_song(1)
        await stack.wait_row(1, lambda row: row["state"] == "delivered")
        status, text = await get(port, "/metrics")
        assert status == 200
        assert sample(text, "songjam_submits_total", outcome="accepted") == 1
        assert sample(text, "songjam_jobs", state="delivered") == 1
        assert sample(text, "songjam_music_api_seconds_count", operation="submit") == 1
        assert sample(text, "songjam_music_api_seconds_count", operation="poll") >= 1
        assert sample(text, "songjam_music_api_seconds_count", operation="download") == 1
        assert sample(text, "songjam_delivery_lag_seconds_count") == 1
        assert sample(text, "songjam_discord_requests_total", status="200") > sample(
            before, "songjam_discord_requests_total", status="200")
        assert sample(text, "songjam_discord_paced_requests_total", priority="song") >= 1
        assert sample(text, "songjam_loop_running", loop="engine-dispatch") == 1
        assert sample(text, "songjam_loop_restarts_total", loop="engine-dispatch") == 0

        # The gateway goes down and stays down (the fake refuses new connections): 503, with the reason.
        stack.discord.gateway.closing = True
        await stack.discord.drop_gateway()
        body = await wait_health(port, 503, timeout=10)
        assert "gateway: not connected" in body
        stack.discord.gateway.closing = False
        await wait_health(port, 200, timeout=60)
        await stack.discord.wait_until_connected(timeout=5)


async def test_the_health_server_listens_on_the_loopback_only_by_default(tmp_path):
    port = free_port()
    async with running_stack(tmp_path, METRICS_PORT=str(port)) as stack:
        await wait_health(port, 200, timeout=10)
        assert f"health and metrics on http://127.0.0.1:{port}/healthz" in stack.bot.logs()
