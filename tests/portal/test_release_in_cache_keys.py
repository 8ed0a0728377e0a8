"""A deploy never serves what older code kept: kept objects and pages are stored under
a digest of the code, its migrations and its pinned packages."""

import pytest

from portal.caching import changes, page_cache, release

pytestmark = pytest.mark.django_db


def test_objects_kept_by_another_release_are_not_read(monkeypatch):
    monkeypatch.setattr(changes, "release", lambda: "old")
    changes.cached("site", lambda: "pickled by the old code")

    monkeypatch.setattr(changes, "release", lambda: "new")
    assert changes.cached("site", lambda: "built by the new code") == (
        "built by the new code"
    )


def test_pages_kept_by_another_release_are_not_read(monkeypatch, rf):
    request = rf.get("/about/")
    monkeypatch.setattr(page_cache, "release", lambda: "old")
    old_key = page_cache.cache_key(request, 1)
    monkeypatch.setattr(page_cache, "release", lambda: "new")
    assert page_cache.cache_key(request, 1) != old_key


def test_the_release_changes_with_code_migrations_templates_and_packages(
    tmp_path, monkeypatch
):
    app = tmp_path / "app"
    (app / "migrations").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text("class Paper: pass\n")
    (app / "migrations" / "0001_initial.py").write_text("")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>")
    (tmp_path / "requirements.txt").write_text("wagtail==8.0.1\n")
    monkeypatch.setattr(release, "ROOT", tmp_path)

    def digest():
        return release.release.__wrapped__()

    seen = {digest()}
    for path, text in [
        (app / "models.py", "class Paper:\n    title = ''\n"),
        (app / "migrations" / "0002_title.py", ""),
        (tmp_path / "templates" / "page.html", "<p class=paper>"),
        (tmp_path / "requirements.txt", "wagtail==8.0.2\n"),
    ]:
        path.write_text(text)
        seen.add(digest())
    assert len(seen) == 5
    assert digest() == digest()


def test_list_fragments_kept_by_another_release_are_not_read(monkeypatch):
    from portal.templatetags import portal_tags

    monkeypatch.setattr(portal_tags, "release", lambda: "old")
    old = portal_tags.content_version()
    monkeypatch.setattr(portal_tags, "release", lambda: "new")
    assert portal_tags.content_version() != old
