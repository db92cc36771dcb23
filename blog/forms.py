"""The post editor's form: its rules on authors and related posts, in the editor's words."""

from django.contrib.humanize.templatetags.humanize import apnumber
from wagtail.admin.forms import WagtailAdminPageForm


class BlogPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        related = self.formsets["related_post_links"]
        related.error_messages["too_many_forms"] = (
            f"Choose at most {apnumber(related.max_num)} related posts."
        )
        # A post needs an author. Asked of the panel (min_num), Wagtail would also open a new post
        # with an empty "Authors 1" slot beside the "Add authors" button; ask it of what is sent.
        if self.is_bound:
            authors = self.formsets["post_authors"]
            authors.min_num = 1
            authors.validate_min = True
            authors.error_messages["too_few_forms"] = "Choose at least one author."
