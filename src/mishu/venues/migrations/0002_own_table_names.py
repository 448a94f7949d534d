"""The tables taken over from the facilities app get this app's names; the change log, the
permissions and the history of its records follow (their content types move with the models)."""

from django.db import migrations

MODELS = ['booking', 'bookingevent', 'venue', 'venuerate']


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label="venues", model=model).exists():
            ContentType.objects.filter(app_label="facilities", model=model).update(
                app_label="venues"
            )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="venues", model__in=MODELS).update(app_label="facilities")


class Migration(migrations.Migration):
    dependencies = [
        ("venues", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name='booking', table=None),
        migrations.AlterModelTable(name='bookingevent', table=None),
        migrations.AlterModelTable(name='venue', table=None),
        migrations.AlterModelTable(name='venuerate', table=None),
        migrations.RenameIndex(
            model_name='booking',
            new_name='venues_book_venue_i_cae85e_idx',
            old_name='facilities__venue_i_fa51da_idx',
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
