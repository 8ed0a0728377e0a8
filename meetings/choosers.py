"""The admin's chooser of agenda items, for the agenda item a decision was taken on.

A select listing every agenda item ever held would grow without end: the chooser
lists them newest meeting first, a page at a time, searched in the database by the
item's number and title and its meeting's title and committee, and names each
item's meeting, date and committee. It opens for those who may see agenda items
(the board secretaries); a decision's form is its only user.
"""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser

from meetings.models.meetings import AgendaItem
from portal.admin_viewsets import NeedsModelPermission


def item_label(item):
    """ "<meeting>: <number>. <title>", as the form and the chooser name an item."""
    return f"{item.meeting.display_title}: {item}"


def meeting_day(item):
    return date_format(timezone.localtime(item.meeting.start), "j M Y")


class AgendaItemSearchForm(BaseFilterForm):
    q = forms.CharField(
        label="Search term",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Item, meeting or committee"}),
    )

    def filter(self, objects):
        query = " ".join(self.cleaned_data.get("q", "").split())
        for word in query.split(" ") if query else []:
            objects = objects.filter(
                Q(number__iexact=word)
                | Q(title__icontains=word)
                | Q(meeting__title__icontains=word)
                | Q(meeting__committee__name__icontains=word)
            )
        if query:
            self.is_searching = True
            self.search_query = query
        return objects


class AgendaItemChooseMixin(NeedsModelPermission):
    filter_form_class = AgendaItemSearchForm
    per_page = 20

    def get_object_list(self):
        return AgendaItem.objects.select_related("meeting__committee").order_by(
            "-meeting__start", "-meeting__pk", "sort_order", "pk"
        )

    @property
    def columns(self):
        return [
            self.title_column,
            Column("meeting", label="Meeting", accessor=lambda i: i.meeting),
            Column("date", label="Date", accessor=meeting_day),
            Column("committee", label="Committee", accessor="meeting.committee.name"),
        ]


class ChooseView(AgendaItemChooseMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(AgendaItemChooseMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(NeedsModelPermission, chooser_views.ChosenView):
    def get_object(self, pk):
        return AgendaItem.objects.select_related("meeting__committee").get(pk=pk)

    def get_display_title(self, instance):
        return item_label(instance)

    def get_edit_item_url(self, instance):
        return None  # an item is edited on its meeting's form


class ChosenMultipleView(NeedsModelPermission, chooser_views.ChosenMultipleView):
    pass


class AgendaItemChooserWidget(BaseChooser):
    show_edit_link = False

    def get_instance(self, value):
        if value is None or isinstance(value, AgendaItem):
            return value
        try:
            return (
                AgendaItem.objects.select_related("meeting__committee")
                .filter(pk=int(value))
                .first()
            )
        except (TypeError, ValueError):
            return None  # a form posted with a bad value shows no choice

    def get_display_title(self, instance):
        return item_label(instance)


class AgendaItemChooserViewSet(ChooserViewSet):
    model = AgendaItem
    icon = "list-ol"
    choose_one_text = "Choose an agenda item"
    choose_another_text = "Choose another agenda item"
    page_title = "Choose the agenda item"
    per_page = 20
    register_widget = False
    base_widget_class = AgendaItemChooserWidget
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


agenda_item_chooser_viewset = AgendaItemChooserViewSet(
    "agenda_item_chooser", url_prefix="meetings/agenda-items/choose"
)
