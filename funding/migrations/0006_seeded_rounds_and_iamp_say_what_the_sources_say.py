"""Seeded content already in a database says what its sources say: the seeded rounds
lose the "Announced" status no source gave (it was the field's default), and the IAMP
project names the councils its Enterprise Zone site names."""

from django.db import migrations

SEEDED_ROUNDS = ["lgf-growth-deal-2014", "gpf-allocation", "gbf-allocation"]


def forwards(apps, schema_editor):
    FundRound = apps.get_model("funding", "FundRound")
    FundedProject = apps.get_model("funding", "FundedProject")
    FundRound.objects.filter(identifier__in=SEEDED_ROUNDS, status="announced").update(
        status=""
    )
    FundedProject.objects.filter(identifier="lgf-iamp", local_authority="").update(
        local_authority="south-tyneside", also_in_local_authority="sunderland"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0005_project_second_local_authority_and_optional_round_status"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
