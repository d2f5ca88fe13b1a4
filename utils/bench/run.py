#!/usr/bin/env python3
"""Benchmark onnx-compile against ONNX Runtime and IREE on real models, in one command.

    python3 utils/bench/run.py --quick        # about 25 minutes on 2 cores
    python3 utils/bench/run.py                # the full protocol (see docs/Performance.md)
    python3 utils/bench/run.py --models resnet50,matmul-1024 --threads 1 --rounds 3

It first makes sure the benchmark virtualenv build/bench-venv holds the pinned packages of
utils/bench/requirements.txt (installed once, re-run when the file changes) and re-runs
itself there; build/bin/onnx-compile and build/lib/libonnxc_runtime.so must be built
(utils/setup.sh). Then:

 1. prepare: generate each model (utils/models/bench_models.py, cached in
    build/bench-models), its fixed-seed inputs and ONNX Runtime's reference outputs; count
    its FLOPs; compile it with onnx-compile and with IREE (iree-import-onnx, iree-compile
    for llvm-cpu, the host CPU, data tiling), measuring wall time and peak memory;
 2. peak: build utils/bench/fma_probe.c with clang -O3 -march=native and measure the fp32
    FMA peak for each thread count, pinned like the benchmarks;
 3. measure: rounds x models x thread counts x systems, the systems interleaved (their order
    rotates each round); every measurement is its own process (worker.py) pinned with
    `taskset -c` to as many CPUs as threads; it checks outputs against the reference
    before timing;
 4. report: median / p10 / p90 per system, our ratio to each peer from the same round (the
    median over rounds), GFLOP/s and fraction of peak, compile time and memory; written to
    docs/Performance.md and docs/Performance.json (--out-dir) and printed.

Each measurement holds the build lock (/tmp/onnxc-build.lock, shared) so that no build of
this tree runs on the CPUs while it is timed; --no-lock disables that.
"""

import argparse
import fcntl
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BUILD = Path(os.environ.get("ONNXC_BUILD_DIR") or ROOT / "build")
VENV = BUILD / "bench-venv"
REQUIREMENTS = HERE / "requirements.txt"
SYSTEMS = ("onnxc", "ort", "iree", "openvino")
DEFAULT_SYSTEMS = ("onnxc", "ort", "iree")
SYSTEM_NAMES = {"onnxc": "onnx-compile", "ort": "ONNX Runtime", "iree": "IREE", "openvino": "OpenVINO"}
ALL_MODELS = ("resnet50", "resnet50-dyn", "mobilenetv2", "bert", "gpt2-prefill", "gpt2-decode",
              "matmul-1024", "conv3x3-64")
IREE_FLAGS = ["--iree-hal-target-device=local", "--iree-hal-local-target-device-backends=llvm-cpu",
              "--iree-llvmcpu-target-cpu=host", "--iree-opt-data-tiling"]
ONNXC_FLAGS = ["-target=cpu", "-O3"]

# (warm-up runs, warm-up s, timed runs, timed s, warm-up cap s, timed cap s); 0: no cap
PROTOCOLS = {
    "full": (10, 1.0, 50, 5.0, 0.0, 0.0),
    "quick": (3, 0.3, 10, 1.0, 2.0, 4.0),
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---------------------------------------------------------------------------------------
# The virtualenv


def ensure_venv() -> None:
    """Re-exec under build/bench-venv with utils/bench/requirements.txt installed."""
    py = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve() and os.environ.get("ONNXC_BENCH_IN_VENV"):
        return
    base = os.environ.get("ONNXC_PYTHON3", "python3")
    stamp = VENV / ".bench-requirements.stamp"
    if not py.exists():
        log(f"creating {VENV}")
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    version = subprocess.run([str(py), "-c", "import sys; print(sys.version)"], check=True,
                             capture_output=True, text=True).stdout
    want = hashlib.sha256(REQUIREMENTS.read_bytes() + version.encode()).hexdigest()
    if not stamp.exists() or stamp.read_text().strip() != want:
        log(f"installing {REQUIREMENTS.relative_to(ROOT)} into {VENV}")
        subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check",
                        "--no-input", "-q", "-r", str(REQUIREMENTS)], check=True)
        stamp.write_text(want + "\n")
    env = dict(os.environ, ONNXC_BENCH_IN_VENV="1")
    os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# ---------------------------------------------------------------------------------------
# Commands with wall time and peak memory


# A fresh, small interpreter forks and execs the command and reports its rusage. Waiting
# for the command directly would not do: a child created by fork/vfork from this (large)
# process starts with our resident set as its peak, and ru_maxrss would report that.
LAUNCHER = r"""
import json, os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as e:
        sys.stderr.write(f"cannot run {sys.argv[2]}: {e}\n")
        sys.stderr.flush()
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    json.dump({"status": status, "maxrss_kib": usage.ru_maxrss}, f)
sys.exit(os.waitstatus_to_exitcode(status) & 255)
"""


def measured(cmd, timeout: float, cwd=None) -> dict:
    """Run cmd; its wall time, peak RSS, exit status and output (head and tail)."""
    cmd = [str(c) for c in cmd]
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as usage_file:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-S", "-c", LAUNCHER, usage_file.name, *cmd],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=cwd, start_new_session=True)
        try:
            proc.wait(timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            timed_out = True
        wall = time.monotonic() - start
        out.seek(0)
        text = out.read().decode(errors="replace")
        try:
            usage = json.loads(usage_file.read() or "{}")
        except ValueError:
            usage = {}
    rc = os.waitstatus_to_exitcode(usage["status"]) if "status" in usage else proc.returncode
    if timed_out:
        text += f"\ntimed out after {timeout:.0f} s"
    return {"rc": rc if not timed_out else -9, "wall_s": wall,
            "max_rss_mib": usage.get("maxrss_kib", 0) / 1024.0,
            "output": text if len(text) <= 8000 else text[:4000] + "\n...\n" + text[-4000:],
            "timed_out": timed_out}


def first_error(output: str) -> str:
    """The first line of a compiler's output that says `error:`, shortened."""
    for line in output.splitlines():
        if "error:" in line:
            return line.strip()[:300]
    return output.strip().splitlines()[0][:300] if output.strip() else "no output"


def tool_version(cmd) -> str:
    try:
        out = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


# ---------------------------------------------------------------------------------------
# Preparing one model


def prepare_model(name: str, args, work: Path) -> dict:
    sys.path.insert(0, str(ROOT / "utils" / "models"))
    import bench_models

    layers = args.layers
    t0 = time.monotonic()
    # In a child process, like the reference below: building a large model in this process
    # would keep it big for the whole run.
    subprocess.run([sys.executable, ROOT / "utils" / "models" / "bench_models.py", name,
                    "--layers", str(layers), "--out-dir", args.models_dir], check=True,
                   stdout=subprocess.DEVNULL)
    path = Path(args.models_dir) / bench_models.model_file_name(name, layers)
    info = {"name": name, "file": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
            "layers": layers if bench_models.MODELS[name][1] else None,
            "size_mib": path.stat().st_size / 2**20, "generate_s": time.monotonic() - t0}
    stamp = path.with_suffix(".stamp").read_text() + f" batch={args.batch}"
    data = work / name
    data.mkdir(parents=True, exist_ok=True)
    meta_path = data / "prepared.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if meta.get("stamp") != stamp:
        # In a child process: loading a large model would keep this process big.
        subprocess.run([sys.executable, __file__, "--reference", str(path), str(data),
                        "--batch", str(args.batch)], check=True)
        meta = json.loads(meta_path.read_text())
        meta["stamp"] = stamp
        meta_path.write_text(json.dumps(meta))
    info.update(flops=meta["flops"], contraction_flops=meta["contraction_flops"], inputs=meta["inputs"])
    info["data"] = str(data)
    info["systems"] = {}

    # onnx-compile: always compiled again (it is the system under test).
    if "onnxc" in args.systems:
        so = data / "onnxc.so"
        so.unlink(missing_ok=True)
        r = measured([BUILD / "bin" / "onnx-compile", path, *ONNXC_FLAGS, "-o", so], args.compile_timeout)
        entry = {"compile_s": r["wall_s"], "compile_peak_mib": r["max_rss_mib"], "artifact": str(so)}
        if r["rc"] != 0 or not so.exists():
            entry.update(status="compile-failed", error=r["output"].strip()[-2000:])
            log(f"{name}: onnx-compile FAILED (exit {r['rc']}):\n{r['output'][-1500:]}")
        else:
            entry["status"] = "ok"
            log(f"{name}: onnx-compile {r['wall_s']:.1f} s, {r['max_rss_mib']:.0f} MiB")
        info["systems"]["onnxc"] = entry

    # IREE: cached by (model, IREE version, flags); the cache keeps the measured numbers.
    if "iree" in args.systems:
        bindir = Path(sys.prefix) / "bin"
        key = hashlib.sha256((stamp + args.iree_version + " ".join(IREE_FLAGS)).encode()).hexdigest()
        vmfb, cache = data / "iree.vmfb", data / "iree.json"
        entry = json.loads(cache.read_text()) if cache.exists() else {}
        if entry.get("key") != key or args.recompile or not vmfb.exists():
            mlir = data / "iree.mlir"
            r1 = measured([bindir / "iree-import-onnx", path, "-o", mlir], args.compile_timeout)
            flags = list(IREE_FLAGS)
            r2 = (measured([bindir / "iree-compile", mlir, *flags, "-o", vmfb], args.compile_timeout)
                  if r1["rc"] == 0 else None)
            note = ""
            if r2 is not None and r2["rc"] != 0:
                # Data tiling is the configuration we want to compare with; when IREE fails
                # with it, fall back to its default and say so in the report.
                note = ("fails with --iree-opt-data-tiling (" + first_error(r2["output"])
                        + "); compiled without it")
                log(f"{name}: IREE {note}")
                flags.remove("--iree-opt-data-tiling")
                r2 = measured([bindir / "iree-compile", mlir, *flags, "-o", vmfb], args.compile_timeout)
            mlir.unlink(missing_ok=True)
            entry = {"key": key, "import_s": r1["wall_s"], "import_peak_mib": r1["max_rss_mib"],
                     "compile_s": r1["wall_s"] + (r2["wall_s"] if r2 else 0.0),
                     "compile_peak_mib": max(r1["max_rss_mib"], r2["max_rss_mib"] if r2 else 0.0),
                     "flags": flags, "note": note,
                     "artifact": str(vmfb), "measured_at": datetime.now(timezone.utc).isoformat()}
            if r2 is None or r2["rc"] != 0:
                failed = r1 if r2 is None else r2
                entry.update(status="compile-failed", error=first_error(failed["output"]))
                log(f"{name}: IREE compile FAILED:\n{failed['output'][-1500:]}")
            else:
                entry["status"] = "ok"
            cache.write_text(json.dumps(entry))
            entry["cached"] = False
        else:
            entry["cached"] = True
        log(f"{name}: IREE import+compile {entry['compile_s']:.1f} s, {entry['compile_peak_mib']:.0f} MiB"
            + (" (cached)" if entry["cached"] else ""))
        info["systems"]["iree"] = entry

    for s in ("ort", "openvino"):
        if s in args.systems:
            info["systems"][s] = {"status": "ok", "artifact": str(path)}
    return info


def write_reference(path: Path, data: Path, batch: int) -> None:
    """Fixed-seed inputs, ONNX Runtime's outputs and the FLOP count of one model, into
    data/{inputs.npz, reference.npz, io.json, prepared.json}."""
    sys.path.insert(0, str(ROOT / "utils" / "models"))
    sys.path.insert(0, str(HERE))
    import numpy as np
    import onnx
    import onnxruntime as ort

    import bench_models
    import flops as flops_mod

    model = onnx.load(str(path))
    inits = {t.name for t in model.graph.initializer}
    feeds = bench_models.make_inputs(model, batch=batch)
    in_names = [i.name for i in model.graph.input if i.name not in inits]
    out_names = [o.name for o in model.graph.output]
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    ref = sess.run(None, feeds)
    np.savez(data / "inputs.npz", **feeds)
    np.savez(data / "reference.npz", **dict(zip(out_names, ref)))
    (data / "io.json").write_text(json.dumps({"inputs": in_names, "outputs": out_names}))
    counted = flops_mod.count_flops(model, batch)
    (data / "prepared.json").write_text(json.dumps({
        "flops": counted["total"], "contraction_flops": counted["contraction"],
        "inputs": {k: list(v.shape) for k, v in feeds.items()}}))


# ---------------------------------------------------------------------------------------
# Peak


def fma_peak(threads_list, cpus_for, work: Path, lock, peaks=None) -> dict:
    """The probe's GFLOP/s per thread count, merged into `peaks` keeping the larger: it runs
    before the first round and after each, and a busy moment only lowers one sample."""
    exe = work / "fma_probe"
    if not exe.exists() or exe.stat().st_mtime < (HERE / "fma_probe.c").stat().st_mtime:
        clang = shutil.which("clang-22") or shutil.which("clang")
        subprocess.run([clang, "-O3", "-march=native", "-pthread", HERE / "fma_probe.c", "-o", exe],
                       check=True)
    peaks = dict(peaks or {})
    for t in threads_list:
        with BuildLock(lock):
            out = subprocess.run(["taskset", "-c", cpus_for(t), exe, str(t), "0.2"], check=True,
                                 capture_output=True, text=True).stdout
        sample = json.loads(out)
        samples = peaks.get(t, {}).get("samples", []) + [sample["gflops"]]
        if t not in peaks or sample["gflops"] > peaks[t]["gflops"]:
            peaks[t] = sample
        peaks[t]["samples"] = samples
    return peaks


# ---------------------------------------------------------------------------------------
# Measuring


class BuildLock:
    """Holds the build lock shared while a measurement runs (builds take it exclusively)."""

    def __init__(self, path):
        self.path = path
        self.fd = None

    def __enter__(self):
        if self.path:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            fcntl.flock(self.fd, fcntl.LOCK_SH)
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def run_worker(system, model, threads, cpus, protocol, args) -> dict:
    entry = model["systems"][system]
    if entry["status"] != "ok":
        return {"status": entry["status"]}
    w_runs, w_s, runs, min_s, max_w, max_t = protocol
    cmd = ["taskset", "-c", cpus, sys.executable, HERE / "worker.py", "--system", system,
           "--artifact", entry["artifact"], "--data", model["data"], "--threads", threads,
           "--warmup-runs", w_runs, "--warmup-s", w_s, "--runs", runs, "--min-s", min_s,
           "--max-warmup-s", max_w, "--max-timed-s", max_t]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    waited = time.monotonic()
    with BuildLock(args.lock):
        waited = time.monotonic() - waited
        load = os.getloadavg()[0]
        try:
            proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env,
                                  timeout=args.run_timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return {"status": "timeout", "error": f"no result within {args.run_timeout} s",
                    "lock_wait_s": waited}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"status": "error", "error": f"exit {proc.returncode}: {proc.stderr.strip()[-2000:]}",
                "lock_wait_s": waited}
    result = json.loads(lines[-1])
    result["loadavg_before"] = load
    result["lock_wait_s"] = waited
    return result


def percentile(xs, q):
    import numpy as np
    return float(np.percentile(np.asarray(xs, dtype=float), q))


def summarize(results, models, threads_list, systems, peaks):
    """Rows of the table: one per (model, threads)."""
    import numpy as np

    rows = []
    for m in models:
        for t in threads_list:
            row = {"model": m["name"], "threads": t, "gflop": m["flops"] / 1e9, "systems": {}}
            per_round = {}
            for s in systems:
                rs = [r for r in results if r["model"] == m["name"] and r["threads"] == t and r["system"] == s]
                ok = [r for r in rs if r["status"] == "ok"]
                if not ok:
                    bad = next((r for r in rs if r["status"] != "ok"), {"status": "not run"})
                    row["systems"][s] = {"status": bad["status"], "error": bad.get("error", "")}
                    continue
                samples = [x for r in ok for x in r["samples_ms"]]
                med = float(np.median(samples))
                gflops = m["flops"] / (med * 1e-3) / 1e9
                row["systems"][s] = {
                    "status": "ok" if len(ok) == len(rs) else "partial",
                    "median_ms": med, "p10_ms": percentile(samples, 10), "p90_ms": percentile(samples, 90),
                    "runs": len(samples), "rounds": len(ok),
                    "round_medians_ms": [r["median_ms"] for r in ok],
                    "gflops": gflops, "peak_fraction": gflops / peaks[t]["gflops"],
                    "interference": max(r["interference"] for r in ok),
                    "load_s": float(np.median([r["load_s"] for r in ok])),
                }
                per_round[s] = {r["round"]: r["median_ms"] for r in ok}
            for peer in [s for s in systems if s != "onnxc"]:
                if "onnxc" in per_round and peer in per_round:
                    ratios = [per_round["onnxc"][k] / per_round[peer][k]
                              for k in per_round["onnxc"] if k in per_round[peer]]
                    if ratios:
                        row[f"ratio_{peer}"] = float(np.median(ratios))
                        row[f"ratio_{peer}_rounds"] = ratios
            rows.append(row)
    return rows


def estimate_full_s(results, protocol_full, rounds) -> float:
    """What the measurements of the full protocol would take at the latencies measured here
    (the preparation comes on top)."""
    w_runs, w_s, runs, min_s, _, _ = protocol_full
    total = 0.0
    for r in results:
        if r.get("status") != "ok":
            continue
        med = r["median_ms"] / 1e3
        total += r["load_s"] + max(w_runs * med, w_s, med) + max(runs * med, min_s) + 0.5
    n_rounds_here = max((r["round"] for r in results), default=0) + 1
    return total / n_rounds_here * rounds


# ---------------------------------------------------------------------------------------
# Report


def fmt_ms(s):
    if s.get("median_ms") is None:
        return s.get("status", "—")
    def f(x):
        return f"{x:.3g}" if x < 100 else f"{x:.0f}"
    return f"{f(s['median_ms'])} ({f(s['p10_ms'])}–{f(s['p90_ms'])})"


def fmt_perf(s):
    if s.get("gflops") is None:
        return "—"
    return f"{s['gflops']:.1f} ({100 * s['peak_fraction']:.1f}%)"


def render_markdown(report) -> str:
    env = report["environment"]
    systems = report["systems"]
    lines = ["# Performance", "",
             "Generated by `utils/bench/run.py` (see [How it is measured](#how-it-is-measured)); do "
             "not edit by hand: re-run the harness. Machine-readable: `docs/Performance.json`.", "",
             "| | |", "|---|---|",
             f"| date | {report['date']} |",
             f"| mode | `{report['mode']}` ({report['protocol_text']}), {report['rounds']} rounds; "
             f"took {report['duration_s'] / 60:.1f} min, of which "
             f"{report.get('lock_wait_s', 0) / 60:.1f} min waiting for builds to release the build lock |",
             f"| estimated full run | {report['estimated_full_s'] / 60:.0f} min at these latencies "
             f"(`utils/bench/run.py` without `--quick`) |",
             f"| CPU | {env['cpu']} ({env['cpus']} CPUs) |",
             f"| fp32 FMA peak (probe) | " + ", ".join(
                 f"{t} thread{'s' if int(t) > 1 else ''}: {p['gflops']:.0f} GFLOP/s ({p['vector_bits']}-bit)"
                 for t, p in report["peak"].items()) + " |",
             f"| load average at start | {env['loadavg_start']:.2f} (max interference seen: "
             f"{100 * report['max_interference']:.0f}% of the pinned CPUs' time) |",
             f"| OS | {env['os']} |"]
    for k, v in report["versions"].items():
        lines.append(f"| {k} | {v} |")
    lines += ["", "## Latency", "",
              "Milliseconds per inference: median (p10–p90) over all timed runs of all rounds. "
              "Ratio: our median over the peer's median within a round, the median over rounds "
              "(above 1: we are slower). GFLOP/s from the graph's FLOPs and the median latency, "
              "with the fraction of the probe's peak for that thread count. Interference: the largest "
              "share of the pinned CPUs' time that other processes took during a row's timed runs "
              "(measurements above 20% whose timed runs took under 5 s are repeated, up to twice, keeping "
              "the least disturbed).", ""]
    head = ["model", "GFLOP", "threads"] + [f"{SYSTEM_NAMES[s]} ms" for s in systems]
    peers = [s for s in systems if s != "onnxc"] if "onnxc" in systems else []
    head += [f"ours / {SYSTEM_NAMES[p]}" for p in peers]
    head += [f"{SYSTEM_NAMES[s]} GFLOP/s (% peak)" for s in systems]
    head += ["interference"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in report["rows"]:
        cells = [row["model"], f"{row['gflop']:.3g}", str(row["threads"])]
        cells += [fmt_ms(row["systems"].get(s, {})) for s in systems]
        for p in peers:
            cells.append(f"{row[f'ratio_{p}']:.2f}" if f"ratio_{p}" in row else "—")
        cells += [fmt_perf(row["systems"].get(s, {})) for s in systems]
        noise = [e["interference"] for e in row["systems"].values() if "interference" in e]
        cells.append(f"{100 * max(noise):.0f}%" if noise else "—")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Compilation", "",
              "Wall time and peak resident memory of the compiler process (IREE: iree-import-onnx "
              "plus iree-compile, the larger peak); ONNX Runtime: session creation in the worker "
              "(graph optimizations included).", "",
              "| model | size MiB | onnx-compile s | onnx-compile peak MiB | IREE s | IREE peak MiB | ORT session s |",
              "|---|---|---|---|---|---|---|"]
    for m in report["models"]:
        o = m["systems"].get("onnxc", {})
        i = m["systems"].get("iree", {})
        ort_load = [r["systems"].get("ort", {}).get("load_s") for r in report["rows"] if r["model"] == m["name"]]
        ort_load = [x for x in ort_load if x is not None]
        def c(e, k):
            return f"{e[k]:.1f}" if k in e and e.get("status") == "ok" else (e.get("status", "—"))
        def mem(e):
            return f"{e['compile_peak_mib']:.0f}" if "compile_peak_mib" in e else "—"
        lines.append(f"| {m['name']} | {m['size_mib']:.0f} | {c(o, 'compile_s')} | {mem(o)} | "
                     f"{c(i, 'compile_s')}{' (cached)' if i.get('cached') else ''}"
                     f"{' (no data tiling)' if i.get('note') else ''} | {mem(i)} | "
                     f"{(f'{min(ort_load):.2f}' if ort_load else '—')} |")
    failures = [(m["name"], s, e) for m in report["models"] for s, e in m["systems"].items()
                if e.get("status") not in (None, "ok")]
    failures += [(r["model"], s, e) for r in report["rows"] for s, e in r["systems"].items()
                 if e.get("status") not in ("ok", "partial", "compile-failed")]
    notes = [(m["name"], s, e["note"]) for m in report["models"] for s, e in m["systems"].items()
             if e.get("note")]
    if failures or notes:
        lines += ["", "## Failures and notes", ""]
        for name, s, e in failures:
            err = (e.get("error") or "").strip().replace("\n", " ")[:600]
            lines.append(f"- {name}, {SYSTEM_NAMES[s]}: {e.get('status')}: `{err}`")
        for name, s, note in notes:
            lines.append(f"- {name}, {SYSTEM_NAMES[s]}: {note.replace('`', '')}")
    lines += ["", "## How it is measured", "", METHOD, "## Running it", "", USAGE]
    return "\n".join(lines)


METHOD = """\
- **Models** (`utils/models/bench_models.py`, fixed-seed weights, opset 17, generated into
  `build/bench-models/`): ResNet-50 v1.5 and MobileNetV2 1.0 at 1x3x224x224 (BatchNorm folded
  into the convolutions, as exporters do), `resnet50-dyn` (the batch dim symbolic, run at
  batch 1), BERT-base (seq 128, attention mask; LayerNormalization, Gelu via Erf), GPT-2 small
  prefill (128 tokens; logits and the KV cache) and one decode step (past of 127 tokens),
  a 1024x1024x1024 MatMul and a 3x3 Conv 64->64 on 56x56.
- **Correctness before timing:** every measurement process first runs the model once and
  compares all outputs with ONNX Runtime's (computed once per model) within rtol 1e-3 /
  atol 1e-4; a mismatch is reported instead of a time.
- **Processes and threads:** one process per (system, model, thread count, round), started
  with `taskset -c` on as many CPUs as threads. ONNX Runtime: CPU EP, `intra_op_num_threads`,
  `inter_op_num_threads=1`, sequential, all graph optimizations. IREE: `local-task` with
  `--task_topology_group_count=N`. onnx-compile: the runtime session's thread count (through
  ctypes on `libonnxc_runtime.so`; caller-owned output buffers bound once).
- **Timing:** loading, compiling and binding inputs happen before the timed region. Warm-up
  (the checked run counts as the first) then timed runs, each one call timed with
  `perf_counter_ns`; the protocol per mode is given above. The systems are interleaved, their
  order rotating each round, and each measurement holds the build lock so that builds of
  this tree do not run meanwhile. *Interference* is the CPU time other processes took on the
  pinned CPUs during the timed runs.
- **FLOPs** are counted from the graph (2 per multiply-accumulate of MatMul/Gemm/Conv, 1 per
  element of element-wise arithmetic, `utils/bench/flops.py`); the **peak** is measured in the
  same run by `utils/bench/fma_probe.c` (clang -O3 -march=native, independent vector FMA
  chains on every pinned CPU).
- **Compile time** is the compiler process's wall time, **memory** its peak RSS (`wait4`).
"""


USAGE = """\
```sh
python3 utils/bench/run.py --quick     # all models, 1 and 2 threads, 3 rounds (about 25 min on 2 cores)
python3 utils/bench/run.py             # the full protocol (hours while our latencies are seconds)
python3 utils/bench/run.py --models resnet50,matmul-1024 --threads 1 --systems onnxc,ort --no-docs
python3 utils/bench/run.py --render docs/Performance.json   # rewrite Performance.md from the JSON
```

- Needs the project built (`utils/setup.sh`: `build/bin/onnx-compile`,
  `build/lib/libonnxc_runtime.so`) and `clang-22`. On first use the harness creates
  `build/bench-venv` with the pinned packages of `utils/bench/requirements.txt` (ONNX Runtime,
  IREE) and re-runs itself there; `.venv` and the tests do not need them.
- `full`: warm-up ≥ 10 runs and ≥ 1 s, then ≥ 50 timed runs and ≥ 5 s, 3 rounds. `--quick`:
  warm-up ≥ 3 runs and ≥ 0.3 s, timed ≥ 10 runs and ≥ 1 s, each phase stopping after 2 s /
  4 s (so a model that takes seconds per run gets the checked run and one timed run per
  round). The report states the run's duration and what the full protocol would take.
- Models are generated into `build/bench-models/` (never committed), per-model inputs,
  references and compiled files into `build/bench-work/`. onnx-compile is run again every
  time; IREE modules are cached (with their measured compile time) until the model, the IREE
  version or the flags change (`--recompile` forces it). `--layers N` benchmarks
  BERT / GPT-2 at another depth.
- Our flags: `onnx-compile -target=cpu -O3`. IREE: `iree-import-onnx`, then `iree-compile
  --iree-hal-target-device=local --iree-hal-local-target-device-backends=llvm-cpu
  --iree-llvmcpu-target-cpu=host --iree-opt-data-tiling`; when IREE fails with data tiling
  the model is compiled without it, and the table says so.
"""


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--quick", action="store_true", help="shorter warm-up and timing (about 25 min)")
    p.add_argument("--models", default=",".join(ALL_MODELS), help="comma-separated (default: all)")
    p.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    p.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS),
                   help="comma-separated, of onnxc,ort,iree,openvino (default: onnxc,ort,iree)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--layers", type=int, default=12, help="depth of BERT / GPT-2 (default 12)")
    p.add_argument("--batch", type=int, default=1, help="batch of resnet50-dyn (default 1)")
    p.add_argument("--out-dir", default=str(ROOT / "docs"),
                   help="where Performance.md / Performance.json go (default docs/)")
    p.add_argument("--no-docs", action="store_true", help="print the table only")
    p.add_argument("--work-dir", default=str(BUILD / "bench-work"))
    p.add_argument("--models-dir", default=str(BUILD / "bench-models"))
    p.add_argument("--recompile", action="store_true", help="recompile cached IREE modules")
    p.add_argument("--no-lock", action="store_true", help="do not hold the build lock while timing")
    p.add_argument("--max-interference", type=float, default=0.2,
                   help="measure again when other processes took more than this fraction of the "
                        "pinned CPUs' time (default 0.2)")
    p.add_argument("--retries", type=int, default=2, help="at most this many more attempts (default 2)")
    p.add_argument("--reference", nargs=2, metavar=("MODEL", "DIR"), help=argparse.SUPPRESS)
    p.add_argument("--render", metavar="JSON", help="only rewrite Performance.md from a Performance.json")
    p.add_argument("--compile-timeout", type=float, default=1800)
    p.add_argument("--run-timeout", type=float, default=3600)
    args = p.parse_args(argv)
    if args.reference:
        write_reference(Path(args.reference[0]), Path(args.reference[1]), args.batch)
        return 0
    if args.render:
        report = json.loads(Path(args.render).read_text())
        out = Path(args.out_dir) / "Performance.md"
        out.write_text(render_markdown(report))
        log(f"wrote {out}")
        return 0
    ensure_venv()

    start = time.monotonic()
    args.systems = [s for s in args.systems.split(",") if s]
    models = [m for m in args.models.split(",") if m]
    threads_list = [int(t) for t in args.threads.split(",")]
    for s in args.systems:
        if s not in SYSTEMS:
            p.error(f"unknown system {s!r}")
    for m in models:
        if m not in ALL_MODELS:
            p.error(f"unknown model {m!r} (known: {', '.join(ALL_MODELS)})")
    cpus_avail = sorted(os.sched_getaffinity(0))
    if max(threads_list) > len(cpus_avail):
        p.error(f"{max(threads_list)} threads but only {len(cpus_avail)} CPUs available")
    for need in ([BUILD / "bin" / "onnx-compile", BUILD / "lib" / "libonnxc_runtime.so"]
                 if "onnxc" in args.systems else []):
        if not need.exists():
            p.error(f"{need} is missing: build the project first (utils/setup.sh)")
    lock = os.environ.get("ONNXC_BUILD_LOCK", "/tmp/onnxc-build.lock")
    args.lock = None if args.no_lock or not lock else lock
    mode = "quick" if args.quick else "full"
    protocol = PROTOCOLS[mode]
    work = Path(args.work_dir)
    work.mkdir(parents=True, exist_ok=True)

    from importlib.metadata import version as pkg_version
    args.iree_version = pkg_version("iree-base-compiler") if "iree" in args.systems else ""
    versions = {
        "onnx-compile": tool_version([BUILD / "bin" / "onnx-compile", "--version"]),
        "onnx-compile commit": subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                              capture_output=True, text=True).stdout.strip(),
        "ONNX Runtime": pkg_version("onnxruntime"),
        "IREE": f"iree-base-compiler {args.iree_version}, iree-base-runtime {pkg_version('iree-base-runtime')}"
        if "iree" in args.systems else "not run",
        "onnx / numpy / Python": f"{pkg_version('onnx')} / {pkg_version('numpy')} / {platform.python_version()}",
        **({"OpenVINO": pkg_version("openvino")} if "openvino" in args.systems else {}),
        "probe compiler": tool_version([shutil.which("clang-22") or "clang", "--version"]),
    }
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    env = {"cpu": cpu, "cpus": len(cpus_avail), "os": platform.platform(),
           "loadavg_start": os.getloadavg()[0]}
    log(f"{mode} run: {', '.join(models)}; threads {threads_list}; {args.rounds} rounds; {cpu}")

    prepared = []
    for name in models:
        prepared.append(prepare_model(name, args, work))

    def cpus_for(t):
        return ",".join(str(c) for c in cpus_avail[:t])

    prepare_s = time.monotonic() - start
    peaks = fma_peak(threads_list, cpus_for, work, args.lock)
    for t, pk in peaks.items():
        log(f"fp32 FMA peak, {t} thread(s): {pk['gflops']:.1f} GFLOP/s")

    results = []
    for rnd in range(args.rounds):
        for mi, m in enumerate(prepared):
            for t in threads_list:
                k = (rnd + mi) % len(args.systems)
                order = args.systems[k:] + args.systems[:k]
                for s in order:
                    # Other processes on the pinned CPUs (a shared machine) disturb the
                    # timing: measure again, keeping the least disturbed attempt.
                    r = None
                    for attempt in range(1 + args.retries):
                        a = run_worker(s, m, t, cpus_for(t), protocol, args)
                        a["attempts"] = attempt + 1
                        if r is None or (a["status"] == "ok" and
                                         a["interference"] < r.get("interference", 2.0)):
                            r = a
                        if (a["status"] != "ok" or a["interference"] <= args.max_interference
                                or a["timed_s"] > 5.0):  # slow ones: once is all we can afford
                            break
                        log(f"{m['name']} {t}T {SYSTEM_NAMES[s]}: {100 * a['interference']:.0f}% "
                            f"interference, measuring again")
                    r.update(model=m["name"], threads=t, system=s, round=rnd)
                    results.append(r)
                    # What was measured so far survives an interrupted run.
                    (work / "measurements-partial.json").write_text(json.dumps(results))
                    what = (f"{r['median_ms']:.3f} ms median of {r['runs']} runs"
                            if r["status"] == "ok" else f"{r['status']}: {r.get('error', '')[:300]}")
                    log(f"round {rnd + 1}/{args.rounds} {m['name']} {t}T {SYSTEM_NAMES[s]}: {what}")
        peaks = fma_peak(threads_list, cpus_for, work, args.lock, peaks)
    log("fp32 FMA peak: " + ", ".join(f"{t} thread(s) {pk['gflops']:.1f} GFLOP/s (samples "
                                      + ", ".join(f"{x:.0f}" for x in pk["samples"]) + ")"
                                      for t, pk in peaks.items()))

    rows = summarize(results, prepared, threads_list, args.systems, peaks)
    w = protocol
    report = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "mode": mode, "rounds": args.rounds,
        "protocol": dict(zip(("warmup_runs", "warmup_s", "runs", "min_s", "max_warmup_s", "max_timed_s"), w)),
        "protocol_text": (f"warm-up ≥ {w[0]} runs and ≥ {w[1]:g} s, then ≥ {w[2]} timed runs and ≥ {w[3]:g} s"
                          + (f"; each phase capped at {w[4]:g} s / {w[5]:g} s (at least one timed run)"
                             if w[4] else "")),
        "duration_s": time.monotonic() - start,
        "lock_wait_s": sum(r.get("lock_wait_s", 0.0) for r in results),
        "prepare_s": prepare_s,
        "estimated_full_s": prepare_s + estimate_full_s(results, PROTOCOLS["full"], 3),
        "environment": env, "versions": versions,
        "peak": {str(t): v for t, v in peaks.items()},
        "max_interference": max((r.get("interference", 0.0) for r in results), default=0.0),
        "systems": args.systems, "models": prepared, "rows": rows, "measurements": results,
        "flags": {"onnxc": ONNXC_FLAGS, "iree": IREE_FLAGS},
    }
    text = render_markdown(report)
    print(text)
    if not args.no_docs:
        out = Path(args.out_dir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "Performance.md").write_text(text)
        (out / "Performance.json").write_text(json.dumps(report, indent=1) + "\n")
        log(f"wrote {out / 'Performance.md'} and {out / 'Performance.json'}")
    log(f"done in {(time.monotonic() - start) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
