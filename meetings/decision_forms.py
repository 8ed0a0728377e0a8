"""The admin forms of decisions and forward plan entries: their choices name the
meeting each agenda item belongs to, read in one query."""

from wagtail.admin.forms import WagtailAdminModelForm

from meetings.models import AgendaItem, ForwardPlanEntry, Meeting


def _agenda_item_label(item):
    return f"{item.meeting.display_title}: {item}"


class DecisionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        field.queryset = AgendaItem.objects.select_related(
            "meeting__committee"
        ).order_by("-meeting__start", "sort_order")
        field.label_from_instance = _agenda_item_label
        self.fields[
            "forward_plan_entry"
        ].queryset = ForwardPlanEntry.objects.select_related("committee").order_by(
            "-pk"
        )


class ForwardPlanEntryForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_meeting"].queryset = Meeting.objects.select_related(
            "committee"
        ).order_by("-start")
