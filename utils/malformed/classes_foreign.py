"""Corpus classes of the kind other ONNX fuzzers and hand-written corpora produce: fields of
the format that our own models never use (sparse tensors, segments, local functions,
training info, metadata), nested graphs where none belong, huge strings and counts,
conflicting type information, odd opset versions. Each file must get a clean result;
where the model is arguably valid the expectation is `any` (compiled or refused, cleanly).
"""

import numpy as np
from onnx import AttributeProto, TensorProto, helper, numpy_helper

from classes_files import WEIGHTS, ext_case, ext_tensor, outside, write
from corpus_lib import (F, I64, NODE, TENSOR, corpus_class, f32, graph, i64, model, node,
                        raw_tensor, relu_model, vi)

X23 = [vi("X", [2, 3])]
Y23 = [vi("Y", [2, 3])]


def true_const(name="k"):
    return node("Constant", [], [name], name,
                value=helper.make_tensor("v", TensorProto.BOOL, [], [True]))


def relu_body(name="body"):
    return graph([node("Relu", ["X"], ["o"], f"{name}_relu")], [], [vi("o", [2, 3])], name=name)


@corpus_class("nested_graph_attr", r"graph|subgraph|attribute|not expected|unexpected|does not",
              "graph and graphs attributes on operators that take none")
def nested_graph_attr(c):
    def with_attr(op, attr, inputs=("X",), out=Y23, opset=17, inits=()):
        n = node(op, list(inputs), ["Y"], "plain")
        n.attribute.append(attr)
        return model([n], X23 if "X" in inputs else [], out, inits, opset=opset)
    body = relu_body()
    c.add("relu_graph", with_attr("Relu", helper.make_attribute("body", body)),
          names=[NODE("plain", "Relu")])
    c.add("relu_graphs", with_attr("Relu", helper.make_attribute("bodies", [body, body])),
          names=[NODE("plain", "Relu")])
    c.add("add_then_branch", with_attr("Add", helper.make_attribute("then_branch", body),
                                       inputs=("X", "X")), names=[NODE("plain", "Add")])
    # A graph whose own nodes carry graphs, 20 deep, on an op that takes none.
    def nest(depth):
        g = relu_body("g0")
        for i in range(1, depth):
            n = node("Relu", ["X"], ["o"], f"deep{i}")
            n.attribute.append(helper.make_attribute("g", g))
            g = graph([n], [], [vi("o", [2, 3])], name=f"g{i}")
        return g
    c.add("nested_8_on_relu", with_attr("Relu", helper.make_attribute("g", nest(8))),
          names=[NODE("plain", "Relu")])
    # 20 levels are more nested messages than the protobuf parser takes (64).
    c.add("nested_20_on_relu", with_attr("Relu", helper.make_attribute("g", nest(20))),
          problem=r"protobuf|nest|graph|attribute")
    # A plain op inside an If branch that carries a graph.
    inner = node("Neg", ["X"], ["o"], "inner_neg")
    inner.attribute.append(helper.make_attribute("body", relu_body("x")))
    branch = graph([inner], [], [vi("o", [2, 3])])
    c.add("inside_if_branch", model([true_const(),
                                     node("If", ["k"], ["Y"], "if", then_branch=branch,
                                          else_branch=relu_body())], X23, Y23),
          problem=r"graph|attribute|inner_neg")
    # Constant with a graph instead of its value; If whose branch is a GRAPHS list.
    c.add("constant_graph", model([node("Constant", [], ["Y"], "cg", value=body)], [], Y23),
          names=[NODE("cg", "Constant")], problem=r"graph|attribute|value|type")
    n = node("If", ["k"], ["Y"], "ifg")
    n.attribute.append(helper.make_attribute("then_branch", [body]))
    n.attribute.append(helper.make_attribute("else_branch", [body]))
    c.add("if_branch_as_graphs", model([true_const(), n], X23, Y23),
          names=[NODE("ifg", "If")], problem=r"graph|attribute|type|branch")
    # A GRAPH attribute with type GRAPH but no graph set; a graph set with type INT.
    a = AttributeProto(name="then_branch", type=AttributeProto.GRAPH)
    n = node("If", ["k"], ["Y"], "ifempty", else_branch=body)
    n.attribute.append(a)
    c.any("if_graph_attr_unset", model([true_const(), n], X23, Y23))
    a = AttributeProto(name="then_branch", type=AttributeProto.INT, i=3)
    a.g.CopyFrom(body)
    n = node("If", ["k"], ["Y"], "ifint", else_branch=body)
    n.attribute.append(a)
    c.add("if_graph_typed_int", model([true_const(), n], X23, Y23),
          names=[NODE("ifint", "If")], problem=r"graph|attribute|type|branch")


@corpus_class("sparse_tensor", r"sparse|not supported|unsupported",
              "sparse initializers and sparse constants, valid and not")
def sparse_tensor(c):
    def sp(values, indices, dims, name="S"):
        s = helper.make_sparse_tensor(f32("v", values), i64("i", indices), dims)
        s.values.name = name
        return s

    def with_sparse(s, used=True):
        nodes = [node("Add", ["X", s.values.name], ["Y"], "add")] if used else \
            [node("Relu", ["X"], ["Y"], "relu")]
        m = model(nodes, X23, Y23)
        m.graph.sparse_initializer.append(s)
        return m
    c.add("indices_out_of_range", with_sparse(sp([1.0, 2.0], [0, 1 << 40], [2, 3])))
    c.add("negative_index", with_sparse(sp([1.0], [-1], [2, 3])))
    c.add("more_values_than_elements", with_sparse(sp([1.0] * 10, list(range(10)), [2, 3])))
    c.add("values_indices_disagree", with_sparse(sp([1.0, 2.0, 3.0], [0], [2, 3])))
    c.add("huge_dims", with_sparse(sp([1.0], [0], [1 << 40, 1 << 40])))
    c.add("negative_dims", with_sparse(sp([1.0], [0], [-2, 3])))
    s = sp([1.0, 2.0], [0, 0, 1, 2], [2, 3])
    s.indices.dims[:] = [2, 2]
    c.add("coordinate_indices", with_sparse(s))
    c.any("unused_sparse", with_sparse(sp([1.0, 2.0], [0, 4], [2, 3]), used=False))
    # A sparse initializer and a dense one of the same name.
    m = with_sparse(sp([1.0], [0], [2, 3]))
    m.graph.initializer.append(f32("S", np.ones((2, 3))))
    c.add("same_name_as_dense", m, problem=r"sparse|duplicate|twice|already|unsupported")
    c.add("sparse_constant_bad", model([node("Constant", [], ["k"], "kc",
                                             sparse_value=sp([1.0], [99], [2, 3])),
                                        node("Add", ["X", "k"], ["Y"], "add")], X23, Y23),
          names=[NODE("kc", "Constant")])


@corpus_class("tensor_fields", r"raw_data|segment|data|field|values|holds|has \d|need|"
              r"string|type|unsupported|not supported",
              "tensors with conflicting data fields, segments, string data in numeric tensors")
def tensor_fields(c):
    def add_model(t):
        return model([node("Add", ["X", t.name], ["Y"], "add")], X23, Y23, [t])
    t = f32("w", np.ones((2, 3)))
    t.float_data.extend([1.0] * 6)
    c.add("raw_and_float_data", add_model(t), names=[TENSOR("w")])
    t = f32("w", np.ones((2, 3)))
    t.int64_data.extend([1] * 6)
    c.add("raw_and_int64_data", add_model(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3], float_data=[1.0] * 6,
                    double_data=[1.0] * 6)
    c.add("float_and_double_data", add_model(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3], string_data=[b"abc"] * 6)
    c.add("string_data_in_float", add_model(t), names=[TENSOR("w")])
    t = TensorProto(name="w", data_type=F, dims=[2, 3], int32_data=[1] * 6)
    c.add("int32_data_in_float", add_model(t), names=[TENSOR("w")])
    t = f32("w", np.ones((2, 3)))
    t.segment.begin, t.segment.end = 0, 3
    c.any("segment", add_model(t), note="a segment of a tensor")
    t = f32("w", np.ones((2, 3)))
    t.segment.begin, t.segment.end = 5, -(1 << 62)
    c.any("segment_inverted", add_model(t))
    t = f32("w", np.ones((2, 3)))
    t.segment.begin, t.segment.end = 0, 1 << 62
    c.any("segment_huge", add_model(t))
    # data_location EXTERNAL without any external_data entry, and DEFAULT with entries.
    t = TensorProto(name="w", data_type=F, dims=[2, 3], data_location=TensorProto.EXTERNAL)
    c.add("external_without_location", add_model(t), names=[TENSOR("w")],
          problem=r"external|location")
    t = f32("w", np.ones((2, 3)))
    e = t.external_data.add()
    e.key, e.value = "location", "/etc/passwd"
    c.any("default_location_with_entries", add_model(t))
    # A tensor with a huge string in string_data, and a bool tensor whose raw bytes are 2..255.
    c.add("huge_string_tensor", model([node("Identity", ["w"], ["Y"], "id")], [],
                                      [vi("Y", [1], TensorProto.STRING)],
                                      [helper.make_tensor("w", TensorProto.STRING, [1],
                                                          [b"x" * (8 << 20)])]))
    c.any("bool_raw_not_01", model([node("Not", ["w"], ["Y"], "not")], [],
                                   [vi("Y", [4], TensorProto.BOOL)],
                                   [raw_tensor("w", TensorProto.BOOL, [4], bytes([0, 1, 2, 255]))]))
    # Scalar tensors: no dims but 2 values; dims [1] but no data at all.
    c.add("scalar_two_values", add_model(TensorProto(name="w", data_type=F, float_data=[1, 2])),
          names=[TENSOR("w")])
    c.add("no_data", add_model(TensorProto(name="w", data_type=F, dims=[2, 3])),
          names=[TENSOR("w")])


@corpus_class("huge_strings", r".", "huge string attributes, doc strings and metadata, and "
              "huge counts of strings: compile or refuse within the limits")
def huge_strings(c):
    big = "x" * (16 << 20)
    m = relu_model()
    m.graph.node[0].attribute.append(helper.make_attribute("note", big))
    c.any("string_attr_16mib", m)
    m = relu_model()
    m.graph.node[0].attribute.append(helper.make_attribute("notes", ["y" * 16] * 500000))
    c.any("strings_attr_500k", m)
    m = relu_model()
    m.doc_string = big
    m.graph.doc_string = big[:1 << 20]
    m.graph.node[0].doc_string = big[:1 << 20]
    c.any("doc_strings", m)
    m = relu_model()
    for i in range(100000):
        p = m.metadata_props.add()
        p.key, p.value = f"k{i}", "v" * 32
    c.any("metadata_100k", m)
    m = relu_model()
    p = m.metadata_props.add()
    p.key, p.value = "k", big
    c.any("metadata_16mib", m)
    m = relu_model()
    m.producer_name, m.producer_version, m.domain = big[:1 << 20], "\x00\xff", "\n" * 1000
    c.any("producer_fields", m)
    # A string attribute where the op wants an int/string of a small set (Resize mode).
    c.add("resize_mode_huge", model([node("Resize", ["X", "", "sc"], ["Y"], "rz",
                                          mode="q" * (4 << 20))], [vi("X", [1, 1, 2, 2])],
                                    [vi("Y", None)], [f32("sc", [1, 1, 2, 2])]),
          problem=r"mode|attribute|unsupported|not supported", names=[NODE("rz", "Resize")])
    # An attribute name 1 MiB long, and 50,000 attributes on one node.
    m = relu_model()
    m.graph.node[0].attribute.append(helper.make_attribute("a" * (1 << 20), 1))
    c.any("attr_name_1mib", m)
    m = relu_model()
    m.graph.node[0].attribute.extend(helper.make_attribute(f"a{i}", i) for i in range(50000))
    c.any("attrs_50k", m)
    m = relu_model()
    m.graph.node[0].attribute.extend([helper.make_attribute("alpha", 1.0)] * 3)
    c.any("same_attr_three_times", m)


@corpus_class("opset_versions", r"opset|version|domain|not supported|unsupported|import|"
              r"not (a |an )?(known|registered)|unknown|exist",
              "opset versions 0, 1, negative, 99999, 2^63-1; duplicate and aliased imports")
def opset_versions(c):
    relu = [node("Relu", ["X"], ["Y"], "relu")]
    for v in (0, -1, -(1 << 63)):
        c.add(f"opset_{v}".replace("-", "minus"), model(relu, X23, Y23, opset=v),
              problem=r"opset|version|unsupported|not supported|exist")
    # Versions newer than any known: the newest known version of each op is used.
    for v in (99999, (1 << 63) - 1, 1 << 31):
        c.any(f"opset_{v}", model(relu, X23, Y23, opset=v))
    c.any("opset_1", model(relu, X23, Y23, opset=1), note="Relu-1 (consumed_inputs)")
    c.any("opset_1_conv", model([node("Conv", ["X", "w"], ["Y"], "conv")],
                                [vi("X", [1, 1, 4, 4])], [vi("Y", [1, 1, 3, 3])],
                                [f32("w", np.ones((1, 1, 2, 2)))], opset=1))
    c.any("opset_6", model(relu, X23, Y23, opset=6))
    c.any("ai_onnx_alias", model(relu, X23, Y23, opsets=[("ai.onnx", 17)]),
          note="ai.onnx is the default domain's other name")
    c.any("duplicate_import_same", model(relu, X23, Y23, opsets=[("", 17), ("", 17)]))
    c.any("duplicate_import_differ", model(relu, X23, Y23, opsets=[("", 13), ("", 17)]))
    c.any("ml_domain_version_99999", model(relu, X23, Y23,
                                           opsets=[("", 17), ("ai.onnx.ml", 99999)]),
          note="an imported domain nothing uses")
    c.add("ml_op_version_99999", model([node("Normalizer", ["X"], ["Y"], "nrm",
                                             domain="ai.onnx.ml", norm="MAX")], X23, Y23,
                                       opsets=[("", 17), ("ai.onnx.ml", 99999)]),
          names=[NODE("nrm", "Normalizer")])
    c.add("com_microsoft_op", model([node("FusedGemm", ["X", "X"], ["Y"], "fg",
                                          domain="com.microsoft")], X23, Y23,
                                    opsets=[("", 17), ("com.microsoft", 1)]),
          names=[NODE("fg", "FusedGemm")])
    c.add("empty_domain_name_version_0", model(relu, X23, Y23, opsets=[("", 0), ("x", 1)]))
    # IR versions: 0, 1, 3 (no opset_import needed in old files), negative.
    for ir in (0, 1, 3, -5):
        m = model(relu, X23, Y23)
        m.ir_version = ir
        c.any(f"ir_{ir}".replace("-", "minus"), m)


@corpus_class("node_fields", r"op_type|empty|name|not (a |an )?(known|registered)|unknown|"
              r"unsupported|not supported|exist|domain|attribute|ref",
              "nodes with empty or odd op types and domains, duplicate node names, "
              "attribute references outside functions")
def node_fields(c):
    c.add("empty_op_type", model([node("", ["X"], ["Y"], "nameless_op")], X23, Y23),
          names=[r'nameless_op'])
    c.add("space_op_type", model([node("Re lu", ["X"], ["Y"], "sp")], X23, Y23))
    c.add("lowercase_op_type", model([node("relu", ["X"], ["Y"], "lc")], X23, Y23))
    c.add("op_type_nul", model([node("Relu\x00x", ["X"], ["Y"], "nul")], X23, Y23))
    c.add("op_type_1mib", model([node("R" * (1 << 20), ["X"], ["Y"], "long")], X23, Y23))
    c.add("unimported_domain", model([node("Relu", ["X"], ["Y"], "dom", domain="com.evil")],
                                     X23, Y23), names=[NODE("dom", "Relu")])
    # Duplicate node names are common in exported models: valid.
    c.ok("duplicate_node_names", model([node("Relu", ["X"], ["a"], "same"),
                                        node("Neg", ["a"], ["Y"], "same")], X23, Y23))
    c.ok("all_nodes_unnamed", model([node("Relu", ["X"], ["a"], ""),
                                     node("Neg", ["a"], ["Y"], "")], X23, Y23))
    # An attribute referring to a function's attribute, outside any function.
    n = node("LeakyRelu", ["X"], ["Y"], "lr")
    a = AttributeProto(name="alpha", type=AttributeProto.FLOAT, ref_attr_name="a")
    n.attribute.append(a)
    c.any("ref_attr_outside_function", model([n], X23, Y23))
    # An attribute of type UNDEFINED; one with an empty name.
    n = node("LeakyRelu", ["X"], ["Y"], "lr")
    n.attribute.append(AttributeProto(name="alpha", f=0.5))
    c.add("attr_type_undefined", model([n], X23, Y23), names=[NODE("lr", "LeakyRelu")],
          problem=r"type|attribute|alpha")
    n = node("Relu", ["X"], ["Y"], "r")
    n.attribute.append(AttributeProto(name="", type=AttributeProto.INT, i=1))
    c.any("attr_empty_name", model([n], X23, Y23), note="an unknown attribute")
    # Node inputs that are empty strings where the op needs them.
    c.add("empty_required_input", model([node("Add", ["X", ""], ["Y"], "add")], X23, Y23),
          names=[NODE("add", "Add")], problem=r"input|operand|missing|optional|empty")
    c.any("empty_output_name", model([node("Relu", ["X"], [""], "r"),
                                      node("Identity", ["X"], ["Y"], "id")], X23, Y23),
          note="an output nobody reads")


@corpus_class("local_functions", r"function|not supported|unsupported|exist|domain|unknown",
              "model-local ONNX functions: used, unused, recursive, malformed; inlined or "
              "refused cleanly")
def local_functions(c):
    def fn(name, nodes, inputs=("a",), outputs=("b",), domain="com.local", attrs=()):
        f = helper.make_function(domain, name, list(inputs), list(outputs), nodes,
                                 [helper.make_opsetid("", 17), helper.make_opsetid(domain, 1)],
                                 attributes=list(attrs))
        return f

    def with_fns(nodes, fns, opsets=(("", 17), ("com.local", 1))):
        m = model(nodes, X23, Y23, opsets=list(opsets))
        m.functions.extend(fns)
        return m
    relu_fn = fn("MyRelu", [node("Relu", ["a"], ["b"], "inner")])
    c.any("unused_function", with_fns([node("Relu", ["X"], ["Y"], "r")], [relu_fn]),
          note="a function nothing calls")
    c.add("recursive", with_fns([node("Rec", ["X"], ["Y"], "call", domain="com.local")],
                                [fn("Rec", [node("Rec", ["a"], ["b"], "self",
                                                 domain="com.local")])]),
          names=[NODE("call", "Rec")])
    c.add("mutually_recursive", with_fns(
        [node("A", ["X"], ["Y"], "call", domain="com.local")],
        [fn("A", [node("B", ["a"], ["b"], "ab", domain="com.local")]),
         fn("B", [node("A", ["a"], ["b"], "ba", domain="com.local")])]),
        names=[NODE("call", "A")])
    c.add("wrong_arity_call", with_fns(
        [node("MyRelu", ["X", "X", "X"], ["Y"], "call", domain="com.local")], [relu_fn]),
        names=[NODE("call", "MyRelu")])
    c.add("body_uses_undefined", with_fns(
        [node("Bad", ["X"], ["Y"], "call", domain="com.local")],
        [fn("Bad", [node("Add", ["a", "ghost"], ["b"], "inner")])]),
        names=[NODE("call", "Bad")])
    c.add("duplicate_functions", with_fns(
        [node("MyRelu", ["X"], ["Y"], "call", domain="com.local")], [relu_fn, relu_fn]),
        names=[NODE("call", "MyRelu")])
    c.add("function_in_default_domain", with_fns(
        [node("Relu2", ["X"], ["Y"], "call")], [fn("Relu2", [node("Relu", ["a"], ["b"], "i")],
                                                   domain="")], opsets=(("", 17),)),
        names=[NODE("call", "Relu2")])
    # A function overriding a standard op's name in the default domain.
    c.any("function_shadows_relu", with_fns(
        [node("Relu", ["X"], ["Y"], "call")], [fn("Relu", [node("Neg", ["a"], ["b"], "i")],
                                                  domain="")], opsets=(("", 17),)))
    deep = [fn(f"F{i}", [node(f"F{i + 1}", ["a"], ["b"], f"c{i}", domain="com.local")])
            for i in range(200)] + [fn("F200", [node("Relu", ["a"], ["b"], "leaf")])]
    c.add("chain_200", with_fns([node("F0", ["X"], ["Y"], "call", domain="com.local")], deep),
          names=[NODE("call", "F0")])


@corpus_class("training_info", r".", "training_info with algorithms and bindings, valid or "
              "not: ignored or refused cleanly")
def training_info(c):
    m = relu_model()
    t = m.training_info.add()
    t.initialization.CopyFrom(graph([node("Relu", ["ghost"], ["Z"], "bad")], [], []))
    t.algorithm.CopyFrom(graph([node("Relu", ["Y"], ["Y"], "self")], [], []))
    c.any("broken_graphs", m)
    m = relu_model()
    t = m.training_info.add()
    for i in range(1000):
        b = t.update_binding.add()
        b.key, b.value = f"k{i}", "nothing"
    c.any("bindings_1000", m)
    m = relu_model()
    for _ in range(200):
        m.training_info.add().algorithm.node.append(node("Conv", ["X"], ["Z"], "c",
                                                         kernel_shape=[0] * 100))
    c.any("many_infos", m)


@corpus_class("type_info", r"type|shape|rank|dim|element|unsupported|not supported|differ|"
              r"disagree|match|expected|incompatible|sequence|map|optional|value",
              "value_info and graph I/O types that conflict with what the graph computes, "
              "or that are not tensors")
def type_info(c):
    relu = [node("Relu", ["X"], ["h"], "r"), node("Neg", ["h"], ["Y"], "n")]

    def with_vi(v, out=Y23):
        m = model(relu, X23, out)
        m.graph.value_info.append(v)
        return m
    c.any("value_info_wrong_type", with_vi(vi("h", [2, 3], I64)))
    c.any("value_info_wrong_shape", with_vi(vi("h", [7, 7])))
    c.any("value_info_wrong_rank", with_vi(vi("h", [2, 3, 4, 5])))
    c.any("value_info_negative_dim", with_vi(vi("h", [-3, 3])))
    c.any("value_info_huge_dim", with_vi(vi("h", [1 << 62, 1 << 62])))
    c.any("value_info_of_graph_input", with_vi(vi("X", [9])))
    c.any("value_info_no_type", with_vi(helper.make_empty_tensor_value_info("h")))
    m = model(relu, X23, Y23)
    m.graph.value_info.extend([vi("h", [2, 3]), vi("h", [5])])
    c.any("value_info_twice", m)
    c.any("value_info_sequence", with_vi(helper.make_tensor_sequence_value_info("h", F, [2, 3])))
    c.any("output_declared_int", model(relu, X23, [vi("Y", [2, 3], I64)]))
    c.any("output_declared_wrong_shape", model(relu, X23, [vi("Y", [3, 2])]))
    c.any("output_elem_type_0", model(relu, X23, [vi("Y", [2, 3], 0)]))
    c.any("output_elem_type_999", model(relu, X23, [vi("Y", [2, 3], 999)]))
    c.add("input_elem_type_999", model(relu, [vi("X", [2, 3], 999)], Y23))
    c.add("input_elem_type_0", model(relu, [vi("X", [2, 3], 0)], Y23))
    c.add("input_no_type", model(relu, [helper.make_empty_tensor_value_info("X")], Y23))
    c.add("input_map_type", model(relu, [helper.make_value_info(
        "X", helper.make_map_type_proto(I64, helper.make_tensor_type_proto(F, [2])))], Y23))
    c.add("input_sparse_type", model(relu, [helper.make_value_info(
        "X", helper.make_sparse_tensor_type_proto(F, [2, 3]))], Y23))
    t = helper.make_tensor_type_proto(F, [2, 3])
    t.tensor_type.shape.dim[0].ClearField("dim_value")
    c.any("input_dim_without_value_or_param", model(relu, [helper.make_value_info("X", t)], Y23))
    c.any("input_dim_param_empty", model(relu, [vi("X", ["", 3])], Y23))
    c.any("input_dim_param_1mib", model(relu, [vi("X", ["n" * (1 << 20), 3])], Y23))
    t = helper.make_tensor_type_proto(F, [2, 3])
    t.tensor_type.shape.dim[0].denotation = "DATA_BATCH" * 1000
    c.any("dim_denotation", model(relu, [helper.make_value_info("X", t)], Y23))


@corpus_class("huge_counts", r".", "enormous numbers of inputs, outputs, nodes and graph I/O: "
              "compile or refuse within the limits")
def huge_counts(c):
    n = 20000
    c.any("sum_4096_inputs", model([node("Sum", ["X"] * 4096, ["Y"], "sum")], X23, Y23))
    c.any("concat_64_inputs", model([node("Concat", ["X"] * 64, ["Y"], "cat", axis=0)],
                                    X23, [vi("Y", [128, 3])]))
    c.add("graph_inputs_20k", model([node("Relu", ["X"], ["Y"], "r")],
                                    X23 + [vi(f"u{i}", [1]) for i in range(n)], Y23),
          problem=r"inputs.*more than \d+")
    c.add("graph_outputs_20k", model([node("Relu", ["X"], ["Y"], "r")], X23,
                                     [vi("Y", [2, 3])] * n), problem=r"outputs.*more than \d+")
    c.any("graph_inputs_300", model([node("Relu", ["X"], ["Y"], "r")],
                                    X23 + [vi(f"u{i}", [1]) for i in range(300)], Y23))
    c.any("split_20k_outputs", model([node("Split", ["X"], [f"s{i}" for i in range(n)], "sp",
                                            axis=1)], X23, [vi("s0", None)]))
    c.add("relu_100k_inputs", model([node("Relu", ["X"] * 100000, ["Y"], "r")], X23, Y23),
          names=[NODE("r", "Relu")], problem=r"input|operand|arity|expect")
    c.add("relu_100k_outputs", model([node("Relu", ["X"], [f"y{i}" for i in range(100000)],
                                           "r")], X23, [vi("y0", [2, 3])]),
          names=[NODE("r", "Relu")], problem=r"output|result|arity|expect")
    c.any("initializers_50k_unused", model([node("Relu", ["X"], ["Y"], "r")], X23, Y23,
                                           [f32(f"w{i}", [1.0]) for i in range(50000)]))
    m = 1000
    c.any("nodes_1000_chain", model(
        [node("Relu", ["X" if i == 0 else f"t{i}"], ["Y" if i == m - 1 else f"t{i + 1}"],
              f"n{i}") for i in range(m)], X23, Y23))
    c.any("opset_imports_10k", model([node("Relu", ["X"], ["Y"], "r")], X23, Y23,
                                     opsets=[("", 17)] + [(f"d{i}", 1) for i in range(10000)]))


@corpus_class("ext_subgraph_constant", r"outside|\.\.|absolute|does not exist|past|offset|"
              r"length|link|external", "external data on Constant nodes inside If, Loop and "
              "Scan bodies")
def ext_subgraph_constant(c):
    target = outside(c)

    def if_model(t, deep=1):
        inner = graph([node("Constant", [], ["k2"], "const_ext", value=t),
                       node("Add", ["X", "k2"], ["o"], "add_in")], [], [vi("o", [4])])
        for d in range(deep - 1):
            inner = graph([true_const(f"c{d}"),
                           node("If", [f"c{d}"], ["o"], f"if{d}", then_branch=inner,
                                else_branch=inner)], [], [vi("o", [4])])
        other = graph([node("Identity", ["X"], ["o2"], "id")], [], [vi("o2", [4])])
        return model([true_const("cond"),
                      node("If", ["cond"], ["Y"], "branchy", then_branch=inner,
                           else_branch=other)], [vi("X", [4])], [vi("Y", [4])])

    def loop_model(t):
        body = graph([node("Constant", [], ["kk"], "const_ext", value=t),
                      node("Identity", ["cin"], ["cout"], "cid"),
                      node("Add", ["acc", "kk"], ["acc2"], "add_in")],
                     [vi("i", [], I64), vi("cin", [], TensorProto.BOOL), vi("acc", [4])],
                     [vi("cout", [], TensorProto.BOOL), vi("acc2", [4])])
        return model([node("Loop", ["M", "", "X"], ["Y"], "loop", body=body)],
                     [vi("X", [4])], [vi("Y", [4])], [i64("M", 2)])
    nm = [NODE("const_ext", "Constant")]
    ext_case(c, "if_dotdot", if_model(ext_tensor("../outside/weights.bin", name="value")),
             names=nm)
    ext_case(c, "if_absolute", if_model(ext_tensor(str(target.resolve()), name="value")),
             names=nm)
    ext_case(c, "if_deep5_dotdot", if_model(ext_tensor("a/../../outside/weights.bin",
                                                        name="value"), deep=5), names=nm)
    ext_case(c, "if_missing", if_model(ext_tensor("nothing.bin", name="value")), names=nm)
    ext_case(c, "if_symlink_out", if_model(ext_tensor("link.bin", name="value")), names=nm,
             setup=lambda f: (f / "link.bin").symlink_to(target.resolve()))
    ext_case(c, "if_length_huge", if_model(ext_tensor("weights.bin", 0, 1 << 62,
                                                      name="value")), names=nm,
             setup=lambda f: write(f / "weights.bin"))
    ext_case(c, "if_ok", if_model(ext_tensor("weights.bin", name="value")), expect="ok",
             setup=lambda f: write(f / "weights.bin"))
    ext_case(c, "loop_dotdot", loop_model(ext_tensor("../outside/weights.bin", name="value")),
             names=nm)
    ext_case(c, "loop_ok", loop_model(ext_tensor("weights.bin", name="value")), expect="ok",
             setup=lambda f: write(f / "weights.bin"))
    # A Constant with value_floats/value_ints attributes huge, and a sparse external value.
    sp = helper.make_sparse_tensor(ext_tensor("../outside/weights.bin", name="vals"),
                                   i64("idx", [0, 1, 2, 3]), [4])
    ext_case(c, "sparse_value_external", model(
        [node("Constant", [], ["k"], "const_ext", sparse_value=sp),
         node("Add", ["X", "k"], ["Y"], "add")], [vi("X", [4])], [vi("Y", [4])]),
        problem=r"sparse|outside|\.\.|unsupported|not supported", names=nm)
    assert WEIGHTS.nbytes == 16


@corpus_class("zero_size", r"empty|zero|size|dim|shape|index|out of|range|has \d|need|"
              r"reduc|identity", "zero-sized tensors in places that need elements: "
              "compile or refuse cleanly")
def zero_size(c):
    E = [vi("X", [0, 3])]
    c.ok("matmul_k0", model([node("MatMul", ["A", "B"], ["Y"], "mm")],
                            [vi("A", [2, 0]), vi("B", [0, 3])], [vi("Y", [2, 3])]))
    c.ok("concat_with_empty", model([node("Concat", ["X", "Z"], ["Y"], "cat", axis=0)],
                                    [vi("X", [0, 3]), vi("Z", [2, 3])], [vi("Y", [2, 3])]))
    c.any("reducemax_of_empty", model([node("ReduceMax", ["X"], ["Y"], "rm", keepdims=0)],
                                      E, [vi("Y", [])], opset=17))
    c.any("argmax_over_empty_axis", model([node("ArgMax", ["X"], ["Y"], "am", axis=0)],
                                          E, [vi("Y", [1, 3], I64)]))
    c.any("gather_from_empty", model([node("Gather", ["X", "i"], ["Y"], "g", axis=0)], E,
                                     [vi("Y", [1, 3])], [i64("i", [0])]))
    c.add("empty_init_with_raw_bytes", model([node("Add", ["X", "w"], ["Y"], "add")], E,
                                             [vi("Y", [0, 3])],
                                             [raw_tensor("w", F, [0, 3], b"\x00" * 12)]),
          names=[TENSOR("w")], problem=r"raw_data|has \d|need|bytes")
    c.ok("zero_dim_in_the_middle", model([node("Relu", ["X"], ["Y"], "r")],
                                         [vi("X", [2, 0, 3])], [vi("Y", [2, 0, 3])]))
    c.any("conv_zero_channels", model([node("Conv", ["X", "w"], ["Y"], "conv")],
                                      [vi("X", [1, 0, 4, 4])], [vi("Y", None)],
                                      [f32("w", np.ones((1, 0, 2, 2)))]))
    c.any("softmax_empty", model([node("Softmax", ["X"], ["Y"], "sm", axis=0)], E,
                                 [vi("Y", [0, 3])]))
    c.any("reshape_minus1_with_zero", model([node("Reshape", ["X", "s"], ["Y"], "rs")], E,
                                            [vi("Y", None)], [i64("s", [-1, 0])]))


@corpus_class("scalar_operand", r"rank|scalar|axis|out of range|dims|must",
              "scalars given to operators whose axis range is empty at rank 0")
def scalar_operand(c):
    S = [vi("X", [])]
    ax = [i64("ax", [0])]
    cases = {
        "split": (["X"], 2, {}),
        "split_axis_minus1": (["X"], 2, {"axis": -1}),
        "concat": (["X", "X"], 1, {"axis": 0}),
        "compress": (["X", "b"], 1, {"axis": 0}),
        "compress_flat": (["X", "b"], 1, {}),
        "hardmax": (["X"], 1, {"axis": 0}),
        "topk": (["X", "k"], 2, {"axis": 0}),
        "unique": (["X"], 1, {}),
        "unique_axis": (["X"], 1, {"axis": 0}),
        "gather": (["X", "i"], 1, {}),
        "gather_elements": (["X", "i"], 1, {}),
        "squeeze": (["X", "ax"], 1, {}),
        "slice": (["X", "ax", "ax", "ax"], 1, {}),
        "cumsum": (["X", "a0"], 1, {}),
        "argmax": (["X"], 1, {"axis": 0}),
        "flatten": (["X"], 1, {"axis": 1}),
    }
    op_of = {"split_axis_minus1": "Split", "compress_flat": "Compress", "unique_axis": "Unique",
             "gather_elements": "GatherElements", "topk": "TopK", "cumsum": "CumSum",
             "argmax": "ArgMax"}
    inits = ax + [i64("i", [[0, 0], [0, 0]]), i64("k", [1]), i64("a0", 0),
                  TensorProto(name="b", data_type=TensorProto.BOOL, dims=[1], int32_data=[1])]
    for name, (ins, nout, attrs) in cases.items():
        op = op_of.get(name, name.capitalize())
        outs = [f"Y{i}" for i in range(nout)]
        m = model([node(op, ins, outs, "n", **attrs)], S, [vi(o, None) for o in outs],
                  [t for t in inits if t.name in ins], opset=17)
        if name in ("squeeze", "slice", "cumsum", "argmax", "flatten"):
            c.any(name, m)
        else:
            c.add(name, m, names=[NODE("n", op)])


@corpus_class("runtime_operand_length", r"values|rank|length|axes|starts|dims|shape",
              "shape-like operands known only at run time whose static length is 2^40: "
              "no list of that length may be built")
def runtime_operand_length(c):
    L = [vi("L", [1 << 40], I64)]
    X = [vi("X", [2, 3, 4, 5])]
    c.add("slice_starts_no_axes", model([node("Slice", ["X", "L", "L"], ["Y"], "n")], X + L,
                                        [vi("Y", None)], opset=13), names=[NODE("n", "Slice")])
    c.add("pad_axes", model([node("Pad", ["X", "p", "", "L"], ["Y"], "n")], X + L,
                            [vi("Y", None)], [i64("p", [0, 0])], opset=21),
          names=[NODE("n", "Pad")])
    inits = [i64("s1", [0]), i64("d", 3), f32("v", [0, 1])]
    for name, op, ins in [
            ("slice_axes", "Slice", ["X", "s1", "s1", "L"]), ("pad_pads", "Pad", ["X", "L"]),
            ("tile", "Tile", ["X", "L"]), ("expand", "Expand", ["X", "L"]),
            ("reshape", "Reshape", ["X", "L"]), ("constant_of_shape", "ConstantOfShape", ["L"]),
            ("squeeze", "Squeeze", ["X", "L"]), ("unsqueeze", "Unsqueeze", ["X", "L"]),
            ("resize_sizes", "Resize", ["X", "", "", "L"]), ("reduce_sum", "ReduceSum", ["X", "L"]),
            ("split", "Split", ["X", "L"]), ("topk", "TopK", ["X", "L"]),
            ("onehot", "OneHot", ["L", "d", "v"]), ("range", "Range", ["L", "L", "L"]),
            ("center_crop_pad", "CenterCropPad", ["X", "L"]), ("gather", "Gather", ["X", "L"]),
            ("nonzero", "NonZero", ["L"]), ("gather_nd", "GatherND", ["X", "L"])]:
        used = set(ins)
        c.any(name, model([node(op, ins, ["Y"], "n")], [v for v in X + L if v.name in used],
                          [vi("Y", None)], [t for t in inits if t.name in used], opset=21))



@corpus_class("extreme_values", r".", "graphs without nodes, inputs or outputs; attribute and "
              "constant values at the ends of their range (INT64_MIN, 2^62, 0, NaN) for "
              "shape-computing ops and constant folding: compile or refuse cleanly")
def extreme_values(c):
    from onnx import ModelProto
    X = [vi("X", [2, 3])]
    Y = [vi("Y", [2, 3])]
    g = graph([node("Relu", ["X"], ["o"], "r")], [], [vi("o", [2, 3])])
    c.any("empty", b"")
    m=ModelProto(ir_version=8); c.any("no_graph", m)
    m=ModelProto(ir_version=8); m.opset_import.add().version=17; c.any("no_graph_opset", m)
    c.any("no_outputs", model([node("Relu",["X"],["Y"],"r")], X, []))
    c.any("no_nodes_identity", model([], X, [vi("X",[2,3])]))
    c.any("output_is_initializer", model([], [], [vi("W",[2])], [f32("W",[1,2])]))
    c.any("output_twice", model([node("Relu",["X"],["Y"],"r")], X, [vi("Y",[2,3]), vi("Y",[2,3])]))
    c.any("input_also_produced", model([node("Relu",["X"],["X"],"r")], X, [vi("X",[2,3])]))
    c.any("output_is_input_and_node", model([node("Relu",["X"],["Y"],"r")], X, [vi("X",[2,3]), vi("Y",[2,3])]))
    c.any("initializer_shadows_input", model([node("Relu",["X"],["Y"],"r")], X, Y, [f32("X", np.ones((2,3)))]))
    c.any("initializer_shadows_input_wrong_shape", model([node("Relu",["X"],["Y"],"r")], X, Y, [f32("X", np.ones((7,)))]))
    c.any("no_inputs_constant", model([node("Constant",[],["Y"],"c", value=f32("v",np.ones((2,3))))], [], Y))
    c.any("constant_no_value", model([node("Constant",[],["Y"],"c")], [], Y))
    c.any("constant_two_values", model([node("Constant",[],["Y"],"c", value=f32("v",np.ones((2,3))), value_float=1.0)], [], Y))
    c.any("if_no_branches", model([node("Constant",[],["k"],"k",value=helper.make_tensor("v",TensorProto.BOOL,[],[True])), node("If",["k"],["Y"],"if")], [], Y))
    c.any("loop_no_body", model([node("Loop",["M","",],[],"lp")], [], [], [i64("M",2)]))
    c.any("if_cond_float", model([node("If",["X"],["Y"],"if",then_branch=g,else_branch=g)], X, Y))
    c.any("if_cond_vector", model([node("If",["c"],["Y"],"if",then_branch=g,else_branch=g)], X+[vi("c",[3],TensorProto.BOOL)], Y))
    c.any("cast_to_string", model([node("Cast",["X"],["Y"],"c",to=8)], X, [vi("Y",[2,3],8)]))
    c.any("cast_to_999", model([node("Cast",["X"],["Y"],"c",to=999)], X, [vi("Y",[2,3])]))
    c.any("cast_to_undefined", model([node("Cast",["X"],["Y"],"c",to=0)], X, [vi("Y",[2,3])]))
    c.any("eyelike_dtype_999", model([node("EyeLike",["X"],["Y"],"e",dtype=999)], X, [vi("Y",[2,3])]))
    c.any("randomnormal_dtype_bad", model([node("RandomNormal",[],["Y"],"e",dtype=7, shape=[2,3])], [], [vi("Y",[2,3])]))
    c.any("randomnormal_shape_huge", model([node("RandomNormal",[],["Y"],"e", shape=[1<<31, 1<<31])], [], [vi("Y",None)]))
    c.any("constantofshape_value_str", model([node("ConstantOfShape",["s"],["Y"],"e", value=helper.make_tensor("v",8,[1],[b"a"]))], [], [vi("Y",None)], [i64("s",[2])]))
    c.any("constantofshape_value_2elems", model([node("ConstantOfShape",["s"],["Y"],"e", value=f32("v",[1,2]))], [], [vi("Y",None)], [i64("s",[2])]))
    c.any("range_zero_delta", model([node("Range",["a","b","d"],["Y"],"r")], [], [vi("Y",None)], [f32("a",1.0),f32("b",10.0),f32("d",0.0)]))
    c.any("range_huge", model([node("Range",["a","b","d"],["Y"],"r")], [], [vi("Y",None)], [i64("a",0),i64("b",1<<62),i64("d",1)]))
    c.any("tile_huge", model([node("Tile",["X","r"],["Y"],"t")], X, [vi("Y",None)], [i64("r",[1<<40,1<<40])]))
    c.any("expand_huge", model([node("Expand",["X","s"],["Y"],"t")], X, [vi("Y",None)], [i64("s",[1<<40,1,3])]))
    c.any("resize_scale_huge", model([node("Resize",["X","","s"],["Y"],"t")], [vi("X",[1,1,2,2])], [vi("Y",None)], [f32("s",[1,1,1e9,1e9])]))
    c.any("resize_scale_nan", model([node("Resize",["X","","s"],["Y"],"t")], [vi("X",[1,1,2,2])], [vi("Y",None)], [f32("s",[1,1,float('nan'),2])]))
    c.any("resize_scale_neg", model([node("Resize",["X","","s"],["Y"],"t")], [vi("X",[1,1,2,2])], [vi("Y",None)], [f32("s",[1,1,-2,2])]))
    c.any("onehot_depth_huge", model([node("OneHot",["i","d","v"],["Y"],"o")], [], [vi("Y",None)], [i64("i",[0,1]), i64("d",1<<40), f32("v",[0,1])]))
    c.any("onehot_depth_neg", model([node("OneHot",["i","d","v"],["Y"],"o")], [], [vi("Y",None)], [i64("i",[0,1]), i64("d",-5), f32("v",[0,1])]))
    c.any("topk_k_huge", model([node("TopK",["X","k"],["Y","I"],"o")], X, [vi("Y",None)], [i64("k",[1<<40])]))
    c.any("conv_group_0", model([node("Conv",["X","w"],["Y"],"c",group=0)], [vi("X",[1,2,4,4])], [vi("Y",None)], [f32("w",np.ones((2,1,2,2)))]))
    c.any("conv_group_huge", model([node("Conv",["X","w"],["Y"],"c",group=1<<40)], [vi("X",[1,2,4,4])], [vi("Y",None)], [f32("w",np.ones((2,1,2,2)))]))
    c.any("convtranspose_output_shape_huge", model([node("ConvTranspose",["X","w"],["Y"],"c",output_shape=[1<<40,1<<40])], [vi("X",[1,1,4,4])], [vi("Y",None)], [f32("w",np.ones((1,1,2,2)))]))
    c.any("maxpool_dilation_huge", model([node("MaxPool",["X"],["Y"],"m",kernel_shape=[2,2],dilations=[1<<40,1])], [vi("X",[1,1,4,4])], [vi("Y",None)]))
    c.any("lstm_hidden_huge", model([node("LSTM",["X","W","R"],["Y"],"l",hidden_size=1<<40)], [vi("X",[1,1,2])], [vi("Y",None)], [f32("W",np.ones((1,4,2))), f32("R",np.ones((1,4,1)))]))
    c.any("lstm_hidden_0", model([node("LSTM",["X","W","R"],["Y"],"l",hidden_size=0)], [vi("X",[1,1,2])], [vi("Y",None)], [f32("W",np.ones((1,4,2))), f32("R",np.ones((1,4,1)))]))
    c.any("einsum_bad_eq", model([node("Einsum",["X"],["Y"],"e",equation="ij->k")], X, [vi("Y",None)]))
    c.any("einsum_garbage_eq", model([node("Einsum",["X"],["Y"],"e",equation="\xff..->..,,")], X, [vi("Y",None)]))
    c.any("einsum_long_eq", model([node("Einsum",["X"],["Y"],"e",equation="ij"*100000+"->")], X, [vi("Y",None)]))
    c.any("depth_to_space_bs0", model([node("DepthToSpace",["X"],["Y"],"d",blocksize=0)], [vi("X",[1,4,2,2])], [vi("Y",None)]))
    c.any("depth_to_space_bs_huge", model([node("DepthToSpace",["X"],["Y"],"d",blocksize=1<<32)], [vi("X",[1,4,2,2])], [vi("Y",None)]))
    c.any("reshape_two_minus1", model([node("Reshape",["X","s"],["Y"],"r")], X, [vi("Y",None)], [i64("s",[-1,-1])]))
    c.any("reshape_minus2", model([node("Reshape",["X","s"],["Y"],"r")], X, [vi("Y",None)], [i64("s",[-2,3])]))
    c.any("transpose_perm_dup", model([node("Transpose",["X"],["Y"],"t",perm=[0,0])], X, [vi("Y",None)]))
    c.any("gemm_rank3", model([node("Gemm",["A","B"],["Y"],"g")], [vi("A",[2,3,4]), vi("B",[4,5])], [vi("Y",None)]))
    c.any("matmul_mismatch", model([node("MatMul",["A","B"],["Y"],"g")], [vi("A",[2,3]), vi("B",[4,5])], [vi("Y",None)]))
    c.any("batchnorm_scale_wrong", model([node("BatchNormalization",["X","s","s","s","s"],["Y"],"b")], [vi("X",[1,3,2,2])], [vi("Y",None)], [f32("s",[1,1])]))
    c.any("quantize_zero_scale", model([node("QuantizeLinear",["X","s"],["Y"],"q")], X, [vi("Y",None)], [f32("s",0.0)]))
    c.any("dequant_axis_bad", model([node("DequantizeLinear",["X","s"],["Y"],"q",axis=5)], [vi("X",[2,3],TensorProto.INT8)], [vi("Y",None)], [f32("s",[1,1,1])]))
    c.any("clip_min_gt_max", model([node("Clip",["X","a","b"],["Y"],"c")], X, Y, [f32("a",5.0),f32("b",1.0)]))
    c.any("slice_step_0", model([node("Slice",["X","s","e","a","st"],["Y"],"s")], X, [vi("Y",None)], [i64("s",[0]),i64("e",[2]),i64("a",[0]),i64("st",[0])]))
    c.any("slice_axes_dup", model([node("Slice",["X","s","e","a"],["Y"],"s")], X, [vi("Y",None)], [i64("s",[0,0]),i64("e",[1,1]),i64("a",[0,0])]))
    c.any("unsqueeze_dup_axes", model([node("Unsqueeze",["X","a"],["Y"],"u")], X, [vi("Y",None)], [i64("a",[0,0])]))
    c.any("squeeze_non1", model([node("Squeeze",["X","a"],["Y"],"u")], X, [vi("Y",None)], [i64("a",[0])]))
    c.any("scatter_idx_oob", model([node("ScatterElements",["X","i","X"],["Y"],"s")], X, [vi("Y",None)], [i64("i",np.full((2,3),99))]))
    c.any("gathernd_batch_dims_bad", model([node("GatherND",["X","i"],["Y"],"g",batch_dims=5)], X, [vi("Y",None)], [i64("i",[[0]])]))
    c.any("nms_huge_boxes", model([node("NonMaxSuppression",["b","s","m"],["Y"],"n")], [vi("b",[1,1<<40,4]), vi("s",[1,1,1<<40])], [vi("Y",None)], [i64("m",[1<<40])]))
    c.any("mod_fmod_int", model([node("Mod",["A","A"],["Y"],"m",fmod=0)], [vi("A",[2],TensorProto.FLOAT)], [vi("Y",None)]))
    c.any("div_int_by_zero_const", model([node("Div",["a","b"],["Y"],"d")], [], [vi("Y",None)], [i64("a",[1]), i64("b",[0])]))
    c.any("mod_int_by_zero_const", model([node("Mod",["a","b"],["Y"],"d")], [], [vi("Y",None)], [i64("a",[1]), i64("b",[0])]))
    c.any("div_intmin_by_minus1", model([node("Div",["a","b"],["Y"],"d")], [], [vi("Y",None)], [i64("a",[-(1<<63)]), i64("b",[-1])]))
    c.any("pow_int_neg", model([node("Pow",["a","b"],["Y"],"d")], [], [vi("Y",None)], [i64("a",[2]), i64("b",[-1])]))
    c.any("shift_by_100", model([node("BitShift",["a","b"],["Y"],"d",direction="LEFT")], [], [vi("Y",None)], [numpy_helper.from_array(np.array([1],dtype=np.uint64),"a"), numpy_helper.from_array(np.array([100],dtype=np.uint64),"b")]))
    c.any("cast_nan_to_int", model([node("Cast",["a"],["Y"],"c",to=7)], [], [vi("Y",None)], [f32("a",[float('nan'), 1e30, -1e30])]))
    c.any("abs_intmin", model([node("Abs",["a"],["Y"],"c")], [], [vi("Y",None)], [i64("a",[-(1<<63)])]))
    c.any("neg_intmin", model([node("Neg",["a"],["Y"],"c")], [], [vi("Y",None)], [i64("a",[-(1<<63)])]))
    c.any("sum_overflow_const", model([node("Add",["a","a"],["Y"],"c")], [], [vi("Y",None)], [i64("a",[(1<<63)-1])]))
    c.any("mul_overflow_const", model([node("Mul",["a","a"],["Y"],"c")], [], [vi("Y",None)], [i64("a",[(1<<62)])]))
    c.any("reducesum_int_overflow", model([node("ReduceSum",["a"],["Y"],"c", keepdims=0)], [], [vi("Y",None)], [i64("a",[(1<<62)]*8)]))
    c.any("cumsum_overflow", model([node("CumSum",["a","x"],["Y"],"c")], [], [vi("Y",None)], [i64("a",[(1<<62)]*8), i64("x",0)]))
    c.any("shape_start_huge", model([node("Shape",["X"],["Y"],"c",start=-(1<<62), end=1<<62)], X, [vi("Y",None)]))
    c.any("size_of_huge_dyn", model([node("Size",["X"],["Y"],"c")], [vi("X",[1<<40, 1<<40])], [vi("Y",None)]))
    c.any("flatten_axis_rank", model([node("Flatten",["X"],["Y"],"c",axis=2)], X, [vi("Y",None)]))
    c.any("flatten_axis_huge", model([node("Flatten",["X"],["Y"],"c",axis=1<<40)], X, [vi("Y",None)]))
    c.any("softmax_axis_intmin", model([node("Softmax",["X"],["Y"],"c",axis=-(1<<63))], X, [vi("Y",None)]))
    c.any("argmax_axis_intmin", model([node("ArgMax",["X"],["Y"],"c",axis=-(1<<63))], X, [vi("Y",None)]))
    c.any("concat_axis_intmin", model([node("Concat",["X","X"],["Y"],"c",axis=-(1<<63))], X, [vi("Y",None)]))
    c.any("gather_axis_intmin", model([node("Gather",["X","i"],["Y"],"c",axis=-(1<<63))], X, [vi("Y",None)], [i64("i",[0])]))
    c.any("gather_idx_intmin", model([node("Gather",["X","i"],["Y"],"c")], X, [vi("Y",None)], [i64("i",[-(1<<63)])]))
    c.any("slice_start_intmin", model([node("Slice",["X","s","e"],["Y"],"s")], X, [vi("Y",None)], [i64("s",[-(1<<63)]),i64("e",[(1<<63)-1])]))
    c.any("slice_step_intmin", model([node("Slice",["X","s","e","a","st"],["Y"],"s")], X, [vi("Y",None)], [i64("s",[(1<<63)-1]),i64("e",[-(1<<63)]),i64("a",[0]),i64("st",[-(1<<63)])]))
    c.any("pad_intmin", model([node("Pad",["X","p"],["Y"],"s")], X, [vi("Y",None)], [i64("p",[-(1<<63),0,0,0])]))
    c.any("pad_huge", model([node("Pad",["X","p"],["Y"],"s")], X, [vi("Y",None)], [i64("p",[(1<<62),0,(1<<62),0])]))
    c.any("conv_pads_intmin", model([node("Conv",["X","w"],["Y"],"c",pads=[-(1<<63),0,0,0])], [vi("X",[1,1,4,4])], [vi("Y",None)], [f32("w",np.ones((1,1,2,2)))]))
    c.any("conv_stride_intmax", model([node("Conv",["X","w"],["Y"],"c",strides=[(1<<63)-1,1])], [vi("X",[1,1,4,4])], [vi("Y",None)], [f32("w",np.ones((1,1,2,2)))]))
    c.any("avgpool_kernel_intmax", model([node("AveragePool",["X"],["Y"],"c",kernel_shape=[(1<<63)-1,1])], [vi("X",[1,1,4,4])], [vi("Y",None)]))
    c.any("lrn_size_intmax", model([node("LRN",["X"],["Y"],"c",size=(1<<63)-1)], [vi("X",[1,1,4,4])], [vi("Y",None)]))
    c.any("trilu_k_intmin", model([node("Trilu",["X","k"],["Y"],"c")], X, [vi("Y",None)], [i64("k",-(1<<63))]))
    c.any("range_intmin_delta", model([node("Range",["a","b","d"],["Y"],"r")], [], [vi("Y",None)], [i64("a",(1<<63)-1),i64("b",-(1<<63)),i64("d",-(1<<63))]))
    c.any("topk_k_intmin", model([node("TopK",["X","k"],["Y","I"],"o")], X, [vi("Y",None)], [i64("k",[-(1<<63)])]))
    c.any("split_intmin", model([node("Split",["X","s"],["a","b"],"o",axis=1)], X, [vi("a",None)], [i64("s",[-(1<<63),(1<<63)-1])]))
    c.any("split_overflow_sum", model([node("Split",["X","s"],["a","b"],"o",axis=1)], X, [vi("a",None)], [i64("s",[(1<<63)-1,4])]))
    c.any("tile_intmin", model([node("Tile",["X","r"],["Y"],"t")], X, [vi("Y",None)], [i64("r",[-(1<<63),1])]))
    c.any("expand_intmin", model([node("Expand",["X","s"],["Y"],"t")], X, [vi("Y",None)], [i64("s",[-(1<<63),3])]))
    c.any("reshape_intmin", model([node("Reshape",["X","s"],["Y"],"r")], X, [vi("Y",None)], [i64("s",[-(1<<63),3])]))
    c.any("cos_intmin", model([node("ConstantOfShape",["s"],["Y"],"e")], [], [vi("Y",None)], [i64("s",[-(1<<63)])]))
    c.any("onehot_intmin", model([node("OneHot",["i","d","v"],["Y"],"o")], [], [vi("Y",None)], [i64("i",[0,1]), i64("d",-(1<<63)), f32("v",[0,1])]))
    c.any("resize_sizes_intmin", model([node("Resize",["X","","","s"],["Y"],"t")], [vi("X",[1,1,2,2])], [vi("Y",None)], [i64("s",[1,1,-(1<<63),2])]))
    c.any("resize_sizes_huge", model([node("Resize",["X","","","s"],["Y"],"t")], [vi("X",[1,1,2,2])], [vi("Y",None)], [i64("s",[1,1,1<<40,1<<40])]))


@corpus_class("operand_kind", r"must be|must hold|rank|1-D|bool|float|type",
              "operands of the wrong rank or element type for what the op reads from them "
              "(list operands given as scalars, a double training_mode)")
def operand_kind(c):
    X = vi("X", [1, 2, 4, 4])

    def m(op, ins, vis, attrs=None, inits=()):
        return model([node(op, ins, ["Y"], "n", **(attrs or {}))], vis, [vi("Y", None)],
                     list(inits), opset=21)
    c.add("dropout_training_mode_double", m("Dropout", ["X", "r", "t"],
                                            [X, vi("r", []), vi("t", [], TensorProto.DOUBLE)]),
          names=[NODE("n", "Dropout")])
    c.add("dropout_ratio_int", m("Dropout", ["X", "r"], [X, vi("r", [], I64)]),
          names=[NODE("n", "Dropout")])
    c.add("dropout_ratio_vector", m("Dropout", ["X", "r"], [X, vi("r", [3])]),
          names=[NODE("n", "Dropout")])
    c.add("compress_scalar_condition", m("Compress", ["X", "k"],
                                         [X, vi("k", [], TensorProto.BOOL)], {"axis": 0}),
          names=[NODE("n", "Compress")])
    for name in ("starts", "ends"):
        ins = {"starts": ["X", "s", "e"], "ends": ["X", "e", "s"]}[name]
        c.add(f"slice_scalar_{name}", m("Slice", ins, [X, vi("s", [], I64)],
                                        inits=[i64("e", [1])]), names=[NODE("n", "Slice")])
    c.add("slice_matrix_starts", m("Slice", ["X", "s", "e"], [X, vi("s", [1, 1], I64)],
                                   inits=[i64("e", [1])]), names=[NODE("n", "Slice")])
    c.add("roialign_scalar_batch_indices", m("RoiAlign", ["X", "R", "b"],
                                             [X, vi("R", [1, 4]), vi("b", [], I64)]),
          names=[NODE("n", "RoiAlign")])
