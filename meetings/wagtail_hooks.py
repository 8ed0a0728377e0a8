from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from meetings import deadlines
from meetings.admin_views import MeetingDocumentsView
from meetings.forms import MeetingDocumentForm
from meetings.models import Committee, Meeting, MeetingDocument
from portal.admin_viewsets import PortalSnippetViewSet
from portal.uk_time import UKTimeColumn


class CommitteeViewSet(PortalSnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = "Committees"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class MeetingViewSet(PortalSnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = "Meetings"
    list_display = [
        Column("display_title", label="Meeting"),
        "committee",
        UKTimeColumn("start", label="Starts", sort_key="start"),
        "status",
    ]
    list_filter = ["committee", "status", "live"]
    search_fields = ["title", "summary", "venue"]
    ordering = ["-start"]

    def get_queryset(self, request):
        return Meeting.objects.select_related("committee")


class MeetingDocumentViewSet(PortalSnippetViewSet):
    model = MeetingDocument
    icon = "doc-full"
    menu_label = "Documents"
    list_display = [
        "title",
        "meeting",
        "kind",
        "publication",
        UKTimeColumn("publish_at", label="Release time", sort_key="publish_at"),
    ]
    list_filter = ["kind", "publication", "meeting__committee"]
    search_fields = ["title"]
    ordering = ["-uploaded_at"]
    edit_handler = ObjectList(
        MeetingDocument.panels, base_form_class=MeetingDocumentForm
    )

    def get_queryset(self, request):
        return MeetingDocument.objects.select_related("meeting__committee").defer(
            "text"
        )


class MeetingsGroup(SnippetViewSetGroup):
    menu_label = "Meetings"
    menu_icon = "date"
    menu_order = 250
    items = (MeetingViewSet, MeetingDocumentViewSet, CommitteeViewSet)


register_snippet(MeetingsGroup)


@hooks.register("register_log_actions")
def register_document_schedule_action(actions):
    from meetings.audit import SCHEDULE_ACTION

    @actions.register_action(SCHEDULE_ACTION)
    class ScheduleDocument(LogFormatter):
        label = "Schedule release"

        def format_message(self, log_entry):
            release = log_entry.data.get("release")
            return f"Scheduled for release at {release}" if release else self.label


@hooks.register("register_admin_urls")
def register_meeting_documents_url():
    return [
        path(
            "meetings/meeting/<int:pk>/documents/",
            MeetingDocumentsView.as_view(),
            name="meetings_admin_documents",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def meeting_documents_button(snippet, user, next_url=None):
    if isinstance(snippet, Meeting) and user.has_perm(
        "meetings.change_meetingdocument"
    ):
        yield MenuItem(
            "Upload and publish documents",
            reverse("meetings_admin_documents", args=[snippet.pk]),
            icon_name="upload",
            priority=15,
        )


class OverdueDeadlinesPanel(Component):
    name = "meetings_overdue"
    order = 90
    template_name = "meetings/admin/overdue_panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


@hooks.register("construct_homepage_panels")
def add_overdue_deadlines_panel(request, panels):
    if not request.user.has_perm("meetings.change_meeting"):
        return
    panels.append(OverdueDeadlinesPanel(deadlines.overdue()))
