"""One loaded model run from 16 threads, 1,000 runs each: every output bit-identical to
the single-threaded run (docs/RuntimeAPI.md "Thread safety", docs/Security.md).

The model is a real one compiled by onnx-compile: the example CNN (always) and mnist-8
(when the shared models are present). build/bin/onnxc-concurrency-check
(test/Runtime/ConcurrencyCheck.cpp) loads it, runs 8 input variants on one thread, then
16 threads x 1,000 runs alternating runtime-allocated and caller-owned outputs, and
compares bytes. ONNXC_CONCURRENCY_RUNS lowers the run count (e.g. under ThreadSanitizer).
"""

import importlib.util
import os
from pathlib import Path

import pytest

from e2e_util import MODELS_DIR, ROOT, describe, run, tool_path

THREADS = 16
RUNS = int(os.environ.get("ONNXC_CONCURRENCY_RUNS", "1000"))


@pytest.fixture(scope="module")
def check_tool():
    return tool_path("onnxc-concurrency-check")


def example_cnn(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location(
        "make_example_cnn", ROOT / "utils" / "models" / "make_example_cnn.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return Path(gen.generate(str(folder))[0])


def model_paths(tmp_path):
    yield "example-cnn", example_cnn(tmp_path / "example")
    mnist = sorted((MODELS_DIR / "mnist-8").glob("*.onnx")) if MODELS_DIR.is_dir() else []
    if mnist:
        yield "mnist-8", mnist[0]


@pytest.mark.parametrize("label", ["example-cnn", "mnist-8"])
def test_one_session_from_16_threads(compiler, check_tool, tmp_path, label):
    models = dict(model_paths(tmp_path))
    if label not in models:
        pytest.skip(f"{label} is not available (shared models absent)")
    lib = compiler.compile(models[label])
    proc = run([check_tool, lib, "--threads", THREADS, "--runs", RUNS], timeout=600)
    print(proc.stdout)
    assert proc.returncode == 0, describe(proc)
    assert f"{THREADS * RUNS} bit-identical, 0 different, 0 errors" in proc.stdout, \
        describe(proc)
