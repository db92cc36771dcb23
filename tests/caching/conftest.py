"""What the caching tests share."""

import pytest


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Run a change as if in its own committed transaction (the cache is cleared on commit)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    return run
