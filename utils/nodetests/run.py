#!/usr/bin/env python3
"""Run the ONNX backend node tests through onnx-compile -target=cpu and onnx-run.

  utils/nodetests/run.py                      the pinned onnx's node suite, -j nproc
  utils/nodetests/run.py -k '^test_conv' -k gemm   only cases matching these regexes
  utils/nodetests/run.py --update-expected    also rewrite test/E2E/node_expected.json and
                                              docs/SupportedOps.md from this run
  utils/nodetests/run.py --suite debian       cross-check: Debian's ONNX 1.12 node tests

(Run it with the project's virtualenv: .venv/bin/python utils/nodetests/run.py ...)

Every case (a test_* folder) is compiled and run on each of its data sets, in a pool of -j
worker processes, with a time limit per compile and per run; crashes and timeouts are
recorded, never fatal. The results table goes to build/nodetests/results.{json,md} (the
debian suite: build/nodetests/debian/). The run is then compared with the expected-status
table test/E2E/node_expected.json: cases listed as pass that fail are regressions, newly
passing cases are listed. Last comes the summary line `N passed, M failed, K skipped`.

Exit status: 0 no regression (or --update-expected, which accepts the run: review the
diff); 1 regressions (with --strict also: the table or docs/SupportedOps.md not current);
2 the tools, the suite or an option is missing/invalid.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make `nodetests` importable, and use the project's virtualenv (which
    # has onnx) when started by another Python.
    _UTILS = Path(__file__).resolve().parents[1]
    _VENV_PYTHON = _UTILS.parent / ".venv" / "bin" / "python"
    import importlib.util
    if importlib.util.find_spec("onnx") is None and _VENV_PYTHON.is_file() \
            and Path(sys.executable) != _VENV_PYTHON:
        os.execv(str(_VENV_PYTHON), [str(_VENV_PYTHON), __file__, *sys.argv[1:]])
    sys.path.insert(0, str(_UTILS))

from nodetests import expected as expected_mod  # noqa: E402
from nodetests import harness, report  # noqa: E402
from nodetests import suite as suite_mod  # noqa: E402

TOP_FAILING = 30


@dataclass
class Outcome:
    """What a run found (for the command line and test/E2E/test_node_suite.py)."""
    doc: dict                        # the results document (report.results_document)
    comparison: object | None        # expected.Comparison, or None when not compared
    docs_problem: str | None         # why docs/SupportedOps.md is not current, or None
    out_dir: Path

    @property
    def regressions(self) -> list:
        return self.comparison.regressions if self.comparison else []


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="utils/nodetests/run.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    parser.add_argument("--suite", choices=suite_mod.SUITES, default="onnx",
                        help="onnx: the pinned onnx package's node tests (default); debian: "
                             "Debian's ONNX 1.12 ones (libonnx-testdata), a cross-check")
    parser.add_argument("-j", "--jobs", type=int, default=harness.default_jobs(),
                        help="cases run at once (default: ONNXC_JOBS or the CPUs: %(default)s)")
    parser.add_argument("-k", dest="patterns", action="append", default=[], metavar="REGEX",
                        help="only the cases whose name matches (re.search); repeatable")
    parser.add_argument("--compile-timeout", type=float, default=harness.COMPILE_TIMEOUT_S,
                        metavar="S", help="limit per onnx-compile (default: %(default)g s)")
    parser.add_argument("--run-timeout", type=float, default=harness.RUN_TIMEOUT_S,
                        metavar="S", help="limit per onnx-run (default: %(default)g s)")
    parser.add_argument("--rtol", type=float, default=harness.RTOL,
                        help="relative tolerance (default: %(default)g)")
    parser.add_argument("--atol", type=float, default=harness.ATOL,
                        help="absolute tolerance (default: %(default)g)")
    parser.add_argument("--build-dir", type=Path, default=suite_mod.BUILD_DIR,
                        help="holds bin/onnx-compile and bin/onnx-run; the results go to its "
                             "nodetests/ (default: ONNXC_BUILD_DIR or build)")
    parser.add_argument("--out-dir", type=Path,
                        help="where results.json/.md go (default: BUILD/nodetests, "
                             "BUILD/nodetests/debian for --suite debian)")
    parser.add_argument("--node-dir", type=Path,
                        help="a folder of test_* cases to run instead of the suite's")
    parser.add_argument("--expected", type=Path, default=expected_mod.EXPECTED_PATH,
                        help="the expected-status table (default: %(default)s; used for the "
                             "onnx suite only unless given)")
    parser.add_argument("--update-expected", action="store_true",
                        help="write this run's statuses into the table (merged, for a -k run) "
                             "and, for a whole-suite run, regenerate docs/SupportedOps.md")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 also when the table or docs/SupportedOps.md is not current")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work files (library, logs) of passing cases too; those "
                             "of failing cases are always kept, in "
                             "BUILD/nodetests/work/SUITE/cases/")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("-j must be at least 1")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def execute(args: argparse.Namespace) -> Outcome:
    """Run the suite as args say; write the results (and, on request, the table and doc).
    Two runs of one suite in one build folder take turns (they share the work folder)."""
    lock_path = args.build_dir / "nodetests" / f"{args.suite}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"waiting for another run of the {args.suite} node suite ({lock_path}) ...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        return _execute(args)


def _execute(args: argparse.Namespace) -> Outcome:
    work_dir = args.build_dir / "nodetests" / "work" / args.suite
    compile_exe, run_exe, lib_dir = harness.snapshot_tools(args.build_dir, work_dir / "tools")
    config = harness.Config(compile_exe=compile_exe, run_exe=run_exe, lib_dir=lib_dir,
                            work_dir=work_dir / "cases", rtol=args.rtol, atol=args.atol,
                            compile_timeout=args.compile_timeout,
                            run_timeout=args.run_timeout, keep=args.keep)
    node_dir = args.node_dir or suite_mod.node_dir(args.suite, args.build_dir, log)
    cases = suite_mod.discover(node_dir, args.patterns)
    if not cases:
        raise suite_mod.SuiteError(f"no case in {node_dir}"
                                   + (f" matches {args.patterns}" if args.patterns else ""))
    whole_suite = not args.patterns and args.node_dir is None
    out_dir = args.out_dir or (args.build_dir / "nodetests" / ("" if args.suite == "onnx"
                                                                 else args.suite))
    log(f"node suite {args.suite}: {len(cases)} cases from {node_dir}, {args.jobs} jobs")

    start = time.monotonic()
    results = harness.run_cases(cases, config, args.jobs,
                                None if args.quiet else harness.progress_printer())
    meta = {"suite": args.suite, "onnx_version": suite_mod.suite_version(args.suite),
            "node_dir": str(node_dir), "filtered": not whole_suite,
            "tolerance": {"rtol": args.rtol, "atol": args.atol},
            "time_limits_s": {"compile": args.compile_timeout, "run": args.run_timeout},
            "jobs": args.jobs, "duration_s": round(time.monotonic() - start, 1)}
    doc = report.write_results(results, meta, out_dir)

    comparison = None
    table_given = args.expected != expected_mod.EXPECTED_PATH
    if args.suite == "onnx" or table_given:
        table = expected_mod.load(args.expected)
        comparison = expected_mod.compare(table, doc["cases"], whole_suite)
        if args.update_expected:
            expected_mod.save(doc["cases"], meta, args.expected,
                              merge_into=None if whole_suite else table)
            log(f"wrote {args.expected}")

    docs_problem = None
    if args.suite == "onnx" and whole_suite:
        import gen_supported_ops
        if args.update_expected:
            gen_supported_ops.DOC_PATH.write_text(gen_supported_ops.render(doc))
            log(f"wrote {gen_supported_ops.DOC_PATH}")
        else:
            docs_problem = gen_supported_ops.check(doc)
    return Outcome(doc, comparison, docs_problem, out_dir)


def cross_check(doc: dict, other_path: Path) -> str:
    """The debian suite against the last onnx-suite run: the cases of the same name whose
    status differs (ONNX 1.12 and the pinned onnx often test another opset or data)."""
    if not other_path.is_file():
        return f"cross-check: no {other_path} (run the onnx suite first)"
    other = {r["name"]: r for r in report.load_results(other_path)["cases"]}
    mine = {r["name"]: r for r in doc["cases"]}
    common = sorted(set(mine) & set(other))
    only_here = [n for n in common if mine[n]["status"] == "pass" != other[n]["status"]]
    only_there = [n for n in common if other[n]["status"] == "pass" != mine[n]["status"]]
    lines = [f"cross-check with {other_path}: {len(common)} cases in both suites, "
             f"{len(common) - len(only_here) - len(only_there)} agree on pass/fail; "
             f"{len(set(mine) - set(other))} only in this suite"]
    if only_there:
        lines.append(f"passing in the onnx suite, failing here ({len(only_there)}):")
        lines += [f"  {n}: {mine[n]['status']}: {mine[n]['detail']}" for n in only_there]
    if only_here:
        lines.append(f"passing here, failing in the onnx suite ({len(only_here)}):")
        lines += [f"  {n}: {other[n]['status']}" for n in only_here]
    return "\n".join(lines)


def print_report(outcome: Outcome, args: argparse.Namespace, stream=sys.stdout) -> None:
    doc = outcome.doc

    def say(text=""):
        print(text, file=stream)

    say(f"\nresults: {outcome.out_dir / 'results.md'} (and results.json); "
        f"{doc['duration_s']:.0f} s")
    say("status totals: " + ", ".join(f"{s} {n}" for s, n in doc["totals"].items() if n))
    top = report.failing_operators(doc, TOP_FAILING)
    if top:
        say(f"\nfailing operators (top {len(top)} by failed cases; failed/cases, by status; "
            "the most common reason of the single-node and of the _expanded cases):")
        for row in top:
            say(f"  {row['op']:<24} {row['failed']:>3}/{row['cases']:<3} {row['failures']}")
            say(f"      {report.describe_failing(row)}")
    blocking = report.blocking_operators(doc, TOP_FAILING)
    if blocking:
        say(f"\nunsupported operators (top {len(blocking)} by the cases they stop, "
            "_expanded cases of other operators included):")
        say("  " + ", ".join(f"{op} {n}" for op, n in blocking))
    skipped = [r for r in doc["cases"] if r["status"] == "skipped"]
    if skipped:
        say(f"\nskipped ({len(skipped)}):")
        for row in skipped:
            say(f"  {row['name']}: {row['detail']}")
    if args.suite == "debian":
        say("\n" + cross_check(doc, args.build_dir / "nodetests" / "results.json"))
    if outcome.comparison is not None:
        text = outcome.comparison.report()
        if args.update_expected:
            say(f"\n{args.expected} updated from this run; what changed:\n{text or '  nothing'}")
        else:
            say("\n" + (text or f"the run agrees with {args.expected}"))
    if outcome.docs_problem:
        say("\n" + outcome.docs_problem)
    say(f"\nnode suite ({args.suite}, onnx {doc['onnx_version']}): {doc['summary']}")


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        outcome = execute(args)
    except suite_mod.SuiteError as error:
        log(f"error: {error}")
        return 2
    print_report(outcome, args)
    if outcome.regressions and not args.update_expected:
        log(f"FAILED: {len(outcome.regressions)} regressions (cases listed as pass in "
            f"{args.expected} that fail)")
        return 1
    stale_table = outcome.comparison is not None and not outcome.comparison.table_current
    if args.strict and not args.update_expected and (stale_table or outcome.docs_problem):
        log("FAILED (--strict): the expected table or docs/SupportedOps.md is not current: "
            f"{expected_mod.UPDATE_HINT}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
