"""Board secretaries link decisions to funds, rounds and projects: they may see them
(and choose them), not change them."""

from django.db import migrations

from portal.security.roles import grant_to_group, revoke_from_group

GROUP = "Board secretaries"
PERMISSIONS = [
    ("funding", f"view_{model}") for model in ("fund", "fundround", "fundedproject")
]


def grant(apps, schema_editor):
    grant_to_group(apps, GROUP, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_group(apps, GROUP, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_board_people_and_decisions"),
        ("funding", "0004_recipient_and_funder_identifiers"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
