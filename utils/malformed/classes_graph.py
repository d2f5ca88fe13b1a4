"""Corpus classes about the graph's structure: cycles, order, names, inputs and outputs,
node arity, attributes, subgraphs."""

import numpy as np
from onnx import AttributeProto, TensorProto, helper

from corpus_lib import (F, NODE, TENSOR, corpus_class, f32, graph, i64, model, node, vi)

X23 = [vi("X", [2, 3])]
Y23 = [vi("Y", [2, 3])]


@corpus_class("cycle", r"cycle", "graphs with cycles")
def cycles(c):
    c.add("two_nodes", model([node("Add", ["X", "b"], ["a"], "cyc_a"),
                              node("Relu", ["a"], ["b"], "cyc_b")], X23, [vi("a", [2, 3])]),
          names=[NODE("cyc_a", "Add")])
    c.add("self_loop", model([node("Add", ["X", "s"], ["s"], "selfie")], X23, [vi("s", [2, 3])]),
          problem=r"cycle|already produced")
    c.add("three_nodes", model([node("Relu", ["t3"], ["t1"], "n1"),
                                node("Neg", ["t1"], ["t2"], "n2"),
                                node("Abs", ["t2"], ["t3"], "n3"),
                                node("Add", ["X", "t3"], ["Y"], "out")], X23, Y23),
          names=[r'node "n[123]"'])
    # A cycle next to a valid part.
    nodes = [node("Relu", ["X"], ["r"], "ok1"), node("Sigmoid", ["r"], ["Y"], "ok2"),
             node("Mul", ["p", "r"], ["q"], "loop1"), node("Tanh", ["q"], ["p"], "loop2")]
    c.add("beside_valid", model(nodes, X23, Y23), names=[r'node "loop[12]"'])
    # Through a subgraph: the If reads, from inside its branch, a value it produces itself.
    branch = graph([node("Add", ["X", "z"], ["o"], "inner_add")], [], [vi("o", [2, 3])])
    c.add("through_subgraph", model(
        [node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True])),
         node("If", ["k"], ["z"], "if_cyc", then_branch=branch, else_branch=branch),
         node("Identity", ["z"], ["Y"], "id")], X23, Y23), problem=r"cycle|not produced")
    # A cycle inside a subgraph.
    inner = graph([node("Relu", ["v2"], ["v1"], "in1"), node("Relu", ["v1"], ["v2"], "in2")],
                  [], [vi("v2", [2, 3])])
    ok = graph([node("Identity", ["X"], ["w"], "id2")], [], [vi("w", [2, 3])])
    c.add("inside_subgraph", model(
        [node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True])),
         node("If", ["k"], ["Y"], "if_outer", then_branch=inner, else_branch=ok)], X23, Y23))
    big = [node("Relu", [f"c{(i + 1) % 50}"], [f"c{i}"], f"ring{i}") for i in range(50)]
    c.add("ring_50", model(big + [node("Add", ["X", "c0"], ["Y"], "use")], X23, Y23))


@corpus_class("unsorted", "", "valid graphs whose nodes are not in topological order: compile")
def unsorted(c):
    nodes = [node("Relu", ["X"], ["r"], "relu"), node("Mul", ["r", "C"], ["m"], "mul"),
             node("Add", ["m", "X"], ["Y"], "add")]
    cst = [f32("C", np.arange(6, dtype=np.float32).reshape(2, 3))]
    for i, order in enumerate([(2, 1, 0), (1, 2, 0), (2, 0, 1), (1, 0, 2), (0, 2, 1)]):
        c.ok(f"order{i}", model([nodes[j] for j in order], X23, Y23, cst))
    # A longer chain, reversed; and a diamond.
    chain = [node("Neg" if i % 2 else "Relu", [f"t{i}"], [f"t{i + 1}"], f"n{i}")
             for i in range(40)]
    chain[0].input[0], chain[-1].output[0] = "X", "Y"
    c.ok("chain_reversed", model(chain[::-1], X23, Y23))
    diamond = [node("Add", ["l", "r"], ["Y"], "join"), node("Sigmoid", ["s"], ["r"], "right"),
               node("Tanh", ["s"], ["l"], "left"), node("Relu", ["X"], ["s"], "split")]
    c.ok("diamond", model(diamond, X23, Y23))
    # A node that uses an initializer listed after it, and a graph output produced first.
    c.ok("output_first", model([node("Identity", ["h"], ["Y"], "last"),
                                node("Relu", ["X"], ["h"], "first")], X23, Y23))
    # A subgraph whose nodes are out of order.
    branch = graph([node("Add", ["a", "X"], ["o"], "b2"), node("Relu", ["X"], ["a"], "b1")], [],
                   [vi("o", [2, 3])])
    other = graph([node("Identity", ["X"], ["o2"], "e1")], [], [vi("o2", [2, 3])])
    c.ok("subgraph_unsorted", model(
        [node("If", ["k"], ["Y"], "if", then_branch=branch, else_branch=other),
         node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True]))], X23, Y23))


@corpus_class("dangling_input", r"not produced|no producer|undefined|unknown|missing",
              "inputs nothing produces")
def dangling(c):
    c.add("node_input", model([node("Relu", ["X"], ["r"], "ok"),
                               node("Add", ["r", "ghost"], ["Y"], "bad")], X23, Y23),
          names=[NODE("bad", "Add"), "ghost"])
    c.add("first_input", model([node("Relu", ["nothing"], ["Y"], "r1")], X23, Y23),
          names=[NODE("r1", "Relu"), "nothing"])
    c.add("graph_output", model([node("Relu", ["X"], ["r"], "r")], X23, Y23), names=['"Y"'])
    c.add("no_nodes_output", model([], X23, Y23), names=['"Y"'])
    c.add("in_subgraph", model(
        [node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True])),
         node("If", ["k"], ["Y"], "if_ghost",
              then_branch=graph([node("Add", ["X", "spook"], ["o"], "inner")], [],
                                [vi("o", [2, 3])]),
              else_branch=graph([node("Identity", ["X"], ["o2"], "e")], [],
                                [vi("o2", [2, 3])]))], X23, Y23), names=["spook"])
    c.add("subgraph_output", model(
        [node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True])),
         node("If", ["k"], ["Y"], "if_out",
              then_branch=graph([node("Relu", ["X"], ["o"], "inner")], [],
                                [vi("never_made", [2, 3])]),
              else_branch=graph([node("Identity", ["X"], ["o2"], "e")], [],
                                [vi("o2", [2, 3])]))], X23, Y23), names=["never_made"])
    c.add("subgraph_local_leak", model(
        [node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True])),
         node("If", ["k"], ["o"], "if1",
              then_branch=graph([node("Relu", ["X"], ["inner_only"], "in")], [],
                                [vi("inner_only", [2, 3])]),
              else_branch=graph([node("Identity", ["X"], ["o2"], "e")], [],
                                [vi("o2", [2, 3])])),
         node("Add", ["o", "inner_only"], ["Y"], "uses_inner")], X23, Y23),
        names=["inner_only"], note="a subgraph's values are not visible outside it")
    c.add("empty_name_input", model([node("Add", ["X", ""], ["Y"], "add_empty")], X23, Y23),
          problem=r"missing|input|operand|expects|required|null|not produced",
          names=[NODE("add_empty", "Add")])


@corpus_class("duplicate_name", r"already produced|duplicate|more than once",
              "names produced twice")
def duplicates(c):
    c.add("two_nodes", model([node("Relu", ["X"], ["Y"], "first"),
                              node("Neg", ["X"], ["Y"], "second")], X23, Y23),
          names=[r'node "(first|second)"', '"Y"'])
    c.add("node_vs_input", model([node("Relu", ["X"], ["X"], "shadow")], X23, [vi("X", [2, 3])]),
          names=[NODE("shadow", "Relu")])
    c.add("node_vs_initializer", model([node("Relu", ["X"], ["W"], "shadow_w"),
                                        node("Add", ["W", "X"], ["Y"], "add")], X23, Y23,
                                       [f32("W", np.ones((2, 3)))]),
          names=[NODE("shadow_w", "Relu")])
    c.add("two_outputs_one_node", model([node("Split", ["X"], ["Y", "Y"], "split2", axis=0)],
                                        [vi("X", [2, 3])], [vi("Y", [1, 3])]),
          names=[NODE("split2", "Split")])
    c.add("duplicate_graph_inputs", model([node("Add", ["X", "X"], ["Y"], "add")],
                                          [vi("X", [2, 3]), vi("X", [2, 3])], Y23),
          problem=r"duplicate|already|more than once|twice")
    c.add("duplicate_initializers", model([node("Add", ["X", "W"], ["Y"], "add")], X23, Y23,
                                          [f32("W", np.ones((2, 3))),
                                           f32("W", np.zeros((2, 3)))]),
          problem=r"duplicate|already|more than once|twice")
    c.add("in_subgraph", model(
        [node("Constant", [], ["k"], "k", value=helper.make_tensor("v", TensorProto.BOOL, [],
                                                                   [True])),
         node("If", ["k"], ["Y"], "if_dup",
              then_branch=graph([node("Relu", ["X"], ["o"], "i1"),
                                 node("Neg", ["X"], ["o"], "i2")], [], [vi("o", [2, 3])]),
              else_branch=graph([node("Identity", ["X"], ["o2"], "e")], [],
                                [vi("o2", [2, 3])]))], X23, Y23), names=[r'node "i[12]"'])
    c.add("subgraph_input_twice", model(
        [node("Loop", ["", "cond", "X"], ["Y"], "loop_dup",
              body=graph([node("Identity", ["c"], ["co"], "b1"),
                          node("Identity", ["v"], ["vo"], "b2")],
                         [vi("i", [], TensorProto.INT64), vi("c", [], TensorProto.BOOL),
                          vi("c", [2, 3])],
                         [vi("co", [], TensorProto.BOOL), vi("vo", [2, 3])]))],
        [vi("X", [2, 3]), vi("cond", [], TensorProto.BOOL)], Y23),
        problem=r"duplicate|already|twice|more than once|not produced")
    c.any("output_listed_twice", model([node("Relu", ["X"], ["Y"], "r")], X23, Y23 + Y23),
          note="one value returned twice")


@corpus_class("missing_initializer", r"not produced|missing|undefined|unknown",
              "weights a node needs are absent")
def missing_initializer(c):
    X = [vi("X", [1, 3, 8, 8])]
    c.add("conv_weight", model([node("Conv", ["X", "W"], ["Y"], "conv")], X,
                               [vi("Y", [1, 4, 6, 6])]), names=[NODE("conv", "Conv"), '"W"'])
    c.add("conv_bias", model([node("Conv", ["X", "W", "B"], ["Y"], "conv")], X,
                             [vi("Y", [1, 4, 6, 6])], [f32("W", np.ones((4, 3, 3, 3)))]),
          names=[NODE("conv", "Conv"), '"B"'])
    c.add("gemm_c", model([node("Gemm", ["A", "B", "C"], ["Y"], "gemm")],
                          [vi("A", [2, 3])], [vi("Y", [2, 4])], [f32("B", np.ones((3, 4)))]),
          names=[NODE("gemm", "Gemm"), '"C"'])
    c.add("reshape_shape", model([node("Reshape", ["X", "shape"], ["Y"], "reshape")], X23,
                                 [vi("Y", [3, 2])]), names=[NODE("reshape", "Reshape")])
    c.add("bn_mean", model([node("BatchNormalization", ["X", "s", "b", "mean", "var"], ["Y"],
                                 "bn")], X, [vi("Y", [1, 3, 8, 8])],
                           [f32("s", np.ones(3)), f32("b", np.ones(3)), f32("var", np.ones(3))]),
          names=[NODE("bn", "BatchNormalization"), '"mean"'])
    # The name is listed as a graph input with an initializer elsewhere (old exporters)...
    # but the initializer has a different name.
    c.add("initializer_renamed", model([node("MatMul", ["X", "W"], ["Y"], "mm")], X23,
                                       [vi("Y", [2, 2])], [f32("W_typo", np.ones((3, 2)))]),
          names=[NODE("mm", "MatMul"), '"W"'])
    # Valid: weights listed as graph inputs too (old exporters).
    m = model([node("MatMul", ["X", "W"], ["Y"], "mm")], [vi("X", [2, 3]), vi("W", [3, 2])],
              [vi("Y", [2, 2])], [f32("W", np.ones((3, 2)))])
    c.ok("initializer_also_input", m)


@corpus_class("graph_io", r"not a tensor|element type|not supported|not produced|sequence|"
              r"unsupported|invalid|type", "graph inputs and outputs that cannot be compiled")
def graph_io(c):
    def seq_input():
        t = helper.make_tensor_sequence_value_info("X", F, [2, 3])
        return t
    c.any("sequence_input", model([node("Identity", ["X"], ["Y"], "id")], [seq_input()], Y23),
          note="sequence inputs: compiled once sequences are supported, else refused")
    c.add("no_type", model([node("Relu", ["X"], ["Y"], "r")],
                           [helper.ValueInfoProto(name="X")], Y23), names=['"X"'])
    c.add("string_input", model([node("Identity", ["X"], ["Y"], "id")],
                                [vi("X", [2], TensorProto.STRING)], [vi("Y", [2], 8)]),
          names=['"X"'])
    c.add("undefined_elem", model([node("Relu", ["X"], ["Y"], "r")],
                                  [vi("X", [2, 3], 0)], Y23), names=['"X"'])
    c.add("elem_999", model([node("Relu", ["X"], ["Y"], "r")], [vi("X", [2, 3], 999)], Y23),
          names=['"X"'])
    c.add("complex_input", model([node("Identity", ["X"], ["Y"], "id")],
                                 [vi("X", [2], TensorProto.COMPLEX64)],
                                 [vi("Y", [2], TensorProto.COMPLEX64)]), names=['"X"'])
    c.add("map_input", model([node("Identity", ["X"], ["Y"], "id")],
                             [helper.make_value_info("X", helper.make_map_type_proto(
                                 TensorProto.INT64, helper.make_tensor_type_proto(F, [1])))],
                             Y23), names=['"X"'])
    c.any("no_outputs", model([node("Relu", ["X"], ["Y"], "r")], X23, []),
          note="a graph with no outputs")
    c.any("no_inputs_constant", model([node("Constant", [], ["Y"], "k",
                                            value=f32("v", np.ones((2, 3))))], [], Y23))
    c.any("output_is_input", model([], X23, [vi("X", [2, 3])]))
    c.any("declared_shape_wrong", model([node("Relu", ["X"], ["Y"], "r")], X23,
                                        [vi("Y", [7, 7, 7])]), note="inference wins, warning")
    c.add("no_input_shape", model([node("Relu", ["X"], ["Y"], "r")],
                                  [helper.make_tensor_value_info("X", F, None)], Y23),
          names=['"X"'], problem=r"shape|rank")
    c.add("input_rank_17", model([node("Relu", ["X"], ["Y"], "r")], [vi("X", [1] * 17)],
                                 [vi("Y", None)]), names=['"X"'], problem=r"rank|dims")
    c.add("output_rank_unknown", model([node("Squeeze", ["X", "axes"], ["Y"], "sq")],
                                       [vi("X", [2, 1]), vi("axes", ["n"], TensorProto.INT64)],
                                       [vi("Y", None)]), names=['"Y"'], problem=r"shape|rank")
    c.add("output_rank_20", model([node("Reshape", ["X", "s"], ["Y"], "rs")], X23,
                                  [vi("Y", None)], [i64("s", [2, 3] + [1] * 18)]),
          names=['"Y"'], problem=r"rank|dims")
    c.any("dim_value_negative", model([node("Relu", ["X"], ["Y"], "r")], [vi("X", [-5, 3])], Y23))


@corpus_class("wrong_arity", r"input|operand|output|result|expects|arity|number|missing",
              "nodes with too many or too few inputs or outputs")
def wrong_arity(c):
    two = [vi("X", [2, 3]), vi("Z", [2, 3])]
    c.add("relu_two_inputs", model([node("Relu", ["X", "Z"], ["Y"], "relu2")], two, Y23),
          names=[NODE("relu2", "Relu")])
    c.add("add_one_input", model([node("Add", ["X"], ["Y"], "add1")], X23, Y23),
          names=[NODE("add1", "Add")])
    c.add("add_no_inputs", model([node("Add", [], ["Y"], "add0")], X23, Y23),
          names=[NODE("add0", "Add")])
    c.add("add_three_inputs", model([node("Add", ["X", "Z", "X"], ["Y"], "add3")], two, Y23),
          names=[NODE("add3", "Add")])
    c.add("relu_two_outputs", model([node("Relu", ["X"], ["Y", "Y2"], "relu_o2")], X23,
                                    Y23 + [vi("Y2", [2, 3])]), names=[NODE("relu_o2", "Relu")])
    c.add("relu_no_outputs", model([node("Relu", ["X"], [], "relu_o0"),
                                    node("Identity", ["X"], ["Y"], "id")], X23, Y23),
          names=[NODE("relu_o0", "Relu")], problem=r"output|result|expects")
    c.add("conv_one_input", model([node("Conv", ["X"], ["Y"], "conv1")],
                                  [vi("X", [1, 3, 8, 8])], [vi("Y", [1, 3, 8, 8])]),
          names=[NODE("conv1", "Conv")])
    c.add("where_two_inputs", model([node("Where", ["C", "X"], ["Y"], "where2")],
                                    [vi("C", [2, 3], TensorProto.BOOL), vi("X", [2, 3])], Y23),
          names=[NODE("where2", "Where")])
    c.add("gemm_one_input", model([node("Gemm", ["X"], ["Y"], "gemm1")], X23, Y23),
          names=[NODE("gemm1", "Gemm")])
    c.add("bn_six_inputs", model([node("BatchNormalization", ["X"] * 6, ["Y"], "bn6")],
                                 [vi("X", [1, 3, 4, 4])], [vi("Y", [1, 3, 4, 4])]),
          names=[NODE("bn6", "BatchNormalization")])
    c.add("concat_no_inputs", model([node("Concat", [], ["Y"], "cat0", axis=0)], X23, Y23),
          names=[NODE("cat0", "Concat")])
    c.add("sum_no_inputs", model([node("Sum", [], ["Y"], "sum0")], X23, Y23),
          names=[NODE("sum0", "Sum")])
    c.add("split_outputs_vs_sizes", model(
        [node("Split", ["X", "s"], ["a", "b", "d"], "split3", axis=1)], X23,
        [vi("a", [2, 1])], [i64("s", [1, 2])]), names=[NODE("split3", "Split")],
        problem=r"output|result|split|sizes|number")
    c.add("maxpool_three_outputs", model(
        [node("MaxPool", ["X"], ["Y", "I", "Z"], "mp3", kernel_shape=[2, 2])],
        [vi("X", [1, 1, 4, 4])], [vi("Y", [1, 1, 2, 2])]), names=[NODE("mp3", "MaxPool")])


def attr(name, kind, value):
    """An AttributeProto of an explicit (possibly wrong) type."""
    a = AttributeProto(name=name, type=kind)
    if kind == AttributeProto.INT:
        a.i = value
    elif kind == AttributeProto.FLOAT:
        a.f = value
    elif kind == AttributeProto.STRING:
        a.s = value
    elif kind == AttributeProto.INTS:
        a.ints.extend(value)
    elif kind == AttributeProto.FLOATS:
        a.floats.extend(value)
    elif kind == AttributeProto.STRINGS:
        a.strings.extend(value)
    elif kind == AttributeProto.TENSOR:
        a.t.CopyFrom(value)
    elif kind == AttributeProto.GRAPH:
        a.g.CopyFrom(value)
    return a


def with_attrs(n, *attrs):
    n.attribute.extend(attrs)
    return n


A = AttributeProto


@corpus_class("attr_wrong_type", r"attribute|expected|must be|type|integer|array|invalid",
              "attributes of the wrong type")
def attr_wrong_type(c):
    X4 = [vi("X", [1, 3, 8, 8])]
    W = [f32("W", np.ones((4, 3, 3, 3)))]
    conv = lambda *a: with_attrs(node("Conv", ["X", "W"], ["Y"], "conv"), *a)  # noqa: E731
    cases = [
        ("conv_strides_float", conv(attr("strides", A.FLOAT, 1.0)), "conv", "Conv"),
        ("conv_strides_int", conv(attr("strides", A.INT, 1)), "conv", "Conv"),
        ("conv_pads_string", conv(attr("pads", A.STRING, b"SAME")), "conv", "Conv"),
        ("conv_group_floats", conv(attr("group", A.FLOATS, [1.0])), "conv", "Conv"),
        ("conv_auto_pad_int", conv(attr("auto_pad", A.INT, 1)), "conv", "Conv"),
        ("conv_kernel_tensor", conv(attr("kernel_shape", A.TENSOR, i64("k", [3, 3]))), "conv",
         "Conv"),
        ("conv_dilations_graph", conv(attr("dilations", A.GRAPH, graph([], [], []))), "conv",
         "Conv"),
    ]
    for name, n, nn, op in cases:
        c.add(name, model([n], X4, [vi("Y", [1, 4, 6, 6])], W), names=[NODE(nn, op)])
    simple = [
        ("softmax_axis_float", with_attrs(node("Softmax", ["X"], ["Y"], "sm"),
                                          attr("axis", A.FLOAT, 1.5)), "sm", "Softmax"),
        ("softmax_axis_ints", with_attrs(node("Softmax", ["X"], ["Y"], "sm"),
                                         attr("axis", A.INTS, [1])), "sm", "Softmax"),
        ("transpose_perm_int", with_attrs(node("Transpose", ["X"], ["Y"], "tr"),
                                          attr("perm", A.INT, 1)), "tr", "Transpose"),
        ("transpose_perm_strings", with_attrs(node("Transpose", ["X"], ["Y"], "tr"),
                                              attr("perm", A.STRINGS, [b"1", b"0"])), "tr",
         "Transpose"),
        ("leaky_alpha_string", with_attrs(node("LeakyRelu", ["X"], ["Y"], "lr"),
                                          attr("alpha", A.STRING, b"0.1")), "lr", "LeakyRelu"),
        ("cast_to_float", with_attrs(node("Cast", ["X"], ["Y"], "cast"),
                                     attr("to", A.FLOAT, 1.0)), "cast", "Cast"),
        ("cast_to_ints", with_attrs(node("Cast", ["X"], ["Y"], "cast"),
                                    attr("to", A.INTS, [1])), "cast", "Cast"),
        ("gemm_transb_float", with_attrs(node("Gemm", ["X", "X"], ["Y"], "gemm"),
                                         attr("transB", A.FLOAT, 1.0)), "gemm", "Gemm"),
        ("concat_axis_string", with_attrs(node("Concat", ["X", "X"], ["Y"], "cat"),
                                          attr("axis", A.STRING, b"0")), "cat", "Concat"),
        ("flatten_axis_tensor", with_attrs(node("Flatten", ["X"], ["Y"], "fl"),
                                           attr("axis", A.TENSOR, i64("a", [1]))), "fl",
         "Flatten"),
        ("undefined_attr_type", with_attrs(node("Softmax", ["X"], ["Y"], "sm"),
                                           attr("axis", A.UNDEFINED, None)), "sm", "Softmax"),
        ("sparse_attr", with_attrs(node("Softmax", ["X"], ["Y"], "sm"),
                                   attr("axis", A.SPARSE_TENSOR, None)), "sm", "Softmax"),
        ("type_proto_attr", with_attrs(node("Softmax", ["X"], ["Y"], "sm"),
                                       attr("axis", A.TYPE_PROTO, None)), "sm", "Softmax"),
    ]
    for name, n, nn, op in simple:
        c.add(name, model([n], X23, Y23), names=[NODE(nn, op)])
    c.any("relu_unknown_attr", model([with_attrs(node("Relu", ["X"], ["Y"], "relu"),
                                                 attr("color", A.STRING, b"blue"))], X23, Y23),
          note="an attribute the op does not have")
    c.any("duplicate_attr", model([with_attrs(node("Softmax", ["X"], ["Y"], "sm"),
                                              attr("axis", A.INT, 0), attr("axis", A.INT, 1))],
                                  X23, Y23))


@corpus_class("attr_missing", r"attribute|missing|required|requires|must|expects",
              "required attributes left out")
def attr_missing(c):
    c.add("cast_no_to", model([node("Cast", ["X"], ["Y"], "cast")], X23, Y23),
          names=[NODE("cast", "Cast")])
    c.add("concat_no_axis", model([node("Concat", ["X", "X"], ["Y"], "cat")], X23,
                                  [vi("Y", [4, 3])]), names=[NODE("cat", "Concat")])
    c.add("constant_no_value", model([node("Constant", [], ["Y"], "k")], [], Y23),
          names=[NODE("k", "Constant")])
    c.add("if_no_else", model([node("If", ["C"], ["Y"], "if1",
                                    then_branch=graph([node("Identity", ["X"], ["o"], "i")],
                                                      [], [vi("o", [2, 3])]))],
                              [vi("X", [2, 3]), vi("C", [], TensorProto.BOOL)], Y23),
          names=[NODE("if1", "If")])
    c.add("if_no_branches", model([node("If", ["C"], ["Y"], "if0")],
                                  [vi("X", [2, 3]), vi("C", [], TensorProto.BOOL)], Y23),
          names=[NODE("if0", "If")])
    c.add("loop_no_body", model([node("Loop", ["M", "", "X"], ["Y"], "loop0")],
                                [vi("X", [2, 3]), vi("M", [], TensorProto.INT64)], Y23),
          names=[NODE("loop0", "Loop")])
    c.add("scan_no_body", model([node("Scan", ["X"], ["Y"], "scan0", num_scan_inputs=1)],
                                X23, Y23, opset=17), names=[NODE("scan0", "Scan")])
    c.add("scan_no_num_inputs", model(
        [node("Scan", ["X"], ["Y"], "scan1",
              body=graph([node("Identity", ["x"], ["y"], "b")], [vi("x", [3])],
                         [vi("y", [3])]))], X23, Y23), names=[NODE("scan1", "Scan")])
    c.add("cof_value_empty", model(
        [node("ConstantOfShape", ["S"], ["Y"], "cof",
              value=TensorProto(name="v", data_type=TensorProto.FLOAT, dims=[1]))],
        [], Y23, [i64("S", [2, 3])]), names=[NODE("cof", "ConstantOfShape")],
        problem=r"values|value|bytes|need")


@corpus_class("odd_names", r"name|invalid|not produced|duplicate|already", "names with "
              "spaces, newlines, NUL bytes, invalid UTF-8, '%', or 100 KB long: compile or "
              "refuse cleanly")
def odd_names(c):
    for i, name in enumerate(["with space", "new\nline", "per%cent", "tab\there", "ünïcødé",
                              "x" * 100000, "slash/and\\back", "..", "-", "0"]):
        c.ok(f"input_{i}", model([node("Relu", [name], ["Y"], "relu")], [vi(name, [2, 3])],
                                 Y23), note=repr(name[:20]))
        c.ok(f"output_{i}", model([node("Relu", ["X"], [name], "relu")], X23,
                                  [vi(name, [2, 3])]), note=repr(name[:20]))
    # Bytes that are not UTF-8 and NUL bytes: protobuf's C++ parser accepts them in
    # proto2 strings; the compiler either encodes them or refuses them.
    data = model([node("Relu", ["X"], ["Y"], "relu")], X23, Y23).SerializeToString()
    for i, odd in enumerate([b"\xff\xfe", b"a\x00b", b"\xc3\x28"]):
        c.any(f"bytes_output_{i}", data.replace(b"\x12\x01Y", b"\x12" + bytes([len(odd)]) + odd)
              .replace(b"\x0a\x01Y", b"\x0a" + bytes([len(odd)]) + odd))
    c.any("empty_input_name", model([node("Relu", [""], ["Y"], "relu")], [vi("", [2, 3])], Y23))
    c.any("empty_output_name", model([node("Relu", ["X"], [""], "relu")], X23, [vi("", [2, 3])]))
    c.ok("long_node_name", model([node("Relu", ["X"], ["Y"], "n" * 100000)], X23, Y23))


@corpus_class("unsupported_feature", r"not supported|unsupported|sequence|sparse|optional|"
              r"function|string|map", "ONNX features the compiler does not take")
def unsupported_feature(c):
    sparse = helper.make_sparse_tensor(f32("v", [1.0, 2.0]), i64("i", [0, 4]), [2, 3])
    sparse.values.name = "S"
    m = model([node("Add", ["X", "S"], ["Y"], "add")], X23, Y23)
    m.graph.sparse_initializer.append(sparse)
    c.add("sparse_initializer", m)
    c.add("sparse_constant", model([node("Constant", [], ["k"], "kc", sparse_value=sparse),
                                    node("Add", ["X", "k"], ["Y"], "add")], X23, Y23),
          names=[NODE("kc", "Constant")])
    fn = helper.make_function("com.local", "MyRelu", ["a"], ["b"],
                              [node("Relu", ["a"], ["b"], "inner")],
                              [helper.make_opsetid("", 17)])
    m = model([node("MyRelu", ["X"], ["Y"], "local", domain="com.local")], X23, Y23,
              opsets=[("", 17), ("com.local", 1)])
    m.functions.append(fn)
    c.add("local_function", m, names=[NODE("local", "MyRelu")])
    c.any("sequence_op", model([node("SequenceConstruct", ["X", "X"], ["s"], "seq"),
                                node("SequenceAt", ["s", "i"], ["Y"], "at")], X23, Y23,
                               [i64("i", 0)]), note="valid once sequences are supported")
    c.any("optional_output", model([node("Optional", ["X"], ["Y"], "opt")], X23,
                                   [helper.make_value_info("Y", helper.make_optional_type_proto(
                                       helper.make_tensor_type_proto(F, [2, 3])))]),
          note="an optional graph output")
    c.add("string_constant", model([node("Constant", [], ["Y"], "ks",
                                         value_strings=["a", "b"])], [], [vi("Y", [2], 8)]),
          names=[NODE("ks", "Constant")])
    c.add("string_initializer", model([node("Identity", ["w"], ["Y"], "id")], [],
                                      [vi("Y", [1], 8)],
                                      [helper.make_tensor("w", TensorProto.STRING, [1], [b"x"])]))
    m = relu_like = model([node("Relu", ["X"], ["Y"], "relu")], X23, Y23)
    m.training_info.add().algorithm.node.append(node("Relu", ["Y"], ["Z"], "train"))
    c.any("training_info", relu_like, note="training info is ignored")


@corpus_class("huge_attribute", r"perm|pads|axes|kernel|strides|rank|length|has \d|dims|"
              r"expected|must|too|size|split|output", "attribute lists far longer than the "
              "rank")
def huge_attribute(c):
    big = list(range(1000000))
    c.add("transpose_perm", model([node("Transpose", ["X"], ["Y"], "tr", perm=big)], X23,
                                  [vi("Y", None)]), names=[NODE("tr", "Transpose")])
    c.add("conv_pads", model([node("Conv", ["X", "W"], ["Y"], "conv", pads=[0] * 1000000)],
                             [vi("X", [1, 1, 4, 4])], [vi("Y", None)],
                             [f32("W", np.ones((1, 1, 2, 2)))]), names=[NODE("conv", "Conv")])
    c.add("maxpool_kernel", model([node("MaxPool", ["X"], ["Y"], "mp", kernel_shape=[1] * 100000)],
                                  [vi("X", [1, 1, 4, 4])], [vi("Y", None)]),
          names=[NODE("mp", "MaxPool")])
    c.add("split_sizes", model([node("Split", ["X"], ["a", "b"], "split", axis=1,
                                     split=[0] * 500000)], X23, [vi("a", None)], opset=11),
          names=[NODE("split", "Split")])
    c.add("squeeze_axes", model([node("Squeeze", ["X", "ax"], ["Y"], "sq")], X23, [vi("Y", None)],
                                [i64("ax", [0] * 200000)]),
          names=[NODE("sq", "Squeeze") + '|"Y"'], problem=r"axes|axis|rank|squeeze|size")
    # A shape operand whose *length* is huge: its values are only known at run time, but
    # its length would become the rank.
    S = [vi("S", [1 << 40], TensorProto.INT64)]
    c.add("reshape_shape_length", model([node("Reshape", ["X", "S"], ["Y"], "rs")],
                                        X23 + S, [vi("Y", None)]),
          names=[NODE("rs", "Reshape")], problem=r"dims|values|rank|shape")
    c.add("expand_shape_length", model([node("Expand", ["X", "S"], ["Y"], "ex")], X23 + S,
                                       [vi("Y", None)]),
          names=[NODE("ex", "Expand")], problem=r"dims|values|rank|shape")
    c.add("cof_shape_length", model([node("ConstantOfShape", ["S"], ["Y"], "cof")], S,
                                    [vi("Y", None)]),
          names=[NODE("cof", "ConstantOfShape")], problem=r"dims|values|rank|shape")
    c.any("unsqueeze_many", model([node("Unsqueeze", ["X", "ax"], ["Y"], "unsq")], X23,
                                  [vi("Y", None)], [i64("ax", list(range(2, 70)))]),
          note="rank 70")
    c.any("reshape_rank_5000", model([node("Reshape", ["X", "s"], ["Y"], "rs")], X23,
                                     [vi("Y", None)], [i64("s", [2, 3] + [1] * 5000)]))
