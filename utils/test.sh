#!/usr/bin/env bash
# shellcheck disable=SC2317  # the run_* functions are called indirectly ("run_$tier")
# Run the CI tier of onnx-compile's tests (what .ci/run runs).
#
#   utils/test.sh                  set up (packages, .venv, build) and run every tier
#   utils/test.sh lit pytest       only these tiers (any of: lit ctest pytest sanitize)
#   utils/test.sh --no-setup ...   do not install or build first
#
# First it makes sure the setup is done (the install and build steps of utils/setup.sh),
# then it runs, in this order:
#   lit     ninja -C build check-onnxc        (lit + FileCheck tests under test/)
#   ctest   ctest --test-dir build            (GoogleTest unit and runtime tests)
#   pytest  .venv/bin/python -m pytest test/E2E -n JOBS    (end-to-end tests)
#   sanitize utils/sanitize.sh --quick  (ASan+UBSan: the runtime alone and its tests, the importer
#                                       over the malformed corpus; about 2 minutes)
# A failing tier does not stop the others. At the end it prints
#   N passed, M failed, K skipped
# summed over the tiers, then one line per tier, and exits non-zero when the build or any
# tier failed, a tier is missing, or a tier ran no test at all. A tier that fails without
# reporting any failing test (a build error in check-onnxc, a crash) counts as 1 failure.
# Logs: build/test-logs/<tier>.log. Extra pytest options: PYTEST_ADDOPTS="-k mnist".
# Builds hold /tmp/onnxc-build.lock exclusively, ctest and pytest hold it shared (so that no
# build replaces a binary under a running test); ONNXC_BUILD_LOCK= disables the lock.
set -euo pipefail

# shellcheck source=utils/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

do_setup=1
tiers=()
for arg in "$@"; do
  case $arg in
    --no-setup) do_setup=0 ;;
    lit|ctest|pytest|sanitize) tiers+=("$arg") ;;
    -h|--help) grep -v '^# shellcheck' "$0" | sed -n '2,/^set -euo/p' | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) onnxc_err "unknown argument '$arg' (see $0 --help)"; exit 2 ;;
  esac
done
if [ "${#tiers[@]}" -eq 0 ]; then tiers=(lit ctest pytest sanitize); fi

cd "$ONNXC_ROOT"
LOG_DIR=$ONNXC_BUILD_DIR/test-logs
JOBS=$(onnxc_jobs)

# ---------------------------------------------------------------------------------------
# Setup. Packages and the virtualenv are needed by everything: their failure ends the run.
# A build failure is recorded, and the tiers still run (whatever did build is tested).
setup_status="ok"
if [ "$do_setup" = 1 ]; then
  onnxc_install_exit_trap
  onnxc_step "install Debian packages"
  onnxc_install_packages
  onnxc_step "Python virtualenv (.venv from utils/requirements.txt)"
  onnxc_setup_venv
  onnxc_step "configure $ONNXC_BUILD_DIR"
  if ! onnxc_configure; then
    setup_status="FAILED (cmake configure)"
  else
    onnxc_step "build $ONNXC_BUILD_DIR"
    # shellcheck disable=SC2119  # no extra ninja arguments
    if ! onnxc_build; then
      setup_status="FAILED (build; see the ninja output above)"
    fi
  fi
  ONNXC_STEP=""
  trap - EXIT
else
  setup_status="skipped (--no-setup)"
fi
mkdir -p "$LOG_DIR"

# ---------------------------------------------------------------------------------------
# Result of each tier: counts and a status word.
declare -A T_PASS T_FAIL T_SKIP T_NOTE
TOTAL_PASS=0
TOTAL_FAIL=0
TOTAL_SKIP=0
ANY_FAILED=0
[[ $setup_status == FAILED* ]] && ANY_FAILED=1

# record TIER RC PASSED FAILED SKIPPED RAN_SUMMARY
#   RAN_SUMMARY=1 when the counts were parsed from the tool's own summary.
record() {
  local tier=$1 rc=$2 p=$3 f=$4 s=$5 parsed=$6 note=""
  if [ "$parsed" != 1 ]; then
    note="no test summary found in $LOG_DIR/$tier.log"
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    note="${note:+$note; }exit $rc without a failing test: counted as 1 failure"
  elif [ "$rc" -eq 0 ] && [ "$f" -ne 0 ]; then
    note="${note:+$note; }exit 0 but failures reported"
  fi
  if [ "$((p + f + s))" -eq 0 ]; then
    f=1
    note="${note:+$note; }ran no test at all: counted as 1 failure"
  fi
  T_PASS[$tier]=$p
  T_FAIL[$tier]=$f
  T_SKIP[$tier]=$s
  T_NOTE[$tier]="exit $rc${note:+; $note}"
  TOTAL_PASS=$((TOTAL_PASS + p))
  TOTAL_FAIL=$((TOTAL_FAIL + f))
  TOTAL_SKIP=$((TOTAL_SKIP + s))
  if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then ANY_FAILED=1; fi
}

# missing TIER WHY: the tier does not exist in this checkout/build.
missing() {
  T_PASS[$1]=0
  T_FAIL[$1]=1
  T_SKIP[$1]=0
  T_NOTE[$1]="MISSING: $2 (counted as 1 failure)"
  TOTAL_FAIL=$((TOTAL_FAIL + 1))
  ANY_FAILED=1
  printf 'error: tier %s is missing: %s\n' "$1" "$2" >&2
}

# run_logged LOG CMD...: run CMD, show and save its output, return its exit status.
run_logged() {
  local log=$1 rc=0
  shift
  printf '+ %s\n' "$*" | tee "$log"
  set +o errexit
  "$@" 2>&1 | tee -a "$log"
  rc=${PIPESTATUS[0]}
  set -o errexit
  return "$rc"
}

# The value of "LABEL: N" lines (last occurrence), or 0.
count_of() {  # count_of LOG REGEX-FOR-LABEL
  local v
  v=$(sed -n -E "s/^[[:space:]]*($2)[[:space:]]*:[[:space:]]*([0-9]+).*/\\2/p" "$1" | tail -n 1)
  echo "${v:-0}"
}

# ---------------------------------------------------------------------------------------
run_lit() {
  local log=$LOG_DIR/lit.log rc=0
  if ! onnxc_has_target check-onnxc; then
    missing lit "the build defines no check-onnxc target"
    return
  fi
  onnxc_step "tier lit: ninja -C build check-onnxc"
  run_logged "$log" onnxc_with_build_lock ninja -C "$ONNXC_BUILD_DIR" -j"$JOBS" check-onnxc || rc=$?
  # lit's summary (lit 22):  "Total Discovered Tests: N" then "  Passed : N (x%)", ...
  local parsed=0 total p f s
  if grep -q '^Total Discovered Tests:' "$log"; then parsed=1; fi
  total=$(count_of "$log" 'Total Discovered Tests')
  p=$(( $(count_of "$log" 'Passed') + $(count_of "$log" 'Passed With Retry') +
        $(count_of "$log" 'Expectedly Failed') + $(count_of "$log" 'Unexpectedly Passed') ))
  f=$(( $(count_of "$log" 'Failed') + $(count_of "$log" 'Unresolved') +
        $(count_of "$log" 'Timed Out') ))
  s=$(( $(count_of "$log" 'Unsupported') + $(count_of "$log" 'Skipped') +
        $(count_of "$log" 'Excluded') ))
  # `lit -q` lists only the failure categories: the rest of the discovered tests passed.
  if [ "$parsed" = 1 ] && [ "$((p + f + s))" -lt "$total" ] && [ "$p" -eq 0 ]; then
    p=$((total - f - s))
  fi
  record lit "$rc" "$p" "$f" "$s" "$parsed"
}

run_ctest() {
  local log=$LOG_DIR/ctest.log rc=0
  if [ ! -f "$ONNXC_BUILD_DIR/CTestTestfile.cmake" ]; then
    missing ctest "no CTestTestfile.cmake in $ONNXC_BUILD_DIR (no test registered with CTest)"
    return
  fi
  onnxc_step "tier ctest: ctest --test-dir build --output-on-failure"
  run_logged "$log" onnxc_with_shared_build_lock ctest --test-dir "$ONNXC_BUILD_DIR" --output-on-failure -j"$JOBS" || rc=$?
  # "X% tests passed, Y tests failed out of Z"; skipped/disabled tests are listed under
  # "The following tests did not run:" and are included in "passed".
  local parsed=0 line total=0 f=0 s p
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  if [ -n "$line" ]; then
    parsed=1
    f=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    total=$(sed -E 's/.*failed out of ([0-9]+).*/\1/' <<<"$line")
  elif grep -q 'No tests were found' "$log"; then
    parsed=1
  fi
  s=$(grep -cE '^[[:space:]]+[0-9]+ - .* \((Skipped|Disabled)\)[[:space:]]*$' "$log" || true)
  p=$((total - f - s))
  if [ "$p" -lt 0 ]; then p=0; fi
  record ctest "$rc" "$p" "$f" "$s" "$parsed"
}

run_pytest() {
  local log=$LOG_DIR/pytest.log rc=0
  if [ ! -d "$ONNXC_ROOT/test/E2E" ]; then
    missing pytest "no test/E2E folder"
    return
  fi
  onnxc_step "tier pytest: pytest test/E2E -n $JOBS"
  # ONNXC_REQUIRE_TOOLS: after a build, missing tools are failures, not skips.
  run_logged "$log" onnxc_with_shared_build_lock env ONNXC_REQUIRE_TOOLS=1 ONNXC_BUILD_DIR="$ONNXC_BUILD_DIR" \
    "$ONNXC_PY" -m pytest "$ONNXC_ROOT/test/E2E" -n "$JOBS" -q -rfEs --color=no || rc=$?
  # Final line: "3 failed, 10 passed, 2 skipped, 1 error in 5.2s" (any order, any subset);
  # pytest exits 5 when it collected no test ("no tests ran").
  local parsed=0 line p=0 f=0 s=0 n word
  line=$(grep -E '(^|[ =])[0-9]+ (passed|failed|skipped|errors?|xfailed|xpassed|deselected|warnings?)\b.* in [0-9.]+s' "$log" | tail -n 1 || true)
  if [ -z "$line" ] && grep -qE 'no tests ran' "$log"; then parsed=1; fi
  if [ -n "$line" ]; then
    parsed=1
    while read -r n word; do
      case $word in
        passed|xpassed) p=$((p + n)) ;;
        failed|error|errors) f=$((f + n)) ;;
        skipped|xfailed) s=$((s + n)) ;;
      esac
    done < <(grep -oE '[0-9]+ (passed|failed|skipped|errors?|xfailed|xpassed)' <<<"$line")
  fi
  record pytest "$rc" "$p" "$f" "$s" "$parsed"
}

# utils/sanitize.sh --quick builds build-asan-runtime/ (ASan + UBSan) and prints ctest's summary of
# the runtime tests and "onnxc-import-check: N files, M batches with a sanitizer report...".
run_sanitize() {
  local log=$LOG_DIR/sanitize.log rc=0 parsed=0 line total=0 f=0 files=0 bad=0
  onnxc_step "tier sanitize: utils/sanitize.sh --quick"
  run_logged "$log" "$ONNXC_ROOT/utils/sanitize.sh" --quick || rc=$?
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
  if [ -n "$line" ]; then
    parsed=1
    f=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    total=$(sed -E 's/.*failed out of ([0-9]+).*/\1/' <<<"$line")
  fi
  line=$(grep -E '^onnxc-import-check: [0-9]+ files, [0-9]+ batches' "$log" | tail -n 1 || true)
  if [ -n "$line" ]; then
    files=$(sed -E 's/^onnxc-import-check: ([0-9]+) files.*/\1/' <<<"$line")
    bad=$(sed -E 's/.* files, ([0-9]+) batches.*/\1/' <<<"$line")
    if [ "$bad" -ne 0 ]; then files=0; fi
  fi
  record sanitize "$rc" "$((total - f + files))" "$((f + bad))" 0 "$parsed"
}

for tier in "${tiers[@]}"; do
  "run_$tier"
done

# ---------------------------------------------------------------------------------------
printf '\n==> summary (logs: %s/)\n' "$LOG_DIR"
echo "$TOTAL_PASS passed, $TOTAL_FAIL failed, $TOTAL_SKIP skipped"
printf '  %-7s %s\n' "setup:" "$setup_status"
for tier in "${tiers[@]}"; do
  printf '  %-7s %s passed, %s failed, %s skipped (%s)\n' "$tier:" \
    "${T_PASS[$tier]}" "${T_FAIL[$tier]}" "${T_SKIP[$tier]}" "${T_NOTE[$tier]}"
done
exit "$ANY_FAILED"
