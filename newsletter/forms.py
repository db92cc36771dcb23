import unicodedata

from django import forms
from django.core.exceptions import ValidationError

from .models import Subscriber

# A field that people never see and bots fill in; its name sounds like something worth filling.
HONEYPOT_FIELD = "website"


def no_control_characters(value: str):
    """Names go into e-mails and spreadsheets: refuse line breaks, tabs and other control codes."""
    if any(unicodedata.category(character) == "Cc" for character in value):
        raise ValidationError("Use letters, spaces and punctuation only.", code="control_character")


class SubscriberForm(forms.ModelForm):
    # Declared here and left out of Meta.fields, so that Django does not validate the model's
    # email field (ModelForm's documented rule for such fields): an address already on the list
    # is not the visitor's error, and saying so would tell anyone who is subscribed. sign_up()
    # finds that row instead. This field still checks that the address is well formed.
    email = forms.EmailField(
        label="E-mail", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    class Meta:
        model = Subscriber
        fields = ["first_name", "prefix", "surname", "organisation"]
        labels = {"first_name": "First name", "prefix": "Prefix", "surname": "Surname"}
        help_texts = {"prefix": ""}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "prefix": forms.TextInput(attrs={"autocomplete": "additional-name"}),
            "surname": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "prefix", "surname", "organisation"):
            self.fields[name].validators.append(no_control_characters)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def save(self, *, signup_page=None, consent_text: str) -> Subscriber:
        """Record the signup (see SubscriberManager.sign_up); one row per address."""
        details = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return Subscriber.objects.sign_up(
            email=self.cleaned_data["email"],
            details=details,
            signup_page=signup_page,
            consent_text=consent_text,
        )
