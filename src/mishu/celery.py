"""Celery application. Without a broker configured, tasks run in-process (the embedded default)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mishu.settings")

app = Celery("mishu")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
