"""Test helpers of the register, importable by other apps' tests."""

from . import services, workflow


def advance(doc, *steps, user=None, on=None, **fields):
    """Take the workflow `steps` in order and return the document: 分文 goes to the document's
    handler or to a clerk of its unit (made when it has none), and dispatch first passes the
    supervisor's sign-off where the unit requires it. `on` and `fields` go to the last step."""
    from mishu.core.testing import UserFactory

    for i, name in enumerate(steps):
        last = i == len(steps) - 1
        kwargs = {"on": on, **fields} if last else {}
        if name == "assign" and kwargs.get("handler") is None:
            handler = doc.handler or services.eligible_handlers(doc).first()
            if handler is None:
                handler = UserFactory(division=doc.division, roles=["clerk"])
            kwargs["handler"] = handler
        if name == "dispatch" and "approve" in services.available(doc):
            doc = services.transition(doc, "approve", user)
        doc = services.transition(doc, name, user, **kwargs)
    return doc


__all__ = ["advance", "workflow"]
