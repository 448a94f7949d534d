"""Generic record views (NetBox style): list with filters and export, detail, edit, delete, history.

Every one of them reads through the restricted queryset, so a user never sees or changes a record
outside their rights, whatever page or export they ask for.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .. import exportjobs
from .. import permissions as rights
from ..copyexport import server_csv
from ..exports import FORMATS, export_response
from ..filtersets import count_choice_fields, label_choice_counts, list_record_choices
from ..forms import restrict_related_fields
from ..history import changes_for, field_changes
from ..paginator import BoundedPaginator
from ..tables import (
    cell,
    column_formatters,
    column_label,
    export_rows,
    parse_sort,
    sort_headers,
    sortable_columns,
)


def url_name(model, suffix: str) -> str:
    """The URL name of a generic view: `<app_label>:<model_name>_<suffix>`."""
    return f"{model._meta.app_label}:{model._meta.model_name}_{suffix}"


class ModelViewMixin(LoginRequiredMixin):
    model = None
    action = rights.VIEW

    def get_queryset(self):
        return self.model.objects.restrict(self.request.user, self.action)

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        meta = self.model._meta
        try:
            import_url = reverse(url_name(self.model, "import"))
        except NoReverseMatch:
            import_url = None
        ctx.update(
            import_url=import_url,
            model_name=meta.verbose_name,
            model_name_plural=meta.verbose_name_plural,
            list_url=reverse(url_name(self.model, "list")),
            add_url=reverse(url_name(self.model, "add")),
            can_add=rights.division_scope(self.request.user, rights.ADD) is not None,
        )
        return ctx


class ObjectListView(ModelViewMixin, TemplateView):
    """A filterable, sortable, paginated list that also exports what it shows (CSV, XLSX, ODS).

    `sort_fields` ({column: order_by expression}) names the columns a user may sort by
    (default: every column that is a plain field, see `tables.sortable_columns`); `count_filters`
    the choice filters whose choices show their counts (default: the filters over a field with
    choices; a list over a very large table sets it to those its indexes make cheap, or ())."""

    template_name = "core/object_list.html"
    filterset_class = None
    columns: list[str] = []
    export_columns: list[str] | None = None
    paginate_by = 50
    sort_fields: dict | None = None
    count_filters: tuple | None = None
    sort = None  # (column, descending) once `sorted()` has read the address

    def export_title(self) -> str:
        """What the export file is called before its date (「公文_115年12月03日.xlsx」)."""
        return str(self.model._meta.verbose_name_plural)

    def sortable(self) -> dict:
        return sortable_columns(self.model, self.columns, self.sort_fields)

    def sorted(self, qs):
        """`qs` in the order the user chose (`?sort=col` / `?sort=-col`), the pk breaking ties
        so that pages never overlap; unchanged when no or an unknown column is asked for."""
        sortable = self.sortable()
        self.sort = parse_sort(self.request.GET.get("sort"), sortable)
        if self.sort is None:
            return qs
        key, descending = self.sort
        expr = sortable[key]
        return qs.order_by(f"-{expr}" if descending else expr, "-pk" if descending else "pk")

    def get_queryset(self):
        # follow the foreign keys the columns show in the same query (no query per row)
        names = set(self.columns) | set(self.export_columns or ())
        related = [
            f.name for f in self.model._meta.concrete_fields if f.is_relation and f.name in names
        ]
        return super().get_queryset().select_related(*related)

    def filtered(self):
        qs = self.get_queryset()
        if self.filterset_class is None:
            return None, qs
        fs = self.filterset_class(self.request.GET or None, queryset=qs, request=self.request)
        return fs, (
            fs.qs if fs.is_bound and fs.is_valid() else qs if not fs.is_bound else qs.none()
        )

    def export_table(self, fmt: str):
        """(header, lazy rows, sheet name) of the export of what the page lists (its filter and
        sort): CSV gets the text people read (ROC dates), XLSX and ODS typed cells."""
        _fs, qs = self.filtered()
        qs = self.sorted(qs)
        cols = self.export_columns or self.columns
        header = [column_label(self.model, c) for c in cols]
        rows = fmt == "csv" and server_csv(qs, cols)  # PostgreSQL writes the CSV when it can
        rows = rows or export_rows(qs, cols, is_typed=fmt != "csv")
        return header, rows, str(self.model._meta.verbose_name_plural)

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt in FORMATS:
            _fs, qs = self.filtered()
            total = qs.count()
            if total > exportjobs.threshold():  # too long to wait for: a job with a progress page
                job = exportjobs.start(request, fmt, self.export_title(), total)
                return redirect("export_job", pk=job.pk)
            header, rows, sheet = self.export_table(fmt)
            return export_response(
                fmt, self.model._meta.model_name, header, rows, sheet, title=self.export_title()
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        fs, qs = self.filtered()
        qs = self.sorted(qs)
        page = BoundedPaginator(qs, self.paginate_by).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        for key in ("page", "export", "sort"):
            query.pop(key, None)
        if fs is not None:
            list_record_choices(fs.form)
            names = count_choice_fields(type(fs), self.model, self.count_filters)
            label_choice_counts(fs, names, self.request)
        sort_query = self.request.GET.copy()
        for key in ("page", "export"):
            sort_query.pop(key, None)
        ctx.update(
            filterset=fs,
            filtered=fs is not None
            and fs.is_bound
            and any(v for k, v in self.request.GET.items() if k in fs.filters),
            page=page,
            query=sort_query.urlencode(),
            export_formats=FORMATS,
            headers=sort_headers(
                self.model, self.columns, self.sortable(), self.sort, query.urlencode()
            ),
            rows=self.page_rows(page.object_list),
        )
        return ctx

    def page_rows(self, object_list) -> list:
        """[(object with get_absolute_url, [cell text per column])] for the page's records.
        A list over a very large table may override this to read plain values instead."""
        formatters = column_formatters(self.model, self.columns)
        return [(obj, [f(obj) for f in formatters]) for obj in object_list]


class ObjectDetailView(ModelViewMixin, TemplateView):
    """One record with all its fields and links to edit, delete and history."""

    template_name = "core/object_detail.html"
    fields: list[str] | None = None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        obj = self.get_object()
        names = self.fields or [f.name for f in self.model._meta.fields if f.name != "id"]
        ctx.update(
            object=obj,
            rows=[(column_label(self.model, n), cell(obj, n)) for n in names],
            can_change=rights.can(self.request.user, rights.CHANGE, obj),
            can_delete=rights.can(self.request.user, rights.DELETE, obj),
            edit_url=reverse(url_name(self.model, "edit"), args=[obj.pk]),
            delete_url=reverse(url_name(self.model, "delete"), args=[obj.pk]),
            history_url=reverse(url_name(self.model, "history"), args=[obj.pk]),
        )
        return ctx


class ObjectEditView(ModelViewMixin, TemplateView):
    """Create (no pk) or change a record; the division is limited to those the user may write."""

    template_name = "core/object_form.html"
    form_class = None

    def dispatch(self, request, *args, **kwargs):
        self.action = rights.CHANGE if "pk" in kwargs else rights.ADD
        return super().dispatch(request, *args, **kwargs)

    def get_instance(self):
        if "pk" in self.kwargs:
            return self.get_object()
        if rights.division_scope(self.request.user, rights.ADD) is None:
            raise PermissionDenied
        return self.model(
            division=getattr(self.request.user, "division", None), created_by=self.request.user
        )

    def get_form(self, instance):
        form = self.form_class(self.request.POST or None, instance=instance)
        restrict_related_fields(form, self.request.user, self.action)
        return form

    def get(self, request, *args, **kwargs):
        instance = self.get_instance()
        return self.render_to_response(
            self.get_context_data(form=self.get_form(instance), object=instance)
        )

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        form = self.get_form(instance)
        if form.is_valid():
            with transaction.atomic():
                obj = form.save()
            messages.success(request, _("Saved: %(obj)s") % {"obj": obj})
            return redirect(obj.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form, object=instance))


class ObjectDeleteView(ModelViewMixin, TemplateView):
    """Confirm, then delete a record (the change log keeps what it held)."""

    template_name = "core/object_confirm_delete.html"
    action = rights.DELETE

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["object"] = self.get_object()
        return ctx

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        label = str(obj)
        try:
            with transaction.atomic():
                obj.delete()
        except (ProtectedError, RestrictedError) as exc:
            # Other records still point to this one (a meter's readings, a venue's bookings):
            # say which, delete nothing.
            blocking = sorted({str(o._meta.verbose_name_plural) for o in exc.args[1]})
            messages.error(
                request,
                _("%(obj)s cannot be deleted: records still refer to it (%(kinds)s).")
                % {"obj": label, "kinds": "、".join(blocking)},
            )
            return redirect(reverse(url_name(self.model, "detail"), args=[obj.pk]))
        messages.success(request, _("Deleted: %(obj)s") % {"obj": label})
        return redirect(reverse(url_name(self.model, "list")))


class ObjectHistoryView(ModelViewMixin, TemplateView):
    """The change log of one record: who, when, through what, each field before and after."""

    template_name = "core/object_history.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        obj = self.get_object()
        page = Paginator(changes_for(obj), 50).get_page(self.request.GET.get("page"))
        ctx.update(
            object=obj,
            page=page,
            changes=[(change, field_changes(self.model, change)) for change in page.object_list],
        )
        return ctx


def model_urls(
    model,
    *,
    list_view,
    detail_view,
    edit_view,
    delete_view=ObjectDeleteView,
    history_view=ObjectHistoryView,
):
    """The six URL patterns of a record type, named as `url_name()` expects."""
    from django.urls import path

    name = model._meta.model_name

    def bound(view):
        return view.as_view(model=model) if view.model is None else view.as_view()

    return [
        path("", bound(list_view), name=f"{name}_list"),
        path("add/", bound(edit_view), name=f"{name}_add"),
        path("<int:pk>/", bound(detail_view), name=f"{name}_detail"),
        path("<int:pk>/edit/", bound(edit_view), name=f"{name}_edit"),
        path("<int:pk>/delete/", bound(delete_view), name=f"{name}_delete"),
        path("<int:pk>/history/", bound(history_view), name=f"{name}_history"),
    ]
