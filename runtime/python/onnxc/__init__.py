"""onnxc: run models compiled by onnx-compile from Python, and compile them.

    import numpy as np, onnxc
    onnxc.compile("model.onnx", target="cpu", output="libmodel.so", opt_level=3)
    m = onnxc.load("libmodel.so")              # threads=N: the default session's threads
    m.inputs, m.outputs                         # [TensorInfo(name, dtype, shape)], None = dynamic
    y = m.run({"x": np.zeros((1, 3), np.float32)})   # {output name: numpy array}

Inputs that are C-contiguous numpy arrays of the declared dtype are passed without a copy;
outputs are the runtime's buffers wrapped without a copy. Errors raise onnxc.Error subclasses
(ShapeError, DTypeError, InvalidArgumentError, ...). See docs/Python.md.
"""

from __future__ import annotations

import os

from ._compiler import compile, find_compiler
from ._errors import (CompileError, CompilerNotFoundError, CpuFeaturesError, DTypeError, Error,
                      InvalidArgumentError, InvalidModelError, ModelFileError, ModelRuntimeError,
                      OutOfMemoryError, ShapeError, UnsupportedDeviceError)
from ._onnxc import Model, Session, TensorInfo, abi_version, runtime_version

__version__ = runtime_version()

__all__ = [
    "CompileError", "CompilerNotFoundError", "CpuFeaturesError", "DTypeError", "Error",
    "InvalidArgumentError", "InvalidModelError", "Model", "ModelFileError", "ModelRuntimeError",
    "OutOfMemoryError", "Session", "ShapeError", "TensorInfo", "UnsupportedDeviceError",
    "abi_version", "compile", "find_compiler", "load", "runtime_version",
]


def load(path: str | os.PathLike, threads: int = 0) -> Model:
    """Loads a model compiled by onnx-compile (checked before any of its code runs).

    threads: worker threads of the model's default session (0: one per CPU).
    Use Model.session(threads=N) for more sessions.
    """
    return Model(os.fspath(path), threads)
