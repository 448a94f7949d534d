# The e-document returns taken over from the documents app (state only; table and data untouched).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('documents', '0005_hand_over_returns_to_edocs'),
        ('core', '0002_organisation'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EDocumentReturn',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('last_updated', models.DateTimeField(auto_now=True, verbose_name='last updated')),
                        ('period', models.CharField(help_text='A year (108) or a half-year (108H1, 108H2).', max_length=10, verbose_name='period')),
                        ('starts_on', models.DateField(editable=False, verbose_name='period start')),
                        ('ends_on', models.DateField(editable=False, verbose_name='period end')),
                        ('paper_incoming', models.PositiveIntegerField(blank=True, help_text='Not asked of the secretariat: the register counts it.', null=True, verbose_name='paper incoming documents')),
                        ('paper_signed_online', models.PositiveIntegerField(blank=True, null=True, verbose_name='paper incoming documents signed off online')),
                        ('documents_total', models.PositiveIntegerField(blank=True, help_text='Not asked of the secretariat: the register counts it.', null=True, verbose_name='documents handled')),
                        ('documents_signed_online', models.PositiveIntegerField(blank=True, null=True, verbose_name='documents signed off online')),
                        ('meetings_total', models.PositiveIntegerField(verbose_name='meetings held')),
                        ('e_meetings', models.PositiveIntegerField(verbose_name='paperless meetings')),
                        ('paper_baseline_boxes', models.DecimalField(decimal_places=1, help_text='The boxes of paper the saving is measured against.', max_digits=10, verbose_name='paper purchase baseline (boxes)')),
                        ('paper_saved_boxes', models.DecimalField(decimal_places=1, max_digits=10, verbose_name='paper boxes saved')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.agency', verbose_name='agency')),
                        ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('division', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.division', verbose_name='division')),
                    ],
                    options={
                        'db_table': 'documents_edocumentreturn',
                        'verbose_name': 'e-document return',
                        'verbose_name_plural': 'e-document returns',
                        'ordering': ['-starts_on', 'agency__order', 'agency__code'],
                        'indexes': [models.Index(fields=['starts_on', 'ends_on'], name='documents_edocreturn_span')],
                        'constraints': [models.UniqueConstraint(fields=('agency', 'period'), name='documents_edocreturn_agency_period')],
                    },
                ),
            ],
        ),
    ]
