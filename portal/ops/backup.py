"""A whole site in a folder: the database's content and every uploaded file.

``manage.py export_site DIR`` writes ``DIR/data.json`` (Django's serializer with
natural keys, so it loads into any freshly migrated database), the files of each
storage under ``DIR/files/<storage>/``, and ``DIR/manifest.json`` with each file's
size and SHA-256. ``manage.py import_site DIR`` checks every file against the
manifest, refuses a database that already has content, and restores it all in one
transaction. Files are read and written through the storage APIs, so a folder on disk
and an S3 bucket work the same way.

Both then check every row that names a stored file (any ``FileField``): the file must
exist and, where the row records them (``file_size``, ``sha256``), have that size and
checksum. Export writes the backup all the same and import keeps what it restored,
but each ends with :class:`FilesMissing` naming every row whose file is missing or
different, so the command exits non-zero.

Every managed model is backed up without being listed. Apps register what the core
cannot know from their ``AppConfig.ready``: a file storage of their own
(:func:`register_storage`) and the models whose rows mean a database already holds a
site (:func:`register_content`).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import transaction
from django.db.models import FileField, ProtectedError
from django.utils import timezone
from wagtail.search.backends import get_search_backend

FORMAT = 1
DATA_FILE = "data.json"
MANIFEST_FILE = "manifest.json"
CHUNK = 1024 * 1024
MAX_LISTED = 50

# Not restored: rebuilt by the site (content types, permissions, the search index), or
# state that must not come back (sessions, sign-in lockout counters,
# open editing sessions).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailadmin.editingsession",
    "axes.accessattempt",
]
# A database "has content" when any of these has a row; what migrations create (the
# root page, Wagtail's welcome page, the default site, groups, the workflow) does not
# count, and is replaced by the backup's own. Apps add theirs with register_content.
_content_models = ["wagtailcore.page", "wagtailimages.image", "wagtaildocs.document"]
PAGES_MIGRATIONS_CREATE = 2
_storages = {"media": lambda: default_storage}


class BackupError(Exception):
    """Something the person running the command can fix; nothing was changed."""


class FilesMissing(BackupError):
    """Rows name stored files that are missing or not what the row records."""

    def __init__(self, done, problems):
        self.problems = problems
        listed = "; ".join(problems[:MAX_LISTED])
        more = len(problems) - MAX_LISTED
        super().__init__(
            f"{done}, but {len(problems)} stored file(s) named by the database are "
            f"missing or damaged: {listed}" + (f"; and {more} more" if more > 0 else "")
        )


def register_storage(label, get_storage):
    """Back up every file of ``get_storage()`` under ``files/<label>/``."""
    _storages[label] = get_storage


def register_content(*models):
    """Rows of any of ``models`` mean the database holds a site: import refuses it."""
    _content_models.extend(model._meta.label_lower for model in models)


def storages_to_copy():
    return {label: get_storage() for label, get_storage in _storages.items()}


def files_in(storage, folder=""):
    """The name of every file in ``storage`` under ``folder``, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from files_in(storage, f"{folder}/{sub}" if folder else sub)


def _copy(source, target):
    """Copy an open file to an open file; return (size, sha256)."""
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: source.read(CHUNK), b""):
        digest.update(chunk)
        size += len(chunk)
        target.write(chunk)
    return size, digest.hexdigest()


def _hash(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class ExactJSONEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's encoder drops all but milliseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupSerializer(JSONSerializer):
    """Natural keys for content types and permissions only, which a new database
    numbers differently; everything else keeps its id, so references to rows that
    are gone (a deleted page's history) still serialize."""

    def _natural_for(self, field):
        self.use_natural_foreign_keys = field.remote_field.model in (
            ContentType,
            Permission,
        )

    def handle_fk_field(self, obj, field):
        self._natural_for(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self._natural_for(field)
        super().handle_m2m_field(obj, field)


def _excluded(model):
    return model._meta.app_label in EXCLUDED or model._meta.label_lower in EXCLUDED


def backed_up_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and not _excluded(model)
    ]


def _all_rows():
    for model in backed_up_models():
        yield from model._base_manager.order_by("pk").iterator(chunk_size=2000)


def export_site(folder):
    """Write the site to ``folder`` (created; must be empty). Return the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: export into a new, empty folder.")
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "data": DATA_FILE,
        "files": [],
    }
    with transaction.atomic(), open(folder / DATA_FILE, "w") as out:
        BackupSerializer().serialize(_all_rows(), stream=out, cls=ExactJSONEncoder)
    manifest["data_sha256"] = _hash(folder / DATA_FILE)
    for label, storage in storages_to_copy().items():
        for name in files_in(storage):
            target = folder / "files" / label / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, open(target, "wb") as out:
                size, sha256 = _copy(source, out)
            manifest["files"].append(
                {"storage": label, "name": name, "size": size, "sha256": sha256}
            )
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1))
    stored = {(entry["storage"], entry["name"]): entry for entry in manifest["files"]}
    problems = list(
        _rows_whose_files_are_wrong(lambda label, name: stored.get((label, name)))
    )
    if problems:
        raise FilesMissing(f"The backup was written to {folder}", problems)
    return manifest


def _files_named_by_rows():
    """(row, its FileField, the file's name) for every row that names a file."""
    for model in backed_up_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, FileField)]
        for field in fields:
            rows = model._base_manager.exclude(**{field.name: ""}).exclude(
                **{f"{field.name}__isnull": True}
            )
            for row in rows.order_by("pk").iterator(chunk_size=2000):
                yield row, field, getattr(row, field.attname).name


def _label_of(storage):
    for label, candidate in storages_to_copy().items():
        if candidate is storage:
            return label
    return None


def _rows_whose_files_are_wrong(find):
    """A line for each row whose file ``find(storage label, name)`` does not give as
    the row records it; ``find`` returns a dict with size and sha256, or None."""
    labels = {}
    for row, field, name in _files_named_by_rows():
        storage = field.storage
        if id(storage) not in labels:
            labels[id(storage)] = _label_of(storage)
        label = labels[id(storage)]
        what = f"{row._meta.label} {row.pk} ({field.name} {label}/{name})"
        found = find(label, name) if label else None
        if found is None:
            yield f"{what} is missing"
            continue
        size = getattr(row, "file_size", None) if field.name == "file" else None
        sha256 = getattr(row, "sha256", None) if field.name == "file" else None
        if size is not None and size != found["size"]:
            yield f"{what} is {found['size']} bytes, not {size}"
        elif sha256 and sha256 != found["sha256"]:
            yield f"{what} does not match its SHA-256"


def _stored_file(storages):
    def find(label, name):
        storage = storages[label]
        if not storage.exists(name):
            return None
        digest, size = hashlib.sha256(), 0
        with storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
        return {"size": size, "sha256": digest.hexdigest()}

    return find


@dataclass
class ImportSummary:
    objects: int
    files: int


def _read_manifest(folder):
    path = folder / MANIFEST_FILE
    if not path.exists():
        raise BackupError(f"{path} is missing: give the folder that export_site wrote.")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"This backup's format ({manifest.get('format')}) is not one this "
            f"version reads ({FORMAT})."
        )
    return manifest


def _check_files(folder, manifest):
    problems = []
    if _hash(folder / manifest["data"]) != manifest["data_sha256"]:
        problems.append(f"{manifest['data']} does not match its checksum")
    known = storages_to_copy()
    for entry in manifest["files"]:
        path = folder / "files" / entry["storage"] / entry["name"]
        if entry["storage"] not in known:
            problems.append(f"unknown storage “{entry['storage']}”")
        elif not path.exists():
            problems.append(f"{path} is missing")
        elif _hash(path) != entry["sha256"]:
            problems.append(f"{path} does not match its checksum")
    if problems:
        raise BackupError(
            "The backup is damaged, so nothing was imported: " + "; ".join(problems)
        )


def content_in_database():
    """What already in the database would be overwritten (empty when none)."""
    found = []
    if get_user_model().objects.exists():
        found.append("users")
    for label in _content_models:
        model = apps.get_model(label)
        count = model._base_manager.count()
        if label == "wagtailcore.page":
            count = max(count - PAGES_MIGRATIONS_CREATE, 0)
        if count:
            found.append(str(model._meta.verbose_name_plural))
    return found


def _models_in(data_path):
    with open(data_path) as handle:
        labels = {row["model"] for row in json.load(handle)}
    return [apps.get_model(label) for label in labels]


def _clear_what_migrations_created(models):
    """Delete the rows the backup brings its own of (root page, site, groups...).

    Deleting cascades; a protected reference (pages protect their locale) is retried
    after the rows that hold it have gone.
    """
    remaining = [model for model in models if model._base_manager.exists()]
    while remaining:
        blocked = []
        for model in remaining:
            try:
                with transaction.atomic():
                    model._base_manager.all().delete()
            except ProtectedError:
                blocked.append(model)
        if len(blocked) == len(remaining):
            raise BackupError(
                "Could not clear "
                + ", ".join(model._meta.label for model in blocked)
                + ": start from a new, migrated database."
            )
        remaining = [model for model in blocked if model._base_manager.exists()]


def import_site(folder):
    folder = Path(folder)
    manifest = _read_manifest(folder)
    _check_files(folder, manifest)
    existing = content_in_database()
    if existing:
        raise BackupError(
            "The database already has content ("
            + ", ".join(existing)
            + "): import_site only restores into an empty database. Create a new "
            "database, run `manage.py migrate`, then import."
        )
    storages = storages_to_copy()
    data_path = folder / manifest["data"]
    with transaction.atomic():
        get_search_backend().reset_indexes()
        _clear_what_migrations_created(_models_in(data_path))
        call_command("loaddata", str(data_path), verbosity=0)
        for entry in manifest["files"]:
            storage = storages[entry["storage"]]
            if storage.exists(entry["name"]):
                storage.delete(entry["name"])
            path = folder / "files" / entry["storage"] / entry["name"]
            with open(path, "rb") as handle:
                saved = storage.save(entry["name"], File(handle))
            if saved != entry["name"]:
                raise BackupError(
                    f"{entry['name']} was stored as {saved}: the storage renamed it."
                )
    call_command("update_index", verbosity=0)
    with open(data_path) as handle:
        objects = len(json.load(handle))
    problems = list(_rows_whose_files_are_wrong(_stored_file(storages)))
    if problems:
        raise FilesMissing(
            f"Restored {objects} database object(s) and {len(manifest['files'])} "
            "file(s)",
            problems,
        )
    return ImportSummary(objects=objects, files=len(manifest["files"]))
