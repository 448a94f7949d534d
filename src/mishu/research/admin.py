from django.contrib import admin

from . import models

for model in (
    models.PhoneTest,
    models.Bulletin,
    models.TrainingSession,
    models.TrainingAttendance,
):
    admin.site.register(model)
