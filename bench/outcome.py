"""What happened to the jobs of a run, from the fakes' timestamps and the bot's database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.stack import Stack
from fakes.discord.interactions import FakeInteraction


@dataclass(frozen=True)
class Deliveries:
    jobs: int
    delivered: int
    lag_s: list[float]  # the API reports completed -> the song message is stored
    detect_s: list[float]  # completed -> the poll that saw it
    handle_s: list[float]  # that poll -> the song message (download, upload, Discord)
    polls: int
    polled_span_s: float  # summed over jobs: submit -> the poll that saw it completed

    @property
    def polls_per_job(self) -> float:
        return self.polls / max(1, self.jobs)

    def seconds_between_polls(self, scale: float) -> float:
        """Average gap between two polls of one job, in real (unscaled) seconds."""
        return self.polled_span_s * scale / max(1, self.polls)

    def projected_lag_s(self, scale: float) -> list[float]:
        """The lag at real speed: detection scales with the poll schedule, handling does not."""
        return [d * scale + h for d, h in zip(self.detect_s, self.handle_s, strict=True)]


async def deliveries(stack: Stack, job_ids: set[int] | None = None) -> Deliveries:
    rows = [row for row in await stack.db.read_jobs() if job_ids is None or row["id"] in job_ids]
    lag, detect, handle = [], [], []
    polls, span = 0, 0.0
    for row in rows:
        task = stack.api.tasks.get(row["generation_id"] or "")
        if task is None:
            continue
        polls += stack.api.counters.polls[task.id]
        seen = stack.recorder.seen_completed_at.get(task.id)
        song = stack.recorder.song_at.get(row["id"])
        if seen is not None:
            span += seen - task.created_at
        if song is None or seen is None or task.completed_at is None:
            continue
        lag.append(song - task.completed_at)
        detect.append(seen - task.completed_at)
        handle.append(song - seen)
    return Deliveries(jobs=len(rows), delivered=sum(row["state"] == "delivered" for row in rows), lag_s=lag,
                      detect_s=detect, handle_s=handle, polls=polls, polled_span_s=span)


def ack_latencies(interactions: Sequence[FakeInteraction]) -> tuple[list[float], int]:
    """Seconds from INTERACTION_CREATE sent to the callback received; and how many got none."""
    answered = [ix.response.latency for ix in interactions if ix.response is not None]
    return answered, len(interactions) - len(answered)
