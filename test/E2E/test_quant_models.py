"""The statically quantized (QDQ, int8) keyword-spotting CNN of ../shared/models/kws-qdq.

The reference is ONNX Runtime running the graph as written (graph optimizations off): every
QuantizeLinear/DequantizeLinear pair and the float ops between them, which is what the ONNX
spec defines and what onnx-compile computes, at -O2 and with the QDQ chains folded into
QLinearConv/QLinearMatMul at -O3. Tolerance: rtol 1e-3, atol 1e-5.

ONNX Runtime's default (optimized) session fuses the chains into its own integer kernels
(QLinearConv, QLinearAveragePool, QLinearAdd, QLinearSoftmax, ...), whose requantization
rounds values that land on (or within float noise of) a rounding tie differently: its outputs
then differ from the unfused ones by a quantization step (1/255 here) in a few elements.
test_kws_qdq_near_fused_onnxruntime bounds that difference.
"""

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from e2e_util import (check_model_on_data_set, describe, graph_io, load_tensor, run, save_tensor,
                      seed_of, write_test_data_set)

MODEL = "kws-qdq"


def onnxruntime_outputs(model_path, feeds, optimize):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    opts.intra_op_num_threads = 1
    if not optimize:
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


def feeds_for(model_path, batch, case):
    (name,), _ = graph_io(model_path)
    rng = np.random.default_rng(seed_of(f"{MODEL}/{case}"))
    return {name: rng.standard_normal((batch, 1960)).astype(np.float32)}


def output_step(model_path):
    """The scale of the DequantizeLinear that produces the graph output."""
    model = onnx.load(str(model_path))
    inits = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    (output,) = model.graph.output
    (dq,) = [n for n in model.graph.node if output.name in n.output]
    assert dq.op_type == "DequantizeLinear"
    return float(inits[dq.input[1]])


@pytest.mark.parametrize("flags", [(), ("-O3",)], ids=["O2", "O3-fold-qdq"])
@pytest.mark.parametrize("batch", [1, 2])
def test_kws_qdq_matches_onnxruntime(batch, flags, models_dir, compiler, onnx_run, tmp_path):
    model_path = models_dir / MODEL / "model.onnx"
    lib = compiler.compile(model_path, *flags)
    feeds = feeds_for(model_path, batch, f"batch{batch}")
    inputs, outputs = graph_io(model_path)
    expected = onnxruntime_outputs(model_path, feeds, optimize=False)
    data_dir = write_test_data_set(tmp_path / "test_data_set_0",
                                   [(n, feeds[n]) for n in inputs], list(zip(outputs, expected)))
    check_model_on_data_set(onnx_run, lib, data_dir, tmp_path / "actual")


def test_kws_qdq_near_fused_onnxruntime(models_dir, compiler, onnx_run, tmp_path):
    model_path = models_dir / MODEL / "model.onnx"
    lib = compiler.compile(model_path)
    feeds = feeds_for(model_path, 8, "batch8")
    (name, value), = feeds.items()
    save_tensor(tmp_path / "input.pb", value, name)
    proc = run([onnx_run, lib, "--input", f"{name}={tmp_path / 'input.pb'}",
                "--output-dir", tmp_path / "actual"])
    assert proc.returncode == 0, describe(proc)
    _, actual = load_tensor(tmp_path / "actual" / "output_0.pb")
    (fused,) = onnxruntime_outputs(model_path, feeds, optimize=True)
    step = output_step(model_path)
    assert np.abs(actual - fused).max() <= 2 * step + 1e-6
    assert np.array_equal(actual.argmax(axis=1), fused.argmax(axis=1))
