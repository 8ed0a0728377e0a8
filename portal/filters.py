"""The filter bars of public lists: Django forms over the query string.

A value that is not valid is ignored, the list still shows with the other filters
applied, and the field's error says what was ignored and what is shown instead.
"""

from django import forms


class FilterForm(forms.Form):
    """A filter bar made from ``request.GET``."""

    def __init__(self, query, **kwargs):
        # Values count as typed, less the spaces around them.
        super().__init__(
            {name: query.get(name, "").strip() for name in query}, **kwargs
        )

    def chosen(self, name):
        """The valid value of filter ``name``, or None when it filters nothing."""
        self.is_valid()
        return self.cleaned_data.get(name) or None

    @property
    def key(self):
        """The valid choices as text, for keeping what they select (counts, lists)."""
        return ":".join(str(self.chosen(name) or "") for name in sorted(self.fields))

    @property
    def typed_key(self):
        """The values as typed, for keeping the bar itself: its selects, which
        option each has selected, and the messages about values not understood."""
        return "\n".join(f"{name}={self.data.get(name, '')}" for name in self.fields)
