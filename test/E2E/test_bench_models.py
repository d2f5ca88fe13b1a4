"""The benchmark models (utils/models/bench_models.py) compile for cpu and match ONNX Runtime
on fixed-seed inputs within rtol 1e-3 / atol 1e-4. Correctness tests, not timing tests:
BERT and GPT-2 run at 2 layers here (full vocabulary and width), the CNNs and kernels at full
size; utils/bench/run.py measures the full-depth models. The models are generated into
build/bench-models (cached by a stamp of the generator and its parameters).

Also checks the graph patterns the issue asks for and the FLOP counter of the harness."""

import importlib.util
import sys

import numpy as np
import onnx
import pytest

from e2e_util import BUILD_DIR, ROOT, check_model_on_data_set, ort_test_data_set

RTOL, ATOL = 1e-3, 1e-4
CI_LAYERS = 2


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bench_models = _load("bench_models", ROOT / "utils" / "models" / "bench_models.py")
flops = _load("bench_flops", ROOT / "utils" / "bench" / "flops.py")

MODELS_DIR = BUILD_DIR / "bench-models"

# (model, batches to run): resnet50-dyn is compiled once and run at batch 1 and 2.
CASES = [
    ("resnet50", (1,)),
    ("resnet50-dyn", (1, 2)),
    ("mobilenetv2", (1,)),
    ("bert", (1,)),
    ("gpt2-prefill", (1,)),
    ("gpt2-decode", (1,)),
    ("matmul-1024", (1,)),
    ("conv3x3-64", (1,)),
]


def model_path(name):
    return bench_models.ensure_model(name, CI_LAYERS, 0, MODELS_DIR)


@pytest.mark.parametrize("name,batches", CASES, ids=[c[0] for c in CASES])
def test_bench_model_matches_onnxruntime(name, batches, compiler, onnx_run, tmp_path):
    path = model_path(name)
    lib = compiler.compile(path, "-O3")
    model = onnx.load(str(path), load_external_data=False)
    for batch in batches:
        feeds = bench_models.make_inputs(model, batch=batch)
        data = ort_test_data_set(path, feeds, tmp_path / f"batch{batch}" / "test_data_set_0")
        check_model_on_data_set(onnx_run, lib, data, tmp_path / f"batch{batch}" / "actual",
                                rtol=RTOL, atol=ATOL)


def _ops(name, layers=CI_LAYERS):
    return [n.op_type for n in onnx.load(str(bench_models.ensure_model(name, layers, 0, MODELS_DIR)),
                                         load_external_data=False).graph.node]


def test_bench_models_graph_patterns():
    """The patterns exporters produce, so that the benchmark exercises them."""
    bert = _ops("bert")
    for op in ("LayerNormalization", "Erf", "Softmax", "Transpose", "Reshape", "MatMul", "Add",
               "Gather", "Unsqueeze", "Cast"):
        assert op in bert, f"bert has no {op}"
    assert bert.count("LayerNormalization") == 1 + 2 * CI_LAYERS
    gpt2 = _ops("gpt2-prefill")
    for op in ("ReduceMean", "Sub", "Pow", "Sqrt", "Div", "Tanh", "Split", "Where", "Softmax"):
        assert op in gpt2, f"gpt2-prefill has no {op}"
    assert "LayerNormalization" not in gpt2
    decode = onnx.load(str(model_path("gpt2-decode")), load_external_data=False)
    past = [i for i in decode.graph.input if i.name.startswith("past.")]
    assert len(past) == 2 * CI_LAYERS
    assert [d.dim_value for d in past[0].type.tensor_type.shape.dim] == [1, 12, 127, 64]
    assert "Concat" in [n.op_type for n in decode.graph.node]
    resnet = _ops("resnet50")
    assert resnet.count("Conv") == 53 and resnet.count("Add") == 16
    mobilenet = _ops("mobilenetv2")
    assert mobilenet.count("Conv") == 52 and "Clip" in mobilenet
    dyn = onnx.load(str(model_path("resnet50-dyn")), load_external_data=False)
    assert dyn.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"
    for m in (decode, dyn):
        assert [o.version for o in m.opset_import if o.domain in ("", "ai.onnx")][0] >= 17


def test_bench_models_are_deterministic():
    for name in ("conv3x3-64", "matmul-1024"):
        built = bench_models.MODELS[name][0](12, 0)
        onnx.checker.check_model(built, full_check=True)
        on_disk = onnx.load(str(model_path(name)))
        assert built.SerializeToString() == on_disk.SerializeToString()


def test_bench_model_layers_parameter(tmp_path):
    """--layers sets the depth (here 1 layer, a small vocabulary)."""
    path = bench_models.ensure_model("bert", 1, 64, tmp_path)
    assert path.name == "bert-L1-V64.onnx"
    ops = [n.op_type for n in onnx.load(str(path)).graph.node]
    assert ops.count("Softmax") == 1
    # Cached: the same stamp does not write the file again.
    mtime = path.stat().st_mtime_ns
    assert bench_models.ensure_model("bert", 1, 64, tmp_path).stat().st_mtime_ns == mtime


def test_flop_counter():
    counted = flops.count_flops(onnx.load(str(model_path("matmul-1024"))))
    assert counted["total"] == 2 * 1024**3
    conv = flops.count_flops(onnx.load(str(model_path("conv3x3-64"))))
    out = 64 * 56 * 56
    assert conv["contraction"] == 2 * out * 64 * 9
    assert conv["total"] == 2 * out * 64 * 9 + out  # + the bias
    # ResNet-50: the usual 4.1 GMAC at 224x224; a symbolic batch scales it.
    static = flops.count_flops(onnx.load(str(model_path("resnet50"))))
    assert 8.1e9 < static["contraction"] < 8.3e9
    dyn = flops.count_flops(onnx.load(str(model_path("resnet50-dyn"))), batch=4)
    assert dyn["total"] == 4 * static["total"]


def test_fixed_seed_inputs():
    model = onnx.load(str(model_path("bert")), load_external_data=False)
    a = bench_models.make_inputs(model)
    b = bench_models.make_inputs(model)
    assert sorted(a) == ["attention_mask", "input_ids", "token_type_ids"]
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    assert a["input_ids"].max() < bench_models.BERT_VOCAB
    assert 0 < a["attention_mask"].sum() < a["attention_mask"].size
