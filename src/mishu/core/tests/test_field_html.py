"""A form's fields are written in Python (core/renderers.py `field_html`, `fields_html`: the
`field_html` / `fields_html` filters that templates/core/_field.html and _fields.html now are):
the HTML must be exactly what the templates gave (label or legend, required mark, widget, help,
errors, their ids), for every kind of field, bound or not, valid or not, in both languages. And
`renderers.text`, which writes a plain string without Django's full round, must equal
`{{ value }}` for every kind of value."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.template import Context, Template
from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from mishu.core import renderers
from mishu.core.filtersets import list_record_choices
from mishu.documents.filtersets import DocumentFilterSet

# templates/core/_field.html and _fields.html as they were before `field_html`
OLD_FIELD = '{% if field.is_hidden %}{{ field }}{% else %}{% if field.use_fieldset %}\n<fieldset class="field{% if field.errors %} has-error{% endif %}"{% if field.aria_describedby %} aria-describedby="{{ field.aria_describedby }}"{% endif %}>\n  <legend>{{ field.label }}{% if field.field.required %} <span class="req" aria-hidden="true">*</span>{% endif %}</legend>{% else %}\n<div class="field{% if field.errors %} has-error{% endif %}">\n  <label for="{{ field.id_for_label }}">{{ field.label }}{% if field.field.required %} <span class="req" aria-hidden="true">*</span>{% endif %}</label>{% endif %}\n  {{ field }}\n  {% if field.help_text %}<p class="help"{% if field.auto_id %} id="{{ field.auto_id }}_helptext"{% endif %}>{{ field.help_text }}</p>{% endif %}\n  {% if field.errors %}<div class="errors"{% if field.auto_id %} id="{{ field.auto_id }}_error"{% endif %}>{% for e in field.errors %}<p>{{ e }}</p>{% endfor %}</div>{% endif %}\n{% if field.use_fieldset %}</fieldset>{% else %}</div>{% endif %}{% endif %}\n'
OLD_FIELDS = '{% comment %}Every field of `form`, after a summary of its errors (core/_error_summary.html: each\nerror a link to its field; forms.js moves focus to it). A field\'s help and errors carry the ids\nits aria-describedby names ({auto_id}_helptext, {auto_id}_error, set by Django\'s BoundField).{% endcomment %}{% include "core/_error_summary.html" %}\n{% for field in form %}{% include "core/_field.html" %}{% endfor %}\n'.replace(
    '{% include "core/_field.html" %}', OLD_FIELD
)


class Everything(forms.Form):
    name = forms.CharField(label='Name <&> "q"', help_text="Help & <b>more</b>", max_length=5)
    count = forms.IntegerField(required=False, help_text=mark_safe("<em>safe help</em>"))
    kind = forms.ChoiceField(choices=[("a", "甲"), ("b", "乙")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[(1, "one"), (2, "two")], widget=forms.CheckboxSelectMultiple, required=False
    )
    secret = forms.CharField(widget=forms.HiddenInput, required=False)
    tick = forms.BooleanField(required=False, label=gettext_lazy("Open"))
    when = forms.DateField(required=False)

    def clean(self):
        raise forms.ValidationError("The whole form <is> wrong")


VALID = {"name": "ab", "count": "3", "kind": "a", "many": ["1"], "when": "2026-12-08"}
INVALID = {"name": "too long <x>", "count": "x", "kind": "z", "many": ["9"], "when": "no"}


def _old_and_new(form):
    ctx = Context({"form": form})
    old = Template(OLD_FIELDS).render(ctx)
    new = Template("{% include 'core/_fields.html' %}").render(ctx)
    return old, new


@pytest.mark.parametrize("language", ["zh-hant", "en"])
@pytest.mark.parametrize("data", [None, VALID, INVALID], ids=["unbound", "valid", "invalid"])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_every_field_renders_as_the_template_did(language, data, auto_id):
    with override(language):
        form = Everything(data, auto_id=auto_id)
        form.is_valid()
        old, new = _old_and_new(form)
        assert new == old
        for name in form.fields:  # one field through the include of core/_field.html
            ctx = Context({"field": form[name]})
            assert Template("{% include 'core/_field.html' %}").render(ctx) == Template(
                OLD_FIELD
            ).render(ctx)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_a_list_filter_form_renders_as_the_template_did(language):
    with override(language):
        for data in (None, {"division": "abc", "period": "zz", "state": "closed"}):
            fs = DocumentFilterSet(data, queryset=DocumentFilterSet._meta.model.objects.all())
            list_record_choices(fs.form)
            old, new = _old_and_new(fs.form)
            assert new == old
    assert 'class="field has-error"' in new and "<legend>" not in new


def test_errors_help_and_required_marks_are_written():
    form = Everything(INVALID)
    html = renderers.fields_html(form)
    assert '<div class="errors" id="id_name_error"><p>' in html
    assert '<p class="help" id="id_name_helptext">Help &amp; &lt;b&gt;more&lt;/b&gt;</p>' in html
    assert "<em>safe help</em>" in html
    assert '<legend>Kind <span class="req" aria-hidden="true">*</span></legend>' in html
    assert '<label for="id_name">Name &lt;&amp;&gt; &quot;q&quot;' in html


@pytest.mark.parametrize(
    "value",
    [
        "a <b> & \"c\" 'd'",
        "",
        mark_safe("<em>x</em>"),
        gettext_lazy("Open"),
        1234567,
        True,
        None,
        Decimal("1234.5"),
        1234.5,
        datetime.date(2026, 12, 8),
        datetime.datetime(2026, 12, 8, 8, 38, tzinfo=datetime.UTC),
        ModelChoiceIteratorValue(12, None),
        ModelChoiceIteratorValue("a&b", None),
        ("t", 1),
    ],
)
@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_text_writes_a_value_as_the_template_would(value, language):
    ctx = Context()
    with override(language), timezone.override("Asia/Taipei"):
        assert renderers.text(value) == render_value_in_context(value, ctx)
        assert renderers._string(value) == render_value_in_context(stringformat(value, "s"), ctx)
