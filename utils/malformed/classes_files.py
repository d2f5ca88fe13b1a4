"""Corpus classes about the file itself: broken protobuf, nesting, versions, opset imports,
and external data (paths that leave the model's folder, ranges outside the file)."""

import os
import random
import struct

import numpy as np
from onnx import TensorProto, helper

from corpus_lib import (NODE, TENSOR, corpus_class, f32, graph, model, node, relu_model,
                        valid_models, vi)

PARSE = r"pars|protobuf|truncat|corrupt|not an? (valid )?onnx"


def parses(data: bytes) -> bool:
    from onnx import ModelProto
    try:
        ModelProto().ParseFromString(data)
    except Exception:
        return False
    return True


@corpus_class("truncated", PARSE, "valid models cut short")
def truncated(c):
    for label, m in valid_models().items():
        data = m.SerializeToString()
        cuts, boundary = [], []
        for frac in (0.01, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.99):
            for n in range(max(1, int(len(data) * frac)), len(data)):
                if not parses(data[:n]):
                    if n not in cuts:
                        cuts.append(n)
                    break
                if n not in boundary and len(boundary) < 2:
                    boundary.append(n)
        for n in cuts:
            c.add(f"{label}_cut{n}", data[:n])
        for n in boundary:  # parses, but part of the model is gone
            c.any(f"{label}_boundary{n}", data[:n], note="cut at a field boundary")


@corpus_class("garbage", PARSE + r"|no graph|empty|invalid", "random bytes, text, other formats")
def garbage(c):
    rng = random.Random(1234)
    made = 0
    while made < 6:
        data = bytes(rng.getrandbits(8) for _ in range(rng.choice([3, 64, 700, 4096])))
        if not parses(data):
            c.add(f"random{made}", data)
            made += 1
    c.add("empty", b"", problem=r"no graph|empty")
    c.add("zeros", bytes(4096))
    c.add("ones", b"\xff" * 4096)
    c.add("text", b"this is not an ONNX model, just some text\n" * 20)
    c.add("json", b'{"graph": {"node": [{"op_type": "Relu"}]}}\n')
    c.add("elf", b"\x7fELF\x02\x01\x01" + bytes(57) + bytes(range(256)) * 4)
    c.add("gzip", b"\x1f\x8b\x08\x00" + bytes(range(256)))
    # Wire-level errors: a length running past the end, an invalid wire type, a varint of
    # eleven bytes, field number 0.
    c.add("len_past_end", b"\x3a\xff\xff\xff\x7f" + b"\x00" * 10)  # graph (7), len 2^31-1
    c.add("wire_type_7", b"\x3f\x00")
    c.add("long_varint", b"\x08" + b"\xff" * 10 + b"\x01")
    c.add("field_zero", b"\x00\x01")
    c.add("len_negative", b"\x3a\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
    # Parses as a ModelProto, but means nothing: no graph.
    c.add("tensor_proto", f32("t", [1.0, 2.0]).SerializeToString(), problem=r"no graph|pars")
    c.add("just_ir_version", b"\x08\x08", problem=r"no graph")
    # A valid model with garbage appended or doubled (protobuf merges concatenations).
    data = relu_model().SerializeToString()
    c.any("trailing_garbage", data + b"\x17\x99\x00garbage")
    c.any("concatenated_twice", data + data, note="merged: every node twice")


def nested_if(depth):
    """Y = X through `depth` nested If nodes (the then-branch holds the next If, the
    else-branch an Identity)."""
    def body(level, out):
        if level == 0:
            return graph([node("Identity", ["X"], [out], f"id{level}_{out}")], [],
                         [vi(out, [2])], name=f"leaf_{out}")
        inner = f"o{level}"
        return graph([node("Constant", [], [f"c{level}"], f"c{level}_{out}",
                           value=helper.make_tensor("v", TensorProto.BOOL, [], [True])),
                      node("If", [f"c{level}"], [out], f"if{level}_{out}",
                           then_branch=body(level - 1, inner + "t"),
                           else_branch=body(0, inner + "e"))],
                     [], [vi(out, [2])], name=f"b{level}_{out}")
    top = body(depth, "Y")
    return model(list(top.node), [vi("X", [2])], [vi("Y", [2])])


def wire_len(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def nested_graph_bytes(depth):
    """Raw bytes: GraphProto -> node -> attribute(g) -> GraphProto ... `depth` times."""
    g = b""
    for _ in range(depth):
        attr = b"\x0a\x01g" + b"\xa0\x01\x05" + b"\x32" + wire_len(len(g)) + g
        nd = b"\x22\x02If" + b"\x2a" + wire_len(len(attr)) + attr
        g = b"\x0a" + wire_len(len(nd)) + nd
    opset = b"\x42\x02\x10\x11"  # opset_import { version: 17 }
    return b"\x08\x08" + opset + b"\x3a" + wire_len(len(g)) + g


@corpus_class("deep_nesting", PARSE + r"|nest|deep|recurs|depth|no graph", "deeply nested subgraphs "
              "and messages")
def deep_nesting(c):
    for depth in (100, 1000, 20000):
        c.add(f"if_chain_{depth}", nested_graph_bytes(depth))
    # 100,000 nested groups of an unknown field.
    c.add("groups_100k", b"\x08\x08" + b"\xfb\x07" * 100000 + b"\xfc\x07" * 100000)
    # Nested length-delimited unknown fields, 5,000 deep.
    inner = b""
    for _ in range(5000):
        inner = b"\xfa\x07" + wire_len(len(inner)) + inner
    c.add("unknown_len_5000", b"\x08\x08" + inner)
    # Moderate nesting that protobuf accepts: a valid model, or a clean refusal.
    for depth in (2, 5, 15, 20):
        c.any(f"nested_if_{depth}", nested_if(depth))
    # A long chain of nodes (not nested, but deep for recursive algorithms).
    chain = [node("Relu" if i % 2 else "Neg", [f"t{i}"], [f"t{i + 1}"], f"n{i}")
             for i in range(400)]
    chain[0].input[0] = "X"
    chain[-1].output[0] = "Y"
    c.any("chain_400", model(chain, [vi("X", [4])], [vi("Y", [4])]))


@corpus_class("mutated", ".", "valid models with random bytes changed: compile or refuse")
def mutated(c):
    rng = random.Random(99)
    for label, m in valid_models().items():
        data = m.SerializeToString()
        for i in range(12):
            b = bytearray(data)
            for _ in range(rng.choice([1, 1, 2, 4, 16])):
                pos = rng.randrange(len(b))
                b[pos] = rng.getrandbits(8) if rng.random() < 0.7 else b[pos] ^ 0x80
            c.any(f"{label}_{i}", bytes(b))


@corpus_class("ir_version", r"IR version|newer", "IR versions the compiler cannot read")
def ir_version(c):
    for v in (15, 99, 1 << 40, (1 << 63) - 1):
        m = relu_model()
        m.ir_version = v
        c.add(f"ir_{v}", m)
    for v in (0, -1, -(1 << 63)):
        m = relu_model()
        m.ir_version = v
        c.any(f"ir_{v}", m, note="old or negative IR version")


@corpus_class("opset_import", r"unsupported|opset|domain", "missing and unknown opset imports")
def opset_import(c):
    relu = [node("Relu", ["X"], ["Y"], "relu")]
    io = ([vi("X", [2, 3])], [vi("Y", [2, 3])])
    names = [NODE("relu", "Relu")]
    c.add("no_opset_import", model(relu, *io, opsets=[]), names=names)
    c.add("only_other_domain", model(relu, *io, opsets=[("com.example", 1)]), names=names)
    c.add("opset_zero", model(relu, *io, opsets=[("", 0)]), names=names)
    c.add("opset_negative", model(relu, *io, opsets=[("", -5)]), names=names)
    c.add("unknown_domain_node", model(
        [node("Relu", ["X"], ["Y"], "relu", domain="com.unknown")], *io),
        names=[NODE("relu", "Relu"), "com.unknown"])
    c.add("unknown_domain_imported", model(
        [node("Frobnicate", ["X"], ["Y"], "frob", domain="com.unknown")], *io,
        opsets=[("", 17), ("com.unknown", 1)]), names=[NODE("frob", "Frobnicate")])
    c.add("unknown_op", model([node("Frobnicate", ["X"], ["Y"], "frob")], *io),
          names=[NODE("frob", "Frobnicate")])
    c.add("empty_op_type", model([node("", ["X"], ["Y"], "noop")], *io), names=[r'"noop"'])
    c.add("ml_domain_op", model(
        [node("Normalizer", ["X"], ["Y"], "norm", domain="ai.onnx.ml")], *io,
        opsets=[("", 17), ("ai.onnx.ml", 3)]), names=[NODE("norm", "Normalizer")])
    c.ok("unused_unknown_domain", model(relu, *io, opsets=[("", 17), ("com.unused", 1)]))
    c.ok("explicit_ai_onnx", model(relu, *io, opsets=[("ai.onnx", 17)]))
    c.any("duplicate_opset", model(relu, *io, opsets=[("", 17), ("", 13)]))
    c.any("huge_opset", model(relu, *io, opsets=[("", 1 << 40)]))


# ---------------------------------------------------------------------------------------
# External data. Each case is a folder with model.onnx; the tensor "w_ext" (float[4]) is
# added to X. A valid weights file lies outside the folder wherever a path could reach it,
# so that only the path check can refuse it.

WEIGHTS = np.array([0.5, -1.25, 2.0, 4.0], dtype=np.float32)
EXT = "w_ext"


def ext_tensor(location, offset=None, length=None, name=EXT, dims=(4,), extra=()):
    t = TensorProto(name=name, data_type=TensorProto.FLOAT, dims=list(dims),
                    data_location=TensorProto.EXTERNAL)
    for key, value in ((("location", location),) if location is not None else ()) + \
            ((("offset", str(offset)),) if offset is not None else ()) + \
            ((("length", str(length)),) if length is not None else ()) + tuple(extra):
        e = t.external_data.add()
        e.key, e.value = key, value
    return t


def ext_model(tensor):
    return model([node("Add", ["X", tensor.name], ["Y"], "add_ext")],
                 [vi("X", [4])], [vi("Y", [4])], [tensor])


def write(path, data=WEIGHTS.tobytes()):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def outside(c):
    """A valid weights file outside every case folder of this class."""
    path = c.root / c.cls / "outside" / "weights.bin"
    if not path.exists():
        write(path)
    return path


def ext_case(c, name, tensor, expect="error", problem=None, names=(TENSOR(EXT),), setup=None,
             note=""):
    folder = c.folder(name)
    if setup:
        setup(folder)
    m = ext_model(tensor) if isinstance(tensor, TensorProto) else tensor
    if expect == "ok":
        return c.ok("model", m, folder=folder, note=note)
    if expect == "any":
        return c.any("model", m, folder=folder, note=note)
    return c.add("model", m, problem=problem, names=names, folder=folder, note=note)


@corpus_class("ext_absolute", r"absolute|outside", "external data at absolute paths")
def ext_absolute(c):
    target = outside(c)
    ext_case(c, "valid_control", ext_tensor("weights.bin"), expect="ok",
             setup=lambda f: write(f / "weights.bin"))
    ext_case(c, "abs_outside", ext_tensor(str(target.resolve())))
    ext_case(c, "etc_passwd", ext_tensor("/etc/passwd", 0, 16))
    ext_case(c, "double_slash", ext_tensor("//" + str(target.resolve()).lstrip("/")))
    ext_case(c, "proc_self", ext_tensor("/proc/self/environ", 0, 16))
    ext_case(c, "dev_zero", ext_tensor("/dev/zero"))
    # Absolute, but naming the file inside the folder: still refused (only relative
    # locations are accepted).
    folder = c.folder("abs_inside")
    write(folder / "weights.bin")
    c.add("model", ext_model(ext_tensor(str((folder / "weights.bin").resolve()))),
          names=[TENSOR(EXT)], folder=folder)
    ext_case(c, "backslash_root", ext_tensor("\\etc\\passwd"))
    ext_case(c, "unc_path", ext_tensor("\\\\server\\share\\weights.bin"))
    ext_case(c, "drive_letter", ext_tensor("C:\\weights.bin"),
             problem=r"absolute|outside|does not exist|cannot open")
    ext_case(c, "file_url", ext_tensor("file:///etc/passwd"),
             problem=r"absolute|outside|does not exist|cannot open")


@corpus_class("ext_dotdot", r"\.\.|outside", "external data locations with '..'")
def ext_dotdot(c):
    outside(c)
    write(c.root / c.cls / "weights.bin")  # one folder above each case folder
    for i, loc in enumerate(["../weights.bin", "../outside/weights.bin", "a/../../weights.bin",
                             "./../weights.bin", "sub/../../weights.bin",
                             "a/b/../../../weights.bin", "..", "a/..//../weights.bin",
                             "a/./../../weights.bin", "../" * 30 + "etc/passwd"]):
        ext_case(c, f"dotdot{i}", ext_tensor(loc), setup=lambda f: (f / "a" / "b").mkdir(
            parents=True))
    # ".." that stays inside the folder: refused as well (any ".." component is).
    ext_case(c, "dotdot_inside", ext_tensor("a/../weights.bin"),
             setup=lambda f: (write(f / "weights.bin"), (f / "a").mkdir()))
    # Names that only look like "..": valid.
    ext_case(c, "dots_in_name", ext_tensor("..weights.bin"), expect="ok",
             setup=lambda f: write(f / "..weights.bin"))
    ext_case(c, "backslash_dotdot", ext_tensor("..\\weights.bin"),
             problem=r"\.\.|outside|does not exist")


@corpus_class("ext_symlink", r"outside|not a regular", "external data through symlinks")
def ext_symlink(c):
    target = outside(c)

    def link(name, to, dir_link=False):
        def setup(folder):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(to, folder / name, target_is_directory=dir_link)
        return setup

    ext_case(c, "file_link_abs", ext_tensor("weights.bin"), setup=link("weights.bin", target))
    ext_case(c, "file_link_rel", ext_tensor("weights.bin"),
             setup=link("weights.bin", "../outside/weights.bin"))
    ext_case(c, "dir_link", ext_tensor("d/weights.bin"), setup=link("d", target.parent, True))
    ext_case(c, "nested_dir_link", ext_tensor("a/d/weights.bin"),
             setup=link("a/d", target.parent, True))

    def chain(folder):
        os.symlink("hop2.bin", folder / "hop1.bin")
        os.symlink(target, folder / "hop2.bin")
    ext_case(c, "chain", ext_tensor("hop1.bin"), setup=chain)
    ext_case(c, "to_dev_zero", ext_tensor("weights.bin"), setup=link("weights.bin", "/dev/zero"))
    ext_case(c, "to_etc_passwd", ext_tensor("weights.bin", 0, 16),
             setup=link("weights.bin", "/etc/passwd"))
    ext_case(c, "to_root_dir", ext_tensor("r/etc/passwd", 0, 16), setup=link("r", "/", True))

    def loop(folder):
        os.symlink("loop_b", folder / "loop_a")
        os.symlink("loop_a", folder / "loop_b")
    ext_case(c, "symlink_loop", ext_tensor("loop_a"), setup=loop,
             problem=r"does not exist|cannot|loop|outside")
    ext_case(c, "dangling_link", ext_tensor("weights.bin"),
             setup=link("weights.bin", "no_such_target.bin"),
             problem=r"does not exist|cannot|outside")

    def inside(folder):
        write(folder / "real" / "weights.bin")
        os.symlink("real/weights.bin", folder / "weights.bin")
    ext_case(c, "inside_link", ext_tensor("weights.bin"), expect="ok", setup=inside,
             note="a symlink that stays inside the folder is fine")


@corpus_class("ext_hardlink", r"hard link", "external data through hard links")
def ext_hardlink(c):
    target = outside(c)

    def hard(name, to):
        def setup(folder):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.link(to, folder / name)
        return setup
    ext_case(c, "to_outside", ext_tensor("weights.bin"), setup=hard("weights.bin", target))
    ext_case(c, "to_outside_subdir", ext_tensor("sub/weights.bin"),
             setup=hard("sub/weights.bin", target))

    def both(folder):
        write(folder / "real.bin")
        os.link(folder / "real.bin", folder / "weights.bin")
    ext_case(c, "inside_pair", ext_tensor("weights.bin"), setup=both,
             note="refused too: the link count cannot tell inside from outside")


@corpus_class("ext_missing", r"does not exist|cannot open|not a regular|empty location|"
              r"no location|missing|NUL", "external data files that are not there or not files")
def ext_missing(c):
    ext_case(c, "no_file", ext_tensor("no_such_weights.bin"),
             names=[TENSOR(EXT), r"no_such_weights\.bin"])
    ext_case(c, "no_file_subdir", ext_tensor("sub/none.bin"))
    ext_case(c, "empty_location", ext_tensor(""))
    ext_case(c, "no_location_key", ext_tensor(None, 0, 16))
    ext_case(c, "no_entries", TensorProto(name=EXT, data_type=TensorProto.FLOAT, dims=[4],
                                          data_location=TensorProto.EXTERNAL))
    ext_case(c, "is_directory", ext_tensor("sub"), setup=lambda f: (f / "sub").mkdir())
    ext_case(c, "is_dot", ext_tensor("."), problem=r"not a regular|outside")
    ext_case(c, "nul_in_name", ext_tensor("weights.bin\0.txt"),
             setup=lambda f: write(f / "weights.bin"))
    ext_case(c, "fifo", ext_tensor("weights.bin"),
             setup=lambda f: os.mkfifo(f / "weights.bin"),
             note="opening a FIFO must not block")
    ext_case(c, "unreadable", ext_tensor("weights.bin"), expect="any",
             setup=lambda f: os.chmod(write(f / "weights.bin"), 0),
             note="refused unless running as root")
    ext_case(c, "long_name", ext_tensor("x" * 5000), problem=r"does not exist|cannot|long")


@corpus_class("ext_range", r"offset|length|past|end of|outside|bytes|not a non-negative",
              "external data offsets and lengths outside the file")
def ext_range(c):
    w = lambda f: write(f / "weights.bin")  # 16 bytes  # noqa: E731
    for name, offset, length in [("offset_past_end", 32, 16), ("offset_at_end", 16, 16),
                                 ("length_past_end", 8, 16), ("length_too_long", 0, 17),
                                 ("length_short", 0, 8), ("length_zero", 0, 0),
                                 ("offset_huge", (1 << 63) - 1, 16),
                                 ("length_huge", 0, (1 << 63) - 1),
                                 ("sum_overflows", (1 << 62), (1 << 62) + 16),
                                 ("offset_negative", -1, 16), ("length_negative", 0, -16),
                                 ("offset_min", -(1 << 63), 16), ("length_2p64", 0, 1 << 64),
                                 ("offset_text", "sixteen", 16), ("offset_hex", "0x10", 16),
                                 ("offset_space", " 4", 16), ("offset_empty", "", 16),
                                 ("length_float", 0, "16.0")]:
        ext_case(c, name, ext_tensor("weights.bin", offset, length), setup=w)
    ext_case(c, "no_length_short_file", ext_tensor("weights.bin", 8), setup=w,
             note="8 bytes left, 16 needed")
    ext_case(c, "dims_huge", ext_tensor("weights.bin", dims=(1 << 31,)), setup=w,
             problem=r"past|end of|limit|bytes|large")
    ext_case(c, "dims_overflow", ext_tensor("weights.bin", dims=(1 << 40, 1 << 40)), setup=w,
             problem=r"overflow|large|limit")
    ext_case(c, "empty_file", ext_tensor("weights.bin"),
             setup=lambda f: write(f / "weights.bin", b""))
    ext_case(c, "offset_ok_control", ext_tensor("weights.bin", 4, 16), expect="ok",
             setup=lambda f: write(f / "weights.bin", b"pad!" + WEIGHTS.tobytes()))


@corpus_class("ext_misc", r"outside|\.\.|absolute|does not exist|past|offset|length",
              "external data in node attributes and subgraphs")
def ext_misc(c):
    outside(c)
    # A Constant node whose value is external.
    def const_model(t):
        return model([node("Constant", [], ["k"], "const_ext", value=t),
                      node("Add", ["X", "k"], ["Y"], "add")],
                     [vi("X", [4])], [vi("Y", [4])])
    t = ext_tensor("../outside/weights.bin", name="value")
    ext_case(c, "constant_dotdot", const_model(t), names=[NODE("const_ext", "Constant")])
    ext_case(c, "constant_ok", const_model(ext_tensor("weights.bin", name="value")),
             expect="ok", setup=lambda f: write(f / "weights.bin"))
    # An initializer of an If branch.
    def if_model(t):
        branch = graph([node("Add", ["X", t.name], ["o"], "add_in_branch")], [], [vi("o", [4])],
                       inits=[t])
        other = graph([node("Identity", ["X"], ["o2"], "id")], [], [vi("o2", [4])])
        return model([node("Constant", [], ["cond"], "cond",
                           value=helper.make_tensor("v", TensorProto.BOOL, [], [True])),
                      node("If", ["cond"], ["Y"], "branchy", then_branch=branch,
                           else_branch=other)],
                     [vi("X", [4])], [vi("Y", [4])])
    ext_case(c, "subgraph_dotdot", if_model(ext_tensor("../outside/weights.bin")))
    ext_case(c, "subgraph_absolute", if_model(ext_tensor("/etc/passwd", 0, 16)))
    ext_case(c, "subgraph_past_end", if_model(ext_tensor("weights.bin", 64, 16)),
             setup=lambda f: write(f / "weights.bin"))
    # Both raw_data and an external location; unknown keys.
    t = ext_tensor("../outside/weights.bin")
    t.raw_data = WEIGHTS.tobytes()
    ext_case(c, "raw_and_external", t, expect="any")
    ext_case(c, "unknown_keys", ext_tensor("weights.bin", extra=[("checksum", "abc")]),
             expect="ok", setup=lambda f: write(f / "weights.bin"))
    ext_case(c, "two_locations", ext_tensor("weights.bin",
                                            extra=[("location", "../outside/weights.bin")]),
             expect="any", setup=lambda f: write(f / "weights.bin"))
