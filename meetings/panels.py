from django.urls import reverse
from wagtail.admin.panels import Panel


class MeetingDocumentsPanel(Panel):
    """The meeting's files and deadlines, with a link to upload and publish them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "meetings/admin/documents_panel.html"

        def get_context_data(self, parent_context=None):
            from meetings import visibility

            context = super().get_context_data(parent_context)
            meeting = self.instance
            context["meeting"] = meeting
            if meeting.pk:
                documents = list(
                    meeting.documents.select_related("agenda_item").order_by(
                        "kind", "pk"
                    )
                )
                context["documents"] = visibility.with_public_state(documents)
                context["meeting_state"] = visibility.meeting_state(meeting)
                context["documents_url"] = reverse(
                    "meetings_admin_documents", args=[meeting.pk]
                )
                context["deadlines"] = meeting.deadlines()
            return context


class DocumentFilePanel(Panel):
    """A paper's file, its public address, whether it is live now, and the files it
    replaced. Papers have no storage URL, so Django's file widget cannot show this."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "meetings/admin/document_file_panel.html"

        def get_context_data(self, parent_context=None):
            from meetings import visibility

            context = super().get_context_data(parent_context)
            document = self.instance
            context["document"] = document
            if document.pk:
                context["state"] = visibility.document_state(document)
                context["versions"] = list(
                    document.versions.select_related("uploaded_by")
                )
                context["withdraw_url"] = reverse(
                    "meetings_admin_withdraw_document", args=[document.pk]
                )
            return context
