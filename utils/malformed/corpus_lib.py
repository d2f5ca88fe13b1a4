"""The malformed-model corpus: building blocks, the registry of classes, the writer and the
runner. See README.md in this folder.

A *class* is a generator function registered with @corpus_class. It writes its files
through a Corpus object, each with an expectation:

  error  onnx-compile exits 1 and its diagnostic matches the class's `problem` regex (and
         every regex in `names`: the node, op type, tensor...) and starts with the file name
  ok     the model is valid: onnx-compile exits 0 and writes the .so
  any    exit 0 (with the .so) or exit 1 (with a diagnostic that starts with the file name)

and, for every file: no signal, no assertion, no hang, under the time and memory limits
(2 s and 512 MiB by default; DESIGN.md §5).
"""

import json
import os
import re
import resource
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parents[2]
F = TensorProto.FLOAT
I64 = TensorProto.INT64

CLASSES = {}  # name -> (generator, problem regex, description)


def corpus_class(name, problem, description):
    """Registers a generator `fn(corpus)` as class `name`; `problem` is the regex (case
    insensitive) a refusal's diagnostic must match, unless an entry gives its own."""
    def register(fn):
        assert name not in CLASSES, name
        CLASSES[name] = (fn, problem, description)
        return fn
    return register


# ---------------------------------------------------------------------------------------
# Model building


def vi(name, shape, elem=F):
    return helper.make_tensor_value_info(name, elem, shape)


def node(op, inputs, outputs, name, domain=None, **attrs):
    return helper.make_node(op, list(inputs), list(outputs), name=name, domain=domain, **attrs)


def model(nodes, inputs, outputs, inits=(), opset=17, opsets=None, ir=8, name="g"):
    """A ModelProto; `opsets` (a list of (domain, version)) replaces the default
    [("", opset)] when given."""
    graph = helper.make_graph(list(nodes), name, list(inputs), list(outputs),
                              initializer=list(inits))
    if opsets is None:
        opsets = [("", opset)]
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in opsets],
                          producer_name="onnxc-malformed")
    m.ir_version = ir
    return m


def graph(nodes, inputs, outputs, inits=(), name="body"):
    return helper.make_graph(list(nodes), name, list(inputs), list(outputs),
                             initializer=list(inits))


def f32(name, values):
    return numpy_helper.from_array(np.asarray(values, dtype=np.float32), name)


def i64(name, values):
    return numpy_helper.from_array(np.asarray(values, dtype=np.int64), name)


def raw_tensor(name, data_type, dims, raw=b""):
    t = TensorProto(name=name, data_type=data_type, dims=list(dims))
    t.raw_data = raw
    return t


def NODE(name, op):
    """Regex of how a diagnostic names a node: node "NAME" (OpType, ..."""
    return rf'node "{re.escape(name)}" \({re.escape(op)}\b'


def TENSOR(name):
    return rf'"{re.escape(name)}"'


def relu_model():
    """Y = Relu(X), float [2, 3]."""
    return model([node("Relu", ["X"], ["Y"], "relu")], [vi("X", [2, 3])], [vi("Y", [2, 3])])


def conv_model():
    """A valid Conv + Relu + Add model with initializers, about 1.3 KB."""
    rng = np.random.default_rng(0)
    w = f32("w", rng.standard_normal((4, 3, 3, 3)))
    b = f32("b", rng.standard_normal(4))
    c = f32("c", rng.standard_normal((1, 4, 1, 1)))
    return model([node("Conv", ["X", "w", "b"], ["h"], "conv", pads=[1, 1, 1, 1]),
                  node("Relu", ["h"], ["r"], "relu"),
                  node("Add", ["r", "c"], ["Y"], "add")],
                 [vi("X", [1, 3, 8, 8])], [vi("Y", [1, 4, 8, 8])], [w, b, c])


def mlp_model():
    """Gemm + Relu + Gemm + Softmax."""
    rng = np.random.default_rng(1)
    return model([node("Gemm", ["X", "w1", "b1"], ["h"], "fc1", transB=1),
                  node("Relu", ["h"], ["r"], "relu"),
                  node("Gemm", ["r", "w2", "b2"], ["l"], "fc2"),
                  node("Softmax", ["l"], ["Y"], "softmax", axis=-1)],
                 [vi("X", [2, 8])], [vi("Y", [2, 4])],
                 [f32("w1", rng.standard_normal((16, 8))), f32("b1", rng.standard_normal(16)),
                  f32("w2", rng.standard_normal((16, 4))), f32("b2", rng.standard_normal(4))])


def valid_models():
    return {"relu": relu_model(), "conv": conv_model(), "mlp": mlp_model()}


# ---------------------------------------------------------------------------------------
# Writing


@dataclass
class Entry:
    path: str        # relative to the corpus root
    cls: str
    expect: str      # error | ok | any
    problem: str     # regex; "" for ok
    names: list = field(default_factory=list)
    note: str = ""


class Corpus:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.entries = []
        self.cls = None
        self.problem = None
        self._count = 0

    def folder(self, name=None) -> Path:
        """A fresh folder for a case that needs several files (external data)."""
        self._count += 1
        path = self.root / self.cls / (name or f"case{self._count:03d}")
        path.mkdir(parents=True, exist_ok=False)
        return path

    def add(self, name, data, expect="error", problem=None, names=(), note="", folder=None):
        """Writes `data` (a ModelProto or bytes) as <cls>/<name>.onnx, or as
        <folder>/<name>.onnx when given, and records the expectation."""
        if not isinstance(data, (bytes, bytearray)):
            data = data.SerializeToString()
        base = Path(folder) if folder else self.root / self.cls
        base.mkdir(parents=True, exist_ok=True)
        path = base / f"{name}.onnx"
        assert not path.exists(), path
        path.write_bytes(bytes(data))
        self.entries.append(Entry(str(path.relative_to(self.root)), self.cls, expect,
                                  "" if expect == "ok" else (problem or self.problem),
                                  list(names), note))
        return path

    def ok(self, name, data, note="", folder=None):
        return self.add(name, data, expect="ok", note=note, folder=folder)

    def any(self, name, data, note="", folder=None):
        return self.add(name, data, expect="any", problem=".", note=note, folder=folder)


def generate(root: Path, classes=None) -> list:
    """Writes the corpus under root (emptied first) and root/manifest.json; returns the
    entries."""
    import classes_files  # noqa: F401  (registers its classes)
    import classes_graph  # noqa: F401
    import classes_ops  # noqa: F401
    import classes_foreign  # noqa: F401
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    corpus = Corpus(root)
    for name, (fn, problem, _) in CLASSES.items():
        if classes and name not in classes:
            continue
        corpus.cls, corpus.problem = name, problem
        fn(corpus)
    manifest = [e.__dict__ for e in corpus.entries]
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return corpus.entries


# ---------------------------------------------------------------------------------------
# Running


@dataclass
class Result:
    entry: Entry
    returncode: int
    wall_s: float
    rss_mib: float
    stderr: str
    problems: list  # what was wrong; empty when the file was handled cleanly


TIME_LIMIT_S = float(os.environ.get("ONNXC_MALFORMED_TIME_LIMIT", "2.0"))
MEMORY_LIMIT_MIB = float(os.environ.get("ONNXC_MALFORMED_MEMORY_LIMIT_MIB", "512"))
HANG_TIMEOUT_S = 60
# The address space of each onnx-compile is capped (so that a file that makes it allocate
# tens of GiB fails there instead of exhausting the machine): 8 GiB by default, 0 for none
# (a sanitizer build reserves terabytes of shadow memory: sanitize.sh --full sets 0).
ADDRESS_SPACE_LIMIT_MIB = int(os.environ.get("ONNXC_MALFORMED_AS_LIMIT_MIB", "8192"))


def _limit_address_space():
    if ADDRESS_SPACE_LIMIT_MIB > 0:
        limit = ADDRESS_SPACE_LIMIT_MIB << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_one(onnx_compile, root: Path, entry: Entry, extra_args=()) -> Result:
    path = root / entry.path
    with tempfile.TemporaryDirectory(prefix="onnxc-malformed-") as tmp:
        out = Path(tmp) / "out.so"
        cmd = [str(onnx_compile), str(path), "-target=cpu", "-o", str(out), *extra_args]
        with tempfile.TemporaryFile() as err:
            start = time.monotonic()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                    stdin=subprocess.DEVNULL,
                                    preexec_fn=_limit_address_space)
            timer = threading.Timer(HANG_TIMEOUT_S, proc.kill)
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            wall = time.monotonic() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        produced = out.is_file()
    rc = proc.returncode
    rss = usage.ru_maxrss / 1024.0
    problems = []
    if rc < 0:
        problems.append(f"killed by signal {-rc}" + (" (hang?)" if wall >= HANG_TIMEOUT_S else ""))
    elif rc not in (0, 1):
        problems.append(f"exit status {rc} (expected 0 or 1)")
    if wall >= TIME_LIMIT_S:
        problems.append(f"took {wall:.2f} s (limit {TIME_LIMIT_S} s)")
    if rss >= MEMORY_LIMIT_MIB:
        problems.append(f"peak RSS {rss:.0f} MiB (limit {MEMORY_LIMIT_MIB:.0f})")
    for marker in ("Assertion", "LLVM ERROR", "Stack dump", "PLEASE submit a bug report",
                   "AddressSanitizer", "runtime error:", "UNREACHABLE"):
        if marker in stderr:
            problems.append(f"stderr shows a crash ({marker})")
            break
    if rc == 0 and not produced and entry.expect != "error":
        problems.append("exit 0 but no .so written")
    file_re = rf"(^|[/\s]){re.escape(path.name)}:"
    if entry.expect == "ok" and rc == 1:
        problems.append("a valid model was refused")
    if entry.expect == "error" and rc == 0:
        problems.append("a malformed model was accepted")
    if rc == 1:
        if not stderr.strip():
            problems.append("exit 1 without a diagnostic")
        elif not re.search(file_re, stderr, re.M):
            problems.append(f"the diagnostic does not start with the file name '{path.name}:'")
        if entry.expect == "error":
            if entry.problem and not re.search(entry.problem, stderr, re.I):
                problems.append(f"the diagnostic does not say /{entry.problem}/")
            for pattern in entry.names:
                if not re.search(pattern, stderr):
                    problems.append(f"the diagnostic does not name /{pattern}/")
    return Result(entry, rc, wall, rss, stderr, problems)


def load_manifest(root: Path, pattern="*.onnx") -> list:
    """The entries of root/manifest.json, or, for a folder without one (a corpus written by
    someone else), every file matching `pattern` under it with expectation `any`, its class being its
    top-level folder."""
    root = Path(root)
    manifest = root / "manifest.json"
    if manifest.is_file():
        return [Entry(**e) for e in json.loads(manifest.read_text())]
    entries = []
    for path in sorted(root.rglob(pattern)):
        if path.is_file():
            rel = path.relative_to(root)
            cls = rel.parts[0] if len(rel.parts) > 1 else "unclassified"
            entries.append(Entry(str(rel), cls, "any", "."))
    return entries


def run_corpus(onnx_compile, root: Path, entries, jobs=2, extra_args=()) -> list:
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda e: run_one(onnx_compile, root, e, extra_args), entries))


def summarize(results) -> str:
    """A table: per class, files, clean, refused (exit 1), compiled (exit 0), slowest, peak
    memory; then each unclean file with what was wrong."""
    by_class = {}
    for r in results:
        by_class.setdefault(r.entry.cls, []).append(r)
    lines = [f"{'class':<28} {'files':>5} {'clean':>5} {'exit1':>5} {'exit0':>5} "
             f"{'max s':>6} {'max MiB':>7}"]
    for cls, rs in by_class.items():
        clean = sum(1 for r in rs if not r.problems)
        lines.append(f"{cls:<28} {len(rs):>5} {clean:>5} "
                     f"{sum(r.returncode == 1 for r in rs):>5} "
                     f"{sum(r.returncode == 0 for r in rs):>5} "
                     f"{max(r.wall_s for r in rs):>6.2f} {max(r.rss_mib for r in rs):>7.0f}")
    total_clean = sum(1 for r in results if not r.problems)
    lines.append(f"{'total':<28} {len(results):>5} {total_clean:>5}  "
                 f"({len(by_class)} classes, {len(results) - total_clean} not clean)")
    for r in results:
        if r.problems:
            lines.append(f"\nNOT CLEAN {r.entry.path} [{r.entry.cls}, expect {r.entry.expect}"
                         f"{', ' + r.entry.note if r.entry.note else ''}]: "
                         + "; ".join(r.problems)
                         + f"\n  exit {r.returncode}, {r.wall_s:.2f} s, {r.rss_mib:.0f} MiB"
                         + "\n  " + "\n  ".join(r.stderr.strip().splitlines()[-8:]))
    return "\n".join(lines)
