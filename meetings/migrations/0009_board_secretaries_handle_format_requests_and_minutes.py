from django.db import migrations

from portal.security.roles import grant_to_group, revoke_from_group

GROUP = "Board secretaries"
# Requests hold a visitor's name and email: only board secretaries see them, and
# they answer requests rather than make them, so they cannot add one.
PERMISSIONS = [
    ("meetings", f"{action}_formatrequest") for action in ("change", "delete", "view")
] + [
    ("meetings", f"{action}_{model}")
    for model in ("meetingminutes", "minutesitem")
    for action in ("add", "change", "delete", "view")
] + [
    ("meetings", "publish_meetingminutes"),
    ("meetings", "lock_meetingminutes"),
    ("meetings", "unlock_meetingminutes"),
]


def grant(apps, schema_editor):
    grant_to_group(apps, GROUP, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_group(apps, GROUP, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_format_requests_and_web_minutes")]

    operations = [migrations.RunPython(grant, revoke)]
