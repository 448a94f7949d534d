"""The tables taken over from the facilities app get this app's names; the change log, the
permissions and the history of its records follow (their content types move with the models)."""

from django.db import migrations

MODELS = ['buildingproject', 'emsinstallation', 'energyproject', 'equipmentreplacement', 'maintenancetask', 'meter', 'meterreading', 'projectprogress', 'safetytraining', 'satisfactionsurvey', 'signagerequest', 'stallcall', 'stallapplication', 'surveyresponse', 'upkeepbudget']


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label="building", model=model).exists():
            ContentType.objects.filter(app_label="facilities", model=model).update(
                app_label="building"
            )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="building", model__in=MODELS).update(app_label="facilities")


class Migration(migrations.Migration):
    dependencies = [
        ("building", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name='buildingproject', table=None),
        migrations.AlterModelTable(name='emsinstallation', table=None),
        migrations.AlterModelTable(name='energyproject', table=None),
        migrations.AlterModelTable(name='equipmentreplacement', table=None),
        migrations.AlterModelTable(name='maintenancetask', table=None),
        migrations.AlterModelTable(name='meter', table=None),
        migrations.AlterModelTable(name='meterreading', table=None),
        migrations.AlterModelTable(name='projectprogress', table=None),
        migrations.AlterModelTable(name='safetytraining', table=None),
        migrations.AlterModelTable(name='satisfactionsurvey', table=None),
        migrations.AlterModelTable(name='signagerequest', table=None),
        migrations.AlterModelTable(name='stallcall', table=None),
        migrations.AlterModelTable(name='stallapplication', table=None),
        migrations.AlterModelTable(name='surveyresponse', table=None),
        migrations.AlterModelTable(name='upkeepbudget', table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
