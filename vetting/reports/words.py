"""The words every report shares: the colour of a status, what an outcome word alone does not say, the
register's section titles, a withholding in one line. Kept apart so that the report formats (vetting.report,
vetting.reports.*, vetting.explain) all read them without importing each other."""
from __future__ import annotations

STATUS_STYLE = {"eligible": "green", "suspended": "yellow", "ineligible": "bold red", "remediated": "cyan",
                "approved": "green", "held": "blue", "approved-by-exception": "cyan", "waived": "magenta",
                "rejected": "bold red", "not-covered": "dim"}


# what an outcome word alone does not say
OUTCOME_MEANING = {"held": "recipients not identified — a gap in the data, not a human-rights suspension"}


def status_text(value: str):
    """A status or outcome as rich Text with its colour (unknown words plain)."""
    from rich.text import Text

    return Text(value, style=STATUS_STYLE.get(value, ""))


REGISTER_SECTIONS = {
    "barred": "Barred units: the public list (22 U.S.C. 2378d(d)(7))",
    "assessments": "Ineligible by the analysts' reading: no government assessment in the case",
    "withheld": "Barred units withheld from publication",
    "suspended": "Suspended units: assistance held pending assessment, review or identification of the unit",
    "held": "Proposals held: recipients not identified (a gap in the data, not a human-rights suspension)",
}


def withholding_text(w: dict) -> str:
    reported = {None: "not reported", "unknown": "reported: unknown"}.get(w["reported"], f"reported {w['reported']}")
    return "; ".join(p for p in (f"{w['ground']} since {w['on']}", reported, w["justification"], w.get("note")) if p)
