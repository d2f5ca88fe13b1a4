"""Corpus classes about tensors and operator semantics: tensor data that disagrees with its
dims, bad dims and data types, operators missing at an opset, attribute values out of
range, shapes that disagree, subgraphs with the wrong signature, constant folding that
would explode."""

import numpy as np
from onnx import TensorProto, helper

from corpus_lib import (F, I64, NODE, TENSOR, corpus_class, f32, graph, i64, model, node,
                        raw_tensor, vi)

X23 = [vi("X", [2, 3])]
Y23 = [vi("Y", [2, 3])]
TYPES = [(TensorProto.FLOAT, 4), (TensorProto.INT64, 8), (TensorProto.INT8, 1),
         (TensorProto.FLOAT16, 2), (TensorProto.DOUBLE, 8), (TensorProto.BOOL, 1),
         (TensorProto.UINT32, 4), (TensorProto.INT32, 4)]


def uses(t, dims=(2, 3)):
    """A model that outputs Y = Identity(t) with t an initializer."""
    return model([node("Identity", [t.name], ["Y"], "use_w")], [],
                 [vi("Y", list(dims), t.data_type)], [t])


def const_node(t, name="const"):
    return model([node("Constant", [], ["Y"], name, value=t)], [], [vi("Y", None, t.data_type)])


@corpus_class("raw_data_size", r"raw_data|bytes|need", "raw_data length not dims x element size")
def raw_data_size(c):
    for dt, size in TYPES:
        name = TensorProto.DataType.Name(dt).lower()
        c.add(f"short_{name}", uses(raw_tensor("w", dt, [2, 3], b"\x01" * (6 * size - 1))),
              names=[TENSOR("w")])
        c.add(f"long_{name}", uses(raw_tensor("w", dt, [2, 3], b"\x01" * (6 * size + size))),
              names=[TENSOR("w")])
    c.add("empty_raw", uses(raw_tensor("w", F, [2, 3], b"")), names=[TENSOR("w")])
    c.add("scalar_empty_raw", uses(raw_tensor("w", F, [], b""), dims=[]), names=[TENSOR("w")])
    c.add("zero_dims_with_data", uses(raw_tensor("w", F, [0, 3], b"\0" * 12), dims=[0, 3]),
          names=[TENSOR("w")])
    c.add("constant_node", const_node(raw_tensor("v", F, [4], b"\0" * 3)),
          names=[NODE("const", "Constant")])
    c.add("cof_value", model([node("ConstantOfShape", ["S"], ["Y"], "cof",
                                   value=raw_tensor("v", F, [1], b"\0" * 8))],
                             [], Y23, [i64("S", [2, 3])]), names=[NODE("cof", "ConstantOfShape")])
    c.add("in_subgraph", model(
        [node("If", ["C"], ["Y"], "if_raw",
              then_branch=graph([node("Identity", ["k"], ["o"], "i")], [], [vi("o", [2, 3])],
                                inits=[raw_tensor("k", F, [2, 3], b"\0" * 5)]),
              else_branch=graph([node("Identity", ["X"], ["o2"], "e")], [],
                                [vi("o2", [2, 3])]))],
        [vi("X", [2, 3]), vi("C", [], TensorProto.BOOL)], Y23), names=[TENSOR("k")])
    c.add("huge_dims_small_raw", uses(raw_tensor("w", F, [1 << 28], b"\0" * 16), dims=[1 << 28]),
          names=[TENSOR("w")], problem=r"raw_data|bytes|need|limit")


@corpus_class("typed_data_count", r"values|need|raw_data", "typed data fields of the wrong "
              "length or kind")
def typed_data_count(c):
    t = TensorProto(name="w", data_type=F, dims=[2, 3], float_data=[1.0] * 5)
    c.add("float_5_of_6", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3], float_data=[1.0] * 7)
    c.add("float_7_of_6", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=I64, dims=[2, 3], int64_data=[1] * 100000)
    c.add("int64_many", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=TensorProto.INT8, dims=[2, 3], int32_data=[1] * 200000)
    c.add("int8_many", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3], int64_data=[1] * 6)
    c.add("float_in_int64_field", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3])
    c.add("no_data", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3], double_data=[1.0] * 6)
    c.add("float_in_double_field", uses(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=TensorProto.BOOL, dims=[4], int32_data=[1, 0, 1])
    c.add("bool_3_of_4", uses(t, dims=[4]), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=TensorProto.STRING, dims=[2], string_data=[b"a", b"b"])
    c.add("string_data", uses(t, dims=[2]), names=[TENSOR("w")],
          problem=r"not supported|string|STRING")
    c.ok("int8_out_of_range_values",
         uses(TensorProto(name="w", data_type=TensorProto.INT8, dims=[2], int32_data=[300, -1]),
              dims=[2]), note="int32_data wider than int8 wraps (as onnx.numpy_helper does)")


@corpus_class("dims_negative", r"negative|dim", "negative tensor dims")
def dims_negative(c):
    for i, dims in enumerate([[-1], [2, -3], [-(1 << 62), 2], [-(1 << 63)], [3, 0, -1]]):
        c.add(f"init{i}", uses(raw_tensor("w", F, dims, b"")), names=[TENSOR("w")])
    c.add("constant", const_node(raw_tensor("v", F, [-4], b"")), names=[NODE("const", "Constant")])
    c.add("cof_shape_negative", model([node("ConstantOfShape", ["S"], ["Y"], "cof")], [], Y23,
                                      [i64("S", [2, -3])]),
          names=[NODE("cof", "ConstantOfShape")])
    c.add("reshape_negative", model([node("Reshape", ["X", "S"], ["Y"], "rs")], X23, Y23,
                                    [i64("S", [-2, 3])]), names=[NODE("rs", "Reshape")],
          problem=r"negative|dim|-1|invalid|shape")
    c.add("expand_negative", model([node("Expand", ["X", "S"], ["Y"], "ex")], X23, Y23,
                                   [i64("S", [-2, 3])]), names=[NODE("ex", "Expand")],
          problem=r"negative|dim|invalid|shape|broadcast")


@corpus_class("dims_zero", "", "zero-sized tensors: valid, must compile")
def dims_zero(c):
    c.ok("init_0x3", uses(raw_tensor("w", F, [0, 3], b""), dims=[0, 3]))
    c.ok("init_3x0x2", uses(raw_tensor("w", F, [3, 0, 2], b""), dims=[3, 0, 2]))
    c.ok("concat_empty", model([node("Concat", ["X", "E"], ["Y"], "cat", axis=0)], X23, Y23,
                               [raw_tensor("E", F, [0, 3], b"")]))
    c.ok("add_empty_input", model([node("Add", ["X", "X"], ["Y"], "add")], [vi("X", [0, 3])],
                                  [vi("Y", [0, 3])]))
    c.ok("relu_zero_input", model([node("Relu", ["X"], ["Y"], "relu")], [vi("X", [4, 0])],
                                  [vi("Y", [4, 0])]))
    c.ok("typed_empty", uses(TensorProto(name="w", data_type=I64, dims=[0]), dims=[0]))
    c.any("matmul_k0", model([node("MatMul", ["X", "W"], ["Y"], "mm")], [vi("X", [2, 0])],
                             [vi("Y", [2, 3])], [raw_tensor("W", F, [0, 3], b"")]))
    c.any("reduce_empty", model([node("ReduceSum", ["X"], ["Y"], "rs", keepdims=0)],
                                [vi("X", [0, 3])], [vi("Y", [])]))


@corpus_class("dims_huge", r"overflow|too large|limit|bytes|need|large", "huge dims and "
              "element counts that overflow")
def dims_huge(c):
    for i, dims in enumerate([[1 << 31, 1 << 31, 4], [1 << 62, 4], [(1 << 63) - 1, 2],
                              [1 << 32, 1 << 32], [3, 1 << 61], [1 << 40]]):
        c.add(f"init{i}", uses(raw_tensor("w", F, dims, b"\0" * 16), dims=dims),
              names=[TENSOR("w")])
    c.add("int64_elem_overflow", uses(raw_tensor("w", I64, [1 << 61], b""), dims=[1 << 61]),
          names=[TENSOR("w")])
    c.add("constant", const_node(raw_tensor("v", F, [1 << 62, 8], b"")),
          names=[NODE("const", "Constant")])
    # Graph inputs with huge or overflowing dims: no weights, but every size computed from
    # them must be checked too.
    for i, dims in enumerate([[1 << 62, 1 << 62], [(1 << 63) - 1], [1 << 40, 1 << 40, 1 << 40]]):
        c.any(f"input{i}", model([node("Relu", ["X"], ["Y"], "relu")], [vi("X", dims)],
                                 [vi("Y", dims)]), note="refusing is fine, crashing is not")
    c.any("input_matmul_huge", model([node("MatMul", ["X", "X"], ["Y"], "mm")],
                                     [vi("X", [1 << 40, 1 << 40])], [vi("Y", None)]))
    c.any("reshape_to_huge", model([node("Reshape", ["X", "S"], ["Y"], "rs")], X23, [vi("Y", None)],
                                   [i64("S", [1 << 62, 1 << 62])]))
    # Element counts that wrap around to 0 (2^32 * 2^32) or to a small number.
    empty = raw_tensor("Z", F, [0], b"")
    for i, dims in enumerate([[1 << 32, 1 << 32], [1 << 62, 4], [3, 1 << 62, 0],
                              [-1, 1 << 32, 1 << 32]]):
        c.any(f"reshape_wraps{i}", model([node("Reshape", ["Z", "S"], ["Y"], "rs")], [],
                                         [vi("Y", None)], [empty, i64("S", dims)]))
        c.any(f"expand_wraps{i}", model([node("Expand", ["Z", "S"], ["Y"], "ex")], [],
                                        [vi("Y", None)], [empty, i64("S", dims)]))
        c.any(f"cof_wraps{i}", model([node("ConstantOfShape", ["S"], ["Y"], "cof")], [],
                                     [vi("Y", None)], [i64("S", dims)]))
    c.any("tile_wraps", model([node("Tile", ["k", "r"], ["Y"], "tile")], [], [vi("Y", None)],
                              [f32("k", np.ones((2, 2))), i64("r", [1 << 62, 1 << 62])]))
    c.any("concat_wraps", model([node("Concat", ["X", "X"], ["Y"], "cat", axis=0)],
                                [vi("X", [(1 << 62) + 1, 2])], [vi("Y", None)]))
    c.any("cof_huge", model([node("ConstantOfShape", ["S"], ["Y"], "cof")], [], [vi("Y", None)],
                            [i64("S", [1 << 40, 1 << 40])]))


@corpus_class("dtype_codes", r"data_type|element type|not supported|invalid|type",
              "wrong or unsupported data_type codes")
def dtype_codes(c):
    for code in (0, 8, 14, 15, 99, -1, 1 << 30, (1 << 31) - 1):
        t = TensorProto(name="w", data_type=code, dims=[2])
        t.raw_data = b"\0" * 8
        c.add(f"init_{code}", model([node("Identity", ["w"], ["Y"], "id")], [],
                                    [vi("Y", [2])], [t]), names=[TENSOR("w")])
    # Float8, int4/uint4, float4 and int2/uint2 (one byte, or packed): supported or refused
    # cleanly, with raw data of the right size.
    for code, nbytes in ((17, 2), (18, 2), (19, 2), (20, 2), (21, 1), (22, 1), (23, 1),
                         (24, 2), (25, 1), (26, 1)):
        t = TensorProto(name="w", data_type=code, dims=[2])
        t.raw_data = b"\x11" * nbytes
        c.any(f"init_{code}", model([node("Identity", ["w"], ["Y"], "id")], [],
                                    [vi("Y", [2], code)], [t]))
    for code in (0, 8, 99, 1 << 20):
        c.add(f"cast_to_{code}", model([node("Cast", ["X"], ["Y"], "cast", to=code)], X23, Y23),
              names=[NODE("cast", "Cast")])
    c.add("cast_to_name_bogus", model([node("Cast", ["X"], ["Y"], "cast", to="NOPE")], X23,
                                      Y23), names=[NODE("cast", "Cast")])
    t = TensorProto(name="v", data_type=99, dims=[1])
    t.raw_data = b"\0" * 4
    c.add("cof_value_type", model([node("ConstantOfShape", ["S"], ["Y"], "cof", value=t)], [],
                                  Y23, [i64("S", [2, 3])]), names=[NODE("cof", "ConstantOfShape")])
    c.add("no_data_type", model([node("Identity", ["w"], ["Y"], "id")], [], [vi("Y", [2])],
                                [TensorProto(name="w", dims=[2], float_data=[1, 2])]),
          names=[TENSOR("w")])
    # Operands of types the op does not take.
    c.add("relu_on_bool", model([node("Relu", ["X"], ["Y"], "relu")],
                                [vi("X", [2], TensorProto.BOOL)], [vi("Y", [2], 9)]),
          names=[NODE("relu", "Relu")], problem=r"type|bool|i1|must be|expect|operand")
    c.add("add_mixed", model([node("Add", ["X", "Z"], ["Y"], "add")],
                             [vi("X", [2]), vi("Z", [2], I64)], [vi("Y", [2])]),
          names=[NODE("add", "Add")], problem=r"type|same|mismatch|expect|operand")


@corpus_class("op_missing_at_opset", r"unsupported", "operators used before the opset that "
              "introduced them")
def op_missing_at_opset(c):
    for op, opset, ins in [("Gelu", 17, 1), ("HardSwish", 13, 1), ("CastLike", 14, 2),
                           ("Range", 10, 3), ("Erf", 8, 1), ("Mod", 9, 2), ("Sign", 8, 1),
                           ("Round", 10, 1), ("LayerNormalization", 16, 1), ("Expand", 7, 2),
                           ("GreaterOrEqual", 11, 2), ("Tile", 5, 2)]:
        n = node(op, ["X"] * ins, ["Y"], f"{op.lower()}_node")
        c.add(f"{op}_at_{opset}", model([n], X23, Y23, opset=opset),
              names=[NODE(f"{op.lower()}_node", op), f"opset {opset}"])


@corpus_class("conv_attrs", r"strides|dilations|pads|kernel|group|must|positive|expected|"
              r"dims|rank|has \d", "Conv and pooling attributes of the wrong length or <= 0")
def conv_attrs(c):
    X = [vi("X", [1, 4, 8, 8])]
    W = f32("W", np.ones((4, 4, 3, 3)))
    Y = [vi("Y", None)]
    conv = dict(strides=[1, 1], dilations=[1, 1], pads=[0, 0, 0, 0], kernel_shape=[3, 3],
                group=1)
    bad = [("strides", [1]), ("strides", [1, 1, 1]), ("strides", [0, 1]), ("strides", [-1, 1]),
           ("dilations", [1]), ("dilations", [0, 1]), ("dilations", [1, -2]),
           ("pads", [1, 1]), ("pads", [0, 0, 0]), ("pads", [-1, 0, 0, 0]),
           ("kernel_shape", [3]), ("kernel_shape", [0, 3]), ("kernel_shape", [-3, 3]),
           ("kernel_shape", [5, 5]), ("group", 0), ("group", 3), ("group", -1),
           ("dilations", [1 << 61, 1])]
    for i, (key, value) in enumerate(bad):
        attrs = dict(conv, **{key: value})
        c.add(f"conv_{key}_{i}", model([node("Conv", ["X", "W"], ["Y"], "conv", **attrs)], X, Y,
                                       [W]), names=[NODE("conv", "Conv")])
    c.any("conv_strides_huge", model([node("Conv", ["X", "W"], ["Y"], "conv",
                                           strides=[1 << 62, 1])], X, Y, [W]),
          note="valid: one output row")
    c.add("conv_auto_pad_bogus", model([node("Conv", ["X", "W"], ["Y"], "conv",
                                             auto_pad="SIDEWAYS")], X, Y, [W]),
          names=[NODE("conv", "Conv")], problem=r"auto_pad")
    c.add("conv_kernel_bigger_than_input", model(
        [node("Conv", ["X", "W"], ["Y"], "conv")], [vi("X", [1, 4, 2, 2])], Y, [W]),
        names=[NODE("conv", "Conv")], problem=r"kernel|size|smaller|larger|empty|negative|dims")
    for key, value in [("strides", [0, 1]), ("kernel_shape", [2]), ("pads", [1, 1]),
                       ("kernel_shape", [0, 2]), ("dilations", [0, 1])]:
        attrs = dict(dict(kernel_shape=[2, 2]), **{key: value})
        for op in ("MaxPool", "AveragePool"):
            c.add(f"{op}_{key}_{value[0]}_{len(value)}",
                  model([node(op, ["X"], ["Y"], "pool", **attrs)], X, Y),
                  names=[NODE("pool", op)])
    c.add("maxpool_no_kernel", model([node("MaxPool", ["X"], ["Y"], "pool")], X, Y),
          names=[NODE("pool", "MaxPool")], problem=r"kernel")
    c.add("convtranspose_strides", model([node("ConvTranspose", ["X", "W"], ["Y"], "ct",
                                               strides=[0, 0])], X, Y, [W]),
          names=[NODE("ct", "ConvTranspose")])
    c.add("convtranspose_output_padding", model(
        [node("ConvTranspose", ["X", "W"], ["Y"], "ct", output_padding=[5, 5, 5])], X, Y, [W]),
        names=[NODE("ct", "ConvTranspose")], problem=r"output_padding|pad|dims|has \d|must")


@corpus_class("split_sizes", r"split|sum|size|output|negative", "Split sizes that do not add up")
def split_sizes(c):
    X = [vi("X", [4, 6])]
    for i, (sizes, outs) in enumerate([([2, 3], 2), ([4, 4], 2), ([-1, 7], 2), ([0, 0, 7], 3),
                                       ([6], 2), ([1, 1, 1, 1], 3)]):
        c.add(f"input_{i}", model([node("Split", ["X", "s"], [f"y{k}" for k in range(outs)],
                                        "split", axis=1)], X, [vi("y0", None)],
                                  [i64("s", sizes)]), names=[NODE("split", "Split")])
        c.add(f"attr_{i}", model([node("Split", ["X"], [f"y{k}" for k in range(outs)], "split",
                                       axis=1, split=sizes)], X, [vi("y0", None)], opset=11),
              names=[NODE("split", "Split")])
    c.add("num_outputs_zero", model([node("Split", ["X"], ["y0"], "split", axis=1,
                                          num_outputs=0)], X, [vi("y0", None)], opset=18),
          names=[NODE("split", "Split")], problem=r"num_outputs|output|positive")
    c.add("num_outputs_mismatch", model([node("Split", ["X"], ["y0", "y1"], "split", axis=1,
                                              num_outputs=3)], X, [vi("y0", None)], opset=18),
          names=[NODE("split", "Split")], problem=r"num_outputs|output")
    c.any("more_outputs_than_dim", model([node("Split", ["X"], [f"y{k}" for k in range(7)],
                                               "split", axis=1)], X, [vi("y0", None)]))
    c.ok("zero_sizes_control", model([node("Split", ["X", "s"], ["y0", "y1", "y2"], "split",
                                           axis=1)], X, [vi("y0", None)], [i64("s", [0, 0, 6])]))


@corpus_class("axis_out_of_range", r"axis|axes|perm|out of range|range|rank|invalid",
              "axis attributes outside the rank")
def axis_out_of_range(c):
    X = [vi("X", [2, 3, 4])]
    Y = [vi("Y", None)]
    cases = [
        ("concat", "Concat", ["X", "X"], dict(axis=3)),
        ("concat_neg", "Concat", ["X", "X"], dict(axis=-4)),
        ("softmax", "Softmax", ["X"], dict(axis=3)),
        ("softmax_neg", "Softmax", ["X"], dict(axis=-4)),
        ("logsoftmax", "LogSoftmax", ["X"], dict(axis=7)),
        ("gather", "Gather", ["X", "idx"], dict(axis=3)),
        ("gather_neg", "Gather", ["X", "idx"], dict(axis=-9)),
        ("flatten", "Flatten", ["X"], dict(axis=4)),
        ("flatten_neg", "Flatten", ["X"], dict(axis=-4)),
        ("argmax", "ArgMax", ["X"], dict(axis=3)),
        ("argmin_neg", "ArgMin", ["X"], dict(axis=-5)),
        ("transpose_range", "Transpose", ["X"], dict(perm=[0, 1, 3])),
        ("transpose_dup", "Transpose", ["X"], dict(perm=[0, 0, 1])),
        ("transpose_short", "Transpose", ["X"], dict(perm=[1, 0])),
        ("transpose_neg", "Transpose", ["X"], dict(perm=[-1, 0, 1])),
        ("layernorm", "LayerNormalization", ["X", "sc"], dict(axis=3)),
        ("split", "Split", ["X"], dict(axis=5)),
        ("axis_huge", "Softmax", ["X"], dict(axis=1 << 62)),
        ("axis_min", "Concat", ["X", "X"], dict(axis=-(1 << 63))),
        ("reduce_attr", "ReduceSum", ["X"], dict(axes=[3])),
    ]
    inits = [i64("idx", [0, 1]), f32("sc", np.ones(4))]
    for name, op, ins, attrs in cases:
        opset = 11 if name == "reduce_attr" else 17
        c.add(name, model([node(op, ins, ["Y"], name, **attrs)], X, Y, inits, opset=opset),
              names=[NODE(name, op)])
    for name, op, axes in [("squeeze", "Squeeze", [3]), ("squeeze_neg", "Squeeze", [-4]),
                           ("unsqueeze", "Unsqueeze", [5]), ("unsqueeze_dup", "Unsqueeze",
                                                             [0, 0]),
                           ("reduce_input", "ReduceSum", [3]), ("reduce_neg", "ReduceMax", [-4])]:
        opset = 18 if op.startswith("Reduce") else 13
        c.add(name, model([node(op, ["X", "axes"], ["Y"], name)], X, Y, [i64("axes", axes)],
                          opset=opset), names=[NODE(name, op)],
              problem=r"axis|axes|range|rank|duplicate|squeeze|dimension|size 1")
    c.any("reduce_dup", model([node("ReduceMean", ["X", "axes"], ["Y"], "reduce_dup")], X, Y,
                              [i64("axes", [1, 1])], opset=18), note="duplicate axes")
    c.add("squeeze_not_one", model([node("Squeeze", ["X", "axes"], ["Y"], "sq")], X, Y,
                                   [i64("axes", [1])], opset=13), names=[NODE("sq", "Squeeze")],
          problem=r"squeeze|size|1|dimension")


@corpus_class("gather_indices", r"indices|index|out of range|bounds|range",
              "constant Gather indices outside the data")
def gather_indices(c):
    X = [vi("X", [4, 3])]
    for i, (idx, axis) in enumerate([([4], 0), ([0, 7], 0), ([-5], 0), ([3], 1), ([-4], 1),
                                     ([1 << 40], 0), ([-(1 << 62)], 0)]):
        c.add(f"gather{i}", model([node("Gather", ["X", "idx"], ["Y"], "gather", axis=axis)], X,
                                  [vi("Y", None)], [i64("idx", idx)]),
              names=[NODE("gather", "Gather")])
    # Both data and indices constant (a folder would read out of bounds).
    c.add("folded", model([node("Gather", ["D", "idx"], ["Y"], "gather_const")], [],
                          [vi("Y", None)], [f32("D", [1.0, 2.0, 3.0]), i64("idx", [3])]),
          names=[NODE("gather_const", "Gather")])
    c.add("shape_gather", model([node("Shape", ["X"], ["s"], "shape"),
                                 node("Gather", ["s", "idx"], ["Y"], "gather_shape")], X,
                                [vi("Y", None, I64)], [i64("idx", [2])]),
          names=[NODE("gather_shape", "Gather")])
    c.ok("in_range_control", model([node("Gather", ["X", "idx"], ["Y"], "gather")], X,
                                   [vi("Y", [2, 3])], [i64("idx", [3, -4])]))


@corpus_class("weight_shape", r"weight|channel|kernel|shape|dims|rank|match|has \d|expected|"
              r"bias|group|dimension|differ|broadcast",
              "initializer shapes that disagree with the attributes or input")
def weight_shape(c):
    X = [vi("X", [1, 4, 8, 8])]
    Y = [vi("Y", None)]
    for i, (wshape, attrs, extra) in enumerate([
            ((4, 4, 3, 3), dict(kernel_shape=[5, 5]), []),
            ((4, 4, 3, 3), dict(kernel_shape=[3, 3, 3]), []),
            ((4, 3, 3, 3), {}, []),                         # channels 3, input has 4
            ((4, 4, 3), {}, []),                            # rank 3 weight, rank 4 input
            ((4, 4, 3, 3, 3), {}, []),
            ((4, 2, 3, 3), dict(group=1), []),
            ((3, 2, 3, 3), dict(group=2), []),              # 3 filters, not divisible by 2
            ((4, 4, 3, 3), {}, [f32("B", np.ones(5))]),     # bias of 5 for 4 filters
            ((4, 4, 3, 3), {}, [f32("B", np.ones((2, 2)))]),
            ((4, 4), {}, [])]):
        ins = ["X", "W"] + (["B"] if extra else [])
        c.add(f"conv{i}", model([node("Conv", ins, ["Y"], "conv", **attrs)], X, Y,
                                [f32("W", np.ones(wshape))] + extra),
              names=[NODE("conv", "Conv")])
    A = [vi("A", [2, 3])]
    for i, (bshape, attrs, cshape) in enumerate([
            ((4, 3), {}, None), ((3, 4), dict(transB=1), None), ((3, 3), dict(transA=1), None),
            ((3, 4), {}, (3,)), ((3, 4), {}, (2, 3)), ((3,), {}, None), ((3, 4, 1), {}, None)]):
        ins = ["A", "B"] + (["C"] if cshape else [])
        inits = [f32("B", np.ones(bshape))] + ([f32("C", np.ones(cshape))] if cshape else [])
        c.add(f"gemm{i}", model([node("Gemm", ins, ["Y"], "gemm", **attrs)], A, Y, inits),
              names=[NODE("gemm", "Gemm")])
    c.add("matmul", model([node("MatMul", ["A", "B"], ["Y"], "mm")], A, Y,
                          [f32("B", np.ones((4, 2)))]), names=[NODE("mm", "MatMul")])
    c.add("matmul_batch", model([node("MatMul", ["A", "B"], ["Y"], "mm")],
                                [vi("A", [2, 2, 3])], Y, [f32("B", np.ones((3, 3, 4)))]),
          names=[NODE("mm", "MatMul")])
    c.add("bn_scale", model([node("BatchNormalization", ["X", "s", "b", "m", "v"], ["Y"], "bn")],
                            X, Y, [f32("s", np.ones(3)), f32("b", np.ones(4)),
                                   f32("m", np.ones(4)), f32("v", np.ones(4))]),
          names=[NODE("bn", "BatchNormalization")])
    c.add("prelu_slope", model([node("PRelu", ["X", "s"], ["Y"], "prelu")], X, Y,
                               [f32("s", np.ones(5))]), names=[NODE("prelu", "PRelu")],
          problem=r"broadcast|shape|compatible|slope")
    c.add("layernorm_scale", model([node("LayerNormalization", ["X", "s"], ["Y"], "ln")], X, Y,
                                   [f32("s", np.ones(7))]),
          names=[NODE("ln", "LayerNormalization")], problem=r"scale|shape|broadcast|normaliz")


@corpus_class("shape_mismatch", r"broadcast|shape|dims|dimension|mismatch|compatible|match|"
              r"element|size|rank", "operand shapes that disagree")
def shape_mismatch(c):
    c.add("add", model([node("Add", ["X", "Z"], ["Y"], "add")], [vi("X", [2, 3]),
                                                               vi("Z", [2, 4])], [vi("Y", None)]),
          names=[NODE("add", "Add")])
    c.add("where", model([node("Where", ["C", "X", "Z"], ["Y"], "where")],
                         [vi("C", [5], TensorProto.BOOL), vi("X", [2, 3]), vi("Z", [2, 3])],
                         [vi("Y", None)]), names=[NODE("where", "Where")])
    c.add("concat", model([node("Concat", ["X", "Z"], ["Y"], "cat", axis=0)],
                          [vi("X", [2, 3]), vi("Z", [2, 4])], [vi("Y", None)]),
          names=[NODE("cat", "Concat")])
    c.add("concat_rank", model([node("Concat", ["X", "Z"], ["Y"], "cat", axis=0)],
                               [vi("X", [2, 3]), vi("Z", [2, 3, 1])], [vi("Y", None)]),
          names=[NODE("cat", "Concat")])
    for i, shape in enumerate([[7], [4, 4], [-1, -1], [0, 7], [-1, 5], [2, -2]]):
        c.add(f"reshape{i}", model([node("Reshape", ["X", "S"], ["Y"], "rs")], X23,
                                   [vi("Y", None)], [i64("S", shape)]),
              names=[NODE("rs", "Reshape")], problem=r"reshape|shape|element|-1|dim|invalid")
    c.add("expand", model([node("Expand", ["X", "S"], ["Y"], "ex")], X23, [vi("Y", None)],
                          [i64("S", [5, 3])]), names=[NODE("ex", "Expand")])
    c.add("tile_repeats_len", model([node("Tile", ["X", "r"], ["Y"], "tile")], X23,
                                    [vi("Y", None)], [i64("r", [2])]),
          names=[NODE("tile", "Tile")], problem=r"repeats|rank|length|size|shape")
    c.add("tile_negative", model([node("Tile", ["X", "r"], ["Y"], "tile")], X23,
                                 [vi("Y", None)], [i64("r", [2, -1])]),
          names=[NODE("tile", "Tile")], problem=r"repeats|negative")
    c.add("pad_length", model([node("Pad", ["X", "p"], ["Y"], "pad")], X23, [vi("Y", None)],
                              [i64("p", [1, 1, 1])]), names=[NODE("pad", "Pad")],
          problem=r"pads|length|rank|size")
    c.add("pad_crop_too_much", model([node("Pad", ["X", "p"], ["Y"], "pad")], X23,
                                     [vi("Y", None)], [i64("p", [-2, 0, -1, 0])]),
          names=[NODE("pad", "Pad")], problem=r"pads|negative|size|dimension|crop")
    c.add("slice_step_zero", model([node("Slice", ["X", "s", "e", "a", "st"], ["Y"], "slice")],
                                   X23, [vi("Y", None)],
                                   [i64("s", [0]), i64("e", [2]), i64("a", [0]),
                                    i64("st", [0])]), names=[NODE("slice", "Slice")],
          problem=r"step|zero|0")
    c.add("slice_lengths", model([node("Slice", ["X", "s", "e"], ["Y"], "slice")], X23,
                                 [vi("Y", None)], [i64("s", [0, 0]), i64("e", [1])]),
          names=[NODE("slice", "Slice")], problem=r"starts|ends|length|size|same")
    c.add("slice_axes_range", model([node("Slice", ["X", "s", "e", "a"], ["Y"], "slice")], X23,
                                    [vi("Y", None)], [i64("s", [0]), i64("e", [1]),
                                                      i64("a", [5])]),
          names=[NODE("slice", "Slice")], problem=r"axes|axis|range|rank")
    c.add("range_delta_zero", model([node("Range", ["a", "b", "d"], ["Y"], "range")], [],
                                    [vi("Y", None)], [i64("a", 0), i64("b", 10), i64("d", 0)]),
          names=[NODE("range", "Range")], problem=r"delta|zero|0")


@corpus_class("subgraph_signature", r"output|input|result|yield|branch|body|expected|has \d|"
              r"number|count|type", "If/Loop/Scan bodies with the wrong number of inputs or "
              "outputs")
def subgraph_signature(c):
    XC = [vi("X", [2, 3]), vi("C", [], TensorProto.BOOL)]
    one = graph([node("Identity", ["X"], ["o"], "t1")], [], [vi("o", [2, 3])], name="one")
    two = graph([node("Identity", ["X"], ["o"], "t1"), node("Neg", ["X"], ["p"], "t2")], [],
                [vi("o", [2, 3]), vi("p", [2, 3])], name="two")
    none = graph([], [], [], name="none")
    for name, then, els, outs in [("then_two", two, one, ["Y"]), ("else_two", one, two, ["Y"]),
                                  ("both_two_node_one", two, two, ["Y"]),
                                  ("both_one_node_two", one, one, ["Y", "Z"]),
                                  ("empty_branches", none, none, ["Y"])]:
        c.add(name, model([node("If", ["C"], outs, "if_bad", then_branch=then, else_branch=els)],
                          XC, [vi("Y", [2, 3])]), names=[NODE("if_bad", "If")])
    c.add("if_branch_with_inputs", model(
        [node("If", ["C"], ["Y"], "if_in",
              then_branch=graph([node("Identity", ["a"], ["o"], "t")], [vi("a", [2, 3])],
                                [vi("o", [2, 3])]), else_branch=one)], XC, [vi("Y", [2, 3])]),
        names=[NODE("if_in", "If")])
    c.add("if_branch_types", model(
        [node("If", ["C"], ["Y"], "if_ty",
              then_branch=graph([node("Cast", ["X"], ["o"], "t", to=TensorProto.INT64)], [],
                                [vi("o", [2, 3], I64)]), else_branch=one)],
        XC, [vi("Y", [2, 3])]), names=[NODE("if_ty", "If")],
        problem=r"type|branch|element|result|yield|match")
    c.add("if_cond_not_bool", model([node("If", ["X"], ["Y"], "if_cond", then_branch=one,
                                          else_branch=one)], XC, [vi("Y", [2, 3])]),
          names=[NODE("if_cond", "If")], problem=r"cond|bool|i1|type|element|scalar")
    c.add("if_cond_vector", model([node("If", ["C"], ["Y"], "if_cond", then_branch=one,
                                        else_branch=one)],
                                  [vi("X", [2, 3]), vi("C", [3], TensorProto.BOOL)],
                                  [vi("Y", [2, 3])]), names=[NODE("if_cond", "If")],
          problem=r"cond|scalar|element|rank|single|one")
    IB = [vi("i", [], I64), vi("c", [], TensorProto.BOOL)]
    body_ok_in = IB + [vi("v", [2, 3])]
    loop_in = [vi("X", [2, 3]), vi("M", [], I64), vi("C", [], TensorProto.BOOL)]
    for name, body, outs in [
            ("loop_body_no_cond_out", graph([node("Identity", ["v"], ["vo"], "b")], body_ok_in,
                                            [vi("vo", [2, 3])]), ["Y"]),
            ("loop_body_extra_out", graph([node("Identity", ["c"], ["co"], "b1"),
                                           node("Identity", ["v"], ["vo"], "b2")], body_ok_in,
                                          [vi("co", [], TensorProto.BOOL), vi("vo", [2, 3]),
                                           vi("vo", [2, 3]), vi("c", [], TensorProto.BOOL)]),
             ["Y"]),
            ("loop_body_missing_in", graph([node("Identity", ["c"], ["co"], "b1")], IB,
                                           [vi("co", [], TensorProto.BOOL)]), ["Y"]),
            ("loop_body_extra_in", graph([node("Identity", ["c"], ["co"], "b1"),
                                          node("Identity", ["v"], ["vo"], "b2")],
                                         body_ok_in + [vi("w", [2, 3])],
                                         [vi("co", [], TensorProto.BOOL), vi("vo", [2, 3])]),
             ["Y"]),
            ("loop_too_many_node_outputs", graph([node("Identity", ["c"], ["co"], "b1"),
                                                  node("Identity", ["v"], ["vo"], "b2")],
                                                 body_ok_in,
                                                 [vi("co", [], TensorProto.BOOL),
                                                  vi("vo", [2, 3])]), ["Y", "Z", "W"]),
            ("loop_body_empty", graph([], [], []), ["Y"])]:
        c.add(name, model([node("Loop", ["M", "C", "X"], outs, "loop_bad", body=body)], loop_in,
                          [vi("Y", [2, 3])]), names=[NODE("loop_bad", "Loop")])
    c.add("loop_cond_out_float", model(
        [node("Loop", ["M", "C", "X"], ["Y"], "loop_bad",
              body=graph([node("Identity", ["v"], ["vo"], "b2")], body_ok_in,
                         [vi("vo", [2, 3]), vi("vo", [2, 3])]))], loop_in, [vi("Y", [2, 3])]),
        names=[NODE("loop_bad", "Loop")], problem=r"cond|bool|i1|type|condition")
    sbody = graph([node("Add", ["s", "x"], ["so"], "b"), node("Identity", ["so"], ["y"], "b2")],
                  [vi("s", [3]), vi("x", [3])], [vi("so", [3]), vi("y", [3])])
    for name, ins, outs, n in [("scan_too_many_scan_inputs", ["S0", "X"], ["F", "Y"], 3),
                               ("scan_num_zero", ["S0", "X"], ["F", "Y"], 0),
                               ("scan_body_outputs", ["S0", "X"], ["F"], 1)]:
        c.add(name, model([node("Scan", ins, outs, "scan_bad", body=sbody, num_scan_inputs=n)],
                          [vi("S0", [3]), vi("X", [4, 3])], [vi("F", [3])]),
              names=[NODE("scan_bad", "Scan")], problem=r"scan|output|input|body|num_scan")


@corpus_class("fold_bomb", ".", "constant computations whose results would be huge: must stay "
              "within time and memory (compile or refuse)")
def fold_bomb(c):
    big = [i64("S", [1 << 15, 1 << 15])]
    c.any("cof_add", model([node("ConstantOfShape", ["S"], ["a"], "cof",
                                 value=helper.make_tensor("v", F, [1], [1.0])),
                            node("Add", ["a", "a"], ["Y"], "add")], [], [vi("Y", None)], big))
    c.any("cof_relu", model([node("ConstantOfShape", ["S"], ["a"], "cof",
                                  value=helper.make_tensor("v", F, [1], [1.0])),
                             node("Relu", ["a"], ["Y"], "relu")], [], [vi("Y", None)], big))
    c.any("range_huge", model([node("Range", ["a", "b", "d"], ["Y"], "range")], [],
                              [vi("Y", None)], [i64("a", 0), i64("b", 1 << 40), i64("d", 1)]))
    c.any("range_mul", model([node("Range", ["a", "b", "d"], ["r"], "range"),
                              node("Mul", ["r", "r"], ["Y"], "mul")], [], [vi("Y", None)],
                             [i64("a", 0), i64("b", 1 << 28), i64("d", 1)]))
    c.any("expand_const", model([node("Expand", ["k", "S"], ["e"], "expand"),
                                 node("Neg", ["e"], ["Y"], "neg")], [], [vi("Y", None)],
                                [f32("k", [1.0])] + big))
    c.any("tile_const", model([node("Tile", ["k", "r"], ["t"], "tile"),
                               node("Abs", ["t"], ["Y"], "abs")], [], [vi("Y", None)],
                              [f32("k", np.ones((2, 2))), i64("r", [1 << 14, 1 << 14])]))
    c.any("concat_self", model([node("Concat", ["e", "e"], ["Y"], "cat", axis=0),
                                node("Expand", ["k", "S"], ["e"], "expand")], [],
                               [vi("Y", None)], [f32("k", [1.0])] + big))
    c.any("transpose_const", model([node("Expand", ["k", "S"], ["e"], "expand"),
                                    node("Transpose", ["e"], ["Y"], "tr")], [],
                                   [vi("Y", None)], [f32("k", [1.0])] + big))
    c.any("cast_const", model([node("ConstantOfShape", ["S"], ["a"], "cof",
                                    value=helper.make_tensor("v", F, [1], [1.0])),
                               node("Cast", ["a"], ["Y"], "cast", to=TensorProto.DOUBLE)], [],
                              [vi("Y", None)], big))
    c.any("reshape_const", model([node("ConstantOfShape", ["S"], ["a"], "cof",
                                       value=helper.make_tensor("v", F, [1], [1.0])),
                                  node("Reshape", ["a", "s2"], ["Y"], "rs")], [],
                                 [vi("Y", None)], big + [i64("s2", [-1])]))
