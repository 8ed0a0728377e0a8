"""Following meetings: an RSS feed of newly public documents and iCalendar feeds."""

import datetime
import functools
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from meetings import decision_queries
from meetings.models.decisions import ForwardPlanEntry
from meetings.models.documents import MeetingDocument
from meetings.models.meetings import Committee, Meeting
from portal.caching import changes

FEED_LENGTH = 50
# Calendar apps poll these feeds and show what is coming. A year of past meetings is
# plenty to look back on (older ones stay on the site), and the counts keep every poll
# the same size however busy the schedule: a partnership meets about 50 times a year.
CALENDAR_PAST_DAYS = 365
CALENDAR_PAST_MEETINGS = 50
CALENDAR_UPCOMING_MEETINGS = 50
CALENDAR_DESCRIPTION = (
    f"The next {CALENDAR_UPCOMING_MEETINGS} meetings and up to "
    f"{CALENDAR_PAST_MEETINGS} from the last 12 months."
)
LONDON = ZoneInfo("Europe/London")


class DocumentsFeed(Feed):
    """Documents as they become public, for everyone or one committee."""

    def get_object(self, request, page, slug=None):
        committee = get_object_or_404(Committee, slug=slug) if slug else None
        # A new feed object serves each request (see views.documents_feed), so
        # keeping the request's URL builder here is safe. Enclosures need absolute
        # URLs.
        self._absolute_url = request.build_absolute_uri
        return {"page": page, "index_url": page.url, "committee": committee}

    def title(self, obj):
        if obj["committee"]:
            return f"{obj['committee'].name}: new meeting documents"
        return "Board meetings: new documents"

    def link(self, obj):
        if obj["committee"]:
            page = obj["page"]
            return obj["index_url"] + page.reverse_subpage(
                "committee", args=[obj["committee"].slug]
            )
        return obj["index_url"]

    def description(self, obj):
        return "Agendas, papers and minutes as they are published."

    def items(self, obj):
        documents = MeetingDocument.objects.public().select_related(
            "meeting__committee", "agenda_item"
        )
        if obj["committee"]:
            documents = documents.filter(meeting__committee=obj["committee"])
        self._index_url = obj["index_url"]
        return documents.newest_public_first()[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.title} ({item.label})"

    def item_description(self, item):
        return f"{item.label} for {item.meeting.display_title}."

    def item_link(self, item):
        return item.meeting.get_url(self._index_url)

    def item_guid(self, item):
        return f"meeting-document-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.public_since

    def item_enclosure_url(self, item):
        return self._absolute_url(item.get_url(self._index_url))

    def item_enclosure_length(self, item):
        return item.file_size

    def item_enclosure_mime_type(self, item):
        return item.content_type


ICAL_STATUS = {
    Meeting.Status.CANCELLED: "CANCELLED",
    Meeting.Status.POSTPONED: "TENTATIVE",
}


@functools.cache
def _london_timezone():
    return Timezone.from_tzid("Europe/London")


def calendar_response(request, page, slug=None, pk=None):
    """An RFC 5545 calendar of public meetings: all, one committee's, or one meeting.

    Calendar apps poll these and get the same bytes until a meeting changes, so each
    is built once per content version (and per day: its 12-month window moves).
    """
    key = ":".join(
        map(str, (request.build_absolute_uri("/"), slug, pk, timezone.localdate()))
    )
    body = changes.cached(
        f"meetings:calendar:{key}", lambda: _calendar(request, page, slug, pk)
    )
    filename = "meeting.ics" if pk is not None else "meetings.ics"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _around_now(meetings):
    now = timezone.now()
    since = now - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    past = meetings.filter(start__gte=since, start__lt=now).order_by("-start")
    upcoming = meetings.filter(start__gte=now)
    return [
        *reversed(past[:CALENDAR_PAST_MEETINGS]),
        *upcoming[:CALENDAR_UPCOMING_MEETINGS],
    ]


def _calendar(request, page, slug, pk):
    meetings = Meeting.objects.public().select_related("committee").order_by("start")
    name = "Board meetings"
    if slug:
        committee = get_object_or_404(Committee, slug=slug)
        meetings = meetings.filter(committee=committee)
        name = f"{committee.name} meetings"
    if pk is not None:
        meetings = meetings.filter(pk=pk)
        if not meetings:
            raise Http404("No such meeting.")
    else:
        meetings = _around_now(meetings)
    index_url = page.url
    # The site's configured host name, never the request's: a site reached under two
    # names must give each meeting one UID, or calendar apps show it twice.
    host = page.get_site().hostname
    calendar = Calendar()
    calendar.add("prodid", "-//North East LEP//Board meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    if pk is None:
        calendar.add("x-wr-caldesc", CALENDAR_DESCRIPTION)
    # Every time is in London's zone: adding it once skips icalendar's walk of every
    # event looking for the zones in use.
    calendar.add_component(_london_timezone())
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.uid}@{host}")
        event.add("dtstamp", meeting.updated_at)
        event.add("dtstart", meeting.start.astimezone(LONDON))
        event.add("dtend", meeting.end.astimezone(LONDON))
        event.add("summary", meeting.display_title)
        event.add("sequence", meeting.sequence)
        event.add("status", ICAL_STATUS.get(meeting.status, "CONFIRMED"))
        if meeting.venue:
            event.add("location", meeting.venue)
        if meeting.summary:
            event.add("description", meeting.summary)
        event.add("url", request.build_absolute_uri(meeting.get_url(index_url)))
        calendar.add_component(event)
    return calendar.to_ical()


class DecisionsFeed(Feed):
    """Decisions as they are published: a confidential item's shows only its public
    outcome."""

    description = "Decisions of the Board and its committees, newest first."
    title = "Board decisions"

    def get_object(self, request, page):
        self._index_url = page.url
        return page

    def link(self, page):
        return self._index_url + page.reverse_subpage("decisions")

    def items(self, page):
        return decision_queries.decisions().order_by("-decided_on", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item):
        return item.public_text()

    def item_link(self, item):
        return item.get_url(self._index_url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_guid(self, item):
        return f"decision-{item.pk}"

    item_guid_is_permalink = False


class ForwardPlanFeed(Feed):
    """Decisions to come, as they are added to the forward plan."""

    description = "Decisions the Board and its committees expect to take."
    title = "The Board's forward plan"

    def get_object(self, request, page):
        self._plan_url = page.url + page.reverse_subpage("forward_plan")
        return page

    def link(self, page):
        return self._plan_url

    def items(self, page):
        return (
            ForwardPlanEntry.objects.public()
            .select_related("committee")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{item.title} ({item.committee.name})"

    def item_description(self, item):
        parts = [item.summary, item.exemption]
        return " ".join(part for part in parts if part)

    def item_link(self, item):
        return f"{self._plan_url}#forward-plan-{item.pk}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_guid(self, item):
        return f"forward-plan-{item.pk}"

    item_guid_is_permalink = False
