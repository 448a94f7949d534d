"""Demo data of the foundation: a few users per division, with roles."""

from .models import Division, Role, User

DEMO_PASSWORD = "mishu-demo"

# username, division code, roles, full name, title
DEMO_USERS = [
    ("admin", None, ["admin"], "系統管理員", "系統管理員"),
    ("wen.clerk", "documents", ["clerk"], "文書承辦", "科員"),
    ("wen.chief", "documents", ["supervisor"], "文書股長", "股長"),
    ("media.clerk", "media", ["clerk"], "媒體承辦", "科員"),
    ("general.clerk", "general-affairs", ["clerk"], "總務承辦", "科員"),
    ("general.eval", "general-affairs", ["evaluator"], "研考專員", "專員"),
    ("intl.clerk", "international", ["clerk"], "國際承辦", "科員"),
    ("conf.clerk", "confidential", ["clerk"], "機要承辦", "科員"),
    ("citizen.clerk", "citizen-services", ["clerk"], "市民服務承辦", "科員"),
    ("hall.clerk", "city-hall", ["clerk"], "公管中心承辦", "技士"),
]


def load() -> None:
    """Create the demo users (idempotent: existing users keep their passwords)."""
    for username, division_code, roles, full_name, title in DEMO_USERS:
        division = Division.objects.get(code=division_code) if division_code else None
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": full_name,
                "division": division,
                "title": title,
                "is_staff": "admin" in roles,
                "is_superuser": "admin" in roles,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.roles.set(Role.objects.filter(code__in=roles))


def describe() -> list[str]:
    """Lines telling how to log in."""
    return [f"  {u:<15} {name}（{div or '全府'}）" for u, div, _r, name, _t in DEMO_USERS]
