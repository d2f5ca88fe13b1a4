"""Writes the small ONNX models of the ML, TfIdfVectorizer, FlexAttention and
Scan-8 importer lit tests (test/Importer/ml-ops.test and friends).

    python make_ml_model.py CASE OUT.onnx
"""

import sys

import numpy as np
from onnx import TensorProto, helper, numpy_helper

CASES = {}
F = TensorProto.FLOAT
I32 = TensorProto.INT32
I64 = TensorProto.INT64


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, opsets, initializers=()):
    graph = helper.make_graph(list(nodes), "g", list(inputs), list(outputs),
                              initializer=list(initializers))
    m = helper.make_model(graph, producer_name="onnxc-lit",
                          opset_imports=[helper.make_opsetid(d, v) for d, v in opsets])
    m.ir_version = 10
    return m


ML = [("", 21), ("ai.onnx.ml", 5)]


@case
def binarizer():
    node = helper.make_node("Binarizer", ["x"], ["y"], name="bin",
                            domain="ai.onnx.ml", threshold=0.5)
    return model([node], [vi("x", F, [2, 3])], [vi("y", F, [2, 3])], ML)


@case
def array_feature_extractor():
    node = helper.make_node("ArrayFeatureExtractor", ["x", "i"], ["y"],
                            name="afe", domain="ai.onnx.ml")
    return model([node], [vi("x", F, [3, 4]), vi("i", I64, [2])],
                 [vi("y", F, None)], ML)


@case
def label_encoder():
    node = helper.make_node("LabelEncoder", ["x"], ["y"], name="labels",
                            domain="ai.onnx.ml", keys_int64s=[1, 5, 7],
                            values_floats=[0.5, 1.5, 2.5], default_float=-1.0)
    return model([node], [vi("x", I64, [2, 3])], [vi("y", F, None)], ML)


@case
def label_encoder_tensor():
    node = helper.make_node(
        "LabelEncoder", ["x"], ["y"], name="labels", domain="ai.onnx.ml",
        keys_tensor=numpy_helper.from_array(np.array([0.5, np.nan, 2.0], dtype=np.float32)),
        values_tensor=numpy_helper.from_array(np.array([3, 4, 5], dtype=np.int16)),
        default_tensor=numpy_helper.from_array(np.array([42], dtype=np.int16)))
    return model([node], [vi("x", F, [5])], [vi("y", TensorProto.INT16, None)], ML)


@case
def label_encoder_strings():
    node = helper.make_node("LabelEncoder", ["x"], ["y"], name="labels",
                            domain="ai.onnx.ml", keys_strings=["a", "b"],
                            values_int64s=[1, 2])
    return model([node], [vi("x", TensorProto.STRING, [2])], [vi("y", I64, None)], ML)


def tree(**overrides):
    attrs = dict(
        aggregate_function=1, n_targets=2, post_transform=0, tree_roots=[0],
        nodes_featureids=[0, 1], nodes_modes=numpy_helper.from_array(
            np.array([0, 6], dtype=np.uint8)),
        nodes_splits=numpy_helper.from_array(np.array([1.5, 0.0], dtype=np.float32)),
        nodes_truenodeids=[1, 0], nodes_trueleafs=[0, 1],
        nodes_falsenodeids=[1, 1], nodes_falseleafs=[1, 1],
        leaf_targetids=[0, 1], leaf_weights=numpy_helper.from_array(
            np.array([2.0, 3.0], dtype=np.float32)),
        membership_values=numpy_helper.from_array(
            np.array([1.0, 4.0, np.nan], dtype=np.float32)))
    attrs.update(overrides)
    node = helper.make_node("TreeEnsemble", ["x"], ["y"], name="trees",
                            domain="ai.onnx.ml", **attrs)
    return model([node], [vi("x", F, [4, 2])], [vi("y", F, None)], ML)


@case
def tree_ensemble():
    return tree()


@case
def tree_ensemble_cycle():
    return tree(nodes_truenodeids=[1, 0], nodes_trueleafs=[0, 0])


def tfidf(**overrides):
    attrs = dict(max_gram_length=2, min_gram_length=1, max_skip_count=1,
                 mode="TF", ngram_counts=[0, 2], ngram_indexes=[0, 1, 2],
                 pool_int64s=[5, 6, 5, 6])
    attrs.update(overrides)
    node = helper.make_node("TfIdfVectorizer", ["x"], ["y"], name="tfidf", **attrs)
    return model([node], [vi("x", I32, [2, 6])], [vi("y", F, None)], [("", 21)])


@case
def tfidf_vectorizer():
    return tfidf()


@case
def tfidf_bad_indexes():
    return tfidf(ngram_indexes=[0, 1])


@case
def tfidf_strings():
    attrs = dict(pool_strings=["a", "b", "a", "b"])
    node = helper.make_node("TfIdfVectorizer", ["x"], ["y"], name="tfidf",
                            max_gram_length=2, min_gram_length=1,
                            max_skip_count=1, mode="TF", ngram_counts=[0, 2],
                            ngram_indexes=[0, 1, 2], **attrs)
    return model([node], [vi("x", I32, [2, 6])], [vi("y", F, None)], [("", 21)])


def flex(score_mod=True, prob_mod=False, extra_graph=False, inputs=1):
    attrs = {}
    sub_in = [vi("s", F, ["B", "H", "L", "S"])]
    sub_out = [vi("o", F, ["B", "H", "L", "S"])]
    if score_mod:
        cap = numpy_helper.from_array(np.array(2.0, dtype=np.float32), "cap")
        attrs["score_mod"] = helper.make_graph(
            [helper.make_node("Div", ["s", "cap"], ["t"]),
             helper.make_node("Tanh", ["t"], ["o"])],
            "soft_cap", sub_in * inputs, sub_out, initializer=[cap])
    if prob_mod:
        attrs["prob_mod"] = helper.make_graph(
            [helper.make_node("Mul", ["s", "s"], ["o"])], "square", sub_in, sub_out)
    if extra_graph:
        attrs["body"] = helper.make_graph(
            [helper.make_node("Identity", ["s"], ["o"])], "body", sub_in, sub_out)
    node = helper.make_node("FlexAttention", ["q", "k", "v"], ["y"], name="flex",
                            domain="ai.onnx.preview", **attrs)
    return model([node], [vi("q", F, [1, 4, 3, 8]), vi("k", F, [1, 2, 5, 8]),
                          vi("v", F, [1, 2, 5, 6])], [vi("y", F, None)],
                 [("", 26), ("ai.onnx.preview", 1)])


@case
def flex_attention():
    return flex(prob_mod=True)


@case
def flex_attention_plain():
    return flex(score_mod=False)


@case
def flex_attention_extra_graph():
    return flex(extra_graph=True)


@case
def flex_attention_two_inputs():
    return flex(inputs=2)


def scan8(seq_lens=False):
    body = helper.make_graph(
        [helper.make_node("Add", ["acc", "x"], ["next"]),
         helper.make_node("Identity", ["next"], ["out"])],
        "body", [vi("acc", F, [2]), vi("x", F, [2])],
        [vi("next", F, [2]), vi("out", F, [2])])
    inputs = ["lens" if seq_lens else "", "init", "xs"]
    node = helper.make_node("Scan", inputs, ["final", "outs"], name="scan",
                            body=body, num_scan_inputs=1)
    graph_inputs = [vi("init", F, [3, 2]), vi("xs", F, [3, 4, 2])]
    initializers = []
    if seq_lens == "input":
        graph_inputs.append(vi("lens", I32, [3]))
    elif seq_lens:
        initializers.append(numpy_helper.from_array(
            np.array(seq_lens, dtype=np.int32), "lens"))
    return model([node], graph_inputs, [vi("final", F, None), vi("outs", F, None)],
                 [("", 8)], initializers)


@case
def scan_opset8():
    return scan8()


@case
def scan_opset8_sequence_lens():
    return scan8(seq_lens="input")


@case
def scan_opset8_full_lengths():
    return scan8(seq_lens=[4, 4, 4])


@case
def scan_opset8_short_lengths():
    return scan8(seq_lens=[4, 2, 4])


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.exit("usage: make_ml_model.py {%s} OUT.onnx" % "|".join(sorted(CASES)))
    with open(sys.argv[2], "wb") as f:
        f.write(CASES[sys.argv[1]]().SerializeToString())


if __name__ == "__main__":
    main()
