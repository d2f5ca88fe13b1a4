#!/usr/bin/env python3
"""Runs onnx-compile on every file of a malformed-model corpus and prints per-class results.

    run_corpus.py CORPUS_DIR [--onnx-compile PATH] [-j N] [--glob '*.onnx']
    run_corpus.py --generate DIR ...     generate the corpus into DIR first

A corpus folder with a manifest.json (written by gen_corpus.py) is checked against each
file's expectation; any other folder (a corpus written by someone else) is checked for
clean handling only: exit 0 with a .so or exit 1 with a diagnostic that starts with the
file name, never a signal, an assertion or a hang, within 2 s and 512 MiB each
(ONNXC_MALFORMED_TIME_LIMIT, ONNXC_MALFORMED_MEMORY_LIMIT_MIB). Exits 1 when any file
was not handled cleanly.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_lib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--generate", action="store_true", help="generate the corpus first")
    ap.add_argument("--onnx-compile", type=Path,
                    default=Path(os.environ.get("ONNXC_BUILD_DIR", corpus_lib.ROOT / "build"))
                    / "bin" / "onnx-compile")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--glob", default="*.onnx", help="files to run in a folder without a "
                    "manifest.json (default: *.onnx)")
    ap.add_argument("--classes", help="only these classes (comma-separated)")
    args = ap.parse_args()
    if args.generate:
        corpus_lib.generate(args.corpus, set(args.classes.split(",")) if args.classes else None)
    entries = corpus_lib.load_manifest(args.corpus, args.glob)
    if args.classes:
        keep = set(args.classes.split(","))
        entries = [e for e in entries if e.cls in keep]
    if not entries:
        print(f"no files in {args.corpus}", file=sys.stderr)
        return 2
    results = corpus_lib.run_corpus(args.onnx_compile, args.corpus, entries, args.jobs)
    print(corpus_lib.summarize(results))
    return 0 if all(not r.problems for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
