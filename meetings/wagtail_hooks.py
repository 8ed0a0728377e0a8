from django.db.models import Count, Q
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from meetings import deadlines, withdrawal
from meetings.admin_views import MeetingDocumentsView
from meetings.board_forms import AttendanceForm, DeclarationForm
from meetings.choosers import agenda_item_chooser_viewset
from meetings.decision_forms import DecisionForm, ForwardPlanEntryForm
from meetings.forms import MeetingDocumentForm, MeetingForm
from meetings.meeting_views import (
    CommitteeIndexView,
    DecisionIndexView,
    FormatRequestEditView,
    ForwardPlanIndexView,
    KeyedCreateView,
    MeetingCreateView,
    MeetingEditView,
    MeetingIndexView,
    PaperIndexView,
)
from meetings.minutes_forms import MeetingMinutesForm
from meetings.models import (
    Attendance,
    BoardSettings,
    Committee,
    Decision,
    Declaration,
    FormatRequest,
    ForwardPlanEntry,
    Meeting,
    MeetingDocument,
    MeetingMinutes,
    PaperCheck,
    Person,
)
from portal.admin_viewsets import PortalSnippetViewSet
from portal.uk_time import UKTimeColumn


class CommitteeViewSet(PortalSnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = "Committees"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    index_view_class = CommitteeIndexView
    index_template_name = "meetings/admin/snippet_index.html"


class MeetingViewSet(PortalSnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = "Meetings"
    list_display = [
        "display_title",
        "committee",
        UKTimeColumn("start", label="Starts", sort_key="start"),
        "status",
    ]
    list_filter = ["committee", "status", "live"]
    search_fields = ["title", "summary", "venue"]
    ordering = ["-start"]
    index_view_class = MeetingIndexView
    index_template_name = "meetings/admin/snippet_index.html"
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    edit_handler = ObjectList(Meeting.panels, base_form_class=MeetingForm)

    def get_queryset(self, request):
        return Meeting.objects.select_related("committee")

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(edit_view=self.edit_view, **kwargs)


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
    index_view_class = PaperIndexView
    index_template_name = "meetings/admin/snippet_index.html"
    edit_handler = ObjectList(
        MeetingDocument.panels, base_form_class=MeetingDocumentForm
    )

    def get_queryset(self, request):
        return MeetingDocument.objects.select_related("meeting__committee").defer(
            "text"
        )


class DecisionViewSet(PortalSnippetViewSet):
    model = Decision
    icon = "tick-inverse"
    menu_label = "Decisions"
    list_display = ["title", "decided_on", "status", "agenda_item"]
    list_filter = ["status", "live"]
    search_fields = ["title", "resolution"]
    ordering = ["-decided_on", "-pk"]
    index_view_class = DecisionIndexView
    index_template_name = "meetings/admin/snippet_index.html"
    edit_handler = ObjectList(Decision.panels, base_form_class=DecisionForm)
    add_view_class = KeyedCreateView

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(edit_view=self.edit_view, **kwargs)

    def get_queryset(self, request):
        return Decision.objects.select_related("agenda_item__meeting__committee")


class ForwardPlanViewSet(PortalSnippetViewSet):
    model = ForwardPlanEntry
    icon = "calendar-alt"
    menu_label = "Forward plan"
    list_display = ["title", "committee", "expected_meeting", "private"]
    list_filter = ["committee", "private", "live"]
    search_fields = ["title", "summary"]
    index_view_class = ForwardPlanIndexView
    index_template_name = "meetings/admin/snippet_index.html"
    edit_handler = ObjectList(
        ForwardPlanEntry.panels, base_form_class=ForwardPlanEntryForm
    )
    add_view_class = KeyedCreateView

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(edit_view=self.edit_view, **kwargs)

    def get_queryset(self, request):
        return ForwardPlanEntry.objects.select_related(
            "committee", "expected_meeting__committee"
        )


class MeetingMinutesViewSet(PortalSnippetViewSet):
    model = MeetingMinutes
    icon = "list-ul"
    menu_label = "Minutes"
    list_display = ["meeting", "status", "live"]
    list_filter = ["status", "live", "meeting__committee"]
    ordering = ["-meeting__start"]
    edit_handler = ObjectList(MeetingMinutes.panels, base_form_class=MeetingMinutesForm)

    def get_queryset(self, request):
        return MeetingMinutes.objects.select_related("meeting__committee")


class FormatRequestViewSet(PortalSnippetViewSet):
    """Requests hold personal data: only those given permission on them (board
    secretaries) see the list, and nobody adds one here."""

    model = FormatRequest
    icon = "mail"
    menu_label = "Requests for another format"
    list_display = ["paper_title", "format", "status", "due_on", "received_at"]
    list_filter = ["status", "format"]
    search_fields = ["paper_title", "name", "email"]
    ordering = ["status", "due_on"]
    edit_view_class = FormatRequestEditView


class MeetingsGroup(SnippetViewSetGroup):
    menu_label = "Meetings"
    menu_icon = "date"
    menu_order = 250
    items = (
        MeetingViewSet,
        MeetingDocumentViewSet,
        MeetingMinutesViewSet,
        DecisionViewSet,
        ForwardPlanViewSet,
        CommitteeViewSet,
        FormatRequestViewSet,
    )


register_snippet(MeetingsGroup)


@hooks.register("register_admin_viewset")
def register_agenda_item_chooser():
    return agenda_item_chooser_viewset


class PersonViewSet(PortalSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People and registers"
    list_display = ["name", "role", "organisation", "appointed_on", "term_ends_on"]
    list_filter = ["role", "live"]
    search_fields = ["name", "organisation"]


class AttendanceViewSet(PortalSnippetViewSet):
    model = Attendance
    icon = "tick"
    menu_label = "Attendance"
    list_display = ["meeting", "attendee", "status", "substitute_for"]
    list_filter = ["status", "meeting__committee"]
    ordering = ["-meeting__start", "person__name"]
    edit_handler = ObjectList(Attendance.panels, base_form_class=AttendanceForm)

    def get_queryset(self, request):
        return Attendance.objects.select_related(
            "meeting__committee", "person", "substitute_for"
        )


class DeclarationViewSet(PortalSnippetViewSet):
    model = Declaration
    icon = "warning"
    menu_label = "Declarations"
    list_display = ["agenda_item", "person", "interest", "nature"]
    list_filter = ["agenda_item__meeting__committee"]
    ordering = ["-agenda_item__meeting__start"]
    edit_handler = ObjectList(Declaration.panels, base_form_class=DeclarationForm)

    def get_queryset(self, request):
        return Declaration.objects.select_related(
            "agenda_item__meeting", "person", "interest"
        )


class BoardGroup(SnippetViewSetGroup):
    menu_label = "Board"
    menu_icon = "group"
    menu_order = 251
    items = (PersonViewSet, AttendanceViewSet, DeclarationViewSet)


register_snippet(BoardGroup)


@hooks.register("register_log_actions")
def register_document_schedule_action(actions):
    from meetings.audit import SCHEDULE_ACTION

    @actions.register_action(SCHEDULE_ACTION)
    class ScheduleDocument(LogFormatter):
        label = "Schedule release"

        def format_message(self, log_entry):
            release = log_entry.data.get("release")
            return f"Scheduled for release at {release}" if release else self.label


@hooks.register("register_log_actions")
def register_failing_checks_action(actions):
    from meetings.audit import FAILING_CHECKS_ACTION

    @actions.register_action(FAILING_CHECKS_ACTION)
    class PublishFailingChecks(LogFormatter):
        label = "Publish despite failing accessibility checks"

        def format_message(self, log_entry):
            codes = ", ".join(log_entry.data.get("codes", []))
            return f"Published although it fails accessibility checks ({codes})"


@hooks.register("register_log_actions")
def register_withdrawal_actions(actions):
    actions.register_action(
        withdrawal.WITHDRAW_ACTION,
        "Withdraw from the public",
        "Withdrawn from the public",
    )
    actions.register_action(
        withdrawal.WITHHOLD_ITEM_ACTION,
        "Withhold a confidential item's papers",
        "Made an agenda item confidential: its papers are withheld",
    )


@hooks.register("register_admin_urls")
def register_meeting_documents_url():
    return [
        path(
            "meetings/meeting/<int:pk>/documents/",
            MeetingDocumentsView.as_view(),
            name="meetings_admin_documents",
        ),
        path(
            "meetings/document/<int:pk>/withdraw/",
            withdrawal.withdraw_document,
            name="meetings_admin_withdraw_document",
        ),
        path(
            "meetings/agenda-item/<int:pk>/withdraw/",
            withdrawal.withdraw_item_papers,
            name="meetings_admin_withdraw_item",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def meeting_documents_button(snippet, user, next_url=None):
    if isinstance(snippet, Meeting) and user.has_perm(
        "meetings.change_meetingdocument"
    ):
        yield Button(
            "Upload and publish papers",
            reverse("meetings_admin_documents", args=[snippet.pk]),
            icon_name="upload",
            priority=15,
        )


class DashboardPanel(Component):
    """A panel of the secretaries' dashboard: its template, given ``context``."""

    def __init__(self, name, order, template_name, **context):
        self.name = name
        self.order = order
        self.template_name = template_name
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


@hooks.register("construct_homepage_panels")
def add_overdue_deadlines_panel(request, panels):
    if not request.user.has_perm("meetings.change_meeting"):
        return
    panels.append(
        DashboardPanel(
            "meetings_overdue",
            90,
            "meetings/admin/overdue_panel.html",
            rows=deadlines.overdue(),
        )
    )


@hooks.register("construct_homepage_panels")
def add_declarations_awaiting_register_panel(request, panels):
    if not request.user.has_perm("meetings.change_person"):
        return
    declarations = (
        Declaration.objects.awaiting_register()
        .select_related("person", "agenda_item__meeting__committee")
        .order_by("-agenda_item__meeting__start")
    )
    panels.append(
        DashboardPanel(
            "meetings_declarations_awaiting_register",
            95,
            "meetings/admin/declarations_panel.html",
            declarations=list(declarations[:50]),
        )
    )


@hooks.register("construct_homepage_panels")
def add_paper_checks_panel(request, panels):
    if not request.user.has_perm("meetings.change_meetingdocument"):
        return
    Recognition = PaperCheck.Recognition
    failing = PaperCheck.objects.filter(passed=False)
    summary = failing.aggregate(
        failing=Count("pk"),
        public=Count(
            "pk",
            filter=Q(document__in=MeetingDocument.objects.public().values("pk")),
        ),
        unread=Count(
            "pk",
            filter=Q(recognition__in=[Recognition.UNAVAILABLE, Recognition.FAILED]),
        ),
    )
    summary["unchecked"] = MeetingDocument.objects.filter(
        accessibility__isnull=True
    ).count()
    checks = failing.select_related("document__meeting__committee").order_by(
        "-document__uploaded_at", "-pk"
    )
    panels.append(
        DashboardPanel(
            "meetings_paper_checks",
            97,
            "meetings/admin/paper_checks_panel.html",
            summary=summary,
            checks=list(checks[:20]),
        )
    )


@hooks.register("construct_homepage_panels")
def add_format_requests_panel(request, panels):
    if not request.user.has_perm("meetings.change_formatrequest"):
        return
    open_requests = list(FormatRequest.objects.open().order_by("due_on", "pk")[:50])
    address = BoardSettings.for_request(request).format_requests_email
    panels.append(
        DashboardPanel(
            "meetings_format_requests",
            92,
            "meetings/admin/format_requests_panel.html",
            requests=open_requests,
            address=address,
        )
    )
