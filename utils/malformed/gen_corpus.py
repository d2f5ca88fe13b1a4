#!/usr/bin/env python3
"""Writes the malformed-model corpus (never committed; generated at test time).

    gen_corpus.py OUT_DIR [--classes a,b,...] [--list]
    gen_corpus.py --seeds DIR      write the fuzz seeds (small valid models) instead

OUT_DIR/<class>/<file>.onnx (external-data cases: OUT_DIR/<class>/<case>/model.onnx and
their weight files) and OUT_DIR/manifest.json with each file's expectation.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_lib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--classes", help="comma-separated class names (default: all)")
    ap.add_argument("--list", action="store_true", help="list the classes and exit")
    ap.add_argument("--seeds", type=Path, help="write the importer fuzz seeds to this folder")
    args = ap.parse_args()
    if args.list:
        import classes_files, classes_graph, classes_ops, classes_foreign  # noqa: F401,E401
        for name, (_, _, desc) in corpus_lib.CLASSES.items():
            print(f"{name:<24} {desc}")
        return 0
    if args.seeds:
        import seeds
        print(f"wrote {seeds.write_seeds(args.seeds)} seed models to {args.seeds}")
        return 0
    if not args.out:
        ap.error("OUT_DIR is required")
    classes = set(args.classes.split(",")) if args.classes else None
    entries = corpus_lib.generate(args.out, classes)
    n_classes = len({e.cls for e in entries})
    print(f"wrote {len(entries)} files in {n_classes} classes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
