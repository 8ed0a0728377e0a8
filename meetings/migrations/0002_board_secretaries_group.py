from django.db import migrations

from portal.security.roles import ensure_group, remove_group

GROUP = "Board secretaries"


def create_group(apps, schema_editor):
    ensure_group(
        apps,
        GROUP,
        model_permissions=[
            ("meetings", "add_committee"),
            ("meetings", "change_committee"),
            ("meetings", "view_committee"),
            ("meetings", "add_meeting"),
            ("meetings", "change_meeting"),
            ("meetings", "delete_meeting"),
            ("meetings", "view_meeting"),
            ("meetings", "publish_meeting"),
            ("meetings", "lock_meeting"),
            ("meetings", "unlock_meeting"),
            ("meetings", "add_meetingdocument"),
            ("meetings", "change_meetingdocument"),
            ("meetings", "delete_meetingdocument"),
            ("meetings", "view_meetingdocument"),
            ("meetings", "view_meetingdocumentversion"),
        ],
    )


def delete_group(apps, schema_editor):
    remove_group(apps, GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
