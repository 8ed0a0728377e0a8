from django.db import migrations

from portal.security.roles import ensure_group, remove_group

GROUP = "Communications"


def create_group(apps, schema_editor):
    ensure_group(
        apps,
        GROUP,
        model_permissions=[
            ("portal", "change_sitesettings"),
            ("wagtailredirects", "add_redirect"),
            ("wagtailredirects", "change_redirect"),
            ("wagtailredirects", "delete_redirect"),
        ],
        # Edit and submit for moderation; the Moderators group publishes.
        page_permissions=["add_page", "change_page", "lock_page", "unlock_page"],
        collection_permissions=[
            ("wagtailimages", "add_image"),
            ("wagtailimages", "change_image"),
            ("wagtailimages", "choose_image"),
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "change_document"),
            ("wagtaildocs", "choose_document"),
        ],
    )


def delete_group(apps, schema_editor):
    remove_group(apps, GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0001_initial"),
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
