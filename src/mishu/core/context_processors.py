"""Template context shared by every page: navigation and the user's division."""

from .models import Division
from .navigation import MODULES


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"nav_divisions": Division.objects.all(), "nav_modules": MODULES}
