"""`mishu serve`: the embedded web server on http://127.0.0.1:8000/ (development and demos).

In production run `gunicorn mishu.wsgi` behind a reverse proxy instead.
"""

from django.core.management.commands.runserver import Command as RunserverCommand


class Command(RunserverCommand):
    help = "Serve Mishu on http://127.0.0.1:8000/ (the embedded default)."
