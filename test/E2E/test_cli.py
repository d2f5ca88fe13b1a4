"""The command lines of onnx-compile, onnx-run and onnx-opt, and the file they agree on.

Mostly on mnist-8 from ../shared/models (skipped when that folder is absent). The expected
output wording is kept to the essential words, in the patterns near the top.
"""

import re
import shutil
import struct

import numpy as np
import pytest

from e2e_util import (ATOL, RTOL, assert_outputs_match, describe, load_tensor, run,
                      save_tensor, write_test_data_set)

MNIST_INPUT = "Input3"
MNIST_OUTPUT = "Plus214_Output_0"

# What the tools print (regular expressions).
VERSION = r"\b\d+\.\d+\.\d+\b"
LATENCY = r"latency: *[0-9.]+(e[-+]?\d+)? *ms"
DEFAULT_RTOL = r"rtol\W*(0\.001|1(\.0*)?e-0*3)\b"
DEFAULT_ATOL = r"atol\W*(0\.00001|1(\.0*)?e-0*5)\b"
MNIST_INPUT_DIMS = r"1\D+1\D+28\D+28"
MNIST_OUTPUT_DIMS = r"1\D+10\b"
# --emit=PHASE: what the printed IR must contain, and what it must not (it stopped there).
EMIT = {
    "onnx": (r"onnx\.Conv", r"linalg\."),
    "linalg": (r"linalg\.", r"onnx\.Conv"),
    "bufferized": (r"memref", r"onnx\.Conv"),
    "loops": (r"scf\.|affine\.|cf\.", r"onnx\.Conv|linalg\.(conv|matmul)"),
    "llvm-mlir": (r"llvm\.func", r"onnx\.Conv|linalg\."),
    "llvm": (r"\bdefine\b", r"onnx\.Conv|linalg\.|llvm\.func"),
}
ELF_REL, ELF_DYN = 1, 3
ALLOWED_NEEDED = {"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2",
                  "ld-linux-x86-64.so.2"}


@pytest.fixture(scope="module")
def mnist(models_dir):
    return models_dir / "mnist-8" / "model.onnx"


@pytest.fixture(scope="module")
def mnist_data(models_dir):
    return models_dir / "mnist-8" / "test_data_set_0"


@pytest.fixture(scope="module")
def mnist_lib(compiler, mnist):
    return compiler.compile(mnist)


# ---------------------------------------------------------------------------------------
# onnx-compile


def test_compile_version(onnx_compile):
    proc = run([onnx_compile, "--version"])
    assert proc.returncode == 0, describe(proc)
    text = proc.stdout + proc.stderr
    assert re.search(VERSION, text), describe(proc)
    assert "onnx-compile" in text, describe(proc)


def test_compile_unknown_option(onnx_compile, mnist, tmp_path):
    proc = run([onnx_compile, mnist, "-target=cpu", "-o", tmp_path / "x.so", "--no-such-option"])
    assert proc.returncode > 0, describe(proc)  # a usage error, not success or a signal


@pytest.mark.parametrize("phase", list(EMIT))
def test_emit_prints_ir(onnx_compile, mnist, phase):
    must, must_not = EMIT[phase]
    proc = run([onnx_compile, mnist, "-target=cpu", f"--emit={phase}"], timeout=600)
    assert proc.returncode == 0, describe(proc)
    assert re.search(must, proc.stdout), f"--emit={phase} output lacks /{must}/\n{describe(proc)}"
    assert not re.search(must_not, proc.stdout), \
        f"--emit={phase} output still has /{must_not}/: it did not stop there\n{describe(proc)}"


def test_emit_onnx_round_trips_through_onnx_opt(onnx_compile, onnx_opt, mnist, tmp_path):
    proc = run([onnx_compile, mnist, "-target=cpu", "--emit=onnx"])
    assert proc.returncode == 0, describe(proc)
    ir = tmp_path / "mnist.mlir"
    ir.write_text(proc.stdout)
    opt = run([onnx_opt, ir])
    assert opt.returncode == 0, describe(opt)
    assert re.search(r"onnx\.Conv", opt.stdout), describe(opt)


def elf_type(path) -> int:
    data = path.read_bytes()[:20]
    assert data[:4] == b"\x7fELF", f"{path} is not an ELF file"
    assert data[4] == 2 and data[5] == 1, f"{path} is not ELF64 little-endian"
    return struct.unpack_from("<H", data, 16)[0]


@pytest.mark.parametrize("phase,kind", [("obj", ELF_REL), ("lib", ELF_DYN)])
def test_emit_binary_phases(onnx_compile, mnist, tmp_path, phase, kind):
    out = tmp_path / f"mnist.{'o' if phase == 'obj' else 'so'}"
    proc = run([onnx_compile, mnist, "-target=cpu", f"--emit={phase}", "-o", out], timeout=600)
    assert proc.returncode == 0, describe(proc)
    assert elf_type(out) == kind


def run_to_outputs(onnx_run, lib, data_dir, out_dir):
    if out_dir.exists():
        shutil.rmtree(out_dir)
    proc = run([onnx_run, lib, "--test-data", data_dir, "--output-dir", out_dir])
    assert proc.returncode == 0, describe(proc)
    return [load_tensor(p)[1] for p in sorted(out_dir.glob("output_*.pb"))]


def test_opt_levels_agree(compiler, onnx_run, mnist, mnist_data, tmp_path):
    o0 = run_to_outputs(onnx_run, compiler.compile(mnist, "-O0"), mnist_data, tmp_path / "o0")
    o3 = run_to_outputs(onnx_run, compiler.compile(mnist, "-O3"), mnist_data, tmp_path / "o3")
    assert_outputs_match(tmp_path / "o0", mnist_data)
    assert_outputs_match(tmp_path / "o3", mnist_data)
    assert len(o0) == len(o3) == 1
    np.testing.assert_allclose(o0[0], o3[0], rtol=1e-4, atol=1e-5)


def test_mcpu_baseline(compiler, onnx_run, mnist, mnist_data, tmp_path):
    """--mcpu=x86-64 (no AVX): runs on any x86-64, and the signature says so."""
    lib = compiler.compile(mnist, "--mcpu=x86-64")
    run_to_outputs(onnx_run, lib, mnist_data, tmp_path / "out")
    assert_outputs_match(tmp_path / "out", mnist_data)
    sig = signature(lib)
    assert "cpu x86-64" in sig, sig
    features = next(line for line in sig.splitlines() if line.startswith("features "))
    assert "+avx" not in features.split()[1].split(","), sig


def test_reproducible(onnx_compile, mnist, tmp_path):
    """The same model and flags give a byte-identical file (same file name, two folders)."""
    outs = []
    for folder in ("a", "b"):
        out = tmp_path / folder / "mnist.so"
        out.parent.mkdir()
        proc = run([onnx_compile, mnist, "-target=cpu", "-o", out], timeout=600)
        assert proc.returncode == 0, describe(proc)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1], "two compilations of the same model differ"


# ---------------------------------------------------------------------------------------
# The compiled file (docs/ABI.md)


def signature(lib) -> str:
    """The text of the .onnxc_sig section, read through the ELF64 section headers."""
    data = lib.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)

    def section(i):
        name, _, _, _, offset, size = struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize)
        return name, offset, size

    _, stroff, _ = section(shstrndx)
    for i in range(shnum):
        name, offset, size = section(i)
        end = data.index(b"\0", stroff + name)
        if data[stroff + name:end] == b".onnxc_sig":
            return data[offset:offset + size].split(b"\0", 1)[0].decode()
    pytest.fail(f"{lib} has no .onnxc_sig section")


def test_signature_section(mnist_lib):
    sig = signature(mnist_lib)
    lines = sig.strip("\n").split("\n")
    assert lines[0] == "ONNXC 1", sig
    assert lines[-1] == "end", sig
    assert "target cpu" in lines, sig
    assert "entry onnxc_main" in lines, sig
    assert f"input {MNIST_INPUT} f32 4 1 1 28 28" in lines, sig
    assert f"output {MNIST_OUTPUT} f32 2 1 10" in lines, sig


def test_signature_dynamic_batch(compiler, models_dir):
    sig = signature(compiler.compile(models_dir / "keras-mlp" / "model.onnx"))
    assert "input main_input_input f32 2 -1 100" in sig.split("\n"), sig


def test_needs_only_libc(mnist_lib):
    readelf = shutil.which("llvm-readelf-22") or "/usr/lib/llvm-22/bin/llvm-readelf"
    proc = run([readelf, "--dynamic-table", mnist_lib])
    assert proc.returncode == 0, describe(proc)
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", proc.stdout))
    assert needed <= ALLOWED_NEEDED, f"unexpected libraries needed: {needed - ALLOWED_NEEDED}"


# ---------------------------------------------------------------------------------------
# onnx-run


def test_run_match_exit_0(onnx_run, mnist_lib, mnist_data):
    proc = run([onnx_run, mnist_lib, "--test-data", mnist_data])
    assert proc.returncode == 0, describe(proc)
    text = proc.stdout + proc.stderr
    assert re.search(LATENCY, text), f"no /{LATENCY}/\n{describe(proc)}"
    assert MNIST_OUTPUT in text or "output_0" in text, f"no per-output error line\n{describe(proc)}"
    assert re.search(r"abs", text) and re.search(r"rel", text), describe(proc)
    assert re.search(DEFAULT_RTOL, text) and re.search(DEFAULT_ATOL, text), \
        f"the default tolerances (rtol 1e-3, atol 1e-5) are not printed\n{describe(proc)}"


def doctored(mnist_data, folder, scale):
    """A copy of the data set whose output_0 is multiplied by (1 + scale)."""
    shutil.copytree(mnist_data, folder)
    name, out = load_tensor(folder / "output_0.pb")
    save_tensor(folder / "output_0.pb", out * np.float32(1 + scale), name)
    return folder


def test_run_mismatch_exit_1(onnx_run, mnist_lib, mnist_data, tmp_path):
    data = doctored(mnist_data, tmp_path / "bad", 0.05)
    proc = run([onnx_run, mnist_lib, "--test-data", data])
    assert proc.returncode == 1, describe(proc)


def test_run_tolerance_options(onnx_run, mnist_lib, mnist_data, tmp_path):
    data = doctored(mnist_data, tmp_path / "off", 0.01)  # 1% off: outside rtol 1e-3
    strict = run([onnx_run, mnist_lib, "--test-data", data])
    assert strict.returncode == 1, describe(strict)
    loose = run([onnx_run, mnist_lib, "--test-data", data, "--rtol", "0.05", "--atol", "1e-5"])
    assert loose.returncode == 0, describe(loose)


def test_run_missing_library_exit_2(onnx_run, tmp_path):
    proc = run([onnx_run, tmp_path / "no_such_model.so"])
    assert proc.returncode == 2, describe(proc)
    assert "no_such_model.so" in proc.stderr + proc.stdout, describe(proc)


def test_run_missing_test_data_exit_2(onnx_run, mnist_lib, tmp_path):
    proc = run([onnx_run, mnist_lib, "--test-data", tmp_path / "no_such_dir"])
    assert proc.returncode == 2, describe(proc)
    empty = tmp_path / "empty_set"
    empty.mkdir()
    proc = run([onnx_run, mnist_lib, "--test-data", empty])  # no input_0.pb
    assert proc.returncode == 2, describe(proc)


def test_run_refuses_a_file_that_is_not_a_model(onnx_run, tmp_path):
    fake = tmp_path / "fake.so"
    fake.write_bytes(b"\x7fELF" + b"\0" * 60 + b"not a model" * 100)
    proc = run([onnx_run, fake, "--info"])
    assert proc.returncode == 2, describe(proc)
    text = tmp_path / "text.so"
    text.write_text("hello\n")
    proc = run([onnx_run, text, "--info"])
    assert proc.returncode == 2, describe(proc)


@pytest.mark.parametrize("fmt", ["npy", "pb"])
def test_run_input_option(onnx_run, mnist_lib, mnist_data, tmp_path, fmt):
    _, x = load_tensor(mnist_data / "input_0.pb")
    path = tmp_path / f"x.{fmt}"
    if fmt == "npy":
        np.save(path, x)
    else:
        save_tensor(path, x, MNIST_INPUT)
    out = tmp_path / "out"
    proc = run([onnx_run, mnist_lib, "--input", f"{MNIST_INPUT}={path}", "--output-dir", out])
    assert proc.returncode == 0, describe(proc)
    assert_outputs_match(out, mnist_data)


def test_run_wrong_input_shape_exit_2(onnx_run, mnist_lib, tmp_path):
    path = tmp_path / "x.npy"
    np.save(path, np.zeros((1, 1, 27, 28), dtype=np.float32))
    proc = run([onnx_run, mnist_lib, "--input", f"{MNIST_INPUT}={path}"])
    assert proc.returncode == 2, describe(proc)
    assert MNIST_INPUT in proc.stderr + proc.stdout, describe(proc)


def test_run_repeat(onnx_run, mnist_lib, mnist_data):
    proc = run([onnx_run, mnist_lib, "--test-data", mnist_data, "--repeat", "5"])
    assert proc.returncode == 0, describe(proc)
    assert re.search(LATENCY, proc.stdout + proc.stderr), describe(proc)


def test_run_info(onnx_run, mnist_lib):
    proc = run([onnx_run, mnist_lib, "--info"])
    assert proc.returncode == 0, describe(proc)
    text = proc.stdout
    assert MNIST_INPUT in text and MNIST_OUTPUT in text, describe(proc)
    assert re.search(MNIST_INPUT_DIMS, text.split(MNIST_INPUT, 1)[1]), describe(proc)
    assert re.search(MNIST_OUTPUT_DIMS, text.split(MNIST_OUTPUT, 1)[1]), describe(proc)
    assert re.search(r"f32|float", text), describe(proc)


def test_run_dynamic_batch_matches_batch_1(compiler, onnx_run, models_dir, tmp_path):
    """keras-mlp at batch 3 equals three batch-1 runs (rows are independent)."""
    model = models_dir / "keras-mlp" / "model.onnx"
    lib = compiler.compile(model)
    x = np.random.default_rng(7).standard_normal((3, 100)).astype(np.float32)
    batch = write_test_data_set(tmp_path / "b3", [("main_input_input", x)])
    rows = []
    for i in range(3):
        one = write_test_data_set(tmp_path / f"b1_{i}", [("main_input_input", x[i:i + 1])])
        proc = run([onnx_run, lib, "--input", f"main_input_input={one / 'input_0.pb'}",
                    "--output-dir", tmp_path / f"o1_{i}"])
        assert proc.returncode == 0, describe(proc)
        rows.append(load_tensor(tmp_path / f"o1_{i}" / "output_0.pb")[1])
    proc = run([onnx_run, lib, "--input", f"main_input_input={batch / 'input_0.pb'}",
                "--output-dir", tmp_path / "o3"])
    assert proc.returncode == 0, describe(proc)
    out = load_tensor(tmp_path / "o3" / "output_0.pb")[1]
    assert out.shape == (3, 1), out.shape
    np.testing.assert_allclose(out, np.concatenate(rows), rtol=RTOL, atol=ATOL)
