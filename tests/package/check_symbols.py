#!/usr/bin/env python3
"""The symbols a shared libccmlog exports are its public API and nothing else.

    check_symbols.py LIBRARY.so PUBLIC_HEADER_DIR

Every dynamic symbol the library defines must be one of the four functions of
the C API (ccmlog_c.h) or a C++ name in namespace ccmlog whose first name
after "ccmlog::" is declared in a public header (analyzeFiles, Report,
RecordReader::next, ...), and no symbol may belong to a library-private type
(an Impl, a detail:: helper). So what the CLI and viewer alone use
(JsonWriter, TimelineBuilder, ...) is not part of libccmlog.so's ABI.
Exits 1 listing every symbol that breaks the rule; prints the count otherwise.
"""
import pathlib
import re
import subprocess
import sys

C_API = {"ccmlog_analyze_json", "ccmlog_lookup_json", "ccmlog_free", "ccmlog_version"}
# What the linker itself defines in every shared object.
LINKER = {"_init", "_fini", "__bss_start", "_edata", "_end"}
# Prefixes the demangler puts before a class's data: "typeinfo for ccmlog::X".
SPECIAL = re.compile(r"^(?:typeinfo for |typeinfo name for |vtable for |VTT for |guard variable for )")


def defined_symbols(library):
    out = subprocess.run(["nm", "-D", "--defined-only", "-C", library], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split(" ", 2)  # address, type, name
        if len(parts) == 3:
            yield parts[2]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    library, header_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    declared = set()
    for header in header_dir.glob("*.h"):
        declared.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", header.read_text(encoding="utf-8")))
    wrong, seen_c, count = [], set(), 0
    for symbol in defined_symbols(library):
        count += 1
        if symbol in LINKER:
            continue
        if symbol in C_API:
            seen_c.add(symbol)
            continue
        name = SPECIAL.sub("", symbol)
        m = re.match(r"ccmlog::([A-Za-z_][A-Za-z0-9_]*)", name)
        if not m:
            wrong.append(f"{symbol}: not in namespace ccmlog nor the C API")
        elif m.group(1) not in declared:
            wrong.append(f"{symbol}: '{m.group(1)}' is declared in no public header")
        elif re.search(r"\bImpl\b|::detail::|\(anonymous namespace\)", name.split("(")[0]):
            wrong.append(f"{symbol}: a library-private type")
    for missing in sorted(C_API - seen_c):
        wrong.append(f"{missing}: the C API function is not exported")
    if wrong:
        print(f"{library}: {len(wrong)} of {count} exported symbols break the rule:")
        print("\n".join("  " + w for w in wrong))
        return 1
    print(f"{library}: {count} exported symbols, all public API")
    return 0


if __name__ == "__main__":
    sys.exit(main())
