from django import forms

from .models import Subscriber


class SubscriberForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["first_name", "prefix", "surname", "organisation", "email"]
        labels = {"first_name": "First name", "prefix": "Prefix", "surname": "Surname"}
        help_texts = {"prefix": ""}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "prefix": forms.TextInput(attrs={"autocomplete": "additional-name"}),
            "surname": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def _get_validation_exclusions(self):
        # An address already on the list is not the visitor's error, and saying so would tell
        # anyone who is subscribed: save() updates that row instead. The form field still
        # checks that the address is well formed.
        return super()._get_validation_exclusions() | {"email"}

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def save(self, signup_page=None):
        """Store the signup; an address already on the list is updated, not duplicated."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "email"}
        subscriber, _ = Subscriber.objects.update_or_create(
            email__iexact=self.cleaned_data["email"],
            defaults={**data, "signup_page": signup_page},
            create_defaults={**data, "email": self.cleaned_data["email"], "signup_page": signup_page},
        )
        return subscriber
