from django.db import migrations

from portal.security.roles import grant_to_group, revoke_from_group

GROUP = "Board secretaries"
PERMISSIONS = [
    ("meetings", f"{action}_{model}")
    for model in ("person", "attendance", "declaration")
    for action in ("add", "change", "delete", "view")
] + [
    ("meetings", "publish_person"),
    ("meetings", "lock_person"),
    ("meetings", "unlock_person"),
    ("meetings", "view_membership"),
    ("meetings", "view_interestentry"),
    ("meetings", "change_boardsettings"),
    ("meetings", "view_boardsettings"),
]


def grant(apps, schema_editor):
    grant_to_group(apps, GROUP, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_group(apps, GROUP, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_people_registers_attendance"),
        ("meetings", "0002_board_secretaries_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
