"""Make docs/briefing.png: the top of the Mexico briefing (with the zone-commander hypothesis) as Chromium draws it.

    .venv/bin/python scripts/briefing_screenshot.py [/path/to/chromium]
"""
import subprocess
import sys
import tempfile
from pathlib import Path

from vetting.case.load import apply_hypotheses, load_case
from vetting.reports import briefing

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "cases" / "mexico-2015"


def main() -> None:
    chromium = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/chromium"
    case = apply_hypotheses(load_case(CASE), [CASE / "hypotheses" / "zone-commander-implicated.yaml"])
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "briefing.html"
        page.write_text(briefing.to_html(briefing.brief(case, "2015-05-08")), encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=1000,1900", f"--screenshot={ROOT / 'docs' / 'briefing.png'}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(ROOT / "docs" / "briefing.png")


if __name__ == "__main__":
    main()
