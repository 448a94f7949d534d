from django.contrib import admin

from . import models

for model in (models.Issue, models.Item, models.Subscription, models.Yearbook):
    admin.site.register(model)
