import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateTimeInput

from meetings import audit
from meetings.models import AgendaItem, Meeting, MeetingDocument
from meetings.uploads import (
    allowed_extensions,
    check_upload,
    store_all_or_none,
    title_from_name,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [file for file in files if file]
        if not files:
            raise ValidationError("Choose at least one file to upload.")
        return files


def guess_kind(name):
    name = name.lower()
    if "agenda" in name:
        return MeetingDocument.Kind.AGENDA
    if "minutes" in name:
        return MeetingDocument.Kind.MINUTES
    if "presentation" in name or name.endswith((".pptx", ".odp")):
        return MeetingDocument.Kind.PRESENTATION
    return MeetingDocument.Kind.PAPER


ITEM_NUMBER = re.compile(r"\bitem\s*(\d+[a-z]?)\b", re.IGNORECASE)


def agenda_item_named(name, items):
    """The agenda item a file name such as "Item 3 budget.pdf" names, or None."""
    match = ITEM_NUMBER.search(name.replace("_", " ").replace("-", " "))
    if not match:
        return None
    number = match.group(1).lower()
    return next((item for item in items if item.number.lower() == number), None)


def later_meetings_of_committee(meeting):
    """Where a meeting's minutes can be approved: its committee's later meetings."""
    return (
        Meeting.objects.select_related("committee")
        .filter(committee_id=meeting.committee_id, start__gt=meeting.start)
        .order_by("start")
    )


class UploadForm(forms.Form):
    """Several files for one meeting; any refusal stores none of them."""

    files = MultipleFileField(
        help_text="Choose several files at once. Allowed: "
        + ", ".join(ext.upper() for ext in allowed_extensions())
        + ". New files are not published until you publish them below.",
    )

    def __init__(self, *args, meeting, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.user = user
        self.checked = []

    def clean_files(self):
        files = self.cleaned_data["files"]
        errors = []
        for file in files:
            try:
                self.checked.append((check_upload(file), file))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(
                errors + ["Nothing was uploaded: fix these files and try again."]
            )
        return files

    def save(self):
        """The new documents, all stored; or ``NotStored`` and none of them."""
        documents = []
        items = list(self.meeting.agenda_items.all())
        for checked, file in self.checked:
            kind = guess_kind(checked.name)
            original_name = file.name.rsplit("/", 1)[-1]
            document = MeetingDocument(
                meeting=self.meeting,
                agenda_item=agenda_item_named(original_name, items),
                kind=kind,
                title=title_from_name(original_name),
                minutes_status=(
                    MeetingDocument.MinutesStatus.DRAFT
                    if kind == MeetingDocument.Kind.MINUTES
                    else ""
                ),
            )
            document.apply_upload(checked, file, self.user)
            documents.append(document)
        return store_all_or_none(documents)


class DocumentSettingsForm(forms.ModelForm):
    class Meta:
        model = MeetingDocument
        fields = [
            "title",
            "kind",
            "agenda_item",
            "publication",
            "publish_at",
            "minutes_status",
            "approved_at",
        ]
        widgets = {"publish_at": AdminDateTimeInput}

    def __init__(self, *args, agenda_items=(), meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].label = "Publish at"
        self.fields["agenda_item"].queryset = agenda_items
        self.fields["approved_at"].queryset = meetings
        self.fields["approved_at"].label_from_instance = lambda m: m.display_title
        self.fields["agenda_item"].label_from_instance = (
            lambda item: f"{item}{' (confidential)' if item.confidential else ''}"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == MeetingDocument.Kind.MINUTES and not cleaned.get(
            "minutes_status"
        ):
            cleaned["minutes_status"] = MeetingDocument.MinutesStatus.DRAFT
        return cleaned


class MeetingDocumentForm(WagtailAdminModelForm):
    """The snippet edit form: a new file is checked, and the old one kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checked = None
        if "approved_at" in self.fields and self.instance.meeting_id:
            self.fields["approved_at"].queryset = later_meetings_of_committee(
                self.instance.meeting
            )
        if "agenda_item" in self.fields:
            items = AgendaItem.objects.select_related("meeting")
            if self.instance.meeting_id:
                items = items.filter(meeting_id=self.instance.meeting_id)
            self.fields["agenda_item"].queryset = items

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            self.checked = check_upload(file)
            # Publishing is judged on the new file's checks, not the old one's.
            self.instance.record_accessibility_on_save(self.checked.accessibility)
        return file

    def save(self, commit=True):
        instance = super().save(commit=False)
        if self.checked:
            if instance.pk:
                original = MeetingDocument.objects.get(pk=instance.pk)
                instance.file = original.file
                instance.file_name = original.file_name
                instance.file_size = original.file_size
                instance.sha256 = original.sha256
                instance.uploaded_by = original.uploaded_by
                instance.uploaded_at = original.uploaded_at
            user = getattr(self, "for_user", None)
            instance.apply_upload(self.checked, self.cleaned_data["file"], user)
        if commit:
            instance.save()
            if "publication" in self.changed_data:
                audit.log_publication_change(
                    instance,
                    self.initial.get("publication"),
                    getattr(self, "for_user", None),
                )
        return instance


class MeetingForm(WagtailAdminModelForm):
    """The meeting form, with a key that makes a second post of a new form edit the
    meeting the first one made (see ``meetings.meeting_views``)."""

    creation_key = forms.UUIDField(
        widget=forms.HiddenInput, required=False, initial=uuid.uuid4
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("creation_key") and not self.instance.pk:
            self.instance.uid = cleaned["creation_key"]
        return cleaned
