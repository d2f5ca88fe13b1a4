# shellcheck shell=bash
# Shared steps of utils/setup.sh and utils/test.sh. Source this file; do not run it.
#
# Every function returns non-zero on failure (explicitly, so that it also works when
# called from an `if`, where bash ignores `set -e`).
#
# Environment knobs (all optional):
#   ONNXC_BUILD_DIR    build folder                       (default: <repo>/build)
#   ONNXC_VENV         Python virtualenv                  (default: <repo>/.venv)
#   ONNXC_PYTHON3      interpreter that creates the venv  (default: python3)
#   ONNXC_JOBS         parallel build/test jobs           (default: nproc, capped by memory)
#   ONNXC_CMAKE_ARGS   extra arguments for the first cmake configure
#   ONNXC_BUILD_LOCK   lock file around builds in the build folder
#                      (default: /tmp/onnxc-build.lock; empty: no lock)

ONNXC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ONNXC_BUILD_DIR=${ONNXC_BUILD_DIR:-$ONNXC_ROOT/build}
ONNXC_VENV=${ONNXC_VENV:-$ONNXC_ROOT/.venv}
ONNXC_PY=$ONNXC_VENV/bin/python
ONNXC_LLVM_PREFIX=/usr/lib/llvm-22
ONNXC_BUILD_LOCK=${ONNXC_BUILD_LOCK-/tmp/onnxc-build.lock}

# Debian 12 packages the project builds and tests with. LLVM/MLIR 22 come from the
# configured apt repositories. Never libonnx-dev: its onnx-ml.pb.h (ONNX 1.12) would
# shadow the one compiled from the pinned onnx package.
ONNXC_DEB_PACKAGES=(
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools clang-22 lld-22
  libprotobuf-dev protobuf-compiler libgtest-dev pybind11-dev
  ccache python3-venv ninja-build cmake libonnx-testdata
)

onnxc_log() { printf '==> %s\n' "$*"; }
onnxc_warn() { printf 'warning: %s\n' "$*" >&2; }
onnxc_err() { printf 'error: %s\n' "$*" >&2; }

# The step that is running, for the failure message printed by onnxc_install_exit_trap.
ONNXC_STEP=""
onnxc_step() {
  ONNXC_STEP=$1
  printf '\n==> [%s] %s\n' "$(basename "$0")" "$1"
}

# On a non-zero exit, say which step failed.
onnxc__on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -n "$ONNXC_STEP" ]; then
    printf '\nerror: %s: step "%s" failed (exit %s)\n' "$(basename "$0")" "$ONNXC_STEP" "$rc" >&2
  fi
}
onnxc_install_exit_trap() {
  trap onnxc__on_exit EXIT
}

# Parallel jobs: the number of CPUs, but at most one per 2 GiB of available memory
# (one MLIR translation unit can take well over 1 GiB). ONNXC_JOBS overrides.
onnxc_jobs() {
  if [ -n "${ONNXC_JOBS:-}" ]; then
    echo "$ONNXC_JOBS"
    return 0
  fi
  local cpus mem_gib jobs
  cpus=$(nproc 2>/dev/null || echo 2)
  mem_gib=$(awk '/^MemAvailable:/ { print int($2 / 1048576) }' /proc/meminfo 2>/dev/null || echo 4)
  jobs=$cpus
  if [ "$((mem_gib / 2))" -lt "$jobs" ]; then jobs=$((mem_gib / 2)); fi
  if [ "$jobs" -lt 1 ]; then jobs=1; fi
  echo "$jobs"
}

# Run a command while holding the build lock, exclusively (the other people and scripts
# that build in the same folder take it too: `flock /tmp/onnxc-build.lock ninja ...`).
# Not re-entrant across processes: do not wrap a script that takes it in another `flock`
# on the same file.
onnxc_with_build_lock() {
  onnxc__locked -x "$@"
}

# The same lock, shared: for commands that only use what is built (ctest, pytest), so that
# no build replaces a binary under a running test; several test runs may share it.
onnxc_with_shared_build_lock() {
  onnxc__locked -s "$@"
}

onnxc__locked() {
  local mode=$1
  shift
  if [ -z "$ONNXC_BUILD_LOCK" ] || [ "${ONNXC_BUILD_LOCK_HELD:-}" = 1 ] ||
     ! command -v flock >/dev/null 2>&1; then
    "$@"
    return $?
  fi
  local rc=0
  # -E 75: the exit status that means "the lock is busy" (as opposed to "the command failed").
  ONNXC_BUILD_LOCK_HELD=1 flock "$mode" -n -E 75 "$ONNXC_BUILD_LOCK" "$@" || rc=$?
  if [ "$rc" -eq 75 ]; then
    onnxc_log "waiting for the build lock $ONNXC_BUILD_LOCK (a build or test run holds it;" \
      "if you wrapped this script in flock yourself, run it with ONNXC_BUILD_LOCK= instead)"
    rc=0
    ONNXC_BUILD_LOCK_HELD=1 flock "$mode" "$ONNXC_BUILD_LOCK" "$@" || rc=$?
  fi
  return "$rc"
}

# ---------------------------------------------------------------------------------------
# Debian packages: install only what dpkg says is missing; apt-get update only then.
onnxc_missing_packages() {
  local p
  for p in "${ONNXC_DEB_PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != installed ]; then
      echo "$p"
    fi
  done
}

onnxc_install_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    onnxc_err "dpkg-query not found: this script supports Debian 12 (bookworm) only"
    return 1
  fi
  if [ "$(dpkg-query -W -f='${db:Status-Status}' libonnx-dev 2>/dev/null)" = installed ]; then
    onnxc_warn "libonnx-dev is installed: its /usr/include/onnx/onnx-ml.pb.h (ONNX 1.12) can" \
      "shadow the header compiled from the pinned onnx package; remove it (apt-get remove libonnx-dev)"
  fi
  local missing
  mapfile -t missing < <(onnxc_missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    onnxc_log "all ${#ONNXC_DEB_PACKAGES[@]} Debian packages are installed"
    return 0
  fi
  onnxc_log "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      onnxc_err "not root and no sudo: install these packages first: ${missing[*]}"
      return 1
    fi
    sudo=(sudo)
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q; then
    onnxc_err "apt-get update failed"
    return 1
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
       apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    onnxc_err "apt-get install failed for: ${missing[*]}" \
      "(LLVM 22 must come from the configured apt repositories: see 'apt-cache policy llvm-22-dev')"
    return 1
  fi
  mapfile -t missing < <(onnxc_missing_packages)
  if [ "${#missing[@]}" -ne 0 ]; then
    onnxc_err "still not installed after apt-get install: ${missing[*]}"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------
# Python virtualenv from utils/requirements.txt. pip runs only when the requirements (or
# the interpreter) changed since the last successful install, recorded in a stamp file.
onnxc_setup_venv() {
  local req=$ONNXC_ROOT/utils/requirements.txt
  local stamp=$ONNXC_VENV/.onnxc-requirements.stamp
  local python3=${ONNXC_PYTHON3:-python3}
  if [ ! -x "$ONNXC_PY" ] || ! "$ONNXC_PY" -c '' >/dev/null 2>&1; then
    if ! command -v "$python3" >/dev/null 2>&1; then
      onnxc_err "no $python3 to create the virtualenv with (apt-get install python3-venv)"
      return 1
    fi
    onnxc_log "creating the virtualenv $ONNXC_VENV with $(command -v "$python3")"
    if ! "$python3" -m venv --clear "$ONNXC_VENV"; then
      onnxc_err "'$python3 -m venv $ONNXC_VENV' failed (is python3-venv installed?)"
      return 1
    fi
  fi
  local want
  want=$({ sha256sum <"$req" && "$ONNXC_PY" -c 'import sys; print(sys.version)'; } |
         sha256sum | cut -d' ' -f1) || return 1
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    onnxc_log "virtualenv $ONNXC_VENV is up to date with utils/requirements.txt"
    return 0
  fi
  onnxc_log "installing utils/requirements.txt into $ONNXC_VENV"
  if ! "$ONNXC_PY" -m pip install --disable-pip-version-check --no-input -q -r "$req"; then
    onnxc_err "pip install -r utils/requirements.txt failed"
    return 1
  fi
  echo "$want" >"$stamp"
}

# ---------------------------------------------------------------------------------------
# CMake configure, only when the build folder is not configured yet (afterwards ninja
# re-runs cmake by itself when a CMakeLists.txt changes).
onnxc_configure() {
  if [ -f "$ONNXC_BUILD_DIR/build.ninja" ] && [ -f "$ONNXC_BUILD_DIR/CMakeCache.txt" ]; then
    onnxc_log "$ONNXC_BUILD_DIR is already configured"
    return 0
  fi
  local args=(
    -G Ninja -S "$ONNXC_ROOT" -B "$ONNXC_BUILD_DIR"
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22
    -DMLIR_DIR="$ONNXC_LLVM_PREFIX/lib/cmake/mlir"
    -DLLVM_EXTERNAL_LIT="$ONNXC_LLVM_PREFIX/bin/lit"
    -DONNXC_PYTHON="$ONNXC_PY"
  )
  if command -v ccache >/dev/null 2>&1; then
    args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  if [ -n "${ONNXC_CMAKE_ARGS:-}" ]; then
    local extra
    read -r -a extra <<<"$ONNXC_CMAKE_ARGS"
    args+=("${extra[@]}")
  fi
  onnxc_log "cmake ${args[*]}"
  if ! onnxc_with_build_lock cmake "${args[@]}"; then
    onnxc_err "cmake configure of $ONNXC_BUILD_DIR failed"
    return 1
  fi
}

# ninja in the build folder, under the build lock. Arguments: extra ninja arguments.
onnxc_build() {
  local jobs
  jobs=$(onnxc_jobs)
  onnxc_log "ninja -C $ONNXC_BUILD_DIR -j$jobs $*"
  if ! onnxc_with_build_lock ninja -C "$ONNXC_BUILD_DIR" -j"$jobs" "$@"; then
    onnxc_err "build failed (ninja -C $ONNXC_BUILD_DIR $*)"
    return 1
  fi
}

# Does the configured build define a ninja target?
onnxc_has_target() {
  [ -f "$ONNXC_BUILD_DIR/build.ninja" ] &&
    ninja -C "$ONNXC_BUILD_DIR" -t targets all 2>/dev/null | grep "^$1:" >/dev/null  # not -q: SIGPIPE + pipefail
}

# Is $1 present and newer than every other argument?
onnxc_up_to_date() {
  local target=$1 dep
  shift
  [ -e "$target" ] || return 1
  for dep in "$@"; do
    [ "$target" -nt "$dep" ] || return 1
  done
  return 0
}
