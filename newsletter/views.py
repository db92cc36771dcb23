import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .forms import SubscriberForm


def _safe_next(request) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return "/"


@require_POST
def subscribe(request):
    form = SubscriberForm(request.POST)
    next_url = _safe_next(request)
    if not form.is_valid():
        # Show the form again with the visitor's input and a message next to each problem.
        return render(request, "newsletter/subscribe.html", {"form": form, "next": next_url}, status=400)
    page_id = request.POST.get("page_id", "")
    signup_page = (
        Page.objects.filter(pk=int(page_id)).first() if re.fullmatch(r"[0-9]{1,18}", page_id) else None
    )
    form.save(signup_page=signup_page)
    messages.success(request, "Thank you for subscribing to our newsletter.")
    return redirect(f"{next_url}#newsletter")
