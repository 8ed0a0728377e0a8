from django.db import migrations

from portal.security.roles import grant_to_group, revoke_from_group

GROUP = "Communications"
PERMISSIONS = [
    ("subscriptions", "view_mailinglistsubscriber"),
    ("subscriptions", "delete_mailinglistsubscriber"),
    ("subscriptions", "view_alertsubscription"),
    ("subscriptions", "delete_alertsubscription"),
    ("subscriptions", "view_erasure"),
]


def grant(apps, schema_editor):
    grant_to_group(apps, GROUP, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_group(apps, GROUP, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_mailing_list_alerts_and_erasures"),
        # After the group's own migrations, which set its permissions afresh.
        ("strategy", "0002_communications_group"),
        ("portal", "0002_roles_least_privilege"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
