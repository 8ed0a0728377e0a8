"""Storage for meeting papers, apart from other uploads: it has no public URL.

``STORAGES["meetings_private"]`` says where: a folder outside MEDIA_ROOT by default, or
a private S3 bucket (``MEETINGS_PRIVATE_BUCKET``). Either way the only way to read a
paper is the meetings download view, after its publication check.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject
from storages.backends.s3 import S3Storage

from portal.internals import forget_lazy_object
from portal.security.uploads_storage import WholeFileStorageMixin

ALIAS = "meetings_private"
NO_URL = "Meeting papers have no storage URL: link to MeetingDocument.url instead."


class PrivateMeetingStorage(WholeFileStorageMixin, FileSystemStorage):
    """Files under ``MEETINGS_PRIVATE_ROOT``, read when used so tests can move it, each
    written whole or not at all."""

    @property
    def base_location(self):
        return settings.MEETINGS_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(NO_URL)


class PrivateMeetingS3Storage(S3Storage):
    """A private bucket: objects uploaded without any public ACL, and no URL."""

    default_acl = "private"

    def get_default_settings(self):
        return {**super().get_default_settings(), "default_acl": "private"}

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError(NO_URL)


class _ConfiguredPrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[ALIAS]


_storage = _ConfiguredPrivateStorage()


def _forget_storage(*, setting, **kwargs):
    if setting in ("STORAGES", "MEETINGS_PRIVATE_BUCKET"):
        forget_lazy_object(_storage)


setting_changed.connect(_forget_storage)


def private_storage():
    return _storage
