"""Fixtures of the end-to-end tests (pytest).

The tests drive the built tools as a user would: `build/bin/onnx-compile` turns an ONNX model
into a .so, `build/bin/onnx-run` runs it on a `test_data_set_N` folder and compares with the
reference outputs. References come from the data a model ships with, or from ONNX Runtime on
fixed-seed inputs. The helpers live in e2e_util.py (a module with a unique name, so that the
tests can import it); the fixtures here wrap them:

  onnx_compile, onnx_run, onnx_opt   paths of build/bin tools; skip when absent (fail when
                                     ONNXC_REQUIRE_TOOLS=1, as utils/test.sh sets)
  models_dir                         ../shared/models; skip when absent
  compiler                           compiler.compile(model, *flags) -> .so, once per session
  write_data_set                     write_data_set(inputs, outputs) -> a test_data_set folder
"""

from pathlib import Path

import pytest

from e2e_util import MODELS_DIR, Compiler, tool_path, write_test_data_set


@pytest.fixture(scope="session")
def onnx_compile() -> Path:
    return tool_path("onnx-compile")


@pytest.fixture(scope="session")
def onnx_run() -> Path:
    return tool_path("onnx-run")


@pytest.fixture(scope="session")
def onnx_opt() -> Path:
    return tool_path("onnx-opt")


@pytest.fixture(scope="session")
def models_dir() -> Path:
    if not MODELS_DIR.is_dir():
        pytest.skip(f"the shared models folder {MODELS_DIR} is absent")
    return MODELS_DIR


@pytest.fixture(scope="session")
def compiler(onnx_compile, tmp_path_factory) -> Compiler:
    return Compiler(onnx_compile, tmp_path_factory.mktemp("compiled"))


@pytest.fixture
def write_data_set(tmp_path):
    """write_data_set(inputs, outputs=(), name="test_data_set_0"): (name, array) lists in
    graph order -> the folder, under this test's tmp_path."""
    def write(inputs, outputs=(), name="test_data_set_0"):
        return write_test_data_set(tmp_path / name, inputs, outputs)
    return write
