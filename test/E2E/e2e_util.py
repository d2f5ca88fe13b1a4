"""Helpers of the end-to-end tests: tool paths, running and measuring commands, compiling,
test data sets (the ONNX layout: input_N.pb / output_N.pb TensorProtos), comparisons.

Environment:
  ONNXC_BUILD_DIR      build folder holding bin/ (default: <repo>/build)
  ONNXC_MODELS_DIR     the shared real models (default: <repo>/../shared/models)
  ONNXC_REQUIRE_TOOLS  "1": a missing tool fails the tests instead of skipping them
                       (utils/test.sh sets it: it has just built the tools)
"""

import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = Path(os.environ.get("ONNXC_BUILD_DIR") or ROOT / "build")
BIN_DIR = BUILD_DIR / "bin"
MODELS_DIR = Path(os.environ.get("ONNXC_MODELS_DIR") or ROOT.parent / "shared" / "models")
REQUIRE_TOOLS = os.environ.get("ONNXC_REQUIRE_TOOLS") == "1"

# Tolerance of the real-model comparisons (docs/Testing.md).
RTOL = 1e-3
ATOL = 1e-5

COMPILE_TIMEOUT_S = 600
RUN_TIMEOUT_S = 300


# ---------------------------------------------------------------------------------------
# Tools


def tool_path(name: str) -> Path:
    """Path of build/bin/<name>; skips (or fails under ONNXC_REQUIRE_TOOLS) when absent."""
    path = BIN_DIR / name
    if not (path.is_file() and os.access(path, os.X_OK)):
        message = f"{path} does not exist: build the project first (utils/setup.sh)"
        if REQUIRE_TOOLS:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return path


def run(cmd, timeout=RUN_TIMEOUT_S, **kwargs) -> subprocess.CompletedProcess:
    """Run a command, capturing text output; a timeout fails the test."""
    cmd = [str(c) for c in cmd]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                              stdin=subprocess.DEVNULL, timeout=timeout, **kwargs)
    except subprocess.TimeoutExpired:
        pytest.fail(f"timed out after {timeout} s: {' '.join(cmd)}", pytrace=False)


def describe(proc: subprocess.CompletedProcess, limit: int = 4000) -> str:
    """The command, its exit status and (the end of) its output, for assertion messages."""
    def tail(s):
        return s if len(s) <= limit else "...\n" + s[-limit:]
    return (f"$ {' '.join(proc.args)}\nexit status {proc.returncode}\n"
            f"--- stdout ---\n{tail(proc.stdout)}\n--- stderr ---\n{tail(proc.stderr)}")


@dataclass
class Measured:
    args: list
    returncode: int  # negative: killed by that signal
    stdout: str
    stderr: str
    wall_s: float
    max_rss_mib: float


def run_measured(cmd, timeout: float) -> Measured:
    """Run a command and measure its wall time and peak resident memory (os.wait4)."""
    cmd = [str(c) for c in cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(cmd, proc.returncode, out.read().decode(errors="replace"),
                        err.read().decode(errors="replace"), wall, usage.ru_maxrss / 1024.0)


# ---------------------------------------------------------------------------------------
# Compiling


class Compiler:
    """Compiles models with build/bin/onnx-compile, once per (model, flags) and session."""

    def __init__(self, exe: Path, out_dir: Path):
        self.exe = exe
        self.out_dir = out_dir
        self.cache = {}

    def compile(self, model: Path, *flags: str) -> Path:
        model = Path(model).resolve()
        key = (str(model), model.stat().st_mtime_ns, flags)
        if key not in self.cache:
            out = self.out_dir / f"{model.parent.name}-{model.stem}-{len(self.cache)}.so"
            proc = run([self.exe, model, "-target=cpu", "-o", out, *flags], timeout=COMPILE_TIMEOUT_S)
            if proc.returncode != 0 or not out.is_file():
                # Remembered too: the other data sets of this model fail at once.
                self.cache[key] = f"onnx-compile failed on {model}\n{describe(proc)}"
            else:
                self.cache[key] = out
        if isinstance(self.cache[key], str):
            pytest.fail(self.cache[key], pytrace=False)
        return self.cache[key]


# ---------------------------------------------------------------------------------------
# Test data sets (the ONNX layout: input_N.pb / output_N.pb TensorProtos)


def graph_io(model_path: Path):
    """(input names without an initializer, output names), in graph order."""
    model = onnx.load(str(model_path), load_external_data=False)
    inits = {t.name for t in model.graph.initializer}
    inputs = [i.name for i in model.graph.input if i.name not in inits]
    return inputs, [o.name for o in model.graph.output]


def save_tensor(path: Path, array, name: str = "") -> None:
    Path(path).write_bytes(numpy_helper.from_array(np.asarray(array), name).SerializeToString())


def load_tensor(path: Path):
    """(name, numpy array) of a TensorProto file."""
    tensor = onnx.TensorProto()
    tensor.ParseFromString(Path(path).read_bytes())
    return tensor.name, numpy_helper.to_array(tensor)


def write_test_data_set(folder: Path, inputs, outputs=()) -> Path:
    """Write input_N.pb / output_N.pb. inputs/outputs: lists of (name, array) in graph order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for kind, items in (("input", inputs), ("output", outputs)):
        for i, (name, array) in enumerate(items):
            save_tensor(folder / f"{kind}_{i}.pb", array, name)
    return folder


def run_onnxruntime(model_path: Path, feeds: dict) -> list:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    opts.intra_op_num_threads = 1
    session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


def ort_test_data_set(model_path: Path, feeds: dict, folder: Path) -> Path:
    """Run ONNX Runtime on feeds and write the inputs and its outputs as a test data set."""
    input_names, output_names = graph_io(model_path)
    assert sorted(feeds) == sorted(input_names), "feeds must cover exactly the graph inputs"
    outputs = run_onnxruntime(model_path, feeds)
    return write_test_data_set(folder, [(n, feeds[n]) for n in input_names],
                               list(zip(output_names, outputs)))


def assert_outputs_match(actual_dir: Path, expected_dir: Path, rtol=RTOL, atol=ATOL) -> None:
    """Every output_N.pb of expected_dir has a counterpart in actual_dir of the same name,
    dtype and shape, equal within |a - e| <= atol + rtol * |e| (NaN where NaN)."""
    expected = sorted(Path(expected_dir).glob("output_*.pb"))
    assert expected, f"no output_N.pb in {expected_dir}"
    actual_files = sorted(Path(actual_dir).glob("output_*.pb")) if Path(actual_dir).is_dir() else []
    assert len(actual_files) == len(expected), (
        f"onnx-run wrote {len(actual_files)} outputs into {actual_dir}, expected {len(expected)}")
    for exp_file in expected:
        exp_name, exp = load_tensor(exp_file)
        act_name, act = load_tensor(Path(actual_dir) / exp_file.name)
        what = f"{exp_file.name} ({exp_name or act_name})"
        if exp_name and act_name:
            assert act_name == exp_name, f"{what}: output name {act_name!r}, expected {exp_name!r}"
        assert act.dtype == exp.dtype, f"{what}: dtype {act.dtype}, expected {exp.dtype}"
        assert act.shape == exp.shape, f"{what}: shape {act.shape}, expected {exp.shape}"
        if exp.dtype.kind in "fc":
            np.testing.assert_allclose(act, exp, rtol=rtol, atol=atol, equal_nan=True, err_msg=what)
        else:
            np.testing.assert_array_equal(act, exp, err_msg=what)


def check_model_on_data_set(onnx_run: Path, lib: Path, data_dir: Path, out_dir: Path,
                            rtol=RTOL, atol=ATOL, extra=()) -> subprocess.CompletedProcess:
    """onnx-run LIB --test-data DATA must exit 0, and the outputs it writes must match the
    references (checked again here, independently of onnx-run's own comparison)."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    proc = run([onnx_run, lib, "--test-data", data_dir, "--rtol", rtol, "--atol", atol,
                "--output-dir", out_dir, *extra])
    assert proc.returncode == 0, f"onnx-run reported a mismatch or an error\n{describe(proc)}"
    assert_outputs_match(out_dir, data_dir, rtol, atol)
    return proc


def seed_of(text: str) -> int:
    """A stable seed for a test case name (not Python's randomized hash)."""
    import zlib
    return zlib.crc32(text.encode())
