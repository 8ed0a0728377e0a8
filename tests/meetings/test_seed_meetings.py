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


def test_seed_adds_example_decisions_and_a_forward_plan(client, seeded_site):
    from meetings.models import Decision, ForwardPlanEntry

    decisions = Decision.objects.public()
    assert decisions.count() >= 2
    assert all(d.title.startswith("Example decision: ") for d in decisions)
    assert not Decision.objects.filter(project_links__isnull=False).exists()
    assert all(
        e.title.startswith("Example plan entry") for e in ForwardPlanEntry.objects.all()
    )
    register = client.get("/board/decisions/").content.decode()
    assert "Example decision: programme update noted" in register
    private = decisions.get(agenda_item__confidential=True)
    page = client.get(private.url).content.decode()
    assert "Example outcome" in page and "kept private" not in page
    plan = client.get("/board/forward-plan/").content.decode()
    assert "Exempt under paragraph 3 of Schedule 12A" in plan


def test_seeded_meeting_titles_carry_one_example_label(seeded_site):
    titles = list(Meeting.objects.values_list("title", flat=True))
    assert titles and all(title.startswith("Example") for title in titles)
    assert not [title for title in titles if title.count("Example") > 1]
    assert any(title.startswith("Example: Board meeting, ") for title in titles)
    assert any(
        title.startswith("Example strategy sub-board meeting, ") for title in titles
    )


def test_seeded_example_papers_are_checked_and_named_on_the_statement(
    client, seeded_site
):
    from meetings.models import PaperCheck

    public = MeetingDocument.objects.public()
    assert not public.filter(accessibility__isnull=True).exists()
    assert PaperCheck.objects.filter(passed=False).count() == (
        MeetingDocument.objects.count()
    )
    html = client.get("/accessibility/").content.decode()
    assert f"{public.count()} published papers fail one or more checks" in html
    assert "not been checked yet" not in html
