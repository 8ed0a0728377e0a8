from pathlib import Path

from bench import databases


def test_the_benchmark_ignores_the_developers_settings(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///db.sqlite3")
    monkeypatch.setenv("DJANGO_DEBUG", "true")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("PAGE_CACHE_SECONDS", "0")
    store = databases.SqliteDatabases()
    files = databases.DATA / "small-abc"
    phase = databases.Phase("small", "abc", files, store.url(files, "x"), "k" * 64)

    env = phase.env()

    assert env["DATABASE_URL"] == f"sqlite:///{files / 'db.sqlite3'}"
    assert Path(env["DJANGO_MEDIA_ROOT"]).is_relative_to(databases.WORK)
    assert "DJANGO_DEBUG" not in env
    assert "REDIS_URL" not in env
    assert "PAGE_CACHE_SECONDS" not in env
    assert phase.env(PAGE_CACHE_SECONDS="0")["PAGE_CACHE_SECONDS"] == "0"


def test_postgresql_databases_are_made_beside_the_one_the_url_names():
    store = databases.databases_for("postgres://postgres@127.0.0.1:5432/portal")

    url = store.url(None, "portal_bench_small_0123456789ab")

    assert url == "postgres://postgres@127.0.0.1:5432/portal_bench_small_0123456789ab"


def test_the_cached_bulk_database_is_rebuilt_when_the_sizes_change():
    small = databases.content_key("bulk", "smallkey", databases.BulkSizes(1, 1, 1))
    large = databases.content_key("bulk", "smallkey", databases.BulkSizes(1, 1, 2))

    assert small != large
    assert small == databases.content_key(
        "bulk", "smallkey", databases.BulkSizes(1, 1, 1)
    )
