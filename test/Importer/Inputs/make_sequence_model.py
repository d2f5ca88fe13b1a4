"""Writes the small ONNX models of the sequence and optional importer lit
test (test/Importer/sequences.test).

    python make_sequence_model.py CASE OUT.onnx
"""

import sys

from onnx import TensorProto, helper

CASES = {}
F = TensorProto.FLOAT
I64 = TensorProto.INT64


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def model(nodes, inputs, outputs, opset=17):
    graph = helper.make_graph(list(nodes), "g", list(inputs), list(outputs))
    m = helper.make_model(graph, producer_name="onnxc-lit",
                          opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 10
    return m


def seq_info(name, elem, shape):
    return helper.make_tensor_sequence_value_info(name, elem, shape)


def opt_info(name, inner):
    return helper.make_value_info(name, helper.make_optional_type_proto(inner))


@case
def sequence_map():
    body = helper.make_graph(
        [helper.make_node("Add", ["e", "t"], ["y"])], "body",
        [helper.make_tensor_value_info("e", F, ["N"]),
         helper.make_tensor_value_info("t", F, ["N"])],
        [helper.make_tensor_value_info("y", F, ["N"])])
    return model(
        [helper.make_node("SequenceMap", ["s", "t"], ["out"], body=body),
         helper.make_node("SequenceLength", ["out"], ["n"]),
         helper.make_node("SequenceEmpty", [], ["empty"], dtype=I64)],
        [seq_info("s", F, ["N"]), helper.make_tensor_value_info("t", F, ["N"])],
        [seq_info("out", F, ["N"]), helper.make_tensor_value_info("n", I64, []),
         seq_info("empty", I64, None)])


@case
def optionals():
    seq_type = helper.make_sequence_type_proto(
        helper.make_tensor_type_proto(F, [5]))
    return model(
        [helper.make_node("Optional", [], ["none"], type=seq_type),
         helper.make_node("OptionalHasElement", ["o"], ["has"]),
         helper.make_node("OptionalGetElement", ["o"], ["seq"])],
        [opt_info("o", seq_type)],
        [opt_info("none", seq_type), helper.make_tensor_value_info("has", TensorProto.BOOL, []),
         seq_info("seq", F, [5])], opset=18)


@case
def seq_of_seq():
    inner = helper.make_sequence_type_proto(helper.make_tensor_type_proto(F, [2]))
    return model([helper.make_node("Identity", ["s"], ["y"])],
                 [helper.make_value_info("s", helper.make_sequence_type_proto(inner))],
                 [helper.make_value_info("y", helper.make_sequence_type_proto(inner))])


@case
def seq_of_strings():
    return model([helper.make_node("Identity", ["s"], ["y"])],
                 [seq_info("s", TensorProto.STRING, [2])],
                 [seq_info("y", TensorProto.STRING, [2])])


@case
def empty_bad_dtype():
    return model([helper.make_node("SequenceEmpty", [], ["e"], dtype=8)],
                 [], [seq_info("e", F, None)])


@case
def reverse_sequence():
    """xs -> ys: xs without its first tensor, then it appended (one output: a
    sequence, the C interface returns it instead of writing a results
    block)."""
    zero = helper.make_tensor("zero", I64, [], [0])
    graph = helper.make_graph(
        [helper.make_node("SequenceAt", ["xs", "zero"], ["first"]),
         helper.make_node("SequenceErase", ["xs", "zero"], ["rest"]),
         helper.make_node("SequenceInsert", ["rest", "first"], ["ys"])],
        "g", [seq_info("xs", F, ["N"])], [seq_info("ys", F, ["N"])],
        initializer=[zero])
    m = helper.make_model(graph, producer_name="onnxc-lit",
                          opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 10
    return m


def write_test_data(case_name, folder):
    """input_0.pb / output_0.pb of reverse_sequence (SequenceProto files)."""
    import os

    import numpy as np
    from onnx import numpy_helper
    assert case_name == "reverse_sequence"
    xs = [np.array([1, 2, 3], np.float32), np.array([4], np.float32),
          np.array([], np.float32)]
    os.makedirs(folder, exist_ok=True)
    for name, value in (("input_0.pb", xs), ("output_0.pb", xs[1:] + xs[:1])):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(numpy_helper.from_list(value).SerializeToString())


def main():
    if len(sys.argv) > 3 and sys.argv[3] == "--test-data":
        write_test_data(sys.argv[1], sys.argv[4])
    with open(sys.argv[2], "wb") as f:
        f.write(CASES[sys.argv[1]]().SerializeToString())


if __name__ == "__main__":
    main()
