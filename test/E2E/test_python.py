"""The Python package `onnxc` (runtime/python; docs/Python.md): loading, signatures, running
with numpy arrays against ONNX Runtime, zero-copy, errors, threads, onnxc.compile.

The package is imported from <build>/python (the project's build assembles it there), or, when
that folder is absent, from the virtualenv (`pip install -e .`, which utils/setup.sh runs).
"""

import importlib
import sys
import threading
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from e2e_util import BUILD_DIR, REQUIRE_TOOLS, run_onnxruntime


def _import_onnxc():
    build_pkg = BUILD_DIR / "python"
    if (build_pkg / "onnxc" / "__init__.py").is_file() and str(build_pkg) not in sys.path:
        sys.path.insert(0, str(build_pkg))
    try:
        return importlib.import_module("onnxc")
    except ImportError as e:
        message = (f"cannot import onnxc ({e}): build the project (it assembles "
                   f"{build_pkg}) or run pip install -e .")
        if REQUIRE_TOOLS:
            pytest.fail(message, pytrace=False)
        pytest.skip(message, allow_module_level=True)


onnxc = _import_onnxc()

RTOL, ATOL = 1e-3, 1e-5


# ---------------------------------------------------------------------------------------
# Models


def _save(model: onnx.ModelProto, path: Path) -> Path:
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(path))
    return path


def make_dense_model(path: Path) -> Path:
    """x [N,4] f32 (N dynamic) -> y = Relu(x @ W + b) [N,3], z = x + x [N,4]."""
    rng = np.random.default_rng(7)
    w = numpy_helper.from_array(rng.standard_normal((4, 3)).astype(np.float32), "W")
    b = numpy_helper.from_array(rng.standard_normal(3).astype(np.float32), "b")
    nodes = [
        helper.make_node("MatMul", ["x", "W"], ["xw"], name="matmul"),
        helper.make_node("Add", ["xw", "b"], ["xwb"], name="bias"),
        helper.make_node("Relu", ["xwb"], ["y"], name="relu"),
        helper.make_node("Add", ["x", "x"], ["z"], name="double"),
    ]
    graph = helper.make_graph(
        nodes, "dense",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3]),
         helper.make_tensor_value_info("z", TensorProto.FLOAT, ["N", 4])],
        initializer=[w, b])
    return _save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                                   producer_name="test_python"), path)


def make_int_model(path: Path) -> Path:
    """a [2,3] i64, b [2,3] i64 -> s = a + b (i64), g = a > b (bool)."""
    nodes = [helper.make_node("Add", ["a", "b"], ["s"], name="add"),
             helper.make_node("Greater", ["a", "b"], ["g"], name="greater")]
    graph = helper.make_graph(
        nodes, "ints",
        [helper.make_tensor_value_info("a", TensorProto.INT64, [2, 3]),
         helper.make_tensor_value_info("b", TensorProto.INT64, [2, 3])],
        [helper.make_tensor_value_info("s", TensorProto.INT64, [2, 3]),
         helper.make_tensor_value_info("g", TensorProto.BOOL, [2, 3])])
    return _save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)


@pytest.fixture(scope="module")
def compiler_exe(onnx_compile):
    return onnx_compile


@pytest.fixture(scope="module")
def dense(tmp_path_factory, compiler_exe):
    d = tmp_path_factory.mktemp("dense")
    onnx_path = make_dense_model(d / "dense.onnx")
    so = onnxc.compile(onnx_path, target="cpu", output=d / "libdense.so", opt_level=3,
                       compiler=compiler_exe)
    return onnx_path, so


@pytest.fixture(scope="module")
def ints(tmp_path_factory, compiler_exe):
    d = tmp_path_factory.mktemp("ints")
    onnx_path = make_int_model(d / "ints.onnx")
    return onnx_path, onnxc.compile(onnx_path, output=d / "ints.so", compiler=compiler_exe)


# ---------------------------------------------------------------------------------------
# Loading and signatures


def test_signature(dense):
    _, so = dense
    m = onnxc.load(so)
    assert m.name == "dense"
    assert [i.name for i in m.inputs] == ["x"]
    assert [o.name for o in m.outputs] == ["y", "z"]
    x = m.inputs[0]
    assert x.dtype == np.float32
    assert x.shape == (None, 4)
    assert x.rank == 2 and x.element_type == "f32"
    assert m.outputs[0].shape == (None, 3)
    assert "TensorInfo(name='x', dtype=f32, shape=[?,4])" == repr(x)
    meta = m.metadata
    assert meta["model"] == "dense"
    assert meta["producer"] == "test_python"
    assert meta["opset"] == "ai.onnx 17"
    assert meta["target"] == "cpu" and m.target == "cpu"
    assert meta["compiler"] == onnxc.runtime_version()
    # Tensor-only models keep ABI 1; the runtime loads 1 up to its own.
    assert 1 <= int(meta["abi"]) <= onnxc.abi_version()
    assert "features" in meta and "cpu" in meta
    assert Path(m.path).name == "libdense.so"
    assert "dense" in repr(m)


def test_run_matches_onnxruntime(dense):
    onnx_path, so = dense
    m = onnxc.load(so)
    rng = np.random.default_rng(0)
    for n in (1, 3, 17):  # the dynamic dim
        x = rng.standard_normal((n, 4)).astype(np.float32)
        got = m.run({"x": x})
        assert list(got) == ["y", "z"]
        want = run_onnxruntime(onnx_path, {"x": x})
        for name, expected in zip(["y", "z"], want):
            assert got[name].dtype == expected.dtype
            assert got[name].shape == expected.shape
            np.testing.assert_allclose(got[name], expected, rtol=RTOL, atol=ATOL)


def test_feeds_forms(dense):
    _, so = dense
    m = onnxc.load(so)
    x = np.arange(8, dtype=np.float32).reshape(2, 4)
    by_name = m.run({"x": x})
    for other in (m.run([x]), m.run((x,)), m.run(x), m.run({"x": x.tolist()})):
        for k in by_name:
            np.testing.assert_array_equal(other[k], by_name[k])


def test_int_and_bool(ints):
    onnx_path, so = ints
    m = onnxc.load(so)
    assert [i.dtype for i in m.inputs] == [np.int64, np.int64]
    assert [o.dtype for o in m.outputs] == [np.int64, np.bool_]
    a = np.array([[1, -2, 3], [4, 5, -6]], np.int64)
    b = np.array([[0, 2, 3], [-4, 9, 1]], np.int64)
    got = m.run({"a": a, "b": b})
    want = run_onnxruntime(onnx_path, {"a": a, "b": b})
    np.testing.assert_array_equal(got["s"], want[0])
    np.testing.assert_array_equal(got["g"], want[1])
    assert got["g"].dtype == np.bool_


# ---------------------------------------------------------------------------------------
# Zero copy


def test_outputs_wrap_runtime_buffers(dense):
    _, so = dense
    m = onnxc.load(so)
    y = m.run({"x": np.ones((2, 4), np.float32)})["y"]
    # No copy: the array does not own its data; a capsule that frees it is its base.
    assert not y.flags.owndata
    assert type(y.base).__name__ == "PyCapsule"
    assert y.flags.c_contiguous and y.flags.writeable
    y += 1  # writable, and freed once with the array
    del y
    for _ in range(300):  # no leak or double free across many runs
        m.run({"x": np.ones((64, 4), np.float32)})


def test_inputs_views_and_strides(dense):
    onnx_path, so = dense
    m = onnxc.load(so)
    rng = np.random.default_rng(1)
    big = rng.standard_normal((10, 4)).astype(np.float32)
    view = big[2:7]  # C-contiguous view: passed without a copy
    assert view.flags.c_contiguous and not view.flags.owndata
    np.testing.assert_allclose(m.run({"x": view})["z"], 2 * view, rtol=0, atol=0)
    strided = rng.standard_normal((4, 6)).astype(np.float32).T  # not contiguous: copied
    assert not strided.flags.c_contiguous
    want = run_onnxruntime(onnx_path, {"x": np.ascontiguousarray(strided)})
    np.testing.assert_allclose(m.run({"x": strided})["y"], want[0], rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(m.run({"x": big[::2]})["z"], 2 * big[::2])


def test_empty_dynamic_dim(dense):
    _, so = dense
    out = onnxc.load(so).run({"x": np.zeros((0, 4), np.float32)})
    assert out["y"].shape == (0, 3) and out["z"].shape == (0, 4)


# ---------------------------------------------------------------------------------------
# Errors


def test_wrong_shape(dense):
    m = onnxc.load(dense[1])
    with pytest.raises(onnxc.ShapeError, match=r'input "x": expected shape \[\?,4\], got \[2,5\]'):
        m.run({"x": np.zeros((2, 5), np.float32)})
    with pytest.raises(ValueError, match="rank"):  # ShapeError is a ValueError
        m.run({"x": np.zeros((8,), np.float32)})


def test_wrong_dtype(dense):
    m = onnxc.load(dense[1])
    with pytest.raises(onnxc.DTypeError, match=r'input "x": expected element type f32 .*float64'):
        m.run({"x": np.zeros((2, 4), np.float64)})
    with pytest.raises(TypeError):  # DTypeError is a TypeError
        m.run({"x": np.zeros((2, 4), np.int32)})


def test_wrong_names(dense):
    m = onnxc.load(dense[1])
    with pytest.raises(onnxc.InvalidArgumentError, match=r'unknown input "X" \(inputs: "x"\)'):
        m.run({"X": np.zeros((2, 4), np.float32)})
    with pytest.raises(onnxc.InvalidArgumentError, match='missing input "x"'):
        m.run({})
    with pytest.raises(onnxc.InvalidArgumentError, match="expected 1 inputs, got 2"):
        m.run([np.zeros((2, 4), np.float32)] * 2)
    with pytest.raises(onnxc.InvalidArgumentError, match="cannot convert"):
        m.run({"x": "not a tensor"})


def test_load_errors(tmp_path):
    with pytest.raises(onnxc.ModelFileError, match="missing.so"):
        onnxc.load(tmp_path / "missing.so")
    with pytest.raises(OSError):
        onnxc.load(tmp_path / "missing.so")
    junk = tmp_path / "junk.so"
    junk.write_bytes(b"this is not an ELF file")
    with pytest.raises(onnxc.InvalidModelError, match="junk.so"):
        onnxc.load(junk)
    assert issubclass(onnxc.InvalidModelError, onnxc.Error)


def test_compile_errors(tmp_path, compiler_exe, monkeypatch):
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"\x08\x07garbage")
    with pytest.raises(onnxc.CompileError) as info:
        onnxc.compile(bad, output=tmp_path / "bad.so", compiler=compiler_exe)
    assert info.value.returncode == 1
    assert "bad.onnx" in info.value.diagnostics
    assert "bad.onnx" in str(info.value)
    with pytest.raises(onnxc.CompileError, match="opt_level"):
        onnxc.compile(bad, opt_level=7, compiler=compiler_exe)
    monkeypatch.setenv("ONNXC_COMPILER", str(tmp_path / "no-such-compiler"))
    with pytest.raises(onnxc.CompilerNotFoundError, match="ONNXC_COMPILER"):
        onnxc.compile(bad)


def test_find_compiler(monkeypatch, compiler_exe):
    monkeypatch.setenv("ONNXC_COMPILER", str(compiler_exe))
    assert onnxc.find_compiler() == Path(compiler_exe)


# ---------------------------------------------------------------------------------------
# Compile options and threads


def test_compile_options(tmp_path, compiler_exe):
    onnx_path = make_dense_model(tmp_path / "dense.onnx")
    so = onnxc.compile(onnx_path, compiler=compiler_exe, opt_level=0,
                       input_shapes={"x": [5, 4]}, emit_header=True)
    assert so == tmp_path / "dense.so"
    header = (tmp_path / "dense.h").read_text()
    assert "int32_t onnxc_main(void **args);" in header and "dense_run(" in header
    m = onnxc.load(so)
    assert m.inputs[0].shape == (5, 4)
    with pytest.raises(onnxc.ShapeError):
        m.run({"x": np.zeros((4, 4), np.float32)})


def test_threads(dense):
    _, so = dense
    m = onnxc.load(so, threads=2)
    assert m.threads == 2
    s = m.session(threads=1)
    assert s.threads == 1 and "1 threads" in repr(s)
    assert m.session().threads >= 1  # 0: one per cpu
    with pytest.raises(onnxc.InvalidArgumentError, match="threads"):
        onnxc.load(so, threads=-1)
    with pytest.raises(onnxc.InvalidArgumentError, match="threads"):
        m.session(threads=-3)


def test_concurrent_runs(dense):
    """One session run from several Python threads (the GIL is released while it runs)."""
    _, so = dense
    m = onnxc.load(so)
    rng = np.random.default_rng(2)
    xs = [rng.standard_normal((8, 4)).astype(np.float32) for _ in range(8)]
    expected = [m.run({"x": x}) for x in xs]
    errors = []

    def work(k):
        try:
            for _ in range(25):
                got = m.run({"x": xs[k]})
                for name in got:
                    np.testing.assert_array_equal(got[name], expected[k][name])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(xs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
