"""Real models of ../shared/models: each compiles for cpu and matches its reference.

One test per (model, data set). The reference is the data the model ships with
(`test_data_set_*` folders, or keras-mlp's io.npz), and otherwise ONNX Runtime on fixed-seed
inputs; models with a dynamic batch run at batch 1 and batch 2 from one compiled .so.
Tolerance: rtol 1e-3, atol 1e-5. Folder layout and sources: ../shared/models/README.md.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import numpy as np
import pytest

from e2e_util import (MODELS_DIR, check_model_on_data_set, graph_io, ort_test_data_set,
                      seed_of, write_test_data_set)


def normal(*shape, scale=1.0):
    return lambda rng: (rng.standard_normal(shape) * scale).astype(np.float32)


def uniform(*shape, low=0.0, high=1.0):
    return lambda rng: rng.uniform(low, high, shape).astype(np.float32)


def const(value, dtype):
    return lambda rng: np.array(value, dtype=dtype)


@dataclass
class Spec:
    file: str = "model.onnx"
    shipped: bool = False          # has test_data_set_* folders
    npz: Optional[str] = None      # io.npz with "input" and "output" arrays
    ort: dict = field(default_factory=dict)  # case name -> {input name: generator(rng)}
    skip: Optional[str] = None     # whole model out of scope, with the reason


def silero(batch, samples, rate):
    return {"input": uniform(batch, samples, low=-1.0, high=1.0),
            "sr": const(rate, np.int64),
            "state": normal(2, batch, 128, scale=0.5)}


SPECS = {
    "mnist-8": Spec(shipped=True),
    "super-resolution-10": Spec(shipped=True, ort={
        "ort-batch2": {"input": uniform(2, 1, 224, 224)},
    }),
    "keras-mlp": Spec(npz="io.npz", ort={
        "ort-batch2": {"main_input_input": normal(2, 100)},
    }),
    "residual-block": Spec(ort={
        "ort-batch1": {"gpu_0/data_0": normal(1, 3, 224, 224)},
        "ort-batch2": {"gpu_0/data_0": normal(2, 3, 224, 224)},
    }),
    "kws-fp32": Spec(ort={
        "ort-batch1": {"serving_default_input:0": normal(1, 1960)},
    }),
    "attention-sdp": Spec(ort={
        "ort": {f"onnx::Reshape_{i}": normal(64, 1, 128) for i in range(3)},
    }),
    "ext-weights": Spec(file="ext_weights.onnx", ort={
        "ort": {"input": normal(1, 3)},
    }),
    "silero-vad-ifless": Spec(ort={
        "ort-batch1-16k": silero(1, 512, 16000),
        "ort-batch1-8k": silero(1, 256, 8000),
        "ort-batch2-16k": silero(2, 512, 16000),
        "ort-batch2-8k": silero(2, 256, 8000),
    }),
    "kws-qdq": Spec(skip="quantized QDQ model: test_quant_models.py checks it against ONNX "
                         "Runtime without its QDQ fusions (their rounding differs)"),
}

# Shipped data sets, as listed in ../shared/models/README.md; found by glob when present.
SHIPPED_SETS = {"mnist-8": 3, "super-resolution-10": 1}


def shipped_sets(model: str) -> list:
    folder = MODELS_DIR / model
    if folder.is_dir():
        found = sorted(p.name for p in folder.glob("test_data_set_*") if p.is_dir())
        if found:
            return found
    return [f"test_data_set_{i}" for i in range(SHIPPED_SETS.get(model, 1))]


def cases():
    for model, spec in SPECS.items():
        names = []
        if spec.shipped:
            names += shipped_sets(model)
        if spec.npz:
            names.append(spec.npz)
        names += list(spec.ort)
        if spec.skip:
            names = names or ["all"]
        for name in names:
            marks = [pytest.mark.skip(reason=f"{model}: {spec.skip}")] if spec.skip else []
            yield pytest.param(model, name, id=f"{model}/{name}", marks=marks)


@pytest.mark.parametrize("model,data_set", list(cases()))
def test_shared_model(model, data_set, models_dir, compiler, onnx_run, tmp_path):
    spec = SPECS[model]
    model_path = models_dir / model / spec.file
    assert model_path.is_file(), f"{model_path} is missing"
    lib = compiler.compile(model_path)

    if data_set.startswith("test_data_set_"):
        data_dir = models_dir / model / data_set
    elif data_set == spec.npz:
        io = np.load(models_dir / model / spec.npz)
        (input_name,), (output_name,) = graph_io(model_path)
        data_dir = write_test_data_set(tmp_path / "test_data_set_0",
                                       [(input_name, io["input"])], [(output_name, io["output"])])
    else:
        rng = np.random.default_rng(seed_of(f"{model}/{data_set}"))
        feeds = {name: make(rng) for name, make in spec.ort[data_set].items()}
        data_dir = ort_test_data_set(model_path, feeds, tmp_path / "test_data_set_0")

    check_model_on_data_set(onnx_run, lib, data_dir, tmp_path / "actual")


def test_every_shared_model_has_a_spec(models_dir):
    """A model added to ../shared/models must be added to SPECS (or skipped with a reason)."""
    present = sorted(p.name for p in models_dir.iterdir()
                     if p.is_dir() and any(p.glob("*.onnx")))
    assert present, f"no model folders in {models_dir}"
    missing = [m for m in present if m not in SPECS]
    assert not missing, f"models without a test spec in {Path(__file__).name}: {missing}"
    for model, spec in SPECS.items():
        if (models_dir / model).is_dir():
            assert (models_dir / model / spec.file).is_file(), f"{model}: no {spec.file}"
