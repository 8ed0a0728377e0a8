from django.db import migrations

from portal.security.roles import ensure_group, remove_group

GROUP = "Funding editors"
MODELS = ["source", "fund", "figure", "fundround", "fundedproject", "enterprisezonesite"]
PUBLISHABLE = [name for name in MODELS if name != "source"]
# Wagtail creates these snippet permissions only after the last migration.
EXTRA_ACTIONS = ["publish", "lock", "unlock"]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in PUBLISHABLE:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="funding", model=model
        )
        for action in EXTRA_ACTIONS:
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
    permissions = [
        ("funding", f"{action}_{model}")
        for model in MODELS
        for action in ("add", "change", "delete", "view")
    ]
    permissions += [
        ("funding", f"{action}_{model}")
        for model in PUBLISHABLE
        for action in EXTRA_ACTIONS
    ]
    ensure_group(apps, GROUP, model_permissions=permissions)


def delete_group(apps, schema_editor):
    remove_group(apps, GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        # These give "choose" permissions to every admin group: run them first.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
