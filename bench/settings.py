"""Settings of the benchmarks' server only: Mishu's, plus the bare views of bench/bare.py.

Never used by Mishu itself: `DJANGO_SETTINGS_MODULE=bench.settings` with the worktree on the
path (bench/pages.py starts gunicorn so).
"""

from pathlib import Path

from mishu.settings import *  # noqa: F403
from mishu.settings import TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0].get("DIRS", []), Path(__file__).parent / "templates"]
