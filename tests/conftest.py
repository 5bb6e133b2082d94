import pytest

from tests.support.databases import drop_databases, on_postgres, open_test_storage


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run each backend's own tests in that backend's pass: the SQLite pass leaves out the
    PostgreSQL-only tests (the PostgreSQL pass, with SONGJAM_TEST_POSTGRES, runs them) and the other
    way round. Left out, not skipped: a PostgreSQL test that cannot reach its server fails."""
    other = "sqlite_only" if on_postgres() else "postgres_only"
    kept = [item for item in items if item.get_closest_marker(other) is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker(other)])
        items[:] = kept


@pytest.fixture(autouse=True)
def _fresh_postgres_databases():
    """With SONGJAM_TEST_POSTGRES set, each test's PostgreSQL databases are dropped when it ends."""
    yield
    drop_databases()


@pytest.fixture
async def storage(tmp_path):
    """The job storage over this test's database (SQLite, or PostgreSQL in the PostgreSQL pass)."""
    store = await open_test_storage(tmp_path / "songjam.db")
    yield store
    await store.close()
