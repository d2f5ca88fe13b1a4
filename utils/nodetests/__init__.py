"""The ONNX backend node-test harness of onnx-compile (DESIGN.md §5, docs/Testing.md).

Modules:
  suite     where the node tests are: the pinned onnx package's (generated from its test-case
            definitions into the build folder when the wheel ships no data) or Debian's
  harness   runs one case (onnx-compile, then onnx-run on every data set) and classifies it;
            runs a whole suite in a process pool
  report    the results table (results.json / results.md) and the per-operator totals
  expected  the committed expected-status table (test/E2E/node_expected.json): regressions,
            newly passing cases
  run       the command line (utils/nodetests/run.py)
"""
