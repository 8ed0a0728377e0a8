"""Storage for meeting papers, outside MEDIA_ROOT: it has no URL of its own."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateMeetingStorage(FileSystemStorage):
    """Files under ``MEETINGS_PRIVATE_ROOT``, read when used so tests can move it."""

    @property
    def base_location(self):
        return settings.MEETINGS_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(
            "Meeting papers have no storage URL: link to MeetingDocument.url instead."
        )


_storage = PrivateMeetingStorage()


def private_storage():
    return _storage
