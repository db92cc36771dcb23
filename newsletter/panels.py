from wagtail_newsletter.panels import NewsletterPanel


class DeliveryPanel(NewsletterPanel):
    """wagtail-newsletter's panel, reporting this site's deliveries (queued, sent, failed,
    bounced) where it would report a mail service's opens and clicks."""

    class BoundPanel(NewsletterPanel.BoundPanel):
        template_name = "newsletter/admin/newsletter_panel.html"
