"""Split every existing report template into its sections and record who writes each (the
template bodies themselves are kept as they are)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from mishu.reports import structure

    ReportTemplate = apps.get_model("reports", "ReportTemplate")
    StructureSection = apps.get_model("reports", "StructureSection")
    Division = apps.get_model("core", "Division")
    divisions = {d.code: d for d in Division.objects.all()}
    for template in ReportTemplate.objects.all():
        for order, part in enumerate(structure.split(template.body)):
            StructureSection.objects.get_or_create(
                template=template,
                key=part.key,
                defaults={
                    "title": part.title,
                    "order": order,
                    "division": divisions.get(structure.DEFAULT_OWNERS.get(part.key)),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_drafts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
