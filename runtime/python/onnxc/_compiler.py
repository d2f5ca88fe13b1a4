"""onnxc.compile: runs the onnx-compile binary."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ._errors import CompileError, CompilerNotFoundError

_EXE = "onnx-compile"


def _candidates() -> list[Path]:
    """Where onnx-compile is looked for, in order (after $ONNXC_COMPILER)."""
    here = Path(__file__).resolve().parent
    found = [here / "bin" / _EXE, here.parent / "bin" / _EXE]
    # A source checkout (pip install -e ., or the build's python/ folder): <repo>/build/bin,
    # or $ONNXC_BUILD_DIR/bin.
    build_dir = os.environ.get("ONNXC_BUILD_DIR")
    if build_dir:
        found.append(Path(build_dir) / "bin" / _EXE)
    for parent in here.parents:
        if (parent / "runtime" / "include" / "onnxc" / "runtime.h").is_file():
            found.append(parent / "build" / "bin" / _EXE)
            break
        if (parent / "CMakeCache.txt").is_file():  # <build>/python/onnxc
            found.append(parent / "bin" / _EXE)
            break
    return found


def find_compiler() -> Path:
    """The onnx-compile binary: $ONNXC_COMPILER, else one next to the package (its bin/ or a
    source checkout's build/bin), else the first on PATH. Raises CompilerNotFoundError."""
    env = os.environ.get("ONNXC_COMPILER")
    if env:
        path = Path(env)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise CompilerNotFoundError(f"ONNXC_COMPILER={env} is not an executable file")
    tried = []
    for path in _candidates():
        tried.append(str(path))
        if path.is_file() and os.access(path, os.X_OK):
            return path
    which = shutil.which(_EXE)
    if which:
        return Path(which)
    raise CompilerNotFoundError(
        f"cannot find {_EXE}: set ONNXC_COMPILER, put it on PATH, or build it "
        f"(utils/setup.sh); looked in {', '.join(tried)} and PATH")


def _shape_flag(name: str, shape: Sequence[int | None]) -> str:
    dims = "x".join("-1" if d is None else str(int(d)) for d in shape)
    return f"--input-shape={name}={dims}"


def compile(model: str | os.PathLike, target: str = "cpu", output: str | os.PathLike | None = None,
            opt_level: int = 2, *, mcpu: str | None = None, mattr: str | None = None,
            input_shapes: Mapping[str, Sequence[int | None]] | None = None,
            emit_header: bool | str | os.PathLike = False,
            extra_args: Iterable[str] = (), compiler: str | os.PathLike | None = None,
            timeout: float | None = None) -> Path:
    """Compiles an ONNX model into a shared object with onnx-compile and returns its path.

    model         the .onnx file
    target        "cpu" (cuda and systolic are planned)
    output        the .so to write (default: the model's path with .so)
    opt_level     0..3 (onnx-compile -O)
    mcpu, mattr   CPU and extra LLVM features to compile for (default: this machine's CPU)
    input_shapes  {input name: shape} fixing dynamic dims (None or -1 keeps one dynamic)
    emit_header   True: also write the C header next to the output (.h); a path: write it there
    extra_args    more onnx-compile flags
    compiler      the onnx-compile binary (default: find_compiler())

    Raises CompileError (with .diagnostics, the compiler's messages) when it fails.
    """
    model = Path(model)
    if output is None:
        output = model.with_suffix(".so")
    output = Path(output)
    if opt_level not in (0, 1, 2, 3):
        raise CompileError(f"opt_level must be 0..3, got {opt_level!r}")
    exe = Path(compiler) if compiler else find_compiler()
    cmd = [str(exe), str(model), f"-target={target}", f"-O{opt_level}", "-o", str(output)]
    if mcpu:
        cmd.append(f"--mcpu={mcpu}")
    if mattr:
        cmd.append(f"--mattr={mattr}")
    for name, shape in (input_shapes or {}).items():
        cmd.append(_shape_flag(name, shape))
    if emit_header is True:
        cmd.append("--emit-header")
    elif emit_header:
        cmd.append(f"--emit-header={os.fspath(emit_header)}")
    cmd.extend(str(a) for a in extra_args)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except FileNotFoundError as e:
        raise CompilerNotFoundError(f"cannot run {exe}: {e}", command=cmd) from None
    except subprocess.TimeoutExpired:
        raise CompileError(f"onnx-compile timed out after {timeout} s on {model}",
                           command=cmd) from None
    diagnostics = proc.stderr.strip()
    if proc.returncode != 0:
        detail = f":\n{diagnostics}" if diagnostics else ""
        raise CompileError(f"onnx-compile failed on {model} (exit {proc.returncode}){detail}",
                           diagnostics=diagnostics, returncode=proc.returncode, command=cmd)
    if not output.is_file():
        raise CompileError(f"onnx-compile exited 0 but wrote no {output}",
                           diagnostics=diagnostics, returncode=0, command=cmd)
    return output
