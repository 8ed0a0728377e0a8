"""The admin forms of decisions and forward plan entries: a decision's agenda item
is picked in a chooser (``meetings.choosers``), a plan entry's choices are read in
one query, and each new form carries a creation key (see
``meetings.meeting_views.KeyedCreateView``)."""

import uuid

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from meetings.choosers import agenda_item_chooser_viewset
from meetings.models import ForwardPlanEntry, Meeting


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
        self.fields["agenda_item"].widget = agenda_item_chooser_viewset.widget_class()
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
