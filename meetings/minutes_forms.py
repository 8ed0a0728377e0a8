"""The admin's minutes form: items chosen from the meeting's own agenda."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from meetings.board_forms import AgendaItemChoiceField, MeetingChoiceField
from meetings.models import AgendaItem, Meeting


class MeetingMinutesForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"] = MeetingChoiceField(
            Meeting.objects.select_related("committee").order_by("-start"),
            help_text="Newest first. One set of minutes per meeting.",
        )
        items = AgendaItem.objects.select_related("meeting__committee").order_by(
            "-meeting__start", "sort_order"
        )
        if self.instance.meeting_id:
            items = items.filter(meeting_id=self.instance.meeting_id)
        formset = self.formsets["items"]
        for form in [*formset.forms, formset.empty_form]:
            form.fields["agenda_item"] = AgendaItemChoiceField(
                items, label="Agenda item"
            )

    def clean(self):
        cleaned = super().clean()
        meeting = cleaned.get("meeting")
        if meeting is None:
            return cleaned
        for form in self.formsets["items"].forms:
            item = getattr(form, "cleaned_data", {}).get("agenda_item")
            if item and item.meeting_id != meeting.pk:
                form.add_error(
                    "agenda_item", "Choose an item on this meeting's agenda."
                )
                raise ValidationError("An item is not on this meeting's agenda.")
        return cleaned
