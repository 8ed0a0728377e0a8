"""/meetings/: the page that owns every public meetings address. Each route calls a
view in ``meetings.views``."""

from wagtail.contrib.routable_page.models import path, re_path

from meetings import (
    decision_exports,
    decision_views,
    format_request_views,
    oparl,
    views,
)
from portal.pages import SectionIndexPage

COMMITTEE = r"^(?P<slug>[-\w]+)/"
MEETING = COMMITTEE + r"(?P<pk>[0-9]+)/"
DECISION_FILES = "|".join(
    name.replace(".", r"\.") for name in decision_exports.OPEN_DATA_FILES
)


class MeetingIndexPage(SectionIndexPage):
    """Every public meeting, with committee, meeting, feed and file sub-pages."""

    parent_page_types = ["strategy.HomePage"]

    template = "meetings/meeting_index.html"

    # Files' addresses end in their name, not a slash (see portal/urls.py): their
    # routes accept the slash Wagtail adds, and are reversed without it.
    @path("", name="meetings")
    def meeting_list(self, request):
        return views.meeting_list(request, self)

    @path("feed/", name="feed")
    def feed(self, request):
        return views.documents_feed(request, self)

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        return views.calendar(request, self)

    @path("documents/<int:pk>/", name="document")
    def download(self, request, pk):
        return views.download(request, self, pk)

    @path("documents/<int:pk>/other-format/", name="other_format")
    def other_format(self, request, pk):
        return format_request_views.other_format(request, self, pk)

    # The register and the plan moved to the Board page: their old addresses answer
    # with permanent redirects. They come before the committee routes, whose slugs
    # they would otherwise match (Committee refuses these slugs).
    @re_path(r"^(?P<rest>(?:decisions|forward-plan)(?:/.*)?)$", name="moved_decisions")
    def moved_decisions(self, request, rest):
        return decision_views.moved(request, self, rest)

    @re_path(rf"^(?P<rest>{DECISION_FILES})/?$", name="moved_decisions_open_data")
    def moved_decisions_open_data(self, request, rest):
        return decision_views.moved(request, self, rest)

    @re_path(COMMITTEE + "$", name="committee")
    def committee(self, request, slug):
        return views.committee_detail(request, self, slug)

    @re_path(COMMITTEE + "feed/$", name="committee_feed")
    def committee_feed(self, request, slug):
        return views.documents_feed(request, self, slug)

    @re_path(COMMITTEE + r"calendar\.ics/?$", name="committee_calendar")
    def committee_calendar(self, request, slug):
        return views.calendar(request, self, slug)

    @re_path(MEETING + "$", name="meeting")
    def meeting(self, request, slug, pk):
        return views.meeting_detail(request, self, slug, int(pk))

    @re_path(MEETING + r"calendar\.ics/?$", name="meeting_calendar")
    def meeting_calendar(self, request, slug, pk):
        return views.calendar(request, self, slug, int(pk))

    @re_path(MEETING + r"minutes\.pdf/?$", name="minutes_pdf")
    def minutes_pdf(self, request, slug, pk):
        return views.minutes_pdf(request, self, slug, int(pk))

    @re_path(MEETING + r"agenda-pack\.pdf/?$", name="agenda_pack")
    def agenda_pack(self, request, slug, pk):
        return views.agenda_pack(request, self, slug, int(pk))


MEMBER = r"^members/(?P<slug>[-\w]+)/$"
# The Board's open data files, its people's and its meetings':
# /board/<name>.json and /board/<name>.csv.
OPEN_DATA = rf"^(?P<name>{'|'.join(oparl.ALL_FILES)})\.(?P<format>json|csv)/?$"


class BoardIndexPage(SectionIndexPage):
    """Who sits on the Board and its committees, their registers of interests and
    attendance, with one sub-page per person and the open data files."""

    parent_page_types = ["strategy.HomePage"]

    template = "meetings/board/board_index.html"

    @path("", name="board")
    def members(self, request):
        return views.board_members(request, self)

    @path("past/", name="past_members")
    def past_members(self, request):
        return views.past_members(request, self)

    @re_path(MEMBER, name="member")
    def member(self, request, slug):
        return views.member_detail(request, self, slug)

    @re_path(OPEN_DATA, name="open_data")
    def open_data(self, request, name, format):
        return views.board_open_data(request, self, name, format)

    # The decisions register and the forward plan (issue #16).
    @path("decisions/", name="decisions")
    def decision_list(self, request):
        return decision_views.decision_list(request, self)

    @path("decisions/<int:pk>/", name="decision")
    def decision_detail(self, request, pk):
        return decision_views.decision_detail(request, self, pk)

    @path("decisions/feed/", name="decisions_feed")
    def decisions_feed(self, request):
        return decision_views.decisions_feed(request, self)

    @path("forward-plan/", name="forward_plan")
    def forward_plan(self, request):
        return decision_views.forward_plan(request, self)

    @path("forward-plan/feed/", name="forward_plan_feed")
    def forward_plan_feed(self, request):
        return decision_views.forward_plan_feed(request, self)

    @re_path(rf"^(?P<name>{DECISION_FILES})/?$", name="decisions_open_data")
    def decisions_open_data(self, request, name):
        return decision_views.open_data(request, self, name)
