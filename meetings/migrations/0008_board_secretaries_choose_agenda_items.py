"""Board secretaries pick a decision's agenda item in a chooser: they may see agenda
items there (they already edit them on their meetings' forms)."""

from django.db import migrations

from portal.security.roles import grant_to_group, revoke_from_group

GROUP = "Board secretaries"
PERMISSIONS = [("meetings", "view_agendaitem")]


def grant(apps, schema_editor):
    grant_to_group(apps, GROUP, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_group(apps, GROUP, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0007_board_secretaries_view_funding")]

    operations = [migrations.RunPython(grant, revoke)]
