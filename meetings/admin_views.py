"""The board secretary's page for one meeting's files: upload several, publish each."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import modelformset_factory
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from meetings import audit
from meetings.forms import (
    DocumentSettingsForm,
    UploadForm,
    later_meetings_of_committee,
)
from meetings.models import Meeting, MeetingDocument
from meetings.uploads import NotStored

# edit_only: a forged TOTAL_FORMS cannot make the form create a document.
DocumentFormSet = modelformset_factory(
    MeetingDocument, form=DocumentSettingsForm, extra=0, edit_only=True
)


class MeetingDocumentsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "meetings/admin/meeting_documents.html"
    header_icon = "doc-full-inverse"
    page_title = "Papers"

    def dispatch(self, request, pk):
        if not request.user.has_perm("meetings.change_meetingdocument"):
            raise PermissionDenied
        self.meeting = get_object_or_404(
            Meeting.objects.select_related("committee"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.meeting.display_title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailsnippets_meetings_meeting:list"),
                "label": "Meetings",
            },
            {
                "url": reverse(
                    "wagtailsnippets_meetings_meeting:edit", args=[self.meeting.pk]
                ),
                "label": self.meeting.display_title,
            },
            {"url": "", "label": "Papers"},
        ]

    def formset(self, data=None):
        documents = MeetingDocument.objects.filter(meeting=self.meeting).select_related(
            "agenda_item", "accessibility"
        )
        return DocumentFormSet(
            data,
            queryset=documents.order_by("kind", "pk"),
            prefix="documents",
            form_kwargs={
                "agenda_items": self.meeting.agenda_items.all(),
                "meetings": later_meetings_of_committee(self.meeting),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "upload_form", UploadForm(meeting=self.meeting, user=self.request.user)
        )
        context.setdefault("formset", self.formset())
        context["meeting"] = self.meeting
        context["public_ids"] = set(
            MeetingDocument.objects.public()
            .filter(meeting=self.meeting)
            .values_list("pk", flat=True)
        )
        context["items_with_papers"] = [
            item
            for item in self.meeting.agenda_items.all()
            if any(
                form.instance.agenda_item_id == item.pk
                and form.instance.publication != MeetingDocument.Publication.UNPUBLISHED
                for form in context["formset"].forms
            )
        ]
        context["deadlines"] = self.meeting.deadlines()
        context["can_upload"] = self.request.user.has_perm(
            "meetings.add_meetingdocument"
        )
        return context

    def post(self, request, pk):
        if "upload" in request.POST:
            if not request.user.has_perm("meetings.add_meetingdocument"):
                raise PermissionDenied
            form = UploadForm(
                request.POST, request.FILES, meeting=self.meeting, user=request.user
            )
            if not form.is_valid():
                messages.error(
                    request, "No files were uploaded: see the reasons below."
                )
                return self.render_to_response(self.get_context_data(upload_form=form))
            try:
                documents = form.save()
            except NotStored as error:
                form.add_error("files", str(error))
                messages.error(request, str(error))
                return self.render_to_response(self.get_context_data(upload_form=form))
            for document in documents:
                audit.log_upload(document, request.user)
            messages.success(
                request,
                f"Uploaded {len(documents)} file(s). They are not public until you "
                "publish them.",
            )
            for document in documents:
                if document.text_warning:
                    messages.warning(request, document.text_warning)
            failing = [d.title for d in documents if d.accessibility_findings()]
            if failing:
                messages.warning(
                    request,
                    f"{len(failing)} of the files fail accessibility checks "
                    f"({', '.join(failing)}): what to fix is shown under each below.",
                )
            return redirect(request.path)
        formset = self.formset(request.POST)
        if not formset.is_valid():
            messages.error(request, "The documents could not be saved: see below.")
            return self.render_to_response(self.get_context_data(formset=formset))
        # Only the forms of existing papers: the formset never creates one.
        with transaction.atomic():
            for form in formset.initial_forms:
                if form.has_changed():
                    previous = form.initial.get("publication")
                    document = form.save()
                    log(document, "wagtail.edit", user=request.user)
                    audit.log_publication_change(document, previous, request.user)
        messages.success(request, "Document settings saved.")
        return redirect(request.path)


def documents_url(meeting):
    return reverse("meetings_admin_documents", args=[meeting.pk])
