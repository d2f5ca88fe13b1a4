"""The ONNX backend node suite on -target=cpu (DESIGN.md §5, docs/Testing.md "The node suite").

test_node_suite runs every case of the pinned onnx's node tests through the harness in
utils/nodetests (its own pool of ONNXC_JOBS or nproc workers, inside this one test; the
results table goes to build/nodetests/results.{json,md}) and fails when

  - a case listed as `pass` in test/E2E/node_expected.json no longer passes (a regression),
  - the table does not list exactly the suite's cases, or
  - docs/SupportedOps.md is not what this run generates, for another reason than cases
    that newly pass or fail differently (those are reported, not failed, so that an
    improvement keeps main green); regenerate both with
    `utils/nodetests/run.py --update-expected`.

It prints (to stderr, shown under xdist too) the newly passing cases, the cases failing in
another way than listed, the skipped cases with their reasons, and the summary line
`N passed, M failed, K skipped` over the whole suite (unsupported counts as failed).

The other tests check the harness's own parts without the compiler: reading diagnostics,
time limits and signals, the operator under test, the comparison with the table.
"""

import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import helper

from e2e_util import BUILD_DIR, ROOT, save_tensor, tool_path

sys.path.insert(0, str(ROOT / "utils"))

import gen_supported_ops  # noqa: E402
from nodetests import expected, harness, report, run, suite  # noqa: E402


def test_node_suite(capfd, request):
    tool_path("onnx-compile")
    tool_path("onnx-run")
    args = run.parse_args(["--build-dir", str(BUILD_DIR), "-q"])
    outcome = run.execute(args)

    class Collect:
        lines = []

        def write(self, text):
            self.lines.append(text)
    collected = Collect()
    run.print_report(outcome, args, stream=collected)
    text = "".join(collected.lines)
    request.node.add_report_section("call", "node suite", text)
    with capfd.disabled():
        sys.stderr.write("\n" + text)
        sys.stderr.flush()

    problems = []
    comparison = outcome.comparison
    if comparison.regressions:
        problems.append(f"{len(comparison.regressions)} cases listed as pass in "
                        f"{expected.EXPECTED_PATH.name} fail now (see above)")
    if comparison.unlisted or comparison.stale:
        problems.append(f"{expected.EXPECTED_PATH.name} does not list exactly the suite's "
                        f"cases: {expected.UPDATE_HINT}")
    if outcome.docs_problem:
        if comparison.newly_passing or comparison.changed:
            # Improvements (or a changed failure reason) make the table and the
            # doc stale but are no regression: they are reported, not failed, so
            # that main stays green until someone regenerates them.
            with capfd.disabled():
                sys.stderr.write(
                    f"\nNOTE: {len(comparison.newly_passing)} newly passing and "
                    f"{len(comparison.changed)} changed cases; docs/SupportedOps.md "
                    f"and {expected.EXPECTED_PATH.name} are behind: "
                    f"{expected.UPDATE_HINT}\n")
        else:
            problems.append(outcome.docs_problem)
    assert not problems, "\n\n".join(problems)


# ---------------------------------------------------------------------------------------
# The harness's parts


def unary_case(root: Path, name: str, op: str, dtype, data_sets) -> Path:
    """A node-test folder: a one-node model y = op(x) and data sets [(x, expected y)]."""
    elem = helper.np_dtype_to_tensor_dtype(np.dtype(dtype))
    shape = list(np.shape(data_sets[0][0])) if data_sets else [3]
    graph = helper.make_graph([helper.make_node(op, ["x"], ["y"])], name,
                              [helper.make_tensor_value_info("x", elem, shape)],
                              [helper.make_tensor_value_info("y", elem, shape)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    folder = root / name
    folder.mkdir(parents=True)
    onnx.save(model, folder / "model.onnx")
    for i, (x, y) in enumerate(data_sets):
        data = folder / f"test_data_set_{i}"
        data.mkdir()
        save_tensor(data / "input_0.pb", np.asarray(x, dtype), "x")
        save_tensor(data / "output_0.pb", np.asarray(y, dtype), "y")
    return folder


def test_harness_verdicts(tmp_path):
    """Doctored cases get the verdicts of the suite's rules: integers exact, NaN only where
    NaN, every data set must match, a case without data is skipped, time limits hold."""
    tool_path("onnx-compile")
    tool_path("onnx-run")
    x = np.array([-1.5, 0.0, 2.0], np.float32)
    nan = np.array([np.nan, -1.0, 1.0], np.float32)
    cases = tmp_path / "node"
    expect = {
        "test_pass": unary_case(cases, "test_pass", "Abs", np.float32, [(x, abs(x))]),
        "test_nan_pass": unary_case(cases, "test_nan_pass", "Abs", np.float32,
                                    [(nan, abs(nan))]),
        "test_int_exact": unary_case(cases, "test_int_exact", "Neg", np.int64,
                                     [([1, 2, 3], [-1, -2, -4])]),
        "test_float_off": unary_case(cases, "test_float_off", "Abs", np.float32,
                                     [(x, abs(x) + [0, 0, 1e-2])]),
        "test_nan_missing": unary_case(cases, "test_nan_missing", "Abs", np.float32,
                                       [(nan, [0.0, 1.0, 1.0])]),
        "test_second_set": unary_case(cases, "test_second_set", "Abs", np.float32,
                                      [(x, abs(x)), (x, -x)]),
        "test_no_data": unary_case(cases, "test_no_data", "Abs", np.float32, []),
    }
    compile_exe, run_exe, lib_dir = harness.snapshot_tools(BUILD_DIR, tmp_path / "tools")
    config = harness.Config(compile_exe, run_exe, tmp_path / "work", lib_dir=lib_dir)
    results = {r.name: r for r in harness.run_cases(list(expect.values()), config, jobs=2)}
    status = {name: r.status for name, r in results.items()}
    assert status == {"test_pass": "pass", "test_nan_pass": "pass", "test_int_exact": "mismatch",
                      "test_float_off": "mismatch", "test_nan_missing": "mismatch",
                      "test_second_set": "mismatch", "test_no_data": "skipped"}, results
    assert results["test_float_off"].max_abs_error == pytest.approx(1e-2, rel=1e-2)
    assert "test_data_set_1" in results["test_second_set"].detail
    assert results["test_pass"].op == "Abs" and results["test_pass"].input_types == ["float"]

    config.compile_timeout = 0.001
    slow = harness.run_case(expect["test_pass"], config)
    assert slow.status == "timeout" and slow.phase == "compile", slow


def test_random_outputs_by_shape_and_type(tmp_path):
    actual, expected_dir = tmp_path / "actual", tmp_path / "expected"
    actual.mkdir()
    expected_dir.mkdir()
    save_tensor(expected_dir / "output_0.pb", np.zeros((2, 3), np.float32), "y")
    save_tensor(actual / "output_0.pb", np.ones((2, 3), np.float32), "y")
    assert harness.check_shapes_and_types(actual, expected_dir) is None
    save_tensor(actual / "output_0.pb", np.ones((3, 2), np.float32), "y")
    assert "shape" in harness.check_shapes_and_types(actual, expected_dir)
    save_tensor(actual / "output_0.pb", np.ones((2, 3), np.float64), "y")
    assert "element type" in harness.check_shapes_and_types(actual, expected_dir)


def test_unsupported_diagnostic():
    stderr = ('model.onnx: 3 unsupported operators: node "n1" (Foo, ai.onnx opset 13), '
              'node "n2" (Bar, ai.onnx.ml opset 3), node "n3" (Foo, ai.onnx opset 13)\n')
    assert harness.unsupported_ops(stderr) == ["Foo", "ai.onnx.ml.Bar"]
    assert harness.unsupported_ops('model.onnx: node "x" (Abs, ai.onnx opset 13): '
                                   "cannot lower: no lowering") is None


def test_normalized_reasons():
    line = ('model.onnx: node "conv1" (Conv, ai.onnx opset 17): kernel_shape has 3 dims, '
            "input has rank 4")
    assert report.normalize_diagnostic(line) == "Conv: kernel_shape has N dims, input has rank N"
    row = {"status": "mismatch", "detail": 'test_data_set_0: output 0 "y" (f32 [2]): max abs '
           "error 0.5, max rel error 1; 1 of 2 elements differ", "phase": "run"}
    assert report.reason_of(row) == "mismatch (values)"
    assert report.reason_of({"status": "unsupported", "ops": ["Foo"], "detail": ""}) == \
        "unsupported: Foo"


def test_time_limit_and_signals(tmp_path):
    slow = harness.run_tool(["sh", "-c", "sleep 30 & wait"], timeout=0.5)
    assert slow.timed_out and slow.seconds < 10
    crashed = harness.run_tool(["sh", "-c", "kill -SEGV $$"], timeout=10)
    assert crashed.signal_name == "SIGSEGV"
    assert harness.run_tool(["true"], timeout=10).returncode == 0


def test_operator_under_test():
    assert suite.op_under_test("test_abs", ["Abs"]) == "Abs"
    assert suite.op_under_test("test_softmax_axis_0_expanded", ["Constant", "ReduceMax", "Sub"],
                               base_op="Softmax") == "Softmax"
    assert suite.op_under_test("test_reduce_sum_x",
                               ["Constant", "Shape", "ReduceSum"]) == "ReduceSum"
    assert suite.base_case_name("test_softmax_axis_0_expanded_ver18") == "test_softmax_axis_0"


def test_comparison_with_the_table():
    table = {"a": "pass", "b": "unsupported", "c": "mismatch", "d": "pass", "gone": "pass"}
    rows = [{"name": "a", "status": "mismatch", "detail": "x"},
            {"name": "b", "status": "pass"},
            {"name": "c", "status": "compile-error", "detail": "y"},
            {"name": "d", "status": "pass"},
            {"name": "new", "status": "pass"}]
    result = expected.compare(table, rows, whole_suite=True)
    assert [r[0] for r in result.regressions] == ["a"]
    assert result.newly_passing == [("b", "unsupported")]
    assert [r[0] for r in result.changed] == ["c"]
    assert result.unlisted == [("new", "pass")] and result.stale == ["gone"]


def test_supported_ops_doc_is_deterministic():
    """The doc holds only what a run reproduces: no durations or error magnitudes."""
    rows = [{"name": "test_abs", "op": "Abs", "status": "pass", "detail": "", "ops": [],
             "expanded": False, "opsets": {"ai.onnx": 13}, "input_types": ["float"],
             "output_types": ["float"], "phase": ""},
            {"name": "test_abs_i8", "op": "Abs", "status": "mismatch", "phase": "run",
             "detail": 'test_data_set_0: output 0 "y": max abs error 3', "ops": [],
             "expanded": False, "opsets": {"ai.onnx": 13}, "input_types": ["int8"],
             "output_types": ["int8"]}]
    meta = {"suite": "onnx", "onnx_version": "0", "node_dir": "x", "filtered": False,
            "tolerance": {"rtol": 1e-3, "atol": 1e-7}, "jobs": 1, "duration_s": 1.0}
    first = gen_supported_ops.render(report.results_document(rows, meta))
    rows[1]["detail"] = 'test_data_set_0: output 0 "y": max abs error 4'
    second = gen_supported_ops.render(report.results_document(rows, {**meta, "duration_s": 9}))
    assert first == second
    assert "| `Abs` | 13 | partial | 1/2 | — | float | 1 mismatch |" in first
    assert "not passing for int8" in first
