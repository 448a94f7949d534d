"""ASGI entry point (uvicorn mishu.asgi:application)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mishu.settings")
application = get_asgi_application()
