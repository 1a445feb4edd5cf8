"""The Foreign Military Training report (State/DoD, as parsed by Security Force Monitor) to proposals.

One training row becomes one proposal: funding (the law follows the program), course, dates, quantity (the
number of trainees) and cost. The trainee unit is matched to the units of roster cases (`match.py`); a row
whose unit matches none is kept, with its raw name, as assistance to recipients not identified. "Program
Totals" rows are recognised as totals: they are counted and listed in the import log, never imported as
assistance (they would count the money twice).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vetting.importers.common import Counts, RowError, Table, dump_yaml, logged, read_table, slug
from vetting.importers.match import Matcher

REQUIRED = ("program", "course_title", "student_unit", "start_date", "end_date", "quantity", "total_cost")
TOTALS = re.compile(r"\bprogram\s+totals?\b", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_COST = re.compile(r"^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$")

# The law follows the source of the money (docs/case-format.md, "Funding: source, not channel"). Each program
# name of the report, by the first pattern it matches, gives the most specific source the name supports: State
# foreign-assistance accounts (FMF, IMET, INCLE, NADR, PKO, ESF; `faa` for another FAA authority), DoD
# authorities (`dod-333`, `dod-284`; `dod` for another DoD authority or where the name cannot say which), and
# Homeland Security (Coast Guard) training, which neither Leahy law covers (`other`). Section 1004 is `dod`, not
# `dod-284`, whatever the year: 10 U.S.C. 284 (P.L. 114-328 sec. 1011, 23 December 2016) replaced section 1004
# of the FY1991 NDAA during FY2017, the report still names section 1004 for FY2017, and a row naming the
# repealed section cannot say which of the two paid; only a name citing section 284 gives `dod-284`. No channel
# is written: the report's "Department of State / Defense Training" headings name whose program it is (IMET is
# State's, taught in DoD schools), not how it is delivered. A program matching none is a bad row, never a guess.
PROGRAMS = (
    (re.compile(r"\bFMF\b|Foreign Military Financing", re.I), "fmf", "FMF"),
    (re.compile(r"\bIMET\b|International Military Education", re.I), "imet", "IMET"),
    (re.compile(r"\bINCLE\b|\bINL\b|International Narcotics", re.I), "incle", "INCLE"),
    (re.compile(r"\bNADR\b|Nonproliferation,? Anti-?terrorism", re.I), "nadr", "NADR"),
    (re.compile(r"\bPKO\b|\bGPOI\b|Peacekeeping", re.I), "pko", "PKO"),
    (re.compile(r"\bESF\b|Economic Support Fund", re.I), "esf", "ESF"),
    (re.compile(r"Section 506", re.I), "faa", "Section 506 drawdown"),  # FAA sec. 506(a): a drawdown
    (re.compile(r"DOHS|USCG|Homeland Security", re.I), "other", "Homeland Security"),
    (re.compile(r"Section 284|\b10 U\.?S\.?C\.? (?:§ ?)?284\b", re.I), "dod-284", "Section 284"),
    (re.compile(r"Section 333|\b10 U\.?S\.?C\.? (?:§ ?)?333\b", re.I), "dod-333", "Section 333"),
    (re.compile(r"Section 1004", re.I), "dod", "Section 1004"),
    (re.compile(r"Counter-?Drug", re.I), "dod", "DoD counter-drug"),
    (re.compile(r"\bCTFP\b|Counterterrorism Fellowship", re.I), "dod", "CTFP"),
    (re.compile(r"Regional Centers?|Hemispheric Defense Studies|CHDS", re.I), "dod", "Regional Centers"),
    (re.compile(r"Service Academ|\bALP\b|\bPME\b|Non-SA|Combatant Command", re.I), "dod", None),
    (re.compile(r"Exchange", re.I), None, "Exchange"),  # State or DoD, as the program name says
    (re.compile(r"\bDoS\b|Department of State", re.I), "faa", None),
    (re.compile(r"\bDoD\b|Department of Defense", re.I), "dod", None),
)


@dataclass(frozen=True)
class Result:
    files: dict  # file name -> text
    counts: Counts
    log: str


def funding_of(program: str) -> tuple[str, str] | None:
    """(funding source, account) for a program name of the report, or None if the name says neither."""
    for pattern, source, account in PROGRAMS:
        if pattern.search(program):
            if source is None:  # an exchange: whose program the name says
                source = ("faa" if re.search(r"\bDoS\b|Department of State", program, re.I) else
                          "dod" if re.search(r"\bDoD\b|Department of Defense", program, re.I) else None)
                if source is None:
                    return None
            return source, account or program.split(" - ")[0].strip()
    return None


def parse_date(text: str) -> dt.date | None:
    """`m/d/yy` or `m/d/yyyy` (two-digit years are 2000–2099: the report starts in FY2000)."""
    m = _DATE.match(text.strip())
    if not m:
        raise ValueError
    month, day_, year = int(m[1]), int(m[2]), int(m[3])
    return dt.date(year + 2000 if year < 100 else year, month, day_)


def parse_cost(text: str) -> float | None:
    text = text.strip()
    if text in ("", "$"):
        return None
    m = _COST.match(text)
    if not m:
        raise ValueError
    return float(m[1].replace(",", "") + (f".{m[2]}" if m[2] else ""))


def import_rows(path, matcher: Matcher, skip_bad: bool = False) -> Result:
    table = read_table(path)
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise RowError(table, 1, missing[0], f"the column `{missing[0]}` is missing from the header",
                       hint=f"a training-report file has the columns {', '.join(REQUIRED)}")
    ignored = [c for c in table.columns if c not in REQUIRED + ("fiscal_year_report", "country", "us_unit",
                                                               "location", "source", "sfm_repo_path", "sfm_commit")]
    counts = Counts()
    sources: dict = {}
    proposals, totals = [], []
    for line, row in table.rows:
        counts.read += 1
        try:
            if TOTALS.search(row["course_title"]) or TOTALS.search(row["student_unit"]):
                counts.totals += 1
                totals.append(_total(table, line, row))
                continue
            proposal = _proposal(table, line, row, matcher, sources)
        except RowError as err:
            if not skip_bad:
                raise
            counts.skipped.append(err)
            continue
        counts.imported += 1
        if "identified" in proposal["recipients"]:
            counts.unmatched += 1
        proposals.append(proposal)
    counts.check()
    name = table.path.name
    header = (f"# Imported by `vetting import fmtrpt` from {name}: Foreign Military Training and DoD Engagement\n"
              f"# Activities of Interest (U.S. Department of State and Department of Defense), rows as parsed by\n"
              f"# Security Force Monitor (github.com/security-force-monitor/fmtrpt_data, MIT licence).\n"
              f"# Do not edit by hand: re-run the import.\n")
    text = dump_yaml({"sources": [sources[k] for k in sorted(sources)], "proposals": proposals}, header)
    log = _log(name, counts, totals, ignored, matcher)
    return Result({"training.yaml": text, "import-log.txt": log}, counts, log)


def _cell(row: dict, column: str) -> str:
    return " ".join(row[column].split())


def _proposal(table: Table, line: int, row: dict, matcher: Matcher, sources: dict) -> dict:
    program = _cell(row, "program")
    funding = funding_of(program)
    if funding is None:
        raise RowError(table, line, "program", f"the program `{program}` names no funding the importer knows",
                       hint="known: IMET, INCLE/INL, FMF, NADR, PKO/GPOI, ESF, Section 506, Section 1004, Section "
                            "284, Section 333, CTFP, Regional Centers, DOHS/USCG, or a name saying DoS or DoD")
    course = _cell(row, "course_title")
    trainee = _cell(row, "student_unit")
    if not course and not trainee:
        raise RowError(table, line, "course_title", "the row names neither a course nor a trainee unit")
    dates = {}
    for column, key in (("start_date", "from"), ("end_date", "to")):
        if row[column].strip():
            try:
                dates[key] = parse_date(row[column])
            except ValueError:
                raise RowError(table, line, column, f"`{row[column].strip()}` is not a date written m/d/yy "
                                                    f"or m/d/yyyy") from None
    if "from" in dates and "to" in dates and dates["to"] < dates["from"]:
        raise RowError(table, line, "end_date", f"the course ends ({dates['to']}) before it starts "
                                                f"({dates['from']})")
    quantity = None
    if row["quantity"].strip():
        if not row["quantity"].strip().isdigit():
            raise RowError(table, line, "quantity", f"`{row['quantity'].strip()}` is not a whole number of "
                                                    f"trainees")
        quantity = int(row["quantity"].strip())
    try:
        cost = parse_cost(row["total_cost"])
    except ValueError:
        raise RowError(table, line, "total_cost", f"`{row['total_cost'].strip()}` is not an amount of dollars",
                       hint="e.g. `$12,500` or `12500`") from None
    report = row.get("fiscal_year_report", "").strip() or "report"
    source_id = f"fmtrpt-{slug(report)}"
    if source_id not in sources:
        sources[source_id] = _source(source_id, report, row)
    source, account = funding
    match = matcher.match(trainee)
    stem = slug(table.path.stem, 40)
    proposal: dict = {
        "id": f"{stem if stem.startswith('fmtrpt') else 'fmtrpt-' + stem}-{line:05d}",
        "title": f"{course or 'a course'} — {trainee or 'trainees not named'}",
        "program": program,
        "funding": {"sources": [source], "account": account},
        "kind": "training",
        "recipients": ({"units": [match.unit]} if match else
                       {"identified": False, "description": trainee or "not named in the report"}),
    }
    if "from" in dates:
        proposal["from"] = dates["from"].isoformat()
    if "to" in dates:
        proposal["to"] = dates["to"].isoformat()
    if quantity is not None:
        proposal["quantity"] = quantity
    if cost is not None:
        proposal["amount"] = {"value": cost, "currency": "USD"}
    where = "; ".join(f"{k}: {_cell(row, k)}" for k in ("us_unit", "location") if _cell(row, k))
    described = f"Trainee unit as reported: “{trainee}”." if trainee else "The report names no trainee unit."
    if match:
        described += f" Matched to `{match.unit}` by the name or alias “{match.name}” (score {match.score})."
    proposal["description"] = described + (f" {where}." if where else "")
    proposal["sources"] = [{"source": source_id, "locator": f"{table.path.name}, row {line}",
                            "note": "a row of the report: program, course, trainee unit, dates, quantity, cost"}]
    proposal["assumption"] = (f"the funding source `{source}` is inferred from the program name; the report "
                              f"gives no account and no channel" + ("; the trainee unit is matched by name" if match
                                                            else ""))
    return proposal


def _source(source_id: str, report: str, row: dict) -> dict:
    years = report.replace("_", "–")
    commit = row.get("sfm_commit", "").strip()
    return {"id": source_id,
            "title": f"Foreign Military Training and DoD Engagement Activities of Interest, {years}",
            "publisher": "U.S. Department of State and U.S. Department of Defense",
            "kind": "government",
            "attribution": "Rows as parsed by Security Force Monitor, Human Rights Institute, Columbia Law School "
                           "(security-force-monitor/fmtrpt_data" + (f" @ {commit[:8]}" if commit else "")
                           + ", MIT licence)" + (f"; SFM source id {row['source'].strip()}"
                                                if row.get("source", "").strip() else "")}


def _total(table: Table, line: int, row: dict) -> str:
    return (f"row {line}: {_cell(row, 'program')} — {_cell(row, 'course_title') or _cell(row, 'student_unit')}: "
            f"quantity {_cell(row, 'quantity') or '—'}, cost {_cell(row, 'total_cost') or '—'}")


def _log(name: str, counts: Counts, totals: list, ignored: list, matcher: Matcher) -> str:
    lines = [f"vetting import fmtrpt {name}", summary(counts), "",
             f"Matching: {matcher.describe()}", ""]
    if ignored:
        lines += [f"Columns not used: {', '.join(ignored)}", ""]
    lines += [f"Program totals ({len(totals)} rows, not imported as assistance):", *totals, ""]
    if counts.skipped:
        lines += [f"Skipped rows ({len(counts.skipped)}):",
                  *(logged(err) for err in counts.skipped), ""]
    return "\n".join(lines)


def summary(counts: Counts) -> str:
    return (f"rows read {counts.read} = imported {counts.imported} (matched {counts.imported - counts.unmatched}, "
            f"unmatched {counts.unmatched}) + program totals {counts.totals} + skipped {len(counts.skipped)}")
