"""The exceptions of the onnxc package.

Every error the runtime reports is an `onnxc.Error`; the subclass follows the runtime's status
code (docs/RuntimeAPI.md), and most also derive from the matching built-in exception, so that
`except ValueError` catches a wrong shape too.

    Error
    ├── InvalidArgumentError (ValueError)   unknown or missing input name, bad option
    ├── ModelFileError (OSError)            the file cannot be opened or read
    ├── InvalidModelError                   not a model compiled by onnx-compile, other ABI
    ├── UnsupportedDeviceError              a device the model or this runtime cannot run on
    ├── ShapeError (ValueError)             an input's rank or a static dim differs
    ├── DTypeError (TypeError)              an input's element type differs
    ├── CpuFeaturesError                    compiled for CPU features this CPU lacks
    ├── ModelRuntimeError (RuntimeError)    the model failed while running
    ├── OutOfMemoryError (MemoryError)      an allocation failed
    └── CompileError                        onnx-compile failed (onnxc.compile)
        └── CompilerNotFoundError (FileNotFoundError)
"""

from __future__ import annotations


class Error(Exception):
    """Base class of every onnxc error. `code` is the runtime's status code (0 for errors
    that do not come from the runtime)."""

    code = 0


class InvalidArgumentError(Error, ValueError):
    code = 1


class ModelFileError(Error, OSError):
    code = 2


class InvalidModelError(Error):
    code = 3


class UnsupportedDeviceError(Error):
    code = 4


class ShapeError(Error, ValueError):
    code = 5


class DTypeError(Error, TypeError):
    code = 6


class CpuFeaturesError(Error):
    code = 7


class ModelRuntimeError(Error, RuntimeError):
    code = 8


class OutOfMemoryError(Error, MemoryError):
    code = 9


class CompileError(Error):
    """onnx-compile failed. `diagnostics` holds its messages (stderr), `returncode` its exit
    status (1: the model is bad or unsupported, 2: a usage error), `command` the command."""

    def __init__(self, message: str, diagnostics: str = "", returncode: int | None = None,
                 command: list[str] | None = None):
        super().__init__(message)
        self.diagnostics = diagnostics
        self.returncode = returncode
        self.command = command or []


class CompilerNotFoundError(CompileError, FileNotFoundError):
    """No onnx-compile binary was found."""


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgumentError, ModelFileError, InvalidModelError, UnsupportedDeviceError,
    ShapeError, DTypeError, CpuFeaturesError, ModelRuntimeError, OutOfMemoryError)}


def _class_for_code(code: int) -> type:
    """The exception class of a runtime status code (used by the extension)."""
    return _BY_CODE.get(int(code), Error)
