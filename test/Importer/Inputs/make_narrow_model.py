"""Writes the ONNX models of test/Importer/narrow-types.test: initializers and
graph inputs of the float8, float4 and 4-/2-bit integer types, in raw_data
(4-bit values packed two per byte, 2-bit four per byte, lowest bits first)
and in int32_data; and input_0.pb, a float8 input, next to OUT.onnx.

    python make_narrow_model.py OUT.onnx
"""

import os
import sys

from onnx import TensorProto, helper


def typed(name, data_type, dims, int32_data):
    tensor = TensorProto()
    tensor.name = name
    tensor.data_type = data_type
    tensor.dims.extend(dims)
    tensor.int32_data.extend(int32_data)
    return tensor


def main(out):
    # int4 [-1, 7, -8]: nibbles 0xF, 0x7, 0x8 -> bytes 0x7F, 0x08.
    i4 = helper.make_tensor("i4", TensorProto.INT4, [3], b"\x7f\x08", raw=True)
    # uint2 [1, 2, 3, 0, 3]: bytes 0b00111001, 0b00000011.
    u2 = helper.make_tensor("u2", TensorProto.UINT2, [5], b"\x39\x03", raw=True)
    # float4e2m1 [0.5, -6] in int32_data (one packed byte per entry).
    f4 = typed("f4", TensorProto.FLOAT4E2M1, [2], [0xF1])
    # float8e4m3fn [1, -448] in int32_data (one byte per entry).
    f8 = typed("f8", TensorProto.FLOAT8E4M3FN, [2], [0x38, 0xFE])
    nodes = [helper.make_node("Identity", [n], [n + "_out"])
             for n in ("i4", "u2", "f4", "f8", "x")]
    outputs = [helper.make_tensor_value_info(n + "_out", t, None)
               for n, t in (("i4", TensorProto.INT4), ("u2", TensorProto.UINT2),
                            ("f4", TensorProto.FLOAT4E2M1),
                            ("f8", TensorProto.FLOAT8E4M3FN),
                            ("x", TensorProto.FLOAT8E5M2FNUZ))]
    graph = helper.make_graph(
        nodes, "narrow",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT8E5M2FNUZ, [2])],
        outputs, initializer=[i4, u2, f4, f8])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21)],
                          producer_name="onnxc-lit", producer_version="1.0")
    m.ir_version = 10
    with open(out, "wb") as f:
        f.write(m.SerializeToString())
    # An input for onnx-run: float8e5m2fnuz [NaN, 2.0] (0x80, 0x44).
    x = helper.make_tensor("x", TensorProto.FLOAT8E5M2FNUZ, [2], b"\x80\x44",
                           raw=True)
    with open(os.path.join(os.path.dirname(out), "input_0.pb"), "wb") as f:
        f.write(x.SerializeToString())


if __name__ == "__main__":
    main(sys.argv[1])
