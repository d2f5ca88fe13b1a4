"""The expected-status table: test/E2E/node_expected.json.

  {"suite": "onnx", "onnx_version": "1.23.2",
   "cases": {"test_abs": "pass", "test_adam": "unsupported", ...}}

Every case of the pinned onnx's node suite has an entry: `pass`, or the status class it is
known to fail with (harness.STATUSES). A run is compared with it (compare):

  regressions     listed as pass, no longer passing: the run fails
  newly passing   listed as failing, passing now: printed, so the table is updated with
                  `utils/nodetests/run.py --update-expected`
  changed         failing in another way than listed (e.g. unsupported -> mismatch): printed
  unlisted        in the suite but not in the table (a new onnx pin): the table is stale
  stale           in the table but not in the suite (checked on whole-suite runs only)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .suite import ROOT

EXPECTED_PATH = ROOT / "test" / "E2E" / "node_expected.json"
UPDATE_HINT = "utils/nodetests/run.py --update-expected"


@dataclass
class Comparison:
    regressions: list = field(default_factory=list)    # (name, expected, now, detail)
    newly_passing: list = field(default_factory=list)  # (name, expected)
    changed: list = field(default_factory=list)        # (name, expected, now, detail)
    unlisted: list = field(default_factory=list)       # (name, now)
    stale: list = field(default_factory=list)          # names

    @property
    def table_current(self) -> bool:
        """The table says exactly what this run found."""
        return not (self.regressions or self.newly_passing or self.changed or self.unlisted
                    or self.stale)

    def report(self, limit: int = 50) -> str:
        """The differences as text, most important first ('' when none); every regression,
        at most `limit` entries of the other kinds."""
        out = []

        def section(title, items, fmt, limit=limit):
            if not items:
                return
            out.append(f"{title} ({len(items)}):")
            out.extend("  " + fmt(item) for item in items[:limit])
            if len(items) > limit:
                out.append(f"  ... and {len(items) - limit} more")

        section("REGRESSIONS: listed as pass, failing now", self.regressions,
                lambda r: f"{r[0]}: {r[2]}: {r[3]}", limit=len(self.regressions))
        section(f"newly passing (update the table: {UPDATE_HINT})", self.newly_passing,
                lambda r: f"{r[0]} (was {r[1]})")
        section("failing differently than listed", self.changed,
                lambda r: f"{r[0]}: {r[1]} -> {r[2]}: {r[3]}")
        section(f"not in the table ({UPDATE_HINT})", self.unlisted,
                lambda r: f"{r[0]}: {r[1]}")
        section(f"in the table but not in the suite ({UPDATE_HINT})", self.stale,
                lambda name: name)
        return "\n".join(out)


def load(path: Path = EXPECTED_PATH) -> dict:
    """name -> expected status ({} when the file does not exist)."""
    path = Path(path)
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text())["cases"])


def compare(expected: dict, rows, whole_suite: bool) -> Comparison:
    """Compare a run's rows (dicts with name, status, detail) with the table."""
    result = Comparison()
    seen = set()
    for row in rows:
        name, now, detail = row["name"], row["status"], row.get("detail", "")
        if now == "unsupported" and row.get("ops"):
            detail = "unsupported: " + ", ".join(row["ops"])
        seen.add(name)
        want = expected.get(name)
        if want is None:
            result.unlisted.append((name, now))
        elif want == "pass" and now != "pass":
            result.regressions.append((name, want, now, detail))
        elif want != "pass" and now == "pass":
            result.newly_passing.append((name, want))
        elif want != now:
            result.changed.append((name, want, now, detail))
    if whole_suite:
        result.stale = sorted(set(expected) - seen)
    return result


def save(rows, meta: dict, path: Path = EXPECTED_PATH, merge_into: dict | None = None) -> None:
    """Write the table: every row's status (merged into merge_into's entries, for a run of
    part of the suite). One case per line, sorted, for readable diffs."""
    cases = dict(merge_into or {})
    cases.update({row["name"]: row["status"] for row in rows})
    doc = {"_comment": "Expected status of each ONNX node-test case on -target=cpu "
                       "(docs/Testing.md). Generated: " + UPDATE_HINT,
           "suite": meta["suite"], "onnx_version": meta["onnx_version"],
           "cases": dict(sorted(cases.items()))}
    Path(path).write_text(json.dumps(doc, indent=1) + "\n")
