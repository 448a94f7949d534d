from django.contrib import admin

from . import models

for model in (
    models.PressRelease,
    models.NewsResponse,
    models.Engagement,
    models.SocialPost,
    models.Production,
):
    admin.site.register(model)
