"""Wagtail's document form, checking each upload's content on the server.

Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so the single and the multiple upload and
the edit form all use it. Images need no such form: Wagtail's image field opens every
upload and refuses one whose content is not the image its name says, or one with too
many pixels (``WAGTAILIMAGES_MAX_IMAGE_PIXELS``).
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from portal.uploads import check_content


def check_document(uploaded):
    """Refuse an uploaded document that is empty, too big, or not what it is named."""
    original = uploaded.name or ""
    extension = PurePath(original).suffix.lower().lstrip(".")
    limit = settings.DOCUMENTS_MAX_UPLOAD_MB
    if uploaded.size == 0:
        raise ValidationError(f"“{original}” is empty. Choose the file again.")
    if uploaded.size > limit * 1024 * 1024:
        raise ValidationError(
            f"“{original}” is {uploaded.size / 1024 / 1024:.1f} MB: the limit is "
            f"{limit} MB. Compress it or split it into parts."
        )
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    check_content(original, extension, data)


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document(file)
        return file
