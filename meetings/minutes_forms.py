"""The admin's minutes form: items chosen from the meeting's own agenda."""

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

    def is_valid(self):
        # The items are checked once both the form and its formset are: a form's
        # clean() runs before its formsets are cleaned.
        valid = super().is_valid()
        meeting = self.cleaned_data.get("meeting") if valid else None
        if meeting is None:
            return valid
        for form in self.formsets["items"].forms:
            item = getattr(form, "cleaned_data", {}).get("agenda_item")
            if item and item.meeting_id != meeting.pk:
                form.add_error(
                    "agenda_item", "Choose an item on this meeting's agenda."
                )
                valid = False
        return valid
