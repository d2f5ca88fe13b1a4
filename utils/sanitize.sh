#!/usr/bin/env bash
# Build with the sanitizers and run the tests under them (docs/Security.md).
#
#   utils/sanitize.sh [--quick]   ASan + UBSan: the runtime on its own (cmake -S runtime,
#                                 build-asan-runtime/) and its GoogleTest tests, and the
#                                 importer (onnxc-import-check) over the malformed-model
#                                 corpus, the fuzz seeds and the fuzz regression inputs. The
#                                 checker is build/'s (every clang build makes it, with an
#                                 importer compiled with ASan + UBSan), so nothing of the
#                                 compiler is rebuilt: about 2 minutes. The CI tier runs this.
#   utils/sanitize.sh --full      ASan + UBSan, build-asan/: everything built, then lit
#                                 (check-onnxc), ctest (with the fuzz targets) and the
#                                 end-to-end tests (pytest test/E2E; the ONNX node suite
#                                 only with --node-suite)
#   utils/sanitize.sh --tsan      ThreadSanitizer, build-tsan/ (the runtime on its own): the
#                                 runtime's tests and a real model (compiled by build/) run
#                                 from 16 threads
#
# build-asan/ is the whole project configured with -DONNXC_ENABLE_SANITIZERS=ON (clang-22,
# -fsanitize=address,undefined -fno-sanitize-recover=undefined); configure it by hand with
#   ONNXC_BUILD_DIR=build-asan ONNXC_CMAKE_ARGS=-DONNXC_ENABLE_SANITIZERS=ON utils/setup.sh
# or let this script do it. Builds take the build lock like every build here.
# Environment: ONNXC_ASAN_BUILD_DIR (default build-asan), ONNXC_ASAN_RUNTIME_BUILD_DIR
# (build-asan-runtime), ONNXC_TSAN_BUILD_DIR (build-tsan), ONNXC_BUILD_DIR (build: its
# onnx-compile and onnxc-import-check), ONNXC_JOBS. Logs: <build>/sanitize-logs/. Exit
# status 0 when everything passed.
set -euo pipefail

# shellcheck source=utils/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mode=quick
node_suite=0
for arg in "$@"; do
  case $arg in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --tsan) mode=tsan ;;
    --node-suite) node_suite=1 ;;
    -h|--help) grep -v '^# shellcheck' "$0" | sed -n '2,/^set -euo/p' | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) onnxc_err "unknown argument '$arg' (see $0 --help)"; exit 2 ;;
  esac
done

cd "$ONNXC_ROOT"
JOBS=$(onnxc_jobs)
ASAN_DIR=${ONNXC_ASAN_BUILD_DIR:-$ONNXC_ROOT/build-asan}
ASAN_RT_DIR=${ONNXC_ASAN_RUNTIME_BUILD_DIR:-$ONNXC_ROOT/build-asan-runtime}
TSAN_DIR=${ONNXC_TSAN_BUILD_DIR:-$ONNXC_ROOT/build-tsan}
failed=()
start=$(date +%s)

# Sanitizer reports must not look like a refusal (exit 1): they exit 86.
export ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86:detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=86}
export TSAN_OPTIONS=${TSAN_OPTIONS:-exitcode=86:halt_on_error=0:second_deadlock_stack=1}

step() { onnxc_step "$1 (at $(( $(date +%s) - start )) s)"; }
fail() { failed+=("$1"); onnxc_err "$1"; }

configure_asan() {
  if [ -f "$ASAN_DIR/build.ninja" ] && grep -q '^ONNXC_ENABLE_SANITIZERS:BOOL=ON' "$ASAN_DIR/CMakeCache.txt" 2>/dev/null; then
    return 0
  fi
  step "configure $ASAN_DIR (ASan + UBSan)"
  ONNXC_BUILD_DIR=$ASAN_DIR ONNXC_CMAKE_ARGS="-DONNXC_ENABLE_SANITIZERS=ON -DCMAKE_C_FLAGS=-gline-tables-only -DCMAKE_CXX_FLAGS=-gline-tables-only ${ONNXC_CMAKE_ARGS:-}" \
    onnxc_configure
}

build_in() {  # build_in DIR TARGET...
  local dir=$1
  shift
  step "build $dir: ${*:-all}"
  onnxc_with_build_lock ninja -C "$dir" -j"$JOBS" "$@"
}

# The importer under ASan + UBSan over every file of the corpus, the seeds and the
# regression inputs: exit 0 or 1 is fine (imported or refused), anything else is not.
importer_corpus() {
  local checker=$1 log_dir=$2 work
  work=$log_dir/importer
  rm -rf "$work"
  mkdir -p "$work"
  step "importer under the sanitizers: the malformed corpus, fuzz seeds and regressions"
  "$ONNXC_PY" utils/malformed/gen_corpus.py "$work/corpus" >/dev/null
  "$ONNXC_PY" utils/malformed/gen_corpus.py --seeds "$work/seeds" >/dev/null
  {
    find "$work/corpus" "$work/seeds" -name '*.onnx'
    find test/fuzz-regressions/importer -type f 2>/dev/null || true
  } | sort >"$work/files.txt"
  local n bad=0
  n=$(wc -l <"$work/files.txt")
  # 25 files per process (most of the time is starting one); --trace names each file
  # before it is imported, so the last name before a report is its file.
  # shellcheck disable=SC2016  # $0, $@ and $rc are the inner shell's
  tr '\n' '\0' <"$work/files.txt" |
    xargs -0 -n 25 -P "$JOBS" sh -c \
      'out=$(timeout 300 "$0" --quiet --trace "$@" 2>&1); rc=$?; if [ $rc -gt 1 ]; then printf "%s\n%s\n" "=== exit $rc" "$out" | tail -n 80; fi' \
      "$checker" >"$work/reports.txt" || true
  bad=$(grep -c '^=== ' "$work/reports.txt" || true)
  echo "onnxc-import-check: $n files, $bad batches with a sanitizer report, crash or timeout"
  if [ "$bad" -ne 0 ]; then
    head -n 80 "$work/reports.txt"
    fail "importer: $bad batches of 25 files had a crash or sanitizer report (the file is the last one named before it; see $work/reports.txt)"
  fi
}

# The runtime on its own (runtime/CMakeLists.txt as the top level: the runtime, its tests
# and their fake-model fixtures; no MLIR), configured once.
configure_runtime() {  # configure_runtime DIR CMAKE_ARGS...
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then return 0; fi
  step "configure $dir (the runtime on its own: $*)"
  onnxc_with_build_lock cmake -G Ninja -S runtime -B "$dir" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DONNXC_RUNTIME_BUILD_FUZZERS=OFF "$@"
}

run_quick() {
  local logs=$ASAN_RT_DIR/sanitize-logs checker=$ONNXC_BUILD_DIR/bin/onnxc-import-check
  configure_runtime "$ASAN_RT_DIR" -DONNXC_ENABLE_SANITIZERS=ON || { fail "configure $ASAN_RT_DIR"; return; }
  mkdir -p "$logs"
  if ! build_in "$ASAN_RT_DIR" onnxc-runtime-tests; then
    fail "build of $ASAN_RT_DIR"
    return
  fi
  step "runtime tests under ASan + UBSan (ctest -L runtime)"
  if ! onnxc_with_shared_build_lock ctest --test-dir "$ASAN_RT_DIR" -L runtime -LE fuzz \
      --output-on-failure -j"$JOBS" 2>&1 | tee "$logs/ctest-runtime.log"; then
    fail "runtime tests under ASan + UBSan (see $logs/ctest-runtime.log)"
  fi
  # build/'s checker is built with ASan + UBSan over an instrumented importer
  # (tools/fuzz); without one (a gcc build, -DONNXC_BUILD_FUZZERS=OFF) build it in
  # build-asan/.
  if ! onnxc_has_target onnxc-import-check; then
    configure_asan || { fail "configure $ASAN_DIR"; return; }
    checker=$ASAN_DIR/bin/onnxc-import-check
    build_in "$ASAN_DIR" onnxc-import-check || { fail "build of $ASAN_DIR"; return; }
  else
    build_in "$ONNXC_BUILD_DIR" onnxc-import-check || { fail "build of onnxc-import-check"; return; }
  fi
  importer_corpus "$checker" "$logs"
}

run_full() {
  configure_asan || { fail "configure $ASAN_DIR"; return; }
  local logs=$ASAN_DIR/sanitize-logs
  mkdir -p "$logs"
  if ! build_in "$ASAN_DIR"; then
    fail "build of $ASAN_DIR"
    return
  fi
  # The compiler is MLIR and LLVM, whose globals are not freed at exit: no leak checks
  # for the tools (the runtime's tests keep them, in ctest below).
  step "lit under ASan + UBSan"
  if ! ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" onnxc_with_build_lock \
      ninja -C "$ASAN_DIR" check-onnxc 2>&1 | tee "$logs/lit.log"; then
    fail "lit under ASan + UBSan (see $logs/lit.log)"
  fi
  step "ctest under ASan + UBSan (runtime, onnx-run, fuzz targets)"
  if ! onnxc_with_shared_build_lock ctest --test-dir "$ASAN_DIR" --output-on-failure \
      -j"$JOBS" 2>&1 | tee "$logs/ctest.log"; then
    fail "ctest under ASan + UBSan (see $logs/ctest.log)"
  fi
  importer_corpus "$ASAN_DIR/bin/onnxc-import-check" "$logs"
  step "end-to-end tests under ASan + UBSan"
  local deselect=(--deselect test/E2E/test_node_suite.py)
  [ "$node_suite" = 1 ] && deselect=()
  if ! ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" ONNXC_REQUIRE_TOOLS=1 \
      ONNXC_BUILD_DIR="$ASAN_DIR" ONNXC_MALFORMED_TIME_LIMIT=30 ONNXC_MALFORMED_MEMORY_LIMIT_MIB=4096 ONNXC_MALFORMED_AS_LIMIT_MIB=0 \
      onnxc_with_shared_build_lock "$ONNXC_PY" -m pytest test/E2E -n "$JOBS" -q -rfE \
      --color=no "${deselect[@]}" 2>&1 | tee "$logs/pytest.log"; then
    fail "end-to-end tests under ASan + UBSan (see $logs/pytest.log)"
  fi
}

run_tsan() {
  configure_runtime "$TSAN_DIR" -DCMAKE_C_FLAGS=-fsanitize=thread -DCMAKE_CXX_FLAGS=-fsanitize=thread \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread ||
    { fail "configure $TSAN_DIR"; return; }
  local logs=$TSAN_DIR/sanitize-logs
  mkdir -p "$logs"
  if ! build_in "$TSAN_DIR"; then
    fail "build of $TSAN_DIR"
    return
  fi
  step "runtime tests under ThreadSanitizer"
  if ! ctest --test-dir "$TSAN_DIR" --output-on-failure -j"$JOBS" 2>&1 | tee "$logs/ctest.log"; then
    fail "runtime tests under ThreadSanitizer (see $logs/ctest.log)"
  fi
  step "a real model from 16 threads under ThreadSanitizer"
  local compile=$ONNXC_BUILD_DIR/bin/onnx-compile work=$logs/models
  if [ ! -x "$compile" ] || [ ! -x "$TSAN_DIR/bin/onnxc-concurrency-check" ]; then
    fail "the 16-thread run needs $compile (utils/setup.sh) and onnxc-concurrency-check"
    return
  fi
  mkdir -p "$work"
  "$ONNXC_PY" utils/models/make_example_cnn.py --output-dir "$work" >/dev/null
  local model
  model=$(find "$work" -name '*.onnx' | head -n 1)
  if ! onnxc_with_shared_build_lock "$compile" "$model" -o "$work/example.so"; then
    fail "onnx-compile of the example model"
    return
  fi
  if ! "$TSAN_DIR/bin/onnxc-concurrency-check" "$work/example.so" --threads 16 --runs 100 \
      2>&1 | tee "$logs/concurrency.log"; then
    fail "16 threads under ThreadSanitizer (see $logs/concurrency.log)"
  fi
}

"run_$mode"

elapsed=$(( $(date +%s) - start ))
printf '\n==> sanitize.sh --%s: %s (%d s)\n' "$mode" \
  "$([ ${#failed[@]} -eq 0 ] && echo passed || echo "FAILED: ${failed[*]}")" "$elapsed"
[ ${#failed[@]} -eq 0 ]
