from django.core.management import call_command
from django.utils import timezone

from meetings.models import Committee, Meeting, MeetingDocument, MeetingIndexPage


def test_seed_adds_the_board_two_sub_boards_and_example_meetings(client, seeded_site):
    assert Committee.objects.count() == 3
    meetings = Meeting.objects.public()
    assert all(m.title.startswith("Example") for m in meetings)
    assert meetings.filter(status=Meeting.Status.CANCELLED).count() == 1
    assert meetings.filter(start__gt=timezone.now()).exists()
    assert meetings.filter(agenda_items__confidential=True).exists()
    assert MeetingDocument.objects.public().filter(minutes_status="draft").exists()
    assert MeetingDocument.objects.filter(minutes_status="approved").exists()
    span = (
        meetings.order_by("start").first().start,
        meetings.order_by("start").last().start,
    )
    assert (span[1] - span[0]).days > 600
    assert all(d.text.startswith("EXAMPLE") for d in MeetingDocument.objects.all()[:5])

    index = MeetingIndexPage.objects.get()
    assert index.show_in_menus and index.url == "/meetings/"
    html = client.get("/meetings/").content.decode()
    assert "examples" in html
    assert "Upcoming meetings" in html


def test_seed_is_idempotent_and_keeps_editors_changes(seeded_site):
    board = Committee.objects.get(slug="board")
    board.name = "The Board (renamed by an editor)"
    board.save()
    counts = Meeting.objects.count(), MeetingDocument.objects.count()

    call_command("seed_portal", verbosity=0)

    assert (Meeting.objects.count(), MeetingDocument.objects.count()) == counts
    assert (
        Committee.objects.get(slug="board").name == "The Board (renamed by an editor)"
    )
    assert MeetingIndexPage.objects.count() == 1
