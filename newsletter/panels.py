"""The Newsletter tab of an issue and the form of its test dialog (here, not in forms.py: the
issue model imports this panel, and forms.py imports the models)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from wagtail_newsletter import campaign_backends
from wagtail_newsletter.panels import NewsletterPanel


class TestAddressesForm(forms.Form):
    """The addresses a test of an issue goes to: one or more, in place of wagtail-newsletter's
    single address (same prefix and field name, so its dialog shows this field).

    The dialog's button posts the whole page form, which Wagtail saves before any hook runs: the
    issue's form checks these addresses first (``refusals``), so that a wrong one stops the test
    before anything is saved or sent, and the page comes back with the dialog open on what was
    typed (``DeliveryPanel``)."""

    ACTION = "send_test_email"  # the dialog button's "newsletter-action"
    MAX_ADDRESSES = 10
    prefix = "newsletter-test"

    email = forms.CharField(
        label="Email addresses",
        help_text=f"One or more, separated by commas (at most {MAX_ADDRESSES}). Each gets a mail of its own.",
        # Described by its help and, when the page comes back with them, its errors (the template
        # gives the errors' container this id).
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "aria-describedby": "id_newsletter-test-email-helptext id_newsletter-test-email-errors",
            }
        ),
    )

    @classmethod
    def posted(cls, data) -> "TestAddressesForm | None":
        """The form as posted with the page, if the page was posted to send a test."""
        return cls(data) if data.get("newsletter-action") == cls.ACTION else None

    @classmethod
    def refusals(cls, data) -> list[str]:
        """Why a test posted with the page form's ``data`` is not sent (nothing, if it is)."""
        form = cls.posted(data)
        if form is None or form.is_valid():
            return []
        return [f"Test not sent: {error} Nothing was sent." for error in form.errors["email"]]

    def clean_email(self) -> list[str]:
        addresses = list(
            dict.fromkeys(part.strip() for part in re.split(r"[,;\s]+", self.cleaned_data["email"]))
        )
        addresses = [address for address in addresses if address]
        # All or nothing: a test half sent, to the good addresses only, is easily taken for a
        # whole one; every wrong address is named, so that one correction is enough.
        wrong = [address for address in addresses if not is_email(address)]
        if len(wrong) == 1:
            raise ValidationError(f"“{wrong[0]}” is not an e-mail address.", code="invalid")
        if wrong:
            listed = ", ".join(f"“{address}”" for address in wrong)
            raise ValidationError(f"These are not e-mail addresses: {listed}.", code="invalid")
        if not addresses:
            raise ValidationError("Give at least one e-mail address.", code="required")
        if len(addresses) > self.MAX_ADDRESSES:
            raise ValidationError(f"At most {self.MAX_ADDRESSES} addresses.", code="too_many")
        return addresses


def is_email(address: str) -> bool:
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


class DeliveryPanel(NewsletterPanel):
    """wagtail-newsletter's panel, reporting this site's deliveries (queued, sent, failed,
    bounced) where it would report a mail service's opens and clicks, and sending a test to one
    or more addresses."""

    class BoundPanel(NewsletterPanel.BoundPanel):
        template_name = "newsletter/admin/newsletter_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if context.get("campaign_was_deleted"):
                context["error_message"] = (
                    "This issue's sending record has been deleted. Sending a test or sending the "
                    "issue makes a new one."
                )
            campaign = context["campaign"]
            if not (campaign and campaign.is_sent):
                # This site's backend (WAGTAIL_NEWSLETTER_CAMPAIGN_BACKEND: newsletter/campaigns.py).
                backend = campaign_backends.get_backend()
                context["recipient_count"] = backend.recipient_count(self.instance.newsletter_recipients)
            if "test_form" in context:
                posted = self.request.method == "POST" and TestAddressesForm.posted(self.request.POST)
                context["test_form"] = posted or TestAddressesForm(initial={"email": self.request.user.email})
            return context
