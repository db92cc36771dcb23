"""Wagtail's own search tables are as Wagtail makes them: after ``migrate`` on a fresh database
and on one migrated from the schema before the reader search had tables of its own
(search/migrations/0010 puts them back; no later migration touches them)."""

import importlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations import RunSQL, SeparateDatabaseAndState
from wagtail.search.models import IndexEntry

ENTRY_TABLE = IndexEntry._meta.db_table


def wagtails_own_statements() -> set[str]:
    """The SQL of Wagtail's migration that makes its SQLite full-text table and triggers."""
    migration = importlib.import_module("wagtail.search.migrations.0006_customise_indexentry").Migration
    return {
        " ".join(operation.sql.split())
        for outer in migration.operations
        if isinstance(outer, SeparateDatabaseAndState)
        for operation in outer.database_operations
        if isinstance(operation, RunSQL)
    }


def sqlite_objects_on_wagtails_tables() -> set[str]:
    """The SQL of every table, trigger and index on Wagtail's entries and full-text table, but
    the entries' own table and the indexes Django makes for its model."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name IN (%s, %s) AND sql IS NOT NULL"
            " AND NOT (type = 'table' AND name = %s) AND NOT (type = 'index' AND name LIKE 'wagtailsearch_%%')",
            [ENTRY_TABLE, f"{ENTRY_TABLE}_fts", ENTRY_TABLE],
        )
        return {" ".join(sql.split()) for (sql,) in cursor.fetchall()}


def model_columns() -> list[str]:
    return sorted(field.column for field in IndexEntry._meta.local_concrete_fields)


def table_columns() -> list[str]:
    with connection.cursor() as cursor:
        return sorted(
            column.name for column in connection.introspection.get_table_description(cursor, ENTRY_TABLE)
        )


def assert_wagtails_tables_are_stock():
    assert table_columns() == model_columns()  # no column of ours (PostgreSQL had ``text``)
    if connection.vendor == "sqlite":
        assert sqlite_objects_on_wagtails_tables() == wagtails_own_statements()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE name LIKE 'search_%%' AND sql LIKE %s",
                [f"%{ENTRY_TABLE}%"],
            )
            assert cursor.fetchall() == []
    else:
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, ENTRY_TABLE)
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [ENTRY_TABLE],
            )
            assert cursor.fetchall() == []
        assert [name for name in constraints if name.startswith("search_")] == []
        assert all(set(constraint["columns"]) <= set(model_columns()) for constraint in constraints.values())


def test_after_migrate_wagtails_search_tables_are_as_wagtail_makes_them(db):
    assert_wagtails_tables_are_stock()


@pytest.mark.django_db(transaction=True)
def test_a_site_migrated_from_the_earlier_schema_gets_wagtails_tables_back():
    call_command("migrate", "search", "0009", verbosity=0)
    if connection.vendor == "sqlite":  # the earlier schema had its own full-text table and triggers
        assert sqlite_objects_on_wagtails_tables() != wagtails_own_statements()
    else:
        assert "text" in table_columns()
    call_command("migrate", verbosity=0)
    assert_wagtails_tables_are_stock()
