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

from portal.groups import ensure_group

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


def apply_least_privilege(apps, schema_editor):
    ensure_group(
        apps,
        "Moderators",
        page_permissions=[
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        ],
        collection_permissions=[
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "choose_document"),
        ],
    )
    ensure_group(
        apps,
        "Communications",
        model_permissions=[
            ("portal", "change_sitesettings"),
            ("wagtailredirects", "add_redirect"),
            ("wagtailredirects", "change_redirect"),
            ("wagtailredirects", "delete_redirect"),
        ],
        page_permissions=["add_page", "change_page", "lock_page"],
        collection_permissions=[
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ],
    )
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()
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
