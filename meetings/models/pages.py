"""/meetings/: the page that owns every public meetings address. Each route calls a
view in ``meetings.views``."""

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from meetings import views
from portal.blocks import RICH_TEXT_FEATURES
from portal.caching.routing import IndexPageMixin

COMMITTEE = r"^(?P<slug>[-\w]+)/"
MEETING = COMMITTEE + r"(?P<pk>[0-9]+)/"


class MeetingIndexPage(IndexPageMixin, Page):
    """Every public meeting, with committee, meeting, feed and file sub-pages."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = []
    max_count = 1

    template = "meetings/meeting_index.html"

    def meta_description(self):
        return self.search_description

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

    @re_path(MEETING + r"agenda-pack\.pdf/?$", name="agenda_pack")
    def agenda_pack(self, request, slug, pk):
        return views.agenda_pack(request, self, slug, int(pk))


MEMBER = r"^members/(?P<slug>[-\w]+)/$"
# The Board's open data files: /board/<name>.json and /board/<name>.csv.
OPEN_DATA = (
    r"^(?P<name>members|memberships|registers|attendance)\.(?P<format>json|csv)/?$"
)


class BoardIndexPage(IndexPageMixin, Page):
    """Who sits on the Board and its committees, their registers of interests and
    attendance, with one sub-page per person and the open data files."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = []
    max_count = 1

    template = "meetings/board/board_index.html"

    def meta_description(self):
        return self.search_description

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
