from django.contrib import admin

from . import models

for model in (
    models.CounterContact,
    models.CoordinatedPetition,
    models.ProfessionalConsultation,
    models.VolunteerService,
    models.NursingRoom,
    models.NursingRoomUse,
):
    admin.site.register(model)
