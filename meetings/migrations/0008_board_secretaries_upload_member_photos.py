"""Board secretaries upload and choose members' photos, in the "Board members"
collection only: the rest of the image library stays the communications team's."""

from django.db import migrations

from portal.security.roles import grant_in_collection, revoke_in_collection

GROUP = "Board secretaries"
COLLECTION = "Board members"
PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


def grant(apps, schema_editor):
    grant_in_collection(apps, GROUP, COLLECTION, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_in_collection(apps, GROUP, COLLECTION, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0007_board_secretaries_view_funding"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
