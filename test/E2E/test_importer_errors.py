"""Malformed and unsupported models: onnx-compile must refuse each one cleanly.

Each model is generated at test time (onnx.helper) into a temporary folder. For each,
`onnx-compile FILE -target=cpu -o out.so` must exit with status 1 (never a signal or a
crash), within 2 s and 512 MiB, with a diagnostic that names the problem, the file, and
where relevant the node (`node "NAME" (OpType, ...)`) or the initializer. Diagnostic format
(docs/Architecture.md, DESIGN.md):

    model.onnx: node "conv1" (Conv, ai.onnx opset 17): <problem>
    model.onnx: 3 unsupported operators: node "n1" (Foo, com.example opset 1), ...

Valid controls (the same constructions without the defect) must compile and run, so that a
compiler that refuses everything cannot pass.

The expected wording is kept to the essential words, all in PROBLEM below: adjust there.
"""

import os
import re
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from e2e_util import check_model_on_data_set, run_measured, write_test_data_set

# ---------------------------------------------------------------------------------------
# The words a diagnostic must contain (case-insensitive regular expressions), per problem.
PROBLEM = {
    "cycle": r"cycle|cyclic",
    "dangling": r"not produced|no producer|produced by no|undefined|undeclared|unknown|"
                r"not (defined|found)|dangling|missing",
    "unsupported": r"\b3 unsupported operators\b",
    "absolute": r"outside|absolute",
    "dotdot": r"outside",
    "symlink": r"outside",
    "no_such_file": r"no such file|not found|does not exist|cannot open|can't open|"
                    r"could not open|failed to open|missing",
    "out_of_range": r"offset|length|past|beyond|exceed|out of (range|bounds)|end of|"
                    r"too (short|small)|size",
    "malformed": r"pars|protobuf|truncat|corrupt|invalid|malformed|not an? (valid )?onnx",
    "empty": r"empty|no graph|graph|pars|invalid",
}
# How a node is named in a diagnostic: node "NAME" (OpType, ...
NODE = r'node "{name}" \({op}\b'

TIME_LIMIT_S = float(os.environ.get("ONNXC_MALFORMED_TIME_LIMIT", "2.0"))
MEMORY_LIMIT_MIB = 512


def expect_refusal(onnx_compile, model_path: Path, problem: str, *, names=(), file_prefix=True):
    """Compile model_path; require exit 1 within the limits and a diagnostic matching
    PROBLEM[problem] and every regex in names. Returns stderr."""
    out = Path(model_path).parent / "out.so"
    r = run_measured([onnx_compile, model_path, "-target=cpu", "-o", out], timeout=60)
    text = r.stderr
    report = (f"$ {' '.join(r.args)}\nexit status {r.returncode}, {r.wall_s:.2f} s, "
              f"{r.max_rss_mib:.0f} MiB\n--- stderr ---\n{text[-4000:]}\n"
              f"--- stdout ---\n{r.stdout[-2000:]}")
    assert r.returncode >= 0, f"onnx-compile was killed by signal {-r.returncode}\n{report}"
    assert r.returncode == 1, f"expected exit status 1\n{report}"
    assert r.wall_s < TIME_LIMIT_S, f"took {r.wall_s:.2f} s (limit {TIME_LIMIT_S} s)\n{report}"
    assert r.max_rss_mib < MEMORY_LIMIT_MIB, f"peak RSS {r.max_rss_mib:.0f} MiB\n{report}"
    assert re.search(PROBLEM[problem], text, re.I), \
        f"the diagnostic does not say /{PROBLEM[problem]}/\n{report}"
    for pattern in names:
        assert re.search(pattern, text), f"the diagnostic does not name /{pattern}/\n{report}"
    if file_prefix:
        name = re.escape(Path(model_path).name)
        assert re.search(rf"(^|[/\s]){name}:", text, re.M), \
            f"the diagnostic does not start with the file name '{Path(model_path).name}:'\n{report}"
    return text


def save(model: onnx.ModelProto, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())
    return path


def make_model(nodes, inputs, outputs, initializers=(), opsets=(("", 17),)):
    graph = helper.make_graph(nodes, "g", inputs, outputs, initializer=list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in opsets])
    model.ir_version = 8
    return model


def f32(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


# ---------------------------------------------------------------------------------------
# Graph structure


def test_cycle(onnx_compile, tmp_path):
    # cyc_a: t1 = X + t2 ; cyc_b: t2 = Relu(t1)
    model = make_model(
        [helper.make_node("Add", ["X", "t2"], ["t1"], name="cyc_a"),
         helper.make_node("Relu", ["t1"], ["t2"], name="cyc_b")],
        [f32("X", [2, 3])], [f32("t1", [2, 3])])
    expect_refusal(onnx_compile, save(model, tmp_path / "cycle.onnx"), "cycle",
                   names=[NODE.format(name="cyc_(a|b)", op="(Add|Relu)")])


def test_dangling_input(onnx_compile, tmp_path):
    model = make_model(
        [helper.make_node("Relu", ["X"], ["r"], name="ok"),
         helper.make_node("Add", ["r", "ghost_tensor"], ["Y"], name="bad")],
        [f32("X", [2, 3])], [f32("Y", [2, 3])])
    expect_refusal(onnx_compile, save(model, tmp_path / "dangling.onnx"), "dangling",
                   names=[NODE.format(name="bad", op="Add"), r"ghost_tensor"])


def test_three_unsupported_operators_in_one_diagnostic(onnx_compile, tmp_path):
    model = make_model(
        [helper.make_node("FooOp", ["X"], ["a"], name="u1", domain="com.example"),
         helper.make_node("Relu", ["a"], ["b"], name="fine"),
         helper.make_node("BarOp", ["b"], ["c"], name="u2", domain="com.example"),
         helper.make_node("BazOp", ["c"], ["Y"], name="u3", domain="com.example")],
        [f32("X", [2, 3])], [f32("Y", [2, 3])],
        opsets=(("", 17), ("com.example", 1)))
    text = expect_refusal(onnx_compile, save(model, tmp_path / "unsupported.onnx"), "unsupported")
    lines = [line for line in text.splitlines() if re.search(PROBLEM["unsupported"], line, re.I)]
    assert len(lines) == 1, f"expected exactly one line listing the unsupported operators:\n{text}"
    for name, op in (("u1", "FooOp"), ("u2", "BarOp"), ("u3", "BazOp")):
        assert re.search(NODE.format(name=name, op=op), lines[0]), \
            f'node "{name}" ({op}, ...) is not in the one diagnostic line:\n{lines[0]}'
    assert "com.example" in lines[0], lines[0]
    assert 'node "fine"' not in lines[0], f"a supported node is listed:\n{lines[0]}"


def test_non_topological_order_compiles_and_runs(compiler, onnx_run, tmp_path):
    """A valid graph whose nodes are listed consumers first: Y = Relu(X) * C + X."""
    c = np.array([[1.5, -2.0, 0.5], [3.0, 0.25, -1.0]], dtype=np.float32)
    model = make_model(
        [helper.make_node("Add", ["m", "X"], ["Y"], name="n_add"),
         helper.make_node("Mul", ["r", "C"], ["m"], name="n_mul"),
         helper.make_node("Relu", ["X"], ["r"], name="n_relu")],
        [f32("X", [2, 3])], [f32("Y", [2, 3])], [numpy_helper.from_array(c, "C")])
    path = save(model, tmp_path / "unsorted.onnx")
    x = np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, 0.5]], dtype=np.float32)
    y = np.maximum(x, 0) * c + x
    data = write_test_data_set(tmp_path / "test_data_set_0", [("X", x)], [("Y", y)])
    check_model_on_data_set(onnx_run, compiler.compile(path), data, tmp_path / "actual")


# ---------------------------------------------------------------------------------------
# External data

WEIGHTS = np.array([0.5, -1.25, 2.0, 4.0], dtype=np.float32)
INIT = "weight_ext"


def external_model(folder: Path, location: str, offset=0, length=WEIGHTS.nbytes) -> Path:
    """model.onnx in folder: Y = X + weight_ext, weight_ext float[4] stored externally."""
    tensor = TensorProto(name=INIT, data_type=TensorProto.FLOAT, dims=[4],
                         data_location=TensorProto.EXTERNAL)
    for key, value in (("location", location), ("offset", str(offset)), ("length", str(length))):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    model = make_model([helper.make_node("Add", ["X", INIT], ["Y"], name="add_ext")],
                       [f32("X", [4])], [f32("Y", [4])], [tensor])
    return save(model, folder / "model.onnx")


def write_weights(path: Path, data: bytes = WEIGHTS.tobytes()) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("location", ["weights.bin", "sub/weights.bin"])
def test_external_data_valid_control(compiler, onnx_run, tmp_path, location):
    folder = tmp_path / "m"
    write_weights(folder / location)
    path = external_model(folder, location)
    x = np.array([1.0, 2.0, 3.0, 4.0], dtype=np.float32)
    data = write_test_data_set(tmp_path / "test_data_set_0", [("X", x)], [("Y", x + WEIGHTS)])
    check_model_on_data_set(onnx_run, compiler.compile(path), data, tmp_path / "actual")


def test_external_data_absolute_path(onnx_compile, tmp_path):
    weights = write_weights(tmp_path / "elsewhere" / "weights.bin")  # exists and is valid
    path = external_model(tmp_path / "m", str(weights.resolve()))
    expect_refusal(onnx_compile, path, "absolute", names=[INIT])


def test_external_data_dotdot(onnx_compile, tmp_path):
    write_weights(tmp_path / "weights.bin")  # exists, one folder up
    path = external_model(tmp_path / "m", "../weights.bin")
    expect_refusal(onnx_compile, path, "dotdot", names=[INIT])


def test_external_data_symlink_outside(onnx_compile, tmp_path):
    target = write_weights(tmp_path / "outside" / "weights.bin")
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "weights.bin").symlink_to(target)
    path = external_model(folder, "weights.bin")
    expect_refusal(onnx_compile, path, "symlink", names=[INIT])


def test_external_data_missing_file(onnx_compile, tmp_path):
    path = external_model(tmp_path / "m", "no_such_weights.bin")
    expect_refusal(onnx_compile, path, "no_such_file", names=[INIT, r"no_such_weights\.bin"])


@pytest.mark.parametrize("offset,length", [(32, 16), (8, 16), (16, 16)],
                         ids=["offset-past-end", "length-past-end", "offset-at-end"])
def test_external_data_range_past_end_of_file(onnx_compile, tmp_path, offset, length):
    folder = tmp_path / "m"
    write_weights(folder / "weights.bin")  # 16 bytes
    path = external_model(folder, "weights.bin", offset=offset, length=length)
    expect_refusal(onnx_compile, path, "out_of_range", names=[INIT])


def test_external_data_length_does_not_match_tensor(onnx_compile, tmp_path):
    folder = tmp_path / "m"
    write_weights(folder / "weights.bin")
    path = external_model(folder, "weights.bin", offset=0, length=8)  # 4 floats need 16
    expect_refusal(onnx_compile, path, "out_of_range", names=[INIT])


# ---------------------------------------------------------------------------------------
# Broken files


def valid_model_bytes() -> bytes:
    """A valid model (Conv + initializers, about 2 KB) to cut."""
    rng = np.random.default_rng(0)
    w = numpy_helper.from_array(rng.standard_normal((4, 3, 3, 3)).astype(np.float32), "w")
    b = numpy_helper.from_array(rng.standard_normal(4).astype(np.float32), "b")
    model = make_model([helper.make_node("Conv", ["X", "w", "b"], ["Y"], name="conv",
                                         pads=[1, 1, 1, 1])],
                       [f32("X", [1, 3, 8, 8])], [f32("Y", [1, 4, 8, 8])], [w, b])
    onnx.checker.check_model(model, full_check=True)
    return model.SerializeToString()


def unparsable(data: bytes) -> bool:
    try:
        onnx.ModelProto().ParseFromString(data)
    except Exception:  # google.protobuf.message.DecodeError
        return True
    return False


def cut_points():
    """Lengths at which the valid model no longer parses: near 1%, 25%, 50%, 75%, 100%."""
    data = valid_model_bytes()
    points = []
    for target in (1, len(data) // 4, len(data) // 2, 3 * len(data) // 4, len(data) - 1):
        cut = next((n for n in range(target, len(data)) if unparsable(data[:n])), None)
        if cut is not None and cut not in points:
            points.append(cut)
    return points


def test_truncation_points_are_real():
    assert len(cut_points()) >= 4, cut_points()


@pytest.mark.parametrize("cut", cut_points())
def test_truncated_model(onnx_compile, tmp_path, cut):
    path = tmp_path / "truncated.onnx"
    path.write_bytes(valid_model_bytes()[:cut])
    expect_refusal(onnx_compile, path, "malformed")


def test_truncated_control_compiles(compiler, tmp_path):
    path = tmp_path / "whole.onnx"
    path.write_bytes(valid_model_bytes())
    compiler.compile(path)


def test_garbage_file(onnx_compile, tmp_path):
    rng = np.random.default_rng(1234)
    data = next(d for d in (rng.bytes(4096) for _ in range(100)) if unparsable(d))
    path = tmp_path / "garbage.onnx"
    path.write_bytes(data)
    expect_refusal(onnx_compile, path, "malformed")


def test_text_file(onnx_compile, tmp_path):
    path = tmp_path / "notes.onnx"
    path.write_text("this is not an ONNX model, just some text\n" * 20)
    assert unparsable(path.read_bytes())
    expect_refusal(onnx_compile, path, "malformed")


def test_empty_file(onnx_compile, tmp_path):
    path = tmp_path / "empty.onnx"
    path.write_bytes(b"")
    expect_refusal(onnx_compile, path, "empty")


def test_missing_model_file(onnx_compile, tmp_path):
    path = tmp_path / "does_not_exist.onnx"
    text = expect_refusal(onnx_compile, path, "no_such_file", file_prefix=False)
    assert "does_not_exist.onnx" in text, text
