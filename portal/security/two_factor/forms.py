from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="6-digit code",
        help_text="The code your authenticator app shows now for this portal.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(
                "Enter the 6 digits your authenticator app shows, e.g. 123456."
            )
        return code
