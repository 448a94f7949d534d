# The e-document returns moved to the edocs app (its first migration takes the model over, table
# and data untouched): only the migration state forgets it here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_signoff_files"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="EDocumentReturn")],
        ),
    ]
