"""The form renderer (settings.FORM_RENDERER): Django's own widget templates, except that a
select and a plain input are written out here in Python, byte for byte as those templates write
them. Django renders each `<option>` through two templates: a filter form with a few hundred
choices (units, handlers, agencies) spent more time there than in all its SQL (bench/README,
"City volume"). A widget whose template is overridden (by an app, or another option template)
goes through the templates as before; core/tests/test_renderers.py holds the two equal."""

import html
from pathlib import Path

import django
from django.forms.models import ModelChoiceIteratorValue
from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
SELECT = WIDGETS + "select.html"
OPTION = WIDGETS + "select_option.html"
# the widget templates that are nothing but `{% include "django/forms/widgets/input.html" %}`
INPUTS = frozenset(
    WIDGETS + f"{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "checkbox",
    )
)
DJANGO_TEMPLATES = Path(django.__file__).parent / "forms" / "templates"

_CONTEXT = Context()  # what a template renders with: autoescape on, the active language's format


def text(value) -> str:
    """`{{ value }}`: localized, escaped unless already safe. A plain `str` (most of what a
    page writes: labels, cells) is only escaped, as Django's `escape` does it, without the
    round of localize / timezone / lazy-string checks."""
    if type(value) is str:
        return html.escape(value)
    return render_value_in_context(value, _CONTEXT)


def _string(value) -> str:
    """`{{ value|stringformat:'s' }}` (a plain str or int, or a record choice's key, is its
    `%s`, escaped)."""
    if type(value) is ModelChoiceIteratorValue:
        value = value.value
    if type(value) is str or type(value) is int:
        return html.escape(str(value))
    return render_value_in_context(stringformat(value, "s"), _CONTEXT)


def attrs_html(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {text(name)}" if value is True else f' {text(name)}="{_string(value)}"')
    return "".join(out)


def select_html(widget: dict) -> str:
    """django/forms/widgets/select.html with its options (select_option.html), stripped as
    the renderer strips a widget's output."""
    parts = [f'<select name="{text(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{text(group_name)}">')
        for option in group_choices:
            parts.append(
                f'\n  <option value="{_string(option["value"])}"{attrs_html(option["attrs"])}>'
                f"{text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def input_html(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = widget["value"]
    shown = f' value="{_string(value)}"' if value is not None else ""
    return (
        f'<input type="{text(widget["type"])}" name="{text(widget["name"])}"{shown}'
        f"{attrs_html(widget['attrs'])}>"
    )


class FastRenderer(DjangoTemplates):
    """Django's template renderer, with selects and inputs written in Python (see the module)."""

    @cached_property
    def own(self) -> frozenset:
        """The templates of SELECT, OPTION and INPUTS that are still Django's own files (an
        app overriding one gets its template rendered)."""
        found = set()
        for name in (SELECT, OPTION, *INPUTS):
            origin = self.get_template(name).origin.name
            if Path(origin).is_relative_to(DJANGO_TEMPLATES):
                found.add(name)
        return frozenset(found)

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and template_name in self.own:
            if template_name == SELECT and OPTION in self.own:
                options = (o for _n, group, _i in widget["optgroups"] for o in group)
                if all(o.get("template_name") == OPTION for o in options):
                    return mark_safe(select_html(widget))
            elif template_name in INPUTS:
                return mark_safe(input_html(widget))
        return super().render(template_name, context, request)


def _required(bf) -> str:
    return ' <span class="req" aria-hidden="true">*</span>' if bf.field.required else ""


def field_html(bf) -> str:
    """One field of a form as templates/core/_field.html wrote it (label or legend, the
    widget, help, errors; a hidden field is its widget alone), without the file's last
    newline. A form's dozen fields through an included template cost a list page more than its
    table; core/tests/test_field_html.py holds this equal to that template."""
    if bf.is_hidden:
        return text(bf)
    errors = bf.errors
    error_class = " has-error" if errors else ""
    if bf.use_fieldset:
        described = bf.aria_describedby
        described = f' aria-describedby="{text(described)}"' if described else ""
        head = (
            f'\n<fieldset class="field{error_class}"{described}>\n'
            f"  <legend>{text(bf.label)}{_required(bf)}</legend>"
        )
        end = "</fieldset>"
    else:
        head = (
            f'\n<div class="field{error_class}">\n'
            f'  <label for="{text(bf.id_for_label)}">{text(bf.label)}{_required(bf)}</label>'
        )
        end = "</div>"
    auto_id = bf.auto_id
    help_html = ""
    if bf.help_text:
        at = f' id="{text(auto_id)}_helptext"' if auto_id else ""
        help_html = f'<p class="help"{at}>{text(bf.help_text)}</p>'
    errors_html = ""
    if errors:
        at = f' id="{text(auto_id)}_error"' if auto_id else ""
        errors_html = (
            f'<div class="errors"{at}>{"".join(f"<p>{text(e)}</p>" for e in errors)}</div>'
        )
    return f"{head}\n  {text(bf)}\n  {help_html}\n  {errors_html}\n{end}"


def fields_html(form) -> str:
    """Every field of `form`, each as `field_html` and its newline (templates/core/_fields.html
    after its error summary)."""
    return "".join(f"{field_html(bf)}\n" for bf in form)
