#!/usr/bin/env python3
"""Generate the benchmark models of onnx-compile: architecture-exact ONNX graphs with
fixed-seed random weights (nothing is downloaded).

    .venv/bin/python utils/models/bench_models.py [--out-dir build/bench-models]
        [--layers N] [--vocab N] [--force] [MODEL ...]

MODEL is one or more of the names in MODELS (default: all of them):

| name            | graph                                                                   |
|-----------------|-------------------------------------------------------------------------|
| resnet50        | ResNet-50 v1.5 (stride on the 3x3 conv), 1x3x224x224 -> 1x1000 logits; BN folded into Conv as exporters do |
| resnet50-dyn    | the same with a symbolic batch dim `batch`                               |
| mobilenetv2     | MobileNetV2 1.0, 1x3x224x224 -> 1x1000; ReLU6 as Clip, depthwise Conv   |
| bert            | BERT-base encoder: 12 layers, hidden 768, 12 heads, seq 128; input_ids, attention_mask, token_type_ids -> last_hidden_state, pooler_output; LayerNormalization, Gelu via Erf, MatMul+Add, Softmax attention with Reshape/Transpose |
| gpt2-prefill    | GPT-2 small: 12 layers, 768, 12 heads, 128 prompt tokens -> logits and the KV cache (present.N.key/value); fused QKV + Split, causal mask by Where, LayerNorm decomposed into ReduceMean/Sub/Pow/Sqrt/Div, Gelu via Tanh |
| gpt2-decode     | one GPT-2 decode step: 1 token and past.N.key/value of 127 tokens -> logits and present of 128 tokens |
| matmul-1024     | one 1024x1024 by 1024x1024 fp32 MatMul (both operands are inputs)       |
| conv3x3-64      | one 3x3 Conv 64->64 on 1x64x56x56 with bias, pads 1                     |

--layers N sets the depth of bert / gpt2-* (default 12; the CI tier uses 2), --vocab N the
vocabulary of bert / gpt2-* (default 30522 / 50257). Models are written as
OUT_DIR/<name>[-L<layers>][-V<vocab>].onnx with a sidecar .stamp; a model whose stamp
matches (same parameters, same generator source) is not written again. Every model is opset
17 and passes onnx.checker.check_model(full_check=True).

Used by test/E2E/test_bench_models.py and utils/bench/run.py through ensure_model(),
make_inputs() and MODELS.
"""

import argparse
import hashlib
import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8  # onnxruntime 1.23 and IREE read it; plenty for opset 17
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT_DIR = ROOT / "build" / "bench-models"
WEIGHT_SEED = 2024
INPUT_SEED = 7

BERT_VOCAB = 30522
GPT2_VOCAB = 50257
HIDDEN = 768
HEADS = 12
FFN = 3072
SEQ = 128
GPT2_PAST = 127


# ---------------------------------------------------------------------------------------
# Graph building


class Graph:
    """Collects nodes and initializers; names every node (the compiler's diagnostics quote
    node names) and draws weights from one fixed-seed generator."""

    def __init__(self, name: str, seed: int = WEIGHT_SEED):
        self.name = name
        self.rng = np.random.default_rng(seed)
        self.nodes = []
        self.inits = []
        self.names = set()
        self.counter = 0

    def unique(self, base: str) -> str:
        name = base
        while name in self.names:
            self.counter += 1
            name = f"{base}_{self.counter}"
        self.names.add(name)
        return name

    def const(self, name: str, array) -> str:
        name = self.unique(name)
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def normal(self, name: str, shape, std: float) -> str:
        return self.const(name, (self.rng.standard_normal(shape, dtype=np.float32) * std)
                          .astype(np.float32))

    def node(self, op: str, inputs, name: str, outputs: int = 1, **attrs):
        name = self.unique(name)
        outs = [f"{name}:out{i}" if outputs > 1 else f"{name}:out" for i in range(outputs)]
        self.nodes.append(helper.make_node(op, list(inputs), outs, name=name, **attrs))
        return outs if outputs > 1 else outs[0]

    def rename_output(self, value: str, new_name: str) -> str:
        """Give the value `value` (the output of the last node that made it) a graph output
        name."""
        for n in reversed(self.nodes):
            for i, o in enumerate(n.output):
                if o == value:
                    n.output[i] = new_name
                    for m in self.nodes:
                        for j, x in enumerate(m.input):
                            if x == value:
                                m.input[j] = new_name
                    return new_name
        raise KeyError(value)

    def model(self, inputs, outputs) -> onnx.ModelProto:
        graph = helper.make_graph(self.nodes, self.name, inputs, outputs, initializer=self.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                  producer_name="onnx-compile utils/models/bench_models.py")
        model.ir_version = IR_VERSION
        return model


def f32(x):
    return np.asarray(x, dtype=np.float32)


def i64(x):
    return np.asarray(x, dtype=np.int64)


# ---------------------------------------------------------------------------------------
# CNNs (BatchNormalization folded into the Conv weights and bias, as exporters do in eval
# mode)


def conv(g: Graph, x, cin, cout, k, name, stride=1, group=1, gain=2.0, act="relu"):
    fan_in = cin // group * k * k
    w = g.normal(f"{name}.weight", (cout, cin // group, k, k), math.sqrt(gain / fan_in))
    b = g.normal(f"{name}.bias", (cout,), 0.05)
    pad = k // 2
    y = g.node("Conv", [x, w, b], name, kernel_shape=[k, k], strides=[stride, stride],
               pads=[pad] * 4, group=group, dilations=[1, 1])
    if act == "relu":
        y = g.node("Relu", [y], f"{name}.relu")
    elif act == "relu6":
        if "clip.min" not in g.names:
            g.const("clip.min", f32(0.0))
            g.const("clip.max", f32(6.0))
        y = g.node("Clip", [y, "clip.min", "clip.max"], f"{name}.relu6")
    return y


def classifier(g: Graph, x, channels, classes=1000):
    y = g.node("GlobalAveragePool", [x], "avgpool")
    y = g.node("Flatten", [y], "flatten", axis=1)
    w = g.normal("fc.weight", (classes, channels), math.sqrt(1.0 / channels))
    b = g.normal("fc.bias", (classes,), 0.05)
    return g.node("Gemm", [y, w, b], "fc", alpha=1.0, beta=1.0, transB=1)


def build_resnet50(dynamic_batch: bool = False) -> onnx.ModelProto:
    """ResNet-50 v1.5: bottlenecks [3, 4, 6, 3], the stride on the 3x3 conv."""
    g = Graph("resnet50" + ("_dynamic_batch" if dynamic_batch else ""))
    x = conv(g, "input", 3, 64, 7, "conv1", stride=2)
    x = g.node("MaxPool", [x], "maxpool", kernel_shape=[3, 3], strides=[2, 2], pads=[1] * 4)
    cin = 64
    for stage, (blocks, width) in enumerate(zip((3, 4, 6, 3), (64, 128, 256, 512)), start=1):
        for b in range(blocks):
            stride = 2 if (b == 0 and stage > 1) else 1
            p = f"layer{stage}.{b}"
            y = conv(g, x, cin, width, 1, f"{p}.conv1")
            y = conv(g, y, width, width, 3, f"{p}.conv2", stride=stride)
            # Small gain on the last conv of the branch keeps activations of this
            # BN-less (folded) random network near unit scale over 16 residual adds.
            y = conv(g, y, width, width * 4, 1, f"{p}.conv3", gain=0.25, act=None)
            if b == 0:
                x = conv(g, x, cin, width * 4, 1, f"{p}.downsample", stride=stride, gain=1.0,
                         act=None)
            x = g.node("Add", [y, x], f"{p}.add")
            x = g.node("Relu", [x], f"{p}.relu")
            cin = width * 4
    logits = g.rename_output(classifier(g, x, 2048), "logits")
    batch = "batch" if dynamic_batch else 1
    return g.model([helper.make_tensor_value_info("input", TensorProto.FLOAT, [batch, 3, 224, 224])],
                   [helper.make_tensor_value_info(logits, TensorProto.FLOAT, [batch, 1000])])


def build_mobilenetv2() -> onnx.ModelProto:
    """MobileNetV2 1.0 (torchvision layout): inverted residuals with ReLU6 (Clip)."""
    g = Graph("mobilenetv2")
    x = conv(g, "input", 3, 32, 3, "features.0", stride=2, act="relu6")
    cin = 32
    index = 1
    for t, c, n, s in ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                       (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)):
        for i in range(n):
            stride = s if i == 0 else 1
            hidden = cin * t
            p = f"features.{index}"
            y = x
            if t != 1:
                y = conv(g, y, cin, hidden, 1, f"{p}.expand", act="relu6")
            y = conv(g, y, hidden, hidden, 3, f"{p}.dw", stride=stride, group=hidden, act="relu6")
            y = conv(g, y, hidden, c, 1, f"{p}.project", gain=0.5, act=None)
            if stride == 1 and cin == c:
                y = g.node("Add", [x, y], f"{p}.add")
            x = y
            cin = c
            index += 1
    x = conv(g, x, cin, 1280, 1, f"features.{index}", act="relu6")
    logits = g.rename_output(classifier(g, x, 1280), "logits")
    return g.model([helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 224, 224])],
                   [helper.make_tensor_value_info(logits, TensorProto.FLOAT, [1, 1000])])


# ---------------------------------------------------------------------------------------
# Transformers


def linear(g: Graph, x, din, dout, name, std=0.02):
    """MatMul + Add with a [din, dout] weight (what torch exports for nn.Linear / Conv1D)."""
    w = g.normal(f"{name}.weight", (din, dout), std)
    b = g.normal(f"{name}.bias", (dout,), 0.02)
    y = g.node("MatMul", [x, w], f"{name}.matmul")
    return g.node("Add", [y, b], f"{name}.add")


def ln_params(g: Graph, name, dim=HIDDEN):
    gamma = g.const(f"{name}.weight", (1.0 + g.rng.standard_normal(dim) * 0.05).astype(np.float32))
    beta = g.const(f"{name}.bias", (g.rng.standard_normal(dim) * 0.02).astype(np.float32))
    return gamma, beta


def layer_norm(g: Graph, x, name, eps=1e-12):
    gamma, beta = ln_params(g, name)
    return g.node("LayerNormalization", [x, gamma, beta], name, axis=-1, epsilon=eps)


def layer_norm_decomposed(g: Graph, x, name, eps=1e-5):
    """ReduceMean / Sub / Pow / ReduceMean / Add / Sqrt / Div / Mul / Add (the pattern of
    exporters before LayerNormalization-17)."""
    gamma, beta = ln_params(g, name)
    mean = g.node("ReduceMean", [x], f"{name}.mean", axes=[-1], keepdims=1)
    d = g.node("Sub", [x, mean], f"{name}.sub")
    sq = g.node("Pow", [d, g.const(f"{name}.two", f32(2.0))], f"{name}.pow")
    var = g.node("ReduceMean", [sq], f"{name}.var", axes=[-1], keepdims=1)
    var = g.node("Add", [var, g.const(f"{name}.eps", f32(eps))], f"{name}.add_eps")
    std = g.node("Sqrt", [var], f"{name}.sqrt")
    y = g.node("Div", [d, std], f"{name}.div")
    y = g.node("Mul", [y, gamma], f"{name}.scale")
    return g.node("Add", [y, beta], f"{name}.shift")


def gelu_erf(g: Graph, x, name):
    y = g.node("Div", [x, g.const(f"{name}.sqrt2", f32(math.sqrt(2.0)))], f"{name}.div")
    y = g.node("Erf", [y], f"{name}.erf")
    y = g.node("Add", [y, g.const(f"{name}.one", f32(1.0))], f"{name}.add")
    y = g.node("Mul", [x, y], f"{name}.mul")
    return g.node("Mul", [y, g.const(f"{name}.half", f32(0.5))], f"{name}.half_mul")


def gelu_tanh(g: Graph, x, name):
    """GPT-2's gelu_new: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))."""
    cube = g.node("Pow", [x, g.const(f"{name}.three", f32(3.0))], f"{name}.pow")
    y = g.node("Mul", [cube, g.const(f"{name}.c", f32(0.044715))], f"{name}.mul_c")
    y = g.node("Add", [x, y], f"{name}.add_x")
    y = g.node("Mul", [y, g.const(f"{name}.k", f32(math.sqrt(2.0 / math.pi)))], f"{name}.mul_k")
    y = g.node("Tanh", [y], f"{name}.tanh")
    y = g.node("Add", [y, g.const(f"{name}.one", f32(1.0))], f"{name}.add_one")
    y = g.node("Mul", [x, y], f"{name}.mul_x")
    return g.node("Mul", [y, g.const(f"{name}.half", f32(0.5))], f"{name}.half_mul")


def split_heads(g: Graph, x, seq, name, perm=(0, 2, 1, 3)):
    """[1, seq, 768] -> Reshape [1, seq, 12, 64] -> Transpose."""
    shape = g.const(f"{name}.shape", i64([1, seq, HEADS, HIDDEN // HEADS]))
    y = g.node("Reshape", [x, shape], f"{name}.reshape")
    return g.node("Transpose", [y], f"{name}.transpose", perm=list(perm))


def merge_heads(g: Graph, x, seq, name):
    y = g.node("Transpose", [x], f"{name}.transpose", perm=[0, 2, 1, 3])
    shape = g.const(f"{name}.shape", i64([1, seq, HIDDEN]))
    return g.node("Reshape", [y, shape], f"{name}.reshape")


def build_bert(layers: int = 12, vocab: int = BERT_VOCAB, seq: int = SEQ) -> onnx.ModelProto:
    """BERT-base (HF BertModel export): embeddings + LayerNormalization, `layers` encoder
    layers, the pooler (first token, Gemm-like MatMul+Add, Tanh)."""
    g = Graph(f"bert_base_l{layers}")
    word = g.normal("embeddings.word_embeddings", (vocab, HIDDEN), 0.02)
    pos = g.normal("embeddings.position_embeddings", (512, HIDDEN), 0.02)
    typ = g.normal("embeddings.token_type_embeddings", (2, HIDDEN), 0.02)
    pos_ids = g.const("embeddings.position_ids", i64(np.arange(seq)[None, :]))
    x = g.node("Gather", [word, "input_ids"], "embeddings.word", axis=0)
    p = g.node("Gather", [pos, pos_ids], "embeddings.position", axis=0)
    t = g.node("Gather", [typ, "token_type_ids"], "embeddings.token_type", axis=0)
    x = g.node("Add", [x, t], "embeddings.add_type")
    x = g.node("Add", [x, p], "embeddings.add_position")
    x = layer_norm(g, x, "embeddings.LayerNorm")

    # Extended attention mask: (1 - mask[:, None, None, :]) * -10000, added to the scores.
    m = g.node("Unsqueeze", ["attention_mask", g.const("mask.axes", i64([1, 2]))], "mask.unsqueeze")
    m = g.node("Cast", [m], "mask.cast", to=TensorProto.FLOAT)
    m = g.node("Sub", [g.const("mask.one", f32(1.0)), m], "mask.invert")
    mask = g.node("Mul", [m, g.const("mask.neg", f32(-10000.0))], "mask.scale")
    scale = g.const("attention.scale", f32(math.sqrt(HIDDEN // HEADS)))

    for i in range(layers):
        p = f"encoder.layer.{i}"
        q = split_heads(g, linear(g, x, HIDDEN, HIDDEN, f"{p}.attention.self.query"), seq,
                        f"{p}.attention.q")
        k = split_heads(g, linear(g, x, HIDDEN, HIDDEN, f"{p}.attention.self.key"), seq,
                        f"{p}.attention.k", perm=(0, 2, 3, 1))
        v = split_heads(g, linear(g, x, HIDDEN, HIDDEN, f"{p}.attention.self.value"), seq,
                        f"{p}.attention.v")
        s = g.node("MatMul", [q, k], f"{p}.attention.scores")
        s = g.node("Div", [s, scale], f"{p}.attention.scale")
        s = g.node("Add", [s, mask], f"{p}.attention.mask")
        s = g.node("Softmax", [s], f"{p}.attention.softmax", axis=-1)
        c = g.node("MatMul", [s, v], f"{p}.attention.context")
        c = merge_heads(g, c, seq, f"{p}.attention.merge")
        a = linear(g, c, HIDDEN, HIDDEN, f"{p}.attention.output.dense")
        a = g.node("Add", [a, x], f"{p}.attention.output.residual")
        x = layer_norm(g, a, f"{p}.attention.output.LayerNorm")
        h = linear(g, x, HIDDEN, FFN, f"{p}.intermediate.dense")
        h = gelu_erf(g, h, f"{p}.intermediate.gelu")
        h = linear(g, h, FFN, HIDDEN, f"{p}.output.dense")
        h = g.node("Add", [h, x], f"{p}.output.residual")
        x = layer_norm(g, h, f"{p}.output.LayerNorm")

    hidden = g.rename_output(x, "last_hidden_state")
    first = g.node("Gather", [hidden, g.const("pooler.index", i64(0))], "pooler.first_token", axis=1)
    pooled = g.node("Tanh", [linear(g, first, HIDDEN, HIDDEN, "pooler.dense")], "pooler.tanh")
    pooled = g.rename_output(pooled, "pooler_output")
    ids = [helper.make_tensor_value_info(n, TensorProto.INT64, [1, seq])
           for n in ("input_ids", "attention_mask", "token_type_ids")]
    return g.model(ids, [
        helper.make_tensor_value_info(hidden, TensorProto.FLOAT, [1, seq, HIDDEN]),
        helper.make_tensor_value_info(pooled, TensorProto.FLOAT, [1, HIDDEN]),
    ])


def build_gpt2(layers: int = 12, vocab: int = GPT2_VOCAB, seq: int = SEQ,
               past: int = 0) -> onnx.ModelProto:
    """GPT-2 small (HF GPT2LMHeadModel export with use_cache): `seq` new tokens after
    `past` cached ones. Inputs input_ids [1, seq] (+ past.N.key / past.N.value
    [1, 12, past, 64] when past > 0); outputs logits [1, seq, vocab] and present.N.key /
    present.N.value [1, 12, past + seq, 64]. The causal mask is a bool constant applied with
    Where; the LM head is the (transposed) tied token embedding."""
    total = past + seq
    kind = "decode" if past else "prefill"
    g = Graph(f"gpt2_{kind}_l{layers}")
    wte_array = (g.rng.standard_normal((vocab, HIDDEN), dtype=np.float32) * 0.02).astype(np.float32)
    wte = g.const("transformer.wte.weight", wte_array)
    wpe = g.normal("transformer.wpe.weight", (1024, HIDDEN), 0.01)
    pos_ids = g.const("transformer.position_ids", i64(np.arange(past, total)[None, :]))
    x = g.node("Gather", [wte, "input_ids"], "transformer.wte", axis=0)
    pe = g.node("Gather", [wpe, pos_ids], "transformer.wpe", axis=0)
    x = g.node("Add", [x, pe], "transformer.add_position")

    causal = np.tril(np.ones((total, total), dtype=bool))[past:total][None, None]
    causal = g.const("attn.causal_mask", causal)
    neg = g.const("attn.mask_value", f32(np.finfo(np.float32).min))
    scale = g.const("attn.scale", f32(math.sqrt(HIDDEN // HEADS)))
    split = g.const("attn.split", i64([HIDDEN] * 3))
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, seq])]
    presents = []

    for i in range(layers):
        p = f"transformer.h.{i}"
        h = layer_norm_decomposed(g, x, f"{p}.ln_1")
        qkv = linear(g, h, HIDDEN, 3 * HIDDEN, f"{p}.attn.c_attn")
        q, k, v = g.node("Split", [qkv, split], f"{p}.attn.split", outputs=3, axis=2)
        q = split_heads(g, q, seq, f"{p}.attn.q")
        k = split_heads(g, k, seq, f"{p}.attn.k")
        v = split_heads(g, v, seq, f"{p}.attn.v")
        if past:
            for n in ("key", "value"):
                inputs.append(helper.make_tensor_value_info(
                    f"past.{i}.{n}", TensorProto.FLOAT, [1, HEADS, past, HIDDEN // HEADS]))
            k = g.node("Concat", [f"past.{i}.key", k], f"{p}.attn.concat_key", axis=2)
            v = g.node("Concat", [f"past.{i}.value", v], f"{p}.attn.concat_value", axis=2)
        presents += [g.rename_output(k, f"present.{i}.key"), g.rename_output(v, f"present.{i}.value")]
        kt = g.node("Transpose", [f"present.{i}.key"], f"{p}.attn.key_t", perm=[0, 1, 3, 2])
        s = g.node("MatMul", [q, kt], f"{p}.attn.scores")
        s = g.node("Div", [s, scale], f"{p}.attn.scale")
        s = g.node("Where", [causal, s, neg], f"{p}.attn.causal")
        s = g.node("Softmax", [s], f"{p}.attn.softmax", axis=-1)
        c = g.node("MatMul", [s, f"present.{i}.value"], f"{p}.attn.context")
        c = merge_heads(g, c, seq, f"{p}.attn.merge")
        a = linear(g, c, HIDDEN, HIDDEN, f"{p}.attn.c_proj")
        x = g.node("Add", [x, a], f"{p}.attn.residual")
        h = layer_norm_decomposed(g, x, f"{p}.ln_2")
        h = linear(g, h, HIDDEN, FFN, f"{p}.mlp.c_fc")
        h = gelu_tanh(g, h, f"{p}.mlp.gelu")
        h = linear(g, h, FFN, HIDDEN, f"{p}.mlp.c_proj")
        x = g.node("Add", [x, h], f"{p}.mlp.residual")

    x = layer_norm_decomposed(g, x, "transformer.ln_f")
    lm_head = g.const("lm_head.weight_t", np.ascontiguousarray(wte_array.T))
    logits = g.rename_output(g.node("MatMul", [x, lm_head], "lm_head"), "logits")
    outputs = [helper.make_tensor_value_info(logits, TensorProto.FLOAT, [1, seq, vocab])]
    outputs += [helper.make_tensor_value_info(n, TensorProto.FLOAT, [1, HEADS, total, HIDDEN // HEADS])
                for n in presents]
    return g.model(inputs, outputs)


# ---------------------------------------------------------------------------------------
# Kernels


def build_matmul(n: int = 1024) -> onnx.ModelProto:
    g = Graph(f"matmul_{n}")
    g.node("MatMul", ["A", "B"], "matmul")
    g.rename_output("matmul:out", "Y")
    t = [helper.make_tensor_value_info(x, TensorProto.FLOAT, [n, n]) for x in ("A", "B", "Y")]
    return g.model(t[:2], t[2:])


def build_conv3x3() -> onnx.ModelProto:
    g = Graph("conv3x3_64")
    y = conv(g, "X", 64, 64, 3, "conv", act=None)
    g.rename_output(y, "Y")
    return g.model([helper.make_tensor_value_info("X", TensorProto.FLOAT, [1, 64, 56, 56])],
                   [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [1, 64, 56, 56])])


# ---------------------------------------------------------------------------------------
# The registry


# name -> (builder(layers, vocab), takes layers/vocab)
MODELS = {
    "resnet50": (lambda layers, vocab: build_resnet50(), False),
    "resnet50-dyn": (lambda layers, vocab: build_resnet50(dynamic_batch=True), False),
    "mobilenetv2": (lambda layers, vocab: build_mobilenetv2(), False),
    "bert": (lambda layers, vocab: build_bert(layers, vocab or BERT_VOCAB), True),
    "gpt2-prefill": (lambda layers, vocab: build_gpt2(layers, vocab or GPT2_VOCAB), True),
    "gpt2-decode": (lambda layers, vocab: build_gpt2(layers, vocab or GPT2_VOCAB, seq=1,
                                                     past=GPT2_PAST), True),
    "matmul-1024": (lambda layers, vocab: build_matmul(1024), False),
    "conv3x3-64": (lambda layers, vocab: build_conv3x3(), False),
}


def model_file_name(name: str, layers: int = 12, vocab: int = 0) -> str:
    if name not in MODELS:
        raise KeyError(f"unknown model {name!r} (known: {', '.join(MODELS)})")
    stem = name
    if MODELS[name][1]:
        if layers != 12:
            stem += f"-L{layers}"
        if vocab:
            stem += f"-V{vocab}"
    return stem + ".onnx"


def _stamp(name: str, layers: int, vocab: int) -> str:
    source = Path(__file__).read_bytes()
    return json.dumps({"name": name, "layers": layers, "vocab": vocab, "opset": OPSET,
                       "onnx": onnx.__version__, "numpy": np.__version__,
                       "source": hashlib.sha256(source).hexdigest()}, sort_keys=True)


def ensure_model(name: str, layers: int = 12, vocab: int = 0, out_dir=DEFAULT_OUT_DIR,
                 force: bool = False) -> Path:
    """Path of the model, generated (and checked) unless a file with the same stamp exists.
    Safe against concurrent callers: the file is written under a temporary name and renamed."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / model_file_name(name, layers, vocab)
    stamp_path = path.with_suffix(".stamp")
    stamp = _stamp(name, layers, vocab)
    if (not force and path.is_file() and stamp_path.is_file()
            and stamp_path.read_text() == stamp):
        return path
    model = MODELS[name][0](layers, vocab)
    onnx.checker.check_model(model, full_check=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    onnx.save(model, str(tmp))
    os.replace(tmp, path)
    tmp_stamp = stamp_path.with_name(f".{stamp_path.name}.{os.getpid()}.tmp")
    tmp_stamp.write_text(stamp)
    os.replace(tmp_stamp, stamp_path)
    return path


def make_inputs(model: onnx.ModelProto, seed: int = INPUT_SEED, batch: int = 1) -> dict:
    """Fixed-seed inputs for a model's graph inputs (by name): token ids below the
    vocabulary, a 0/1 attention mask with trailing padding, type ids 0 then 1, standard
    normal floats elsewhere. Symbolic dims get `batch`."""
    rng = np.random.default_rng(seed)
    inits = {t.name for t in model.graph.initializer}
    vocab = {}
    for t in model.graph.initializer:
        if t.name in ("embeddings.word_embeddings", "transformer.wte.weight"):
            vocab["input_ids"] = t.dims[0]
    feeds = {}
    for vi in model.graph.input:
        if vi.name in inits:
            continue
        shape = [d.dim_value if d.HasField("dim_value") else batch
                 for d in vi.type.tensor_type.shape.dim]
        if vi.name == "input_ids":
            feeds[vi.name] = rng.integers(0, vocab.get("input_ids", 1000), shape, dtype=np.int64)
        elif vi.name == "attention_mask":
            mask = np.ones(shape, dtype=np.int64)
            mask[..., shape[-1] - shape[-1] // 8:] = 0
            feeds[vi.name] = mask
        elif vi.name == "token_type_ids":
            types = np.zeros(shape, dtype=np.int64)
            types[..., shape[-1] // 2:] = 1
            feeds[vi.name] = types
        else:
            feeds[vi.name] = rng.standard_normal(shape, dtype=np.float32)
    return feeds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*", help=f"models to write (default: all): {', '.join(MODELS)}")
    parser.add_argument("--out-dir", default=str(DEFAULT_OUT_DIR))
    parser.add_argument("--layers", type=int, default=12, help="depth of bert / gpt2-* (default 12)")
    parser.add_argument("--vocab", type=int, default=0,
                        help="vocabulary of bert / gpt2-* (default: 30522 / 50257)")
    parser.add_argument("--force", action="store_true", help="write even when the stamp matches")
    args = parser.parse_args(argv)
    for name in args.models or list(MODELS):
        if name not in MODELS:
            parser.error(f"unknown model {name!r} (known: {', '.join(MODELS)})")
        path = ensure_model(name, args.layers, args.vocab, args.out_dir, args.force)
        print(f"{path} ({path.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
