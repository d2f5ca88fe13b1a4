"""Deployment from C and C++ (docs/CLI.md, examples/deploy-c):

- `cmake --install build --prefix P` installs the runtime library, its header, the CMake
  package OnnxcRuntime and the pkg-config file onnxc-runtime.pc;
- find_package(OnnxcRuntime) works from a separate CMake project, and pkg-config too;
- examples/deploy-c builds its program both ways (through the runtime; linked directly against
  the compiled model with the header `onnx-compile --emit-header` wrote) and both match
  ONNX Runtime;
- the generated header compiles as strict C99 and C++, handles dynamic dims, odd names and the
  dlopen route.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from e2e_util import BUILD_DIR, ROOT, describe, run, run_onnxruntime

RTOL, ATOL = 1e-3, 1e-5
CMAKE = shutil.which("cmake")
CC = shutil.which("cc") or shutil.which("clang-22")
CXX = shutil.which("c++") or shutil.which("clang++-22")
CMAKE_TIMEOUT_S = 600

pytestmark = pytest.mark.skipif(not (CMAKE and CC), reason="needs cmake and a C compiler")


def check(proc, what=""):
    assert proc.returncode == 0, f"{what}\n{describe(proc)}"
    return proc


@pytest.fixture(scope="module")
def prefix(tmp_path_factory, onnx_compile):
    """The build installed into a fresh prefix in a temp folder."""
    if not (BUILD_DIR / "cmake_install.cmake").is_file():
        pytest.skip(f"{BUILD_DIR} is not configured")
    p = tmp_path_factory.mktemp("install") / "prefix"
    check(run([CMAKE, "--install", BUILD_DIR, "--prefix", p], timeout=CMAKE_TIMEOUT_S),
          "cmake --install")
    return p


def libdir(prefix: Path) -> Path:
    return next(d for d in (prefix / "lib", prefix / "lib64") if d.is_dir())


def test_install_layout(prefix):
    lib = libdir(prefix)
    assert (prefix / "include" / "onnxc" / "runtime.h").is_file()
    assert (lib / "libonnxc_runtime.so.0").exists()
    assert (lib / "libonnxc_runtime.so").is_symlink()
    cmake_dir = lib / "cmake" / "OnnxcRuntime"
    for name in ("OnnxcRuntimeConfig.cmake", "OnnxcRuntimeConfigVersion.cmake",
                 "OnnxcRuntimeTargets.cmake"):
        assert (cmake_dir / name).is_file(), name
    pc = (lib / "pkgconfig" / "onnxc-runtime.pc").read_text()
    assert "Libs: -L${libdir} -lonnxc_runtime" in pc
    assert "prefix=${pcfiledir}/../.." in pc  # relocatable
    # The tools, and the compiler's static core (linked into every model) where it looks.
    assert (prefix / "lib" / "libonnxc_core.a").is_file()
    for tool in ("onnx-compile", "onnx-run"):
        proc = check(run([prefix / "bin" / tool, "--help"]), f"installed {tool}")
        assert "USAGE: onnx-compile" in proc.stdout or "usage: onnx-run" in proc.stdout + proc.stderr


USE_RUNTIME_C = r"""
#include <onnxc/runtime.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  onnxc_model *model = NULL;
  onnxc_status *status;
  printf("runtime %s abi %d\n", onnxc_runtime_version(), (int)onnxc_runtime_abi_version());
  if (argc < 2)
    return 0;
  status = onnxc_model_load(argv[1], &model);
  if (status) {
    printf("error: %s\n", onnxc_status_message(status));
    onnxc_status_free(status);
    return 1;
  }
  printf("model %s inputs %zu\n", onnxc_model_metadata(model, "model"),
         onnxc_model_input_count(model));
  onnxc_model_release(model);
  return 0;
}
"""


def _runtime_abi_version() -> int:
    header = (ROOT / "runtime" / "include" / "onnxc" / "runtime.h").read_text()
    return int(re.search(r"#define ONNXC_ABI_VERSION (\d+)", header).group(1))


def test_find_package_from_separate_project(prefix, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "main.c").write_text(USE_RUNTIME_C)
    (src / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.20)\n"
        "project(uses_onnxc C)\n"
        "find_package(OnnxcRuntime 0.1 REQUIRED CONFIG)\n"
        f"if(NOT OnnxcRuntime_ABI_VERSION EQUAL {_runtime_abi_version()} OR NOT EXISTS "
        "\"${OnnxcRuntime_INCLUDE_DIR}/onnxc/runtime.h\")\n"
        "  message(FATAL_ERROR \"bad package variables\")\n"
        "endif()\n"
        "add_executable(app main.c)\n"
        "target_link_libraries(app PRIVATE OnnxcRuntime::onnxc_runtime)\n")
    build = tmp_path / "build"
    check(run([CMAKE, "-S", src, "-B", build, f"-DCMAKE_PREFIX_PATH={prefix}",
               f"-DCMAKE_C_COMPILER={CC}"], timeout=CMAKE_TIMEOUT_S), "configure")
    check(run([CMAKE, "--build", build], timeout=CMAKE_TIMEOUT_S), "build")
    proc = check(run([build / "app"]))
    assert proc.stdout.startswith(f"runtime 0.1.0 abi {_runtime_abi_version()}")
    # A version the package does not provide is refused.
    (src / "CMakeLists.txt").write_text(
        "cmake_minimum_required(VERSION 3.20)\nproject(p C)\n"
        "find_package(OnnxcRuntime 7.0 REQUIRED CONFIG)\n")
    proc = run([CMAKE, "-S", src, "-B", tmp_path / "build7", f"-DCMAKE_PREFIX_PATH={prefix}"],
               timeout=CMAKE_TIMEOUT_S)
    assert proc.returncode != 0 and "OnnxcRuntime" in proc.stderr


@pytest.mark.skipif(not shutil.which("pkg-config"), reason="needs pkg-config")
def test_pkg_config(prefix, tmp_path):
    env = dict(os.environ, PKG_CONFIG_PATH=str(libdir(prefix) / "pkgconfig"))
    proc = check(subprocess.run(["pkg-config", "--cflags", "--libs", "onnxc-runtime"],
                                capture_output=True, text=True, env=env))
    flags = proc.stdout.split()
    assert any(f.startswith("-I") and Path(f[2:]).resolve() == (prefix / "include").resolve()
               for f in flags), flags
    assert "-lonnxc_runtime" in flags
    assert check(subprocess.run(["pkg-config", "--modversion", "onnxc-runtime"],
                                capture_output=True, text=True, env=env)).stdout.strip() == "0.1.0"
    (tmp_path / "main.c").write_text(USE_RUNTIME_C)
    exe = tmp_path / "app"
    check(run([CC, tmp_path / "main.c", "-o", exe, *flags]), "cc with pkg-config flags")
    proc = check(subprocess.run([exe], capture_output=True, text=True,
                                env=dict(os.environ, LD_LIBRARY_PATH=str(libdir(prefix)))))
    assert proc.stdout.startswith("runtime 0.1.0")


# ---------------------------------------------------------------------------------------
# examples/deploy-c


@pytest.fixture(scope="module")
def example_model(tmp_path_factory):
    """example_cnn.onnx (utils/models/make_example_cnn.py) and a fixed-seed input."""
    d = tmp_path_factory.mktemp("example")
    sys.path.insert(0, str(ROOT / "utils" / "models"))
    try:
        import make_example_cnn
    finally:
        sys.path.pop(0)
    model = make_example_cnn.build_model()
    path = d / "example_cnn.onnx"
    onnx.save(model, str(path))
    x = np.random.default_rng(3).standard_normal((1, 3, 32, 32)).astype(np.float32)
    return path, x


def read_outputs(folder: Path):
    return {name: np.fromfile(folder / f"{name}.bin", dtype=np.float32).reshape(1, 10)
            for name in ("probabilities", "logits")}


def test_deploy_example_both_ways(prefix, example_model, tmp_path):
    """The example against the installed prefix only: its runtime and its compiler."""
    model, x = example_model
    build = tmp_path / "build"
    check(run([CMAKE, "-S", ROOT / "examples" / "deploy-c", "-B", build,
               f"-DCMAKE_PREFIX_PATH={prefix}", f"-DONNXC_COMPILER={prefix / 'bin' / 'onnx-compile'}",
               f"-DEXAMPLE_MODEL={model}", f"-DCMAKE_C_COMPILER={CC}"],
              timeout=CMAKE_TIMEOUT_S), "configure examples/deploy-c")
    check(run([CMAKE, "--build", build], timeout=CMAKE_TIMEOUT_S), "build examples/deploy-c")
    assert (build / "example_cnn.h").is_file() and (build / "example_cnn.so").is_file()

    # The direct program needs neither the runtime nor dlopen.
    needed = check(run(["readelf", "-d", build / "classify_direct"])).stdout
    assert "example_cnn.so" in needed and "onnxc_runtime" not in needed

    input_file = tmp_path / "input.bin"
    x.tofile(input_file)
    want = dict(zip(["probabilities", "logits"], run_onnxruntime(model, {"input": x})))
    for name, cmd in (("runtime", [build / "classify_runtime", build / "example_cnn.so"]),
                      ("direct", [build / "classify_direct"])):
        out = tmp_path / name
        out.mkdir()
        proc = check(run([*cmd, input_file, out]), f"classify_{name}")
        assert "largest: index" in proc.stdout
        got = read_outputs(out)
        for key in want:
            np.testing.assert_allclose(got[key], want[key], rtol=RTOL, atol=ATOL,
                                       err_msg=f"classify_{name}: {key}")


# ---------------------------------------------------------------------------------------
# The generated header


def make_odd_model(path: Path) -> Path:
    """Dynamic dims, names that are not C identifiers, a transposed and a shared output:
    in "x:0" [N,3] f32, "2nd input" [N] f32 ->
      "out/sum" = x + unsqueeze(second) [N,3], "int" = transpose(x) [3,N], "copy" = Identity."""
    axes = numpy_helper.from_array(np.array([1], np.int64), "axes")
    nodes = [
        helper.make_node("Unsqueeze", ["2nd input", "axes"], ["col"], name="unsq"),
        helper.make_node("Add", ["x:0", "col"], ["out/sum"], name="add"),
        helper.make_node("Transpose", ["x:0"], ["int"], name="t", perm=[1, 0]),
        helper.make_node("Identity", ["out/sum"], ["copy"], name="id"),
    ]
    graph = helper.make_graph(
        nodes, "odd-model.v2",
        [helper.make_tensor_value_info("x:0", TensorProto.FLOAT, ["N", 3]),
         helper.make_tensor_value_info("2nd input", TensorProto.FLOAT, ["N"])],
        [helper.make_tensor_value_info("out/sum", TensorProto.FLOAT, ["N", 3]),
         helper.make_tensor_value_info("int", TensorProto.FLOAT, [3, "N"]),
         helper.make_tensor_value_info("copy", TensorProto.FLOAT, ["N", 3])],
        initializer=[axes])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, str(path))
    return path


ODD_MAIN = r"""
#include "odd.h"
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  float x[4 * 3], second[4], sum[4 * 3], tr[3 * 4], copy[4 * 3];
  odd_model_v2_outputs out;
  onnxc_entry_fn entry;
  void *lib;
  int i;
  for (i = 0; i < 12; ++i)
    x[i] = (float)i;
  for (i = 0; i < 4; ++i)
    second[i] = 100.0f * (float)i;
  if (argc != 2)
    return 4;
  lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    printf("dlopen: %s\n", dlerror());
    return 1;
  }
  *(void **)(&entry) = dlsym(lib, "onnxc_main");
  if (odd_model_v2_call(entry, x, 4, second, 4, &out) != 0)
    return 2;
  if (odd_model_v2_out_sum_count(&out) != 12 || odd_model_v2_int__shape(&out)[0] != 3 ||
      odd_model_v2_int__shape(&out)[1] != 4)
    return 3;
  odd_model_v2_out_sum_copy(&out, sum);
  odd_model_v2_int__copy(&out, tr);
  odd_model_v2_copy_copy(&out, copy);
  for (i = 0; i < 12; ++i)
    printf("%g %g %g\n", sum[i], tr[i], copy[i]);
  odd_model_v2_free_outputs(&out);
  dlclose(lib);
  return 0;
}
"""


def test_header_dynamic_dims_and_odd_names(onnx_compile, tmp_path):
    model = make_odd_model(tmp_path / "odd.onnx")
    so, header = tmp_path / "odd.so", tmp_path / "odd.h"
    check(run([onnx_compile, model, "-o", so, f"--emit-header={header}"]), "onnx-compile")
    text = header.read_text()
    # Names: model "odd-model.v2" -> odd_model_v2; inputs "x:0" -> x_0, "2nd input" ->
    # input1_2nd_input (a leading digit gets a prefix); outputs "out/sum" -> out_sum, "int"
    # (a keyword) -> int_. Dynamic dims are -1 and become parameters.
    assert "#define ODD_MODEL_V2_NUM_INPUTS 2" in text
    assert '#define ODD_MODEL_V2_X_0_NAME "x:0"' in text
    assert "#define ODD_MODEL_V2_X_0_DIM0 (-1)" in text
    assert "#define ODD_MODEL_V2_X_0_DIM1 (3)" in text
    assert "const odd_model_v2_x_0_t *x_0, int64_t x_0_dim0, " in text
    assert "int64_t input1_2nd_input_dim0" in text
    assert "onnxc_memref_2d int_;" in text
    (tmp_path / "main.c").write_text(ODD_MAIN)
    exe = tmp_path / "odd_main"
    # ISO C forbids casting dlsym's void * to a function pointer: the program does it through
    # a void ** (above), so -pedantic stays an error.
    flags = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-DONNXC_MODEL_NO_LINK"]
    check(run([CC, *flags, "-I", tmp_path, tmp_path / "main.c", "-o", exe, "-ldl"]), "cc")
    proc = check(run([exe, so]))
    rows = np.array([[float(v) for v in line.split()] for line in proc.stdout.splitlines()])
    xs = np.arange(12, dtype=np.float32).reshape(4, 3)
    second = 100.0 * np.arange(4, dtype=np.float32)
    np.testing.assert_allclose(rows[:, 0], (xs + second[:, None]).ravel())
    np.testing.assert_allclose(rows[:, 1], xs.T.ravel())
    np.testing.assert_allclose(rows[:, 2], (xs + second[:, None]).ravel())


def test_header_compiles_as_cpp_and_links_directly(onnx_compile, tmp_path, example_model):
    if not CXX:
        pytest.skip("no C++ compiler")
    model, x = example_model
    so = tmp_path / "libexample.so"
    check(run([onnx_compile, model, "-o", so, "--emit-header"]), "onnx-compile --emit-header")
    header = tmp_path / "libexample.h"  # the default: the -o path with .h
    assert header.is_file()
    (tmp_path / "main.cpp").write_text(
        '#include "libexample.h"\n#include <cstdio>\n#include <vector>\n'
        "int main() {\n"
        "  std::vector<float> in(EXAMPLE_CNN_INPUT_COUNT, 0.5f);\n"
        "  example_cnn_outputs out;\n"
        "  if (example_cnn_run(in.data(), &out) != 0) return 1;\n"
        "  std::vector<float> p(example_cnn_probabilities_count(&out));\n"
        "  example_cnn_probabilities_copy(&out, p.data());\n"
        "  for (float v : p) std::printf(\"%.6f\\n\", v);\n"
        "  example_cnn_free_outputs(&out);\n"
        "}\n")
    exe = tmp_path / "main"
    check(run([CXX, "-std=c++17", "-Wall", "-Wextra", "-Werror", "-I", tmp_path,
               tmp_path / "main.cpp", "-o", exe, so, f"-Wl,-rpath,{tmp_path}"]), "c++")
    proc = check(run([exe]))
    got = np.array([float(v) for v in proc.stdout.split()], np.float32).reshape(1, 10)
    want = run_onnxruntime(model, {"input": np.full((1, 3, 32, 32), 0.5, np.float32)})[0]
    np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL)
