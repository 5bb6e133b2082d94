import pytest

from tests.support.databases import drop_databases


@pytest.fixture(autouse=True)
def _fresh_postgres_databases():
    """With SONGJAM_TEST_POSTGRES set, each test's PostgreSQL databases are dropped when it ends."""
    yield
    drop_databases()
