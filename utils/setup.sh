#!/usr/bin/env bash
# Set up onnx-compile from a fresh clone: Debian packages, the Python virtualenv, the build,
# and a first compiled model. Re-runnable: every step skips what is already done.
#
#   utils/setup.sh                 everything
#   utils/setup.sh --no-example    stop after the build
#   utils/setup.sh --no-build      packages and virtualenv only
#
# Steps:
#   1. Debian packages   installs what `dpkg-query` reports missing (apt-get update only then;
#                        sudo when not root)
#   2. virtualenv        creates .venv and pip-installs utils/requirements.txt when it changed
#   3. configure         cmake -G Ninja into build/ (only when build/ is not configured)
#   4. build             ninja -C build (under the lock /tmp/onnxc-build.lock)
#   4b. python package   pip install -e . into .venv (pyproject.toml): `import onnxc` works in
#                        .venv (skipped when the installed one is up to date)
#   5. example           utils/models/make_example_cnn.py -> build/examples/example_cnn.onnx,
#                        onnx-compile it to build/examples/example_cnn.so, run it with onnx-run
#                        on its reference data set and print the outputs and the latency
# See utils/lib.sh for the environment knobs (ONNXC_JOBS, ONNXC_BUILD_DIR, ...).
set -euo pipefail

# shellcheck source=utils/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

do_build=1
do_example=1
for arg in "$@"; do
  case $arg in
    --no-build) do_build=0; do_example=0 ;;
    --no-example) do_example=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) onnxc_err "unknown argument '$arg' (see $0 --help)"; exit 2 ;;
  esac
done

onnxc_install_exit_trap
cd "$ONNXC_ROOT"

onnxc_step "install Debian packages"
onnxc_install_packages

onnxc_step "Python virtualenv (.venv from utils/requirements.txt)"
onnxc_setup_venv

if [ "$do_build" = 1 ]; then
  onnxc_step "configure $ONNXC_BUILD_DIR"
  onnxc_configure
  onnxc_step "build $ONNXC_BUILD_DIR"
  # shellcheck disable=SC2119  # no extra ninja arguments
  onnxc_build
  for tool in onnx-compile onnx-opt onnx-run; do
    if [ ! -x "$ONNXC_BUILD_DIR/bin/$tool" ]; then
      onnxc_err "the build finished but $ONNXC_BUILD_DIR/bin/$tool does not exist"
      exit 1
    fi
  done

  onnxc_step "Python package onnxc (pip install -e . into $ONNXC_VENV)"
  py_stamp=$ONNXC_VENV/.onnxc-python.stamp
  py_sources=(pyproject.toml runtime/python/CMakeLists.txt runtime/python/src/module.cpp
              runtime/include/onnxc/runtime.h)
  if onnxc_up_to_date "$py_stamp" "${py_sources[@]}" "$ONNXC_BUILD_DIR/lib/libonnxc_runtime.so" &&
     "$ONNXC_PY" -c 'import onnxc' >/dev/null 2>&1; then
    onnxc_log "up to date"
  else
    # The build dependencies (pinned in pyproject.toml) come from PyPI; the extension builds
    # in build/python-pip, under the build lock.
    onnxc_with_build_lock "$ONNXC_PY" -m pip install --disable-pip-version-check --no-input -q -e .
    "$ONNXC_PY" -c 'import onnxc; print(f"onnxc {onnxc.__version__}: {onnxc.__file__}")'
    touch "$py_stamp"
  fi
fi

if [ "$do_example" = 1 ]; then
  examples=$ONNXC_BUILD_DIR/examples
  generator=$ONNXC_ROOT/utils/models/make_example_cnn.py
  model=$examples/example_cnn.onnx
  data=$examples/test_data_set_0
  lib=$examples/example_cnn.so
  outputs=$examples/outputs

  onnxc_step "generate the example model ($model)"
  if onnxc_up_to_date "$model" "$generator" && onnxc_up_to_date "$data/output_0.pb" "$model"; then
    onnxc_log "up to date"
  else
    "$ONNXC_PY" "$generator" --output-dir "$examples"
  fi

  onnxc_step "compile the example model ($lib)"
  if onnxc_up_to_date "$lib" "$model" "$ONNXC_BUILD_DIR/bin/onnx-compile"; then
    onnxc_log "up to date"
  else
    onnxc_log "$ONNXC_BUILD_DIR/bin/onnx-compile $model -target=cpu -o $lib"
    if ! "$ONNXC_BUILD_DIR/bin/onnx-compile" "$model" -target=cpu -o "$lib"; then
      rm -f "$lib"  # never leave a partial file that looks up to date
      exit 1
    fi
  fi

  onnxc_step "run the example model on its reference data"
  rm -rf "$outputs"
  "$ONNXC_BUILD_DIR/bin/onnx-run" "$lib" --test-data "$data" --output-dir "$outputs"
  "$ONNXC_PY" - "$outputs" <<'EOF'
import glob, os, sys
import numpy as np
from onnx import TensorProto, numpy_helper
files = sorted(glob.glob(os.path.join(sys.argv[1], "output_*.pb")))
if not files:
    sys.exit(f"onnx-run wrote no output_N.pb into {sys.argv[1]}")
np.set_printoptions(precision=4, suppress=True)
for path in files:
    t = TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    a = numpy_helper.to_array(t)
    print(f"output {t.name or os.path.basename(path)} {list(a.shape)}: {a.ravel()}")
    if t.name == "probabilities":
        print(f"  predicted class {int(a.argmax())} (p = {a.max():.4f})")
EOF
fi

ONNXC_STEP=""
onnxc_log "setup done; run the tests with utils/test.sh"
