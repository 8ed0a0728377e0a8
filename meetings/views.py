"""The public meetings pages: plain views, each given the meetings page whose route it
serves (see ``MeetingIndexPage``)."""

import io
from collections import defaultdict

from django.apps import apps
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_GET

from meetings import (
    board_exports,
    board_queries,
    decision_queries,
    feeds,
    oparl,
    pack,
    queries,
)
from meetings.filters import UPCOMING, MeetingFilterForm
from meetings.models.documents import MeetingDocument
from meetings.models.people import BOARD_PAGE
from meetings.storage import private_storage
from portal import query
from portal.caching import changes
from portal.caching.routing import route_url

PER_PAGE = 20
# The index opens with the next few meetings; ?when=upcoming pages through them all.
UPCOMING_FIRST = 5


def meeting_list(request, page):
    return _listing(request, page, "meetings/meeting_index.html")


def committee_detail(request, page, slug):
    return _listing(request, page, "meetings/committee_detail.html", slug)


def _listing(request, page, template, committee_slug=None):
    """The next few meetings, then past ones by year, filtered and paginated; with
    ``?when=upcoming``, every upcoming meeting, paginated.

    With ``committee_slug`` the listing is that committee's page (404 if unknown);
    otherwise ``?committee=`` filters it. The meetings are read by the template, only
    when it has not kept the list under the content version.
    """
    committees = queries.committees()
    by_slug = {committee.slug: committee for committee in committees}
    if committee_slug is not None and committee_slug not in by_slug:
        raise Http404("No such committee")
    form = MeetingFilterForm(request.GET, None if committee_slug else committees)
    committee = by_slug.get(committee_slug or form.chosen("committee"))
    meetings = queries.meetings(committee)
    form.offer_years(queries.years(meetings, committee))
    year = form.chosen("year")
    if year:
        meetings = meetings.filter(start__year=year)
    when = form.chosen("when") or ""
    now = timezone.now()
    # Meetings become past at their end time, which raises the content version too.
    scope = f"{committee.pk if committee else 'all'}:{year or 'all'}"
    upcoming = queries.listed(meetings.upcoming(now))
    upcoming_key = f"meetings:upcoming-count:{scope}"
    upcoming_count = 0
    if when == UPCOMING:
        page_obj = query.paginate(request, upcoming, PER_PAGE, upcoming_key)
    else:
        past = queries.listed(meetings.past(now))
        page_obj = query.paginate(
            request, past, PER_PAGE, f"meetings:past-count:{scope}"
        )
        if query.page_number(request) == 1:
            upcoming_count = changes.cached(upcoming_key, upcoming.count)
    return page.render(
        request,
        template=template,
        context_overrides={
            "committees": committees,
            "committee": committee,
            "form": form,
            "year": year,
            "when": when,
            "scope": scope,
            "upcoming": upcoming[:UPCOMING_FIRST],
            "upcoming_count": upcoming_count,
            "more_upcoming": upcoming_count > UPCOMING_FIRST,
            "page_obj": page_obj,
            "open_data": _open_data(oparl.FILES),
        },
    )


def _open_data(names):
    """The Board's open data files ``names``, as its page serves them (none without
    it), for ``meetings/board/includes/open_data_files.html``."""
    board = apps.get_model(BOARD_PAGE).public_url()
    if not board:
        return []
    return [
        {
            "title": title,
            "json": route_url(BOARD_PAGE, "open_data", name, "json", base=board),
            "csv": route_url(BOARD_PAGE, "open_data", name, "csv", base=board),
        }
        for name, title in oparl.TITLES.items()
        if name in names
    ]


def meeting_detail(request, page, slug, pk):
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    if meeting.committee.slug != slug:
        return redirect(meeting.get_url(page.url), permanent=True)
    url = meeting.get_url(page.url)
    listed = changes.cached(
        f"meetings:meeting-page:{meeting.pk}", lambda: meeting_page_lists(meeting)
    )
    return page.render(
        request,
        template="meetings/meeting_detail.html",
        context_overrides={
            "meeting": meeting,
            "json_ld": meeting.json_ld(request.build_absolute_uri(url)),
            **listed,
        },
    )


def meeting_page_lists(meeting):
    """What a meeting's page lists: its agenda with each item's papers, decisions
    and declarations, its other papers, minutes and attendance. Kept until public
    content changes (or the clock archives the papers): seven queries a render."""
    agenda_items = queries.agenda_items(meeting)
    documents = list(queries.documents(meeting))
    by_item = defaultdict(list)
    general = []
    for document in documents:
        if document.agenda_item_id:
            by_item[document.agenda_item_id].append(document)
        else:
            general.append(document)
    for item in agenda_items:
        item.public_documents = by_item.get(item.pk, [])
    decision_queries.on_agenda(meeting, agenda_items)
    papers_archived = queries.papers_archived(meeting)
    minutes = queries.minutes(meeting)
    if minutes is not None:
        pack.attach_minutes(agenda_items, minutes.listed_items)
    return {
        "agenda_items": agenda_items,
        "documents": general,
        "has_pack": not papers_archived and pack.has_pack(agenda_items, documents),
        "papers_archived": papers_archived,
        "minutes": minutes,
        **board_queries.meeting_record(meeting, agenda_items),
    }


def documents_feed(request, page, slug=None):
    return feeds.DocumentsFeed()(request, page=page, slug=slug)


def _serve(file, content_type, filename, inline):
    response = FileResponse(
        file, content_type=content_type, as_attachment=not inline, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"
    return response


def download(request, page, pk):
    document = get_object_or_404(MeetingDocument.objects.public(), pk=pk)
    try:
        file = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The file is missing.") from error
    return _serve(
        file, document.content_type, document.file_name, document.extension == "pdf"
    )


@require_GET
def calendar(request, page, slug=None, pk=None):
    return feeds.calendar_response(request, page, slug=slug, pk=pk)


@require_GET
def agenda_pack(request, page, slug, pk):
    """The meeting's agenda pack (see ``meetings.pack``), as one PDF."""
    meeting = get_object_or_404(queries.meetings(), pk=pk, committee__slug=slug)
    name = pack.cached_pack(request, meeting)
    if name is None:
        raise Http404("This meeting has no agenda or public papers yet.")
    filename = f"agenda-pack-{meeting.committee.slug}-{meeting.start:%Y-%m-%d}.pdf"
    return _serve(private_storage().open(name, "rb"), "application/pdf", filename, True)


@require_GET
def minutes_pdf(request, page, slug, pk):
    """The meeting's published web minutes as a PDF (see ``meetings.pack``)."""
    meeting = get_object_or_404(queries.meetings(), pk=pk, committee__slug=slug)
    minutes = queries.minutes(meeting)
    if minutes is None:
        raise Http404("This meeting has no published minutes.")
    agenda_items = queries.agenda_items(meeting)
    record = board_queries.meeting_record(meeting, agenda_items)
    data = pack.minutes_pdf(meeting, minutes, agenda_items, record["attendance"])
    filename = f"minutes-{meeting.committee.slug}-{meeting.start:%Y-%m-%d}.pdf"
    return _serve(io.BytesIO(data), "application/pdf", filename, True)


def board_members(request, page):
    today = timezone.localdate()
    return page.render(
        request,
        template="meetings/board/board_index.html",
        context_overrides={
            "members": board_queries.current_members(today),
            "past": False,
            "open_data": _open_data(oparl.ALL_FILES),
        },
    )


def past_members(request, page):
    today = timezone.localdate()
    return page.render(
        request,
        template="meetings/board/board_index.html",
        context_overrides={
            "members": board_queries.past_members(today),
            "past": True,
            "open_data": _open_data(oparl.ALL_FILES),
        },
    )


def member_detail(request, page, slug):
    person = get_object_or_404(board_queries.people(), slug=slug)
    today = timezone.localdate()
    settings = board_queries.board_settings(request)
    register_public = person.register_is_public(today, settings.register_kept_days)
    interests = board_queries.register(person) if register_public else []
    return page.render(
        request,
        template="meetings/board/member_detail.html",
        context_overrides={
            "person": person,
            "is_current": person.is_current(today),
            "memberships": board_queries.memberships(person),
            "attendance_years": board_queries.attendance_by_year(person),
            "declarations": board_queries.declarations_by(person),
            "register_public": register_public,
            "interests": interests,
            "register_updated_on": max(
                (entry.registered_on for entry in interests), default=None
            ),
            "board_settings": settings,
        },
    )


@require_GET
def board_open_data(request, page, name, format):
    settings = board_queries.board_settings(request)
    return board_exports.response(
        request,
        page,
        name,
        format,
        timezone.localdate(),
        settings.register_kept_days,
        files=oparl.ALL_FILES,
    )
