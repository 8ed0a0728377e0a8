from django import forms

from meetings.models import Committee

EMAIL_MAX_LENGTH = 254


class HoneypotMixin:
    """A field people never see or hear; only a robot fills it in."""

    honeypot_name = "website"

    def add_honeypot(self):
        self.fields[self.honeypot_name] = forms.CharField(
            required=False, max_length=200, label="Leave this field empty"
        )

    @property
    def is_spam(self):
        return bool(self.data.get(self.honeypot_name))


class EmailForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the right format, like "
            "name@example.com.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_honeypot()


class AlertSignupForm(EmailForm):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All committees",
        label="Which committee's papers",
        error_messages={"invalid_choice": "Choose a committee from the list."},
    )

    field_order = ["committee", "email"]
