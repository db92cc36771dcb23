"""A ``LegacyPost`` saved as a BlogPage, in one transaction: created, updated, or skipped when
someone has edited it in Wagtail since; its authors and categories found or made; a redirect
from its old address. ``import_file`` takes one file through every stage.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect

from base.ordering import in_order

from ..models import Author, BlogCategory, BlogPage, BlogPageAuthor
from .elements import _norm
from .html_file import read_html
from .media import ImageFiles, _resolved_body
from .post import LegacyPost, parse_post
from .report import Outcome, Refused


def save_post(
    post: LegacyPost,
    *,
    parent,
    publish: bool = True,
    dry_run: bool = False,
    images: ImageFiles | None = None,
) -> Outcome:
    """Create or update the BlogPage for ``post`` under ``parent``, all in one transaction.

    A re-import finds the post it made by the redirect from the old address, or by slug when
    the page named no address. Raises Refused, leaving nothing behind, when the post cannot be
    made valid. A post that someone has edited in Wagtail since is skipped, never overwritten.
    A dry run does everything except store images, then rolls back.
    """
    stored: list = []
    try:
        with transaction.atomic():
            outcome = _save(
                post, parent, publish=publish, dry_run=dry_run, images=images or ImageFiles(), stored=stored
            )
            if dry_run:
                outcome.page = None
                transaction.set_rollback(True)
    except BaseException:
        # The rollback forgets the image rows; their files must go too.
        for image in stored:
            image.file.delete(save=False)
        raise
    return outcome


def _save(post: LegacyPost, parent, *, publish: bool, dry_run: bool, images, stored: list) -> Outcome:
    notes = list(post.notes)
    site = parent.get_site()
    existing = _existing_post(post, parent, site)
    if existing is not None and _edited_in_wagtail(existing):
        reason = "edited in Wagtail since it was imported (or made there): not overwritten; delete it to import it again"
        return Outcome(
            action="skipped", title=existing.title, url=existing.url or "", notes=[reason], page=existing
        )
    body = _resolved_body(post.body, images, dry_run=dry_run, stored=stored, notes=notes)
    authors = [_snippet(Author, name, notes, "author") for name in post.authors]
    categories = [_snippet(BlogCategory, name, notes, "category") for name in post.categories]
    if not authors:
        notes.append("no author found")
    if post.date is None:
        notes.append("no date found: the post is dated today and kept as a draft")
    publish = publish and post.date is not None
    fields = {"title": post.title, "lead": post.lead, "editor_note": post.editor_note, "body": body}
    try:
        _check_blocks(body)
        if existing is None:
            page = _create(post, parent, fields, authors, categories, publish=publish, notes=notes)
            action = "created"
        else:
            page, action = _update(existing, post, fields, authors, categories, publish=publish)
    except ValidationError as error:
        raise Refused(f"not a valid post: {_reason(error)}") from error
    _ensure_redirect(post, page, site, notes)
    if action == "skipped":
        notes = ["unchanged since the last import", *(note for note in notes if note.startswith("redirect"))]
    return Outcome(
        action=action, title=page.title, url=page.url or "", notes=list(dict.fromkeys(notes)), page=page
    )


def _check_blocks(body: list) -> None:
    """Check the body's blocks as the editor's form does. Wagtail checks them in the form only:
    a page's full_clean (which save_revision runs) leaves a 200-character heading alone."""
    try:
        BlogPage._meta.get_field("body").stream_block.clean(BlogPage(body=body).body)
    except ValidationError as error:
        raise ValidationError({"body": error}) from error


def _existing_post(post: LegacyPost, parent, site) -> BlogPage | None:
    legacy = post.legacy_path
    if legacy:
        redirect = Redirect.get_for_site(site).filter(old_path=legacy).select_related("redirect_page").first()
        if redirect is not None:
            target = redirect.redirect_page.specific if redirect.redirect_page else None
            if isinstance(target, BlogPage):
                return target
            raise Refused(
                f"{legacy} already redirects to {target or redirect.redirect_link}, which is not a post"
            )
    candidate = BlogPage.objects.child_of(parent).filter(slug=post.slug).first()
    if candidate is None:
        return None
    # With an old address, a post of the same slug is another post (or an editor's), unless the
    # old and new addresses are the same.
    if not legacy or _path_of(candidate) == legacy:
        return candidate
    return None


def _edited_in_wagtail(page: BlogPage) -> bool:
    """Whether a person saved the post's latest revision: the importer and load_demo save as nobody."""
    revision = page.get_latest_revision()
    return revision is not None and revision.user_id is not None


def _path_of(page) -> str | None:
    parts = page.get_url_parts()
    return Redirect.normalise_path(parts[2]) if parts else None


def _snippet(model, name: str, notes: list[str], label: str):
    """The author or category of this name, created when the site has none."""
    found = (
        model.objects.filter(name__iexact=name).first() or model.objects.filter(slug=slugify(name)).first()
    )
    if found is not None:
        return found
    max_length = model._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 4] or label
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    notes.append(f"new {label}: {name}")
    return model.objects.create(name=name[: model._meta.get_field("name").max_length], slug=slug)


def _create(post, parent, fields, authors, categories, *, publish: bool, notes: list[str]) -> BlogPage:
    slug, number = post.slug, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{post.slug[:250]}-{number}"
    if slug != post.slug:
        notes.append(f'the slug "{post.slug}" is taken under {parent.title}: this post is "{slug}"')
    page = BlogPage(slug=slug, date=post.date or timezone.localdate(), live=False, **fields)
    page.categories = categories
    page.post_authors = in_order([BlogPageAuthor(author=author) for author in authors])
    parent.add_child(instance=page)
    # save_revision runs full_clean: with _check_blocks, an import meets the rules an editor's post meets.
    revision = page.save_revision(log_action="wagtail.create")
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def _update(existing: BlogPage, post, fields, authors, categories, *, publish: bool) -> tuple[BlogPage, str]:
    page = existing.get_latest_revision_as_object()
    before = _state(page)
    for name, value in fields.items():
        setattr(page, name, value)
    page.date = post.date or page.date
    # Keeping the rows of authors already there keeps the unique (post, author) constraint happy.
    links = {link.author_id: link for link in page.post_authors.all()}
    page.post_authors = in_order(
        [links.get(author.pk) or BlogPageAuthor(author=author) for author in authors]
    )
    page.categories = categories
    published = existing.live and not existing.has_unpublished_changes
    if _state(page) == before and (published or not publish):
        return existing, "skipped"
    revision = page.save_revision(log_action=True)
    if publish:
        revision.publish()
    existing.refresh_from_db()
    return existing, "updated"


def _state(page: BlogPage) -> tuple:
    """What an import sets on a post, to tell whether a re-import changes anything."""
    list(page.body)  # converts raw data, so stored and new bodies compare in the same form
    return (
        page.title,
        page.date,
        page.lead,
        page.editor_note,
        _without_ids(page.body.get_prep_value()),
        [link.author_id for link in page.post_authors.all()],
        sorted(category.pk for category in page.categories.all()),
    )


def _without_ids(value):
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    return value


def _ensure_redirect(post: LegacyPost, page: BlogPage, site, notes: list[str]) -> None:
    legacy = post.legacy_path
    if not legacy or legacy == _path_of(page):
        return
    if Redirect.get_for_site(site).filter(old_path=legacy).exists():
        return
    Redirect.add_redirect(legacy, redirect_to=page, is_permanent=True, site=site)
    notes.append(f"redirect from {legacy}")


def _reason(error: ValidationError) -> str:
    """A validation error on one line, down to the block and field it is about."""
    messages = []

    def walk(data, path):
        for message in data.get("messages", []):
            messages.append(f"{path}: {message}")
        for key, inner in data.get("blockErrors", {}).items():
            walk(inner, f"{path} › {key}")

    errors_by_field = error.error_dict if hasattr(error, "error_dict") else {"": error.error_list}
    for name, errors in errors_by_field.items():
        for item in errors:
            if hasattr(item, "as_json_data"):
                walk(item.as_json_data(), name)
            else:
                messages += [f"{name}: {message}".lstrip(": ") for message in item.messages]
    return "; ".join(_norm(message) for message in messages)


def import_file(
    path: Path, *, parent, publish: bool = True, dry_run: bool = False, root: Path | None = None
) -> Outcome:
    """Import one saved page. ``root`` bounds where its images are read from (its folder by default)."""
    post = parse_post(read_html(path), file_name=path.name)
    images = ImageFiles(path.parent, root)
    return save_post(post, parent=parent, publish=publish, dry_run=dry_run, images=images)
