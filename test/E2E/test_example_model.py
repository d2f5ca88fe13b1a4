"""The bundled example model (utils/models/make_example_cnn.py) compiles and matches ONNX
Runtime, on the reference input that utils/setup.sh uses and on two more inputs."""

import importlib.util

import numpy as np
import onnx
import pytest

from e2e_util import ROOT, check_model_on_data_set, ort_test_data_set

GENERATOR = ROOT / "utils" / "models" / "make_example_cnn.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("make_example_cnn", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """(generator module, model path, the data set utils/setup.sh writes)."""
    gen = load_generator()
    model_path, data_dir = gen.generate(str(tmp_path_factory.mktemp("example")))
    return gen, model_path, data_dir


def test_example_model_is_valid(example):
    gen, model_path, _ = example
    onnx.checker.check_model(model_path, full_check=True)
    model = onnx.load(model_path)
    assert [o.version for o in model.opset_import if o.domain in ("", "ai.onnx")] == [17]
    ops = [n.op_type for n in model.graph.node]
    assert ops == ["Conv", "Relu", "MaxPool", "Conv", "Relu", "GlobalAveragePool", "Flatten",
                   "Gemm", "Softmax"]
    # Deterministic: the same bytes on every run.
    assert gen.build_model().SerializeToString() == model.SerializeToString()


def test_example_model_reference_data_set(example, compiler, onnx_run, tmp_path):
    _, model_path, data_dir = example
    lib = compiler.compile(model_path)
    check_model_on_data_set(onnx_run, lib, data_dir, tmp_path / "actual")


@pytest.mark.parametrize("seed", [2, 3])
def test_example_model_other_inputs(example, compiler, onnx_run, tmp_path, seed):
    gen, model_path, _ = example
    lib = compiler.compile(model_path)
    feeds = gen.make_inputs(seed)
    feeds["input"] = feeds["input"] * np.float32(seed)  # also a different value range
    data_dir = ort_test_data_set(model_path, feeds, tmp_path / "test_data_set_0")
    check_model_on_data_set(onnx_run, lib, data_dir, tmp_path / "actual")
