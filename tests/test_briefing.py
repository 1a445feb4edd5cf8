"""The briefing: its command tree (our SVG layout), its Markdown and HTML, and what a reader sees in Chromium."""
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.case.load import apply_hypotheses, load_case
from vetting.reports import briefing, tree_svg

CASE = Path(__file__).parent.parent / "cases" / "mexico-2015"
ZONE = CASE / "hypotheses" / "zone-commander-implicated.yaml"
MINI = Path(__file__).parent / "data" / "mini"
CHROMIUM = os.environ.get("VETTING_CHROMIUM", "/usr/bin/chromium")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def zone_briefing():
    return briefing.brief(apply_hypotheses(load_case(CASE), [ZONE]), "2015-05-08")


def test_the_tree_puts_the_battalion_under_the_zone_under_the_army():
    rows = tree_svg.layout(evaluate(CASE, "2015-05-08"))
    depth = {r["id"]: r["depth"] for r in rows}
    order = [r["id"] for r in rows]
    assert (depth["mx-army"], depth["mx-zone-22"], depth["mx-bn-102"]) == (0, 1, 2)
    assert order.index("mx-army") < order.index("mx-zone-22") < order.index("mx-bn-102")
    assert sorted(order) == sorted(evaluate(CASE, "2015-05-08").units)  # every unit once
    zone = rows[order.index("mx-zone-22")]
    assert zone["detail"] == "mx-zone-22 · 10,000 personnel"
    assert rows[order.index("mx-bn-102")]["detail"] == "mx-bn-102 · personnel unknown"
    assert zone["last"] == order.index("mx-bn-102")  # the zone's subtree ends with the battalion


def test_the_tree_shades_the_barred_zone_and_its_subtree_once(zone_briefing):
    svg = ET.fromstring(tree_svg.render(zone_briefing.report))
    shades = [r for r in svg.iter(f"{SVG}rect") if "shade" in r.get("class", "")]
    units = {g.get("data-id"): g for g in svg.iter(f"{SVG}g") if g.get("data-id")}
    assert units["mx-zone-22"].get("class") == "unit ineligible"
    assert units["mx-bn-102"].get("class") == "unit ineligible"

    def box(g):
        r = g.find(f"{SVG}rect")
        return float(r.get("y")), float(r.get("y")) + float(r.get("height"))

    zone_top, _ = box(units["mx-zone-22"])
    _, bn_bottom = box(units["mx-bn-102"])
    covering = [s for s in shades if float(s.get("y")) <= zone_top
                and float(s.get("y")) + float(s.get("height")) >= bn_bottom]
    assert len(covering) == 1 and "ineligible" in covering[0].get("class")
    # the battalion, inside the zone's shade, has none of its own; the federal police (suspended) has its own
    assert len([s for s in shades if "suspended" in s.get("class")]) == 2  # the federal police and San Fernando


def test_the_tree_escapes_what_the_case_says(tmp_path):
    hostile = tmp_path / "case"
    shutil.copytree(MINI, hostile)
    path = hostile / "case.yaml"
    path.write_text(path.read_text().replace("name: Battalion", "name: '</text><script>alert(1)</script> & \"b\"'"))
    svg = tree_svg.render(evaluate(hostile, "2015-05-31"))
    root = ET.fromstring(svg)  # well-formed
    assert "<script" not in svg
    assert any("</text><script>alert(1)</script>" in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_a_long_name_is_wrapped_and_shortened_in_the_picture_and_whole_in_its_tooltip():
    lines = tree_svg._name_lines("word " * 60)
    assert len(lines) == tree_svg.NAME_LINES and lines[-1].endswith("…")
    assert all(len(line) <= tree_svg.NAME_CHARS for line in lines)


def test_markdown_briefing_has_every_part(zone_briefing):
    text = briefing.to_markdown(zone_briefing)
    for heading in ("## Summary", "## Command tree", "## Status timelines", "## Findings", "## Tasks"):
        assert heading in text
    assert "not the government's determination" in text
    assert ("- Under the State law: 4 units are ineligible (personnel: 10,000 + unknown (2 units without a "
            "figure)); 2 units are suspended") in text
    assert "  - **22nd Military Zone** — mx-zone-22 · 10,000 personnel — state: ineligible · dod: ineligible" in text
    assert "    - **102nd Infantry Battalion** — mx-bn-102 · personnel unknown" in text
    battalion = text[text.index("- **102nd Infantry Battalion** (mx-bn-102) — before: state: eligible, dod: eligible"):]
    steps = [line for line in battalion.splitlines()[1:3]]
    assert steps[0].startswith("  - 2014-10-01 state, dod: eligible → **suspended** — mx-zone-22: 22nd Military Zone; ")
    assert "tlatlaya-northcom-report: An October 2014 internal report" in steps[0]
    assert steps[1] == "  - 2015-01-15 state, dod: suspended → **ineligible** — tlatlaya-zone-commander-implicated assessed"
    assert "“others had been summarily executed afterwards”" in text
    assert "(<https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title22-section2378d>)" in text


def test_brief_command_writes_html_and_markdown(tmp_path):
    for fmt in ("html", "markdown"):
        out = tmp_path / f"brief.{fmt}"
        assert main(["brief", str(CASE), "--as-of", "2015-05-08", "--with", str(ZONE), "--format", fmt,
                     "-o", str(out)]) == 0
        text = out.read_text()
        assert "22nd Military Zone" in text and "mx-bn-102" in text
    html = (tmp_path / "brief.html").read_text()
    assert "<svg" in html and "<script" not in html
    assert not re.search(r"""(src|href)=["']?(?!https?://)[a-z]+:""", html)  # nothing to fetch to view it
    assert not re.search(r"<(img|link|script|iframe)\b", html)


# What a reader sees: the page rendered by Chromium. A script added to a copy of the page (the briefing has none)
# reads the text as laid out (`innerText`) and where the tree's boxes are drawn.
PROBE = """<script>
const box = id => { const g = document.querySelector(`g[data-id="${id}"]`); const r = g.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, width: r.width, height: r.height,
          text: Array.from(g.querySelectorAll('text')).map(t => t.textContent).join(' | ')}; };
const pre = document.createElement('pre'); pre.id = 'seen';
pre.textContent = JSON.stringify({text: document.body.innerText, zone: box('mx-zone-22'), bn: box('mx-bn-102'),
  timeline: document.querySelector('li.unit-timeline[data-id="mx-bn-102"]').innerText});
document.body.appendChild(pre);
</script>"""


@pytest.mark.skipif(not Path(CHROMIUM).exists(),
                    reason=f"Chromium is not installed at {CHROMIUM} (set VETTING_CHROMIUM to its path to run it)")
def test_a_reader_sees_the_summary_the_tree_and_a_timeline_in_chromium(zone_briefing, tmp_path):
    page = tmp_path / "briefing.html"
    page.write_text(briefing.to_html(zone_briefing).replace("</body>", PROBE + "</body>"))
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000",
                          "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="seen">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stderr[-2000:]
    seen = json.loads(unescape(found.group(1)))
    text = seen["text"]
    assert "Notice. This report applies the Leahy laws" in text and "not the government's determination" in text
    assert "Summary" in text and "Under the State law: 4 units are ineligible" in text
    # the tree: the zone's box drawn, with its 10,000, above the battalion's and the battalion indented under it
    zone, bn = seen["zone"], seen["bn"]
    assert zone["width"] > 100 and zone["height"] > 20 and bn["width"] > 100
    assert "22nd Military Zone" in zone["text"] and "10,000 personnel" in zone["text"]
    assert "102nd Infantry Battalion" in bn["text"] and "state: ineligible" in bn["text"]
    assert bn["top"] >= zone["bottom"] and bn["left"] > zone["left"]
    # a timeline: eligible → suspended → ineligible, with the dates and the information
    timeline = seen["timeline"]
    assert "2014-10-01 state, dod: eligible → suspended" in timeline
    assert "2015-01-15 state, dod: suspended → ineligible" in timeline
    assert "tlatlaya-northcom-report" in timeline and "tlatlaya-zone-commander-implicated" in timeline


def test_the_status_strip_shows_each_period_in_order_with_its_dates(zone_briefing):
    from vetting.reports import timeline_svg

    line = zone_briefing.timeline.lines["mx-bn-102"]
    svg = ET.fromstring(timeline_svg.strip(line, zone_briefing.report.as_of))
    bands = [r for r in svg.iter(f"{SVG}rect")]
    assert [b.get("class") for b in bands] == ["eligible", "suspended", "ineligible"]
    xs = [float(b.get("x")) for b in bands]
    assert xs == sorted(xs) and float(bands[-1].get("x")) + float(bands[-1].get("width")) <= timeline_svg.WIDTH
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["2014-10-01", "2015-01-15"]
