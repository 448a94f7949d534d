"""The returns' table gets this app's name; the change log, the permissions and the history of the
returns follow (their content type moves with the model)."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="edocs", model="edocumentreturn").exists():
        ContentType.objects.filter(app_label="documents", model="edocumentreturn").update(
            app_label="edocs"
        )


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="edocs", model="edocumentreturn").update(
        app_label="documents"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("edocs", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="edocumentreturn", table=None),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
