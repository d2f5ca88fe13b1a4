"""Run node-test cases through onnx-compile and onnx-run, and classify the outcome.

One case (a test_* folder):

  1. onnx-compile model.onnx -target=cpu -o <work>/model.so      (time limit: compile_timeout)
  2. for each test_data_set_N, in order, until one fails:
       onnx-run model.so --test-data DIR --rtol 1e-3 --atol 1e-7 --threads 1
                                                                  (time limit: run_timeout)
     onnx-run compares integers and bools exactly, floats with |a - e| <= atol + rtol * |e|,
     NaN only against NaN and infinities only against the same infinity (tools/onnx-run), so
     its verdict is the suite's. Cases of random operators (suite.RANDOM_OPS) are checked by
     shape and element type only: onnx-run writes the outputs (--output-dir) and they are
     compared with the references here.

Statuses (STATUSES), with the detail recorded for each:

  pass           every data set matched
  unsupported    onnx-compile's importer listed unsupported operators (the ops, in `ops`)
  compile-error  onnx-compile failed otherwise (its first diagnostic line)
  mismatch       onnx-run reported different outputs (the data set, output, max errors)
  run-error      onnx-run failed to load or run the library, or to read the data (exit 2)
  crash          onnx-compile or onnx-run died of a signal (its name, and an assertion line)
  timeout        onnx-compile or onnx-run ran past its limit (killed, with its children)
  skipped        the case cannot be checked: no data set, or a data set without outputs
  harness-error  the harness itself failed on the case (a bug here: the traceback's last line)

Only `pass` passes; `skipped` is neither passed nor failed; everything else counts as failed.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import suite as suite_mod

STATUSES = ("pass", "unsupported", "compile-error", "mismatch", "run-error", "crash",
            "timeout", "skipped", "harness-error")
FAILED_STATUSES = tuple(s for s in STATUSES if s not in ("pass", "skipped"))

# The suite's tolerance (DESIGN.md §5): that of the ONNX backend node tests.
RTOL = 1e-3
ATOL = 1e-7
COMPILE_TIMEOUT_S = 60.0
RUN_TIMEOUT_S = 60.0

# Children of the tools: no symbolizer run on a crash (slow, and of no use to the verdict).
CHILD_ENV = dict(os.environ, LLVM_DISABLE_SYMBOLIZATION="1", LLVM_DISABLE_CRASH_REPORT="1")

DETAIL_LIMIT = 400


@dataclass
class Config:
    """How to run the cases."""
    compile_exe: Path
    run_exe: Path
    work_dir: Path
    rtol: float = RTOL
    atol: float = ATOL
    compile_timeout: float = COMPILE_TIMEOUT_S
    run_timeout: float = RUN_TIMEOUT_S
    keep: bool = False  # keep the compiled library and outputs of passing cases too
    lib_dir: Path | None = None  # LD_LIBRARY_PATH for the tools (a snapshot's lib/)


@dataclass
class CaseResult:
    """One row of the results table."""
    name: str
    status: str
    detail: str = ""            # the reason, for every status but pass
    phase: str = ""             # where it stopped: compile, run (or "" for pass/skipped)
    ops: list = field(default_factory=list)          # unsupported: the operators listed
    op: str = ""                # the operator under test (set once the suite is known)
    graph_ops: list = field(default_factory=list)    # the main graph's op types
    opsets: dict = field(default_factory=dict)
    input_types: list = field(default_factory=list)
    output_types: list = field(default_factory=list)
    expanded: bool = False
    random: bool = False        # checked by shape and element type only
    data_sets: int = 0
    max_abs_error: float | None = None  # mismatch: the failing output's (inf for NaN/inf)
    max_rel_error: float | None = None
    compile_s: float = 0.0
    run_s: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------------------------------
# Running a tool


@dataclass
class ToolRun:
    returncode: int | None      # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    @property
    def signal_name(self) -> str | None:
        if self.returncode is None or self.returncode >= 0:
            return None
        try:
            return signal.Signals(-self.returncode).name
        except ValueError:
            return f"signal {-self.returncode}"


def run_tool(cmd, timeout: float, lib_dir: Path | None = None) -> ToolRun:
    """Run cmd in its own process group; past timeout, kill the group (the tool and any
    child it started) and report returncode None. lib_dir goes first in LD_LIBRARY_PATH."""
    env = CHILD_ENV
    if lib_dir:
        env = dict(env, LD_LIBRARY_PATH=os.pathsep.join(
            p for p in (str(lib_dir), env.get("LD_LIBRARY_PATH", "")) if p))
    start = time.monotonic()
    proc = subprocess.Popen([str(c) for c in cmd], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            start_new_session=True, env=env)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        code = None
    return ToolRun(code, out.decode(errors="replace"), err.decode(errors="replace"),
                   time.monotonic() - start)


# ---------------------------------------------------------------------------------------
# Reading the tools' output

# onnx-compile: "model.onnx: 3 unsupported operators: node "n1" (Foo, ai.onnx opset 13), ..."
UNSUPPORTED_RE = re.compile(r"\b\d+ unsupported operators?: (.*)")
NODE_OP_RE = re.compile(r'\(([A-Za-z0-9_]+), ([A-Za-z0-9_.]+) opset \d+\)')
# onnx-run: 'output 0 "y": f32 [3,4], max abs error 0.5, max rel error 1: FAIL'
OUTPUT_LINE_RE = re.compile(r'^output (\d+) "([^"]*)": (.*), max abs error (\S+), '
                            r'max rel error (\S+): (PASS|FAIL)$')


def clip(text: str, limit: int = DETAIL_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def first_diagnostic(stderr: str) -> str:
    """The first line that reads as an error (else the first non-empty line)."""
    lines = [l.strip() for l in stderr.splitlines() if l.strip()]
    for line in lines:
        if "error" in line.lower() or "cannot" in line or "unsupported" in line:
            return line
    return lines[0] if lines else ""


def unsupported_ops(stderr: str) -> list | None:
    """The operators of onnx-compile's 'N unsupported operators: ...' diagnostic, or None."""
    for line in stderr.splitlines():
        match = UNSUPPORTED_RE.search(line)
        if match:
            ops = []
            for op_type, domain in NODE_OP_RE.findall(match.group(1)):
                op = suite_mod.qualified_op(op_type, domain)
                if op not in ops:
                    ops.append(op)
            return ops
    return None


_FRAME_RE = re.compile(r"^\s*\d+\s+\S+\s+0x[0-9a-f]+\s+(.+?)(?:\s+\+\s+\d+)?$")
# Frames that say nothing of where the compiler went wrong: the signal handlers, libc's
# abort, MLIR's generic operation construction.
_HANDLER_FRAMES = ("llvm::sys::PrintStackTrace", "llvm::sys::RunSignalHandlers",
                   "SignalHandler", "__restore_rt", "raise", "abort", "__assert",
                   "mlir::detail::", "mlir::Operation::create", "mlir::OpBuilder::create")


def crash_detail(tool: str, run: ToolRun) -> str:
    """'onnx-compile: SIGSEGV', then the assertion or LLVM error line when there is one,
    else the innermost named frame of LLVM's stack dump ('in mlir::Foo::bar')."""
    text = f"{tool}: {run.signal_name}"
    lines = run.stderr.splitlines()
    for line in lines:
        if "Assertion" in line or "LLVM ERROR" in line or "UNREACHABLE" in line:
            return f"{text}: {clip(line, 300)}"
    for line in lines:
        match = _FRAME_RE.match(line)
        if match and not any(h in match.group(1) for h in _HANDLER_FRAMES):
            return f"{text} (in {clip(match.group(1).split('(')[0], 120)})"
    return text


def parse_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def mismatch_detail(stdout: str) -> tuple[str, float | None, float | None]:
    """The first failing output of an onnx-run comparison: (text, max abs, max rel)."""
    lines = stdout.splitlines()
    for i, line in enumerate(lines):
        match = OUTPUT_LINE_RE.match(line.strip())
        if not match or match.group(6) != "FAIL":
            continue
        index, name, what, abs_err, rel_err, _ = match.groups()
        text = f'output {index} "{name}" ({what}): max abs error {abs_err}, max rel error {rel_err}'
        if i + 1 < len(lines) and lines[i + 1].startswith("  "):
            text += f"; {lines[i + 1].strip()}"
        return text, parse_float(abs_err), parse_float(rel_err)
    failing = [l for l in lines if "FAIL" in l]
    return (failing[-1].strip() if failing else "outputs differ"), None, None


# ---------------------------------------------------------------------------------------
# One case


def check_shapes_and_types(actual_dir: Path, expected_dir: Path) -> str | None:
    """Random outputs: each expected output_N.pb has a counterpart of the same element type
    and shape. Returns the first difference, or None."""
    import onnx
    from onnx import helper

    def read(path):
        tensor = onnx.TensorProto()
        tensor.ParseFromString(path.read_bytes())
        return helper.tensor_dtype_to_string(tensor.data_type), list(tensor.dims)

    for expected in sorted(expected_dir.glob("output_*.pb")):
        actual = actual_dir / expected.name
        if not actual.is_file():
            return f"onnx-run wrote no {expected.name}"
        (got_type, got_shape), (want_type, want_shape) = read(actual), read(expected)
        if got_type != want_type:
            return f"{expected.name}: element type {got_type}, expected {want_type}"
        if got_shape != want_shape:
            return f"{expected.name}: shape {got_shape}, expected {want_shape}"
    return None


def run_case(case_dir: Path, config: Config) -> CaseResult:
    """Compile and run one case; never raises (a harness bug becomes harness-error)."""
    case_dir = Path(case_dir)
    result = CaseResult(name=case_dir.name, status="harness-error")
    try:
        _run_case(case_dir, config, result)
    except Exception as error:  # noqa: BLE001 - every failure must become a row
        where = traceback.extract_tb(error.__traceback__)[-1]
        result.status = "harness-error"
        result.detail = clip(f"{type(error).__name__}: {error} "
                             f"({Path(where.filename).name}:{where.lineno})")
    return result


def _run_case(case_dir: Path, config: Config, result: CaseResult) -> None:
    model = case_dir / "model.onnx"
    result.expanded = suite_mod.is_expanded(case_dir.name)
    try:
        info = suite_mod.model_info(model)
        result.graph_ops, result.opsets = info.ops, info.opsets
        result.input_types, result.output_types = info.input_types, info.output_types
        result.random = info.random
    except Exception as error:  # noqa: BLE001 - onnx-compile still gets its chance
        result.detail = f"the onnx package cannot read the model: {clip(str(error), 200)}"

    sets = suite_mod.data_sets(case_dir)
    result.data_sets = len(sets)
    if not sets:
        result.status, result.detail = "skipped", "no test_data_set_N folder"
        return
    for data_dir in sets:
        if not any(data_dir.glob("output_*.pb")):
            result.status = "skipped"
            result.detail = f"{data_dir.name} holds no output_N.pb"
            return

    work = config.work_dir / case_dir.name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    library = work / "model.so"

    # 1. Compile.
    result.phase = "compile"
    run = run_tool([config.compile_exe, model, "-target=cpu", "-o", library],
                   config.compile_timeout, config.lib_dir)
    result.compile_s = round(run.seconds, 3)
    (work / "compile.log").write_text(run.stdout + run.stderr)
    if run.timed_out:
        result.status = "timeout"
        result.detail = f"onnx-compile ran past {config.compile_timeout:g} s"
        return
    if run.signal_name:
        result.status, result.detail = "crash", crash_detail("onnx-compile", run)
        return
    if run.returncode != 0 or not library.is_file():
        ops = unsupported_ops(run.stderr)
        diagnostic = first_diagnostic(run.stderr)
        if ops is not None:
            result.status, result.ops = "unsupported", ops
        else:
            result.status = "compile-error"
            if not diagnostic:
                diagnostic = (f"exit {run.returncode} without a diagnostic" if run.returncode
                              else "exit 0 but no library written")
        result.detail = clip(diagnostic)
        return

    # 2. Run every data set.
    result.phase = "run"
    for data_dir in sets:
        cmd = [config.run_exe, library, "--test-data", data_dir, "--rtol", repr(config.rtol),
               "--atol", repr(config.atol), "--threads", "1"]
        out_dir = work / f"out_{data_dir.name}"
        if result.random:
            cmd += ["--output-dir", out_dir]
        run = run_tool(cmd, config.run_timeout, config.lib_dir)
        result.run_s = round(result.run_s + run.seconds, 3)
        (work / f"run_{data_dir.name}.log").write_text(run.stdout + run.stderr)
        if run.timed_out:
            result.status = "timeout"
            result.detail = f"onnx-run ran past {config.run_timeout:g} s on {data_dir.name}"
            return
        if run.signal_name:
            result.status = "crash"
            result.detail = f"{crash_detail('onnx-run', run)} on {data_dir.name}"
            return
        if run.returncode not in (0, 1):
            diagnostic = first_diagnostic(run.stderr) or f"exit {run.returncode}"
            result.status, result.detail = "run-error", clip(f"{data_dir.name}: {diagnostic}")
            return
        if result.random:
            # Random values differ from the references by design: shape and type only.
            problem = check_shapes_and_types(out_dir, data_dir)
            if problem:
                result.status, result.detail = "mismatch", f"{data_dir.name}: {problem}"
                return
        elif run.returncode == 1:
            text, abs_err, rel_err = mismatch_detail(run.stdout)
            result.status, result.detail = "mismatch", clip(f"{data_dir.name}: {text}")
            result.max_abs_error, result.max_rel_error = abs_err, rel_err
            return
    result.status, result.phase = "pass", ""
    result.detail = "checked by shape and element type (random operator)" if result.random else ""
    if not config.keep:
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# A whole suite

# What the tools need from the build folder: onnx-compile finds the runtime core archive
# at ../lib next to itself; onnx-run loads libonnxc_runtime.so.
SNAPSHOT_FILES = ("bin/onnx-compile", "bin/onnx-run", "lib/libonnxc_core.a")
SNAPSHOT_GLOBS = ("lib/libonnxc_runtime.so*",)


def snapshot_tools(build_dir: Path, dest: Path, lock_wait_s: float = 300.0) -> tuple:
    """Copy the tools (SNAPSHOT_FILES) into dest/{bin,lib}, so that a rebuild of build_dir
    during the run cannot mix two compilers in one results table. The copy is taken under
    the build lock (shared; ONNXC_BUILD_LOCK, default /tmp/onnxc-build.lock, empty for
    none), waiting at most lock_wait_s for a build to finish. Returns (onnx-compile,
    onnx-run, lib folder for LD_LIBRARY_PATH)."""
    import fcntl

    missing = [f for f in SNAPSHOT_FILES[:2] if not (build_dir / f).is_file()]
    if missing:
        raise suite_mod.SuiteError(f"{build_dir / missing[0]} does not exist: build the "
                                   "project first (utils/setup.sh)")
    lock_path = os.environ.get("ONNXC_BUILD_LOCK", "/tmp/onnxc-build.lock")
    use_lock = bool(lock_path) and os.environ.get("ONNXC_BUILD_LOCK_HELD") != "1"
    lock = open(lock_path, "a") if use_lock else None
    try:
        if lock:
            deadline = time.monotonic() + lock_wait_s
            waited = False
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        sys.stderr.write(f"the build lock {lock_path} is still held after "
                                         f"{lock_wait_s:g} s: copying the tools anyway\n")
                        break  # a stuck lock must not stop the tests
                    if not waited:
                        sys.stderr.write(f"waiting for the build lock {lock_path} (a build "
                                         "is running) to copy the tools ...\n")
                        waited = True
                    time.sleep(1)
        if dest.exists():
            shutil.rmtree(dest)
        for sub in ("bin", "lib"):
            (dest / sub).mkdir(parents=True)
        files = [build_dir / f for f in SNAPSHOT_FILES if (build_dir / f).exists()]
        for pattern in SNAPSHOT_GLOBS:
            files += sorted(build_dir.glob(pattern))
        for src in files:
            target = dest / src.relative_to(build_dir)
            if src.is_symlink():
                target.symlink_to(os.readlink(src))
            else:
                shutil.copy2(src, target)
    finally:
        if lock:
            lock.close()
    return dest / "bin" / "onnx-compile", dest / "bin" / "onnx-run", dest / "lib"


def assign_ops(results: list) -> None:
    """Set each result's operator under test; an _expanded case takes its base case's."""
    by_name = {r.name: r for r in results}
    for r in results:
        if not r.expanded:
            r.op = suite_mod.op_under_test(r.name, r.graph_ops)
    for r in results:
        if r.expanded:
            base = by_name.get(suite_mod.base_case_name(r.name))
            r.op = suite_mod.op_under_test(r.name, r.graph_ops, base.op if base else None)


def run_cases(case_dirs: list, config: Config, jobs: int, progress=None) -> list:
    """Run the cases in a pool of `jobs` worker processes; the results in case order.
    progress(done, total, result) is called as each case finishes."""
    results = {}
    total = len(case_dirs)
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(run_case, d, config): d for d in case_dirs}
        for future in concurrent.futures.as_completed(futures):
            case_dir = futures[future]
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - a worker died (out of memory?)
                result = CaseResult(name=case_dir.name, status="harness-error",
                                    detail=clip(f"worker failed: {type(error).__name__}: {error}"))
            results[case_dir.name] = result
            if progress:
                progress(len(results), total, result)
    ordered = [results[d.name] for d in case_dirs]
    assign_ops(ordered)
    return ordered


def default_jobs() -> int:
    """ONNXC_JOBS when set, else the CPUs this process may use."""
    env = os.environ.get("ONNXC_JOBS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def progress_printer(stream=sys.stderr, every: int = 100):
    """A progress callback: one line per `every` cases done, and one at the end."""
    start = time.monotonic()

    def report(done, total, result):
        if done % every == 0 or done == total:
            stream.write(f"  {done}/{total} cases ({time.monotonic() - start:.0f} s)\n")
            stream.flush()
    return report
