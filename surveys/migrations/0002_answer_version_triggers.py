"""Database triggers: an answer may only point at an item of its round's questionnaire version.

Django has no composite foreign keys, so the rule "an answer never references a
statement of another questionnaire version" is enforced by triggers, on SQLite and
on PostgreSQL alike. A violating insert or update fails with an IntegrityError.
"""

from django.db import migrations

# (answer table, column pointing at the item, item table)
ANSWER_ITEMS = [
    ("surveys_statementanswer", "statement_id", "surveys_statement"),
    ("surveys_blockanswer", "block_id", "surveys_buildingblock"),
    ("surveys_priorityrank", "block_id", "surveys_buildingblock"),
    ("surveys_focusareachoice", "focus_area_id", "surveys_focusarea"),
    ("surveys_collaborationanswer", "stakeholder_id", "surveys_stakeholder"),
]

ROUND_VERSION = (
    "(SELECT r.questionnaire_id FROM surveys_response s JOIN surveys_round r ON r.id = s.round_id "
    "WHERE s.id = NEW.response_id)"
)
MESSAGE = "answer refers to an item of another questionnaire version"


def _sqlite(table: str, column: str, item_table: str) -> list[str]:
    condition = f"(SELECT questionnaire_id FROM {item_table} WHERE id = NEW.{column}) IS NOT {ROUND_VERSION}"
    return [
        f"CREATE TRIGGER {table}_version_{event.lower()} BEFORE {event} ON {table} FOR EACH ROW "
        f"WHEN {condition} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
        for event in ("INSERT", "UPDATE")
    ]


def _postgresql(table: str, column: str, item_table: str) -> list[str]:
    return [
        f"""CREATE FUNCTION {table}_check_version() RETURNS trigger AS $$
        BEGIN
            IF (SELECT questionnaire_id FROM {item_table} WHERE id = NEW.{column}) IS DISTINCT FROM {ROUND_VERSION} THEN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql;""",
        f"CREATE TRIGGER {table}_version BEFORE INSERT OR UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_check_version();",
    ]


STATEMENT_BLOCK_MESSAGE = "statement and its block belong to different questionnaire versions"


def _statement_block_sqlite() -> list[str]:
    condition = (
        "(SELECT questionnaire_id FROM surveys_buildingblock WHERE id = NEW.block_id) IS NOT NEW.questionnaire_id"
    )
    return [
        f"CREATE TRIGGER surveys_statement_block_{event.lower()} BEFORE {event} ON surveys_statement FOR EACH ROW "
        f"WHEN {condition} BEGIN SELECT RAISE(ABORT, '{STATEMENT_BLOCK_MESSAGE}'); END;"
        for event in ("INSERT", "UPDATE")
    ]


def _statement_block_postgresql() -> list[str]:
    return [
        f"""CREATE FUNCTION surveys_statement_check_block() RETURNS trigger AS $$
        BEGIN
            IF (SELECT questionnaire_id FROM surveys_buildingblock WHERE id = NEW.block_id) IS DISTINCT FROM NEW.questionnaire_id THEN
                RAISE EXCEPTION '{STATEMENT_BLOCK_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql;""",
        "CREATE TRIGGER surveys_statement_block BEFORE INSERT OR UPDATE ON surveys_statement "
        "FOR EACH ROW EXECUTE FUNCTION surveys_statement_check_block();",
    ]


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [sql for item in ANSWER_ITEMS for sql in _sqlite(*item)] + _statement_block_sqlite()
    elif vendor == "postgresql":
        statements = [sql for item in ANSWER_ITEMS for sql in _postgresql(*item)] + _statement_block_postgresql()
    else:
        raise RuntimeError(f"JuMP-scan supports SQLite and PostgreSQL, not {vendor}.")
    for sql in statements:
        schema_editor.execute(sql)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table, _column, _item in ANSWER_ITEMS:
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version_insert")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version_update")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_check_version()")
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS surveys_statement_block_insert")
        schema_editor.execute("DROP TRIGGER IF EXISTS surveys_statement_block_update")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS surveys_statement_block ON surveys_statement")
        schema_editor.execute("DROP FUNCTION IF EXISTS surveys_statement_check_block()")


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]
    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
