"""The admin forms of decisions and forward plan entries: their choices name the
meeting each agenda item belongs to, read in one query, and each new form carries a
creation key (see ``meetings.meeting_views.KeyedCreateView``)."""

import uuid

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from meetings.models import AgendaItem, ForwardPlanEntry, Meeting


def _agenda_item_label(item):
    return f"{item.meeting.display_title}: {item}"


class KeyedForm(WagtailAdminModelForm):
    """A form whose new record takes the key made when the form was opened."""

    creation_key = forms.UUIDField(
        widget=forms.HiddenInput, required=False, initial=uuid.uuid4
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("creation_key") and not self.instance.pk:
            self.instance.uid = cleaned["creation_key"]
        return cleaned


class DecisionForm(KeyedForm):
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


class ForwardPlanEntryForm(KeyedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_meeting"].queryset = Meeting.objects.select_related(
            "committee"
        ).order_by("-start")
