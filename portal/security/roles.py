"""Creating editor groups from data migrations, each with only the permissions it needs.

Migrations call :func:`ensure_group` with the historical ``apps`` registry.
Permissions are created first: Django only creates them after the last migration.
"""

from portal.internals import create_all_permissions


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_group(
    apps, name, model_permissions=(), page_permissions=(), collection_permissions=()
):
    """Create group ``name`` (or bring it up to date) with exactly these permissions.

    ``model_permissions``: ("app_label", "codename") pairs, granted everywhere;
    ``page_permissions``: page codenames granted on the whole page tree;
    ``collection_permissions``: ("app_label", "codename") granted on every collection.
    """
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )

    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(
        [_permission(apps, "wagtailadmin", "access_admin")]
        + [_permission(apps, app, codename) for app, codename in model_permissions]
    )
    root_page = Page.objects.filter(depth=1).first()
    GroupPagePermission.objects.filter(group=group).delete()
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=root_page,
            permission=_permission(apps, "wagtailcore", codename),
        )
    root_collection = Collection.objects.filter(depth=1).first()
    GroupCollectionPermission.objects.filter(group=group).delete()
    for app, codename in collection_permissions:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root_collection,
            permission=_permission(apps, app, codename),
        )
    return group


def remove_group(apps, name):
    apps.get_model("auth", "Group").objects.filter(name=name).delete()


def grant_to_group(apps, name, model_permissions):
    """Add ("app_label", "codename") permissions to group ``name``, keeping its others.

    For an app that gives an existing group rights on its own models.
    """
    create_all_permissions(apps)
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    group.permissions.add(
        *[_permission(apps, app, codename) for app, codename in model_permissions]
    )
    return group


def revoke_from_group(apps, name, model_permissions):
    group = apps.get_model("auth", "Group").objects.filter(name=name).first()
    if group is not None:
        group.permissions.remove(
            *[_permission(apps, app, codename) for app, codename in model_permissions]
        )


# Collections are treebeard nodes: a child's path is its parent's and one more step.
_STEP_LENGTH = 4
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while number:
        number, digit = divmod(number, len(_ALPHABET))
        digits = _ALPHABET[digit] + digits
    return digits.rjust(_STEP_LENGTH, "0")


def ensure_collection(apps, name):
    """The collection ``name`` under the root collection, made if missing.

    The historical models of a migration have none of treebeard's methods, so the
    child's path is written here as treebeard would write it.
    """
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    children = Collection.objects.filter(depth=2, path__startswith=root.path)
    existing = children.filter(name=name).first()
    if existing is not None:
        return existing
    last = children.order_by("-path").first()
    number = int(last.path[-_STEP_LENGTH:], len(_ALPHABET)) + 1 if last else 1
    root.numchild = children.count() + 1
    root.save(update_fields=["numchild"])
    return Collection.objects.create(
        name=name, path=root.path + _step(number), depth=2, numchild=0
    )


def grant_in_collection(apps, group_name, collection_name, collection_permissions):
    """Give group ``group_name`` ("app_label", "codename") ``collection_permissions``
    in collection ``collection_name`` alone (made if missing), keeping its others.

    For a group that needs a library (images, documents) for one job only.
    """
    create_all_permissions(apps)
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    collection = ensure_collection(apps, collection_name)
    for app, codename in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=_permission(apps, app, codename),
        )
    return collection


def revoke_in_collection(apps, group_name, collection_name, collection_permissions):
    """Undo :func:`grant_in_collection`, leaving the collection and its images."""
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupCollectionPermission.objects.filter(
        group__name=group_name,
        collection__name=collection_name,
        permission__in=[
            _permission(apps, app, codename) for app, codename in collection_permissions
        ],
    ).delete()
