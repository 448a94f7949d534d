# The models taken over from the facilities app (state only; tables and data untouched).

import datetime
import django.core.validators
import django.db.models.deletion
import mishu.core.models.scoped
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('facilities', '0004_hand_over_to_venues_and_building'),
        ('core', '0002_organisation'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # The tables exist (made by the facilities app's migrations): take over the models, keep the
    # data; 0002 gives the tables this app's names.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Booking',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('last_updated', models.DateTimeField(auto_now=True, verbose_name='last updated')),
                        ('title', models.CharField(max_length=200, verbose_name='event title')),
                        ('purpose', models.CharField(choices=[('promotion', 'Policy promotion'), ('charity', 'Charity'), ('culture', 'Culture'), ('education', 'Social education')], max_length=20, verbose_name='purpose')),
                        ('applicant_kind', models.CharField(choices=[('public', 'Public'), ('agency', 'City agency')], default='public', max_length=10, verbose_name='applicant kind')),
                        ('applicant', models.CharField(max_length=200, verbose_name='applicant')),
                        ('contact_name', models.CharField(blank=True, max_length=100, verbose_name='contact person')),
                        ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='contact phone')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                        ('starts', models.DateTimeField(verbose_name='starts')),
                        ('ends', models.DateTimeField(verbose_name='ends')),
                        ('status', models.CharField(choices=[('applied', 'Applied'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('cancelled', 'Cancelled')], default='applied', max_length=12, verbose_name='status')),
                        ('fee', models.DecimalField(decimal_places=0, default=0, max_digits=10, validators=[django.core.validators.MinValueValidator(0)], verbose_name='fee')),
                        ('fee_sessions', models.PositiveIntegerField(default=0, verbose_name='sessions charged')),
                        ('fee_rate', models.DecimalField(blank=True, decimal_places=0, max_digits=10, null=True, verbose_name='fee per session')),
                        ('fee_rate_label', models.CharField(blank=True, max_length=60, verbose_name='fee schedule line')),
                        ('fee_exempt', models.BooleanField(default=False, verbose_name='fee-exempt')),
                        ('fee_paid_on', models.DateField(blank=True, null=True, verbose_name='fee paid on')),
                        ('stage', models.BooleanField(default=False, verbose_name='mobile stage lent')),
                        ('av', models.BooleanField(default=False, verbose_name='lighting and sound lent')),
                        ('saving', models.DecimalField(decimal_places=0, default=0, help_text='What the organiser would have paid to hire the stage and equipment.', max_digits=10, validators=[django.core.validators.MinValueValidator(0)], verbose_name='saving from stage and AV')),
                        ('agency', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.agency', verbose_name='agency')),
                        ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('division', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.division', verbose_name='division')),
                    ],
                    options={
                        'db_table': 'facilities_booking',
                        'verbose_name': 'venue booking',
                        'verbose_name_plural': 'venue bookings',
                        'ordering': ['-starts'],
                    },
                    bases=(mishu.core.models.scoped.UrlMixin, models.Model),
                ),
                migrations.CreateModel(
                    name='BookingEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('action', models.CharField(max_length=20, verbose_name='action')),
                        ('at', models.DateTimeField(auto_now_add=True, verbose_name='at')),
                        ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                        ('booking', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='venues.booking')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'facilities_bookingevent',
                        'verbose_name': 'booking event',
                        'verbose_name_plural': 'booking events',
                        'ordering': ['at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Venue',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('last_updated', models.DateTimeField(auto_now=True, verbose_name='last updated')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('report_group', models.CharField(choices=[('1 樓中庭', '1F atrium'), ('市民廣場', "Citizens' plaza"), ('其他周邊場地', 'Other spaces')], default='其他周邊場地', max_length=20, verbose_name='report group')),
                        ('opens', models.TimeField(default=datetime.time(8, 0), verbose_name='bookable from')),
                        ('closes', models.TimeField(default=datetime.time(22, 0), verbose_name='bookable until')),
                        ('closed_weekdays', models.CharField(blank=True, max_length=20, verbose_name='closed weekdays')),
                        ('max_days_ahead', models.PositiveIntegerField(default=90, verbose_name='bookable at most days ahead')),
                        ('min_days_ahead', models.PositiveIntegerField(default=7, verbose_name='bookable at least days ahead')),
                        ('purposes', models.CharField(default='promotion,charity,culture,education', help_text='Comma-separated: promotion, charity, culture, education.', max_length=100, verbose_name='purposes allowed')),
                        ('fee_exempt_purposes', models.CharField(blank=True, default='promotion,charity', help_text="Comma-separated. A city agency's booking for one of these purposes pays no fee; the public always pays the fee schedule.", max_length=100, verbose_name='fee-exempt purposes for city agencies')),
                        ('active', models.BooleanField(default=True, verbose_name='active')),
                        ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('division', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.division', verbose_name='division')),
                    ],
                    options={
                        'db_table': 'facilities_venue',
                        'verbose_name': 'venue',
                        'verbose_name_plural': 'venues',
                        'ordering': ['name'],
                    },
                    bases=(mishu.core.models.scoped.UrlMixin, models.Model),
                ),
                migrations.AddField(
                    model_name='booking',
                    name='venue',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bookings', to='venues.venue', verbose_name='venue'),
                ),
                migrations.CreateModel(
                    name='VenueRate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('last_updated', models.DateTimeField(auto_now=True, verbose_name='last updated')),
                        ('label', models.CharField(max_length=60, verbose_name='label')),
                        ('amount', models.DecimalField(decimal_places=0, max_digits=10, validators=[django.core.validators.MinValueValidator(0)], verbose_name='fee')),
                        ('hours', models.DecimalField(decimal_places=1, default=Decimal('4'), help_text='How long one session at this fee lasts, e.g. 4 for a half day.', max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0.5'))], verbose_name='session length (hours)')),
                        ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('division', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.division', verbose_name='division')),
                        ('venue', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rates', to='venues.venue', verbose_name='venue')),
                    ],
                    options={
                        'db_table': 'facilities_venuerate',
                        'verbose_name': 'venue rate',
                        'verbose_name_plural': 'venue rates',
                        'ordering': ['venue', 'amount'],
                    },
                ),
                migrations.AddIndex(
                    model_name='booking',
                    index=models.Index(fields=['venue', 'starts'], name='facilities__venue_i_fa51da_idx'),
                ),
            ],
        ),
    ]
