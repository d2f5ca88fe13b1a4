"""Where the node tests are, and what each test model holds.

Two suites:

  onnx    the node tests of the pinned onnx package (utils/requirements.txt). The onnx wheels
          of recent releases no longer ship onnx/backend/test/data/node, so when that folder
          is absent the tests are generated from the package's own test-case definitions
          (onnx.backend.test.case.node, the code the upstream data is made from; every
          exporter seeds numpy with 0, so the data is reproducible) into
          <build>/nodetests/data/onnx-<version>/node, once per onnx and numpy version.
  debian  Debian's ONNX 1.12 node tests, /usr/share/libonnx-testdata/data/node (package
          libonnx-testdata): a cross-check against data made by another onnx release.

A case is one test_* folder: model.onnx and one or more test_data_set_N folders holding
input_N.pb and output_N.pb.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = Path(os.environ.get("ONNXC_BUILD_DIR") or ROOT / "build")
DEBIAN_PACKAGE = "libonnx-testdata"
DEBIAN_NODE_DIR = Path("/usr/share/libonnx-testdata/data/node")
SUITES = ("onnx", "debian")

# Operators whose outputs are random: their cases are checked by shape and element type only.
RANDOM_OPS = frozenset({"RandomUniform", "RandomNormal", "RandomUniformLike",
                        "RandomNormalLike", "Bernoulli", "Multinomial"})

# The default domain, under both of its spellings.
DEFAULT_DOMAINS = ("", "ai.onnx")


class SuiteError(Exception):
    """A suite cannot be found or prepared (the message says what to do)."""


# ---------------------------------------------------------------------------------------
# Locating and generating the suites


def node_dir(suite: str, build_dir: Path = BUILD_DIR, log=print) -> Path:
    """The folder holding the suite's test_* case folders (generating the onnx one if need be)."""
    if suite == "onnx":
        return onnx_node_dir(build_dir, log)
    if suite == "debian":
        if not DEBIAN_NODE_DIR.is_dir():
            raise SuiteError(f"{DEBIAN_NODE_DIR} is absent: install Debian's ONNX 1.12 test data "
                             f"(apt-get install {DEBIAN_PACKAGE})")
        return DEBIAN_NODE_DIR
    raise SuiteError(f"unknown suite {suite!r} (one of: {', '.join(SUITES)})")


def suite_version(suite: str) -> str:
    """The onnx release the suite's data comes from."""
    if suite == "onnx":
        import onnx
        return onnx.__version__
    return "1.12 (Debian libonnx-testdata)"


def onnx_node_dir(build_dir: Path = BUILD_DIR, log=print) -> Path:
    """The pinned onnx's node tests: the wheel's own data folder when it ships one, else the
    generated copy under build_dir (made now if missing or made by another onnx/numpy)."""
    import numpy
    import onnx

    shipped = Path(onnx.__file__).parent / "backend" / "test" / "data" / "node"
    if shipped.is_dir() and any(shipped.glob("test_*/model.onnx")):
        return shipped
    base = build_dir / "nodetests" / "data" / f"onnx-{onnx.__version__}"
    dest = base / "node"
    stamp = base / "complete"
    wanted = f"onnx {onnx.__version__}, numpy {numpy.__version__}\n"
    base.mkdir(parents=True, exist_ok=True)
    # Several processes (a pytest run and a manual one) may ask at once: one generates.
    with open(base / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.is_file() and stamp.read_text() == wanted and dest.is_dir():
            return dest
        log(f"generating the node tests of onnx {onnx.__version__} into {dest} ...")
        stamp.unlink(missing_ok=True)
        tmp = base / "node.tmp"
        if tmp.exists():
            shutil.rmtree(tmp)
        count = generate_onnx_node_tests(tmp)
        if dest.exists():
            shutil.rmtree(dest)
        tmp.rename(dest)
        stamp.write_text(wanted)
        log(f"generated {count} node tests")
    return dest


def generate_onnx_node_tests(dest: Path) -> int:
    """Write every node test case of the installed onnx package into dest, in the layout of
    onnx/backend/test/data/node (as onnx.backend.test.cmd_tools writes it). Returns the count."""
    from onnx import TensorProto, numpy_helper
    import onnx.backend.test.case.node as node_cases

    with warnings.catch_warnings():
        # The case definitions compute inf/nan on purpose (Reduce*, Div, Log...).
        warnings.simplefilter("ignore")
        import numpy as np
        with np.errstate(all="ignore"):
            cases = node_cases.collect_testcases(None)

    def serialize(value, value_info) -> bytes:
        kind = value_info.type.WhichOneof("value")
        if kind == "map_type":
            return numpy_helper.from_dict(value, value_info.name).SerializeToString()
        if kind == "sequence_type":
            return numpy_helper.from_list(value, value_info.name).SerializeToString()
        if kind == "optional_type":
            return numpy_helper.from_optional(value, value_info.name).SerializeToString()
        if isinstance(value, TensorProto):
            return value.SerializeToString()
        return numpy_helper.from_array(value, value_info.name).SerializeToString()

    dest.mkdir(parents=True)
    count = 0
    for case in cases:
        if case.kind != "node":
            continue
        case_dir = dest / case.name
        case_dir.mkdir()
        (case_dir / "model.onnx").write_bytes(case.model.SerializeToString())
        graph = case.model.graph
        for i, (inputs, outputs) in enumerate(case.data_sets):
            data_dir = case_dir / f"test_data_set_{i}"
            data_dir.mkdir()
            for j, value in enumerate(inputs):
                (data_dir / f"input_{j}.pb").write_bytes(serialize(value, graph.input[j]))
            for j, value in enumerate(outputs):
                (data_dir / f"output_{j}.pb").write_bytes(serialize(value, graph.output[j]))
        count += 1
    return count


# ---------------------------------------------------------------------------------------
# Cases


def discover(folder: Path, patterns=()) -> list[Path]:
    """The case folders (test_* holding a model.onnx) under folder, sorted by name; with
    patterns, only those whose name matches one of the regular expressions (re.search)."""
    cases = sorted(p.parent for p in Path(folder).glob("test_*/model.onnx"))
    if patterns:
        regexes = [re.compile(p) for p in patterns]
        cases = [c for c in cases if any(r.search(c.name) for r in regexes)]
    return cases


def data_sets(case_dir: Path) -> list[Path]:
    """The case's test_data_set_N folders, in numeric order."""
    found = [p for p in Path(case_dir).glob("test_data_set_*") if p.is_dir()]

    def number(p):
        tail = p.name.rsplit("_", 1)[-1]
        return (0, int(tail), "") if tail.isdigit() else (1, 0, p.name)
    return sorted(found, key=number)


def qualified_op(op_type: str, domain: str) -> str:
    """'Add' for the default domain, 'ai.onnx.ml.LabelEncoder' for another."""
    return op_type if domain in DEFAULT_DOMAINS else f"{domain}.{op_type}"


def _type_name(type_proto) -> str:
    """'float', 'int64', 'seq(float)', 'opt(seq(int64))', 'map(string,int64)', '?'."""
    from onnx import helper

    kind = type_proto.WhichOneof("value")
    if kind == "tensor_type" or kind == "sparse_tensor_type":
        elem = getattr(type_proto, kind).elem_type
        if elem == 0:
            return "?"
        name = helper.tensor_dtype_to_string(elem).removeprefix("TensorProto.").lower()
        return name if kind == "tensor_type" else f"sparse({name})"
    if kind == "sequence_type":
        return f"seq({_type_name(type_proto.sequence_type.elem_type)})"
    if kind == "optional_type":
        return f"opt({_type_name(type_proto.optional_type.elem_type)})"
    if kind == "map_type":
        from onnx import helper as h
        key = h.tensor_dtype_to_string(type_proto.map_type.key_type)
        key = key.removeprefix("TensorProto.").lower()
        return f"map({key},{_type_name(type_proto.map_type.value_type)})"
    return "?"


@dataclass
class ModelInfo:
    """What the harness reads from a test model."""
    ops: list = field(default_factory=list)      # the main graph's qualified op types, once each
    opsets: dict = field(default_factory=dict)   # domain ('ai.onnx' for the default) -> version
    input_types: list = field(default_factory=list)
    output_types: list = field(default_factory=list)
    random: bool = False                         # the graph holds a random operator (RANDOM_OPS)

    @property
    def types(self) -> list:
        return sorted(set(self.input_types) | set(self.output_types))


def model_info(model_path: Path) -> ModelInfo:
    """Ops, opset imports and input/output types of a model (without its external data)."""
    import onnx

    model = onnx.load(str(model_path), load_external_data=False)
    graph = model.graph
    initializers = {t.name for t in graph.initializer}
    info = ModelInfo()
    for node in graph.node:
        op = qualified_op(node.op_type, node.domain)
        if op not in info.ops:
            info.ops.append(op)
        if node.domain in DEFAULT_DOMAINS and node.op_type in RANDOM_OPS:
            info.random = True
    for opset in model.opset_import:
        info.opsets["ai.onnx" if opset.domain in DEFAULT_DOMAINS else opset.domain] = opset.version
    info.input_types = [_type_name(v.type) for v in graph.input if v.name not in initializers]
    info.output_types = [_type_name(v.type) for v in graph.output]
    return info


EXPANDED = re.compile(r"_expanded(_ver\d+)?$")


def base_case_name(name: str) -> str:
    """test_softmax_axis_0 for test_softmax_axis_0_expanded(_verN); the name otherwise."""
    return EXPANDED.sub("", name)


def is_expanded(name: str) -> bool:
    return EXPANDED.search(name) is not None


def _snake(op: str) -> str:
    """ReduceSum -> reducesum (test names spell ops either way: reduce_sum, reducesum)."""
    return op.rsplit(".", 1)[-1].lower()


def op_under_test(name: str, ops: list, base_op: str | None = None) -> str:
    """The operator a case tests. An _expanded case tests the function op of its base case
    (base_op, when that case is in the suite); otherwise the graph's only non-Constant op,
    or, for a graph of several, the one the test name spells, else the first."""
    if base_op:
        return base_op
    candidates = [op for op in ops if op != "Constant"] or list(ops)
    if not candidates:
        return "?"
    if len(candidates) == 1:
        return candidates[0]
    flat = base_case_name(name).removeprefix("test_").replace("_", "")
    spelled = [op for op in candidates if flat.startswith(_snake(op))]
    if spelled:
        return max(spelled, key=len)
    return candidates[0]
