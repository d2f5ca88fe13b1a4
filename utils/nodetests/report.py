"""The results table of a node-suite run: results.json (for tools) and results.md (to read).

results.json:
  {"suite", "onnx_version", "node_dir", "filtered" (a -k run, not the whole suite),
   "tolerance": {"rtol", "atol"}, "time_limits_s": {"compile", "run"}, "jobs", "duration_s",
   "summary": "N passed, M failed, K skipped", "totals": {status: count},
   "operators": {op: {"cases", status: count, ..., "reasons": {"node": {reason: count},
                      "expanded": {...}}, "opsets", "types", "pass_types", "node": [pass,
                      total], "expanded": [pass, total]}},
   "cases": [one CaseResult row per case, in name order]}

A case's *reason* (reason_of) is its failure detail with the case-specific parts (node and
value names, numbers, file names) taken out, so that cases failing the same way group
together: "unsupported: Foo", "cannot lower: no lowering of onnx.Bar for these operand
types", "mismatch (values)", "crash: onnx-compile SIGSEGV", ...
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from .harness import FAILED_STATUSES, STATUSES, CaseResult


def summary_line(rows) -> str:
    """'N passed, M failed, K skipped' over the rows (dicts with a status; unsupported
    counts as failed)."""
    totals = Counter(r["status"] for r in rows)
    failed = sum(totals[s] for s in FAILED_STATUSES)
    return f"{totals['pass']} passed, {failed} failed, {totals['skipped']} skipped"


# ---------------------------------------------------------------------------------------
# Reasons


_QUOTED = re.compile(r'"[^"]*"')
_NUMBER = re.compile(r"(?<![\w.])-?\d+(\.\d+)?(e[-+]?\d+)?(?!\w)")
_DIM = re.compile(r"(?<=[<x])\d+(?=x)")  # tensor<3x4xf32> -> tensor<NxNxf32>
# Element types, so that "cast to INT4" and "cast to FLOAT8E5M2" are one reason: the
# ONNX names (TensorProto.DataType) and quoted MLIR ones ('f32', 'ui64', 'bf16').
_MLIR_TYPE = re.compile(r"'(?:[su]?i\d+|ui\d+|f\d+\w*|bf16|tf32|index)'")
_MLIR_TENSOR_ELEMENT = re.compile(r"(?<=[x<])(?:[su]?i|ui|f|bf)\d+(?=>)")  # tensor<*xf32>


def _onnx_type_names() -> re.Pattern:
    from onnx import TensorProto
    names = sorted((n for n in TensorProto.DataType.keys() if n != "UNDEFINED"),
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(names) + r")\b")


_ONNX_TYPE = _onnx_type_names()
_MODEL_PREFIX = re.compile(r"^\S*?model\.onnx:\s*(?:\d+:\d+:\s*)?")
_NODE_PREFIX = re.compile(r'^(?:error:\s*)?node\s+"[^"]*"\s+\(([^,()]+), [^()]*opset \d+\):\s*')


def normalize_diagnostic(line: str) -> str:
    """A diagnostic without its file, node name, quoted names, element types and numbers:
    'model.onnx: node "n" (Foo, ai.onnx opset 13): cannot lower: axis 3 of INT4 ...'
      -> 'Foo: cannot lower: axis N of <type> ...'"""
    text = _MODEL_PREFIX.sub("", line.strip())
    text = re.sub(r"^(?:error|onnx-run: error|onnx-compile: error):\s*", "", text)
    op = ""
    match = _NODE_PREFIX.match(text)
    if match:
        op, text = match.group(1), text[match.end():]
    text = _QUOTED.sub('"…"', text)
    text = _ONNX_TYPE.sub("<type>", _MLIR_TYPE.sub("'<type>'", text))
    text = _MLIR_TENSOR_ELEMENT.sub("T", text)
    text = _NUMBER.sub("N", _DIM.sub("N", text))
    text = re.sub(r"\btest_data_set_N:\s*", "", text)
    return f"{op}: {text}" if op else text


def reason_of(row: dict) -> str:
    """The failure class of a results row, for grouping ('' for pass)."""
    status, detail = row["status"], row.get("detail", "")
    if status == "pass":
        return ""
    if status == "unsupported":
        return "unsupported: " + ", ".join(row.get("ops") or ["?"])
    if status == "mismatch":
        if ": element type" in detail:
            return "mismatch (element type)"
        if ": shape" in detail:
            return "mismatch (shape)"
        if "wrote no" in detail:
            return "mismatch (missing output)"
        if "nan" in detail.lower() or "max abs error inf" in detail:
            return "mismatch (NaN/inf)"
        return "mismatch (values)"
    if status == "crash":
        # "onnx-compile: SIGSEGV (in ...)", "onnx-run: SIGABRT: Assertion ... on test_data_set_0"
        tool, _, rest = detail.partition(": ")
        return f"crash: {tool} {rest.split()[0].rstrip(':') if rest else '?'}"
    if status == "timeout":
        return "timeout: " + ("onnx-compile" if row.get("phase") == "compile" else "onnx-run")
    return f"{status}: {normalize_diagnostic(detail)}"


# ---------------------------------------------------------------------------------------
# Per operator


def operator_totals(rows) -> dict:
    """op -> {"cases", status counts, "reasons": {"node"|"expanded": {reason: count}},
    "opsets": [versions], "types": [...], "pass_types": [...], "node": [pass, total],
    "expanded": [pass, total]}: the single-node and the _expanded cases apart, for an
    _expanded case fails for the ops of the function body, not for the operator itself."""
    ops = {}
    for row in rows:
        entry = ops.setdefault(row["op"], {"cases": 0, **{s: 0 for s in STATUSES},
                                           "reasons": {"node": Counter(),
                                                       "expanded": Counter()},
                                           "opsets": set(),
                                           "types": set(), "pass_types": set(),
                                           "node": [0, 0], "expanded": [0, 0]})
        entry["cases"] += 1
        entry[row["status"]] += 1
        kind = "expanded" if row["expanded"] else "node"
        entry[kind][1] += 1
        if row["status"] == "pass":
            entry[kind][0] += 1
        elif row["status"] != "skipped":
            entry["reasons"][kind][reason_of(row)] += 1
        version = op_opset(row)
        if version is not None:
            entry["opsets"].add(version)
        types = set(row["input_types"]) | set(row["output_types"])
        entry["types"] |= types
        if row["status"] == "pass":
            entry["pass_types"] |= types
    for entry in ops.values():
        entry["reasons"] = {k: dict(c.most_common()) for k, c in entry["reasons"].items()}
        entry["opsets"] = sorted(entry["opsets"])
        entry["types"] = sorted(entry["types"])
        entry["pass_types"] = sorted(entry["pass_types"])
    return dict(sorted(ops.items()))


def op_opset(row: dict):
    """The opset version of the operator under test's domain in the case's model."""
    op = row.get("op", "")
    domain = op.rsplit(".", 1)[0] if "." in op else "ai.onnx"
    return row.get("opsets", {}).get(domain)


def failed_count(entry: dict) -> int:
    return sum(entry[s] for s in FAILED_STATUSES)


# ---------------------------------------------------------------------------------------
# Writing


def results_document(results, meta: dict) -> dict:
    rows = [r.to_json() if isinstance(r, CaseResult) else r for r in results]
    totals = Counter(r["status"] for r in rows)
    return {**meta,
            "summary": summary_line(rows),
            "totals": {s: totals[s] for s in STATUSES},
            "operators": operator_totals(rows),
            "cases": rows}


def write_results(results, meta: dict, out_dir: Path) -> dict:
    """Write out_dir/results.json and out_dir/results.md; returns the JSON document."""
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = results_document(results, meta)
    (out_dir / "results.json").write_text(json.dumps(doc, indent=1) + "\n")
    (out_dir / "results.md").write_text(render_markdown(doc))
    return doc


def load_results(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def failing_operators(doc: dict, limit: int | None = None) -> list:
    """The operators with failing cases, most failed cases first, as dicts: op, failed,
    cases, failures ('N status, ...'), and for "node" and "expanded" cases apart:
    [failed, total, most common reason, its count]."""
    rows = []
    for op, entry in doc["operators"].items():
        failed = failed_count(entry)
        if not failed:
            continue
        by_status = sorted(((entry[s], s) for s in FAILED_STATUSES if entry[s]),
                           key=lambda x: -x[0])
        row = {"op": op, "failed": failed, "cases": entry["cases"],
               "failures": ", ".join(f"{n} {s}" for n, s in by_status)}
        for kind in ("node", "expanded"):
            reasons = entry["reasons"][kind]
            reason, count = next(iter(reasons.items()), ("", 0))
            row[kind] = [sum(reasons.values()), entry[kind][1], reason, count]
        rows.append(row)
    rows.sort(key=lambda r: (-r["failed"], r["op"]))
    return rows[:limit] if limit else rows


def describe_failing(row: dict) -> str:
    """'node 93/93: unsupported: Attention (93); expanded 93/93: unsupported: CastLike (93)'"""
    parts = []
    for kind in ("node", "expanded"):
        failed, total, reason, count = row[kind]
        if failed:
            more = "" if count == failed else f" ({count}; {failed - count} other)"
            parts.append(f"{kind} {failed}/{total}: {reason}{more}")
    return "; ".join(parts)


def blocking_operators(doc: dict, limit: int | None = None) -> list:
    """(op, cases) for the operators onnx-compile's importer lists as unsupported, by the
    number of cases whose compile they stop (an op counts in the _expanded cases of other
    operators too: supporting it unblocks them all), most first."""
    counts = Counter(op for row in doc["cases"] if row["status"] == "unsupported"
                     for op in row.get("ops", []))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return rows[:limit] if limit else rows


def render_markdown(doc: dict) -> str:
    out = [f"# Node-suite results: {doc['suite']} (onnx {doc['onnx_version']})", "",
           f"**{doc['summary']}** of {len(doc['cases'])} cases"
           f"{' (a filtered run)' if doc.get('filtered') else ''}; "
           f"{doc['duration_s']:.0f} s with {doc['jobs']} jobs; tolerance rtol "
           f"{doc['tolerance']['rtol']:g}, atol {doc['tolerance']['atol']:g}; data: "
           f"`{doc['node_dir']}`.", "",
           "| status | cases |", "|---|---|"]
    out += [f"| {s} | {n} |" for s, n in doc["totals"].items() if n]
    out += ["", "## Failing operators (by failed cases)", "",
            "| operator | failed | cases | failures | most common reason: single-node cases; "
            "_expanded cases |", "|---|---|---|---|---|"]
    for row in failing_operators(doc):
        out.append(f"| {row['op']} | {row['failed']} | {row['cases']} | {row['failures']} | "
                   f"{_cell(describe_failing(row))} |")
    out += ["", "## Unsupported operators (by cases they stop)", "",
            "| operator | cases |", "|---|---|"]
    out += [f"| {op} | {n} |" for op, n in blocking_operators(doc)]
    out += ["", "## Cases", "", "| case | operator | status | detail |", "|---|---|---|---|"]
    for row in doc["cases"]:
        detail = row["detail"]
        if row["status"] == "unsupported":
            detail = "unsupported: " + ", ".join(row["ops"])
        out.append(f"| {row['name']} | {row['op']} | {row['status']} | {_cell(detail)} |")
    return "\n".join(out) + "\n"
