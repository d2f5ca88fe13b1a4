"""Count the floating-point operations of an ONNX graph from its inferred shapes.

Conventions (what papers and vendors count):
  - MatMul / Gemm / Conv: 2 per multiply-accumulate (plus 1 per output element for a bias);
  - element-wise arithmetic (Add, Mul, Erf, Relu, Clip, ...): 1 per output element;
  - Softmax: 5 per element (max, sub, exp, sum, div); LayerNormalization: 8 per element;
    ReduceMean / ReduceSum and pools: 1 per input element (pools: per window element);
  - data movement (Reshape, Transpose, Gather, Concat, Split, Cast, Where, ...): 0.

count_flops(model, batch) returns {"total": F, "contraction": F_matmul_conv, "by_op": {...}}.
Symbolic dims are set to `batch` before shape inference.
"""

import math

import numpy as np
import onnx
from onnx import helper, numpy_helper, shape_inference

ELEMENTWISE = {
    "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Erf", "Tanh", "Relu", "Clip", "Max", "Min",
    "Sigmoid", "Exp", "Log", "Neg", "Abs", "Reciprocal", "Gelu", "LeakyRelu", "HardSigmoid",
    "HardSwish", "Sum", "Mean", "Sin", "Cos",
}
REDUCE = {"ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL2",
          "ReduceSumSquare", "GlobalAveragePool", "GlobalMaxPool"}
SMALL_INIT = 4096  # bytes: initializers kept as values (shape tensors, axes)


def _shape_only(model: onnx.ModelProto, batch: int) -> onnx.ModelProto:
    """A copy without the large initializers (turned into typed graph inputs) and with every
    symbolic input dim set to `batch`."""
    m = onnx.ModelProto()
    m.CopyFrom(model) if model.ByteSize() < 64 * 2**20 else _copy_light(model, m)
    keep = []
    for t in list(m.graph.initializer):
        size = t.ByteSize()
        if size > SMALL_INIT:
            m.graph.input.append(helper.make_tensor_value_info(t.name, t.data_type, list(t.dims)))
        else:
            keep.append(t)
    del m.graph.initializer[:]
    m.graph.initializer.extend(keep)
    for vi in m.graph.input:
        for d in vi.type.tensor_type.shape.dim:
            if not d.HasField("dim_value"):
                d.dim_value = batch
    del m.graph.value_info[:]
    return m


def _copy_light(model: onnx.ModelProto, out: onnx.ModelProto) -> None:
    """Copy a large model without duplicating its big initializers' data."""
    out.ir_version = model.ir_version
    out.opset_import.extend(model.opset_import)
    g = out.graph
    g.name = model.graph.name
    g.node.extend(model.graph.node)
    g.input.extend(model.graph.input)
    g.output.extend(model.graph.output)
    for t in model.graph.initializer:
        if t.ByteSize() > SMALL_INIT:
            light = onnx.TensorProto()
            light.name = t.name
            light.data_type = t.data_type
            light.dims.extend(t.dims)
            g.initializer.append(light)
        else:
            g.initializer.append(t)


def _shapes(model: onnx.ModelProto) -> dict:
    shapes = {}
    for vi in list(model.graph.input) + list(model.graph.value_info) + list(model.graph.output):
        dims = vi.type.tensor_type.shape.dim
        if all(d.HasField("dim_value") for d in dims):
            shapes[vi.name] = [d.dim_value for d in dims]
    for t in model.graph.initializer:
        shapes[t.name] = list(t.dims)
    return shapes


def count_flops(model: onnx.ModelProto, batch: int = 1) -> dict:
    inferred = shape_inference.infer_shapes(_shape_only(model, batch), strict_mode=True,
                                            data_prop=True)
    shapes = _shapes(inferred)
    total = 0
    contraction = 0
    by_op = {}

    def numel(name):
        if name not in shapes:
            raise ValueError(f"no inferred shape for {name!r}")
        return math.prod(shapes[name])

    for node in inferred.graph.node:
        op = node.op_type
        out = node.output[0]
        f = 0
        if op == "MatMul":
            k = shapes[node.input[0]][-1]
            f = 2 * numel(out) * k
            contraction += f
        elif op == "Gemm":
            trans_a = next((a.i for a in node.attribute if a.name == "transA"), 0)
            a = shapes[node.input[0]]
            k = a[0] if trans_a else a[1]
            f = 2 * numel(out) * k
            contraction += f
            if len(node.input) > 2 and node.input[2]:
                f += numel(out)
        elif op == "Conv":
            w = shapes[node.input[1]]
            f = 2 * numel(out) * math.prod(w[1:])
            contraction += f
            if len(node.input) > 2 and node.input[2]:
                f += numel(out)
        elif op in ELEMENTWISE:
            f = numel(out)
        elif op == "Softmax":
            f = 5 * numel(out)
        elif op == "LayerNormalization":
            f = 8 * numel(out)
        elif op in REDUCE:
            f = numel(node.input[0])
        elif op in ("MaxPool", "AveragePool"):
            kernel = next(a.ints for a in node.attribute if a.name == "kernel_shape")
            f = numel(out) * math.prod(kernel)
        total += f
        by_op[op] = by_op.get(op, 0) + f
    return {"total": total, "contraction": contraction, "by_op": by_op}


def main(argv=None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="count the FLOPs of ONNX models")
    parser.add_argument("models", nargs="+")
    parser.add_argument("--batch", type=int, default=1)
    args = parser.parse_args(argv)
    for path in args.models:
        c = count_flops(onnx.load(path), args.batch)
        top = sorted(c["by_op"].items(), key=lambda kv: -kv[1])[:5]
        print(f"{path}: {c['total'] / 1e9:.3f} GFLOP (MatMul/Gemm/Conv {c['contraction'] / 1e9:.3f}); "
              + ", ".join(f"{k} {v / 1e9:.3f}" for k, v in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
