"""The form renderer writes selects and inputs in Python (core/renderers.py): the HTML a user
gets must be exactly what Django's widget templates give, selected state, escaping and
accessibility attributes included."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import override

from mishu.core.filtersets import list_record_choices
from mishu.core.forms import RocDateField
from mishu.core.models import Division
from mishu.core.renderers import FastRenderer
from mishu.documents.filtersets import DocumentFilterSet


class Sample(forms.Form):
    choice = forms.ChoiceField(
        choices=[("", "---------"), ("a", '甲 <A> & "quoted"'), ("b", "乙")], required=False
    )
    grouped = forms.ChoiceField(
        choices=[("東區", [("e1", "一"), ("e2", "二")]), ("西區", [("w1", "三")]), ("x", "四")]
    )
    many = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two"), (3, "three")])
    maybe = forms.NullBooleanField()
    text = forms.CharField(
        widget=forms.TextInput(attrs={"placeholder": 'say "hi" <b>', "data-x": True, "off": False})
    )
    number = forms.IntegerField()
    hidden = forms.CharField(widget=forms.HiddenInput)
    tick = forms.BooleanField(required=False)
    when = RocDateField(required=False)
    safe = forms.ChoiceField(choices=[("s", mark_safe("<em>safe</em>")), (12345, 67890)])


BOUND = {
    "choice": "a",
    "grouped": "e2",
    "many": ["1", "3"],
    "maybe": "true",
    "text": 'x<y & "z"',
    "number": "1234567",
    "hidden": "h'i",
    "tick": "on",
    "when": "115/12/08",
    "safe": "12345",
}


def _both(form):
    """Each field of `form` through Django's renderer and through ours."""
    django_renderer, ours = DjangoTemplates(), FastRenderer()
    out = []
    for name in form.fields:
        bf = form[name]
        attrs = bf.build_widget_attrs({"id": bf.auto_id})
        widget = bf.field.widget
        out.append(
            (
                name,
                widget.render(bf.html_name, bf.value(), attrs, django_renderer),
                widget.render(bf.html_name, bf.value(), attrs, ours),
            )
        )
    return out


def test_the_settings_use_the_fast_renderer():
    assert isinstance(get_default_renderer(), FastRenderer)


@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "bound"])
@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_every_widget_renders_as_django_templates_do(data, language):
    with override(language):
        for name, expected, got in _both(Sample(data)):
            assert got == expected, name


def test_selected_options_and_escaping_are_kept():
    html = dict((n, g) for n, _e, g in _both(Sample(BOUND)))
    assert (
        '<option value="a" selected>甲 &lt;A&gt; &amp; &quot;quoted&quot;</option>'
        in (html["choice"])
    )
    assert '<optgroup label="東區">' in html["grouped"]
    assert '<option value="e2" selected>二</option>' in html["grouped"]
    assert '<option value="1" selected>' in html["many"] and '<option value="2">' in html["many"]
    assert "<em>safe</em>" in html["safe"]
    assert 'value="x&lt;y &amp; &quot;z&quot;"' in html["text"] and " data-x " in html["text"]
    assert " off" not in html["text"]


@pytest.mark.django_db
def test_a_filter_form_with_record_choices_renders_as_django_templates_do(make_user):
    make_user("documents", ["clerk"])
    first = Division.objects.order_by("pk").first()
    fs = DocumentFilterSet(
        {"division": str(first.pk), "state": "closed", "period": "108H2"},
        queryset=DocumentFilterSet._meta.model.objects.all(),
    )
    for name, expected, got in _both(fs.form):
        assert got == expected, name
    assert f'<option value="{first.pk}" selected>{first.name}</option>' in str(fs.form["division"])


def test_an_overridden_option_template_goes_through_the_templates():
    class Custom(forms.Select):
        option_template_name = "django/forms/widgets/radio_option.html"

    widget = Custom(choices=[("a", "A")])
    html = widget.render("x", "a", renderer=FastRenderer())
    assert html == widget.render("x", "a", renderer=DjangoTemplates())
    assert "<label>" in html


def test_a_date_input_shows_the_roc_date():
    form = Sample(initial={"when": datetime.date(2026, 12, 8)})
    assert 'value="115/12/08"' in str(form["when"])


@pytest.mark.django_db
def test_record_choices_listed_once_render_the_same_without_a_query(
    make_user, django_assert_num_queries
):
    make_user("documents", ["clerk"])
    first = Division.objects.order_by("pk").first()
    data = {"division": str(first.pk)}
    qs = DocumentFilterSet._meta.model.objects.all()
    before = str(DocumentFilterSet(data, queryset=qs).form["division"])
    fs = DocumentFilterSet(data, queryset=qs)
    list_record_choices(fs.form)
    assert fs.is_valid()  # the chosen unit is looked up once, in the field's queryset
    with django_assert_num_queries(0):
        after = str(fs.form["division"])
        again = str(fs.form["division"])
    assert after == before == again
    assert f'<option value="{first.pk}" selected>' in after
    assert fs.form.cleaned_data["division"] == first


OLD_TABLE_BODY = (
    "{% load i18n listing %}<tbody>{% for obj, cells in rows %}<tr>{% for c in cells %}<td>"
    '{% if forloop.first %}<a href="{{ obj.get_absolute_url }}">{{ c|default:"—" }}</a>'
    '{% else %}{{ c }}{% endif %}</td>{% endfor %}</tr>\n  {% empty %}<tr><td colspan="'
    '{{ headers|length }}">{% trans "Nothing here." %}</td></tr>{% endfor %}</tbody>'
)
NEW_TABLE_BODY = (
    "{% load i18n listing %}<tbody>{% if rows %}{{ rows|table_rows }}{% else %}<tr><td "
    'colspan="{{ headers|length }}">{% trans "Nothing here." %}</td></tr>{% endif %}</tbody>'
)


class _Row:
    def __init__(self, url):
        self.url = url

    def get_absolute_url(self):
        return self.url


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [(_Row("/a/1/?x=1&y=2"), ["115-001", "標題 <script>", 12345, None, "", "—"])],
        [(_Row("/a/2/"), ["", "a & b"]), (_Row("/a/3/"), [None, mark_safe("<b>ok</b>")])],
    ],
    ids=["empty", "escaping", "blank first cells"],
)
def test_the_table_rows_render_as_the_template_loop_did(rows):
    from django.template import Context, Template

    ctx = {"rows": rows, "headers": [1, 2, 3]}
    with override("zh-hant"):
        assert Template(NEW_TABLE_BODY).render(Context(ctx)) == Template(OLD_TABLE_BODY).render(
            Context(ctx)
        )
