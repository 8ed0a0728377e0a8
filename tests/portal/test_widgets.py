import re

import pytest
from django import forms

from portal.widgets import QuickSelect

CHOICES = [("", "Any"), ("a&b", "A & B"), ("<x>", '"Quoted" <label>'), (3, "Three")]


class DjangoForm(forms.Form):
    pick = forms.ChoiceField(required=False, choices=CHOICES)


class QuickForm(forms.Form):
    pick = forms.ChoiceField(required=False, choices=CHOICES, widget=QuickSelect)


def markup(form_class, data):
    form = form_class(data)
    form.is_valid()
    html = str(form["pick"])
    attributes = re.search(r"<select ([^>]*)>", html).group(1)
    return sorted(attributes.split()), re.findall(r"<option[^>]*>[^<]*</option>", html)


@pytest.mark.parametrize(
    "data", [{}, {"pick": "a&b"}, {"pick": "3"}, {"pick": "not a choice"}]
)
def test_quick_select_writes_what_django_select_writes(data):
    assert markup(QuickForm, data) == markup(DjangoForm, data)


def test_quick_select_escapes_values_and_labels():
    _, options = markup(QuickForm, {"pick": "<x>"})
    assert (
        '<option value="&lt;x&gt;" selected>&quot;Quoted&quot; &lt;label&gt;'
        in (options[2])
    )
