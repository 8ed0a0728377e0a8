"""Files written whole or not at all.

A file is written under a temporary name beside its final one and renamed only when
every byte is on disk, so a full disk or a failed write never leaves a partial file
where a download would find it. The temporary file is removed on any failure.
"""

import errno
import os
import uuid

from django.core.files.storage import FileSystemStorage

NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK)


class WholeFileStorageMixin:
    """For a ``FileSystemStorage``: write to a temporary name, then rename."""

    def _save(self, name, content):
        folder = os.path.dirname(name)
        temporary = os.path.join(folder, f".{uuid.uuid4().hex[:12]}.partial")
        try:
            written = super()._save(temporary, content)
            _flush_to_disk(self.path(written))
        except BaseException:
            _remove(self.path(temporary))
            raise
        try:
            name = self._rename_without_overwriting(written, name)
        except BaseException:
            _remove(self.path(written))
            raise
        return name.replace("\\", "/")

    def _rename_without_overwriting(self, written, name):
        while True:
            try:
                os.link(self.path(written), self.path(name))
            except FileExistsError:
                name = self.get_available_name(name)
            except OSError as error:
                if error.errno not in NO_HARD_LINKS:
                    raise
                os.replace(self.path(written), self.path(name))
                return name
            else:
                _remove(self.path(written))
                return name


class WholeFileSystemStorage(WholeFileStorageMixin, FileSystemStorage):
    pass


def _flush_to_disk(path):
    with open(path, "rb") as file:
        os.fsync(file.fileno())


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
