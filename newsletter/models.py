from django.db import models
from django.db.models.functions import Lower


class Subscriber(models.Model):
    first_name = models.CharField(max_length=100)
    prefix = models.CharField(
        max_length=30, blank=True, help_text="Surname prefix such as “van der” (tussenvoegsel)."
    )
    surname = models.CharField(max_length=150)
    organisation = models.CharField("Company/organisation", max_length=200, blank=True)
    email = models.EmailField("E-mail", max_length=254)
    signup_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(Lower("email"), name="unique_subscriber_email_ci")]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.prefix, self.surname) if part)
