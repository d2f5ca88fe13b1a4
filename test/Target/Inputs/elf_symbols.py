"""Prints the global symbols an ELF64 little-endian file defines, one per
line as `KIND NAME` (KIND: FUNC or OBJECT), sorted; from .dynsym for shared
objects and .symtab otherwise.

    python elf_symbols.py FILE
"""

import struct
import sys

SHT_SYMTAB, SHT_DYNSYM = 2, 11
STB_GLOBAL, STB_WEAK = 1, 2
KINDS = {1: "OBJECT", 2: "FUNC"}

data = open(sys.argv[1], "rb").read()
if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
    sys.exit("not an ELF64 little-endian file")
e_type = struct.unpack_from("<H", data, 16)[0]
e_shoff = struct.unpack_from("<Q", data, 0x28)[0]
e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
sections = [struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize)
            for i in range(e_shnum)]
wanted = SHT_DYNSYM if e_type == 3 else SHT_SYMTAB
names = []
for sh_name, sh_type, _, _, sh_offset, sh_size, sh_link, _, _, sh_entsize in sections:
    if sh_type != wanted:
        continue
    strtab = sections[sh_link]
    for off in range(sh_offset, sh_offset + sh_size, sh_entsize):
        st_name, st_info, _, st_shndx = struct.unpack_from("<IBBH", data, off)
        bind, kind = st_info >> 4, st_info & 0xF
        if bind not in (STB_GLOBAL, STB_WEAK) or st_shndx == 0 or kind not in KINDS:
            continue
        start = strtab[4] + st_name
        name = data[start:data.index(b"\0", start)].decode()
        names.append(f"{KINDS[kind]} {name}")
print("\n".join(sorted(names)))
