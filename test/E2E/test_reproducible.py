"""Reproducible builds: the same model compiled with the same flags gives a byte-identical
.so, whatever the output folder and whatever the folder the model is read from
(docs/Security.md, DESIGN.md §4).

What does enter the bytes, by decision: the output's *file name*, which onnx-compile writes
as the DT_SONAME (so that `cc main.c -L. -lmodel` records the right name; the GNU build id
then differs too), and the model's name (the signature's `model` record: the graph name,
or the model file's stem when the graph has none). No timestamp, no absolute path, no
random seed enters it. So the copies below keep both names and change only the folders.
"""

import importlib.util
import shutil
from pathlib import Path

import pytest

from e2e_util import MODELS_DIR, ROOT, describe, run


def compile_to(onnx_compile, model: Path, out: Path, *flags) -> bytes:
    out.parent.mkdir(parents=True, exist_ok=True)
    proc = run([onnx_compile, model, "-target=cpu", "-o", out, *flags], timeout=600)
    assert proc.returncode == 0 and out.is_file(), describe(proc)
    return out.read_bytes()


def example_cnn(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location(
        "make_example_cnn", ROOT / "utils" / "models" / "make_example_cnn.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    model_path, _ = gen.generate(str(folder))
    return Path(model_path)


def models(tmp_path):
    """(label, model path) of the models to check: the example CNN, and mnist-8 and the
    external-weights model of the shared models when present."""
    found = [("example-cnn", example_cnn(tmp_path / "example"))]
    for name in ("mnist-8", "ext-weights"):
        folder = MODELS_DIR / name
        onnx_files = sorted(folder.glob("*.onnx")) if folder.is_dir() else []
        if onnx_files:
            found.append((name, onnx_files[0]))
    return found


def first_difference(a: bytes, b: bytes) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"sizes {len(a)} and {len(b)}, first difference at byte {n:#x}"


@pytest.mark.parametrize("flags", [(), ("-O0",), ("--mcpu=x86-64-v2",)],
                         ids=["default", "O0", "x86-64-v2"])
def test_same_model_same_flags_same_bytes(onnx_compile, tmp_path, flags):
    for label, model in models(tmp_path):
        first = compile_to(onnx_compile, model, tmp_path / "a" / "model.so", *flags)
        again = compile_to(onnx_compile, model, tmp_path / "a" / "model.so", *flags)
        assert first == again, f"{label}: two compiles differ: {first_difference(first, again)}"
        # Another output folder, the same file name.
        other = compile_to(onnx_compile, model, tmp_path / "b" / "c" / "model.so", *flags)
        assert first == other, \
            f"{label}: the output folder changes the .so: {first_difference(first, other)}"


def test_output_file_name_is_the_soname(onnx_compile, tmp_path):
    """The one documented way the output path enters the bytes: its file name."""
    label, model = models(tmp_path)[0]
    data = compile_to(onnx_compile, model, tmp_path / "x" / "libfirst-name.so")
    other = compile_to(onnx_compile, model, tmp_path / "y" / "libother-name.so")
    assert b"libfirst-name.so\0" in data and b"libother-name.so\0" in other
    assert b"libother-name.so" not in data and str(tmp_path).encode() not in data


def test_model_read_from_another_folder(onnx_compile, tmp_path):
    """A copy of the model (and its external data) in another folder, same file name."""
    for label, model in models(tmp_path):
        copy_dir = tmp_path / "copy" / label
        shutil.copytree(model.parent, copy_dir, ignore=shutil.ignore_patterns("test_data_set_*"))
        first = compile_to(onnx_compile, model, tmp_path / "x" / "m.so")
        moved = compile_to(onnx_compile, copy_dir / model.name, tmp_path / "y" / "m.so")
        assert first == moved, \
            f"{label}: the model's folder changes the .so: {first_difference(first, moved)}"


def test_flags_do_change_the_bytes(onnx_compile, tmp_path):
    """The check is not vacuous: different flags give a different .so."""
    label, model = models(tmp_path)[0]
    o2 = compile_to(onnx_compile, model, tmp_path / "o2.so")
    o0 = compile_to(onnx_compile, model, tmp_path / "o0.so", "-O0")
    assert o2 != o0, f"{label}: -O0 and -O2 gave the same bytes"
