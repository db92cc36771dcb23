"""The Newsletter tab of an issue and the form of its test dialog (here, not in forms.py: the
issue model imports this panel, and forms.py imports the models)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from wagtail_newsletter.panels import NewsletterPanel


class TestAddressesForm(forms.Form):
    """The addresses a test of an issue goes to: one or more, in place of wagtail-newsletter's
    single address (same prefix and field name, so its dialog shows this field)."""

    MAX_ADDRESSES = 10

    email = forms.CharField(
        label="Email addresses",
        help_text=f"One or more, separated by commas (at most {MAX_ADDRESSES}). Each gets a mail of its own.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_email(self) -> list[str]:
        addresses = list(
            dict.fromkeys(part.strip() for part in re.split(r"[,;\s]+", self.cleaned_data["email"]))
        )
        addresses = [address for address in addresses if address]
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(f"“{address}” is not an e-mail address.", code="invalid") from None
        if not addresses:
            raise ValidationError("Give at least one e-mail address.", code="required")
        if len(addresses) > self.MAX_ADDRESSES:
            raise ValidationError(f"At most {self.MAX_ADDRESSES} addresses.", code="too_many")
        return addresses


class DeliveryPanel(NewsletterPanel):
    """wagtail-newsletter's panel, reporting this site's deliveries (queued, sent, failed,
    bounced) where it would report a mail service's opens and clicks, and sending a test to one
    or more addresses."""

    class BoundPanel(NewsletterPanel.BoundPanel):
        template_name = "newsletter/admin/newsletter_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if "test_form" in context:
                context["test_form"] = TestAddressesForm(
                    initial={"email": self.request.user.email}, prefix="newsletter-test"
                )
            return context
