"""The admin's image form: an uploaded image must decode in full, not only its header."""

from django.core.exceptions import ValidationError
from PIL import Image, ImageSequence
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED = (
    "This image file is damaged or incomplete and cannot be shown. Open it in an image editor, save "
    "or export it again, and upload that."
)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, which checks format, size and pixel count from the file's header
    alone: a truncated or corrupt file would pass, or make Wagtail's own checks fail with a server
    error, and break later when a page asks for a rendition. Here every frame is decoded too.
    """

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        # Pillow's decoders fail in many ways on bad data (OSError, SyntaxError, struct.error, ...).
        except Exception as error:
            raise ValidationError(DAMAGED, code="invalid_image") from error
        if file is None:
            return None
        try:
            with Image.open(file) as image:
                for frame in ImageSequence.Iterator(image):
                    frame.load()
        except Exception as error:
            raise ValidationError(DAMAGED, code="invalid_image") from error
        finally:
            file.seek(0)
        return file


class ImageForm(BaseImageForm):
    """settings.WAGTAILIMAGES_IMAGE_FORM_BASE: used by the image add, edit, multiple-upload and
    chooser-upload views."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The multiple uploader's edit form has no file field.
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = DecodedImageField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )
