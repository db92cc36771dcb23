"""Subscribers in the Wagtail admin (wagtail-modeladmin), and their numbers on the dashboard.

Who sees them follows the model permissions on Subscriber: superusers, and the groups given
"view", "change" or "delete" subscriber. Nobody adds a subscriber here: only the person can
give consent, through the form.
"""

import datetime

from django.contrib.auth.models import Permission
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView, IndexView
from wagtail_newsletter import actions, campaign_backends
from wagtail_newsletter.views import has_permission_or_show_message

from base.permissions import SEND_NEWSLETTER, grant_newsletter_permissions

from . import admin_views
from .models import NewsletterIndexPage, NewsletterIssuePage, Subscriber
from .panels import TestAddressesForm
from .spreadsheets import FORMULA_TRIGGERS, as_text_cell


class SubscriberPermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False


class SubscriberIndexView(IndexView):
    """The list; its downloads hold confirmed subscribers only, within the current search and filters."""

    export_buttons_template_name = "newsletter/admin/export_buttons.html"
    # The labels of the signup form, rather than modeladmin's title case.
    export_headings = {
        "first_name": "First name",
        "prefix": "Prefix",
        "surname": "Surname",
        "organisation": "Company/organisation",
        "email": "E-mail",
        "confirmed_at": "Confirmed at",
    }

    def to_row_dict(self, item):
        # Wagtail's plain values: modeladmin's own version writes "-" for an empty prefix.
        return SpreadsheetExportMixin.to_row_dict(self, item)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(queryset.confirmed(), spreadsheet_format)

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            # The site's own time (Amsterdam), as the admin shows it, not UTC.
            value = timezone.localtime(value).replace(tzinfo=None)
            if export_format == self.FORMAT_CSV:
                return value.strftime("%Y-%m-%d %H:%M")
        value = super().preprocess_field_value(field, value, export_format)
        return as_text_cell(value) if export_format == self.FORMAT_CSV else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail already stores a would-be formula as text; the quote prefix keeps it text when
        # someone edits the cell, and the value itself stays exactly as the person typed it.
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell


class SubscriberDeleteView(DeleteView):
    """Erasure on request (GDPR article 17): the row goes, and so does its history in the admin log."""

    page_title = "Erase"

    def get_meta_title(self):
        return "Erase a subscriber"

    def confirmation_message(self):
        return (
            "Erase this person's details for good? Do this when they ask to be forgotten. Their "
            "record and its history in the admin are deleted, and cannot be brought back. "
            "If they only want no more newsletters, the unsubscribe link in any newsletter is enough."
        )

    def post(self, request, *args, **kwargs):
        subscriber = self.instance
        with transaction.atomic():
            log_registry.get_logs_for_instance(subscriber).delete()
            # The one entry left names no one: it only shows that an erasure happened, and who did it.
            log(instance=subscriber, action="wagtail.delete", title=f"Subscriber {subscriber.pk} (erased)")
            subscriber.delete()
        messages.success(request, "The subscriber's details have been erased.")
        return redirect(self.index_url)


class SubscriberAdmin(ModelAdmin):
    model = Subscriber
    # Short enough for the sidebar ("Newsletter subscribers" was cut off); the mail icon and the
    # list's own heading, "Subscribers", say which.
    menu_label = "Subscribers"
    menu_icon = "mail"
    menu_order = 250
    list_display = ("full_name", "email_address", "organisation", "status", "created_at", "confirmed_at")
    list_filter = ("status", "created_at", "confirmed_at")
    search_fields = ("first_name", "prefix", "surname", "organisation", "email")
    list_export = ("first_name", "prefix", "surname", "organisation", "email", "confirmed_at")
    export_filename = "newsletter-subscribers"
    ordering = ("-created_at",)
    inspect_view_enabled = True
    inspect_view_fields = (
        "first_name",
        "prefix",
        "surname",
        "organisation",
        "email",
        "status",
        "consent_text",
        "consent_given_at",
        "signup_page",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
    )
    # Names and organisation can be corrected on request; the address and the status only by
    # the person, through the links in the e-mails.
    panels = [
        MultiFieldPanel(
            [FieldPanel("first_name"), FieldPanel("prefix"), FieldPanel("surname")], heading="Name"
        ),
        FieldPanel("organisation"),
    ]
    index_view_class = SubscriberIndexView
    index_view_extra_css = ["css/admin/subscribers.css"]
    delete_view_class = SubscriberDeleteView
    permission_helper_class = SubscriberPermissionHelper

    def full_name(self, subscriber):
        return subscriber.full_name

    full_name.short_description = "Name"
    full_name.admin_order_field = "surname"

    def email_address(self, subscriber):
        # A long address may break before its "@", and nowhere else (css/admin/subscribers.css).
        mailbox, _, domain = subscriber.email.rpartition("@")
        return format_html("{}<wbr>@{}", mailbox, domain)

    email_address.short_description = "E-mail"
    email_address.admin_order_field = "email"


# Registered by hand rather than with @modeladmin_register, to keep the instance for the panel below.
subscriber_admin = SubscriberAdmin()
subscriber_admin.register_with_wagtail()


class SubscriberCountsPanel(Component):
    """The dashboard's count of subscribers by status, each linking to the filtered list."""

    order = 150
    template_name = "newsletter/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        counts = Subscriber.objects.counts_by_status()
        index_url = subscriber_admin.url_helper.index_url
        return {
            "rows": [
                (label, counts[status], f"{index_url}?status__exact={status}")
                for status, label in Subscriber.Status.choices
            ],
            "index_url": index_url,
        }


@hooks.register("construct_homepage_panels")
def add_subscriber_counts(request, panels):
    if subscriber_admin.permission_helper.user_can_list(request.user):
        panels.append(SubscriberCountsPanel())


@hooks.register("register_admin_urls")
def mailing_report_urls():
    return [
        path("newsletter/mailings/<int:pk>/", admin_views.mailing_report, name="newsletter_mailing_report"),
        path(
            "newsletter/mailings/<int:pk>/failures.csv",
            admin_views.mailing_failures_csv,
            name="newsletter_mailing_failures",
        ),
    ]


@hooks.register("register_permissions")
def show_the_send_right_in_the_group_editor():
    """Settings → Groups shows, and lets an administrator give, the right to send an issue."""
    return Permission.objects.filter(content_type__app_label="newsletter", codename=SEND_NEWSLETTER[1])


@hooks.register("after_create_page")
def give_groups_a_new_newsletter_archive(request, page):
    """An archive made in the admin is at once open to Editors (drafts) and Site managers."""
    if isinstance(page.specific, NewsletterIndexPage):
        grant_newsletter_permissions(page)


@hooks.register("after_create_page", order=-1)
@hooks.register("after_edit_page", order=-1)
def send_tests(request, page):
    """The Newsletter tab's "Send a test", to one or more addresses (TestAddressesForm): before
    wagtail-newsletter's own hook, which takes one address and is then not reached. As there:
    saves the campaign first, logs the test, says what happened; and back on the Newsletter tab.
    Wrong addresses are refused earlier, by the issue's form, before the page is saved."""
    form = TestAddressesForm.posted(request.POST)
    if form is None or not isinstance(page, NewsletterIssuePage):
        return None
    newsletter_tab = redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]) + "#tab-newsletter")
    if not has_permission_or_show_message(request, page, TestAddressesForm.ACTION):
        return newsletter_tab
    if not form.is_valid():  # only when a form other than the issue's posted it
        for refusal in TestAddressesForm.refusals(request.POST):
            messages.error(request, refusal)
        return newsletter_tab
    addresses = form.cleaned_data["email"]
    actions.save_campaign(request, page)
    try:
        campaign_backends.get_backend().send_test_email(campaign_id=page.newsletter_campaign, email=addresses)
    except campaign_backends.CampaignBackendError as error:
        messages.error(request, error.message)
        return newsletter_tab
    log(page, "wagtail_newsletter.send_test_email", data={"email": ", ".join(addresses)}, user=request.user)
    messages.success(request, f"Test message sent to {', '.join(addresses)}")
    return newsletter_tab


@hooks.register("construct_page_action_menu", order=100)  # after base's "Publish first"
def save_an_issue_as_a_draft_first(menu_items, request, context):
    """An issue reaches readers by being sent (which publishes its web version in the archive),
    so its editor's main button saves a draft; Publish stays in the menu beside it."""
    page, parent = context.get("page"), context.get("parent_page")
    new_issue = (
        context.get("view") == "create" and getattr(parent, "specific_class", None) is NewsletterIndexPage
    )
    if new_issue or isinstance(page, NewsletterIssuePage):
        for index, item in enumerate(menu_items):
            if item.name == "action-save-draft":
                menu_items.insert(0, menu_items.pop(index))
                break
