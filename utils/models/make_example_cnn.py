#!/usr/bin/env python3
"""Write the bundled example model of onnx-compile and a reference test data set.

The model is a small image classifier (opset 17) on a 1x3x32x32 float input:

    Conv(3->8, 3x3) -> Relu -> MaxPool(2x2) -> Conv(8->16, 3x3) -> Relu
      -> GlobalAveragePool -> Flatten -> Gemm(16->10) -> Softmax

with two outputs, `probabilities` (the Softmax) and `logits` (the Gemm). Weights come from
a fixed-seed numpy generator, so the file is the same on every run. The reference output is
computed by ONNX Runtime.

    .venv/bin/python utils/models/make_example_cnn.py [--output-dir build/examples]

writes OUTPUT_DIR/example_cnn.onnx and OUTPUT_DIR/test_data_set_0/{input_0,output_0,output_1}.pb
(the layout `onnx-run --test-data` reads). The functions are also used by test/E2E.
"""

import argparse
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MODEL_NAME = "example_cnn"
OPSET = 17
INPUT_SHAPE = (1, 3, 32, 32)
NUM_CLASSES = 10
WEIGHT_SEED = 0
INPUT_SEED = 1


def _he(rng, shape, fan_in):
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)


def build_model() -> onnx.ModelProto:
    """The example CNN, checked with onnx.checker (full_check)."""
    rng = np.random.default_rng(WEIGHT_SEED)
    inits = [
        numpy_helper.from_array(_he(rng, (8, 3, 3, 3), 3 * 9), "conv1.weight"),
        numpy_helper.from_array((rng.standard_normal(8) * 0.1).astype(np.float32), "conv1.bias"),
        numpy_helper.from_array(_he(rng, (16, 8, 3, 3), 8 * 9), "conv2.weight"),
        numpy_helper.from_array((rng.standard_normal(16) * 0.1).astype(np.float32), "conv2.bias"),
        numpy_helper.from_array(_he(rng, (NUM_CLASSES, 16), 16), "fc.weight"),
        numpy_helper.from_array((rng.standard_normal(NUM_CLASSES) * 0.1).astype(np.float32), "fc.bias"),
    ]
    nodes = [
        helper.make_node("Conv", ["input", "conv1.weight", "conv1.bias"], ["conv1_out"], name="conv1",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1]),
        helper.make_node("Relu", ["conv1_out"], ["relu1_out"], name="relu1"),
        helper.make_node("MaxPool", ["relu1_out"], ["pool1_out"], name="pool1",
                         kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["pool1_out", "conv2.weight", "conv2.bias"], ["conv2_out"], name="conv2",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1]),
        helper.make_node("Relu", ["conv2_out"], ["relu2_out"], name="relu2"),
        helper.make_node("GlobalAveragePool", ["relu2_out"], ["gap_out"], name="gap"),
        helper.make_node("Flatten", ["gap_out"], ["flat_out"], name="flatten", axis=1),
        helper.make_node("Gemm", ["flat_out", "fc.weight", "fc.bias"], ["logits"], name="fc",
                         alpha=1.0, beta=1.0, transB=1),
        helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=-1),
    ]
    graph = helper.make_graph(
        nodes,
        MODEL_NAME,
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, list(INPUT_SHAPE))],
        [
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [INPUT_SHAPE[0], NUM_CLASSES]),
            helper.make_tensor_value_info("logits", TensorProto.FLOAT, [INPUT_SHAPE[0], NUM_CLASSES]),
        ],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="onnx-compile utils/models/make_example_cnn.py")
    model.ir_version = 8  # onnxruntime 1.23 reads IR <= 11; 8 is plenty for opset 17
    onnx.checker.check_model(model, full_check=True)
    return model


def make_inputs(seed: int = INPUT_SEED) -> dict:
    rng = np.random.default_rng(seed)
    return {"input": rng.standard_normal(INPUT_SHAPE).astype(np.float32)}


def run_onnxruntime(model_path: str, inputs: dict) -> list:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model_path, opts, providers=["CPUExecutionProvider"])
    return sess.run(None, inputs)


def write_test_data_set(folder: str, inputs: list, outputs: list) -> None:
    """inputs/outputs: lists of (name, numpy array), in graph order."""
    os.makedirs(folder, exist_ok=True)
    for kind, items in (("input", inputs), ("output", outputs)):
        for i, (name, array) in enumerate(items):
            with open(os.path.join(folder, f"{kind}_{i}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(np.asarray(array), name).SerializeToString())


def generate(output_dir: str) -> tuple:
    """Write the model and test_data_set_0 into output_dir; return (model path, data set path)."""
    os.makedirs(output_dir, exist_ok=True)
    model = build_model()
    model_path = os.path.join(output_dir, MODEL_NAME + ".onnx")
    onnx.save(model, model_path)
    onnx.checker.check_model(model_path, full_check=True)
    inputs = make_inputs()
    outputs = run_onnxruntime(model_path, inputs)
    data_dir = os.path.join(output_dir, "test_data_set_0")
    write_test_data_set(data_dir, list(inputs.items()),
                        [(o.name, a) for o, a in zip(model.graph.output, outputs)])
    return model_path, data_dir


def main(argv=None) -> int:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", default=os.path.join(root, "build", "examples"),
                        help="folder to write into (default: build/examples)")
    args = parser.parse_args(argv)
    model_path, data_dir = generate(args.output_dir)
    print(f"wrote {model_path}")
    print(f"wrote {data_dir}/ (input_0.pb, output_0.pb, output_1.pb; reference: ONNX Runtime)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
