"""The post editor's form: its rules on authors and related posts, in the editor's words, and what
still keeps a saved draft from being published, shown on the blocks it concerns."""

from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockWidget
from wagtail.blocks.stream_block import StreamBlockValidationError


class BodyWidget(BlockWidget):
    """The body's editor, showing ``warnings`` on its blocks until the form shows real errors."""

    def __init__(self, block_def, warnings: ErrorList):
        super().__init__(block_def)
        self.warnings = warnings

    def render(self, name, value, attrs=None, renderer=None):
        return self.render_with_errors(name, value, attrs=attrs, errors=self.warnings, renderer=renderer)


class BlogPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        related = self.formsets["related_post_links"]
        related.error_messages["too_many_forms"] = (
            f"Choose at most {apnumber(related.max_num)} related posts."
        )
        # A post needs an author. Asked of the panel (min_num), Wagtail would also open a new post
        # with an empty "Authors 1" slot beside the "Add authors" button; ask it of what is sent.
        # Saving a draft defers it (defer_required_fields), as it defers the body's own rules.
        if self.is_bound:
            authors = self.formsets["post_authors"]
            authors.min_num = 1
            authors.validate_min = True
            authors.error_messages["too_few_forms"] = "Choose at least one author."
        elif self.instance.pk and "body" in self.fields:
            self.show_what_keeps_the_draft_from_publishing()

    def show_what_keeps_the_draft_from_publishing(self):
        """A saved draft may be incomplete (blog.blocks.BlogStreamBlock.clean): the editor sees
        what publishing would refuse on the blocks it concerns, before pressing Publish."""
        error = self.instance.body_problems()
        if error:
            field = self.fields["body"]
            count = len(error.block_errors) + len(error.non_block_errors)
            summary = ValidationError(
                "Not ready to publish yet: "
                + ("one problem is" if count == 1 else f"{count} problems are")
                + " marked below. A draft saves as it is; publishing asks for these to be fixed."
            )
            warnings = StreamBlockValidationError(
                block_errors=error.block_errors, non_block_errors=[summary, *error.non_block_errors]
            )
            field.widget = BodyWidget(field.block, ErrorList([warnings]))
