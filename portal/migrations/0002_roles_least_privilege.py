"""Each editor group gets only what its job needs, and pages go through moderation.

Wagtail's own migrations give ``Moderators`` and ``Editors`` the whole image and
document library and ``Editors`` page editing rights. Here:

- ``Moderators`` approve and publish pages: page rights, and choosing (not managing)
  images and documents for the pages they fix. No meetings, funding, users or settings.
- ``Editors`` is removed: ``Communications`` does that job, and an unused group with
  page rights is one an administrator could hand out by mistake.
- ``Communications`` no longer unlocks pages locked by someone else (a moderator's
  review); anyone can always unlock their own lock.
- The "Moderators approval" workflow is active on the root page, so every page below
  it (the strategy and theme pages included) is submitted to the Moderators.
"""

from django.db import migrations

WORKFLOW = "Moderators approval"


def ensure_moderation_workflow(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators = Group.objects.get(name="Moderators")
    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW, active=True, content_type=content_type
        )
    task.active = True
    task.save()
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    workflow.active = True
    workflow.save()
    if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(
            page=root, defaults={"workflow": workflow}
        )


LIBRARY_MANAGEMENT = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    return [
        permission
        for app, codename in pairs
        for permission in Permission.objects.filter(
            content_type__app_label=app, codename=codename
        )
    ]


def apply_least_privilege(apps, schema_editor):
    # Only take rights away: other apps' migrations may grant these groups their own.
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    library = _permissions(apps, LIBRARY_MANAGEMENT)

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.remove(*library)
    GroupCollectionPermission.objects.filter(
        group=moderators, permission__in=library
    ).delete()
    GroupPagePermission.objects.filter(
        group__name="Communications", permission__codename="unlock_page"
    ).delete()
    Group.objects.filter(name="Editors").delete()
    ensure_moderation_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("strategy", "0002_communications_group"),
        ("meetings", "0002_board_secretaries_group"),
        ("funding", "0002_funding_editors_group"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    # Not reversed: the broader rights Wagtail started with are not worth restoring.
    operations = [
        migrations.RunPython(apply_least_privilege, migrations.RunPython.noop)
    ]
