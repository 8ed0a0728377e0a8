from django.urls import reverse
from wagtail.admin.panels import Panel


class MeetingDocumentsPanel(Panel):
    """The meeting's files and deadlines, with a link to upload and publish them."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "meetings/admin/documents_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            meeting = self.instance
            context["meeting"] = meeting
            if meeting.pk:
                context["documents"] = list(
                    meeting.documents.select_related("agenda_item").order_by(
                        "kind", "pk"
                    )
                )
                context["documents_url"] = reverse(
                    "meetings_admin_documents", args=[meeting.pk]
                )
                context["deadlines"] = meeting.deadlines()
            return context
