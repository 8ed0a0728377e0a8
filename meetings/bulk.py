"""Bulk data for benchmarks: `manage.py generate_bulk_data --meetings N --documents M`.

Meetings and papers are made up and titled as examples. Rows go in with bulk inserts;
every document shares one of a few small PDFs written once, so M documents cost M rows,
not M files. Run `manage.py update_index` afterwards to make them searchable.
"""

import datetime
import hashlib
import sys
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from meetings import pdf
from meetings.models import AgendaItem, Committee, Meeting, MeetingDocument
from meetings.storage import private_storage
from portal.caching import changes

BATCH_SIZE = 2000
ITEMS_PER_MEETING = 3
KINDS = [
    MeetingDocument.Kind.AGENDA,
    MeetingDocument.Kind.PAPER,
    MeetingDocument.Kind.PAPER,
    MeetingDocument.Kind.MINUTES,
    MeetingDocument.Kind.PRESENTATION,
]


def progress(label, done, total, stream=None):
    stream = stream or sys.stderr
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r{label}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        stream.write("\n")
    stream.flush()


def _shared_files():
    """One small example PDF per kind of document, written once."""
    storage = private_storage()
    files = {}
    for kind in set(KINDS):
        data = pdf.example_pdf(
            f"EXAMPLE {kind.label.upper()} (benchmark data)",
            ["Generated for benchmarks: not a real Board paper."],
        )
        name = f"bulk/example-{kind.value}.pdf"
        if not storage.exists(name):
            storage.save(name, ContentFile(data))
        info = pdf.inspect(data)
        files[kind] = (name, len(data), hashlib.sha256(data).hexdigest(), info)
    return files


def _start(n, now):
    """Meeting ``n``'s start: one a day, alternately after and before now, so any
    number of meetings from a few hundred up fills every list the same way (the
    next five, the last twenty, a calendar's next fifty and past year's fifty)."""
    days = n // 2 + 1
    return now + datetime.timedelta(days=days if n % 2 else -days, hours=n % 5)


def generate(meetings=0, documents=0, log=print, show_progress=True):
    """Add ``meetings`` meetings and ``documents`` documents; return how many rows."""
    if meetings <= 0 and documents <= 0:
        return 0
    committees = list(Committee.objects.all())
    if not committees:
        committees = [
            Committee.objects.create(
                name="Example committee (benchmark)", slug="example-committee"
            )
        ]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    report = progress if show_progress else (lambda *args: None)
    created = 0
    with transaction.atomic():
        new_ids = []
        for batch_start in range(0, meetings, BATCH_SIZE):
            batch = []
            for n in range(batch_start, min(batch_start + BATCH_SIZE, meetings)):
                start = _start(n, now)
                batch.append(
                    Meeting(
                        committee=committees[n % len(committees)],
                        title=f"Example meeting {n + 1} (benchmark data)",
                        start=start,
                        end=start + datetime.timedelta(hours=2),
                        venue="Example venue",
                        status=(
                            Meeting.Status.HELD
                            if start < now
                            else Meeting.Status.SCHEDULED
                        ),
                        summary="Generated for benchmarks: not a real meeting.",
                        uid=uuid.uuid4(),
                        live=n % 20 != 0,
                    )
                )
            new_ids += [m.pk for m in Meeting.objects.bulk_create(batch)]
            report("Meetings", len(new_ids), meetings)
        if new_ids and new_ids[0] is None:
            new_ids = list(
                Meeting.objects.order_by("-pk").values_list("pk", flat=True)[:meetings]
            )[::-1]
        items = [
            AgendaItem(
                meeting_id=meeting_id,
                number=str(i + 1),
                title=f"Example item {i + 1}",
                sort_order=i,
            )
            for meeting_id in new_ids
            for i in range(ITEMS_PER_MEETING)
        ]
        AgendaItem.objects.bulk_create(items, batch_size=BATCH_SIZE)
        created += len(new_ids) + len(items)

        targets = new_ids or list(Meeting.objects.values_list("pk", flat=True))
        files = _shared_files()
        done = 0
        for batch_start in range(0, documents, BATCH_SIZE):
            batch = []
            for n in range(batch_start, min(batch_start + BATCH_SIZE, documents)):
                kind = KINDS[n % len(KINDS)]
                name, size, digest, info = files[kind]
                batch.append(
                    MeetingDocument(
                        meeting_id=targets[n % len(targets)],
                        kind=kind,
                        title=f"Example {kind.label.lower()} {n + 1} (benchmark data)",
                        file=name,
                        file_name=f"example-{kind.value}-{n + 1}.pdf",
                        content_type="application/pdf",
                        publication=(
                            MeetingDocument.Publication.PUBLISHED
                            if n % 10
                            else MeetingDocument.Publication.UNPUBLISHED
                        ),
                        published_at=now,
                        minutes_status=(
                            MeetingDocument.MinutesStatus.APPROVED
                            if kind == MeetingDocument.Kind.MINUTES
                            else ""
                        ),
                        file_size=size,
                        page_count=info.page_count,
                        sha256=digest,
                        text=info.text,
                    )
                )
            MeetingDocument.objects.bulk_create(batch)
            done += len(batch)
            report("Documents", done, documents)
        created += done
    # Bulk inserts send no signals: cached pages and feeds are forgotten here.
    changes.public_content_changed()
    log(
        f"Added {len(new_ids)} meetings and {done} documents. Run `manage.py "
        "update_index` to make them searchable."
    )
    return created
