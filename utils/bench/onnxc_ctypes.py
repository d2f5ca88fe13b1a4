"""A minimal ctypes binding of the onnx-compile runtime C API
(runtime/include/onnxc/runtime.h) for the benchmark worker: load a compiled model, create a
session with a thread count, run it on numpy arrays into caller-owned numpy outputs.

Until the `onnxc` Python package exists this is how the harness drives our runtime; all
setup (tensor structs, output buffers) happens once, so that run() only crosses into C.
"""

import ctypes
from pathlib import Path

import numpy as np

MAX_RANK = 16
DEVICE_CPU = 0

# ONNX TensorProto codes (onnxc_element_type) <-> numpy
DTYPES = {
    1: np.float32, 2: np.uint8, 3: np.int8, 4: np.uint16, 5: np.int16, 6: np.int32,
    7: np.int64, 9: np.bool_, 10: np.float16, 11: np.float64, 12: np.uint32, 13: np.uint64,
}
CODES = {np.dtype(v): k for k, v in DTYPES.items()}


class Tensor(ctypes.Structure):
    _fields_ = [
        ("data", ctypes.c_void_p),
        ("byte_size", ctypes.c_size_t),
        ("dtype", ctypes.c_int32),
        ("rank", ctypes.c_int32),
        ("shape", ctypes.c_int64 * MAX_RANK),
        ("memory", ctypes.c_int32),
        ("device_id", ctypes.c_int32),
        ("flags", ctypes.c_uint32),
        ("reserved", ctypes.c_void_p),
    ]


class ValueInfo(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("dtype", ctypes.c_int32),
        ("rank", ctypes.c_int32),
        ("shape", ctypes.POINTER(ctypes.c_int64)),
    ]


class OnnxcError(RuntimeError):
    pass


class Runtime:
    def __init__(self, lib_path: Path):
        lib = ctypes.CDLL(str(lib_path))
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        sigs = {
            "onnxc_status_message": (ctypes.c_char_p, [vp]),
            "onnxc_status_free": (None, [vp]),
            "onnxc_runtime_version": (ctypes.c_char_p, []),
            "onnxc_model_load": (vp, [ctypes.c_char_p, ctypes.POINTER(vp)]),
            "onnxc_model_release": (None, [vp]),
            "onnxc_model_input_count": (sz, [vp]),
            "onnxc_model_output_count": (sz, [vp]),
            "onnxc_model_input_info": (vp, [vp, sz, ctypes.POINTER(ValueInfo)]),
            "onnxc_model_output_info": (vp, [vp, sz, ctypes.POINTER(ValueInfo)]),
            "onnxc_session_options_create": (vp, [ctypes.POINTER(vp)]),
            "onnxc_session_options_release": (None, [vp]),
            "onnxc_session_options_set_thread_count": (vp, [vp, ctypes.c_int32]),
            "onnxc_session_create": (vp, [vp, ctypes.c_int32, vp, ctypes.POINTER(vp)]),
            "onnxc_session_release": (None, [vp]),
            "onnxc_session_thread_count": (ctypes.c_int32, [vp]),
            "onnxc_session_run": (vp, [vp, ctypes.POINTER(Tensor), sz, ctypes.POINTER(Tensor), sz]),
        }
        for name, (res, args) in sigs.items():
            fn = getattr(lib, name)
            fn.restype = res
            fn.argtypes = args
        self.lib = lib

    def check(self, status) -> None:
        if status:
            message = self.lib.onnxc_status_message(status).decode(errors="replace")
            self.lib.onnxc_status_free(status)
            raise OnnxcError(message)

    def version(self) -> str:
        return self.lib.onnxc_runtime_version().decode()


def _info_list(rt: Runtime, model, count_fn, info_fn):
    out = []
    for i in range(count_fn(model)):
        info = ValueInfo()
        rt.check(info_fn(model, i, ctypes.byref(info)))
        out.append((info.name.decode(), info.dtype, [info.shape[d] for d in range(info.rank)]))
    return out


class Session:
    """A loaded model and a session; bind() prepares the tensors, run() runs once."""

    def __init__(self, rt: Runtime, model_path: Path, threads: int):
        self.rt = rt
        lib = rt.lib
        self.model = ctypes.c_void_p()
        rt.check(lib.onnxc_model_load(str(model_path).encode(), ctypes.byref(self.model)))
        self.inputs = _info_list(rt, self.model, lib.onnxc_model_input_count, lib.onnxc_model_input_info)
        self.outputs = _info_list(rt, self.model, lib.onnxc_model_output_count, lib.onnxc_model_output_info)
        options = ctypes.c_void_p()
        rt.check(lib.onnxc_session_options_create(ctypes.byref(options)))
        try:
            rt.check(lib.onnxc_session_options_set_thread_count(options, threads))
            self.session = ctypes.c_void_p()
            rt.check(lib.onnxc_session_create(self.model, DEVICE_CPU, options, ctypes.byref(self.session)))
        finally:
            lib.onnxc_session_options_release(options)
        self.threads = lib.onnxc_session_thread_count(self.session)
        self._in = self._out = None
        self._keep = []

    @staticmethod
    def _fill(t: Tensor, array: np.ndarray) -> None:
        t.data = array.ctypes.data if array.size else None
        t.byte_size = array.nbytes
        t.dtype = CODES[array.dtype]
        t.rank = array.ndim
        for d, n in enumerate(array.shape):
            t.shape[d] = n

    def bind(self, inputs: list, output_shapes: list) -> list:
        """inputs: numpy arrays in signature order; output_shapes: the shapes of the outputs
        (for the caller-owned buffers). Returns the output arrays that run() writes."""
        if len(inputs) != len(self.inputs) or len(output_shapes) != len(self.outputs):
            raise OnnxcError(f"the model has {len(self.inputs)} inputs and {len(self.outputs)} "
                             f"outputs, got {len(inputs)} and {len(output_shapes)}")
        arrays = [np.ascontiguousarray(a) for a in inputs]
        outs = [np.empty(shape, DTYPES[dtype]) for (_, dtype, _), shape in zip(self.outputs, output_shapes)]
        self._in = (Tensor * max(1, len(arrays)))()
        self._out = (Tensor * max(1, len(outs)))()
        for t, a in zip(self._in, arrays):
            self._fill(t, a)
        for t, a in zip(self._out, outs):
            self._fill(t, a)
        self._keep = arrays + outs
        self._n_in, self._n_out = len(arrays), len(outs)
        self._run = self.rt.lib.onnxc_session_run
        return outs

    def run(self) -> None:
        status = self._run(self.session, self._in, self._n_in, self._out, self._n_out)
        if status:
            self.rt.check(status)

    def close(self) -> None:
        self.rt.lib.onnxc_session_release(self.session)
        self.rt.lib.onnxc_model_release(self.model)
