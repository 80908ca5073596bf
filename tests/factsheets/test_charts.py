"""The chart definitions: one dataclass, an accessible SVG for print and a plotly figure for the web."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from factsheets.charts import (
    BarChart,
    DeltaChart,
    DistributionChart,
    DistributionRow,
    NumberFormat,
    QuadrantChart,
    QuadrantPoint,
    Series,
    ShareChart,
    Spread,
    chart_img,
    chart_web,
    level_colours,
    priority_ranking_chart,
    rank_colours,
)
from factsheets.charts.palette import LEVEL_COLOURS, OTHER_STYLES, SERIES_STYLES, WHITE, contrast_ratio, text_colour_on
from factsheets.charts.svg import INK, MUTED, text_width, wrap

SVG = "{http://www.w3.org/2000/svg}"
BLOCKS = (
    "Leiderschap",
    "Interne programma-organisatie",
    "Professionals",
    "Financiën",
    "ICT-infrastructuur",
    "Patiënt & populatie",
    "Regiovisie",
    "Stakeholders",
)
HOSTILE = '<script>alert("x")</script> & =SUM(A1) "quoted" \'single\''


def block_scores(label=BLOCKS):
    return BarChart(
        title="Score per bouwsteen",
        categories=label,
        series=(
            Series("Uw instelling", (2.75, 2.4, 2.1, 1.6, 2.9, 2.2, 3.1, 2.5), "own"),
            Series("Landelijk gemiddelde", (2.5, 2.6, 2.0, 1.8, 2.5, 2.3, 2.7, 2.4), "national"),
            Series("Vorig jaar", (2.5, 2.2, None, 1.5, 2.6, 2.0, 2.8, 2.1), "previous"),
        ),
        spread=tuple(Spread(2.1, 2.5, 2.9) for _ in label),
        band_label="Middelste helft",
        median_label="Mediaan",
        missing_label="geen vergelijking",
    )


def one_block():
    return BarChart(
        title="Leiderschap",
        categories=("Leiderschap",),
        series=(Series("Uw instelling", (2.8,), "own"), Series("Landelijk gemiddelde", (2.5,), "national")),
        spread=(Spread(2.1, 2.5, 2.9),),
        band_label="Middelste helft",
        median_label="Mediaan",
    )


def distribution():
    return DistributionChart(
        title="Multidisciplinaire overlegstructuur",
        rows=(
            DistributionRow("2020", (0.25, 0.40, 0.25, 0.10)),
            DistributionRow.from_counts("2021", (11, 24, 20, 8), marker=3),
        ),
        level_labels=("Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4"),
        marker_label="Uw niveau",
    )


def priorities():
    shares = tuple(tuple(1 / 8 for _ in range(8)) for _ in BLOCKS)
    return priority_ranking_chart(
        title="Prioriteiten",
        blocks=BLOCKS,
        rank_shares=shares,
        rank_labels=tuple(f"{n}e" for n in range(1, 9)),
        own_ranks=(1, 2, 3, 4, 5, 6, 7, 8),
        marker_label="Uw rangorde",
    )


def focus_areas():
    return ShareChart(
        title="Focusgebieden",
        categories=("E-health", "Preventie", "Netwerkzorg"),
        series=(Series("2021", (0.92, 0.38, 0.44), "national"), Series("2020", (0.85, None, 0.4), "previous")),
        own=(True, False, None),
        own_yes_label="Gekozen door uw instelling",
        own_no_label="Niet gekozen",
    )


def quadrant():
    return QuadrantChart(
        title="Prioriteit versus score",
        points=(
            QuadrantPoint("Leiderschap", 0.8, 3.1),
            QuadrantPoint("Financiën", 0.6, 1.9),
            QuadrantPoint("Regiovisie", 0.5, 2.2),
            QuadrantPoint("Professionals", 0.1, 1.8),
        ),
        x_label="Aandeel in de top 3",
        y_label="Score",
        x_range=(0, 1),
        x_split=0.35,
        y_split=2.5,
        quadrant_label="Hoge prioriteit, lage score",
        x_percent=True,
    )


def delta():
    return DeltaChart(
        title="Verandering sinds 2020",
        categories=BLOCKS[:3],
        series=(Series("Ruw", (0.3, -0.24, 0.0), "national"), Series("Gecorrigeerd", (0.2, None, 0.04), "own")),
    )


ALL_CHARTS = [block_scores, one_block, distribution, priorities, focus_areas, quadrant, delta]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.fixture(scope="module")
def plotly_go():
    return pytest.importorskip("plotly.graph_objects")


# -- numbers -------------------------------------------------------------------------


def test_it_writes_numbers_the_dutch_way():
    nl = NumberFormat("nl")
    assert nl.decimal(2.75) == "2,8"
    assert nl.decimal(2.25) == "2,3"  # half up, as people round
    assert nl.percent(0.17) == "17%"
    assert nl.signed(0.3) == "+0,3"
    assert nl.signed(-0.24) == "\u22120,2"
    assert nl.signed(0.04) == "0,0"
    assert nl.integer(1234) == "1.234"
    assert nl.plotly_separators == ",."


def test_it_writes_numbers_the_english_way():
    en = NumberFormat("en-GB")
    assert en.decimal(2.75) == "2.8"
    assert en.integer(1234) == "1,234"
    assert en.plotly_separators == ".,"


def test_it_refuses_an_unknown_language():
    with pytest.raises(ValueError, match="Unsupported chart language"):
        NumberFormat("fr")


# -- SVG -----------------------------------------------------------------------------


@pytest.mark.parametrize("make", ALL_CHARTS, ids=lambda f: f.__name__)
def test_every_chart_is_a_standalone_accessible_svg(make):
    chart = make()
    root = parse(chart.to_svg(language="nl"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == chart.title
    assert desc.text == chart.alt_text(language="nl")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert float(root.get("width")) == 640 and float(root.get("height")) > 20
    # Lean and self-contained: no script, filters, images, external references or styles to fetch.
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "desc", "path", "text"}
    assert not any(key.endswith("href") for element in root.iter() for key in element.attrib)


@pytest.mark.parametrize("make", ALL_CHARTS, ids=lambda f: f.__name__)
def test_every_chart_prints_its_values_as_text(make):
    chart = make()
    texts = " ".join(t.text for t in parse(chart.to_svg(language="nl")).iter(f"{SVG}text"))
    assert re.search(r"\d", texts), "a chart read in greyscale needs its numbers as text"
    assert not re.search(r"\d\.\d", texts), "Dutch charts use a decimal comma"


def test_the_block_chart_shows_scores_spread_and_a_withheld_value():
    chart = block_scores()
    texts = [t.text for t in parse(chart.to_svg(language="nl")).iter(f"{SVG}text")]
    assert "2,8" in texts and "2,5" in texts
    assert "geen vergelijking" in texts
    assert "Middelste helft" in texts and "Mediaan" in texts
    assert "Leiderschap: Uw instelling 2,8, Landelijk gemiddelde 2,5" in chart.alt_text(language="nl")
    assert "Middelste helft 2,1–2,9, Mediaan 2,5" in chart.alt_text(language="nl")
    english = [t.text for t in parse(chart.to_svg(language="en")).iter(f"{SVG}text")]
    assert "2.8" in english


def test_a_single_block_chart_labels_its_rows_with_the_series():
    texts = [t.text for t in parse(one_block().to_svg()).iter(f"{SVG}text")]
    assert "Uw instelling" in texts and "Landelijk gemiddelde" in texts


def test_a_chart_merges_shapes_of_one_colour_into_one_path():
    # 8 blocks x 3 series are 23 bars but 3 paths: WeasyPrint pays per node, not per rectangle.
    paths = parse(block_scores().to_svg()).findall(f"{SVG}path")
    bars = [p for p in paths if p.get("fill") in ("#00528c", "#7b8794", "#cfe0f1") and p.get("d").count("z") > 1]
    assert len(bars) == 3 and sum(p.get("d").count("z") for p in bars) == 23
    assert len(paths) <= 12


def test_the_distribution_shows_shares_and_marks_the_own_level():
    chart = distribution()
    root = parse(chart.to_svg())
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"25%", "40%", "10%", "17%", "38%", "32%", "13%"} <= set(texts)
    assert "Uw niveau" in texts  # in the legend
    assert any(p.get("fill-rule") == "evenodd" for p in root.iter(f"{SVG}path"))
    assert "Niveau 3 32% (20)" in chart.alt_text()
    assert chart.alt_text().endswith("Uw niveau: Niveau 3.")


def test_a_single_statement_bar_needs_no_legend_and_can_leave_the_marker_unlabelled():
    row = (DistributionRow.from_counts("", (11, 24, 20, 8), marker=2),)
    labelled = DistributionChart(
        title="LEI-01", rows=row, level_labels=("1", "2", "3", "4"), marker_label="uw niveau", show_legend=False
    )
    quiet = DistributionChart(
        title="LEI-01",
        rows=row,
        level_labels=("1", "2", "3", "4"),
        marker_label="uw niveau",
        show_legend=False,
        label_marker=False,
    )
    assert "uw niveau" in [t.text for t in parse(labelled.to_svg()).iter(f"{SVG}text")]
    quiet_texts = [t.text for t in parse(quiet.to_svg()).iter(f"{SVG}text")]
    assert "uw niveau" not in quiet_texts and "38%" in quiet_texts
    assert "uw niveau: 2" in quiet.alt_text()


def test_it_refuses_shares_that_do_not_add_up():
    with pytest.raises(ValueError, match="add up to"):
        DistributionRow("x", (0.5, 0.5, 0.5, 0.5))
    with pytest.raises(ValueError, match="fractions"):
        DistributionRow("x", (17, 38, 32, 13))


def test_it_refuses_a_marker_outside_the_levels():
    with pytest.raises(ValueError, match="marker 5"):
        DistributionChart(
            title="t", rows=(DistributionRow("x", (0.25,) * 4, marker=5),), level_labels=("1", "2", "3", "4")
        )


def test_it_refuses_series_of_the_wrong_length():
    with pytest.raises(ValueError, match="categories"):
        BarChart(title="t", categories=("a", "b"), series=(Series("s", (1.0,)),))


def test_a_withheld_row_shows_the_missing_label():
    chart = DistributionChart(
        title="t", rows=(DistributionRow("Peer group", None),), level_labels=("1", "2"), missing_label="te kleine groep"
    )
    assert "te kleine groep" in [t.text for t in parse(chart.to_svg()).iter(f"{SVG}text")]


def test_the_quadrant_flags_high_priority_low_score():
    chart = quadrant()
    flagged = [p.label for p in chart.points if chart.highlighted(p)]
    assert flagged == ["Financiën", "Regiovisie"]
    assert "Hoge prioriteit, lage score: Financiën, Regiovisie." in chart.alt_text()
    assert "Financiën: Aandeel in de top 3 60%, Score 1,9" in chart.alt_text()
    reversed_chart = QuadrantChart(
        title="t",
        points=(QuadrantPoint("a", 2, 1.5),),
        x_label="gemiddelde rang",
        y_label="score",
        x_range=(1, 8),
        x_split=4,
        x_reversed=True,
    )
    assert reversed_chart.highlighted(reversed_chart.points[0])  # rank 2 is urgent


def test_a_point_flagged_by_the_figures_is_marked_as_they_say_not_by_where_it_falls():
    """The aggregation compares scores as printed: a point a hair below the line with equal printed
    scores is not marked, whatever its place; the chart and the table beside it agree."""
    chart = QuadrantChart(
        title="t",
        points=(QuadrantPoint("a", 0.8, 2.38, flagged=False), QuadrantPoint("b", 0.8, 2.6, flagged=True)),
        x_label="x",
        y_label="y",
        x_range=(0, 1),
        y_split=2.41,
    )
    assert [chart.highlighted(p) for p in chart.points] == [False, True]
    assert chart.to_plotly()["data"][0]["marker"]["symbol"] == ["circle", "square"]


def test_the_web_quadrant_keeps_labels_of_neighbouring_points_apart_and_on_the_plot():
    # The demo factsheet's case: ranks 1 and 2 at almost the same score, rank 1 at the far edge.
    chart = QuadrantChart(
        title="t",
        points=(
            QuadrantPoint("Interne programma-organisatie", 2, 0.75),
            QuadrantPoint("Regiovisie", 1, 0.8),
            QuadrantPoint("ICT-infrastructuur", 3, 0.5),
            QuadrantPoint("Professionals", 8, 0.85),
        ),
        x_label="plaats",
        y_label="score",
        x_range=(0.5, 8.5),
        y_range=(-2, 2),
        x_split=4.5,
        y_split=0,
        x_reversed=True,
    )
    positions = chart.to_plotly()["data"][0]["textposition"]
    by_label = dict(zip((p.label for p in chart.points), positions, strict=True))
    assert by_label["Professionals"] == "middle right"  # room enough: the usual place
    assert by_label["Interne programma-organisatie"] != "middle right"  # would run into Regiovisie
    assert by_label["Regiovisie"] != "middle right"  # would run off the plot
    assert by_label["Interne programma-organisatie"] != by_label["Regiovisie"]


def test_narrow_shares_carry_no_label_on_the_web():
    chart = distribution()
    texts = [trace["text"] for trace in chart.to_plotly()["data"]]
    for level, trace in enumerate(texts):
        for row, text in zip(chart.rows, trace, strict=True):
            share = row.shares[level] if row.shares else 0
            assert (text != "") == (share >= 0.06)


def test_the_delta_chart_signs_its_changes():
    chart = delta()
    texts = [t.text for t in parse(chart.to_svg()).iter(f"{SVG}text")]
    assert "+0,3" in texts and "\u22120,2" in texts and "–" in texts
    assert chart.limit() == 0.5


def test_a_chart_renders_the_same_twice():
    assert block_scores().to_svg() == block_scores().to_svg()


def test_text_is_measured_with_the_shipped_font():
    assert finders.find("fonts/SourceSans3-Regular.ttf")
    assert text_width("iiii", 12) < text_width("MMMM", 12)
    assert text_width("Leiderschap", 12, 600) > text_width("Leiderschap", 12, 400)
    lines = wrap("Anders organiseren van poliklinische zorg (bijv. patiëntgestuurde follow-up)", 150, 11.5)
    assert len(lines) == 2 and lines[-1].endswith("…")


# -- colours -------------------------------------------------------------------------


def test_every_ordered_colour_carries_readable_text():
    for colour in [*level_colours(4), *rank_colours(8)]:
        assert contrast_ratio(colour, text_colour_on(colour)) >= 4.5, colour


def test_series_and_ink_contrast_with_the_page():
    assert contrast_ratio(INK, WHITE) >= 7 and contrast_ratio(MUTED, WHITE) >= 4.5
    for style in [*SERIES_STYLES.values(), *OTHER_STYLES]:
        edge = style.stroke or style.fill
        assert contrast_ratio(edge, WHITE) >= 3, style


def test_the_print_stylesheet_uses_the_chart_level_colours():
    css = Path(finders.find("css/print.css")).read_text("utf-8")
    for level, colour in enumerate(LEVEL_COLOURS, start=1):
        if level == 1:
            assert f"border-left: 3.4mm solid {colour}" in css
        else:
            assert f".levels li.level-{level} {{ border-left-color: {colour}; }}" in css


# -- plotly --------------------------------------------------------------------------


@pytest.mark.parametrize("make", ALL_CHARTS, ids=lambda f: f.__name__)
def test_every_chart_is_a_valid_plotly_figure(make, plotly_go):
    figure = make().to_plotly(language="nl")
    assert set(figure) == {"data", "layout", "config"}
    plotly_go.Figure(data=figure["data"], layout=figure["layout"])  # raises on an unknown attribute
    assert figure["layout"]["separators"] == ",."
    json.dumps(figure)


def test_the_plotly_figure_carries_dutch_numbers():
    figure = block_scores().to_plotly(language="nl")
    own = figure["data"][0]
    assert own["text"][0] == "2,8" and own["base"] == 1
    assert own["x"][0] == pytest.approx(1.75)  # bar length from the scale's start


# -- hostile labels ------------------------------------------------------------------


def hostile_charts():
    label = HOSTILE
    return [
        BarChart(title=label, categories=(label, "b"), series=(Series(label, (2.0, 3.0), "own"),)),
        DistributionChart(
            title=label,
            rows=(DistributionRow(label, (0.5, 0.5), marker=1),),
            level_labels=(label, "2"),
            marker_label=label,
        ),
        ShareChart(title=label, categories=(label,), series=(Series(label, (0.5,)),), own=(True,), own_yes_label=label),
        QuadrantChart(
            title=label,
            points=(QuadrantPoint(label, 0.5, 2),),
            x_label=label,
            y_label=label,
            x_range=(0, 1),
            quadrant_label=label,
        ),
        DeltaChart(title=label, categories=(label,), series=(Series(label, (0.2,)),)),
    ]


@pytest.mark.parametrize("chart", hostile_charts(), ids=lambda c: type(c).__name__)
def test_hostile_labels_stay_text_in_the_svg(chart):
    svg = chart.to_svg()
    assert "<script" not in svg
    root = parse(svg)  # still well-formed XML
    assert not [element for element in root.iter() if element.tag.removeprefix(SVG) == "script"]
    assert root.find(f"{SVG}title").text == HOSTILE
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any("=SUM(A1)" in text for text in texts)


@pytest.mark.parametrize("chart", hostile_charts(), ids=lambda c: type(c).__name__)
def test_hostile_labels_stay_text_in_the_plotly_json(chart):
    figure = chart.to_plotly()

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    labels = [s for s in strings(figure) if "SUM" in s]
    assert labels, "the label reaches the figure"
    # plotly.js would read <b>, <a href> in labels as markup: every label arrives escaped.
    assert all("<script" not in s for s in labels)  # our own <br> and <b> may remain
    assert any('&lt;script&gt;alert("x")&lt;/script&gt; &amp; =SUM(A1) "quoted"' in s for s in labels)
    page = chart_web(chart, element_id="c1")
    payload = page.split('type="application/json">', 1)[1].removesuffix("</script>")
    assert "<" not in payload and ">" not in payload  # json_script escapes them: the JSON cannot close its tag


def test_the_pdf_image_carries_the_text_alternative():
    html = chart_img(distribution())
    assert html.startswith('<img class="chart" src="data:image/svg+xml;base64,')
    assert 'alt="Multidisciplinaire overlegstructuur. 2020: Niveau 1 25%' in html


def test_the_web_container_holds_the_figure_as_data_not_script():
    html = chart_web(block_scores(), element_id="scores")
    assert '<div id="scores" class="chart" data-chart="scores-data" role="img" aria-label="Score per bouwsteen.' in html
    assert '<script id="scores-data" type="application/json">' in html
    assert "<svg" in html  # the fallback without JavaScript
    payload = html.split('type="application/json">', 1)[1].removesuffix("</script>")
    assert json.loads(payload)["layout"]["separators"] == ",."


def test_a_bar_can_leave_its_values_and_legend_to_the_page():
    bar = DistributionChart(
        title="t", rows=(DistributionRow("", (0.5, 0.5)),), level_labels=("1", "2"), show_values=False
    )
    root = parse(bar.to_svg())
    assert [t.text for t in root.iter(f"{SVG}text")] == ["1", "2"]  # the legend only
    assert "1 50%, 2 50%" in bar.alt_text()
    block = BarChart(
        title="b",
        categories=("Leiderschap",),
        series=(Series("Uw instelling", (2.8,), "own"),),
        spread=(Spread(2.1, 2.5, 2.9),),
        band_label="Middelste helft",
        median_label="Mediaan",
        show_legend=False,
    )
    texts = [t.text for t in parse(block.to_svg()).iter(f"{SVG}text")]
    assert "Middelste helft" not in texts and "2,8" in texts
    assert "Middelste helft 2,1–2,9" in block.alt_text()
