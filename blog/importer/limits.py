"""The longest text each field and block of a post takes, read from the model and the blocks."""

from ..blocks import BlogStreamBlock
from ..models import BlogPage


def _block_max_length(block: str, child: str) -> int:
    return BlogStreamBlock.base_blocks[block].child_blocks[child].field.max_length


# The model does not enforce max_length on text fields, so the importer does.
LEAD_MAX = BlogPage._meta.get_field("lead").max_length


NOTE_MAX = BlogPage._meta.get_field("editor_note").max_length


TITLE_MAX = BlogPage._meta.get_field("title").max_length


HEADING_MAX = _block_max_length("heading", "text")


ALT_MAX = _block_max_length("image", "alt_text")


CAPTION_MAX = _block_max_length("image", "caption")


CREDIT_MAX = _block_max_length("image", "credit")


ATTRIBUTION_MAX = _block_max_length("quote", "attribution")


SECTION_HEADING_MAX = _block_max_length("references", "heading")


ENTRY_BLOCK = BlogStreamBlock.base_blocks["references"].child_blocks["entries"].child_block


ENTRY_LIMITS = {
    name: ENTRY_BLOCK.child_blocks[name].field.max_length for name in ("authors", "title", "venue", "year")
}
