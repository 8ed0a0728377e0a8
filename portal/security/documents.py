"""Wagtail's document form, checking each upload's content on the server.

Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so the single and the multiple upload and
the edit form all use it. Images need no such form: Wagtail's image field opens every
upload and refuses one whose content is not the image its name says, or one with too
many pixels (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``).
"""

from pathlib import PurePath

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

from portal.security.uploads import read_checked


def check_document(uploaded):
    """Refuse an uploaded document that is empty, too big, or not what it is named."""
    original = uploaded.name or ""
    extension = PurePath(original).suffix.lower().lstrip(".")
    read_checked(uploaded, original, extension, settings.DOCUMENTS_MAX_UPLOAD_MB)


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document(file)
        return file
