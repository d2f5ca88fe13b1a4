#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time on a fresh corpus (what ctest's
# fuzz.* tests run; docs/Security.md).
#
#   tools/fuzz/run-fuzzer.sh importer|loader FUZZER SECONDS [LIBFUZZER_ARGS...]
#
# The corpus is a temporary folder seeded with: the regression inputs of
# test/fuzz-regressions/<kind>/ (run first: a crash there fails at once), and
#   importer: small valid models written by utils/malformed/gen_corpus.py --seeds
#             and the .onnx files under ../shared/models up to 256 KiB
#   loader:   the runtime's fake-model fixtures, and two small models compiled by
#             build/bin/onnx-compile when it is there
# New crash inputs are left in $ONNXC_FUZZ_ARTIFACTS (default: build/fuzz-artifacts/<kind>/):
# fix the bug and move the input to test/fuzz-regressions/<kind>/.
set -euo pipefail

kind=$1 fuzzer=$2 seconds=$3
shift 3
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${ONNXC_BUILD_DIR:-$root/build}
python=${ONNXC_PYTHON:-$root/.venv/bin/python}
artifacts=${ONNXC_FUZZ_ARTIFACTS:-$build/fuzz-artifacts/$kind}
work=$(mktemp -d "${TMPDIR:-/tmp}/onnxc-fuzz-$kind.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/seeds" "$artifacts"

regressions=$root/test/fuzz-regressions/$kind
case $kind in
  importer)
    if [ -x "$python" ]; then
      "$python" "$root/utils/malformed/gen_corpus.py" --seeds "$work/seeds" >/dev/null
    fi
    if [ -d "$root/../shared/models" ]; then
      find "$root/../shared/models" -name '*.onnx' -size -256k -exec cp {} "$work/seeds/" \; 2>/dev/null || true
    fi
    dict=(-dict="$root/tools/fuzz/onnx.dict")
    ;;
  loader)
    find "$build" -path '*/fixtures/*.so' -size -1024k -exec cp {} "$work/seeds/" \; 2>/dev/null || true
    if [ -x "$python" ] && [ -x "$build/bin/onnx-compile" ]; then
      "$python" "$root/utils/malformed/gen_corpus.py" --seeds "$work/models" >/dev/null
      for m in relu mlp; do
        "$build/bin/onnx-compile" "$work/models/$m.onnx" -o "$work/seeds/$m.so" >/dev/null 2>&1 || true
      done
    fi
    dict=()
    ;;
  *) echo "run-fuzzer.sh: unknown kind '$kind' (importer or loader)" >&2; exit 2 ;;
esac

# Regression inputs: each must run cleanly.
if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
  echo "== $kind: $(find "$regressions" -type f | wc -l) regression inputs"
  "$fuzzer" "${dict[@]}" "$regressions"/*
fi

seed_dirs=("$work/seeds")
[ -d "$regressions" ] && seed_dirs+=("$regressions")
echo "== $kind: fuzzing for $seconds s ($(find "$work/seeds" -type f | wc -l) seeds)"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$@" \
  "$work/corpus" "${seed_dirs[@]}"
