"""The malformed-model corpus (utils/malformed): every file gets a clean result.

The corpus is generated at test time (never committed) into a temporary folder: at least
300 files in at least 30 classes (truncated and garbage protobuf, deep nesting, tensor data
that disagrees with its dims, bad dims and data types, cycles, dangling and duplicate names,
opset problems, attributes of the wrong type or out of range, shapes that disagree,
subgraphs with the wrong signature, external data leaving the model's folder...). One test
per class runs `onnx-compile FILE -target=cpu -o out.so` on each of its files and requires:

  - never a signal, an assertion or a hang; exit status 0 or 1;
  - under 2 s and 512 MiB each (ONNXC_MALFORMED_TIME_LIMIT / _MEMORY_LIMIT_MIB);
  - malformed files: exit 1 with a diagnostic that starts with the file name, names the
    problem (the class's regex) and, where there is one, the node and op type;
  - valid files (unsorted nodes, zero-sized tensors, controls): exit 0 and a .so.

Each test prints its class's line of the results table (pytest -s or -rA shows it); the
same table for a whole corpus, or for a folder of files written by someone else:

    utils/malformed/run_corpus.py --generate /tmp/corpus
    utils/malformed/run_corpus.py /path/to/other/corpus
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "utils" / "malformed"))

import classes_files  # noqa: E402,F401  (register the classes)
import classes_graph  # noqa: E402,F401
import classes_ops  # noqa: E402,F401
import classes_foreign  # noqa: E402,F401
import corpus_lib  # noqa: E402

CLASSES = list(corpus_lib.CLASSES)


def test_corpus_size(tmp_path):
    """The corpus has at least 300 files in at least 30 classes, each class with files of
    its own, and every class of the issue is there."""
    entries = corpus_lib.generate(tmp_path / "corpus")
    classes = {e.cls for e in entries}
    per_class = {c: sum(e.cls == c for e in entries) for c in classes}
    print(f"\n{len(entries)} files in {len(classes)} classes: {per_class}")
    assert len(entries) >= 300, len(entries)
    assert len(classes) >= 30, sorted(classes)
    assert classes == set(CLASSES), set(CLASSES) - classes
    assert sum(e.expect == "ok" for e in entries) >= 20, "too few valid controls"
    assert sum(e.expect == "error" for e in entries) >= 250


@pytest.mark.parametrize("cls", CLASSES)
def test_malformed_class(onnx_compile, tmp_path, cls):
    root = tmp_path / "corpus"
    entries = corpus_lib.generate(root, {cls})
    assert entries, f"class {cls} wrote no file"
    results = corpus_lib.run_corpus(onnx_compile, root, entries, jobs=1)
    table = corpus_lib.summarize(results)
    print("\n" + table)
    bad = [r for r in results if r.problems]
    assert not bad, f"{len(bad)} of {len(results)} files of class {cls} not handled " \
                    f"cleanly:\n{table}"
