"""A mailing's progress and report in the admin, and the CSV of its failed deliveries.

Failed and bounced deliveries name people: only those who may see subscribers see them.
"""

import csv

from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .models import Mailing, NewsletterIssuePage
from .spreadsheets import as_text_cell

SEE_SUBSCRIBERS = "newsletter.view_subscriber"


@permission_required(SEE_SUBSCRIBERS, raise_exception=True)
def mailing_report(request, pk):
    mailing = get_object_or_404(Mailing, pk=pk)
    counts = mailing.counts()
    if request.GET.get("format") == "json":  # the page asks while the mailing is sending
        return JsonResponse({"status": mailing.get_status_display(), "counts": counts})
    return TemplateResponse(
        request,
        "newsletter/admin/mailing_report.html",
        {
            "page_title": "Newsletter report",
            "page_subtitle": mailing.subject,
            "header_icon": "mail",
            "mailing": mailing,
            "issue": NewsletterIssuePage.sent_as(mailing),
            "counts": counts,
            "failures": mailing.failures()[:50],
        },
    )


@permission_required(SEE_SUBSCRIBERS, raise_exception=True)
def mailing_failures_csv(request, pk):
    mailing = get_object_or_404(Mailing, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="newsletter-{mailing.pk}-failures.csv"'
    writer = csv.writer(response)
    writer.writerow(["E-mail", "Name", "Status", "Attempts", "Last error"])
    for delivery in mailing.failures().iterator():
        subscriber = delivery.subscriber
        writer.writerow(
            as_text_cell(value)
            for value in [
                subscriber.email if subscriber else "(erased)",
                subscriber.full_name if subscriber else "",
                delivery.get_status_display(),
                delivery.attempts,
                delivery.last_error,
            ]
        )
    return response
