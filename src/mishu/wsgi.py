"""WSGI entry point (gunicorn mishu.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mishu.settings")
application = get_wsgi_application()
