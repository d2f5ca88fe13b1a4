"""Writes the small ONNX models of the test/Importer lit tests.

    python make_model.py CASE OUT.onnx

CASE is one of the functions registered with @case below. A model is built with
onnx.helper at test time, so that no .onnx binary is committed. Cases that need
more files (external data) write them next to OUT.onnx.
"""

import os
import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, initializers=(), opset=17, name="g",
          extra_opsets=(), ir_version=8, value_info=()):
    graph = helper.make_graph(list(nodes), name, list(inputs), list(outputs),
                              initializer=list(initializers), value_info=list(value_info))
    opsets = [helper.make_opsetid("", opset)] if opset is not None else []
    opsets += [helper.make_opsetid(d, v) for d, v in extra_opsets]
    m = helper.make_model(graph, opset_imports=opsets, producer_name="onnxc-lit",
                          producer_version="1.0")
    m.ir_version = ir_version
    return m


def f32(name, values):
    return numpy_helper.from_array(np.asarray(values, dtype=np.float32), name)


def i64(name, values):
    return numpy_helper.from_array(np.asarray(values, dtype=np.int64), name)


F = TensorProto.FLOAT

# ---------------------------------------------------------------------------
# Valid models


@case
def basic():
    """Named and unnamed nodes, two inputs, two outputs, broadcasting."""
    return model(
        [helper.make_node("Add", ["x", "y"], ["sum"], name="add1"),
         helper.make_node("Relu", ["sum"], ["out"])],
        [vi("x", F, [1, 3]), vi("y", F, ["N", 3])],
        [vi("out", F, ["N", 3]), vi("sum", F, None)],
        name="tiny")


@case
def broadcast_error():
    return model(
        [helper.make_node("Relu", ["x"], ["r"]),
         helper.make_node("Add", ["r", "y"], ["out"], name="bad_add")],
        [vi("x", F, [2, 3]), vi("y", F, [2, 4])],
        [vi("out", F, None)])


@case
def unnamed_error():
    """The second node (index 1) has no name: it is called Add_1."""
    return model(
        [helper.make_node("Relu", ["x"], ["r"]),
         helper.make_node("Add", ["r", "y"], ["out"])],
        [vi("x", F, [2, 3]), vi("y", F, [2, 4])],
        [vi("out", F, None)])


@case
def output_shape_warning():
    """The declared output shape disagrees with inference: only a warning."""
    return model(
        [helper.make_node("Relu", ["x"], ["out"], name="relu")],
        [vi("x", F, [2, 3])],
        [vi("out", F, [3, 2])])


@case
def initializers():
    """A small initializer (inline dense), a large one (dense resource), an
    int64 one in the typed field, and a graph input that has an initializer
    too (ONNX IR < 4 style), which is a constant, not a runtime input."""
    big = np.arange(2048, dtype=np.float32).reshape(2, 1024)
    typed = helper.make_tensor("idx", TensorProto.INT64, [2], [1, 0])
    return model(
        [helper.make_node("Add", ["x", "bias"], ["a"], name="add"),
         helper.make_node("MatMul", ["a", "big"], ["b"], name="matmul"),
         helper.make_node("Mul", ["b", "scale"], ["c"], name="mul"),
         helper.make_node("Gather", ["c", "idx"], ["out"], name="gather")],
        [vi("x", F, [3, 2]), vi("scale", F, [1])],
        [vi("out", F, None)],
        initializers=[f32("bias", [0.5, -1.5]), numpy_helper.from_array(big, "big"),
                      typed, f32("scale", [2.0])])


@case
def unsorted():
    """Nodes listed consumers first."""
    return model(
        [helper.make_node("Sigmoid", ["b"], ["out"], name="third"),
         helper.make_node("Neg", ["a"], ["b"], name="second"),
         helper.make_node("Abs", ["x"], ["a"], name="first")],
        [vi("x", F, [4])],
        [vi("out", F, None)])


@case
def reduce_opset11():
    return model(
        [helper.make_node("ReduceSum", ["x"], ["s"], name="sum", axes=[1], keepdims=0),
         helper.make_node("ReduceMean", ["x"], ["m"], name="mean", axes=[0, -1])],
        [vi("x", F, [2, 3, 4])],
        [vi("s", F, None), vi("m", F, None)], opset=11)


@case
def reduce_opset13():
    """ReduceSum takes axes as an input from opset 13, the others from 18."""
    return model(
        [helper.make_node("ReduceSum", ["x", "axes"], ["s"], name="sum", keepdims=0),
         helper.make_node("ReduceMax", ["x"], ["m"], name="max", axes=[2])],
        [vi("x", F, [2, 3, 4])],
        [vi("s", F, None), vi("m", F, None)],
        initializers=[i64("axes", [1])], opset=13)


@case
def squeeze_opset11():
    return model(
        [helper.make_node("Squeeze", ["x"], ["s"], name="squeeze", axes=[0, 2]),
         helper.make_node("Unsqueeze", ["s"], ["u"], name="unsqueeze", axes=[-1])],
        [vi("x", F, [1, 3, 1, 4])],
        [vi("u", F, None)], opset=11)


@case
def random_ops():
    """Bernoulli (opset 15+) and RandomUniformLike keep their attributes."""
    nodes = [
        helper.make_node("Bernoulli", ["p"], ["b"], name="bern", seed=3.0, dtype=TensorProto.INT32),
        helper.make_node("RandomUniformLike", ["p"], ["u"], name="uni", low=-1.0, high=2.0),
    ]
    return model(nodes, [vi("p", F, [4])],
                 [vi("b", TensorProto.INT32, [4]), vi("u", F, [4])], opset=22)


@case
def clip_opset6():
    return model(
        [helper.make_node("Clip", ["x"], ["c"], name="clip", min=-1.0, max=6.0),
         helper.make_node("Clip", ["c"], ["out"], name="clip_max_only", max=2.5)],
        [vi("x", F, [4])],
        [vi("out", F, None)], opset=6)


@case
def clip_opset13():
    """Optional inputs left out (empty names) become onnx.NoValue."""
    return model(
        [helper.make_node("Clip", ["x", "", "hi"], ["out"], name="clip")],
        [vi("x", F, [4])],
        [vi("out", F, None)], initializers=[f32("hi", 3.0)], opset=13)


@case
def pad_opset2():
    return model(
        [helper.make_node("Pad", ["x"], ["out"], name="pad", mode="constant",
                          pads=[0, 1, 2, 3], value=1.5)],
        [vi("x", F, [2, 3])],
        [vi("out", F, None)], opset=2)


def _resize_tf_half_pixel(opset):
    return model(
        [helper.make_node("Resize", ["x", "roi", "scales"], ["out"], name="resize",
                          mode="nearest",
                          coordinate_transformation_mode="tf_half_pixel_for_nn")],
        [vi("x", F, [1, 1, 4, 4])],
        [vi("out", F, None)],
        initializers=[f32("roi", []), f32("scales", [1.0, 1.0, 0.6, 0.6])], opset=opset)


@case
def resize_opset11_tf_half_pixel():
    return _resize_tf_half_pixel(11)


@case
def resize_opset13_tf_half_pixel():
    return _resize_tf_half_pixel(13)


@case
def slice_opset9():
    return model(
        [helper.make_node("Slice", ["x"], ["out"], name="slice", starts=[1, 0],
                          ends=[3, 100], axes=[0, -1])],
        [vi("x", F, [4, 5])],
        [vi("out", F, None)], opset=9)


@case
def split_opset11():
    return model(
        [helper.make_node("Split", ["x"], ["a", "b"], name="split", axis=1, split=[2, 4])],
        [vi("x", F, [3, 6])],
        [vi("a", F, None), vi("b", F, None)], opset=11)


@case
def softmax_opset11():
    """Before opset 13 Softmax works on the input flattened to 2-D at axis."""
    return model(
        [helper.make_node("Softmax", ["x"], ["s"], name="softmax", axis=1),
         helper.make_node("LogSoftmax", ["x"], ["l"], name="logsoftmax", axis=2)],
        [vi("x", F, [2, 3, 4])],
        [vi("s", F, None), vi("l", F, None)], opset=11)


@case
def cast():
    return model(
        [helper.make_node("Cast", ["x"], ["i"], name="to_int", to=TensorProto.INT64),
         helper.make_node("Cast", ["i"], ["u"], name="to_u8", to=TensorProto.UINT8),
         helper.make_node("Cast", ["u"], ["b"], name="to_bool", to=TensorProto.BOOL)],
        [vi("x", F, [4])],
        [vi("b", TensorProto.BOOL, None)])


@case
def cast_opset1():
    """Cast-1 names the target type with a string."""
    return model(
        [helper.make_node("Cast", ["x"], ["out"], name="to_double", to="DOUBLE")],
        [vi("x", F, [4])],
        [vi("out", TensorProto.DOUBLE, None)], opset=1, ir_version=3)


@case
def legacy_opset1():
    """Reshape-1 shape attribute, Concat-1 default axis 1, Add-1 broadcast."""
    return model(
        [helper.make_node("Reshape", ["x"], ["r"], name="reshape", shape=[2, 6]),
         helper.make_node("Concat", ["r", "r"], ["c"], name="concat"),
         helper.make_node("Add", ["c", "b"], ["out"], name="add", broadcast=1, axis=0)],
        [vi("x", F, [3, 4]), vi("b", F, [2])],
        [vi("out", F, None)], opset=1, ir_version=3)


@case
def constants():
    return model(
        [helper.make_node("Constant", [], ["cf"], name="cf", value_float=2.5),
         helper.make_node("Constant", [], ["cfs"], name="cfs", value_floats=[1.0, -2.0]),
         helper.make_node("Constant", [], ["ci"], name="ci", value_int=7),
         helper.make_node("Constant", [], ["cis"], name="cis", value_ints=[3, 4, 5]),
         helper.make_node("Constant", [], ["ct"], name="ct",
                          value=helper.make_tensor("t", TensorProto.INT32, [2, 2], [1, 2, 3, 4]))],
        [],
        [vi("cf", F, None), vi("cfs", F, None), vi("ci", TensorProto.INT64, None),
         vi("cis", TensorProto.INT64, None), vi("ct", TensorProto.INT32, None)])


@case
def constant_string():
    return model(
        [helper.make_node("Constant", [], ["s"], name="str", value_string="hello")],
        [], [vi("s", TensorProto.STRING, None)])


@case
def if_subgraph():
    """Branches read `x` from the enclosing graph and have their own
    initializer."""
    then_graph = helper.make_graph(
        [helper.make_node("Neg", ["x"], ["t_out"], name="then_neg")],
        "then_body", [], [vi("t_out", F, [2])])
    else_graph = helper.make_graph(
        [helper.make_node("Add", ["x", "one"], ["e_out"], name="else_add")],
        "else_body", [], [vi("e_out", F, [2])], initializer=[f32("one", [1.0])])
    return model(
        [helper.make_node("ReduceSum", ["x"], ["s"], name="sum", keepdims=0),
         helper.make_node("Greater", ["s", "zero"], ["c"], name="cond"),
         helper.make_node("If", ["c"], ["out"], name="if", then_branch=then_graph,
                          else_branch=else_graph)],
        [vi("x", F, [2])],
        [vi("out", F, None)], initializers=[f32("zero", 0.0)])


@case
def optional_inputs():
    """Conv without bias; Dropout and MaxPool with fewer outputs than the op."""
    w = np.ones((4, 3, 3, 3), dtype=np.float32)
    return model(
        [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1]),
         helper.make_node("MaxPool", ["c"], ["p"], name="pool", kernel_shape=[2, 2],
                          strides=[2, 2]),
         helper.make_node("Dropout", ["p"], ["out"], name="dropout")],
        [vi("x", F, [1, 3, 8, 8])],
        [vi("out", F, None)], initializers=[numpy_helper.from_array(w, "w")])


@case
def input_shapes():
    return model(
        [helper.make_node("Relu", ["x"], ["out"], name="relu"),
         helper.make_node("Neg", ["y"], ["out2"], name="neg")],
        [vi("x", F, ["N", 3, "H", "W"]), vi("y", F, [2, 2])],
        [vi("out", F, None), vi("out2", F, None)])


@case
def mlp():
    """x[1,1,28,28] -> Flatten -> Gemm(784x10 weights) -> Relu: the model of
    the phase and target tests (the input shape of mnist)."""
    rng = np.random.default_rng(0)
    w = rng.standard_normal((784, 10)).astype(np.float32)
    b = rng.standard_normal(10).astype(np.float32)
    return model(
        [helper.make_node("Flatten", ["Input3"], ["flat"], name="flatten"),
         helper.make_node("Gemm", ["flat", "w", "b"], ["g"], name="gemm"),
         helper.make_node("Relu", ["g"], ["Output"], name="relu")],
        [vi("Input3", F, [1, 1, 28, 28])],
        [vi("Output", F, [1, 10])],
        initializers=[numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")],
        name="mlp")


# ---------------------------------------------------------------------------
# Malformed and unsupported models


@case
def cycle():
    return model(
        [helper.make_node("Relu", ["x"], ["a"], name="ok"),
         helper.make_node("Add", ["a", "c"], ["b"], name="loop_add"),
         helper.make_node("Neg", ["b"], ["c"], name="loop_neg")],
        [vi("x", F, [2])],
        [vi("c", F, None)])


@case
def dangling():
    return model(
        [helper.make_node("Add", ["x", "nowhere"], ["out"], name="add")],
        [vi("x", F, [2])],
        [vi("out", F, None)])


@case
def duplicate_output():
    return model(
        [helper.make_node("Relu", ["x"], ["out"], name="first"),
         helper.make_node("Neg", ["x"], ["out"], name="second")],
        [vi("x", F, [2])],
        [vi("out", F, None)])


@case
def missing_output():
    return model(
        [helper.make_node("Relu", ["x"], ["r"], name="relu")],
        [vi("x", F, [2])],
        [vi("nothing", F, None)])


@case
def unsupported():
    """Three unsupported operators, one of them in a subgraph, and one that
    exists only in a newer opset."""
    then_graph = helper.make_graph(
        [helper.make_node("StringNormalizer", ["x"], ["t"], name="strnorm")],
        "then_body", [], [vi("t", F, None)])
    else_graph = helper.make_graph(
        [helper.make_node("Identity", ["x"], ["e"], name="id")],
        "else_body", [], [vi("e", F, None)])
    return model(
        [helper.make_node("Gelu", ["x"], ["g"], name="gelu"),
         helper.make_node("FooBar", ["g"], ["f"], name="custom", domain="com.example"),
         helper.make_node("Greater", ["x", "x"], ["c"], name="cmp"),
         helper.make_node("If", ["c"], ["out"], name="if", then_branch=then_graph,
                          else_branch=else_graph)],
        [vi("x", F, [1])],
        [vi("out", F, None), vi("f", F, None)], opset=17,
        extra_opsets=[("com.example", 1)])


@case
def no_default_opset():
    m = model(
        [helper.make_node("Relu", ["x"], ["out"], name="relu")],
        [vi("x", F, [2])], [vi("out", F, None)], opset=None,
        extra_opsets=[("com.example", 1)])
    return m


def raw_tensor(name, elem, dims, data=b""):
    """A TensorProto built field by field, so that it may be malformed."""
    t = TensorProto()
    t.name, t.data_type = name, elem
    t.dims.extend(dims)
    t.raw_data = data
    return t


@case
def negative_dims():
    t = raw_tensor("w", F, [2, -2])
    return model([helper.make_node("Add", ["x", "w"], ["out"], name="add")],
                 [vi("x", F, [2])], [vi("out", F, None)], initializers=[t])


@case
def raw_data_size():
    t = raw_tensor("w", F, [3], np.zeros(2, dtype=np.float32).tobytes())
    return model([helper.make_node("Add", ["x", "w"], ["out"], name="add")],
                 [vi("x", F, [3])], [vi("out", F, None)], initializers=[t])


@case
def typed_data_count():
    t = TensorProto()
    t.name, t.data_type = "w", F
    t.dims.extend([3])
    t.float_data.extend([1.0, 2.0])
    return model([helper.make_node("Add", ["x", "w"], ["out"], name="add")],
                 [vi("x", F, [3])], [vi("out", F, None)], initializers=[t])


@case
def unknown_data_type():
    t = helper.make_tensor("w", F, [1], [1.0])
    t.data_type = 99
    return model([helper.make_node("Add", ["x", "w"], ["out"], name="add")],
                 [vi("x", F, [1])], [vi("out", F, None)], initializers=[t])


@case
def string_initializer():
    t = helper.make_tensor("w", TensorProto.STRING, [1], [b"a"])
    return model([helper.make_node("Identity", ["w"], ["out"], name="id")],
                 [], [vi("out", TensorProto.STRING, None)], initializers=[t])


@case
def unknown_input_type():
    return model([helper.make_node("Identity", ["x"], ["out"], name="id")],
                 [vi("x", TensorProto.COMPLEX64, [2])], [vi("out", F, None)])


# ---------------------------------------------------------------------------
# External data. The tensor "w" has 4 floats (16 bytes).


def external_model(location, offset=None, length=None):
    t = TensorProto()
    t.name, t.data_type = "w", F
    t.dims.extend([4])
    t.data_location = TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", offset), ("length", length)):
        if value is not None:
            entry = t.external_data.add()
            entry.key, entry.value = key, str(value)
    return model([helper.make_node("Add", ["x", "w"], ["out"], name="add")],
                 [vi("x", F, [4])], [vi("out", F, None)], initializers=[t])


def write_weights(path, values=(1.0, 2.0, 3.0, 4.0), prefix=b""):
    with open(path, "wb") as f:
        f.write(prefix + np.asarray(values, dtype=np.float32).tobytes())


def external_case(fn):
    """An external-data case gets the folder of the model as argument."""
    fn.external = True
    return case(fn)


@external_case
def external_ok(folder):
    os.makedirs(os.path.join(folder, "data"), exist_ok=True)
    write_weights(os.path.join(folder, "data", "w.bin"), prefix=b"\0" * 8)
    return external_model("data/w.bin", offset=8, length=16)


@external_case
def external_absolute(folder):
    path = os.path.join(os.path.abspath(folder), "w.bin")
    write_weights(path)
    return external_model(path)


def elsewhere(folder):
    """A folder beside the model's folder, with a name that shares no prefix
    with it."""
    path = os.path.join(os.path.dirname(folder), "elsewhere")
    os.makedirs(path, exist_ok=True)
    return path


@external_case
def external_dotdot(folder):
    write_weights(os.path.join(elsewhere(folder), "w.bin"))
    os.makedirs(os.path.join(folder, "sub"), exist_ok=True)
    return external_model("sub/../../elsewhere/w.bin")


@external_case
def external_symlink(folder):
    """w.bin inside the folder is a symlink to a file outside it."""
    outside = os.path.join(elsewhere(folder), "secret.bin")
    write_weights(outside)
    link = os.path.join(folder, "w.bin")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.join("..", "elsewhere", "secret.bin"), link)
    return external_model("w.bin")


@external_case
def external_symlink_inside(folder):
    """A symlink that stays inside the folder is fine."""
    os.makedirs(os.path.join(folder, "weights"), exist_ok=True)
    write_weights(os.path.join(folder, "weights", "real.bin"))
    link = os.path.join(folder, "w.bin")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.join("weights", "real.bin"), link)
    return external_model("w.bin")


@external_case
def external_missing(folder):
    return external_model("missing.bin")


@external_case
def external_past_end(folder):
    write_weights(os.path.join(folder, "w.bin"))
    return external_model("w.bin", offset=8)


@external_case
def external_offset_outside(folder):
    write_weights(os.path.join(folder, "w.bin"))
    return external_model("w.bin", offset=100)


@external_case
def external_length_mismatch(folder):
    write_weights(os.path.join(folder, "w.bin"))
    return external_model("w.bin", length=12)


@external_case
def external_hard_link(folder):
    write_weights(os.path.join(folder, "w.bin"))
    other = os.path.join(folder, "w-link.bin")
    if os.path.lexists(other):
        os.remove(other)
    os.link(os.path.join(folder, "w.bin"), other)
    return external_model("w.bin")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.exit("usage: make_model.py {%s} OUT.onnx" % "|".join(sorted(CASES)))
    name, out = sys.argv[1], sys.argv[2]
    folder = os.path.dirname(os.path.abspath(out))
    os.makedirs(folder, exist_ok=True)
    fn = CASES[name]
    m = fn(folder) if getattr(fn, "external", False) else fn()
    with open(out, "wb") as f:
        f.write(m.SerializeToString())


if __name__ == "__main__":
    main()
