from django.contrib import admin

from . import models

for model in (
    models.Delegation,
    models.Trip,
    models.SisterCity,
    models.AgreementStage,
    models.GrantApplication,
    models.Meeting,
    models.Attendance,
):
    admin.site.register(model)
