"""Small valid models: seeds of the importer fuzz target (tools/fuzz/run-fuzzer.sh) and the
valid controls of the corpus. One model per operator family, with attributes, initializers
in raw and typed form, subgraphs and several opsets, so that mutations reach far."""

from pathlib import Path

import numpy as np
from onnx import TensorProto, helper

from classes_files import nested_if
from corpus_lib import F, I64, f32, graph, i64, model, node, valid_models, vi


def seed_models():
    rng = np.random.default_rng(7)
    X4 = [vi("X", [1, 3, 6, 6])]
    X23 = [vi("X", [2, 3])]
    out = [vi("Y", None)]
    s = dict(valid_models())
    s["nested_if"] = nested_if(2)
    unary = ["Abs", "Ceil", "Cos", "Erf", "Exp", "Floor", "Log", "Neg", "Reciprocal", "Relu",
             "Sigmoid", "Sin", "Softplus", "Softsign", "Sqrt", "Tanh", "Identity"]
    s["unary_chain"] = model([node(op, [f"t{i}"], [f"t{i + 1}"], f"u{i}")
                              for i, op in enumerate(unary)], [vi("t0", [2, 3])],
                             [vi(f"t{len(unary)}", [2, 3])])
    s["binary"] = model([node("Add", ["X", "b"], ["a"], "add"), node("Sub", ["a", "X"], ["s"], "sub"),
                         node("Mul", ["s", "b"], ["m"], "mul"), node("Div", ["m", "b"], ["d"], "div"),
                         node("Pow", ["d", "b"], ["p"], "pow"), node("Max", ["p", "X", "a"], ["Y"], "max")],
                        X23, out, [f32("b", [1.0, 2.0, 3.0])])
    s["compare_where"] = model([node("Greater", ["X", "z"], ["c"], "gt"),
                                node("Where", ["c", "X", "z"], ["Y"], "where")], X23, out,
                               [f32("z", [[0.0]])])
    s["pool"] = model([node("MaxPool", ["X"], ["a"], "mp", kernel_shape=[2, 2], strides=[2, 2]),
                       node("AveragePool", ["X"], ["b"], "ap", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
                       node("GlobalAveragePool", ["a"], ["Y"], "gap")], X4, out)
    s["bn"] = model([node("BatchNormalization", ["X", "s", "b", "m", "v"], ["Y"], "bn")], X4, out,
                    [f32("s", np.ones(3)), f32("b", np.zeros(3)), f32("m", np.zeros(3)),
                     f32("v", np.ones(3))])
    s["convtranspose"] = model([node("ConvTranspose", ["X", "w"], ["Y"], "ct", strides=[2, 2])],
                               X4, out, [f32("w", rng.standard_normal((3, 2, 3, 3)))])
    s["layernorm"] = model([node("LayerNormalization", ["X", "g", "b"], ["Y"], "ln", axis=-1)],
                           X23, out, [f32("g", np.ones(3)), f32("b", np.zeros(3))])
    s["reduce"] = model([node("ReduceSum", ["X", "ax"], ["a"], "rs", keepdims=1),
                         node("ReduceMean", ["X"], ["b"], "rm", axes=[0], keepdims=0),
                         node("ArgMax", ["X"], ["Y"], "am", axis=1)], X23, out,
                        [i64("ax", [1])], opsets=[("", 13)])
    s["shape_ops"] = model([node("Shape", ["X"], ["sh"], "shape"),
                            node("Reshape", ["X", "r"], ["a"], "reshape"),
                            node("Transpose", ["a"], ["t"], "tr", perm=[1, 0]),
                            node("Flatten", ["t"], ["f"], "fl", axis=1),
                            node("Unsqueeze", ["f", "ax"], ["u"], "unsq"),
                            node("Squeeze", ["u", "ax"], ["Y"], "sq")], X23, out,
                           [i64("r", [3, 2]), i64("ax", [0])])
    s["slice_concat"] = model([node("Slice", ["X", "st", "en", "axs", "stp"], ["a"], "slice"),
                               node("Concat", ["a", "X"], ["c"], "cat", axis=1),
                               node("Split", ["c", "sp"], ["y1", "y2"], "split", axis=1),
                               node("Pad", ["y1", "pads"], ["Y"], "pad", mode="constant")],
                              X23, out, [i64("st", [0]), i64("en", [2]), i64("axs", [1]),
                                         i64("stp", [1]), i64("sp", [2, 3]),
                                         i64("pads", [0, 1, 0, 1])])
    s["gather_expand"] = model([node("Gather", ["X", "idx"], ["g"], "gather", axis=1),
                                node("Expand", ["g", "shp"], ["e"], "expand"),
                                node("Tile", ["e", "rep"], ["Y"], "tile")], X23, out,
                               [i64("idx", [[0, 2]]), i64("shp", [2, 1, 2]),
                                i64("rep", [1, 2, 1])])
    s["constants"] = model([node("Constant", [], ["k1"], "k1", value_floats=[1.0, 2.0, 3.0]),
                            node("Constant", [], ["k2"], "k2", value_int=3),
                            node("ConstantOfShape", ["k3"], ["c"], "cof",
                                 value=helper.make_tensor("v", F, [1], [0.5])),
                            node("Range", ["r0", "r1", "r2"], ["rg"], "range"),
                            node("Cast", ["rg"], ["rf"], "cast", to=TensorProto.FLOAT),
                            node("Add", ["X", "k1"], ["Y"], "add")], X23, out,
                           [i64("k3", [2, 3]), i64("r0", 0), i64("r1", 4), i64("r2", 1)])
    typed = TensorProto(name="w", data_type=F, dims=[3], float_data=[1.0, 2.0, 3.0])
    s["typed_fields"] = model([node("Mul", ["X", "w"], ["Y"], "mul")], X23, out, [typed])
    body = graph([node("Add", ["v", "one"], ["vo"], "inc"), node("Identity", ["c"], ["co"], "id")],
                 [vi("i", [], I64), vi("c", [], TensorProto.BOOL), vi("v", [2, 3])],
                 [vi("co", [], TensorProto.BOOL), vi("vo", [2, 3])], inits=[f32("one", [1.0])])
    s["loop"] = model([node("Loop", ["M", "", "X"], ["Y"], "loop", body=body)], X23, out,
                      [i64("M", 3)])
    sbody = graph([node("Add", ["acc", "x"], ["ao"], "acc"), node("Identity", ["ao"], ["y"], "id")],
                  [vi("acc", [3]), vi("x", [3])], [vi("ao", [3]), vi("y", [3])])
    s["scan"] = model([node("Scan", ["S0", "X"], ["F", "Y"], "scan", body=sbody, num_scan_inputs=1)],
                      [vi("S0", [3]), vi("X", [4, 3])], [vi("F", [3]), vi("Y", [4, 3])])
    s["opset7_legacy"] = model([node("Add", ["X", "b"], ["Y"], "add")], X23, out,
                               [f32("b", [1.0, 2.0, 3.0])], opset=7, ir=3)
    s["softmax_opset11"] = model([node("Softmax", ["X"], ["Y"], "sm", axis=1)], X4, out,
                                 opset=11)
    s["clip_opset6"] = model([node("Clip", ["X"], ["Y"], "clip", min=-1.0, max=1.0)], X23, out,
                             opset=6, ir=3)
    s["int_types"] = model([node("Cast", ["X"], ["a"], "c1", to=TensorProto.INT32),
                            node("Cast", ["a"], ["b"], "c2", to=TensorProto.UINT8),
                            node("Cast", ["b"], ["Y"], "c3", to=TensorProto.BOOL)], X23, out)
    return s


def write_seeds(out: Path) -> int:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    models = seed_models()
    for name, m in models.items():
        (out / f"{name}.onnx").write_bytes(m.SerializeToString())
    return len(models)
