"""Sequences and optionals through the Python binding: a sequence is a list of
numpy arrays (in and out), an absent optional is None.

Models are made here, compiled with onnx-compile and compared with ONNX
Runtime where it runs them.
"""

import importlib
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

from e2e_util import BUILD_DIR, REQUIRE_TOOLS


def _import_onnxc():
    build_pkg = BUILD_DIR / "python"
    if (build_pkg / "onnxc" / "__init__.py").is_file() and str(build_pkg) not in sys.path:
        sys.path.insert(0, str(build_pkg))
    try:
        return importlib.import_module("onnxc")
    except ImportError as e:
        message = f"cannot import onnxc ({e}): build the project first"
        if REQUIRE_TOOLS:
            pytest.fail(message, pytrace=False)
        pytest.skip(message, allow_module_level=True)


onnxc = _import_onnxc()
F = TensorProto.FLOAT


def _compile(model: onnx.ModelProto, path: Path, compiler) -> Path:
    model.ir_version = 10
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(path.with_suffix(".onnx")))
    return onnxc.compile(path.with_suffix(".onnx"), output=path.with_suffix(".so"),
                         compiler=compiler)


@pytest.fixture(scope="module")
def seq_model(tmp_path_factory, onnx_compile):
    """xs: seq<f32 [N]>, t: f32 [N] -> ys = [x + t for x in xs] (SequenceMap),
    n = len(xs), first = xs[0], parts = SplitToSequence(t, 2)."""
    body = helper.make_graph(
        [helper.make_node("Add", ["e", "u"], ["y"])], "body",
        [helper.make_tensor_value_info("e", F, ["N"]),
         helper.make_tensor_value_info("u", F, ["N"])],
        [helper.make_tensor_value_info("y", F, ["N"])])
    two = helper.make_tensor("two", TensorProto.INT64, [], [2])
    graph = helper.make_graph(
        [helper.make_node("SequenceMap", ["xs", "t"], ["ys"], body=body),
         helper.make_node("SequenceLength", ["xs"], ["n"]),
         helper.make_node("Constant", [], ["zero"],
                          value=helper.make_tensor("z", TensorProto.INT64, [], [0])),
         helper.make_node("SequenceAt", ["xs", "zero"], ["first"]),
         helper.make_node("SplitToSequence", ["t", "two"], ["parts"])],
        "seqs",
        [helper.make_tensor_sequence_value_info("xs", F, ["N"]),
         helper.make_tensor_value_info("t", F, ["N"])],
        [helper.make_tensor_sequence_value_info("ys", F, ["N"]),
         helper.make_tensor_value_info("n", TensorProto.INT64, []),
         helper.make_tensor_value_info("first", F, ["N"]),
         helper.make_tensor_sequence_value_info("parts", F, None)],
        initializer=[two])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    return _compile(model, tmp_path_factory.mktemp("seq") / "seqs", onnx_compile)


@pytest.fixture(scope="module")
def opt_model(tmp_path_factory, onnx_compile):
    """o: optional<f32 [2]> -> has = OptionalHasElement(o), same = Identity(o)."""
    opt = helper.make_optional_type_proto(helper.make_tensor_type_proto(F, [2]))
    graph = helper.make_graph(
        [helper.make_node("OptionalHasElement", ["o"], ["has"]),
         helper.make_node("Identity", ["o"], ["same"])],
        "opts", [helper.make_value_info("o", opt)],
        [helper.make_tensor_value_info("has", TensorProto.BOOL, []),
         helper.make_value_info("same", opt)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    return _compile(model, tmp_path_factory.mktemp("opt") / "opts", onnx_compile)


def test_sequence_signature(seq_model):
    m = onnxc.load(seq_model)
    xs = m.inputs[0]
    assert xs.kind == "sequence" and xs.shape == (None,)
    assert "kind=sequence" in repr(xs)
    parts = m.outputs[3]
    assert parts.kind == "sequence" and parts.shape == (None,) and parts.rank == 1
    assert m.metadata["abi"] == "2"


def test_sequences_are_lists(seq_model):
    m = onnxc.load(seq_model)
    xs = [np.array([1, 2, 3], np.float32), np.array([4, 5, 6], np.float32)]
    t = np.array([10, 20, 30], np.float32)
    out = m.run({"xs": xs, "t": t})
    assert isinstance(out["ys"], list) and len(out["ys"]) == 2
    np.testing.assert_array_equal(out["ys"][1], xs[1] + t)
    assert out["n"] == 2
    np.testing.assert_array_equal(out["first"], xs[0])
    assert [p.tolist() for p in out["parts"]] == [[10, 20], [30]]
    # An empty sequence maps to an empty list.
    out = m.run({"xs": [np.zeros(3, np.float32)], "t": t})
    assert len(out["ys"]) == 1


def test_sequence_errors(seq_model):
    m = onnxc.load(seq_model)
    t = np.zeros(3, np.float32)
    with pytest.raises(onnxc.Error, match="expected a list of arrays"):
        m.run({"xs": np.zeros(3, np.float32), "t": t})
    with pytest.raises(onnxc.Error, match="missing input"):
        m.run({"xs": None, "t": t})
    with pytest.raises(onnxc.Error, match="element type"):
        m.run({"xs": [np.zeros(3, np.int64)], "t": t})


def test_optionals_are_none(opt_model):
    m = onnxc.load(opt_model)
    assert m.inputs[0].kind == "optional"
    out = m.run({"o": np.array([1, 2], np.float32)})
    assert bool(out["has"]) is True
    np.testing.assert_array_equal(out["same"], [1, 2])
    out = m.run({"o": None})
    assert bool(out["has"]) is False
    assert out["same"] is None


@pytest.fixture(scope="module")
def concat_model(tmp_path_factory, onnx_compile):
    """xs: seq<f32 [2, M]> -> cat = concat(xs, axis 1), stack = stack(xs, axis 0),
    rest = xs without its first tensor, back = rest + [xs[-1]] at position 0."""
    one = helper.make_tensor("zero", TensorProto.INT64, [], [0])
    last = helper.make_tensor("last", TensorProto.INT64, [], [-1])
    graph = helper.make_graph(
        [helper.make_node("ConcatFromSequence", ["xs"], ["cat"], axis=1),
         helper.make_node("ConcatFromSequence", ["xs"], ["stack"], axis=0, new_axis=1),
         helper.make_node("SequenceErase", ["xs", "zero"], ["rest"]),
         helper.make_node("SequenceAt", ["xs", "last"], ["x_last"]),
         helper.make_node("SequenceInsert", ["rest", "x_last", "zero"], ["back"])],
        "concat",
        [helper.make_tensor_sequence_value_info("xs", F, [2, "M"])],
        [helper.make_tensor_value_info("cat", F, [2, None]),
         helper.make_tensor_value_info("stack", F, [None, 2, None]),
         helper.make_tensor_sequence_value_info("rest", F, [2, "M"]),
         helper.make_tensor_sequence_value_info("back", F, [2, "M"])],
        initializer=[one, last])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    return _compile(model, tmp_path_factory.mktemp("concat") / "concat", onnx_compile)


def test_concat_erase_insert(concat_model):
    m = onnxc.load(concat_model)
    rng = np.random.default_rng(3)
    xs = [rng.standard_normal((2, 3)).astype(np.float32) for _ in range(3)]
    out = m.run({"xs": xs})
    np.testing.assert_array_equal(out["cat"], np.concatenate(xs, axis=1))
    np.testing.assert_array_equal(out["stack"], np.stack(xs, axis=0))
    assert len(out["rest"]) == 2
    np.testing.assert_array_equal(out["rest"][0], xs[1])
    assert len(out["back"]) == 3
    np.testing.assert_array_equal(out["back"][0], xs[2])
    np.testing.assert_array_equal(out["back"][2], xs[2])
    # Tensors of different widths along the concatenation axis.
    ys = [np.ones((2, 1), np.float32), np.zeros((2, 4), np.float32)]
    np.testing.assert_array_equal(m.run({"xs": ys})["cat"], np.concatenate(ys, axis=1))
