"""The `mishu` console script: the project's manage.py."""

import getpass
import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a Django management command, attributing every write it makes to the operator."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mishu.settings")
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "mishu"
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    from mishu.core.audit import audit_context

    command = argv[1] if len(argv) > 1 else "help"
    operator = os.environ.get("MISHU_OPERATOR") or getpass.getuser()
    with audit_context(source="command", actor_name=f"{operator} (mishu {command})"):
        execute_from_command_line(argv)


if __name__ == "__main__":
    main()
