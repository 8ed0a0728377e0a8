import hashlib
from collections import defaultdict

from django.core.files.base import ContentFile
from django.core.paginator import EmptyPage, Paginator
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from meetings import feeds, pdf
from meetings.models import Committee, Meeting, MeetingDocument, MeetingIndexPage
from meetings.storage import private_storage
from portal import query
from portal.caching import changes

PER_PAGE = 20
# The index opens with the next few meetings; ?when=upcoming pages through them all.
UPCOMING_FIRST = 5
UPCOMING = "upcoming"
PACK_KINDS = [
    MeetingDocument.Kind.AGENDA,
    MeetingDocument.Kind.PAPER,
    MeetingDocument.Kind.PRESENTATION,
    MeetingDocument.Kind.SUPPLEMENTARY,
]


def _year_filter(request, errors):
    year, error = query.year(request.GET.get("year"))
    if error:
        errors.append(error)
    return year


def _listing(request, index, committee_slug=None):
    """The next few meetings, then past ones by year, filtered and paginated; with
    ``?when=upcoming``, every upcoming meeting, paginated.

    With ``committee_slug`` the listing is that committee's page (404 if unknown);
    otherwise ``?committee=`` filters it.
    """
    errors = []
    committees = list(Committee.objects.all())
    meetings = Meeting.objects.public()
    committee = None
    slug = committee_slug or request.GET.get("committee", "").strip()
    if slug:
        committee = next((c for c in committees if c.slug == slug), None)
        if committee is None and committee_slug:
            raise Http404("No such committee")
        if committee is None:
            errors.append(
                "There is no committee with that name: showing every committee."
            )
    if committee:
        meetings = meetings.filter(committee=committee)
    committee_key = committee.pk if committee else "all"
    years = changes.cached(
        f"meetings:years:{committee_key}",
        lambda: [day.year for day in meetings.datetimes("start", "year", order="DESC")],
    )
    year = _year_filter(request, errors)
    if year:
        meetings = meetings.filter(start__year=year)
    when = request.GET.get("when", "").strip()
    if when not in ("", UPCOMING):
        errors.append("That is not a list of meetings: showing every meeting.")
        when = ""
    now = timezone.now()
    number = query.page_number(request)
    scope = f"{committee_key}:{year or 'all'}"
    if when == UPCOMING:
        upcoming, more_upcoming = [], False
        listed, count_key = meetings.upcoming(now), f"meetings:upcoming-count:{scope}"
    else:
        upcoming = (
            meetings.upcoming(now)[: UPCOMING_FIRST + 1].summaries()
            if number == 1
            else []
        )
        more_upcoming = len(upcoming) > UPCOMING_FIRST
        upcoming = upcoming[:UPCOMING_FIRST]
        listed, count_key = meetings.past(now), f"meetings:past-count:{scope}"
    paginator = Paginator(listed, PER_PAGE)
    # Meetings become past at their end time, which raises the content version too.
    paginator.count = changes.cached(count_key, listed.count)
    try:
        listing = paginator.page(number)
    except EmptyPage:
        listing = paginator.page(paginator.num_pages)
    listing.object_list = listing.object_list.summaries()
    return {
        "page": index,
        "index_url": index.url,
        "committees": committees,
        "committee": committee,
        "years": years,
        "year": year,
        "when": when,
        "upcoming": upcoming,
        "more_upcoming": more_upcoming,
        "page_obj": listing,
        "errors": errors,
    }


def meeting_list(request, index):
    context = _listing(request, index)
    return TemplateResponse(request, "meetings/meeting_index.html", context)


def committee_detail(request, index, slug):
    context = _listing(request, index, committee_slug=slug)
    return TemplateResponse(request, "meetings/committee_detail.html", context)


def public_documents(meeting):
    return (
        MeetingDocument.objects.public()
        .filter(meeting=meeting)
        .select_related("agenda_item", "approved_at__committee")
        .order_by(
            F("agenda_item__sort_order").asc(nulls_first=True), "kind", "title", "pk"
        )
    )


def meeting_detail(request, index, slug, pk):
    meeting = get_object_or_404(
        Meeting.objects.public().select_related("committee"), pk=pk
    )
    if meeting.committee.slug != slug:
        return redirect(meeting.get_url(index.url), permanent=True)
    agenda_items = list(meeting.agenda_items.all())
    documents = list(public_documents(meeting))
    by_item = defaultdict(list)
    general = []
    for document in documents:
        if document.agenda_item_id:
            by_item[document.agenda_item_id].append(document)
        else:
            general.append(document)
    for item in agenda_items:
        item.public_documents = by_item.get(item.pk, [])
    index_url = index.url
    url = meeting.get_url(index_url)
    return TemplateResponse(
        request,
        "meetings/meeting_detail.html",
        {
            "page": index,
            "index_url": index_url,
            "meeting": meeting,
            "meeting_url": url,
            "agenda_items": agenda_items,
            "documents": general,
            "has_pack": any(
                d.extension == "pdf" and d.kind in PACK_KINDS for d in documents
            ),
            "json_ld": meeting.json_ld(request.build_absolute_uri(url)),
        },
    )


def _serve(file, content_type, filename, inline):
    response = FileResponse(
        file, content_type=content_type, as_attachment=not inline, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"
    return response


def download(request, pk):
    document = get_object_or_404(MeetingDocument.objects.public(), pk=pk)
    try:
        file = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The file is missing.") from error
    return _serve(
        file, document.content_type, document.file_name, document.extension == "pdf"
    )


@require_GET
def calendar(request, slug=None, pk=None):
    index = MeetingIndexPage.objects.live().public().order_by("path").first()
    if index is None:
        raise Http404("There is no meetings page.")
    return feeds.calendar_response(request, index, slug=slug, pk=pk)


@require_GET
def agenda_pack(request, slug, pk):
    """The agenda and every public PDF paper of a meeting, in agenda order, as one PDF.

    Built on first request and kept under a name made from the public documents, so
    any change to them (a new paper, a replaced file, a withdrawal) builds a new pack.
    """
    meeting = get_object_or_404(
        Meeting.objects.public().select_related("committee"),
        pk=pk,
        committee__slug=slug,
    )
    documents = [
        d
        for d in public_documents(meeting).filter(kind__in=PACK_KINDS)
        if d.extension == "pdf"
    ]
    documents.sort(key=lambda d: d.kind != MeetingDocument.Kind.AGENDA)
    if not documents:
        raise Http404("This meeting has no public papers yet.")
    key = hashlib.sha256(
        "|".join(f"{d.pk}:{d.sha256}" for d in documents).encode()
    ).hexdigest()[:32]
    name = f"packs/{meeting.pk}/{key}.pdf"
    storage = private_storage()
    if not storage.exists(name):
        parts = []
        for document in documents:
            title = document.title
            if document.agenda_item:
                title = f"Item {document.agenda_item.number}: {title}"
            parts.append((title, document.file.open("rb")))
        try:
            data, _skipped = pdf.build_pack(parts)
        finally:
            for _title, file in parts:
                file.close()
        storage.save(name, ContentFile(data))
    filename = f"agenda-pack-{meeting.committee.slug}-{meeting.start:%Y-%m-%d}.pdf"
    return _serve(storage.open(name, "rb"), "application/pdf", filename, True)
