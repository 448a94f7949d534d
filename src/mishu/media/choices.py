"""Choices of the media records. Values of `Platform` are the members of `media.social_posts`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    FACEBOOK = "臉書", _("Facebook")
    INSTAGRAM = "Instagram", _("Instagram")
    TWITTER = "Twitter", _("Twitter")
    LINE = "LINE", _("LINE")
    YOUTUBE = "YouTube", _("YouTube")


class EngagementKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview with the mayor")  # 媒體專訪市長
    DINNER = "dinner", _("Mayor's dinner with the media")  # 市長與媒體餐敘


class ProductionKind(models.TextChoices):
    IMAGE = "image", _("Image")  # 圖片
    VIDEO = "video", _("Video")  # 影片


class ResponseStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")  # 已請機關回應
    REPLIED = "replied", _("Replied")  # 已回應
