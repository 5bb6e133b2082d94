from bot.songs.schedule import estimate_generation_s, fault_backoff, next_poll_delay


def test_the_estimate_is_the_median_of_recent_generations():
    assert estimate_generation_s([]) == 30.0
    assert estimate_generation_s([10, 20]) == 30.0
    assert estimate_generation_s([10, 20, 90]) == 20


def test_polling_is_sparse_then_dense_near_the_expected_finish_then_backs_off():
    assert next_poll_delay(0, 30, 1.0) == 21.0
    assert next_poll_delay(22, 30, 1.0) == 1.0
    assert next_poll_delay(35, 30, 1.0) == 1.0
    assert 1.0 < next_poll_delay(60, 30, 1.0) <= 5.0
    assert next_poll_delay(600, 30, 1.0) == 5.0


def polls_until(duration: float, estimate: float = 30.0) -> tuple[int, float]:
    t, polls = 0.0, 0
    while t < duration:
        t += next_poll_delay(t, estimate, 1.0)
        polls += 1
    return polls, t


def test_jobs_of_the_usual_20_to_40_seconds_cost_under_one_poll_per_two_seconds_on_average():
    results = [polls_until(duration) for duration in range(20, 41)]
    assert sum(p for p, _ in results) / sum(t for _, t in results) <= 0.5
    assert all(p / t <= 0.55 for p, t in results)
    assert all(t - duration <= 1.0 for (_, t), duration in zip(results, range(20, 41), strict=True))
    slow_polls, slow_t = polls_until(120)
    assert slow_polls / slow_t <= 0.4


def test_fault_backoff_grows_and_honours_retry_after():
    assert 0.8 <= fault_backoff(1, 1.0) <= 1.2
    assert 3.2 <= fault_backoff(3, 1.0) <= 4.8
    assert fault_backoff(50, 1.0) <= 120 * 1.2
    assert fault_backoff(1, 1.0, retry_after=7.0) >= 7.0
