"""One measurement of the benchmark harness, in its own process (run.py starts it under
`taskset`): load one system's compiled model, run it once and check its outputs against the
ONNX Runtime reference, warm up, then time single runs. Prints one JSON object on stdout.

    python worker.py --system {onnxc,ort,iree,openvino} --artifact FILE --data DIR --threads N
        --warmup-runs W --warmup-s S --runs R --min-s T [--max-warmup-s X --max-timed-s Y]

DIR holds inputs.npz / reference.npz / io.json written by run.py. The checked run counts as
the first warm-up run. Warm-up: at least W runs and S seconds; timed: at least R runs and T
seconds. --max-*-s (quick mode) end a phase early once it has run that long, keeping at
least 1 timed run. Loading, binding and the check happen before the timed region; each
timed sample is one call (perf_counter_ns around it). Thread counts are set explicitly:
ONNX Runtime intra_op_num_threads (inter-op 1, sequential), IREE local-task with
--task_topology_group_count, OpenVINO INFERENCE_NUM_THREADS, ours through the session's
thread count option.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RTOL, ATOL = 1e-3, 1e-4


def cpu_busy_jiffies(cpus):
    """Busy jiffies (all but idle and iowait) of the given CPUs, from /proc/stat."""
    total = 0
    with open("/proc/stat") as f:
        for line in f:
            if not line.startswith("cpu") or line.startswith("cpu "):
                continue
            parts = line.split()
            if int(parts[0][3:]) in cpus:
                v = [int(x) for x in parts[1:9]]
                total += sum(v) - v[3] - v[4]
    return total


class Onnxc:
    def __init__(self, artifact, threads, io):
        sys.path.insert(0, str(HERE))
        import onnxc_ctypes

        lib = Path(os.environ.get("ONNXC_RUNTIME_LIB", ROOT / "build" / "lib" / "libonnxc_runtime.so"))
        self.rt = onnxc_ctypes.Runtime(lib)
        self.session = onnxc_ctypes.Session(self.rt, artifact, threads)
        names = [n for n, _, _ in self.session.inputs]
        if names != io["inputs"]:
            raise RuntimeError(f"signature inputs {names}, the graph's are {io['inputs']}")
        self.version = self.rt.version()

    def bind(self, inputs, ref_shapes):
        self.outs = self.session.bind(inputs, ref_shapes)

    def run(self):
        self.session.run()
        return self.outs


class Ort:
    def __init__(self, artifact, threads, io):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(artifact), opts, providers=["CPUExecutionProvider"])
        self.names = io["inputs"]
        self.version = ort.__version__

    def bind(self, inputs, ref_shapes):
        self.feeds = dict(zip(self.names, inputs))

    def run(self):
        return self.session.run(None, self.feeds)


class Iree:
    def __init__(self, artifact, threads, io):
        import iree.runtime as rt

        rt.flags.parse_flags(f"--task_topology_group_count={threads}")
        self.device = rt.get_device("local-task")
        config = rt.Config(device=self.device)
        self.vm_module = rt.VmModule.mmap(config.vm_instance, str(artifact))
        self.context = rt.SystemContext(vm_modules=[self.vm_module], config=config)
        names = [n for n in self.vm_module.function_names if "$" not in n and not n.startswith("__")]
        if len(names) != 1:
            raise RuntimeError(f"expected one entry function in the IREE module, found {names}")
        self.fn = self.context.modules.module[names[0]]
        self.rt = rt
        try:
            from importlib.metadata import version
            self.version = version("iree-base-runtime")
        except Exception:  # noqa: BLE001 - version is informative only
            self.version = "?"

    def bind(self, inputs, ref_shapes):
        self.args = [self.rt.asdevicearray(self.device, a) for a in inputs]

    def run(self):
        out = self.fn(*self.args)
        if not isinstance(out, (list, tuple)):
            out = [out]
        return [o.to_host() for o in out]


class Openvino:
    """OpenVINO's CPU plugin reading the ONNX file: fp32 inference precision (it would pick
    bf16 on CPUs that have it), the latency hint, one stream, INFERENCE_NUM_THREADS."""

    def __init__(self, artifact, threads, io):
        import openvino as ov

        core = ov.Core()
        model = core.read_model(str(artifact))
        self.compiled = core.compile_model(model, "CPU", {
            "INFERENCE_NUM_THREADS": threads, "PERFORMANCE_HINT": "LATENCY", "NUM_STREAMS": 1,
            "INFERENCE_PRECISION_HINT": "f32"})
        self.request = self.compiled.create_infer_request()
        self.names = io["inputs"]
        self.out_ports = [self.compiled.output(n) for n in io["outputs"]]
        self.version = ov.__version__

    def bind(self, inputs, ref_shapes):
        self.feeds = dict(zip(self.names, inputs))

    def run(self):
        self.request.infer(self.feeds)
        return [self.request.get_tensor(p).data for p in self.out_ports]


SYSTEMS = {"onnxc": Onnxc, "ort": Ort, "iree": Iree, "openvino": Openvino}


def compare(outputs, ref, names):
    """None when every output matches the reference, else a description of the first
    mismatch."""
    if len(outputs) != len(ref):
        return f"{len(outputs)} outputs, the reference has {len(ref)}"
    for name, act, exp in zip(names, outputs, ref):
        act = np.asarray(act)
        if act.shape != exp.shape:
            return f"output {name!r}: shape {act.shape}, expected {exp.shape}"
        if act.dtype != exp.dtype:
            return f"output {name!r}: dtype {act.dtype}, expected {exp.dtype}"
        if exp.dtype.kind == "f":
            bad = ~np.isclose(act, exp, rtol=RTOL, atol=ATOL, equal_nan=True)
            if bad.any():
                i = np.unravel_index(np.argmax(bad), exp.shape)
                err = np.abs(act.astype(np.float64) - exp)
                return (f"output {name!r}: {int(bad.sum())} of {exp.size} elements off "
                        f"(rtol {RTOL}, atol {ATOL}); max abs error {float(np.nanmax(err)):.3g}; "
                        f"first at {tuple(int(x) for x in i)}: {act[i]!r} vs {exp[i]!r}")
        elif not np.array_equal(act, exp):
            return f"output {name!r}: values differ"
    return None


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--system", choices=SYSTEMS, required=True)
    p.add_argument("--artifact", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--warmup-runs", type=int, default=10)
    p.add_argument("--warmup-s", type=float, default=1.0)
    p.add_argument("--runs", type=int, default=50)
    p.add_argument("--min-s", type=float, default=5.0)
    p.add_argument("--max-warmup-s", type=float, default=0.0, help="0: no limit")
    p.add_argument("--max-timed-s", type=float, default=0.0, help="0: no limit")
    args = p.parse_args(argv)

    data = Path(args.data)
    io = json.loads((data / "io.json").read_text())
    with np.load(data / "inputs.npz") as z:
        inputs = [z[n] for n in io["inputs"]]
    with np.load(data / "reference.npz") as z:
        ref = [z[n] for n in io["outputs"]]
    result = {"system": args.system, "threads": args.threads, "pid": os.getpid(),
              "cpus": sorted(os.sched_getaffinity(0))}

    t0 = time.perf_counter()
    system = SYSTEMS[args.system](Path(args.artifact), args.threads, io)
    system.bind(inputs, [r.shape for r in ref])
    result["load_s"] = time.perf_counter() - t0
    result["version"] = system.version

    t0 = time.perf_counter()
    outputs = system.run()
    first = time.perf_counter() - t0
    result["first_run_ms"] = first * 1e3
    mismatch = compare(outputs, ref, io["outputs"])
    if mismatch:
        result["status"] = "mismatch"
        result["error"] = mismatch
        print(json.dumps(result))
        return 0

    # Warm-up: the checked run is the first one.
    runs, spent = 1, first
    start = time.perf_counter()
    while runs < args.warmup_runs or spent < args.warmup_s:
        if args.max_warmup_s and spent >= args.max_warmup_s:
            break
        system.run()
        runs += 1
        spent = first + time.perf_counter() - start
    result["warmup_runs"] = runs

    cpus = set(result["cpus"])
    busy0, own0 = cpu_busy_jiffies(cpus), os.times()
    samples = []
    clock = time.perf_counter_ns
    timed_start = clock()
    while True:
        t = clock()
        system.run()
        samples.append(clock() - t)
        spent = (clock() - timed_start) * 1e-9
        if len(samples) >= args.runs and spent >= args.min_s:
            break
        if args.max_timed_s and spent >= args.max_timed_s:
            break
    busy1, own1 = cpu_busy_jiffies(cpus), os.times()
    hz = os.sysconf("SC_CLK_TCK")
    wall = (clock() - timed_start) * 1e-9
    own = (own1.user - own0.user) + (own1.system - own0.system)
    other = max(0.0, (busy1 - busy0) / hz - own)
    ms = np.array(samples, dtype=np.float64) / 1e6
    result.update({
        "status": "ok",
        "runs": len(samples),
        "timed_s": wall,
        "samples_ms": [round(x, 4) for x in ms.tolist()],
        "median_ms": float(np.median(ms)),
        "p10_ms": float(np.percentile(ms, 10)),
        "p90_ms": float(np.percentile(ms, 90)),
        # CPU time that other processes took on our CPUs during the timed runs, as a
        # fraction of the CPUs' time: 0 on a quiet machine.
        "interference": other / (wall * len(cpus)) if wall > 0 else 0.0,
        "cpu_util": own / (wall * len(cpus)) if wall > 0 else 0.0,
    })
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
