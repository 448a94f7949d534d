from django.contrib import admin

from . import models

for model in (
    models.Term,
    models.Session,
    models.Member,
    models.Question,
    models.Visit,
    models.CityMeeting,
    models.Directive,
    models.DirectiveProgress,
):
    admin.site.register(model)
