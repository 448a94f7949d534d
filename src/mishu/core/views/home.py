"""The staff home page and one home page per division."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from .. import inbox
from .. import permissions as rights
from ..models import Division, ObjectChange
from ..navigation import modules_for, modules_of


class HomeView(LoginRequiredMixin, TemplateView):
    """Where a user lands: their inbox (待辦, 待核, 逾期 with counts and the reminders due now),
    the modules of their division first and then the others they may open, their recent
    changes."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        tabs = inbox.collect(user)
        own, other = modules_of(user)
        due_soon, overdue = inbox.reminders(tabs)
        ctx.update(
            my_division=user.division,
            tabs=[
                tabs[inbox.MINE],
                *([tabs[inbox.REVIEW]] if inbox.is_reviewer(user) else []),
                *([tabs[inbox.OVERDUE]] if user.division_id else []),
            ],
            due_soon=due_soon,
            overdue=overdue,
            own_modules=own,
            other_modules=other,
            recent_changes=ObjectChange.objects.filter(user=user).select_related("content_type")[
                :10
            ],
        )
        return ctx


class DivisionHomeView(LoginRequiredMixin, TemplateView):
    """A division's page: its modules and what it recorded lately (only what the user may see)."""

    template_name = "core/division.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        division = get_object_or_404(
            Division.objects.restrict(self.request.user), code=kwargs["code"]
        )
        scope = rights.division_scope(self.request.user, rights.VIEW)
        ctx.update(
            division=division,
            can_see_records=scope is rights.ALL or scope == division.pk,
            modules=modules_for(division),
            members=division.members.filter(is_active=True).order_by("username")
            if scope is rights.ALL or scope == division.pk
            else [],
        )
        return ctx


class LoginView(auth_views.LoginView):
    """The staff log-in; an address refused for too many failures gets the lockout page (429),
    as django-axes answers for a locked user name."""

    def form_invalid(self, form):
        if getattr(self.request, "mishu_login_throttled", False):
            return render(self.request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return super().form_invalid(form)
