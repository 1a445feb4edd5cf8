"""Where a report may be written: never over an input of the run."""
from __future__ import annotations

import os
from pathlib import Path

from vetting import safeyaml
from vetting.errors import InputError
from vetting.law.ruleset import DEFAULT_RULES


def refuse_overwriting_inputs(output, cases, hypotheses=(), rules=None) -> None:
    """`-o` never names an input of the run: a case file, a hypothesis, or any file in a case or rule folder
    (there it would replace an input, or be refused as an unread file on the next run)."""
    target = Path(output)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a symlink loop: writing reports it
        return
    for folder, what in [(Path(c), "case") for c in cases if Path(c).is_dir()] + [(Path(rules or DEFAULT_RULES),
                                                                                    "rule")]:
        if resolved == folder.resolve() or folder.resolve() in resolved.parents:
            raise InputError(f"cannot write there: it is inside the {what} folder `{folder}`", file=str(output),
                             hint=f"a {what} folder holds only its own files: write the output elsewhere")
    for given in [c for c in cases if not Path(c).is_dir()] + list(hypotheses):
        if resolved == Path(given).resolve() or (target.exists() and Path(given).exists()
                                                 and os.path.samefile(target, given)):
            raise InputError(f"cannot write there: it is an input of this run (`{given}`)", file=str(output),
                             hint="name another file: the output never replaces a case file or a hypothesis")
    singles = [Path(c) for c in cases if not Path(c).is_dir()]
    if target.exists() and any(p.resolve().parent in resolved.parents for p in singles):
        # a source text beside a case file: only an existing file there can be one, so only then read the sources
        folders = [p.parent for p in singles] + [Path(c) for c in cases if Path(c).is_dir()]
        for given in singles:
            data = safeyaml.load(given).data
            for source in (data.get("sources") if isinstance(data, dict) else None) or []:
                text = source.get("text") if isinstance(source, dict) else None
                if isinstance(text, str) and any((folder / text).resolve() == resolved for folder in folders):
                    raise InputError(f"cannot write there: it is the text of the source `{source.get('id')}`",
                                     file=str(output), hint="name another file: the output never replaces an input")
