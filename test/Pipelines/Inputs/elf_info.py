"""Prints the ELF class, type and machine of a file: `ELF64 REL x86-64`.

    python elf_info.py FILE
"""

import struct
import sys

TYPES = {1: "REL", 2: "EXEC", 3: "DYN", 4: "CORE"}
MACHINES = {62: "x86-64", 183: "aarch64"}

with open(sys.argv[1], "rb") as f:
    header = f.read(20)
if header[:4] != b"\x7fELF":
    print("not an ELF file")
    sys.exit(0)
klass = {1: "ELF32", 2: "ELF64"}.get(header[4], "ELF?")
e_type, e_machine = struct.unpack_from("<HH", header, 16)
print(klass, TYPES.get(e_type, e_type), MACHINES.get(e_machine, e_machine))
