"""The admin's attendance and declaration forms: choices named so a secretary can
tell one meeting's agenda item, or one member's register entry, from another's."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from meetings.models import AgendaItem, Declaration, InterestEntry, Meeting, Person


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return meeting.display_title


class AgendaItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        return f"{item.meeting.display_title}: {item}"


class InterestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, entry):
        return f"{entry.person.name} – {entry}"


def person_field(field):
    """A plain list of people in place of the snippet chooser: quicker when
    recording a whole meeting."""
    return forms.ModelChoiceField(
        Person.objects.order_by("name"),
        required=field.required,
        label=field.label,
        help_text=field.help_text,
    )


class AttendanceForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"] = MeetingChoiceField(
            Meeting.objects.select_related("committee").order_by("-start"),
            help_text="Newest first.",
        )
        for name in ("person", "substitute_for"):
            self.fields[name] = person_field(self.fields[name])


class DeclarationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"] = AgendaItemChoiceField(
            AgendaItem.objects.select_related("meeting__committee").order_by(
                "-meeting__start", "sort_order"
            ),
            label="Agenda item",
        )
        self.fields["person"] = person_field(self.fields["person"])
        self.fields["interest"] = InterestChoiceField(
            InterestEntry.objects.select_related("person").order_by(
                "person__name", "category"
            ),
            required=False,
            label="Register entry",
            help_text=Declaration._meta.get_field("interest").help_text,
        )
