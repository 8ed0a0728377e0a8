"""Run inside Django (``python -m bench.probe``) against the database being measured.

It resolves the pages' paths, checks each answers 200, and counts the SQL queries of
one uncached render after a first one has warmed the caches a worker keeps (menus,
site settings, lists kept under the content version): the steady state of a server
with its page cache off. It also counts the rows each page shows (``Page.rows``). Run
it with ``PAGE_CACHE_SECONDS=0``. It prints one JSON object on stdout.
"""

import json
import os
import sys

import django

from bench.pages import FIXED_PAGES, MEETING, STATIC


def resolve_pages():
    from django.contrib.staticfiles.storage import staticfiles_storage

    from meetings.models import Meeting

    # The lowest public id is a seeded meeting, so both phases measure the same one.
    meeting = Meeting.objects.public().order_by("pk").first()
    if meeting is None or not meeting.url:
        raise SystemExit("No public meeting to measure: did seed_portal run?")
    pages = [
        {
            "name": page.name,
            "path": meeting.url if page.name == MEETING else page.path,
            "row_marker": page.rows,
        }
        for page in FIXED_PAGES
    ]
    pages.append({"name": STATIC, "path": staticfiles_storage.url("css/portal.css")})
    return pages


def count_queries_and_rows(client, path, row_marker):
    """The SQL queries of a warm render, and how often ``row_marker`` occurs in it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for attempt in ("warm-up", "counted"):
        with CaptureQueriesContext(connection) as context:
            response = client.get(path, secure=True)
            # Streamed files (exports) query while they stream.
            if response.streaming:
                body = b"".join(response.streaming_content)
            else:
                body = response.content
        if response.status_code != 200:
            raise SystemExit(
                f"{path} answered {response.status_code} on its {attempt} render, "
                "expected 200."
            )
    rows = body.decode().count(row_marker) if row_marker else 0
    return len(context.captured_queries), rows


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    django.setup()
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1")
    pages = resolve_pages()
    for page in pages:
        marker = page.pop("row_marker", "")
        if page["name"] != STATIC:
            page["queries"], page["rows"] = count_queries_and_rows(
                client, page["path"], marker
            )
    json.dump({"pages": pages}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
