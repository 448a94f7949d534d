from django.db import migrations


def load(apps, schema_editor):
    from mishu.core.data.organisation import sync_organisation

    sync_organisation(apps.get_model("core", "Division"), apps.get_model("core", "Agency"),
                      apps.get_model("core", "Role"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
