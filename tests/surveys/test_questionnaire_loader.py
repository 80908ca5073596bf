import copy
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from surveys.models import DroppedStatement, QuestionnaireVersion, Statement
from surveys.questionnaire_loader import QuestionnaireFileError, load_questionnaire

pytestmark = pytest.mark.django_db

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "questionnaires"
LEVELS = ["Niveau een", "Niveau twee", "Niveau drie", "Niveau vier"]


def _statement(code: str, **extra) -> dict:
    return {"code": code, "text": f"Stelling {code}.", "levels": list(LEVELS), **extra}


def _version(code: str = "2020", previous: str | None = None) -> dict:
    return {
        "code": code,
        "title": f"JuMP-scan {code}",
        "previous": previous,
        "focus_areas": [{"code": "ehealth", "label": "E-health"}],
        "stakeholders": [{"code": "huisartsen", "label": "Huisartsen"}],
        "blocks": [
            {"code": "leiderschap", "name": "Leiderschap", "statements": [_statement(f"LEI-0{n}") for n in (1, 2, 3)]},
            {"code": "ict", "name": "ICT-infrastructuur", "statements": [_statement(f"ICT-0{n}") for n in (1, 2, 3)]},
        ],
        "dropped": [],
    }


def _write(tmp_path: Path, data: dict, name: str = "q.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _next_version() -> dict:
    data = _version("2021", previous="2020")
    for block in data["blocks"]:
        for statement in block["statements"]:
            statement.update(lineage="same", previous=statement["code"])
    return data


def test_it_loads_a_version_with_its_blocks_statements_and_options(tmp_path):
    questionnaire = load_questionnaire(_write(tmp_path, _version()))
    assert [b.code for b in questionnaire.blocks.all()] == ["leiderschap", "ict"]
    assert questionnaire.statements.count() == 6
    assert questionnaire.focus_areas.get().label == "E-health"


def test_loading_the_same_file_twice_changes_nothing(tmp_path):
    path = _write(tmp_path, _version())
    load_questionnaire(path)
    first = list(Statement.objects.values_list("id", "code", "position"))
    load_questionnaire(path)
    assert list(Statement.objects.values_list("id", "code", "position")) == first


def test_it_records_lineage_and_dropped_statements(tmp_path):
    load_questionnaire(_write(tmp_path, _version()))
    data = _next_version()
    data["blocks"][0]["statements"][0]["lineage"] = "reworded"
    data["blocks"][1]["statements"][2] = _statement("ICT-04")  # ICT-03 dropped, ICT-04 new
    data["dropped"] = [{"code": "ICT-03", "reason": "Opgegaan in ICT-01"}]
    questionnaire = load_questionnaire(_write(tmp_path, data))
    lei = questionnaire.statements.get(code="LEI-01")
    assert (lei.lineage, lei.previous.questionnaire.code) == ("reworded", "2020")
    assert questionnaire.statements.get(code="ICT-04").previous is None
    assert DroppedStatement.objects.get(questionnaire=questionnaire).statement.code == "ICT-03"


def _broken(kind: str) -> dict:
    data = copy.deepcopy(_next_version())
    statements = data["blocks"][0]["statements"]
    if kind == "missing level":
        statements[1]["levels"] = LEVELS[:3]
    elif kind == "empty level":
        statements[1]["levels"] = ["a", "b", "", "d"]
    elif kind == "duplicate code":
        statements[2]["code"] = "LEI-01"
    elif kind == "lineage pointing nowhere":
        statements[1]["previous"] = "LEI-99"
    elif kind == "unknown lineage":
        statements[1]["lineage"] = "sharpened"
    elif kind == "unaccounted statement":
        statements[2] = _statement("LEI-07")
    elif kind == "statement in an unknown block":
        data["blocks"][0]["code"] = ""
    elif kind == "too few statements":
        data["blocks"][1]["statements"] = data["blocks"][1]["statements"][:2]
    return data


@pytest.mark.parametrize(
    "kind, item",
    [
        ("missing level", "stelling LEI-02"),
        ("empty level", "stelling LEI-02 niveau 3"),
        ("duplicate code", "stelling LEI-01"),
        ("lineage pointing nowhere", "stelling LEI-02"),
        ("unknown lineage", "stelling LEI-02"),
        ("unaccounted statement", "dropped"),
        ("statement in an unknown block", "bouwsteen #1 code"),
        ("too few statements", "bouwsteen ict"),
    ],
)
def test_a_bad_file_names_the_file_and_the_item_and_loads_nothing(tmp_path, kind, item):
    load_questionnaire(_write(tmp_path, _version(), "2020.yaml"))
    before = Statement.objects.count()
    path = _write(tmp_path, _broken(kind), "2021.yaml")
    with pytest.raises(QuestionnaireFileError) as error:
        load_questionnaire(path)
    assert error.value.path == str(path)
    assert error.value.item == item
    assert not QuestionnaireVersion.objects.filter(code="2021").exists()
    assert Statement.objects.count() == before


def test_a_file_naming_an_unloaded_previous_version_is_refused(tmp_path):
    with pytest.raises(QuestionnaireFileError, match="2020"):
        load_questionnaire(_write(tmp_path, _next_version()))


def test_unreadable_yaml_is_refused(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("code: [unclosed", encoding="utf-8")
    with pytest.raises(QuestionnaireFileError, match="onleesbaar"):
        load_questionnaire(path)


def test_the_command_stops_with_a_message_and_loads_nothing(tmp_path):
    data = _version()
    data["blocks"][0]["statements"][1]["levels"] = LEVELS[:3]
    path = _write(tmp_path, data)
    with pytest.raises(CommandError, match=r"Niets geladen uit .*q\.yaml: stelling LEI-02"):
        call_command("load_questionnaire", str(path))
    assert not QuestionnaireVersion.objects.exists()
