#!/usr/bin/env python3
"""Structure-aware mutation of valid models: a cheap stand-in for corpora written by others.

    mutate_models.py SRC_DIR OUT_DIR [-n N] [--seed S]

Takes every model.onnx / *.onnx under SRC_DIR (the ONNX node tests, for instance:
/usr/share/libonnx-testdata/data/node or build/nodetests/...), and writes N mutants, each with
one or two field-level mutations: an attribute's value made extreme (0, -1, 2^31, 2^62,
a list emptied or made 100 long, an int turned into a float or a string), a dim of a graph
input or initializer set to 0, -1 or 2^40, an element type changed, an input dropped or
duplicated, an output added, the opset lowered or raised, an initializer's data cut. Run the
result with run_corpus.py (no manifest: every file must get a clean result, compiled or
refused).
"""

import argparse
import random
import sys
from pathlib import Path

import onnx
from onnx import AttributeProto, TensorProto

EXTREME_INTS = [0, -1, -2, 1, 2, 3, 7, 1 << 31, (1 << 62), -(1 << 62), (1 << 63) - 1]
ELEM_TYPES = [TensorProto.FLOAT, TensorProto.INT64, TensorProto.INT32, TensorProto.BOOL,
              TensorProto.FLOAT16, TensorProto.UINT8, TensorProto.STRING, TensorProto.DOUBLE,
              TensorProto.BFLOAT16, TensorProto.INT4, 0, 99]


def mutate_attribute(rng, m):
    nodes = [n for n in m.graph.node if n.attribute]
    if not nodes:
        return False
    a = rng.choice(rng.choice(nodes).attribute)
    kind = rng.randrange(6)
    if a.type == AttributeProto.INT:
        a.i = rng.choice(EXTREME_INTS)
    elif a.type == AttributeProto.INTS:
        if kind == 0:
            del a.ints[:]
        elif kind == 1:
            a.ints.extend([1] * 100)
        elif a.ints:
            a.ints[rng.randrange(len(a.ints))] = rng.choice(EXTREME_INTS)
        else:
            a.ints.append(rng.choice(EXTREME_INTS))
    elif a.type == AttributeProto.FLOAT:
        a.f = rng.choice([0.0, -1.0, float("inf"), float("nan"), 1e30, -1e-30])
    elif a.type == AttributeProto.FLOATS:
        if kind == 0:
            del a.floats[:]
        else:
            a.floats.append(float("nan"))
    elif a.type == AttributeProto.STRING:
        a.s = rng.choice([b"", b"bogus", b"\xff\xfe", b"NOTSET" * 100])
    elif a.type == AttributeProto.TENSOR:
        t = a.t
        if t.dims:
            t.dims[rng.randrange(len(t.dims))] = rng.choice([0, 1, 3, 1 << 20])
        else:
            t.dims.append(rng.choice([0, 2, 1 << 20]))
    else:
        return False
    if kind == 5:  # the kind changes, the value stays
        a.type = rng.choice([AttributeProto.INT, AttributeProto.FLOAT, AttributeProto.STRING,
                             AttributeProto.INTS, AttributeProto.TENSOR])
    return True


def mutate_dims(rng, m):
    vis = [v for v in m.graph.input if v.type.tensor_type.shape.dim]
    inits = [t for t in m.graph.initializer if t.dims]
    if vis and (not inits or rng.random() < 0.6):
        d = rng.choice(rng.choice(vis).type.tensor_type.shape.dim)
        d.dim_value = rng.choice([0, 1, 2, 5, 1 << 40, (1 << 62)])
        return True
    if inits:
        t = rng.choice(inits)
        t.dims[rng.randrange(len(t.dims))] = rng.choice([0, 1, 3, -1, 1 << 40])
        return True
    return False


def mutate_type(rng, m):
    vs = list(m.graph.input) + list(m.graph.output)
    if rng.random() < 0.5 and m.graph.initializer:
        rng.choice(m.graph.initializer).data_type = rng.choice(ELEM_TYPES)
        return True
    if not vs:
        return False
    rng.choice(vs).type.tensor_type.elem_type = rng.choice(ELEM_TYPES)
    return True


def mutate_rank(rng, m):
    vs = [v for v in m.graph.input if v.type.HasField("tensor_type")]
    if not vs:
        return False
    shape = rng.choice(vs).type.tensor_type.shape
    if shape.dim and rng.random() < 0.5:
        del shape.dim[rng.randrange(len(shape.dim))]
    else:
        shape.dim.add().dim_value = rng.choice([1, 2, 3])
    return True


def mutate_edges(rng, m):
    if not m.graph.node:
        return False
    n = rng.choice(m.graph.node)
    k = rng.randrange(4)
    if k == 0 and n.input:
        del n.input[rng.randrange(len(n.input))]
    elif k == 1 and n.input:
        n.input.append(rng.choice(n.input))
    elif k == 2:
        n.input.append("")
        n.input.append(m.graph.input[0].name if m.graph.input else "x")
    else:
        n.output.append(f"extra_out_{rng.randrange(100)}")
    return True


def mutate_opset(rng, m):
    if not m.opset_import:
        return False
    o = rng.choice(m.opset_import)
    o.version = rng.choice([1, 6, 7, 9, 11, 13, 17, 21, 25, 1000])
    return True


def mutate_data(rng, m):
    inits = [t for t in m.graph.initializer if t.raw_data]
    if not inits:
        return False
    t = rng.choice(inits)
    if rng.random() < 0.5:
        t.raw_data = t.raw_data[: len(t.raw_data) // 2]
    else:
        t.raw_data = bytes(rng.randrange(256) for _ in range(len(t.raw_data)))
    return True


MUTATORS = [mutate_attribute, mutate_attribute, mutate_dims, mutate_dims, mutate_type,
            mutate_rank, mutate_edges, mutate_opset, mutate_data]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sources = sorted(p for p in args.src.rglob("*.onnx") if p.stat().st_size < (1 << 20))
    if not sources:
        print(f"no .onnx files under {args.src}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    while written < args.n:
        src = rng.choice(sources)
        try:
            m = onnx.load(str(src), load_external_data=False)
        except Exception:  # noqa: BLE001
            continue
        done = [f.__name__ for f in rng.sample(MUTATORS, rng.choice([1, 1, 2]))
                if f(rng, m)]
        if not done:
            continue
        case = src.parent.name if src.name == "model.onnx" else src.stem
        folder = args.out / case
        folder.mkdir(exist_ok=True)
        (folder / f"{written:05d}-{'+'.join(d[7:] for d in done)}.onnx").write_bytes(
            m.SerializeToString())
        written += 1
    print(f"wrote {written} mutants of {len(sources)} models to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
