"""StreamField blocks for the blog post body.

Each block has its own template in ``templates/blog/blocks/`` and a preview,
so editors see what they pick in the block chooser.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import Filter
from wagtail.rich_text import RichText, expand_db_html

from .citations import cited_numbers

# Rich text in the body: enough to write, not enough to break the design.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# The body image's {% picture %} specs, exactly as blog/blocks/image.html writes them: three widths
# for srcset (the column is at most 46rem wide), each as AVIF and WebP with a JPEG fallback.
BODY_IMAGE_SPEC = "width-{400,800,1600} format-{avif,webp,jpeg}"
# Fetched with the images: Wagtail matches prefetched renditions by exact filter spec.
BODY_IMAGE_FILTERS = tuple(Filter.expand_spec(BODY_IMAGE_SPEC))


class HeadingValue(blocks.StructValue):
    @cached_property
    def anchor(self) -> str:
        """The id readers link to. The post page replaces it where it would repeat an id
        (see ``BlogPage.headings``); on its own, a heading's id is its text, slugified."""
        return slugify(self.get("text")) or "section"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=160,
        help_text="The heading as readers see it. Keep it short: it also becomes a link anchor.",
    )
    level = blocks.ChoiceBlock(
        choices=[
            ("h2", "Section heading (level 2)"),
            ("h3", "Sub-heading (level 3)"),
            ("h4", "Minor heading (level 4)"),
        ],
        default="h2",
        help_text="Use level 2 for the main sections of the post, 3 and 4 inside them.",
    )

    class Meta:
        icon = "title"
        template = "blog/blocks/heading.html"
        value_class = HeadingValue
        label = "Heading"
        description = "A section heading that splits the post into parts."
        preview_value = {"text": "Shifting our perspective", "level": "h2"}


class BodyExpansion:
    """Turns the stored HTML of all the body's paragraphs into page HTML in one pass.

    Links to pages and documents are looked up per pass, so one pass for the whole
    body costs the same few queries however many paragraphs link somewhere.
    """

    SEPARATOR = "\n<!-- end of paragraph -->\n"

    def __init__(self, sources: list[str]):
        self.sources = sources

    @cached_property
    def html(self) -> list[str]:
        return expand_db_html(self.SEPARATOR.join(self.sources)).split(self.SEPARATOR)


class ParagraphText(RichText):
    """A paragraph's rich text, rendered from its body's shared expansion."""

    def __init__(self, source, expansion: BodyExpansion, index: int):
        super().__init__(source)
        self.expansion = expansion
        self.index = index

    def __html__(self):
        return self.expansion.html[self.index]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "Running text. To cite a reference, type its number in square brackets, "
            "for example [2]: it becomes a link to entry 2 of the references list.",
        )
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def bulk_to_python(self, values):
        sources = [value or "" for value in values]
        if any(BodyExpansion.SEPARATOR in source for source in sources):
            return [RichText(source) for source in sources]
        expansion = BodyExpansion(sources)
        return [ParagraphText(source, expansion, index) for index, source in enumerate(sources)]

    class Meta:
        icon = "pilcrow"
        template = "blog/blocks/paragraph.html"
        label = "Paragraph"
        description = "Text with bold, italics, links and lists."
        preview_value = "<p>Amsterdam has a historically strong connection with Chinese culture [1].</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said or wrote it (optional)."
    )

    class Meta:
        icon = "openquote"
        template = "blog/blocks/quote.html"
        label = "Quote"
        description = "A pull quote or quotation, with who said it."
        preview_value = {
            "quote": "Let us continue this tradition by welcoming researchers from other cultures.",
            "attribution": "Lynda Hardman",
        }


class BodyImageChooserBlock(ImageChooserBlock):
    """Loads every image of the body in one query, with its renditions."""

    def bulk_to_python(self, values):
        images = self.model_class.objects.prefetch_renditions(*BODY_IMAGE_FILTERS).in_bulk(values)
        return [images.get(pk) for pk in values]


class ImageBlock(blocks.StructBlock):
    image = BodyImageChooserBlock(help_text="Choose an image from the library, or upload a new one.")
    alt_text = blocks.CharBlock(
        required=False,  # checked in clean(), with a message that says why
        max_length=250,
        help_text="Describe the image for people who cannot see it, "
        "for example “Researchers at a whiteboard”. Required.",
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the image.")
    credit = blocks.CharBlock(
        required=False, max_length=120, help_text="Photographer or source, for example “Photo: CWI”."
    )

    def clean(self, value):
        errors = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as error:
            errors = dict(error.block_errors)
        # A draft may leave it for later; publishing may not.
        if not self.is_deferred_validation and not (value.get("alt_text") or "").strip():
            errors["alt_text"] = ValidationError(
                "Describe the image in a few words (alt text) for people who cannot see it."
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "image"
        template = "blog/blocks/image.html"
        label = "Image"
        description = "A picture with a caption and credit."


class PrefetchedEmbedBlock(WagtailEmbedBlock):
    """Looks up every embed of the body in Wagtail's embed cache in one query."""

    def bulk_to_python(self, values):
        embeds = [self.to_python(value) for value in values]
        by_hash = defaultdict(list)
        for embed in filter(None, embeds):
            by_hash[get_embed_hash(embed.url, embed.max_width, embed.max_height)].append(embed)
        cached = Embed.objects.filter(hash__in=by_hash).exclude(cache_until__lte=timezone.now())
        for embed in cached:
            # What EmbedValue.html would otherwise look up on its own, one query per embed.
            html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
            for value in by_hash[embed.hash]:
                value.html = html
        return embeds


class EmbedBlock(blocks.StructBlock):
    embed = PrefetchedEmbedBlock(
        help_text="Paste the page address of a video or post (YouTube, Vimeo, …), not the embed code."
    )
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Shown under the video (optional).")

    class Meta:
        icon = "media"
        template = "blog/blocks/embed.html"
        label = "Video or embed"
        description = "A video or other media shown from another site."


class ReferenceValue(blocks.StructValue):
    @cached_property
    def link_text(self) -> str:
        """What the entry's link says: its title, else the address itself."""
        return self.get("title") or self.get("url")


class ReferenceEntryBlock(blocks.StructBlock):
    note = blocks.TextBlock(
        required=False,
        rows=2,
        help_text="Optional words before the citation, for example “A refreshing change, for those who "
        "understand Dutch:”.",
    )
    authors = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text="Authors or organisation, e.g. “Frank Bekkers, Paul Verhagen”.",
    )
    title = blocks.CharBlock(required=False, max_length=300, help_text="Title of the work.")
    venue = blocks.CharBlock(
        required=False,
        max_length=400,
        label="Venue or publisher",
        help_text="Journal, book, publisher or organisation that published it.",
    )
    year = blocks.CharBlock(
        required=False, max_length=60, help_text="Year of publication, e.g. “2019” or “January 2019”."
    )
    url = blocks.URLBlock(required=False, label="URL", help_text="Where readers can find it online.")

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and not value.get("title") and not value.get("url"):
            message = "Give the title of the work or its URL (or both)."
            raise StructBlockValidationError(
                block_errors={"title": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "doc-full"
        template = "blog/blocks/reference_entry.html"
        value_class = ReferenceValue
        label = "Entry"
        # A collapsed entry shows its title rather than the first field filled in (often the note).
        label_format = "{title}"
        form_classname = "reference-entry"


ENTRY_PREVIEW = {
    "authors": "Frank Bekkers, Willem Oosterveld, Paul Verhagen",
    "title": "Checklist for Collaboration with Chinese Universities and Other Research Institutions",
    "venue": "The Hague Centre for Strategic Studies",
    "year": "2019",
    "url": "",
    "note": "",
}


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        default="References", max_length=80, help_text="The heading above the list, usually “References”."
    )
    entries = blocks.ListBlock(ReferenceEntryBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blog/blocks/references.html"
        label = "References"
        description = "The numbered sources cited in the text as [1], [2], …"
        preview_value = {"heading": "References", "entries": [ENTRY_PREVIEW]}


class ReadingListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        default="Reading list", max_length=80, help_text="The heading above the list, e.g. “Further reading”."
    )
    entries = blocks.ListBlock(ReferenceEntryBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blog/blocks/reading_list.html"
        label = "Reading list"
        description = "Further reading, not numbered."
        preview_value = {"heading": "Reading list", "entries": [ENTRY_PREVIEW]}


class BlogStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock()
    references = ReferencesBlock()
    reading_list = ReadingListBlock()

    def clean(self, value):
        """Every problem at once, each on its block: the blocks' own (a missing alt text, a
        reference without title or URL) and the post's (a heading that skips a level, a citation
        without its reference). A draft may be incomplete: saving one (or autosaving it) defers
        these rules (``is_deferred_validation``); publishing, scheduling and submitting do not."""
        try:
            cleaned = super().clean(value)
            errors, non_block_errors = {}, []
        except StreamBlockValidationError as error:
            cleaned = None
            errors, non_block_errors = dict(error.block_errors), error.non_block_errors
        if not self.is_deferred_validation:
            for index, problem in post_problems(value).items():
                errors[index] = merged(errors[index], problem) if index in errors else problem
        if errors or non_block_errors:
            raise StreamBlockValidationError(block_errors=errors, non_block_errors=non_block_errors)
        return cleaned

    class Meta:
        # Reference ids (ref-1, ref-2, …) must be unique on the page.
        block_counts = {"references": {"max_num": 1}, "reading_list": {"max_num": 1}}


def post_problems(stream) -> dict[int, ValidationError]:
    """What keeps a body from being published, by the index of the block it concerns."""
    return {**heading_problems(stream), **citation_problems(stream)}


def heading_problems(stream) -> dict[int, ValidationError]:
    """Headings must form an outline screen-reader users can follow: the post title is the level 1
    heading, so the body starts at level 2 and never jumps down more than one level."""
    problems = {}
    previous = 1
    for index, child in enumerate(stream):
        if child.block_type != "heading":
            continue
        level = int(child.value["level"][1])
        if level > previous + 1:
            message = (
                f"This heading is level {level}, but the one before it is level {previous} "
                f"(the post title counts as level 1). Use a level "
                f"{' or '.join(str(n) for n in range(2, previous + 2))} heading here."
            )
            problems[index] = StructBlockValidationError(block_errors={"level": ValidationError(message)})
        previous = level
    return problems


def citation_problems(stream) -> dict[int, ValidationError]:
    """Each paragraph citing a number the references list has no entry for."""
    entries = sum(len(child.value["entries"]) for child in stream if child.block_type == "references")
    problems = {}
    for index, child in enumerate(stream):
        if child.block_type != "paragraph":
            continue
        missing = sorted(n for n in cited_numbers(child.value.source) if not 1 <= n <= entries)
        if missing:
            markers = ", ".join(f"[{n}]" for n in missing)
            problems[index] = ValidationError(
                f"This paragraph cites {markers}, but the references list has {entries} "
                f"{'entry' if entries == 1 else 'entries'}. Add the missing "
                f"{'reference' if len(missing) == 1 else 'references'} or correct the "
                f"{'number' if len(missing) == 1 else 'numbers'}."
            )
    return problems


def merged(error: ValidationError, problem: ValidationError) -> ValidationError:
    """A block's own error and the post's problem with it, shown together on the block."""
    if isinstance(error, StructBlockValidationError) and isinstance(problem, StructBlockValidationError):
        return StructBlockValidationError(
            block_errors={**error.block_errors, **problem.block_errors},
            non_block_errors=error.non_block_errors,
        )
    return ValidationError([error, problem])
