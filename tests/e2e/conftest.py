import sys

import pytest

from tests.e2e.harness import REPORT, running_stack


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


@pytest.fixture
async def stack(request, tmp_path):
    async with running_stack(tmp_path) as stack:
        yield stack
        if getattr(request.node, "e2e_failed", False):
            sys.stderr.write(f"\n----- bot log -----\n{stack.bot.logs()[-10000:]}\n")


def pytest_terminal_summary(terminalreporter):
    for line in REPORT:
        terminalreporter.write_line(line)
